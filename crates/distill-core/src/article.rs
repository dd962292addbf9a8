use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::{ArticleId, Attribution, Entity};

/// What extraction produces from one input: clean text and metadata, before analysis.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The headline.
    pub title: Option<String>,
    /// Author names as printed ("Jane Doe, John Roe").
    pub byline: Option<String>,
    /// Publication time, when the page states one, in the offset the page wrote it
    /// in, so that the publisher's own day is the article's date (UTC where no offset
    /// is written: a bare day, a URL's date, a feed's time).
    pub published: Option<DateTime<FixedOffset>>,
    /// ISO 639-1 code of the body's language, when detected with confidence.
    pub language: Option<String>,
    /// Canonical URL of the article.
    pub url: Option<String>,
    /// Name of the publication, from metadata or page chrome.
    pub site_name: Option<String>,
    /// The clean body: paragraphs separated by one blank line.
    pub text: String,
}

/// One sentence of an article body, with byte offsets into [`Article::text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Position of the sentence in the body, from 0.
    pub index: usize,
    /// The sentence text, exactly `text[start..end]`.
    pub text: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Index of the paragraph the sentence belongs to.
    #[serde(default)]
    pub paragraph: usize,
}

/// A key point and the sentences it comes from.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bullet {
    /// The key point: words of the cited sentences, or (when `method` is generated) a
    /// rewrite of them that the grounding check found supported by them.
    pub text: String,
    /// Indices of the cited sentences.
    pub citations: Vec<usize>,
    /// Whether the line is the article's words or a generator's.
    #[serde(default)]
    pub method: LineMethod,
}

impl Bullet {
    /// Returns an extractive key point.
    pub fn new(text: impl Into<String>, citations: Vec<usize>) -> Self {
        Self { text: text.into(), citations, method: LineMethod::Extractive }
    }
}

/// Who wrote a line that distill shows: the sources or a generator.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LineMethod {
    /// The sources' own words (whole sentences, or sentences with spans deleted).
    #[default]
    Extractive,
    /// Written by a generator and kept because the grounding check found it supported
    /// by the sentences it cites.
    Generated,
}

impl LineMethod {
    /// The name, as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            LineMethod::Extractive => "extractive",
            LineMethod::Generated => "generated",
        }
    }
}

/// How key points were made.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SummaryMethod {
    /// Sentences chosen for centrality and coverage, shortened only by deleting spans.
    #[default]
    Extractive,
    /// The first sentences, unchanged (the baseline).
    Lead,
}

impl SummaryMethod {
    /// The name, as JSON and the CLI write it.
    pub fn as_str(self) -> &'static str {
        match self {
            SummaryMethod::Extractive => "extractive",
            SummaryMethod::Lead => "lead",
        }
    }
}

/// The key points of an article and how they were made.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The method that produced the bullets.
    pub method: SummaryMethod,
    /// The key points, in article order.
    pub bullets: Vec<Bullet>,
    /// The generator that rewrote some of the bullets, when one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generator: Option<String>,
}

/// The kind of an insight question: what a careful reader asks about.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum InsightKind {
    /// What the plan or event consists of.
    Components,
    /// What led up to it.
    Background,
    /// Why an actor acts.
    Motives,
    /// How actors responded.
    Reactions,
    /// What it could mean.
    Implications,
    /// What could go wrong.
    Risks,
    /// Money, trade, resources.
    Economics,
    /// What stands in the way.
    Obstacles,
    /// What comes next.
    Outlook,
    /// Where supporters and critics differ.
    CompetingViews,
    /// What success depends on.
    SuccessFactors,
    /// An actor's role.
    Actors,
    /// Its effect on someone.
    Effects,
}

impl InsightKind {
    /// The name, as JSON and the pages write it ("competing-views").
    pub fn as_str(self) -> &'static str {
        match self {
            InsightKind::Components => "components",
            InsightKind::Background => "background",
            InsightKind::Motives => "motives",
            InsightKind::Reactions => "reactions",
            InsightKind::Implications => "implications",
            InsightKind::Risks => "risks",
            InsightKind::Economics => "economics",
            InsightKind::Obstacles => "obstacles",
            InsightKind::Outlook => "outlook",
            InsightKind::CompetingViews => "competing-views",
            InsightKind::SuccessFactors => "success-factors",
            InsightKind::Actors => "actors",
            InsightKind::Effects => "effects",
        }
    }
}

/// A question the article raises, grounded in the sentences that speak to it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Insight {
    /// The question.
    pub question: String,
    /// The kind of question.
    pub kind: InsightKind,
    /// Indices of the sentences that ground the question.
    pub citations: Vec<usize>,
    /// The article's answer, in whole sentences it cites (empty in analyses stored
    /// before questions carried answers).
    #[serde(default)]
    pub answer: InsightAnswer,
}

/// The answer to an insight question, in the article's own sentences.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InsightAnswer {
    /// One to three sentences of the article, as written.
    pub text: String,
    /// Indices of those sentences.
    pub citations: Vec<usize>,
}

/// A fully analyzed article, as stored and served.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id derived from the canonical URL, or from the content without one.
    pub id: ArticleId,
    /// Title; never empty (falls back to the first sentence).
    pub title: String,
    /// Canonical URL, when known.
    pub url: Option<String>,
    /// Publication name or host.
    pub source: Option<String>,
    /// Author names.
    pub byline: Option<String>,
    /// Publication time, in the publisher's offset (see [`Document::published`]).
    pub published: Option<DateTime<FixedOffset>>,
    /// Language code.
    pub language: Option<String>,
    /// The clean body.
    pub text: String,
    /// Sentences of the body with offsets.
    pub sentences: Vec<Sentence>,
    /// Key points.
    pub summary: Summary,
    /// Insight questions.
    pub insights: Vec<Insight>,
    /// Who said what: quotes and reported speech (empty in analyses stored before
    /// attributions were found).
    #[serde(default)]
    pub attributions: Vec<Attribution>,
    /// Who is who: named people, organisations, places and events with their roles
    /// (empty in analyses stored before entities were tagged).
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Hash of the body and title, used to tell an update from a re-ingest.
    pub content_hash: String,
    /// Where the article came from (file path, feed item, URL).
    pub origin: String,
    /// The original this article is a near-duplicate copy of, if any.
    #[serde(default)]
    pub duplicate_of: Option<ArticleId>,
    /// MinHash signature of the body, for near-duplicate detection.
    #[serde(default)]
    pub signature: Vec<u32>,
}

impl Article {
    /// An article with only an id, a title and a body (its hash too), from origin
    /// "test": the one builder the test suites share. They set the other fields with
    /// struct update syntax (`Article { source: Some(..), ..Article::sample(..) }`).
    #[doc(hidden)]
    pub fn sample(id: &str, title: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            url: None,
            source: None,
            byline: None,
            published: None,
            language: None,
            text: text.into(),
            sentences: Vec::new(),
            summary: Summary::default(),
            insights: Vec::new(),
            attributions: Vec::new(),
            entities: Vec::new(),
            content_hash: crate::content_hash(text),
            origin: "test".into(),
            duplicate_of: None,
            signature: Vec::new(),
        }
    }
}
