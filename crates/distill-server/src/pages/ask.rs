//! The ask page: a question answered from the stored articles (or one article or
//! story), each answer sentence linking the sentences it cites, or the closest
//! passages when the articles hold no answer.

use std::convert::Infallible;
use std::fmt::Write as _;
use std::sync::Arc;

use askama::Template;
use axum::body::Body;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use distill_core::LineMethod;
use distill_core::text::escape_html as escape;
use distill_library::grounded::{self, Flow, Generator};
use distill_library::{Answer, Library};

use super::stories::Cite;
use super::{Head, error_page, page};
use crate::api::{AskParams, load_answer};
use crate::reject::Params;

/// A sentence of the answer with links to what it cites.
struct AnswerRow<'a> {
    text: &'a str,
    cites: Vec<Cite>,
    disputed: bool,
    /// Written by a generator (and supported by what it cites).
    generated: bool,
}

/// A passage close to the question.
struct PassageRow<'a> {
    text: &'a str,
    title: &'a str,
    href: String,
}

#[derive(Template)]
#[template(path = "ask.html")]
struct AskPage<'a> {
    head: Head,
    q: &'a str,
    /// The scope as hidden fields keep it: ("article" or "story", id).
    scope: Option<(&'static str, &'a str)>,
    asked: bool,
    covered: bool,
    answer: Vec<AnswerRow<'a>>,
    passages: Vec<PassageRow<'a>>,
    /// A generator's answer follows the sources' (streamed where the page marks it).
    generating: bool,
}

/// Where the streamed part of the page goes.
const GENERATED_MARK: &str = "<!--generated-->";

pub(crate) async fn ask(State(lib): State<Library>, Params(params): Params<AskParams>) -> Response {
    let query = match params.to_query() {
        Ok(query) => query,
        Err(e) => return error_page(e),
    };
    let q = query.question.trim().to_string();
    let scope = query.article.clone().map(|id| ("article", id)).or(query.story.clone().map(|id| ("story", id)));
    if q.is_empty() {
        return page(&ask_page(&q, scope.as_ref(), None));
    }
    let words = query.words;
    match load_answer(lib.clone(), query).await {
        Ok(answer) => match lib.generator().filter(|_| answer.covered && params.generate != Some(false)) {
            Some(generator) => stream_page(&q, scope.as_ref(), answer, generator.clone(), words),
            None => page(&ask_page(&q, scope.as_ref(), Some(&answer))),
        },
        Err(e) => error_page(e),
    }
}

/// The page with the sources' answer at once and the generator's streamed after it:
/// its draft appears as it is written, then only the sentences the grounding check
/// supports, with their citations; the style sheet hides a draft once the checked
/// block follows it (`:has`), so no script is needed. A reader who leaves stops the generation.
fn stream_page(
    q: &str,
    scope: Option<&(&'static str, String)>,
    answer: Answer,
    generator: Arc<dyn Generator>,
    words: usize,
) -> Response {
    let mut template = ask_page(q, scope, Some(&answer));
    template.generating = true;
    let html = match template.render() {
        Ok(html) => html,
        Err(_) => return page(&template),
    };
    let (head, tail) = match html.split_once(GENERATED_MARK) {
        Some((head, tail)) => (head.to_string(), tail.to_string()),
        None => (html, String::new()),
    };
    let (tx, rx) = tokio::sync::mpsc::channel::<String>(64);
    tokio::task::spawn_blocking(move || {
        let name = generator.name().to_string();
        let _ = tx.blocking_send(head);
        let _ = tx.blocking_send(format!(
            "<section class=\"generated\" aria-label=\"Generated answer\">\n<h2>Written by {}</h2>\n<p class=\"draft\">",
            escape(&name)
        ));
        let written = grounded::write_answer(generator.as_ref(), &answer, words, &mut |piece| {
            if tx.blocking_send(escape(piece)).is_err() { Flow::Stop } else { Flow::Continue }
        });
        let _ =
            tx.blocking_send(format!("</p>\n<div class=\"checked\">\n{}</div>\n</section>\n{tail}", checked(&written)));
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (Ok::<_, Infallible>(chunk), rx))
    });
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], Body::from_stream(stream)).into_response()
}

/// The generator's sentences that the check kept, each with its citations, or why
/// none was kept.
fn checked(answer: &Answer) -> String {
    let mut out = String::new();
    let note = answer.generation.as_ref();
    let generated: Vec<_> = answer.answer.iter().filter(|a| a.method == LineMethod::Generated).collect();
    if let Some(error) = note.and_then(|n| n.error.as_deref()) {
        let _ = writeln!(
            out,
            "<p class=\"meta\">The generator failed ({}); the answer above is the sources' own.</p>",
            escape(error)
        );
    } else if generated.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"meta\">None of its sentences was supported by the sources, so none is shown; the answer above is theirs.</p>"
        );
    } else {
        let rejected = note.map_or(0, |n| n.rejected);
        let _ = writeln!(out, "<ul>");
        for line in generated {
            let cites: String = line
                .citations
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    format!(
                        "<a class=\"cite\" href=\"/articles/{id}#s{s}\" aria-label=\"sentence {n} of article {id}\">[{k}]</a>",
                        id = escape(&c.id),
                        s = c.sentence,
                        n = c.sentence + 1,
                        k = k + 1
                    )
                })
                .collect();
            let _ = writeln!(out, "<li class=\"generated-line\">{} {cites}</li>", escape(&line.text));
        }
        let _ = writeln!(
            out,
            "</ul>\n<p class=\"meta\">Generated, then checked: each sentence is supported by the sentences it cites ({} dropped).</p>",
            rejected
        );
    }
    out
}

fn ask_page<'a>(q: &'a str, scope: Option<&'a (&'static str, String)>, answer: Option<&'a Answer>) -> AskPage<'a> {
    let cite = |id: &str, sentence: usize, n: usize| Cite {
        href: format!("/articles/{id}#s{sentence}"),
        label: n.to_string(),
        aria: format!("sentence {} of article {id}", sentence + 1),
    };
    // Citations are numbered by article, in the order the answer first cites them.
    let mut order: Vec<&str> = Vec::new();
    let rows = answer.map_or_else(Vec::new, |a| {
        a.answer
            .iter()
            .map(|s| AnswerRow {
                text: &s.text,
                disputed: s.disputed,
                generated: s.method == LineMethod::Generated,
                cites: s
                    .citations
                    .iter()
                    .map(|c| {
                        let n = order.iter().position(|id| *id == &*c.id).unwrap_or_else(|| {
                            order.push(&c.id);
                            order.len() - 1
                        });
                        cite(&c.id, c.sentence, n + 1)
                    })
                    .collect(),
            })
            .collect()
    });
    let passages = answer.map_or_else(Vec::new, |a| {
        a.passages
            .iter()
            .map(|p| PassageRow { text: &p.text, title: &p.title, href: format!("/articles/{}#s{}", p.id, p.sentence) })
            .collect()
    });
    let title = if q.is_empty() { "Ask".to_string() } else { format!("Ask: {q}") };
    AskPage {
        head: Head::new(title, ""),
        q,
        scope: scope.map(|(what, id)| (*what, id.as_str())),
        asked: answer.is_some(),
        covered: answer.is_some_and(|a| a.covered),
        answer: rows,
        passages,
        generating: false,
    }
}
