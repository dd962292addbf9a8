//! Search in its three modes against a real tantivy index and the real
//! all-MiniLM-L6-v2 encoder.
//!
//! The model is not in the repository: `scripts/fetch-models.sh DIR` unpacks it into
//! `DIR/all-minilm-l6-v2`, and these tests find `DIR` at `DISTILL_MODELS`, else at
//! `models/` in the checkout. Without it the tests that need it print one "skipped:"
//! line and pass; under `DISTILL_REQUIRE_MODELS=1` (CI) they fail instead.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use distill_core::Article;
use distill_embed::{EmbedConfig, LazyEmbedder};
use distill_search::{Mode, SearchError, SearchIndex, SearchQuery};
use distill_store::{SqliteStore, Store};

/// Returns the model folder, or `None` after saying why the test is skipped.
fn model_dir(test: &str) -> Option<PathBuf> {
    let (root, from) = match std::env::var_os("DISTILL_MODELS").filter(|v| !v.is_empty()) {
        Some(root) => (PathBuf::from(root), "DISTILL_MODELS"),
        None => (PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models"), "models/ in the checkout"),
    };
    if let Some(dir) = distill_embed::find_model(&root) {
        return Some(dir);
    }
    let why = format!("{test} needs the all-minilm-l6-v2 model, missing under {} ({from})", root.display());
    assert!(
        std::env::var("DISTILL_REQUIRE_MODELS").as_deref() != Ok("1"),
        "{why}, and DISTILL_REQUIRE_MODELS=1 forbids skipping it"
    );
    let _ = writeln!(std::io::stderr(), "skipped: {why}; run scripts/fetch-models.sh DIR and set DISTILL_MODELS=DIR");
    None
}

fn article(id: &str, title: &str, text: &str, source: &str, language: &str, date: &str) -> Article {
    Article {
        url: Some(format!("https://example.com/{id}")),
        source: Some(source.into()),
        language: Some(language.into()),
        published: chrono::DateTime::parse_from_rfc3339(&format!("{date}T12:00:00+00:00")).ok(),
        ..Article::sample(id, title, text)
    }
}

fn corpus() -> Vec<Article> {
    vec![
        article(
            "fire",
            "Fire destroys warehouse on the waterfront",
            "Firefighters fought flames for six hours after a fire tore through a timber warehouse near the docks. Thick smoke forced nearby homes to be evacuated.",
            "Harbor Gazette",
            "en",
            "2026-09-03",
        ),
        article(
            "blaze",
            "Blaze at the old mill is under control",
            "A blaze broke out at the old mill on Sunday; crews said the roof collapsed but nobody was hurt.",
            "Valley Post",
            "en",
            "2026-10-12",
        ),
        article(
            "rates",
            "Central bank raises interest rates again",
            "The central bank raised its benchmark rate by a quarter point, citing stubborn inflation in services.",
            "Capital Daily",
            "en",
            "2026-10-01",
        ),
        article(
            "football",
            "City win the derby in extra time",
            "A late header in extra time gave City a two-one win over their neighbours in front of a full stadium.",
            "Capital Daily",
            "en",
            "2026-10-20",
        ),
        article(
            "wahl",
            "Regierung stellt neuen Haushalt vor",
            "Die Regierung hat am Montag den Haushalt für das kommende Jahr vorgestellt.",
            "Berliner Blatt",
            "de",
            "2026-09-15",
        ),
    ]
}

fn open(dir: &Path, model: &Path) -> SearchIndex {
    let embedder = Arc::new(LazyEmbedder::new(model, EmbedConfig::default()));
    SearchIndex::open_with(&dir.join("index"), Some((dir.join("vectors"), embedder))).unwrap()
}

fn query(text: &str, mode: Mode) -> SearchQuery {
    SearchQuery { text: text.into(), limit: 10, mode: Some(mode), ..SearchQuery::default() }
}

fn ids(index: &SearchIndex, q: &SearchQuery) -> Vec<String> {
    index.search(q).unwrap().hits.into_iter().map(|h| h.id).collect()
}

/// "blaze" finds the "fire" article by meaning, which BM25 cannot.
#[test]
fn semantic_search_finds_a_paraphrase_that_keywords_miss() {
    let Some(model) = model_dir("semantic_search_finds_a_paraphrase_that_keywords_miss") else { return };
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("distill.db")).unwrap();
    store.upsert_batch(&corpus()).unwrap();
    let index = open(dir.path(), &model);
    index.sync(&store).unwrap();
    assert_eq!(index.num_vectors(), 5);
    let keyword = ids(&index, &query("blaze", Mode::Keyword));
    assert_eq!(keyword, ["blaze"], "BM25 sees only the word");
    let semantic = ids(&index, &query("blaze", Mode::Semantic));
    assert!(semantic[..2].contains(&"fire".to_string()), "{semantic:?}");
    let results = index.search(&query("warehouse flames", Mode::Semantic)).unwrap();
    assert_eq!(results.mode, Mode::Semantic);
    assert_eq!(results.hits[0].id, "fire");
    assert!(results.hits[0].score > 0.3 && results.hits[0].score <= 1.01, "a cosine: {}", results.hits[0].score);
    // With a model present, hybrid is the default.
    let default = index.search(&SearchQuery { text: "blaze".into(), limit: 10, ..SearchQuery::default() }).unwrap();
    assert_eq!(default.mode, Mode::Hybrid);
    // Filters hold in semantic mode too.
    let q = SearchQuery { source: Some("valley post".into()), ..query("fire", Mode::Semantic) };
    assert_eq!(ids(&index, &q), ["blaze"]);
    let q = SearchQuery { since: chrono::NaiveDate::from_ymd_opt(2026, 10, 1), ..query("fire", Mode::Semantic) };
    assert!(!ids(&index, &q).contains(&"fire".to_string()));
}

/// An exact match stays first when hybrid adds the paraphrases.
#[test]
fn hybrid_keeps_exact_matches_first() {
    let Some(model) = model_dir("hybrid_keeps_exact_matches_first") else { return };
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("distill.db")).unwrap();
    store.upsert_batch(&corpus()).unwrap();
    let index = open(dir.path(), &model);
    index.sync(&store).unwrap();
    for (text, first) in [("blaze", "blaze"), ("interest rates", "rates"), ("derby", "football")] {
        let hybrid = ids(&index, &query(text, Mode::Hybrid));
        assert_eq!(hybrid[0], first, "{text}: {hybrid:?}");
    }
    let hybrid = ids(&index, &query("blaze", Mode::Hybrid));
    assert_eq!(&hybrid[..2], ["blaze", "fire"], "the paraphrase follows the exact match");
}

/// Vectors are persisted: a second handle (another process) and a reopened one read
/// them without embedding again, a reindex rebuilds them, and updates replace them.
#[test]
fn the_vector_index_survives_reopening_and_a_reindex() {
    let Some(model) = model_dir("the_vector_index_survives_reopening_and_a_reindex") else { return };
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("distill.db")).unwrap();
    store.upsert_batch(&corpus()).unwrap();
    {
        let index = open(dir.path(), &model);
        index.sync(&store).unwrap();
    }
    let index = open(dir.path(), &model);
    assert_eq!(index.num_vectors(), 5);
    assert_eq!(index.sync(&store).unwrap(), 0, "nothing to catch up after reopening");
    assert_eq!(ids(&index, &query("blaze", Mode::Semantic))[..2].iter().filter(|i| *i == "fire").count(), 1);
    // Another handle on the folder sees a new article once the first commits it.
    let other = open(dir.path(), &model);
    let mut copy =
        article("copy", "Mill blaze", "A blaze broke out at the old mill on Sunday.", "Wire", "en", "2026-10-12");
    copy.duplicate_of = Some("blaze".into());
    store
        .upsert_batch(&[
            article("budget", "Haushalt", "Der Bundestag berät den Haushalt.", "Berliner Blatt", "de", "2026-09-16"),
            copy,
        ])
        .unwrap();
    index.sync(&store).unwrap();
    assert_eq!(other.num_vectors(), 6, "copies get no vector");
    assert_eq!(index.rebuild(&store).unwrap(), 7);
    assert_eq!(other.num_vectors(), 6);
    assert!(ids(&other, &query("warehouse fire", Mode::Semantic)).first().is_some_and(|id| id == "fire"));
    // An article that becomes a copy loses its vector.
    let mut became = corpus().remove(3);
    became.duplicate_of = Some("rates".into());
    became.text.push_str(" The captain lifted the cup.");
    became.content_hash = distill_core::content_hash(&became.text);
    store.upsert(&became).unwrap();
    index.sync(&store).unwrap();
    assert_eq!(other.num_vectors(), 5);
    assert!(!ids(&other, &query("derby extra time", Mode::Semantic)).contains(&"football".to_string()));
}

#[test]
fn facets_count_sources_languages_and_months() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("distill.db")).unwrap();
    let mut articles = corpus();
    articles.push(article(
        "rates2",
        "Rates hold",
        "The bank kept rates where they were.",
        "Capital Daily",
        "en",
        "2026-11-02",
    ));
    store.upsert_batch(&articles).unwrap();
    let index = SearchIndex::open(&dir.path().join("index")).unwrap();
    index.sync(&store).unwrap();
    let facets = |text: &str| {
        let r = index.search(&SearchQuery { text: text.into(), limit: 1, ..SearchQuery::default() }).unwrap();
        assert_eq!(r.mode, Mode::Keyword, "keyword without a model");
        let pairs = |v: &[distill_search::FacetCount]| {
            v.iter().map(|c| format!("{}={}", c.value, c.count)).collect::<Vec<_>>().join(" ")
        };
        (r.total, pairs(&r.facets.source), pairs(&r.facets.language), pairs(&r.facets.month))
    };
    let (total, source, language, month) = facets("rates OR fire OR haushalt OR derby");
    assert_eq!(total, 5);
    assert_eq!(source, "Capital Daily=3 Berliner Blatt=1 Harbor Gazette=1");
    assert_eq!(language, "en=4 de=1");
    assert_eq!(month, "2026-11=1 2026-10=2 2026-09=2");
    let (total, source, _, month) = facets("rates");
    assert_eq!((total, source.as_str(), month.as_str()), (2, "Capital Daily=2", "2026-11=1 2026-10=1"));
}

#[test]
fn semantic_search_without_a_model_says_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("distill.db")).unwrap();
    store.upsert_batch(&corpus()).unwrap();
    let missing = Arc::new(LazyEmbedder::new(dir.path().join("no-model"), EmbedConfig::default()));
    let index = SearchIndex::open_with(&dir.path().join("index"), Some((dir.path().join("vectors"), missing))).unwrap();
    assert_eq!(index.sync(&store).unwrap(), 5, "keyword indexing goes on without the model");
    assert!(!index.semantic_available());
    for mode in [Mode::Semantic, Mode::Hybrid] {
        match index.search(&query("fire", mode)) {
            Err(SearchError::NoModel(why)) => {
                assert!(why.contains("fetch-models.sh") || why.contains("no-model"), "{why}")
            }
            other => panic!("expected NoModel, got {other:?}"),
        }
    }
    let r = index.search(&SearchQuery { text: "fire".into(), limit: 5, ..SearchQuery::default() }).unwrap();
    assert_eq!((r.mode, r.hits[0].id.as_str()), (Mode::Keyword, "fire"));
    assert!("fuzzy".parse::<Mode>().unwrap_err().contains("keyword, semantic or hybrid"));
    assert_eq!(" Hybrid ".parse::<Mode>(), Ok(Mode::Hybrid));
    let keyword_only = SearchIndex::open(&dir.path().join("index2")).unwrap();
    match keyword_only.search(&query("fire", Mode::Semantic)) {
        Err(SearchError::NoModel(why)) => assert!(why.contains("--models") && why.contains("fetch-models.sh"), "{why}"),
        other => panic!("expected NoModel, got {other:?}"),
    }
    let _ = store.last_seq();
}
