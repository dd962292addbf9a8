//! Helpers: run the binary, find the sample corpus, speak HTTP/1.1 over a socket.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;

use serde_json::Value;

/// The binary, without the caller's data folder, database or model folder: CI sets
/// `DISTILL_MODELS` for the model tests, and the other tests expect keyword search (a
/// test that wants the encoder passes `--models`).
pub fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_distill"));
    cmd.env_remove("DISTILL_DATA")
        .env_remove("DISTILL_DATABASE")
        .env_remove("DISTILL_MODELS")
        .env("DISTILL_LOG", "error");
    cmd
}

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn corpus() -> PathBuf {
    repo().join("corpus/sample")
}

/// A file or folder of the evaluation data: the team's shared folder (the product spec
/// with its reference page, and the development sets under `data/`), found at
/// `DISTILL_EVAL_DATA` or else at `../shared` beside the checkout.
///
/// A fresh clone has neither, so a test that needs the data calls this and returns on
/// `None`, after one line on stderr saying what was skipped and why. Under
/// `DISTILL_REQUIRE_EVAL_DATA=1` (CI) a missing path fails the test instead, so nothing
/// skips silently there.
pub fn eval_data(relative: &str, test: &str) -> Option<PathBuf> {
    let (root, from) = match std::env::var_os("DISTILL_EVAL_DATA").filter(|v| !v.is_empty()) {
        Some(root) => (PathBuf::from(root), "DISTILL_EVAL_DATA"),
        None => {
            // The checkout's own name, not crates/distill/../.., in the skip line.
            let repo = repo().canonicalize().unwrap_or_else(|_| repo());
            (repo.parent().unwrap_or(&repo).join("shared"), "../shared beside the checkout")
        }
    };
    let path = root.join(relative);
    if path.exists() {
        return Some(path);
    }
    let why = format!("{test} needs {relative} from the evaluation data, missing at {} ({from})", path.display());
    assert!(
        std::env::var("DISTILL_REQUIRE_EVAL_DATA").as_deref() != Ok("1"),
        "{why}, and DISTILL_REQUIRE_EVAL_DATA=1 forbids skipping it"
    );
    // Written past the test harness's capture, so that the skip is seen.
    let _ = writeln!(std::io::stderr(), "skipped: {why}; set DISTILL_EVAL_DATA to the shared folder to run it");
    None
}

pub fn manifest() -> Vec<Value> {
    serde_json::from_str(&std::fs::read_to_string(corpus().join("manifest.json")).unwrap()).unwrap()
}

/// Runs `distill --data DATA ARGS...` and returns its output.
pub fn run(data: &Path, args: &[&str]) -> Output {
    bin().arg("--data").arg(data).args(args).output().expect("binary runs")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn json(data: &Path, args: &[&str]) -> Value {
    let out = run(data, args);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {}", stdout(&out)))
}

/// A data folder with the sample corpus ingested once, shared by read-only tests.
pub fn sample_library() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = run(dir.path(), &["ingest", corpus().to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        dir
    })
    .path()
}

/// A running `distill serve` on an ephemeral port; killed on drop.
pub struct Server {
    child: Child,
    pub addr: String,
}

impl Server {
    pub fn start(data: &Path) -> Server {
        Server::start_with(data, &[])
    }

    /// [`Server::start`] with more `serve` flags.
    pub fn start_with(data: &Path, flags: &[&str]) -> Server {
        let mut child = bin()
            .arg("--data")
            .arg(data)
            .args(["serve", "--addr", "127.0.0.1:0", "--no-poll"])
            .args(flags)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let addr = line.trim().trim_start_matches("serving on http://").trim_end_matches('/').to_string();
        assert!(addr.starts_with("127.0.0.1:"), "unexpected first line {line:?}");
        Server { child, addr }
    }

    /// GET a path; returns (status, headers lowercased, body).
    pub fn get(&self, path: &str) -> (u16, String, String) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", self.addr).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let raw = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = raw.split_once("\r\n\r\n").expect("HTTP response");
        let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
        let body = if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
            dechunk(body)
        } else {
            body.to_string()
        };
        (status, head.to_ascii_lowercase(), body)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        body = &rest[n + 2..];
    }
    out
}

/// Lowercase word tokens, as the citation check compares them.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// The model folder for a test that wants the encoder: `DISTILL_MODELS` (CI), else the
/// checkout's `models/`; `None` (with a "skipped:" line) when neither holds the model,
/// which `DISTILL_REQUIRE_MODELS=1` forbids.
pub fn models(test: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("DISTILL_MODELS")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("models"));
    let found = dir.join("all-minilm-l6-v2/model.safetensors").is_file()
        || dir.join("model.safetensors").is_file()
        || dir.join("all-minilm-l6-v2/model/model.safetensors").is_file();
    if found {
        return Some(dir);
    }
    let why = format!("{test} needs the sentence encoder in {} (scripts/fetch-models.sh DIR)", dir.display());
    assert!(
        std::env::var("DISTILL_REQUIRE_MODELS").as_deref() != Ok("1"),
        "{why}, and DISTILL_REQUIRE_MODELS=1 forbids skipping it"
    );
    let _ = writeln!(std::io::stderr(), "skipped: {why}");
    None
}

/// The models folder for a test that wants the generator (smollm2-135m-instruct/model.gguf):
/// as [`models`], `None` with a "skipped:" line when it is missing, which
/// `DISTILL_REQUIRE_MODELS=1` forbids.
pub fn llm(test: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("DISTILL_MODELS")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("models"));
    if dir.join("smollm2-135m-instruct/model.gguf").is_file() {
        return Some(dir);
    }
    let why =
        format!("{test} needs the generator in {}/smollm2-135m-instruct (scripts/fetch-models.sh DIR)", dir.display());
    assert!(
        std::env::var("DISTILL_REQUIRE_MODELS").as_deref() != Ok("1"),
        "{why}, and DISTILL_REQUIRE_MODELS=1 forbids skipping it"
    );
    let _ = writeln!(std::io::stderr(), "skipped: {why}");
    None
}
