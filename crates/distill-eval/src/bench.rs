//! `distill bench`: throughput and peak memory of the whole pipeline, of extraction
//! alone and of near-duplicate lookups. Scratch data lives under the data folder
//! given, in `bench-scratch/`, and is removed afterwards.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use distill_library::Library;
use distill_pipeline::{PipelineConfig, Silent};

use crate::{Error, Result, file_error, read_decompressed};

/// Ingests a folder into a fresh scratch data folder under `data` (with `keep`, into
/// `data` itself, which is kept), after copying the inputs `replicate` times (each
/// copy with distinct URLs) where that is more than one: articles/s and MB/s.
pub fn ingest(dir: &Path, replicate: usize, data: &Path, keep: bool, out: &mut impl Write) -> Result<()> {
    let scratch = data.join("bench-scratch");
    let _ = std::fs::remove_dir_all(&scratch);
    let inputs =
        if replicate > 1 { replicate_inputs(dir, &scratch.join("inputs"), replicate)? } else { dir.to_path_buf() };
    // Kept, the articles go into the data folder itself (a corpus for load tests).
    let library = Library::open(&if keep { data.to_path_buf() } else { scratch.join("data") })?;
    let start = Instant::now();
    let report = distill_pipeline::ingest(&library, &[inputs], &PipelineConfig::default(), &Silent)?;
    let secs = start.elapsed().as_secs_f64();
    let articles = report.present();
    let mb = report.bytes as f64 / 1e6;
    writeln!(
        out,
        "{articles} articles ({} new), {:.1} MB in {secs:.2} s: {:.0} articles/s, {:.2} MB/s ({} threads, {} skipped)",
        report.ingested,
        mb,
        articles as f64 / secs,
        mb / secs,
        rayon::current_num_threads(),
        report.skipped.len()
    )?;
    let _ = std::fs::remove_dir_all(&scratch);
    Ok(())
}

/// Copies every input file `times` times. Each copy rewrites the `.example/` URLs
/// inside (byte-wise, so any ASCII-compatible encoding survives) and marks plain
/// text, so that every copy is a distinct article. Gzip files are copied decompressed.
fn replicate_inputs(src: &Path, dst: &Path, times: usize) -> Result<PathBuf> {
    let (files, _) = distill_ingest::collect_files(&[src.to_path_buf()]);
    for copy in 0..times {
        let folder = dst.join(format!("copy-{copy:05}"));
        std::fs::create_dir_all(&folder)?;
        for (n, file) in files.iter().enumerate() {
            let name = file.file_name().ok_or_else(|| Error::Input("file name".to_string()))?;
            let name = name.to_string_lossy().into_owned();
            let bytes = read_decompressed(file)?;
            let name = name.strip_suffix(".gz").map(str::to_string).unwrap_or(name);
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

/// Extraction alone over every HTML page in a folder (gzip too), held in memory, with
/// `rounds` passes over the pages per measurement: pages/s and MB/s on one thread and
/// on all cores, and peak memory.
pub fn extract(dir: &Path, rounds: usize, out: &mut impl Write) -> Result<()> {
    use rayon::prelude::*;
    let pages = html_pages(&[dir.to_path_buf()])?;
    if pages.is_empty() {
        return Err(Error::Input(format!("no .html or .html.gz pages in {}", dir.display())));
    }
    let mb = pages.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    let config = distill_extract::ExtractConfig::default();
    let measure = |threads: usize| -> Result<f64> {
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
        writeln!(
            out,
            "{} pages, {mb:.1} MB, {threads} thread(s): {:.0} pages/s, {:.1} MB/s",
            pages.len(),
            pages.len() as f64 / secs,
            mb / secs
        )?;
    }
    writeln!(out, "peak memory (whole process, pages held in memory): {}", peak_memory())?;
    Ok(())
}

/// One HTML page of ordinary news prose of `mb` MB (the `corpus`'s paragraphs,
/// cycled), written to `page_out` where given (and no more), else ingested into a
/// fresh scratch data folder under `data`: seconds, peak memory, sentences and key
/// points. Cost must stay linear in the page (issue 16); run one size per process,
/// since peak memory is the process's.
pub fn page(mb: usize, page_out: Option<&Path>, corpus: &Path, data: &Path, out: &mut impl Write) -> Result<()> {
    let html = prose_page(corpus, mb << 20)?;
    if let Some(page_out) = page_out {
        std::fs::write(page_out, &html).map_err(file_error("writing", page_out))?;
        return Ok(());
    }
    let scratch = data.join("bench-scratch");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch)?;
    let path = scratch.join("page.html");
    std::fs::write(&path, &html)?;
    drop(html);
    let library = Library::open(&scratch.join("data"))?;
    let start = Instant::now();
    let report = distill_pipeline::ingest(&library, &[path], &PipelineConfig::default(), &Silent)?;
    let secs = start.elapsed().as_secs_f64();
    if report.ingested != 1 {
        return Err(Error::Input(format!("the page was not ingested: {:?}", report.skipped)));
    }
    let (listed, _) = library.list(&distill_store::ListQuery::default())?;
    let article =
        library.article(&listed[0].id)?.ok_or_else(|| Error::Input("the ingested page is not stored".to_string()))?;
    let a = &article.article;
    writeln!(
        out,
        "{mb} MB page: ingested in {secs:.2} s; {:.1} MB of text, {} sentences, {} key points, {} insights; peak memory (whole process): {}",
        a.text.len() as f64 / f64::from(1 << 20),
        a.sentences.len(),
        a.summary.bullets.len(),
        a.insights.len(),
        peak_memory()
    )?;
    let _ = std::fs::remove_dir_all(&scratch);
    Ok(())
}

/// An HTML article page of about `bytes` bytes: the corpus's paragraphs of prose (its
/// text and Markdown files, and its JSON Lines articles), cycled, each cycle numbered
/// so that no two paragraphs are the same.
fn prose_page(corpus: &Path, bytes: usize) -> Result<String> {
    let mut paragraphs: Vec<String> = Vec::new();
    let (files, _) = distill_ingest::collect_files(&[corpus.to_path_buf()]);
    for file in &files {
        let name = file.to_string_lossy();
        let texts: Vec<String> = if name.ends_with(".txt") || name.ends_with(".md") {
            vec![std::fs::read_to_string(file)?]
        } else if name.ends_with(".jsonl") {
            std::fs::read_to_string(file)?
                .lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v["text"].as_str().map(str::to_string))
                .collect()
        } else {
            continue;
        };
        for text in texts {
            paragraphs.extend(
                text.split("\n\n")
                    .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|p| p.split(' ').count() >= 12 && p.ends_with(['.', '"', '”'])),
            );
        }
    }
    if paragraphs.is_empty() {
        return Err(Error::Input(format!("no prose paragraphs in {}", corpus.display())));
    }
    let mut html = String::from(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>A very long report</title></head>\
         <body><article><h1>A very long report</h1>",
    );
    let mut cycle = 0;
    while html.len() < bytes {
        cycle += 1;
        for p in &paragraphs {
            html.push_str("<p>");
            html.push_str(&distill_core::text::escape_html(&format!("In part {cycle}, {p}")));
            html.push_str("</p>\n");
            if html.len() >= bytes {
                break;
            }
        }
    }
    html.push_str("</article></body></html>");
    Ok(html)
}

/// The process's peak resident memory, from /proc (Linux), or "unknown".
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l["VmHWM:".len()..].trim().to_string()))
        .unwrap_or_else(|| "unknown".to_string())
}

/// Every `.html` / `.html.gz` page under the folders, decompressed.
fn html_pages(dirs: &[PathBuf]) -> Result<Vec<Vec<u8>>> {
    let (files, _) = distill_ingest::collect_files(dirs);
    let mut pages = Vec::new();
    for file in files.iter().filter(|f| f.to_string_lossy().contains(".htm")) {
        pages.push(read_decompressed(file)?);
    }
    Ok(pages)
}

/// Builds a WARC (one gzip member per record, as CC-NEWS) from every HTML page in the
/// folders, its pages repeated (with distinct URLs) until it holds `min_mb` MB of
/// HTML, and ingests it into a fresh scratch data folder under `data`: articles/s,
/// MB/s and peak memory; then ingests it again, as an interrupted run would be
/// resumed.
pub fn warc(dirs: &[PathBuf], min_mb: usize, data: &Path, out: &mut impl Write) -> Result<()> {
    let pages = html_pages(dirs)?;
    if pages.is_empty() {
        return Err(Error::Input("no .html or .html.gz pages in the folders".to_string()));
    }
    let scratch = data.join("bench-scratch");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch)?;
    let path = scratch.join("bench.warc.gz");
    let mut archive = std::io::BufWriter::new(std::fs::File::create(&path)?);
    let (mut html_bytes, mut records, mut copy) = (0usize, 0usize, 0usize);
    while html_bytes < min_mb * 1_000_000 || copy == 0 {
        for (n, page) in pages.iter().enumerate() {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            let url = format!("https://bench.example/c{copy}/{n}");
            distill_ingest::write_warc_response(&mut gz, &url, "2026-09-14T08:00:00Z", page)?;
            archive.write_all(&gz.finish()?)?;
            html_bytes += page.len();
            records += 1;
        }
        copy += 1;
    }
    archive.flush()?;
    drop(archive);
    let file_mb = std::fs::metadata(&path)?.len() as f64 / 1e6;
    let html_mb = html_bytes as f64 / 1e6;
    writeln!(
        out,
        "archive: {records} response records ({} pages x {copy}), {html_mb:.1} MB of HTML, {file_mb:.1} MB gzipped",
        pages.len()
    )?;
    let library = Library::open(&scratch.join("data"))?;
    for pass in ["first run", "resumed run"] {
        let start = Instant::now();
        let report =
            distill_pipeline::ingest(&library, std::slice::from_ref(&path), &PipelineConfig::default(), &Silent)?;
        let secs = start.elapsed().as_secs_f64();
        writeln!(
            out,
            "{pass}: {} articles ({} new, {} unchanged, {} skipped) in {secs:.2} s: {:.0} articles/s, {:.1} MB/s of HTML, {:.1} MB/s of WARC.gz ({} threads)",
            report.present(),
            report.ingested,
            report.unchanged,
            report.skipped.len(),
            report.present() as f64 / secs,
            html_mb / secs,
            file_mb / secs,
            rayon::current_num_threads(),
        )?;
    }
    writeln!(out, "peak memory (whole process): {}", peak_memory())?;
    drop(library);
    let _ = std::fs::remove_dir_all(&scratch);
    Ok(())
}

/// Near-duplicate lookups against an index of `n` random signatures: build time,
/// memory, and the cost of one lookup for a new story and for an edited copy, each
/// measured `queries` times.
pub fn dedup(n: usize, queries: usize, out: &mut impl Write) -> Result<()> {
    use distill_nlp::dedup::{LshIndex, SIGNATURE_LEN};
    // A fixed-seed generator: MinHash values of distinct texts are uniform, so random
    // signatures stand for a corpus of distinct stories.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state as u32
    };
    let mut random_signature = || (0..SIGNATURE_LEN).map(|_| next()).collect::<Vec<u32>>();
    let rss_before = resident_kb();
    let start = Instant::now();
    let mut index = LshIndex::new();
    let mut kept = Vec::new();
    for i in 0..n {
        let signature = random_signature();
        if i % (n / queries.max(1)).max(1) == 0 && kept.len() < queries {
            kept.push(signature.clone());
        }
        index.insert(&format!("{i:016x}"), signature, None);
    }
    let build = start.elapsed().as_secs_f64();
    let memory_mb = resident_kb().saturating_sub(rss_before) as f64 / 1024.0;
    writeln!(
        out,
        "index of {n} signatures built in {build:.2} s ({:.2} µs per insert), {memory_mb:.0} MB resident",
        build * 1e6 / n as f64
    )?;
    let fresh: Vec<Vec<u32>> = (0..queries).map(|_| random_signature()).collect();
    let start = Instant::now();
    let found_fresh = fresh.iter().filter(|s| index.original_of("query", s).is_some()).count();
    let fresh_us = start.elapsed().as_secs_f64() * 1e6 / queries as f64;
    // Edited copies: 30% of the hash values changed (similarity 0.7).
    let copies: Vec<Vec<u32>> = kept
        .iter()
        .map(|s| s.iter().enumerate().map(|(i, &v)| if i % 10 < 3 { v ^ 0x5555_5555 } else { v }).collect())
        .collect();
    let start = Instant::now();
    let found_copies = copies.iter().filter(|s| index.original_of("query", s).is_some()).count();
    let copy_us = start.elapsed().as_secs_f64() * 1e6 / copies.len().max(1) as f64;
    writeln!(out, "lookup of a new story: {fresh_us:.2} µs ({found_fresh} false matches in {queries})")?;
    writeln!(out, "lookup of an edited copy: {copy_us:.2} µs ({found_copies} of {} found)", copies.len())?;
    writeln!(out, "peak memory (whole process): {}", peak_memory())?;
    Ok(())
}

/// Current resident memory in KiB (Linux), or 0.
fn resident_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}
