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
}

pub fn run(what: BenchCommand, data: &Path) -> anyhow::Result<ExitCode> {
    match what {
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
                "{articles} articles, {:.1} MB in {secs:.2} s: {:.0} articles/s, {:.2} MB/s ({} threads, {} skipped)",
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

/// Copies every input file `times` times. URLs inside HTML, feeds and JSON Lines get
/// a per-copy query parameter so each copy is a distinct article.
fn replicate_inputs(src: &Path, dst: &Path, times: usize) -> anyhow::Result<PathBuf> {
    let (files, _) = distill_ingest::collect_files(&[src.to_path_buf()]);
    for copy in 0..times {
        let folder = dst.join(format!("copy-{copy:05}"));
        std::fs::create_dir_all(&folder)?;
        for (n, file) in files.iter().enumerate() {
            let name = file.file_name().context("file name")?.to_string_lossy().into_owned();
            let target = folder.join(format!("{n:03}-{name}"));
            let bytes = std::fs::read(file)?;
            if name.ends_with(".gz") {
                std::fs::write(&target, bytes)?;
                continue;
            }
            // Make every URL of this copy unique (and every body: text files hash by content).
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let marked = text.replace(".example/", &format!(".example/c{copy}/"));
            let marked = if name.ends_with(".txt") || name.ends_with(".md") {
                format!("{marked}\n\nCopy {copy} of the benchmark corpus ends here.\n")
            } else {
                marked
            };
            if std::str::from_utf8(&bytes).is_ok() {
                std::fs::write(&target, marked)?;
            } else {
                std::fs::write(&target, bytes)?;
            }
        }
    }
    Ok(dst.to_path_buf())
}
