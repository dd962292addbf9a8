//! One item through the pure stages: extract, then analyze into an [`Article`].

use std::panic::{AssertUnwindSafe, catch_unwind};

use distill_core::{Article, Document, article_id, content_hash};
use distill_extract::ExtractError;
use distill_ingest::{Body, RawItem, Skip, SkipKind};

use crate::PipelineConfig;

/// Extracts the document of an item, with the container's hints applied (a feed's
/// title and date win over the page's own; an archive's capture date only fills a gap).
pub fn extract_item(item: &RawItem, config: &PipelineConfig) -> Result<Document, Skip> {
    let extracted = guarded(&item.origin, || match &item.body {
        Body::Html(bytes) => distill_extract::extract_html(bytes, item.charset.as_deref(), &config.extract),
        Body::Text(bytes) => distill_extract::extract_text(bytes, &config.extract),
    })?;
    let mut doc = extracted.map_err(|e| {
        let kind = match e {
            ExtractError::Empty => SkipKind::Empty,
            ExtractError::TooLarge { .. } => SkipKind::TooLarge,
            ExtractError::Binary => SkipKind::Malformed,
            _ => SkipKind::NoArticle,
        };
        Skip::new(&item.origin, kind, e.to_string())
    })?;
    if item.title.is_some() {
        doc.title = item.title.clone();
    }
    if item.url.is_some() {
        doc.url = item.url.clone();
    }
    doc.published = match (item.published, doc.published) {
        // About the same moment: the page's offset, which feeds drop, is kept.
        (Some(given), Some(stated))
            if (given.timestamp() - stated.timestamp()).abs() <= distill_core::time::SAME_PUBLICATION_SECS =>
        {
            Some(given.with_timezone(stated.offset()))
        }
        (Some(given), _) => Some(given),
        (None, stated) => stated.or(item.fallback_published),
    };
    if item.byline.is_some() {
        doc.byline = item.byline.clone();
    }
    if item.source.is_some() {
        doc.site_name = item.source.clone();
    }
    Ok(doc)
}

/// Runs extraction and analysis; a panic in either becomes this item's skip.
pub fn build_article(item: RawItem, config: &PipelineConfig) -> Result<Article, Skip> {
    let doc = extract_item(&item, config)?;
    guarded(&item.origin, || analyze(doc, &item.origin, config))
}

fn analyze(doc: Document, origin: &str, config: &PipelineConfig) -> Article {
    let analysis = distill_nlp::analyze(doc.title.as_deref().unwrap_or(""), &doc.text, &config.summary);
    let title = doc
        .title
        .filter(|t| !t.trim().is_empty())
        .or_else(|| analysis.sentences.first().map(|s| s.text.chars().take(120).collect()))
        .unwrap_or_else(|| "Untitled".to_string());
    let source = doc.site_name.or_else(|| doc.url.as_deref().and_then(host));
    let id = article_id(doc.url.as_deref(), &doc.text);
    let signature = distill_nlp::dedup::signature(&doc.text);
    Article {
        content_hash: content_hash(&format!("{title}\n{}", doc.text)),
        id,
        title,
        url: doc.url,
        source,
        byline: doc.byline,
        published: doc.published,
        language: doc.language,
        text: doc.text,
        sentences: analysis.sentences,
        summary: analysis.summary,
        insights: analysis.insights,
        attributions: analysis.attributions,
        entities: analysis.entities,
        origin: origin.to_string(),
        duplicate_of: None,
        signature,
    }
}

/// A URL's host without "www.", lowercased: the outlet of an article that names none.
pub fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.to_ascii_lowercase();
    (!host.is_empty()).then(|| host.trim_start_matches("www.").to_string())
}

fn guarded<T>(origin: &str, f: impl FnOnce() -> T) -> Result<T, Skip> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        tracing::error!(origin, message, "internal error while processing an item");
        Skip::new(origin, SkipKind::Internal, format!("internal error: {message}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_panics() {
        assert_eq!(host("https://www.Example.com:8080/a?b").as_deref(), Some("example.com"));
        assert_eq!(host("nonsense"), None);
        let skip = guarded("x.html", || -> u32 { panic!("boom") }).unwrap_err();
        assert_eq!(skip.reason, "internal error: boom");
    }

    #[test]
    fn a_capture_date_fills_a_gap_and_a_feed_date_keeps_the_pages_offset() {
        let config = PipelineConfig::default();
        let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).ok();
        let page = |date: &str| {
            let html = format!(
                "<html><head><meta property=\"article:published_time\" content=\"{date}\"></head>\
                 <body><article><h1>Council votes</h1><p>The council voted late in the evening on the new budget, \
                 which raises spending on roads and schools.</p></article></body></html>"
            );
            RawItem::new("page.html".into(), Body::Html(html.into_bytes()))
        };
        let date = |item: &RawItem| extract_item(item, &config).unwrap().published.map(|d| d.to_rfc3339());

        // An archive's capture date never replaces the date the page states...
        let mut archived = page("2026-09-14T21:00:00-05:00");
        archived.fallback_published = at("2030-01-01T00:00:00+00:00");
        assert_eq!(date(&archived).as_deref(), Some("2026-09-14T21:00:00-05:00"));
        // ...and stands in where it states none.
        let mut undated = page("");
        undated.fallback_published = at("2030-01-01T00:00:00+00:00");
        assert_eq!(date(&undated).as_deref(), Some("2030-01-01T00:00:00+00:00"));
        // A feed's date wins, but about the same moment keeps the page's offset.
        let mut fed = page("2026-09-14T21:00:00-05:00");
        fed.published = at("2026-09-15T02:00:00+00:00");
        assert_eq!(date(&fed).as_deref(), Some("2026-09-14T21:00:00-05:00"));
        fed.published = at("2026-09-15T02:00:30+00:00");
        assert_eq!(date(&fed).as_deref(), Some("2026-09-14T21:00:30-05:00"));
        fed.published = at("2026-09-16T08:00:00+00:00");
        assert_eq!(date(&fed).as_deref(), Some("2026-09-16T08:00:00+00:00"));
    }
}
