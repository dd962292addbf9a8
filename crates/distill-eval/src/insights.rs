//! `distill eval insights`: how close the generated questions come to a careful
//! reader's, and whether they read as written. The reference page of the product spec
//! carries 17 questions an editor wrote; each counts as covered when a generated
//! question's embedding (the local encoder's) reaches a cosine threshold. Other
//! articles have no reference questions here, so their questions are printed for a
//! reader to judge, with the checks a machine can make (pronouns, length, answers).

use std::io::Write;
use std::path::Path;

use distill_core::Insight;
use distill_extract::ExtractConfig;
use distill_nlp::SummaryConfig;
use serde_json::Value;

use crate::{Error, Result, cluster::open_embedder, read_text};

/// The questions a reference page ends with: the lines after its "Insights" heading
/// that end in a question mark.
pub fn reference_questions(page: &str) -> Vec<String> {
    page.lines()
        .skip_while(|l| l.trim() != "Insights")
        .map(str::trim)
        .filter(|l| l.ends_with('?'))
        .map(str::to_string)
        .collect()
}

/// For each reference question, the best cosine any generated question reaches.
pub fn best_matches(reference: &[Vec<f32>], generated: &[Vec<f32>]) -> Vec<f32> {
    reference
        .iter()
        .map(|r| generated.iter().map(|g| r.iter().zip(g).map(|(a, b)| a * b).sum::<f32>()).fold(0.0, f32::max))
        .collect()
}

/// The careful-reader questions that ship with the repository (see
/// `data/insight-questions.md`): article ids in the shared data and questions written
/// for them, split into a dev half (tuned on) and a test half.
pub const READER_SET: &str = include_str!("../data/insight-questions.jsonl");

/// One article of the reader set.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct ReaderArticle {
    /// The JSON Lines file under the shared `data/` folder.
    pub file: String,
    /// The article's `id` there.
    pub id: String,
    /// What the article is about ("politics", "crime").
    pub kind: String,
    /// "dev" or "test".
    pub split: String,
    /// The questions a careful reader wrote.
    pub questions: Vec<String>,
}

/// Coverage of the reader set: for each article, the share of its reader questions
/// some generated question reaches at cosine 0.70 (and 0.75), averaged per split.
/// With `show`, each dev article's questions are printed beside the reader's, with the
/// best cosine each reader question reaches (the test half is never printed).
pub fn reader_coverage(
    set: &str,
    data: &Path,
    embedder: &dyn distill_embed::Embedder,
    show: bool,
    out: &mut impl Write,
) -> Result<()> {
    let mut by_split: std::collections::BTreeMap<String, Vec<(f64, f64)>> = Default::default();
    let mut texts: std::collections::HashMap<String, Vec<Value>> = Default::default();
    for (n, line) in set.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let article: ReaderArticle = serde_json::from_str(line)
            .map_err(|source| Error::Json { what: format!("reader set line {}", n + 1), source })?;
        if !texts.contains_key(&article.file) {
            let path = data.join(&article.file);
            let rows = read_text(&path)?
                .lines()
                .map(|l| {
                    serde_json::from_str(l).map_err(|source| Error::Json { what: path.display().to_string(), source })
                })
                .collect::<Result<Vec<Value>>>()?;
            texts.insert(article.file.clone(), rows);
        }
        let doc = texts[&article.file]
            .iter()
            .find(|v| v["id"].as_str() == Some(article.id.as_str()))
            .ok_or_else(|| Error::Input(format!("{}: no article with id {}", article.file, article.id)))?;
        let title = doc["title"].as_str().unwrap_or_default();
        let analysis = distill_nlp::analyze(title, doc["text"].as_str().unwrap_or_default(), &SummaryConfig::default());
        let asked: Vec<&str> = analysis.insights.iter().map(|i| i.question.as_str()).collect();
        let wanted: Vec<&str> = article.questions.iter().map(String::as_str).collect();
        let best = if asked.is_empty() {
            vec![0.0; wanted.len()]
        } else {
            best_matches(&embedder.embed(&wanted)?, &embedder.embed(&asked)?)
        };
        if show && article.split == "dev" {
            writeln!(out, "\n  {} {}", article.kind, article.id)?;
            for q in &asked {
                writeln!(out, "    asked        {q}")?;
            }
            for (q, b) in wanted.iter().zip(&best) {
                writeln!(out, "    {b:.2} reader  {q}")?;
            }
        }
        let share = |t: f32| best.iter().filter(|&&b| b >= t).count() as f64 / wanted.len().max(1) as f64;
        let (at70, at75) = (share(0.70), share(0.75));
        writeln!(
            out,
            "  {:<5} {:<12} {:<36} {:>2} asked  {:.2} at 0.70  {:.2} at 0.75",
            article.split,
            article.kind,
            format!("{} {}", article.file.rsplit('/').next().unwrap_or_default(), article.id),
            asked.len(),
            at70,
            at75
        )?;
        by_split.entry(article.split.clone()).or_default().push((at70, at75));
    }
    for (split, shares) in &by_split {
        let n = shares.len() as f64;
        writeln!(
            out,
            "reader set {split}: {} articles, mean coverage {:.3} at cosine 0.70, {:.3} at 0.75",
            shares.len(),
            shares.iter().map(|s| s.0).sum::<f64>() / n,
            shares.iter().map(|s| s.1).sum::<f64>() / n
        )?;
    }
    Ok(())
}

/// Machine checks of one article's questions: how many there are, how many hold a
/// personal pronoun, and how many have an answer that cites the article.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FormCounts {
    /// Articles read.
    pub articles: usize,
    /// Questions asked.
    pub questions: usize,
    /// Questions holding a personal pronoun ("What role does he play").
    pub pronouns: usize,
    /// Questions whose answer cites at least one sentence.
    pub answered: usize,
    /// Articles with fewer than 10 questions.
    pub short: usize,
}

impl FormCounts {
    /// Adds one article's questions.
    pub fn add(&mut self, insights: &[Insight]) {
        self.articles += 1;
        self.questions += insights.len();
        self.short += usize::from(insights.len() < 10);
        for i in insights {
            let pronoun = i.question.split_whitespace().any(|w| {
                distill_nlp::clauses::PRONOUNS
                    .contains(&w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str())
            });
            self.pronouns += usize::from(pronoun);
            self.answered += usize::from(!i.answer.citations.is_empty() && !i.answer.text.is_empty());
        }
    }
}

/// Scores the reference page's questions with the encoder in `models` (when given),
/// and the reader set's when `reader_data` (the shared `data/` folder) is given too; then prints the questions of the first `articles` documents of each JSON Lines
/// file in `others` (`{title?, text}` per line) with the machine checks over all of them.
pub fn insights(
    reference: &Path,
    others: &[std::path::PathBuf],
    articles: usize,
    models: Option<&Path>,
    reader_data: Option<&Path>,
    out: &mut impl Write,
) -> Result<()> {
    let page = read_text(reference)?;
    let wanted = reference_questions(&page);
    if wanted.is_empty() {
        return Err(Error::Input(format!("{}: no questions after an \"Insights\" line", reference.display())));
    }
    let document = distill_extract::extract_text(page.as_bytes(), &ExtractConfig::default())
        .map_err(|e| Error::Input(format!("{}: {e}", reference.display())))?;
    let title = document.title.clone().unwrap_or_default();
    let analysis = distill_nlp::analyze(&title, &document.text, &SummaryConfig::default());
    writeln!(
        out,
        "reference page: {} ({} questions asked, {} in the reference)",
        title,
        analysis.insights.len(),
        wanted.len()
    )?;
    for i in &analysis.insights {
        writeln!(out, "  [{}] {}", i.kind.as_str(), i.question)?;
    }
    if let Some(models) = models {
        let embedder = open_embedder(models, 2)?;
        let asked: Vec<&str> = analysis.insights.iter().map(|i| i.question.as_str()).collect();
        let wanted_refs: Vec<&str> = wanted.iter().map(String::as_str).collect();
        let best = best_matches(&embedder.embed(&wanted_refs)?, &embedder.embed(&asked)?);
        for (q, b) in wanted.iter().zip(&best) {
            writeln!(out, "  {b:.3}  {q}")?;
        }
        if let Some(data) = reader_data {
            reader_coverage(READER_SET, data, embedder.as_ref(), articles > 0, out)?;
        }
        for threshold in [0.75_f32, 0.70] {
            let covered = best.iter().filter(|&&b| b >= threshold).count();
            writeln!(
                out,
                "coverage at cosine >= {threshold:.2}: {covered}/{} = {:.3}",
                wanted.len(),
                covered as f64 / wanted.len() as f64
            )?;
        }
    } else {
        writeln!(out, "coverage: skipped (no model folder: pass --model-dir or set DISTILL_MODELS)")?;
    }
    let mut counts = FormCounts::default();
    counts.add(&analysis.insights);
    for path in others {
        for (n, line) in read_text(path)?.lines().enumerate() {
            let v: Value = serde_json::from_str(line)
                .map_err(|source| Error::Json { what: format!("{} line {}", path.display(), n + 1), source })?;
            let text = v["text"].as_str().unwrap_or_default();
            let title = v["title"].as_str().unwrap_or_default();
            let analysis = distill_nlp::analyze(title, text, &SummaryConfig::default());
            counts.add(&analysis.insights);
            if n < articles {
                writeln!(out, "\n{}: {}", path.file_name().unwrap_or_default().to_string_lossy(), title)?;
                for i in &analysis.insights {
                    writeln!(out, "  [{}] {}", i.kind.as_str(), i.question)?;
                }
            }
        }
    }
    writeln!(
        out,
        "\n{} articles, {} questions ({:.1} per article; {} articles under 10), {} with a personal pronoun, {} answered with citations",
        counts.articles,
        counts.questions,
        counts.questions as f64 / counts.articles.max(1) as f64,
        counts.short,
        counts.pronouns,
        counts.answered
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_questions_follow_the_insights_heading() {
        let page = "Title\n\nIs this a question? No.\n\nInsights\n\nWhat is it?\n\nHow did it start?\n\nSearch\n";
        assert_eq!(reference_questions(page), vec!["What is it?", "How did it start?"]);
    }

    #[test]
    fn best_match_is_the_highest_cosine() {
        let best = best_matches(&[vec![1.0, 0.0], vec![0.0, 1.0]], &[vec![0.6, 0.8], vec![1.0, 0.0]]);
        assert_eq!(best, vec![1.0, 0.8]);
    }

    #[test]
    fn pronoun_questions_are_counted() {
        let q = |question: &str| Insight {
            question: question.into(),
            kind: distill_core::InsightKind::Actors,
            citations: vec![0],
            answer: Default::default(),
        };
        let mut counts = FormCounts::default();
        counts.add(&[q("What role does he play in the deal?"), q("Why has the White House warned the Taliban?")]);
        assert_eq!((counts.questions, counts.pronouns, counts.answered, counts.short), (2, 1, 0, 1));
    }
}
