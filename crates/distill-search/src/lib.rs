//! Keyword search: a tantivy index (BM25 over title, boosted, and body) that follows
//! the store's change log. The index is a replica: it can always be rebuilt from the
//! store, and each commit records the last sequence number it holds, so a crash
//! between a store write and an index commit is repaired by the next [`SearchIndex::sync`].
#![warn(missing_docs)]

use std::ops::Bound;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use distill_core::Article;
use distill_store::Store;
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

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

/// A search request.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
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
    /// BM25 score.
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
    /// Number of matching articles.
    pub total: usize,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
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
        id: b.add_text_field("id", STRING | STORED),
        title: b.add_text_field("title", text.clone()),
        body: b.add_text_field("body", text),
        source: b.add_text_field("source", STORED),
        source_key: b.add_text_field("source_key", STRING),
        duplicate: b.add_text_field("duplicate", STRING),
        url: b.add_text_field("url", STORED),
        published: b.add_text_field("published", STORED),
        published_day: b.add_i64_field("published_day", tantivy::schema::INDEXED),
    };
    (b.build(), fields)
}

impl SearchIndex {
    /// Opens or creates the index in `dir`.
    pub fn open(dir: &Path) -> Result<SearchIndex> {
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
        // Readers follow commits made by any process (tantivy watches meta.json).
        let reader = index.reader_builder().reload_policy(ReloadPolicy::OnCommitWithDelay).try_into()?;
        Ok(SearchIndex { index, reader, lease: Mutex::new(()), loaded_seq: AtomicI64::new(-1), fields })
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
        if indexed >= store.last_seq()? {
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
        let (mut seq, mut count) = (from, 0);
        loop {
            let changes = store.changes_since(seq, 1000)?;
            let Some(last) = changes.last() else { break };
            seq = last.seq;
            for change in &changes {
                self.add(&writer, &change.article)?;
            }
            count += changes.len();
        }
        if count > 0 || fresh {
            let mut commit = writer.prepare_commit()?;
            commit.set_payload(&seq.to_string());
            commit.commit()?;
        }
        // Waiting for the merges drops the writer and with it the lock file.
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        self.loaded_seq.store(seq, Ordering::Relaxed);
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
        let mut parser = QueryParser::for_index(&self.index, vec![f.title, f.body]);
        parser.set_field_boost(f.title, 2.5);
        let (text_query, _errors) = parser.parse_query_lenient(&defuse(text));
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
            let term = Term::from_field_text(f.duplicate, "1");
            clauses.push((Occur::MustNot, Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
        }
        let query = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let limit = q.limit.clamp(1, 1000);
        let offset = q.offset.min(MAX_OFFSET);
        let (top, total) =
            searcher.search(&query, &(TopDocs::with_limit(limit).and_offset(offset).order_by_score(), Count))?;
        let mut snippets = SnippetGenerator::create(&searcher, &*text_query, f.body)?;
        snippets.set_max_num_chars(220);
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
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
        Ok(Results { total, hits })
    }

    /// Number of documents in the index.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }
}

/// Flattens deeply nested parentheses, which the query grammar would otherwise
/// recurse into without bound.
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
