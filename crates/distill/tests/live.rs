//! The live web end to end: `feeds`, `fetch`, `ingest URL`, WARC archives and
//! `serve` polling, against a real HTTP server on 127.0.0.1 in this test process
//! that serves the sample corpus as a news site and misbehaves on purpose.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::SocketAddr;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use serde_json::Value;

use crate::support::*;

type Log = Arc<Mutex<Vec<(String, HeaderMap)>>>;

struct Site {
    addr: SocketAddr,
    log: Log,
}

impl Site {
    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
    fn saw(&self, path: &str) -> Vec<HeaderMap> {
        self.log.lock().unwrap().iter().filter(|(p, _)| p == path).map(|(_, h)| h.clone()).collect()
    }
}

fn page(file: &str) -> Vec<u8> {
    std::fs::read(corpus().join("html").join(file)).unwrap()
}

const HARBOR: &str = "harborgazette_2026-09-04_port-calverton-strike.html";
const LUMORA: &str = "techsentinel_2026-09-09_lumora-breach.html";
const HALVARD: &str = "capitalmarketsdaily_2026-09-01_halvard-brightwing.html";
const DEAL: &str = "harborgazette_2026-09-17_port-deal.html";
const VALCOURT: &str = "globedispatch_2026-09-08_valcourt-workers_cp1252.html";

fn full_body() -> String {
    let text =
        std::fs::read_to_string(corpus().join("text/northfieldledger_2026-10-11_velanumab-patients.txt")).unwrap();
    text.split("\n\n").skip(1).map(|p| format!("<p>{}</p>", p.replace('\n', " "))).collect()
}

fn feed_xml() -> String {
    let item = |title: &str, link: &str, description: &str| {
        format!(
            "<item><title>{title}</title><link>{link}</link><description>{description}</description><pubDate>Mon, 14 Sep 2026 08:00:00 GMT</pubDate></item>"
        )
    };
    let mut items = String::new();
    items += &item("Port of Calverton grinds to a halt", "/news/harbor", "Dockworkers walked out.");
    items += &item("Lumora Pay says hackers accessed data", "/news/lumora", "A breach at Lumora.");
    items += &item("Lumora breach, as reported by a partner", "/news/lumora-copy", "The same breach.");
    items += &item("Halvard to buy Brightwing", "news/halvard", "A deal in aerospace.");
    items += &item("Deal ends port strike", "/private/deal", "A tentative deal ends the 13-day strike at the port.");
    items += &format!(
        "<item><title>Inside TESSERA-3</title><link>/news/tessera</link><description>teaser</description><content:encoded><![CDATA[{}]]></content:encoded></item>",
        full_body()
    );
    format!(
        r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Test &amp; Wire</title><link>/</link>{items}</channel></rss>"#
    )
}

fn latin1_feed() -> Vec<u8> {
    let mut xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf".to_vec();
    xml.push(0xE9);
    xml.extend_from_slice(b" Wire</title><item><title>Tamsin Ridge</title><link>/news/harbor</link><description>x</description></item></channel></rss>");
    xml
}

fn entity_bomb() -> String {
    let mut bomb = String::from("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for i in 1..10 {
        let prev = if i == 1 { "lol".to_string() } else { format!("lol{}", i - 1) };
        bomb.push_str(&format!("<!ENTITY lol{i} \"{}\">", format!("&{prev};").repeat(10)));
    }
    bomb + "]><rss version=\"2.0\"><channel><title>&lol9;</title><item><title>&lol9;</title><link>/news/harbor</link><description>&lol9;</description></item></channel></rss>"
}

fn start_site() -> Site {
    let log: Log = Arc::default();
    let (tx, rx) = std::sync::mpsc::channel();
    let recorder = log.clone();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async move {
            let html = |bytes: Vec<u8>| ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], bytes);
            let mut lumora_copy = page(LUMORA);
            let extra = b"<p>This report was republished by a partner newspaper with permission.</p></body>";
            let at = String::from_utf8_lossy(&lumora_copy).rfind("</body>").unwrap();
            lumora_copy.splice(at..at + 7, extra.iter().copied());
            let router = Router::new()
                .route("/robots.txt", get(|| async { "User-agent: *\nDisallow: /private/\n" }))
                .route(
                    "/feed.xml",
                    get(|headers: HeaderMap| async move {
                        if headers.get(header::IF_NONE_MATCH).is_some_and(|v| v == "\"feed-v1\"") {
                            return StatusCode::NOT_MODIFIED.into_response();
                        }
                        ([(header::CONTENT_TYPE, "application/rss+xml"), (header::ETAG, "\"feed-v1\"")], feed_xml())
                            .into_response()
                    }),
                )
                .route("/other.xml", get(|| async { ([(header::CONTENT_TYPE, "application/rss+xml")], feed_xml()) }))
                .route(
                    "/latin1.xml",
                    get(|| async {
                        ([(header::CONTENT_TYPE, "application/rss+xml; charset=ISO-8859-1")], latin1_feed())
                    }),
                )
                .route(
                    "/broken.xml",
                    get(|| async { ([(header::CONTENT_TYPE, "application/xml")], "<rss><channel><item><title>x") }),
                )
                .route("/bomb.xml", get(|| async { ([(header::CONTENT_TYPE, "application/xml")], entity_bomb()) }))
                .route("/gone.xml", get(|| async { (StatusCode::GONE, "gone") }))
                .route(
                    "/old-feed.xml",
                    get(|| async { (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, "/feed.xml")]) }),
                )
                .route("/temp-feed.xml", get(|| async { (StatusCode::FOUND, [(header::LOCATION, "/other.xml")]) }))
                .route("/error.xml", get(|| async { (StatusCode::INTERNAL_SERVER_ERROR, "oops") }))
                .route(
                    "/limited.xml",
                    get(|| async { (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "3600")], "later") }),
                )
                .route("/news/harbor", get(move || async move { html(page(HARBOR)) }))
                .route("/news/lumora", get(move || async move { html(page(LUMORA)) }))
                .route("/news/lumora-copy", get(move || async move { html(lumora_copy.clone()) }))
                .route("/news/halvard", get(move || async move { html(page(HALVARD)) }))
                .route("/private/deal", get(move || async move { html(page(DEAL)) }))
                .route(
                    "/news/valcourt",
                    get(|| async { ([(header::CONTENT_TYPE, "text/html; charset=windows-1252")], page(VALCOURT)) }),
                )
                .layer(axum::middleware::from_fn(
                    move |request: axum::extract::Request, next: axum::middleware::Next| {
                        let recorder = recorder.clone();
                        async move {
                            recorder
                                .lock()
                                .unwrap()
                                .push((request.uri().path().to_string(), request.headers().clone()));
                            next.run(request).await
                        }
                    },
                ));
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            axum::serve(listener, router).await.unwrap();
        });
    });
    Site { addr: rx.recv().unwrap(), log }
}

const FAST: [&str; 3] = ["--allow-private", "--host-delay", "0s"];

fn live(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(FAST);
    run(data, &all)
}

fn feeds(data: &std::path::Path) -> Vec<Value> {
    json(data, &["feeds", "list", "--json"]).as_array().unwrap().clone()
}

fn feed<'a>(all: &'a [Value], url: &str) -> &'a Value {
    all.iter().find(|f| f["url"] == url).unwrap_or_else(|| panic!("no feed {url} in {all:?}"))
}

#[test]
fn feeds_are_fetched_with_full_articles_copies_linked_and_conditional_get() {
    let site = start_site();
    let data = tempfile::tempdir().unwrap();
    let feed_url = site.url("/feed.xml");
    let out = live(data.path(), &["feeds", "add", &feed_url, "--interval", "15m"]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("new: 6 new"), "{text}");

    let list = json(data.path(), &["list", "--json", "--limit", "100"]);
    let items = list.as_array().unwrap();
    assert_eq!(items.len(), 6);
    let by_url = |path: &str| -> &Value {
        items.iter().find(|a| a["url"] == site.url(path)).unwrap_or_else(|| panic!("no article for {path}: {list}"))
    };
    // Teasers were replaced by the full page; the feed's title wins.
    let harbor = json(data.path(), &["show", by_url("/news/harbor")["id"].as_str().unwrap(), "--json"]);
    assert_eq!(harbor["title"], "Port of Calverton grinds to a halt");
    assert!(harbor["text"].as_str().unwrap().split_whitespace().count() > 300, "{}", harbor["text"]);
    // A relative link was resolved against the feed URL.
    by_url("/news/halvard");
    // The republished copy is linked to its original, and every item carries a url.
    let original = by_url("/news/lumora");
    assert_eq!(by_url("/news/lumora-copy")["duplicate_of"], original["id"]);
    assert!(items.iter().all(|a| a.get("duplicate_of").is_some() && a["url"].is_string()));
    // robots.txt forbids /private/: the page was not fetched, the teaser was kept.
    assert!(site.saw("/private/deal").is_empty());
    let deal = json(data.path(), &["show", by_url("/private/deal")["id"].as_str().unwrap(), "--json"]);
    assert!(deal["text"].as_str().unwrap().contains("tentative deal"), "{deal}");
    // Full content in the feed needs no page fetch.
    assert!(site.saw("/news/tessera").is_empty());

    // Nothing is due yet; forcing a pass sends the ETag and gets 304.
    let out = live(data.path(), &["fetch"]);
    assert!(stdout(&out).contains("no feed is due"), "{}", stdout(&out));
    let out = live(data.path(), &["fetch", "--all"]);
    assert!(stdout(&out).contains("unchanged: 0 new"), "{}", stdout(&out));
    let sent = site.saw("/feed.xml");
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[1].get(header::IF_NONE_MATCH).unwrap(), "\"feed-v1\"");
    let state = feeds(data.path());
    assert_eq!(feed(&state, &feed_url)["title"], "Test & Wire");
    assert_eq!(feed(&state, &feed_url)["failures"], 0);
    assert!(site.saw("/news/harbor").len() == 1, "stored items are not fetched again");
}

#[test]
fn loopback_feeds_are_refused_without_allow_private() {
    let site = start_site();
    let data = tempfile::tempdir().unwrap();
    let out = bin()
        .arg("--data")
        .arg(data.path())
        .args(["feeds", "add", &site.url("/other.xml")])
        .env_remove("DISTILL_ALLOW_PRIVATE")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("refused") && err.contains("--allow-private"), "{err}");
    let out = bin().arg("--data").arg(data.path()).args(["ingest", &site.url("/news/harbor")]).output().unwrap();
    assert!(!out.status.success());
    assert!(stdout(&out).contains("address_refused"), "{}", stdout(&out));
    assert!(site.log.lock().unwrap().is_empty(), "no request may reach the server");
    // The environment variable opens it too.
    let out = bin()
        .arg("--data")
        .arg(data.path())
        .args(["ingest", &site.url("/news/harbor"), "--host-delay", "0s"])
        .env("DISTILL_ALLOW_PRIVATE", "1")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stdout(&out));
}

/// A name mapped to a loopback address in /etc/hosts other than `localhost` (which
/// the guard refuses by name): most containers map their own hostname so. Read from
/// the file, not looked up, so the test never asks a DNS server.
fn loopback_name_in_etc_hosts() -> Option<String> {
    let hosts = std::fs::read_to_string("/etc/hosts").ok()?;
    hosts.lines().find_map(|line| {
        let mut fields = line.split('#').next()?.split_whitespace();
        let ip: std::net::IpAddr = fields.next()?.parse().ok()?;
        let name =
            fields.find(|n| !n.contains("localhost") && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))?;
        ip.is_loopback().then(|| name.to_string())
    })
}

/// Issue 16: `ingest` of a name that resolves to loopback said "disallowed by the
/// site's robots.txt". The name passes the URL check, so this runs the guard at
/// resolution, through the system resolver (`distill-ingest`'s fetch tests cover
/// the same path with a static hosts entry, on any machine).
#[test]
fn a_name_that_resolves_to_loopback_is_refused_by_the_guard() {
    let Some(name) = loopback_name_in_etc_hosts() else {
        eprintln!("skipped: /etc/hosts maps no name but localhost to loopback");
        return;
    };
    let site = start_site();
    let data = tempfile::tempdir().unwrap();
    let url = format!("http://{name}:{}/news/harbor", site.addr.port());
    let out = bin()
        .arg("--data")
        .arg(data.path())
        .args(["ingest", &url])
        .env_remove("DISTILL_ALLOW_PRIVATE")
        .output()
        .unwrap();
    let report = stdout(&out);
    assert!(!out.status.success(), "{report}");
    assert!(report.contains("address_refused") && report.contains("resolves to 127."), "{report}");
    assert!(!report.contains("robots"), "{report}");
    assert!(site.log.lock().unwrap().is_empty(), "no request may reach the server");
    // Opened, the same name reaches the site: the refusal was the guard's.
    let out = live(data.path(), &["ingest", &url]);
    assert!(out.status.success(), "{}", stdout(&out));
}

/// Issue 16: `--allow-private` also opened link-local addresses and the cloud
/// metadata address. Every URL here is refused before any connection is tried.
#[test]
fn metadata_addresses_stay_refused_with_allow_private() {
    let data = tempfile::tempdir().unwrap();
    for url in [
        "http://169.254.169.254/latest/meta-data/",
        "http://2852039166/latest/meta-data/",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://100.100.100.200/latest/meta-data/",
        "http://metadata.google.internal/computeMetadata/v1/",
        "http://[fe80::1]/feed.xml",
    ] {
        let out = live(data.path(), &["feeds", "add", url]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && err.contains("refused") && err.contains("--allow-link-local"), "{url}: {err}");
        let out = live(data.path(), &["ingest", url]);
        assert!(!out.status.success() && stdout(&out).contains("address_refused"), "{url}: {}", stdout(&out));
    }
    assert!(feeds(data.path()).is_empty());
    // The explicit switch opens them (subscribed without fetching: nothing connects).
    let out =
        live(data.path(), &["feeds", "add", "http://169.254.169.254/feed.xml", "--no-fetch", "--allow-link-local"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = bin()
        .arg("--data")
        .arg(data.path())
        .args(["feeds", "add", "http://metadata.google.internal/feed.xml", "--no-fetch"])
        .env("DISTILL_ALLOW_LINK_LOCAL", "1")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(feeds(data.path()).len(), 2);
}

#[test]
fn failing_feeds_back_off_are_marked_dead_and_bad_xml_is_reported() {
    let site = start_site();
    let data = tempfile::tempdir().unwrap();
    for path in ["/gone.xml", "/error.xml", "/limited.xml", "/broken.xml", "/bomb.xml", "/latin1.xml"] {
        let started = Instant::now();
        live(data.path(), &["feeds", "add", &site.url(path)]);
        assert!(started.elapsed() < Duration::from_secs(20), "{path} took {:?}", started.elapsed());
    }
    let state = feeds(data.path());
    let gone = feed(&state, &site.url("/gone.xml"));
    assert_eq!(gone["dead"], true, "410 Gone marks the feed dead");
    let error = feed(&state, &site.url("/error.xml"));
    assert_eq!((error["dead"].as_bool(), error["failures"].as_u64()), (Some(false), Some(1)));
    assert!(error["last_error"].as_str().unwrap().starts_with("http_status"), "{error}");
    let limited = feed(&state, &site.url("/limited.xml"));
    let due = chrono::DateTime::parse_from_rfc3339(limited["next_due"].as_str().unwrap()).unwrap();
    assert!(due > chrono::Utc::now() + chrono::Duration::seconds(3000), "Retry-After: 3600 honoured: {limited}");
    assert!(feed(&state, &site.url("/broken.xml"))["last_error"].as_str().unwrap().starts_with("not_a_feed"));
    assert_eq!(feed(&state, &site.url("/latin1.xml"))["title"], "Café Wire");
    // The list shows the state in words.
    let text = stdout(&run(data.path(), &["feeds", "list"]));
    assert!(text.contains("DEAD after 1 failures") && text.contains("last error: http_status"), "{text}");

    // The web app and the API show the state and the last error too.
    let server = Server::start(data.path());
    let (status, _, page) = server.get("/feeds");
    assert_eq!(status, 200);
    assert!(page.contains("dead after 1 failures") && page.contains("Last error: http_status"), "{page}");
    assert!(page.contains("Café Wire"));
    let (status, _, api) = server.get("/api/feeds");
    assert_eq!(status, 200);
    let api: Value = serde_json::from_str(&api).unwrap();
    assert_eq!(api["total"], 6);
    drop(server);

    // A dead feed is not polled again; forcing every live feed leaves it alone.
    let before = site.saw("/gone.xml").len();
    live(data.path(), &["fetch", "--all"]);
    assert_eq!(site.saw("/gone.xml").len(), before);
    // A failing feed counts its failures in a row.
    let error_state = feeds(data.path());
    assert_eq!(feed(&error_state, &site.url("/error.xml"))["failures"], 2);
}

#[test]
fn permanent_redirects_move_the_subscription_and_temporary_ones_do_not() {
    let site = start_site();
    let data = tempfile::tempdir().unwrap();
    assert!(live(data.path(), &["feeds", "add", &site.url("/old-feed.xml")]).status.success());
    assert!(live(data.path(), &["feeds", "add", &site.url("/temp-feed.xml")]).status.success());
    let urls: Vec<Value> = feeds(data.path()).iter().map(|f| f["url"].clone()).collect();
    assert_eq!(urls, [site.url("/feed.xml"), site.url("/temp-feed.xml")]);
    assert_eq!(json(data.path(), &["list", "--json"]).as_array().unwrap().len(), 6);
}

#[test]
fn opml_import_and_export_round_trip() {
    let data = tempfile::tempdir().unwrap();
    let opml = data.path().join("in.opml");
    std::fs::write(
        &opml,
        r#"<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
        <outline text="World"><outline text="Wire &amp; Co" type="rss" xmlUrl="https://wire.example/rss" htmlUrl="https://wire.example/"/>
        <outline text="Harbour" xmlUrl="https://harbour.example/atom.xml"/></outline>
        <outline text="Bad" xmlUrl="ftp://files.example/feed"/>
        <outline text="Trap" xmlUrl="https://trap.example/rss" htmlUrl="javascript:alert(document.cookie)"/>
        <outline text="Script" xmlUrl="javascript:alert(1)"/>
        <outline text="Loose" xmlUrl="https://loose.example/feed.json"/></body></opml>"#,
    )
    .unwrap();
    let out = run(data.path(), &["feeds", "import", opml.to_str().unwrap()]);
    assert!(stdout(&out).contains("imported 4 feeds, 0 already subscribed, 2 skipped"), "{}", stdout(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("skipped javascript:alert(1): scheme 'javascript:'"), "{err}");
    assert!(err.contains("skipped ftp://files.example/feed: scheme 'ftp:'"), "{err}");
    let exported = stdout(&run(data.path(), &["feeds", "export"]));
    let again = tempfile::tempdir().unwrap();
    let path = again.path().join("out.opml");
    std::fs::write(&path, &exported).unwrap();
    run(again.path(), &["feeds", "import", path.to_str().unwrap()]);
    let strip = |v: Vec<Value>| -> Vec<(Value, Value, Value, Value)> {
        v.into_iter()
            .map(|f| (f["url"].clone(), f["title"].clone(), f["site_url"].clone(), f["category"].clone()))
            .collect()
    };
    // Issue 16: a `javascript:` htmlUrl was stored and exported.
    assert!(!exported.contains("javascript"), "{exported}");
    let first = strip(feeds(data.path()));
    assert_eq!(first.len(), 4);
    assert!(first.iter().all(|f| !f.2.to_string().contains("javascript")), "{first:?}");
    assert_eq!(first, strip(feeds(again.path())));
    assert_eq!(first[0].3, "World");
    assert!(run(data.path(), &["feeds", "remove", "https://wire.example/rss"]).status.success());
    assert!(!run(data.path(), &["feeds", "remove", "https://wire.example/rss"]).status.success());
    assert_eq!(feeds(data.path()).len(), 3);
}

#[test]
fn urls_are_fetched_and_decoded_by_their_declared_charset() {
    let site = start_site();
    let data = tempfile::tempdir().unwrap();
    let out = live(data.path(), &["ingest", &site.url("/news/valcourt"), &site.url("/news/missing")]);
    let text = stdout(&out);
    assert!(text.starts_with("ingested 1, updated 0, unchanged 0, skipped 1"), "{text}");
    assert!(text.contains("/news/missing: ") && text.contains("HTTP 404"), "{text}");
    let list = json(data.path(), &["list", "--json"]);
    let article = json(data.path(), &["show", list[0]["id"].as_str().unwrap(), "--json"]);
    assert!(article["text"].as_str().unwrap().contains('€'), "windows-1252 decoded");
    assert_eq!(list[0]["url"], site.url("/news/valcourt"));
}

#[test]
fn warc_archives_are_streamed_counted_and_resumed() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("crawl.warc.gz");
    let mut file = std::fs::File::create(&path).unwrap();
    let pages = [HARBOR, LUMORA, HALVARD, DEAL, VALCOURT];
    for (i, name) in pages.iter().enumerate() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let url = format!("https://archive.example/{i}");
        distill_ingest::write_warc_response(&mut gz, &url, "2026-09-14T08:00:00Z", &page(name)).unwrap();
        if i == 2 {
            // A request record in between is passed over.
            gz.write_all(b"WARC/1.0\r\nWARC-Type: request\r\nContent-Length: 3\r\n\r\nGET\r\n\r\n").unwrap();
        }
        file.write_all(&gz.finish().unwrap()).unwrap();
    }
    drop(file);
    let out = run(data.path(), &["ingest", path.to_str().unwrap()]);
    assert_eq!(
        stdout(&out).lines().next().unwrap(),
        "ingested 5, updated 0, unchanged 0, skipped 0",
        "{}",
        stdout(&out)
    );
    let out = run(data.path(), &["ingest", path.to_str().unwrap()]);
    assert_eq!(stdout(&out).lines().next().unwrap(), "ingested 0, updated 0, unchanged 5, skipped 0");
    // A truncated copy keeps what it could read and names the broken record.
    let bytes = std::fs::read(&path).unwrap();
    let cut = data.path().join("cut.warc.gz");
    std::fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).unwrap();
    let fresh = tempfile::tempdir().unwrap();
    let out = run(fresh.path(), &["ingest", cut.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(text.starts_with("ingested 3,"), "{text}");
    assert!(text.contains("cut.warc.gz#record-"), "{text}");
}

#[test]
fn serve_polls_due_feeds_in_the_background() {
    let site = start_site();
    let data = tempfile::tempdir().unwrap();
    let out = live(data.path(), &["feeds", "add", &site.url("/feed.xml"), "--no-fetch"]);
    assert!(out.status.success());
    let mut child = bin()
        .arg("--data")
        .arg(data.path())
        .args(["serve", "--addr", "127.0.0.1:0", "--poll-every", "1s"])
        .args(FAST)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut seen = Vec::new();
    while Instant::now() < deadline {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
            seen.push(line);
            if seen.iter().any(|l| l.starts_with("fetched 1 feeds: 6 new articles")) {
                break;
            }
        }
    }
    // The poller's work shows in the server's metrics, beside the folder's gauges.
    let addr = seen.first().map(|l| l.trim_start_matches("serving on http://").trim_end_matches('/').to_string());
    let metrics = addr.map(|addr| {
        let mut stream = std::net::TcpStream::connect(&addr).unwrap();
        write!(stream, "GET /metrics HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
        let mut text = String::new();
        stream.read_to_string(&mut text).unwrap();
        text
    });
    let _ = child.kill();
    let _ = child.wait();
    assert!(seen.iter().any(|l| l.starts_with("fetched 1 feeds: 6 new articles")), "{seen:?}");
    assert_eq!(json(data.path(), &["list", "--json"]).as_array().unwrap().len(), 6);
    let metrics = metrics.unwrap_or_default();
    for line in
        ["distill_feed_items_total{outcome=\"new\"} 6", "distill_articles_stored 6", "distill_feeds{state=\"ok\"} 1"]
    {
        assert!(metrics.lines().any(|l| l == line), "no {line:?} in {metrics}");
    }
}
