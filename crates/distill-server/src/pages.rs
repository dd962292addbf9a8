//! Server-rendered pages. The article page follows the reference anatomy: title,
//! source and date, key points whose citation markers link to the sentences they
//! cite (highlighted on the page), the body, insights, and a search box.

use std::collections::HashSet;
use std::fmt::Write;

use axum::extract::State;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use distill_core::Article;
use distill_core::text::{Mark, escape_html as esc};
use distill_library::{CopyView, Library};
use distill_store::ListQuery;

use crate::api::{ApiError, SearchParams, load};
use crate::blocking;
use crate::reject::{Id, Params};

const CSS: &str = include_str!("app.css");

fn layout(title: &str, query: &str, main: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} · distill</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head><body>\
         <header class=\"site\"><a class=\"brand\" href=\"/\">distill</a><span class=\"slogan\">No noise, only signal.</span><a class=\"nav\" href=\"/feeds\">Feeds</a>\
         <form class=\"search\" action=\"/search\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" value=\"{}\" placeholder=\"Search the news\" aria-label=\"Search\"><button type=\"submit\">Search</button></form></header>\
         <main>{main}</main></body></html>",
        esc(title),
        esc(query)
    )
}

/// An error as a page, with the error's status.
pub(crate) fn error_page(e: ApiError) -> Response {
    let status = e.status();
    let body = format!(
        "<h1>{}</h1><p>{}</p><p><a href=\"/\">Back to the latest news</a></p>",
        status.as_u16(),
        esc(e.message())
    );
    (status, Html(layout("Error", "", &body))).into_response()
}

/// Runs a store or index read off the async threads; either failure is an error page.
async fn read<T: Send + 'static, E: Into<ApiError> + Send + 'static>(
    f: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> Result<T, ApiError> {
    blocking(f).await?.map_err(Into::into)
}

/// The day as the publisher wrote it (the time keeps the publisher's offset).
fn date(a: Option<chrono::DateTime<chrono::FixedOffset>>) -> String {
    a.map(|d| d.format("%B %-d, %Y").to_string()).unwrap_or_default()
}

pub(crate) async fn home(State(lib): State<Library>) -> Response {
    let listed = read(move || lib.store.list(&ListQuery { limit: 100, offset: 0, originals_only: true })).await;
    let items = match listed {
        Ok(items) => items,
        Err(e) => return error_page(e),
    };
    let mut main = String::from("<h1>Latest</h1><ol class=\"articles\">");
    for a in &items {
        let _ = write!(
            main,
            "<li><a href=\"/articles/{}\">{}</a><span class=\"meta\">{} · {}</span></li>",
            esc(&a.id),
            esc(&a.title),
            esc(a.source.as_deref().unwrap_or("")),
            date(a.published)
        );
    }
    if items.is_empty() {
        main.push_str("<li>No articles yet. Run <code>distill ingest PATH</code> to add some.</li>");
    }
    main.push_str("</ol>");
    Html(layout("Latest", "", &main)).into_response()
}

/// Subscriptions with their state, so a failing feed is seen, not silently retried.
pub(crate) async fn feeds(State(lib): State<Library>) -> Response {
    let feeds = match read(move || lib.feeds()).await {
        Ok(feeds) => feeds,
        Err(e) => return error_page(e),
    };
    let mut main = String::from("<h1>Feeds</h1><ol class=\"articles feeds\">");
    let when = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M UTC").to_string();
    for status in &feeds {
        let state = status.describe();
        let f = &status.feed;
        let checked = f.last_checked.map(when).unwrap_or_else(|| "never".into());
        let _ = write!(
            main,
            "<li><span class=\"title\">{}</span><span class=\"meta\">{} · last checked {} · {}</span>",
            esc(f.title.as_deref().unwrap_or(&f.url)),
            esc(&f.url),
            esc(&checked),
            esc(&state)
        );
        if let Some(error) = &f.last_error {
            let _ = write!(main, "<span class=\"meta error\">Last error: {}</span>", esc(error));
        }
        main.push_str("</li>");
    }
    if feeds.is_empty() {
        main.push_str("<li>No feeds yet. Run <code>distill feeds add URL</code> to subscribe.</li>");
    }
    main.push_str("</ol>");
    Html(layout("Feeds", "", &main)).into_response()
}

pub(crate) async fn article(State(lib): State<Library>, Id(id): Id) -> Response {
    match load(lib, id).await {
        Ok(view) => Html(layout(&view.article.title, "", &render_article(&view.article, &view.also_reported_by)))
            .into_response(),
        Err(e) => error_page(e),
    }
}

fn cite_links(citations: &[usize]) -> String {
    citations.iter().map(|c| format!("<a class=\"cite\" href=\"#s{c}\">[{}]</a>", c + 1)).collect::<Vec<_>>().join("")
}

/// Renders the article page body.
pub fn render_article(a: &Article, copies: &[CopyView]) -> String {
    let mut out = String::with_capacity(a.text.len() * 2);
    let _ = write!(out, "<article class=\"story\"><h1>{}</h1><p class=\"meta\">", esc(&a.title));
    let mut meta = Vec::new();
    if let Some(source) = &a.source {
        meta.push(format!("<span class=\"source\">{}</span>", esc(source)));
    }
    if a.published.is_some() {
        meta.push(format!("<time>{}</time>", date(a.published)));
    }
    if let Some(byline) = &a.byline {
        meta.push(format!("<span class=\"byline\">{}</span>", esc(byline)));
    }
    if let Some(url) = a.url.as_deref().filter(|u| u.starts_with("http://") || u.starts_with("https://")) {
        meta.push(format!("<a href=\"{}\" rel=\"noopener noreferrer nofollow\">original</a>", esc(url)));
    }
    out.push_str(&meta.join(" · "));
    out.push_str("</p>");
    let cited: HashSet<usize> = a.summary.bullets.iter().flat_map(|b| b.citations.iter().copied()).collect();
    if !a.summary.bullets.is_empty() {
        out.push_str("<section class=\"key-points\"><h2>Key points</h2><ul>");
        for b in &a.summary.bullets {
            let _ = write!(out, "<li>{} {}</li>", esc(&b.text), cite_links(&b.citations));
        }
        out.push_str("</ul></section>");
    }
    out.push_str("<section class=\"body\">");
    render_body(a, &cited, &mut out);
    out.push_str("</section>");
    if !a.insights.is_empty() {
        out.push_str("<section class=\"insights\"><h2>Insights</h2><ul>");
        for i in &a.insights {
            let _ = write!(
                out,
                "<li class=\"insight\" data-kind=\"{}\"><a href=\"/search?q={}\">{}</a> {}</li>",
                i.kind.as_str(),
                esc(&query_escape(&i.question)),
                esc(&i.question),
                cite_links(&i.citations)
            );
        }
        out.push_str("</ul></section>");
    }
    if !copies.is_empty() {
        out.push_str("<section class=\"also\"><h2>Also reported by</h2><ul>");
        for c in copies {
            let _ = write!(
                out,
                "<li><a href=\"/articles/{}\">{}</a> <span class=\"meta\">{} · {}</span></li>",
                esc(&c.id),
                esc(&c.title),
                esc(c.source.as_deref().unwrap_or("")),
                date(c.published)
            );
        }
        out.push_str("</ul></section>");
    }
    out.push_str("</article>");
    out
}

/// How a paragraph of the body is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Prose: `<p>`.
    Prose,
    /// Written on several lines (code, verse): `<pre>`, as written.
    Preformatted,
    /// A heading of the body ("## "), shown one rank lower, under the page's own
    /// `<h1>`: an `<h2>` of the article is an `<h3>` here.
    Heading(u8),
    /// An item of a list with bullets ("- "): `<li>` in a `<ul>`.
    Bullet,
    /// An item of a numbered list ("3. "): `<li>` in an `<ol>`.
    Numbered,
}

/// Renders the body sentence by sentence, each a citable `<span>`, in paragraphs,
/// code blocks and lists as the extractor wrote them.
fn render_body(a: &Article, cited: &HashSet<usize>, out: &mut String) {
    // The open paragraph's number and shape, and the open list's.
    let mut open: Option<(usize, Shape)> = None;
    let mut list: Option<Shape> = None;
    for (i, s) in a.sentences.iter().enumerate() {
        match open {
            Some((paragraph, shape)) if paragraph == s.paragraph => {
                // Between two sentences: a space, or in a preformatted paragraph what
                // the text has there (a line break).
                let gap = a.text.get(a.sentences[i - 1].end..s.start).filter(|_| shape == Shape::Preformatted);
                out.push_str(&esc(gap.unwrap_or(" ")));
            }
            _ => {
                close_paragraph(out, open);
                let end =
                    a.sentences[i..].iter().take_while(|x| x.paragraph == s.paragraph).last().map_or(s.end, |x| x.end);
                // The paragraph from its start: what comes before its first sentence is
                // a heading's or a list item's mark, or a code block's indentation.
                let start = a.text.get(..s.start).and_then(|b| b.rfind("\n\n")).map_or(0, |at| at + 2);
                let paragraph = a.text.get(start..end).unwrap_or("");
                let mark = Mark::read(paragraph.trim_start()).map(|(mark, _)| mark);
                let shape = match mark {
                    _ if a.text.get(s.start..end).is_some_and(|t| t.contains('\n')) => Shape::Preformatted,
                    Some(Mark::Heading(rank)) => Shape::Heading((rank + 1).min(6)),
                    Some(Mark::Bullet) => Shape::Bullet,
                    Some(Mark::Number(_)) => Shape::Numbered,
                    None => Shape::Prose,
                };
                let item = matches!(shape, Shape::Bullet | Shape::Numbered);
                if list.is_some() && list != Some(shape) {
                    out.push_str(if list == Some(Shape::Numbered) { "</ol>" } else { "</ul>" });
                    list = None;
                }
                if item && list.is_none() {
                    match mark {
                        Some(Mark::Number(number)) => {
                            let _ = write!(out, "<ol start=\"{number}\">");
                        }
                        _ => out.push_str("<ul>"),
                    }
                    list = Some(shape);
                }
                match shape {
                    Shape::Prose => out.push_str("<p>"),
                    // Code keeps what it opens with: its first line's indentation, a
                    // "- " of YAML.
                    Shape::Preformatted => {
                        out.push_str("<pre>");
                        out.push_str(&esc(a.text.get(start..s.start).unwrap_or("")));
                    }
                    Shape::Heading(rank) => {
                        let _ = write!(out, "<h{rank}>");
                    }
                    Shape::Bullet | Shape::Numbered => out.push_str("<li>"),
                }
                open = Some((s.paragraph, shape));
            }
        }
        let class = if cited.contains(&s.index) { "sentence cited" } else { "sentence" };
        let _ = write!(out, "<span class=\"{class}\" id=\"s{}\">{}</span>", s.index, esc(&s.text));
    }
    close_paragraph(out, open);
    match list {
        Some(Shape::Numbered) => out.push_str("</ol>"),
        Some(_) => out.push_str("</ul>"),
        None => {}
    }
}

fn close_paragraph(out: &mut String, open: Option<(usize, Shape)>) {
    match open.map(|(_, shape)| shape) {
        Some(Shape::Prose) => out.push_str("</p>"),
        Some(Shape::Preformatted) => out.push_str("</pre>"),
        Some(Shape::Heading(rank)) => {
            let _ = write!(out, "</h{rank}>");
        }
        Some(Shape::Bullet | Shape::Numbered) => out.push_str("</li>"),
        None => {}
    }
}

fn query_escape(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

pub(crate) async fn search(State(lib): State<Library>, Params(params): Params<SearchParams>) -> Response {
    let q = params.q.clone().unwrap_or_default();
    if q.trim().is_empty() {
        return Html(layout(
            "Search",
            "",
            "<h1>Search</h1><p>Type words to search titles and bodies; use \"quotes\" for phrases.</p>",
        ))
        .into_response();
    }
    let query = match params.to_query() {
        Ok(query) => query,
        Err(e) => return error_page(e),
    };
    let results = match read(move || lib.search(&query)).await {
        Ok(r) => r,
        Err(e) => return error_page(e),
    };
    let mut main = format!(
        "<h1>Results for “{}”</h1><p class=\"count\">{} articles</p><ol class=\"results\">",
        esc(&q),
        results.total
    );
    for hit in &results.hits {
        let _ = write!(
            main,
            "<li><a href=\"/articles/{}\">{}</a><span class=\"meta\">{} · {}</span><p class=\"snippet\">{}</p></li>",
            esc(&hit.id),
            esc(&hit.title),
            esc(hit.source.as_deref().unwrap_or("")),
            date(hit.published),
            marked(&hit.snippet, &hit.highlights)
        );
    }
    main.push_str("</ol>");
    Html(layout(&format!("Search: {q}"), &q, &main)).into_response()
}

/// A snippet as HTML: the text escaped, the matched ranges in `<mark>`.
fn marked(snippet: &str, highlights: &[[usize; 2]]) -> String {
    let mut out = String::with_capacity(snippet.len() + 16 * highlights.len());
    let mut at = 0;
    for &[start, end] in highlights {
        let (Some(before), Some(hit)) = (snippet.get(at..start), snippet.get(start..end)) else { continue };
        let _ = write!(out, "{}<mark>{}</mark>", esc(before), esc(hit));
        at = end;
    }
    out.push_str(&esc(snippet.get(at..).unwrap_or("")));
    out
}

pub(crate) async fn stylesheet() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], CSS)
        .into_response()
}
