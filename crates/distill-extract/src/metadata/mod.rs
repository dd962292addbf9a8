//! Page metadata: title, byline, date, canonical URL, site name and language, read
//! from JSON-LD, OpenGraph and other `<meta>` tags, `<time>`, bylines and the URL.
//!
//! One pass over the page gathers every source a field may be read from ([`Page`]);
//! then a reader per field picks among them in priority order: [`title`], [`byline`]
//! and [`date`], with the page's JSON-LD read by [`json_ld`]. The page's visible lines
//! ([`shown`]) are read only where the markup states no byline or no date.

mod byline;
mod date;
mod json_ld;
mod shown;
mod title;

use chrono::{DateTime, FixedOffset, NaiveDate};
use distill_core::text::collapse_whitespace;
use serde_json::Value;

use crate::dom::{Dom, Kind};
use crate::references::decode_references;
use json_ld::JsonLd;
use shown::Shown;

/// What the page says about itself.
#[derive(Debug, Default)]
pub struct Metadata {
    pub title: Option<String>,
    /// Every form of the title the page gives: the headline, and each metadata title
    /// with and without the site's name. The body does not repeat any of them.
    pub title_forms: Vec<String>,
    pub byline: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
    pub url: Option<String>,
    pub site_name: Option<String>,
    pub language: Option<String>,
    /// The article's text as its JSON-LD states it (`articleBody`, as written): a
    /// page that renders its story by script holds the story only there.
    pub stated_body: Option<String>,
}

/// Reads the metadata of a page; the first source in priority order wins.
pub fn read(dom: &Dom) -> Metadata {
    let mut page = Page::gather(dom);
    let url = page.url();
    let sites = title::sites(&page, url.as_deref());
    let title = title::read(&page, &sites);
    let byline = byline::stated(&page, &sites);
    let stated_date = date::stated(&page);
    // The page's text is read for a byline or a date only where the markup states
    // none: most pages state both, and skip this pass.
    let shown = if byline.is_none() || stated_date.is_none() {
        // A page without an `<h1>` still shows its headline, in some other element.
        let headline_node = title.node.or_else(|| title.text.as_deref().and_then(|t| title::shown_in(dom, t)));
        Shown::read(dom, byline.is_none(), stated_date.is_none(), headline_node, page.byline_node)
    } else {
        Shown::default()
    };
    let published = date::published(&page, stated_date, &shown, url.as_deref());
    Metadata {
        title: title.text,
        title_forms: title.forms,
        byline: byline.or(shown.byline).or(page.author_link.clone()),
        published,
        url,
        site_name: page.site_name(),
        language: page.language(),
        stated_body: page.ld.body.take(),
    }
}

/// What one pass over the page finds: every source a field may be read from, before
/// any is chosen.
#[derive(Default)]
struct Page {
    /// The `<meta>` tags, in page order.
    metas: Metas,
    ld: JsonLd,
    /// The first `<link rel=canonical>`'s address.
    canonical: Option<String>,
    /// The first `<title>`, cleaned.
    html_title: Option<String>,
    /// The language of the first `<html lang>` that names one.
    lang: Option<String>,
    /// The page's `<h1>`s, with their nodes.
    headings: Vec<(usize, String)>,
    /// The moment the first `<time>` states.
    time_datetime: Option<DateTime<FixedOffset>>,
    /// The first `itemprop="datePublished"`'s date.
    itemprop_date: Option<DateTime<FixedOffset>>,
    /// Days the page states unambiguously in later `<time>`s.
    days_stated: Vec<NaiveDate>,
    /// The name in the first element whose attributes say it holds the author.
    byline_element: Option<String>,
    /// The node of the byline element: a date beside the author's name is the article's.
    byline_node: Option<usize>,
    /// The first link to an author's page that reads as a name.
    author_link: Option<String>,
}

impl Page {
    /// Reads every node once, keeping the first of each source (or the first few).
    fn gather(dom: &Dom) -> Page {
        let mut page = Page::default();
        let mut h1_seen = 0;
        for i in 0..dom.nodes.len() {
            let Some(tag) = dom.tag(i) else { continue };
            match tag {
                "html" if page.lang.is_none() => page.lang = dom.attr(i, "lang").and_then(primary_language),
                "meta" => {
                    let key = dom
                        .attr(i, "property")
                        .or_else(|| dom.attr(i, "name"))
                        .or_else(|| dom.attr(i, "itemprop"))
                        .or_else(|| dom.attr(i, "http-equiv"));
                    if let (Some(key), Some(content)) = (key, dom.attr(i, "content")) {
                        // Some sites put their JSON-LD in a meta tag
                        // (`<meta name="script:ld+json" content="{...}">`).
                        if key.ends_with("ld+json")
                            && let Ok(value) = serde_json::from_str::<Value>(content.trim())
                        {
                            page.ld.absorb(&value, 0);
                        }
                        page.metas.0.push((key.to_ascii_lowercase(), clean(content)));
                    }
                }
                "link" if page.canonical.is_none() => {
                    let rel = dom.attr(i, "rel").unwrap_or("").to_ascii_lowercase();
                    if rel.split_whitespace().any(|r| r == "canonical") {
                        page.canonical = dom.attr(i, "href").map(str::to_string);
                    }
                }
                "script" => {
                    if dom.attr(i, "type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
                        && let Ok(value) = serde_json::from_str::<Value>(dom.raw_text(i).trim())
                    {
                        page.ld.absorb(&value, 0);
                    }
                }
                "title" if page.html_title.is_none() => page.html_title = Some(clean(&dom.raw_text(i))),
                "h1" if h1_seen < title::MAX_HEADINGS => {
                    h1_seen += 1;
                    page.headings.extend(title::heading(dom, i).map(|text| (i, text)));
                }
                "time" if page.time_datetime.is_none() => page.time_datetime = date::stated_by_time(dom, i),
                "time" if page.days_stated.len() < date::MAX_DAYS_STATED => {
                    // Later `<time>`s are other articles' dates, but a day written
                    // unambiguously may settle how the page writes its numbers.
                    page.days_stated.extend(date::day_stated_by_time(dom, i));
                }
                _ => {}
            }
            if page.itemprop_date.is_none() && dom.attr(i, "itemprop") == Some("datePublished") {
                page.itemprop_date = date::stated_by_itemprop(dom, i);
            }
            if page.byline_element.is_none() {
                page.byline_element = byline::in_byline_element(dom, i);
                page.byline_node = page.byline_element.is_some().then_some(i);
            }
            if page.author_link.is_none() && tag == "a" {
                page.author_link = byline::in_author_link(dom, i);
            }
        }
        page.ld.resolve_authors();
        page
    }

    /// The page's canonical address: the canonical link, `og:url`, or JSON-LD's `url`.
    fn url(&self) -> Option<String> {
        self.canonical
            .clone()
            .filter(|u| u.starts_with("http"))
            .or_else(|| self.metas.first(&["og:url"]).filter(|u| u.starts_with("http")))
            .or_else(|| self.ld.url.clone())
    }

    /// The site's name as the page states it.
    fn site_name(&self) -> Option<String> {
        self.metas.first(&["og:site_name", "application-name"]).or_else(|| self.ld.publisher.clone())
    }

    /// The page's language: `<html lang>`, else a meta tag's.
    fn language(&self) -> Option<String> {
        self.lang.clone().or_else(|| {
            self.metas.first(&["content-language", "og:locale", "language"]).and_then(|l| primary_language(&l))
        })
    }
}

/// The page's `<meta>` tags as (key, value): the key lowercased, the value [`clean`]ed.
#[derive(Default)]
struct Metas(Vec<(String, String)>);

impl Metas {
    /// The first value that is not empty under the first of `keys` that has one.
    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.0.iter().find(|(key, v)| key == k && !v.is_empty()).map(|(_, v)| v.clone()))
    }

    fn iter(&self) -> std::slice::Iter<'_, (String, String)> {
        self.0.iter()
    }
}

/// A metadata value as text: whitespace collapsed, and character references that a
/// publisher escaped twice ("&amp;#8217;", so "&#8217;" after parsing) decoded.
pub(super) fn clean(value: &str) -> String {
    let text = collapse_whitespace(value);
    if text.contains('&') { collapse_whitespace(&decode_references(&text)) } else { text }
}

/// Whether an element's subtree has at most `nodes` nodes, blank text included, so
/// that reading its text is cheap and the page's sections are passed over.
pub(super) fn is_small(dom: &Dom, i: usize, nodes: usize) -> bool {
    dom.nodes[i].end.saturating_sub(i) <= nodes
}

/// Nodes in a byline or date line ("By <a>Jane Doe</a>", "<span>Published</span> <time>").
pub(super) const LINE_NODES: usize = 12;

/// The next element with the same parent, past blank text.
pub(super) fn next_sibling(dom: &Dom, i: usize) -> Option<usize> {
    let parent = dom.nodes[i].parent;
    let mut j = dom.nodes[i].end.max(i + 1);
    while j < dom.nodes.len() && dom.nodes[j].parent == parent {
        match &dom.nodes[j].kind {
            Kind::Text(t) if t.trim().is_empty() => j += 1,
            Kind::Text(_) => return None,
            Kind::Element { .. } => return Some(j),
        }
    }
    None
}

fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() >= 2 && primary.len() <= 3 && primary.chars().all(|c| c.is_ascii_alphabetic())).then_some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ExtractConfig;

    /// The metadata of a page, read as `extract_html` reads it: after the pre-pass.
    pub(super) fn meta(html: &str) -> Metadata {
        let config = ExtractConfig::default();
        read(&Dom::parse(&crate::nesting::limit_nesting(html, config.max_depth * 2), &config))
    }

    #[test]
    fn meta_tags_time_and_byline_elements() {
        let m = meta(
            r#"<head><title>A Story - The Site</title><link rel="canonical" href="https://thesite.example/a">
            <meta property="article:published_time" content="2026-10-02"></head>
            <body><span class="byline">By Ann Lee</span><time datetime="2020-01-01">x</time></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("A Story"), "the host names the site");
        assert_eq!(m.url.as_deref(), Some("https://thesite.example/a"));
        assert_eq!(m.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(m.published.unwrap().format("%F").to_string(), "2026-10-02");
    }

    #[test]
    fn references_escaped_twice_are_decoded() {
        assert_eq!(clean("Traveler&#8217;s &amp; SF&#x27;s guide &bull; more"), "Traveler’s & SF's guide • more");
    }
}
