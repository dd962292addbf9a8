//! The grounding check outside the store: the `distill verify INPUT.jsonl` contract
//! (one `{id, score, supported, sentences}` line out per `{id, text, summary}` line
//! in, as a stream) and its evaluation (`distill eval verify`), which corrupts true
//! sentences of real articles the ways fabrication does and counts how many of them
//! [`distill_nlp::verify`] rejects, beside how many true and paraphrased sentences it
//! wrongly rejects.
//!
//! The test set is built at run time from the articles (nothing of them is stored),
//! deterministically: the same files give the same claims.

use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, Write};
use std::path::Path;
use std::time::Instant;

use distill_nlp::verify::{COORDINATORS, Sources, Verdict};
use serde_json::{Value, json};

use crate::{Error, Result, Rng, read_text};

/// What a `distill verify` run read.
#[derive(Debug, Clone, Copy, Default)]
pub struct StreamReport {
    /// Lines checked.
    pub checked: usize,
    /// Lines skipped (bad JSON, no `id`, no `text`, no `summary`).
    pub skipped: usize,
}

/// Most summary sentences checked per line: a summary is a few sentences, and a
/// hostile line of thousands costs no more than this.
pub const MAX_SUMMARY_SENTENCES: usize = 200;

/// The sentences of a `summary` value: a list of strings, or one string with a
/// sentence per line.
fn summary_sentences(value: &Value) -> Option<Vec<String>> {
    let lines: Vec<String> = match value {
        Value::String(s) => s.lines().map(str::to_string).collect(),
        Value::Array(items) => items.iter().map(|v| v.as_str().map(str::to_string)).collect::<Option<_>>()?,
        _ => return None,
    };
    Some(
        lines.into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).take(MAX_SUMMARY_SENTENCES).collect(),
    )
}

/// An id as the input wrote it: a string, or a number.
fn id_of(value: &Value) -> Option<Value> {
    match value.get("id")? {
        Value::String(s) if !s.is_empty() => Some(Value::String(s.clone())),
        n @ Value::Number(_) => Some(n.clone()),
        _ => None,
    }
}

/// One summary sentence's verdict as the contract writes it.
pub fn sentence_json(text: &str, verdict: &Verdict) -> Value {
    json!({
        "text": text,
        "supported": verdict.supported(),
        "score": round(verdict.score),
        "label": verdict.label.as_str(),
        "citations": verdict.evidence,
        "findings": verdict.findings.iter().map(|f| json!({"check": f.check.as_str(), "words": f.detail})).collect::<Vec<_>>(),
    })
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Checks a stream of `{id, text, summary}` lines in order, writing
/// `{id, score, supported, sentences}` per checked line to `out`; a bad line is
/// reported to `errors` with its number and skipped. A line's score is the mean of
/// its sentences' scores; it is supported when every sentence is. With an `embedder`,
/// the cosine between a sentence and its best source sentence is the paraphrase
/// signal of [`Sources::verify_with`].
pub fn stream(
    input: impl BufRead,
    name: &str,
    embedder: Option<&dyn distill_embed::Embedder>,
    out: &mut impl Write,
    errors: &mut impl Write,
) -> Result<StreamReport> {
    let mut report = StreamReport::default();
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let parsed = match serde_json::from_str::<Value>(&line) {
            Err(e) => Err(format!("invalid JSON: {e}")),
            Ok(value) => match (id_of(&value), value.get("text").and_then(Value::as_str), value.get("summary")) {
                (None, _, _) => Err("no \"id\" (a non-empty string or a number)".to_string()),
                (_, None, _) => Err("no \"text\" string".to_string()),
                (_, _, None) => Err("no \"summary\" (a list of sentences, or a string)".to_string()),
                (Some(id), Some(text), Some(summary)) => match summary_sentences(summary) {
                    None => Err("\"summary\" is neither a string nor a list of strings".to_string()),
                    Some(sentences) => Ok((id, text.to_string(), sentences)),
                },
            },
        };
        match parsed {
            Err(why) => {
                writeln!(errors, "skipped {name} line {}: {why}", n + 1)?;
                report.skipped += 1;
            }
            Ok((id, text, summary)) => {
                let split = distill_nlp::split_sentences(&text);
                let sources = Sources::new(&split.iter().map(|s| s.text.as_str()).collect::<Vec<_>>());
                let verdicts: Vec<Verdict> = summary
                    .iter()
                    .map(|s| match embedder {
                        None => sources.verify(s),
                        Some(embedder) => {
                            let cosine = |i: usize| paraphrase_cosine(embedder, s, &split[i].text);
                            sources.verify_with(s, Some(&cosine))
                        }
                    })
                    .collect();
                let score = if verdicts.is_empty() {
                    0.0
                } else {
                    verdicts.iter().map(|v| v.score).sum::<f64>() / verdicts.len() as f64
                };
                let supported = !verdicts.is_empty() && verdicts.iter().all(Verdict::supported);
                let sentences: Vec<Value> = summary.iter().zip(&verdicts).map(|(s, v)| sentence_json(s, v)).collect();
                writeln!(
                    out,
                    "{}",
                    json!({"id": id, "score": round(score), "supported": supported, "sentences": sentences})
                )?;
                report.checked += 1;
            }
        }
        if report.checked % 64 == 0 {
            out.flush()?;
        }
    }
    out.flush()?;
    Ok(report)
}

/// The encoder's cosine between a claim and a source sentence; 0 when it fails (the
/// check then goes on without the signal's help).
fn paraphrase_cosine(embedder: &dyn distill_embed::Embedder, claim: &str, source: &str) -> f64 {
    match embedder.embed(&[claim, source]) {
        Ok(v) if v.len() == 2 => v[0].iter().zip(&v[1]).map(|(a, b)| f64::from(*a) * f64::from(*b)).sum::<f64>(),
        _ => 0.0,
    }
}

/// What a test claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A sentence of the article, verbatim.
    True,
    /// A sentence with a clause moved or modifiers dropped.
    Paraphrase,
    /// A human reference highlight (mostly supported, not always).
    Highlight,
    /// A number changed.
    WrongNumber,
    /// A name swapped for another name of the same article.
    WrongActor,
    /// Two names of the sentence swapped.
    SwappedRoles,
    /// "not" put in or taken out.
    Negation,
    /// A quotation the article does not hold.
    InventedQuote,
    /// A clause whose content the article never mentions.
    Addition,
}

impl Kind {
    /// Whether the claim is a fabrication the check should reject.
    pub fn fabricated(self) -> bool {
        !matches!(self, Kind::True | Kind::Paraphrase | Kind::Highlight)
    }

    fn name(self) -> &'static str {
        match self {
            Kind::True => "true",
            Kind::Paraphrase => "paraphrase",
            Kind::Highlight => "highlight",
            Kind::WrongNumber => "wrong_number",
            Kind::WrongActor => "wrong_actor",
            Kind::SwappedRoles => "swapped_roles",
            Kind::Negation => "negation",
            Kind::InventedQuote => "invented_quote",
            Kind::Addition => "addition",
        }
    }
}

/// A test claim about one article.
#[derive(Debug, Clone)]
pub struct TestClaim {
    /// Which article (index into the input).
    pub article: usize,
    /// What it is.
    pub kind: Kind,
    /// The claim.
    pub text: String,
}

/// Sentences per article turned into test claims.
const PER_ARTICLE: usize = 4;
const AUXILIARIES: &[&str] =
    &["is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "should", "did", "does", "do"];
/// Clauses about things news of any day rarely mentions; one whose content words the
/// article lacks is appended.
const ADDITIONS: &[&str] = &[
    "after a volcanic eruption grounded flights across Iceland",
    "while shareholders of a Norwegian salmon farm demanded compensation",
    "as a rare orchid bloomed in the botanical gardens of Kyoto",
    "following a ransomware attack on a Lisbon tram operator",
    "weeks after archaeologists unearthed Bronze Age jewellery near Galway",
];
/// Invented quotations, used when the sentence has no quote to alter.
const QUOTES: &[&str] = &[
    "We have never seen anything like this in our lives",
    "This is a turning point for everyone involved",
    "Nobody expected the outcome to be so dramatic",
];

/// The words of a sentence with the punctuation around them cut off.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// A word with its possessive cut off ("Sherwood's" is "Sherwood").
fn base(word: &str) -> &str {
    let b = bare(word);
    ["'s", "\u{2019}s", "'", "\u{2019}"].iter().find_map(|p| b.strip_suffix(p)).unwrap_or(b)
}

/// Capitalized words that name someone or something: capitalized where no sentence
/// starts, no month or weekday, and no contraction ("I'm", "It's"); a possessive
/// is the name itself.
fn names_of(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut seen = HashSet::new();
    let mut initial = true;
    for w in text.split_whitespace() {
        let b = base(w);
        let cap = b.chars().next().is_some_and(char::is_uppercase) && b.chars().skip(1).any(char::is_lowercase);
        let common = distill_nlp::terms::is_stopword(&b.to_lowercase())
            || distill_core::time::month_number(b).is_some() && b.len() <= 9
            || b.contains(['\'', '\u{2019}']);
        if cap && !initial && !common && b.len() > 2 && seen.insert(b.to_string()) {
            names.push(b.to_string());
        }
        initial = w.ends_with(['.', '!', '?', ':', '"']);
    }
    names
}

/// Replaces the name in the `n`th whitespace word (its possessive kept) with `with`.
fn replace_word(words: &[&str], n: usize, with: &str) -> String {
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    out[n] = words[n].replacen(base(words[n]), with, 1);
    out.join(" ")
}

/// Two names of a sentence with their word positions.
type Positioned<'a> = ((usize, &'a String), (usize, &'a String));

/// A name for a form of the text and the function that writes it.
type Form<'a> = (&'a str, &'a dyn Fn(&str) -> String);

/// Corrupts `sentence` the way `kind` says, or `None` when it cannot be.
fn corrupt(kind: Kind, sentence: &str, article: &str, others: &[&str], rng: &mut Rng) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let article_words: HashSet<String> = article.split_whitespace().map(|w| bare(w).to_lowercase()).collect();
    match kind {
        Kind::WrongNumber => {
            let at: Vec<usize> =
                (0..words.len()).filter(|&i| bare(words[i]).starts_with(|c: char| c.is_ascii_digit())).collect();
            let i = *at.get(rng.below(at.len()))?;
            let digits: String = bare(words[i]).chars().take_while(char::is_ascii_digit).collect();
            let value: u64 = digits.parse().ok()?;
            let new = match value {
                v if (1900..=2100).contains(&v) => v + 1 + rng.below(3) as u64,
                v if v < 10 => v + 2 + rng.below(5) as u64,
                v => v * 3 / 2 + 1,
            };
            Some(replace_word(&words, i, &bare(words[i]).replacen(&digits, &new.to_string(), 1)))
        }
        Kind::WrongActor => {
            let here = names_of(sentence);
            let sentence_lower = sentence.to_lowercase();
            let theirs: Vec<String> =
                names_of(article).into_iter().filter(|n| !sentence_lower.contains(&n.to_lowercase())).collect();
            let name = here.get(rng.below(here.len()))?;
            let other = theirs.get(rng.below(theirs.len()))?;
            let i = words.iter().position(|w| base(w) == name)?;
            Some(replace_word(&words, i, other))
        }
        Kind::SwappedRoles => {
            let here = names_of(sentence);
            let positions: Vec<(usize, &String)> =
                here.iter().filter_map(|n| words.iter().position(|w| base(w) == n).map(|i| (i, n))).collect();
            // Two names with a word between them: the actors around a verb. Members of
            // one list ("A and B", "A, B or C") swap without changing a role.
            let listed = |i: usize, j: usize| {
                j - i <= 5 && words[i + 1..j].iter().any(|w| COORDINATORS.contains(&bare(w).to_lowercase().as_str()))
            };
            let pairs: Vec<Positioned<'_>> = positions
                .iter()
                .flat_map(|a| positions.iter().filter(move |b| b.0 > a.0 + 1).map(move |b| (*a, *b)))
                .filter(|((i, _), (j, _))| !listed(*i, *j))
                .collect();
            let ((i, a), (j, b)) = *pairs.get(rng.below(pairs.len()))?;
            let swapped = replace_word(&words, i, b);
            let words2: Vec<&str> = swapped.split_whitespace().collect();
            Some(replace_word(&words2, j, a))
        }
        Kind::Negation => {
            if let Some(i) = words.iter().position(|w| matches!(bare(w), "not" | "never")) {
                let mut out = words.clone();
                out.remove(i);
                return Some(out.join(" "));
            }
            let i = words.iter().position(|w| AUXILIARIES.contains(&bare(w).to_lowercase().as_str()))?;
            let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            out.insert(i + 1, "not".to_string());
            Some(out.join(" "))
        }
        Kind::InventedQuote => {
            let body = sentence.trim_end_matches(['.', '"', ' ']);
            // Words of another sentence of the article, in another order: only the
            // quotation itself is new.
            let long: Vec<&&str> = others.iter().filter(|s| s.split_whitespace().count() >= 8).collect();
            let quote = match long.get(rng.below(long.len())) {
                Some(other) if rng.below(2) == 0 => {
                    let w: Vec<&str> = other.split_whitespace().map(bare).filter(|w| !w.is_empty()).collect();
                    let start = rng.below(w.len().saturating_sub(6));
                    let mut window: Vec<&str> = w[start..(start + 6).min(w.len())].to_vec();
                    window.reverse();
                    window.join(" ")
                }
                _ => QUOTES[rng.below(QUOTES.len())].to_string(),
            };
            Some(format!("{body}, saying \"{quote}.\""))
        }
        Kind::Addition => {
            let fits: Vec<&&str> = ADDITIONS
                .iter()
                .filter(|a| {
                    distill_nlp::terms::content_stems(a)
                        .iter()
                        .all(|s| !article_words.iter().any(|w| w.starts_with(s.as_str())))
                })
                .collect();
            let clause = fits.get(rng.below(fits.len()))?;
            let body = sentence.trim_end_matches(['.', ' ']);
            (!body.ends_with('"')).then(|| format!("{body}, {clause}."))
        }
        Kind::True | Kind::Paraphrase | Kind::Highlight => None,
    }
}

/// A deterministic paraphrase: the clause after the first comma moved to the front,
/// or, failing that, adverbs and a parenthesis dropped.
fn paraphrase(sentence: &str, rng: &mut Rng) -> Option<String> {
    let body = sentence.trim_end_matches('.').trim();
    if rng.below(2) == 0
        && let Some((a, b)) = body.split_once(", ")
        && a.split_whitespace().count() >= 4
        && b.split_whitespace().count() >= 4
        && !a.contains('"')
        && !b.contains('"')
    {
        let a = a.trim();
        let lower_first = |s: &str| {
            let mut c = s.chars();
            match c.next() {
                Some(f) if c.clone().next().is_some_and(char::is_lowercase) => f.to_lowercase().chain(c).collect(),
                Some(f) => std::iter::once(f).chain(c).collect(),
                None => String::new(),
            }
        };
        let mut first = b.to_string();
        if let Some(f) = first.get(..1) {
            first = f.to_uppercase() + &first[1..];
        }
        return Some(format!("{first}, {}.", lower_first(a)));
    }
    let kept: Vec<&str> = body
        .split_whitespace()
        .filter(|w| {
            let b = bare(w).to_lowercase();
            (b.len() <= 4 || !b.ends_with("ly") || w.contains('"'))
                && !matches!(b.as_str(), "very" | "also" | "just" | "still")
        })
        .collect();
    let out = kept.join(" ");
    (out.split_whitespace().count() < body.split_whitespace().count()).then(|| format!("{out}."))
}

/// The lowercased, tokenized form CNN/DailyMail's processed release writes: words
/// and punctuation apart, "n't" and "'s" split off, brackets as "-lrb-", quotes as
/// "``" and "''".
pub fn lowercase_tokenized(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut open_quote = true;
    for c in text.to_lowercase().chars() {
        match c {
            '(' => out.push_str(" -lrb- "),
            ')' => out.push_str(" -rrb- "),
            '"' | '\u{201c}' | '\u{201d}' => {
                out.push_str(if open_quote { " `` " } else { " '' " });
                open_quote = !open_quote;
            }
            ',' | ';' | ':' | '?' | '!' => {
                out.push(' ');
                out.push(c);
                out.push(' ');
            }
            c => out.push(c),
        }
    }
    let spaced: Vec<String> = out
        .split_whitespace()
        .map(|w| {
            let w = if let Some(base) = w.strip_suffix("n't") {
                format!("{base} n't")
            } else if let Some(base) = w.strip_suffix("'s") {
                format!("{base} 's")
            } else {
                w.to_string()
            };
            match w.strip_suffix('.') {
                Some(base) if !base.is_empty() && !base.contains('.') => format!("{base} ."),
                _ => w,
            }
        })
        .collect();
    spaced.join(" ")
}

/// An article read for evaluation.
struct DevArticle {
    text: String,
    /// Reference highlights / summary sentences.
    reference: Vec<String>,
}

fn read_articles(path: &Path) -> Result<Vec<DevArticle>> {
    let text = read_text(path)?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let value: Value = serde_json::from_str(line)
            .map_err(|source| Error::Json { what: format!("parsing {} line {}", path.display(), n + 1), source })?;
        let Some(body) = value.get("text").and_then(Value::as_str) else {
            return Err(Error::Input(format!("{} line {}: no \"text\"", path.display(), n + 1)));
        };
        let reference = value
            .get("reference")
            .or_else(|| value.get("summary"))
            .and_then(summary_sentences)
            .unwrap_or_default()
            .into_iter()
            .flat_map(|r| distill_nlp::split_sentences(&r).into_iter().map(|s| s.text))
            .collect();
        out.push(DevArticle { text: body.to_string(), reference });
    }
    if out.is_empty() {
        return Err(Error::Input(format!("no articles in {}", path.display())));
    }
    Ok(out)
}

/// Builds the test claims of the articles: for up to [`PER_ARTICLE`] sentences of each
/// (of 8 to 60 words), the sentence itself, a paraphrase and each corruption that
/// applies; and every reference highlight.
fn build(articles: &[DevArticle], seed: u64) -> Vec<TestClaim> {
    let mut claims = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        let mut rng = Rng(seed ^ (a as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
        let sentences: Vec<String> = distill_nlp::split_sentences(&article.text).into_iter().map(|s| s.text).collect();
        let candidates: Vec<usize> =
            (0..sentences.len()).filter(|&i| (8..=60).contains(&sentences[i].split_whitespace().count())).collect();
        let mut picked: Vec<usize> = Vec::new();
        while picked.len() < PER_ARTICLE.min(candidates.len()) {
            let i = candidates[rng.below(candidates.len())];
            if !picked.contains(&i) {
                picked.push(i);
            }
        }
        for &i in &picked {
            let s = &sentences[i];
            let others: Vec<&str> =
                sentences.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, t)| t.as_str()).collect();
            claims.push(TestClaim { article: a, kind: Kind::True, text: s.clone() });
            if let Some(p) = paraphrase(s, &mut rng) {
                claims.push(TestClaim { article: a, kind: Kind::Paraphrase, text: p });
            }
            for kind in [
                Kind::WrongNumber,
                Kind::WrongActor,
                Kind::SwappedRoles,
                Kind::Negation,
                Kind::InventedQuote,
                Kind::Addition,
            ] {
                if let Some(text) = corrupt(kind, s, &article.text, &others, &mut rng) {
                    claims.push(TestClaim { article: a, kind, text });
                }
            }
        }
        for r in &article.reference {
            claims.push(TestClaim { article: a, kind: Kind::Highlight, text: r.clone() });
        }
    }
    claims
}

/// Rejections per kind of claim.
#[derive(Debug, Clone, Default)]
pub struct VerifyFigures {
    /// `(rejected, claims)` per kind.
    pub by_kind: BTreeMap<Kind, (usize, usize)>,
    /// Claims checked per second.
    pub claims_per_second: f64,
    /// Source sentences read (prepared) per second.
    pub sentences_per_second: f64,
}

impl VerifyFigures {
    /// Share rejected of the claims of these kinds.
    pub fn rejected(&self, pick: impl Fn(Kind) -> bool) -> f64 {
        let (r, n) =
            self.by_kind.iter().filter(|(k, _)| pick(**k)).fold((0, 0), |(r, n), (_, (kr, kn))| (r + kr, n + kn));
        if n == 0 { 0.0 } else { r as f64 / n as f64 }
    }
}

/// Runs the check over the test claims of `articles`, with every text passed
/// through `form` first (identity, or [`lowercase_tokenized`]).
fn measure(articles: &[DevArticle], claims: &[TestClaim], form: &dyn Fn(&str) -> String) -> VerifyFigures {
    let mut figures = VerifyFigures::default();
    let started = Instant::now();
    let mut sentences_read = 0usize;
    let prepared: Vec<Sources> = articles
        .iter()
        .map(|a| {
            let split = distill_nlp::split_sentences(&form(&a.text));
            sentences_read += split.len();
            Sources::new(&split.iter().map(|s| s.text.as_str()).collect::<Vec<_>>())
        })
        .collect();
    let prepare_secs = started.elapsed().as_secs_f64();
    let started = Instant::now();
    for c in claims {
        let verdict = prepared[c.article].verify(&form(&c.text));
        let entry = figures.by_kind.entry(c.kind).or_default();
        entry.0 += usize::from(!verdict.supported());
        entry.1 += 1;
    }
    let check_secs = started.elapsed().as_secs_f64();
    figures.claims_per_second = claims.len() as f64 / (check_secs + prepare_secs).max(1e-9);
    figures.sentences_per_second = sentences_read as f64 / prepare_secs.max(1e-9);
    figures
}

/// Builds the test set of each input (`{text, reference}` per line), checks every
/// claim on the original text and on its lowercased, tokenized form, and writes the
/// rejection rate per kind, the false rejections and throughput to `out`.
pub fn eval(inputs: &[&Path], seed: u64, out: &mut impl Write) -> Result<Vec<(String, VerifyFigures)>> {
    let mut all = Vec::new();
    for path in inputs {
        let articles = read_articles(path)?;
        let claims = build(&articles, seed);
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        writeln!(out, "{name}: {} articles, {} claims (seed {seed})", articles.len(), claims.len())?;
        let forms: [Form<'_>; 2] =
            [("original", &|s: &str| s.to_string()), ("lowercased+tokenized", &|s: &str| lowercase_tokenized(s))];
        for (form_name, form) in forms {
            let figures = measure(&articles, &claims, form);
            writeln!(out, "  {form_name}:")?;
            for (kind, (r, n)) in &figures.by_kind {
                let what = if kind.fabricated() { "rejected" } else { "false rejections" };
                writeln!(out, "    {:<15} {what:<16} {:>6.1}%  ({r}/{n})", kind.name(), 100.0 * *r as f64 / *n as f64)?;
            }
            writeln!(
                out,
                "    fabricated rejected {:.1}%; false rejections: true {:.1}%, true+paraphrase {:.1}%, highlights {:.1}%",
                100.0 * figures.rejected(Kind::fabricated),
                100.0 * figures.rejected(|k| k == Kind::True),
                100.0 * figures.rejected(|k| matches!(k, Kind::True | Kind::Paraphrase)),
                100.0 * figures.rejected(|k| k == Kind::Highlight),
            )?;
            writeln!(
                out,
                "    throughput: {:.0} claims/s, {:.0} source sentences/s",
                figures.claims_per_second, figures.sentences_per_second
            )?;
            all.push((format!("{name} {form_name}"), figures));
        }
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Mayor Jane Okafor said on Tuesday that the Harlow Street bridge would close for 12 weeks. \
        Councillor Tom Reyes told reporters the council had not consulted residents. \
        The repairs will cost $4.2 million, the city said.";

    #[test]
    fn corruptions_change_what_they_say_they_change() {
        let mut rng = Rng(7);
        let s = "Mayor Jane Okafor said on Tuesday that the Harlow Street bridge would close for 12 weeks.";
        let others = ["Councillor Tom Reyes told reporters the council had not consulted residents."];
        let number = corrupt(Kind::WrongNumber, s, ARTICLE, &others, &mut rng).unwrap();
        assert!(!number.contains("12") && number.contains("weeks"), "{number}");
        let actor = corrupt(Kind::WrongActor, s, ARTICLE, &others, &mut rng).unwrap();
        assert!(["Tom", "Reyes", "Councillor"].iter().any(|n| actor.contains(n)), "{actor}");
        let negated = corrupt(Kind::Negation, others[0], ARTICLE, &others, &mut rng).unwrap();
        assert!(!negated.contains("not"), "{negated}");
        let addition = corrupt(Kind::Addition, s, ARTICLE, &others, &mut rng).unwrap();
        assert!(addition.len() > s.len() + 20);
        assert_eq!(
            lowercase_tokenized("He didn't (really) say \"no,\" Okafor's aide said."),
            "he did n't -lrb- really -rrb- say `` no , '' okafor 's aide said ."
        );
    }

    #[test]
    fn listed_names_are_not_swapped_and_a_possessive_is_its_name() {
        let s = "Shops in Harlow and Northbridge stayed open while Okafor's deputies met Reyes at the bridge.";
        for seed in 0..40 {
            let mut rng = Rng(seed);
            let swapped = corrupt(Kind::SwappedRoles, s, ARTICLE, &[], &mut rng).unwrap();
            assert!(!swapped.contains("Northbridge and Harlow"), "{swapped}");
            // The article's only other name is one of the sentence's, written with
            // a possessive: there is no other actor to put in.
            let article = "The deputies of Okafor's office met Reyes. Reyes said the bridge would close.";
            let sentence = "Reyes said the bridge would close after Okafor spoke to Tom Lee.";
            assert_eq!(corrupt(Kind::WrongActor, sentence, article, &[], &mut rng), None);
        }
        assert_eq!(names_of("He said I'm sure It's Okafor's and Reyes'."), ["Okafor", "Reyes"]);
    }

    #[test]
    fn the_contract_reports_bad_lines_and_goes_on() {
        let input = format!(
            "{}\nnot json\n{}\n{}\n",
            json!({"id": "a", "text": ARTICLE, "summary": ["The repairs will cost $4.2 million.", "The repairs will cost $9 million."]}),
            json!({"id": 2, "text": ARTICLE}),
            json!({"id": "c", "text": ARTICLE, "summary": "Tom Reyes said the council had not consulted residents.\n"}),
        );
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        let report = stream(input.as_bytes(), "in.jsonl", None, &mut out, &mut errors).unwrap();
        assert_eq!((report.checked, report.skipped), (2, 2));
        let errors = String::from_utf8(errors).unwrap();
        assert!(errors.contains("in.jsonl line 2: invalid JSON"), "{errors}");
        assert!(errors.contains("line 3: no \"summary\""), "{errors}");
        let lines: Vec<Value> =
            String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines[0]["id"], "a");
        assert_eq!(lines[0]["supported"], false);
        assert_eq!(lines[0]["sentences"][0]["supported"], true);
        assert_eq!(lines[0]["sentences"][0]["citations"][0], 2);
        assert_eq!(lines[0]["sentences"][1]["supported"], false);
        assert_eq!(lines[1]["supported"], true);
        let score = lines[0]["score"].as_f64().unwrap();
        assert!(score > 0.0 && score < lines[1]["score"].as_f64().unwrap());
    }
}
