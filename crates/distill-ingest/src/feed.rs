//! Feeds: RSS 0.9x/1.0 (RDF)/2.0, Atom and JSON Feed through feed-rs, with the quirks
//! real feeds have: relative links resolved against the feed's URL, HTML and entities
//! in titles, missing dates, `content:encoded` preferred over a teaser description.
//! XML entities beyond the five predefined ones are never expanded, so entity bombs
//! and external entities cost nothing.

use url::Url;

use crate::{Body, RawItem, Skip, SkipKind};

/// Fewer words than this in an item's body means it is a teaser: the pipeline fetches
/// the linked page for the full article.
pub const TEASER_WORDS: usize = 120;

/// A parsed feed.
#[derive(Debug)]
pub struct Feed {
    /// The feed's title, as plain text.
    pub title: Option<String>,
    /// The site the feed belongs to.
    pub site_url: Option<String>,
    /// One item per entry, or why the entry was skipped.
    pub items: Vec<Result<RawItem, Skip>>,
}

/// Parses a feed document. `base_url` (where the feed was fetched) resolves relative
/// links; `origin` names the feed in skips.
pub fn parse_feed(origin: &str, bytes: &[u8], base_url: Option<&str>) -> Result<Feed, String> {
    let feed = feed_rs::parser::Builder::new()
        .base_uri(base_url)
        .build()
        .parse(bytes)
        .map_err(|e| format!("not a valid feed: {e}"))?;
    let base = base_url.and_then(|b| Url::parse(b).ok());
    let title = feed.title.as_ref().map(|t| plain(&t.content)).filter(|t| !t.is_empty());
    let site_url = feed
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .and_then(|l| resolve(base.as_ref(), &l.href));
    if feed.entries.is_empty() {
        return Ok(Feed {
            title,
            site_url,
            items: vec![Err(Skip::new(origin, SkipKind::Empty, "feed has no entries"))],
        });
    }
    let items = feed
        .entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let item_origin = format!("{origin}#item-{i}");
            let content = entry.content.as_ref().and_then(|c| c.body.clone()).unwrap_or_default();
            let summary = entry.summary.as_ref().map(|s| s.content.clone()).unwrap_or_default();
            let body = if content.len() >= summary.len() { content } else { summary };
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .and_then(|l| resolve(base.as_ref(), &l.href));
            let words = distill_core::text::word_count(&plain(&body));
            if words == 0 && link.is_none() {
                return Err(Skip::new(item_origin, SkipKind::Empty, "feed entry has no body and no link"));
            }
            let mut item = RawItem::new(item_origin, Body::Html(body.into_bytes()));
            item.teaser = words < TEASER_WORDS;
            item.url = link;
            item.title = entry.title.map(|t| plain(&t.content)).filter(|t| !t.is_empty());
            item.published = entry.published.map(|d| d.fixed_offset());
            item.fallback_published = entry.updated.map(|d| d.fixed_offset());
            item.source = title.clone();
            let authors: Vec<String> =
                entry.authors.iter().filter_map(|a| a.name.as_deref()).map(plain).filter(|n| !n.is_empty()).collect();
            item.byline = (!authors.is_empty()).then(|| authors.join(", "));
            Ok(item)
        })
        .collect();
    Ok(Feed { title, site_url, items })
}

fn resolve(base: Option<&Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let url = match base {
        Some(base) => base.join(href).ok()?,
        None => Url::parse(href).ok()?,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

/// Text of a title or name that may hold markup or entities (even double-escaped).
pub fn plain(html: &str) -> String {
    let mut text = html.to_string();
    for _ in 0..2 {
        if !text.contains('<') && !text.contains('&') {
            break;
        }
        text = strip_tags(&distill_extract::decode_references(&text));
    }
    distill_core::text::collapse_whitespace(&text)
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        // A '<' not starting a tag ("a < b") is text.
        if !after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') {
            out.push('<');
            rest = after;
            continue;
        }
        match after.find('>') {
            Some(close) => {
                out.push(' ');
                rest = &after[close + 1..];
            }
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(feed: &Feed) -> Vec<&RawItem> {
        feed.items.iter().filter_map(|i| i.as_ref().ok()).collect()
    }

    #[test]
    fn rss2_with_namespaces_relative_links_and_html_titles() {
        let xml = r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
            <channel><title>The &lt;b&gt;Wire&lt;/b&gt;</title><link>/</link>
            <item><title>Rates &amp;amp; &lt;i&gt;bonds&lt;/i&gt;</title><link>/news/1</link><description>teaser</description>
            <content:encoded><![CDATA[<p>The full body of the first story.</p>]]></content:encoded><dc:creator>Ann Lee</dc:creator>
            <media:thumbnail url="/t.jpg"/></item>
            <item><title>No date, no body</title><link>https://other.example/2</link></item>
            <item><title>Nothing at all</title></item></channel></rss>"#;
        let feed = parse_feed("f", xml.as_bytes(), Some("https://wire.example/feeds/main.rss")).unwrap();
        assert_eq!(feed.title.as_deref(), Some("The Wire"));
        let got = items(&feed);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].title.as_deref(), Some("Rates & bonds"));
        assert_eq!(got[0].url.as_deref(), Some("https://wire.example/news/1"));
        assert_eq!(got[0].byline.as_deref(), Some("Ann Lee"));
        assert!(matches!(&got[0].body, Body::Html(b) if String::from_utf8_lossy(b).contains("full body")));
        assert!(got[0].teaser, "a one-sentence body is a teaser");
        assert_eq!(got[1].url.as_deref(), Some("https://other.example/2"));
        assert!(got[1].published.is_none());
        assert!(feed.items[2].as_ref().is_err_and(|s| s.reason.contains("no body and no link")));
    }

    #[test]
    fn rss1_atom_and_json_feed() {
        let rdf = r#"<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
            <channel rdf:about="https://r.example/"><title>RDF</title><link>https://r.example/</link></channel>
            <item rdf:about="https://r.example/a"><title>A</title><link>https://r.example/a</link><description>Body a.</description></item></rdf:RDF>"#;
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/blog/">
            <title type="html">Atom &amp;amp; more</title><entry><title>E</title><link href="posts/e"/><id>e</id>
            <updated>2026-09-14T08:00:00Z</updated><content type="html">&lt;p&gt;Entry body.&lt;/p&gt;</content></entry></feed>"#;
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"JF","items":[{"id":"1","url":"https://j.example/1","title":"J","content_html":"<p>Json body.</p>"}]}"#;
        let rdf = parse_feed("r", rdf.as_bytes(), None).unwrap();
        assert_eq!(items(&rdf)[0].url.as_deref(), Some("https://r.example/a"));
        let atom = parse_feed("a", atom.as_bytes(), Some("https://a.example/feed.xml")).unwrap();
        assert_eq!(atom.title.as_deref(), Some("Atom & more"));
        assert_eq!(items(&atom)[0].url.as_deref(), Some("https://a.example/blog/posts/e"));
        // An Atom entry with only `updated` dates the article where its page does not.
        assert!(items(&atom)[0].published.is_none() && items(&atom)[0].fallback_published.is_some());
        let json = parse_feed("j", json.as_bytes(), None).unwrap();
        assert_eq!(items(&json)[0].title.as_deref(), Some("J"));
    }

    #[test]
    fn latin1_feeds_are_decoded() {
        let mut xml =
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf".to_vec();
        xml.push(0xE9);
        xml.extend_from_slice(b"</title><item><title>Cr");
        xml.push(0xE8);
        xml.extend_from_slice(
            b"me</title><link>https://l.example/1</link><description>x</description></item></channel></rss>",
        );
        let feed = parse_feed("l", &xml, None).unwrap();
        assert_eq!(feed.title.as_deref(), Some("Café"));
        assert_eq!(items(&feed)[0].title.as_deref(), Some("Crème"));
    }

    #[test]
    fn entity_bombs_and_external_entities_are_not_expanded() {
        let mut bomb = String::from("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for i in 1..10 {
            let prev = if i == 1 { "lol".to_string() } else { format!("lol{}", i - 1) };
            bomb.push_str(&format!("<!ENTITY lol{i} \"{}\">", format!("&{prev};").repeat(10)));
        }
        bomb.push_str("<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&lol9;&xxe;</title><item><title>&lol9;</title><link>https://b.example/1</link><description>&lol9;</description></item></channel></rss>");
        let started = std::time::Instant::now();
        let result = parse_feed("bomb", bomb.as_bytes(), None);
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        if let Ok(feed) = result {
            let text = format!("{:?}", feed.title) + &format!("{:?}", items(&feed).first().map(|i| &i.title));
            assert!(text.len() < 1000, "entities were expanded: {} bytes", text.len());
            assert!(!text.contains("root:"), "an external entity was read");
        }
    }

    #[test]
    fn malformed_xml_is_an_error_not_a_panic() {
        for bad in [
            "<rss><channel><item>",
            "not xml at all",
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title></channel></rss",
            "",
        ] {
            let _ = parse_feed("bad", bad.as_bytes(), None);
        }
        assert!(parse_feed("bad", b"<rss><channel><item>", None).is_err_and(|e| e.starts_with("not a valid feed")));
    }

    #[test]
    fn titles_lose_markup_but_keep_comparisons() {
        assert_eq!(plain("a &lt; b <b>bold</b> &#233;t&#xE9;"), "a < b bold été");
        assert_eq!(plain("Fish &amp;amp; chips"), "Fish & chips");
        assert_eq!(plain("<script>x</script>Safe"), "x Safe");
    }
}
