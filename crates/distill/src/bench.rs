//! `distill bench`: whole-pipeline throughput on a folder of inputs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::Subcommand;
use distill_pipeline::{Library, PipelineConfig, Silent};

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Ingest a folder into a fresh scratch data folder; print articles/s and MB/s.
    Ingest {
        /// Input folder.
        dir: PathBuf,
        /// Copy the inputs this many times (each copy gets distinct URLs) first.
        #[arg(long, default_value_t = 1)]
        replicate: usize,
    },
    /// Extraction alone over every HTML page in a folder (gzip too), held in memory:
    /// pages/s and MB/s on one thread and on all cores, and peak memory.
    Extract {
        /// Folder of `.html` / `.html.gz` pages.
        dir: PathBuf,
        /// Passes over the pages per measurement.
        #[arg(long, default_value_t = 3)]
        rounds: usize,
    },
}

pub fn run(what: BenchCommand, data: &Path) -> anyhow::Result<ExitCode> {
    match what {
        BenchCommand::Extract { dir, rounds } => extract(&dir, rounds),
        BenchCommand::Ingest { dir, replicate } => {
            let scratch = data.join("bench-scratch");
            let _ = std::fs::remove_dir_all(&scratch);
            let inputs =
                if replicate > 1 { replicate_inputs(&dir, &scratch.join("inputs"), replicate)? } else { dir.clone() };
            let library = Library::open(&scratch.join("data"))?;
            let start = Instant::now();
            let report = distill_pipeline::ingest(&library, &[inputs], &PipelineConfig::default(), &Silent)?;
            let secs = start.elapsed().as_secs_f64();
            let articles = report.present();
            let mb = report.bytes as f64 / 1e6;
            println!(
                "{articles} articles ({} new), {:.1} MB in {secs:.2} s: {:.0} articles/s, {:.2} MB/s ({} threads, {} skipped)",
                report.ingested,
                mb,
                articles as f64 / secs,
                mb / secs,
                rayon::current_num_threads(),
                report.skipped.len()
            );
            let _ = std::fs::remove_dir_all(&scratch);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Copies every input file `times` times. Each copy rewrites the `.example/` URLs
/// inside (byte-wise, so any ASCII-compatible encoding survives) and marks plain
/// text, so that every copy is a distinct article. Gzip files are copied decompressed.
fn replicate_inputs(src: &Path, dst: &Path, times: usize) -> anyhow::Result<PathBuf> {
    use std::io::Read;
    let (files, _) = distill_ingest::collect_files(&[src.to_path_buf()]);
    for copy in 0..times {
        let folder = dst.join(format!("copy-{copy:05}"));
        std::fs::create_dir_all(&folder)?;
        for (n, file) in files.iter().enumerate() {
            let name = file.file_name().context("file name")?.to_string_lossy().into_owned();
            let mut bytes = std::fs::read(file)?;
            let name = match name.strip_suffix(".gz") {
                Some(plain) => {
                    let mut out = Vec::new();
                    flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut out)?;
                    bytes = out;
                    plain.to_string()
                }
                None => name,
            };
            let mut marked = replace_bytes(&bytes, b".example/", format!(".example/c{copy}/").as_bytes());
            if name.ends_with(".txt") || name.ends_with(".md") {
                // Text has no URL to tell copies apart: mark the first long line of the body.
                let text = String::from_utf8_lossy(&marked).into_owned();
                let line = text.lines().find(|l| l.len() > 80 && !l.contains(':')).unwrap_or("").to_string();
                marked = text.replacen(&line, &format!("{line} Copy {copy}."), 1).into_bytes();
            }
            std::fs::write(folder.join(format!("{n:03}-{name}")), marked)?;
        }
    }
    Ok(dst.to_path_buf())
}

fn replace_bytes(haystack: &[u8], needle: &[u8], with: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(haystack.len() + 64);
    let mut i = 0;
    while i < haystack.len() {
        if haystack[i..].starts_with(needle) {
            out.extend_from_slice(with);
            i += needle.len();
        } else {
            out.push(haystack[i]);
            i += 1;
        }
    }
    out
}

fn extract(dir: &Path, rounds: usize) -> anyhow::Result<ExitCode> {
    use rayon::prelude::*;
    use std::io::Read;
    let (files, _) = distill_ingest::collect_files(&[dir.to_path_buf()]);
    let mut pages = Vec::new();
    for file in files.iter().filter(|f| f.to_string_lossy().contains(".htm")) {
        let bytes = std::fs::read(file)?;
        if file.extension().is_some_and(|e| e == "gz") {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut out)?;
            pages.push(out);
        } else {
            pages.push(bytes);
        }
    }
    anyhow::ensure!(!pages.is_empty(), "no .html or .html.gz pages in {}", dir.display());
    let mb = pages.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    let config = distill_extract::ExtractConfig::default();
    let measure = |threads: usize| -> anyhow::Result<f64> {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
        let start = Instant::now();
        for _ in 0..rounds.max(1) {
            pool.install(|| pages.par_iter().for_each(|p| drop(distill_extract::extract_html(p, None, &config))));
        }
        Ok(start.elapsed().as_secs_f64() / rounds.max(1) as f64)
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for threads in [1, cores] {
        let secs = measure(threads)?;
        println!(
            "{} pages, {mb:.1} MB, {threads} thread(s): {:.0} pages/s, {:.1} MB/s",
            pages.len(),
            pages.len() as f64 / secs,
            mb / secs
        );
    }
    println!("peak memory (whole process, pages held in memory): {}", peak_memory());
    Ok(ExitCode::SUCCESS)
}

/// The process's peak resident memory, from /proc (Linux), or "unknown".
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l["VmHWM:".len()..].trim().to_string()))
        .unwrap_or_else(|| "unknown".to_string())
}
