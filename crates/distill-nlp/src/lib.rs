//! The statistical language layer: sentences with offsets, terms and entities, the
//! extractive key-point summarizer, and insight questions. Pure functions; a model
//! can replace a stage later behind the same types, grounded by the same citations.
#![warn(missing_docs)]

pub mod dedup;
pub mod insights;
pub mod sentences;
pub mod summary;
pub mod terms;

use distill_core::{Insight, Sentence, Summary};

pub use insights::generate_insights;
pub use sentences::split_sentences;
pub use summary::{SummaryConfig, summarize};

/// Everything the language layer derives from one body.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Sentences with byte offsets into the body.
    pub sentences: Vec<Sentence>,
    /// Key points.
    pub summary: Summary,
    /// Insight questions.
    pub insights: Vec<Insight>,
}

/// Runs sentence splitting, summarization and question generation over a body.
pub fn analyze(title: &str, text: &str, config: &SummaryConfig) -> Analysis {
    let sentences = split_sentences(text);
    let terms = terms::Terms::new(title, &sentences);
    let summary = summarize(title, &sentences, &terms, config);
    let insights = generate_insights(title, &sentences, &terms);
    Analysis { sentences, summary, insights }
}
