//! Typed views: the shapes that the CLI (`show --json`, `feeds list --json`), the JSON
//! API and the web pages all render, so one article is described one way.

use chrono::{DateTime, FixedOffset, Utc};
use distill_core::{Article, ArticleId, Attribution, Entity, Insight, Story, Summary};
use distill_store::{ArticleSummary, Feed};
use serde::{Serialize, Serializer};
use utoipa::ToSchema;
use utoipa::openapi::{RefOr, schema::Schema};

/// An article with the other copies of its story: what an article page shows.
/// Serializes as the public article JSON (`show --json`, `/api/articles/{id}`).
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleView {
    /// The stored article.
    pub article: Article,
    /// Its original (when it is a copy) and the original's other copies, oldest first.
    pub also_reported_by: Vec<CopyView>,
    /// How many other copies the story has in all (`also_reported_by` lists at most
    /// [`crate::MAX_COPIES`]).
    pub copies_in_all: usize,
    /// The story it is filed under, when it is filed under one.
    pub story: Option<StoryRef>,
}

/// Another copy of a story, as listed under "Also reported by".
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct CopyView {
    /// Article id.
    pub id: ArticleId,
    /// Title.
    pub title: String,
    /// Publication name.
    pub source: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Publication time, in the publisher's offset.
    #[serde(serialize_with = "rfc3339")]
    pub published: Option<DateTime<FixedOffset>>,
}

impl From<ArticleSummary> for CopyView {
    fn from(a: ArticleSummary) -> Self {
        CopyView { id: a.id, title: a.title, source: a.source, url: a.url, published: a.published }
    }
}

/// A sentence as the article JSON shows it: its text and byte offsets.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SentenceView<'a> {
    /// Position in the body, from 0.
    pub index: usize,
    /// The sentence.
    pub text: &'a str,
    /// Byte offset of the first byte in the body.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// An article: its text and sentences, key points, insights, and the other copies
/// of its story (the public article JSON, field by field; [`ArticleView`]'s schema).
#[derive(Serialize, ToSchema)]
struct ArticleJson<'a> {
    id: &'a str,
    title: &'a str,
    url: &'a Option<String>,
    source: &'a Option<String>,
    byline: &'a Option<String>,
    #[serde(serialize_with = "rfc3339")]
    published: Option<DateTime<FixedOffset>>,
    language: &'a Option<String>,
    text: &'a str,
    sentences: Vec<SentenceView<'a>>,
    summary: &'a Summary,
    insights: &'a [Insight],
    /// Who said what: quotes and reported speech, each citing its sentence.
    attributions: &'a [Attribution],
    /// Who is who: people, organisations, places and events, with their roles and
    /// the sentences that mention them.
    entities: &'a [Entity],
    duplicate_of: &'a Option<ArticleId>,
    also_reported_by: &'a [CopyView],
    /// How many other copies the story has in all; `also_reported_by` lists the first.
    copies_in_all: usize,
    /// The story it is filed under: every outlet's report of the same event.
    story: &'a Option<StoryRef>,
}

/// The schema of the article JSON is the one of the struct it serializes through.
impl utoipa::PartialSchema for ArticleView {
    fn schema() -> RefOr<Schema> {
        <ArticleJson<'static> as utoipa::PartialSchema>::schema()
    }
}

impl ToSchema for ArticleView {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        <ArticleJson<'static> as ToSchema>::schemas(schemas);
    }
}

impl Serialize for ArticleView {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let a = &self.article;
        ArticleJson {
            id: &a.id,
            title: &a.title,
            url: &a.url,
            source: &a.source,
            byline: &a.byline,
            published: a.published,
            language: &a.language,
            text: &a.text,
            sentences: a
                .sentences
                .iter()
                .map(|s| SentenceView { index: s.index, text: &s.text, start: s.start, end: s.end })
                .collect(),
            summary: &a.summary,
            insights: &a.insights,
            attributions: &a.attributions,
            entities: &a.entities,
            duplicate_of: &a.duplicate_of,
            also_reported_by: &self.also_reported_by,
            copies_in_all: self.copies_in_all,
            story: &self.story,
        }
        .serialize(serializer)
    }
}

/// A feed subscription with its state, as `feeds list`, `/api/feeds` and the feeds
/// page show it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct FeedStatus {
    /// The subscription and its polling fields.
    #[serde(flatten)]
    pub feed: Feed,
    /// Where it stands.
    pub state: FeedState,
}

/// Where a subscription stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FeedState {
    /// Not fetched successfully yet.
    New,
    /// Polled on schedule.
    Ok,
    /// The last polls failed; retried with backoff.
    Failing,
    /// Failed too often (or gone): no longer polled until added again.
    Dead,
}

impl From<Feed> for FeedStatus {
    fn from(feed: Feed) -> Self {
        let state = if feed.dead {
            FeedState::Dead
        } else if feed.failures > 0 {
            FeedState::Failing
        } else if feed.last_success.is_none() {
            FeedState::New
        } else {
            FeedState::Ok
        };
        FeedStatus { feed, state }
    }
}

impl FeedStatus {
    /// A short label: "ok", "new", "failing (3 in a row)", "DEAD after 8 failures".
    pub fn label(&self) -> String {
        match self.state {
            FeedState::New => "new".into(),
            FeedState::Ok => "ok".into(),
            FeedState::Failing => format!("failing ({} in a row)", self.feed.failures),
            FeedState::Dead => format!("DEAD after {} failures", self.feed.failures),
        }
    }

    /// One line on where the feed stands and what happens next, for people.
    pub fn describe(&self) -> String {
        let when = |t: DateTime<Utc>| t.format("%Y-%m-%d %H:%M UTC").to_string();
        match self.state {
            FeedState::Dead => format!("dead after {} failures; add it again to revive", self.feed.failures),
            FeedState::Failing => {
                format!("failing ({} in a row); next try {}", self.feed.failures, when(self.feed.next_due))
            }
            FeedState::Ok | FeedState::New => format!("next check {}", when(self.feed.next_due)),
        }
    }
}

fn rfc3339<S: Serializer>(value: &Option<DateTime<FixedOffset>>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(d) => serializer.serialize_some(&d.to_rfc3339()),
        None => serializer.serialize_none(),
    }
}

/// A story with its articles, its coverage over time and related stories: what a
/// story page shows, `distill story ID --json` prints and `/api/stories/{id}` returns.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct StoryView {
    /// The story: title, times, counts and key points.
    #[serde(flatten)]
    pub story: Story,
    /// Its articles, copies included, oldest first (at most [`crate::MAX_STORY_ARTICLES`];
    /// `story.copies` says how many there are in all).
    pub articles: Vec<ArticleSummary>,
    /// How many of its articles were published in each period, oldest first.
    pub timeline: Vec<TimelinePoint>,
    /// Other stories on neighbouring subjects, the closest first.
    pub related: Vec<StoryRef>,
}

/// How many of a story's articles were published in one period.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TimelinePoint {
    /// The period's start.
    pub start: DateTime<Utc>,
    /// The period's end (the next period's start).
    pub end: DateTime<Utc>,
    /// Its articles, copies included.
    pub articles: usize,
}

/// A story named in passing: on an article (the story it belongs to) and among a
/// story's related stories.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct StoryRef {
    /// Story id.
    pub id: ArticleId,
    /// Its title.
    pub title: String,
    /// Its distinct reports.
    pub articles: usize,
    /// Distinct publications that covered it.
    pub sources: usize,
    /// Its latest article's time.
    pub last_updated: DateTime<Utc>,
}

impl From<&Story> for StoryRef {
    fn from(s: &Story) -> Self {
        StoryRef {
            id: s.id.clone(),
            title: s.title.clone(),
            articles: s.articles,
            sources: s.sources,
            last_updated: s.last_updated,
        }
    }
}

/// Counts articles by period: hours for a story of up to two days, days up to
/// ninety days, weeks beyond; undated articles are left out.
pub fn timeline(times: impl IntoIterator<Item = DateTime<Utc>>) -> Vec<TimelinePoint> {
    let times: Vec<i64> = times.into_iter().map(|t| t.timestamp()).collect();
    let (Some(&first), Some(&last)) = (times.iter().min(), times.iter().max()) else { return Vec::new() };
    let span = last - first;
    let period = if span <= 2 * 86_400 {
        3_600
    } else if span <= 90 * 86_400 {
        86_400
    } else {
        7 * 86_400
    };
    let mut counts = std::collections::BTreeMap::new();
    for t in times {
        *counts.entry(t.div_euclid(period) * period).or_insert(0) += 1;
    }
    counts
        .into_iter()
        .filter_map(|(start, articles)| {
            Some(TimelinePoint {
                start: DateTime::from_timestamp(start, 0)?,
                end: DateTime::from_timestamp(start + period, 0)?,
                articles,
            })
        })
        .collect()
}
