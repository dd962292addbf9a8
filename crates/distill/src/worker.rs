//! `distill ingest --enqueue` and `distill worker`: inputs queued in the PostgreSQL
//! store and ingested by any number of workers on any number of machines, each job
//! leased to one worker at a time (the queue itself is `distill_store`'s).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use chrono::Utc;
use distill_library::Library;
use distill_library::config::Config;
use distill_store::{PgStore, QueueConfig};

use crate::{live, settings};

/// The job kind of an input to ingest.
const INGEST: &str = "ingest";

/// How long a worker holds a job before another may take it (a worker that died).
const LEASE: Duration = Duration::from_secs(600);

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

/// Leases and ingests queued inputs one at a time; with `until_idle`, returns once no
/// job is waiting or running anywhere.
pub fn run(library: &Library, config: &Config, until_idle: bool) -> anyhow::Result<ExitCode> {
    let queue = queue(config)?;
    let retry = QueueConfig::default();
    let pipeline = settings::pipeline_config(config);
    let name = format!("worker-{}-{}", std::process::id(), Utc::now().timestamp_micros());
    let (mut done, mut failed) = (0usize, 0usize);
    loop {
        let Some(job) = queue.lease(&name, LEASE, &retry, Utc::now())? else {
            let counts = queue.job_counts()?;
            if until_idle && counts.queued == 0 && counts.running == 0 {
                break;
            }
            std::thread::sleep(Duration::from_secs(1));
            continue;
        };
        let result = if job.input.starts_with("http://") || job.input.starts_with("https://") {
            live::ingest_urls(library, std::slice::from_ref(&job.input), &config.fetch, &pipeline)
        } else {
            distill_pipeline::ingest(library, &[PathBuf::from(&job.input)], &pipeline, &distill_pipeline::Silent)
                .map_err(anyhow::Error::from)
        };
        match result {
            Ok(report) => {
                tracing::info!(input = %job.input, ingested = report.ingested, unchanged = report.unchanged, "job done");
                queue.complete(&job, &name, Utc::now())?;
                done += 1;
            }
            Err(error) => {
                tracing::warn!(input = %job.input, attempt = job.attempts, error = format!("{error:#}"), "job failed");
                queue.fail(&job, &name, &format!("{error:#}"), &retry, Utc::now())?;
                failed += 1;
            }
        }
    }
    println!("worker: {done} jobs done, {failed} failed");
    Ok(ExitCode::SUCCESS)
}
