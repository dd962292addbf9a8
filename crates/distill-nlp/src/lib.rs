//! The statistical language layer: sentences with offsets, terms and entities, the
//! extractive key-point summarizer, and insight questions. Pure functions; a model
//! can replace a stage later behind the same types, grounded by the same citations.
#![warn(missing_docs)]

pub mod attributions;
pub mod clauses;
pub mod dedup;
pub mod entities;
pub mod insights;
pub mod sentences;
pub mod stories;
pub mod story_summary;
pub mod summary;
pub mod terms;
pub mod verify;

use distill_core::{Attribution, Entity, Insight, Sentence, Summary};

pub use insights::generate_insights;
pub use sentences::split_sentences;
pub use story_summary::{StoryBullet, StoryCitation, StoryDoc, summarize_story};
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
    /// Who said what.
    pub attributions: Vec<Attribution>,
    /// Who is who: named entities with aliases, mentions and roles.
    pub entities: Vec<Entity>,
}

/// Most sentences the summarizer and the question generator read: a long read of
/// 10,000 words has about 500, so no real article is cut, while a hostile or broken
/// page of megabytes costs no more than this prefix (their graph and entity steps
/// are quadratic in what they read).
pub const ANALYZED_SENTENCES: usize = 1000;
/// Most bytes of text the summarizer and the question generator read.
pub const ANALYZED_BYTES: usize = 256 * 1024;

/// Runs sentence splitting over the whole body, then summarization and question
/// generation over its first [`ANALYZED_SENTENCES`] sentences (at most
/// [`ANALYZED_BYTES`]): every stage is linear in the body, or bounded.
pub fn analyze(title: &str, text: &str, config: &SummaryConfig) -> Analysis {
    let sentences = split_sentences(text);
    let window = analysis_window(&sentences);
    let terms = terms::Terms::new(title, window);
    let summary = summarize(title, window, &terms, config);
    let entities = entities::extract_entities(title, window);
    let attributions = attributions::find_attributions(text, window, &entities);
    let insights = generate_insights(title, window, &terms, &attributions, &entities);
    Analysis { sentences, summary, insights, attributions, entities }
}

/// The leading sentences that analysis reads (see [`ANALYZED_SENTENCES`]).
pub fn analysis_window(sentences: &[Sentence]) -> &[Sentence] {
    let mut bytes = 0;
    let end = sentences
        .iter()
        .take(ANALYZED_SENTENCES)
        .take_while(|s| {
            bytes += s.text.len();
            bytes <= ANALYZED_BYTES
        })
        .count();
    // A first sentence over the byte budget is still read: it is all there is.
    &sentences[..end.max(sentences.len().min(1))]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 19: the key points of a broadcast transcript opened with its speaker
    /// labels ("SACHA PFEIFFER, HOST: The Texas Legislature ...").
    #[test]
    fn key_points_of_a_transcript_carry_no_speaker_label() {
        let body = "SACHA PFEIFFER, HOST:\n\nThe Texas Legislature is holding a special session this week, and the main issue is school vouchers.\n\n\
                    PFEIFFER: A bill would let parents spend public money on private schools, and teachers oppose it.\n\n\
                    MARTINEZ-BELTRAN: Hundreds of teachers came to the Capitol on Tuesday to testify against the bill.\n\n\
                    ZEPH CAPO, TEACHERS UNION: The vouchers would drain money from the public schools that most children attend.";
        let analysis = analyze("Teachers protest a vouchers bill", body, &SummaryConfig::default());
        assert!(!analysis.summary.bullets.is_empty());
        for bullet in &analysis.summary.bullets {
            assert!(speaker_label_free(&bullet.text), "{}", bullet.text);
        }
        assert!(analysis.sentences.iter().all(|s| speaker_label_free(&s.text)));
    }

    fn speaker_label_free(text: &str) -> bool {
        !["SACHA", "PFEIFFER:", "MARTINEZ", "ZEPH"].iter().any(|label| text.starts_with(label))
    }

    /// Bodies of megabytes that no article is: one paragraph of thousands of distinct
    /// names with no full stop, sentences of three words, a word with no space.
    /// Guards issue 16 (a 15 MB page grew the summarizer past 24 GB): analysis reads
    /// a bounded prefix, entity merging a bounded set of names, so each finishes.
    #[test]
    fn hostile_bodies_of_megabytes_are_analyzed() {
        let mut names = String::new();
        let mut n: u64 = 1;
        while names.len() < 3 << 20 {
            n = n.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            names.push_str(&format!("Zed{:x} Q{} ", n >> 40, n % 997));
        }
        let tiny = "Ports shut down. ".repeat((3 << 20) / 17);
        let unbroken = "x".repeat(3 << 20);
        let prose = "The harbour pilots voted on Monday to strike over the new rota, the union said. ".repeat(40_000);
        for (name, body) in [("names", names), ("tiny", tiny), ("unbroken", unbroken), ("prose", prose)] {
            let analysis = analyze("A headline", &body, &SummaryConfig::default());
            assert!(!analysis.sentences.is_empty(), "{name}");
            assert_eq!(
                analysis.sentences.last().unwrap().end,
                body.trim_end().len(),
                "{name}: the whole body is split"
            );
            for b in &analysis.summary.bullets {
                assert!(b.citations.iter().all(|&c| c < ANALYZED_SENTENCES), "{name}");
            }
        }
    }
}
