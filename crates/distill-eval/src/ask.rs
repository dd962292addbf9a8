//! Answers from the corpus (`distill eval ask`): a hand-written question set over the
//! shared data, scored against the sentences that hold each answer.
//!
//! The questions (`crates/distill-eval/data/ask-questions.jsonl`, see the README beside
//! it) name the article whose text answers them and a short answer key, a phrase of
//! that text; the gold sentences are the article's sentences holding the key, found at
//! run time, so no third-party text is stored. Questions with no article are about
//! things the corpus never mentions: the answer must abstain. Every input article is
//! stored in a scratch data folder and indexed, so retrieval runs over the whole corpus.
//!
//! Figures, per split (dev: tuned on; test: held out) and beside a baseline that answers
//! with the top search hit's lead sentences under the same word budget: covered rate on
//! answerable questions, key recall (the key is in the answer), support recall (an
//! answer sentence cites a gold sentence), support precision (answer sentences citing a
//! gold sentence, over answer sentences), ROUGE-2 recall of the answer against the gold
//! sentences, abstention rate on unanswerable questions, and ask latency p50/p99.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use distill_core::Article;
use distill_library::{AskQuery, Library};
use distill_nlp::split_sentences;
use distill_search::SearchQuery;
use serde::Deserialize;

use crate::{Error, Result, read_text};

/// A question of the set.
#[derive(Deserialize)]
struct Question {
    id: String,
    split: String,
    question: String,
    /// The article that answers it; none for a question the corpus cannot answer.
    article: Option<String>,
    /// A phrase of the article that answers it.
    key: Option<String>,
}

/// An input article: `{id, text}` (CNN/DailyMail) or `{article_id, title, text}` (NeuS).
#[derive(Deserialize)]
struct Line {
    #[serde(alias = "article_id")]
    id: String,
    #[serde(default)]
    title: String,
    text: String,
}

/// Sums of the figures of one system over one split.
#[derive(Default)]
struct Tally {
    answerable: usize,
    covered: usize,
    key: usize,
    support_recall: usize,
    precision_sum: f64,
    precision_n: usize,
    rouge2: f64,
    unanswerable: usize,
    abstained: usize,
}

impl Tally {
    fn row(&self, name: &str) -> String {
        let share = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
        format!(
            "  {name:<9} covered {:.3}  key recall {:.3}  support P {:.3} R {:.3}  ROUGE-2 R {:.3}  abstained {:.3} ({}/{})",
            share(self.covered, self.answerable),
            share(self.key, self.answerable),
            if self.precision_n == 0 { 0.0 } else { self.precision_sum / self.precision_n as f64 },
            share(self.support_recall, self.answerable),
            if self.answerable == 0 { 0.0 } else { self.rouge2 / self.answerable as f64 },
            share(self.abstained, self.unanswerable),
            self.abstained,
            self.unanswerable,
        )
    }
}

/// An answer as scored: its sentences, each with the (article, sentence) it cites.
struct Said {
    covered: bool,
    sentences: Vec<(String, Vec<(String, usize)>)>,
}

/// Scores `distill ask` and the lead baseline on the question set over the inputs.
pub fn eval(
    questions: &Path,
    inputs: &[PathBuf],
    models: Option<&Path>,
    words: usize,
    out: &mut impl Write,
) -> Result<()> {
    let questions: Vec<Question> = jsonl(questions)?;
    let mut lines: Vec<Line> = Vec::new();
    for input in inputs {
        lines.extend(jsonl::<Line>(input)?);
    }
    let texts: HashMap<&str, &str> = lines.iter().map(|l| (l.id.as_str(), l.text.as_str())).collect();
    for q in &questions {
        if let Some(id) = &q.article
            && !texts.contains_key(id.as_str())
        {
            return Err(Error::Input(format!("question {} names article {id}, which no input holds", q.id)));
        }
    }
    let scratch = std::env::temp_dir().join(format!("distill-eval-ask-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch)?;
    let result = run(&scratch, &questions, &lines, &texts, models, words, out);
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

fn run(
    scratch: &Path,
    questions: &[Question],
    lines: &[Line],
    texts: &HashMap<&str, &str>,
    models: Option<&Path>,
    words: usize,
    out: &mut impl Write,
) -> Result<()> {
    let library = Library::open_with_models(scratch, models)?;
    let articles: Vec<Article> = lines.iter().map(|l| Article::sample(&l.id, &l.title, &l.text)).collect();
    library.store.upsert_batch(&articles).map_err(distill_library::LibraryError::from)?;
    library.sync_index()?;
    let mode = if library.index.semantic_available() { "hybrid retrieval" } else { "keyword only" };
    let answerable = questions.iter().filter(|q| q.article.is_some()).count();
    writeln!(
        out,
        "{} articles; {} questions ({answerable} answerable, {} not); {words} words; {mode}",
        articles.len(),
        questions.len(),
        questions.len() - answerable
    )?;
    let mut tallies: HashMap<(String, &str), Tally> = HashMap::new();
    let mut latencies: Vec<f64> = Vec::new();
    for q in questions {
        let start = Instant::now();
        let answer = library
            .ask(&AskQuery { question: q.question.clone(), words, ..AskQuery::default() })?
            .ok_or_else(|| Error::Input(format!("question {} found nothing to answer from", q.id)))?;
        latencies.push(start.elapsed().as_secs_f64() * 1000.0);
        let ask = Said {
            covered: answer.covered,
            sentences: answer
                .answer
                .iter()
                .map(|a| (a.text.clone(), a.citations.iter().map(|c| (c.id.to_string(), c.sentence)).collect()))
                .collect(),
        };
        let lead = lead(&library, &q.question, texts, words)?;
        for (system, said) in [("distill", &ask), ("lead", &lead)] {
            for split in [q.split.as_str(), "all"] {
                score(tallies.entry((split.to_string(), system)).or_default(), q, said, texts);
            }
        }
    }
    for split in ["dev", "test", "all"] {
        writeln!(out, "{split}:")?;
        for system in ["distill", "lead"] {
            if let Some(t) = tallies.get(&(split.to_string(), system)) {
                writeln!(out, "{}", t.row(system))?;
            }
        }
    }
    latencies.sort_by(f64::total_cmp);
    let at = |p: f64| latencies[((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1];
    writeln!(out, "ask latency: p50 {:.1} ms, p99 {:.1} ms over {} questions", at(0.5), at(0.99), latencies.len())?;
    Ok(())
}

/// The baseline: the top search hit's first sentences within the budget, always given.
fn lead(library: &Library, question: &str, texts: &HashMap<&str, &str>, words: usize) -> Result<Said> {
    let text: Vec<&str> = question.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let hits = library.search(&SearchQuery { text: text.join(" "), limit: 1, ..SearchQuery::default() })?.hits;
    let mut sentences = Vec::new();
    if let Some(text) = hits.first().and_then(|h| texts.get(h.id.as_str()).map(|t| (h.id.clone(), *t))) {
        let mut used = 0;
        for s in split_sentences(text.1) {
            let n = s.text.split_whitespace().count();
            if used + n > words {
                break;
            }
            used += n;
            sentences.push((s.text, vec![(text.0.clone(), s.index)]));
        }
    }
    Ok(Said { covered: !sentences.is_empty(), sentences })
}

fn score(tally: &mut Tally, q: &Question, said: &Said, texts: &HashMap<&str, &str>) {
    let (Some(article), Some(key)) = (&q.article, &q.key) else {
        tally.unanswerable += 1;
        tally.abstained += usize::from(!said.covered);
        return;
    };
    tally.answerable += 1;
    if !said.covered {
        return;
    }
    tally.covered += 1;
    let key = key.to_lowercase();
    let gold: Vec<(usize, String)> = split_sentences(texts[article.as_str()])
        .into_iter()
        .filter(|s| s.text.to_lowercase().contains(&key))
        .map(|s| (s.index, s.text))
        .collect();
    let answer: Vec<&str> = said.sentences.iter().map(|(t, _)| t.as_str()).collect();
    tally.key += usize::from(answer.join(" ").to_lowercase().contains(&key));
    let cites_gold =
        |cited: &[(String, usize)]| cited.iter().any(|(id, n)| id == article && gold.iter().any(|g| g.0 == *n));
    tally.support_recall += usize::from(said.sentences.iter().any(|(_, c)| cites_gold(c)));
    if !said.sentences.is_empty() {
        let supported = said.sentences.iter().filter(|(_, c)| cites_gold(c)).count();
        tally.precision_sum += supported as f64 / said.sentences.len() as f64;
        tally.precision_n += 1;
    }
    let gold_text: Vec<&str> = gold.iter().map(|g| g.1.as_str()).collect();
    tally.rouge2 += rouge2_recall(&gold_text.join(" "), &answer.join(" "));
}

/// ROUGE-2 recall: the reference's word bigrams (lowercase, alphanumeric tokens) found
/// in the candidate, each counted at most as often as the candidate has it.
pub fn rouge2_recall(reference: &str, candidate: &str) -> f64 {
    let bigrams = |text: &str| {
        let tokens: Vec<String> =
            text.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(str::to_lowercase).collect();
        let mut counts: HashMap<(String, String), usize> = HashMap::new();
        for pair in tokens.windows(2) {
            *counts.entry((pair[0].clone(), pair[1].clone())).or_default() += 1;
        }
        counts
    };
    let (reference, candidate) = (bigrams(reference), bigrams(candidate));
    let total: usize = reference.values().sum();
    if total == 0 {
        return 0.0;
    }
    let hit: usize = reference.iter().map(|(b, n)| (*n).min(candidate.get(b).copied().unwrap_or(0))).sum();
    hit as f64 / total as f64
}

fn jsonl<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Vec<T>> {
    read_text(path)?
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .map_err(|source| Error::Json { what: format!("{} line {}", path.display(), i + 1), source })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rouge2_recall_counts_shared_bigrams() {
        assert_eq!(rouge2_recall("the port strike ended", "the port strike ended today"), 1.0);
        assert!((rouge2_recall("the port strike ended", "a port strike began") - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(rouge2_recall("", "anything"), 0.0);
    }

    /// The question set holds answerable questions on both splits, and questions the
    /// corpus cannot answer.
    #[test]
    fn the_question_set_is_well_formed() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/ask-questions.jsonl");
        let questions: Vec<Question> = jsonl(&path).unwrap();
        let answerable = questions.iter().filter(|q| q.article.is_some() && q.key.is_some()).count();
        assert!(answerable >= 40, "{answerable}");
        assert!(questions.len() - answerable >= 10);
        assert!(questions.iter().all(|q| q.split == "dev" || q.split == "test"));
        assert!(questions.iter().all(|q| q.question.ends_with('?')));
    }
}
