//! Prometheus metrics at `/metrics`, in the OpenMetrics text format (which Prometheus
//! scrapes natively), with the prometheus org's own client crate (`prometheus-client`:
//! typed label sets, no global registry of its own, no HTTP server).
//!
//! Two kinds of figures. What this process does (HTTP requests by route and status,
//! their latency, the index follower's catch-ups, and what the background feed
//! poller stored and skipped) is counted as it happens, in one process-wide
//! [`Metrics`]. What the data folder holds (articles stored, how far the index lags
//! behind the store, feeds by state) is read from the folder at every scrape, because
//! other processes (an ingest, a fetch) write it: a counter kept here would miss them.

use std::sync::LazyLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use distill_library::{FeedState, Library};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::{encode_eof, encode_registry};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use crate::api::ApiError;
use crate::blocking;

/// The content type of the exposition.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// The labels of a request: its method, the route it matched (the pattern, such as
/// `/articles/{id}`, never the raw URI, so that the label set stays small), and
/// the status it was answered with.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: &'static str,
    route: String,
    status: u16,
}

/// The route of a request, for its latency.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

/// A feed poll's result, as the poller names it.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StatusLabels {
    status: String,
}

/// What happened to an item of a polled feed.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: &'static str,
}

/// Why an item was skipped.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabels {
    kind: String,
}

/// A feed's state.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StateLabels {
    state: &'static str,
}

type Histograms = Family<RouteLabels, Histogram, fn() -> Histogram>;

/// What this process counts as it works; see the module docs.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Histograms,
    catch_ups: Counter,
    caught_up: Counter,
    follow_errors: Counter,
    polls: Family<StatusLabels, Counter>,
    polled: Family<OutcomeLabels, Counter>,
    skips: Family<KindLabels, Counter>,
}

fn latency_histogram() -> Histogram {
    // 0.5 ms to about 16 s.
    Histogram::new(exponential_buckets(0.0005, 2.0, 16))
}

impl Metrics {
    fn new() -> Metrics {
        let mut registry = Registry::with_prefix("distill");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by method, matched route and status",
            requests.clone(),
        );
        let latency: Histograms = Family::new_with_constructor(latency_histogram);
        registry.register_with_unit(
            "http_request_duration",
            "Time to answer an HTTP request, by matched route",
            prometheus_client::registry::Unit::Seconds,
            latency.clone(),
        );
        let catch_ups = Counter::default();
        registry.register(
            "index_catch_ups",
            "Passes of the index follower that indexed what the store had and the index lacked",
            catch_ups.clone(),
        );
        let caught_up = Counter::default();
        registry.register("index_caught_up_articles", "Articles the index follower indexed", caught_up.clone());
        let follow_errors = Counter::default();
        registry.register("index_follow_errors", "Passes of the index follower that failed", follow_errors.clone());
        let polls = Family::<StatusLabels, Counter>::default();
        registry.register("feed_polls", "Feeds polled by the background poller, by result", polls.clone());
        let polled = Family::<OutcomeLabels, Counter>::default();
        registry.register(
            "feed_items",
            "Items of polled feeds: stored as new articles, or already stored",
            polled.clone(),
        );
        let skips = Family::<KindLabels, Counter>::default();
        registry.register("feed_skips", "Items of polled feeds that could not be used, by kind", skips.clone());
        Metrics { registry, requests, latency, catch_ups, caught_up, follow_errors, polls, polled, skips }
    }

    /// Counts one pass of the index follower: how many articles it indexed, or that it failed.
    pub fn record_follow(&self, result: Result<usize, ()>) {
        match result {
            Ok(0) => {}
            Ok(n) => {
                self.catch_ups.inc();
                self.caught_up.inc_by(n as u64);
            }
            Err(()) => {
                self.follow_errors.inc();
            }
        }
    }

    /// Counts one feed polled by the background poller: its result (`new`,
    /// `unchanged`, `failed`, `dead`), the items stored as new and those already
    /// stored, and the kind of each skipped item (anything that serializes as its
    /// stable name, such as distill-ingest's `SkipKind`, which the server does not
    /// depend on).
    pub fn record_feed_poll<K: serde::Serialize>(
        &self,
        status: &str,
        new: usize,
        unchanged: usize,
        skips: impl IntoIterator<Item = K>,
    ) {
        self.polls.get_or_create(&StatusLabels { status: label(status) }).inc();
        self.polled.get_or_create(&OutcomeLabels { outcome: "new" }).inc_by(new as u64);
        self.polled.get_or_create(&OutcomeLabels { outcome: "unchanged" }).inc_by(unchanged as u64);
        for kind in skips {
            let name = serde_json::to_value(&kind).ok().and_then(|v| v.as_str().map(label));
            self.skips.get_or_create(&KindLabels { kind: name.unwrap_or_else(|| "unknown".into()) }).inc();
        }
    }

    fn record_request(&self, method: &Method, route: &str, status: u16, seconds: f64) {
        let labels = RequestLabels { method: method_label(method), route: route.to_string(), status };
        self.requests.get_or_create(&labels).inc();
        self.latency.get_or_create(&RouteLabels { route: route.to_string() }).observe(seconds);
    }
}

/// The metrics of this process.
pub fn global() -> &'static Metrics {
    static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::new);
    &METRICS
}

/// A label value from a caller's name: short, lowercase ASCII words, so that a
/// caller cannot grow the label set with free text.
fn label(name: &str) -> String {
    let clean: String =
        name.chars().take(32).map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' }).collect();
    if clean.is_empty() { "unknown".into() } else { clean }
}

fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        Method::PATCH => "PATCH",
        _ => "other",
    }
}

/// Middleware: counts each request by the route it matched (`unmatched` when none
/// did) and the status it got, and observes how long it took.
pub(crate) async fn track(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request.extensions().get::<MatchedPath>().map_or("unmatched", |p| p.as_str()).to_string();
    let response = next.run(request).await;
    global().record_request(&method, &route, response.status().as_u16(), started.elapsed().as_secs_f64());
    response
}

/// What the data folder holds at the moment of a scrape.
struct Folder {
    articles: usize,
    index_lag: i64,
    indexed_documents: u64,
    feeds: [(FeedState, usize); 4],
}

fn read_folder(library: &Library) -> Result<Folder, String> {
    let articles = library.store.count().map_err(|e| e.to_string())?;
    let stored = library.store.last_seq().map_err(|e| e.to_string())?;
    let indexed = library.index.indexed_seq().map_err(|e| e.to_string())?;
    let mut feeds = [(FeedState::New, 0), (FeedState::Ok, 0), (FeedState::Failing, 0), (FeedState::Dead, 0)];
    for feed in library.feeds().map_err(|e| e.to_string())? {
        if let Some(slot) = feeds.iter_mut().find(|(state, _)| *state == feed.state) {
            slot.1 += 1;
        }
    }
    Ok(Folder { articles, index_lag: (stored - indexed).max(0), indexed_documents: library.index.num_docs(), feeds })
}

fn state_name(state: FeedState) -> &'static str {
    match state {
        FeedState::New => "new",
        FeedState::Ok => "ok",
        FeedState::Failing => "failing",
        FeedState::Dead => "dead",
    }
}

/// The exposition: this process's counters, then the folder's gauges as read now.
/// When the folder cannot be read, its gauges are left out (not shown stale) and
/// `distill_data_readable` is 0.
fn render(library: &Library) -> Result<String, std::fmt::Error> {
    let mut folder = Registry::with_prefix("distill");
    let readable = Gauge::<i64>::default();
    folder.register(
        "data_readable",
        "1 when the store and the search index could be read for this scrape",
        readable.clone(),
    );
    match read_folder(library) {
        Ok(now) => {
            readable.set(1);
            let gauge = |value: i64| {
                let g = Gauge::<i64>::default();
                g.set(value);
                g
            };
            folder.register("articles_stored", "Articles in the store, copies included", gauge(now.articles as i64));
            folder.register(
                "index_lag",
                "Store changes that the search index has not caught up with yet",
                gauge(now.index_lag),
            );
            folder.register("indexed_documents", "Documents in the search index", gauge(now.indexed_documents as i64));
            let feeds = Family::<StateLabels, Gauge>::default();
            for (state, n) in now.feeds {
                feeds.get_or_create(&StateLabels { state: state_name(state) }).set(n as i64);
            }
            folder.register("feeds", "Feed subscriptions by state (new, ok, failing, dead)", feeds);
        }
        Err(error) => tracing::warn!(%error, "metrics: the data folder could not be read"),
    }
    let mut out = String::new();
    encode_registry(&mut out, &global().registry)?;
    encode_registry(&mut out, &folder)?;
    encode_eof(&mut out)?;
    Ok(out)
}

/// `/metrics`.
pub(crate) async fn scrape(State(library): State<Library>) -> Result<Response, ApiError> {
    let text = blocking(move || render(&library))
        .await?
        .map_err(|e| ApiError::internal(format!("metrics could not be written: {e}")))?;
    Ok(([(header::CONTENT_TYPE, CONTENT_TYPE)], text).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_values_stay_short_and_plain() {
        assert_eq!(label("too_large"), "too_large");
        assert_eq!(label("Not Found!"), "not_found_");
        assert_eq!(label(""), "unknown");
        assert_eq!(label(&"x".repeat(100)).len(), 32);
    }

    /// The folder's gauges are read at the scrape: a folder with two articles, one of
    /// them not yet indexed, and a new feed shows so.
    #[test]
    fn a_scrape_reads_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(dir.path()).unwrap();
        library.store.upsert(&distill_core::Article::sample("a", "One", "The pilots voted to strike.")).unwrap();
        library.sync_index().unwrap();
        library.store.upsert(&distill_core::Article::sample("b", "Two", "The port closed for a day.")).unwrap();
        let feed = distill_store::Feed::new(
            "https://example.com/feed",
            std::time::Duration::from_secs(60),
            chrono::Utc::now(),
        );
        library.store.add_feed(&feed).unwrap();
        global().record_feed_poll("new", 3, 1, ["too_large", "empty"]);
        let text = render(&library).unwrap();
        for line in [
            "distill_articles_stored 2",
            "distill_index_lag 1",
            "distill_indexed_documents 1",
            "distill_data_readable 1",
            "distill_feeds{state=\"new\"} 1",
            "distill_feeds{state=\"dead\"} 0",
        ] {
            assert!(text.lines().any(|l| l == line), "no line {line:?} in\n{text}");
        }
        for prefix in [
            "distill_feed_polls_total{status=\"new\"} ",
            "distill_feed_items_total{outcome=\"new\"} ",
            "distill_feed_skips_total{kind=\"too_large\"} ",
        ] {
            assert!(text.lines().any(|l| l.starts_with(prefix)), "no {prefix:?} in\n{text}");
        }
        assert!(text.ends_with("# EOF\n"));
    }
}
