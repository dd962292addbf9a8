//! Domain types shared by every distill crate: articles, sentences, key points,
//! insights, stories, and the ids that make ingestion idempotent.
//!
//! This crate does no I/O and knows nothing about the crates above it.
#![warn(missing_docs)]

mod article;
mod attribution;
mod entity;
pub mod id;
mod story;
pub mod text;
pub mod time;

pub use article::{
    Article, Bullet, Document, Insight, InsightAnswer, InsightKind, LineMethod, Sentence, Summary, SummaryMethod,
};
pub use attribution::{Attribution, AttributionKind, Stance};
pub use entity::{Entity, EntityRole, EntityType};
pub use id::{ArticleId, article_id, content_hash, normalize_url};
pub use story::{Story, StoryBullet, StoryCitation};
