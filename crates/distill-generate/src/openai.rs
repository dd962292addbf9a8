//! Any OpenAI-compatible chat-completions endpoint, streamed.
//!
//! llama.cpp's server, llama-cpp-python, vLLM, Ollama and the hosted APIs all speak
//! `POST {base}/chat/completions` with server-sent events when `stream` is true. A slow
//! or dead endpoint must never hold up a page or an ingest, so every request has a
//! connect timeout and a total timeout, a failure before the first token is retried a
//! few times with backoff, and at most `concurrency` requests are in flight (a caller
//! waits for a slot at most the timeout, then gets [`GenerateError::Busy`]). What the
//! endpoint sends is bounded too: a line over 1 MiB or a reply far beyond `max_tokens`
//! ends the request with an error.

use std::io::{BufRead, BufReader, Read};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::limit::Slots;
use crate::{Finish, Flow, GenerateError, Generation, Generator, Request, Result, StopStream, check};

/// The longest line an endpoint may send.
const MAX_LINE: u64 = 1 << 20;

/// How to reach an endpoint.
#[derive(Debug, Clone)]
pub struct OpenAiConfig {
    /// The API's base URL (`http://127.0.0.1:8081/v1`), or the full chat-completions URL.
    pub url: String,
    /// The model name sent with each request.
    pub model: String,
    /// The bearer token, if the endpoint wants one (from the environment, never a flag).
    pub api_key: Option<String>,
    /// The most time one request may take, from connecting to the last token.
    pub timeout: Duration,
    /// The most time to wait for a connection.
    pub connect_timeout: Duration,
    /// How many times a request that failed before its first token is tried again.
    pub retries: u32,
    /// The most requests in flight at once.
    pub concurrency: usize,
}

impl OpenAiConfig {
    /// Returns a configuration with the default limits (60 s per request, 5 s to
    /// connect, 2 retries, 4 in flight) and the key from `DISTILL_LLM_API_KEY` or
    /// `OPENAI_API_KEY` when set.
    pub fn new(url: &str, model: &str) -> Self {
        let api_key = ["DISTILL_LLM_API_KEY", "OPENAI_API_KEY"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()));
        Self {
            url: url.to_string(),
            model: model.to_string(),
            api_key,
            timeout: crate::DEFAULT_TIMEOUT,
            connect_timeout: Duration::from_secs(5),
            retries: 2,
            concurrency: 4,
        }
    }
}

/// A client of one endpoint and model.
#[derive(Debug)]
pub struct OpenAiGenerator {
    name: String,
    endpoint: String,
    config: OpenAiConfig,
    client: reqwest::blocking::Client,
    slots: Slots,
}

impl OpenAiGenerator {
    /// Returns a client for `config` (nothing is sent until the first request).
    pub fn new(config: OpenAiConfig) -> Result<Self> {
        let url = config.url.trim_end_matches('/');
        let endpoint =
            if url.ends_with("/chat/completions") { url.to_string() } else { format!("{url}/chat/completions") };
        let invalid = |reason: String| GenerateError::Endpoint { url: endpoint.clone(), reason };
        let parsed = reqwest::Url::parse(&endpoint).map_err(|e| invalid(format!("not a URL: {e}")))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(invalid("only http and https endpoints are supported".into()));
        }
        if config.model.trim().is_empty() {
            return Err(invalid("no model name (--llm-model)".into()));
        }
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::blocking::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.timeout)
            .user_agent(concat!("distill/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| invalid(e.to_string()))?;
        let slots = Slots::new(config.concurrency);
        let name = format!("{} (openai-compatible)", config.model);
        Ok(Self { name, endpoint, config, client, slots })
    }

    fn error(&self, reason: impl Into<String>) -> GenerateError {
        GenerateError::Endpoint { url: self.endpoint.clone(), reason: reason.into() }
    }

    fn body(&self, request: &Request) -> Value {
        let messages: Vec<Value> =
            request.messages.iter().map(|m| json!({"role": m.role.as_str(), "content": m.content})).collect();
        let mut body = json!({
            "model": self.config.model,
            "messages": messages,
            "max_tokens": request.max_tokens,
            "temperature": 0,
            "stream": true,
        });
        let stop: Vec<&String> = request.stop.iter().filter(|s| !s.is_empty()).take(4).collect();
        if !stop.is_empty() {
            body["stop"] = json!(stop);
        }
        body
    }

    /// Sends the request, retrying failures that happen before any answer is read.
    fn send(&self, request: &Request, deadline: Instant) -> Result<reqwest::blocking::Response> {
        let body = self.body(request);
        let mut attempt = 0;
        loop {
            let mut builder = self
                .client
                .post(&self.endpoint)
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(body.to_string());
            if let Some(key) = &self.config.api_key {
                builder = builder.bearer_auth(key);
            }
            if let Some(left) = deadline.checked_duration_since(Instant::now()) {
                builder = builder.timeout(left);
            } else {
                return Err(self.error("timed out"));
            }
            let failure = match builder.send() {
                Ok(response) if response.status().is_success() => return Ok(response),
                Ok(response) => {
                    let status = response.status();
                    let mut text = String::new();
                    let _ = response.take(4096).read_to_string(&mut text);
                    let reason = format!("HTTP {status}: {}", text.trim());
                    if !(status.is_server_error() || status.as_u16() == 429) {
                        return Err(self.error(reason));
                    }
                    reason
                }
                Err(e) => describe(&e),
            };
            if attempt >= self.config.retries {
                return Err(self.error(format!("{failure} (after {} tries)", attempt + 1)));
            }
            let pause = Duration::from_millis(250 << attempt.min(4));
            if Instant::now() + pause >= deadline {
                return Err(self.error(format!("{failure} (no time left to retry)")));
            }
            std::thread::sleep(pause);
            attempt += 1;
        }
    }
}

impl Generator for OpenAiGenerator {
    fn name(&self) -> &str {
        &self.name
    }

    fn generate(&self, request: &Request, on_text: &mut dyn FnMut(&str) -> Flow) -> Result<Generation> {
        check(request)?;
        let started = Instant::now();
        let deadline = started + self.config.timeout;
        let _slot = self.slots.acquire(self.config.timeout).ok_or(GenerateError::Busy(self.slots.capacity()))?;
        let response = self.send(request, deadline)?;
        let streamed = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("text/event-stream"));
        // A reply may be this long before the endpoint is taken to be misbehaving.
        let max_bytes = request.max_tokens.saturating_mul(64).max(4096);
        let mut stream = StopStream::new(&request.stop, on_text);
        let mut finish = Finish::Length;
        let mut first_token = None;
        let (mut prompt_tokens, mut generated_tokens) = (0, 0);
        let mut bytes = 0;

        let mut reader = BufReader::new(response);
        let mut line = Vec::new();
        loop {
            line.clear();
            let read =
                (&mut reader).take(MAX_LINE).read_until(b'\n', &mut line).map_err(|e| self.error(e.to_string()))?;
            if read == 0 {
                break;
            }
            if read as u64 >= MAX_LINE && !line.ends_with(b"\n") {
                return Err(self.error("a line of the reply is over 1 MiB"));
            }
            let text = String::from_utf8_lossy(&line);
            let payload = if streamed {
                match text.trim().strip_prefix("data:") {
                    Some(data) => data.trim().to_string(),
                    None => continue,
                }
            } else {
                // A server that ignores `stream` answers with one JSON body.
                let mut rest = Vec::new();
                (&mut reader)
                    .take(max_bytes as u64 * 4)
                    .read_to_end(&mut rest)
                    .map_err(|e| self.error(e.to_string()))?;
                format!("{text}{}", String::from_utf8_lossy(&rest))
            };
            if payload == "[DONE]" {
                break;
            }
            let chunk: Value =
                serde_json::from_str(&payload).map_err(|e| self.error(format!("the reply is not JSON: {e}")))?;
            if let Some(err) = chunk.get("error") {
                return Err(self.error(format!("the endpoint reported: {err}")));
            }
            if let Some(usage) = chunk.get("usage").filter(|u| u.is_object()) {
                prompt_tokens = usage["prompt_tokens"].as_u64().unwrap_or(0) as usize;
                generated_tokens = usage["completion_tokens"].as_u64().unwrap_or(0) as usize;
            }
            let choice = &chunk["choices"][0];
            let piece =
                choice["delta"]["content"].as_str().or_else(|| choice["message"]["content"].as_str()).unwrap_or("");
            if !piece.is_empty() {
                first_token.get_or_insert_with(Instant::now);
                bytes += piece.len();
                if bytes > max_bytes {
                    return Err(self.error(format!("the reply ran past {max_bytes} bytes")));
                }
                if let Some(end) = stream.push(piece) {
                    finish = end;
                    break;
                }
            }
            match choice["finish_reason"].as_str() {
                Some("length") => finish = Finish::Length,
                Some(_) => finish = Finish::Stop,
                None => {}
            }
            if !streamed {
                break;
            }
        }
        let text = stream.finish();
        let prompt_time = first_token.map(|t| t - started).unwrap_or_default();
        Ok(Generation {
            generated_tokens: if generated_tokens > 0 { generated_tokens } else { text.split_whitespace().count() },
            text: text.trim().to_string(),
            prompt_tokens,
            finish,
            prompt_time,
            generation_time: first_token.map(|t| t.elapsed()).unwrap_or_default(),
        })
    }
}

/// Says what went wrong with a request in a user's words.
fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "timed out".into()
    } else if e.is_connect() {
        "cannot connect".into()
    } else {
        e.to_string()
    }
}
