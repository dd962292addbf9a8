//! Stories: every outlet's report of one event, gathered. A story is named by the id
//! of its first article; its key points cite sentences of possibly different articles,
//! so a citation names the article as well as the sentence.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ArticleId;

/// A sentence of one article, cited by a story's key point.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StoryCitation {
    /// The article.
    pub id: ArticleId,
    /// The sentence's index in that article.
    pub sentence: usize,
}

/// A story's key point and the sentences, from any of its articles, it comes from.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryBullet {
    /// The key point; its words come from the cited sentences.
    pub text: String,
    /// The cited sentences, first the one the text is taken from; every report that
    /// states the fact is cited.
    pub citations: Vec<StoryCitation>,
    /// Whether another key point gives a different figure for the same fact (the
    /// sources disagree, and both accounts are kept).
    #[serde(default)]
    pub disputed: bool,
}

/// A story as listed: its title, its span in time, its coverage and its key points.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// The id of the story's first article, which names it.
    pub id: ArticleId,
    /// The headline that stands for the story.
    pub title: String,
    /// The earliest time of its articles (publication, else ingestion).
    pub first_seen: DateTime<Utc>,
    /// The latest time of its articles.
    pub last_updated: DateTime<Utc>,
    /// Its distinct reports (near-duplicate copies count once).
    pub articles: usize,
    /// Every article filed under it, copies included.
    pub copies: usize,
    /// Distinct publications that covered it.
    pub sources: usize,
    /// Key points across its articles.
    pub bullets: Vec<StoryBullet>,
}
