//! OPML 2.0 subscription lists: import reads every outline with an `xmlUrl` (nested
//! outlines become the category), export writes what import reads, so a list
//! round-trips. Entities beyond the predefined five are never expanded.
//!
//! Only http and https URLs come through: an `xmlUrl` with another scheme is skipped
//! with its reason, and an `htmlUrl` with another scheme (`javascript:`, `data:`) is
//! dropped, on import and again on export, since pages link to it.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use url::Url;

use crate::{Skip, SkipKind};

/// One subscription in an OPML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    /// The feed URL (`xmlUrl`).
    pub url: String,
    /// The feed's name (`title`, else `text`).
    pub title: Option<String>,
    /// The site (`htmlUrl`).
    pub site_url: Option<String>,
    /// The enclosing outline's name, if the feed sits in a folder.
    pub category: Option<String>,
}

/// What an OPML document holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Import {
    /// The usable subscriptions, first of each feed URL.
    pub subscriptions: Vec<Subscription>,
    /// Feed outlines whose `xmlUrl` is not an http(s) URL, each with the reason.
    pub skipped: Vec<Skip>,
}

/// Reads the subscriptions of an OPML document.
pub fn parse(bytes: &[u8]) -> Result<Import, String> {
    let text = String::from_utf8_lossy(bytes);
    let mut reader = Reader::from_str(&text);
    reader.config_mut().check_end_names = false;
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut import = Import::default();
    let mut saw_opml = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                if e.local_name().as_ref() == "opml" {
                    saw_opml = true;
                }
                if e.local_name().as_ref() == "outline" {
                    let outline = read_outline(&e);
                    match outline.url {
                        Some(_) => {
                            push(&mut import, outline, &folders);
                            folders.push(None);
                        }
                        None => folders.push(outline.name),
                    }
                }
            }
            Ok(Event::Empty(e)) => {
                if e.local_name().as_ref() == "outline" {
                    push(&mut import, read_outline(&e), &folders);
                }
            }
            Ok(Event::End(e)) => {
                if e.local_name().as_ref() == "outline" {
                    folders.pop();
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(format!("not a valid OPML file: {e} at byte {}", reader.buffer_position())),
        }
    }
    if !saw_opml {
        return Err("not an OPML file: no <opml> element".to_string());
    }
    Ok(import)
}

struct Outline {
    url: Option<String>,
    name: Option<String>,
    site_url: Option<String>,
}

fn read_outline(e: &BytesStart<'_>) -> Outline {
    let (mut url, mut title, mut text, mut site_url) = (None, None, None, None);
    for attr in e.attributes().flatten() {
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map(|v| v.into_owned())
            .unwrap_or_else(|_| attr.value.to_string());
        let value = Some(value.trim().to_string()).filter(|v| !v.is_empty());
        match attr.key.local_name().as_ref() {
            "xmlUrl" | "xmlurl" => url = value,
            "title" => title = value,
            "text" => text = value,
            "htmlUrl" | "htmlurl" => site_url = value,
            _ => {}
        }
    }
    Outline { url, name: title.or(text).map(|n| crate::plain(&n)), site_url: site_url.and_then(|u| web_url(&u)) }
}

/// The URL if it is an absolute http or https URL, normalized.
fn web_url(text: &str) -> Option<String> {
    Url::parse(text).ok().filter(|u| matches!(u.scheme(), "http" | "https")).map(String::from)
}

fn push(import: &mut Import, outline: Outline, folders: &[Option<String>]) {
    let Some(url) = outline.url else { return };
    match Url::parse(&url) {
        Ok(parsed) if matches!(parsed.scheme(), "http" | "https") => {}
        Ok(parsed) => {
            let reason = format!("scheme '{}:' is not a feed URL (http and https only)", parsed.scheme());
            import.skipped.push(Skip::new(url, SkipKind::Unsupported, reason));
            return;
        }
        Err(e) => {
            import.skipped.push(Skip::new(url, SkipKind::Malformed, format!("not an absolute URL: {e}")));
            return;
        }
    }
    if import.subscriptions.iter().any(|s: &Subscription| s.url == url) {
        return;
    }
    let category = folders.iter().rev().find_map(|f| f.clone());
    import.subscriptions.push(Subscription { url, title: outline.name, site_url: outline.site_url, category });
}

/// Writes subscriptions as OPML 2.0, grouped into folders by category.
pub fn write(subscriptions: &[Subscription], title: &str, created: &str) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n");
    out.push_str(&format!(
        "    <title>{}</title>\n    <dateCreated>{}</dateCreated>\n",
        escape(title),
        escape(created)
    ));
    out.push_str("  </head>\n  <body>\n");
    let mut categories: Vec<Option<&str>> = Vec::new();
    for s in subscriptions {
        if !categories.contains(&s.category.as_deref()) {
            categories.push(s.category.as_deref());
        }
    }
    for category in categories {
        let indent = if category.is_some() { "      " } else { "    " };
        if let Some(name) = category {
            out.push_str(&format!("    <outline text=\"{0}\" title=\"{0}\">\n", escape(name)));
        }
        for s in subscriptions.iter().filter(|s| s.category.as_deref() == category) {
            let name = s.title.as_deref().unwrap_or(&s.url);
            out.push_str(&format!(
                "{indent}<outline type=\"rss\" text=\"{0}\" title=\"{0}\" xmlUrl=\"{1}\"",
                escape(name),
                escape(&s.url)
            ));
            if let Some(site) = s.site_url.as_deref().and_then(web_url) {
                out.push_str(&format!(" htmlUrl=\"{}\"", escape(&site)));
            }
            out.push_str("/>\n");
        }
        if category.is_some() {
            out.push_str("    </outline>\n");
        }
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

/// XML-escaped text without the control characters XML 1.0 forbids.
fn escape(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r')).collect();
    distill_core::text::escape_html(&clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>Mine</title></head><body>
  <outline text="World">
    <outline text="Wire &amp; Co" type="rss" xmlUrl="https://wire.example/rss?a=1&amp;b=2" htmlUrl="https://wire.example/"/>
    <outline title="Harbour" text="ignored" xmlUrl="https://harbour.example/atom.xml"/>
  </outline>
  <outline text="Loose" xmlUrl="https://loose.example/feed.json"/>
  <outline text="Duplicate" xmlUrl="https://loose.example/feed.json"/>
  <outline text="Empty folder"></outline>
</body></opml>"#;

    #[test]
    fn import_reads_nested_outlines_as_categories() {
        let Import { subscriptions: subs, skipped } = parse(OPML.as_bytes()).unwrap();
        assert_eq!(subs.len(), 3);
        assert!(skipped.is_empty());
        assert_eq!(subs[0].url, "https://wire.example/rss?a=1&b=2");
        assert_eq!(subs[0].title.as_deref(), Some("Wire & Co"));
        assert_eq!(subs[0].category.as_deref(), Some("World"));
        assert_eq!(subs[0].site_url.as_deref(), Some("https://wire.example/"));
        assert_eq!(subs[1].title.as_deref(), Some("Harbour"));
        assert_eq!(subs[2].category, None);
    }

    #[test]
    fn export_round_trips_what_import_read() {
        let subs = parse(OPML.as_bytes()).unwrap().subscriptions;
        let written = write(&subs, "distill <feeds>", "Wed, 25 Nov 2026 10:00:00 GMT");
        assert!(written.contains("<opml version=\"2.0\">"));
        assert_eq!(parse(written.as_bytes()).unwrap().subscriptions, subs);
    }

    /// Issue 16: an `htmlUrl` with a `javascript:` scheme was stored and exported.
    #[test]
    fn urls_that_are_not_http_are_dropped_or_skipped() {
        let opml = r#"<opml version="2.0"><body>
          <outline text="Trap" xmlUrl="https://trap.example/rss" htmlUrl="javascript:alert(document.cookie)"/>
          <outline text="Spaced" xmlUrl="https://spaced.example/rss" htmlUrl=" JavaScript:alert(1)"/>
          <outline text="Data" xmlUrl="https://data.example/rss" htmlUrl="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"/>
          <outline text="Relative" xmlUrl="https://relative.example/rss" htmlUrl="/home"/>
          <outline text="Good" xmlUrl="https://good.example/rss" htmlUrl="HTTPS://Good.Example/"/>
          <outline text="Script feed" xmlUrl="javascript:alert(1)"/>
          <outline text="File feed" xmlUrl="file:///etc/passwd"/>
          <outline text="Relative feed" xmlUrl="feed.xml"/>
        </body></opml>"#;
        let Import { subscriptions, skipped } = parse(opml.as_bytes()).unwrap();
        let sites: Vec<Option<&str>> = subscriptions.iter().map(|s| s.site_url.as_deref()).collect();
        assert_eq!(sites, [None, None, None, None, Some("https://good.example/")]);
        let reasons: Vec<(&str, &str)> = skipped.iter().map(|s| (s.origin.as_str(), s.reason.as_str())).collect();
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert!(reasons[0].0 == "javascript:alert(1)" && reasons[0].1.contains("scheme 'javascript:'"), "{reasons:?}");
        assert!(reasons[1].1.contains("scheme 'file:'") && reasons[2].1.contains("not an absolute URL"), "{reasons:?}");
        // Export writes no such link, even for a subscription stored before the rule.
        let mut stored = subscriptions.clone();
        stored[0].site_url = Some("javascript:alert(1)".to_string());
        let written = write(&stored, "t", "now");
        assert!(!written.to_ascii_lowercase().contains("javascript") && !written.contains("data:"), "{written}");
        assert_eq!(parse(written.as_bytes()).unwrap(), Import { subscriptions, skipped: Vec::new() });
    }

    #[test]
    fn broken_and_hostile_files_are_errors() {
        assert!(parse(b"<html><body>nope</body></html>").is_err_and(|e| e.contains("no <opml>")));
        assert!(parse(b"\x00\x01binary").is_err());
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><opml><body><outline text=\"&b;\" xmlUrl=\"https://x.example/&b;\"/></body></opml>";
        let subs = parse(bomb.as_bytes()).unwrap().subscriptions;
        assert!(subs[0].url.len() < 100, "entities were expanded");
    }
}
