//! JSON Lines: one article per line, `{url, title, html | text, published, source}`.

use std::io::BufRead;

use serde::Deserialize;

use crate::{Body, RawItem, ReadConfig, Skip, SkipKind};

#[derive(Deserialize)]
struct Line {
    url: Option<String>,
    title: Option<String>,
    html: Option<String>,
    text: Option<String>,
    published: Option<String>,
    source: Option<String>,
    #[serde(alias = "author")]
    byline: Option<String>,
}

/// Reads every line; a bad line is a skip naming its line number.
pub fn read(origin: &str, mut reader: impl BufRead, config: &ReadConfig) -> Vec<Result<RawItem, Skip>> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    let mut number = 0;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                out.push(Err(Skip::new(origin, SkipKind::Unreadable, format!("read failed after line {number}: {e}"))));
                break;
            }
        }
        number += 1;
        let item_origin = format!("{origin}#line-{number}");
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if buf.len() as u64 > config.max_document_bytes {
            out.push(Err(Skip::new(
                item_origin,
                SkipKind::TooLarge,
                format!("line too long: {} bytes (limit {})", buf.len(), config.max_document_bytes),
            )));
            continue;
        }
        let line: Line = match serde_json::from_slice(&buf) {
            Ok(l) => l,
            Err(e) => {
                out.push(Err(Skip::new(item_origin, SkipKind::Malformed, format!("invalid JSON: {e}"))));
                continue;
            }
        };
        let body = match (line.html, line.text) {
            (Some(html), _) if !html.trim().is_empty() => Body::Html(html.into_bytes()),
            (_, Some(text)) if !text.trim().is_empty() => Body::Text(text.into_bytes()),
            _ => {
                out.push(Err(Skip::new(item_origin, SkipKind::Malformed, "line has neither \"html\" nor \"text\"")));
                continue;
            }
        };
        let mut item = RawItem::new(item_origin, body);
        item.url = line.url.filter(|u| !u.trim().is_empty());
        item.title = line.title.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
        item.published = line.published.as_deref().and_then(distill_core::time::parse_date);
        item.source = line.source.filter(|s| !s.trim().is_empty());
        item.byline = line.byline;
        out.push(Ok(item));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_items_and_bad_lines_are_named() {
        let data = "{\"url\":\"https://a.example/1\",\"title\":\"T\",\"text\":\"Body.\",\"published\":\"2026-09-01T00:00:00Z\",\"source\":\"A\"}\n\
                    not json\n\n{\"title\":\"no body\"}\n{\"html\":\"<p>x</p>\"}\n";
        let out = read("f.jsonl", data.as_bytes(), &ReadConfig::default());
        assert_eq!(out.len(), 4);
        let first = out[0].as_ref().unwrap();
        assert_eq!(first.origin, "f.jsonl#line-1");
        assert_eq!(first.published.unwrap().format("%F").to_string(), "2026-09-01");
        assert!(out[1].as_ref().is_err_and(|s| s.origin.ends_with("#line-2") && s.reason.starts_with("invalid JSON")));
        assert!(out[2].as_ref().is_err_and(|s| s.reason.contains("neither")));
        assert!(matches!(out[3], Ok(RawItem { body: Body::Html(_), .. })));
    }
}
