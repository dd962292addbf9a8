//! The verify page: a claim checked against the stored articles (or one article or
//! story), its verdict, what the checks found and the deciding sentences, linked.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use distill_library::{Library, VerifyView};

use super::{Head, error_page, page};
use crate::api::{VerifyParams, load_verdict};
use crate::reject::Params;

#[derive(Template)]
#[template(path = "verify.html")]
struct VerifyPage<'a> {
    head: Head,
    claim: &'a str,
    /// The scope as hidden fields keep it: ("article" or "story", id).
    scope: Option<(&'static str, &'a str)>,
    verdict: Option<&'a VerifyView>,
    /// The verdict for people ("not found").
    label: String,
    score: String,
}

pub(crate) async fn verify(State(lib): State<Library>, Params(params): Params<VerifyParams>) -> Response {
    let claim = params.claim.as_deref().map(str::trim).unwrap_or_default().to_string();
    let scope = [("article", &params.article), ("story", &params.story)]
        .into_iter()
        .find_map(|(what, id)| id.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(|id| (what, id.to_string())));
    let scope_ref = scope.as_ref().map(|(what, id)| (*what, id.as_str()));
    if claim.is_empty() {
        return page(&verify_page(&claim, scope_ref, None));
    }
    let query = match params.to_query() {
        Ok(query) => query,
        Err(e) => return error_page(e),
    };
    match load_verdict(lib, query).await {
        Ok(view) => page(&verify_page(&claim, scope_ref, Some(&view))),
        Err(e) => error_page(e),
    }
}

fn verify_page<'a>(
    claim: &'a str,
    scope: Option<(&'static str, &'a str)>,
    verdict: Option<&'a VerifyView>,
) -> VerifyPage<'a> {
    let title = if claim.is_empty() { "Check a claim".to_string() } else { format!("Check: {claim}") };
    VerifyPage {
        head: Head::new(title, ""),
        claim,
        scope,
        verdict,
        label: verdict.map(|v| v.label.replace('_', " ")).unwrap_or_default(),
        score: verdict.map(|v| format!("{:.2}", v.score)).unwrap_or_default(),
    }
}
