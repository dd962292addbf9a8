//! The read side of distill: the data folder ([`Library`]) that every process opens,
//! the read queries, and the typed views (articles, stories, feeds, search hits) that the
//! CLI, the JSON API and the web pages all render, and the error [`Code`]s they
//! all report. It holds no HTTP client and no ingest code, so a read-only server
//! depends on nothing that writes.
#![warn(missing_docs)]

pub mod ask;
pub mod code;
pub mod config;
mod entity;
mod folder;
pub mod grounded;
mod verify;
mod views;

pub use ask::{Answer, AskQuery};
pub use code::Code;
pub use entity::{
    DEFAULT_ENTITY_ARTICLES, EntityArticle, EntityQuery, EntityView, MAX_ENTITY_ARTICLES, MAX_ENTITY_NAME_BYTES,
    MentionPeriod, SaidView,
};
pub use folder::{Library, LibraryError, MAX_COPIES, MAX_STORY_ARTICLES, RELATED_STORIES};
pub use verify::{EvidenceView, FindingView, MAX_CLAIM_BYTES, VerifyQuery, VerifyView};
pub use views::{
    ArticleView, CopyView, FeedState, FeedStatus, SentenceView, StoryRef, StoryView, TimelinePoint, timeline,
};
