//! Plain-text rendering of the article and story pages, in the web pages' order.

use std::collections::HashMap;
use std::fmt::Write;

use distill_core::Story;
use distill_library::{ArticleView, StoryView};

/// Title, source and date, key points with citation markers, body, insights.
pub fn article_text(view: &ArticleView) -> String {
    let (a, copies) = (&view.article, &view.also_reported_by);
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", a.title);
    let mut meta = Vec::new();
    if let Some(s) = &a.source {
        meta.push(s.clone());
    }
    if let Some(d) = a.published {
        meta.push(d.format("%B %-d, %Y").to_string());
    }
    if let Some(b) = &a.byline {
        meta.push(format!("by {b}"));
    }
    if !meta.is_empty() {
        let _ = writeln!(out, "{}\n", meta.join(" · "));
    }
    if !a.summary.bullets.is_empty() {
        let _ = writeln!(out, "Key points");
        for b in &a.summary.bullets {
            let marks: String = b.citations.iter().map(|c| format!("[{}]", c + 1)).collect();
            let _ = writeln!(out, "  • {} {marks}", b.text);
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}\n", a.text);
    if !a.insights.is_empty() {
        let _ = writeln!(out, "Insights\n");
        for i in &a.insights {
            let _ = writeln!(out, "{}", i.question);
            if !i.answer.text.is_empty() {
                let marks: String = i.answer.citations.iter().map(|c| format!("[{}]", c + 1)).collect();
                let _ = writeln!(out, "  {} {marks}", i.answer.text);
            }
        }
    }
    if !copies.is_empty() {
        let _ = writeln!(out, "\nAlso reported by\n");
        for c in copies {
            let _ = writeln!(out, "  {}  {} ({})", c.id, c.title, c.source.as_deref().unwrap_or("unknown source"));
        }
        let more = view.copies_in_all.saturating_sub(copies.len());
        if more > 0 {
            let _ = writeln!(out, "  and {more} more copies");
        }
    }
    out
}

/// A search snippet for a terminal: the matched ranges between « and ».
pub fn snippet_text(snippet: &str, highlights: &[[usize; 2]]) -> String {
    let mut out = String::with_capacity(snippet.len() + 4 * highlights.len());
    let mut at = 0;
    for &[start, end] in highlights {
        let (Some(before), Some(hit)) = (snippet.get(at..start), snippet.get(start..end)) else { continue };
        let _ = write!(out, "{before}«{hit}»");
        at = end;
    }
    out.push_str(snippet.get(at..).unwrap_or(""));
    out
}

/// A line per story: id, last update, sources, title; then how many there are.
pub fn stories_text(stories: &[Story], total: usize) -> String {
    let mut out = String::new();
    for s in stories {
        let noun = if s.sources == 1 { "source" } else { "sources" };
        let _ = writeln!(
            out,
            "{}  {}  {:>3} {noun:<7}  {}",
            s.id,
            s.last_updated.format("%Y-%m-%d %H:%M"),
            s.sources,
            s.title
        );
    }
    let _ = writeln!(out, "{} of {total} stories", stories.len());
    out
}

/// Title, coverage, key points with the sources they cite, and every article.
pub fn story_text(view: &StoryView) -> String {
    let s = &view.story;
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", s.title);
    let _ = writeln!(
        out,
        "{} reports from {} sources · first seen {} · updated {}\n",
        s.articles,
        s.sources,
        s.first_seen.format("%B %-d, %Y %H:%M UTC"),
        s.last_updated.format("%B %-d, %Y %H:%M UTC")
    );
    let sources: HashMap<&str, &str> =
        view.articles.iter().map(|a| (a.id.as_str(), a.source.as_deref().unwrap_or("unknown source"))).collect();
    if !s.bullets.is_empty() {
        let _ = writeln!(out, "Key points");
        for b in &s.bullets {
            let marks: String = b
                .citations
                .iter()
                .map(|c| format!("[{} {}:{}]", sources.get(c.id.as_str()).unwrap_or(&"?"), c.id, c.sentence + 1))
                .collect();
            let differ = if b.disputed { " (sources differ)" } else { "" };
            let _ = writeln!(out, "  • {}{differ} {marks}", b.text);
        }
        out.push('\n');
    }
    let _ = writeln!(out, "Sources");
    for a in &view.articles {
        let date = a.published.map(|d| d.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_else(|| "undated".into());
        let copy = if a.duplicate_of.is_some() { "  [copy]" } else { "" };
        let _ = writeln!(
            out,
            "  {}  {date}  {}  ({}){copy}",
            a.id,
            a.title,
            a.source.as_deref().unwrap_or("unknown source")
        );
    }
    if !view.related.is_empty() {
        let _ = writeln!(out, "\nRelated stories");
        for r in &view.related {
            let _ = writeln!(out, "  {}  {}", r.id, r.title);
        }
    }
    out
}
