//! The PostgreSQL store end to end: the sample corpus ingested through the CLI into
//! PostgreSQL reads back as the same ingest into SQLite does (`list`, `search`, `show`,
//! `stories`), and a database that is down is a clear error. The server is the one
//! `DISTILL_TEST_POSTGRES` names (CI starts one); each test works in a schema of its own.

use std::io::{BufRead, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::*;

/// A schema of its own on the test server, dropped when the test ends.
struct Database {
    admin: String,
    schema: String,
    /// The URL every command of the test gets: the server, with this schema.
    url: String,
}

impl Database {
    /// A fresh schema, or `None` (after one line on stderr) when no server is
    /// configured; under `DISTILL_REQUIRE_POSTGRES=1` a missing server fails instead.
    fn create(test: &str) -> Option<Database> {
        let Some(admin) = std::env::var("DISTILL_TEST_POSTGRES").ok().filter(|u| !u.is_empty()) else {
            let required = std::env::var("DISTILL_REQUIRE_POSTGRES").is_ok_and(|v| v == "1");
            assert!(!required, "{test}: DISTILL_REQUIRE_POSTGRES=1 but DISTILL_TEST_POSTGRES names no server");
            let _ = writeln!(std::io::stderr(), "skipped: {test} needs a PostgreSQL server (DISTILL_TEST_POSTGRES)");
            return None;
        };
        let schema = format!("distill_e2e_{}_{test}", std::process::id());
        let mut client = ::postgres::Client::connect(&admin, ::postgres::NoTls).expect("the test server answers");
        client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")).unwrap();
        let joint = if admin.contains('?') { '&' } else { '?' };
        let url = format!("{admin}{joint}options=--search_path%3D{schema}");
        Some(Database { admin, schema, url })
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        if let Ok(mut client) = ::postgres::Client::connect(&self.admin, ::postgres::NoTls) {
            let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
        }
    }
}

/// Runs `distill --data DATA --database URL ARGS...`.
fn run_pg(data: &Path, url: &str, args: &[&str]) -> Output {
    bin().arg("--data").arg(data).arg("--database").arg(url).args(args).output().expect("binary runs")
}

fn json_pg(data: &Path, url: &str, args: &[&str]) -> Value {
    let out = run_pg(data, url, args);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {}", stdout(&out)))
}

#[test]
fn the_sample_corpus_reads_the_same_from_postgres_as_from_sqlite() {
    let Some(db) = Database::create("same_as_sqlite") else { return };
    let sqlite = sample_library();
    let replica = tempfile::tempdir().unwrap();
    let out = run_pg(replica.path(), &db.url, &["ingest", corpus().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!replica.path().join("distill.db").exists(), "with PostgreSQL the folder holds only the replica");
    assert!(replica.path().join("index").is_dir());

    let list = ["list", "--json", "--limit", "1000"];
    let listed = json(sqlite, &list);
    let ids: Vec<&str> = listed.as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), manifest().len());
    assert_eq!(json_pg(replica.path(), &db.url, &list), listed);
    for id in &ids {
        let show = ["show", id, "--json"];
        assert_eq!(json_pg(replica.path(), &db.url, &show), json(sqlite, &show), "show {id}");
    }
    let stories = ["stories", "--json", "--limit", "1000"];
    let filed = json(sqlite, &stories);
    assert!(!filed["stories"].as_array().unwrap().is_empty());
    assert_eq!(json_pg(replica.path(), &db.url, &stories), filed);
    for query in ["bridge", "council votes", "\"federal aid\"", "zzzunknownzzz"] {
        let search = ["search", query, "--json", "--limit", "50"];
        assert_eq!(json_pg(replica.path(), &db.url, &search), json(sqlite, &search), "search {query}");
    }

    // A second replica of the same database (another machine's data folder) catches up
    // on opening, and DISTILL_DATABASE selects the store as the flag does.
    let second = tempfile::tempdir().unwrap();
    let out = bin()
        .arg("--data")
        .arg(second.path())
        .env("DISTILL_DATABASE", &db.url)
        .args(["search", "bridge", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let hits: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits, json(sqlite, &["search", "bridge", "--json"]));

    // Ingesting again is idempotent on PostgreSQL too.
    let again = json_pg(replica.path(), &db.url, &["ingest", corpus().to_str().unwrap(), "--json"]);
    assert_eq!((&again["ingested"], &again["updated"]), (&Value::from(0), &Value::from(0)), "{again}");
    assert_eq!(again["unchanged"], ids.len());
    assert_eq!(json_pg(replica.path(), &db.url, &list), listed);
}

#[test]
fn a_database_that_is_down_fails_naming_it_and_the_reason() {
    let data = tempfile::tempdir().unwrap();
    // Port 1 on loopback: nothing listens there.
    let out = run_pg(data.path(), "postgres://distill:hunter2@127.0.0.1:1/news", &["list"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("postgres://distill@127.0.0.1:1/news"), "{stderr}");
    assert!(stderr.to_lowercase().contains("refused"), "{stderr}");
    assert!(!stderr.contains("hunter2"), "{stderr}");
    // Anything else is a usage error naming the setting.
    let out = run_pg(data.path(), "mysql://distill@127.0.0.1/news", &["list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("database (from flag --database)"));
}

/// `ingest --enqueue` queues the corpus's folders file by file, once; two workers
/// started together ingest every article exactly once between them, while two `serve`
/// nodes follow the database, and both replicas answer alike once caught up.
#[test]
fn two_workers_ingest_the_queued_corpus_once_and_two_replicas_follow() {
    let Some(db) = Database::create("two_workers") else { return };
    let folders = ["feeds", "html", "jsonl", "text"];
    let inputs: Vec<String> = folders.iter().map(|d| corpus().join(d).display().to_string()).collect();
    let files: usize = folders.iter().map(|d| std::fs::read_dir(corpus().join(d)).unwrap().count()).sum();
    let folder = tempfile::tempdir().unwrap();
    let mut args = vec!["ingest", "--enqueue"];
    args.extend(inputs.iter().map(String::as_str));
    let out = run_pg(folder.path(), &db.url, &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout(&out).starts_with(&format!("queued {files} ")), "{}", stdout(&out));
    assert!(stdout(&run_pg(folder.path(), &db.url, &args)).starts_with("queued 0 "), "already queued");

    let replicas = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let servers: Vec<Server> =
        replicas.iter().map(|r| Server::start_with(r.path(), &["--database", &db.url])).collect();
    let folders = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let mut workers: Vec<std::process::Child> =
        folders.iter().map(|dir| worker(dir.path(), &db.url, &["--until-idle"])).collect();
    let deadline = Instant::now() + Duration::from_secs(180);
    while workers.iter_mut().any(|w| w.try_wait().unwrap().is_none()) {
        if Instant::now() > deadline {
            workers.iter_mut().for_each(|w| drop(w.kill()));
            panic!("the workers did not finish in 180 s");
        }
        // Both nodes answer while the workers write.
        for server in &servers {
            assert_eq!(server.get("/api/search?q=strike").0, 200);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(jobs_done(workers), files, "each job once");

    let expected = ids(json(sample_library(), &LIST));
    assert_eq!(expected.len(), manifest().len());
    assert_eq!(ids(json_pg(folder.path(), &db.url, &LIST)), expected, "no article lost or doubled");

    for server in &servers {
        let health = wait_for_health(server, |status, h| status == 200 && h["index_lag"] == 0);
        assert_eq!(health["indexed_documents"], expected.len(), "{health}");
    }
    for query in ["strike", "bridge", "Lumora breach"] {
        let path = format!("/api/search?q={}&limit=50", query.replace(' ', "+"));
        let answers: Vec<Value> = servers.iter().map(|s| serde_json::from_str(&s.get(&path).2).unwrap()).collect();
        assert!(answers[0]["total"].as_u64().unwrap() > 0, "{query}: {}", answers[0]);
        assert_eq!(answers[0]["hits"], answers[1]["hits"], "{query}: both replicas answer alike");
    }
}

/// A WARC archive (a gzip member per record, as CC-NEWS writes them) and a JSON Lines
/// file are queued in slices cut at record boundaries; two workers share them and
/// store what `ingest` of the whole files stores, each record once.
#[test]
fn large_files_are_queued_in_slices_that_workers_share() {
    let Some(db) = Database::create("slices") else { return };
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("crawl.warc.gz");
    let mut bytes = Vec::new();
    // The pages as served (the compressed one is left out: its bytes are not HTML).
    let mut pages: Vec<_> = std::fs::read_dir(corpus().join("html"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    for page in &pages {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let url = format!("https://crawl.example/{}", page.file_stem().unwrap().to_string_lossy());
        distill_ingest::write_warc_response(&mut gz, &url, "2026-09-14T08:00:00Z", &std::fs::read(page).unwrap())
            .unwrap();
        bytes.extend(gz.finish().unwrap());
    }
    std::fs::write(&archive, bytes).unwrap();
    let lines = corpus().join("jsonl/articles.jsonl");
    let line_count = std::fs::read_to_string(&lines).unwrap().lines().filter(|l| !l.trim().is_empty()).count();
    let inputs = [archive.to_str().unwrap(), lines.to_str().unwrap()];

    let queue = tempfile::tempdir().unwrap();
    let mut args = vec!["ingest", "--enqueue", "--slice-size", "1"];
    args.extend(inputs);
    let out = run_pg(queue.path(), &db.url, &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let slices = pages.len() + line_count;
    assert!(stdout(&out).starts_with(&format!("queued {slices} ")), "a slice per record: {}", stdout(&out));
    let folders = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let workers: Vec<_> = folders.iter().map(|f| worker(f.path(), &db.url, &["--until-idle"])).collect();
    let done = jobs_done(workers);
    assert_eq!(done, slices, "each slice once: {}", json_pg(queue.path(), &db.url, &["jobs", "--json"]));

    let whole = tempfile::tempdir().unwrap();
    let mut args = vec!["ingest"];
    args.extend(inputs);
    assert!(run(whole.path(), &args).status.success());
    let expected = ids(json(whole.path(), &LIST));
    assert_eq!(expected.len(), pages.len() + line_count, "every page and line is an article");
    assert_eq!(ids(json_pg(queue.path(), &db.url, &LIST)), expected, "no record lost or doubled");
}

/// Every stored article, for [`ids`].
const LIST: [&str; 4] = ["list", "--json", "--limit", "1000"];

/// The ids of a `list --json`, sorted.
fn ids(listed: Value) -> Vec<String> {
    let mut ids: Vec<String> =
        listed.as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap().to_string()).collect();
    ids.sort();
    ids
}

/// Waits for workers run `--until-idle`; the jobs they did between them.
fn jobs_done(workers: Vec<std::process::Child>) -> usize {
    let mut done = 0;
    for worker in workers {
        let out = worker.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let line = stdout(&out);
        let n: usize = line.trim().strip_prefix("worker: ").and_then(|l| l.split(' ').next()).unwrap().parse().unwrap();
        done += n;
    }
    done
}

/// Two pollers on one database at once: a feed one of them is fetching is not
/// fetched by the other, so each feed is requested once.
#[test]
fn pollers_on_one_database_fetch_each_feed_once() {
    let Some(db) = Database::create("pollers") else { return };
    let site = Site::start();
    let folder = tempfile::tempdir().unwrap();
    for feed in ["/stalled/slow.xml", "/quick.xml"] {
        let out = run_pg(folder.path(), &db.url, &["feeds", "add", &site.url(feed), "--no-fetch", "--allow-private"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let fetch = |data: &Path| {
        bin()
            .env("DISTILL_ALLOW_PRIVATE", "true")
            .env("DISTILL_HOST_DELAY", "0s")
            .arg("--data")
            .arg(data)
            .arg("--database")
            .arg(&db.url)
            .args(["fetch", "--json"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let first = fetch(tempfile::tempdir().unwrap().path());
    site.wait_for("/stalled/slow.xml", 1);
    // The first poller holds both feeds (one still downloading): the second finds none.
    let second = fetch(tempfile::tempdir().unwrap().path()).wait_with_output().unwrap();
    assert!(second.status.success(), "{}", String::from_utf8_lossy(&second.stderr));
    assert_eq!(stdout(&second).trim(), "[]", "nothing left to poll");
    site.open_gate();
    let first = first.wait_with_output().unwrap();
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let outcomes: Value = serde_json::from_slice(&first.stdout).unwrap();
    let statuses: Vec<&str> = outcomes.as_array().unwrap().iter().map(|o| o["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["new", "new"], "{outcomes}");
    assert_eq!((site.seen("/stalled/slow.xml"), site.seen("/quick.xml")), (1, 1));
    // Written back, the feeds are free again: polling all of them now takes both.
    let again = run_pg(folder.path(), &db.url, &["fetch", "--all", "--json", "--allow-private"]);
    let outcomes: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(outcomes.as_array().unwrap().len(), 2, "{outcomes}");
}

/// A web site on 127.0.0.1 for the workers and pollers: article pages and feeds from
/// the sample corpus, each request counted by path. The first request for a path
/// under `/stalled/` is held until [`Site::open_gate`] (a worker caught mid-job).
struct Site {
    addr: std::net::SocketAddr,
    requests: Arc<Mutex<Vec<String>>>,
    gate: Arc<(Mutex<bool>, Condvar)>,
}

impl Site {
    fn start() -> Site {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let site = Site { addr, requests: Arc::default(), gate: Arc::default() };
        let (requests, gate) = (site.requests.clone(), site.gate.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (requests, gate) = (requests.clone(), gate.clone());
                std::thread::spawn(move || answer(stream, &requests, &gate));
            }
        });
        site
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Requests seen for `path`.
    fn seen(&self, path: &str) -> usize {
        self.requests.lock().unwrap().iter().filter(|p| *p == path).count()
    }

    /// Waits until `path` has been requested `n` times.
    fn wait_for(&self, path: &str, n: usize) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while self.seen(path) < n {
            assert!(Instant::now() < deadline, "{path} was not requested {n} times in 60 s");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn open_gate(&self) {
        *self.gate.0.lock().unwrap() = true;
        self.gate.1.notify_all();
    }
}

fn answer(mut stream: std::net::TcpStream, requests: &Mutex<Vec<String>>, gate: &(Mutex<bool>, Condvar)) {
    let mut line = String::new();
    if std::io::BufReader::new(&stream).read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let first = {
        let mut seen = requests.lock().unwrap();
        seen.push(path.clone());
        seen.iter().filter(|p| **p == path).count() == 1
    };
    if first && path.starts_with("/stalled/") {
        let (open, opened) = gate;
        let mut open = open.lock().unwrap();
        while !*open {
            open = opened.wait(open).unwrap();
        }
    }
    let (status, kind, body) = if let Some(name) = path.strip_suffix(".xml").and_then(|p| p.rsplit('/').next()) {
        ("200 OK", "application/rss+xml", feed(name).into_bytes())
    } else if path == "/robots.txt" || path.starts_with("/missing") {
        ("404 Not Found", "text/plain", b"none".to_vec())
    } else {
        let page = "harborgazette_2026-09-04_port-calverton-strike.html";
        ("200 OK", "text/html; charset=utf-8", std::fs::read(corpus().join("html").join(page)).unwrap())
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&body));
}

/// A feed of one item whose full text is in the feed (nothing more to fetch).
fn feed(name: &str) -> String {
    let text =
        std::fs::read_to_string(corpus().join("text/northfieldledger_2026-10-11_velanumab-patients.txt")).unwrap();
    let body: String =
        text.split("\n\n").skip(1).map(|p| format!("<p>{} ({name})</p>", p.replace('\n', " "))).collect();
    format!(
        r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>{name}</title><link>/</link><item><title>Patients of {name}</title><link>/articles/{name}</link><pubDate>Mon, 12 Oct 2026 08:00:00 GMT</pubDate><content:encoded><![CDATA[{body}]]></content:encoded></item></channel></rss>"#
    )
}

/// `distill worker` on the test's database, fetching from loopback, its warnings kept.
fn worker(data: &Path, url: &str, args: &[&str]) -> std::process::Child {
    bin()
        .env("DISTILL_LOG", "warn")
        .env("DISTILL_ALLOW_PRIVATE", "true")
        .env("DISTILL_HOST_DELAY", "0s")
        .arg("--data")
        .arg(data)
        .arg("--database")
        .arg(url)
        .arg("worker")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Each job's state and attempts, by input.
fn jobs(url: &str) -> Vec<(String, String, i32)> {
    let mut client = ::postgres::Client::connect(url, ::postgres::NoTls).unwrap();
    let rows = client.query("SELECT input, state, attempts FROM jobs ORDER BY id", &[]).unwrap();
    rows.iter().map(|r| (r.get(0), r.get(1), r.get(2))).collect()
}

fn listed_urls(data: &Path, url: &str) -> Vec<String> {
    let listed = json_pg(data, url, &["list", "--json", "--limit", "1000"]);
    listed.as_array().unwrap().iter().map(|a| a["url"].as_str().unwrap_or_default().to_string()).collect()
}

/// A worker killed (`kill -9`) while it holds a job leaves the job running; once the
/// lease runs out the next worker takes it over, and the page is stored once. Queued
/// again, the same input is still one article.
#[test]
fn a_job_whose_worker_was_killed_is_taken_over_after_its_lease() {
    let Some(db) = Database::create("killed_worker") else { return };
    let site = Site::start();
    let page = site.url("/stalled/harbor");
    let folder = tempfile::tempdir().unwrap();
    let queued = run_pg(folder.path(), &db.url, &["ingest", "--enqueue", &page]);
    assert!(stdout(&queued).starts_with("queued 1 "), "{}", stdout(&queued));

    let mut doomed = worker(tempfile::tempdir().unwrap().path(), &db.url, &["--lease", "2"]);
    site.wait_for("/stalled/harbor", 1);
    doomed.kill().unwrap(); // SIGKILL: no chance to give the job back
    doomed.wait().unwrap();
    assert_eq!(jobs(&db.url), [(page.clone(), "running".to_string(), 1)], "the dead worker still holds it");

    let next = worker(tempfile::tempdir().unwrap().path(), &db.url, &["--until-idle", "--lease", "2"]);
    let out = next.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout(&out).starts_with("worker: 1 jobs done, 0 failed"), "{}", stdout(&out));
    assert_eq!(site.seen("/stalled/harbor"), 2, "fetched again by the next worker");
    assert_eq!(jobs(&db.url), [(page.clone(), "done".to_string(), 2)]);
    assert_eq!(listed_urls(folder.path(), &db.url), std::slice::from_ref(&page));

    let again = run_pg(folder.path(), &db.url, &["ingest", "--enqueue", &page]);
    assert!(stdout(&again).starts_with("queued 1 "), "a finished job is queued again: {}", stdout(&again));
    let out = worker(tempfile::tempdir().unwrap().path(), &db.url, &["--until-idle"]).wait_with_output().unwrap();
    assert!(stdout(&out).starts_with("worker: 1 jobs done"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(listed_urls(folder.path(), &db.url), [page], "the same input twice is one article");
}

/// A job that fails on its every attempt is dead, and `distill jobs` says why.
#[test]
fn a_job_that_fails_every_attempt_is_dead_with_its_reason() {
    let Some(db) = Database::create("dead_job") else { return };
    let site = Site::start();
    let missing = site.url("/missing/page");
    let folder = tempfile::tempdir().unwrap();
    assert!(run_pg(folder.path(), &db.url, &["ingest", "--enqueue", &missing]).status.success());
    let out = worker(folder.path(), &db.url, &["--until-idle", "--attempts", "1"]).wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout(&out).starts_with("worker: 0 jobs done, 1 failed"), "{}", stdout(&out));
    let jobs = json_pg(folder.path(), &db.url, &["jobs", "--json"]);
    assert_eq!((jobs["dead"].as_u64(), jobs["queued"].as_u64()), (Some(1), Some(0)), "{jobs}");
    assert_eq!(jobs["dead_jobs"][0]["input"], missing.as_str());
    assert!(jobs["dead_jobs"][0]["error"].as_str().unwrap().contains("404"), "{jobs}");
    let text = stdout(&run_pg(folder.path(), &db.url, &["jobs"]));
    assert!(text.starts_with("0 waiting, 0 running, 0 done, 1 dead"), "{text}");

    // A page with no article never will have one: dead at its first attempt.
    let inputs = tempfile::tempdir().unwrap();
    let empty = inputs.path().join("empty.html");
    std::fs::write(&empty, "<html><body><nav><a href=/>Home</a></nav></body></html>").unwrap();
    assert!(run_pg(folder.path(), &db.url, &["ingest", "--enqueue", empty.to_str().unwrap()]).status.success());
    let out = worker(folder.path(), &db.url, &["--until-idle"]).wait_with_output().unwrap();
    assert!(stdout(&out).starts_with("worker: 0 jobs done, 1 failed"), "{}", stdout(&out));
    let jobs = json_pg(folder.path(), &db.url, &["jobs", "--json"]);
    assert_eq!(jobs["dead"], 2, "no retry for what cannot succeed: {jobs}");
}

/// A PostgreSQL server of the test's own (the shared one must not be restarted under
/// the other tests), stopped and removed when the test ends.
struct Cluster {
    dir: tempfile::TempDir,
    url: String,
}

impl Cluster {
    /// `None` (after a line on stderr) where the tests have no PostgreSQL, as [`Database::create`].
    fn start(test: &str) -> Option<Cluster> {
        Database::create(test)?; // the same skip rule; the schema itself is not used
        let mut cluster = Cluster { dir: tempfile::tempdir().unwrap(), url: String::new() };
        cluster.url = cluster.script("start");
        Some(cluster)
    }

    /// Runs `scripts/test-postgres.sh COMMAND` on the cluster; its standard output.
    fn script(&self, command: &str) -> String {
        let out = self.run_script(command);
        assert!(out.status.success(), "{command}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    fn run_script(&self, command: &str) -> Output {
        let script = repo().join("scripts/test-postgres.sh");
        Command::new(script).arg(command).arg(self.dir.path().join("pg")).output().unwrap()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self.run_script("stop");
    }
}

/// Polls `serve`'s health until `ready` holds (or fails after 60 s).
fn wait_for_health(server: &Server, ready: impl Fn(u16, &Value) -> bool) -> Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (status, _, body) = server.get("/healthz");
        let health: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
        if ready(status, &health) {
            return health;
        }
        assert!(Instant::now() < deadline, "health never got there: {status} {body}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The database goes down while a worker is mid-job and a `serve` node is up:
/// commands fail naming the database and the reason, `serve` still answers searches
/// from its replica and says the store is unreachable, and a second node started
/// meanwhile does the same; when the database returns, the worker gives the job back,
/// finishes the queue with nothing lost, and both nodes catch up.
#[test]
fn a_database_restart_mid_ingest_is_waited_out_and_serve_keeps_its_replica() {
    let Some(cluster) = Cluster::start("restart") else { return };
    let serving = tempfile::tempdir().unwrap();
    let html = corpus().join("html");
    let out = run_pg(serving.path(), &cluster.url, &["ingest", html.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let server = Server::start_with(serving.path(), &["--database", &cluster.url]);
    let (status, _, before) = server.get("/api/search?q=strike");
    assert_eq!(status, 200, "{before}");
    // A second search node's replica, built now; the node starts while the database is down.
    let late = tempfile::tempdir().unwrap();
    assert!(run_pg(late.path(), &cluster.url, &["reindex"]).status.success());

    let site = Site::start();
    let page = site.url("/stalled/harbor");
    let mut inputs = vec![page.clone()];
    inputs.extend(["feeds", "jsonl", "text"].iter().map(|d| corpus().join(d).display().to_string()));
    let mut args = vec!["ingest", "--enqueue"];
    args.extend(inputs.iter().map(String::as_str));
    assert!(run_pg(serving.path(), &cluster.url, &args).status.success());
    let working = worker(tempfile::tempdir().unwrap().path(), &cluster.url, &["--until-idle"]);
    site.wait_for("/stalled/harbor", 1);

    cluster.script("pause");
    let down = run_pg(tempfile::tempdir().unwrap().path(), &cluster.url, &["list"]);
    assert!(!down.status.success());
    let message = String::from_utf8_lossy(&down.stderr);
    assert!(message.contains(cluster.url.trim_end_matches("/postgres")), "names the database: {message}");
    assert!(message.contains("reachable"), "says why: {message}");
    let (status, _, during) = server.get("/api/search?q=strike");
    assert_eq!((status, &during), (200, &before), "serve answers from its replica");
    let health = wait_for_health(&server, |status, _| status == 503);
    assert_eq!(health["code"], "store_unavailable", "{health}");
    assert!(health["message"].as_str().unwrap().contains("127.0.0.1"), "{health}");
    let late_server = Server::start_with(late.path(), &["--database", &cluster.url]);
    let (status, _, late_answer) = late_server.get("/api/search?q=strike");
    assert_eq!((status, &late_answer), (200, &before), "a node started with the database down serves its replica");
    assert_eq!(wait_for_health(&late_server, |status, _| status == 503)["code"], "store_unavailable");

    site.open_gate(); // the worker has the page now, and no database to store it in
    std::thread::sleep(Duration::from_secs(2));
    cluster.script("resume");
    let out = working.wait_with_output().unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{log}");
    assert!(log.contains("out of reach"), "the outage is reported: {log}");
    assert!(stdout(&out).contains(", 0 failed, 1 given back"), "{}", stdout(&out));

    let urls = listed_urls(serving.path(), &cluster.url);
    assert_eq!(urls.len(), manifest().len() + 1, "nothing lost, nothing doubled");
    assert_eq!(urls.iter().filter(|u| **u == page).count(), 1);
    for server in [&server, &late_server] {
        let health = wait_for_health(server, |status, h| status == 200 && h["index_lag"] == 0);
        assert_eq!(health["articles"], manifest().len() + 1, "{health}");
    }
}
