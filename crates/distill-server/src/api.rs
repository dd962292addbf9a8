//! The JSON API and the article view shared with the CLI's `show --json`.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use distill_core::Article;
use distill_pipeline::Library;
use distill_search::SearchQuery;
use distill_store::{ArticleSummary, ListQuery, Store};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::blocking;

/// The public JSON shape of an article (`show --json` and `/api/articles/{id}`).
pub fn article_view(a: &Article, copies: &[ArticleSummary]) -> Value {
    json!({
        "id": a.id,
        "title": a.title,
        "url": a.url,
        "source": a.source,
        "byline": a.byline,
        "published": a.published.map(|d| d.to_rfc3339()),
        "language": a.language,
        "text": a.text,
        "sentences": a.sentences.iter().map(|s| json!({"index": s.index, "text": s.text, "start": s.start, "end": s.end})).collect::<Vec<_>>(),
        "summary": {
            "method": a.summary.method,
            "bullets": a.summary.bullets.iter().map(|b| json!({"text": b.text, "citations": b.citations})).collect::<Vec<_>>(),
        },
        "insights": a.insights.iter().map(|i| json!({"question": i.question, "kind": i.kind, "citations": i.citations})).collect::<Vec<_>>(),
        "duplicate_of": a.duplicate_of,
        "also_reported_by": copies.iter().map(|c| json!({"id": c.id, "title": c.title, "source": c.source, "url": c.url, "published": c.published.map(|d| d.to_rfc3339())})).collect::<Vec<_>>(),
    })
}

/// The other copies of an article's story: its original (when it is a copy) and the
/// original's other copies, oldest first.
pub fn story_copies(store: &dyn Store, a: &Article) -> distill_store::Result<Vec<ArticleSummary>> {
    let root = a.duplicate_of.as_deref().unwrap_or(&a.id);
    let mut copies = Vec::new();
    if root != a.id
        && let Some(original) = store.get(root)?
    {
        copies.push(ArticleSummary {
            id: original.id,
            title: original.title,
            url: original.url,
            source: original.source,
            published: original.published,
            language: original.language,
            duplicate_of: None,
        });
    }
    copies.extend(store.duplicates_of(root)?.into_iter().filter(|c| c.id != a.id));
    Ok(copies)
}

/// An API error: a stable code, a message, and its HTTP status.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
}

impl ApiError {
    /// A failure on our side.
    pub fn internal(message: String) -> ApiError {
        tracing::error!(%message, "internal error");
        ApiError { status: StatusCode::INTERNAL_SERVER_ERROR, code: "internal", message }
    }
    /// A bad request.
    pub fn bad_request(code: &'static str, message: String) -> ApiError {
        ApiError { status: StatusCode::BAD_REQUEST, code, message }
    }
    /// Nothing there.
    pub fn not_found(message: String) -> ApiError {
        ApiError { status: StatusCode::NOT_FOUND, code: "not_found", message }
    }
    /// HTTP status of the error.
    pub fn status(&self) -> StatusCode {
        self.status
    }
    /// Human message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let kind = if self.status.is_server_error() { "internal" } else { "invalid_request" };
        (self.status, Json(json!({"message": self.message, "code": self.code, "type": kind, "link": null})))
            .into_response()
    }
}

impl From<distill_store::StoreError> for ApiError {
    fn from(e: distill_store::StoreError) -> Self {
        ApiError::internal(e.to_string())
    }
}

impl From<distill_search::SearchError> for ApiError {
    fn from(e: distill_search::SearchError) -> Self {
        match e {
            distill_search::SearchError::BadQuery(m) => ApiError::bad_request("bad_query", m),
            other => ApiError::internal(other.to_string()),
        }
    }
}

/// Paging parameters.
#[derive(Debug, Deserialize)]
pub struct Paging {
    limit: Option<usize>,
    offset: Option<usize>,
}

pub(crate) async fn list(State(lib): State<Library>, Query(p): Query<Paging>) -> Result<Json<Value>, ApiError> {
    let query = ListQuery {
        limit: p.limit.unwrap_or(50).clamp(1, 500),
        offset: p.offset.unwrap_or(0).min(1_000_000),
        originals_only: false,
    };
    let (items, total) = blocking(move || Ok::<_, ApiError>((lib.store.list(&query)?, lib.store.count()?))).await??;
    Ok(Json(json!({"total": total, "articles": items})))
}

/// Feed subscriptions with their polling state and last error.
pub(crate) async fn feeds(State(lib): State<Library>) -> Result<Json<Value>, ApiError> {
    let feeds = blocking(move || lib.store.feeds()).await??;
    Ok(Json(json!({"total": feeds.len(), "feeds": feeds})))
}

pub(crate) async fn article(State(lib): State<Library>, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    let (found, copies) = load(lib, id.clone()).await?;
    Ok(Json(article_view(&found, &copies)))
}

/// Loads an article and the other copies of its story.
pub(crate) async fn load(lib: Library, id: String) -> Result<(Article, Vec<ArticleSummary>), ApiError> {
    let lookup = id.clone();
    let found = blocking(move || -> distill_store::Result<Option<(Article, Vec<ArticleSummary>)>> {
        let Some(article) = lib.store.get(&lookup)? else { return Ok(None) };
        let copies = story_copies(lib.store.as_ref(), &article)?;
        Ok(Some((article, copies)))
    })
    .await??;
    found.ok_or_else(|| ApiError::not_found(format!("no article with id {id:?}")))
}

/// Search parameters, shared by the page and the API.
#[derive(Debug, Deserialize, Default)]
pub struct SearchParams {
    /// Query text.
    pub q: Option<String>,
    /// Most hits.
    pub limit: Option<usize>,
    /// Hits to skip.
    pub offset: Option<usize>,
    /// Source filter.
    pub source: Option<String>,
    /// Earliest publication day, as the publisher dates it.
    pub since: Option<String>,
    /// Latest publication day (exclusive), as the publisher dates it.
    pub until: Option<String>,
}

impl SearchParams {
    pub(crate) fn to_query(&self) -> Result<SearchQuery, ApiError> {
        let date = |name: &str, v: &Option<String>| -> Result<Option<NaiveDate>, ApiError> {
            match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                None => Ok(None),
                Some(s) => distill_core::time::parse_date(s).map(|d| Some(d.date_naive())).ok_or_else(|| {
                    ApiError::bad_request("bad_date", format!("{name}: cannot read {s:?} as a date (use YYYY-MM-DD)"))
                }),
            }
        };
        Ok(SearchQuery {
            text: self.q.clone().unwrap_or_default(),
            limit: self.limit.unwrap_or(20).clamp(1, 100),
            offset: self.offset.unwrap_or(0),
            source: self.source.clone().filter(|s| !s.trim().is_empty()),
            since: date("since", &self.since)?,
            until: date("until", &self.until)?,
            include_duplicates: false,
        })
    }
}

pub(crate) async fn search(
    State(lib): State<Library>,
    Query(params): Query<SearchParams>,
) -> Result<Json<distill_search::Results>, ApiError> {
    let query = params.to_query()?;
    Ok(Json(blocking(move || lib.index.search(&query)).await??))
}
