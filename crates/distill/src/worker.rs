//! `distill ingest --enqueue` and `distill worker`: inputs queued in the PostgreSQL
//! store and ingested by any number of workers on any number of machines, each job
//! leased to one worker at a time (the queue is `distill_store`'s, the worker loop
//! `distill_pipeline`'s; this module only wires them to the configuration).

use std::process::ExitCode;

use anyhow::Context;
use chrono::Utc;
use distill_library::Library;
use distill_library::config::Config;
use distill_pipeline::worker::{INGEST, WorkerConfig};
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

/// Queues inputs (files, folders and URLs, as `ingest` takes them) for the workers.
pub fn enqueue(config: &Config, inputs: &[String]) -> anyhow::Result<ExitCode> {
    let queue = queue(config)?;
    // Paths are queued absolute, so that a worker started elsewhere finds them.
    let inputs: Vec<String> = inputs
        .iter()
        .map(|input| {
            if input.starts_with("http://") || input.starts_with("https://") {
                Ok(input.clone())
            } else {
                std::fs::canonicalize(input)
                    .with_context(|| format!("cannot queue {input}"))
                    .map(|p| p.display().to_string())
            }
        })
        .collect::<anyhow::Result<_>>()?;
    let queued = queue.enqueue(INGEST, &inputs, Utc::now())?;
    let counts = queue.job_counts()?;
    println!(
        "queued {queued} (already queued {}); queue: {} waiting, {} running",
        inputs.len() - queued,
        counts.queued,
        counts.running
    );
    Ok(ExitCode::SUCCESS)
}

/// Leases and ingests queued inputs one at a time (the loop is the pipeline's); with
/// `until_idle`, returns once no job is waiting or running anywhere.
pub fn run(library: &Library, config: &Config, until_idle: bool) -> anyhow::Result<ExitCode> {
    let queue = queue(config)?;
    let pipeline = settings::pipeline_config(config);
    let worker = WorkerConfig { until_idle, ..WorkerConfig::default() };
    let fetch_urls =
        |urls: &[String]| live::ingest_urls(library, urls, &config.fetch, &pipeline).map_err(|e| format!("{e:#}"));
    let report = distill_pipeline::worker::work(library, &queue, &pipeline, &worker, &fetch_urls)?;
    println!("worker: {} jobs done, {} failed", report.done, report.failed);
    Ok(ExitCode::SUCCESS)
}
