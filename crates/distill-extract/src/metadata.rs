//! Page metadata: title, byline, date, canonical URL, site name and language, read
//! from JSON-LD, OpenGraph and other `<meta>` tags, `<time>`, bylines and the URL.

use chrono::{DateTime, Utc};
use distill_core::text::collapse_whitespace;
use distill_core::time::{date_from_url, parse_date};
use serde_json::Value;

use crate::dom::Dom;

/// What the page says about itself.
#[derive(Debug, Default)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub url: Option<String>,
    pub site_name: Option<String>,
    pub language: Option<String>,
}

/// Reads the metadata of a page; the first source in priority order wins.
pub fn read(dom: &Dom) -> Metadata {
    let mut meta = Metadata::default();
    let mut ld = JsonLd::default();
    let mut metas: Vec<(String, String)> = Vec::new();
    let mut canonical = None;
    let mut html_title = None;
    let mut time_datetime = None;
    let mut byline_element = None;
    let mut itemprop_date = None;
    for i in 0..dom.nodes.len() {
        let Some(tag) = dom.tag(i) else { continue };
        match tag {
            "html" if meta.language.is_none() => {
                meta.language = dom.attr(i, "lang").and_then(primary_language);
            }
            "meta" => {
                let key = dom
                    .attr(i, "property")
                    .or_else(|| dom.attr(i, "name"))
                    .or_else(|| dom.attr(i, "itemprop"))
                    .or_else(|| dom.attr(i, "http-equiv"));
                if let (Some(key), Some(content)) = (key, dom.attr(i, "content")) {
                    metas.push((key.to_ascii_lowercase(), collapse_whitespace(content)));
                }
            }
            "link" if canonical.is_none() => {
                let rel = dom.attr(i, "rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") {
                    canonical = dom.attr(i, "href").map(str::to_string);
                }
            }
            "script" => {
                if dom.attr(i, "type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
                    && let Ok(value) = serde_json::from_str::<Value>(dom.raw_text(i).trim())
                {
                    ld.absorb(&value, 0);
                }
            }
            "title" if html_title.is_none() => html_title = Some(collapse_whitespace(&dom.raw_text(i))),
            "time" if time_datetime.is_none() => {
                time_datetime = dom.attr(i, "datetime").and_then(parse_date);
            }
            _ => {}
        }
        if itemprop_date.is_none() && dom.attr(i, "itemprop") == Some("datePublished") {
            itemprop_date = dom.attr(i, "datetime").or_else(|| dom.attr(i, "content")).and_then(parse_date);
        }
        if byline_element.is_none() && is_byline_element(dom, i) {
            byline_element = clean_byline(&dom.text_of(i));
        }
    }
    let get = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| metas.iter().find(|(key, v)| key == k && !v.is_empty()).map(|(_, v)| v.clone()))
    };
    meta.title = ld
        .headline
        .clone()
        .or_else(|| get(&["og:title", "twitter:title", "dc.title", "headline"]))
        .or_else(|| dom.first_heading())
        .or_else(|| html_title.as_deref().map(strip_site_suffix))
        .filter(|t| !t.is_empty());
    meta.url = canonical
        .filter(|u| u.starts_with("http"))
        .or_else(|| get(&["og:url"]).filter(|u| u.starts_with("http")))
        .or_else(|| ld.url.clone());
    meta.site_name = get(&["og:site_name", "application-name"]).or_else(|| ld.publisher.clone());
    meta.byline = ld
        .authors
        .is_empty()
        .then(|| {
            get(&["author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author"])
                .filter(|a| !a.starts_with("http"))
                .and_then(|a| clean_byline(&a))
        })
        .flatten()
        .or_else(|| (!ld.authors.is_empty()).then(|| ld.authors.join(", ")))
        .or(byline_element);
    meta.published = ld
        .published
        .or_else(|| {
            get(&[
                "article:published_time",
                "datepublished",
                "pubdate",
                "publishdate",
                "publish-date",
                "date",
                "dc.date",
                "dc.date.issued",
                "dcterms.created",
                "sailthru.date",
                "parsely-pub-date",
                "og:published_time",
                "article.published",
            ])
            .and_then(|d| parse_date(&d))
        })
        .or(itemprop_date)
        .or(time_datetime)
        .or_else(|| meta.url.as_deref().and_then(date_from_url));
    if meta.language.is_none() {
        meta.language = get(&["content-language", "og:locale", "language"]).and_then(|l| primary_language(&l));
    }
    meta
}

/// The article facts of the page's JSON-LD, from the first article-typed object.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    published: Option<DateTime<Utc>>,
    authors: Vec<String>,
    url: Option<String>,
    publisher: Option<String>,
}

impl JsonLd {
    fn absorb(&mut self, value: &Value, depth: usize) {
        if depth > 8 {
            return;
        }
        match value {
            Value::Array(items) => items.iter().for_each(|v| self.absorb(v, depth + 1)),
            Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    self.absorb(graph, depth + 1);
                }
                let is_article = map.get("@type").is_some_and(type_matches);
                if !is_article || self.headline.is_some() {
                    return;
                }
                self.headline = map.get("headline").and_then(Value::as_str).map(collapse_whitespace);
                self.published = map.get("datePublished").and_then(Value::as_str).and_then(parse_date);
                self.authors = names(map.get("author"));
                self.url = map
                    .get("url")
                    .and_then(Value::as_str)
                    .or_else(|| map.get("mainEntityOfPage").and_then(|m| m.as_str().or_else(|| m.get("@id")?.as_str())))
                    .filter(|u| u.starts_with("http"))
                    .map(str::to_string);
                self.publisher = names(map.get("publisher")).into_iter().next();
            }
            _ => {}
        }
    }
}

fn type_matches(t: &Value) -> bool {
    let is = |s: &str| s.ends_with("Article") || matches!(s, "BlogPosting" | "Report" | "LiveBlogPosting");
    match t {
        Value::String(s) => is(s),
        Value::Array(a) => a.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

fn names(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => clean_byline(s).into_iter().collect(),
        Some(Value::Object(m)) => m.get("name").and_then(Value::as_str).and_then(clean_byline).into_iter().collect(),
        Some(Value::Array(a)) => a.iter().flat_map(|v| names(Some(v))).collect(),
        _ => Vec::new(),
    }
}

fn is_byline_element(dom: &Dom, i: usize) -> bool {
    let hint = |a: &str| {
        dom.attr(i, a).is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("byline") || v == "author" || v.contains("author-name") || v.contains("article-author")
        })
    };
    hint("class") || hint("rel") || hint("itemprop") || hint("id")
}

/// Cleans an author string: drops a leading "By", dates and role tails.
fn clean_byline(raw: &str) -> Option<String> {
    let text = collapse_whitespace(raw);
    let text = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("by "))
        .or_else(|| text.strip_prefix("BY "))
        .unwrap_or(&text);
    let text = text.split(['|', '\n']).next().unwrap_or("").trim().trim_end_matches(',');
    let words = text.split_whitespace().count();
    (words > 0 && words <= 12 && !text.starts_with("http")).then(|| text.to_string())
}

/// "Headline | Site" or "Headline - Site": keeps the longest part.
fn strip_site_suffix(title: &str) -> String {
    [" | ", " – ", " — ", " - ", " :: "]
        .iter()
        .find(|sep| title.contains(**sep))
        .map(|sep| {
            let parts: Vec<&str> = title.split(sep).map(str::trim).collect();
            let longest = parts.iter().map(|p| p.len()).max().unwrap_or(0);
            // The headline usually comes first; a short first part is a site prefix.
            parts.iter().find(|p| p.len() * 2 >= longest).unwrap_or(&title).to_string()
        })
        .unwrap_or_else(|| title.trim().to_string())
}

fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() >= 2 && primary.len() <= 3 && primary.chars().all(|c| c.is_ascii_alphabetic())).then_some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ExtractConfig;

    fn meta(html: &str) -> Metadata {
        read(&Dom::parse(html, &ExtractConfig::default()))
    }

    #[test]
    fn json_ld_wins_and_graphs_are_searched() {
        let m = meta(
            r#"<html lang="en-GB"><head><title>Other | Site</title>
            <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["NewsArticle"],"headline":"The Headline",
            "datePublished":"2026-09-14T10:00:00Z","author":[{"@type":"Person","name":"Jane Doe"},{"name":"By John Roe"}],
            "publisher":{"name":"Gazette"}}]}</script>
            <meta property="og:title" content="OG title"></head><body><h1>H1</h1></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("The Headline"));
        assert_eq!(m.byline.as_deref(), Some("Jane Doe, John Roe"));
        assert_eq!(m.published.unwrap().to_rfc3339(), "2026-09-14T10:00:00+00:00");
        assert_eq!(m.site_name.as_deref(), Some("Gazette"));
        assert_eq!(m.language.as_deref(), Some("en"));
    }

    #[test]
    fn meta_tags_time_and_byline_elements() {
        let m = meta(
            r#"<head><title>A Story - The Site</title><link rel="canonical" href="https://ex.example/a">
            <meta property="article:published_time" content="2026-10-02"></head>
            <body><span class="byline">By Ann Lee</span><time datetime="2020-01-01">x</time></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("A Story"));
        assert_eq!(m.url.as_deref(), Some("https://ex.example/a"));
        assert_eq!(m.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(m.published.unwrap().format("%F").to_string(), "2026-10-02");
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let m = meta(
            r#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><h1>Fallback</h1>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Fallback"));
    }
}
