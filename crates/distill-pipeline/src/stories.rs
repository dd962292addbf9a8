//! Files stored articles under stories as they arrive: each new original goes through
//! the online story clusterer ([`distill_nlp::stories`]) in input order, each
//! near-duplicate copy goes with its original, and each story touched gets its title,
//! counts and key points written again.
//!
//! The clusterer's state lives in memory. A process rebuilds it by replaying the
//! latest stored originals ([`REPLAY`] of them, in change-log order): stories older
//! than that have left the clusterer's time window in any live stream, so replaying
//! everything would cost start-up time and buy nothing. Replayed stories keep the
//! names they were stored under, whatever the replay decides.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use std::time::{Duration, Instant};

use distill_core::{Article, ArticleId, StoryBullet, StoryCitation};
use distill_nlp::stories::{StoryArticle, StoryClusterer, StoryConfig};
use distill_nlp::{StoryDoc, summarize_story};
use distill_search::{Embedder, SearchIndex, passage};
use distill_store::{Store, StoreError};

/// Stored originals replayed into the clusterer when a process starts.
pub const REPLAY: usize = 10_000;

/// Originals of a story whose key points are read when its summary is rewritten.
const SUMMARY_ARTICLES: usize = 16;

/// Most copies of a moved original that move with it (the rest keep their story).
const COPIES_MOVED: usize = 1_000;

/// Most words of a story's key points.
pub const STORY_WORDS: usize = 100;

/// The story clusterer of one ingest run or server, with the names its stories are
/// stored under.
pub struct StoryFiler {
    clusterer: StoryClusterer,
    /// The clusterer's story (the id of the first article it saw) -> the stored story.
    names: HashMap<String, ArticleId>,
    /// Stories filed by this process: article -> story.
    filed: HashMap<ArticleId, ArticleId>,
    /// The search index whose encoder embeds new articles and whose vector index
    /// holds the stored ones; none, or one without a model, clusters on words alone.
    index: Option<Arc<SearchIndex>>,
    /// Stories filed into since their rows were last rewritten.
    dirty: BTreeSet<ArticleId>,
    /// When the dirty stories were last rewritten.
    refreshed: Instant,
}

/// Least time between two rewrites of the stories a long ingest touches: a story
/// that takes a report from every chunk is summarized again a few times, not once per
/// chunk. [`StoryFiler::flush`] rewrites the rest when the run ends.
const REFRESH_EVERY: Duration = Duration::from_secs(5);

impl StoryFiler {
    /// A filer that knows the latest `replay` stored originals and their stories.
    /// With an `index` whose encoder loads, articles are compared by their
    /// embeddings too: the replayed ones by the vectors the index stored for them.
    pub fn load(store: &dyn Store, replay: usize, index: Option<Arc<SearchIndex>>) -> Result<StoryFiler, StoreError> {
        let mut filer = StoryFiler {
            clusterer: StoryClusterer::new(StoryConfig::default()),
            names: HashMap::new(),
            filed: HashMap::new(),
            index,
            dirty: BTreeSet::new(),
            refreshed: Instant::now(),
        };
        let semantic = filer.encoder().is_some();
        // Replayed decisions stand as stored: revising them would cost start-up time
        // and write nothing.
        filer.clusterer.set_revising(false);
        for member in store.recent_story_members(replay)? {
            let input = StoryArticle {
                id: &member.id,
                title: &member.title,
                text: &member.text,
                published: member.published.map(|t| t.timestamp()),
                source: member.source.as_deref(),
                embedding: None,
            };
            filer.replay(semantic, input, &member.story);
        }
        filer.clusterer.set_revising(true);
        Ok(filer)
    }

    /// Shows the clusterer an article stored under `story` (by the vector the index
    /// stored for it, when the encoder is on), so that its cluster keeps that name.
    fn replay(&mut self, semantic: bool, input: StoryArticle<'_>, story: &ArticleId) {
        let vector = if semantic { self.index.as_ref().and_then(|i| i.stored_vector(input.id)) } else { None };
        let input = StoryArticle { embedding: vector.as_deref(), ..input };
        let assignment = self.clusterer.assign(&input);
        self.names.entry(assignment.story).or_insert_with(|| story.clone());
        // The store holds these articles' stories: a revision among them is not
        // written back (new articles revise them when they arrive).
        self.clusterer.take_moves();
        self.clusterer.take_settled();
    }

    /// The sentence encoder, when the index has one that loads.
    fn encoder(&self) -> Option<&distill_search::LazyEmbedder> {
        let lazy = self.index.as_ref()?.embedder()?;
        lazy.get().ok().map(|_| lazy.as_ref())
    }

    /// One embedding per article's [`passage`], in order; none when there is no
    /// encoder or it fails (the articles are then clustered on words alone).
    fn embed(&self, articles: &[&Article]) -> Vec<Option<Vec<f32>>> {
        let vectors = self.encoder().and_then(|lazy| {
            let passages: Vec<String> = articles.iter().map(|a| passage(&a.title, &a.text)).collect();
            let texts: Vec<&str> = passages.iter().map(String::as_str).collect();
            let embedded = lazy.get().and_then(|encoder| encoder.embed(&texts));
            embedded.map_err(|error| tracing::warn!(%error, "stories are clustered without embeddings")).ok()
        });
        match vectors {
            Some(vectors) => vectors.into_iter().map(Some).collect(),
            None => vec![None; articles.len()],
        }
    }

    /// Learns the stories of articles that another process stored and filed (read from
    /// the change log): each filed original joins the clusterer under its stored
    /// story, as at [`StoryFiler::load`]. Articles this filer filed, copies and
    /// articles not filed yet are passed over.
    pub fn observe<'a>(
        &mut self,
        store: &dyn Store,
        articles: impl Iterator<Item = &'a Article>,
    ) -> Result<(), StoreError> {
        let others: Vec<&Article> =
            articles.filter(|a| a.duplicate_of.is_none() && !self.filed.contains_key(&a.id)).collect();
        if others.is_empty() {
            return Ok(());
        }
        let ids: Vec<ArticleId> = others.iter().map(|a| a.id.clone()).collect();
        let stories = store.stories_of(&ids)?;
        let semantic = self.encoder().is_some();
        for article in others {
            let Some(story) = stories.get(&article.id) else { continue };
            self.replay(semantic, story_input(article, None), story);
            self.filed.insert(article.id.clone(), story.clone());
        }
        Ok(())
    }

    /// Files every stored article that is under no story (stored before stories
    /// existed, or after [`Store::clear_stories`]), in change-log order; returns how many.
    pub fn catch_up(&mut self, store: &dyn Store) -> Result<usize, StoreError> {
        let (mut seq, mut filed) = (0, 0);
        loop {
            let changes = store.unfiled_since(seq, 256)?;
            let Some(last) = changes.last() else {
                self.flush(store)?;
                return Ok(filed);
            };
            seq = last.seq;
            let articles: Vec<&Article> = changes.iter().map(|c| &c.article).collect();
            filed += self.file(store, &articles)?;
        }
    }

    /// Files a stored chunk under stories; the stories it touched are rewritten now
    /// and then, and by [`StoryFiler::flush`]. Only
    /// `new` articles are clustered (an article already stored keeps its story); a
    /// copy joins its original's story.
    /// Returns how many articles were filed.
    pub fn file(&mut self, store: &dyn Store, articles: &[&Article]) -> Result<usize, StoreError> {
        let roots: Vec<ArticleId> = articles
            .iter()
            .filter_map(|a| a.duplicate_of.clone())
            .filter(|root| !self.filed.contains_key(root))
            .collect();
        let stored_roots = if roots.is_empty() { HashMap::new() } else { store.stories_of(&roots)? };
        let originals: Vec<&Article> = articles.iter().copied().filter(|a| a.duplicate_of.is_none()).collect();
        let mut vectors = self.embed(&originals).into_iter();
        // The chunk's originals count in the document frequencies before the first is
        // assigned, as `distill cluster` reads its stream ahead.
        for article in originals.iter().take(distill_nlp::stories::LOOKAHEAD) {
            self.clusterer.preview(&story_input(article, None));
        }
        let mut assignments = Vec::with_capacity(articles.len());
        for article in articles {
            let story = match &article.duplicate_of {
                Some(root) => match self.filed.get(root).or_else(|| stored_roots.get(root)) {
                    Some(story) => story.clone(),
                    // An original filed under no story (stored before stories existed).
                    None => continue,
                },
                None => {
                    let vector = vectors.next().flatten();
                    let input = story_input(article, vector.as_deref());
                    let assignment = self.clusterer.assign(&input);
                    self.stored_name(&assignment.story)
                }
            };
            self.filed.insert(article.id.clone(), story.clone());
            assignments.push((article.id.clone(), story));
        }
        store.set_stories(&assignments)?;
        self.dirty.extend(assignments.iter().map(|(_, story)| story.clone()));
        self.apply_moves(store)?;
        if self.refreshed.elapsed() >= REFRESH_EVERY {
            self.rewrite(store)?;
        }
        Ok(assignments.len())
    }

    /// Writes the clusterer's revisions: each moved original goes to its new story
    /// with its copies, and both stories are rewritten.
    fn apply_moves(&mut self, store: &dyn Store) -> Result<(), StoreError> {
        self.clusterer.take_settled();
        let moves = self.clusterer.take_moves();
        if moves.is_empty() {
            return Ok(());
        }
        let mut assignments = Vec::new();
        for moved in moves {
            let to = self.stored_name(&moved.to);
            let from = self.stored_name(&moved.from);
            let article: ArticleId = moved.article.into();
            for copy in store.duplicates_of(&article, COPIES_MOVED)? {
                assignments.push((copy.id, to.clone()));
            }
            self.filed.insert(article.clone(), to.clone());
            assignments.push((article, to.clone()));
            self.dirty.insert(from);
            self.dirty.insert(to);
        }
        store.set_stories(&assignments)
    }

    /// The stored story of a clusterer's story: the name it was first stored under,
    /// or its own id for a story new to the store.
    fn stored_name(&mut self, story: &str) -> ArticleId {
        self.names.entry(story.to_string()).or_insert_with(|| story.to_string().into()).clone()
    }

    /// Revises the latest decisions and rewrites every story filed into since the
    /// last rewrite (its counts, times and key points); what an ingest run does last.
    pub fn flush(&mut self, store: &dyn Store) -> Result<(), StoreError> {
        self.clusterer.revise();
        self.apply_moves(store)?;
        self.rewrite(store)
    }

    /// Rewrites every story filed into since the last rewrite.
    fn rewrite(&mut self, store: &dyn Store) -> Result<(), StoreError> {
        for story in std::mem::take(&mut self.dirty) {
            refresh(store, &story)?;
        }
        self.refreshed = Instant::now();
        Ok(())
    }
}

/// What the clusterer reads of an article.
fn story_input<'a>(article: &'a Article, embedding: Option<&'a [f32]>) -> StoryArticle<'a> {
    StoryArticle {
        id: &article.id,
        title: &article.title,
        text: &article.text,
        published: article.published.map(|t| t.timestamp()),
        source: article.source.as_deref(),
        embedding,
    }
}

/// Files the stored articles that are under no story (a folder written before
/// stories existed), when there are any; returns how many. The clusterer's replay
/// is paid only then.
pub fn file_unfiled(store: &dyn Store, index: &Arc<SearchIndex>) -> Result<usize, StoreError> {
    if store.unfiled_since(0, 1)?.is_empty() {
        return Ok(0);
    }
    StoryFiler::load(store, REPLAY, Some(index.clone()))?.catch_up(store)
}

/// Files every stored article under stories again, from the first, in change-log
/// order (what `distill reindex` does); returns how many were filed.
pub fn refile(store: &dyn Store, index: Option<Arc<SearchIndex>>) -> Result<usize, StoreError> {
    store.clear_stories()?;
    StoryFiler::load(store, 0, index)?.catch_up(store)
}

/// Rewrites a story's row: its counts and times from its articles, and key points
/// drawn from its first originals as one text ([`distill_nlp::summarize_story`]).
pub fn refresh(store: &dyn Store, story: &str) -> Result<(), StoreError> {
    let members = store.story_articles(story, 200)?;
    let mut originals = Vec::new();
    for member in members.iter().filter(|m| m.duplicate_of.is_none()).take(SUMMARY_ARTICLES) {
        if let Some(article) = store.get(&member.id)? {
            originals.push(article);
        }
    }
    store.refresh_story(story, &key_points(&originals, STORY_WORDS))?;
    Ok(())
}

/// A story's key points across its articles: each fact once, citing every article
/// that states it, differing figures kept side by side; at most `words` words.
pub fn key_points(articles: &[Article], words: usize) -> Vec<StoryBullet> {
    let docs: Vec<StoryDoc> = articles
        .iter()
        .map(|a| StoryDoc {
            id: &a.id,
            title: &a.title,
            text: &a.text,
            source: a.source.as_deref(),
            published: a.published.map(|t| t.timestamp()),
        })
        .collect();
    summarize_story(&docs, words)
        .into_iter()
        .map(|b| StoryBullet {
            text: b.text,
            citations: b
                .citations
                .into_iter()
                .map(|c| StoryCitation { id: c.id.into(), sentence: c.sentence })
                .collect(),
            disputed: b.disputed,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use distill_library::Library;
    use serde_json::json;

    use crate::{PipelineConfig, Silent, ingest};

    const FIRE: &str = "A wildfire swept through the hills above Santa Clara County on Tuesday, forcing thousands of residents to evacuate as firefighters battled flames fanned by strong winds. The fire destroyed dozens of homes near Gilroy, officials said. Cal Fire crews and air tankers fought the blaze through the night.";
    const FIRE_AGAIN: &str = "Firefighters in Santa Clara County fought a fast-moving wildfire near Gilroy on Tuesday as strong winds pushed flames toward homes and thousands of residents fled. Cal Fire said dozens of homes were destroyed and air tankers dropped retardant through the night.";
    const VOTE: &str = "Voters in Portugal elected a new parliament on Sunday after the prime minister resigned over a corruption inquiry. The centre-right alliance won the most seats but fell short of a majority, and coalition talks are expected to last weeks in Lisbon.";

    fn line(url: &str, title: &str, text: &str, source: &str, published: &str) -> String {
        json!({"url": url, "title": title, "text": text, "source": source, "published": published}).to_string()
    }

    fn write(dir: &std::path::Path, name: &str, lines: &[String]) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, lines.join("\n")).unwrap();
        path
    }

    const SUMATRA: &str = "A magnitude 7.1 earthquake struck off the coast of Sumatra on Tuesday, Indonesia's meteorology agency said. Buildings shook in Padang and residents fled to higher ground fearing a tsunami. The agency said the quake's epicentre was 60 km west of Padang at a depth of 10 km.";
    const BOTH: &str = "A strong earthquake hit near Eureka in northern California, damaging homes in Humboldt County, days after a magnitude 7.1 earthquake struck Sumatra and residents of Padang fled fearing a tsunami, the meteorology agency said.";
    const EUREKA: &str = "A magnitude 6.4 earthquake shook northern California near Eureka on Sunday, the US Geological Survey said. The quake knocked out power to thousands of homes in Humboldt County and damaged a bridge. No tsunami was expected, the survey said.";
    const EUREKA_AGAIN: &str = "Power was still out for thousands in Humboldt County a day after a magnitude 6.4 earthquake near Eureka in northern California, the US Geological Survey said. Crews inspected a damaged bridge and homes.";

    /// A report naming two quakes first chains them into the Sumatra story; the
    /// revision at the end of the run sets the Sumatra report apart, the store follows
    /// (the moved report's copy with it), and no story is left empty.
    #[test]
    fn a_revision_rewrites_the_stored_stories_and_moves_copies_along() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(&dir.path().join("data")).unwrap();
        let input = write(
            dir.path(),
            "quakes.jsonl",
            &[
                line("https://herald.example/sumatra", "", SUMATRA, "Herald", "2026-08-04T10:00:00Z"),
                line("https://courier.example/quakes", "", BOTH, "Courier", "2026-08-04T11:00:00Z"),
                line("https://ballot.example/eureka", "", EUREKA, "Ballot", "2026-08-04T12:00:00Z"),
                line("https://wire.example/eureka", "", EUREKA_AGAIN, "Wire", "2026-08-04T13:00:00Z"),
                line("https://herald-copy.example/sumatra", "", SUMATRA, "Echo", "2026-08-04T14:00:00Z"),
            ],
        );
        ingest(&library, &[input], &PipelineConfig::default(), &Silent).unwrap();
        let store = library.store.as_ref();
        let stories = store.stories(&distill_store::StoryQuery { limit: 10, ..Default::default() }).unwrap();
        let mut story_of = std::collections::BTreeMap::new();
        let mut id_of = std::collections::BTreeMap::new();
        for story in &stories {
            assert!(story.articles > 0, "an emptied story is removed: {stories:?}");
            for a in store.story_articles(&story.id, 10).unwrap() {
                let url = a.url.clone().unwrap_or_default();
                story_of.insert(url.clone(), story.id.clone());
                id_of.insert(url, a.id.clone());
            }
        }
        assert_eq!(story_of.len(), 5, "{story_of:?}");
        let story = |url: &str| story_of[url].clone();
        assert_eq!(story("https://ballot.example/eureka"), story("https://wire.example/eureka"));
        assert_ne!(story("https://herald.example/sumatra"), story("https://ballot.example/eureka"));
        assert_eq!(story("https://herald-copy.example/sumatra"), story("https://herald.example/sumatra"));
        // The story the Sumatra report started now holds the California reports: the
        // chain formed and a revision split it (without one, the California reports
        // would be filed under a story of their own).
        assert_eq!(story("https://ballot.example/eureka"), id_of["https://herald.example/sumatra"], "{story_of:?}");
    }

    #[test]
    fn reports_of_one_event_from_two_outlets_make_one_story_and_a_copy_joins_it() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(&dir.path().join("data")).unwrap();
        let first = write(
            dir.path(),
            "a.jsonl",
            &[
                line(
                    "https://herald.example/fire",
                    "Wildfire forces thousands to flee",
                    FIRE,
                    "Herald",
                    "2026-08-04T10:00:00Z",
                ),
                line(
                    "https://ballot.example/vote",
                    "Portugal votes after resignation",
                    VOTE,
                    "Ballot",
                    "2026-08-04T11:00:00Z",
                ),
            ],
        );
        ingest(&library, &[first], &PipelineConfig::default(), &Silent).unwrap();
        // A later run: another outlet on the fire, and a wire copy of the Herald's report.
        let second = write(
            dir.path(),
            "b.jsonl",
            &[
                line(
                    "https://courier.example/blaze",
                    "Blaze near Gilroy destroys homes",
                    FIRE_AGAIN,
                    "Courier",
                    "2026-08-04T15:00:00Z",
                ),
                line(
                    "https://wire.example/fire",
                    "Wildfire forces thousands to flee",
                    FIRE,
                    "Wire",
                    "2026-08-04T16:00:00Z",
                ),
            ],
        );
        ingest(&library, &[second], &PipelineConfig::default(), &Silent).unwrap();

        let store = library.store.as_ref();
        let stories = store.stories(&distill_store::StoryQuery { limit: 10, ..Default::default() }).unwrap();
        assert_eq!(stories.len(), 2, "{stories:?}");
        let fire = stories.iter().find(|s| s.title == "Wildfire forces thousands to flee").expect("the fire story");
        assert_eq!((fire.articles, fire.copies, fire.sources), (2, 3, 3), "{fire:?}");
        assert!(!fire.bullets.is_empty());
        let cited: std::collections::BTreeSet<&str> =
            fire.bullets.iter().flat_map(|b| b.citations.iter().map(|c| c.id.as_str())).collect();
        assert!(cited.len() == 2, "key points cite both reports: {cited:?}");
        for bullet in &fire.bullets {
            for citation in &bullet.citations {
                let article = store.get(&citation.id).unwrap().unwrap();
                assert!(citation.sentence < article.sentences.len());
            }
        }

        // Filing everything again from the first article gives the same stories.
        let before: Vec<_> = stories.iter().map(|s| (s.id.clone(), s.articles, s.copies)).collect();
        assert_eq!(super::refile(store, None).unwrap(), 4);
        let again = store.stories(&distill_store::StoryQuery { limit: 10, ..Default::default() }).unwrap();
        let after: Vec<_> = again.iter().map(|s| (s.id.clone(), s.articles, s.copies)).collect();
        assert_eq!(before, after);
    }
}
