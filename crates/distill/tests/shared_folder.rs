//! Many processes on one data folder (issue 16): `serve` running while CLI ingests
//! write, and any of them killed at any moment. The store is the source of truth;
//! the index writer is a short lease; readers follow commits.

use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::*;

/// Writes `n` small articles, each with a word found nowhere else and prose of its
/// own (so that none is a near-duplicate of another), and returns the words.
fn tagged_articles(dir: &Path, tag: &str, n: usize) -> Vec<String> {
    const WHO: [&str; 6] = ["Harbour pilots", "Ferry crews", "Bus drivers", "Nurses", "Teachers", "Tram staff"];
    const WHERE: [&str; 6] = ["Calverton", "Ashcombe", "Northfield", "Pinecrest", "Marlow Bay", "Eastleigh"];
    const WHAT: [&str; 6] = ["pay", "rota", "pensions", "safety rules", "overtime", "staffing"];
    const NEXT: [&str; 6] = ["Thursday", "next week", "the weekend", "Friday", "the new year", "March"];
    std::fs::create_dir_all(dir).unwrap();
    (0..n)
        .map(|i| {
            let word = format!("{tag}{i}quux");
            let pick = |list: &[&'static str; 6], salt: usize| list[(i * 7 + salt + tag.len()) % 6];
            let text = format!(
                "{} in {} voted on Monday to strike over {} and the {word} plan, their union said.\n\n\
                 Managers said talks on {} would resume by {}, and that a court could still rule on the dispute.\n\n\
                 A spokesperson for {} council declined to comment on {} or on {}.",
                pick(&WHO, 0),
                pick(&WHERE, 1),
                pick(&WHAT, 2),
                pick(&WHAT, 3),
                pick(&NEXT, 4),
                pick(&WHERE, 5),
                pick(&WHO, 2).to_lowercase(),
                pick(&NEXT, 1),
            );
            std::fs::write(dir.join(format!("{tag}-{i}.txt")), text).unwrap();
            word
        })
        .collect()
}

fn spawn(data: &Path, args: &[&str]) -> Child {
    bin().arg("--data").arg(data).args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap()
}

fn server_total(server: &Server, query: &str) -> u64 {
    let (status, _, body) = server.get(&format!("/api/search?q={query}&limit=100"));
    assert_eq!(status, 200, "{body}");
    serde_json::from_str::<Value>(&body).unwrap()["total"].as_u64().unwrap()
}

/// Waits until the server finds `query` and returns how long that took.
fn server_finds(server: &Server, query: &str, within: Duration) -> Duration {
    let start = Instant::now();
    while server_total(server, query) == 0 {
        assert!(start.elapsed() < within, "the server did not find {query:?} within {within:?} of the ingest's commit");
        std::thread::sleep(Duration::from_millis(20));
    }
    start.elapsed()
}

/// Guards issue 16: a CLI ingest into the folder `serve` was serving committed its
/// articles, but the server's search never showed them, and when the server held the
/// index writer every CLI ingest failed with `LockBusy` after committing.
#[test]
fn serve_and_two_ingests_share_a_folder() {
    let data = tempfile::tempdir().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    let server = Server::start(data.path());
    let first_words = tagged_articles(&inputs.path().join("first"), "alpha", 5);
    let second_words = tagged_articles(&inputs.path().join("second"), "bravo", 5);
    let corpus = corpus();
    let first =
        spawn(data.path(), &["ingest", inputs.path().join("first").to_str().unwrap(), corpus.to_str().unwrap()]);
    let second =
        spawn(data.path(), &["ingest", inputs.path().join("second").to_str().unwrap(), corpus.to_str().unwrap()]);
    for (child, words) in [(first, &first_words), (second, &second_words)] {
        let out = child.wait_with_output().unwrap();
        let (report, errors) = (stdout(&out), String::from_utf8_lossy(&out.stderr).into_owned());
        assert!(out.status.success(), "{report}{errors}");
        assert!(!errors.to_lowercase().contains("lock"), "{errors}");
        // The ingest has committed and exited: the CLI finds its articles at once, and
        // the server within 2 s.
        for word in words {
            let hits = json(data.path(), &["search", word, "--json", "--all"]);
            assert_eq!(hits["total"].as_u64(), Some(1), "{word}: {hits}");
        }
        server_finds(&server, &words[words.len() - 1], Duration::from_secs(2));
        for word in words {
            assert_eq!(server_total(&server, word), 1, "{word}");
        }
    }
    // Both ingests read the whole corpus: each story is stored once, and the server
    // and the CLI agree on what a search finds.
    let listed = json(data.path(), &["list", "--json", "--limit", "1000"]);
    assert_eq!(listed.as_array().unwrap().len(), manifest().len() + 10);
    let cli = json(data.path(), &["search", "strike", "--json", "--limit", "100"]);
    assert_eq!(server_total(&server, "strike"), cli["total"].as_u64().unwrap());
}

/// kill -9 of an ingest at any moment, and of the server, loses nothing that was
/// committed and leaves no lock behind: the next processes run, and the server
/// (whose follower indexes what the killed writers committed but never indexed)
/// finds everything the store holds.
#[test]
fn killing_any_process_loses_nothing_and_blocks_nobody() {
    let data = tempfile::tempdir().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    let words = tagged_articles(&inputs.path().join("tagged"), "charlie", 5);
    let page = inputs.path().join("long.html");
    let corpus = corpus();
    let out = run(
        data.path(),
        &["bench", "page", "--mb", "4", "--out", page.to_str().unwrap(), "--corpus", corpus.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tagged = inputs.path().join("tagged");
    let args = ["ingest", corpus.to_str().unwrap(), page.to_str().unwrap(), tagged.to_str().unwrap()];
    let server = Server::start(data.path());
    for delay_ms in [30, 120, 300, 700] {
        let mut child = spawn(data.path(), &args);
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
    }
    // The server dies too, and another takes its place.
    drop(server);
    let server = Server::start(data.path());
    let out = run(data.path(), &args);
    let errors = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{}{errors}", stdout(&out));
    assert!(!errors.to_lowercase().contains("lock"), "{errors}");
    let stored = json(data.path(), &["list", "--json", "--limit", "1000"]).as_array().unwrap().len();
    assert_eq!(stored, manifest().len() + 1 + words.len());
    for word in &words {
        assert_eq!(json(data.path(), &["search", word, "--json", "--all"])["total"].as_u64(), Some(1), "{word}");
        server_finds(&server, word, Duration::from_secs(2));
    }
    let cli = json(data.path(), &["search", "dockworkers", "--json", "--limit", "100", "--all"]);
    let (status, _, body) = server.get("/api/search?q=dockworkers&limit=100");
    assert_eq!(status, 200);
    let served: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(served["total"], json(data.path(), &["search", "dockworkers", "--json", "--limit", "100"])["total"]);
    assert!(cli["total"].as_u64().unwrap() >= 2, "{cli}");
}
