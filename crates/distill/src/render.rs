//! Plain-text rendering of the article page, in the reference page's order.

use std::fmt::Write;

use distill_library::ArticleView;

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
