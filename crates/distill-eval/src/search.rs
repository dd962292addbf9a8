//! Retrieval quality of search in its three modes (`distill eval search`).
//!
//! The retrieval set is built from event-grouped news, the shape of the held-out
//! target (headline-style queries over multi-outlet coverage): every article of a JSON
//! Lines file of `{event_id, article_id, title, text}` is indexed (title and text, as
//! ingest stores them), and every article with a title gives one query, its headline
//! reduced to its words (quotes, colons and dashes are query syntax, and a reader types
//! words). The relevant documents of a query are the *other* articles on the same
//! event; the query's own article is dropped from its ranking. On
//! `stories/allsides-neus-test.jsonl` that is 921 queries (3 outlets on each of 307
//! events, 2 relevant each); on `clusters/ecbplus.jsonl`, 502 queries (the articles
//! with titles) over 982 articles of 86 events, with two events of the same kind per
//! topic as hard negatives.
//!
//! Figures per mode: recall@10 (relevant found in the top 10, over the relevant there
//! are, at most 10) and MRR (the reciprocal rank of the first relevant article within
//! the top 10, 0 past it), averaged over queries. `--sweep` also fuses the keyword and
//! semantic rankings offline for a grid of reciprocal-rank constants and weights, which
//! is how the shipped fusion was chosen (on ECB+; NeuS is the check).

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use distill_core::Article;
use distill_library::Library;
use distill_search::{Mode, SearchQuery};
use serde::Deserialize;

use crate::{Error, Result, read_text};

/// Ranks scored per query.
const DEPTH: usize = 10;
/// Candidates per ranking for the offline fusion sweep.
const SWEEP_DEPTH: usize = 100;

#[derive(Deserialize)]
struct Line {
    event_id: String,
    article_id: String,
    #[serde(default)]
    title: String,
    text: String,
}

/// Mean recall@10 and MRR@10 over queries.
#[derive(Default, Clone, Copy)]
struct Score {
    recall: f64,
    mrr: f64,
    queries: usize,
}

impl Score {
    fn add(&mut self, ranked: &[String], relevant: &HashSet<&str>) {
        let found = ranked.iter().take(DEPTH).filter(|id| relevant.contains(id.as_str())).count();
        self.recall += found as f64 / relevant.len().min(DEPTH) as f64;
        if let Some(rank) = ranked.iter().take(DEPTH).position(|id| relevant.contains(id.as_str())) {
            self.mrr += 1.0 / (rank + 1) as f64;
        }
        self.queries += 1;
    }

    fn recall(&self) -> f64 {
        self.recall / self.queries.max(1) as f64
    }

    fn mrr(&self) -> f64 {
        self.mrr / self.queries.max(1) as f64
    }
}

/// A scratch data folder, removed when dropped.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Scores keyword, semantic and hybrid search on each input (semantic and hybrid only
/// with a model folder), writing one block per input.
pub fn search(inputs: &[PathBuf], models: Option<&Path>, sweep: bool, out: &mut impl Write) -> Result<()> {
    for (n, input) in inputs.iter().enumerate() {
        let lines: Vec<Line> = read_text(input)?
            .lines()
            .filter(|l| !l.trim().is_empty())
            .enumerate()
            .map(|(i, l)| {
                serde_json::from_str(l)
                    .map_err(|source| Error::Json { what: format!("{} line {}", input.display(), i + 1), source })
            })
            .collect::<Result<_>>()?;
        let scratch = Scratch(std::env::temp_dir().join(format!("distill-eval-search-{}-{n}", std::process::id())));
        let _ = std::fs::remove_dir_all(&scratch.0);
        std::fs::create_dir_all(&scratch.0)?;
        let library = Library::open_with_models(&scratch.0, models)?;
        let articles: Vec<Article> = lines.iter().map(|l| Article::sample(&l.article_id, &l.title, &l.text)).collect();
        library.store.upsert_batch(&articles).map_err(distill_library::LibraryError::from)?;
        let start = Instant::now();
        library.sync_index()?;
        let indexed = start.elapsed().as_secs_f64();
        let mut by_event: HashMap<&str, Vec<&str>> = HashMap::new();
        for l in &lines {
            by_event.entry(&l.event_id).or_default().push(&l.article_id);
        }
        let queries: Vec<(&Line, String, HashSet<&str>)> = lines
            .iter()
            .filter_map(|l| {
                let words: Vec<&str> =
                    l.title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
                let relevant: HashSet<&str> =
                    by_event[l.event_id.as_str()].iter().copied().filter(|id| *id != l.article_id).collect();
                (!words.is_empty() && !relevant.is_empty()).then(|| (l, words.join(" "), relevant))
            })
            .collect();
        let semantic = library.index.semantic_available();
        writeln!(
            out,
            "{}: {} articles, {} events, {} headline queries; indexed in {indexed:.1} s ({} vectors)",
            input.display(),
            lines.len(),
            by_event.len(),
            queries.len(),
            library.index.num_vectors()
        )?;
        if !semantic {
            writeln!(out, "  semantic and hybrid skipped: no model (pass --models DIR)")?;
        }
        let modes: &[Mode] = if semantic { &[Mode::Keyword, Mode::Semantic, Mode::Hybrid] } else { &[Mode::Keyword] };
        let ranked = |text: &str, mode: Mode, own: &str, depth: usize| -> Result<Vec<String>> {
            let q = SearchQuery { text: text.into(), limit: depth + 1, mode: Some(mode), ..SearchQuery::default() };
            let hits = library.search(&q)?.hits;
            Ok(hits.into_iter().map(|h| h.id).filter(|id| id != own).take(depth).collect())
        };
        for &mode in modes {
            let start = Instant::now();
            let mut score = Score::default();
            for (line, text, relevant) in &queries {
                score.add(&ranked(text, mode, &line.article_id, DEPTH)?, relevant);
            }
            let ms = start.elapsed().as_secs_f64() * 1000.0 / queries.len().max(1) as f64;
            writeln!(
                out,
                "  {:<8}  recall@10 {:.3}  MRR {:.3}  ({ms:.1} ms/query)",
                mode.name(),
                score.recall(),
                score.mrr()
            )?;
        }
        if sweep && semantic {
            let mut lists = Vec::with_capacity(queries.len());
            for (line, text, _) in &queries {
                lists.push((
                    ranked(text, Mode::Keyword, &line.article_id, SWEEP_DEPTH)?,
                    ranked(text, Mode::Semantic, &line.article_id, SWEEP_DEPTH)?,
                ));
            }
            for k in [10.0, 30.0, 60.0] {
                for w in [0.5, 0.7, 1.0, 1.4, 2.0] {
                    let mut score = Score::default();
                    for ((_, _, relevant), (keyword, semantic)) in queries.iter().zip(&lists) {
                        score.add(&fuse(keyword, semantic, k, w), relevant);
                    }
                    writeln!(
                        out,
                        "  sweep k {k:>4}  semantic weight {w:.1}  recall@10 {:.3}  MRR {:.3}",
                        score.recall(),
                        score.mrr()
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// Reciprocal rank fusion of two rankings, the keyword one at weight 1.
fn fuse(keyword: &[String], semantic: &[String], k: f64, weight: f64) -> Vec<String> {
    let mut scores: HashMap<&str, f64> = HashMap::new();
    for (rank, id) in keyword.iter().enumerate() {
        *scores.entry(id).or_default() += 1.0 / (k + rank as f64 + 1.0);
    }
    for (rank, id) in semantic.iter().enumerate() {
        *scores.entry(id).or_default() += weight / (k + rank as f64 + 1.0);
    }
    let mut fused: Vec<(&str, f64)> = scores.into_iter().collect();
    fused.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    fused.into_iter().map(|(id, _)| id.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_count_recall_at_ten_and_the_first_relevant_rank() {
        let mut score = Score::default();
        let ranked: Vec<String> = ["x", "a", "y", "b"].iter().map(|s| s.to_string()).collect();
        score.add(&ranked, &HashSet::from(["a", "b", "c"]));
        assert!((score.recall() - 2.0 / 3.0).abs() < 1e-9);
        assert!((score.mrr() - 0.5).abs() < 1e-9);
        score.add(&[], &HashSet::from(["a"]));
        assert!((score.mrr() - 0.25).abs() < 1e-9);
    }

    #[test]
    fn fusion_rewards_agreement() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        // "b" is second in one ranking and first in the other: it beats the first of one.
        let fused = fuse(&s(&["a", "b", "c"]), &s(&["b", "d", "e"]), 60.0, 1.0);
        assert_eq!(fused[0], "b");
        assert_eq!(fused.len(), 5);
        // A weight of zero leaves the keyword order.
        assert_eq!(fuse(&s(&["a", "b", "c"]), &s(&["c", "b"]), 10.0, 0.0)[..3], s(&["a", "b", "c"]));
    }
}
