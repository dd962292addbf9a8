//! Turns raw HTML or plain text into a clean [`Document`]: the article body without
//! page chrome, and its title, byline, date, canonical URL, site and language.
//!
//! Pure functions over bytes: no I/O, no global state. Every input is bounded by
//! [`ExtractConfig`] so that a hostile page costs bounded time and memory.
#![warn(missing_docs)]

mod blocks;
mod classify;
mod content;
mod dom;
mod encoding;
mod ending;
mod forest;
mod lead;
mod marks;
mod metadata;
mod nesting;
mod plain;
mod references;
mod second;
mod sections;
mod sink;
#[cfg(feature = "train")]
pub mod train;

pub use distill_core::Document;
pub use encoding::decode;
pub use references::decode_references;

/// Limits and switches for extraction.
#[derive(Debug, Clone)]
pub struct ExtractConfig {
    /// Largest input accepted, in bytes.
    pub max_bytes: usize,
    /// Most elements kept from one page; the rest of a larger page is ignored.
    pub max_elements: usize,
    /// Deepest element nesting kept; deeper content is flattened into its ancestor.
    pub max_depth: usize,
}

impl Default for ExtractConfig {
    fn default() -> Self {
        Self { max_bytes: 16 << 20, max_elements: 400_000, max_depth: 256 }
    }
}

/// Why an input could not be turned into an article.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExtractError {
    /// The input is empty or only whitespace.
    #[error("empty input")]
    Empty,
    /// The input is larger than [`ExtractConfig::max_bytes`].
    #[error("input too large: {size} bytes (limit {limit})")]
    TooLarge {
        /// Size of the input.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The input is not text (NUL bytes, control characters).
    #[error("binary content, not text or HTML")]
    Binary,
    /// The input parsed, but no article body was found in it.
    #[error("no article text found")]
    NoContent,
}

/// A `Result` with [`ExtractError`].
pub type Result<T> = std::result::Result<T, ExtractError>;

/// Extracts the article from an HTML page given as raw bytes in any encoding.
/// `declared_charset` is the charset of an HTTP header or feed, when known.
pub fn extract_html(bytes: &[u8], declared_charset: Option<&str>, config: &ExtractConfig) -> Result<Document> {
    check_size(bytes, config)?;
    let html = decode(bytes, declared_charset)?;
    extract_html_str(&html, config)
}

/// Extracts the article from an HTML page already decoded to a string.
pub fn extract_html_str(html: &str, config: &ExtractConfig) -> Result<Document> {
    let (dom, meta) = parse_page(html, config)?;
    let body = main_text(&dom, &meta.title_forms);
    let text = if body.trim().is_empty() {
        // A page with no block structure at all: fall back to the text rules.
        plain::extract(&dom.visible_text()).text
    } else {
        body
    };
    let text = second::noscript_body(html, text, |page| {
        parse_page(page, config).map(|(dom, meta)| main_text(&dom, &meta.title_forms)).unwrap_or_default()
    });
    let text = second::stated_body(text, meta.stated_body.as_deref());
    if text.trim().is_empty() {
        return Err(ExtractError::NoContent);
    }
    let title = meta.title.or_else(|| dom.first_heading()).map(composed);
    let language = meta.language.or_else(|| detect_language(&text));
    Ok(Document {
        title,
        byline: meta.byline.map(composed),
        published: meta.published,
        language,
        url: meta.url,
        site_name: meta.site_name,
        text: composed(text),
    })
}

/// The text in Unicode's composed normal form (NFC), the form search, duplicate
/// detection and quotations compare: pages write "é" as one character or as "e" and
/// an accent, and Bengali "ড়" as one or two. Most text already is; it is copied only
/// when it is not.
fn composed(text: String) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if is_nfc_quick(text.chars()) == IsNormalized::Yes { text } else { text.nfc().collect() }
}

/// Returns the article body of a page: the blocks the rules read, kept where the
/// block classifier keeps them (unless the page's heaviest prose region says that
/// choice is implausible), up to where a following article begins, paragraphs
/// separated by a blank line.
fn main_text(dom: &dom::Dom, titles: &[String]) -> String {
    let Some(analysis) = content::analyze(dom, titles) else { return String::new() };
    let keep = classify::keep(dom, &analysis);
    if std::env::var("XDEBUG").is_ok() {
        for (i, (b, k)) in analysis.blocks.iter().zip(&keep).enumerate() {
            if std::env::var("XDEBUG").as_deref() == Ok("json") {
                eprintln!("XB\t{:?}\t{}\t{}", b.verdict, k, b.text.replace(['\n', '\t'], " "));
            } else {
                let t: String = b.text.chars().take(90).collect();
                eprintln!("{i:4} {:?} keep={} owner={} sel={} {:?}", b.verdict, k, b.owner, analysis.selected, t);
            }
        }
    }
    body_of(dom, titles, analysis, keep)
}

/// Returns the body that the blocks `keep` keeps, once the plausibility check has
/// judged the choice (and put a second opinion in its place where it fails), the
/// chosen container's sister sections have joined it and the body is cut where a
/// following article begins.
fn body_of(dom: &dom::Dom, titles: &[String], analysis: blocks::Analysis, mut keep: Vec<bool>) -> String {
    let analysis = match second::review(dom, &analysis, &keep, titles) {
        Some(second) => {
            keep = second.blocks.iter().map(|b| b.kept()).collect();
            second
        }
        None => analysis,
    };
    sections::keep_sections(dom, &analysis.blocks, analysis.selected, &mut keep);
    lead::keep_lead(&analysis.blocks, &mut keep);
    ending::cut_at_next_article(dom, &analysis.blocks, &mut keep);
    ending::drop_price_table(&analysis.blocks, &mut keep);
    ending::drop_trailing_lines(&analysis.blocks, &mut keep);
    content::join_blocks(
        analysis.blocks.iter().zip(keep).filter(|(_, keep)| *keep).map(|(b, _)| (b.text.as_str(), b.mark)),
    )
}

/// Parses a decoded page within the configured limits and reads its metadata.
fn parse_page(html: &str, config: &ExtractConfig) -> Result<(dom::Dom, metadata::Metadata)> {
    if html.len() > config.max_bytes {
        return Err(ExtractError::TooLarge { size: html.len(), limit: config.max_bytes });
    }
    if html.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    let html = nesting::limit_nesting(html, config.max_depth * 2);
    let dom = dom::Dom::parse(&html, config);
    let meta = metadata::read(&dom);
    Ok((dom, meta))
}

/// Extracts the article from plain text (or Markdown): drops page chrome such as
/// brand lines, menus, lists of questions and calls to action.
pub fn extract_text(bytes: &[u8], config: &ExtractConfig) -> Result<Document> {
    check_size(bytes, config)?;
    let text = decode(bytes, None)?;
    let mut doc = plain::extract(&text);
    if doc.text.trim().is_empty() {
        return Err(ExtractError::NoContent);
    }
    doc.text = composed(doc.text);
    doc.title = doc.title.map(composed);
    doc.language = detect_language(&doc.text);
    Ok(doc)
}

fn check_size(bytes: &[u8], config: &ExtractConfig) -> Result<()> {
    if bytes.len() > config.max_bytes {
        return Err(ExtractError::TooLarge { size: bytes.len(), limit: config.max_bytes });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ExtractError::Empty);
    }
    Ok(())
}

/// Detects the language of a body, returning an ISO 639-1 code where one exists.
pub fn detect_language(text: &str) -> Option<String> {
    let sample: String = text.chars().take(3000).collect();
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    let code = info.lang().code();
    let short = match code {
        "eng" => "en",
        "deu" => "de",
        "fra" => "fr",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "nld" => "nl",
        "rus" => "ru",
        "ukr" => "uk",
        "pol" => "pl",
        "jpn" => "ja",
        "cmn" => "zh",
        "kor" => "ko",
        "ara" => "ar",
        "tur" => "tr",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "no",
        "fin" => "fi",
        "ces" => "cs",
        "ell" => "el",
        "heb" => "he",
        "hin" => "hi",
        "ind" => "id",
        "vie" => "vi",
        "tha" => "th",
        "hun" => "hu",
        "ron" => "ro",
        "bul" => "bg",
        "pes" => "fa",
        other => other,
    };
    Some(short.to_string())
}
