//! The PostgreSQL store end to end: the sample corpus ingested through the CLI into
//! PostgreSQL reads back as the same ingest into SQLite does (`list`, `search`, `show`,
//! `stories`), and a database that is down is a clear error. The server is the one
//! `DISTILL_TEST_POSTGRES` names (CI starts one); each test works in a schema of its own.

use std::io::Write;
use std::path::Path;
use std::process::Output;

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

/// `ingest --enqueue` queues the corpus's folders once, and two workers started together
/// ingest every article exactly once between them.
#[test]
fn two_workers_ingest_the_queued_corpus_once() {
    let Some(db) = Database::create("two_workers") else { return };
    let inputs: Vec<String> =
        ["feeds", "html", "jsonl", "text"].iter().map(|d| corpus().join(d).display().to_string()).collect();
    let folder = tempfile::tempdir().unwrap();
    let mut args = vec!["ingest", "--enqueue"];
    args.extend(inputs.iter().map(String::as_str));
    let out = run_pg(folder.path(), &db.url, &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout(&out).starts_with("queued 4 "), "{}", stdout(&out));
    assert!(stdout(&run_pg(folder.path(), &db.url, &args)).starts_with("queued 0 "), "already queued");

    let folders = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let mut workers: Vec<std::process::Child> = folders
        .iter()
        .map(|dir| {
            bin()
                .arg("--data")
                .arg(dir.path())
                .arg("--database")
                .arg(&db.url)
                .args(["worker", "--until-idle"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(180);
    while workers.iter_mut().any(|w| w.try_wait().unwrap().is_none()) {
        if std::time::Instant::now() > deadline {
            workers.iter_mut().for_each(|w| drop(w.kill()));
            panic!("the workers did not finish in 180 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let mut done = 0;
    for worker in workers {
        let out = worker.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let line = stdout(&out);
        let n: usize = line.trim().strip_prefix("worker: ").and_then(|l| l.split(' ').next()).unwrap().parse().unwrap();
        done += n;
    }
    assert_eq!(done, 4, "each job once");

    let list = ["list", "--json", "--limit", "1000"];
    let ids = |listed: Value| {
        let mut ids: Vec<String> =
            listed.as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap().to_string()).collect();
        ids.sort();
        ids
    };
    let expected = ids(json(sample_library(), &list));
    assert_eq!(expected.len(), manifest().len());
    assert_eq!(ids(json_pg(folder.path(), &db.url, &list)), expected, "no article lost or doubled");
}
