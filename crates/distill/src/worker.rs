//! `distill ingest --enqueue` and `distill worker`: inputs queued in the PostgreSQL
//! store and ingested by any number of workers on any number of machines, each job
//! leased to one worker at a time (the queue is `distill_store`'s, the worker loop
//! `distill_pipeline`'s; this module only wires them to the configuration).

use std::process::ExitCode;

use anyhow::Context;
use chrono::Utc;
use std::path::PathBuf;

use distill_library::config::Config;
use distill_library::{Library, LibraryError};
use distill_pipeline::worker::{INGEST, JobError, WorkerConfig, WorkerReport};
use distill_store::PgStore;

use crate::{live, settings};

/// The queue of the configured database; only PostgreSQL has one.
fn queue(config: &Config) -> anyhow::Result<PgStore> {
    anyhow::ensure!(
        !config.database.is_empty(),
        "the job queue lives in PostgreSQL: name the database with --database postgres://USER@HOST:PORT/DB"
    );
    Ok(PgStore::open(&config.database)?)
}

/// Queues inputs (files, folders and URLs, as `ingest` takes them) for the workers: a
/// folder is queued file by file, and a WARC or JSON Lines file over `slice_size`
/// bytes in slices of about that size, so that workers share them.
pub fn enqueue(config: &Config, inputs: &[String], slice_size: u64) -> anyhow::Result<ExitCode> {
    let queue = queue(config)?;
    let (urls, paths): (Vec<&String>, Vec<&String>) =
        inputs.iter().partition(|i| i.starts_with("http://") || i.starts_with("https://"));
    let mut jobs: Vec<String> = urls.into_iter().cloned().collect();
    // Paths are queued absolute, so that a worker started elsewhere finds them.
    let paths: Vec<PathBuf> = paths
        .into_iter()
        .map(|p| std::fs::canonicalize(p).with_context(|| format!("cannot queue {p}")))
        .collect::<anyhow::Result<_>>()?;
    let (files, mut skipped) = distill_ingest::collect_files(&paths);
    let read = settings::pipeline_config(config).read;
    for file in files {
        match distill_ingest::split(&file, slice_size, &read) {
            Ok(slices) if slices.len() > 1 => jobs.extend(slices.iter().map(ToString::to_string)),
            Ok(_) => jobs.push(file.display().to_string()),
            Err(skip) => skipped.push(skip),
        }
    }
    for skip in &skipped {
        eprintln!("not queued {}: {}", skip.origin, skip.reason);
    }
    let queued = queue.enqueue(INGEST, &jobs, Utc::now())?;
    let counts = queue.job_counts()?;
    println!(
        "queued {queued} (already queued {}); queue: {} waiting, {} running",
        jobs.len() - queued,
        counts.queued,
        counts.running
    );
    Ok(if skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Leases and ingests queued inputs, `concurrency` jobs at a time, each by a worker of
/// its own (the loop is the pipeline's); with `until_idle`, returns once no job is
/// waiting or running anywhere.
pub fn run(library: &Library, config: &Config, worker: &WorkerConfig, concurrency: usize) -> anyhow::Result<ExitCode> {
    let queue = queue(config)?;
    let pipeline = settings::pipeline_config(config);
    // A store failure stays one, so that the worker can wait out a database outage.
    let fetch_urls = |urls: &[String]| {
        live::ingest_urls(library, urls, &config.fetch, &pipeline).map_err(|e| {
            let input = |e: anyhow::Error| JobError::Input { error: format!("{e:#}"), retry: true };
            e.downcast::<LibraryError>().map_or_else(input, JobError::Store)
        })
    };
    let reports: Vec<Result<WorkerReport, LibraryError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..concurrency.max(1))
            .map(|i| {
                let worker = WorkerConfig { name: format!("{}-{i}", worker.name), ..worker.clone() };
                let (queue, pipeline, fetch_urls) = (&queue, &pipeline, &fetch_urls);
                scope.spawn(move || distill_pipeline::worker::work(library, queue, pipeline, &worker, fetch_urls))
            })
            .collect();
        workers.into_iter().map(|w| w.join().expect("worker thread panicked")).collect()
    });
    let mut total = WorkerReport::default();
    for report in reports {
        let report = report?;
        total.done += report.done;
        total.failed += report.failed;
        total.released += report.released;
    }
    println!("worker: {} jobs done, {} failed, {} given back", total.done, total.failed, total.released);
    Ok(ExitCode::SUCCESS)
}

/// Prints the queue's counts and its dead jobs with their last errors.
pub fn jobs(config: &Config, dead: usize, json: bool) -> anyhow::Result<ExitCode> {
    let queue = queue(config)?;
    let counts = queue.job_counts()?;
    let failed = queue.dead_jobs(dead)?;
    if json {
        let failed: Vec<serde_json::Value> =
            failed.iter().map(|(input, error)| serde_json::json!({"input": input, "error": error})).collect();
        let view = serde_json::json!({
            "queued": counts.queued, "running": counts.running, "done": counts.done, "dead": counts.dead,
            "dead_jobs": failed,
        });
        println!("{view}");
    } else {
        println!("{} waiting, {} running, {} done, {} dead", counts.queued, counts.running, counts.done, counts.dead);
        for (input, error) in &failed {
            println!("  dead {input}: {error}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
