//! Rejections as data. Every request the server cannot serve gets an answer in the
//! shape of where it was sent: under `/api/`, JSON `{message, code, type, link}` with a
//! stable [`Code`]; elsewhere, an HTML error page; both with the right status.
//!
//! Axum's own rejections (a query string that does not parse, a path that is not
//! UTF-8, a wrong method, an oversized body) are plain text or empty. The extractors
//! here stand in for axum's [`Query`](axum::extract::Query) and
//! [`Path`](axum::extract::Path) and reject with a code, and [`shape_errors`], the
//! outermost layer, checks the URI and body limits before routing and reshapes any
//! error response that still slipped through, so that no plain-text error leaves the
//! server. Errors that the HTTP stack answers before any of this runs (a URI over
//! 64 KiB, a malformed request line) are reshaped by [`crate::conn`].

use axum::extract::{FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use distill_library::Code;
use serde::de::DeserializeOwned;

use crate::api::ApiError;

/// The longest request target (path and query) served, in bytes.
pub const MAX_URI_BYTES: usize = 8 << 10;

/// The largest request body accepted, in bytes (the API reads none today).
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// Whether a path answers in JSON: the JSON API, and the health check for machines.
pub(crate) fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/") || path == "/healthz"
}

/// An error answered in the shape of the path: JSON under `/api/`, a page elsewhere.
pub(crate) fn respond(path: &str, error: ApiError) -> Response {
    if is_api(path) { error.into_response() } else { crate::pages::error_page(error) }
}

/// A rejection by one of the extractors below, answered in the shape of its path.
#[derive(Debug)]
pub struct Rejected {
    api: bool,
    error: ApiError,
}

impl Rejected {
    fn new(parts: &Parts, error: ApiError) -> Rejected {
        Rejected { api: is_api(parts.uri.path()), error }
    }

    /// The error behind the rejection.
    pub fn error(&self) -> &ApiError {
        &self.error
    }
}

impl IntoResponse for Rejected {
    fn into_response(self) -> Response {
        if self.api { self.error.into_response() } else { crate::pages::error_page(self.error) }
    }
}

/// Query parameters, read into `T`. An empty value counts as absent (a form's empty
/// field); a parameter given twice, or one that does not parse, is `bad_parameter`.
#[derive(Debug, Clone, Default)]
pub struct Params<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Params<T> {
    type Rejection = Rejected;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Rejected> {
        parse_query(parts.uri.query().unwrap_or("")).map(Params).map_err(|error| Rejected::new(parts, error))
    }
}

/// Reads a query string into `T`; see [`Params`].
pub fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        if value.trim().is_empty() {
            continue;
        }
        if pairs.iter().any(|(k, _)| *k == key) {
            return Err(ApiError::new(Code::BadParameter, format!("parameter '{key}' is given more than once")));
        }
        pairs.push((key.into_owned(), value.into_owned()));
    }
    let clean = form_urlencoded::Serializer::new(String::new()).extend_pairs(&pairs).finish();
    let deserializer = serde_urlencoded::Deserializer::new(form_urlencoded::parse(clean.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let key = e.path().to_string();
        let value = pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_str()).unwrap_or_default();
        let shown: String = value.chars().take(40).collect();
        ApiError::new(Code::BadParameter, format!("parameter '{key}': cannot read {shown:?} ({})", e.inner()))
    })
}

/// The `{id}` segment of a path, percent-decoded. A segment that does not decode to
/// UTF-8 is `bad_path`.
#[derive(Debug, Clone)]
pub struct Id(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = Rejected;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Rejected> {
        match Path::<String>::from_request_parts(parts, state).await {
            Ok(Path(id)) => Ok(Id(id)),
            Err(rejection) => {
                let why = rejection.body_text().to_lowercase();
                let message = format!("the path {} does not decode: {why}", shorten(parts.uri.path()));
                Err(Rejected::new(parts, ApiError::new(Code::BadPath, message)))
            }
        }
    }
}

/// At most 100 characters of a path, for messages.
fn shorten(path: &str) -> String {
    match path.char_indices().nth(100) {
        Some((cut, _)) => format!("{}...", &path[..cut]),
        None => path.to_string(),
    }
}

/// A route that exists, asked with a method it does not take (axum adds `Allow`).
pub(crate) async fn method_not_allowed(method: Method, uri: Uri) -> Response {
    let message = format!("{method} is not allowed on {} (see the Allow header)", shorten(uri.path()));
    respond(uri.path(), ApiError::new(Code::MethodNotAllowed, message))
}

/// No route at all.
pub(crate) async fn not_found(uri: Uri) -> Response {
    respond(uri.path(), ApiError::not_found(format!("nothing at {}", shorten(uri.path()))))
}

/// The outermost layer: refuses an oversized URI or body before routing, and gives
/// every error response the shape of its path.
pub(crate) async fn shape_errors(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    let target = request.uri().path_and_query().map_or(0, |p| p.as_str().len());
    if target > MAX_URI_BYTES {
        let message = format!("the request target is {target} bytes; the limit is {MAX_URI_BYTES}");
        return respond(&path, ApiError::new(Code::UriTooLong, message));
    }
    let declared = request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.trim().parse().ok());
    if let Some(length) = declared.filter(|&n: &u64| n > MAX_BODY_BYTES as u64) {
        let message = format!("the request body is {length} bytes; the limit is {MAX_BODY_BYTES}");
        let mut response = respond(&path, ApiError::new(Code::PayloadTooLarge, message));
        // The body is not read: end the connection rather than drain it.
        response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
        return response;
    }
    let response = next.run(request).await;
    reshape(&path, response).await
}

/// An error response that is not yet in the shape of its path, rebuilt in it: the
/// status and the `Allow` and `Retry-After` headers are kept, the code follows the
/// status, and a short plain-text body becomes the message.
async fn reshape(path: &str, response: Response) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let content_type = response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let shaped =
        if is_api(path) { content_type.starts_with("application/json") } else { content_type.starts_with("text/html") };
    if shaped {
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 4096).await.map(|b| String::from_utf8_lossy(&b).trim().to_string());
    let code = Code::for_status(status.as_u16());
    let message = match text {
        Ok(text) if !text.is_empty() => text.to_lowercase(),
        _ => code.meaning().to_string(),
    };
    let mut shaped = respond(path, ApiError::new(code, message));
    *shaped.status_mut() = StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    for name in [header::ALLOW, header::RETRY_AFTER] {
        if let Some(value) = parts.headers.get(&name) {
            shaped.headers_mut().insert(name, value.clone());
        }
    }
    shaped
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Paging {
        limit: Option<usize>,
        q: Option<String>,
    }

    #[test]
    fn query_strings_are_read_or_rejected_with_a_code() {
        let read = |q: &str| parse_query::<Paging>(q);
        assert_eq!(read("limit=5&q=a+b").unwrap(), Paging { limit: Some(5), q: Some("a b".into()) });
        assert_eq!(read("limit=&q=").unwrap(), Paging { limit: None, q: None }, "empty is absent");
        assert_eq!(read("limit=&limit=3").unwrap().limit, Some(3), "an empty duplicate is absent");
        assert_eq!(read("other=1&other=2").unwrap_err().code(), Code::BadParameter);
        for bad in ["limit=abc", "limit=-1", "limit=1.5", "limit=99999999999999999999999", "limit=1&limit=2"] {
            let err = read(bad).unwrap_err();
            assert_eq!(err.code(), Code::BadParameter, "{bad}");
            assert!(err.message().contains("'limit'"), "{bad}: {}", err.message());
        }
        assert!(read("q=%FF").unwrap().q.unwrap().contains('\u{fffd}'), "invalid UTF-8 is replaced");
    }
}
