//! A claim checked against the stored articles: one article's sentences, a story's
//! articles', or, with neither named, those of the articles a search for the claim
//! finds. The CLI (`distill verify`), the API (`/api/verify`) and the verify page all
//! call [`Library::verify`], so a claim gets one verdict whichever way it is asked.

use distill_core::ArticleId;
use distill_nlp::verify::Sources;
use distill_search::SearchQuery;
use serde::Serialize;
use utoipa::ToSchema;

use crate::folder::{Library, Result};

/// Most bytes of a claim read: a claim is a sentence or two.
pub const MAX_CLAIM_BYTES: usize = 2000;
/// Most articles a claim is checked against when the corpus is searched.
pub const VERIFY_ARTICLES: usize = 8;
/// Most sentences read from one article (a story has up to a few hundred articles).
const SENTENCES_PER_ARTICLE: usize = 200;

/// What to check a claim against.
#[derive(Debug, Clone, Default)]
pub struct VerifyQuery {
    /// The claim.
    pub claim: String,
    /// One article's id.
    pub article: Option<String>,
    /// One story's id (its articles, in the story's order).
    pub story: Option<String>,
}

/// A source sentence that decides a verdict.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct EvidenceView {
    /// The article it is from.
    pub article: ArticleId,
    /// The article's title.
    pub title: String,
    /// The article's publication.
    pub source: Option<String>,
    /// The sentence's index in the article's sentences.
    pub sentence: usize,
    /// The sentence.
    pub text: String,
}

/// Something a check found wrong with the claim.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct FindingView {
    /// The check: `number`, `date`, `entity`, `negation`, `roles`, `attribution`,
    /// `quote`, `addition` or `no_match`.
    pub check: &'static str,
    /// The claim's words at fault.
    pub words: String,
}

/// A claim's verdict against the sources, with the sentences that decide it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct VerifyView {
    /// The claim, as checked (cut at [`MAX_CLAIM_BYTES`]).
    pub claim: String,
    /// `supported`, `contradicted` or `not_found`.
    pub label: &'static str,
    /// Whether the sources support the claim.
    pub supported: bool,
    /// In [0, 1]; higher is better supported.
    pub score: f64,
    /// The deciding sentences, best first.
    pub evidence: Vec<EvidenceView>,
    /// What the checks found wrong (empty when supported).
    pub findings: Vec<FindingView>,
    /// How many articles were read.
    pub articles_checked: usize,
}

impl Library {
    /// Checks a claim against an article, a story, or the articles a search for the
    /// claim finds; `None` when the named article or story does not exist.
    pub fn verify(&self, query: &VerifyQuery) -> Result<Option<VerifyView>> {
        let claim = cut(query.claim.trim(), MAX_CLAIM_BYTES).to_string();
        let ids: Vec<ArticleId> = if let Some(id) = &query.article {
            match self.store.get(id)? {
                Some(article) => vec![article.id],
                None => return Ok(None),
            }
        } else if let Some(id) = &query.story {
            if self.store.story(id)?.is_none() {
                return Ok(None);
            }
            self.store.story_articles(id, crate::MAX_STORY_ARTICLES)?.into_iter().map(|a| a.id).collect()
        } else {
            self.candidates(&claim)?
        };
        let mut sentences: Vec<String> = Vec::new();
        let mut origin: Vec<(usize, usize)> = Vec::new();
        let mut articles = Vec::new();
        for id in &ids {
            let Some(article) = self.store.get(id)? else { continue };
            for s in article.sentences.iter().take(SENTENCES_PER_ARTICLE) {
                sentences.push(s.text.clone());
                origin.push((articles.len(), s.index));
            }
            articles.push(article);
        }
        let verdict = Sources::new(&sentences).verify(&claim);
        let evidence = verdict
            .evidence
            .iter()
            .filter_map(|&i| {
                let (a, sentence) = *origin.get(i)?;
                let article = &articles[a];
                Some(EvidenceView {
                    article: article.id.clone(),
                    title: article.title.clone(),
                    source: article.source.clone(),
                    sentence,
                    text: sentences[i].clone(),
                })
            })
            .collect();
        let findings =
            verdict.findings.iter().map(|f| FindingView { check: f.check.as_str(), words: f.detail.clone() }).collect();
        Ok(Some(VerifyView {
            claim,
            label: verdict.label.as_str(),
            supported: verdict.supported(),
            score: (verdict.score * 10_000.0).round() / 10_000.0,
            evidence,
            findings,
            articles_checked: articles.len(),
        }))
    }

    /// The originals a keyword search for the claim's words finds, best first.
    fn candidates(&self, claim: &str) -> Result<Vec<ArticleId>> {
        // The claim's words alone: its quotes and dashes would be query syntax.
        // Within the index's query cap (1,024 bytes).
        let mut text = String::new();
        for w in claim.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 1).take(64) {
            if text.len() + w.len() + 1 > 900 {
                break;
            }
            text.push_str(w);
            text.push(' ');
        }
        if text.is_empty() {
            return Ok(Vec::new());
        }
        let query = SearchQuery { text, limit: VERIFY_ARTICLES, ..SearchQuery::default() };
        Ok(self.search(&query)?.hits.into_iter().map(|h| ArticleId::from(h.id)).collect())
    }
}

/// The longest prefix of `s` within `max` bytes that ends on a character boundary.
fn cut(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use distill_core::Article;

    #[test]
    fn a_claim_is_checked_against_an_article_and_the_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(dir.path()).unwrap();
        let mut a = Article::sample(
            "a",
            "Pilots strike",
            "The harbour pilots voted on Monday to strike over the new rota. The port expects 40 ships to wait.",
        );
        a.sentences = distill_nlp::split_sentences(&a.text);
        let mut b = Article::sample("b", "Bakery opens", "A bakery opened on the high street on Friday.");
        b.sentences = distill_nlp::split_sentences(&b.text);
        library.store.upsert_batch(&[a, b]).unwrap();
        library.sync_index().unwrap();
        let ask = |claim: &str, article: Option<&str>| {
            let query = VerifyQuery { claim: claim.into(), article: article.map(String::from), story: None };
            library.verify(&query).unwrap()
        };
        let v = ask("The harbour pilots voted to strike.", Some("a")).unwrap();
        assert!(v.supported, "{v:?}");
        assert_eq!((v.evidence[0].article.as_str(), v.evidence[0].sentence), ("a", 0));
        let v = ask("The port expects 90 ships to wait.", None).unwrap();
        assert_eq!(v.label, "contradicted", "{v:?}");
        assert_eq!(v.evidence[0].title, "Pilots strike");
        assert_eq!(v.findings[0].check, "number");
        assert!(ask("Anything.", Some("nope")).is_none());
        assert!(!ask(&"é".repeat(5000), None).unwrap().supported);
    }
}
