//! `distill eval entities`: the entity tagger of [`distill_nlp::entities`] against
//! GUM's news documents in CoNLL-U, beside a capitalisation baseline.
//!
//! Gold mentions are GUM's `Entity=` spans (MISC column) that are *named*: after a
//! leading determiner ("the") is dropped, the span starts and ends with a proper
//! noun (XPOS NNP or NNPS) and every token in it is a proper noun or, inside, one
//! of "of", "and", "&", "-", "," ("Bank of England", "Washington, DC"). Nested
//! named spans count each ("US" inside "US President Donald Trump"). GUM's types
//! person, organization, place and event are kept; every other type (abstract,
//! object, ...) is "other", except time: "Tuesday" and "September" are proper nouns
//! but no entities (the tagger never tags a month or weekday alone), so GUM's time
//! spans are left out.
//!
//! A predicted mention matches a gold one when their token spans are equal (exact
//! span); its type is then right or wrong. The baseline takes every maximal run of
//! capitalised tokens that does not include a sentence's first token and gives it
//! the most frequent gold type of the tuning half. Documents are split by name
//! order: even positions tune, odd positions check.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::Path;

use distill_core::{EntityType, Sentence};

use crate::eval::f1_score;
use crate::{Error, Result, file_error, read_text};

/// One token of a CoNLL-U sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word form.
    pub form: String,
    /// The Penn tag (XPOS).
    pub xpos: String,
    /// Whether a space follows it in the text.
    pub space_after: bool,
}

/// An entity span of a sentence: tokens `from..to` (0-based, end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First token.
    pub from: usize,
    /// One past the last token.
    pub to: usize,
}

/// A sentence with its tokens and gold entity spans.
#[derive(Debug, Clone, Default)]
pub struct GoldSentence {
    /// Tokens, in order (multi-word token ranges are skipped; their words are kept).
    pub tokens: Vec<Token>,
    /// Entity spans with GUM's type ("person", "place", "abstract", ...).
    pub spans: Vec<(Span, String)>,
}

/// A document of the corpus.
#[derive(Debug, Clone, Default)]
pub struct GoldDoc {
    /// The `newdoc id`, or the file name.
    pub name: String,
    /// Its sentences.
    pub sentences: Vec<GoldSentence>,
}

/// Reads the documents of one CoNLL-U text; `fallback` names a document with no
/// `# newdoc id`. Errors name the line.
pub fn read_conllu(text: &str, fallback: &str) -> Result<Vec<GoldDoc>> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut sentence = GoldSentence::default();
    // Open spans: GUM id → (first token, type).
    let mut open: Vec<(String, usize, String)> = Vec::new();
    let flush = |docs: &mut Vec<GoldDoc>, sentence: &mut GoldSentence| {
        if sentence.tokens.is_empty() {
            return;
        }
        if docs.is_empty() {
            docs.push(GoldDoc { name: fallback.to_string(), sentences: Vec::new() });
        }
        if let Some(doc) = docs.last_mut() {
            doc.sentences.push(std::mem::take(sentence));
        }
    };
    for (n, line) in text.lines().enumerate() {
        if let Some(id) = line.strip_prefix("# newdoc id =") {
            flush(&mut docs, &mut sentence);
            docs.push(GoldDoc { name: id.trim().to_string(), sentences: Vec::new() });
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            flush(&mut docs, &mut sentence);
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(Error::Input(format!("{fallback} line {}: {} columns, CoNLL-U has 10", n + 1, cols.len())));
        }
        // Multi-word token ranges ("3-4") and empty nodes ("3.1") carry no word of their own.
        if cols[0].contains(['-', '.']) {
            continue;
        }
        let index = sentence.tokens.len();
        let misc = cols[9];
        sentence.tokens.push(Token {
            form: cols[1].to_string(),
            xpos: cols[4].to_string(),
            space_after: !misc.split('|').any(|f| f == "SpaceAfter=No"),
        });
        if let Some(entity) = misc.split('|').find_map(|f| f.strip_prefix("Entity=")) {
            parse_entity(entity, index, &mut open, &mut sentence.spans)
                .map_err(|why| Error::Input(format!("{fallback} line {}: {why}", n + 1)))?;
        }
    }
    flush(&mut docs, &mut sentence);
    Ok(docs)
}

/// One token's `Entity=` value: `(id-type-...` opens a span, `id)` closes one, and
/// `(id-type-...)` is a span of this token alone; several may follow each other.
fn parse_entity(
    value: &str,
    index: usize,
    open: &mut Vec<(String, usize, String)>,
    spans: &mut Vec<(Span, String)>,
) -> std::result::Result<(), String> {
    let mut rest = value;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('(') {
            let end = after.find(['(', ')']).unwrap_or(after.len());
            let spec = &after[..end];
            let mut parts = spec.split('-');
            let id = parts.next().unwrap_or_default().to_string();
            let kind = parts.next().ok_or_else(|| format!("entity {spec:?} has no type"))?.to_string();
            if after[end..].starts_with(')') {
                spans.push((Span { from: index, to: index + 1 }, kind));
                rest = &after[end + 1..];
            } else {
                open.push((id, index, kind));
                rest = &after[end..];
            }
        } else {
            let end = rest.find(')').ok_or_else(|| format!("entity value {value:?} is not understood"))?;
            let id = &rest[..end];
            let at =
                open.iter().rposition(|o| o.0 == id).ok_or_else(|| format!("entity {id} closes but never opened"))?;
            let (_, from, kind) = open.remove(at);
            spans.push((Span { from, to: index + 1 }, kind));
            rest = &rest[end + 1..];
        }
    }
    Ok(())
}

fn proper(t: &Token) -> bool {
    t.xpos == "NNP" || t.xpos == "NNPS"
}

/// The named part of a gold span (see the module doc), if it is named.
fn named(tokens: &[Token], span: Span) -> Option<Span> {
    let mut from = span.from;
    while from < span.to && tokens[from].xpos == "DT" {
        from += 1;
    }
    let inner = &tokens[from..span.to];
    let ok = inner.first().is_some_and(proper)
        && inner.last().is_some_and(proper)
        && inner.iter().all(|t| proper(t) || matches!(t.form.as_str(), "of" | "and" | "&" | "-" | ","));
    ok.then_some(Span { from, to: span.to })
}

/// The four types scored, and "other" for the rest.
fn gold_type(kind: &str) -> EntityType {
    match kind {
        "person" => EntityType::Person,
        "organization" => EntityType::Organization,
        "place" => EntityType::Place,
        "event" => EntityType::Event,
        _ => EntityType::Other,
    }
}

const SCORED: [EntityType; 4] = [EntityType::Person, EntityType::Organization, EntityType::Place, EntityType::Event];

/// Mentions of one document, keyed by (sentence, span).
type Mentions = BTreeMap<(usize, Span), EntityType>;

/// The gold named mentions of a document.
pub fn gold_mentions(doc: &GoldDoc) -> BTreeMap<(usize, Span), EntityType> {
    let mut out = Mentions::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        for (span, kind) in s.spans.iter().filter(|(_, kind)| kind != "time") {
            if let Some(span) = named(&s.tokens, *span) {
                out.insert((si, span), gold_type(kind));
            }
        }
    }
    out
}

/// The document's sentences as text, with each token's byte range.
fn sentences_of(doc: &GoldDoc) -> (Vec<Sentence>, Vec<Vec<(usize, usize)>>) {
    let mut sentences = Vec::new();
    let mut offsets = Vec::new();
    let mut at = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        let mut text = String::new();
        let mut ranges = Vec::new();
        for t in &s.tokens {
            ranges.push((text.len(), text.len() + t.form.len()));
            text.push_str(&t.form);
            if t.space_after {
                text.push(' ');
            }
        }
        let text = text.trim_end().to_string();
        sentences.push(Sentence { index: i, start: at, end: at + text.len(), text, paragraph: 0 });
        at = sentences.last().map_or(at, |s| s.end + 1);
        offsets.push(ranges);
    }
    (sentences, offsets)
}

/// The tagger's named mentions of a document, as token spans.
pub fn tagged_mentions(doc: &GoldDoc) -> Mentions {
    let (sentences, offsets) = sentences_of(doc);
    let tagging = distill_nlp::entities::tag("", &sentences);
    let mut out = Mentions::new();
    for m in &tagging.mentions {
        let ranges = &offsets[m.sentence];
        // The tokens the byte span overlaps.
        let from = ranges.iter().position(|r| r.1 > m.start);
        let to = ranges.iter().rposition(|r| r.0 < m.end).map(|t| t + 1);
        if let (Some(from), Some(to)) = (from, to)
            && from < to
        {
            out.insert((m.sentence, Span { from, to }), tagging.entities[m.entity].kind);
        }
    }
    out
}

fn capitalised(form: &str) -> bool {
    form.chars().next().is_some_and(char::is_uppercase)
}

/// Writes a document's false (`+`), missed (`-`) and mistyped (`~`) mentions.
fn write_misses(doc: &GoldDoc, gold: &Mentions, tagged: &Mentions, out: &mut impl Write) -> Result<()> {
    let words = |(si, span): &(usize, Span)| {
        let tokens = &doc.sentences[*si].tokens[span.from..span.to];
        tokens.iter().map(|t| t.form.as_str()).collect::<Vec<_>>().join(" ")
    };
    writeln!(out, "== {}", doc.name)?;
    for (key, kind) in tagged {
        match gold.get(key) {
            None => {
                let sentence =
                    doc.sentences[key.0].tokens.iter().map(|t| t.form.as_str()).collect::<Vec<_>>().join(" ");
                let shown: String = sentence.chars().take(90).collect();
                writeln!(out, "  + {} ({})    | {shown}", words(key), kind.as_str())?
            }
            Some(g) if g != kind => writeln!(out, "  ~ {} ({}, gold {})", words(key), kind.as_str(), g.as_str())?,
            Some(_) => {}
        }
    }
    for (key, kind) in gold.iter().filter(|(key, _)| !tagged.contains_key(key)) {
        writeln!(out, "  - {} ({})", words(key), kind.as_str())?;
    }
    Ok(())
}

/// The baseline's mentions: maximal capitalised runs not at a sentence's start.
pub fn baseline_mentions(doc: &GoldDoc, kind: EntityType) -> Mentions {
    let mut out = Mentions::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let mut k = 1;
        while k < s.tokens.len() {
            if !capitalised(&s.tokens[k].form) {
                k += 1;
                continue;
            }
            let from = k;
            while k < s.tokens.len() && capitalised(&s.tokens[k].form) {
                k += 1;
            }
            out.insert((si, Span { from, to: k }), kind);
        }
    }
    out
}

/// Counts of one system over a set of documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    /// Gold named mentions.
    pub gold: usize,
    /// Predicted mentions.
    pub predicted: usize,
    /// Predicted mentions with a gold span.
    pub matched: usize,
    /// Matched mentions of the right type.
    pub typed: usize,
    /// Per scored type: (gold, predicted, right).
    pub per_type: BTreeMap<&'static str, (usize, usize, usize)>,
}

impl Counts {
    /// Adds one document's gold and predicted mentions.
    pub fn add(&mut self, gold: &Mentions, predicted: &Mentions) {
        self.gold += gold.len();
        self.predicted += predicted.len();
        for (key, kind) in predicted {
            if let Some(g) = gold.get(key) {
                self.matched += 1;
                self.typed += usize::from(g == kind);
            }
        }
        for t in SCORED {
            let entry = self.per_type.entry(t.as_str()).or_default();
            entry.0 += gold.values().filter(|&&k| k == t).count();
            entry.1 += predicted.values().filter(|&&k| k == t).count();
            entry.2 += predicted.iter().filter(|(key, k)| **k == t && gold.get(key) == Some(&t)).count();
        }
    }

    /// Mention precision, recall and F1 (exact span).
    pub fn prf(&self) -> (f64, f64, f64) {
        prf(self.matched, self.predicted, self.gold)
    }

    /// The share of matched mentions with the right type.
    pub fn type_accuracy(&self) -> f64 {
        ratio(self.typed, self.matched)
    }

    /// Typed precision, recall and F1 over the four scored types together.
    pub fn typed_prf(&self) -> (f64, f64, f64) {
        let (g, p, r) = self.per_type.values().fold((0, 0, 0), |a, v| (a.0 + v.0, a.1 + v.1, a.2 + v.2));
        prf(r, p, g)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn prf(right: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let (p, r) = (ratio(right, predicted), ratio(right, gold));
    (p, r, f1_score(p, r))
}

/// Reads every `*.conllu` file of `dir` (in name order).
pub fn read_dir(dir: &Path) -> Result<Vec<GoldDoc>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(file_error("reading", dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "conllu"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for f in &files {
        let name = f.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        docs.extend(read_conllu(&read_text(f)?, &name)?);
    }
    if docs.is_empty() {
        return Err(Error::Input(format!("{}: no CoNLL-U documents (*.conllu)", dir.display())));
    }
    docs.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(docs)
}

/// The figures of one run: (tagger, baseline) counts for the tuning half, the check
/// half and all documents.
pub struct Report {
    /// Tagger, baseline on the even-positioned documents.
    pub tune: (Counts, Counts),
    /// Tagger, baseline on the odd-positioned documents.
    pub check: (Counts, Counts),
    /// Tagger, baseline on all.
    pub all: (Counts, Counts),
}

/// Scores the tagger and the baseline on the documents of `dir`, writing a table.
/// Runs the evaluation; with `misses`, first lists the tuning half's wrong and missed
/// mentions (the check half's are never printed, so that it stays a check).
pub fn eval(dir: &Path, misses: bool, out: &mut impl Write) -> Result<Report> {
    let docs = read_dir(dir)?;
    let golds: Vec<Mentions> = docs.iter().map(gold_mentions).collect();
    // The baseline's one type: the most frequent gold type of the tuning half.
    let mut freq: BTreeMap<&'static str, (usize, EntityType)> = BTreeMap::new();
    for g in golds.iter().step_by(2) {
        for &k in g.values() {
            freq.entry(k.as_str()).or_insert((0, k)).0 += 1;
        }
    }
    let majority = freq.values().max_by_key(|v| v.0).map_or(EntityType::Person, |v| v.1);
    let mut report = Report { tune: Default::default(), check: Default::default(), all: Default::default() };
    for (i, (doc, gold)) in docs.iter().zip(&golds).enumerate() {
        let tagged = tagged_mentions(doc);
        let base = baseline_mentions(doc, majority);
        if misses && i % 2 == 0 {
            write_misses(doc, gold, &tagged, out)?;
        }
        let half = if i % 2 == 0 { &mut report.tune } else { &mut report.check };
        for (tagger, baseline) in [half, &mut report.all] {
            tagger.add(gold, &tagged);
            baseline.add(gold, &base);
        }
    }
    let unique: HashSet<&str> = docs.iter().map(|d| d.name.as_str()).collect();
    writeln!(
        out,
        "entities: {} documents ({} tune, {} check), {} gold named mentions; baseline type: {}",
        unique.len(),
        docs.len().div_ceil(2),
        docs.len() / 2,
        report.all.0.gold,
        majority.as_str()
    )?;
    writeln!(
        out,
        "{:<6} {:<9} {:>6} {:>6} {:>6} {:>8} {:>6} {:>6} {:>6}   per type F1 (person org place event)",
        "set", "system", "P", "R", "F1", "type acc", "tP", "tR", "tF1"
    )?;
    for (set, (tagger, baseline)) in [("tune", &report.tune), ("check", &report.check), ("all", &report.all)] {
        for (system, c) in [("tagger", tagger), ("baseline", baseline)] {
            let (p, r, f) = c.prf();
            let (tp, tr, tf) = c.typed_prf();
            let per: Vec<String> = SCORED
                .iter()
                .map(|t| {
                    let (g, pr, right) = c.per_type.get(t.as_str()).copied().unwrap_or_default();
                    format!("{:.3}", prf(right, pr, g).2)
                })
                .collect();
            writeln!(
                out,
                "{set:<6} {system:<9} {p:>6.3} {r:>6.3} {f:>6.3} {:>8.3} {tp:>6.3} {tr:>6.3} {tf:>6.3}   {}",
                c.type_accuracy(),
                per.join(" ")
            )?;
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny document written for this test: a person with a title, a nested place,
    /// an organisation with "the", a one-token span, and a non-named span.
    const DOC: &str = "# newdoc id = tiny_news
# text = US President Ada Okafor visited the Acme Institute.
1\tUS\tUS\tPROPN\tNNP\t_\t3\tcompound\t_\tEntity=(1-person-new-x-x-1-coref(2-place-new-x-x-1-sgl)
2\tPresident\tpresident\tPROPN\tNNP\t_\t3\tcompound\t_\t_
3\tAda\tAda\tPROPN\tNNP\t_\t5\tnsubj\t_\t_
4\tOkafor\tOkafor\tPROPN\tNNP\t_\t3\tflat\t_\tEntity=1)
5\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_
6\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\tEntity=(3-organization-new-x-x-3-sgl
7\tAcme\tAcme\tPROPN\tNNP\t_\t8\tcompound\t_\t_
8\tInstitute\tInstitute\tPROPN\tNNP\t_\t5\tobj\t_\tEntity=3)|SpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_

# text = Okafor praised the staff.
1\tOkafor\tOkafor\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-x-x-1-coref)
2\tpraised\tpraise\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\tEntity=(4-person-new-x-x-2-sgl
4\tstaff\tstaff\tNOUN\tNN\t_\t2\tobj\t_\tEntity=4)|SpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";

    #[test]
    fn conllu_spans_nest_and_named_ones_are_kept() {
        let docs = read_conllu(DOC, "file").unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].name, "tiny_news");
        let s = &docs[0].sentences;
        assert_eq!(s.len(), 2);
        assert!(!s[0].tokens[7].space_after && s[0].tokens[6].space_after);
        let mut spans = s[0].spans.clone();
        spans.sort();
        assert_eq!(
            spans,
            vec![
                (Span { from: 0, to: 1 }, "place".to_string()),
                (Span { from: 0, to: 4 }, "person".to_string()),
                (Span { from: 5, to: 8 }, "organization".to_string()),
            ]
        );
        let gold = gold_mentions(&docs[0]);
        let keys: Vec<(usize, Span)> = gold.keys().copied().collect();
        // "the staff" is not named; "the Acme Institute" is named without "the".
        assert_eq!(
            keys,
            vec![
                (0, Span { from: 0, to: 1 }),
                (0, Span { from: 0, to: 4 }),
                (0, Span { from: 6, to: 8 }),
                (1, Span { from: 0, to: 1 })
            ]
        );
        assert_eq!(gold[&(0, Span { from: 6, to: 8 })], EntityType::Organization);
    }

    #[test]
    fn the_tagger_and_the_baseline_are_scored_on_exact_spans() {
        let docs = read_conllu(DOC, "file").unwrap();
        let gold = gold_mentions(&docs[0]);
        let base = baseline_mentions(&docs[0], EntityType::Person);
        // "President Ada Okafor" (no sentence-initial "US") and "Acme Institute".
        assert_eq!(base.len(), 2);
        let mut c = Counts::default();
        c.add(&gold, &base);
        assert_eq!((c.gold, c.predicted, c.matched, c.typed), (4, 2, 1, 0));
        let tagged = tagged_mentions(&docs[0]);
        assert_eq!(tagged.get(&(0, Span { from: 6, to: 8 })), Some(&EntityType::Organization), "{tagged:?}");
        assert_eq!(tagged.get(&(0, Span { from: 0, to: 1 })), Some(&EntityType::Place), "{tagged:?}");
    }

    #[test]
    fn a_broken_entity_value_names_the_line() {
        let bad = DOC.replace("Entity=1)", "Entity=9)");
        let err = read_conllu(&bad, "file").unwrap_err().to_string();
        assert!(err.contains("line 6") && err.contains("never opened"), "{err}");
    }
}
