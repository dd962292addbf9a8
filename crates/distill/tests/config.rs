//! One configuration through the real binary: a TOML file, environment variables and
//! flags, in that order of precedence; `distill config` shows the effective values and
//! where each came from, and the settings reach the commands.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::support::*;

/// The binary with none of the configuration's variables inherited from the test's
/// own environment, save the quiet logs that `bin()` sets.
fn clean() -> Command {
    let mut cmd = bin();
    for (name, _) in std::env::vars_os() {
        if name.to_str().is_some_and(|n| n.starts_with("DISTILL_") && n != "DISTILL_LOG") {
            cmd.env_remove(name);
        }
    }
    cmd
}

fn write_config(dir: &Path, text: &str) -> String {
    let path = dir.join("config.toml");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn config_shows_each_value_and_where_it_came_from() {
    let data = tempfile::tempdir().unwrap();
    let file = write_config(
        data.path(),
        "version = 1\n[fetch]\ntimeout = \"10s\"\nhost_delay = \"2s\"\nconcurrency = 3\n[summary]\nbullets = 2\n",
    );
    let out = clean()
        .env("DISTILL_DATA", data.path())
        .env("DISTILL_HOST_DELAY", "250ms")
        .env("DISTILL_CONCURRENCY", "5")
        .args(["config", "--concurrency", "7", "--allow-private"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    for line in [
        format!("data = \"{}\"  # env DISTILL_DATA", data.path().display()),
        "addr = \"127.0.0.1:8080\"  # default".to_string(),
        format!("timeout = \"10s\"  # file {file}"),
        format!("bullets = 2  # file {file}"),
        "host_delay = \"250ms\"  # env DISTILL_HOST_DELAY".to_string(),
        "concurrency = 7  # flag --concurrency".to_string(),
        "allow_private = true  # flag --allow-private".to_string(),
        "level = \"error\"  # env DISTILL_LOG".to_string(),
    ] {
        assert!(text.lines().any(|l| l == line), "no line {line:?} in\n{text}");
    }

    let out = clean()
        .env("DISTILL_DATA", data.path())
        .env("DISTILL_HOST_DELAY", "250ms")
        .args(["config", "--json", "--bullets", "3"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["file"], file.as_str());
    assert_eq!(json["config"]["summary"]["bullets"], 3);
    assert_eq!(json["config"]["fetch"]["concurrency"], 3);
    assert_eq!(json["config"]["fetch"]["host_delay"], "250ms");
    assert_eq!(json["sources"]["summary.bullets"], serde_json::json!({"from": "flag", "name": "--bullets"}));
    assert_eq!(json["sources"]["fetch.concurrency"], serde_json::json!({"from": "file", "name": file}));
    assert_eq!(json["sources"]["fetch.host_delay"], serde_json::json!({"from": "env", "name": "DISTILL_HOST_DELAY"}));
    assert_eq!(json["sources"]["fetch.max_body"], serde_json::json!({"from": "default"}));
}

#[test]
fn bullets_from_the_file_take_effect_on_ingest() {
    let data = tempfile::tempdir().unwrap();
    write_config(data.path(), "[summary]\nbullets = 2\n");
    let page = corpus().join("html/civicobserver_2026-09-10_port-strike-ripples.html");
    let out = clean().arg("--data").arg(data.path()).arg("ingest").arg(&page).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let list = json(data.path(), &["list", "--json"]);
    let id = list[0]["id"].as_str().unwrap();
    let article = json(data.path(), &["show", id, "--json"]);
    assert_eq!(article["summary"]["bullets"].as_array().map(Vec::len), Some(2), "{}", article["summary"]);

    // A flag wins over the file, for the command that takes it.
    let input = data.path().join("texts.jsonl");
    let body = article["text"].as_str().unwrap();
    std::fs::write(&input, format!("{}\n", serde_json::json!({"id": "a", "text": body}))).unwrap();
    let summarize = |extra: &[&str]| -> usize {
        let out = clean().arg("--data").arg(data.path()).arg("summarize").arg(&input).args(extra).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let line: Value = serde_json::from_slice(&out.stdout).unwrap();
        line["bullets"].as_array().unwrap().len()
    };
    assert_eq!(summarize(&[]), 2);
    assert_eq!(summarize(&["--bullets", "3"]), 3);
}

#[test]
fn serve_listens_where_the_named_file_says() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let file = dir.path().join("distill.toml");
    std::fs::write(&file, format!("data = \"library\"\n[serve]\naddr = \"127.0.0.1:{port}\"\nno_poll = true\n"))
        .unwrap();
    let mut child = clean().env("DISTILL_CONFIG", &file).arg("serve").stdout(Stdio::piped()).spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(line.trim(), format!("serving on http://127.0.0.1:{port}/"));
    // The data folder is relative to the file that names it.
    assert!(dir.path().join("library").is_dir());
}

#[test]
fn a_bad_configuration_is_a_usage_error_that_names_the_key() {
    let data = tempfile::tempdir().unwrap();
    let file = write_config(data.path(), "[fetch]\ntimeout = \"5s\"\nretries = 3\n");
    let out = clean().arg("--data").arg(data.path()).args(["list"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("`retries`") && err.contains(&file), "{err}");

    write_config(data.path(), "[serve]\npoll_every = \"soon\"\n");
    let out = clean().arg("--data").arg(data.path()).args(["config"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("poll_every") && err.contains("\"soon\"") && err.contains(&file), "{err}");

    write_config(data.path(), "");
    let out = clean().env("DISTILL_BULLETS", "many").arg("--data").arg(data.path()).args(["config"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("summary.bullets (from env DISTILL_BULLETS)") && err.contains("\"many\""), "{err}");

    let out = clean()
        .arg("--data")
        .arg(data.path())
        .args(["--config", "/nonexistent/distill.toml", "list"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("/nonexistent/distill.toml"), "{err}");
}

#[test]
fn demo_keeps_the_data_folders_configuration_and_follows_it() {
    let data = tempfile::tempdir().unwrap();
    let folder = data.path().join("demo");
    std::fs::create_dir(&folder).unwrap();
    let text = "[serve]\naddr = \"127.0.0.1:0\"\n[summary]\nbullets = 2\n";
    write_config(&folder, text);
    let mut child = clean().arg("--data").arg(&folder).arg("demo").stdout(Stdio::piped()).spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(line.starts_with("serving on http://127.0.0.1:"), "{line:?}");
    assert_eq!(std::fs::read_to_string(folder.join("config.toml")).unwrap(), text);
    let list = json(&folder, &["list", "--json"]);
    let id = list[0]["id"].as_str().unwrap();
    let article = json(&folder, &["show", id, "--json"]);
    assert_eq!(article["summary"]["bullets"].as_array().map(Vec::len), Some(2), "{}", article["summary"]);
}
