//! The worker loop over the job queue in PostgreSQL: lease a job, ingest its input,
//! mark it done or failed (the queue retries it after a backoff, and gives up after
//! its last attempt). Any number of workers on any number of machines run it at once;
//! each job is leased to one of them at a time.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::Utc;
use distill_ingest::SkipKind;
use distill_library::{Library, LibraryError};
use distill_store::{Job, JobCounts, PgStore, QueueConfig};

use crate::{Ingestor, PipelineConfig, Report, Silent};

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
    /// How long the worker waits out a database it cannot reach before it gives up.
    pub patience: Duration,
    /// Most jobs leased at once: jobs of one small file each are analyzed together,
    /// one per core.
    pub batch: usize,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        Self {
            name: format!("worker-{}-{}", std::process::id(), Utc::now().timestamp_micros()),
            lease: Duration::from_secs(600),
            retry: QueueConfig::default(),
            until_idle: false,
            idle_wait: Duration::from_secs(1),
            patience: Duration::from_secs(600),
            batch: std::thread::available_parallelism().map_or(1, |n| n.get()),
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
    /// Jobs given back unfinished because the database went away mid-job.
    pub released: usize,
}

/// Is `input` a web page rather than a path.
fn is_url(input: &str) -> bool {
    input.starts_with("http://") || input.starts_with("https://")
}

/// Why a job did not finish.
#[derive(Debug)]
pub enum JobError {
    /// The input's own failure: the job is retried after a backoff, then dead; at
    /// once when `retry` is false (trying again cannot help).
    Input {
        /// What went wrong.
        error: String,
        /// Whether another attempt may succeed (a fetch that failed, a file unreadable).
        retry: bool,
    },
    /// The store's: when the database is out of reach, the job goes back to the queue
    /// once it returns, its attempt not counted; otherwise as `Input`.
    Store(LibraryError),
}

impl From<LibraryError> for JobError {
    fn from(error: LibraryError) -> Self {
        JobError::Store(error)
    }
}

/// Runs jobs from `queue` into `library` until the queue is idle (with `until_idle`)
/// or forever. Paths are ingested here, by one ingestor kept across jobs (it follows
/// what other workers store, so copies and stories are found across them); URLs
/// through `fetch_urls`, which the caller gives its HTTP client to. A failed input is
/// that job's error, never the worker's. A database out of reach is waited out (up to
/// `patience`): the job in hand goes back to the queue, and the worker goes on.
pub fn work(
    library: &Library,
    queue: &PgStore,
    pipeline: &PipelineConfig,
    config: &WorkerConfig,
    fetch_urls: &dyn Fn(&[String]) -> Result<Report, JobError>,
) -> Result<WorkerReport, LibraryError> {
    let mut report = WorkerReport::default();
    let mut ingestor: Option<Ingestor> = None;
    let mut outage: Option<Instant> = None;
    loop {
        let step = step(library, queue, pipeline, config, fetch_urls, &mut ingestor, &mut report).and_then(|ran| {
            if ran {
                return Ok(Step::Ran);
            }
            // Nothing due: what the jobs stored is summarized and indexed now.
            if let Some(ingestor) = ingestor.as_mut() {
                ingestor.checkpoint()?;
            }
            // Idle means nothing waiting or running anywhere, not just nothing due.
            Ok(Step::Waiting(queue.job_counts()?))
        });
        match step {
            Ok(Step::Ran) => outage = None,
            Ok(Step::Waiting(counts)) => {
                outage = None;
                if config.until_idle && counts.queued == 0 && counts.running == 0 {
                    return Ok(report);
                }
                std::thread::sleep(config.idle_wait);
            }
            Err(error) if error.is_unreachable() => {
                let since = *outage.get_or_insert_with(Instant::now);
                if since.elapsed() >= config.patience {
                    return Err(error);
                }
                // What the ingestor holds may be half written: read it again.
                ingestor = None;
                let wait =
                    Duration::from_millis(500).saturating_mul(1 << since.elapsed().as_secs().min(6)).min(MAX_WAIT);
                tracing::warn!(%error, retry_in = ?wait, "the database is out of reach; waiting for it");
                std::thread::sleep(wait);
            }
            Err(error) => return Err(error),
        }
    }
}

/// Least time between two checkpoints of a busy worker's ingestor.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(1);

/// What one turn of the loop found.
enum Step {
    /// A job was run.
    Ran,
    /// No job was due; the queue's counts.
    Waiting(JobCounts),
}

/// The longest pause between two tries at a database out of reach.
const MAX_WAIT: Duration = Duration::from_secs(10);

/// Leases and runs up to [`WorkerConfig::batch`] jobs; false when none is due. Jobs
/// of one small file each are analyzed together on all cores; the others (URLs,
/// slices and whole archives, which use every core by themselves) one by one.
fn step<'a>(
    library: &'a Library,
    queue: &PgStore,
    pipeline: &PipelineConfig,
    config: &WorkerConfig,
    fetch_urls: &dyn Fn(&[String]) -> Result<Report, JobError>,
    ingestor: &mut Option<Ingestor<'a>>,
    report: &mut WorkerReport,
) -> Result<bool, LibraryError> {
    let jobs = queue.lease_jobs(&config.name, config.batch, config.lease, &config.retry, Utc::now())?;
    if jobs.is_empty() {
        return Ok(false);
    }
    let (files, others): (Vec<&Job>, Vec<&Job>) = jobs.iter().partition(|job| is_small_file(&job.input));
    if !files.is_empty() {
        let paths: Vec<PathBuf> = files.iter().map(|job| PathBuf::from(&job.input)).collect();
        match ingest_files(library, pipeline, &paths, ingestor) {
            Ok(reports) => {
                for (job, done) in files.into_iter().zip(reports) {
                    record(queue, config, job, Outcome::of(something_came_of(done)), ingestor, report)?;
                }
            }
            Err(error) => {
                let outcome = Outcome::of(Err(error));
                for job in files {
                    record(queue, config, job, outcome.clone(), ingestor, report)?;
                }
            }
        }
    }
    for job in others {
        let outcome = Outcome::of(run(library, pipeline, job, fetch_urls, ingestor));
        record(queue, config, job, outcome, ingestor, report)?;
    }
    Ok(true)
}

/// What became of one job.
#[derive(Clone)]
enum Outcome {
    /// Stored what it holds.
    Done(Report),
    /// Failed: retried after a backoff when `retry`, else dead at once.
    Failed { error: String, retry: bool },
    /// The database went away mid-job: the job goes back, its attempt not counted.
    GiveBack(String),
}

impl Outcome {
    fn of(result: Result<Report, JobError>) -> Outcome {
        match result {
            Ok(done) => Outcome::Done(done),
            Err(JobError::Input { error, retry }) => Outcome::Failed { error, retry },
            Err(JobError::Store(error)) if error.is_unreachable() => Outcome::GiveBack(error.to_string()),
            Err(JobError::Store(error)) => Outcome::Failed { error: error.to_string(), retry: true },
        }
    }
}

/// Records a job's outcome in the queue, even if the database goes away meanwhile.
fn record<'a>(
    queue: &PgStore,
    config: &WorkerConfig,
    job: &Job,
    outcome: Outcome,
    ingestor: &mut Option<Ingestor<'a>>,
    report: &mut WorkerReport,
) -> Result<(), LibraryError> {
    let name = &config.name;
    match outcome {
        Outcome::Done(done) => {
            tracing::info!(input = %job.input, ingested = done.ingested, unchanged = done.unchanged, "job done");
            wait_out(config, || queue.complete(job, name, Utc::now()))?;
            report.done += 1;
        }
        Outcome::GiveBack(error) => {
            // What the ingestor holds may be half written: it is read again.
            *ingestor = None;
            tracing::warn!(input = %job.input, %error, "the database went away mid-job; giving the job back");
            wait_out(config, || queue.release(job, name, Utc::now()))?;
            report.released += 1;
        }
        Outcome::Failed { error, retry } => {
            tracing::warn!(input = %job.input, attempt = job.attempts, %error, retry, "job failed");
            wait_out(config, || queue.fail(job, name, &error, retry, &config.retry, Utc::now()))?;
            report.failed += 1;
        }
    }
    Ok(())
}

/// Whether a job's input is one small file (not a URL, an archive or a slice of one).
fn is_small_file(input: &str) -> bool {
    !is_url(input)
        && distill_ingest::Slice::parse(input).is_none()
        && !distill_ingest::is_warc(std::path::Path::new(input))
        && std::fs::metadata(input).is_ok_and(|m| m.is_file())
}

/// The ingestor, made or brought up to date with what other workers stored.
fn ready<'a, 'i>(
    library: &'a Library,
    ingestor: &'i mut Option<Ingestor<'a>>,
) -> Result<&'i mut Ingestor<'a>, LibraryError> {
    match ingestor {
        Some(ingestor) => {
            ingestor.follow()?;
            Ok(ingestor)
        }
        None => Ok(ingestor.insert(Ingestor::new(library)?)),
    }
}

/// Ingests small files together; each file's report, in order.
fn ingest_files<'a>(
    library: &'a Library,
    pipeline: &PipelineConfig,
    paths: &[PathBuf],
    ingestor: &mut Option<Ingestor<'a>>,
) -> Result<Vec<Report>, JobError> {
    let result = (|| {
        let ingestor = ready(library, ingestor)?;
        let reports = ingestor.ingest_files(paths, pipeline)?;
        checkpoint_now_and_then(ingestor)?;
        Ok(reports)
    })();
    if result.is_err() {
        *ingestor = None;
    }
    result.map_err(JobError::Store)
}

/// Stories and the replica once a second, not after every job (the store holds the
/// jobs' articles already; the rest is derived from it).
fn checkpoint_now_and_then(ingestor: &mut Ingestor) -> Result<(), LibraryError> {
    if ingestor.since_checkpoint() >= CHECKPOINT_EVERY {
        ingestor.checkpoint()?;
    }
    Ok(())
}

/// Runs a queue update, waiting out a database out of reach (within the worker's
/// patience), so that a job's outcome is not lost to an outage.
fn wait_out<T>(config: &WorkerConfig, mut update: impl FnMut() -> distill_store::Result<T>) -> Result<T, LibraryError> {
    let start = Instant::now();
    let mut wait = Duration::from_millis(250);
    loop {
        match update() {
            Err(error) if error.is_unreachable() && start.elapsed() < config.patience => {
                tracing::warn!(%error, retry_in = ?wait, "the database is out of reach; waiting for it");
                std::thread::sleep(wait);
                wait = (wait * 2).min(MAX_WAIT);
            }
            other => return Ok(other?),
        }
    }
}

fn run<'a>(
    library: &'a Library,
    pipeline: &PipelineConfig,
    job: &Job,
    fetch_urls: &dyn Fn(&[String]) -> Result<Report, JobError>,
    ingestor: &mut Option<Ingestor<'a>>,
) -> Result<Report, JobError> {
    let done = if is_url(&job.input) {
        fetch_urls(std::slice::from_ref(&job.input))?
    } else {
        let result = (|| {
            let ingestor = ready(library, ingestor)?;
            let done = match distill_ingest::Slice::parse(&job.input) {
                Some(slice) => ingestor.ingest_slice(&slice, pipeline)?,
                None => ingestor.ingest_paths(&[PathBuf::from(&job.input)], pipeline, &Silent)?,
            };
            checkpoint_now_and_then(ingestor)?;
            Ok(done)
        })();
        if result.is_err() {
            *ingestor = None;
        }
        result.map_err(JobError::Store)?
    };
    something_came_of(done)
}

/// A job's report, or its failure when nothing came of the input, with the reasons.
/// A fetch that failed or a file that could not be read may work next time; a page
/// with no article, or of a kind not read, never will.
fn something_came_of(done: Report) -> Result<Report, JobError> {
    if done.present() == 0 && !done.skipped.is_empty() {
        let reasons: Vec<String> = done.skipped.iter().take(3).map(|s| format!("{}: {}", s.origin, s.reason)).collect();
        let retry = done.skipped.iter().any(|s| matches!(s.kind, SkipKind::Fetch | SkipKind::Unreadable));
        return Err(JobError::Input { error: reasons.join("; "), retry });
    }
    Ok(done)
}
