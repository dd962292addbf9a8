//! The JSON API. Every answer, error or not, is JSON; errors are
//! `{message, code, type, link}` with a stable [`Code`].

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use distill_library::{ArticleView, Code, FeedStatus, Library, LibraryError};
use distill_search::{Results, SearchQuery};
use distill_store::{ArticleSummary, ListQuery};
use serde::{Deserialize, Serialize};

use crate::blocking;
use crate::reject::{Id, Params};

/// An API error: a stable code and a message for people.
#[derive(Debug)]
pub struct ApiError {
    code: Code,
    message: String,
}

impl ApiError {
    /// An error with its code.
    pub fn new(code: Code, message: impl Into<String>) -> ApiError {
        let message = message.into();
        if code.status() >= 500 {
            tracing::error!(%message, code = code.name(), "request failed");
        }
        ApiError { code, message }
    }
    /// A failure on our side.
    pub fn internal(message: String) -> ApiError {
        ApiError::new(Code::Internal, message)
    }
    /// Nothing there.
    pub fn not_found(message: String) -> ApiError {
        ApiError::new(Code::NotFound, message)
    }
    /// The code.
    pub fn code(&self) -> Code {
        self.code
    }
    /// HTTP status of the error.
    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
    /// Human message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// The documented error shape.
#[derive(Serialize)]
struct ErrorBody<'a> {
    message: &'a str,
    code: Code,
    #[serde(rename = "type")]
    kind: distill_library::code::ErrorKind,
    link: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status(), [(header::CONTENT_TYPE, "application/json")], error_json(&self)).into_response()
    }
}

/// The documented JSON shape of an error, as bytes.
pub(crate) fn error_json(e: &ApiError) -> Vec<u8> {
    let body = ErrorBody { message: &e.message, code: e.code, kind: e.code.kind(), link: e.code.link() };
    serde_json::to_vec(&body).unwrap_or_else(|_| br#"{"message":"error","code":"internal"}"#.to_vec())
}

impl From<LibraryError> for ApiError {
    fn from(e: LibraryError) -> Self {
        ApiError::new(e.code(), e.to_string())
    }
}

impl From<distill_search::SearchError> for ApiError {
    fn from(e: distill_search::SearchError) -> Self {
        LibraryError::from(e).into()
    }
}

impl From<distill_store::StoreError> for ApiError {
    fn from(e: distill_store::StoreError) -> Self {
        LibraryError::from(e).into()
    }
}

/// Paging parameters.
#[derive(Debug, Deserialize)]
pub struct Paging {
    limit: Option<usize>,
    offset: Option<usize>,
}

/// A page of articles and how many there are.
#[derive(Serialize)]
pub(crate) struct ArticleList {
    total: usize,
    articles: Vec<ArticleSummary>,
}

pub(crate) async fn list(State(lib): State<Library>, Params(p): Params<Paging>) -> Result<Json<ArticleList>, ApiError> {
    let query = ListQuery {
        limit: p.limit.unwrap_or(50).clamp(1, 500),
        offset: p.offset.unwrap_or(0).min(1_000_000),
        originals_only: false,
    };
    let (articles, total) = blocking(move || lib.list(&query)).await??;
    Ok(Json(ArticleList { total, articles }))
}

/// Feed subscriptions with their state.
#[derive(Serialize)]
pub(crate) struct FeedList {
    total: usize,
    feeds: Vec<FeedStatus>,
}

/// Feed subscriptions with their polling state and last error.
pub(crate) async fn feeds(State(lib): State<Library>) -> Result<Json<FeedList>, ApiError> {
    let feeds = blocking(move || lib.feeds()).await??;
    Ok(Json(FeedList { total: feeds.len(), feeds }))
}

pub(crate) async fn article(State(lib): State<Library>, Id(id): Id) -> Result<Json<ArticleView>, ApiError> {
    Ok(Json(load(lib, id).await?))
}

/// Loads an article and the other copies of its story.
pub(crate) async fn load(lib: Library, id: String) -> Result<ArticleView, ApiError> {
    let lookup = id.clone();
    let found = blocking(move || lib.article(&lookup)).await??;
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
                    ApiError::new(Code::BadDate, format!("{name}: cannot read {s:?} as a date (use YYYY-MM-DD)"))
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
    Params(params): Params<SearchParams>,
) -> Result<Json<Results>, ApiError> {
    let query = params.to_query()?;
    Ok(Json(blocking(move || lib.search(&query)).await??))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code answers with its own status and the documented JSON shape.
    #[tokio::test]
    async fn every_code_answers_with_its_status_and_shape() {
        for code in Code::ALL {
            let response = ApiError::new(code, "what went wrong").into_response();
            assert_eq!(response.status().as_u16(), code.status(), "{code}");
            assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json", "{code}");
            let body = axum::body::to_bytes(response.into_body(), 4096).await.unwrap();
            let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
            assert_eq!(json["code"], code.name());
            assert_eq!(json["message"], "what went wrong");
            assert_eq!(json["type"], if code.status() < 500 { "invalid_request" } else { "internal" });
            assert!(json["link"].as_str().unwrap().ends_with(code.name()), "{json}");
            assert_eq!(json.as_object().unwrap().len(), 4, "{json}");
        }
    }
}
