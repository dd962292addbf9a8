//! Search modes through the binary and the server: a bad mode is a usage error with
//! its code, semantic search without a model says how to get one, and with the real
//! model (`DISTILL_MODELS`, as in the embed tests) semantic search finds the fire
//! stories that the word "blaze" alone misses.

use crate::support::{Server, bin, corpus, json, models, run, sample_library};

#[test]
fn a_bad_mode_and_a_missing_model_are_clear_errors() {
    let data = sample_library();
    let out = run(data, &["search", "fire", "--mode", "fuzzy"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.starts_with("error[bad_parameter]: --mode: unknown search mode \"fuzzy\""), "{err}");
    let out = run(data, &["search", "fire", "--mode", "semantic"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error[bad_parameter]") && err.contains("scripts/fetch-models.sh"), "{err}");
    // Without a model the default is keyword search, and the CLI says why once.
    let out = run(data, &["search", "fire"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert_eq!(err.matches("note: search is keyword only").count(), 1, "{err}");
    let results = json(data, &["search", "fire", "--json"]);
    assert_eq!(results["mode"], "keyword");
    let sources: u64 =
        results["facets"]["source"].as_array().unwrap().iter().map(|c| c["count"].as_u64().unwrap()).sum();
    assert!(sources >= results["total"].as_u64().unwrap() && sources > 0, "{results}");
    let server = Server::start(data);
    let (status, _, body) = server.get("/api/search?q=fire&mode=fuzzy");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("\"code\":\"bad_parameter\"") && body.contains("keyword, semantic or hybrid"), "{body}");
    let (status, _, body) = server.get("/api/search?q=fire&mode=semantic");
    assert_eq!(status, 400, "{body}");
    let (status, _, body) = server.get("/api/search?q=fire&mode=keyword");
    assert_eq!(status, 200, "{body}");
    let (status, _, page) = server.get("/search?q=fire");
    assert_eq!(status, 200);
    assert!(page.contains("class=\"facets\"") && page.contains("(keyword search)"), "{page}");
}

#[test]
fn semantic_search_finds_the_fire_stories_that_blaze_misses() {
    let Some(models) = models("semantic_search_finds_the_fire_stories_that_blaze_misses") else { return };
    let models = models.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["ingest", corpus().to_str().unwrap(), "--models", models]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(dir.path().join("vectors/meta.json").is_file(), "ingest with a model writes the vectors");
    let titles = |results: &serde_json::Value| -> Vec<String> {
        results["hits"].as_array().unwrap().iter().map(|h| h["title"].as_str().unwrap().to_lowercase()).collect()
    };
    let fire = |t: &String| t.contains("fire") || t.contains("blaze") || t.contains("burn");
    let keyword = json(dir.path(), &["search", "blaze", "--json", "--mode", "keyword"]);
    let semantic = json(dir.path(), &["search", "blaze", "--json", "--mode", "semantic", "--models", models]);
    let (k, s) = (titles(&keyword), titles(&semantic));
    assert!(s.iter().take(4).filter(|t| fire(t)).count() > k.iter().filter(|t| fire(t)).count(), "{k:?}\n{s:?}");
    let hybrid = json(dir.path(), &["search", "blaze", "--json", "--models", models]);
    assert_eq!(hybrid["mode"], "hybrid", "hybrid is the default with a model");
    assert_eq!(titles(&hybrid)[0], k[0], "the exact match stays first");
    // A reindex (with the model from the environment) rebuilds the vectors, and
    // search still finds by meaning.
    let out = bin().arg("--data").arg(dir.path()).arg("reindex").env("DISTILL_MODELS", models).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let again = json(dir.path(), &["search", "blaze", "--json", "--mode", "semantic", "--models", models]);
    assert_eq!(titles(&again), s);
}
