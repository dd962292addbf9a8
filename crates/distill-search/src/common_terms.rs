//! A query of plain words where some words are common: the articles holding a rarer
//! word match, and the common words only add to their scores (as Elasticsearch's
//! common-terms query did). Over a million articles a headline's common words ("year",
//! "said") match most of them; scoring them everywhere cost most of a search.
//!
//! tantivy's own "must rare, should common" boolean query scores the common words
//! through a buffered union that scores every article of its window, matched or not;
//! this scorer instead moves each common word's postings to the next matched article
//! only, so a search costs what its rare words match.

use tantivy::query::{EnableScoring, Explanation, Query, QueryClone, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, Term};

/// `rare` decides what matches (and scores); each of `common` adds its score to the
/// matches that hold it.
#[derive(Debug)]
pub(crate) struct RareDriven {
    pub(crate) rare: Box<dyn Query>,
    pub(crate) common: Vec<Box<dyn Query>>,
}

impl Clone for RareDriven {
    fn clone(&self) -> Self {
        RareDriven { rare: self.rare.box_clone(), common: self.common.iter().map(|q| q.box_clone()).collect() }
    }
}

impl Query for RareDriven {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let rare = self.rare.weight(scoring)?;
        let common = if scoring.is_scoring_enabled() {
            self.common.iter().map(|q| q.weight(scoring)).collect::<tantivy::Result<Vec<_>>>()?
        } else {
            Vec::new()
        };
        Ok(Box::new(RareDrivenWeight { rare, common }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.rare.query_terms(visitor);
        for q in &self.common {
            q.query_terms(visitor);
        }
    }
}

struct RareDrivenWeight {
    rare: Box<dyn Weight>,
    common: Vec<Box<dyn Weight>>,
}

impl Weight for RareDrivenWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let rare = self.rare.scorer(reader, boost)?;
        let common = self.common.iter().map(|w| w.scorer(reader, boost)).collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(RareDrivenScorer { rare, common }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!("document {doc} does not match")));
        }
        Ok(Explanation::new("rare words, and the common words they hold", scorer.score()))
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.rare.count(reader)
    }
}

struct RareDrivenScorer {
    rare: Box<dyn Scorer>,
    common: Vec<Box<dyn Scorer>>,
}

impl DocSet for RareDrivenScorer {
    fn advance(&mut self) -> DocId {
        self.rare.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.rare.seek(target)
    }

    fn doc(&self) -> DocId {
        self.rare.doc()
    }

    fn size_hint(&self) -> u32 {
        self.rare.size_hint()
    }
}

impl Scorer for RareDrivenScorer {
    fn score(&mut self) -> Score {
        let doc = self.rare.doc();
        let mut score = self.rare.score();
        if doc == TERMINATED {
            return score;
        }
        for common in &mut self.common {
            if common.doc() < doc {
                common.seek(doc);
            }
            if common.doc() == doc {
                score += common.score();
            }
        }
        score
    }
}
