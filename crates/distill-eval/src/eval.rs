//! `distill eval`: quality against gold data. `extract` scores article-body
//! extraction the way the public article-extraction benchmarks score it. Each text becomes `\w+` tokens, then a
//! multiset of 4-token shingles; per page, true positives, false positives and false
//! negatives are the multiset overlaps; precision and recall are averaged over pages,
//! and F1 is the harmonic mean of the two averages. "Accuracy" is the share of pages
//! whose token sequence equals the gold body's. `metadata` scores titles, bylines
//! and dates against a manifest; `dedup` scores near-duplicate detection.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;
use serde_json::Value;

use crate::{Error, Result, file_error, read_decompressed, read_text};

/// Scores of one page.
struct PageScore {
    id: String,
    precision: f64,
    recall: f64,
    exact: bool,
    with_found: (usize, usize),
    without_found: (usize, usize),
}

/// The `\w+` tokens of a text, as the benchmarks split it.
pub(crate) fn tokens(text: &str) -> Vec<&str> {
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

/// The harmonic mean of precision and recall (0 when both are).
pub(crate) fn f1_score(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 }
}

/// Precision and recall of one prediction against its gold text.
pub(crate) fn shingle_scores(gold: &str, predicted: &str) -> (f64, f64) {
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

/// The gold of an evaluation folder (`ground-truth.json`), by page id in order.
pub(crate) fn read_truth(dir: &Path) -> Result<BTreeMap<String, Value>> {
    let path = dir.join("ground-truth.json");
    let text = read_text(&path)?;
    serde_json::from_str(&text).map_err(|source| Error::Json { what: format!("parsing {}", path.display()), source })
}

/// The URL of a page of an evaluation folder, or its id when the gold has none.
pub(crate) fn page_url<'a>(id: &'a str, gold: &'a Value) -> &'a str {
    gold.get("url").and_then(Value::as_str).unwrap_or(id)
}

/// The page `id` of an evaluation folder (`html/ID.html[.gz]`), decompressed.
pub(crate) fn read_page(dir: &Path, id: &str) -> Result<Vec<u8>> {
    for name in [format!("{id}.html.gz"), format!("{id}.html")] {
        let path = dir.join("html").join(&name);
        if path.exists() {
            return read_decompressed(&path);
        }
    }
    Err(Error::Input(format!("no page for {id} in {}", dir.join("html").display())))
}

/// The overall figures of a gold set. Read from a file (`eval extract --floors`), the
/// lowest a set may score (for `must_not_appear`, the highest): a quality gate kept
/// as data, so that a change that loses quality fails the tests instead of passing
/// unseen.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Figures {
    precision: f64,
    recall: f64,
    f1: f64,
    accuracy: f64,
    /// The share of "with" snippets found.
    must_appear: f64,
    /// The share of "without" snippets present.
    must_not_appear: f64,
    /// Why a file's floors are what they are (for readers).
    #[serde(rename = "note", default)]
    _note: Option<String>,
}

impl Figures {
    /// The floors in a file; errors name the file.
    fn read_floors(path: &Path) -> Result<Figures> {
        let text = std::fs::read_to_string(path).map_err(file_error("reading floors", path))?;
        let floors: Figures = serde_json::from_str(&text).map_err(|source| Error::Json {
            what: format!("floors {} are not the expected JSON", path.display()),
            source,
        })?;
        if let Some((name, value)) = floors.named().into_iter().find(|(_, v)| !(0.0..=1.0).contains(v)) {
            return Err(Error::Input(format!("floors {}: {name} is {value}, outside 0 to 1", path.display())));
        }
        Ok(floors)
    }

    fn named(&self) -> [(&'static str, f64); 6] {
        [
            ("precision", self.precision),
            ("recall", self.recall),
            ("F1", self.f1),
            ("accuracy", self.accuracy),
            ("snippets that must appear", self.must_appear),
            ("snippets that must not appear", self.must_not_appear),
        ]
    }

    /// Each figure that misses its floor, said in words.
    fn misses(&self, floors: &Figures) -> Vec<String> {
        self.named()
            .into_iter()
            .zip(floors.named())
            .filter_map(|((name, value), (_, floor))| {
                if name == "snippets that must not appear" {
                    (value > floor).then(|| format!("{name}: {value:.4} present, above the most allowed {floor:.4}"))
                } else {
                    (value < floor).then(|| format!("{name} {value:.4} is below its floor {floor:.4}"))
                }
            })
            .collect()
    }
}

/// Scores extraction on a folder with `html/*.html[.gz]` and `ground-truth.json`,
/// writing the figures to `out` (with `per_page`, one line per page first, worst
/// first). With `floors`, a JSON file of the lowest figures allowed (`precision`,
/// `recall`, `f1`, `accuracy`, `must_appear`; `must_not_appear` the highest), read
/// before the pages: returns each figure that misses its floor, said in words.
///
/// A folder with `gold.json` instead (trafilatura's evaluation set: `with` and
/// `without` snippets per page, no gold body) is scored by its snippets; see
/// [`snippet_figures`].
pub fn extract(dir: &Path, per_page: bool, floors: Option<&Path>, out: &mut impl Write) -> Result<Vec<String>> {
    let floors = floors.map(Figures::read_floors).transpose()?;
    if !dir.join("ground-truth.json").exists() && dir.join("gold.json").exists() {
        let figures = extract_snippets(dir, per_page, out)?;
        return check_floors(&figures, floors.as_ref(), out);
    }
    let truth = read_truth(dir)?;
    let ids: Vec<&String> = truth.keys().collect();
    let pages: Vec<(String, Vec<u8>)> =
        ids.iter().map(|id| read_page(dir, id).map(|b| (id.to_string(), b))).collect::<Result<_>>()?;
    let bytes: usize = pages.iter().map(|p| p.1.len()).sum();
    let config = distill_extract::ExtractConfig::default();
    let start = Instant::now();
    let documents: Vec<(String, Option<distill_core::Document>)> = pages
        .par_iter()
        .map(|(id, html)| (id.clone(), distill_extract::extract_html(html, None, &config).ok()))
        .collect();
    let secs = start.elapsed().as_secs_f64();
    let mut fields = FieldScores::default();
    for (id, doc) in &documents {
        let gold = &truth[id];
        let field = |names: &[&str]| names.iter().find_map(|n| gold.get(*n).and_then(Value::as_str));
        fields.add(
            id,
            &doc.as_ref().map(Found::of).unwrap_or_default(),
            field(&["title"]),
            field(&["author", "byline"]),
            field(&["date", "published", "datePublished"]),
        );
    }
    let outputs: Vec<(String, String)> =
        documents.into_iter().map(|(id, doc)| (id, doc.map(|d| d.text).unwrap_or_default())).collect();
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
    let catastrophic = scores.iter().filter(|s| f1_score(s.precision, s.recall) < 0.5).count();
    let n = scores.len().max(1) as f64;
    let precision = scores.iter().map(|s| s.precision).sum::<f64>() / n;
    let recall = scores.iter().map(|s| s.recall).sum::<f64>() / n;
    let f1 = f1_score(precision, recall);
    let accuracy = scores.iter().filter(|s| s.exact).count() as f64 / n;
    let (with_hit, with_all) = scores.iter().fold((0, 0), |a, s| (a.0 + s.with_found.0, a.1 + s.with_found.1));
    let (without_hit, without_all) =
        scores.iter().fold((0, 0), |a, s| (a.0 + s.without_found.0, a.1 + s.without_found.1));
    if per_page {
        scores.sort_by(|a, b| {
            let fa = f1_score(a.precision, a.recall);
            let fb = f1_score(b.precision, b.recall);
            fa.total_cmp(&fb)
        });
        for s in &scores {
            writeln!(
                out,
                "{}  P {:.3}  R {:.3}  F1 {:.3}  with {}/{}  without {}/{}",
                s.id,
                s.precision,
                s.recall,
                f1_score(s.precision, s.recall),
                s.with_found.0,
                s.with_found.1,
                s.without_found.0,
                s.without_found.1
            )?;
        }
    }
    writeln!(
        out,
        "pages {}  precision {precision:.4}  recall {recall:.4}  F1 {f1:.4}  accuracy {accuracy:.4}",
        scores.len()
    )?;
    writeln!(
        out,
        "snippets that must appear: {with_hit}/{with_all} ({:.1}%); snippets that must not: {without_hit}/{without_all} present ({:.1}%)",
        100.0 * with_hit as f64 / with_all.max(1) as f64,
        100.0 * without_hit as f64 / without_all.max(1) as f64
    )?;
    writeln!(out, "catastrophic pages (F1 under 0.5): {catastrophic}")?;
    fields.print(out)?;
    let seen = truth.iter().filter(|(id, gold)| distill_extract::train::trained_on(page_url(id, gold))).count();
    if seen > 0 {
        writeln!(
            out,
            "in-sample: the shipped block classifier was trained on {seen} of these {} pages, so these scores flatter it; \
             `distill train extract DIR` gives cross-validated ones",
            truth.len()
        )?;
    }
    writeln!(
        out,
        "extraction: {:.2} s, {:.0} pages/s, {:.1} MB/s on {} threads (decompression excluded)",
        secs,
        scores.len() as f64 / secs,
        bytes as f64 / 1e6 / secs,
        rayon::current_num_threads()
    )?;
    let figures = Figures {
        precision,
        recall,
        f1,
        accuracy,
        must_appear: with_hit as f64 / with_all.max(1) as f64,
        must_not_appear: without_hit as f64 / without_all.max(1) as f64,
        _note: None,
    };
    check_floors(&figures, floors.as_ref(), out)
}

/// Each figure that misses its floor, said in words (none without floors); says so
/// when every figure is at or above its floor.
fn check_floors(figures: &Figures, floors: Option<&Figures>, out: &mut impl Write) -> Result<Vec<String>> {
    let Some(floors) = floors else { return Ok(Vec::new()) };
    let misses = figures.misses(floors);
    if misses.is_empty() {
        writeln!(out, "floors: every figure is at or above its floor")?;
    }
    Ok(misses)
}

/// Snippet counts of one page or a whole set: "with" snippets found (true
/// positives) and missed, "without" snippets found (false positives) and absent.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SnippetCounts {
    /// "With" snippets found in the output.
    pub true_positives: usize,
    /// "With" snippets missing from the output.
    pub false_negatives: usize,
    /// "Without" snippets found in the output.
    pub false_positives: usize,
    /// "Without" snippets absent from the output.
    pub true_negatives: usize,
}

impl SnippetCounts {
    fn add(&mut self, other: SnippetCounts) {
        self.true_positives += other.true_positives;
        self.false_negatives += other.false_negatives;
        self.false_positives += other.false_positives;
        self.true_negatives += other.true_negatives;
    }

    /// Precision, recall, F and accuracy over these counts (micro-averaged).
    pub fn figures(&self) -> (f64, f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(self.true_positives, self.true_positives + self.false_positives);
        let recall = ratio(self.true_positives, self.true_positives + self.false_negatives);
        let all = self.true_positives + self.false_negatives + self.false_positives + self.true_negatives;
        (precision, recall, f1_score(precision, recall), ratio(self.true_positives + self.true_negatives, all))
    }
}

/// Collapses every run of whitespace to one space and trims the ends, as the
/// trafilatura evaluation does before matching.
fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Scores one extracted text against a page's snippets the way trafilatura's
/// evaluation does: each snippet, whitespace collapsed, is a case-sensitive
/// substring of the output (whitespace collapsed) or it is not.
pub fn snippet_figures(text: &str, with: &[String], without: &[String]) -> SnippetCounts {
    let text = collapse_whitespace(text);
    let found = |s: &String| {
        let s = collapse_whitespace(s);
        !s.is_empty() && text.contains(&s)
    };
    let with_found = with.iter().filter(|s| found(s)).count();
    let without_found = without.iter().filter(|s| found(s)).count();
    SnippetCounts {
        true_positives: with_found,
        false_negatives: with.len() - with_found,
        false_positives: without_found,
        true_negatives: without.len() - without_found,
    }
}

/// Scores extraction on a folder of snippet-annotated pages (`html/*.html[.gz]` and
/// `gold.json` = `{id: {with, without}}`): precision, recall, F and accuracy over all
/// snippets, then the same by page kind (a page whose snippets all score is "clean";
/// the others say whether they miss body text, keep boilerplate, or both). A page
/// that fails to extract misses its "with" snippets and keeps none of the others.
/// Returns the figures for `--floors` (F as F1, the share of "with" snippets found as
/// `must_appear`, of "without" snippets present as `must_not_appear`).
fn extract_snippets(dir: &Path, per_page: bool, out: &mut impl Write) -> Result<Figures> {
    let path = dir.join("gold.json");
    let text = read_text(&path)?;
    let gold: BTreeMap<String, Value> = serde_json::from_str(&text)
        .map_err(|source| Error::Json { what: format!("parsing {}", path.display()), source })?;
    let pages: Vec<(&String, Vec<u8>)> =
        gold.keys().map(|id| read_page(dir, id).map(|b| (id, b))).collect::<Result<_>>()?;
    let bytes: usize = pages.iter().map(|p| p.1.len()).sum();
    let config = distill_extract::ExtractConfig::default();
    let start = Instant::now();
    let texts: Vec<String> = pages
        .par_iter()
        .map(|(_, html)| distill_extract::extract_html(html, None, &config).map(|d| d.text).unwrap_or_default())
        .collect();
    let secs = start.elapsed().as_secs_f64();
    let mut all = SnippetCounts::default();
    let (mut clean, mut missing, mut leaking, mut both) = (0, 0, 0, 0);
    for ((id, _), text) in pages.iter().zip(&texts) {
        let counts = snippet_figures(text, &snippets(gold[*id].get("with")), &snippets(gold[*id].get("without")));
        all.add(counts);
        match (counts.false_negatives > 0, counts.false_positives > 0) {
            (false, false) => clean += 1,
            (true, false) => missing += 1,
            (false, true) => leaking += 1,
            (true, true) => both += 1,
        }
        if per_page && (counts.false_negatives > 0 || counts.false_positives > 0) {
            writeln!(
                out,
                "{id}  with missed {}  without present {}  words {}",
                counts.false_negatives,
                counts.false_positives,
                text.split_whitespace().count()
            )?;
        }
    }
    let (precision, recall, f, accuracy) = all.figures();
    writeln!(
        out,
        "pages {}  snippets {}  precision {precision:.4}  recall {recall:.4}  F {f:.4}  accuracy {accuracy:.4}",
        pages.len(),
        all.true_positives + all.false_negatives + all.false_positives + all.true_negatives
    )?;
    writeln!(
        out,
        "pages by kind: clean {clean}, missing body text {missing}, keeping boilerplate {leaking}, both {both}; empty output {}",
        texts.iter().filter(|t| t.trim().is_empty()).count()
    )?;
    writeln!(
        out,
        "extraction: {:.2} s, {:.0} pages/s, {:.1} MB/s on {} threads (decompression excluded)",
        secs,
        pages.len() as f64 / secs,
        bytes as f64 / 1e6 / secs,
        rayon::current_num_threads()
    )?;
    // F stands for F1; the snippet shares are recall and the leak rate.
    Ok(Figures {
        precision,
        recall,
        f1: f,
        accuracy,
        must_appear: recall,
        must_not_appear: all.false_positives as f64 / (all.false_positives + all.true_negatives).max(1) as f64,
        _note: None,
    })
}

/// Title, byline and date accuracy over the pages whose gold has each field.
#[derive(Default)]
struct FieldScores {
    title: (usize, usize),
    byline: (usize, usize),
    date: (usize, usize),
    misses: Vec<String>,
}

/// Whether a date text ends with a zone: "Z", "+02:00", "-0500".
fn has_offset(text: &str) -> bool {
    let text = text.trim();
    text.ends_with(['Z', 'z'])
        || text.rfind(['+', '-']).is_some_and(|at| {
            let zone = &text[at + 1..];
            text[..at].contains(':')
                && (4..=5).contains(&zone.len())
                && zone.bytes().all(|b| b.is_ascii_digit() || b == b':')
        })
}

/// The title, byline and publication time that an extractor found on one page.
#[derive(Default)]
struct Found {
    title: Option<String>,
    byline: Option<String>,
    published: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// Whether `published` is a moment in a known zone (distill's dates are), rather
    /// than a bare day (a peer's "2025-05-06"), which is compared as it is.
    zoned: bool,
}

impl Found {
    fn of(doc: &distill_core::Document) -> Found {
        Found { title: doc.title.clone(), byline: doc.byline.clone(), published: doc.published, zoned: true }
    }

    /// One line of a predictions file; `None` where it has no `file`.
    fn from_prediction(line: &Value) -> Option<(String, Found)> {
        let field = |name: &str| line.get(name).and_then(Value::as_str).filter(|s| !s.trim().is_empty());
        let file = field("file")?.to_string();
        let stated = field("published");
        let found = Found {
            title: field("title").map(str::to_string),
            byline: field("byline").map(str::to_string),
            published: stated.and_then(distill_core::time::parse_date),
            zoned: stated.is_some_and(has_offset),
        };
        Some((file, found))
    }
}

impl FieldScores {
    /// Titles and bylines match on their word tokens (a byline's leading "By" and its
    /// "and"s ignored); dates on the calendar day where the publisher is.
    fn add(&mut self, page: &str, found: &Found, title: Option<&str>, byline: Option<&str>, date: Option<&str>) {
        let words = |s: &str| -> Vec<String> { tokens(s).iter().map(|t| t.to_lowercase()).collect() };
        if let Some(gold) = title {
            self.title.1 += 1;
            let got = found.title.as_deref().unwrap_or("");
            if words(got) == words(gold) {
                self.title.0 += 1;
            } else {
                self.misses.push(format!("{page} title: {got:?} (gold {gold:?})"));
            }
        }
        if let Some(gold) = byline {
            self.byline.1 += 1;
            let got = found.byline.as_deref().unwrap_or("");
            // "Ann Lee, Bo Kim and Cy Ng" lists the same names as "Ann Lee, Bo Kim, Cy Ng".
            let names = |s: &str| -> Vec<String> { words(s).into_iter().filter(|w| w != "and").collect() };
            let mut got_words = names(got);
            if got_words.first().is_some_and(|w| w == "by") {
                got_words.remove(0);
            }
            if got_words == names(gold) {
                self.byline.0 += 1;
            } else {
                self.misses.push(format!("{page} byline: {got:?} (gold {gold:?})"));
            }
        }
        if let Some(gold) = date {
            self.date.1 += 1;
            // A bare gold day (or a time with no zone) is the publisher's day; a gold
            // time with a zone names its offset, and ours is read in it.
            let want = distill_core::time::parse_date(gold);
            let got = match want {
                Some(want) if has_offset(gold) && found.zoned => {
                    found.published.map(|d| d.with_timezone(want.offset()).date_naive())
                }
                _ => found.published.map(|d| d.date_naive()),
            };
            let want = want.map(|d| d.date_naive());
            if got.is_some() && got == want {
                self.date.0 += 1;
            } else {
                self.misses.push(format!("{page} date: {got:?} (gold {gold:?})"));
            }
        }
    }

    fn print(&self, out: &mut impl Write) -> std::io::Result<()> {
        for (name, (hit, all)) in [("title", self.title), ("byline", self.byline), ("date", self.date)] {
            if all == 0 {
                writeln!(out, "{name}: no gold {name}s in this set")?;
            } else {
                writeln!(out, "{name}: {hit}/{all} correct ({:.1}%)", 100.0 * hit as f64 / all as f64)?;
            }
        }
        Ok(())
    }
}

/// Scores title, byline and date on a folder whose `manifest.json` lists `{file,
/// format, title, author, published}` (the sample corpus's format): every HTML page
/// is extracted and its metadata compared with the manifest. With `predictions`, a
/// JSON Lines file of `{file, title, byline, published}`, another extractor's values
/// are scored instead of distill's.
pub fn metadata(dir: &Path, predictions: Option<&Path>, out: &mut impl Write) -> Result<()> {
    let manifest_path = dir.join("manifest.json");
    let manifest: Vec<Value> = serde_json::from_str(&read_text(&manifest_path)?)
        .map_err(|source| Error::Json { what: format!("parsing {}", manifest_path.display()), source })?;
    let mut predicted = HashMap::new();
    if let Some(path) = predictions {
        let text = read_text(path)?;
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let value: Value = serde_json::from_str(line).map_err(|source| Error::Json {
                what: format!("{} line {}: not JSON", path.display(), n + 1),
                source,
            })?;
            let (file, found) = Found::from_prediction(&value)
                .ok_or_else(|| Error::Input(format!("{} line {}: no \"file\"", path.display(), n + 1)))?;
            predicted.insert(file, found);
        }
    }
    let config = distill_extract::ExtractConfig::default();
    let mut fields = FieldScores::default();
    for item in manifest.iter().filter(|i| i.get("format").and_then(Value::as_str) == Some("html")) {
        let Some(file) = item.get("file").and_then(Value::as_str) else { continue };
        let found = match predictions {
            // A page the other extractor gave nothing for found nothing.
            Some(_) => predicted.remove(file).unwrap_or_default(),
            None => extract_page(&dir.join(file), &config)?,
        };
        let field = |name: &str| item.get(name).and_then(Value::as_str);
        fields.add(file, &found, field("title"), field("author"), field("published"));
    }
    fields.print(out)?;
    for miss in &fields.misses {
        writeln!(out, "  miss {miss}")?;
    }
    Ok(())
}

/// distill's metadata of one HTML page (`.gz` read through); an unreadable page is
/// an error, a page the extractor refuses found nothing.
fn extract_page(path: &Path, config: &distill_extract::ExtractConfig) -> Result<Found> {
    let bytes = read_decompressed(path)?;
    Ok(distill_extract::extract_html(&bytes, None, config).map(|doc| Found::of(&doc)).unwrap_or_default())
}

/// An edited copy of a wire story, as outlets republish them.
fn edited_copy(text: &str, n: usize) -> String {
    let sentences = distill_nlp::split_sentences(text);
    let keep = sentences.len().saturating_sub(1).max(1);
    let body: Vec<&str> = sentences.iter().take(keep).map(|s| s.text.as_str()).collect();
    format!(
        "Updated story {n}: a new headline for the same report\n\nBy Staff Writer {n}\n\n{}\n\nReporting by the wire desk; editing by the news team.",
        body.join(" ")
    )
}

/// Exact Jaccard similarity of the word 5-shingle sets of two texts: the truth that
/// MinHash estimates.
fn exact_jaccard(a: &str, b: &str) -> f64 {
    let set = |t: &str| -> std::collections::HashSet<String> {
        let words: Vec<String> = distill_core::text::words(t).collect();
        (0..words.len().saturating_sub(4).max(1)).map(|i| words[i..(i + 5).min(words.len())].join(" ")).collect()
    };
    let (x, y) = (set(a), set(b));
    let union = x.union(&y).count();
    if union == 0 { 0.0 } else { x.intersection(&y).count() as f64 / union as f64 }
}

/// Scores near-duplicate detection on a JSON Lines file of distinct articles (`text`
/// per line): each article gets an edited copy (new headline line, byline, a dropped
/// closing sentence, an added credit line); recall is the share of copies linked to
/// their original, and every link between two distinct articles is a false positive.
pub fn dedup(input: &Path, out: &mut impl Write) -> Result<()> {
    use distill_nlp::dedup::{DUPLICATE_THRESHOLD, LshIndex, signature};
    let file = read_text(input)?;
    let mut texts: Vec<String> = file
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(Value::as_str).map(str::to_string))
        .filter(|t| t.split_whitespace().count() >= 40)
        .collect();
    texts.sort();
    texts.dedup();
    if texts.is_empty() {
        return Err(Error::Input(format!("no texts of 40 words or more in {}", input.display())));
    }
    let index_of = |id: &str| id[1..].parse::<usize>().unwrap_or(0);
    let start = Instant::now();
    let mut index = LshIndex::new();
    let mut links = Vec::new(); // (article, original) links among the inputs
    for (i, text) in texts.iter().enumerate() {
        let id = format!("o{i}");
        let sig = signature(text);
        let found = index.original_of(&id, &sig);
        if let Some((root, _)) = &found {
            links.push((i, index_of(root)));
        }
        index.insert(&id, sig, found.as_ref().map(|f| f.0.as_str()));
    }
    let mut copy_links = Vec::new(); // (copy of article i, linked original or none)
    let copies: Vec<String> = texts.iter().enumerate().map(|(i, t)| edited_copy(t, i)).collect();
    for (i, copy) in copies.iter().enumerate() {
        copy_links.push((i, index.original_of(&format!("c{i}"), &signature(copy)).map(|(root, _)| index_of(&root))));
    }
    let secs = start.elapsed().as_secs_f64();
    // Truth: a link is right when the two texts' exact 5-shingle Jaccard reaches the
    // threshold (the inputs contain real wire copies of their own).
    let true_link = |a: &str, b: &str| exact_jaccard(a, b) >= DUPLICATE_THRESHOLD;
    let input_true = links.iter().filter(|(a, b)| true_link(&texts[*a], &texts[*b])).count();
    let copies_right = copy_links.iter().filter(|(i, o)| o.is_some_and(|o| true_link(&copies[*i], &texts[o]))).count();
    let copies_wrong = copy_links.iter().filter(|(i, o)| o.is_some_and(|o| !true_link(&copies[*i], &texts[o]))).count();
    let n = texts.len();
    let predicted = links.len() + copy_links.iter().filter(|(_, o)| o.is_some()).count();
    let precision = (input_true + copies_right) as f64 / predicted.max(1) as f64;
    writeln!(
        out,
        "articles {n}  edited copies linked {copies_right}/{n} (recall {:.4}), wrongly {copies_wrong}  \
         links among the inputs {} ({input_true} true copies)  precision {precision:.4}",
        copies_right as f64 / n as f64,
        links.len()
    )?;
    writeln!(out, "cost: {:.1} µs per article (signature and lookup, one thread)", secs * 1e6 / (2 * n) as f64)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_times_with_a_zone() {
        for zoned in ["2026-09-15T02:00:00Z", "2026-09-14T21:00:00-05:00", "2026-09-14 21:00:00 +0530"] {
            assert!(has_offset(zoned), "{zoned}");
        }
        for bare in ["2026-09-14", "2026-09-14T21:00:00", "2026-09-14T21:00", "September 14, 2026"] {
            assert!(!has_offset(bare), "{bare}");
        }
    }

    #[test]
    fn peer_predictions_are_scored_like_distill() {
        let found = |line: &str| Found::from_prediction(&serde_json::from_str(line).unwrap()).unwrap().1;
        let gold = "2026-09-14T21:00:00-05:00";
        let mut scores = FieldScores::default();
        // A bare day is the publisher's; a moment in UTC is read in the gold's offset.
        for (line, right) in [
            (r#"{"file": "a", "published": "2026-09-14"}"#, true),
            (r#"{"file": "a", "published": "2026-09-15T02:00:00Z"}"#, true),
            (r#"{"file": "a", "published": "2026-09-15"}"#, false),
            (r#"{"file": "a", "published": ""}"#, false),
        ] {
            let before = scores.date.0;
            scores.add("a", &found(line), None, None, Some(gold));
            assert_eq!(scores.date.0 > before, right, "{line}");
        }
        scores.add(
            "b",
            &found(r#"{"file": "b", "title": "Budget passes", "byline": "By Ann Lee and Bo Kim"}"#),
            Some("Budget Passes"),
            Some("Ann Lee, Bo Kim"),
            None,
        );
        assert_eq!((scores.title, scores.byline), ((1, 1), (1, 1)));
        assert!(Found::from_prediction(&serde_json::json!({"title": "no file"})).is_none());
    }

    #[test]
    fn snippets_match_as_substrings_with_whitespace_collapsed() {
        let with = vec!["first  line\nof text".to_string(), "Missing".to_string()];
        let without = vec!["Menu".to_string(), "menu".to_string(), "   ".to_string()];
        let counts = snippet_figures("Menu\n\nfirst line of   text here", &with, &without);
        assert_eq!(
            counts,
            SnippetCounts { true_positives: 1, false_negatives: 1, false_positives: 1, true_negatives: 2 }
        );
        let (precision, recall, f, accuracy) = counts.figures();
        assert_eq!((precision, recall, f), (0.5, 0.5, 0.5));
        assert!((accuracy - 0.6).abs() < 1e-12);
    }

    /// A folder with `gold.json` (trafilatura's evaluation set) is scored by its
    /// snippets: a found "with" snippet counts, a missing one misses, a found "without"
    /// snippet is a false positive; floors apply as to gold bodies (F as F1).
    #[test]
    fn a_snippet_folder_is_scored_by_its_snippets() {
        let dir = std::env::temp_dir().join(format!("distill-eval-snippets-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("html")).unwrap();
        let body: String = (0..4)
            .map(|i| format!("<p>Paragraph {i} says, in whole sentences, what the harbour board decided on fees.</p>"))
            .collect();
        let html = format!(
            "<html><head><title>Fees</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
             <article>{body}</article><footer>Copyright the harbour board</footer></body></html>"
        );
        std::fs::write(dir.join("html/0001.html"), html).unwrap();
        let gold = serde_json::json!({"0001": {
            "with": ["Paragraph 0 says,", "a sentence the page never printed"],
            "without": ["Copyright the harbour board", "Home"],
        }});
        std::fs::write(dir.join("gold.json"), gold.to_string()).unwrap();
        let mut out = Vec::new();
        let misses = extract(&dir, true, None, &mut out).unwrap();
        let with_floors = |recall: f64| {
            let floors = serde_json::json!({"precision": 0.9, "recall": recall, "f1": 0.6, "accuracy": 0.7,
                "must_appear": recall, "must_not_appear": 0.0});
            std::fs::write(dir.join("floors.json"), floors.to_string()).unwrap();
            extract(&dir, false, Some(&dir.join("floors.json")), &mut Vec::new()).unwrap()
        };
        let (strict, fair) = (with_floors(0.6), with_floors(0.5));
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(strict.len(), 2, "{strict:?}");
        assert!(strict[0].starts_with("recall 0.5000 is below its floor 0.6000"), "{strict:?}");
        assert!(fair.is_empty(), "{fair:?}");
        let text = String::from_utf8(out).unwrap();
        assert!(misses.is_empty());
        assert!(text.contains("0001  with missed 1  without present 0"), "{text}");
        assert!(
            text.contains("pages 1  snippets 4  precision 1.0000  recall 0.5000  F 0.6667  accuracy 0.7500"),
            "{text}"
        );
        assert!(text.contains("missing body text 1"), "{text}");
    }

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
