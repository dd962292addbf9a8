//! `distill bench workers`: ingest throughput of 1, 2, 4... worker processes sharing one
//! PostgreSQL database, beside one `distill ingest` process on SQLite in the same run,
//! with a `serve` node following the database meanwhile: its search latency during the
//! ingest and how far its replica falls behind the store.
//!
//! Every input file is one job. Each run gets a schema of its own in the database
//! given (dropped afterwards), and its data folders live under the data folder's
//! `bench-scratch/`, removed afterwards.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail, ensure};

/// Searches a serve node answers during the ingest, in turn.
const QUERIES: [&str; 4] = ["election", "police said", "climate change", "company shares"];

/// One measured run.
struct Run {
    label: String,
    processes: usize,
    seconds: f64,
    articles: usize,
    /// Search latencies on the serve node during the ingest, sorted (ms).
    latencies: Vec<f64>,
    /// Largest replica lag seen (change-log entries behind the store).
    max_lag: i64,
    /// Time from the last worker's exit to the replica's catching up.
    catch_up: Option<Duration>,
    /// The serve node's replica (keyword index) on disk, once caught up.
    replica_bytes: u64,
}

pub fn run(
    dir: &Path,
    database: &str,
    workers: &[usize],
    slice_size: &str,
    warc: bool,
    data: &Path,
) -> anyhow::Result<()> {
    ensure!(distill_store::is_postgres_url(database), "--database must name a PostgreSQL server (postgres://...)");
    let (files, _) = distill_ingest::collect_files(&[dir.to_path_buf()]);
    ensure!(!files.is_empty(), "no input files in {}", dir.display());
    let scratch = data.join("bench-scratch");
    let _ = std::fs::remove_dir_all(&scratch);
    let archive = scratch.join("pages.warc.gz");
    let dir = if warc {
        pack(&files, &archive)?;
        archive.as_path()
    } else {
        dir
    };
    let exe = std::env::current_exe()?;
    let mut runs = Vec::new();

    let start = Instant::now();
    let out = distill(&exe, &scratch.join("sqlite"), None).args(["ingest", "--json"]).arg(dir).output()?;
    ensure!(out.status.success(), "ingest into SQLite failed: {}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    let articles = ["ingested", "updated", "unchanged"].iter().map(|k| report[k].as_u64().unwrap_or(0) as usize).sum();
    runs.push(Run {
        label: "SQLite, `distill ingest`".into(),
        processes: 1,
        seconds: start.elapsed().as_secs_f64(),
        articles,
        latencies: Vec::new(),
        max_lag: 0,
        catch_up: None,
        replica_bytes: folder_bytes(&scratch.join("sqlite").join("index")),
    });

    for &n in workers {
        let schema = format!("distill_bench_{}_{n}", std::process::id());
        let admin = Admin::new(database, &schema)?;
        let result = measure(&exe, &admin.url, dir, n, slice_size, &scratch.join(format!("pg-{n}")));
        drop(admin);
        runs.push(result?);
    }
    let stored = stored_articles(&scratch.join("sqlite"))?;
    let mut ceilings = Vec::new();
    for threads in [1, 2, 4] {
        let admin = Admin::new(database, &format!("distill_bench_{}_writes_{threads}", std::process::id()))?;
        ceilings.push((threads, write_ceiling(&admin, &stored, threads)?));
    }
    let _ = std::fs::remove_dir_all(&scratch);
    report_runs(&runs, files.len(), dir);
    println!();
    println!("Store writes alone (the articles above, analyzed, written again under new ids in chunks of 256):");
    println!("| writer threads | articles/s | database bytes per article (tables, indexes, TOAST) |");
    println!("|---:|---:|---:|");
    for (threads, (rate, bytes)) in ceilings {
        println!("| {threads} | {rate:.0} | {bytes:.0} |");
    }
    Ok(())
}

/// The articles the SQLite run stored, analysis included.
fn stored_articles(data: &Path) -> anyhow::Result<Vec<distill_core::Article>> {
    use distill_store::Store;
    let store = distill_store::SqliteStore::open(&data.join("distill.db"))?;
    let (mut articles, mut seq) = (Vec::new(), 0);
    loop {
        let changes = store.changes_since(seq, 1000)?;
        let Some(last) = changes.last() else { return Ok(articles) };
        seq = last.seq;
        articles.extend(changes.into_iter().map(|c| c.article));
    }
}

/// Writes at least 20,000 copies of `articles` (new ids and URLs, no copy links) into
/// the schema from `threads` threads: articles/s, and the schema's bytes per article.
fn write_ceiling(admin: &Admin, articles: &[distill_core::Article], threads: usize) -> anyhow::Result<(f64, f64)> {
    use distill_store::Store;
    use std::sync::atomic::{AtomicUsize, Ordering};
    ensure!(!articles.is_empty(), "no stored articles to write");
    let rounds = 20_000usize.div_ceil(articles.len());
    let copies: Vec<distill_core::Article> = (0..rounds)
        .flat_map(|round| {
            articles.iter().map(move |a| distill_core::Article {
                id: format!("{}-w{round}", a.id).into(),
                url: a.url.as_ref().map(|u| format!("{u}#w{round}")),
                duplicate_of: None,
                ..a.clone()
            })
        })
        .collect();
    let chunks: Vec<&[distill_core::Article]> = copies.chunks(256).collect();
    let store = distill_store::PgStore::open(&admin.url)?;
    let next = AtomicUsize::new(0);
    let start = Instant::now();
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let writers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| -> anyhow::Result<()> {
                    while let Some(chunk) = chunks.get(next.fetch_add(1, Ordering::Relaxed)) {
                        store.upsert_batch(chunk)?;
                    }
                    Ok(())
                })
            })
            .collect();
        writers.into_iter().try_for_each(|w| w.join().expect("writer panicked"))
    })?;
    let rate = copies.len() as f64 / start.elapsed().as_secs_f64();
    let mut client = postgres::Client::connect(&admin.admin, postgres::NoTls)?;
    let bytes: i64 = client
        .query_one(
            "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'",
            &[&admin.schema],
        )?
        .get(0);
    Ok((rate, bytes as f64 / copies.len() as f64))
}

/// A `distill` command on a data folder (and a database).
fn distill(exe: &Path, data: &Path, database: Option<&str>) -> Command {
    let mut cmd = Command::new(exe);
    cmd.env("DISTILL_LOG", "error").env_remove("DISTILL_MODELS").arg("--data").arg(data);
    if let Some(url) = database {
        cmd.arg("--database").arg(url);
    }
    cmd
}

/// A schema of its own in the database, dropped when done.
struct Admin {
    admin: String,
    schema: String,
    url: String,
}

impl Admin {
    fn new(database: &str, schema: &str) -> anyhow::Result<Admin> {
        let mut client = postgres::Client::connect(database, postgres::NoTls)
            .with_context(|| format!("connecting to {}", redacted(database)))?;
        client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"))?;
        let joint = if database.contains('?') { '&' } else { '?' };
        let url = format!("{database}{joint}options=--search_path%3D{schema}");
        Ok(Admin { admin: database.to_string(), schema: schema.to_string(), url })
    }
}

impl Drop for Admin {
    fn drop(&mut self) {
        if let Ok(mut client) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
        }
    }
}

fn redacted(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) => {
            let _ = u.set_password(None);
            u.to_string()
        }
        Err(_) => "the database".into(),
    }
}

/// Writes the pages into one WARC archive, a gzip member per record as CC-NEWS writes them.
fn pack(pages: &[PathBuf], archive: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(archive.parent().unwrap_or(Path::new(".")))?;
    let mut out = std::io::BufWriter::new(std::fs::File::create(archive)?);
    let read = distill_ingest::ReadConfig::default();
    // Each page as it reads (a compressed page decompressed).
    let items = pages.iter().flat_map(|page| distill_ingest::read_file(page, &read)).flatten();
    for (i, item) in items.enumerate() {
        let distill_ingest::Body::Html(html) = item.body else { continue };
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let url = item.url.unwrap_or_else(|| format!("https://bench.example/{i}"));
        distill_ingest::write_warc_response(&mut gz, &url, "2026-12-05T00:00:00Z", &html)?;
        out.write_all(&gz.finish()?)?;
    }
    out.flush()?;
    eprintln!("packed {} pages into {} ({} bytes)", pages.len(), archive.display(), std::fs::metadata(archive)?.len());
    Ok(())
}

fn measure(exe: &Path, url: &str, dir: &Path, workers: usize, slice_size: &str, scratch: &Path) -> anyhow::Result<Run> {
    std::fs::create_dir_all(scratch)?;
    let queued = Instant::now();
    let out = distill(exe, &scratch.join("queue"), Some(url))
        .args(["ingest", "--enqueue", "--slice-size", slice_size])
        .arg(dir)
        .output()?;
    ensure!(out.status.success(), "enqueue failed: {}", String::from_utf8_lossy(&out.stderr));
    eprintln!("{} in {:.1} s", String::from_utf8_lossy(&out.stdout).trim(), queued.elapsed().as_secs_f64());
    let node = Node::start(exe, &scratch.join("serve"), url)?;
    let start = Instant::now();
    let mut children: Vec<Child> = (0..workers)
        .map(|i| -> anyhow::Result<Child> {
            // A log file, not a pipe: a pipe nobody reads fills up and stops the worker.
            let log = std::fs::File::create(scratch.join(format!("worker-{i}.log")))?;
            Ok(distill(exe, &scratch.join(format!("worker-{i}")), Some(url))
                .args(["worker", "--until-idle"])
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()?)
        })
        .collect::<anyhow::Result<_>>()?;
    let (mut latencies, mut max_lag) = (Vec::new(), 0);
    let mut turn = 0;
    while children.iter_mut().any(|c| matches!(c.try_wait(), Ok(None))) {
        let query = QUERIES[turn % QUERIES.len()].replace(' ', "+");
        turn += 1;
        let asked = Instant::now();
        let (status, _) = node.get(&format!("/api/search?q={query}&limit=10"))?;
        latencies.push(asked.elapsed().as_secs_f64() * 1e3);
        ensure!(status == 200, "search answered {status} during the ingest");
        if turn % 4 == 0 {
            max_lag = max_lag.max(node.lag()?.1);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let seconds = start.elapsed().as_secs_f64();
    for (i, mut child) in children.into_iter().enumerate() {
        if !child.wait()?.success() {
            let log = std::fs::read_to_string(scratch.join(format!("worker-{i}.log"))).unwrap_or_default();
            bail!("worker {i} failed: {log}");
        }
    }
    let ended = Instant::now();
    let catch_up = loop {
        let (articles, lag) = node.lag()?;
        if lag == 0 {
            break (ended.elapsed(), articles);
        }
        ensure!(ended.elapsed() < Duration::from_secs(600), "the replica did not catch up in 10 minutes");
        std::thread::sleep(Duration::from_millis(20));
    };
    latencies.sort_by(f64::total_cmp);
    let replica_bytes = folder_bytes(&scratch.join("serve").join("index"));
    Ok(Run {
        label: format!("PostgreSQL, {workers} worker process{}", if workers == 1 { "" } else { "es" }),
        processes: workers,
        seconds,
        articles: catch_up.1,
        latencies,
        max_lag,
        catch_up: Some(catch_up.0),
        replica_bytes,
    })
}

/// Bytes of the files under a folder.
fn folder_bytes(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => folder_bytes(&e.path()),
            _ => e.metadata().map_or(0, |m| m.len()),
        })
        .sum()
}

/// A `distill serve` node on 127.0.0.1, stopped when dropped.
struct Node {
    child: Child,
    addr: String,
}

impl Node {
    fn start(exe: &Path, data: &Path, url: &str) -> anyhow::Result<Node> {
        let mut child = distill(exe, data, Some(url))
            .args(["serve", "--addr", "127.0.0.1:0", "--no-poll"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let mut line = String::new();
        BufReader::new(child.stdout.take().context("serve's output")?).read_line(&mut line)?;
        let addr = line.trim().trim_start_matches("serving on http://").trim_end_matches('/').to_string();
        ensure!(addr.starts_with("127.0.0.1:"), "serve printed {line:?}");
        Ok(Node { child, addr })
    }

    fn get(&self, path: &str) -> anyhow::Result<(u16, String)> {
        let mut stream = TcpStream::connect(&self.addr)?;
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", self.addr)?;
        let mut raw = String::new();
        stream.read_to_string(&mut raw)?;
        let (head, body) = raw.split_once("\r\n\r\n").context("an HTTP response")?;
        let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).context("a status")?;
        Ok((status, body.to_string()))
    }

    /// The store's article count and the replica's lag behind it, from `/healthz`.
    fn lag(&self) -> anyhow::Result<(usize, i64)> {
        let (status, body) = self.get("/healthz")?;
        ensure!(status == 200, "healthz answered {status}: {body}");
        let health: serde_json::Value = serde_json::from_str(&body)?;
        Ok((health["articles"].as_u64().unwrap_or(0) as usize, health["index_lag"].as_i64().unwrap_or(0)))
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn report_runs(runs: &[Run], files: usize, dir: &Path) {
    println!(
        "{files} pages in {} ({} cores here)",
        dir.display(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!(
        "| setup | articles | seconds | articles/s | per process | vs SQLite | search p50 / p99 during ingest | max replica lag | replica caught up after | index bytes per article |"
    );
    println!("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|");
    let base = runs.first().map_or(1.0, |r| r.articles as f64 / r.seconds);
    for r in runs {
        let rate = r.articles as f64 / r.seconds;
        let pct = |p: f64| {
            r.latencies.get(((r.latencies.len() as f64 * p) as usize).min(r.latencies.len().saturating_sub(1))).copied()
        };
        let latency = match (pct(0.5), pct(0.99)) {
            (Some(p50), Some(p99)) => format!("{p50:.1} / {p99:.1} ms ({} searches)", r.latencies.len()),
            _ => "-".into(),
        };
        let catch_up = r.catch_up.map_or("-".into(), |d| format!("{:.2} s", d.as_secs_f64()));
        let lag = if r.catch_up.is_some() { format!("{} changes", r.max_lag) } else { "-".into() };
        println!(
            "| {} | {} | {:.1} | {rate:.1} | {:.1} | {:.2}× | {latency} | {lag} | {catch_up} | {:.0} |",
            r.label,
            r.articles,
            r.seconds,
            rate / r.processes as f64,
            rate / base,
            r.replica_bytes as f64 / r.articles.max(1) as f64,
        );
    }
}
