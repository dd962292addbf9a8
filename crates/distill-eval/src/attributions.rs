//! `distill eval attributions`: who said what, against a labelled set.
//!
//! The set (`data/attributions.jsonl`, see `data/attributions-README.md`) holds one line per
//! document: `{doc, file, split, upto, attributions: [{speaker, name, kind, cue,
//! claim: [start, end]}]}`, where `file` is a JSON Lines file of the shared data
//! (`{id, text}` per line), `upto` the byte offset where annotation stops and `claim`
//! byte offsets into the text. Only ids, offsets and the annotator's short labels are
//! stored; the texts are read from the shared data at run time.
//!
//! Scoring, per split (dev, test), for distill and a baseline in the same run:
//! - a predicted attribution *matches* a gold one when their claims share at least
//!   half of the shorter claim's tokens (lowercased runs of letters and digits, as
//!   multisets); matching is one-to-one, largest overlap first;
//! - detection P/R/F1: matches over predictions and over gold attributions;
//! - speaker P/R/F1: matches whose speaker is right (the gold full name or the
//!   speaker as written, case and a leading "the" aside, or the predicted entity is
//!   the gold name), over predictions and over gold;
//! - claim-span P/R/F1 (token overlap): tokens shared by matched claims over all
//!   predicted claim tokens and over all gold claim tokens;
//! - the same by kind (direct, reported): precision over predictions of that kind,
//!   recall over gold of that kind, a match counting when both kinds agree.
//!
//! The baseline is what a reader skimming for "said" does: in each sentence with
//! "said" or "says", the capitalised name right before or right after it speaks the
//! rest of the sentence, quoted when the sentence has a quotation mark.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use distill_core::{Attribution, AttributionKind, Sentence, Stance};
use distill_nlp::attributions::find_attributions;
use distill_nlp::entities::extract_entities;
use distill_nlp::{analysis_window, split_sentences};
use serde::Deserialize;

use crate::{Error, Result, read_text};

/// The labelled set that ships with the repository.
pub const GOLD: &str = include_str!("../data/attributions.jsonl");

/// One annotated document.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    /// The document's `id` in its file.
    pub doc: String,
    /// The JSON Lines file under the shared `data/` folder that holds its text.
    pub file: String,
    /// "dev" (tuned on) or "test" (held out).
    pub split: String,
    /// Byte offset where annotation stops: attributions starting later are not scored.
    pub upto: usize,
    /// Every attribution up to `upto`.
    pub attributions: Vec<GoldAttribution>,
}

/// One labelled attribution.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldAttribution {
    /// The speaker as written ("she", "NASA chief scientist Ellen Stofan").
    pub speaker: String,
    /// The speaker's full name in the article, or the group as written.
    pub name: String,
    /// "direct" or "reported".
    pub kind: AttributionKind,
    /// The cue ("said", "according to").
    pub cue: String,
    /// Byte offsets of the claim in the text.
    pub claim: [usize; 2],
}

/// Reads a labelled set; errors name the line.
pub fn read_gold(text: &str) -> Result<Vec<GoldDoc>> {
    let mut docs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: GoldDoc = serde_json::from_str(line)
            .map_err(|source| Error::Json { what: format!("attribution labels, line {}", n + 1), source })?;
        if let Some(a) = doc.attributions.iter().find(|a| a.claim[0] >= a.claim[1]) {
            return Err(Error::Input(format!("line {}: {}: empty claim span {:?}", n + 1, doc.doc, a.claim)));
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// A claim to score: its tokens, speaker and kind.
#[derive(Debug, Clone)]
struct Scored {
    /// How a report of misses shows it: speaker and the claim's start.
    label: String,
    tokens: Vec<String>,
    speakers: Vec<String>,
    kind: AttributionKind,
}

/// Counts of one method on one split, for one kind or all.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    /// Predictions.
    pub predicted: usize,
    /// Gold attributions.
    pub gold: usize,
    /// Matched pairs.
    pub matched: usize,
    /// Matched pairs with the right speaker.
    pub speaker_right: usize,
    /// Tokens shared by matched claims.
    pub overlap: usize,
    /// Tokens of all predicted claims.
    pub predicted_tokens: usize,
    /// Tokens of all gold claims.
    pub gold_tokens: usize,
    /// Matched pairs whose kinds agree.
    pub kind_right: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.predicted += o.predicted;
        self.gold += o.gold;
        self.matched += o.matched;
        self.speaker_right += o.speaker_right;
        self.overlap += o.overlap;
        self.predicted_tokens += o.predicted_tokens;
        self.gold_tokens += o.gold_tokens;
        self.kind_right += o.kind_right;
    }

    /// Speaker precision, recall and F1.
    pub fn speaker(&self) -> (f64, f64, f64) {
        prf(self.speaker_right, self.predicted, self.speaker_right, self.gold)
    }

    /// Claim-span precision, recall and F1 by token overlap.
    pub fn span(&self) -> (f64, f64, f64) {
        prf(self.overlap, self.predicted_tokens, self.overlap, self.gold_tokens)
    }

    /// Detection precision, recall and F1.
    pub fn detection(&self) -> (f64, f64, f64) {
        prf(self.matched, self.predicted, self.matched, self.gold)
    }
}

fn prf(p_num: usize, p_den: usize, r_num: usize, r_den: usize) -> (f64, f64, f64) {
    let p = if p_den == 0 { 0.0 } else { p_num as f64 / p_den as f64 };
    let r = if r_den == 0 { 0.0 } else { r_num as f64 / r_den as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

/// Lowercased runs of letters and digits.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(str::to_lowercase).collect()
}

/// Shared tokens of two claims, as multisets.
fn overlap(a: &[String], b: &[String]) -> usize {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for t in a {
        *counts.entry(t).or_default() += 1;
    }
    b.iter()
        .filter(|t| {
            counts.get_mut(t.as_str()).is_some_and(|c| {
                let there = *c > 0;
                *c = c.saturating_sub(1);
                there
            })
        })
        .count()
}

fn speaker_key(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
}

/// Scores one document's predictions against its gold, for all kinds and each kind.
fn score(predicted: &[Scored], gold: &[Scored], misses: &mut Vec<String>) -> [Counts; 3] {
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (i, p) in predicted.iter().enumerate() {
        for (j, g) in gold.iter().enumerate() {
            let o = overlap(&p.tokens, &g.tokens);
            if o > 0 && 2 * o >= p.tokens.len().min(g.tokens.len()) {
                pairs.push((o, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut used_p, mut used_g) = (vec![false; predicted.len()], vec![false; gold.len()]);
    let mut out = [Counts::default(); 3];
    let slot = |k: AttributionKind| if k == AttributionKind::Direct { 1 } else { 2 };
    for p in predicted {
        for s in [0, slot(p.kind)] {
            out[s].predicted += 1;
            out[s].predicted_tokens += p.tokens.len();
        }
    }
    for g in gold {
        for s in [0, slot(g.kind)] {
            out[s].gold += 1;
            out[s].gold_tokens += g.tokens.len();
        }
    }
    for (o, i, j) in pairs {
        if used_p[i] || used_g[j] {
            continue;
        }
        used_p[i] = true;
        used_g[j] = true;
        let (p, g) = (&predicted[i], &gold[j]);
        let right = p.speakers.iter().any(|s| g.speakers.contains(s));
        if !right || p.kind != g.kind {
            misses.push(format!("  wrong: {} ({:?}) for {} ({:?})", p.label, p.kind, g.label, g.kind));
        }
        let mut slots = vec![0];
        if p.kind == g.kind {
            slots.push(slot(g.kind));
        }
        for s in slots {
            let c = &mut out[s];
            c.matched += 1;
            c.speaker_right += usize::from(right);
            c.overlap += o;
            c.kind_right += usize::from(p.kind == g.kind);
        }
    }
    misses.extend(gold.iter().zip(&used_g).filter(|(_, u)| !**u).map(|(g, _)| format!("  missed: {}", g.label)));
    misses.extend(predicted.iter().zip(&used_p).filter(|(_, u)| !**u).map(|(p, _)| format!("  extra: {}", p.label)));
    out
}

/// The baseline: in each sentence with "said" or "says", the capitalised name right
/// before or after it speaks the rest of the sentence.
pub fn baseline(sentences: &[Sentence]) -> Vec<Attribution> {
    let mut out = Vec::new();
    for s in sentences {
        let words: Vec<&str> = s.text.split_whitespace().collect();
        let Some(k) =
            words.iter().position(|w| matches!(w.trim_matches(|c: char| !c.is_alphabetic()), "said" | "says"))
        else {
            continue;
        };
        let capital =
            |w: &&str| w.trim_start_matches(['"', '“', '\'', '‘']).chars().next().is_some_and(char::is_uppercase);
        let before = words[..k].iter().rev().take_while(|w| capital(w) && !w.ends_with(',')).count();
        let after = words[k + 1..].iter().take_while(|w| capital(w)).count();
        let (name, claim) = if before > 0 {
            (
                words[k - before..k].join(" "),
                if k - before > words.len() - k - 1 { &words[..k - before] } else { &words[k + 1..] },
            )
        } else if after > 0 {
            (words[k + 1..k + 1 + after].join(" "), &words[..k])
        } else {
            continue;
        };
        let claim = claim.join(" ");
        let quoted = s.text.contains(['"', '“', '”']);
        out.push(Attribution {
            speaker: name.trim_matches(|c: char| !c.is_alphanumeric()).to_string(),
            entity: None,
            text: claim,
            kind: if quoted { AttributionKind::Direct } else { AttributionKind::Reported },
            cue: "said".into(),
            stance: Stance::Asserted,
            sentence: s.index,
        });
    }
    out
}

/// Figures of one split: distill and the baseline, all kinds, direct, reported.
#[derive(Debug, Clone, Default)]
pub struct SplitFigures {
    /// Documents scored.
    pub docs: usize,
    /// distill's counts: all, direct, reported.
    pub distill: [Counts; 3],
    /// The baseline's counts: all, direct, reported.
    pub baseline: [Counts; 3],
}

/// Scores distill and the baseline on the labelled set `gold` (the shipped one when
/// `None`), reading texts under `data` (the shared folder's `data/`), and writes the
/// report. Returns the figures by split.
/// With `misses`, each dev document's misses, wrong speakers and extra claims of
/// distill are listed first (the test half's never are).
pub fn eval(
    gold: Option<&Path>,
    data: &Path,
    misses: bool,
    out: &mut impl Write,
) -> Result<Vec<(String, SplitFigures)>> {
    let labels = match gold {
        Some(path) => read_text(path)?,
        None => GOLD.to_string(),
    };
    let docs = read_gold(&labels)?;
    let mut texts: HashMap<String, HashMap<String, String>> = HashMap::new();
    let mut splits: Vec<(String, SplitFigures)> = Vec::new();
    for doc in &docs {
        if !texts.contains_key(&doc.file) {
            texts.insert(doc.file.clone(), read_texts(&data.join(&doc.file))?);
        }
        let text = texts[&doc.file]
            .get(&doc.doc)
            .ok_or_else(|| Error::Input(format!("{}: no document {:?} in {}", doc.doc, doc.doc, doc.file)))?;
        let (figures, missed) = document(doc, text)?;
        // (The test half's misses are never printed: it checks what the dev half tuned.)
        if misses && doc.split != "test" && !missed.is_empty() {
            writeln!(out, "{} ({}):", doc.doc, doc.split)?;
            for m in &missed {
                writeln!(out, "{m}")?;
            }
        }
        let at = match splits.iter().position(|(s, _)| *s == doc.split) {
            Some(at) => at,
            None => {
                splits.push((doc.split.clone(), SplitFigures::default()));
                splits.len() - 1
            }
        };
        let split = &mut splits[at].1;
        split.docs += 1;
        for k in 0..3 {
            split.distill[k].add(&figures.0[k]);
            split.baseline[k].add(&figures.1[k]);
        }
    }
    writeln!(
        out,
        "attributions: {} labelled in {} documents",
        docs.iter().map(|d| d.attributions.len()).sum::<usize>(),
        docs.len()
    )?;
    writeln!(
        out,
        "split method   kind      pred gold | detect P    R    F1 | speaker P  R    F1 | span P    R    F1 | kind acc"
    )?;
    for (name, f) in &splits {
        for (method, counts) in [("distill", &f.distill), ("baseline", &f.baseline)] {
            for (kind, c) in ["all", "direct", "reported"].iter().zip(counts) {
                let (dp, dr, df) = c.detection();
                let (sp, sr, sf) = c.speaker();
                let (cp, cr, cf) = c.span();
                let acc = if c.matched == 0 { 0.0 } else { c.kind_right as f64 / c.matched as f64 };
                writeln!(
                    out,
                    "{name:<5} {method:<8} {kind:<8} {:>5} {:>4} | {dp:.3} {dr:.3} {df:.3} | {sp:.3} {sr:.3} {sf:.3} | {cp:.3} {cr:.3} {cf:.3} | {acc:.3}",
                    c.predicted, c.gold
                )?;
            }
        }
    }
    Ok(splits)
}

/// `{id, text}` lines of a JSON Lines file, by id.
fn read_texts(path: &Path) -> Result<HashMap<String, String>> {
    #[derive(Deserialize)]
    struct Line {
        id: String,
        text: String,
    }
    let mut out = HashMap::new();
    for (n, line) in read_text(path)?.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let l: Line = serde_json::from_str(line)
            .map_err(|source| Error::Json { what: format!("{}, line {}", path.display(), n + 1), source })?;
        out.insert(l.id, l.text);
    }
    Ok(out)
}

/// Scores one document: distill's counts and the baseline's.
/// distill's counts and the baseline's (all, direct, reported) on one document.
type Both = ([Counts; 3], [Counts; 3]);

fn document(doc: &GoldDoc, text: &str) -> Result<(Both, Vec<String>)> {
    let bad = |what: String| Error::Input(format!("{}: {what}", doc.doc));
    let gold = doc
        .attributions
        .iter()
        .map(|a| {
            let claim = text
                .get(a.claim[0]..a.claim[1])
                .ok_or_else(|| bad(format!("claim {:?} is not in the text", a.claim)))?;
            let label = format!("{} / {}: {}", a.speaker, a.name, short(claim));
            let speakers = vec![speaker_key(&a.name), speaker_key(&a.speaker)];
            Ok(Scored { label, tokens: tokens(claim), speakers, kind: a.kind })
        })
        .collect::<Result<Vec<_>>>()?;
    let sentences = split_sentences(text);
    let window = analysis_window(&sentences);
    let annotated = |a: &Attribution| sentences.get(a.sentence).is_some_and(|s| s.start < doc.upto);
    let scored = |all: Vec<Attribution>| -> Vec<Scored> {
        all.into_iter()
            .filter(annotated)
            .map(|a| {
                let mut speakers = vec![speaker_key(&a.speaker)];
                speakers.extend(a.entity.as_deref().map(speaker_key));
                let label = format!("{} [{}]: {}", a.speaker, a.cue, short(&a.text));
                Scored { label, tokens: tokens(&a.text), speakers, kind: a.kind }
            })
            .collect()
    };
    // As analysis runs it: with the article's entities (no title in these sets).
    let entities = extract_entities("", window);
    let distill = scored(find_attributions(text, window, &entities));
    let base = scored(baseline(window));
    let mut misses = Vec::new();
    let figures = (score(&distill, &gold, &mut misses), score(&base, &gold, &mut Vec::new()));
    Ok((figures, misses))
}

/// A claim's first words, for a report line.
fn short(claim: &str) -> String {
    let words: Vec<&str> = claim.split_whitespace().take(9).collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_set_reads_and_has_two_halves_of_distinct_documents() {
        let docs = read_gold(GOLD).unwrap();
        let count = |split: &str| docs.iter().filter(|d| d.split == split).map(|d| d.attributions.len()).sum::<usize>();
        assert!(count("dev") + count("test") >= 150, "{} + {}", count("dev"), count("test"));
        assert!(count("dev") > 0 && count("test") > 0);
        let dev: Vec<&str> = docs.iter().filter(|d| d.split == "dev").map(|d| d.doc.as_str()).collect();
        assert!(docs.iter().filter(|d| d.split == "test").all(|d| !dev.contains(&d.doc.as_str())));
        for d in &docs {
            assert!(d.attributions.iter().all(|a| a.claim[1] <= d.upto), "{}", d.doc);
        }
    }

    #[test]
    fn bad_labels_are_named_by_line() {
        let err = read_gold("\n{\"doc\": 1}\n").unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");
        let empty = r#"{"doc":"a","file":"f","split":"dev","upto":9,"attributions":[{"speaker":"x","name":"x","kind":"direct","cue":"said","claim":[4,4]}]}"#;
        assert!(read_gold(empty).unwrap_err().to_string().contains("empty claim span"));
    }

    /// A labelled fixture of our own, scored end to end from a data folder.
    #[test]
    fn scores_a_fixture_from_a_data_folder() {
        let dir = std::env::temp_dir().join(format!("distill-attr-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let text = "The dam held overnight, engineers said. \"We were lucky this time,\" said Mara Quist. \
            Rain is expected again on Friday.";
        let line = serde_json::json!({"id": "d1", "text": text});
        std::fs::write(dir.join("docs.jsonl"), format!("{line}\n")).unwrap();
        let span = |s: &str| {
            let at = text.find(s).unwrap();
            [at, at + s.len()]
        };
        let gold = serde_json::json!({"doc": "d1", "file": "docs.jsonl", "split": "dev", "upto": text.len(),
        "attributions": [
            {"speaker": "engineers", "name": "engineers", "kind": "reported", "cue": "said", "claim": span("The dam held overnight")},
            {"speaker": "Mara Quist", "name": "Mara Quist", "kind": "direct", "cue": "said", "claim": span("We were lucky this time")},
        ]});
        let gold_path = dir.join("gold.jsonl");
        std::fs::write(&gold_path, format!("{gold}\n")).unwrap();
        let mut out = Vec::new();
        let figures = eval(Some(&gold_path), &dir, false, &mut out).unwrap();
        let report = String::from_utf8(out).unwrap();
        let dev = &figures[0].1;
        assert_eq!((dev.distill[0].gold, dev.distill[0].matched, dev.distill[0].speaker_right), (2, 2, 2), "{report}");
        assert!((dev.distill[0].span().2 - 1.0).abs() < 1e-9, "{report}");
        assert!(dev.baseline[0].speaker().2 < 1.0, "{report}");
        assert!(report.contains("dev   distill  direct"), "{report}");
        std::fs::remove_dir_all(&dir).ok();
    }

    /// The misses listed are the dev half's: the test half checks what was tuned.
    #[test]
    fn misses_are_listed_for_the_dev_half_only() {
        let dir = std::env::temp_dir().join(format!("distill-attr-misses-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let text = "Rain is expected again on Friday. The river rose by a metre overnight.";
        let mut docs = String::new();
        let mut gold = String::new();
        for (doc, split) in [("d1", "dev"), ("d2", "test")] {
            docs.push_str(&format!("{}\n", serde_json::json!({"id": doc, "text": text})));
            // A claim no cue marks: distill misses it in both halves.
            let claim = [0, "Rain is expected again on Friday".len()];
            let line = serde_json::json!({"doc": doc, "file": "docs.jsonl", "split": split, "upto": text.len(),
                "attributions": [{"speaker": "forecasters", "name": "forecasters", "kind": "reported", "cue": "said", "claim": claim}]});
            gold.push_str(&format!("{line}\n"));
        }
        std::fs::write(dir.join("docs.jsonl"), docs).unwrap();
        std::fs::write(dir.join("gold.jsonl"), gold).unwrap();
        let mut out = Vec::new();
        eval(Some(&dir.join("gold.jsonl")), &dir, true, &mut out).unwrap();
        let report = String::from_utf8(out).unwrap();
        assert!(report.contains("d1 (dev):") && report.contains("missed: forecasters"), "{report}");
        assert!(!report.contains("d2 (test)"), "{report}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn overlap_counts_multisets() {
        let t = |s: &str| tokens(s);
        assert_eq!(overlap(&t("a a b"), &t("a b b")), 2);
        assert_eq!(overlap(&t("We know"), &t("we KNOW, we")), 2);
    }
}
