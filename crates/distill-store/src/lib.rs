//! Storage: the [`Store`] trait that every backend implements, the embedded SQLite
//! backend (WAL mode, versioned migrations) and the shared PostgreSQL one. Every write
//! gets a sequence number from one monotonically increasing change log, which search
//! replicas follow.
//!
//! The store owns durability and idempotence; it never parses or analyzes text.
#![warn(missing_docs)]

mod entities;
mod postgres;
mod sqlite;
mod stories;

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, FixedOffset, Utc};
use distill_core::{Article, ArticleId, Story, StoryBullet};
use serde::Serialize;

pub use entities::{CoMention, EntityDay, EntityMention, name_key, said_by};
pub use postgres::{Job, JobCounts, PgConfig, PgStore, QueueConfig, is_postgres_url};
pub use sqlite::SqliteStore;

/// Storage failures.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database reported an error.
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    /// A stored row could not be decoded.
    #[error("corrupt row {id}: {reason}")]
    Corrupt {
        /// The row's article id.
        id: String,
        /// What was wrong.
        reason: String,
    },
    /// The database was written by a newer distill.
    #[error("database schema version {found} is newer than this build supports ({supported})")]
    TooNew {
        /// Version found on disk.
        found: i64,
        /// Newest version this build knows.
        supported: i64,
    },
    /// The database server could not be reached, or refused a statement.
    #[error("database {database}: {reason}")]
    Server {
        /// The database, as `postgres://user@host:port/db` (never with a password).
        database: String,
        /// Why.
        reason: String,
        /// The server could not be reached or went away (down, restarting, a cut
        /// connection), rather than refusing the statement: worth waiting out.
        unreachable: bool,
    },
    /// The data folder could not be used.
    #[error("cannot open {path}: {reason}")]
    Open {
        /// The path.
        path: String,
        /// Why.
        reason: String,
    },
}

impl StoreError {
    /// Is this the database server being out of reach (see `Server::unreachable`),
    /// which waiting may cure, rather than a failure of the call itself.
    pub fn is_unreachable(&self) -> bool {
        matches!(self, StoreError::Server { unreachable: true, .. })
    }
}

/// A `Result` with [`StoreError`].
pub type Result<T> = std::result::Result<T, StoreError>;

/// What an upsert did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Upsert {
    /// A new article was stored.
    Inserted,
    /// An existing article's content changed and was rewritten.
    Updated,
    /// The same content was already stored; nothing was written.
    Unchanged,
}

/// One row of an article list: enough to render a list or a search hit.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleSummary {
    /// Article id.
    pub id: ArticleId,
    /// Title.
    pub title: String,
    /// Canonical URL.
    pub url: Option<String>,
    /// Publication name.
    pub source: Option<String>,
    /// Publication time.
    pub published: Option<DateTime<FixedOffset>>,
    /// Language code.
    pub language: Option<String>,
    /// The original this article copies, if it is a near-duplicate.
    pub duplicate_of: Option<ArticleId>,
}

/// Which articles to list.
#[derive(Debug, Clone)]
pub struct ListQuery {
    /// Most rows to return.
    pub limit: usize,
    /// Rows to skip.
    pub offset: usize,
    /// Leave out near-duplicate copies (each story once).
    pub originals_only: bool,
}

impl Default for ListQuery {
    fn default() -> Self {
        Self { limit: 50, offset: 0, originals_only: false }
    }
}

/// Which story cards to list: originals only (each story once), newest first.
#[derive(Debug, Clone, Default)]
pub struct CardQuery {
    /// Most cards to return.
    pub limit: usize,
    /// Cards to skip.
    pub offset: usize,
    /// Only this publication's stories.
    pub source: Option<String>,
}

/// A story as a card of the home page: the row of a list, its key points, and how
/// many other publications carried it.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// The original article.
    pub article: ArticleSummary,
    /// Its key points, in article order.
    pub bullets: Vec<distill_core::Bullet>,
    /// How many near-duplicate copies point to it.
    pub copies: usize,
}

/// A publication and how many stories (originals) it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceCount {
    /// Publication name; none for the stories that name no publication.
    pub source: Option<String>,
    /// Original articles from it.
    pub stories: usize,
}

/// Which stories to list: the latest updated first.
#[derive(Debug, Clone, Default)]
pub struct StoryQuery {
    /// Most stories to return.
    pub limit: usize,
    /// Stories to skip.
    pub offset: usize,
    /// Only stories updated at or after this time.
    pub since: Option<DateTime<Utc>>,
}

/// An original article filed under a story, as a story clusterer reads it back.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryMember {
    /// The article.
    pub id: ArticleId,
    /// Its story.
    pub story: ArticleId,
    /// Headline.
    pub title: String,
    /// Body text.
    pub text: String,
    /// Publication name.
    pub source: Option<String>,
    /// Publication time.
    pub published: Option<DateTime<FixedOffset>>,
}

/// A stored near-duplicate signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSignature {
    /// Article id.
    pub id: String,
    /// MinHash signature of the body.
    pub signature: Vec<u32>,
    /// The original the article copies, if any.
    pub duplicate_of: Option<String>,
}

/// An article as written to the change log, with its sequence number.
#[derive(Debug, Clone)]
pub struct Change {
    /// Position in the change log.
    pub seq: i64,
    /// The article as of that write.
    pub article: Article,
}

/// The source of truth for articles. Implementations must make `upsert` idempotent
/// (same content, same id: [`Upsert::Unchanged`] and no new sequence number).
pub trait Store: Send + Sync {
    /// Stores a batch of articles in one transaction; returns what happened to each.
    fn upsert_batch(&self, articles: &[Article]) -> Result<Vec<Upsert>>;
    /// Stores one article.
    fn upsert(&self, article: &Article) -> Result<Upsert> {
        Ok(self.upsert_batch(std::slice::from_ref(article))?[0])
    }
    /// Returns an article by id.
    fn get(&self, id: &str) -> Result<Option<Article>>;
    /// Lists articles, newest publication first.
    fn list(&self, query: &ListQuery) -> Result<Vec<ArticleSummary>>;
    /// Number of stored articles.
    fn count(&self) -> Result<usize>;
    /// A page of story cards (originals with their key points and copy counts),
    /// newest publication first, in one read.
    fn cards(&self, query: &CardQuery) -> Result<Vec<Card>>;
    /// Every publication with its number of stories, by name; the stories without a
    /// source come last (source `None`) when there are any.
    fn sources(&self) -> Result<Vec<SourceCount>>;
    /// The first `limit` copies of an article (near-duplicates that point to it),
    /// oldest first.
    fn duplicates_of(&self, id: &str, limit: usize) -> Result<Vec<ArticleSummary>>;
    /// How many copies point to an article.
    fn count_duplicates(&self, id: &str) -> Result<usize>;
    /// Every stored signature with its article id and original, to rebuild the
    /// near-duplicate index.
    fn signatures(&self) -> Result<Vec<StoredSignature>>;
    /// Articles written after `seq`, in change-log order, at most `limit`.
    fn changes_since(&self, seq: i64, limit: usize) -> Result<Vec<Change>>;
    /// The newest sequence number (0 when empty).
    fn last_seq(&self) -> Result<i64>;
    /// Which of these article ids are stored.
    fn existing(&self, ids: &[ArticleId]) -> Result<HashSet<ArticleId>>;

    /// Files articles under stories: `(article, story)` pairs, in one transaction.
    fn set_stories(&self, assignments: &[(ArticleId, ArticleId)]) -> Result<()>;
    /// Articles filed under no story, written after `seq`, in change-log order, at
    /// most `limit` (those stored before stories existed, or after a reset).
    fn unfiled_since(&self, seq: i64, limit: usize) -> Result<Vec<Change>>;
    /// Files every article under no story and forgets every story (to file them all again).
    fn clear_stories(&self) -> Result<()>;
    /// The stories these articles are filed under (those filed under one).
    fn stories_of(&self, ids: &[ArticleId]) -> Result<HashMap<ArticleId, ArticleId>>;
    /// The latest `limit` originals filed under a story, in change-log order: what a
    /// story clusterer replays when a process starts.
    fn recent_story_members(&self, limit: usize) -> Result<Vec<StoryMember>>;
    /// Recomputes a story's title, times and counts from the articles filed under it
    /// and writes it with these key points; removes it (and returns `None`) when no
    /// article is filed under it any more.
    fn refresh_story(&self, id: &str, bullets: &[StoryBullet]) -> Result<Option<Story>>;
    /// A story by id.
    fn story(&self, id: &str) -> Result<Option<Story>>;
    /// Stories, the latest updated first.
    fn stories(&self, query: &StoryQuery) -> Result<Vec<Story>>;
    /// How many stories there are (updated since `query.since`, when set).
    fn count_stories(&self, query: &StoryQuery) -> Result<usize>;
    /// The articles filed under a story, copies included, oldest first, at most `limit`.
    fn story_articles(&self, id: &str, limit: usize) -> Result<Vec<ArticleSummary>>;

    /// Subscribes to a feed; returns false (and revives it with the new settings)
    /// when it was already there.
    fn add_feed(&self, feed: &Feed) -> Result<bool>;
    /// Writes a feed's state after a fetch, and releases the poller's claim on it.
    fn update_feed(&self, feed: &Feed) -> Result<()>;
    /// Claims at most `limit` feeds of `selection` that no other poller holds, for
    /// `owner` until `now + lease`, oldest first: no feed is fetched by two processes at once, and
    /// the feeds of a poller that dies are free again once its lease runs out.
    /// [`Store::update_feed`] releases a feed.
    fn claim_feeds(
        &self,
        selection: &FeedSelection,
        owner: &str,
        limit: usize,
        lease: std::time::Duration,
        now: DateTime<Utc>,
    ) -> Result<Vec<Feed>>;
    /// Every subscribed feed, oldest first.
    fn feeds(&self) -> Result<Vec<Feed>>;
    /// Unsubscribes; false when there was no such feed.
    fn remove_feed(&self, url: &str) -> Result<bool>;
    /// Moves a subscription to a new URL (the feed moved permanently); false when
    /// there was no such feed or the new URL is already subscribed.
    fn rename_feed(&self, from: &str, to: &str) -> Result<bool>;

    /// The articles that name an entity (by its canonical name or an alias, compared by
    /// [`name_key`]), newest publication first, at most `limit`, copies included, each
    /// with the entity's part in it.
    fn entity_articles(&self, name: &str, limit: usize) -> Result<Vec<EntityMention>>;
    /// The other entities most often named in the articles that name this one, at
    /// most `limit`, the most shared first.
    fn co_mentioned(&self, name: &str, limit: usize) -> Result<Vec<CoMention>>;
    /// How many articles name an entity on each publisher's day, oldest first, the
    /// undated ones last.
    fn entity_days(&self, name: &str) -> Result<Vec<EntityDay>>;
}

/// Which feeds a polling pass takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedSelection {
    /// The live ones whose next poll is due.
    Due,
    /// Every live feed.
    All,
    /// One feed, by URL, even if dead.
    One(String),
}

impl FeedSelection {
    /// Does a polling pass at `now` take `feed`.
    pub fn takes(&self, feed: &Feed, now: DateTime<Utc>) -> bool {
        match self {
            FeedSelection::Due => !feed.dead && feed.next_due <= now,
            FeedSelection::All => !feed.dead,
            FeedSelection::One(url) => feed.url == *url,
        }
    }
}

/// A subscribed feed and its polling state.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Feed {
    /// Feed URL (the key).
    pub url: String,
    /// The feed's title.
    pub title: Option<String>,
    /// The site it belongs to.
    pub site_url: Option<String>,
    /// Folder, from OPML.
    pub category: Option<String>,
    /// Seconds between polls.
    pub interval_secs: u64,
    /// Validator for conditional GET.
    pub etag: Option<String>,
    /// Validator for conditional GET.
    pub last_modified: Option<String>,
    /// When it was added.
    pub added: DateTime<Utc>,
    /// Last poll, successful or not.
    pub last_checked: Option<DateTime<Utc>>,
    /// Last successful poll.
    pub last_success: Option<DateTime<Utc>>,
    /// When to poll next.
    pub next_due: DateTime<Utc>,
    /// Failures in a row.
    pub failures: u32,
    /// The last failure, with its code.
    pub last_error: Option<String>,
    /// Failed too often: no longer polled until added again.
    pub dead: bool,
}

impl Feed {
    /// A new subscription, due now.
    pub fn new(url: &str, interval: std::time::Duration, now: DateTime<Utc>) -> Feed {
        Feed {
            url: url.to_string(),
            title: None,
            site_url: None,
            category: None,
            interval_secs: interval.as_secs().max(1),
            etag: None,
            last_modified: None,
            added: now,
            last_checked: None,
            last_success: None,
            next_due: now,
            failures: 0,
            last_error: None,
            dead: false,
        }
    }
}
