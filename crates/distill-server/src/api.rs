//! The JSON API. Every answer, error or not, is JSON; errors are
//! `{message, code, type, link}` with a stable [`Code`].

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use distill_core::Story;
use distill_library::{ArticleView, Code, FeedStatus, Library, LibraryError, StoryView};
use distill_search::{Results, SearchQuery};
use distill_store::{ArticleSummary, ListQuery, StoryQuery};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

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
#[derive(Serialize, ToSchema)]
#[schema(as = Error)]
pub(crate) struct ErrorBody<'a> {
    /// What went wrong, for people.
    message: &'a str,
    /// What went wrong, as a stable code (the README's table).
    code: Code,
    /// Whose fault it is: `invalid_request` (fix the request) or `internal` (retry, report).
    #[serde(rename = "type")]
    kind: distill_library::code::ErrorKind,
    /// Where the code is documented.
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
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// Most articles to return (1 to 500; default 50).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<usize>,
    /// Articles to skip (default 0).
    offset: Option<usize>,
}

/// A page of articles and how many there are.
#[derive(Serialize, ToSchema)]
pub(crate) struct ArticleList {
    /// Stored articles in all.
    total: usize,
    /// The page, newest first; copies carry `duplicate_of`.
    articles: Vec<ArticleSummary>,
}

/// Stored articles, newest first, copies included.
#[utoipa::path(
    get,
    path = "/api/articles",
    tag = "articles",
    params(Paging),
    responses(
        (status = 200, description = "a page of articles", body = ArticleList),
        (status = 400, description = "`bad_parameter`", body = ErrorBody),
        (status = 503, description = "`store_unavailable`", body = ErrorBody),
    )
)]
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
#[derive(Serialize, ToSchema)]
pub(crate) struct FeedList {
    /// Subscriptions in all.
    total: usize,
    /// Every subscription.
    feeds: Vec<FeedStatus>,
}

/// Feed subscriptions with their polling state and last error.
#[utoipa::path(
    get,
    path = "/api/feeds",
    tag = "feeds",
    responses(
        (status = 200, description = "every subscription with its state", body = FeedList),
        (status = 503, description = "`store_unavailable`", body = ErrorBody),
    )
)]
pub(crate) async fn feeds(State(lib): State<Library>) -> Result<Json<FeedList>, ApiError> {
    let feeds = blocking(move || lib.feeds()).await??;
    Ok(Json(FeedList { total: feeds.len(), feeds }))
}

/// One article: body, sentences, key points, insights and the other copies of its story.
#[utoipa::path(
    get,
    path = "/api/articles/{id}",
    tag = "articles",
    params(("id" = String, Path, description = "the article's id (16 hex digits)")),
    responses(
        (status = 200, description = "the article", body = ArticleView),
        (status = 400, description = "`bad_path`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 503, description = "`store_unavailable`", body = ErrorBody),
    )
)]
pub(crate) async fn article(State(lib): State<Library>, Id(id): Id) -> Result<Json<ArticleView>, ApiError> {
    Ok(Json(load(lib, id).await?))
}

/// Loads an article and the other copies of its story.
pub(crate) async fn load(lib: Library, id: String) -> Result<ArticleView, ApiError> {
    let lookup = id.clone();
    let found = blocking(move || lib.article(&lookup)).await??;
    found.ok_or_else(|| ApiError::not_found(format!("no article with id {id:?}")))
}

/// Which stories to list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StoryParams {
    /// Most stories to return (1 to 500; default 50).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<usize>,
    /// Stories to skip (default 0).
    offset: Option<usize>,
    /// Only stories updated on this day (YYYY-MM-DD, UTC) or later.
    #[param(format = Date)]
    since: Option<String>,
}

/// A page of stories and how many match.
#[derive(Serialize, ToSchema)]
pub(crate) struct StoryList {
    /// Matching stories in all.
    total: usize,
    /// The page, the latest updated first.
    stories: Vec<Story>,
}

/// Stories: every outlet's report of one event gathered, the latest updated first.
#[utoipa::path(
    get,
    path = "/api/stories",
    tag = "stories",
    params(StoryParams),
    responses(
        (status = 200, description = "a page of stories", body = StoryList),
        (status = 400, description = "`bad_parameter` or `bad_date`", body = ErrorBody),
        (status = 503, description = "`store_unavailable`", body = ErrorBody),
    )
)]
pub(crate) async fn stories(
    State(lib): State<Library>,
    Params(p): Params<StoryParams>,
) -> Result<Json<StoryList>, ApiError> {
    let since = match p.since.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(distill_core::time::parse_date(s).map(|d| d.to_utc()).ok_or_else(|| {
            ApiError::new(Code::BadDate, format!("since: cannot read {s:?} as a date (use YYYY-MM-DD)"))
        })?),
    };
    let query =
        StoryQuery { limit: p.limit.unwrap_or(50).clamp(1, 500), offset: p.offset.unwrap_or(0).min(1_000_000), since };
    let (stories, total) = blocking(move || lib.stories(&query)).await??;
    Ok(Json(StoryList { total, stories }))
}

/// One story: its key points across sources, its articles, its timeline and related stories.
#[utoipa::path(
    get,
    path = "/api/stories/{id}",
    tag = "stories",
    params(("id" = String, Path, description = "the story's id (the id of its first article)")),
    responses(
        (status = 200, description = "the story", body = StoryView),
        (status = 400, description = "`bad_path`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 503, description = "`store_unavailable`", body = ErrorBody),
    )
)]
pub(crate) async fn story(State(lib): State<Library>, Id(id): Id) -> Result<Json<StoryView>, ApiError> {
    Ok(Json(load_story(lib, id).await?))
}

/// Loads a story view.
pub(crate) async fn load_story(lib: Library, id: String) -> Result<StoryView, ApiError> {
    let lookup = id.clone();
    let found = blocking(move || lib.story(&lookup)).await??;
    found.ok_or_else(|| ApiError::not_found(format!("no story with id {id:?}")))
}

/// Search parameters, shared by the page and the API.
#[derive(Debug, Deserialize, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Query text: words, `"phrases"`, `+must`, `-not`, `title:word`.
    pub q: Option<String>,
    /// Most hits (1 to 100; default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<usize>,
    /// Hits to skip (default 0).
    pub offset: Option<usize>,
    /// Only this publication's articles, by its name as articles show it.
    pub source: Option<String>,
    /// Earliest publication day (YYYY-MM-DD), as the publisher dates it.
    #[param(format = Date)]
    pub since: Option<String>,
    /// Latest publication day (YYYY-MM-DD, exclusive), as the publisher dates it.
    #[param(format = Date)]
    pub until: Option<String>,
    /// How to rank: `keyword` (BM25), `semantic` (embeddings) or `hybrid` (both, fused);
    /// default hybrid when the server has a sentence encoder, else keyword.
    #[param(pattern = "^(keyword|semantic|hybrid)$")]
    pub mode: Option<String>,
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
            mode: match self.mode.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                None => None,
                Some(mode) => {
                    Some(mode.parse().map_err(|e: String| ApiError::new(Code::BadParameter, format!("mode: {e}")))?)
                }
            },
        })
    }
}

/// Search (keyword, semantic or hybrid), each story once, with facets by source,
/// language and month.
#[utoipa::path(
    get,
    path = "/api/search",
    tag = "search",
    params(SearchParams),
    responses(
        (status = 200, description = "the matching articles, best first", body = Results),
        (status = 400, description = "`bad_query`, `bad_date` or `bad_parameter`", body = ErrorBody),
        (status = 503, description = "`index_busy` or `store_unavailable`", body = ErrorBody),
    )
)]
pub(crate) async fn search(
    State(lib): State<Library>,
    Params(params): Params<SearchParams>,
) -> Result<Json<Results>, ApiError> {
    let query = params.to_query()?;
    Ok(Json(blocking(move || lib.search(&query)).await??))
}

/// Ask parameters, shared by the page and the API.
#[derive(Debug, Deserialize, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AskParams {
    /// The question, in words.
    pub q: Option<String>,
    /// Only this article's sentences.
    pub article: Option<String>,
    /// Only the sentences of this story's articles.
    pub story: Option<String>,
    /// Most words of the answer (1 to 1000; default 120), whole sentences only.
    #[param(minimum = 1, maximum = 1000)]
    pub words: Option<usize>,
    /// Let the configured generator write the answer (default: yes when one is
    /// configured); only its sentences that the grounding check supports are kept.
    pub generate: Option<bool>,
}

impl AskParams {
    pub(crate) fn to_query(&self) -> Result<distill_library::AskQuery, ApiError> {
        let max = distill_library::ask::MAX_WORDS;
        let words = self.words.unwrap_or(distill_library::ask::DEFAULT_WORDS);
        if !(1..=max).contains(&words) {
            return Err(ApiError::new(Code::BadParameter, format!("words: give 1 to {max}, not {words}")));
        }
        let id = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
        Ok(distill_library::AskQuery {
            question: self.q.clone().unwrap_or_default(),
            article: id(&self.article),
            story: id(&self.story),
            words,
        })
    }
}

/// Loads the answer to a question; a missing article or story is `not_found`.
pub(crate) async fn load_answer(
    lib: Library,
    query: distill_library::AskQuery,
) -> Result<distill_library::Answer, ApiError> {
    let scope = query.article.clone().map(|id| ("article", id)).or(query.story.clone().map(|id| ("story", id)));
    let found = blocking(move || lib.ask(&query)).await??;
    found.ok_or_else(|| {
        let (what, id) = scope.unwrap_or(("article", String::new()));
        ApiError::not_found(format!("no {what} with id {id:?}"))
    })
}

/// Answers a question from the stored articles (or one article or story) in their own
/// sentences, each citing the sentences that state it; `covered` is false, the answer
/// empty and the closest passages given when the articles do not hold an answer. With a
/// generator configured (and `generate` not false), a covered answer is rewritten by it
/// and only the sentences the grounding check holds to their sources are kept, each
/// marked `method: generated`; `generation` says what was kept, dropped or failed.
#[utoipa::path(
    get,
    path = "/api/ask",
    tag = "ask",
    params(AskParams),
    responses(
        (status = 200, description = "the answer, or the closest passages", body = distill_library::Answer),
        (status = 400, description = "`bad_query` or `bad_parameter`", body = ErrorBody),
        (status = 404, description = "`not_found`: no such article or story", body = ErrorBody),
        (status = 503, description = "`index_busy` or `store_unavailable`", body = ErrorBody),
    )
)]
pub(crate) async fn ask(
    State(lib): State<Library>,
    Params(params): Params<AskParams>,
) -> Result<Json<distill_library::Answer>, ApiError> {
    let query = params.to_query()?;
    let words = query.words;
    let answer = load_answer(lib.clone(), query).await?;
    let generator = lib.generator().filter(|_| answer.covered && params.generate != Some(false)).cloned();
    let Some(generator) = generator else { return Ok(Json(answer)) };
    let written = blocking(move || {
        let mut ignore = |_: &str| distill_library::grounded::Flow::Continue;
        distill_library::grounded::write_answer(generator.as_ref(), &answer, words, &mut ignore)
    })
    .await?;
    Ok(Json(written))
}

/// Verify parameters, shared by the page and the API.
#[derive(Debug, Deserialize, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VerifyParams {
    /// The claim: a sentence or two (at most 2,000 bytes are read).
    pub claim: Option<String>,
    /// Only this article's sentences.
    pub article: Option<String>,
    /// Only the sentences of this story's articles.
    pub story: Option<String>,
}

impl VerifyParams {
    pub(crate) fn to_query(&self) -> Result<distill_library::VerifyQuery, ApiError> {
        let claim = self.claim.as_deref().map(str::trim).unwrap_or_default();
        if claim.is_empty() {
            return Err(ApiError::new(Code::BadParameter, "claim: give the sentence to check"));
        }
        let id = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
        Ok(distill_library::VerifyQuery {
            claim: claim.to_string(),
            article: id(&self.article),
            story: id(&self.story),
        })
    }
}

/// Checks a claim; a missing article or story is `not_found`.
pub(crate) async fn load_verdict(
    lib: Library,
    query: distill_library::VerifyQuery,
) -> Result<distill_library::VerifyView, ApiError> {
    let scope = query.article.clone().map(|id| ("article", id)).or(query.story.clone().map(|id| ("story", id)));
    let found = blocking(move || lib.verify(&query)).await??;
    found.ok_or_else(|| {
        let (what, id) = scope.unwrap_or(("article", String::new()));
        ApiError::not_found(format!("no {what} with id {id:?}"))
    })
}

/// Checks a claim against the stored articles (or one article or story): supported,
/// contradicted or not found, with a score in [0, 1], the sentences that decide it
/// and what the checks found (a number, a date, a name, a negation, roles, the
/// speaker, a quotation, words the sources never use).
#[utoipa::path(
    get,
    path = "/api/verify",
    tag = "verify",
    params(VerifyParams),
    responses(
        (status = 200, description = "the verdict and the deciding sentences", body = distill_library::VerifyView),
        (status = 400, description = "`bad_parameter`", body = ErrorBody),
        (status = 404, description = "`not_found`: no such article or story", body = ErrorBody),
        (status = 503, description = "`index_busy` or `store_unavailable`", body = ErrorBody),
    )
)]
pub(crate) async fn verify(
    State(lib): State<Library>,
    Params(params): Params<VerifyParams>,
) -> Result<Json<distill_library::VerifyView>, ApiError> {
    Ok(Json(load_verdict(lib, params.to_query()?).await?))
}

/// Entity parameters, shared by the page and the API.
#[derive(Debug, Deserialize, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EntityParams {
    /// Most articles to list (1 to 500; default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<usize>,
}

/// Loads the view of the entity a name or alias names; a name that is empty or too
/// long is `bad_parameter`, one that no stored article names `not_found`.
pub(crate) async fn load_entity(
    lib: Library,
    name: String,
    limit: Option<usize>,
) -> Result<distill_library::EntityView, ApiError> {
    let limit = limit.unwrap_or(distill_library::DEFAULT_ENTITY_ARTICLES);
    let query =
        distill_library::EntityQuery::new(&name, limit).map_err(|why| ApiError::new(Code::BadParameter, why))?;
    let shown = query.name.clone();
    let found = blocking(move || lib.entity(&query)).await??;
    found.ok_or_else(|| ApiError::not_found(format!("no stored article names {shown:?}")))
}

/// A person, organisation, place or event across the stored articles, by its name or
/// an alias ("U.S." finds the United States): mentions per day (per month beyond 90
/// days), the articles that name it with its part in each, the entities named in the
/// same stories, and what the articles report it said.
#[utoipa::path(
    get,
    path = "/api/entities/{name}",
    tag = "entities",
    params(
        ("name" = String, Path, description = "the entity's name or an alias, as an article writes it (at most 200 bytes)"),
        EntityParams,
    ),
    responses(
        (status = 200, description = "the entity", body = distill_library::EntityView),
        (status = 400, description = "`bad_parameter` or `bad_path`", body = ErrorBody),
        (status = 404, description = "`not_found`: no stored article names it", body = ErrorBody),
        (status = 503, description = "`store_unavailable`", body = ErrorBody),
    )
)]
pub(crate) async fn entity(
    State(lib): State<Library>,
    Id(name): Id,
    Params(params): Params<EntityParams>,
) -> Result<Json<distill_library::EntityView>, ApiError> {
    Ok(Json(load_entity(lib, name, params.limit).await?))
}

/// Whether the data folder serves: always `ok` in a 200 answer.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum HealthStatus {
    /// The store and the search index answer.
    Ok,
}

/// What `/healthz` answers when the store and the search index can be read.
#[derive(Serialize, ToSchema)]
pub(crate) struct Health {
    /// `ok`.
    status: HealthStatus,
    /// Articles in the store.
    articles: usize,
    /// Documents in the search index (copies included).
    indexed_documents: u64,
    /// Store changes that the search index has not caught up with yet; the server
    /// catches up every second, so a lag that stays above 0 means it cannot.
    index_lag: i64,
}

/// Health: a cheap query of the store, and the search index's reader and lag.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "operations",
    responses(
        (status = 200, description = "the store and the index answer", body = Health),
        (status = 503, description = "`store_unavailable`: the store or the index cannot be read", body = ErrorBody),
    )
)]
pub(crate) async fn health(State(lib): State<Library>) -> Result<Json<Health>, ApiError> {
    blocking(move || check(&lib)).await?.map(Json)
}

fn check(lib: &Library) -> Result<Health, ApiError> {
    let store =
        |e: distill_store::StoreError| ApiError::new(Code::StoreUnavailable, format!("the store cannot be read: {e}"));
    let articles = lib.store.count().map_err(store)?;
    let stored = lib.store.last_seq().map_err(store)?;
    let indexed = lib
        .index
        .indexed_seq()
        .map_err(|e| ApiError::new(Code::StoreUnavailable, format!("the search index cannot be read: {e}")))?;
    let indexed_documents = lib.index.num_docs();
    Ok(Health { status: HealthStatus::Ok, articles, indexed_documents, index_lag: (stored - indexed).max(0) })
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
