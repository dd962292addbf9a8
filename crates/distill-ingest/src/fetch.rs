//! The one HTTP client for feeds, pages and robots.txt, with crawler manners:
//! the SSRF guard on every hop, robots.txt per host (cached with an expiry), a polite
//! per-host delay and per-host and global concurrency caps, conditional GET, gzip,
//! brotli and deflate, a redirect cap with loop detection, `429`/`503` with
//! `Retry-After`, timeouts, a body cap applied after decompression, and allowed
//! content types.

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{self, HeaderMap};
use tokio::sync::Semaphore;
use url::Url;

use crate::guard::{GuardedResolver, Reach, Refusal, check_url};
use crate::robots::{MAX_ROBOTS_BYTES, Robots};

/// The user agent: names the product and where to learn about it.
pub const USER_AGENT: &str =
    concat!("distill/", env!("CARGO_PKG_VERSION"), " (+https://github.com/distill-news/distill)");

/// Fetcher settings; every limit is configurable.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// Sent with every request.
    pub user_agent: String,
    /// Time to establish a connection.
    pub connect_timeout: Duration,
    /// Time for a whole request, body included.
    pub timeout: Duration,
    /// Largest body, counted after decompression.
    pub max_body_bytes: u64,
    /// Redirects followed per request.
    pub max_redirects: usize,
    /// Which non-public addresses may be reached (tests, intranets).
    pub reach: Reach,
    /// Names resolved without DNS, as in `/etc/hosts` (tests, split-horizon intranets);
    /// the guard checks their addresses like any other.
    pub static_hosts: Vec<(String, IpAddr)>,
    /// Minimum time between two requests to one host.
    pub host_delay: Duration,
    /// Upper bound for a host's `Crawl-delay`.
    pub max_crawl_delay: Duration,
    /// Requests in flight to one host.
    pub host_concurrency: usize,
    /// Requests in flight in all.
    pub concurrency: usize,
    /// Honour robots.txt for pages.
    pub robots: bool,
    /// How long a fetched robots.txt is trusted.
    pub robots_ttl: Duration,
    /// How long a host whose robots.txt failed (5xx, network) is left alone.
    pub robots_error_ttl: Duration,
    /// Longest `Retry-After` honoured; a longer one is capped.
    pub max_retry_after: Duration,
}

impl Default for FetchConfig {
    fn default() -> Self {
        Self {
            user_agent: USER_AGENT.to_string(),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_body_bytes: 16 << 20,
            max_redirects: 5,
            reach: Reach::PUBLIC,
            static_hosts: Vec::new(),
            host_delay: Duration::from_millis(1000),
            max_crawl_delay: Duration::from_secs(10),
            host_concurrency: 2,
            concurrency: 16,
            robots: true,
            robots_ttl: Duration::from_secs(24 * 3600),
            robots_error_ttl: Duration::from_secs(600),
            max_retry_after: Duration::from_secs(6 * 3600),
        }
    }
}

/// What is being fetched: decides robots.txt, `Accept` and the allowed content types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// An article page (robots.txt applies: it is crawling).
    Page,
    /// A feed the user subscribed to (robots.txt does not apply, as in feed readers).
    Feed,
    /// robots.txt itself.
    Robots,
}

impl Purpose {
    fn accept(self) -> &'static str {
        match self {
            Purpose::Page => "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5",
            Purpose::Feed => {
                "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,*/*;q=0.1"
            }
            Purpose::Robots => "text/plain",
        }
    }

    /// Whether a response of this media type (lowercase, no parameters) is usable.
    fn allows(self, media: &str) -> bool {
        match self {
            Purpose::Page => matches!(media, "text/html" | "application/xhtml+xml" | "text/plain"),
            // Feeds are served under many labels; HTML is accepted so a site's home
            // page can be reported as "not a feed" by the parser rather than here.
            Purpose::Feed => {
                media.ends_with("xml")
                    || media.ends_with("+json")
                    || matches!(media, "application/json" | "text/plain" | "text/html" | "application/octet-stream")
            }
            Purpose::Robots => true,
        }
    }
}

/// Cache validators for conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` the server sent.
    pub etag: Option<String>,
    /// The `Last-Modified` the server sent.
    pub last_modified: Option<String>,
}

/// A successful response.
#[derive(Debug, Clone)]
pub struct Response {
    /// The URL after redirects.
    pub url: String,
    /// Every redirect on the way was permanent (301, 308): the resource has moved,
    /// and a subscription should follow it.
    pub moved_permanently: bool,
    /// Media type, lowercase, without parameters.
    pub media_type: Option<String>,
    /// `charset` parameter of the Content-Type.
    pub charset: Option<String>,
    /// Validators for the next conditional request.
    pub validators: Validators,
    /// The body, decompressed, at most `max_body_bytes`.
    pub body: Vec<u8>,
}

/// What a fetch gave.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// A new body.
    Fetched(Response),
    /// `304 Not Modified`: the cached copy is current.
    NotModified,
}

/// Why a fetch failed. Each has a stable [`FetchError::code`].
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum FetchError {
    /// Not a fetchable URL.
    #[error("{url}: not a valid URL: {reason}")]
    BadUrl {
        /// The URL.
        url: String,
        /// Why.
        reason: String,
    },
    /// The SSRF guard refused the URL or its addresses.
    #[error("{url}: refused: {reason}")]
    Refused {
        /// The URL.
        url: String,
        /// Why.
        reason: String,
    },
    /// robots.txt forbids the path.
    #[error("{url}: disallowed by the site's robots.txt")]
    Robots {
        /// The URL.
        url: String,
    },
    /// The server answered with an error status.
    #[error("{url}: HTTP {status}")]
    Status {
        /// The URL.
        url: String,
        /// The status code.
        status: u16,
    },
    /// `429` or `503`: the server asked us to come back later.
    #[error("{url}: HTTP {status}, retry after {}", retry_after.map(|d| format!("{} s", d.as_secs())).unwrap_or_else(|| "an unspecified time".into()))]
    RateLimited {
        /// The URL.
        url: String,
        /// 429 or 503.
        status: u16,
        /// How long the server asked us to wait.
        retry_after: Option<Duration>,
    },
    /// The body exceeded the cap (after decompression).
    #[error("{url}: body larger than {limit} bytes")]
    TooLarge {
        /// The URL.
        url: String,
        /// The cap.
        limit: u64,
    },
    /// The content type is not one this purpose accepts.
    #[error("{url}: unexpected content type '{found}'")]
    ContentType {
        /// The URL.
        url: String,
        /// What the server declared.
        found: String,
    },
    /// More redirects than allowed.
    #[error("{url}: more than {limit} redirects")]
    TooManyRedirects {
        /// The URL.
        url: String,
        /// The cap.
        limit: usize,
    },
    /// A redirect led back to a URL already visited.
    #[error("{url}: redirect loop")]
    RedirectLoop {
        /// The URL.
        url: String,
    },
    /// Connect or total deadline passed.
    #[error("{url}: timed out")]
    Timeout {
        /// The URL.
        url: String,
    },
    /// Connection, TLS, DNS or protocol failure.
    #[error("{url}: {reason}")]
    Network {
        /// The URL.
        url: String,
        /// Why.
        reason: String,
    },
}

impl FetchError {
    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            FetchError::BadUrl { .. } => "bad_url",
            FetchError::Refused { .. } => "address_refused",
            FetchError::Robots { .. } => "robots_disallowed",
            FetchError::Status { .. } => "http_status",
            FetchError::RateLimited { .. } => "rate_limited",
            FetchError::TooLarge { .. } => "too_large",
            FetchError::ContentType { .. } => "content_type",
            FetchError::TooManyRedirects { .. } => "too_many_redirects",
            FetchError::RedirectLoop { .. } => "redirect_loop",
            FetchError::Timeout { .. } => "timeout",
            FetchError::Network { .. } => "network",
        }
    }

    /// The server's `Retry-After`, if it gave one.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            FetchError::RateLimited { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}

/// Per-host politeness state.
struct Host {
    permits: Semaphore,
    schedule: Mutex<Schedule>,
    robots: tokio::sync::Mutex<Option<(Arc<Robots>, Instant)>>,
}

#[derive(Default)]
struct Schedule {
    /// Earliest start of the next request.
    next_start: Option<Instant>,
    /// Set by `Retry-After`: requests before this fail fast.
    blocked_until: Option<Instant>,
    /// The host's `Crawl-delay`, when longer than ours.
    crawl_delay: Option<Duration>,
}

/// The HTTP client. Cheap to share (`Arc`), safe to use from many tasks.
pub struct Fetcher {
    client: reqwest::Client,
    config: FetchConfig,
    global: Semaphore,
    hosts: Mutex<HashMap<String, Arc<Host>>>,
}

impl Fetcher {
    /// Builds the client. Fails only if the TLS stack cannot start.
    pub fn new(config: FetchConfig) -> Result<Fetcher, String> {
        // reqwest is built without a crypto provider; ring is ours (it builds with a
        // C compiler only). Installing twice is harmless.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .user_agent(config.user_agent.clone())
            .connect_timeout(config.connect_timeout)
            .timeout(config.timeout)
            .read_timeout(config.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .dns_resolver(GuardedResolver::shared(config.reach, &config.static_hosts))
            .gzip(true)
            .brotli(true)
            .deflate(true)
            .build()
            .map_err(|e| format!("cannot start the HTTP client: {e}"))?;
        let global = Semaphore::new(config.concurrency.max(1));
        Ok(Fetcher { client, config, global, hosts: Mutex::new(HashMap::new()) })
    }

    /// The settings in use.
    pub fn config(&self) -> &FetchConfig {
        &self.config
    }

    /// Fetches a URL, following redirects, within every limit.
    pub async fn fetch(&self, url: &str, purpose: Purpose, validators: &Validators) -> Result<Outcome, FetchError> {
        let mut current =
            Url::parse(url.trim()).map_err(|e| FetchError::BadUrl { url: url.to_string(), reason: e.to_string() })?;
        let mut visited = HashSet::new();
        let mut permanent = true;
        for _hop in 0..=self.config.max_redirects {
            check_url(&current, self.config.reach)
                .map_err(|Refusal(reason)| FetchError::Refused { url: current.to_string(), reason })?;
            if !visited.insert(current.to_string()) {
                return Err(FetchError::RedirectLoop { url: url.to_string() });
            }
            let host = self.host(&current);
            if purpose == Purpose::Page && self.config.robots {
                let robots = self.robots(&current, &host).await?;
                let path = match current.query() {
                    Some(q) => format!("{}?{q}", current.path()),
                    None => current.path().to_string(),
                };
                if !robots.allows(&path) {
                    return Err(FetchError::Robots { url: current.to_string() });
                }
            }
            match self.send(&current, &host, purpose, validators).await? {
                Step::Done(Outcome::Fetched(mut response)) => {
                    response.moved_permanently = permanent && visited.len() > 1;
                    return Ok(Outcome::Fetched(response));
                }
                Step::Done(outcome) => return Ok(outcome),
                Step::Redirect(next, is_permanent) => {
                    permanent &= is_permanent;
                    current = next;
                }
            }
        }
        Err(FetchError::TooManyRedirects { url: url.to_string(), limit: self.config.max_redirects })
    }

    fn host(&self, url: &Url) -> Arc<Host> {
        let key = url.origin().ascii_serialization();
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        hosts
            .entry(key)
            .or_insert_with(|| {
                Arc::new(Host {
                    permits: Semaphore::new(self.config.host_concurrency.max(1)),
                    schedule: Mutex::new(Schedule::default()),
                    robots: tokio::sync::Mutex::new(None),
                })
            })
            .clone()
    }

    /// The host's robots.txt, fetched once per expiry: 2xx is parsed, 4xx allows
    /// everything, and 5xx or a network failure disallows everything for a while.
    /// The guard's refusal of the host is the page's refusal, not a robots.txt rule.
    async fn robots(&self, url: &Url, host: &Host) -> Result<Arc<Robots>, FetchError> {
        let mut cached = host.robots.lock().await;
        if let Some((robots, expires)) = cached.as_ref()
            && Instant::now() < *expires
        {
            return Ok(robots.clone());
        }
        let mut robots_url = url.clone();
        robots_url.set_path("/robots.txt");
        robots_url.set_query(None);
        robots_url.set_fragment(None);
        let product = self.config.user_agent.split('/').next().unwrap_or("distill").to_string();
        let (robots, ttl) =
            match Box::pin(self.fetch(robots_url.as_str(), Purpose::Robots, &Validators::default())).await {
                Ok(Outcome::Fetched(response)) => {
                    let text = String::from_utf8_lossy(&response.body);
                    (Robots::parse(&text, &product), self.config.robots_ttl)
                }
                Ok(Outcome::NotModified) => (Robots::allow_all(), self.config.robots_ttl),
                Err(FetchError::Status { status, .. }) if (400..500).contains(&status) => {
                    (Robots::allow_all(), self.config.robots_ttl)
                }
                Err(FetchError::ContentType { .. } | FetchError::TooLarge { .. }) => {
                    (Robots::allow_all(), self.config.robots_ttl)
                }
                // The page's own host is refused (at resolution: the URL passed):
                // that is the answer for the page. A robots.txt that redirects to a
                // refused host is only unavailable.
                Err(FetchError::Refused { url: refused, reason })
                    if Url::parse(&refused).is_ok_and(|r| r.host() == url.host()) =>
                {
                    return Err(FetchError::Refused { url: url.to_string(), reason });
                }
                Err(error) => {
                    tracing::warn!(%error, "robots.txt unavailable; leaving the host alone for a while");
                    (Robots::disallow_all(), self.config.robots_error_ttl)
                }
            };
        if let Some(delay) = robots.crawl_delay {
            let mut schedule = host.schedule.lock().unwrap_or_else(|e| e.into_inner());
            schedule.crawl_delay = Some(delay.min(self.config.max_crawl_delay));
        }
        let robots = Arc::new(robots);
        *cached = Some((robots.clone(), Instant::now() + ttl));
        Ok(robots)
    }

    /// Waits for the host's turn (global and per-host caps, then the polite delay),
    /// or fails fast while the host asked us to stay away.
    async fn wait_turn(&self, host: &Host, url: &Url) -> Result<(), FetchError> {
        let wait = {
            let mut schedule = host.schedule.lock().unwrap_or_else(|e| e.into_inner());
            let now = Instant::now();
            if let Some(until) = schedule.blocked_until
                && until > now
            {
                return Err(FetchError::RateLimited {
                    url: url.to_string(),
                    status: 429,
                    retry_after: Some(until - now),
                });
            }
            let delay = schedule.crawl_delay.map_or(self.config.host_delay, |d| d.max(self.config.host_delay));
            let start = schedule.next_start.map_or(now, |t| t.max(now));
            schedule.next_start = Some(start + delay);
            start - now
        };
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
        Ok(())
    }

    async fn send(
        &self,
        url: &Url,
        host: &Host,
        purpose: Purpose,
        validators: &Validators,
    ) -> Result<Step, FetchError> {
        let _global = self.global.acquire().await.expect("semaphore never closed");
        let _host = host.permits.acquire().await.expect("semaphore never closed");
        self.wait_turn(host, url).await?;
        let mut request = self.client.get(url.clone()).header(header::ACCEPT, purpose.accept());
        if let Some(etag) = &validators.etag {
            request = request.header(header::IF_NONE_MATCH, etag);
        }
        if let Some(modified) = &validators.last_modified {
            request = request.header(header::IF_MODIFIED_SINCE, modified);
        }
        let response = request.send().await.map_err(|e| network_error(url, &e))?;
        let status = response.status();
        let headers = response.headers().clone();
        if status.is_redirection() && status.as_u16() != 304 {
            let Some(location) = headers.get(header::LOCATION).and_then(|v| v.to_str().ok()) else {
                return Err(FetchError::Status { url: url.to_string(), status: status.as_u16() });
            };
            let next = url
                .join(location)
                .map_err(|e| FetchError::BadUrl { url: location.to_string(), reason: e.to_string() })?;
            return Ok(Step::Redirect(next, matches!(status.as_u16(), 301 | 308)));
        }
        if status.as_u16() == 304 {
            return Ok(Step::Done(Outcome::NotModified));
        }
        if status.as_u16() == 429 || status.as_u16() == 503 {
            let retry_after = retry_after(&headers).map(|d| d.min(self.config.max_retry_after));
            if let Some(wait) = retry_after {
                let mut schedule = host.schedule.lock().unwrap_or_else(|e| e.into_inner());
                schedule.blocked_until = Some(Instant::now() + wait);
            }
            return Err(FetchError::RateLimited { url: url.to_string(), status: status.as_u16(), retry_after });
        }
        if !status.is_success() {
            return Err(FetchError::Status { url: url.to_string(), status: status.as_u16() });
        }
        let (media_type, charset) = content_type(&headers);
        if let Some(media) = &media_type
            && !purpose.allows(media)
        {
            return Err(FetchError::ContentType { url: url.to_string(), found: media.clone() });
        }
        let limit = if purpose == Purpose::Robots { MAX_ROBOTS_BYTES as u64 } else { self.config.max_body_bytes };
        let body = read_body(response, url, limit, purpose == Purpose::Robots).await?;
        let validators = Validators {
            etag: header_string(&headers, header::ETAG),
            last_modified: header_string(&headers, header::LAST_MODIFIED),
        };
        Ok(Step::Done(Outcome::Fetched(Response {
            url: url.to_string(),
            moved_permanently: false,
            media_type,
            charset,
            validators,
            body,
        })))
    }
}

enum Step {
    Done(Outcome),
    /// The next URL, and whether the move is permanent.
    Redirect(Url, bool),
}

/// Reads the body chunk by chunk, stopping at the cap: a 2 GB response is cut off,
/// never buffered. Robots files are truncated at the cap instead of refused.
async fn read_body(
    mut response: reqwest::Response,
    url: &Url,
    limit: u64,
    truncate: bool,
) -> Result<Vec<u8>, FetchError> {
    // The declared length is only a hint (compressed, or a lie): checked early, and
    // the running count is what binds.
    let compressed = response.headers().contains_key(header::CONTENT_ENCODING);
    if !truncate
        && !compressed
        && let Some(length) = response.content_length()
        && length > limit
    {
        return Err(FetchError::TooLarge { url: url.to_string(), limit });
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| network_error(url, &e))? {
        if body.len() as u64 + chunk.len() as u64 > limit {
            if truncate {
                body.extend_from_slice(&chunk[..(limit as usize - body.len())]);
                return Ok(body);
            }
            return Err(FetchError::TooLarge { url: url.to_string(), limit });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn network_error(url: &Url, error: &reqwest::Error) -> FetchError {
    if error.is_timeout() {
        return FetchError::Timeout { url: url.to_string() };
    }
    // The guard's refusal at resolution surfaces as a connect error; keep its words.
    let mut reason = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        if let Some(Refusal(why)) = inner.downcast_ref::<Refusal>() {
            return FetchError::Refused { url: url.to_string(), reason: why.clone() };
        }
        let text = inner.to_string();
        if !reason.contains(&text) {
            reason = format!("{reason}: {text}");
        }
        source = inner.source();
    }
    FetchError::Network { url: url.to_string(), reason }
}

fn header_string(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_string)
}

fn content_type(headers: &HeaderMap) -> (Option<String>, Option<String>) {
    let Some(value) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else { return (None, None) };
    let mut parts = value.split(';');
    let media = parts.next().map(|m| m.trim().to_ascii_lowercase()).filter(|m| !m.is_empty());
    let charset = parts.find_map(|p| {
        let (key, value) = p.split_once('=')?;
        key.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches('"').to_string())
    });
    (media, charset)
}

/// `Retry-After` as seconds or an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(when.duration_since(SystemTime::now()).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use reqwest::header::HeaderValue;

    use super::*;

    #[test]
    fn content_types_and_retry_after_are_read() {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("Text/HTML; Charset=\"ISO-8859-1\""));
        headers.insert(header::RETRY_AFTER, HeaderValue::from_static("120"));
        assert_eq!(content_type(&headers), (Some("text/html".into()), Some("ISO-8859-1".into())));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(120)));
        headers.insert(header::RETRY_AFTER, HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"));
        assert_eq!(retry_after(&headers), Some(Duration::ZERO));
        assert!(Purpose::Page.allows("text/html") && !Purpose::Page.allows("image/png"));
        assert!(Purpose::Feed.allows("application/rss+xml") && !Purpose::Feed.allows("image/png"));
    }
}
