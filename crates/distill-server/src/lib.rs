//! The HTTP face of distill: web pages (latest articles, the article page, search, feeds)
//! and the JSON API. Reads only; every string from an article is escaped, and a
//! strict Content-Security-Policy forbids scripts and outside resources.
#![warn(missing_docs)]

pub mod api;
pub mod conn;
pub mod metrics;
pub mod openapi;
mod pages;
pub mod reject;

use std::net::SocketAddr;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::get;
use distill_library::Library;

/// Builds the router over a library.
pub fn router(library: Library) -> Router {
    Router::new()
        .route("/", get(pages::home))
        .route("/articles/{id}", get(pages::article))
        .route("/stories/{id}", get(pages::story))
        .route("/search", get(pages::search))
        .route("/ask", get(pages::ask))
        .route("/verify", get(pages::verify))
        .route("/entity/{name}", get(pages::entity))
        .route("/feeds", get(pages::feeds))
        .route("/static/app.css", get(pages::stylesheet))
        .route("/api/articles", get(api::list))
        .route("/api/articles/{id}", get(api::article))
        .route("/api/stories", get(api::stories))
        .route("/api/stories/{id}", get(api::story))
        .route("/api/search", get(api::search))
        .route("/api/ask", get(api::ask))
        .route("/api/verify", get(api::verify))
        .route("/api/entities/{name}", get(api::entity))
        .route("/api/feeds", get(api::feeds))
        .route("/api/openapi.json", get(openapi::document_route))
        .route("/healthz", get(api::health))
        .route("/metrics", get(metrics::scrape))
        .fallback(reject::not_found)
        .method_not_allowed_fallback(reject::method_not_allowed)
        .layer(axum::extract::DefaultBodyLimit::max(reject::MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn(reject::shape_errors))
        .layer(axum::middleware::map_response(security_headers))
        .layer(axum::middleware::from_fn(metrics::track))
        .with_state(library)
}

async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}

/// Serves until the process is stopped (Ctrl-C ends it gracefully).
pub async fn serve(library: Library, addr: SocketAddr, on_ready: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tokio::spawn(follow(library.clone()));
    on_ready(listener.local_addr()?);
    axum::serve(conn::Listener(listener), router(library))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

/// Keeps the search replica up with the store while serving: other processes
/// (an ingest, a fetch) commit to the store and usually index what they wrote;
/// this catches what they could not (killed between the two commits), and the
/// index reader picks up any process's index commit on its own.
async fn follow(library: Library) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let library = library.clone();
        let result = tokio::task::spawn_blocking(move || library.follow()).await;
        metrics::global().record_follow(match &result {
            Ok(Ok(n)) => Ok(*n),
            _ => Err(()),
        });
        match result {
            Ok(Ok(0)) => {}
            Ok(Ok(n)) => tracing::info!(indexed = n, "search index caught up with the store"),
            Ok(Err(error)) => tracing::warn!(%error, "search index could not follow the store"),
            Err(error) => tracing::warn!(%error, "index follower failed"),
        }
    }
}

/// Runs blocking store or index work off the async threads.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, api::ApiError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| api::ApiError::internal(format!("worker failed: {e}")))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    /// The normal (not dev) dependencies a crate's manifest names.
    fn dependencies(krate: &str) -> Vec<String> {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(krate).join("Cargo.toml");
        let text = std::fs::read_to_string(&manifest).unwrap();
        let mut section = String::new();
        let mut out = Vec::new();
        for line in text.lines().map(str::trim) {
            if line.starts_with('[') {
                section = line.to_string();
            } else if section == "[dependencies]"
                && let Some((name, _)) = line.split_once('=')
            {
                out.push(name.trim().to_string());
            }
        }
        out
    }

    /// The read side stays read-only: the server's dependency closure within the
    /// workspace holds no ingest code, no pipeline and no HTTP client (issue 16). The
    /// one CPU pool it may hold is the sentence encoder's own (distill-embed, which
    /// embeds queries for semantic search on a pool sized apart from the runtime), and
    /// the one HTTP client the generator's (distill-generate, which talks only to the
    /// endpoint the operator configured, never to a URL a request names).
    #[test]
    fn the_server_depends_on_no_writer_and_no_http_client() {
        let mut seen = BTreeSet::new();
        let mut stack = vec!["distill-server".to_string()];
        while let Some(krate) = stack.pop() {
            for dependency in dependencies(&krate) {
                if (dependency == "rayon" && krate == "distill-embed")
                    || (["reqwest", "rustls"].contains(&dependency.as_str()) && krate == "distill-generate")
                {
                    continue;
                }
                if dependency.starts_with("distill-") && seen.insert(dependency.clone()) {
                    stack.push(dependency.clone());
                }
                seen.insert(dependency);
            }
        }
        assert!(seen.contains("distill-library"), "{seen:?}");
        for banned in ["distill-ingest", "distill-pipeline", "distill-extract", "reqwest", "hyper-util", "rayon"] {
            assert!(!seen.contains(banned), "the server's closure holds {banned}: {seen:?}");
        }
    }
}
