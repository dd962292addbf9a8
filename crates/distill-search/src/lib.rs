//! Search: a tantivy index (BM25 over title, boosted, and body) and, when a sentence
//! encoder is configured, a vector index of one embedding per original article, both
//! following the store's change log. Queries run in one of three [`Mode`]s: keyword
//! (BM25), semantic (cosine similarity of the query's embedding to each article's
//! [`passage`]) or hybrid (the two rankings fused by reciprocal rank), with facets by
//! source, language and month. Keyword queries of plain words are planned by how
//! common their words are ([`BROAD_MATCHES`]), so that a search over a million
//! articles costs what its rare words match.
//!
//! Both indexes are replicas: they can always be rebuilt from the store, and each
//! commit records the last sequence number it holds, so a crash between a store write
//! and an index commit is repaired by the next [`SearchIndex::sync`]. One writer lease
//! (tantivy's writer lock) covers both, so one process at a time catches them up.
#![warn(missing_docs)]

mod common_terms;
mod facets;
mod vectors;

use std::collections::HashMap;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use distill_core::Article;
use distill_store::Store;
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{FAST, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, DocSet, Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term};

use common_terms::RareDriven;
pub use distill_embed::{EmbedConfig, Embedder, LazyEmbedder, find_model};
use facets::{Columns, FacetCollector, Tally};
pub use facets::{FacetCount, Facets};
use vectors::{Meta, Record, VectorIndex};

/// Search failures.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SearchError {
    /// The index failed.
    #[error("search index error: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The store failed while the index was catching up.
    #[error("store error while indexing: {0}")]
    Store(#[from] distill_store::StoreError),
    /// Another process held the index writer for longer than the wait; what the
    /// store holds is indexed by the next sync.
    #[error("the search index is busy in another process (waited {0:?}); stored articles are indexed by the next sync")]
    Busy(Duration),
    /// The query is unusable (too long, empty).
    #[error("bad query: {0}")]
    BadQuery(String),
    /// Semantic search was asked for, but no sentence encoder is available.
    #[error("{0}")]
    NoModel(String),
    /// The sentence encoder failed on the query.
    #[error("embedding the query failed: {0}")]
    Embed(#[from] distill_embed::EmbedError),
    /// The index folder could not be used.
    #[error("cannot open index at {path}: {reason}")]
    Open {
        /// The folder.
        path: String,
        /// Why.
        reason: String,
    },
}

/// How long a sync waits for another process's writer lease by default.
pub const LEASE_WAIT: Duration = Duration::from_secs(30);
/// Memory budget of the index writer while it catches up.
const WRITER_MEMORY: usize = 64 << 20;

/// A `Result` with [`SearchError`].
pub type Result<T> = std::result::Result<T, SearchError>;

/// Longest query accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 1024;
/// Deepest result page reachable.
pub const MAX_OFFSET: usize = 10_000;

/// How a query ranks articles.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// BM25 over title and body: the words themselves.
    Keyword,
    /// Cosine similarity of embeddings: the meaning, paraphrases included.
    Semantic,
    /// Both rankings fused by reciprocal rank.
    Hybrid,
}

impl Mode {
    /// The mode's name, as the CLI and the API take it.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Keyword => "keyword",
            Mode::Semantic => "semantic",
            Mode::Hybrid => "hybrid",
        }
    }
}

impl std::str::FromStr for Mode {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Mode, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "keyword" => Ok(Mode::Keyword),
            "semantic" => Ok(Mode::Semantic),
            "hybrid" => Ok(Mode::Hybrid),
            _ => Err(format!("unknown search mode {s:?} (use keyword, semantic or hybrid)")),
        }
    }
}

impl std::fmt::Display for Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

pub use distill_core::text::passage;

/// Cosine similarity at or above which a semantic hit counts as matching (in totals
/// and facets); below it, hits are still ranked but not counted.
pub const SEMANTIC_FLOOR: f32 = 0.3;
/// Reciprocal rank fusion's constant: `1 / (RRF_K + rank)` per ranking. It and
/// [`SEMANTIC_WEIGHT`] were chosen with `distill eval search --sweep` on ECB+ headlines
/// (the best MRR of the fusions there, with recall@10 above keyword's) and checked on
/// the NeuS set, where hybrid then beats keyword by 0.047 MRR and 0.047 recall@10.
pub const RRF_K: f32 = 10.0;
/// Weight of the keyword ranking in hybrid fusion.
pub const KEYWORD_WEIGHT: f32 = 1.0;
/// Weight of the semantic ranking in hybrid fusion.
pub const SEMANTIC_WEIGHT: f32 = 0.5;
/// Fewest candidates each ranking gives hybrid fusion.
const FUSION_DEPTH: usize = 100;
/// Most candidates each ranking gives hybrid fusion.
const MAX_FUSION_DEPTH: usize = 1000;
/// A word of a plain keyword query held by more articles than this is common: the
/// articles holding a rarer word of the query match, and the common words only add to
/// their scores. A query of common words only that matches more articles than this is
/// broad: its hits are ranked by block-max WAND (articles that cannot reach the page
/// are skipped, not scored), its total is counted without scoring, and its facets
/// count its best [`FACET_DEPTH`] matches. Over a million generated articles, a
/// headline matched half of them through its common words, and scoring and counting
/// every match cost 36 ms at p99 (`distill bench search`).
pub const BROAD_MATCHES: usize = 10_000;
/// How many of a broad query's best matches its facets count.
pub const FACET_DEPTH: usize = 20;
/// Weight of a title match against a body match.
const TITLE_BOOST: f32 = 2.5;

/// The words of a plain query as the index holds them, split by how many articles
/// hold each: at most [`BROAD_MATCHES`] (rare) or more (common).
struct Plain {
    rare: Vec<String>,
    common: Vec<String>,
}

/// Matches with their scores, best first.
type Ranked = Vec<(DocAddress, f32)>;

/// Which of `addresses` are copies: each segment's postings of the copy mark, read
/// once in document order.
fn copies(searcher: &Searcher, addresses: &[DocAddress], mark: &Term) -> Result<Vec<bool>> {
    let mut order: Vec<usize> = (0..addresses.len()).collect();
    order.sort_by_key(|&i| addresses[i]);
    let mut copy = vec![false; addresses.len()];
    for segment in order.chunk_by(|&a, &b| addresses[a].segment_ord == addresses[b].segment_ord) {
        let reader = searcher.segment_reader(addresses[segment[0]].segment_ord);
        let inverted = reader.inverted_index(mark.field())?;
        let read = inverted.read_postings(mark, IndexRecordOption::Basic).map_err(tantivy::TantivyError::from)?;
        let Some(mut postings) = read else { continue };
        for &i in segment {
            let doc = addresses[i].doc_id;
            if postings.doc() < doc {
                postings.seek(doc);
            }
            copy[i] = postings.doc() == doc;
        }
    }
    Ok(copy)
}

/// A search request.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// How to rank; `None` takes hybrid when a sentence encoder is configured, else
    /// keyword.
    pub mode: Option<Mode>,
    /// Query text: words, "phrases", +required, -excluded, title:word.
    pub text: String,
    /// Most hits to return.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Only this source (case-insensitive).
    pub source: Option<String>,
    /// Only articles published on this day or later, on the publisher's calendar (the
    /// day the article page shows).
    pub since: Option<NaiveDate>,
    /// Only articles published before this day, on the publisher's calendar.
    pub until: Option<NaiveDate>,
    /// Also return near-duplicate copies (by default each story appears once).
    pub include_duplicates: bool,
}

/// One search hit.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Hit {
    /// Article id.
    pub id: String,
    /// Title.
    pub title: String,
    /// URL.
    pub url: Option<String>,
    /// Source.
    pub source: Option<String>,
    /// Publication time, in the publisher's offset.
    pub published: Option<DateTime<FixedOffset>>,
    /// The score in the mode used: BM25 (keyword), cosine similarity (semantic) or
    /// the fused reciprocal-rank score (hybrid).
    pub score: f32,
    /// A passage of the body, as plain text.
    pub snippet: String,
    /// Byte ranges of `snippet` that match the query, in order, not overlapping.
    pub highlights: Vec<[usize; 2]>,
}

/// Search results.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Results {
    /// The mode that ranked the hits.
    pub mode: Mode,
    /// Number of matching articles: keyword matches (keyword), articles at or above
    /// [`SEMANTIC_FLOOR`] (semantic), or the fused candidates of both (hybrid).
    pub total: usize,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
    /// Counts of the matching articles by source, language and month.
    pub facets: Facets,
    /// How many matches the facets count: `total`, or fewer where only the best are
    /// counted (a broad keyword query's best [`FACET_DEPTH`]; hybrid's fused
    /// candidates are its total).
    pub facets_counted: usize,
}

struct Fields {
    duplicate: Field,
    id: Field,
    title: Field,
    body: Field,
    source: Field,
    source_key: Field,
    url: Field,
    /// The publication time in RFC 3339, with the publisher's offset.
    published: Field,
    /// The publisher's calendar day, as days from the common era: what date filters
    /// compare, so that a filter agrees with the date shown.
    published_day: Field,
    /// Facet values (fast fields): the source as published, the language, `YYYY-MM`.
    facet_source: Field,
    language: Field,
    month: Field,
}

/// The vector side of an index: where vectors live and the encoder that makes them.
struct Semantic {
    vectors: VectorIndex,
    embedder: Arc<LazyEmbedder>,
}

/// The tantivy index of a data folder.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    /// Serializes this process's catch-ups; the lock file serializes processes.
    lease: Mutex<()>,
    /// The sequence number the reader last loaded, to reload only on a change.
    loaded_seq: AtomicI64,
    fields: Fields,
    semantic: Option<Semantic>,
    /// [`BROAD_MATCHES`], lowered by tests.
    broad_matches: usize,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("en_stem")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED | FAST),
        title: b.add_text_field("title", text.clone()),
        body: b.add_text_field("body", text),
        source: b.add_text_field("source", STORED),
        source_key: b.add_text_field("source_key", STRING),
        duplicate: b.add_text_field("duplicate", STRING),
        url: b.add_text_field("url", STORED),
        published: b.add_text_field("published", STORED),
        published_day: b.add_i64_field("published_day", tantivy::schema::INDEXED),
        facet_source: b.add_text_field("facet_source", STRING | FAST),
        language: b.add_text_field("language", STRING | FAST),
        month: b.add_text_field("month", STRING | FAST),
    };
    (b.build(), fields)
}

/// Writes vectors made elsewhere into the vector folder `dir` (a data folder's
/// `vectors/`) as a new generation that holds the store up to `seq`: a bulk import for
/// tools. `distill bench search` fills a million-article corpus this way rather than
/// embedding every passage on the machine that measures. Each batch is a slice of
/// `(id, vector)` pairs of `dims` values each; returns how many were written. Nothing
/// else may write the folder meanwhile.
pub fn import_vectors(
    dir: &Path,
    model: &str,
    dims: usize,
    seq: i64,
    batches: impl IntoIterator<Item = Vec<(String, Vec<f32>)>>,
) -> Result<usize> {
    let vectors = VectorIndex::open(dir)?;
    let (mut fresh, mut count) = (true, 0);
    for batch in batches {
        if let Some((id, v)) = batch.iter().find(|(_, v)| v.len() != dims) {
            let reason = format!("vector of {id} has {} values, not {dims}", v.len());
            return Err(SearchError::Open { path: dir.display().to_string(), reason });
        }
        let records: Vec<Record<'_>> =
            batch.iter().map(|(id, v)| Record { id, meta: vectors::Meta::default(), vector: Some(v) }).collect();
        vectors.append(model, dims, &records, seq, fresh)?;
        fresh = false;
        count += batch.len();
    }
    if fresh {
        vectors.append(model, dims, &[], seq, true)?;
    }
    Ok(count)
}

impl SearchIndex {
    /// Opens or creates the keyword index in `dir`, without vectors.
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        SearchIndex::open_with(dir, None)
    }

    /// Opens or creates the keyword index in `dir` and, given a vector folder and an
    /// encoder, the vector index beside it (the encoder loads on first use).
    pub fn open_with(dir: &Path, vectors: Option<(PathBuf, Arc<LazyEmbedder>)>) -> Result<SearchIndex> {
        let semantic = match vectors {
            Some((path, embedder)) => Some(Semantic { vectors: VectorIndex::open(&path)?, embedder }),
            None => None,
        };
        std::fs::create_dir_all(dir)
            .map_err(|e| SearchError::Open { path: dir.display().to_string(), reason: e.to_string() })?;
        let (schema, fields) = schema();
        let directory = tantivy::directory::MmapDirectory::open(dir)
            .map_err(|e| SearchError::Open { path: dir.display().to_string(), reason: e.to_string() })?;
        let index = match Index::open_or_create(directory, schema.clone()) {
            Ok(index) => index,
            // An index written by an older schema is only a replica: start it
            // afresh, and the next sync rebuilds it from the store.
            Err(tantivy::TantivyError::SchemaError(_)) => {
                std::fs::remove_dir_all(dir)
                    .and_then(|_| std::fs::create_dir_all(dir))
                    .map_err(|e| SearchError::Open { path: dir.display().to_string(), reason: e.to_string() })?;
                let directory = tantivy::directory::MmapDirectory::open(dir)
                    .map_err(|e| SearchError::Open { path: dir.display().to_string(), reason: e.to_string() })?;
                Index::create(directory, schema, tantivy::IndexSettings::default())?
            }
            Err(e) => return Err(e.into()),
        };
        // A query searches the index's segments on every core at once.
        let mut index = index;
        index.set_default_multithread_executor()?;
        // Readers follow commits made by any process (tantivy watches meta.json).
        let reader = index.reader_builder().reload_policy(ReloadPolicy::OnCommitWithDelay).try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            lease: Mutex::new(()),
            loaded_seq: AtomicI64::new(-1),
            fields,
            semantic,
            broad_matches: BROAD_MATCHES,
        })
    }

    /// The store sequence number this index has committed.
    pub fn indexed_seq(&self) -> Result<i64> {
        let metas = self.index.load_metas()?;
        Ok(metas.payload.and_then(|p| p.parse().ok()).unwrap_or(0))
    }

    /// Brings the index up to date with the store's change log; returns how many
    /// articles were (re)indexed.
    ///
    /// The index writer is a lease, not a possession: it is taken for one catch-up
    /// and released at once, so any number of processes can share a data folder.
    /// When another process holds it, this waits up to `wait` for it (that process
    /// is catching up too, and its pass may already include our changes) and then
    /// returns [`SearchError::Busy`]; the store keeps the changes, and the next
    /// process to sync indexes them.
    pub fn sync_within(&self, store: &dyn Store, wait: Duration) -> Result<usize> {
        let indexed = self.indexed_seq()?;
        let last = store.last_seq()?;
        if indexed >= last && !self.vectors_behind(last)? {
            // Another process may have committed since this reader last loaded.
            if self.loaded_seq.swap(indexed, Ordering::Relaxed) != indexed {
                self.reader.reload()?;
            }
            return Ok(0);
        }
        let _local = self.lease.lock().unwrap_or_else(|p| p.into_inner());
        let writer = self.take_writer(wait)?;
        // Read again under the lease: the last holder may have caught up already.
        let from = self.indexed_seq()?;
        self.index_changes(store, writer, from, false)
    }

    /// Whether the vector index holds less of the store than `last` (never, without
    /// an encoder that loads).
    fn vectors_behind(&self, last: i64) -> Result<bool> {
        let Some(semantic) = &self.semantic else { return Ok(false) };
        semantic.vectors.refresh()?;
        Ok(semantic.vectors.seq()? < last && semantic.embedder.get().is_ok())
    }

    /// Embeds the originals among the store's changes after `from` (with `fresh`,
    /// every article, replacing the vectors) and commits them in steps, so a long
    /// catch-up keeps what it did. The caller holds the writer lease.
    fn embed_changes(&self, store: &dyn Store, fresh: bool) -> Result<usize> {
        let Some(semantic) = &self.semantic else { return Ok(0) };
        let embedder = match semantic.embedder.get() {
            Ok(embedder) => embedder,
            Err(error) => {
                tracing::warn!(%error, "the vector index is not updated");
                return Ok(0);
            }
        };
        let (model, dims) = (embedder.model_name().to_string(), embedder.dimensions());
        let mut seq = if fresh { 0 } else { semantic.vectors.seq_for(&model, dims)? };
        let mut fresh = fresh || seq == 0;
        let mut count = 0;
        loop {
            let changes = store.changes_since(seq, 256)?;
            let Some(last) = changes.last() else { break };
            seq = last.seq;
            let originals: Vec<&Article> =
                changes.iter().map(|c| &c.article).filter(|a| a.duplicate_of.is_none()).collect();
            let passages: Vec<String> = originals.iter().map(|a| passage(&a.title, &a.text)).collect();
            let texts: Vec<&str> = passages.iter().map(String::as_str).collect();
            let embedded = embedder.embed(&texts)?;
            let mut by_id: HashMap<&str, &[f32]> = HashMap::new();
            for (article, vector) in originals.iter().zip(&embedded) {
                by_id.insert(&article.id, vector);
            }
            let records: Vec<Record<'_>> = changes
                .iter()
                .map(|c| Record {
                    id: &c.article.id,
                    meta: meta_of(&c.article),
                    vector: by_id.get(&*c.article.id).copied(),
                })
                .collect();
            semantic.vectors.append(&model, dims, &records, seq, fresh)?;
            fresh = false;
            count += originals.len();
        }
        if fresh {
            // Nothing in the store: an empty generation for this model.
            semantic.vectors.append(&model, dims, &[], store.last_seq()?, true)?;
        }
        Ok(count)
    }

    /// An article's stored vector (an original's, embedded from its [`passage`]), when
    /// the vector index holds one as of its last sync or reload: what a story
    /// clusterer replays without embedding again.
    pub fn stored_vector(&self, id: &str) -> Option<Vec<f32>> {
        self.semantic.as_ref()?.vectors.vector(id)
    }

    /// Number of article vectors (0 without an encoder).
    pub fn num_vectors(&self) -> usize {
        self.semantic.as_ref().map_or(0, |s| {
            let _ = s.vectors.refresh();
            s.vectors.len()
        })
    }

    /// Whether semantic and hybrid search are available: an encoder is configured and
    /// its model loads.
    pub fn semantic_available(&self) -> bool {
        self.semantic.as_ref().is_some_and(|s| s.embedder.get().is_ok())
    }

    /// The encoder, when one is configured (for callers that embed the same passages).
    pub fn embedder(&self) -> Option<&Arc<LazyEmbedder>> {
        self.semantic.as_ref().map(|s| &s.embedder)
    }

    /// [`SearchIndex::sync_within`] with the default wait for the writer lease.
    pub fn sync(&self, store: &dyn Store) -> Result<usize> {
        self.sync_within(store, LEASE_WAIT)
    }

    /// Re-indexes the whole store in one commit: readers see the old index until
    /// the new one is complete, never an empty one.
    pub fn rebuild(&self, store: &dyn Store) -> Result<usize> {
        let _local = self.lease.lock().unwrap_or_else(|p| p.into_inner());
        let writer = self.take_writer(LEASE_WAIT)?;
        self.index_changes(store, writer, 0, true)
    }

    /// Indexes the store's changes after sequence number `from` (with `fresh`, every
    /// article, replacing all the index holds), commits once, and releases the writer.
    fn index_changes(&self, store: &dyn Store, mut writer: IndexWriter, from: i64, fresh: bool) -> Result<usize> {
        if fresh {
            writer.delete_all_documents()?;
        }
        let result = self.index_keywords(store, &mut writer, from, fresh).and_then(|count| {
            // Vectors follow under the same lease, from their own sequence number.
            let last = store.last_seq()?;
            let behind = match &self.semantic {
                Some(s) => fresh || s.vectors.seq()? < last,
                None => false,
            };
            if behind {
                self.embed_changes(store, fresh)?;
            }
            Ok(count)
        });
        // Waiting for the merges drops the writer and with it the lock file.
        writer.wait_merging_threads()?;
        let count = result?;
        let seq = self.indexed_seq()?;
        self.reader.reload()?;
        self.loaded_seq.store(seq, Ordering::Relaxed);
        Ok(count)
    }

    /// The keyword half of a catch-up: indexes and commits, keeping the writer.
    fn index_keywords(&self, store: &dyn Store, writer: &mut IndexWriter, from: i64, fresh: bool) -> Result<usize> {
        let (mut seq, mut count) = (from, 0);
        loop {
            let changes = store.changes_since(seq, 1000)?;
            let Some(last) = changes.last() else { break };
            seq = last.seq;
            for change in &changes {
                self.add(writer, &change.article)?;
            }
            count += changes.len();
        }
        if count > 0 || fresh {
            let mut commit = writer.prepare_commit()?;
            commit.set_payload(&seq.to_string());
            commit.commit()?;
            // Searches see what the payload says is indexed from now on, not only
            // once the vectors and merges that follow are done (health read a lag of
            // 0 beside no documents in that gap).
            self.reader.reload()?;
        }
        Ok(count)
    }

    /// Takes the index writer, retrying while another process holds it.
    fn take_writer(&self, wait: Duration) -> Result<IndexWriter> {
        let deadline = Instant::now() + wait;
        let mut pause = Duration::from_millis(5);
        loop {
            match self.index.writer(WRITER_MEMORY) {
                Ok(writer) => return Ok(writer),
                Err(tantivy::TantivyError::LockFailure(tantivy::directory::error::LockError::LockBusy, _))
                    if Instant::now() < deadline =>
                {
                    std::thread::sleep(pause.min(deadline.saturating_duration_since(Instant::now())));
                    pause = (pause * 2).min(Duration::from_millis(200));
                }
                Err(tantivy::TantivyError::LockFailure(tantivy::directory::error::LockError::LockBusy, _)) => {
                    return Err(SearchError::Busy(wait));
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    fn add(&self, writer: &IndexWriter, article: &Article) -> Result<()> {
        let f = &self.fields;
        writer.delete_term(Term::from_field_text(f.id, &article.id));
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, &article.id);
        doc.add_text(f.title, &article.title);
        doc.add_text(f.body, &article.text);
        if let Some(source) = &article.source {
            doc.add_text(f.source, source);
            doc.add_text(f.source_key, source.to_lowercase());
            doc.add_text(f.facet_source, source);
        }
        if let Some(language) = &article.language {
            doc.add_text(f.language, language);
        }
        if article.duplicate_of.is_some() {
            doc.add_text(f.duplicate, "1");
        }
        if let Some(url) = &article.url {
            doc.add_text(f.url, url);
        }
        if let Some(published) = article.published {
            doc.add_text(f.published, published.to_rfc3339());
            doc.add_i64(f.published_day, i64::from(published.date_naive().num_days_from_ce()));
            doc.add_text(f.month, published.format("%Y-%m").to_string());
        }
        writer.add_document(doc)?;
        Ok(())
    }

    /// Runs a query. Syntax errors never fail a search: the parser keeps what it can.
    pub fn search(&self, q: &SearchQuery) -> Result<Results> {
        let f = &self.fields;
        let text = q.text.trim();
        if text.len() > MAX_QUERY_BYTES {
            return Err(SearchError::BadQuery(format!("query is {} bytes long (limit {MAX_QUERY_BYTES})", text.len())));
        }
        if text.is_empty() {
            return Err(SearchError::BadQuery("empty query".into()));
        }
        let mode = match q.mode {
            Some(mode) => mode,
            None if self.semantic_available() => Mode::Hybrid,
            None => Mode::Keyword,
        };
        if mode != Mode::Keyword && !self.semantic_available() {
            return Err(SearchError::NoModel(self.no_model_reason(mode)));
        }
        let mut parser = QueryParser::for_index(&self.index, vec![f.title, f.body]);
        parser.set_field_boost(f.title, TITLE_BOOST);
        let words = without_stopwords(&defuse(text));
        let searcher = self.reader.searcher();
        let (mut text_query, _errors) = parser.parse_query_lenient(&words);
        // Plain words that many articles hold only score the articles that hold a
        // rarer word of the query, as Elasticsearch's common-terms query did; where
        // every word is common, block-max WAND ranks the union (without filters).
        let filtered = q.source.is_some() || q.since.is_some() || q.until.is_some();
        let plain = self.plain_terms(&words).map(|terms| {
            let df = |t: &String| searcher.doc_freq(&Term::from_field_text(f.body, t)).unwrap_or(0);
            let (common, rare) = terms.into_iter().partition(|t| df(t) > self.broad_matches as u64);
            Plain { rare, common }
        });
        if let Some(p) = &plain
            && !p.rare.is_empty()
            && !p.common.is_empty()
        {
            let common = self.term_queries(&p.common).into_iter().map(|(_, q)| q).collect();
            text_query = Box::new(RareDriven { rare: Box::new(self.union(&p.rare)), common });
        }
        // Unfiltered plain words that are all common are ranked by block-max WAND
        // (filters make a query narrow; rarer words drive the query above).
        let common_only: Option<Vec<String>> = plain.filter(|p| !filtered && p.rare.is_empty()).map(|p| p.common);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query.box_clone())];
        if let Some(source) = &q.source {
            let term = Term::from_field_text(f.source_key, &source.to_lowercase());
            clauses.push((Occur::Must, Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
        }
        if q.since.is_some() || q.until.is_some() {
            let bound = |d: Option<NaiveDate>, inclusive: bool| match d {
                Some(d) => {
                    let term = Term::from_field_i64(f.published_day, i64::from(d.num_days_from_ce()));
                    if inclusive { Bound::Included(term) } else { Bound::Excluded(term) }
                }
                None => Bound::Unbounded,
            };
            clauses.push((Occur::Must, Box::new(RangeQuery::new(bound(q.since, true), bound(q.until, false)))));
        }
        if !q.include_duplicates {
            clauses.push((Occur::MustNot, Box::new(self.duplicate_query())));
        }
        let query = BooleanQuery::new(clauses);
        let limit = q.limit.clamp(1, 1000);
        let offset = q.offset.min(MAX_OFFSET);
        let mut snippets = SnippetGenerator::create(&searcher, &*text_query, f.body)?;
        snippets.set_max_num_chars(220);
        // Each ranking as (address, score), best first, with the total and the facets.
        let (ranked, total, facets, facets_counted): (Vec<(DocAddress, f32)>, usize, Facets, usize) = match mode {
            Mode::Keyword => {
                let pruned = match &common_only {
                    Some(common) => self.keyword_broad(&searcher, common, offset + limit, !q.include_duplicates)?,
                    None => None,
                };
                match pruned {
                    Some((ranked, total, facets, counted)) => {
                        (ranked.into_iter().skip(offset).collect(), total, facets, counted)
                    }
                    None => {
                        let top = TopDocs::with_limit(limit).and_offset(offset).order_by_score();
                        let (top, total, facets) = searcher.search(&query, &(top, Count, FacetCollector))?;
                        (top.into_iter().map(|(score, address)| (address, score)).collect(), total, facets, total)
                    }
                }
            }
            Mode::Semantic => {
                let scan = self.semantic_scan(text, q, offset + limit)?;
                let mut tally = Tally::default();
                scan.facet_metas.iter().for_each(|m| tally.add(m));
                let mut ranked = Vec::new();
                for hit in scan.top.iter().skip(offset) {
                    if let Some(address) = self.address_of(&searcher, &hit.id)? {
                        ranked.push((address, hit.score));
                    }
                }
                (ranked, scan.matched, tally.finish(), scan.matched)
            }
            Mode::Hybrid => {
                let depth = (offset + limit).clamp(FUSION_DEPTH, MAX_FUSION_DEPTH);
                let pruned = match &common_only {
                    Some(common) => self.ranked(&searcher, &self.union(common), depth, !q.include_duplicates)?,
                    None => None,
                };
                let keyword: Vec<(f32, DocAddress)> = match pruned {
                    Some(ranked) => ranked.into_iter().map(|(address, score)| (score, address)).collect(),
                    None => searcher.search(&query, &TopDocs::with_limit(depth).order_by_score())?,
                };
                let scan = self.semantic_scan(text, q, depth)?;
                let mut fused: HashMap<String, (f32, Option<DocAddress>)> = HashMap::new();
                for (rank, (_, address)) in keyword.iter().enumerate() {
                    let id = self.id_of(&searcher, *address)?;
                    fused.insert(id, (KEYWORD_WEIGHT / (RRF_K + rank as f32 + 1.0), Some(*address)));
                }
                for (rank, hit) in scan.top.iter().enumerate() {
                    fused.entry(hit.id.clone()).or_insert((0.0, None)).0 +=
                        SEMANTIC_WEIGHT / (RRF_K + rank as f32 + 1.0);
                }
                let mut fused: Vec<(String, f32, Option<DocAddress>)> =
                    fused.into_iter().map(|(id, (score, address))| (id, score, address)).collect();
                fused.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                let mut tally = Tally::default();
                for (id, _, address) in &fused {
                    match address {
                        Some(address) => {
                            let reader = searcher.segment_reader(address.segment_ord);
                            tally.add(&Columns::open(reader)?.meta(address.doc_id));
                        }
                        None => {
                            if let Some(meta) = self.semantic.as_ref().and_then(|s| s.vectors.meta(id)) {
                                tally.add(&meta);
                            }
                        }
                    }
                }
                let mut ranked = Vec::new();
                for (id, score, address) in fused.iter().skip(offset).take(limit) {
                    let address = match address {
                        Some(address) => Some(*address),
                        None => self.address_of(&searcher, id)?,
                    };
                    if let Some(address) = address {
                        ranked.push((address, *score));
                    }
                }
                (ranked, fused.len(), tally.finish(), fused.len())
            }
        };
        let mut hits = Vec::with_capacity(ranked.len());
        for (address, score) in ranked.into_iter().take(limit) {
            let doc: TantivyDocument = searcher.doc(address)?;
            let text = |field: Field| doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string);
            let snippet = snippets.snippet_from_doc(&doc);
            let (passage, highlights) = if snippet.is_empty() {
                (text(f.body).unwrap_or_default().chars().take(200).collect(), Vec::new())
            } else {
                let ranges = snippet.highlighted().iter().map(|r| [r.start, r.end]).collect();
                (snippet.fragment().to_string(), ranges)
            };
            hits.push(Hit {
                id: text(f.id).unwrap_or_default(),
                title: text(f.title).unwrap_or_default(),
                url: text(f.url),
                source: text(f.source),
                published: text(f.published).and_then(|t| DateTime::parse_from_rfc3339(&t).ok()),
                score,
                snippet: passage,
                highlights,
            });
        }
        Ok(Results { mode, total, hits, facets, facets_counted })
    }

    /// The terms of a query of plain words (no phrase, field or operator, and no word
    /// the tokenizer splits, which the parser reads as a phrase), as the index holds
    /// them; `None` for any other query.
    fn plain_terms(&self, words: &str) -> Option<Vec<String>> {
        const SYNTAX: &[char] =
            &['"', '\'', ':', '+', '-', '(', ')', '*', '^', '~', '[', ']', '{', '}', '!', '\\', '/', '<', '>', '='];
        let mut analyzer = self.index.tokenizer_for_field(self.fields.body).ok()?;
        let mut terms: Vec<String> = Vec::new();
        for word in words.split_whitespace() {
            if word.contains(SYNTAX) || ["AND", "OR", "NOT", "IN"].contains(&word) {
                return None;
            }
            let mut stream = analyzer.token_stream(word);
            let mut tokens = Vec::new();
            while stream.advance() {
                tokens.push(stream.token().text.clone());
            }
            match tokens.as_slice() {
                [] => {}
                [token] if !terms.contains(token) => terms.push(token.clone()),
                [_] => {}
                _ => return None,
            }
        }
        (!terms.is_empty()).then_some(terms)
    }

    /// Terms as one flat union of term queries over the boosted title and the body:
    /// what the parser makes of plain words, scored the same, in the shape that
    /// tantivy ranks with block-max WAND.
    fn union(&self, terms: &[String]) -> BooleanQuery {
        BooleanQuery::new(self.term_queries(terms))
    }

    /// Each term's query in the boosted title and in the body.
    fn term_queries(&self, terms: &[String]) -> Vec<(Occur, Box<dyn Query>)> {
        let f = &self.fields;
        terms
            .iter()
            .flat_map(|t| {
                let title = TermQuery::new(Term::from_field_text(f.title, t), IndexRecordOption::WithFreqs);
                let body = TermQuery::new(Term::from_field_text(f.body, t), IndexRecordOption::WithFreqs);
                [
                    (Occur::Should, Box::new(BoostQuery::new(Box::new(title), TITLE_BOOST)) as Box<dyn Query>),
                    (Occur::Should, Box::new(body) as Box<dyn Query>),
                ]
            })
            .collect()
    }

    /// A query of common words only (each held by more than [`BROAD_MATCHES`]
    /// articles), unfiltered: its best `want` originals (at least [`FACET_DEPTH`]),
    /// ranked by block-max WAND, its total counted without scoring, its facets counted
    /// in its best matches, and how many those are. `None` when copies leave it
    /// [`BROAD_MATCHES`] originals or fewer (scoring and counting them all is cheap),
    /// or crowd its top so far that pruning does not pay.
    fn keyword_broad(
        &self,
        searcher: &Searcher,
        common: &[String],
        want: usize,
        originals_only: bool,
    ) -> Result<Option<(Ranked, usize, Facets, usize)>> {
        let flat = self.union(common);
        // Counting takes the second core while the first ranks (a large index is
        // mostly one segment, which one core searches).
        let count = |query: &BooleanQuery| -> Result<usize> {
            let matches = query.count(searcher)?;
            let copies = if originals_only {
                let duplicate: Box<dyn Query> = Box::new(self.duplicate_query());
                let both = vec![(Occur::Must, Box::new(query.clone()) as Box<dyn Query>), (Occur::Must, duplicate)];
                BooleanQuery::new(both).count(searcher)?
            } else {
                0
            };
            Ok(matches - copies)
        };
        let (total, ranked) = std::thread::scope(|scope| {
            let counting = scope.spawn(|| count(&flat));
            let ranked = self.ranked(searcher, &flat, want.max(FACET_DEPTH), originals_only);
            let counted = counting.join().unwrap_or_else(|_| {
                Err(tantivy::TantivyError::InternalError("counting the matches failed".into()).into())
            });
            (counted, ranked)
        });
        let (total, ranked) = (total?, ranked?);
        let Some(ranked) = ranked.filter(|_| total > self.broad_matches) else {
            return Ok(None);
        };
        let mut best: Vec<DocAddress> = ranked.iter().take(FACET_DEPTH).map(|(a, _)| *a).collect();
        best.sort();
        let mut tally = Tally::default();
        for segment in best.chunk_by(|a, b| a.segment_ord == b.segment_ord) {
            let columns = Columns::open(searcher.segment_reader(segment[0].segment_ord))?;
            segment.iter().for_each(|a| tally.add(&columns.meta(a.doc_id)));
        }
        let counted = best.len();
        Ok(Some((ranked, total, tally.finish(), counted)))
    }

    /// The best `want` matches of `flat`, best first, ranked by block-max WAND; with
    /// `originals_only`, no copies: asks for more while copies take places, and gives
    /// up (`None`) after three tries.
    fn ranked(
        &self,
        searcher: &Searcher,
        flat: &BooleanQuery,
        want: usize,
        originals_only: bool,
    ) -> Result<Option<Ranked>> {
        let mark = Term::from_field_text(self.fields.duplicate, "1");
        let mut k = if originals_only { want + want / 2 + 10 } else { want };
        for _ in 0..3 {
            let top = searcher.search(flat, &TopDocs::with_limit(k).order_by_score())?;
            let addresses: Vec<DocAddress> = top.iter().map(|(_, a)| *a).collect();
            let copy = if originals_only { copies(searcher, &addresses, &mark)? } else { vec![false; top.len()] };
            let full = top.len() == k;
            let kept: Ranked = top
                .into_iter()
                .zip(copy)
                .filter(|(_, copy)| !copy)
                .map(|((score, address), _)| (address, score))
                .collect();
            if kept.len() >= want || !full {
                return Ok(Some(kept.into_iter().take(want).collect()));
            }
            k *= 4;
        }
        Ok(None)
    }

    fn duplicate_query(&self) -> TermQuery {
        TermQuery::new(Term::from_field_text(self.fields.duplicate, "1"), IndexRecordOption::Basic)
    }

    /// Why semantic search cannot run, in words that say how to fix it.
    fn no_model_reason(&self, mode: Mode) -> String {
        match self.semantic.as_ref().map(|s| s.embedder.get()) {
            Some(Err(e)) => format!("{mode} search needs the sentence encoder, which failed to load: {e}"),
            _ => format!(
                "{mode} search needs a sentence encoder: pass --models DIR or set DISTILL_MODELS (fetch one with scripts/fetch-models.sh DIR)"
            ),
        }
    }

    /// The vector scan of a query with its filters (copies have no vectors).
    fn semantic_scan(&self, text: &str, q: &SearchQuery, k: usize) -> Result<vectors::Scan> {
        let Some(semantic) = &self.semantic else {
            return Err(SearchError::NoModel(self.no_model_reason(Mode::Semantic)));
        };
        let embedder = semantic.embedder.get()?;
        let vector = embedder.embed(&[text])?.pop().unwrap_or_default();
        semantic.vectors.refresh()?;
        let source = q.source.as_ref().map(|s| s.to_lowercase());
        let since = q.since.map(|d| d.num_days_from_ce());
        let until = q.until.map(|d| d.num_days_from_ce());
        let keep = |m: &Meta| {
            if let Some(source) = &source
                && m.source.as_ref().is_none_or(|s| s.to_lowercase() != *source)
            {
                return false;
            }
            if since.is_some() || until.is_some() {
                let Some(day) = m.day else { return false };
                if since.is_some_and(|s| day < s) || until.is_some_and(|u| day >= u) {
                    return false;
                }
            }
            true
        };
        Ok(semantic.vectors.scan(&vector, k, SEMANTIC_FLOOR, &keep))
    }

    /// The address of an article's document, if indexed.
    fn address_of(&self, searcher: &tantivy::Searcher, id: &str) -> Result<Option<DocAddress>> {
        let query = TermQuery::new(Term::from_field_text(self.fields.id, id), IndexRecordOption::Basic);
        Ok(searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?.first().map(|(_, a)| *a))
    }

    /// The article id of a document, from its fast field.
    fn id_of(&self, searcher: &tantivy::Searcher, address: DocAddress) -> Result<String> {
        let reader = searcher.segment_reader(address.segment_ord);
        let mut id = String::new();
        if let Some(column) = reader.fast_fields().str("id")?
            && let Some(ord) = column.ords().first(address.doc_id)
        {
            column.ord_to_str(ord, &mut id).map_err(|e| SearchError::Index(e.into()))?;
        }
        Ok(id)
    }

    /// Number of documents in the index.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }
}

/// Filter and facet values of an article, as the vector index keeps them.
fn meta_of(article: &Article) -> Meta {
    Meta {
        source: article.source.clone(),
        language: article.language.clone(),
        day: article.published.map(|p| p.date_naive().num_days_from_ce()),
        month: article.published.map(|p| p.format("%Y-%m").to_string()),
    }
}

/// Flattens deeply nested parentheses, which the query grammar would otherwise
/// recurse into without bound.
/// English function words (Lucene's classic English stop set): nearly every article
/// holds them, so in a query they score next to nothing and only make it visit every
/// document.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
    "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
];

/// The query without its free-standing stopwords, when a word would be left: a
/// headline typed as a query ("Pilots strike at the port") then visits the articles
/// with its content words, not every article. Words inside quotes (phrases), words
/// with a field or an operator ("title:the", "+the"), and words in capitals ("AND",
/// "IT") stay.
fn without_stopwords(text: &str) -> String {
    let mut quoted = false;
    let mut kept: Vec<&str> = Vec::new();
    let mut dropped = false;
    for token in text.split_whitespace() {
        let starts_quoted = quoted;
        quoted ^= token.matches('"').count() % 2 == 1;
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        let plain = !starts_quoted && !token.contains(['"', ':', '+', '-', '(', ')', '*', '^', '~']);
        // All capitals is an operator ("AND") or an acronym ("IT"), not a stopword.
        let shouted = word.len() > 1 && word.chars().all(|c| c.is_uppercase());
        let stopword = !shouted && STOPWORDS.contains(&word.to_lowercase().as_str());
        if plain && stopword && word == token.trim_end_matches([',', '.', '?', '!', ';']) {
            dropped = true;
            continue;
        }
        kept.push(token);
    }
    let content = kept.iter().any(|t| !["AND", "OR", "NOT"].contains(t));
    if dropped && content { kept.join(" ") } else { text.to_string() }
}

fn defuse(text: &str) -> String {
    let mut depth = 0i32;
    let mut max = 0i32;
    for c in text.chars() {
        match c {
            '(' => {
                depth += 1;
                max = max.max(depth);
            }
            ')' => depth -= 1,
            _ => {}
        }
    }
    if max > 8 { text.replace(['(', ')'], " ") } else { text.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use distill_store::SqliteStore;

    fn article(id: &str, title: &str, text: &str, source: &str, day: u32) -> Article {
        Article {
            url: Some(format!("https://example.com/{id}")),
            source: Some(source.into()),
            published: chrono::NaiveDate::from_ymd_opt(2026, 9, day)
                .map(|d| d.and_hms_opt(12, 0, 0).unwrap().and_utc().fixed_offset()),
            language: Some("en".into()),
            ..Article::sample(id, title, text)
        }
    }

    #[test]
    fn stopwords_leave_a_query_unless_nothing_else_is_left() {
        assert_eq!(without_stopwords("Pilots strike at the port"), "Pilots strike port");
        assert_eq!(without_stopwords("the who"), "who");
        // Only stopwords: the query stays as typed.
        assert_eq!(without_stopwords("to be or not to be"), "to be or not to be");
        // Phrases, fields, operators and upper-case operators are left alone.
        assert_eq!(without_stopwords("\"the state of the union\" and taxes"), "\"the state of the union\" taxes");
        assert_eq!(without_stopwords("title:the +of strike AND port"), "title:the +of strike AND port");
        // Capitalized and punctuated stopwords go too; names that merely contain one stay.
        assert_eq!(without_stopwords("The strike, in Theta"), "strike, Theta");
        assert_eq!(without_stopwords("IT jobs in the city"), "IT jobs city");
    }

    #[test]
    fn search_follows_the_store_and_filters() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("db")).unwrap();
        store
            .upsert_batch(&[
                article(
                    "a",
                    "Port strike ends",
                    "Dock workers at the port ended their strike after a wage deal.",
                    "Harbor Gazette",
                    3,
                ),
                article(
                    "b",
                    "Rates rise again",
                    "The central bank raised rates; dock owners worried about the strike's cost.",
                    "Capital Daily",
                    10,
                ),
            ])
            .unwrap();
        let index = SearchIndex::open(&dir.path().join("index")).unwrap();
        assert_eq!(index.sync(&store).unwrap(), 2);
        assert_eq!(index.sync(&store).unwrap(), 0);
        assert_eq!(index.indexed_seq().unwrap(), 2);
        let q = |text: &str| SearchQuery { text: text.into(), limit: 10, ..Default::default() };
        let r = index.search(&q("strikes")).unwrap();
        assert_eq!(r.total, 2);
        assert_eq!(r.hits[0].id, "a", "title match ranks first");
        let hit = &r.hits[0];
        let marked: Vec<&str> = hit.highlights.iter().map(|[a, b]| &hit.snippet[*a..*b]).collect();
        assert!(marked.iter().any(|m| m.eq_ignore_ascii_case("strike")), "{marked:?} in {}", hit.snippet);
        let r = index.search(&SearchQuery { source: Some("capital daily".into()), ..q("strike") }).unwrap();
        assert_eq!(r.hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["b"]);
        let since = NaiveDate::from_ymd_opt(2026, 9, 5).unwrap();
        let r = index.search(&SearchQuery { since: Some(since), ..q("strike") }).unwrap();
        assert_eq!(r.total, 1);
        // An update replaces the document instead of adding a second one.
        store
            .upsert(&article("a", "Port strike ends", "Dock workers returned to work on Monday.", "Harbor Gazette", 3))
            .unwrap();
        index.sync(&store).unwrap();
        assert_eq!(index.num_docs(), 2);
        assert_eq!(index.search(&q("returned")).unwrap().total, 1);
        // A copy is found only when copies are asked for.
        let mut copy = article("c", "Port strike ends, copied", "Dock workers returned to work on Monday.", "Wire", 4);
        copy.duplicate_of = Some("a".into());
        store.upsert(&copy).unwrap();
        index.sync(&store).unwrap();
        assert_eq!(index.search(&q("returned")).unwrap().total, 1);
        assert_eq!(index.search(&SearchQuery { include_duplicates: true, ..q("returned") }).unwrap().total, 2);
    }

    /// Guards the shared data folder: the writer is a lease taken per catch-up, so
    /// a second handle (another process) can write after the first, a holder blocks
    /// the other only for its wait, and a reader sees the other's commits.
    #[test]
    fn a_broad_query_ranks_and_counts_as_every_match_would() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("db")).unwrap();
        let words = ["harbour", "strike", "pilots", "council", "bridge", "ferry", "wages", "storm"];
        let mut articles: Vec<Article> = (0..120)
            .map(|i| {
                let text: Vec<&str> = (0..12).map(|k| words[(i * 7 + k * (i % 5 + 1)) % words.len()]).collect();
                let title = format!("{} {} report {i}", words[i % 8], words[(i / 8) % 8]);
                article(&format!("a{i:03}"), &title, &text.join(" "), &format!("Outlet {}", i % 6), (i % 28 + 1) as u32)
            })
            .collect();
        // Copies rank first for the query and must not take the page. Each scores
        // differently (one more "harbour" each): equal scores in two segments may come
        // back in either order, which would compare tie order, not ranking.
        for i in 0..15 {
            let body = format!("harbour strike pilots{}", " harbour".repeat(i));
            let mut copy = article(&format!("c{i:02}"), "harbour strike harbour strike", &body, "Wire", 2);
            copy.duplicate_of = Some("a000".into());
            articles.push(copy);
        }
        store.upsert_batch(&articles).unwrap();
        let mut broad = SearchIndex::open(&dir.path().join("index")).unwrap();
        broad.sync(&store).unwrap();
        broad.broad_matches = 10;
        let exact = SearchIndex::open(&dir.path().join("index")).unwrap();
        for (text, offset, include_duplicates) in
            [("harbour strike", 0, false), ("pilots storm, wages", 5, false), ("harbour strike", 0, true)]
        {
            let q = SearchQuery { text: text.into(), limit: 10, offset, include_duplicates, ..Default::default() };
            let (b, e) = (broad.search(&q).unwrap(), exact.search(&q).unwrap());
            let ids = |r: &Results| r.hits.iter().map(|h| h.id.clone()).collect::<Vec<_>>();
            assert_eq!(ids(&b), ids(&e), "{text}");
            assert_eq!(b.total, e.total, "{text}");
            assert!(b.total > 10 && e.facets_counted == e.total, "{text}: {}", e.total);
            assert_eq!(b.facets_counted, b.total.min(FACET_DEPTH), "{text}");
            let counted: usize = b.facets.source.iter().map(|c| c.count).sum();
            assert_eq!(counted, b.facets_counted, "every counted match has a source");
            assert_eq!(ids(&b).iter().any(|id| id.starts_with('c')), include_duplicates, "{text}");
        }
        // A phrase is no plain query: it takes the parser's path, and still answers.
        let q = SearchQuery { text: "\"harbour strike\"".into(), limit: 10, ..Default::default() };
        assert_eq!(broad.search(&q).unwrap().facets_counted, broad.search(&q).unwrap().total);
    }

    #[test]
    fn common_words_only_score_the_articles_that_hold_a_rare_one() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("db")).unwrap();
        let mut articles: Vec<Article> = (0..40)
            .map(|i| {
                let text = if i % 2 == 0 { "harbour strike harbour" } else { "strike over wages" };
                article(&format!("a{i:02}"), &format!("Harbour strike day {i}"), text, "Gazette", 3)
            })
            .collect();
        for (i, title) in ["Ferry pilots", "Harbour ferry strike", "Ferry harbour strike strike"].iter().enumerate() {
            articles.push(article(&format!("f{i}"), title, "The ferry crossed the harbour.", "Gazette", 4));
        }
        store.upsert_batch(&articles).unwrap();
        let mut split = SearchIndex::open(&dir.path().join("index")).unwrap();
        split.sync(&store).unwrap();
        split.broad_matches = 10;
        let exact = SearchIndex::open(&dir.path().join("index")).unwrap();
        let q = SearchQuery { text: "ferry harbour strike".into(), limit: 10, ..Default::default() };
        let (r, e) = (split.search(&q).unwrap(), exact.search(&q).unwrap());
        assert_eq!(r.total, 3, "only the articles with the rare word match");
        assert_eq!(e.total, 43, "every article holds a word of the query");
        // Scored as the whole query scores them, common words included.
        let ids: Vec<&str> = r.hits.iter().map(|h| h.id.as_str()).collect();
        let theirs: Vec<&str> = e.hits.iter().map(|h| h.id.as_str()).filter(|id| id.starts_with('f')).collect();
        assert_eq!(ids, theirs);
        for hit in &r.hits {
            let score = e.hits.iter().find(|h| h.id == hit.id).map(|h| h.score).unwrap();
            assert!((score - hit.score).abs() < 1e-4, "{}: {} against {score}", hit.id, hit.score);
        }
        assert!(r.hits.iter().all(|h| h.highlights.len() == 2), "common words are marked too: {:?}", r.hits);
    }

    #[test]
    fn handles_on_one_folder_take_turns_with_the_writer() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("distill.db")).unwrap();
        let first = SearchIndex::open(&dir.path().join("index")).unwrap();
        let second = SearchIndex::open(&dir.path().join("index")).unwrap();
        let q = |text: &str| SearchQuery { text: text.into(), limit: 10, ..Default::default() };
        store.upsert(&article("a", "Pilots strike", "The harbour pilots walked out.", "Harbor Gazette", 1)).unwrap();
        assert_eq!(first.sync(&store).unwrap(), 1);
        assert_eq!(second.sync(&store).unwrap(), 0, "the first handle's commit counts for both");
        assert_eq!(second.search(&q("pilots")).unwrap().total, 1);
        store.upsert(&article("b", "Ferries cancelled", "All ferries were cancelled.", "Harbor Gazette", 2)).unwrap();
        let held = first.index.writer::<TantivyDocument>(WRITER_MEMORY).unwrap();
        match second.sync_within(&store, Duration::from_millis(50)) {
            Err(SearchError::Busy(_)) => {}
            other => panic!("expected Busy while the other handle holds the writer, got {other:?}"),
        }
        drop(held);
        assert_eq!(second.sync(&store).unwrap(), 1);
        let deadline = Instant::now() + Duration::from_secs(5);
        while first.search(&q("ferries")).unwrap().total == 0 {
            assert!(Instant::now() < deadline, "the first handle's reader never saw the second's commit");
            std::thread::sleep(Duration::from_millis(50));
        }
        // A rebuild replaces the index in one commit: the same two documents after it.
        assert_eq!(second.rebuild(&store).unwrap(), 2);
        assert_eq!(second.num_docs(), 2);
        assert_eq!(second.indexed_seq().unwrap(), store.last_seq().unwrap());
    }

    #[test]
    fn hits_keep_the_publishers_offset() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("db")).unwrap();
        let mut evening = article("a", "Council votes late", "The council voted late in the evening.", "City Paper", 1);
        evening.published = chrono::DateTime::parse_from_rfc3339("2026-09-14T21:00:00-05:00").ok();
        store.upsert(&evening).unwrap();
        let index = SearchIndex::open(&dir.path().join("index")).unwrap();
        index.sync(&store).unwrap();
        let r = index.search(&SearchQuery { text: "council".into(), limit: 5, ..Default::default() }).unwrap();
        assert_eq!(r.hits[0].published.map(|d| d.to_rfc3339()).as_deref(), Some("2026-09-14T21:00:00-05:00"));
        // Date bounds are the publisher's days, the days the pages show: filed on the
        // 14th in New York (the 15th in UTC), the article is before "since the 15th".
        let search = |since: Option<NaiveDate>, until: Option<NaiveDate>| {
            let q = SearchQuery { text: "council".into(), limit: 5, since, until, ..Default::default() };
            index.search(&q).unwrap().total
        };
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 9, d);
        assert_eq!(search(day(15), None), 0);
        assert_eq!(search(day(14), None), 1);
        assert_eq!(search(None, day(15)), 1);
        assert_eq!(search(None, day(14)), 0);
    }

    /// The index is a replica: one written with another schema is replaced, and the
    /// next sync refills it from the store.
    #[test]
    fn an_index_with_an_old_schema_is_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let index_dir = dir.path().join("index");
        std::fs::create_dir_all(&index_dir).unwrap();
        let mut old = Schema::builder();
        old.add_text_field("something_else", STRING);
        Index::create_in_dir(&index_dir, old.build()).unwrap();
        let store = SqliteStore::open(&dir.path().join("db")).unwrap();
        store.upsert(&article("a", "Port strike ends", "Dock workers ended their strike.", "Gazette", 3)).unwrap();
        let index = SearchIndex::open(&index_dir).unwrap();
        assert_eq!(index.sync(&store).unwrap(), 1);
        let q = SearchQuery { text: "strike".into(), limit: 5, ..Default::default() };
        assert_eq!(index.search(&q).unwrap().total, 1);
    }

    #[test]
    fn hostile_queries_do_not_fail() {
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open(dir.path()).unwrap();
        for text in [
            "((((((((((((((((((((a))))))))))))))))))))".repeat(10),
            "title:".into(),
            "\"unclosed".into(),
            "AND OR NOT".into(),
            "*".into(),
        ] {
            assert!(
                index.search(&SearchQuery { text: text.clone(), limit: 10, ..Default::default() }).is_ok(),
                "{text}"
            );
        }
        assert!(matches!(
            index.search(&SearchQuery { text: "x".repeat(5000), ..Default::default() }),
            Err(SearchError::BadQuery(_))
        ));
        assert!(
            index
                .search(&SearchQuery { text: "a".into(), offset: usize::MAX, limit: usize::MAX, ..Default::default() })
                .is_ok()
        );
    }
}
