//! Input sources: files and folders of HTML, text, feeds (RSS, Atom, JSON Feed),
//! JSON Lines and WARC archives, any of them gzip-compressed; OPML subscription
//! lists; and the polite, guarded HTTP fetcher for feeds and pages. Each input becomes one or more
//! [`RawItem`]s (a feed or a JSON Lines file holds many), or a [`Skip`] that names
//! the item and the reason. Reading is bounded: size caps apply after decompression.
#![warn(missing_docs)]

mod feed;
mod fetch;
mod files;
pub mod guard;
mod jsonl;
pub mod opml;
pub mod robots;
mod slices;
mod warc;

use chrono::{DateTime, FixedOffset};

pub use feed::{Feed, TEASER_WORDS, parse_feed, plain};
pub use fetch::{FetchConfig, FetchError, Fetcher, Outcome, Purpose, Response, USER_AGENT, Validators};
pub use files::{collect_files, is_warc, read_file};
pub use slices::{Slice, split};
pub use warc::{WarcReader, write_response as write_warc_response};

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
    /// Publication time given by the container (a feed entry's publication date).
    pub published: Option<DateTime<FixedOffset>>,
    /// A date the container gives that is not the publication's own: a WARC record's
    /// capture time (a crawl can come years after publication), a feed entry's last
    /// update. The article's date only where the page states none.
    pub fallback_published: Option<DateTime<FixedOffset>>,
    /// Publication name given by the container.
    pub source: Option<String>,
    /// Author given by the container.
    pub byline: Option<String>,
    /// Character encoding declared by the transport (HTTP `Content-Type`).
    pub charset: Option<String>,
    /// The body is only a teaser: the full article is at `url`.
    pub teaser: bool,
}

impl RawItem {
    /// An item with nothing known about it but its body.
    pub fn new(origin: String, body: Body) -> RawItem {
        RawItem {
            origin,
            body,
            url: None,
            title: None,
            published: None,
            fallback_published: None,
            source: None,
            byline: None,
            charset: None,
            teaser: false,
        }
    }
}

/// An input that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Skip {
    /// The path or item.
    pub origin: String,
    /// What kind of problem it was, for programs.
    pub kind: SkipKind,
    /// Why it was skipped, in words, for people.
    pub reason: String,
}

/// What kind of problem made an input unusable: the stable part of a [`Skip`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SkipKind {
    /// A format distill does not read (a file type, a URL scheme, a WARC record type).
    Unsupported,
    /// Over a size limit.
    TooLarge,
    /// The file or folder could not be opened or read.
    Unreadable,
    /// Nothing in it: an empty file, a feed without entries, an entry without a body.
    Empty,
    /// Broken: invalid JSON, a truncated WARC, a feed that does not parse, binary data.
    Malformed,
    /// It parsed, but holds no article text.
    NoArticle,
    /// The SSRF guard or robots.txt refused the address.
    Refused,
    /// Fetching failed: network, HTTP status, timeout, content type.
    Fetch,
    /// A failure inside distill (a panic in a stage), reported instead of crashing.
    Internal,
}

impl Skip {
    /// Creates a skip record.
    pub fn new(origin: impl Into<String>, kind: SkipKind, reason: impl Into<String>) -> Skip {
        Skip { origin: origin.into(), kind, reason: reason.into() }
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
