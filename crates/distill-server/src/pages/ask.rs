//! The ask page: a question answered from the stored articles (or one article or
//! story), each answer sentence linking the sentences it cites, or the closest
//! passages when the articles hold no answer.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
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
}

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
    match load_answer(lib, query).await {
        Ok(answer) => page(&ask_page(&q, scope.as_ref(), Some(&answer))),
        Err(e) => error_page(e),
    }
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
    }
}
