//! Answers from the corpus: `distill ask`, `/api/ask` and the ask page share this path.
//!
//! A question is answered only with sentences the corpus holds. Search (hybrid when a
//! sentence encoder is configured) finds the articles; their sentences are scored
//! against the question's content stems (BM25 weights from the candidates' own
//! statistics, the proximity of the matched terms, the kind of answer asked for, the
//! sentence before, the headline and the article's search rank); an answer of
//! complete sentences is then chosen greedily under a word budget, skipping a sentence
//! that restates a chosen one (it becomes one more citation of it) unless the two give
//! different figures for the same count: then both stay and are marked disputed.
//! The encoder serves retrieval only: its cosine of sentence and question, tried as a
//! score term, lowered the dev questions' key recall and cost about a second of
//! embedding per question on two cores (BENCHMARKS.md).
//!
//! When the best sentences leave the question's key terms (names, numbers, rare words)
//! unmatched, or score too low, the answer is empty and `covered` false: the closest
//! passages are shown instead, never a guess. Work is bounded: a fixed number of
//! articles, of sentences per article, and of sentences embedded.

use std::collections::{BTreeSet, HashMap, HashSet};

use distill_core::{Article, ArticleId, LineMethod, Sentence};
use distill_nlp::story_summary::{disagree, figures};
use distill_nlp::terms::{content_stems, is_stopword, stem};
use distill_search::{SearchError, SearchQuery};
use serde::Serialize;
use utoipa::ToSchema;

use crate::folder::{Library, Result};

/// Words of an answer when the caller names no budget.
pub const DEFAULT_WORDS: usize = 120;
/// Most words an answer may be asked for.
pub const MAX_WORDS: usize = 1000;
/// Articles that search hands to the answer.
const SEARCHED: usize = 20;
/// Sentences read per article (the facts sit in the first ones; a hostile page of
/// thousands costs no more than this).
const SENTENCES_PER_ARTICLE: usize = 300;
/// Longest sentence taken into an answer, in words (longer ones are split badly).
const MAX_SENTENCE_WORDS: usize = 80;
/// Fewest words of an answer sentence.
const MIN_SENTENCE_WORDS: usize = 4;
/// Candidates considered for the answer.
const SHORTLIST: usize = 40;
/// Passages shown beside (or instead of) the answer.
const PASSAGES: usize = 5;
/// Share of the smaller sentence's stems two sentences share when one restates the other.
const SAME_FACT: f64 = 0.6;
/// Share of stems above which two sentences with different figures for one count are
/// two accounts of one fact.
const RELATED: f64 = 0.3;
/// Least share of the best score a sentence needs to join the answer.
const RELEVANT: f64 = 0.35;
/// Least weighted share of the question's terms that the answer must hold.
const COVERAGE: f64 = 0.6;
/// Added to a sentence that holds the kind of thing asked for (a date for "when").
const TYPE_BONUS: f64 = 0.2;
/// Share of the score of the sentence before that a sentence gets (it goes on from it).
const CONTEXT: f64 = 0.3;
/// BM25's term-frequency saturation and length normalization.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// Words of a question that ask rather than say what is asked about.
const QUESTION_WORDS: &[&str] =
    &["happen", "happened", "tell", "explain", "describe", "mean", "means", "meant", "kind"];

/// A question, and where to look for the answer.
#[derive(Debug, Clone, Default)]
pub struct AskQuery {
    /// The question, in words.
    pub question: String,
    /// Only this article's sentences.
    pub article: Option<String>,
    /// Only the sentences of this story's articles.
    pub story: Option<String>,
    /// Most words of the answer ([`DEFAULT_WORDS`] when 0; at most [`MAX_WORDS`]).
    pub words: usize,
}

/// An answer drawn from the corpus, or the closest passages when it holds none.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Answer {
    /// The question as asked.
    pub question: String,
    /// Whether the corpus supports an answer; when false, `answer` is empty.
    pub covered: bool,
    /// Sentences of the sources, in reading order, each with the sentences it cites.
    pub answer: Vec<AnswerSentence>,
    /// The sentences closest to the question, best first.
    pub passages: Vec<Passage>,
    /// What a generator did, when one was asked to write the answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generation: Option<crate::grounded::GenerationNote>,
}

/// One sentence of an answer.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AnswerSentence {
    /// A sentence of the first cited article, unchanged.
    pub text: String,
    /// Every source sentence that states it; the first is the one quoted.
    pub citations: Vec<Citation>,
    /// Whether another answer sentence gives a different figure for the same count
    /// (the sources disagree, and both are shown).
    pub disputed: bool,
    /// Whether the sentence is a source's, unchanged, or a generator's that the
    /// grounding check found supported by the sentences it cites.
    pub method: LineMethod,
}

/// A sentence of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Citation {
    /// Article id.
    pub id: ArticleId,
    /// The sentence's index in the article's sentences.
    pub sentence: usize,
}

/// A sentence close to the question.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Passage {
    /// Article id.
    pub id: ArticleId,
    /// The article's title.
    pub title: String,
    /// The sentence's index in the article's sentences.
    pub sentence: usize,
    /// The sentence.
    pub text: String,
    /// How well it matches the question (higher is better; comparable within one answer).
    pub score: f32,
}

/// One article as the composer reads it.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The article's id, which citations name.
    pub id: &'a str,
    /// Its headline.
    pub title: &'a str,
    /// Publication time in seconds since the epoch, when known.
    pub published: Option<i64>,
    /// Its sentences.
    pub sentences: &'a [Sentence],
}

impl Library {
    /// Answers a question from the stored articles (or from one article or story);
    /// `None` when the named article or story does not exist.
    pub fn ask(&self, query: &AskQuery) -> Result<Option<Answer>> {
        let question = query.question.trim();
        let words: Vec<&str> = question.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            return Err(SearchError::BadQuery("the question has no words".into()).into());
        }
        if question.len() > distill_search::MAX_QUERY_BYTES {
            let max = distill_search::MAX_QUERY_BYTES;
            return Err(SearchError::BadQuery(format!("the question is over {max} bytes")).into());
        }
        let articles = match (&query.article, &query.story) {
            (Some(id), _) => match self.store.get(id)? {
                Some(article) => vec![article],
                None => return Ok(None),
            },
            (None, Some(id)) => {
                if self.store.story(id)?.is_none() {
                    return Ok(None);
                }
                let listed = self.store.story_articles(id, crate::MAX_STORY_ARTICLES)?;
                let mut articles = Vec::with_capacity(listed.len());
                for a in listed.iter().filter(|a| a.duplicate_of.is_none()) {
                    articles.extend(self.store.get(&a.id)?);
                }
                articles
            }
            (None, None) => {
                // The question's content words alone: quotes and dashes are query syntax.
                let content: Vec<&str> = words.iter().copied().filter(|w| !is_stopword(&w.to_lowercase())).collect();
                let text = if content.is_empty() { words.join(" ") } else { content.join(" ") };
                let hits = self.search(&SearchQuery { text, limit: SEARCHED, ..SearchQuery::default() })?.hits;
                let mut articles = Vec::with_capacity(hits.len());
                for hit in &hits {
                    articles.extend(self.store.get(&hit.id)?);
                }
                articles
            }
        };
        let split: Vec<Vec<Sentence>> = articles
            .iter()
            .map(|a| if a.sentences.is_empty() { distill_nlp::split_sentences(&a.text) } else { Vec::new() })
            .collect();
        let sources: Vec<Source<'_>> =
            articles.iter().zip(&split).map(|(a, s)| source(a, if s.is_empty() { &a.sentences } else { s })).collect();
        let words = if query.words == 0 { DEFAULT_WORDS } else { query.words.min(MAX_WORDS) };
        Ok(Some(compose(question, &sources, words)))
    }
}

fn source<'a>(article: &'a Article, sentences: &'a [Sentence]) -> Source<'a> {
    Source { id: &article.id, title: &article.title, published: article.published.map(|t| t.timestamp()), sentences }
}

/// What the question asks about: its terms, which of them are names or figures (the
/// answer must hold those), in order of first use.
#[derive(Debug)]
struct Question {
    terms: Vec<String>,
    required: HashSet<String>,
    expect: Expect,
}

impl Question {
    fn new(text: &str) -> Question {
        let mut terms: Vec<String> = Vec::new();
        let mut required = HashSet::new();
        for (i, token) in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')).enumerate() {
            let token = token.trim_matches(['\'', '’']).trim_end_matches("'s").trim_end_matches("’s");
            if token.is_empty() {
                continue;
            }
            let lower = token.to_lowercase();
            let figure = token.chars().all(|c| c.is_ascii_digit()) && token.len() < 12;
            if !figure && (is_stopword(&lower) || lower.len() < 2 || !token.chars().any(char::is_alphabetic)) {
                continue;
            }
            let term = if figure { lower.clone() } else { stem(token) };
            if QUESTION_WORDS.contains(&term.as_str()) || QUESTION_WORDS.contains(&lower.as_str()) {
                continue;
            }
            // A capital past the first word is a name; so is an acronym anywhere.
            let name = token.chars().next().is_some_and(char::is_uppercase)
                && (i > 0 || token.chars().filter(|c| c.is_uppercase()).count() > 1);
            if name || figure {
                required.insert(term.clone());
            }
            if !terms.contains(&term) {
                terms.push(term);
            }
        }
        Question { terms, required, expect: Expect::of(text) }
    }
}

/// Terms of a sentence as the question's are made: content stems and whole numbers.
fn sentence_terms(text: &str) -> Vec<String> {
    let mut terms = content_stems(text);
    terms.extend(
        text.split(|c: char| !c.is_ascii_digit() && c != ',')
            .map(|t| t.replace(',', ""))
            .filter(|t| !t.is_empty() && t.len() < 12),
    );
    terms
}

/// A sentence that may answer.
struct Candidate<'a> {
    source: usize,
    id: &'a str,
    sentence: &'a Sentence,
    words: usize,
    terms: Vec<String>,
    stems: BTreeSet<String>,
    score: f64,
}

/// Composes the answer to `question` from `sources` within `words` words: the
/// retrieval-free core of [`Library::ask`].
pub fn compose(question: &str, sources: &[Source<'_>], words: usize) -> Answer {
    let asked = Question::new(question);
    let mut candidates: Vec<Candidate<'_>> = Vec::new();
    for (s, source) in sources.iter().enumerate() {
        for sentence in source.sentences.iter().take(SENTENCES_PER_ARTICLE) {
            let n = sentence.text.split_whitespace().count();
            if !(MIN_SENTENCE_WORDS..=MAX_SENTENCE_WORDS).contains(&n) || sentence.text.trim_end().ends_with('?') {
                continue;
            }
            let terms = sentence_terms(&sentence.text);
            let stems = content_stems(&sentence.text).into_iter().collect();
            candidates.push(Candidate { source: s, id: source.id, sentence, words: n, terms, stems, score: 0.0 });
        }
    }
    let empty = |passages| Answer {
        question: question.to_string(),
        covered: false,
        answer: Vec::new(),
        passages,
        generation: None,
    };
    if candidates.is_empty() || asked.terms.is_empty() {
        return empty(Vec::new());
    }
    let idf = idf(&asked.terms, &candidates);
    let titles: Vec<HashSet<String>> = sources.iter().map(|s| sentence_terms(s.title).into_iter().collect()).collect();
    score(&asked, &idf, &titles, &mut candidates);
    candidates.sort_by(|a, b| {
        b.score.total_cmp(&a.score).then_with(|| (a.source, a.sentence.index).cmp(&(b.source, b.sentence.index)))
    });
    candidates.truncate(SHORTLIST);
    let passages: Vec<Passage> = candidates
        .iter()
        .take(PASSAGES)
        .map(|c| Passage {
            id: c.id.into(),
            title: sources[c.source].title.to_string(),
            sentence: c.sentence.index,
            text: c.sentence.text.clone(),
            score: c.score as f32,
        })
        .collect();
    let chosen = choose(&candidates, words);
    // Is the question answered? Its names and figures, and most of its weight, must
    // be in what the answer says (its sentences and their headlines).
    let mut said: HashSet<&str> = HashSet::new();
    for (k, _) in &chosen {
        let c = &candidates[*k];
        said.extend(c.terms.iter().map(String::as_str));
        said.extend(titles[c.source].iter().map(String::as_str));
    }
    let total: f64 = asked.terms.iter().map(|t| idf[t]).sum();
    let held: f64 = asked.terms.iter().filter(|t| said.contains(t.as_str())).map(|t| idf[t]).sum();
    let names = asked.required.iter().all(|t| said.contains(t.as_str()));
    if chosen.is_empty() || !names || held < COVERAGE * total {
        return empty(passages);
    }
    let mut order: Vec<&(usize, AnswerSentence)> = chosen.iter().collect();
    order.sort_by_key(|(k, _)| {
        let c = &candidates[*k];
        (sources[c.source].published.unwrap_or(i64::MAX), c.source, c.sentence.index)
    });
    let answer = order.into_iter().map(|(_, a)| a.clone()).collect();
    Answer { question: question.to_string(), covered: true, answer, passages, generation: None }
}

/// Inverse document frequency of each question term over the candidate sentences: a
/// term no sentence holds weighs most.
fn idf(terms: &[String], candidates: &[Candidate<'_>]) -> HashMap<String, f64> {
    let n = candidates.len() as f64;
    terms
        .iter()
        .map(|t| {
            let df = candidates.iter().filter(|c| c.terms.contains(t)).count() as f64;
            (t.clone(), (1.0 + (n - df + 0.5) / (df + 0.5)).ln())
        })
        .collect()
}

/// Scores every candidate: BM25 of the question's terms, normalized by their total
/// weight, raised by their proximity, the headline's share and the article's rank.
fn score(asked: &Question, idf: &HashMap<String, f64>, titles: &[HashSet<String>], candidates: &mut [Candidate<'_>]) {
    let total: f64 = asked.terms.iter().map(|t| idf[t]).sum::<f64>().max(f64::EPSILON);
    let average = candidates.iter().map(|c| c.terms.len()).sum::<usize>() as f64 / candidates.len().max(1) as f64;
    for c in candidates.iter_mut() {
        let length = c.terms.len() as f64 / average.max(1.0);
        let mut bm25 = 0.0;
        let mut positions: Vec<(usize, usize)> = Vec::new();
        for (q, term) in asked.terms.iter().enumerate() {
            let tf = c.terms.iter().filter(|t| *t == term).count() as f64;
            if tf > 0.0 {
                bm25 += idf[term] * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * length));
                positions.extend(c.terms.iter().enumerate().filter(|(_, t)| *t == term).map(|(p, _)| (p, q)));
            }
        }
        if bm25 == 0.0 {
            continue;
        }
        let title: f64 = asked.terms.iter().filter(|t| titles[c.source].contains(*t)).map(|t| idf[t]).sum();
        let kind = if asked.expect.answered_by(&c.sentence.text) { TYPE_BONUS } else { 0.0 };
        c.score = bm25 / total * (1.0 + 0.25 * proximity(&mut positions)) + 0.15 * title / total + kind
            - 0.02 * (c.source as f64).min(10.0);
    }
    // A sentence goes on from the one before it: it shares some of that one's match.
    let before: HashMap<(usize, usize), f64> =
        candidates.iter().map(|c| ((c.source, c.sentence.index + 1), c.score)).collect();
    for c in candidates.iter_mut() {
        if let Some(previous) = before.get(&(c.source, c.sentence.index)) {
            c.score += CONTEXT * previous.max(0.0);
        }
    }
}

/// What kind of answer a question asks for, from its question word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// "When": a day, month or year.
    Time,
    /// "How many", "how much": a figure.
    Figure,
    /// "Who": a name.
    Name,
    /// Anything.
    Any,
}

impl Expect {
    fn of(question: &str) -> Expect {
        let words: Vec<String> = distill_core::text::words(question).take(3).map(|w| w.to_lowercase()).collect();
        let first = words.first().map_or("", String::as_str);
        let second = words.get(1).map_or("", String::as_str);
        match (first, second) {
            ("when", _) | ("what", "year" | "day" | "date" | "time") => Expect::Time,
            ("how", "many" | "much" | "long" | "old" | "far") | ("what", "percentage" | "share" | "number") => {
                Expect::Figure
            }
            ("who" | "whom" | "whose", _) => Expect::Name,
            _ => Expect::Any,
        }
    }

    /// Whether a sentence holds the kind of thing asked for.
    fn answered_by(self, text: &str) -> bool {
        let mut tokens = text.split_whitespace().map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()));
        match self {
            Expect::Any => false,
            Expect::Figure => text.chars().any(|c| c.is_ascii_digit()),
            Expect::Time => tokens.any(|t| {
                let lower = t.to_lowercase();
                distill_core::time::WEEKDAYS.contains(&lower.as_str())
                    || (t.len() >= 3
                        && t.starts_with(char::is_uppercase)
                        && distill_core::time::month_number(t).is_some())
                    || (t.len() == 4 && t.parse::<u32>().is_ok_and(|y| (1800..2200).contains(&y)))
                    || matches!(lower.as_str(), "yesterday" | "today" | "tomorrow" | "tonight" | "ago")
            }),
            Expect::Name => tokens
                .skip(1)
                .any(|t| t.starts_with(char::is_uppercase) && !is_stopword(&t.to_lowercase()) && t.len() > 1),
        }
    }
}

/// How close together the matched terms sit: distinct terms over the shortest window
/// holding them all (1 when adjacent, 0 with fewer than two).
fn proximity(positions: &mut [(usize, usize)]) -> f64 {
    positions.sort_unstable();
    let distinct: HashSet<usize> = positions.iter().map(|&(_, q)| q).collect();
    if distinct.len() < 2 {
        return 0.0;
    }
    let mut counts: HashMap<usize, usize> = HashMap::new();
    let (mut best, mut start) = (usize::MAX, 0);
    for end in 0..positions.len() {
        *counts.entry(positions[end].1).or_default() += 1;
        while counts.len() == distinct.len() {
            best = best.min(positions[end].0 - positions[start].0 + 1);
            let q = positions[start].1;
            let left = counts.get_mut(&q).map_or(0, |n| {
                *n -= 1;
                *n
            });
            if left == 0 {
                counts.remove(&q);
            }
            start += 1;
        }
    }
    (distinct.len() - 1) as f64 / (best.max(2) - 1) as f64
}

/// Share of the smaller set that the two sets share.
fn containment(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 { 0.0 } else { a.intersection(b).count() as f64 / smaller as f64 }
}

/// Greedy choice under the budget, best first (candidates come sorted): a sentence
/// that restates a chosen one cites into it, one with another figure for the same
/// count stays beside it (both disputed), and weak sentences are left out.
fn choose(candidates: &[Candidate<'_>], words: usize) -> Vec<(usize, AnswerSentence)> {
    let Some(best) = candidates.first().map(|c| c.score).filter(|s| *s > 0.0) else { return Vec::new() };
    let mut chosen: Vec<(usize, AnswerSentence)> = Vec::new();
    let mut used = 0;
    let figures: Vec<BTreeSet<(String, String)>> = candidates.iter().map(|c| figures(&c.sentence.text)).collect();
    for (k, c) in candidates.iter().enumerate() {
        if c.score < RELEVANT * best {
            break;
        }
        let cite = Citation { id: c.id.into(), sentence: c.sentence.index };
        let conflict = chosen.iter().position(|(j, _)| {
            candidates[*j].source != c.source
                && containment(&c.stems, &candidates[*j].stems) >= RELATED
                && disagree(&figures[k], &figures[*j])
        });
        if let Some(at) = conflict {
            if used + c.words <= words {
                chosen[at].1.disputed = true;
                used += c.words;
                chosen.push((
                    k,
                    AnswerSentence {
                        text: c.sentence.text.clone(),
                        citations: vec![cite],
                        disputed: true,
                        method: LineMethod::Extractive,
                    },
                ));
            }
            continue;
        }
        if let Some(same) = chosen.iter_mut().find(|(j, _)| containment(&c.stems, &candidates[*j].stems) >= SAME_FACT) {
            if !same.1.citations.iter().any(|x| x.id == cite.id) {
                same.1.citations.push(cite);
            }
            continue;
        }
        if used + c.words <= words {
            used += c.words;
            chosen.push((
                k,
                AnswerSentence {
                    text: c.sentence.text.clone(),
                    citations: vec![cite],
                    disputed: false,
                    method: LineMethod::Extractive,
                },
            ));
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use distill_nlp::split_sentences;

    const FIRE_A: &str = "A fire destroyed a warehouse in the port of Antwerp on Tuesday night, the fire brigade said. \
        About 120 firefighters fought the blaze for six hours. Nobody was hurt, according to the city. \
        The warehouse stored bicycle tyres and paint.";
    const FIRE_B: &str = "Fire destroyed a warehouse in the port of Antwerp late on Tuesday night, the brigade said. \
        Some 80 firefighters fought the blaze through the night. The city said nobody was hurt in the fire. \
        Smoke drifted over the northern districts and residents were told to keep windows shut.";
    const VOTE: &str = "The harbour pilots of Rotterdam voted on Monday to strike over the new rota. \
        The union said the strike would begin on Friday and last two days. \
        Shipping companies warned that delays would spread across the North Sea.";

    struct Fixture {
        docs: Vec<(&'static str, &'static str, Option<i64>, Vec<Sentence>)>,
    }

    impl Fixture {
        fn new(docs: &[(&'static str, &'static str, Option<i64>, &'static str)]) -> Fixture {
            Fixture { docs: docs.iter().map(|&(id, title, t, text)| (id, title, t, split_sentences(text))).collect() }
        }

        fn sources(&self) -> Vec<Source<'_>> {
            self.docs
                .iter()
                .map(|(id, title, published, sentences)| Source { id, title, published: *published, sentences })
                .collect()
        }

        fn sentence(&self, c: &Citation) -> &str {
            let doc = self.docs.iter().find(|d| d.0 == &*c.id).expect("a cited article");
            &doc.3[c.sentence].text
        }
    }

    fn corpus() -> Fixture {
        Fixture::new(&[
            ("a", "Fire destroys Antwerp port warehouse", Some(100), FIRE_A),
            ("b", "Blaze guts warehouse in Antwerp", Some(200), FIRE_B),
            ("v", "Rotterdam pilots vote to strike", Some(50), VOTE),
        ])
    }

    #[test]
    fn an_answer_is_sentences_of_the_sources_with_citations() {
        let fixture = corpus();
        let answer = compose("When will the Rotterdam pilots strike?", &fixture.sources(), 120);
        assert!(answer.covered, "{answer:#?}");
        assert!(answer.answer.iter().any(|a| a.text.contains("begin on Friday")), "{answer:#?}");
        for a in &answer.answer {
            assert_eq!(fixture.sentence(&a.citations[0]), a.text, "the first citation is the sentence quoted");
        }
        assert_eq!(answer.passages[0].id, "v");
    }

    #[test]
    fn a_restated_fact_is_said_once_and_cites_both_sources() {
        let fixture = corpus();
        let answer = compose("What did the fire in the Antwerp port destroy?", &fixture.sources(), 120);
        assert!(answer.covered, "{answer:#?}");
        let destroyed: Vec<&AnswerSentence> = answer.answer.iter().filter(|a| a.text.contains("destroyed")).collect();
        assert_eq!(destroyed.len(), 1, "{answer:#?}");
        let ids: BTreeSet<&str> = destroyed[0].citations.iter().map(|c| &*c.id).collect();
        assert_eq!(ids, BTreeSet::from(["a", "b"]), "{answer:#?}");
        for c in &destroyed[0].citations {
            assert!(fixture.sentence(c).contains("destroyed"), "{c:?}");
        }
    }

    #[test]
    fn the_budget_is_kept_with_whole_sentences() {
        let fixture = corpus();
        for budget in [12, 20, 40, 120] {
            let answer = compose("What happened at the Antwerp warehouse fire?", &fixture.sources(), budget);
            let used: usize = answer.answer.iter().map(|a| a.text.split_whitespace().count()).sum();
            assert!(used <= budget, "{budget}: {answer:#?}");
            for a in &answer.answer {
                assert_eq!(fixture.sentence(&a.citations[0]), a.text);
            }
        }
        let long = compose("What happened at the Antwerp warehouse fire?", &fixture.sources(), 120);
        let short = compose("What happened at the Antwerp warehouse fire?", &fixture.sources(), 20);
        assert!(long.answer.len() > short.answer.len(), "{long:#?}\n{short:#?}");
    }

    #[test]
    fn an_off_topic_question_is_not_answered() {
        let fixture = corpus();
        for question in [
            "Who won the chess championship in Reykjavik?",
            "What did the mayor of Antwerp say about the tram tax?",
            "How many pilots went on strike in Hamburg?",
        ] {
            let answer = compose(question, &fixture.sources(), 120);
            assert!(!answer.covered, "{question}: {answer:#?}");
            assert!(answer.answer.is_empty());
        }
        let answer = compose("What did the mayor of Antwerp say about the tram tax?", &fixture.sources(), 120);
        assert!(!answer.passages.is_empty(), "the closest passages are still shown");
    }

    #[test]
    fn sources_that_give_different_figures_are_both_shown() {
        let fixture = corpus();
        let answer = compose("How many firefighters fought the blaze?", &fixture.sources(), 120);
        assert!(answer.covered, "{answer:#?}");
        let counts: Vec<&AnswerSentence> = answer.answer.iter().filter(|a| a.text.contains("firefighters")).collect();
        assert!(counts.iter().any(|a| a.text.contains("120")), "{answer:#?}");
        assert!(counts.iter().any(|a| a.text.contains("80")), "{answer:#?}");
        assert!(counts.iter().all(|a| a.disputed), "{answer:#?}");
        // Read in the sources' order: the earlier report first.
        let first = answer.answer.iter().position(|a| a.text.contains("120")).unwrap();
        let second = answer.answer.iter().position(|a| a.text.contains("80")).unwrap();
        assert!(first < second, "{answer:#?}");
    }

    #[test]
    fn empty_inputs_give_an_empty_answer() {
        let fixture = corpus();
        assert!(!compose("?", &fixture.sources(), 120).covered);
        assert!(!compose("Who fought the blaze?", &[], 120).covered);
    }

    #[test]
    fn proximity_prefers_adjacent_terms() {
        assert_eq!(proximity(&mut [(3, 0), (4, 1)]), 1.0);
        assert!(proximity(&mut [(0, 0), (9, 1)]) < 0.2);
        assert_eq!(proximity(&mut [(0, 0), (5, 0)]), 0.0);
        assert_eq!(proximity(&mut [(0, 0), (8, 1), (9, 0)]), 1.0);
    }
}
