//! The shared PostgreSQL store: one database that any number of distill processes on
//! any number of machines write and read at once. It mirrors [`crate::SqliteStore`]
//! row for row (the conformance suite in `tests/conformance.rs` holds them to the same
//! behaviour); what differs is how the two keep order among concurrent writers.
//!
//! Writers of articles take a transaction-scoped advisory lock before they number
//! their rows, so sequence numbers commit in order: a replica that has read up to
//! `seq` never later finds a smaller one committed behind it. Migrations take another
//! advisory lock, so processes that start together against a fresh database take turns.
//! Both locks are keyed by the schema, so that separate schemas in one database (the
//! tests use one each) never wait on each other.

use std::collections::{HashMap, HashSet};
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Utc};
use distill_core::{Article, ArticleId, Story, StoryBullet};
use postgres::error::SqlState;
use postgres::types::ToSql;
use postgres::{Client, GenericClient, NoTls, Row, Statement};

mod entities;
mod jobs;

pub use jobs::{Job, JobCounts, QueueConfig};

use crate::{
    ArticleSummary, Card, CardQuery, Change, CoMention, EntityDay, EntityMention, Feed, FeedSelection, ListQuery,
    Result, SourceCount, Store, StoreError, StoredSignature, StoryMember, StoryQuery, Upsert,
};

/// Schema migrations, applied in order; the index + 1 is the schema version. Text
/// columns that lists sort or group by use the "C" collation, so that PostgreSQL
/// orders them byte by byte as SQLite does, whatever the database's locale.
const MIGRATIONS: &[&str] = &[
    r#"
    CREATE TABLE articles (
        id               TEXT COLLATE "C" PRIMARY KEY,
        title            TEXT NOT NULL,
        url              TEXT,
        source           TEXT COLLATE "C",
        byline           TEXT,
        published        TIMESTAMPTZ,
        published_offset INTEGER,
        language         TEXT,
        body             TEXT NOT NULL,
        analysis         JSONB NOT NULL,
        content_hash     TEXT NOT NULL,
        origin           TEXT NOT NULL,
        seq              BIGINT NOT NULL UNIQUE,
        ingested_at      TIMESTAMPTZ NOT NULL,
        updated_at       TIMESTAMPTZ NOT NULL,
        duplicate_of     TEXT COLLATE "C",
        signature        BYTEA,
        story            TEXT COLLATE "C"
    );
    CREATE INDEX articles_listing ON articles ((published IS NULL), published DESC, seq DESC);
    CREATE INDEX articles_originals ON articles ((published IS NULL), published DESC, seq DESC)
        WHERE duplicate_of IS NULL;
    CREATE INDEX articles_source ON articles (source, (published IS NULL), published DESC, seq DESC)
        WHERE duplicate_of IS NULL;
    CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;
    CREATE INDEX articles_story ON articles (story) WHERE story IS NOT NULL;
    CREATE TABLE stories (
        id           TEXT COLLATE "C" PRIMARY KEY,
        title        TEXT NOT NULL,
        first_seen   TIMESTAMPTZ NOT NULL,
        last_updated TIMESTAMPTZ NOT NULL,
        articles     BIGINT NOT NULL,
        copies       BIGINT NOT NULL,
        sources      BIGINT NOT NULL,
        bullets      TEXT NOT NULL
    );
    CREATE INDEX stories_updated ON stories (last_updated DESC, id);
    CREATE TABLE feeds (
        url           TEXT COLLATE "C" PRIMARY KEY,
        title         TEXT,
        site_url      TEXT,
        category      TEXT,
        interval_secs BIGINT NOT NULL,
        etag          TEXT,
        last_modified TEXT,
        added         TIMESTAMPTZ NOT NULL,
        last_checked  TIMESTAMPTZ,
        last_success  TIMESTAMPTZ,
        next_due      TIMESTAMPTZ NOT NULL,
        failures      BIGINT NOT NULL DEFAULT 0,
        last_error    TEXT,
        dead          BOOLEAN NOT NULL DEFAULT FALSE
    );
"#,
    // The job queue (see `jobs.rs`): one row per input, leased by one worker at a time.
    r#"
    CREATE TABLE jobs (
        id          BIGSERIAL PRIMARY KEY,
        kind        TEXT NOT NULL,
        input       TEXT NOT NULL,
        state       TEXT NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0,
        run_after   TIMESTAMPTZ NOT NULL,
        lease_owner TEXT,
        lease_until TIMESTAMPTZ,
        last_error  TEXT,
        created     TIMESTAMPTZ NOT NULL,
        finished    TIMESTAMPTZ,
        UNIQUE (kind, input)
    );
    CREATE INDEX jobs_ready ON jobs (run_after, id) WHERE state = 'queued';
    CREATE INDEX jobs_leased ON jobs (lease_until) WHERE state = 'running';
"#,
    // The entity-mention index (see `crate::entities`); the step that creates it also
    // fills it from the articles already stored.
    entities::MIGRATION,
    // Which poller holds a feed, and until when.
    "ALTER TABLE feeds ADD COLUMN poll_owner TEXT, ADD COLUMN poll_until TIMESTAMPTZ;",
];

/// Settings of a [`PgStore`].
#[derive(Debug, Clone)]
pub struct PgConfig {
    /// Most connections the store holds open at once.
    pub pool_size: usize,
    /// Longest a statement may run before the server cancels it.
    pub statement_timeout: Duration,
    /// Longest to wait for the server when connecting.
    pub connect_timeout: Duration,
    /// Open even when the server is out of reach (a search node that serves its
    /// replica meanwhile): the schema is then checked on the first connection.
    /// Otherwise opening fails with the reason.
    pub open_unreachable: bool,
}

impl Default for PgConfig {
    fn default() -> Self {
        Self {
            pool_size: 8,
            statement_timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(5),
            open_unreachable: false,
        }
    }
}

/// The fields of [`Article`] with columns of their own; every other field is kept in
/// the `analysis` JSON column, so a field added to articles is stored without a
/// migration (and reads back with its serde default from older rows).
const COLUMN_FIELDS: &[&str] = &[
    "id",
    "title",
    "url",
    "source",
    "byline",
    "published",
    "language",
    "text",
    "content_hash",
    "origin",
    "duplicate_of",
    "signature",
];

/// Removes NUL characters from every string in a JSON value: PostgreSQL's text and
/// JSONB cannot hold them.
fn strip_nul(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) if s.contains('\0') => *s = s.replace('\0', ""),
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_nul),
        serde_json::Value::Object(map) => map.values_mut().for_each(strip_nul),
        _ => {}
    }
}

/// A string without NUL characters (see [`strip_nul`]).
fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('\0') { s.replace('\0', "").into() } else { s.into() }
}

/// The `analysis` column of an article: its fields without a column, as JSON.
fn analysis_json(a: &Article) -> Result<String> {
    let corrupt = |e: serde_json::Error| StoreError::Corrupt { id: a.id.to_string(), reason: e.to_string() };
    let mut value = serde_json::to_value(a).map_err(corrupt)?;
    if let serde_json::Value::Object(map) = &mut value {
        for field in COLUMN_FIELDS {
            map.remove(*field);
        }
    }
    strip_nul(&mut value);
    serde_json::to_string(&value).map_err(corrupt)
}

/// A pooled connection with the statements it has prepared.
struct Conn {
    client: Client,
    statements: HashMap<&'static str, Statement>,
}

/// PostgreSQL-backed [`Store`] over a small pool of connections (plain TCP or a Unix
/// socket, no TLS: run it on loopback or a trusted network).
pub struct PgStore {
    config: postgres::Config,
    settings: PgConfig,
    /// The database as errors name it: `postgres://user@host:port/db`, never a password.
    name: String,
    idle: Mutex<Vec<Conn>>,
    /// Connections open, idle or lent.
    open: Mutex<usize>,
    returned: Condvar,
    /// The advisory lock key that orders writers of this schema's change log, set
    /// once the schema is migrated (on the first connection).
    log_lock: OnceLock<i64>,
}

/// A connection lent from the pool; it goes back when dropped, unless it broke.
struct Lease<'a> {
    store: &'a PgStore,
    conn: Option<Conn>,
}

impl std::ops::Deref for Lease<'_> {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        self.conn.as_ref().expect("a lease holds its connection until dropped")
    }
}

impl std::ops::DerefMut for Lease<'_> {
    fn deref_mut(&mut self) -> &mut Conn {
        self.conn.as_mut().expect("a lease holds its connection until dropped")
    }
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        let Some(conn) = self.conn.take() else { return };
        if conn.client.is_closed() {
            // A dead connection is dropped; the next caller opens a fresh one, which
            // is how the store recovers once the server is back.
            *lock(&self.store.open) -= 1;
        } else {
            lock(&self.store.idle).push(conn);
        }
        self.store.returned.notify_one();
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The database a config names, as `postgres://user@host:port/db`, for messages.
fn display_name(config: &postgres::Config) -> String {
    let user = config.get_user().map(|u| format!("{u}@")).unwrap_or_default();
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(host)) => host.clone(),
        #[cfg(unix)]
        Some(postgres::config::Host::Unix(path)) => path.display().to_string(),
        None => "localhost".to_string(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let db = config.get_dbname().or(config.get_user()).unwrap_or("postgres");
    format!("postgres://{user}{host}:{port}/{db}")
}

/// Whether a database address names PostgreSQL (rather than a SQLite file).
pub fn is_postgres_url(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

impl PgStore {
    /// Connects to the database at `url` (`postgres://USER@HOST:PORT/DB`) with the
    /// default settings and migrates it.
    pub fn open(url: &str) -> Result<PgStore> {
        PgStore::open_with(url, PgConfig::default())
    }

    /// [`PgStore::open`] with these settings.
    pub fn open_with(url: &str, settings: PgConfig) -> Result<PgStore> {
        let mut config: postgres::Config = url.parse().map_err(|e: postgres::Error| StoreError::Open {
            // The address could not be parsed, so it cannot be shown without risking
            // a password in it: only its scheme is named.
            path: url.split("://").next().unwrap_or("postgres").to_string() + "://…",
            reason: format!("not a database address: {e}"),
        })?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(settings.connect_timeout);
        }
        if config.get_application_name().is_none() {
            config.application_name("distill");
        }
        let name = display_name(&config);
        let store = PgStore {
            config,
            settings: PgConfig { pool_size: settings.pool_size.max(1), ..settings },
            name,
            idle: Mutex::new(Vec::new()),
            open: Mutex::new(0),
            returned: Condvar::new(),
            log_lock: OnceLock::new(),
        };
        match store.connect() {
            Ok(conn) => {
                *lock(&store.open) += 1;
                lock(&store.idle).push(conn);
            }
            // The first call that finds the server connects and migrates.
            Err(error) if error.is_unreachable() && store.settings.open_unreachable => {}
            Err(error) => return Err(error),
        }
        Ok(store)
    }

    /// The database as messages name it (no password).
    pub fn name(&self) -> &str {
        &self.name
    }

    fn error(&self, error: postgres::Error) -> StoreError {
        pg_error(&self.name, error)
    }

    /// A new connection, with the schema migrated if this store has not yet done so.
    fn connect(&self) -> Result<Conn> {
        let mut client = self.config.connect(NoTls).map_err(|e| self.error(e))?;
        let timeout = self.settings.statement_timeout.as_millis().max(1);
        client
            .batch_execute(&format!("SET statement_timeout = {timeout}; SET lock_timeout = {timeout}"))
            .map_err(|e| self.error(e))?;
        let mut conn = Conn { client, statements: HashMap::new() };
        if self.log_lock.get().is_none() {
            // Two first connections at once both migrate, in turn under the lock.
            self.migrate(&mut conn)?;
            let key: i32 = conn
                .client
                .query_one("SELECT hashtext('distill.log.' || current_schema())", &[])
                .map_err(|e| self.error(e))?
                .get(0);
            let _ = self.log_lock.set(i64::from(key));
        }
        Ok(conn)
    }

    /// The change log's lock key; known once a connection was lent.
    fn log_lock(&self) -> i64 {
        *self.log_lock.get().expect("the first connection sets the log lock before any is lent")
    }

    /// A connection: an idle one, else a new one while the pool has room, else the
    /// next one returned.
    fn conn(&self) -> Result<Lease<'_>> {
        let mut idle = lock(&self.idle);
        loop {
            if let Some(conn) = idle.pop() {
                return Ok(Lease { store: self, conn: Some(conn) });
            }
            {
                let mut open = lock(&self.open);
                if *open < self.settings.pool_size {
                    *open += 1;
                    drop(open);
                    drop(idle);
                    return match self.connect() {
                        Ok(conn) => Ok(Lease { store: self, conn: Some(conn) }),
                        Err(e) => {
                            *lock(&self.open) -= 1;
                            Err(e)
                        }
                    };
                }
            }
            idle = self.returned.wait(idle).unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }

    fn migrate(&self, conn: &mut Conn) -> Result<()> {
        let supported = MIGRATIONS.len() as i64;
        let mut tx = conn.client.transaction().map_err(|e| self.error(e))?;
        // Every step in one transaction under the migration lock: processes that start
        // together against a fresh database take turns, and a failed step leaves the
        // schema as it was (PostgreSQL's DDL is transactional).
        tx.batch_execute(
            "SELECT pg_advisory_xact_lock(hashtext('distill.migrate.' || current_schema()));
             CREATE TABLE IF NOT EXISTS schema_version (
                 version    BIGINT PRIMARY KEY,
                 applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
             );",
        )
        .map_err(|e| self.error(e))?;
        let version: i64 = tx
            .query_one("SELECT COALESCE(MAX(version), 0) FROM schema_version", &[])
            .map_err(|e| self.error(e))?
            .get(0);
        if version > supported {
            return Err(StoreError::TooNew { found: version, supported });
        }
        for (at, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.batch_execute(sql).map_err(|e| self.error(e))?;
            if *sql == entities::MIGRATION {
                entities::backfill(&mut tx).map_err(|e| self.error(e))?;
            }
            tx.execute("INSERT INTO schema_version (version) VALUES ($1)", &[&(at as i64 + 1)])
                .map_err(|e| self.error(e))?;
        }
        tx.commit().map_err(|e| self.error(e))
    }

    /// Runs `f` on a pooled connection, naming the database in any error.
    fn with<T>(&self, f: impl FnOnce(&mut Conn) -> std::result::Result<T, Failure>) -> Result<T> {
        let mut conn = self.conn()?;
        f(&mut conn).map_err(|failure| match failure {
            Failure::Pg(e) => self.error(e),
            Failure::Store(e) => e,
        })
    }
}

/// A failure inside a unit of work: the server's, or one the store found in a row.
enum Failure {
    Pg(postgres::Error),
    Store(StoreError),
}

impl From<postgres::Error> for Failure {
    fn from(e: postgres::Error) -> Self {
        Failure::Pg(e)
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

type Work<T> = std::result::Result<T, Failure>;

/// A server error as a [`StoreError`] naming the database and the reason.
fn pg_error(database: &str, error: postgres::Error) -> StoreError {
    // Connection exceptions (08), the server shutting down or starting (57P0x), and
    // errors with no server answer at all (refused, closed, timed out).
    let unreachable = error.as_db_error().is_none_or(|db| {
        let code = db.code().code();
        code.starts_with("08") || code.starts_with("57P0")
    });
    let reason = match error.as_db_error() {
        Some(db) => format!("{} (sqlstate {})", db.message(), db.code().code()),
        None => {
            // The top error says what failed ("error connecting to server"), its
            // source why ("Connection refused").
            let mut reason = error.to_string();
            let mut source = std::error::Error::source(&error);
            while let Some(cause) = source {
                let cause_text = cause.to_string();
                if !reason.contains(&cause_text) {
                    reason = format!("{reason}: {cause_text}");
                }
                source = cause.source();
            }
            if error.is_closed() || reason.contains("connecting") {
                reason.push_str(" (is the database server running and reachable?)");
            }
            reason
        }
    };
    StoreError::Server { database: database.to_string(), reason, unreachable }
}

/// A statement prepared once per connection.
fn prepared(
    client: &mut impl GenericClient,
    cache: &mut HashMap<&'static str, Statement>,
    sql: &'static str,
) -> Work<Statement> {
    if let Some(statement) = cache.get(sql) {
        return Ok(statement.clone());
    }
    let statement = client.prepare(sql)?;
    cache.insert(sql, statement.clone());
    Ok(statement)
}

impl Conn {
    fn query(&mut self, sql: &'static str, params: &[&(dyn ToSql + Sync)]) -> Work<Vec<Row>> {
        let statement = prepared(&mut self.client, &mut self.statements, sql)?;
        Ok(self.client.query(&statement, params)?)
    }

    fn query_one(&mut self, sql: &'static str, params: &[&(dyn ToSql + Sync)]) -> Work<Row> {
        let statement = prepared(&mut self.client, &mut self.statements, sql)?;
        Ok(self.client.query_one(&statement, params)?)
    }

    fn execute(&mut self, sql: &'static str, params: &[&(dyn ToSql + Sync)]) -> Work<u64> {
        let statement = prepared(&mut self.client, &mut self.statements, sql)?;
        Ok(self.client.execute(&statement, params)?)
    }
}

/// A time as the server keeps it: whole microseconds.
fn micros(time: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(time.timestamp_micros()).unwrap_or(time)
}

/// A publication time from its UTC instant and the publisher's offset in seconds
/// (UTC for a missing or bad offset).
fn to_published(utc: Option<DateTime<Utc>>, offset: Option<i32>) -> Option<DateTime<FixedOffset>> {
    let utc = utc?;
    let offset = offset.and_then(FixedOffset::east_opt).unwrap_or(FixedOffset::east_opt(0)?);
    Some(utc.with_timezone(&offset))
}

fn count(row: &Row, at: usize) -> usize {
    row.get::<_, i64>(at).max(0) as usize
}

fn read_summary(r: &Row) -> ArticleSummary {
    ArticleSummary {
        id: r.get::<_, String>(0).into(),
        title: r.get(1),
        url: r.get(2),
        source: r.get(3),
        published: to_published(r.get(4), r.get(7)),
        language: r.get(5),
        duplicate_of: r.get::<_, Option<String>>(6).map(ArticleId::from),
    }
}

/// The article columns, in the order [`read_article`] reads them.
macro_rules! article_columns {
    () => {
        "id, title, url, source, byline, published, language, body, analysis::text, content_hash, origin, seq, duplicate_of, published_offset"
    };
}

fn read_article(row: &Row) -> Result<Change> {
    let id: String = row.get(0);
    let corrupt = |e: serde_json::Error| StoreError::Corrupt { id: id.clone(), reason: e.to_string() };
    let analysis: String = row.get(8);
    let mut fields: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&analysis).map_err(corrupt)?;
    let columns = serde_json::json!({
        "id": id,
        "title": row.get::<_, String>(1),
        "url": row.get::<_, Option<String>>(2),
        "source": row.get::<_, Option<String>>(3),
        "byline": row.get::<_, Option<String>>(4),
        "published": to_published(row.get(5), row.get(13)),
        "language": row.get::<_, Option<String>>(6),
        "text": row.get::<_, String>(7),
        "content_hash": row.get::<_, String>(9),
        "origin": row.get::<_, String>(10),
        "duplicate_of": row.get::<_, Option<String>>(12),
        "signature": [],
    });
    if let serde_json::Value::Object(columns) = columns {
        fields.extend(columns);
    }
    let article: Article = serde_json::from_value(serde_json::Value::Object(fields)).map_err(corrupt)?;
    Ok(Change { seq: row.get(11), article })
}

fn signature_bytes(signature: &[u32]) -> Option<Vec<u8>> {
    (!signature.is_empty()).then(|| signature.iter().flat_map(|v| v.to_le_bytes()).collect())
}

fn read_feed(r: &Row) -> Feed {
    Feed {
        url: r.get(0),
        title: r.get(1),
        site_url: r.get(2),
        category: r.get(3),
        interval_secs: r.get::<_, i64>(4).max(1) as u64,
        etag: r.get(5),
        last_modified: r.get(6),
        added: r.get(7),
        last_checked: r.get(8),
        last_success: r.get(9),
        next_due: r.get(10),
        failures: r.get::<_, i64>(11).clamp(0, i64::from(u32::MAX)) as u32,
        last_error: r.get(12),
        dead: r.get(13),
    }
}

/// The story columns, in the order [`read_story`] reads them.
macro_rules! story_columns {
    () => {
        "id, title, first_seen, last_updated, articles, copies, sources, bullets"
    };
}

/// A story row with its key points parsed; a row whose key points do not parse is
/// reported as corrupt, naming the story.
fn read_story(r: &Row) -> Result<Story> {
    let id: String = r.get(0);
    let bullets: String = r.get(7);
    let bullets =
        serde_json::from_str(&bullets).map_err(|e| StoreError::Corrupt { id: id.clone(), reason: e.to_string() })?;
    Ok(Story {
        id: id.into(),
        title: r.get(1),
        first_seen: r.get(2),
        last_updated: r.get(3),
        articles: count(r, 4),
        copies: count(r, 5),
        sources: count(r, 6),
        bullets,
    })
}

fn ids(ids: &[ArticleId]) -> Vec<&str> {
    ids.iter().map(|id| id.as_str()).collect()
}

impl Store for PgStore {
    fn upsert_batch(&self, articles: &[Article]) -> Result<Vec<Upsert>> {
        self.with(|conn| {
            let log_lock = self.log_lock();
            let Conn { client, statements } = conn;
            let mut tx = client.transaction()?;
            // Numbering and committing in turn keeps the change log in commit order.
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&log_lock])?;
            let mut seq: i64 = tx.query_one("SELECT COALESCE(MAX(seq), 0) FROM articles", &[])?.get(0);
            let now = micros(Utc::now());
            let wanted: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
            // What is stored of each id: its hash, publication time and offset (kept
            // up to date as the batch writes, so an id twice in a batch compares with
            // its first write, as in SQLite).
            type Stored = (String, Option<DateTime<Utc>>, Option<i32>);
            let mut stored: HashMap<String, Stored> = HashMap::new();
            let existing = prepared(
                &mut tx,
                statements,
                "SELECT id, content_hash, published, published_offset FROM articles WHERE id = ANY($1)",
            )?;
            for row in tx.query(&existing, &[&wanted])? {
                stored.insert(row.get(0), (row.get(1), row.get(2), row.get(3)));
            }
            let write = prepared(
                &mut tx,
                statements,
                "INSERT INTO articles (id, title, url, source, byline, published, language, body, analysis, content_hash,
                     origin, seq, ingested_at, updated_at, duplicate_of, signature, published_offset)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CAST($9::text AS jsonb), $10, $11, $12, $13, $13, $14, $15, $16)
                 ON CONFLICT (id) DO UPDATE SET title = excluded.title, url = excluded.url, source = excluded.source,
                   byline = excluded.byline, published = excluded.published, language = excluded.language,
                   body = excluded.body, analysis = excluded.analysis, content_hash = excluded.content_hash,
                   origin = excluded.origin, seq = excluded.seq, updated_at = excluded.updated_at,
                   duplicate_of = excluded.duplicate_of, signature = excluded.signature,
                   published_offset = excluded.published_offset",
            )?;
            let mut outcomes = Vec::with_capacity(articles.len());
            for a in articles {
                let published = a.published.map(|d| micros(d.with_timezone(&Utc)));
                let offset = a.published.map(|d| d.offset().local_minus_utc());
                let outcome = match stored.get(a.id.as_str()) {
                    // A new date is a change too (a row dated by an archive's capture
                    // time is mended), as in SQLite.
                    Some((hash, stored_published, stored_offset))
                        if *hash == a.content_hash && *stored_published == published && *stored_offset == offset =>
                    {
                        outcomes.push(Upsert::Unchanged);
                        continue;
                    }
                    Some(_) => Upsert::Updated,
                    None => Upsert::Inserted,
                };
                seq += 1;
                let analysis = analysis_json(a)?;
                tx.execute(
                    &write,
                    &[
                        &a.id.as_str(),
                        &clean(&a.title),
                        &a.url.as_deref().map(clean),
                        &a.source.as_deref().map(clean),
                        &a.byline.as_deref().map(clean),
                        &published,
                        &a.language,
                        &clean(&a.text),
                        &analysis,
                        &a.content_hash,
                        &clean(&a.origin),
                        &seq,
                        &now,
                        &a.duplicate_of.as_deref(),
                        &signature_bytes(&a.signature),
                        &offset,
                    ],
                )?;
                entities::write(&mut tx, statements, a.id.as_str(), &a.entities, &a.attributions)?;
                stored.insert(a.id.to_string(), (a.content_hash.clone(), published, offset));
                outcomes.push(outcome);
            }
            tx.commit()?;
            Ok(outcomes)
        })
    }

    fn get(&self, id: &str) -> Result<Option<Article>> {
        self.with(|conn| {
            let rows = conn.query(concat!("SELECT ", article_columns!(), " FROM articles WHERE id = $1"), &[&id])?;
            Ok(rows.first().map(read_article).transpose()?.map(|c| c.article))
        })
    }

    fn list(&self, query: &ListQuery) -> Result<Vec<ArticleSummary>> {
        let (limit, offset) = (query.limit as i64, query.offset as i64);
        self.with(|conn| {
            let rows = if query.originals_only {
                conn.query(
                    "SELECT id, title, url, source, published, language, duplicate_of, published_offset
                     FROM articles WHERE duplicate_of IS NULL
                     ORDER BY published IS NULL, published DESC, seq DESC LIMIT $1 OFFSET $2",
                    &[&limit, &offset],
                )?
            } else {
                conn.query(
                    "SELECT id, title, url, source, published, language, duplicate_of, published_offset
                     FROM articles ORDER BY published IS NULL, published DESC, seq DESC LIMIT $1 OFFSET $2",
                    &[&limit, &offset],
                )?
            };
            Ok(rows.iter().map(read_summary).collect())
        })
    }

    fn count(&self) -> Result<usize> {
        self.with(|conn| Ok(count(&conn.query_one("SELECT COUNT(*) FROM articles", &[])?, 0)))
    }

    fn cards(&self, query: &CardQuery) -> Result<Vec<Card>> {
        let (limit, offset) = (query.limit as i64, query.offset as i64);
        self.with(|conn| {
            // The page is chosen from the small columns first; only its rows' key
            // points are read out of the analysis.
            let rows = conn.query(
                "SELECT a.id, a.title, a.url, a.source, a.published, a.language, a.duplicate_of, a.published_offset,
                        (a.analysis -> 'summary' -> 'bullets')::text,
                        (SELECT COUNT(*) FROM articles d WHERE d.duplicate_of = a.id)
                 FROM (SELECT id FROM articles
                       WHERE duplicate_of IS NULL AND ($3::text IS NULL OR source = $3)
                       ORDER BY published IS NULL, published DESC, seq DESC LIMIT $1 OFFSET $2) page
                 JOIN articles a ON a.id = page.id
                 ORDER BY a.published IS NULL, a.published DESC, a.seq DESC",
                &[&limit, &offset, &query.source],
            )?;
            let mut cards = Vec::with_capacity(rows.len());
            for row in &rows {
                let article = read_summary(row);
                let bullets = match row.get::<_, Option<String>>(8).as_deref().map(serde_json::from_str) {
                    None => Vec::new(),
                    Some(Ok(bullets)) => bullets,
                    Some(Err(e)) => {
                        return Err(StoreError::Corrupt { id: article.id.to_string(), reason: e.to_string() }.into());
                    }
                };
                cards.push(Card { article, bullets, copies: count(row, 9) });
            }
            Ok(cards)
        })
    }

    fn sources(&self) -> Result<Vec<SourceCount>> {
        self.with(|conn| {
            let rows = conn.query(
                "SELECT source, COUNT(*) FROM articles WHERE duplicate_of IS NULL
                 GROUP BY source ORDER BY source IS NULL, source",
                &[],
            )?;
            Ok(rows.iter().map(|r| SourceCount { source: r.get(0), stories: count(r, 1) }).collect())
        })
    }

    fn duplicates_of(&self, id: &str, limit: usize) -> Result<Vec<ArticleSummary>> {
        self.with(|conn| {
            let rows = conn.query(
                "SELECT id, title, url, source, published, language, duplicate_of, published_offset
                 FROM articles WHERE duplicate_of = $1
                 ORDER BY published IS NULL DESC, published, seq LIMIT $2",
                &[&id, &(limit as i64)],
            )?;
            Ok(rows.iter().map(read_summary).collect())
        })
    }

    fn count_duplicates(&self, id: &str) -> Result<usize> {
        self.with(|conn| {
            Ok(count(&conn.query_one("SELECT COUNT(*) FROM articles WHERE duplicate_of = $1", &[&id])?, 0))
        })
    }

    fn signatures(&self) -> Result<Vec<StoredSignature>> {
        self.with(|conn| {
            let rows =
                conn.query("SELECT id, signature, duplicate_of FROM articles WHERE signature IS NOT NULL", &[])?;
            Ok(rows
                .iter()
                .map(|r| {
                    let bytes: Vec<u8> = r.get(1);
                    StoredSignature {
                        id: r.get(0),
                        signature: bytes
                            .chunks_exact(4)
                            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                            .collect(),
                        duplicate_of: r.get(2),
                    }
                })
                .collect())
        })
    }

    fn changes_since(&self, seq: i64, limit: usize) -> Result<Vec<Change>> {
        self.with(|conn| {
            let rows = conn.query(
                concat!("SELECT ", article_columns!(), " FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2"),
                &[&seq, &(limit as i64)],
            )?;
            Ok(rows.iter().map(read_article).collect::<Result<Vec<_>>>()?)
        })
    }

    fn last_seq(&self) -> Result<i64> {
        self.with(|conn| Ok(conn.query_one("SELECT COALESCE(MAX(seq), 0) FROM articles", &[])?.get(0)))
    }

    fn existing(&self, wanted: &[ArticleId]) -> Result<HashSet<ArticleId>> {
        let wanted = ids(wanted);
        self.with(|conn| {
            let rows = conn.query("SELECT id FROM articles WHERE id = ANY($1)", &[&wanted])?;
            Ok(rows.iter().map(|r| ArticleId::from(r.get::<_, String>(0))).collect())
        })
    }

    fn set_stories(&self, assignments: &[(ArticleId, ArticleId)]) -> Result<()> {
        // The last assignment of an article wins, as when they are applied in turn.
        let mut last: HashMap<&str, &str> = HashMap::new();
        for (article, story) in assignments {
            last.insert(article.as_str(), story.as_str());
        }
        let (articles, stories): (Vec<&str>, Vec<&str>) = last.into_iter().unzip();
        self.with(|conn| {
            conn.execute(
                "UPDATE articles a SET story = s.story
                 FROM unnest($1::text[], $2::text[]) AS s(id, story) WHERE a.id = s.id",
                &[&articles, &stories],
            )?;
            Ok(())
        })
    }

    fn unfiled_since(&self, seq: i64, limit: usize) -> Result<Vec<Change>> {
        self.with(|conn| {
            let rows = conn.query(
                concat!(
                    "SELECT ",
                    article_columns!(),
                    " FROM articles WHERE story IS NULL AND seq > $1 ORDER BY seq LIMIT $2"
                ),
                &[&seq, &(limit as i64)],
            )?;
            Ok(rows.iter().map(read_article).collect::<Result<Vec<_>>>()?)
        })
    }

    fn clear_stories(&self) -> Result<()> {
        self.with(|conn| {
            let mut tx = conn.client.transaction()?;
            tx.batch_execute("UPDATE articles SET story = NULL WHERE story IS NOT NULL; DELETE FROM stories;")?;
            tx.commit()?;
            Ok(())
        })
    }

    fn stories_of(&self, wanted: &[ArticleId]) -> Result<HashMap<ArticleId, ArticleId>> {
        let wanted = ids(wanted);
        self.with(|conn| {
            let rows =
                conn.query("SELECT id, story FROM articles WHERE id = ANY($1) AND story IS NOT NULL", &[&wanted])?;
            Ok(rows
                .iter()
                .map(|r| (ArticleId::from(r.get::<_, String>(0)), ArticleId::from(r.get::<_, String>(1))))
                .collect())
        })
    }

    fn recent_story_members(&self, limit: usize) -> Result<Vec<StoryMember>> {
        self.with(|conn| {
            let rows = conn.query(
                "SELECT id, story, title, body, source, published, published_offset FROM (
                     SELECT id, story, title, body, source, published, published_offset, seq FROM articles
                     WHERE story IS NOT NULL AND duplicate_of IS NULL ORDER BY seq DESC LIMIT $1
                 ) recent ORDER BY seq",
                &[&(limit as i64)],
            )?;
            Ok(rows
                .iter()
                .map(|r| StoryMember {
                    id: r.get::<_, String>(0).into(),
                    story: r.get::<_, String>(1).into(),
                    title: r.get(2),
                    text: r.get(3),
                    source: r.get(4),
                    published: to_published(r.get(5), r.get(6)),
                })
                .collect())
        })
    }

    fn refresh_story(&self, id: &str, bullets: &[StoryBullet]) -> Result<Option<Story>> {
        let bullets = serde_json::to_string(bullets)
            .map_err(|e| StoreError::Corrupt { id: id.to_string(), reason: e.to_string() })?;
        self.with(|conn| {
            let mut tx = conn.client.transaction()?;
            // As in SQLite: the title is the headline of the article that started the
            // story, else of its first article with one; its times are its articles'
            // publication times, or their ingestion times when none is dated.
            let written = tx.execute(
                "INSERT INTO stories (id, title, first_seen, last_updated, articles, copies, sources, bullets)
                 SELECT $1,
                        COALESCE((SELECT title FROM articles WHERE id = $1 AND story = $1 AND title <> ''),
                                 (SELECT title FROM articles WHERE story = $1 AND title <> '' ORDER BY seq LIMIT 1), ''),
                        COALESCE(MIN(published), MIN(ingested_at)), COALESCE(MAX(published), MAX(ingested_at)),
                        COUNT(*) FILTER (WHERE duplicate_of IS NULL), COUNT(*), COUNT(DISTINCT source), $2
                 FROM articles WHERE story = $1
                 GROUP BY story
                 ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_seen = excluded.first_seen,
                   last_updated = excluded.last_updated, articles = excluded.articles, copies = excluded.copies,
                   sources = excluded.sources, bullets = excluded.bullets",
                &[&id, &bullets],
            )?;
            if written == 0 {
                tx.execute("DELETE FROM stories WHERE id = $1", &[&id])?;
                tx.commit()?;
                return Ok(None);
            }
            let row = tx.query_one(concat!("SELECT ", story_columns!(), " FROM stories WHERE id = $1"), &[&id])?;
            tx.commit()?;
            Ok(Some(read_story(&row)?))
        })
    }

    fn story(&self, id: &str) -> Result<Option<Story>> {
        self.with(|conn| {
            let rows = conn.query(concat!("SELECT ", story_columns!(), " FROM stories WHERE id = $1"), &[&id])?;
            Ok(rows.first().map(read_story).transpose()?)
        })
    }

    fn stories(&self, query: &StoryQuery) -> Result<Vec<Story>> {
        let (limit, offset) = (query.limit as i64, query.offset as i64);
        self.with(|conn| {
            let rows = conn.query(
                concat!(
                    "SELECT ",
                    story_columns!(),
                    " FROM stories WHERE $3::timestamptz IS NULL OR last_updated >= $3
                     ORDER BY last_updated DESC, id LIMIT $1 OFFSET $2"
                ),
                &[&limit, &offset, &query.since],
            )?;
            Ok(rows.iter().map(read_story).collect::<Result<Vec<_>>>()?)
        })
    }

    fn count_stories(&self, query: &StoryQuery) -> Result<usize> {
        self.with(|conn| {
            let row = conn.query_one(
                "SELECT COUNT(*) FROM stories WHERE $1::timestamptz IS NULL OR last_updated >= $1",
                &[&query.since],
            )?;
            Ok(count(&row, 0))
        })
    }

    fn story_articles(&self, id: &str, limit: usize) -> Result<Vec<ArticleSummary>> {
        self.with(|conn| {
            let rows = conn.query(
                "SELECT id, title, url, source, published, language, duplicate_of, published_offset
                 FROM articles WHERE story = $1
                 ORDER BY COALESCE(published, ingested_at), seq LIMIT $2",
                &[&id, &(limit as i64)],
            )?;
            Ok(rows.iter().map(read_summary).collect())
        })
    }

    fn add_feed(&self, feed: &Feed) -> Result<bool> {
        let ints = feed_ints(feed);
        self.with(|conn| {
            // One statement, so that two processes adding the same feed at once agree
            // on which added it; adding again revives a dead feed with the new settings.
            let row = conn.query_one(
                "INSERT INTO feeds (url, title, site_url, category, interval_secs, etag, last_modified, added,
                     last_checked, last_success, next_due, failures, last_error, dead)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                 ON CONFLICT (url) DO UPDATE SET title = COALESCE(excluded.title, feeds.title),
                   site_url = COALESCE(excluded.site_url, feeds.site_url),
                   category = COALESCE(excluded.category, feeds.category),
                   interval_secs = excluded.interval_secs, next_due = excluded.next_due, failures = 0, dead = FALSE
                 RETURNING (xmax = 0)",
                &feed_params!(feed, ints),
            )?;
            Ok(row.get(0))
        })
    }

    fn update_feed(&self, feed: &Feed) -> Result<()> {
        let ints = feed_ints(feed);
        self.with(|conn| {
            conn.execute(
                "INSERT INTO feeds (url, title, site_url, category, interval_secs, etag, last_modified, added,
                     last_checked, last_success, next_due, failures, last_error, dead)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                 ON CONFLICT (url) DO UPDATE SET title = excluded.title, site_url = excluded.site_url,
                   category = excluded.category, interval_secs = excluded.interval_secs, etag = excluded.etag,
                   last_modified = excluded.last_modified, added = excluded.added,
                   last_checked = excluded.last_checked, last_success = excluded.last_success,
                   next_due = excluded.next_due, failures = excluded.failures, last_error = excluded.last_error,
                   dead = excluded.dead, poll_owner = NULL, poll_until = NULL",
                &feed_params!(feed, ints),
            )?;
            Ok(())
        })
    }

    fn claim_feeds(
        &self,
        selection: &FeedSelection,
        owner: &str,
        limit: usize,
        lease: Duration,
        now: DateTime<Utc>,
    ) -> Result<Vec<Feed>> {
        let now = micros(now);
        let until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::MAX / 2);
        let (url, dead_too, due_or_not) = match selection {
            FeedSelection::Due => (None, false, false),
            FeedSelection::All => (None, false, true),
            FeedSelection::One(url) => (Some(url.as_str()), true, true),
        };
        self.with(|conn| {
            // Rows another poller is claiming this instant are skipped, not waited on.
            let rows = conn.query(
                "UPDATE feeds SET poll_owner = $1, poll_until = $2
                 WHERE url IN (
                     SELECT url FROM feeds
                     WHERE (poll_until IS NULL OR poll_until < $3) AND ($4::text IS NULL OR url = $4)
                       AND ($5 OR NOT dead) AND ($6 OR next_due <= $3)
                     ORDER BY added, url
                     LIMIT $7
                     FOR UPDATE SKIP LOCKED
                 )
                 RETURNING url, title, site_url, category, interval_secs, etag, last_modified, added, last_checked,
                           last_success, next_due, failures, last_error, dead",
                &[&owner, &until, &now, &url, &dead_too, &due_or_not, &(limit.min(i64::MAX as usize) as i64)],
            )?;
            let mut feeds: Vec<Feed> = rows.iter().map(read_feed).collect();
            feeds.sort_by(|a, b| (a.added, &a.url).cmp(&(b.added, &b.url)));
            Ok(feeds)
        })
    }

    fn feeds(&self) -> Result<Vec<Feed>> {
        self.with(|conn| {
            let rows = conn.query(
                "SELECT url, title, site_url, category, interval_secs, etag, last_modified, added, last_checked,
                        last_success, next_due, failures, last_error, dead
                 FROM feeds ORDER BY added, url",
                &[],
            )?;
            Ok(rows.iter().map(read_feed).collect())
        })
    }

    fn remove_feed(&self, url: &str) -> Result<bool> {
        self.with(|conn| Ok(conn.execute("DELETE FROM feeds WHERE url = $1", &[&url])? > 0))
    }

    fn rename_feed(&self, from: &str, to: &str) -> Result<bool> {
        self.with(|conn| {
            match conn.execute(
                "UPDATE feeds SET url = $2 WHERE url = $1 AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = $2)",
                &[&from, &to],
            ) {
                Ok(n) => Ok(n > 0),
                // Another process took the new URL between the check and the write.
                Err(Failure::Pg(e)) if e.code() == Some(&SqlState::UNIQUE_VIOLATION) => Ok(false),
                Err(e) => Err(e),
            }
        })
    }

    fn entity_articles(&self, name: &str, limit: usize) -> Result<Vec<EntityMention>> {
        self.entity_articles_pg(name, limit)
    }

    fn co_mentioned(&self, name: &str, limit: usize) -> Result<Vec<CoMention>> {
        self.co_mentioned_pg(name, limit)
    }

    fn entity_days(&self, name: &str) -> Result<Vec<EntityDay>> {
        self.entity_days_pg(name)
    }
}

/// A feed's values as statement parameters in column order, with its integers as
/// the BIGINTs the columns hold (computed by the caller with [`feed_ints`]).
macro_rules! feed_params {
    ($feed:expr, $ints:expr) => {
        [
            &$feed.url as &(dyn ToSql + Sync),
            &$feed.title,
            &$feed.site_url,
            &$feed.category,
            &$ints.0,
            &$feed.etag,
            &$feed.last_modified,
            &$feed.added,
            &$feed.last_checked,
            &$feed.last_success,
            &$feed.next_due,
            &$ints.1,
            &$feed.last_error,
            &$feed.dead,
        ]
    };
}
use feed_params;

/// A feed's interval and failure count as BIGINTs.
fn feed_ints(feed: &Feed) -> (i64, i64) {
    (feed.interval_secs.min(i64::MAX as u64) as i64, i64::from(feed.failures))
}
