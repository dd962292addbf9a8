//! The API's contract: an OpenAPI 3.1 document, served at `/api/openapi.json`,
//! generated from the handlers' annotations and the typed views themselves (utoipa
//! derives), so that a field added to a view shows in the document without anyone
//! writing it twice. The tests hold the router and the document to the same routes,
//! and the end-to-end tests check real answers against the document's schemas.

use std::sync::LazyLock;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use utoipa::OpenApi;

use crate::api;

/// The document's source: every JSON route and the schemas they answer with.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "distill",
        description = "The JSON API of distill: stored articles with their key points and insights, stories, \
            keyword search and feed subscriptions. Reads only. Every error is \
            `{message, code, type, link}` with a stable `code`.",
        license(name = "Apache-2.0", identifier = "Apache-2.0"),
    ),
    paths(
        api::list, api::article, api::stories, api::story, api::search, api::ask,
        api::verify, api::entity, api::feeds, api::health, document_route,
    ),
    components(schemas(distill_library::Code)),
    tags(
        (name = "articles", description = "stored articles"),
        (name = "stories", description = "stories: every outlet's report of one event"),
        (name = "search", description = "keyword search"),
        (name = "ask", description = "answers from the stored articles, with citations"),
        (name = "verify", description = "a claim checked against the stored articles"),
        (name = "entities", description = "a person, organisation, place or event across the stored articles"),
        (name = "feeds", description = "feed subscriptions"),
        (name = "operations", description = "health and the contract itself"),
    )
)]
struct ApiDoc;

/// The OpenAPI document of the JSON API.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").to_string();
    doc
}

/// The document as JSON, built once.
static JSON: LazyLock<String> =
    LazyLock::new(|| document().to_pretty_json().unwrap_or_else(|e| format!(r#"{{"error":"{e}"}}"#)));

/// This document.
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    tag = "operations",
    responses((status = 200, description = "the OpenAPI 3.1 document of this API", body = serde_json::Value))
)]
pub(crate) async fn document_route() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], JSON.as_str()).into_response()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde_json::Value;

    use super::*;

    /// The routes that `router` registers and that answer JSON: every `.route("/api...")`
    /// and `/healthz` in lib.rs, read from the source (axum cannot list its routes).
    fn json_routes() -> BTreeSet<String> {
        let source = include_str!("lib.rs");
        let mut routes = BTreeSet::new();
        for piece in source.split(".route(").skip(1) {
            let Some(path) = piece.trim_start().strip_prefix('"').and_then(|p| p.split('"').next()) else { continue };
            if crate::reject::is_api(path) || path == "/healthz" {
                routes.insert(path.to_string());
            }
        }
        routes
    }

    fn json() -> Value {
        serde_json::from_str(&JSON).unwrap()
    }

    /// A route added to the router without its annotation in [`ApiDoc`], or a
    /// documented route that no longer exists, fails here.
    #[test]
    fn every_json_route_is_documented_and_nothing_else() {
        let doc = json();
        let documented: BTreeSet<String> = doc["paths"].as_object().unwrap().keys().cloned().collect();
        let routes = json_routes();
        assert!(routes.len() >= 6, "the source scan found too few routes: {routes:?}");
        assert_eq!(routes, documented);
        for (path, item) in doc["paths"].as_object().unwrap() {
            let get = &item["get"];
            assert!(get.is_object(), "{path}: only GET is served");
            assert!(get["responses"]["200"]["content"]["application/json"].is_object(), "{path}: no 200 body");
            if path != "/api/openapi.json" {
                assert_eq!(
                    get["responses"]["503"]["content"]["application/json"]["schema"]["$ref"],
                    "#/components/schemas/Error",
                    "{path}"
                );
            }
        }
    }

    /// The document is OpenAPI 3.1, declares the error shape with every code, and
    /// every `$ref` resolves.
    #[test]
    fn the_document_is_3_1_with_the_error_shape_and_no_dangling_refs() {
        let doc = json();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"), "{}", doc["openapi"]);
        let schemas = &doc["components"]["schemas"];
        let error = &schemas["Error"];
        let mut required: Vec<&str> =
            error["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        required.sort();
        assert_eq!(required, ["code", "link", "message", "type"]);
        let codes: BTreeSet<&str> =
            schemas["Code"]["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        let names: BTreeSet<&str> = distill_library::Code::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(codes, names);
        let text = JSON.as_str();
        for piece in text.split("\"$ref\": \"#/components/schemas/").skip(1) {
            let name = piece.split('"').next().unwrap();
            assert!(schemas[name].is_object(), "dangling $ref to {name}");
        }
        for name in ["ArticleView", "ArticleSummary", "FeedStatus", "Results", "Hit", "Health"] {
            assert!(
                schemas[name].is_object(),
                "no schema {name}: {}",
                schemas.as_object().unwrap().keys().cloned().collect::<Vec<_>>().join(", ")
            );
        }
    }
}
