//! The embedded SQLite store: one file, WAL mode, migrations keyed by `user_version`.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, FixedOffset, Utc};
use distill_core::{Article, ArticleId, Attribution, Entity, Insight, Sentence, Story, StoryBullet, Summary};
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::{
    ArticleSummary, Card, CardQuery, Change, CoMention, EntityDay, EntityMention, Feed, FeedSelection, ListQuery,
    Result, SourceCount, Store, StoreError, StoredSignature, StoryMember, StoryQuery, Upsert, entities, stories,
};

/// Schema migrations, applied in order; the index + 1 is the schema version.
const MIGRATIONS: &[&str] = &[
    r#"
    CREATE TABLE articles (
        id           TEXT PRIMARY KEY,
        title        TEXT NOT NULL,
        url          TEXT,
        source       TEXT,
        byline       TEXT,
        published    TEXT,
        language     TEXT,
        body         TEXT NOT NULL,
        analysis     TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        origin       TEXT NOT NULL,
        seq          INTEGER NOT NULL UNIQUE,
        ingested_at  TEXT NOT NULL,
        updated_at   TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles (published DESC);
"#,
    r#"
    ALTER TABLE articles ADD COLUMN duplicate_of TEXT;
    ALTER TABLE articles ADD COLUMN signature BLOB;
    CREATE INDEX articles_duplicate_of ON articles (duplicate_of);
"#,
    r#"
    CREATE TABLE feeds (
        url           TEXT PRIMARY KEY,
        title         TEXT,
        site_url      TEXT,
        category      TEXT,
        interval_secs INTEGER NOT NULL,
        etag          TEXT,
        last_modified TEXT,
        added         TEXT NOT NULL,
        last_checked  TEXT,
        last_success  TEXT,
        next_due      TEXT NOT NULL,
        failures      INTEGER NOT NULL DEFAULT 0,
        last_error    TEXT,
        dead          INTEGER NOT NULL DEFAULT 0
    );
"#,
    // `published` stays in UTC so that its text sorts by time; the offset the
    // publisher wrote it in is kept beside it, so the article keeps its own day.
    r#"
    ALTER TABLE articles ADD COLUMN published_offset INTEGER;
"#,
    // The home page's sections: stories by publication, read from this index alone.
    r#"
    CREATE INDEX articles_source ON articles (source, duplicate_of, published IS NULL, published DESC, seq DESC);
"#,
    // Lists read in this order from this index alone: the table's rows hold the body
    // and the analysis, and the columns after them cost overflow pages to reach.
    r#"
    CREATE INDEX articles_listing ON articles (
        published IS NULL, published DESC, seq DESC,
        duplicate_of, source, id, title, url, language, published_offset
    );
    CREATE INDEX articles_originals ON articles (
        duplicate_of, published IS NULL, published DESC, seq DESC,
        source, id, title, url, language, published_offset
    );
"#,
    // Stories: each article names the story it is filed under; a story's row keeps
    // what a list shows, so that a page of stories reads one index.
    r#"
    ALTER TABLE articles ADD COLUMN story TEXT;
    CREATE INDEX articles_story ON articles (story);
    CREATE TABLE stories (
        id           TEXT PRIMARY KEY,
        title        TEXT NOT NULL,
        first_seen   TEXT NOT NULL,
        last_updated TEXT NOT NULL,
        articles     INTEGER NOT NULL,
        copies       INTEGER NOT NULL,
        sources      INTEGER NOT NULL,
        bullets      TEXT NOT NULL
    );
    CREATE INDEX stories_updated ON stories (last_updated DESC, id);
"#,
    // The entity-mention index (see `entities.rs`); the step that creates it also
    // fills it from the articles already stored.
    entities::SQLITE_MIGRATION,
    // Which poller holds a feed, and until when (microseconds since the epoch).
    r#"
    ALTER TABLE feeds ADD COLUMN poll_owner TEXT;
    ALTER TABLE feeds ADD COLUMN poll_until INTEGER;
"#,
];

/// The parts of an article stored as one JSON column.
#[derive(Serialize, Deserialize)]
struct Analysis {
    sentences: Vec<Sentence>,
    summary: Summary,
    insights: Vec<Insight>,
    #[serde(default)]
    attributions: Vec<Attribution>,
    #[serde(default)]
    entities: Vec<Entity>,
}

/// SQLite-backed [`Store`]: one connection writes; reads go to a small pool of
/// read-only connections, so that a server's readers run side by side (WAL lets them
/// read while a writer, in this process or another, commits).
pub struct SqliteStore {
    conn: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
}

/// Read-only connections per store.
const READERS: usize = 4;

impl SqliteStore {
    /// Opens (creating if needed) the database file and migrates it.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Open { path: dir.display().to_string(), reason: e.to_string() })?;
        }
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut store = SqliteStore { conn: Mutex::new(conn), readers: Vec::new(), next_reader: AtomicUsize::new(0) };
        store.migrate()?;
        for _ in 0..READERS {
            let reader =
                Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
            reader.busy_timeout(std::time::Duration::from_secs(10))?;
            store.readers.push(Mutex::new(reader));
        }
        Ok(store)
    }

    /// A read-only connection: a free one, else the next in turn.
    fn read(&self) -> std::sync::MutexGuard<'_, Connection> {
        for reader in &self.readers {
            if let Ok(guard) = reader.try_lock() {
                return guard;
            }
        }
        let at = self.next_reader.fetch_add(1, Ordering::Relaxed) % self.readers.len().max(1);
        match self.readers.get(at) {
            Some(reader) => reader.lock().unwrap_or_else(|poisoned| poisoned.into_inner()),
            None => self.lock(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves the connection usable: SQLite rolls
        // back the open transaction when it is dropped.
        self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn migrate(&self) -> Result<()> {
        let mut conn = self.lock();
        let supported = MIGRATIONS.len() as i64;
        // One migration per write transaction, the version read inside it: processes
        // that open a fresh folder at once take turns instead of applying a step twice.
        loop {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
            if version > supported {
                return Err(StoreError::TooNew { found: version, supported });
            }
            let Some(sql) = MIGRATIONS.get(version as usize) else { return Ok(()) };
            tx.execute_batch(sql)?;
            if *sql == entities::SQLITE_MIGRATION {
                entities::backfill_sqlite(&tx)?;
            }
            tx.pragma_update(None, "user_version", version + 1)?;
            tx.commit()?;
        }
    }
}

fn signature_bytes(signature: &[u32]) -> Option<Vec<u8>> {
    (!signature.is_empty()).then(|| signature.iter().flat_map(|v| v.to_le_bytes()).collect())
}

pub(crate) fn read_summary(r: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: r.get::<_, String>(0)?.into(),
        title: r.get(1)?,
        url: r.get(2)?,
        source: r.get(3)?,
        published: to_published(r.get(4)?, r.get(7)?),
        language: r.get(5)?,
        duplicate_of: r.get::<_, Option<String>>(6)?.map(ArticleId::from),
    })
}

fn to_time(s: Option<String>) -> Option<DateTime<Utc>> {
    s.and_then(|s| DateTime::parse_from_rfc3339(&s).ok()).map(|d| d.with_timezone(&Utc))
}

/// A publication time from its UTC text and the publisher's offset in seconds
/// (none for rows written before offsets were kept, and for a bad one).
pub(crate) fn to_published(utc: Option<String>, offset: Option<i32>) -> Option<DateTime<FixedOffset>> {
    let utc = to_time(utc)?;
    let offset = offset.and_then(FixedOffset::east_opt).unwrap_or(FixedOffset::east_opt(0)?);
    Some(utc.with_timezone(&offset))
}

const FEED_COLUMNS: &str = "url, title, site_url, category, interval_secs, etag, last_modified, added, last_checked, last_success, next_due, failures, last_error, dead";

fn read_feed(r: &rusqlite::Row<'_>) -> rusqlite::Result<Feed> {
    Ok(Feed {
        url: r.get(0)?,
        title: r.get(1)?,
        site_url: r.get(2)?,
        category: r.get(3)?,
        interval_secs: r.get::<_, i64>(4)?.max(1) as u64,
        etag: r.get(5)?,
        last_modified: r.get(6)?,
        added: to_time(r.get(7)?).unwrap_or_default(),
        last_checked: to_time(r.get(8)?),
        last_success: to_time(r.get(9)?),
        next_due: to_time(r.get(10)?).unwrap_or_default(),
        failures: r.get::<_, i64>(11)?.max(0) as u32,
        last_error: r.get(12)?,
        dead: r.get(13)?,
    })
}

const ARTICLE_COLUMNS: &str = "id, title, url, source, byline, published, language, body, analysis, content_hash, origin, seq, duplicate_of, published_offset";

fn read_article(row: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, std::result::Result<Article, StoreError>)> {
    let id: String = row.get(0)?;
    let analysis: String = row.get(8)?;
    let seq: i64 = row.get(11)?;
    let parsed = serde_json::from_str::<Analysis>(&analysis)
        .map_err(|e| StoreError::Corrupt { id: id.clone(), reason: e.to_string() });
    let article = parsed.map(|a| Article {
        id: id.clone().into(),
        title: row.get(1).unwrap_or_default(),
        url: row.get(2).unwrap_or_default(),
        source: row.get(3).unwrap_or_default(),
        byline: row.get(4).unwrap_or_default(),
        published: to_published(row.get(5).unwrap_or_default(), row.get(13).unwrap_or_default()),
        language: row.get(6).unwrap_or_default(),
        text: row.get(7).unwrap_or_default(),
        sentences: a.sentences,
        summary: a.summary,
        insights: a.insights,
        attributions: a.attributions,
        entities: a.entities,
        content_hash: row.get(9).unwrap_or_default(),
        origin: row.get(10).unwrap_or_default(),
        duplicate_of: row.get::<_, Option<String>>(12).unwrap_or_default().map(ArticleId::from),
        signature: Vec::new(),
    });
    Ok((seq, article))
}

impl Store for SqliteStore {
    fn upsert_batch(&self, articles: &[Article]) -> Result<Vec<Upsert>> {
        let mut conn = self.lock();
        // Immediate: the write lock first, waiting on other writers (busy timeout). A
        // deferred transaction reads first and then fails at once with "database is
        // locked" when another process wrote in between.
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut seq: i64 = tx.query_row("SELECT COALESCE(MAX(seq), 0) FROM articles", [], |r| r.get(0))?;
        let now = Utc::now().to_rfc3339();
        let mut outcomes = Vec::with_capacity(articles.len());
        {
            let mut existing =
                tx.prepare_cached("SELECT content_hash, published, published_offset FROM articles WHERE id = ?1")?;
            let mut write = tx.prepare_cached(
                "INSERT INTO articles (id, title, url, source, byline, published, language, body, analysis, content_hash, origin, seq, ingested_at, updated_at, duplicate_of, signature, published_offset)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14, ?15, ?16)
                 ON CONFLICT (id) DO UPDATE SET title = excluded.title, url = excluded.url, source = excluded.source,
                   byline = excluded.byline, published = excluded.published, language = excluded.language, body = excluded.body,
                   analysis = excluded.analysis, content_hash = excluded.content_hash, origin = excluded.origin,
                   seq = excluded.seq, updated_at = excluded.updated_at, duplicate_of = excluded.duplicate_of,
                   signature = excluded.signature, published_offset = excluded.published_offset",
            )?;
            for a in articles {
                let stored: Option<(String, Option<String>, Option<i32>)> =
                    existing.query_row([a.id.as_str()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).optional()?;
                let published = a.published.map(|d| d.with_timezone(&Utc).to_rfc3339());
                let offset = a.published.map(|d| d.offset().local_minus_utc());
                let outcome = match stored {
                    // A new date is a change too: a row written before offsets were
                    // kept, or dated by an archive's capture time, is mended.
                    Some((hash, stored_published, stored_offset))
                        if hash == a.content_hash && stored_published == published && stored_offset == offset =>
                    {
                        outcomes.push(Upsert::Unchanged);
                        continue;
                    }
                    Some(_) => Upsert::Updated,
                    None => Upsert::Inserted,
                };
                seq += 1;
                let analysis = serde_json::to_string(&Analysis {
                    sentences: a.sentences.clone(),
                    summary: a.summary.clone(),
                    insights: a.insights.clone(),
                    attributions: a.attributions.clone(),
                    entities: a.entities.clone(),
                })
                .map_err(|e| StoreError::Corrupt { id: a.id.to_string(), reason: e.to_string() })?;
                write.execute(params![
                    a.id.as_str(),
                    a.title,
                    a.url,
                    a.source,
                    a.byline,
                    published,
                    a.language,
                    a.text,
                    analysis,
                    a.content_hash,
                    a.origin,
                    seq,
                    now,
                    a.duplicate_of.as_deref(),
                    signature_bytes(&a.signature),
                    offset,
                ])?;
                entities::write_sqlite(&tx, a.id.as_str(), &a.entities, &a.attributions)?;
                outcomes.push(outcome);
            }
        }
        tx.commit()?;
        Ok(outcomes)
    }

    fn get(&self, id: &str) -> Result<Option<Article>> {
        let conn = self.read();
        let mut stmt = conn.prepare_cached(&format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?1"))?;
        match stmt.query_row([id], read_article).optional()? {
            Some((_, article)) => Ok(Some(article?)),
            None => Ok(None),
        }
    }

    fn list(&self, query: &ListQuery) -> Result<Vec<ArticleSummary>> {
        let conn = self.read();
        // Read in order from a covering index, never from the rows (see the migration).
        let pick = if query.originals_only {
            "FROM articles INDEXED BY articles_originals WHERE duplicate_of IS NULL"
        } else {
            "FROM articles INDEXED BY articles_listing"
        };
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT id, title, url, source, published, language, duplicate_of, published_offset {pick}
             ORDER BY published IS NULL, published DESC, seq DESC LIMIT ?1 OFFSET ?2"
        ))?;
        let rows = stmt.query_map(params![query.limit as i64, query.offset as i64], read_summary)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn cards(&self, query: &CardQuery) -> Result<Vec<Card>> {
        let conn = self.read();
        // The page's rows are chosen first from the small columns; only then are the
        // key points read out of those rows' analysis (which holds every sentence).
        // Each page is read in order from an index (no sort of every story): the
        // originals' index for all sources, the source index for one.
        let pick = if query.source.is_some() {
            "FROM articles INDEXED BY articles_source WHERE source = ?3 AND duplicate_of IS NULL"
        } else {
            "FROM articles INDEXED BY articles_originals WHERE ?3 IS NULL AND duplicate_of IS NULL"
        };
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT a.id, a.title, a.url, a.source, a.published, a.language, a.duplicate_of, a.published_offset,
                    json_extract(a.analysis, '$.summary.bullets'),
                    (SELECT COUNT(*) FROM articles d WHERE d.duplicate_of = a.id)
             FROM (SELECT rowid AS r {pick}
                   ORDER BY published IS NULL, published DESC, seq DESC LIMIT ?1 OFFSET ?2) page
             JOIN articles a ON a.rowid = page.r
             ORDER BY a.published IS NULL, a.published DESC, a.seq DESC"
        ))?;
        let rows = stmt.query_map(params![query.limit as i64, query.offset as i64, query.source], |r| {
            let bullets: Option<String> = r.get(8)?;
            let copies: i64 = r.get(9)?;
            Ok((read_summary(r)?, bullets, copies))
        })?;
        let mut cards = Vec::new();
        for row in rows {
            let (article, bullets, copies) = row?;
            let bullets = match bullets.as_deref().map(serde_json::from_str) {
                None => Vec::new(),
                Some(Ok(bullets)) => bullets,
                Some(Err(e)) => return Err(StoreError::Corrupt { id: article.id.to_string(), reason: e.to_string() }),
            };
            cards.push(Card { article, bullets, copies: copies.max(0) as usize });
        }
        Ok(cards)
    }

    fn sources(&self) -> Result<Vec<SourceCount>> {
        let conn = self.read();
        let mut stmt = conn.prepare_cached(
            "SELECT source, COUNT(*) FROM articles INDEXED BY articles_originals
             WHERE duplicate_of IS NULL GROUP BY source ORDER BY source IS NULL, source",
        )?;
        let rows = stmt.query_map([], |r| {
            let stories: i64 = r.get(1)?;
            Ok(SourceCount { source: r.get(0)?, stories: stories.max(0) as usize })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn duplicates_of(&self, id: &str, limit: usize) -> Result<Vec<ArticleSummary>> {
        let conn = self.read();
        // The originals' index read backwards: oldest first, from the index alone.
        let mut stmt = conn.prepare_cached(
            "SELECT id, title, url, source, published, language, duplicate_of, published_offset
             FROM articles INDEXED BY articles_originals
             WHERE duplicate_of = ?1 ORDER BY published IS NULL DESC, published, seq LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![id, limit as i64], read_summary)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn count_duplicates(&self, id: &str) -> Result<usize> {
        let conn = self.read();
        let n: i64 = conn
            .prepare_cached("SELECT COUNT(*) FROM articles WHERE duplicate_of = ?1")?
            .query_row([id], |r| r.get(0))?;
        Ok(n.max(0) as usize)
    }

    fn signatures(&self) -> Result<Vec<StoredSignature>> {
        let conn = self.read();
        let mut stmt =
            conn.prepare_cached("SELECT id, signature, duplicate_of FROM articles WHERE signature IS NOT NULL")?;
        let rows = stmt.query_map([], |r| {
            let bytes: Vec<u8> = r.get(1)?;
            Ok(StoredSignature {
                id: r.get(0)?,
                signature: bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect(),
                duplicate_of: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn count(&self) -> Result<usize> {
        let conn = self.read();
        let n: i64 = conn.query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    fn changes_since(&self, seq: i64, limit: usize) -> Result<Vec<Change>> {
        self.changes_where("", seq, limit)
    }

    fn last_seq(&self) -> Result<i64> {
        let conn = self.read();
        Ok(conn.query_row("SELECT COALESCE(MAX(seq), 0) FROM articles", [], |r| r.get(0))?)
    }

    fn existing(&self, ids: &[ArticleId]) -> Result<HashSet<ArticleId>> {
        let conn = self.read();
        let mut stmt = conn.prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?;
        let mut found = HashSet::new();
        for id in ids {
            if stmt.exists([id.as_str()])? {
                found.insert(id.clone());
            }
        }
        Ok(found)
    }

    fn set_stories(&self, assignments: &[(ArticleId, ArticleId)]) -> Result<()> {
        stories::set_stories(&mut self.lock(), assignments)
    }

    fn unfiled_since(&self, seq: i64, limit: usize) -> Result<Vec<Change>> {
        self.changes_where("story IS NULL AND", seq, limit)
    }

    fn clear_stories(&self) -> Result<()> {
        self.lock().execute_batch("BEGIN; UPDATE articles SET story = NULL; DELETE FROM stories; COMMIT;")?;
        Ok(())
    }

    fn stories_of(&self, ids: &[ArticleId]) -> Result<HashMap<ArticleId, ArticleId>> {
        stories::stories_of(&self.read(), ids)
    }

    fn recent_story_members(&self, limit: usize) -> Result<Vec<StoryMember>> {
        stories::recent_story_members(&self.read(), limit)
    }

    fn refresh_story(&self, id: &str, bullets: &[StoryBullet]) -> Result<Option<Story>> {
        stories::refresh_story(&mut self.lock(), id, bullets)
    }

    fn story(&self, id: &str) -> Result<Option<Story>> {
        stories::story(&self.read(), id)
    }

    fn stories(&self, query: &StoryQuery) -> Result<Vec<Story>> {
        stories::stories(&self.read(), query)
    }

    fn count_stories(&self, query: &StoryQuery) -> Result<usize> {
        stories::count_stories(&self.read(), query)
    }

    fn story_articles(&self, id: &str, limit: usize) -> Result<Vec<ArticleSummary>> {
        stories::story_articles(&self.read(), id, limit)
    }

    fn add_feed(&self, feed: &Feed) -> Result<bool> {
        let conn = self.lock();
        let known: bool = conn.prepare_cached("SELECT 1 FROM feeds WHERE url = ?1")?.exists([&feed.url])?;
        if known {
            // Adding again revives a dead feed and takes the new settings.
            conn.execute(
                "UPDATE feeds SET title = COALESCE(?2, title), site_url = COALESCE(?3, site_url),
                 category = COALESCE(?4, category), interval_secs = ?5, next_due = ?6, failures = 0, dead = 0
                 WHERE url = ?1",
                params![
                    feed.url,
                    feed.title,
                    feed.site_url,
                    feed.category,
                    feed.interval_secs as i64,
                    feed.next_due.to_rfc3339()
                ],
            )?;
            return Ok(false);
        }
        self.write_feed(&conn, feed)?;
        Ok(true)
    }

    fn update_feed(&self, feed: &Feed) -> Result<()> {
        let conn = self.lock();
        self.write_feed(&conn, feed)
    }

    fn claim_feeds(
        &self,
        selection: &FeedSelection,
        owner: &str,
        limit: usize,
        lease: std::time::Duration,
        now: DateTime<Utc>,
    ) -> Result<Vec<Feed>> {
        let until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::MAX / 2);
        let mut conn = self.lock();
        // One write transaction: processes sharing the file claim in turn.
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let claimed: Vec<Feed> = {
            let mut free = tx.prepare_cached(&format!(
                "SELECT {FEED_COLUMNS} FROM feeds WHERE poll_until IS NULL OR poll_until < ?1 ORDER BY added, url"
            ))?;
            let feeds = free.query_map([now.timestamp_micros()], read_feed)?.collect::<rusqlite::Result<Vec<_>>>()?;
            let claimed: Vec<Feed> = feeds.into_iter().filter(|f| selection.takes(f, now)).take(limit).collect();
            let mut claim = tx.prepare_cached("UPDATE feeds SET poll_owner = ?2, poll_until = ?3 WHERE url = ?1")?;
            for feed in &claimed {
                claim.execute(params![feed.url, owner, until.timestamp_micros()])?;
            }
            claimed
        };
        tx.commit()?;
        Ok(claimed)
    }

    fn feeds(&self) -> Result<Vec<Feed>> {
        let conn = self.read();
        let mut stmt = conn.prepare_cached(&format!("SELECT {FEED_COLUMNS} FROM feeds ORDER BY added, url"))?;
        let rows = stmt.query_map([], read_feed)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn remove_feed(&self, url: &str) -> Result<bool> {
        let conn = self.lock();
        Ok(conn.execute("DELETE FROM feeds WHERE url = ?1", [url])? > 0)
    }

    fn rename_feed(&self, from: &str, to: &str) -> Result<bool> {
        let conn = self.lock();
        Ok(conn.execute(
            "UPDATE feeds SET url = ?2 WHERE url = ?1 AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = ?2)",
            [from, to],
        )? > 0)
    }

    fn entity_articles(&self, name: &str, limit: usize) -> Result<Vec<EntityMention>> {
        entities::entity_articles_sqlite(&self.read(), name, limit)
    }

    fn co_mentioned(&self, name: &str, limit: usize) -> Result<Vec<CoMention>> {
        entities::co_mentioned_sqlite(&self.read(), name, limit)
    }

    fn entity_days(&self, name: &str) -> Result<Vec<EntityDay>> {
        entities::entity_days_sqlite(&self.read(), name)
    }
}

impl SqliteStore {
    /// Articles written after `seq` that also meet `filter` (a condition followed by
    /// `AND`, or nothing), in change-log order, at most `limit`.
    fn changes_where(&self, filter: &str, seq: i64, limit: usize) -> Result<Vec<Change>> {
        let conn = self.read();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles WHERE {filter} seq > ?1 ORDER BY seq LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![seq, limit as i64], read_article)?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, article) = row?;
            out.push(Change { seq, article: article? });
        }
        Ok(out)
    }

    fn write_feed(&self, conn: &Connection, feed: &Feed) -> Result<()> {
        conn.execute(
            &format!(
                "INSERT OR REPLACE INTO feeds ({FEED_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
            ),
            params![
                feed.url,
                feed.title,
                feed.site_url,
                feed.category,
                feed.interval_secs as i64,
                feed.etag,
                feed.last_modified,
                feed.added.to_rfc3339(),
                feed.last_checked.map(|t| t.to_rfc3339()),
                feed.last_success.map(|t| t.to_rfc3339()),
                feed.next_due.to_rfc3339(),
                feed.failures as i64,
                feed.last_error,
                feed.dead,
            ],
        )?;
        Ok(())
    }
}
