//! Input sources: files and folders of HTML, text, feeds (RSS, Atom, JSON Feed) and
//! JSON Lines, any of them gzip-compressed. Each input becomes one or more
//! [`RawItem`]s (a feed or a JSON Lines file holds many), or a [`Skip`] that names
//! the item and the reason. Reading is bounded: size caps apply after decompression.
#![warn(missing_docs)]

mod files;
mod jsonl;

use chrono::{DateTime, Utc};

pub use files::{collect_files, read_file};

/// The body of an item, before extraction.
#[derive(Debug, Clone)]
pub enum Body {
    /// An HTML page or fragment, raw bytes in any encoding.
    Html(Vec<u8>),
    /// Plain text or Markdown, raw bytes.
    Text(Vec<u8>),
}

/// One input item with what its container already told us about it.
#[derive(Debug, Clone)]
pub struct RawItem {
    /// Where it came from: a path, `path#item-3`, or a URL.
    pub origin: String,
    /// The body.
    pub body: Body,
    /// URL given by the container (feed link, JSON Lines `url`).
    pub url: Option<String>,
    /// Title given by the container.
    pub title: Option<String>,
    /// Publication time given by the container.
    pub published: Option<DateTime<Utc>>,
    /// Publication name given by the container.
    pub source: Option<String>,
    /// Author given by the container.
    pub byline: Option<String>,
}

impl RawItem {
    fn new(origin: String, body: Body) -> RawItem {
        RawItem { origin, body, url: None, title: None, published: None, source: None, byline: None }
    }
}

/// An input that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Skip {
    /// The path or item.
    pub origin: String,
    /// Why it was skipped, in words.
    pub reason: String,
}

impl Skip {
    /// Creates a skip record.
    pub fn new(origin: impl Into<String>, reason: impl Into<String>) -> Skip {
        Skip { origin: origin.into(), reason: reason.into() }
    }
}

/// Limits for reading inputs.
#[derive(Debug, Clone)]
pub struct ReadConfig {
    /// Largest HTML or text document, after decompression.
    pub max_document_bytes: u64,
    /// Largest feed or JSON Lines file, after decompression.
    pub max_container_bytes: u64,
}

impl Default for ReadConfig {
    fn default() -> Self {
        Self { max_document_bytes: 16 << 20, max_container_bytes: 512 << 20 }
    }
}
