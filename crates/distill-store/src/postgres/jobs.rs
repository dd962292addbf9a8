//! The job queue in PostgreSQL: inputs waiting to be ingested, leased by one worker at
//! a time (`FOR UPDATE SKIP LOCKED`, so workers on any number of machines never wait
//! on each other's rows). A lease expires: a worker that dies mid-job leaves it to
//! the next one. A failure waits out an exponential backoff; after the last attempt the
//! job is dead (kept, with its last error, for a person to look at).
//!
//! Every call takes the time from the caller, so that expiry and backoff are tested
//! with an injected clock rather than sleeps. The queue only keeps inputs: running
//! them (and making that idempotent: the same input twice is one article) is the
//! pipeline's business.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::{PgStore, micros};
use crate::Result;

/// How the queue retries.
#[derive(Debug, Clone)]
pub struct QueueConfig {
    /// Attempts before a job is dead.
    pub max_attempts: u32,
    /// The wait after the first failure; it doubles with each further one.
    pub backoff: Duration,
    /// The longest wait between attempts.
    pub max_backoff: Duration,
}

impl Default for QueueConfig {
    fn default() -> Self {
        Self { max_attempts: 5, backoff: Duration::from_secs(10), max_backoff: Duration::from_secs(600) }
    }
}

impl QueueConfig {
    /// The wait after the `attempts`-th failed attempt.
    fn backoff_after(&self, attempts: u32) -> Duration {
        let doubled = self.backoff.saturating_mul(1u32 << attempts.saturating_sub(1).min(20));
        doubled.min(self.max_backoff)
    }
}

/// A job a worker holds the lease of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The job's id.
    pub id: i64,
    /// What to do (`ingest`).
    pub kind: String,
    /// The input: a path or URL.
    pub input: String,
    /// Attempts so far, this one included.
    pub attempts: u32,
}

/// How many jobs are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JobCounts {
    /// Waiting (including those waiting out a backoff).
    pub queued: usize,
    /// Leased by a worker.
    pub running: usize,
    /// Finished.
    pub done: usize,
    /// Failed on every attempt.
    pub dead: usize,
}

fn chrono_duration(d: Duration) -> chrono::Duration {
    chrono::Duration::from_std(d).unwrap_or(chrono::Duration::MAX)
}

impl PgStore {
    /// Queues inputs of a kind; an input already queued or running is left as it is,
    /// and one that finished or died is queued again. Returns how many were queued.
    pub fn enqueue(&self, kind: &str, inputs: &[String], now: DateTime<Utc>) -> Result<usize> {
        let now = micros(now);
        self.with(|conn| {
            let mut tx = conn.client.transaction()?;
            let mut queued = 0;
            for input in inputs {
                queued += tx.execute(
                    "INSERT INTO jobs (kind, input, state, run_after, created) VALUES ($1, $2, 'queued', $3, $3)
                     ON CONFLICT (kind, input) DO UPDATE SET state = 'queued', attempts = 0, run_after = $3,
                       lease_owner = NULL, lease_until = NULL, last_error = NULL, finished = NULL
                     WHERE jobs.state IN ('done', 'dead')",
                    &[&kind, input, &now],
                )?;
            }
            tx.commit()?;
            Ok(queued as usize)
        })
    }

    /// Leases the next due job to `worker` for `lease`: a queued job whose backoff is
    /// over, or a running one whose lease expired (its worker died). A job whose lease
    /// expired on its last attempt is dead instead. `None` when nothing is due.
    pub fn lease(
        &self,
        worker: &str,
        lease: Duration,
        config: &QueueConfig,
        now: DateTime<Utc>,
    ) -> Result<Option<Job>> {
        Ok(self.lease_jobs(worker, 1, lease, config, now)?.pop())
    }

    /// [`PgStore::lease`] for up to `n` jobs at once (a worker that analyzes several
    /// small inputs on all its cores); the earliest due are taken, returned by id.
    pub fn lease_jobs(
        &self,
        worker: &str,
        n: usize,
        lease: Duration,
        config: &QueueConfig,
        now: DateTime<Utc>,
    ) -> Result<Vec<Job>> {
        let limit = n.clamp(1, 1024) as i64;
        let now = micros(now);
        let until = now + chrono_duration(lease);
        let max_attempts = config.max_attempts.max(1) as i32;
        self.with(|conn| {
            let mut tx = conn.client.transaction()?;
            tx.execute(
                "UPDATE jobs SET state = 'dead', finished = $1, lease_owner = NULL, lease_until = NULL,
                   last_error = COALESCE(last_error || '; ', '') || 'lease expired on the last attempt'
                 WHERE state = 'running' AND lease_until < $1 AND attempts >= $2",
                &[&now, &max_attempts],
            )?;
            let rows = tx.query(
                "UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = $2, lease_until = $3
                 WHERE id IN (
                     SELECT id FROM jobs
                     WHERE (state = 'queued' AND run_after <= $1) OR (state = 'running' AND lease_until < $1)
                     ORDER BY run_after, id
                     LIMIT $4
                     FOR UPDATE SKIP LOCKED
                 )
                 RETURNING id, kind, input, attempts",
                &[&now, &worker, &until, &limit],
            )?;
            tx.commit()?;
            let mut jobs: Vec<Job> = rows
                .iter()
                .map(|r| Job {
                    id: r.get(0),
                    kind: r.get(1),
                    input: r.get(2),
                    attempts: r.get::<_, i32>(3).max(0) as u32,
                })
                .collect();
            // RETURNING keeps no order.
            jobs.sort_by_key(|j| j.id);
            Ok(jobs)
        })
    }

    /// Marks a job done; false when `worker` no longer holds its lease (it expired and
    /// another worker took the job).
    pub fn complete(&self, job: &Job, worker: &str, now: DateTime<Utc>) -> Result<bool> {
        let now = micros(now);
        self.with(|conn| {
            let n = conn.execute(
                "UPDATE jobs SET state = 'done', finished = $3, lease_owner = NULL, lease_until = NULL
                 WHERE id = $1 AND state = 'running' AND lease_owner = $2",
                &[&job.id, &worker, &now],
            )?;
            Ok(n > 0)
        })
    }

    /// Records a failed attempt: the job waits out its backoff, or is dead after its
    /// last attempt, or at once when trying again cannot help (`retry` false: a page
    /// with no article stays one). False when `worker` no longer holds its lease.
    pub fn fail(
        &self,
        job: &Job,
        worker: &str,
        error: &str,
        retry: bool,
        config: &QueueConfig,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let now = micros(now);
        let dead = !retry || job.attempts >= config.max_attempts.max(1);
        let run_after = now + chrono_duration(config.backoff_after(job.attempts));
        self.with(|conn| {
            let n = conn.execute(
                "UPDATE jobs SET state = CASE WHEN $4 THEN 'dead' ELSE 'queued' END, run_after = $5,
                   finished = CASE WHEN $4 THEN $6::timestamptz END, last_error = $3, lease_owner = NULL, lease_until = NULL
                 WHERE id = $1 AND state = 'running' AND lease_owner = $2",
                &[&job.id, &worker, &error, &dead, &run_after, &now],
            )?;
            Ok(n > 0)
        })
    }

    /// Gives a job back to the queue without counting the attempt, due now: its worker
    /// could not run it for a reason not its own (the database went away mid-job).
    /// False when `worker` no longer holds its lease.
    pub fn release(&self, job: &Job, worker: &str, now: DateTime<Utc>) -> Result<bool> {
        let now = micros(now);
        self.with(|conn| {
            let n = conn.execute(
                "UPDATE jobs SET state = 'queued', attempts = GREATEST(attempts - 1, 0), run_after = $3,
                   lease_owner = NULL, lease_until = NULL
                 WHERE id = $1 AND state = 'running' AND lease_owner = $2",
                &[&job.id, &worker, &now],
            )?;
            Ok(n > 0)
        })
    }

    /// How many jobs are in each state.
    pub fn job_counts(&self) -> Result<JobCounts> {
        self.with(|conn| {
            let rows = conn.query("SELECT state, COUNT(*) FROM jobs GROUP BY state", &[])?;
            let mut counts = JobCounts::default();
            for row in &rows {
                let n = super::count(row, 1);
                match row.get::<_, &str>(0) {
                    "queued" => counts.queued = n,
                    "running" => counts.running = n,
                    "done" => counts.done = n,
                    _ => counts.dead += n,
                }
            }
            Ok(counts)
        })
    }

    /// The last error of each dead job, by input, for a person to look at.
    pub fn dead_jobs(&self, limit: usize) -> Result<Vec<(String, String)>> {
        self.with(|conn| {
            let rows = conn.query(
                "SELECT input, COALESCE(last_error, '') FROM jobs WHERE state = 'dead' ORDER BY finished, id LIMIT $1",
                &[&(limit as i64)],
            )?;
            Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_its_cap() {
        let config =
            QueueConfig { max_attempts: 9, backoff: Duration::from_secs(10), max_backoff: Duration::from_secs(60) };
        let waits: Vec<u64> = (1..=6).map(|a| config.backoff_after(a).as_secs()).collect();
        assert_eq!(waits, [10, 20, 40, 60, 60, 60]);
        assert_eq!(config.backoff_after(u32::MAX).as_secs(), 60);
    }
}
