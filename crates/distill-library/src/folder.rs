//! A data folder: `distill.db` (the store, the source of truth) and `index/` (the
//! search replica that follows the store's change log). With a PostgreSQL store, the
//! folder holds only the replica, and any number of folders follow one database.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use distill_core::{ArticleId, Story};
use distill_search::{Results, SearchError, SearchIndex, SearchQuery};
use distill_store::{
    ArticleSummary, Card, CardQuery, ListQuery, PgConfig, PgStore, SourceCount, SqliteStore, Store, StoryQuery,
};

use crate::Code;
use crate::views::{ArticleView, CopyView, FeedStatus, StoryRef, StoryView, timeline};

/// Failures opening or reading a data folder.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LibraryError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] distill_store::StoreError),
    /// The search index failed.
    #[error(transparent)]
    Search(#[from] distill_search::SearchError),
}

impl LibraryError {
    /// The stable code callers report.
    pub fn code(&self) -> Code {
        match self {
            LibraryError::Store(_) => Code::StoreUnavailable,
            LibraryError::Search(e) => Code::of_search(e),
        }
    }

    /// Whether the database was out of reach (worth waiting out), directly or while
    /// the search index read from it.
    pub fn is_unreachable(&self) -> bool {
        match self {
            LibraryError::Store(e) | LibraryError::Search(distill_search::SearchError::Store(e)) => e.is_unreachable(),
            LibraryError::Search(_) => false,
        }
    }
}

/// Most copies an article view lists under "Also reported by"; a wire story can have
/// thousands, and the view says how many there are in all.
pub const MAX_COPIES: usize = 50;

/// Most articles a story view lists; a story's row says how many it has in all.
pub const MAX_STORY_ARTICLES: usize = 200;

/// Most related stories a story view names.
pub const RELATED_STORIES: usize = 5;

/// Least share of the best hit's score that a hit needs to make its story related.
const RELATED_SCORE: f32 = 0.3;

/// Source counts and the store's sequence number they were read at.
type SourcesAt = (i64, Vec<SourceCount>);

/// A `Result` with [`LibraryError`].
pub type Result<T> = std::result::Result<T, LibraryError>;

/// The store and search index of one data folder. Any number of processes may open
/// the same folder at once: SQLite (WAL) serializes the writers of the store, the
/// index writer is a short lease that each process takes only to catch the index up
/// with the store's change log, and readers reload when any process commits.
#[derive(Clone)]
pub struct Library {
    /// Where the data lives.
    pub dir: PathBuf,
    /// The source of truth.
    pub store: Arc<dyn Store>,
    /// The keyword index, a replica of the store.
    pub index: Arc<SearchIndex>,
    /// The last source counts, with the store's sequence number they were read at.
    sources: Arc<Mutex<Option<SourcesAt>>>,
    /// The configured generator, if any (see [`crate::grounded`]).
    generator: Option<Arc<dyn distill_generate::Generator>>,
}

impl Library {
    /// Returns this library with a generator for answers and key points, held to
    /// their sources by the grounding check.
    pub fn with_generator(mut self, generator: Option<Arc<dyn distill_generate::Generator>>) -> Library {
        self.generator = generator;
        self
    }

    /// The configured generator, if any.
    pub fn generator(&self) -> Option<&Arc<dyn distill_generate::Generator>> {
        self.generator.as_ref()
    }

    /// Opens (creating if needed) the data folder and catches the index up with
    /// anything the store committed that the index missed (a crash between the two
    /// commits, or another process's commit). When another process keeps the index
    /// writer past the wait, catching up is left to it (or to the next sync) and a
    /// warning is logged; the folder still opens for reading.
    pub fn open(dir: &Path) -> Result<Library> {
        Library::open_with_models(dir, None)
    }

    /// [`Library::open`] with the sentence encoder that `models` names (a model
    /// folder, or a folder holding `all-minilm-l6-v2/`): search then defaults to hybrid,
    /// and the vector index in `vectors/` follows the store as the keyword index does.
    /// The model loads on first use. Without a model found there, search is keyword
    /// only, as with [`Library::open`].
    pub fn open_with_models(dir: &Path, models: Option<&Path>) -> Result<Library> {
        Library::open_with(dir, "", models)
    }

    /// [`Library::open_with_models`] on the store that `database` names: a
    /// `postgres://` URL, or empty for the SQLite file in the data folder. A data
    /// folder follows one store: its search replica is not meant to move between them.
    pub fn open_with(dir: &Path, database: &str, models: Option<&Path>) -> Result<Library> {
        Library::open_store(dir, database, models, false)
    }

    /// [`Library::open_with`] for a search node: a PostgreSQL server out of reach
    /// does not stop it opening, so that it serves what its replica holds until the
    /// server returns (the first call that reaches it migrates the schema).
    pub fn open_serving(dir: &Path, database: &str, models: Option<&Path>) -> Result<Library> {
        Library::open_store(dir, database, models, true)
    }

    fn open_store(dir: &Path, database: &str, models: Option<&Path>, open_unreachable: bool) -> Result<Library> {
        let store: Arc<dyn Store> = if database.is_empty() {
            Arc::new(SqliteStore::open(&dir.join("distill.db"))?)
        } else {
            Arc::new(PgStore::open_with(database, PgConfig { open_unreachable, ..PgConfig::default() })?)
        };
        let semantic = models.and_then(distill_search::find_model).map(|model| {
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
            let config = distill_search::EmbedConfig { threads, ..distill_search::EmbedConfig::default() };
            (dir.join("vectors"), Arc::new(distill_search::LazyEmbedder::new(model, config)))
        });
        let index = Arc::new(SearchIndex::open_with(&dir.join("index"), semantic)?);
        let library = Library { dir: dir.to_path_buf(), store, index, sources: Arc::default(), generator: None };
        if let Err(error) = library.sync_index() {
            tracing::warn!(%error, dir = %dir.display(), "search index could not catch up with the store");
        }
        Ok(library)
    }

    /// Brings the search index up to date with the store, waiting for another
    /// process's writer lease if needed.
    pub fn sync_index(&self) -> Result<usize> {
        Ok(self.index.sync(self.store.as_ref())?)
    }

    /// One step of following the store (what a long-running reader calls every
    /// second or so): indexes what any process committed and nobody indexed yet (a
    /// writer killed between its two commits), without waiting on a busy writer.
    pub fn follow(&self) -> Result<usize> {
        match self.index.sync_within(self.store.as_ref(), Duration::ZERO) {
            Err(SearchError::Busy(_)) => Ok(0),
            other => Ok(other?),
        }
    }

    /// An article with the other copies of its story.
    pub fn article(&self, id: &str) -> Result<Option<ArticleView>> {
        let Some(article) = self.store.get(id)? else { return Ok(None) };
        let root = article.duplicate_of.as_deref().unwrap_or(&article.id);
        let mut copies: Vec<CopyView> = Vec::new();
        if *root != *article.id
            && let Some(original) = self.store.get(root)?
        {
            copies.push(CopyView {
                id: original.id,
                title: original.title,
                source: original.source,
                url: original.url,
                published: original.published,
            });
        }
        copies.extend(
            self.store
                .duplicates_of(root, MAX_COPIES + 1)?
                .into_iter()
                .filter(|c| c.id != article.id)
                .take(MAX_COPIES.saturating_sub(copies.len()))
                .map(CopyView::from),
        );
        // Every other copy of the story: the original's copies, less this one and plus
        // the original when this is a copy; as many as the original has either way.
        let copies_in_all = self.store.count_duplicates(root)?;
        let story = match self.store.stories_of(std::slice::from_ref(&article.id))?.remove(&article.id) {
            Some(story) => self.store.story(&story)?.as_ref().map(StoryRef::from),
            None => None,
        };
        Ok(Some(ArticleView { article, also_reported_by: copies, copies_in_all, story }))
    }

    /// A page of stored articles, newest first, and how many there are in all.
    pub fn list(&self, query: &ListQuery) -> Result<(Vec<ArticleSummary>, usize)> {
        Ok((self.store.list(query)?, self.store.count()?))
    }

    /// A page of story cards for the home page (originals with their key points and
    /// copy counts, newest first), in one read of the store.
    pub fn cards(&self, query: &CardQuery) -> Result<Vec<Card>> {
        Ok(self.store.cards(query)?)
    }

    /// The publications with their number of stories, for sections and filters.
    /// Counting reads every story, so the answer is kept until the store changes.
    pub fn sources(&self) -> Result<Vec<SourceCount>> {
        let seq = self.store.last_seq()?;
        let mut cached = self.sources.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((at, sources)) = cached.as_ref()
            && *at == seq
        {
            return Ok(sources.clone());
        }
        let sources = self.store.sources()?;
        *cached = Some((seq, sources.clone()));
        Ok(sources)
    }

    /// A page of stories, the latest updated first, and how many match in all.
    pub fn stories(&self, query: &StoryQuery) -> Result<(Vec<Story>, usize)> {
        Ok((self.store.stories(query)?, self.store.count_stories(query)?))
    }

    /// A story with its articles, its timeline and its related stories.
    pub fn story(&self, id: &str) -> Result<Option<StoryView>> {
        let Some(story) = self.store.story(id)? else { return Ok(None) };
        let articles = self.store.story_articles(id, MAX_STORY_ARTICLES)?;
        let timeline = timeline(articles.iter().filter_map(|a| a.published).map(|t| t.to_utc()));
        let related = self.related_stories(&story);
        Ok(Some(StoryView { story, articles, timeline, related }))
    }

    /// Stories whose articles a search for this story's title finds, by their best
    /// hit; a failed search leaves the list empty (the story page still shows).
    fn related_stories(&self, story: &Story) -> Vec<StoryRef> {
        // The title's words alone: a headline's quotes and dashes are query syntax.
        let words: Vec<&str> = story.title.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2).collect();
        if words.is_empty() {
            return Vec::new();
        }
        // Keyword ranking: the title's own words, and no query to embed on a page view.
        let query = SearchQuery {
            text: words.join(" "),
            limit: 40,
            mode: Some(distill_search::Mode::Keyword),
            ..SearchQuery::default()
        };
        let found = self.search(&query).and_then(|results| {
            // A hit far below the best (the story's own report, as a rule) shares
            // only common words with the title.
            let best = results.hits.iter().map(|h| h.score).fold(0.0_f32, f32::max);
            let ids: Vec<ArticleId> = results
                .hits
                .into_iter()
                .filter(|h| h.score >= RELATED_SCORE * best)
                .map(|h| ArticleId::from(h.id))
                .collect();
            let filed = self.store.stories_of(&ids)?;
            let mut related: Vec<StoryRef> = Vec::new();
            for id in &ids {
                let Some(other) = filed.get(id) else { continue };
                if *other == story.id || related.iter().any(|r| r.id == *other) {
                    continue;
                }
                if let Some(other) = self.store.story(other)? {
                    related.push(StoryRef::from(&other));
                }
                if related.len() == RELATED_STORIES {
                    break;
                }
            }
            Ok(related)
        });
        found.unwrap_or_else(|error| {
            tracing::warn!(%error, story = %story.id, "related stories could not be found");
            Vec::new()
        })
    }

    /// Feed subscriptions with their state.
    pub fn feeds(&self) -> Result<Vec<FeedStatus>> {
        Ok(self.store.feeds()?.into_iter().map(FeedStatus::from).collect())
    }

    /// Runs a search (keyword, semantic or hybrid: see [`SearchQuery::mode`]).
    pub fn search(&self, query: &SearchQuery) -> Result<Results> {
        Ok(self.index.search(query)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use distill_core::Article;

    /// Guards the store-then-index order: an article committed to the store whose
    /// index commit never happened (a crash in between) is searchable after the next
    /// open.
    #[test]
    fn opening_catches_the_index_up_after_a_crash() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = SqliteStore::open(&dir.path().join("distill.db")).unwrap();
            let text = "The harbour pilots voted to strike over the new rota.";
            store.upsert(&Article::sample("a", "Pilots strike", text)).unwrap();
        }
        let library = Library::open(dir.path()).unwrap();
        let query = distill_search::SearchQuery { text: "pilots".into(), limit: 5, ..Default::default() };
        assert_eq!(library.index.search(&query).unwrap().total, 1);
    }

    /// A wire story can have thousands of copies: the view lists the first
    /// `MAX_COPIES`, oldest first, and says how many there are in all, from either
    /// side of the story.
    #[test]
    fn a_story_with_many_copies_lists_a_bounded_number() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(dir.path()).unwrap();
        let original = Article::sample("root", "Pilots strike", "The harbour pilots voted to strike.");
        let copies: Vec<Article> = (0..MAX_COPIES + 20)
            .map(|i| Article {
                duplicate_of: Some("root".into()),
                ..Article::sample(&format!("copy{i:03}"), "Pilots strike", &format!("Copy {i}: the pilots voted."))
            })
            .collect();
        library.store.upsert_batch(&[vec![original], copies].concat()).unwrap();
        let view = library.article("root").unwrap().unwrap();
        assert_eq!(view.also_reported_by.len(), MAX_COPIES);
        assert_eq!(view.copies_in_all, MAX_COPIES + 20);
        assert_eq!(view.also_reported_by[0].id, "copy000", "oldest first");
        let view = library.article("copy007").unwrap().unwrap();
        assert_eq!(view.also_reported_by[0].id, "root", "a copy lists its original first");
        assert!(view.also_reported_by.iter().all(|c| c.id != "copy007"));
        assert_eq!((view.also_reported_by.len(), view.copies_in_all), (MAX_COPIES, MAX_COPIES + 20));
        let json = serde_json::to_value(&view).unwrap();
        assert_eq!(json["copies_in_all"], MAX_COPIES + 20);
    }
}
