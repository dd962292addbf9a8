//! The fetcher against a real HTTP server on 127.0.0.1 that misbehaves on purpose.
//! Each test would fail without the behaviour it names.

use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use distill_ingest::guard::Reach;
use distill_ingest::{FetchConfig, FetchError, Fetcher, Outcome, Purpose, Validators};

const PAGE: &str = "<html><head><title>T</title></head><body><p>Hello from the test server.</p></body></html>";

#[derive(Default)]
struct Log {
    requests: Mutex<Vec<(String, HeaderMap)>>,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
}

impl Log {
    fn saw(&self, path: &str) -> usize {
        self.requests.lock().unwrap().iter().filter(|(p, _)| p == path).count()
    }
    fn headers(&self, path: &str) -> Vec<HeaderMap> {
        self.requests.lock().unwrap().iter().filter(|(p, _)| p == path).map(|(_, h)| h.clone()).collect()
    }
}

type Shared = Arc<Log>;

fn html(body: impl Into<Body>) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body.into()).into_response()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

fn app(log: Shared, robots: &'static str, robots_status: StatusCode) -> Router {
    Router::new()
        .route("/robots.txt", get(move || async move { (robots_status, robots) }))
        .route("/page", get(|| async { html(PAGE) }))
        .route("/private/secret", get(|| async { html(PAGE) }))
        .route(
            "/etag",
            get(|headers: HeaderMap| async move {
                if headers.get(header::IF_NONE_MATCH).is_some_and(|v| v == "\"v1\"") {
                    return StatusCode::NOT_MODIFIED.into_response();
                }
                ([(header::ETAG, "\"v1\""), (header::CONTENT_TYPE, "text/html")], PAGE).into_response()
            }),
        )
        .route(
            "/modified",
            get(|headers: HeaderMap| async move {
                const WHEN: &str = "Wed, 21 Oct 2026 07:28:00 GMT";
                if headers.get(header::IF_MODIFIED_SINCE).is_some_and(|v| v == WHEN) {
                    return StatusCode::NOT_MODIFIED.into_response();
                }
                ([(header::LAST_MODIFIED, WHEN), (header::CONTENT_TYPE, "text/html")], PAGE).into_response()
            }),
        )
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(5)).await;
                html(PAGE)
            }),
        )
        .route(
            "/drip",
            get(|| async {
                let stream = futures_util::stream::unfold(0u32, |n| async move {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    (n < 100).then(|| (Ok::<_, std::io::Error>(axum::body::Bytes::from_static(b"<p>drip</p>")), n + 1))
                });
                html(Body::from_stream(stream))
            }),
        )
        .route("/loop/a", get(|| async { (StatusCode::FOUND, [(header::LOCATION, "/loop/b")]) }))
        .route("/loop/b", get(|| async { (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, "/loop/a")]) }))
        .route(
            "/chain/{n}",
            get(|Path(n): Path<u32>| async move {
                if n >= 3 {
                    return html(PAGE);
                }
                (StatusCode::FOUND, [(header::LOCATION, format!("/chain/{}", n + 1))]).into_response()
            }),
        )
        .route("/to-file", get(|| async { (StatusCode::FOUND, [(header::LOCATION, "file:///etc/passwd")]) }))
        .route("/big", get(|| async { html(vec![b'a'; 2 << 20]) }))
        .route(
            "/endless",
            get(|| async {
                let chunk = axum::body::Bytes::from(vec![b'x'; 64 * 1024]);
                let stream = futures_util::stream::repeat_with(move || Ok::<_, std::io::Error>(chunk.clone()));
                html(Body::from_stream(stream))
            }),
        )
        .route(
            "/gzip",
            get(|| async {
                ([(header::CONTENT_TYPE, "text/html"), (header::CONTENT_ENCODING, "gzip")], gzip(PAGE.as_bytes()))
                    .into_response()
            }),
        )
        .route(
            "/gzip-bomb",
            get(|| async {
                let bomb = gzip(&vec![b' '; 64 << 20]);
                ([(header::CONTENT_TYPE, "text/html"), (header::CONTENT_ENCODING, "gzip")], bomb).into_response()
            }),
        )
        .route(
            "/deflate",
            get(|| async {
                let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
                z.write_all(PAGE.as_bytes()).unwrap();
                ([(header::CONTENT_TYPE, "text/html"), (header::CONTENT_ENCODING, "deflate")], z.finish().unwrap())
                    .into_response()
            }),
        )
        .route(
            "/brotli",
            get(|| async {
                let mut out = Vec::new();
                {
                    let mut w = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
                    w.write_all(PAGE.as_bytes()).unwrap();
                }
                ([(header::CONTENT_TYPE, "text/html"), (header::CONTENT_ENCODING, "br")], out).into_response()
            }),
        )
        .route("/image", get(|| async { ([(header::CONTENT_TYPE, "image/png")], vec![0x89, b'P', b'N', b'G']) }))
        .route(
            "/ratelimited",
            get(|| async { (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "120")], "slow down") }),
        )
        .route(
            "/unavailable",
            get(|| async { (StatusCode::SERVICE_UNAVAILABLE, [(header::RETRY_AFTER, "7")], "maintenance") }),
        )
        .route("/gone", get(|| async { (StatusCode::GONE, "gone") }))
        .route(
            "/busy/{n}",
            get(|State(log): State<Shared>| async move {
                let now = log.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                log.max_in_flight.fetch_max(now, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(150)).await;
                log.in_flight.fetch_sub(1, Ordering::SeqCst);
                html(PAGE)
            }),
        )
        .layer(axum::middleware::from_fn_with_state(
            log.clone(),
            |State(log): State<Shared>, request: axum::extract::Request, next: axum::middleware::Next| async move {
                log.requests.lock().unwrap().push((request.uri().path().to_string(), request.headers().clone()));
                next.run(request).await
            },
        ))
        .with_state(log)
}

async fn serve(robots: &'static str, robots_status: StatusCode) -> (SocketAddr, Shared) {
    let log = Shared::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = app(log.clone(), robots, robots_status);
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (addr, log)
}

async fn server() -> (SocketAddr, Shared) {
    serve("User-agent: *\nDisallow: /private/\n", StatusCode::OK).await
}

fn config() -> FetchConfig {
    FetchConfig {
        reach: Reach { private: true, link_local: false },
        host_delay: Duration::ZERO,
        timeout: Duration::from_secs(3),
        max_body_bytes: 1 << 20,
        ..FetchConfig::default()
    }
}

fn fetcher(config: FetchConfig) -> Fetcher {
    Fetcher::new(config).unwrap()
}

async fn get_page(f: &Fetcher, addr: SocketAddr, path: &str) -> Result<Outcome, FetchError> {
    f.fetch(&format!("http://{addr}{path}"), Purpose::Page, &Validators::default()).await
}

fn body(outcome: Result<Outcome, FetchError>) -> Vec<u8> {
    match outcome {
        Ok(Outcome::Fetched(r)) => r.body,
        other => panic!("expected a body, got {other:?}"),
    }
}

#[tokio::test]
async fn loopback_is_refused_without_allow_private() {
    let (addr, log) = server().await;
    let strict = fetcher(FetchConfig { reach: Reach::PUBLIC, ..config() });
    for url in [format!("http://{addr}/page"), format!("http://localhost:{}/page", addr.port())] {
        let err = strict.fetch(&url, Purpose::Page, &Validators::default()).await.unwrap_err();
        assert_eq!(err.code(), "address_refused", "{url}: {err}");
    }
    assert_eq!(log.requests.lock().unwrap().len(), 0, "no request may reach the server");
    assert!(!body(get_page(&fetcher(config()), addr, "/page").await).is_empty());
}

/// Issue 16: `ingest` of a name that resolves to loopback said "disallowed by the
/// site's robots.txt": the robots.txt fetch failed on the guard and was read as a
/// disallow. A name passes the URL check, so only resolution can refuse it; the name
/// here is a static hosts entry, which goes through the guarded resolver at connect
/// time exactly as a DNS answer does (and needs no DNS server).
#[tokio::test]
async fn a_name_that_resolves_to_loopback_is_refused_by_the_guard_not_by_robots() {
    let (addr, log) = server().await;
    let hosts = vec![("loopback.test".to_string(), addr.ip())];
    let url = format!("http://loopback.test:{}/page", addr.port());
    let strict = fetcher(FetchConfig { reach: Reach::PUBLIC, static_hosts: hosts.clone(), ..config() });
    for purpose in [Purpose::Page, Purpose::Feed, Purpose::Page] {
        let err = strict.fetch(&url, purpose, &Validators::default()).await.unwrap_err();
        assert_eq!(err.code(), "address_refused", "{purpose:?}: {err}");
        let text = err.to_string();
        assert!(
            text.contains("/page") && text.contains("resolves to 127.0.0.1") && text.contains("--allow-private"),
            "{text}"
        );
    }
    assert_eq!(log.requests.lock().unwrap().len(), 0, "no request may reach the server");
    // Opened, the same name reaches the server: the refusal above was the guard's.
    let open = fetcher(FetchConfig { static_hosts: hosts, ..config() });
    assert!(!body(open.fetch(&url, Purpose::Page, &Validators::default()).await).is_empty());
}

/// A robots.txt that redirects to a refused address (here the metadata address,
/// refused before any connection even with private addresses open) leaves robots.txt
/// unavailable: the page's own host is not refused, so the page waits.
#[tokio::test]
async fn robots_redirected_to_a_refused_address_is_unavailable() {
    let (addr, log) = serve("", StatusCode::OK).await;
    let redirect = Router::new()
        .route(
            "/robots.txt",
            get(|| async { (StatusCode::FOUND, [(header::LOCATION, "http://169.254.169.254/robots.txt")]) }),
        )
        .route(
            "/page",
            get(move || async move { (StatusCode::FOUND, [(header::LOCATION, format!("http://{addr}/page"))]) }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let front = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, redirect).await.unwrap() });
    let err = get_page(&fetcher(config()), front, "/page").await.unwrap_err();
    assert_eq!(err.code(), "robots_disallowed", "{err}");
    assert_eq!(log.requests.lock().unwrap().len(), 0);
}

#[tokio::test]
async fn conditional_get_with_etag_and_last_modified() {
    let (addr, log) = server().await;
    let f = fetcher(config());
    for path in ["/etag", "/modified"] {
        let url = format!("http://{addr}{path}");
        let Ok(Outcome::Fetched(first)) = f.fetch(&url, Purpose::Page, &Validators::default()).await else {
            panic!("first fetch of {path}")
        };
        assert!(first.validators.etag.is_some() || first.validators.last_modified.is_some());
        let second = f.fetch(&url, Purpose::Page, &first.validators).await.unwrap();
        assert!(matches!(second, Outcome::NotModified), "{path}: {second:?}");
    }
    let sent = log.headers("/etag");
    assert!(sent[1].get(header::IF_NONE_MATCH).is_some_and(|v| v == "\"v1\""));
    assert!(sent[0].get(header::USER_AGENT).is_some_and(|v| v.to_str().unwrap().starts_with("distill/")));
}

#[tokio::test]
async fn robots_txt_forbids_paths_and_is_fetched_once() {
    let (addr, log) = server().await;
    let f = fetcher(config());
    let err = get_page(&f, addr, "/private/secret").await.unwrap_err();
    assert_eq!(err.code(), "robots_disallowed");
    assert_eq!(log.saw("/private/secret"), 0);
    body(get_page(&f, addr, "/page").await);
    body(get_page(&f, addr, "/page").await);
    assert_eq!(log.saw("/robots.txt"), 1, "robots.txt is cached");
    // Feeds the user subscribed to are not crawling: robots.txt does not apply.
    let feed = f.fetch(&format!("http://{addr}/private/secret"), Purpose::Feed, &Validators::default()).await;
    assert!(feed.is_ok());
}

#[tokio::test]
async fn robots_errors_back_off_and_missing_robots_allow() {
    let (failing, log) = serve("boom", StatusCode::INTERNAL_SERVER_ERROR).await;
    let f = fetcher(config());
    assert_eq!(get_page(&f, failing, "/page").await.unwrap_err().code(), "robots_disallowed");
    assert_eq!(log.saw("/page"), 0);
    let (missing, _) = serve("not found", StatusCode::NOT_FOUND).await;
    body(get_page(&f, missing, "/private/secret").await);
}

#[tokio::test]
async fn timeouts_cut_slow_servers_and_slow_drips() {
    let (addr, _) = server().await;
    let f = fetcher(FetchConfig { timeout: Duration::from_millis(600), ..config() });
    for path in ["/slow", "/drip"] {
        let started = Instant::now();
        let err = get_page(&f, addr, path).await.unwrap_err();
        assert_eq!(err.code(), "timeout", "{path}: {err}");
        assert!(started.elapsed() < Duration::from_secs(3), "{path} took {:?}", started.elapsed());
    }
}

#[tokio::test]
async fn redirects_are_capped_and_loops_detected() {
    let (addr, _) = server().await;
    let f = fetcher(config());
    assert_eq!(get_page(&f, addr, "/loop/a").await.unwrap_err().code(), "redirect_loop");
    let Ok(Outcome::Fetched(end)) = get_page(&f, addr, "/chain/0").await else { panic!("chain of 3") };
    assert!(end.url.ends_with("/chain/3"));
    let short = fetcher(FetchConfig { max_redirects: 2, ..config() });
    assert_eq!(get_page(&short, addr, "/chain/0").await.unwrap_err().code(), "too_many_redirects");
    // Every hop goes through the guard: a redirect to file: is refused.
    assert_eq!(get_page(&f, addr, "/to-file").await.unwrap_err().code(), "address_refused");
}

#[tokio::test]
async fn bodies_over_the_cap_are_cut_off_not_buffered() {
    let (addr, _) = server().await;
    let f = fetcher(config());
    for path in ["/big", "/endless", "/gzip-bomb"] {
        let started = Instant::now();
        let err = get_page(&f, addr, path).await.unwrap_err();
        assert_eq!(err.code(), "too_large", "{path}: {err}");
        assert!(started.elapsed() < Duration::from_secs(3));
    }
}

#[tokio::test]
async fn gzip_brotli_and_deflate_are_decoded() {
    let (addr, log) = server().await;
    let f = fetcher(config());
    for path in ["/gzip", "/brotli", "/deflate"] {
        assert_eq!(body(get_page(&f, addr, path).await), PAGE.as_bytes(), "{path}");
    }
    let accept = log.headers("/gzip")[0].get(header::ACCEPT_ENCODING).unwrap().to_str().unwrap().to_string();
    assert!(accept.contains("gzip") && accept.contains("br") && accept.contains("deflate"), "{accept}");
}

#[tokio::test]
async fn wrong_content_types_and_error_statuses() {
    let (addr, _) = server().await;
    let f = fetcher(config());
    let err = get_page(&f, addr, "/image").await.unwrap_err();
    assert_eq!(err.code(), "content_type");
    assert!(err.to_string().contains("image/png"));
    assert!(matches!(get_page(&f, addr, "/gone").await, Err(FetchError::Status { status: 410, .. })));
}

#[tokio::test]
async fn retry_after_is_honoured_and_the_host_is_left_alone() {
    let (addr, log) = server().await;
    let f = fetcher(config());
    let err = get_page(&f, addr, "/ratelimited").await.unwrap_err();
    assert_eq!(err.code(), "rate_limited");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(120)));
    // Until then, further requests to the host fail fast without reaching it.
    let again = get_page(&f, addr, "/page").await.unwrap_err();
    assert_eq!(again.code(), "rate_limited");
    assert_eq!(log.saw("/page"), 0);

    let (other, _) = server().await;
    let err = get_page(&f, other, "/unavailable").await.unwrap_err();
    assert!(
        matches!(err, FetchError::RateLimited { status: 503, retry_after: Some(d), .. } if d == Duration::from_secs(7))
    );
}

#[tokio::test]
async fn requests_to_one_host_are_spaced_by_the_polite_delay() {
    let (addr, _) = server().await;
    let f = fetcher(FetchConfig { host_delay: Duration::from_millis(300), ..config() });
    body(get_page(&f, addr, "/page").await); // also fetches robots.txt
    let started = Instant::now();
    for _ in 0..3 {
        body(get_page(&f, addr, "/page").await);
    }
    assert!(started.elapsed() >= Duration::from_millis(850), "3 requests in {:?}", started.elapsed());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn per_host_and_global_concurrency_caps_hold() {
    let (addr, log) = server().await;
    let f = Arc::new(fetcher(FetchConfig { host_concurrency: 1, ..config() }));
    body(get_page(&f, addr, "/page").await);
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..4 {
        let f = f.clone();
        tasks.spawn(async move { get_page(&f, addr, &format!("/busy/{n}")).await.map(|_| ()) });
    }
    while let Some(done) = tasks.join_next().await {
        done.unwrap().unwrap();
    }
    assert_eq!(log.max_in_flight.load(Ordering::SeqCst), 1, "one request at a time per host");

    // Two origins (127.0.0.1 and localhost), a global cap of one.
    let (addr, log) = server().await;
    let f = Arc::new(fetcher(FetchConfig { host_concurrency: 4, concurrency: 1, ..config() }));
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..4 {
        let f = f.clone();
        let host = if n % 2 == 0 { addr.to_string() } else { format!("localhost:{}", addr.port()) };
        tasks.spawn(async move {
            f.fetch(&format!("http://{host}/busy/{n}"), Purpose::Feed, &Validators::default()).await.map(|_| ())
        });
    }
    while let Some(done) = tasks.join_next().await {
        done.unwrap().unwrap();
    }
    assert_eq!(log.max_in_flight.load(Ordering::SeqCst), 1, "one request at a time in all");
}
