//! One conformance suite for every [`Store`]: each behaviour below runs against SQLite
//! and against PostgreSQL, so the two backends cannot drift apart. The PostgreSQL half
//! uses the server that `DISTILL_TEST_POSTGRES` names (a `postgres://` URL; each test
//! gets a schema of its own, so they run in parallel); without it, it says once that it
//! skipped, and with `DISTILL_REQUIRE_POSTGRES=1` it fails instead.

use std::collections::HashSet;
use std::io::Write;
use std::sync::Once;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, Utc};
use distill_core::{
    Article, Attribution, AttributionKind, Entity, EntityRole, EntityType, Sentence, Stance, StoryCitation,
};
use distill_store::{
    CardQuery, EntityDay, Feed, FeedSelection, ListQuery, PgConfig, PgStore, SqliteStore, Store, StoreError,
    StoryQuery, Upsert,
};

/// A store under test, with the backend-specific ways a test reaches around it.
trait Backend: Sync {
    /// The store.
    fn store(&self) -> &dyn Store;
    /// The same database opened again, as by a second process.
    fn reopen(&self) -> Result<Box<dyn Store>, StoreError>;
    /// Runs SQL that both backends understand, around the store (to damage or age rows).
    fn exec(&self, sql: &str);
    /// Marks the database as written by a newer distill (schema `version`).
    fn mark_schema(&self, version: i64);
    /// Drops the entity-mention index and steps the schema back to before it, as a
    /// database written before the index existed (the steps after it undone too).
    fn forget_entity_index(&self);
}

struct Sqlite {
    dir: tempfile::TempDir,
    store: SqliteStore,
}

impl Sqlite {
    fn open() -> Sqlite {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("distill.db")).unwrap();
        Sqlite { dir, store }
    }

    fn connection(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.dir.path().join("distill.db")).unwrap()
    }
}

impl Backend for Sqlite {
    fn store(&self) -> &dyn Store {
        &self.store
    }
    fn reopen(&self) -> Result<Box<dyn Store>, StoreError> {
        Ok(Box::new(SqliteStore::open(&self.dir.path().join("distill.db"))?))
    }
    fn exec(&self, sql: &str) {
        self.connection().execute_batch(sql).unwrap();
    }
    fn mark_schema(&self, version: i64) {
        self.connection().pragma_update(None, "user_version", version).unwrap();
    }
    fn forget_entity_index(&self) {
        self.exec(
            "DROP TABLE entity_mentions; ALTER TABLE feeds DROP COLUMN poll_owner;
             ALTER TABLE feeds DROP COLUMN poll_until; PRAGMA user_version = 7;",
        );
    }
}

/// A schema of its own in the test server's database, dropped when the test ends.
struct Postgres {
    url: String,
    admin: String,
    schema: String,
    store: Option<PgStore>,
}

/// The test server, if one is configured; fails the test when one is required and
/// missing, and otherwise says once (past the test harness's capture) that it skipped.
fn postgres_url() -> Option<String> {
    static SKIPPED: Once = Once::new();
    match std::env::var("DISTILL_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            let required = std::env::var("DISTILL_REQUIRE_POSTGRES").is_ok_and(|v| v == "1");
            assert!(!required, "DISTILL_REQUIRE_POSTGRES=1 but DISTILL_TEST_POSTGRES names no server");
            SKIPPED.call_once(|| {
                let _ = writeln!(
                    std::io::stderr(),
                    "conformance: PostgreSQL half skipped (set DISTILL_TEST_POSTGRES=postgres://USER@HOST:PORT/DB)"
                );
            });
            None
        }
    }
}

impl Postgres {
    fn open() -> Option<Postgres> {
        let mut backend = Postgres::empty()?;
        backend.store = Some(PgStore::open(&backend.url).unwrap());
        Some(backend)
    }

    /// A fresh schema with no store opened on it yet.
    fn empty() -> Option<Postgres> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let admin = postgres_url()?;
        let schema = format!("distill_test_{}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
        let mut client = ::postgres::Client::connect(&admin, ::postgres::NoTls).expect("the test server answers");
        client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")).unwrap();
        // The schema also names the connections, so that a test can find its own.
        let joint = if admin.contains('?') { '&' } else { '?' };
        let url = format!("{admin}{joint}options=--search_path%3D{schema}&application_name={schema}");
        Some(Postgres { url, admin, schema, store: None })
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        self.store.take();
        if let Ok(mut client) = ::postgres::Client::connect(&self.admin, ::postgres::NoTls) {
            let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
        }
    }
}

impl Backend for Postgres {
    fn store(&self) -> &dyn Store {
        self.store.as_ref().unwrap()
    }
    fn reopen(&self) -> Result<Box<dyn Store>, StoreError> {
        Ok(Box::new(PgStore::open(&self.url)?))
    }
    fn exec(&self, sql: &str) {
        ::postgres::Client::connect(&self.url, ::postgres::NoTls).unwrap().batch_execute(sql).unwrap();
    }
    fn mark_schema(&self, version: i64) {
        self.exec(&format!("INSERT INTO schema_version (version) VALUES ({version})"));
    }
    fn forget_entity_index(&self) {
        self.exec(
            "DROP TABLE entity_mentions; ALTER TABLE feeds DROP COLUMN poll_owner, DROP COLUMN poll_until;
             DELETE FROM schema_version WHERE version > 2;",
        );
    }
}

/// Declares each behaviour as one test per backend.
macro_rules! conformance {
    ($($behaviour:ident),* $(,)?) => {
        mod sqlite {
            $(#[test] fn $behaviour() { super::$behaviour(&super::Sqlite::open()); })*
        }
        mod postgres {
            $(#[test] fn $behaviour() {
                if let Some(backend) = super::Postgres::open() { super::$behaviour(&backend); }
            })*
        }
    };
}

conformance!(
    upserts_are_idempotent_and_logged,
    cards_carry_key_points_and_copies,
    feeds_are_added_updated_and_removed,
    feeds_are_claimed_by_one_poller_at_a_time,
    pollers_in_parallel_claim_each_feed_once,
    publication_times_keep_their_offset_and_sort_by_instant,
    a_story_counts_its_reports_sources_and_times_and_lists_by_update,
    unfiled_articles_are_replayed_and_stories_cleared,
    the_change_log_reads_in_pages,
    a_corrupt_row_is_reported_by_id,
    nul_characters_and_odd_text_survive,
    writers_in_parallel_keep_one_log,
    newer_schema_is_refused,
    entities_find_their_articles_by_name_or_alias,
    entities_are_counted_by_day_and_named_with_others,
    the_entity_index_is_filled_for_articles_stored_before_it,
);

fn article(id: &str, text: &str) -> Article {
    Article {
        url: Some(format!("https://example.com/{id}")),
        source: Some("Example".into()),
        published: DateTime::parse_from_rfc3339("2026-09-14T10:00:00+02:00").ok(),
        language: Some("en".into()),
        sentences: vec![Sentence { index: 0, text: text.to_string(), start: 0, end: text.len(), paragraph: 0 }],
        signature: vec![7; 128],
        ..Article::sample(id, &format!("Title {id}"), text)
    }
}

fn ids<T>(rows: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    rows.iter().map(|r| id(r).to_string()).collect()
}

fn upserts_are_idempotent_and_logged(b: &dyn Backend) {
    let store = b.store();
    assert_eq!(
        store.upsert_batch(&[article("a", "one"), article("b", "two")]).unwrap(),
        [Upsert::Inserted, Upsert::Inserted]
    );
    assert_eq!(store.upsert(&article("a", "one")).unwrap(), Upsert::Unchanged);
    assert_eq!(store.last_seq().unwrap(), 2);
    assert_eq!(store.upsert(&article("a", "one, revised")).unwrap(), Upsert::Updated);
    assert_eq!(store.count().unwrap(), 2);
    let changes = store.changes_since(2, 10).unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!((changes[0].seq, changes[0].article.text.as_str()), (3, "one, revised"));
    assert_eq!(store.get("a").unwrap().unwrap().sentences[0].text, "one, revised");
    assert!(store.get("zzz").unwrap().is_none());
    // The same id twice in one batch: the second compares with the first.
    assert_eq!(
        store.upsert_batch(&[article("d", "four"), article("d", "four")]).unwrap(),
        [Upsert::Inserted, Upsert::Unchanged]
    );
    // Reopening runs no migration twice and keeps the data.
    let store = b.reopen().unwrap();
    assert_eq!(store.count().unwrap(), 3);
    assert_eq!(store.list(&ListQuery::default()).unwrap().len(), 3);
    // Copies are linked to their original, and lists can leave them out.
    let mut copy = article("c", "one, revised, copied");
    copy.duplicate_of = Some("a".into());
    store.upsert(&copy).unwrap();
    assert_eq!(ids(&store.duplicates_of("a", 10).unwrap(), |s| s.id.as_str()), ["c"]);
    assert_eq!(store.count_duplicates("a").unwrap(), 1);
    assert_eq!(store.count_duplicates("b").unwrap(), 0);
    assert_eq!(store.list(&ListQuery { originals_only: true, ..ListQuery::default() }).unwrap().len(), 3);
    assert_eq!(store.list(&ListQuery::default()).unwrap().len(), 4);
    let signatures = store.signatures().unwrap();
    assert_eq!(signatures.len(), 4);
    assert!(signatures.iter().all(|s| s.signature == vec![7; 128]));
    assert_eq!(signatures.iter().find(|s| s.id == "c").unwrap().duplicate_of.as_deref(), Some("a"));
    // The stored article reads back as written (the signature is read only as such).
    let stored = store.get("c").unwrap().unwrap();
    assert_eq!(stored, Article { signature: Vec::new(), ..copy });
}

/// Cards are the originals, newest first, each with its key points and its number of
/// copies; a source narrows them, and the sources count stories, not copies.
fn cards_carry_key_points_and_copies(b: &dyn Backend) {
    let store = b.store();
    let mut old = article("old", "The old story.");
    old.published = DateTime::parse_from_rfc3339("2026-09-01T08:00:00+00:00").ok();
    old.summary.bullets = vec![distill_core::Bullet::new("The old story.", vec![0])];
    let mut new = article("new", "The new story.");
    new.source = Some("Wire".into());
    let mut copy = article("copy", "The old story, copied.");
    copy.duplicate_of = Some("old".into());
    let mut nameless = article("nameless", "No source.");
    nameless.source = None;
    nameless.published = None;
    store.upsert_batch(&[old, new, copy, nameless]).unwrap();

    let all = store.cards(&CardQuery { limit: 10, ..CardQuery::default() }).unwrap();
    assert_eq!(ids(&all, |c| c.article.id.as_str()), ["new", "old", "nameless"]);
    assert_eq!(all[1].bullets, [distill_core::Bullet::new("The old story.", vec![0])]);
    assert_eq!((all[0].copies, all[1].copies), (0, 1));
    assert!(all[0].bullets.is_empty());
    let page = store.cards(&CardQuery { limit: 1, offset: 1, source: None }).unwrap();
    assert_eq!(ids(&page, |c| c.article.id.as_str()), ["old"]);
    let wire = store.cards(&CardQuery { limit: 10, offset: 0, source: Some("Wire".into()) }).unwrap();
    assert_eq!(ids(&wire, |c| c.article.id.as_str()), ["new"]);

    let sources = store.sources().unwrap();
    let counted: Vec<(Option<&str>, usize)> = sources.iter().map(|s| (s.source.as_deref(), s.stories)).collect();
    assert_eq!(counted, [(Some("Example"), 1), (Some("Wire"), 1), (None, 1)]);
}

fn feeds_are_added_updated_and_removed(b: &dyn Backend) {
    let store = b.store();
    // Whole seconds: both backends keep at least that.
    let now = DateTime::from_timestamp(Utc::now().timestamp(), 0).unwrap();
    let mut feed = Feed::new("https://wire.example/rss", std::time::Duration::from_secs(900), now);
    assert!(store.add_feed(&feed).unwrap());
    feed.failures = 9;
    feed.dead = true;
    feed.etag = Some("\"v1\"".into());
    feed.last_error = Some("HTTP 500".into());
    feed.last_checked = Some(now);
    feed.title = Some("The Wire".into());
    store.update_feed(&feed).unwrap();
    assert_eq!(store.feeds().unwrap(), [feed.clone()]);
    // Adding again revives it, keeps what the new settings leave out, and says so.
    assert!(!store.add_feed(&Feed::new(&feed.url, std::time::Duration::from_secs(60), now)).unwrap());
    let revived = &store.feeds().unwrap()[0];
    assert!(!revived.dead && revived.failures == 0 && revived.interval_secs == 60);
    assert_eq!((revived.etag.as_deref(), revived.title.as_deref()), (Some("\"v1\""), Some("The Wire")));
    // Feeds list oldest first.
    let later =
        Feed::new("https://later.example/rss", std::time::Duration::from_secs(60), now + chrono::Duration::seconds(5));
    assert!(store.add_feed(&later).unwrap());
    assert_eq!(ids(&store.feeds().unwrap(), |f| f.url.as_str()), [feed.url.as_str(), later.url.as_str()]);
    assert!(store.rename_feed(&feed.url, "https://wire.example/moved.rss").unwrap());
    assert!(!store.rename_feed(&feed.url, "https://wire.example/other.rss").unwrap());
    assert!(!store.rename_feed("https://wire.example/moved.rss", &later.url).unwrap(), "the new URL is taken");
    assert_eq!(store.feeds().unwrap()[0].url, "https://wire.example/moved.rss");
    assert!(store.remove_feed("https://wire.example/moved.rss").unwrap());
    assert!(!store.remove_feed(&feed.url).unwrap());
    assert!(store.remove_feed(&later.url).unwrap());
    assert!(store.feeds().unwrap().is_empty());
    store.upsert(&article("a", "one")).unwrap();
    assert_eq!(store.existing(&["a".into(), "b".into()]).unwrap(), HashSet::from(["a".into()]));
}

fn urls(feeds: &[Feed]) -> Vec<String> {
    ids(feeds, |f| f.url.as_str())
}

/// A poller's claim keeps the feed from every other poller until the poller writes
/// the feed back or its lease runs out; a dead feed is claimed only by name.
fn feeds_are_claimed_by_one_poller_at_a_time(b: &dyn Backend) {
    let store = b.store();
    let minute = std::time::Duration::from_secs(60);
    let feed = |n: usize, due: i64| Feed {
        next_due: at(due),
        ..Feed::new(&format!("https://f{n}.example/rss"), minute, at(n as i64))
    };
    for f in [feed(1, 0), feed(2, 0), feed(3, 100), Feed { dead: true, ..feed(4, 0) }] {
        store.add_feed(&f).unwrap();
        store.update_feed(&f).unwrap();
    }
    let due = store.claim_feeds(&FeedSelection::Due, "a", 10, minute, at(10)).unwrap();
    assert_eq!(urls(&due), ["https://f1.example/rss", "https://f2.example/rss"], "due and live, oldest first");
    assert!(store.claim_feeds(&FeedSelection::Due, "b", 10, minute, at(10)).unwrap().is_empty(), "held by a");
    assert_eq!(
        urls(&store.claim_feeds(&FeedSelection::All, "b", 10, minute, at(10)).unwrap()),
        ["https://f3.example/rss"]
    );
    let one = |url: &str| FeedSelection::One(url.to_string());
    assert!(store.claim_feeds(&one("https://f1.example/rss"), "c", 10, minute, at(11)).unwrap().is_empty());
    assert_eq!(store.claim_feeds(&one("https://f4.example/rss"), "c", 10, minute, at(11)).unwrap().len(), 1, "by name");
    // Writing a feed back releases it.
    let mut polled = due[0].clone();
    polled.next_due = at(20);
    polled.last_checked = Some(at(12));
    store.update_feed(&polled).unwrap();
    assert_eq!(store.claim_feeds(&one(&polled.url), "c", 10, minute, at(13)).unwrap(), [polled.clone()]);
    // A's lease on f2 runs out at 70 (a died); c's on f1 at 73.
    assert!(store.claim_feeds(&FeedSelection::Due, "d", 10, minute, at(70)).unwrap().is_empty());
    assert_eq!(
        urls(&store.claim_feeds(&FeedSelection::Due, "d", 10, minute, at(71)).unwrap()),
        ["https://f2.example/rss"]
    );
    assert_eq!(
        urls(&store.claim_feeds(&FeedSelection::Due, "e", 10, minute, at(74)).unwrap()),
        ["https://f1.example/rss"]
    );
    assert_eq!(store.feeds().unwrap().len(), 4, "claims change no feed");
    let first = store.claim_feeds(&FeedSelection::All, "f", 1, minute, at(500)).unwrap();
    assert_eq!(urls(&first), ["https://f1.example/rss"], "at most the limit, oldest first");
}

/// Pollers claiming at the same moment from separate connections share the due
/// feeds between them: each is taken exactly once.
fn pollers_in_parallel_claim_each_feed_once(b: &dyn Backend) {
    let minute = std::time::Duration::from_secs(60);
    let store = b.store();
    for n in 0..60 {
        store.add_feed(&Feed::new(&format!("https://f{n:02}.example/rss"), minute, at(0))).unwrap();
    }
    let stores: Vec<Box<dyn Store>> = (0..4).map(|_| b.reopen().unwrap()).collect();
    let claimed: Vec<Vec<String>> = std::thread::scope(|scope| {
        let pollers: Vec<_> = stores
            .iter()
            .enumerate()
            .map(|(i, store)| {
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    // Small claims in turn, as busy pollers would make them.
                    for _ in 0..30 {
                        let feeds = store.claim_feeds(&FeedSelection::Due, &format!("p{i}"), 3, minute, at(1)).unwrap();
                        mine.extend(urls(&feeds));
                    }
                    mine
                })
            })
            .collect();
        pollers.into_iter().map(|p| p.join().unwrap()).collect()
    });
    let mut all: Vec<String> = claimed.concat();
    let total = all.len();
    all.sort();
    all.dedup();
    assert_eq!((total, all.len()), (60, 60), "every feed once: {claimed:?}");
}

fn publication_times_keep_their_offset_and_sort_by_instant(b: &dyn Backend) {
    let store = b.store();
    let at = |s: &str| Some(DateTime::parse_from_rfc3339(s).unwrap());
    let mut evening = article("evening", "Filed in New York in the evening.");
    evening.published = at("2026-09-14T21:00:00-05:00");
    let mut night = article("night", "Filed in London after midnight.");
    night.published = at("2026-09-15T01:00:00+00:00");
    store.upsert_batch(&[night, evening]).unwrap();

    let got = store.get("evening").unwrap().unwrap().published.unwrap();
    assert_eq!(got.to_rfc3339(), "2026-09-14T21:00:00-05:00", "the publisher's day and offset");
    let listed = store.list(&ListQuery { limit: 10, offset: 0, originals_only: false }).unwrap();
    assert_eq!(ids(&listed, |a| a.id.as_str()), ["evening", "night"], "02:00 UTC is later than 01:00 UTC");

    // Rows written before offsets were kept read as UTC, and ingesting the article
    // again mends them.
    b.exec("UPDATE articles SET published_offset = NULL");
    let stored = store.get("evening").unwrap().unwrap();
    assert_eq!(stored.published.unwrap().to_rfc3339(), "2026-09-15T02:00:00+00:00");
    let mut again = stored.clone();
    again.published = at("2026-09-14T21:00:00-05:00");
    assert_eq!(store.upsert_batch(&[again.clone()]).unwrap(), [Upsert::Updated]);
    assert_eq!(store.get("evening").unwrap().unwrap().published, again.published);
    assert_eq!(store.upsert_batch(&[again]).unwrap(), [Upsert::Unchanged]);
}

fn story_article(id: &str, source: &str, published: &str) -> Article {
    Article {
        source: Some(source.into()),
        published: DateTime::parse_from_rfc3339(published).ok(),
        ..Article::sample(id, &format!("Title {id}"), &format!("Body of {id}."))
    }
}

fn a_story_counts_its_reports_sources_and_times_and_lists_by_update(b: &dyn Backend) {
    let store = b.store();
    let copy = Article { duplicate_of: Some("a".into()), ..story_article("c", "Wire", "2026-09-14T12:00:00+00:00") };
    store
        .upsert_batch(&[
            story_article("a", "Herald", "2026-09-14T10:00:00+02:00"),
            story_article("b", "Courier", "2026-09-15T09:00:00+00:00"),
            copy,
            story_article("d", "Herald", "2026-09-13T09:00:00+00:00"),
        ])
        .unwrap();
    store
        .set_stories(&[
            ("a".into(), "a".into()),
            ("b".into(), "a".into()),
            ("c".into(), "a".into()),
            ("d".into(), "d".into()),
        ])
        .unwrap();
    let bullets = vec![distill_core::StoryBullet {
        text: "A fire burned.".into(),
        citations: vec![StoryCitation { id: "b".into(), sentence: 0 }],
        disputed: false,
    }];
    let story = store.refresh_story("a", &bullets).unwrap().unwrap();
    assert_eq!(story.title, "Title a");
    assert_eq!((story.articles, story.copies, story.sources), (2, 3, 3));
    assert_eq!(story.first_seen.to_rfc3339(), "2026-09-14T08:00:00+00:00");
    assert_eq!(story.last_updated.to_rfc3339(), "2026-09-15T09:00:00+00:00");
    assert_eq!(store.story("a").unwrap().unwrap().bullets, bullets);
    store.refresh_story("d", &[]).unwrap().unwrap();

    let all = StoryQuery { limit: 10, ..StoryQuery::default() };
    assert_eq!(ids(&store.stories(&all).unwrap(), |s| s.id.as_str()), ["a", "d"], "the latest updated first");
    assert_eq!(store.count_stories(&all).unwrap(), 2);
    let since =
        StoryQuery { since: DateTime::parse_from_rfc3339("2026-09-14T00:00:00Z").ok().map(|t| t.to_utc()), ..all };
    assert_eq!(store.count_stories(&since).unwrap(), 1);
    assert_eq!(ids(&store.stories(&since).unwrap(), |s| s.id.as_str()), ["a"]);
    assert_eq!(ids(&store.story_articles("a", 10).unwrap(), |a| a.id.as_str()), ["a", "c", "b"], "oldest first");
    assert_eq!(ids(&store.story_articles("a", 2).unwrap(), |a| a.id.as_str()), ["a", "c"]);
    let replay: Vec<(String, String)> =
        store.recent_story_members(2).unwrap().into_iter().map(|m| (m.id.to_string(), m.story.to_string())).collect();
    assert_eq!(replay, [("b".into(), "a".into()), ("d".into(), "d".into())], "the latest originals, in log order");
    let of = store.stories_of(&["c".into(), "x".into()]).unwrap();
    assert_eq!((of.len(), of.get("c").map(|s| s.as_str())), (1, Some("a")));

    // Once no article is filed under it, the story is gone.
    store.set_stories(&[("d".into(), "a".into())]).unwrap();
    assert!(store.refresh_story("d", &[]).unwrap().is_none());
    assert!(store.story("d").unwrap().is_none());
    assert_eq!(store.refresh_story("a", &bullets).unwrap().unwrap().articles, 3);
}

fn unfiled_articles_are_replayed_and_stories_cleared(b: &dyn Backend) {
    let store = b.store();
    store.upsert_batch(&[article("a", "one"), article("b", "two"), article("c", "three")]).unwrap();
    // The last assignment of an article in one call wins.
    store.set_stories(&[("a".into(), "x".into()), ("a".into(), "a".into()), ("b".into(), "a".into())]).unwrap();
    store.refresh_story("a", &[]).unwrap().unwrap();
    assert_eq!(ids(&store.unfiled_since(0, 10).unwrap(), |c| c.article.id.as_str()), ["c"]);
    assert_eq!(store.stories_of(&["a".into()]).unwrap().get("a").map(|s| s.as_str()), Some("a"));
    store.clear_stories().unwrap();
    assert_eq!(ids(&store.unfiled_since(0, 10).unwrap(), |c| c.article.id.as_str()), ["a", "b", "c"]);
    assert_eq!(ids(&store.unfiled_since(1, 1).unwrap(), |c| c.article.id.as_str()), ["b"]);
    assert!(store.story("a").unwrap().is_none());
    assert_eq!(store.count_stories(&StoryQuery::default()).unwrap(), 0);
}

fn the_change_log_reads_in_pages(b: &dyn Backend) {
    let store = b.store();
    assert_eq!(store.last_seq().unwrap(), 0);
    assert!(store.changes_since(0, 10).unwrap().is_empty());
    let batch: Vec<Article> = (0..25).map(|i| article(&format!("n{i:02}"), &format!("text {i}"))).collect();
    store.upsert_batch(&batch).unwrap();
    store.upsert(&article("n03", "text 3, revised")).unwrap();
    let mut seen = Vec::new();
    let mut at = 0;
    loop {
        let page = store.changes_since(at, 7).unwrap();
        if page.is_empty() {
            break;
        }
        assert!(page.len() <= 7);
        at = page.last().unwrap().seq;
        seen.extend(page.into_iter().map(|c| (c.seq, c.article.id.to_string())));
    }
    let seqs: Vec<i64> = seen.iter().map(|(s, _)| *s).collect();
    let expected: Vec<i64> = (1..=26).filter(|s| *s != 4).collect();
    assert_eq!(seqs, expected, "the revised row moved to the end of the log");
    assert_eq!(seen.last().unwrap().1, "n03");
    assert_eq!(store.last_seq().unwrap(), 26);
    // Lists page through newest first, the log breaking ties of equal times.
    let page = store.list(&ListQuery { limit: 3, offset: 2, originals_only: false }).unwrap();
    assert_eq!(ids(&page, |a| a.id.as_str()), ["n23", "n22", "n21"]);
}

fn a_corrupt_row_is_reported_by_id(b: &dyn Backend) {
    let store = b.store();
    store.upsert_batch(&[article("good", "fine"), article("bad", "damaged")]).unwrap();
    b.exec("UPDATE articles SET analysis = '[1]' WHERE id = 'bad'");
    match store.get("bad") {
        Err(StoreError::Corrupt { id, .. }) => assert_eq!(id, "bad"),
        other => panic!("expected a corrupt row, got {other:?}"),
    }
    assert!(matches!(store.changes_since(0, 10), Err(StoreError::Corrupt { .. })));
    assert_eq!(store.get("good").unwrap().unwrap().text, "fine");
}

fn nul_characters_and_odd_text_survive(b: &dyn Backend) {
    let store = b.store();
    let text = "Zürich – «quoted» 東京 🦀 'single' \"double\" \\ backslash";
    let mut odd = article("odd", text);
    odd.title = "A \u{0}title".into();
    assert_eq!(store.upsert(&odd).unwrap(), Upsert::Inserted);
    let stored = store.get("odd").unwrap().unwrap();
    assert_eq!(stored.text, text);
    assert_eq!(stored.sentences[0].text, text);
    assert!(stored.title.ends_with("title") && stored.title.starts_with('A'));
}

/// Writers in several processes (here: a store each, opened on one database, writing
/// at once) keep one change log: every write has its own sequence number, with no
/// gap, and every id is stored once.
fn writers_in_parallel_keep_one_log(b: &dyn Backend) {
    write_in_parallel(&|| b.reopen().unwrap());
}

/// Four writers, each with the store `open` gives, write overlapping batches; then
/// the log and the rows are checked.
fn write_in_parallel(open: &(dyn Fn() -> Box<dyn Store> + Sync)) {
    let id = |worker: usize, round: usize, i: usize| format!("w{}", worker * 30 + round * 3 + i);
    let written: Vec<usize> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..4)
            .map(|worker| {
                scope.spawn(move || {
                    let store = open();
                    let mut written = 0;
                    for round in 0..10 {
                        // Neighbouring workers share half their ids; round 5 rewrites.
                        let text = if round == 5 { "revised" } else { "text" };
                        let batch: Vec<Article> = (0..6).map(|i| article(&id(worker, round, i), text)).collect();
                        let outcomes = store.upsert_batch(&batch).unwrap();
                        written += outcomes.into_iter().filter(|u| *u != Upsert::Unchanged).count();
                    }
                    written
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let store = open();
    let total: usize = written.iter().sum();
    assert_eq!(store.last_seq().unwrap(), total as i64);
    let log: Vec<i64> = store.changes_since(0, 10_000).unwrap().iter().map(|c| c.seq).collect();
    let distinct: HashSet<String> =
        (0..4).flat_map(|w| (0..10).flat_map(move |r| (0..6).map(move |i| id(w, r, i)))).collect();
    assert_eq!(store.count().unwrap(), distinct.len());
    assert_eq!(log.len(), distinct.len(), "each id once in the log, at its latest write");
    assert!(log.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(*log.last().unwrap(), total as i64);
}

fn newer_schema_is_refused(b: &dyn Backend) {
    b.mark_schema(99);
    match b.reopen() {
        Err(StoreError::TooNew { found: 99, .. }) => {}
        Err(other) => panic!("expected TooNew, got {other}"),
        Ok(_) => panic!("expected TooNew, the store opened"),
    }
}

fn entity(name: &str, kind: EntityType, role: EntityRole, aliases: &[&str], mentions: usize) -> Entity {
    Entity {
        name: name.into(),
        kind,
        role,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        mentions: (0..mentions).collect(),
    }
}

/// Four articles naming the United States ("U.S.", "US"), Temur Umarov ("Umarov"),
/// NATO and a publisher: `a1` (September 14), its copy `c` (September 15), `a2`
/// (September 12) and `a3` (undated).
fn entity_articles() -> Vec<Article> {
    use EntityRole::{Other, Party, Publisher, Source};
    use EntityType::{Organization, Person, Place};
    let at = |s: &str| DateTime::parse_from_rfc3339(s).ok();
    let said = Attribution {
        speaker: "Umarov".into(),
        entity: Some("Temur Umarov".into()),
        text: "the talks are over".into(),
        kind: AttributionKind::Reported,
        cue: "said".into(),
        stance: Stance::Asserted,
        sentence: 1,
    };
    let first = Article {
        published: at("2026-09-14T10:00:00+02:00"),
        entities: vec![
            entity("United States", Place, Party, &["U.S."], 3),
            entity("Temur Umarov", Person, Source, &["Umarov"], 2),
            entity("Reuters", Organization, Publisher, &[], 1),
        ],
        attributions: vec![said.clone(), Attribution { entity: None, ..said }],
        ..article("a1", "The U.S. and Umarov.")
    };
    let copy = Article {
        published: at("2026-09-15T08:00:00+00:00"),
        duplicate_of: Some("a1".into()),
        ..Article { id: "c".into(), content_hash: "copy".into(), ..first.clone() }
    };
    let second = Article {
        published: at("2026-09-12T23:00:00-04:00"),
        entities: vec![
            entity("United States", Place, EntityRole::Place, &["US"], 1),
            entity("NATO", Organization, Party, &[], 2),
        ],
        ..article("a2", "The US and NATO.")
    };
    let third = Article {
        published: None,
        entities: vec![entity("Umarov", Person, Other, &[], 1), entity("NATO", Organization, Party, &[], 1)],
        ..article("a3", "Umarov and NATO.")
    };
    vec![first, copy, second, third]
}

/// The articles naming an entity are found by its canonical name or any alias, dots
/// and case aside, newest first, each with the entity's part in it; rewriting an
/// article rewrites its rows; names that match nothing (or are no name) find nothing.
fn entities_find_their_articles_by_name_or_alias(b: &dyn Backend) {
    let store = b.store();
    store.upsert_batch(&entity_articles()).unwrap();
    let found = |name: &str| ids(&store.entity_articles(name, 10).unwrap(), |m| m.article.id.as_str());
    for name in ["United States", "U.S.", "us", "the United States", "UNITED  STATES"] {
        assert_eq!(found(name), ["c", "a1", "a2"], "{name}");
    }
    assert_eq!(found("Umarov"), ["c", "a1", "a3"], "an alias finds the articles that use it");
    assert_eq!(found("Temur Umarov"), ["c", "a1"]);
    assert_eq!(ids(&store.entity_articles("US", 2).unwrap(), |m| m.article.id.as_str()), ["c", "a1"]);

    let umarov = &store.entity_articles("Temur Umarov", 10).unwrap()[1];
    assert_eq!(
        (umarov.name.as_str(), umarov.kind, umarov.role),
        ("Temur Umarov", EntityType::Person, EntityRole::Source)
    );
    assert_eq!((umarov.mentions, umarov.quotes), (2, 2), "a claim naming it, and one by a speaker it goes by");
    assert_eq!(umarov.aliases, ["Umarov"]);
    assert_eq!(umarov.article.title, "Title a1");
    assert_eq!(umarov.article.published.unwrap().to_rfc3339(), "2026-09-14T10:00:00+02:00");
    let us = store.entity_articles("US", 10).unwrap();
    assert_eq!(us[2].role, EntityRole::Place);
    assert_eq!(us[0].article.duplicate_of.as_deref(), Some("a1"), "a copy says so");

    let long = "x".repeat(10_000);
    for nothing in ["", "   ", "...", "Nobody", "<script>alert(1)</script>", long.as_str()] {
        assert!(store.entity_articles(nothing, 10).unwrap().is_empty(), "{nothing:.20}");
        assert!(store.co_mentioned(nothing, 10).unwrap().is_empty(), "{nothing:.20}");
        assert!(store.entity_days(nothing).unwrap().is_empty(), "{nothing:.20}");
    }

    // A rewrite replaces the article's rows; an unchanged upsert keeps them.
    let mut first = entity_articles().remove(0);
    first.entities.retain(|e| e.name != "Temur Umarov");
    first.text = "The U.S. alone.".into();
    first.content_hash = "rewritten".into();
    assert_eq!(store.upsert(&first).unwrap(), Upsert::Updated);
    assert_eq!(found("Umarov"), ["c", "a3"]);
    assert_eq!(found("U.S."), ["c", "a1", "a2"]);
    assert_eq!(store.upsert(&first).unwrap(), Upsert::Unchanged);
    assert_eq!(found("U.S."), ["c", "a1", "a2"]);
}

/// Mentions are counted by the publisher's day; the entities named in the same
/// articles are counted by story (a copy counts with its original), the most shared
/// first, without the entity itself or the publishers.
fn entities_are_counted_by_day_and_named_with_others(b: &dyn Backend) {
    let store = b.store();
    store.upsert_batch(&entity_articles()).unwrap();
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    assert_eq!(
        store.entity_days("U.S.").unwrap(),
        [
            EntityDay { day: day("2026-09-12"), articles: 1, mentions: 1 },
            EntityDay { day: day("2026-09-14"), articles: 1, mentions: 3 },
            EntityDay { day: day("2026-09-15"), articles: 1, mentions: 3 },
        ],
        "the publisher's day, not UTC's"
    );
    let umarov = store.entity_days("Umarov").unwrap();
    assert_eq!(umarov.last(), Some(&EntityDay { day: None, articles: 1, mentions: 1 }), "undated last");

    let named = |name: &str, limit| -> Vec<(String, usize, usize)> {
        store.co_mentioned(name, limit).unwrap().into_iter().map(|c| (c.name, c.articles, c.mentions)).collect()
    };
    let own = |name: &str, articles, mentions| (name.to_string(), articles, mentions);
    assert_eq!(named("United States", 10), [own("Temur Umarov", 1, 4), own("NATO", 1, 2)]);
    assert_eq!(named("US", 1), [own("Temur Umarov", 1, 4)]);
    assert_eq!(named("NATO", 10), [own("Umarov", 1, 1), own("United States", 1, 1)]);
    assert_eq!(named("Reuters", 10), [own("United States", 1, 6), own("Temur Umarov", 1, 4)]);
    let nato = &store.co_mentioned("Umarov", 10).unwrap();
    assert!(nato.iter().any(|c| c.name == "NATO" && c.kind == EntityType::Organization), "{nato:?}");
    assert!(nato.iter().all(|c| c.name != "Temur Umarov" && c.name != "Umarov"), "{nato:?}");
}

/// A database written before the index existed gets it filled from its stored
/// articles when it is opened by this build.
fn the_entity_index_is_filled_for_articles_stored_before_it(b: &dyn Backend) {
    b.store().upsert_batch(&entity_articles()).unwrap();
    b.forget_entity_index();
    let store = b.reopen().unwrap();
    assert_eq!(ids(&store.entity_articles("U.S.", 10).unwrap(), |m| m.article.id.as_str()), ["c", "a1", "a2"]);
    assert_eq!(store.entity_articles("Temur Umarov", 10).unwrap()[0].quotes, 2);
    assert_eq!(store.co_mentioned("NATO", 10).unwrap().len(), 2);
    // Opening again changes nothing.
    let store = b.reopen().unwrap();
    assert_eq!(store.entity_articles("Umarov", 10).unwrap().len(), 3);
}

// PostgreSQL only: what SQLite gets from being one file with one writer at a time.

/// Processes starting together on a fresh schema migrate it once, and then write
/// as [`writers_in_parallel_keep_one_log`] says.
#[test]
fn postgres_processes_starting_together_migrate_once() {
    let Some(backend) = Postgres::empty() else { return };
    write_in_parallel(&|| Box::new(PgStore::open(&backend.url).unwrap()));
}

/// A server that is down is an error naming the database and the reason, never the
/// password; the same store works again once the server is back (here: its
/// connections are cut by the server, as a restart would).
#[test]
fn postgres_errors_name_the_database_and_the_store_recovers() {
    // Port 1 on loopback: nothing listens there.
    let error = PgStore::open("postgres://distill:hunter2@127.0.0.1:1/news").err().expect("no server on port 1");
    let message = error.to_string();
    assert!(message.contains("postgres://distill@127.0.0.1:1/news"), "{message}");
    assert!(message.to_lowercase().contains("refused"), "{message}");
    assert!(!message.contains("hunter2"), "{message}");
    let error = PgStore::open("postgres://distill:hunter2@127.0.0.1:port/news").err().expect("a bad address");
    assert!(!error.to_string().contains("hunter2"), "{error}");
    // A search node opens without the server, and each call says it is out of reach.
    let lenient = PgConfig { open_unreachable: true, ..PgConfig::default() };
    let store = PgStore::open_with("postgres://distill@127.0.0.1:1/news", lenient).expect("opens without the server");
    let error = store.count().expect_err("no server to count in");
    assert!(error.is_unreachable() && error.to_string().contains("127.0.0.1:1/news"), "{error}");

    let Some(backend) = Postgres::open() else { return };
    let store = backend.store();
    store.upsert(&article("a", "one")).unwrap();
    backend.exec(&format!(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE application_name = '{}' AND pid <> pg_backend_pid()",
        backend.schema
    ));
    // A cut connection fails the call that finds it, and is then replaced.
    let mut failures = 0;
    let count = loop {
        match store.count() {
            Ok(n) => break n,
            Err(e) => {
                assert!(matches!(e, StoreError::Server { .. }), "{e}");
                failures += 1;
                assert!(failures < 10, "the store did not recover: {e}");
            }
        }
    };
    assert_eq!(count, 1);
}

// The job queue lives in PostgreSQL only.

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap()
}

/// Workers on separate connections, leasing one job or several at a time, lease
/// every job exactly once, and queueing an input twice is one job.
#[test]
fn postgres_jobs_are_leased_once_each() {
    let Some(backend) = Postgres::open() else { return };
    let queue = backend.store.as_ref().unwrap();
    let inputs: Vec<String> = (0..40).map(|i| format!("/corpus/{i}.html")).collect();
    assert_eq!(queue.enqueue("ingest", &inputs, at(0)).unwrap(), 40);
    assert_eq!(queue.enqueue("ingest", &inputs[..5], at(0)).unwrap(), 0, "already queued");
    let config = distill_store::QueueConfig::default();
    let leased: Vec<Vec<String>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..3)
            .map(|w| {
                let url = backend.url.clone();
                let config = config.clone();
                scope.spawn(move || {
                    let store = PgStore::open(&url).unwrap();
                    let name = format!("worker-{w}");
                    let mut mine = Vec::new();
                    // One job at a time, or up to two or three at once.
                    loop {
                        let jobs =
                            store.lease_jobs(&name, w + 1, std::time::Duration::from_secs(60), &config, at(1)).unwrap();
                        if jobs.is_empty() {
                            break;
                        }
                        assert!(jobs.len() <= w + 1);
                        for job in jobs {
                            assert_eq!((job.kind.as_str(), job.attempts), ("ingest", 1));
                            assert!(store.complete(&job, &name, at(2)).unwrap());
                            mine.push(job.input);
                        }
                    }
                    mine
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let mut all: Vec<String> = leased.into_iter().flatten().collect();
    all.sort();
    let mut expected = inputs.clone();
    expected.sort();
    assert_eq!(all, expected, "each job once");
    let counts = queue.job_counts().unwrap();
    assert_eq!((counts.queued, counts.running, counts.done, counts.dead), (0, 0, 40, 0));
    // A finished input queued again runs again.
    assert_eq!(queue.enqueue("ingest", &inputs[..1], at(3)).unwrap(), 1);
}

/// A worker that dies holding a lease leaves its job to the next worker once the
/// lease expires; the dead worker can no longer finish it. Failures wait out a
/// doubling backoff, and the last one leaves the job dead with its error.
#[test]
fn postgres_jobs_expire_retry_and_die() {
    let Some(backend) = Postgres::open() else { return };
    let queue = backend.store.as_ref().unwrap();
    let config = distill_store::QueueConfig {
        max_attempts: 3,
        backoff: std::time::Duration::from_secs(10),
        max_backoff: std::time::Duration::from_secs(60),
    };
    let lease = std::time::Duration::from_secs(30);
    queue.enqueue("ingest", &["https://example.com/a".to_string()], at(0)).unwrap();
    let first = queue.lease("a", lease, &config, at(0)).unwrap().unwrap();
    assert!(queue.lease("b", lease, &config, at(29)).unwrap().is_none(), "leased until 30");
    let second = queue.lease("b", lease, &config, at(31)).unwrap().unwrap();
    assert_eq!((second.id, second.attempts), (first.id, 2));
    assert!(!queue.complete(&first, "a", at(32)).unwrap(), "the expired lease is lost");
    assert!(!queue.fail(&first, "a", "late", true, &config, at(32)).unwrap());

    assert!(queue.fail(&second, "b", "HTTP 503", true, &config, at(40)).unwrap());
    // Second failure: 20 s of backoff.
    assert!(queue.lease("c", lease, &config, at(59)).unwrap().is_none());
    let third = queue.lease("c", lease, &config, at(60)).unwrap().unwrap();
    assert_eq!(third.attempts, 3);
    assert!(queue.fail(&third, "c", "HTTP 503 again", true, &config, at(61)).unwrap());
    assert!(queue.lease("d", lease, &config, at(10_000)).unwrap().is_none(), "dead after 3 attempts");
    let counts = queue.job_counts().unwrap();
    assert_eq!((counts.queued, counts.running, counts.dead), (0, 0, 1));
    assert_eq!(queue.dead_jobs(10).unwrap(), [("https://example.com/a".to_string(), "HTTP 503 again".to_string())]);

    // A worker killed on the last attempt: the job is dead once the lease expires.
    queue.enqueue("ingest", &["https://example.com/b".to_string()], at(100)).unwrap();
    let one = distill_store::QueueConfig { max_attempts: 1, ..distill_store::QueueConfig::default() };
    let job = queue.lease("e", lease, &one, at(100)).unwrap().unwrap();
    assert_eq!(job.attempts, 1);
    assert!(queue.lease("f", lease, &one, at(200)).unwrap().is_none());
    assert_eq!(queue.job_counts().unwrap().dead, 2);
    assert!(queue.dead_jobs(10).unwrap()[1].1.contains("lease expired"));

    // A failure that trying again cannot help (a page with no article) is dead at once.
    queue.enqueue("ingest", &["/corpus/empty.html".to_string()], at(300)).unwrap();
    let job = queue.lease("g", lease, &config, at(300)).unwrap().unwrap();
    assert!(queue.fail(&job, "g", "no article", false, &config, at(301)).unwrap());
    assert_eq!(queue.job_counts().unwrap().dead, 3);

    // A job given back (its worker lost the database mid-job) is due at once, the
    // attempt not counted.
    queue.enqueue("ingest", &["/corpus/c.html".to_string()], at(400)).unwrap();
    let job = queue.lease("h", lease, &config, at(400)).unwrap().unwrap();
    assert!(queue.release(&job, "h", at(401)).unwrap());
    assert!(!queue.release(&job, "h", at(401)).unwrap(), "no longer held");
    let again = queue.lease("i", lease, &config, at(401)).unwrap().unwrap();
    assert_eq!((again.id, again.attempts), (job.id, 1));
}
