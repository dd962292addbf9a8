//! The live web: fetching pages by URL and polling subscribed feeds. Fetching is
//! concurrent (the fetcher enforces politeness); extraction and storage then run on
//! the CPU pool through one [`Ingestor`] per pass.
//!
//! Feed scheduling: a feed is due at `next_due`. Success (or `304`) schedules the next
//! poll one interval later; a failure schedules it after an exponential backoff with
//! jitter (or the server's `Retry-After`, if longer); after `max_failures` failures
//! in a row, or a `410 Gone`, the feed is marked dead and is no longer polled until
//! it is added again.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use distill_core::article_id;
use distill_ingest::{Body, FetchError, Fetcher, Outcome, Purpose, RawItem, Skip, SkipKind, Validators};
use distill_store::Feed;
pub use distill_store::FeedSelection;
use serde::Serialize;
use tokio::task::JoinSet;

use crate::{Ingestor, Library, LibraryError, PipelineConfig, Report};

/// Scheduling settings for feeds.
#[derive(Debug, Clone)]
pub struct PollConfig {
    /// Failures in a row before a feed is marked dead.
    pub max_failures: u32,
    /// Longest wait between retries of a failing feed.
    pub max_backoff: Duration,
    /// This poller's name in the store's claims (unique among running pollers).
    pub owner: String,
    /// How long a claim keeps other pollers off a feed (then a poller that died
    /// mid-poll has let it go).
    pub lease: Duration,
    /// Due feeds claimed at a time, so that pollers on several machines share a backlog.
    pub batch: usize,
}

impl Default for PollConfig {
    fn default() -> Self {
        let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "host".into());
        Self {
            max_failures: 8,
            max_backoff: Duration::from_secs(24 * 3600),
            owner: format!("{host}-{}-{}", std::process::id(), Utc::now().timestamp_micros()),
            lease: Duration::from_secs(300),
            batch: 32,
        }
    }
}

/// What one feed poll did.
#[derive(Debug, Clone, Serialize)]
pub struct FeedOutcome {
    /// The feed.
    pub url: String,
    /// `new`, `unchanged`, `failed` or `dead`.
    pub status: &'static str,
    /// Articles stored for the first time.
    pub new: usize,
    /// Items already stored.
    pub unchanged: usize,
    /// Items that could not be used.
    pub skipped: Vec<Skip>,
    /// Why the poll failed.
    pub error: Option<String>,
    /// When the feed is polled next.
    pub next_due: DateTime<Utc>,
}

/// Fetches pages and stores their articles. Failures are skips naming the URL.
pub async fn ingest_urls(
    library: &Library,
    fetcher: Arc<Fetcher>,
    urls: &[String],
    config: &PipelineConfig,
) -> Result<Report, LibraryError> {
    let mut tasks = JoinSet::new();
    for (i, url) in urls.iter().enumerate() {
        let fetcher = fetcher.clone();
        let url = url.clone();
        tasks.spawn(async move { (i, fetch_page(&fetcher, &url, None).await) });
    }
    let mut fetched: Vec<(usize, Result<RawItem, Skip>)> = Vec::new();
    while let Some(done) = tasks.join_next().await {
        if let Ok(result) = done {
            fetched.push(result);
        }
    }
    fetched.sort_by_key(|(i, _)| *i);
    let bytes: u64 = fetched.iter().filter_map(|(_, r)| r.as_ref().ok()).map(|i| body_len(i) as u64).sum();
    let library = library.clone();
    let config = config.clone();
    let mut report = tokio::task::spawn_blocking(move || -> Result<Report, LibraryError> {
        let mut ingestor = Ingestor::new(&library)?;
        ingestor.absorb(fetched.into_iter().map(|(_, r)| r), &config, false)?;
        ingestor.finish()
    })
    .await
    .expect("ingest task panicked")?;
    report.bytes = bytes;
    Ok(report)
}

fn body_len(item: &RawItem) -> usize {
    match &item.body {
        Body::Html(b) | Body::Text(b) => b.len(),
    }
}

/// Fetches one article page. `hints` is the feed item it came from, whose title,
/// date and author win over the page's.
async fn fetch_page(fetcher: &Fetcher, url: &str, hints: Option<&RawItem>) -> Result<RawItem, Skip> {
    match fetcher.fetch(url, Purpose::Page, &Validators::default()).await {
        Ok(Outcome::Fetched(response)) => {
            let body = if response.media_type.as_deref() == Some("text/plain") {
                Body::Text(response.body)
            } else {
                Body::Html(response.body)
            };
            let mut item = match hints {
                Some(hints) => RawItem { body, teaser: false, ..hints.clone() },
                None => RawItem::new(url.to_string(), body),
            };
            item.url = Some(response.url);
            item.charset = response.charset;
            Ok(item)
        }
        Ok(Outcome::NotModified) => Err(Skip::new(url, SkipKind::Fetch, "304 Not Modified without a cached copy")),
        Err(error) => {
            let message = error.to_string();
            let reason = message.strip_prefix(&format!("{url}: ")).unwrap_or(&message);
            let kind = match error {
                FetchError::Refused { .. } | FetchError::Robots { .. } => SkipKind::Refused,
                FetchError::TooLarge { .. } => SkipKind::TooLarge,
                FetchError::BadUrl { .. } => SkipKind::Malformed,
                _ => SkipKind::Fetch,
            };
            Err(Skip::new(url, kind, format!("{reason} ({})", error.code())))
        }
    }
}

/// Polls feeds. Each feed's new items are stored; teasers are replaced by the linked
/// page's full article. Feeds are claimed in the store first, so that processes
/// polling one store never fetch a feed twice at once: due feeds in batches of
/// `poll.batch` until none is left, the others in one claim.
pub async fn poll_feeds(
    library: &Library,
    fetcher: Arc<Fetcher>,
    config: &PipelineConfig,
    poll: &PollConfig,
    selection: &FeedSelection,
) -> Result<Vec<FeedOutcome>, LibraryError> {
    // Due means due when the pass began: a feed polled in this pass is due again
    // only after it, so the loop ends.
    let start = Utc::now();
    let mut outcomes = Vec::new();
    loop {
        let batch = if *selection == FeedSelection::Due { poll.batch.max(1) } else { usize::MAX };
        // The lease counts from the claim, not from the start of the pass.
        let lease = poll.lease + (Utc::now() - start).to_std().unwrap_or_default();
        let (selection, owner) = (selection.clone(), poll.owner.clone());
        let feeds = off_async(library, move |l| l.store.claim_feeds(&selection, &owner, batch, lease, start)).await?;
        let claimed = feeds.len();
        if claimed == 0 {
            break;
        }
        outcomes.extend(poll_claimed(library, fetcher.clone(), config, poll, feeds).await?);
        if claimed < batch {
            break;
        }
    }
    Ok(outcomes)
}

/// Fetches claimed feeds concurrently, then stores what they brought and writes each
/// feed back (which releases its claim).
async fn poll_claimed(
    library: &Library,
    fetcher: Arc<Fetcher>,
    config: &PipelineConfig,
    poll: &PollConfig,
    feeds: Vec<Feed>,
) -> Result<Vec<FeedOutcome>, LibraryError> {
    let mut tasks = JoinSet::new();
    for (i, feed) in feeds.into_iter().enumerate() {
        let fetcher = fetcher.clone();
        let library = library.clone();
        tasks.spawn(async move { (i, poll_one(&library, fetcher, feed).await) });
    }
    let mut polled = Vec::new();
    while let Some(done) = tasks.join_next().await {
        if let Ok(result) = done {
            polled.push(result);
        }
    }
    polled.sort_by_key(|(i, _)| *i);
    let library = library.clone();
    let config = config.clone();
    let poll = poll.clone();
    tokio::task::spawn_blocking(move || store_polls(&library, polled.into_iter().map(|(_, p)| p), &config, &poll))
        .await
        .expect("ingest task panicked")
}

/// Runs a store call on the blocking pool: the PostgreSQL client blocks its thread,
/// and must not block the async ones.
async fn off_async<T: Send + 'static>(library: &Library, call: impl FnOnce(&Library) -> T + Send + 'static) -> T {
    let library = library.clone();
    tokio::task::spawn_blocking(move || call(&library)).await.expect("store task panicked")
}

/// A feed fetched, with its items (teasers already replaced), or its failure.
struct Polled {
    feed: Feed,
    result: Result<Option<Vec<Result<RawItem, Skip>>>, FetchError>,
    parse_error: Option<String>,
    known: usize,
}

async fn poll_one(library: &Library, fetcher: Arc<Fetcher>, mut feed: Feed) -> Polled {
    let validators = Validators { etag: feed.etag.clone(), last_modified: feed.last_modified.clone() };
    let response = match fetcher.fetch(&feed.url, Purpose::Feed, &validators).await {
        Ok(Outcome::NotModified) => return Polled { feed, result: Ok(None), parse_error: None, known: 0 },
        Ok(Outcome::Fetched(response)) => response,
        Err(error) => return Polled { feed, result: Err(error), parse_error: None, known: 0 },
    };
    let parsed = distill_ingest::parse_feed(&feed.url, &response.body, Some(&response.url));
    let parsed = match parsed {
        Ok(parsed) => parsed,
        Err(reason) => return Polled { feed, result: Ok(Some(Vec::new())), parse_error: Some(reason), known: 0 },
    };
    if response.moved_permanently && response.url != feed.url {
        let (from, to) = (feed.url.clone(), response.url.clone());
        match off_async(library, move |l| l.store.rename_feed(&from, &to)).await {
            Ok(true) => {
                tracing::info!(from = %feed.url, to = %response.url, "feed moved permanently; subscription updated");
                feed.url = response.url.clone();
            }
            Ok(false) => {}
            Err(error) => tracing::warn!(%error, "could not follow a feed's permanent redirect"),
        }
    }
    feed.etag = response.validators.etag;
    feed.last_modified = response.validators.last_modified;
    if feed.title.is_none() {
        feed.title = parsed.title.clone();
    }
    if feed.site_url.is_none() {
        feed.site_url = parsed.site_url.clone();
    }
    // Items already stored are not fetched or extracted again.
    let ids: Vec<distill_core::ArticleId> =
        parsed.items.iter().filter_map(|i| i.as_ref().ok()?.url.as_deref().map(|u| article_id(Some(u), ""))).collect();
    let stored = off_async(library, move |l| l.store.existing(&ids)).await.unwrap_or_else(|error| {
        tracing::warn!(%error, feed = %feed.url, "cannot tell which items are stored; fetching them all");
        Default::default()
    });
    let mut known = 0;
    let mut pages = JoinSet::new();
    let mut items = Vec::new();
    for (i, item) in parsed.items.into_iter().enumerate() {
        match item {
            Ok(item) if item.url.as_deref().is_some_and(|u| stored.contains(&article_id(Some(u), ""))) => known += 1,
            Ok(item) if item.teaser && item.url.is_some() => {
                // Pages of one feed are fetched concurrently; the fetcher keeps the pace.
                let fetcher = fetcher.clone();
                pages.spawn(async move { (i, fetch_page_with_fallback(&fetcher, item).await) });
            }
            other => items.push((i, other)),
        }
    }
    while let Some(done) = pages.join_next().await {
        if let Ok(page) = done {
            items.push(page);
        }
    }
    items.sort_by_key(|(i, _)| *i);
    Polled { feed, result: Ok(Some(items.into_iter().map(|(_, item)| item).collect())), parse_error: None, known }
}

/// The linked page; if it cannot be fetched, the teaser itself is kept (better a short
/// article than none), unless it has no text.
async fn fetch_page_with_fallback(fetcher: &Fetcher, teaser: RawItem) -> Result<RawItem, Skip> {
    let url = teaser.url.clone().unwrap_or_default();
    match fetch_page(fetcher, &url, Some(&teaser)).await {
        Ok(item) => Ok(item),
        Err(skip) if body_len(&teaser) > 0 => {
            tracing::warn!(%url, reason = %skip.reason, "full article unavailable; keeping the feed's teaser");
            Ok(teaser)
        }
        Err(skip) => Err(skip),
    }
}

fn store_polls(
    library: &Library,
    polled: impl Iterator<Item = Polled>,
    config: &PipelineConfig,
    poll: &PollConfig,
) -> Result<Vec<FeedOutcome>, LibraryError> {
    // Loading the near-duplicate index reads every stored signature: only done when
    // some feed brought items, not on every quiet pass of `serve`.
    let mut ingestor: Option<Ingestor> = None;
    let mut outcomes = Vec::new();
    for Polled { mut feed, result, parse_error, known } in polled {
        let now = Utc::now();
        feed.last_checked = Some(now);
        let failure = match (&result, &parse_error) {
            (Err(error), _) => Some((format!("{}: {error}", error.code()), error.retry_after(), is_gone(error))),
            (Ok(_), Some(reason)) => Some((format!("not_a_feed: {reason}"), None, false)),
            _ => None,
        };
        let mut outcome = FeedOutcome {
            url: feed.url.clone(),
            status: "unchanged",
            new: 0,
            unchanged: known,
            skipped: Vec::new(),
            error: None,
            next_due: now,
        };
        if let Some((message, retry_after, gone)) = failure {
            feed.failures += 1;
            feed.last_error = Some(message.clone());
            let wait = backoff(&feed, poll).max(retry_after.unwrap_or_default());
            feed.next_due = now + chrono::Duration::from_std(wait).unwrap_or_default();
            feed.dead = gone || feed.failures >= poll.max_failures;
            outcome.status = if feed.dead { "dead" } else { "failed" };
            outcome.error = Some(message);
        } else {
            if let Ok(Some(items)) = result
                && !items.is_empty()
            {
                let ingestor = match &mut ingestor {
                    Some(ingestor) => ingestor,
                    None => ingestor.insert(Ingestor::new(library)?),
                };
                let report = ingestor.absorb(items.into_iter(), config, false)?;
                outcome.new = report.ingested;
                outcome.unchanged += report.unchanged + report.updated;
                outcome.skipped = report.skipped;
                if report.ingested > 0 {
                    outcome.status = "new";
                }
            }
            feed.failures = 0;
            feed.last_error = None;
            feed.last_success = Some(now);
            feed.next_due = now + chrono::Duration::seconds(feed.interval_secs as i64);
        }
        outcome.next_due = feed.next_due;
        library.store.update_feed(&feed)?;
        outcomes.push(outcome);
    }
    if let Some(ingestor) = ingestor {
        ingestor.finish()?;
    }
    Ok(outcomes)
}

fn is_gone(error: &FetchError) -> bool {
    matches!(error, FetchError::Status { status: 410, .. })
}

/// Interval × 2^(failures − 1), capped, with ±20% jitter so that failing feeds of
/// one host do not retry in lockstep.
fn backoff(feed: &Feed, poll: &PollConfig) -> Duration {
    let base = Duration::from_secs(feed.interval_secs.max(1));
    let factor = 1u64 << feed.failures.saturating_sub(1).min(16);
    let wait = base.saturating_mul(factor as u32).min(poll.max_backoff);
    let seed =
        xxhash_rust::xxh3::xxh3_64(format!("{}{}{:?}", feed.url, feed.failures, std::time::Instant::now()).as_bytes());
    let jitter = 0.8 + 0.4 * (seed % 10_000) as f64 / 10_000.0;
    wait.mul_f64(jitter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_is_capped_and_jittered() {
        let poll = PollConfig::default();
        let mut feed = Feed::new("https://f.example/rss", Duration::from_secs(600), Utc::now());
        let mut last = Duration::ZERO;
        for failures in 1..=6 {
            feed.failures = failures;
            let wait = backoff(&feed, &poll);
            let nominal = 600.0 * f64::from(1u32 << (failures - 1));
            assert!((nominal * 0.8..=nominal * 1.2).contains(&wait.as_secs_f64()), "{failures}: {wait:?}");
            assert!(wait > last.mul_f64(1.3));
            last = wait;
        }
        feed.failures = 40;
        assert!(backoff(&feed, &poll) <= poll.max_backoff.mul_f64(1.2));
    }
}
