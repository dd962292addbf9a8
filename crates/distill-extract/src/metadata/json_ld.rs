//! The page's JSON-LD (in `<script type="application/ld+json">` or a meta tag): the
//! article object's headline, authors, dates and address, and the site's names.

use chrono::{DateTime, FixedOffset};
use serde_json::Value;

use super::byline::clean_byline;
use super::clean;
use super::date::parse_stated;

/// The article facts of the page's JSON-LD, from the first article-typed object.
#[derive(Default)]
pub(super) struct JsonLd {
    pub(super) headline: Option<String>,
    pub(super) published: Option<DateTime<FixedOffset>>,
    /// `datePublished` of the first object of any type (a `WebPage`), for pages
    /// without an article object.
    pub(super) any_published: Option<DateTime<FixedOffset>>,
    /// Whether every author of the article object is typed `Organization`: a page
    /// that also names a person in its byline was written by that person.
    pub(super) authors_are_organizations: bool,
    /// `dateModified` of the article object: the date of last resort.
    pub(super) modified: Option<DateTime<FixedOffset>>,
    pub(super) authors: Vec<String>,
    /// Authors given as `{"@id": ...}` references to a `Person` elsewhere in the graph.
    author_ids: Vec<String>,
    /// `@id` and name of every named object, to resolve those references.
    named: Vec<(String, String)>,
    pub(super) url: Option<String>,
    pub(super) publisher: Option<String>,
    /// Names of `WebSite` and `Organization` objects.
    pub(super) sites: Vec<String>,
    /// `articleBody` of the article object, as written (it may hold markup).
    pub(super) body: Option<String>,
}

impl JsonLd {
    /// Takes in the facts of a parsed JSON-LD value (an object, a list or a graph),
    /// keeping the first article object's.
    pub(super) fn absorb(&mut self, value: &Value, depth: usize) {
        if depth > 8 {
            return;
        }
        match value {
            Value::Array(items) => items.iter().for_each(|v| self.absorb(v, depth + 1)),
            Value::Object(map) => {
                // Articles inside a graph, a page's main entity or a blog's posts
                // ("@type": "Blog", "blogPost": [{"@type": "BlogPosting", ...}]).
                for key in ["@graph", "mainEntity", "blogPost"] {
                    if let Some(inner) = map.get(key) {
                        self.absorb(inner, depth + 1);
                    }
                }
                let name = map.get("name").and_then(Value::as_str).map(clean).filter(|n| !n.is_empty());
                if let (Some(id), Some(name)) = (map.get("@id").and_then(Value::as_str), &name)
                    && self.named.len() < 256
                {
                    self.named.push((id.to_string(), name.clone()));
                }
                let types = map.get("@type");
                if types.is_some_and(|t| type_is(t, |s| matches!(s, "WebSite" | "Organization"))) {
                    self.sites.extend(name);
                }
                if self.any_published.is_none() {
                    self.any_published = map.get("datePublished").and_then(Value::as_str).and_then(parse_stated);
                }
                if !types.is_some_and(|t| type_is(t, is_article)) || self.headline.is_some() {
                    return;
                }
                self.headline = map.get("headline").and_then(Value::as_str).map(clean);
                self.published = map.get("datePublished").and_then(Value::as_str).and_then(parse_stated);
                self.modified = map.get("dateModified").and_then(Value::as_str).and_then(parse_stated);
                self.authors = names(map.get("author"));
                self.authors_are_organizations = is_organization(map.get("author"));
                self.author_ids = ids(map.get("author"));
                self.url = map
                    .get("url")
                    .and_then(Value::as_str)
                    .or_else(|| map.get("mainEntityOfPage").and_then(|m| m.as_str().or_else(|| m.get("@id")?.as_str())))
                    .filter(|u| u.starts_with("http"))
                    .map(str::to_string);
                self.publisher = names(map.get("publisher")).into_iter().next();
                self.body = map.get("articleBody").and_then(Value::as_str).map(str::to_string);
            }
            _ => {}
        }
    }

    /// Names the authors given only by reference, once every script is read.
    pub(super) fn resolve_authors(&mut self) {
        if self.authors.is_empty() {
            self.authors = self
                .author_ids
                .iter()
                .filter_map(|id| self.named.iter().find(|(i, _)| i == id))
                .filter_map(|(_, name)| clean_byline(name))
                .collect();
        }
    }
}

fn is_article(s: &str) -> bool {
    s.ends_with("Article") || matches!(s, "BlogPosting" | "Report" | "LiveBlogPosting")
}

fn type_is(t: &Value, is: impl Fn(&str) -> bool) -> bool {
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

/// Whether a JSON-LD author (or each of a list) is typed `Organization`.
fn is_organization(value: Option<&Value>) -> bool {
    match value {
        Some(Value::Object(m)) => m.get("@type").is_some_and(|t| type_is(t, |s| s == "Organization")),
        Some(Value::Array(a)) => !a.is_empty() && a.iter().all(|v| is_organization(Some(v))),
        _ => false,
    }
}

/// The `@id`s of authors given by reference only.
fn ids(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Object(m)) if m.get("name").is_none() => {
            m.get("@id").and_then(Value::as_str).map(str::to_string).into_iter().collect()
        }
        Some(Value::Array(a)) => a.iter().flat_map(|v| ids(Some(v))).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::metadata::tests::meta;

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
    fn json_ld_in_a_meta_tag() {
        let m = meta(
            r#"<meta name="script:ld+json" content="{&quot;@type&quot;:&quot;Article&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}">"#,
        );
        assert_eq!(m.published.map(|d| d.to_rfc3339()).as_deref(), Some("2025-11-17T09:00:00-05:00"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let m = meta(
            r#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><h1>Fallback</h1>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Fallback"));
    }

    #[test]
    fn dates_in_nested_json_ld_and_last_changes() {
        let date = |head: &str| meta(&format!("<head>{head}</head>")).published.map(|d| d.format("%F").to_string());
        let blog = r#"<script type="application/ld+json">{"@type": "Blog", "blogPost": [{"@type": "BlogPosting",
            "headline": "Old frames", "datePublished": "2025-12-19T20:20:42Z"}]}</script>"#;
        assert_eq!(date(blog).as_deref(), Some("2025-12-19"));
        // A page that states only when it changed is dated then.
        assert_eq!(
            date(r#"<meta property="article:modified_time" content="2023-06-12T10:39:42+00:00">"#).as_deref(),
            Some("2023-06-12")
        );
        assert_eq!(
            date(
                r#"<meta property="article:modified_time" content="2023-06-12T10:39:42+00:00">
                <meta property="article:published_time" content="2021-01-05T08:00:00+00:00">"#
            )
            .as_deref(),
            Some("2021-01-05")
        );
    }
}
