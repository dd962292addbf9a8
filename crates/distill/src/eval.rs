//! `distill eval extract`: article-body extraction scored the way the public
//! article-extraction benchmarks score it. Each text becomes `\w+` tokens, then a
//! multiset of 4-token shingles; per page, true positives, false positives and false
//! negatives are the multiset overlaps; precision and recall are averaged over pages,
//! and F1 is the harmonic mean of the two averages. "Accuracy" is the share of pages
//! whose token sequence equals the gold body's.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::Subcommand;
use rayon::prelude::*;
use serde_json::Value;

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Score extraction on a folder with `html/*.html[.gz]` and `ground-truth.json`.
    Extract {
        /// The evaluation folder.
        dir: PathBuf,
        /// Print one line per page (worst first).
        #[arg(long)]
        per_page: bool,
    },
}

/// Scores of one page.
struct PageScore {
    id: String,
    precision: f64,
    recall: f64,
    exact: bool,
    with_found: (usize, usize),
    without_found: (usize, usize),
}

pub fn run(what: EvalCommand) -> anyhow::Result<ExitCode> {
    match what {
        EvalCommand::Extract { dir, per_page } => extract(&dir, per_page),
    }
}

fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|t| !t.is_empty()).collect()
}

fn shingles<'a>(tokens: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    if tokens.len() < 4 {
        *out.entry(tokens.to_vec()).or_insert(0) += 1;
        return out;
    }
    for w in tokens.windows(4) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// Precision and recall of one prediction against its gold text.
pub fn shingle_scores(gold: &str, predicted: &str) -> (f64, f64) {
    let g = shingles(&tokens(gold));
    let p = shingles(&tokens(predicted));
    let tp: usize = p.iter().map(|(k, n)| (*n).min(g.get(k).copied().unwrap_or(0))).sum();
    let fp: usize = p.values().sum::<usize>() - tp;
    let fn_: usize = g.values().sum::<usize>() - tp;
    if tp + fp + fn_ == 0 {
        return (1.0, 1.0);
    }
    let precision = if tp + fp == 0 { 0.0 } else { tp as f64 / (tp + fp) as f64 };
    let recall = if tp + fn_ == 0 { 1.0 } else { tp as f64 / (tp + fn_) as f64 };
    (precision, recall)
}

fn snippets(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect(),
        // Some sets store the list as a Python literal string.
        Some(Value::String(s)) => s
            .trim_matches(['[', ']'])
            .split("', '")
            .flat_map(|p| p.split("\", \""))
            .map(|p| p.trim_matches(['\'', '"']).to_string())
            .filter(|p| !p.is_empty())
            .collect(),
        _ => Vec::new(),
    }
}

fn normalize(s: &str) -> String {
    tokens(s).join(" ").to_lowercase()
}

fn read_page(dir: &Path, id: &str) -> anyhow::Result<Vec<u8>> {
    for name in [format!("{id}.html.gz"), format!("{id}.html")] {
        let path = dir.join("html").join(&name);
        if path.exists() {
            let bytes = std::fs::read(&path)?;
            if name.ends_with(".gz") {
                let mut out = Vec::new();
                flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut out)?;
                return Ok(out);
            }
            return Ok(bytes);
        }
    }
    anyhow::bail!("no page for {id} in {}", dir.join("html").display())
}

fn extract(dir: &Path, per_page: bool) -> anyhow::Result<ExitCode> {
    let truth_path = dir.join("ground-truth.json");
    let truth: HashMap<String, Value> = serde_json::from_str(
        &std::fs::read_to_string(&truth_path).with_context(|| format!("reading {}", truth_path.display()))?,
    )
    .with_context(|| format!("parsing {}", truth_path.display()))?;
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let pages: Vec<(String, Vec<u8>)> =
        ids.iter().map(|id| read_page(dir, id).map(|b| (id.to_string(), b))).collect::<anyhow::Result<_>>()?;
    let bytes: usize = pages.iter().map(|p| p.1.len()).sum();
    let config = distill_extract::ExtractConfig::default();
    let start = Instant::now();
    let outputs: Vec<(String, String)> = pages
        .par_iter()
        .map(|(id, html)| {
            let text = distill_extract::extract_html(html, None, &config).map(|d| d.text).unwrap_or_default();
            (id.clone(), text)
        })
        .collect();
    let secs = start.elapsed().as_secs_f64();
    let mut scores: Vec<PageScore> = outputs
        .iter()
        .map(|(id, text)| {
            let gold = truth[id].get("articleBody").and_then(Value::as_str).unwrap_or("");
            let (precision, recall) = shingle_scores(gold, text);
            let normalized = normalize(text);
            let with = snippets(truth[id].get("with"));
            let without = snippets(truth[id].get("without"));
            PageScore {
                id: id.clone(),
                precision,
                recall,
                exact: tokens(gold) == tokens(text),
                with_found: (with.iter().filter(|s| normalized.contains(&normalize(s))).count(), with.len()),
                without_found: (
                    without.iter().filter(|s| !normalize(s).is_empty() && normalized.contains(&normalize(s))).count(),
                    without.len(),
                ),
            }
        })
        .collect();
    let n = scores.len().max(1) as f64;
    let precision = scores.iter().map(|s| s.precision).sum::<f64>() / n;
    let recall = scores.iter().map(|s| s.recall).sum::<f64>() / n;
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    let accuracy = scores.iter().filter(|s| s.exact).count() as f64 / n;
    let (with_hit, with_all) = scores.iter().fold((0, 0), |a, s| (a.0 + s.with_found.0, a.1 + s.with_found.1));
    let (without_hit, without_all) =
        scores.iter().fold((0, 0), |a, s| (a.0 + s.without_found.0, a.1 + s.without_found.1));
    if per_page {
        scores.sort_by(|a, b| {
            let fa = 2.0 * a.precision * a.recall / (a.precision + a.recall).max(1e-9);
            let fb = 2.0 * b.precision * b.recall / (b.precision + b.recall).max(1e-9);
            fa.total_cmp(&fb)
        });
        for s in &scores {
            println!(
                "{}  P {:.3}  R {:.3}  F1 {:.3}  with {}/{}  without {}/{}",
                s.id,
                s.precision,
                s.recall,
                2.0 * s.precision * s.recall / (s.precision + s.recall).max(1e-9),
                s.with_found.0,
                s.with_found.1,
                s.without_found.0,
                s.without_found.1
            );
        }
    }
    println!(
        "pages {}  precision {precision:.4}  recall {recall:.4}  F1 {f1:.4}  accuracy {accuracy:.4}",
        scores.len()
    );
    println!(
        "snippets that must appear: {with_hit}/{with_all} ({:.1}%); snippets that must not: {without_hit}/{without_all} present ({:.1}%)",
        100.0 * with_hit as f64 / with_all.max(1) as f64,
        100.0 * without_hit as f64 / without_all.max(1) as f64
    );
    println!(
        "extraction: {:.2} s, {:.0} pages/s, {:.1} MB/s on {} threads (decompression excluded)",
        secs,
        scores.len() as f64 / secs,
        bytes as f64 / 1e6 / secs,
        rayon::current_num_threads()
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_scores_follow_the_benchmark() {
        let gold = "one two three four five six";
        assert_eq!(shingle_scores(gold, gold), (1.0, 1.0));
        // Extra text lowers precision only.
        let (p, r) = shingle_scores(gold, "one two three four five six seven eight");
        assert_eq!(r, 1.0);
        assert!((p - 3.0 / 5.0).abs() < 1e-9);
        // Nothing predicted: no precision, no recall.
        assert_eq!(shingle_scores(gold, ""), (0.0, 0.0));
        // Short texts are one shingle.
        assert_eq!(shingle_scores("a b", "a b"), (1.0, 1.0));
        assert_eq!(tokens("Don't stop—go!"), ["Don", "t", "stop", "go"]);
    }
}
