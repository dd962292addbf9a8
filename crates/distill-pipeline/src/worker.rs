//! The worker loop over the job queue in PostgreSQL: lease a job, ingest its input,
//! mark it done or failed (the queue retries it after a backoff, and gives up after
//! its last attempt). Any number of workers on any number of machines run it at once;
//! each job is leased to one of them at a time.

use std::path::PathBuf;
use std::time::Duration;

use chrono::Utc;
use distill_library::{Library, LibraryError};
use distill_store::{Job, PgStore, QueueConfig};

use crate::{PipelineConfig, Report, Silent};

/// The job kind of an input to ingest.
pub const INGEST: &str = "ingest";

/// How a worker runs.
#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// The worker's name in the queue (unique among running workers).
    pub name: String,
    /// How long the worker holds a job before another may take it (a worker that died).
    pub lease: Duration,
    /// Retries and backoff.
    pub retry: QueueConfig,
    /// Return once no job is waiting or running, instead of waiting for more.
    pub until_idle: bool,
    /// The pause before looking again when no job is due.
    pub idle_wait: Duration,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        Self {
            name: format!("worker-{}-{}", std::process::id(), Utc::now().timestamp_micros()),
            lease: Duration::from_secs(600),
            retry: QueueConfig::default(),
            until_idle: false,
            idle_wait: Duration::from_secs(1),
        }
    }
}

/// What a worker did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WorkerReport {
    /// Jobs done.
    pub done: usize,
    /// Attempts that failed (the queue retries them, or they are dead).
    pub failed: usize,
}

/// Is `input` a web page rather than a path.
fn is_url(input: &str) -> bool {
    input.starts_with("http://") || input.starts_with("https://")
}

/// Runs jobs from `queue` into `library` until the queue is idle (with `until_idle`)
/// or forever. Paths are ingested here; URLs through `fetch_urls`, which the caller
/// gives its HTTP client to. A failed input is that job's error, never the worker's.
pub fn work(
    library: &Library,
    queue: &PgStore,
    pipeline: &PipelineConfig,
    config: &WorkerConfig,
    fetch_urls: &dyn Fn(&[String]) -> Result<Report, String>,
) -> Result<WorkerReport, LibraryError> {
    let mut report = WorkerReport::default();
    loop {
        let Some(job) = queue.lease(&config.name, config.lease, &config.retry, Utc::now())? else {
            let counts = queue.job_counts()?;
            if config.until_idle && counts.queued == 0 && counts.running == 0 {
                return Ok(report);
            }
            std::thread::sleep(config.idle_wait);
            continue;
        };
        match run(library, pipeline, &job, fetch_urls) {
            Ok(done) => {
                tracing::info!(input = %job.input, ingested = done.ingested, unchanged = done.unchanged, "job done");
                queue.complete(&job, &config.name, Utc::now())?;
                report.done += 1;
            }
            Err(error) => {
                tracing::warn!(input = %job.input, attempt = job.attempts, %error, "job failed");
                queue.fail(&job, &config.name, &error, &config.retry, Utc::now())?;
                report.failed += 1;
            }
        }
    }
}

fn run(
    library: &Library,
    pipeline: &PipelineConfig,
    job: &Job,
    fetch_urls: &dyn Fn(&[String]) -> Result<Report, String>,
) -> Result<Report, String> {
    if is_url(&job.input) {
        fetch_urls(std::slice::from_ref(&job.input))
    } else {
        crate::ingest(library, &[PathBuf::from(&job.input)], pipeline, &Silent).map_err(|e| e.to_string())
    }
}
