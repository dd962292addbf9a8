//! The grounding check: is a claim sentence supported by source sentences?
//!
//! A claim is matched to the few source sentences that share most of its content
//! (weighted by how rare each stem is in the sources), then compared with them on
//! what fabrication changes: numbers and quantities, dates, names, negation, who did
//! what to whom, who said it, quoted words, and content found nowhere in the sources.
//! Both sides are normalised first, so lowercased and tokenized text (CNN/DailyMail's
//! "-lrb-", " 's", "do n't", "`` quote ''") reads as ordinary text does.
//!
//! Pure and bounded: at most [`MAX_SOURCE_SENTENCES`] source sentences and
//! [`MAX_TOKENS`] tokens a sentence are read, and every comparison is over the claim
//! and at most [`EVIDENCE`] sentences. A paraphrase signal from a sentence encoder may
//! be passed in; nothing here needs one.

use std::collections::{HashMap, HashSet};

use distill_core::time::WEEKDAYS;

use crate::terms::{is_stopword, stem};

/// Most source sentences read; a claim is checked against these only.
pub const MAX_SOURCE_SENTENCES: usize = 2000;
/// Most tokens read from one sentence (source or claim).
pub const MAX_TOKENS: usize = 160;
/// Most source sentences that decide a verdict.
pub const EVIDENCE: usize = 3;

/// The verdict on a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// The sources say it.
    Supported,
    /// The closest source sentences say something else (a number, a name, a negation).
    Contradicted,
    /// The sources do not say it.
    NotFound,
}

impl Label {
    /// The label as the JSON and the pages write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Supported => "supported",
            Label::Contradicted => "contradicted",
            Label::NotFound => "not_found",
        }
    }
}

/// What a check found wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// A number or quantity the deciding sentences do not hold.
    Number,
    /// A weekday or month the deciding sentences do not hold.
    Date,
    /// A name the deciding sentences do not hold.
    Entity,
    /// A negation on one side and not the other.
    Negation,
    /// Two actors in the other order around the same verb.
    Roles,
    /// Words given to a speaker the sources do not give them to.
    Attribution,
    /// A quotation no source sentence holds.
    Quote,
    /// Content found nowhere in the sources.
    Addition,
    /// No source sentence shares enough of the claim.
    NoMatch,
}

impl Check {
    /// The check's name, as the JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Check::Number => "number",
            Check::Date => "date",
            Check::Entity => "entity",
            Check::Negation => "negation",
            Check::Roles => "roles",
            Check::Attribution => "attribution",
            Check::Quote => "quote",
            Check::Addition => "addition",
            Check::NoMatch => "no_match",
        }
    }
}

/// One thing a check found, with the words it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Which check.
    pub check: Check,
    /// The claim's words at fault.
    pub detail: String,
}

/// A claim's verdict, its score and the source sentences that decide it.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// Supported, contradicted or not found.
    pub label: Label,
    /// In [0, 1]; higher is better supported.
    pub score: f64,
    /// Indexes of the deciding source sentences, best first.
    pub evidence: Vec<usize>,
    /// What the checks found wrong (empty when supported).
    pub findings: Vec<Finding>,
}

impl Verdict {
    /// True when the sources support the claim.
    pub fn supported(&self) -> bool {
        self.label == Label::Supported
    }
}

/// Returns text with tokenizer artefacts undone: bracket codes ("-lrb-"), TeX quotes
/// ("``", "''"), curly quotes, and contractions split from their word ("do n't",
/// "police 's").
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let lower = word.to_ascii_lowercase();
        let word = match lower.as_str() {
            "-lrb-" | "-lsb-" | "-lcb-" => "(",
            "-rrb-" | "-rsb-" | "-rcb-" => ")",
            "``" | "''" => "\"",
            _ => word,
        };
        let attach = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "'"].contains(&lower.as_str())
            || matches!(word, "," | "." | ";" | ":" | "!" | "?" | ")");
        if !attach && !out.is_empty() && !out.ends_with('(') {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.chars()
        .map(|c| match c {
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{2032}' => '\'',
            c => c,
        })
        .collect()
}

/// One token of a normalised sentence.
#[derive(Debug, Clone)]
struct Token {
    /// Lowercase word (a number's digits, "not" for "n't").
    word: String,
    /// Stem of a content word, "#value" of a number, empty for function words.
    key: String,
    /// Written with a capital.
    cap: bool,
    /// First word of the sentence.
    initial: bool,
    /// The value of a number or a number word.
    number: Option<f64>,
    /// A negation cue.
    negation: bool,
    /// Inside double quotes.
    quoted: bool,
    /// Punctuation stands between it and the token before.
    gap: bool,
}

const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "deny", "denied", "denies",
    "denying",
];
const SAY: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "according",
    "added",
    "stated",
    "claimed",
    "insisted",
    "explained",
    "warned",
    "announced",
    "wrote",
    "reported",
    "confirmed",
];
const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("mn", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("trillion", 1e12),
];
/// Number words; "one" is left out: "one of them", "no one" are rarely quantities.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
    ("dozens", 12.0),
    ("twice", 2.0),
    ("double", 2.0),
    ("triple", 3.0),
    ("half", 0.5),
];

/// Reads the leading number of a token ("1,500,000", "1.5", "10th", "1990s").
fn leading_number(word: &str) -> Option<f64> {
    let digits: String =
        word.chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',').filter(|c| *c != ',').collect();
    digits.trim_end_matches('.').parse().ok()
}

/// A month or weekday word; "may" and "march" only when written with a capital or
/// beside a number, since lowercase they are usually a verb.
fn is_date_word(tokens: &[Token], i: usize) -> bool {
    let w = tokens[i].word.as_str();
    if WEEKDAYS.contains(&w) {
        return true;
    }
    if !distill_core::time::is_month(w) {
        return false;
    }
    if matches!(w, "may" | "march" | "jan" | "dec" | "sep" | "jun" | "jul") {
        let beside_number = |j: Option<usize>| j.and_then(|j| tokens.get(j)).is_some_and(|t| t.number.is_some());
        return (tokens[i].cap && !tokens[i].initial) || beside_number(i.checked_sub(1)) || beside_number(Some(i + 1));
    }
    true
}

/// Splits a normalised sentence into tokens: words with their apostrophes ("o'neill"),
/// "n't" read as "not", possessive "'s" dropped, numbers with their separators and a
/// following scale word ("1.5 million") read as one value.
fn tokenize(text: &str) -> Vec<Token> {
    let mut raw: Vec<(String, bool, bool, bool)> = Vec::new(); // (surface, quoted, capital, gap)
    let mut quoted = false;
    let mut gap = false;
    let chars: Vec<char> = text.chars().take(MAX_TOKENS * 24).collect();
    let mut i = 0;
    while i < chars.len() && raw.len() < MAX_TOKENS {
        let c = chars[i];
        if c == '"' {
            quoted = !quoted;
            gap = true;
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            if c == '%' {
                raw.push(("%".into(), quoted, false, gap));
            }
            gap |= !c.is_whitespace();
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() {
            let c = chars[i];
            let next_alnum = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
            let next_digit = chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            let ok = c.is_alphanumeric()
                || (matches!(c, '.' | ',') && next_digit && chars[i - 1].is_ascii_digit())
                || (c == '\'' && next_alnum && i > start);
            if !ok {
                break;
            }
            i += 1;
        }
        let surface: String = chars[start..i].iter().collect();
        raw.push((surface, quoted, c.is_uppercase(), gap));
        gap = false;
    }
    let mut tokens: Vec<Token> = Vec::with_capacity(raw.len());
    for (n, (surface, quoted, cap, gap)) in raw.into_iter().enumerate() {
        let mut word = surface.to_lowercase();
        let mut not = false;
        if let Some(base) = word.strip_suffix("n't") {
            word = match base {
                "ca" => "can".into(),
                "wo" => "will".into(),
                "sha" => "shall".into(),
                b => b.to_string(),
            };
            not = true;
        } else if let Some((base, suffix)) = word.split_once('\'')
            && matches!(suffix, "s" | "re" | "ve" | "ll" | "d" | "m")
        {
            word = base.to_string();
        }
        let initial = n == 0;
        if !word.is_empty() {
            tokens.push(Token { gap, ..token(word, cap, initial, quoted) });
        }
        if not {
            tokens.push(token("not".into(), false, false, quoted));
        }
    }
    // Scale words multiply the number before them and are no content of their own.
    for i in 1..tokens.len() {
        if let Some(&(_, scale)) = SCALES.iter().find(|(w, _)| *w == tokens[i].word)
            && let Some(v) = tokens[i - 1].number
        {
            tokens[i - 1].number = Some(v * scale);
            tokens[i - 1].key = number_key(v * scale);
            tokens[i].key.clear();
        }
    }
    tokens
}

fn number_key(v: f64) -> String {
    format!("#{}", (v * 1000.0).round() / 1000.0)
}

/// [`stem`], with a past tense and a closing "e" cut too, so "voted" meets "vote".
fn key_of(word: &str) -> String {
    let mut s = stem(word);
    if s.len() > 4 && s.ends_with("ed") {
        s.truncate(s.len() - 2);
    } else if s.len() > 3 && s.ends_with('e') {
        s.pop();
    }
    s
}

fn token(word: String, cap: bool, initial: bool, quoted: bool) -> Token {
    let number = if word.starts_with(|c: char| c.is_ascii_digit()) {
        leading_number(&word)
    } else {
        NUMBER_WORDS.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
    };
    let negation = NEGATIONS.contains(&word.as_str());
    let key = match number {
        Some(v) => number_key(v),
        None if negation || is_stopword(&word) || word.len() < 2 || SAY.contains(&word.as_str()) => String::new(),
        None if word == "%" || SCALES.iter().any(|(w, _)| *w == word) => String::new(),
        None => key_of(&word),
    };
    Token { word, key, cap, initial, number, negation, quoted, gap: false }
}

/// A source sentence, tokenized.
#[derive(Debug, Clone)]
struct Prepared {
    /// Index of the source sentence it is (a part of).
    index: usize,
    tokens: Vec<Token>,
    keys: HashSet<String>,
}

/// Source sentences prepared for checking claims against them; build once, check
/// many claims.
#[derive(Debug, Clone)]
pub struct Sources {
    sentences: Vec<Prepared>,
    /// In how many sentences each key occurs.
    df: HashMap<String, u32>,
    /// Lowercase words the sources write with a capital where no sentence starts.
    names: HashSet<String>,
    /// Every source word, in order, space-separated and space-ended, for quotations.
    stream: String,
    /// Ordered pairs of words that the sources write in one run of capitalized words
    /// ("barack" then "obama" in "President Barack Obama"), at most [`NAME_SPAN`] apart.
    name_pairs: HashSet<(String, String)>,
}

/// Most words between the two words of a pair in [`Sources::name_pairs`]: "Barack
/// Obama" and "President Obama" are both read from "President Barack Hussein Obama".
const NAME_SPAN: usize = 3;

/// Splits a long normalised sentence where a full stop, question or exclamation mark
/// ends a word: a splitter that needs capitals leaves lowercased text in runs of
/// sentences, and a claim is matched to one. Short sentences stay whole ("U.S. aid").
fn parts(text: &str) -> Vec<&str> {
    if text.split_whitespace().nth(40).is_none() {
        return vec![text];
    }
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for i in 1..bytes.len().saturating_sub(1) {
        if matches!(bytes[i], b'.' | b'?' | b'!') && bytes[i + 1] == b' ' && bytes[i - 1].is_ascii_alphanumeric() {
            let word = text[start..i].rsplit(' ').next().unwrap_or("");
            if word.len() > 1 && !word.contains('.') {
                out.push(&text[start..=i]);
                start = i + 2;
            }
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// A claim, tokenized, with what the checks ask of it.
struct Claim {
    tokens: Vec<Token>,
    /// Distinct content keys.
    keys: Vec<String>,
    /// Whether capitals mark names in the claim (not lowercased, not title case).
    cased: bool,
}

impl Sources {
    /// Prepares source sentences (an article's, or a story's articles' in turn).
    pub fn new<S: AsRef<str>>(sentences: &[S]) -> Sources {
        let mut prepared: Vec<Prepared> = Vec::new();
        for (index, s) in sentences.iter().enumerate() {
            for part in parts(&normalize(s.as_ref())) {
                if prepared.len() == MAX_SOURCE_SENTENCES {
                    break;
                }
                let tokens = tokenize(part);
                let keys = tokens.iter().filter(|t| !t.key.is_empty()).map(|t| t.key.clone()).collect();
                prepared.push(Prepared { index, tokens, keys });
            }
        }
        let sentences = prepared;
        let mut df: HashMap<String, u32> = HashMap::new();
        let mut names = HashSet::new();
        let mut stream = String::from(" ");
        let mut name_pairs = HashSet::new();
        for s in &sentences {
            let mut run_start = 0;
            for (i, t) in s.tokens.iter().enumerate() {
                if !t.cap || t.gap || i == 0 || !s.tokens[i - 1].cap {
                    run_start = i;
                }
                if t.cap {
                    for before in &s.tokens[run_start.max(i.saturating_sub(NAME_SPAN))..i] {
                        name_pairs.insert((before.word.clone(), t.word.clone()));
                    }
                }
            }
            for k in &s.keys {
                *df.entry(k.clone()).or_default() += 1;
            }
            for t in &s.tokens {
                if t.cap && !t.initial && !t.key.is_empty() && t.number.is_none() {
                    names.insert(t.word.clone());
                }
                stream.push_str(&t.word);
                stream.push(' ');
            }
        }
        Sources { sentences, df, names, stream, name_pairs }
    }

    /// Sentences read.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// True when there is no source sentence.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// How much a key tells: rare in the sources is telling; absent, most telling.
    fn weight(&self, key: &str) -> f64 {
        let n = self.sentences.len().max(1) as f64;
        let df = self.df.get(key).copied().unwrap_or(0) as f64;
        (1.0 + n / (df + 0.5)).ln().max(0.2)
    }

    /// Whether a claim word is a name: written with a capital inside a cased claim,
    /// or a word the sources capitalize (which also finds names in lowercased claims).
    fn is_name(&self, claim: &Claim, t: &Token) -> bool {
        if t.key.is_empty()
            || t.number.is_some()
            || WEEKDAYS.contains(&t.word.as_str())
            || distill_core::time::is_month(&t.word)
        {
            return false;
        }
        self.names.contains(&t.word) || (claim.cased && t.cap && !t.initial)
    }

    /// Whether capitals tell names, in the claim or in the sources.
    fn names_known(&self, claim: &Claim) -> bool {
        claim.cased || !self.names.is_empty()
    }

    fn claim(&self, text: &str) -> Claim {
        let tokens = tokenize(&normalize(text));
        let mut seen = HashSet::new();
        let keys =
            tokens.iter().filter(|t| !t.key.is_empty() && seen.insert(t.key.clone())).map(|t| t.key.clone()).collect();
        let words =
            tokens.iter().filter(|t| t.number.is_none() && t.word.chars().next().is_some_and(char::is_alphabetic));
        let (caps, all) = words.fold((0, 0), |(c, a), t| (c + usize::from(t.cap && !t.initial), a + 1));
        let cased = caps > 0 && (caps as f64) < 0.6 * (all as f64 - 1.0).max(1.0);
        Claim { tokens, keys, cased }
    }

    /// Picks the deciding sentences: the one covering most of the claim's weight, then
    /// up to [`EVIDENCE`] - 1 more that each add at least two of its uncovered keys
    /// and a fair share of their weight (a paraphrase that joins two sentences).
    fn retrieve(&self, claim: &Claim) -> Vec<usize> {
        let total: f64 = claim.keys.iter().map(|k| self.weight(k)).sum();
        let mut covered: HashSet<&str> = HashSet::new();
        let mut chosen: Vec<usize> = Vec::new();
        while chosen.len() < EVIDENCE {
            let gain = |s: &Prepared| -> (f64, usize) {
                let new = claim.keys.iter().filter(|k| !covered.contains(k.as_str()) && s.keys.contains(*k));
                new.fold((0.0, 0), |(w, n), k| (w + self.weight(k), n + 1))
            };
            let best = self
                .sentences
                .iter()
                .enumerate()
                .filter(|(i, _)| !chosen.contains(i))
                .map(|(i, s)| (i, gain(s)))
                .max_by(|a, b| a.1.0.total_cmp(&b.1.0).then(b.0.cmp(&a.0)));
            let Some((i, (w, n))) = best else { break };
            let enough = if chosen.is_empty() { n > 0 } else { n >= 2 && w >= 0.2 * total };
            if !enough {
                break;
            }
            chosen.push(i);
            for k in &claim.keys {
                if self.sentences[i].keys.contains(k) {
                    covered.insert(k);
                }
            }
        }
        chosen
    }

    /// Checks a claim against the sources.
    pub fn verify(&self, claim: &str) -> Verdict {
        self.verify_with(claim, None)
    }

    /// Checks a claim; `paraphrase`, when given, is a sentence encoder's cosine between
    /// the claim and a source sentence (by index), which lets a close paraphrase carry
    /// a word or two the sources do not use.
    pub fn verify_with(&self, claim: &str, paraphrase: Option<&dyn Fn(usize) -> f64>) -> Verdict {
        let claim = self.claim(claim);
        if claim.keys.is_empty() {
            return Verdict {
                label: Label::NotFound,
                score: 0.0,
                evidence: Vec::new(),
                findings: vec![Finding { check: Check::NoMatch, detail: "no content words".into() }],
            };
        }
        let evidence = self.retrieve(&claim);
        let in_evidence = |k: &str| evidence.iter().any(|&i| self.sentences[i].keys.contains(k));
        let total: f64 = claim.keys.iter().map(|k| self.weight(k)).sum();
        let covered: f64 = claim.keys.iter().filter(|k| in_evidence(k)).map(|k| self.weight(k)).sum();
        let coverage = if total > 0.0 { covered / total } else { 0.0 };
        let mut findings = Vec::new();
        let best_cosine = paraphrase.and_then(|f| evidence.first().map(|&i| f(self.sentences[i].index)));

        // Content nowhere in the sources.
        let novel: Vec<&str> = claim
            .keys
            .iter()
            .filter(|k| !self.df.contains_key(k.as_str()) && !k.starts_with('#'))
            .map(String::as_str)
            .collect();
        let novel_share = novel.len() as f64 / claim.keys.len() as f64;
        let allowed = if best_cosine.is_some_and(|c| c >= 0.8) { 3 } else { 2 };
        if novel.len() > allowed || (novel.len() >= 2 && novel_share > 0.3) {
            findings.push(Finding { check: Check::Addition, detail: novel.join(" ") });
        }
        if evidence.is_empty() || coverage < 0.3 {
            findings.push(Finding { check: Check::NoMatch, detail: String::new() });
        } else {
            self.compare(&claim, &evidence, &mut findings);
        }

        let hard = findings.iter().filter(|f| !matches!(f.check, Check::Addition | Check::NoMatch)).count();
        let mut score = coverage;
        if let Some(c) = best_cosine {
            score = 0.8 * score + 0.2 * c.clamp(0.0, 1.0);
        }
        score *= 0.35f64.powi(hard as i32);
        if findings.iter().any(|f| f.check == Check::Addition) {
            score *= 0.6;
        }
        let label = if hard > 0 {
            Label::Contradicted
        } else if findings.is_empty() && coverage >= 0.5 {
            Label::Supported
        } else {
            Label::NotFound
        };
        let mut cited: Vec<usize> = Vec::new();
        for i in evidence {
            let index = self.sentences[i].index;
            if !cited.contains(&index) {
                cited.push(index);
            }
        }
        Verdict { label, score: score.clamp(0.0, 1.0), evidence: cited, findings }
    }

    /// The checks against the deciding sentences.
    fn compare(&self, claim: &Claim, evidence: &[usize], findings: &mut Vec<Finding>) {
        let ev: Vec<&Prepared> = evidence.iter().map(|&i| &self.sentences[i]).collect();
        let ev_has = |pred: &dyn Fn(&Token) -> bool| ev.iter().any(|s| s.tokens.iter().any(pred));
        let mut add = |check: Check, detail: &str| {
            if !findings.iter().any(|f| f.check == check && f.detail == detail) {
                findings.push(Finding { check, detail: detail.to_string() });
            }
        };
        for (i, t) in claim.tokens.iter().enumerate() {
            if let Some(v) = t.number {
                let same = |s: &Token| s.number.is_some_and(|w| (w - v).abs() <= 1e-9 * v.abs().max(1.0));
                if !ev_has(&same) {
                    add(Check::Number, &t.word);
                }
            } else if is_date_word(&claim.tokens, i) {
                let day = canonical_date(&t.word);
                if !ev_has(&|s: &Token| canonical_date(&s.word) == day) {
                    add(Check::Date, &t.word);
                }
            } else if self.is_name(claim, t) && !ev.iter().any(|s| s.keys.contains(&t.key)) {
                add(Check::Entity, &t.word);
            } else if !self.names_known(claim)
                && !t.key.is_empty()
                && self.df.contains_key(&t.key)
                && !ev.iter().any(|s| s.keys.contains(&t.key))
            {
                // Names cannot be told in lowercased sources: a word taken from
                // another sentence than the deciding ones stands in for one.
                add(Check::Entity, &t.word);
            }
        }
        if let Some(detail) = self.invented_name(claim) {
            add(Check::Entity, &detail);
        }
        if let Some(detail) =
            negation_mismatch(&claim.tokens, &ev).or_else(|| negation_cut_or_added(&claim.tokens, &ev))
        {
            add(Check::Negation, &detail);
        }
        if let Some(detail) = self.swapped_roles(claim, ev[0]).or_else(|| exchanged(&claim.tokens, &ev)) {
            add(Check::Roles, &detail);
        }
        if let Some(detail) = self.attribution(claim, &ev) {
            add(Check::Attribution, &detail);
        }
        for quote in quotes(&claim.tokens) {
            let needle = format!(" {} ", quote.join(" "));
            if quote.len() >= 2 && !self.stream.contains(&needle) {
                add(Check::Quote, &quote.join(" "));
            }
        }
    }

    /// Two names written side by side in a cased claim that no source writes in one
    /// name ("Jon Kathmandu" from "Jon Keisi ... in Kathmandu"): each word is the
    /// sources', the name is not. Titles and middle names may come and go ("President
    /// Obama" from "President Barack Obama"); a name whose words the sources never
    /// capitalize is left to the other checks.
    fn invented_name(&self, claim: &Claim) -> Option<String> {
        if !claim.cased || self.name_pairs.is_empty() {
            return None;
        }
        // Written with a capital here and capitalized inside a source sentence.
        let name = |t: &Token| t.cap && !t.key.is_empty() && self.names.contains(&t.word) && self.is_name(claim, t);
        claim.tokens.windows(2).find_map(|pair| {
            let (a, b) = (&pair[0], &pair[1]);
            let invented = name(a)
                && name(b)
                && !b.gap
                && a.word != b.word
                && !self.name_pairs.contains(&(a.word.clone(), b.word.clone()));
            invented.then(|| format!("{} {}", a.word, b.word))
        })
    }

    /// Two of the claim's actors on the two sides of a word they share with the best
    /// sentence, in the other order there ("A beat B" against "B beat A"). Actors are
    /// names where names can be told, else any content word; a passive ("by") on one
    /// side only is a paraphrase, not a swap.
    fn swapped_roles(&self, claim: &Claim, best: &Prepared) -> Option<String> {
        let once = |tokens: &[Token], key: &str| {
            let mut at = tokens.iter().enumerate().filter(|(_, t)| t.key == key).map(|(i, _)| i);
            match (at.next(), at.next()) {
                (Some(i), None) => Some(i),
                _ => None,
            }
        };
        let names_known = self.names_known(claim);
        let shared: Vec<(usize, usize, bool)> = claim
            .tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.key.is_empty() && t.number.is_none())
            .filter_map(|(i, t)| {
                let ci = once(&claim.tokens, &t.key).filter(|&ci| ci == i)?;
                let si = once(&best.tokens, &t.key)?;
                Some((ci, si, !names_known || self.is_name(claim, t)))
            })
            .take(40)
            .collect();
        // Two names side by side in the claim that the sentence has apart or the other
        // way round ("Greg Sonya" from "Greg Botelho and Sonya Hamasaki").
        let position: HashMap<&str, usize> =
            shared.iter().map(|&(ci, si, _)| (claim.tokens[ci].key.as_str(), si)).collect();
        for pair in claim.tokens.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let names = if names_known { self.is_name(claim, a) && self.is_name(claim, b) } else { true };
            // One name with a title or a middle name left out is no swap.
            if b.gap || !names || self.name_pairs.contains(&(a.word.clone(), b.word.clone())) {
                continue;
            }
            if let (Some(&sa), Some(&sb)) = (position.get(a.key.as_str()), position.get(b.key.as_str()))
                && ((sb < sa && (names_known || sa - sb <= 2)) || (names_known && sb > sa + 2))
            {
                return Some(format!("{} {}", a.word, b.word));
            }
        }
        let by_between =
            |tokens: &[Token], a: usize, b: usize| tokens[a.min(b)..a.max(b)].iter().any(|t| t.word == "by");
        for (x, a) in shared.iter().enumerate() {
            for v in &shared[x + 1..] {
                for b in shared.iter().filter(|b| b.0 > v.0) {
                    let reversed = b.1 < v.1 && v.1 < a.1 && a.1 - b.1 <= 15;
                    if a.2 && b.2 && (!v.2 || !names_known) && reversed {
                        let passive = by_between(&claim.tokens, a.0, b.0) != by_between(&best.tokens, a.1, b.1);
                        if !passive {
                            return Some(format!(
                                "{} {} {}",
                                claim.tokens[a.0].word, claim.tokens[v.0].word, claim.tokens[b.0].word
                            ));
                        }
                    }
                }
            }
        }
        None
    }

    /// The claim's speaker ("X said", "said X", "according to X") against the speakers
    /// the deciding sentences name: a named speaker there who is not the claim's is a
    /// contradiction; a pronoun or no speaker there decides nothing.
    fn attribution(&self, claim: &Claim, ev: &[&Prepared]) -> Option<String> {
        let claimed = speakers(&claim.tokens, &|t| self.is_name(claim, t));
        if claimed.is_empty() {
            return None;
        }
        let cased_sources = !self.names.is_empty();
        let theirs: Vec<String> = ev
            .iter()
            .flat_map(|s| {
                speakers(&s.tokens, &|t| if cased_sources { self.names.contains(&t.word) } else { !t.key.is_empty() })
            })
            .collect();
        if theirs.is_empty() || claimed.iter().any(|c| theirs.contains(c)) {
            return None;
        }
        Some(claimed.join(" "))
    }
}

/// Weekday or month in one spelling ("sept" and "september" alike).
fn canonical_date(word: &str) -> String {
    match word {
        "sept" => "sep".into(),
        w if w.len() > 3 && distill_core::time::is_month(w) && !WEEKDAYS.contains(&w) => w[..3].to_string(),
        w => w.to_string(),
    }
}

/// The key a negation can govern: a content word's, or a verb of saying's ("was not
/// announced"), which carries no content key of its own.
fn negatable(t: &Token) -> Option<String> {
    if t.number.is_some() || t.negation {
        None
    } else if !t.key.is_empty() {
        Some(t.key.clone())
    } else if SAY.contains(&t.word.as_str()) {
        Some(key_of(&t.word))
    } else {
        None
    }
}

/// The keys negation cues govern: for each cue, the first negatable word within four
/// tokens after it.
fn governed(tokens: &[Token]) -> Vec<String> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.negation)
        .filter_map(|(i, _)| tokens[i + 1..].iter().take(4).find_map(negatable))
        .collect()
}

/// Whether the word at `at` is negated: an odd number of cues within the four tokens
/// before it ("no longer has not" is no negation).
fn negated_at(tokens: &[Token], at: usize) -> bool {
    tokens[at.saturating_sub(4)..at].iter().filter(|t| t.negation).count() % 2 == 1
}

/// A word negated on one side and plainly asserted on the other: for each word a cue
/// governs on either side, its polarity in the claim against every occurrence in the
/// deciding sentences.
fn negation_mismatch(claim: &[Token], ev: &[&Prepared]) -> Option<String> {
    let polarities = |tokens: &[Token], key: &str| -> Vec<bool> {
        tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| negatable(t).as_deref() == Some(key))
            .map(|(i, _)| negated_at(tokens, i))
            .collect()
    };
    let mut keys = governed(claim);
    keys.extend(ev.iter().flat_map(|s| governed(&s.tokens)));
    for key in keys {
        let ours = polarities(claim, &key);
        let Some(&negated) = ours.first() else { continue };
        if ours.iter().any(|&p| p != negated) {
            continue;
        }
        let theirs: Vec<bool> = ev.iter().flat_map(|s| polarities(&s.tokens, &key)).collect();
        if !theirs.is_empty() && theirs.iter().all(|&p| p != negated) {
            let side = if negated { "negated in the claim only" } else { "negated in the sources only" };
            return Some(format!("{key} ({side})"));
        }
    }
    None
}

/// The words just before `start` and at `end`, either side of the tokens between:
/// what must match for two places to be one ("was" and "19" around "not" in "was not
/// 19").
fn beside(tokens: &[Token], start: usize, end: usize) -> (Option<&str>, Option<&str>) {
    let word = |i: Option<usize>| i.and_then(|i| tokens.get(i)).map(|t| t.word.as_str());
    (word(start.checked_sub(1)), word(Some(end)))
}

/// A negation cue written on one side only, in a place both sides share word for
/// word: "was not 19" against "was 19 at", or "have been divorced" against "have
/// never been divorced". The words around the cue must meet with one more word of
/// context on the other side, and no cue may stand near them there.
fn negation_cut_or_added(claim: &[Token], ev: &[&Prepared]) -> Option<String> {
    // Whether `other` reads the words around `tokens[at]` side by side, with no cue
    // between them, and a third word of context to the left or right.
    let closed_up = |tokens: &[Token], at: usize, other: &[Token]| -> bool {
        let (Some(before), Some(after)) = beside(tokens, at, at + 1) else { return false };
        let outer = beside(tokens, at - 1, at + 2);
        other.windows(2).enumerate().any(|(k, pair)| {
            let context = beside(other, k, k + 2);
            // A cue just beside the pair there is the same negation moved ("is never
            // to drink" against "to never drink").
            let cued = other[k.saturating_sub(2)..(k + 4).min(other.len())].iter().any(|t| t.negation);
            pair[0].word == before
                && pair[1].word == after
                && !cued
                && ((outer.0.is_some() && outer.0 == context.0) || (outer.1.is_some() && outer.1 == context.1))
        })
    };
    for (i, t) in claim.iter().enumerate().filter(|(_, t)| t.negation) {
        if ev.iter().any(|s| closed_up(claim, i, &s.tokens)) {
            return Some(format!("{} (negated in the claim only)", t.word));
        }
    }
    for s in ev {
        for (i, t) in s.tokens.iter().enumerate().filter(|(_, t)| t.negation) {
            if closed_up(&s.tokens, i, claim) {
                return Some(format!("{} (negated in the sources only)", t.word));
            }
        }
    }
    None
}

/// Words that join the members of a list: names swapped inside "A and B" or "A, B
/// or C" keep their roles.
pub const COORDINATORS: &[&str] = &["and", "or", "nor", "&", "vs", "versus"];

/// Longest run of words [`exchanged`] moves as one ("al muhajiroun" for "hussen").
const SPAN: usize = 3;

/// A run of words: where it starts and ends, its words, and the words either side.
type Run<'a> = (usize, usize, String, (Option<&'a str>, Option<&'a str>));

/// Each run of 1 to [`SPAN`] words that holds a content word.
fn runs(tokens: &[Token]) -> Vec<Run<'_>> {
    let content = |t: &Token| (!t.key.is_empty() && t.number.is_none()) || WEEKDAYS.contains(&t.word.as_str());
    let mut out = Vec::new();
    for start in 0..tokens.len() {
        for end in start + 1..=(start + SPAN).min(tokens.len()) {
            if tokens[start..end].iter().any(content) {
                let words: Vec<&str> = tokens[start..end].iter().map(|t| t.word.as_str()).collect();
                out.push((start, end, words.join(" "), beside(tokens, start, end)));
            }
        }
    }
    out
}

/// Two words (or runs of up to [`SPAN`] words) that changed places: the claim writes
/// A where a deciding sentence writes B between the same two words, and B where it
/// writes A between two others ("Progress flight controllers ... contact with Russian
/// 59" against "Russian flight controllers ... contact with Progress 59"). Members of
/// one list are left alone.
fn exchanged(claim: &[Token], ev: &[&Prepared]) -> Option<String> {
    let ours = runs(claim);
    for s in ev {
        // What the sentence writes between each two words.
        let mut fillers: HashMap<(Option<&str>, Option<&str>), Vec<String>> = HashMap::new();
        for (_, _, words, context) in runs(&s.tokens) {
            fillers.entry(context).or_default().push(words);
        }
        for (i, i_end, a, context) in &ours {
            let there = fillers.get(context).map(Vec::as_slice).unwrap_or(&[]);
            if there.is_empty() || there.contains(a) {
                continue;
            }
            for (k, k_end, b, back_context) in &ours {
                let apart = i_end <= k || k_end <= i;
                if !apart || a == b || !there.contains(b) {
                    continue;
                }
                let back = fillers.get(back_context).map(Vec::as_slice).unwrap_or(&[]);
                let (lo, hi) = (*i.min(k), *i_end.max(k_end));
                let between = &claim[(*i_end).min(*k_end)..(*i).max(*k)];
                let listed = between.len() <= 5 && between.iter().any(|t| COORDINATORS.contains(&t.word.as_str()));
                if back.contains(a) && !back.contains(b) && !listed {
                    return Some(format!("{} {}", claim[lo].word, claim[hi - 1].word));
                }
            }
        }
    }
    None
}

/// Speakers next to a verb of saying: up to three name words before it, or after it
/// ("said Smith", "according to Smith").
fn speakers(tokens: &[Token], is_name: &dyn Fn(&Token) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate().filter(|(_, t)| SAY.contains(&t.word.as_str())) {
        let before = tokens[i.saturating_sub(3)..i].iter().rev().take_while(|t| is_name(t));
        let after_start = if t.word == "according" { i + 2 } else { i + 1 };
        let after = tokens.get(after_start..).unwrap_or(&[]).iter().take(3).take_while(|t| is_name(t));
        out.extend(before.chain(after).map(|t| t.word.clone()));
    }
    out
}

/// The quoted spans of a sentence, as word lists.
fn quotes(tokens: &[Token]) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut open = false;
    for t in tokens {
        if t.quoted {
            if !open {
                out.push(Vec::new());
                open = true;
            }
            if let Some(q) = out.last_mut() {
                q.push(t.word.as_str());
            }
        } else {
            open = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &[&str] = &[
        "The city council of Northbridge voted 7 to 2 on Tuesday to close the Harlow Street bridge for repairs.",
        "Mayor Jane Okafor said the bridge would reopen in March after engineers replace 1.5 million pounds of steel.",
        "Repairs will cost $4.2 million, about 12% of the annual transport budget.",
        "Councillor Tom Reyes criticised the plan, saying residents had not been consulted.",
        "\"We will keep the ferry running every 20 minutes,\" Okafor said.",
        "Local shops fear losing trade during the three-month closure.",
        "The Rovers beat the Wanderers 3-1 in Saturday's derby near the bridge.",
    ];

    fn check(claim: &str) -> Verdict {
        Sources::new(ARTICLE).verify(claim)
    }

    fn has(v: &Verdict, check: Check) -> bool {
        v.findings.iter().any(|f| f.check == check)
    }

    #[test]
    fn true_and_paraphrased_sentences_are_supported() {
        for claim in [
            ARTICLE[0],
            ARTICLE[2],
            ARTICLE[4],
            "Northbridge council voted on Tuesday to close the Harlow Street bridge.",
            "Okafor said the bridge would reopen in March.",
            "The repairs will cost 4.2 million dollars, 12 percent of the transport budget.",
            "Reyes criticised the plan, saying residents had not been consulted.",
            "Engineers will replace 1,500,000 pounds of steel, Mayor Okafor said.",
        ] {
            let v = check(claim);
            assert!(v.supported(), "{claim}: {v:?}");
            assert!(v.score >= 0.6, "{claim}: {v:?}");
            assert!(!v.evidence.is_empty());
        }
    }

    #[test]
    fn a_wrong_number_is_contradicted() {
        let v = check("Repairs will cost $5.2 million, about 12% of the annual transport budget.");
        assert_eq!(v.label, Label::Contradicted, "{v:?}");
        assert!(has(&v, Check::Number));
        assert_eq!(v.evidence[0], 2);
        assert!(has(&check("The council voted 8 to 2 on Tuesday to close the Harlow Street bridge."), Check::Number));
    }

    #[test]
    fn a_wrong_date_is_contradicted() {
        let v = check("The city council of Northbridge voted 7 to 2 on Wednesday to close the Harlow Street bridge.");
        assert!(has(&v, Check::Date), "{v:?}");
        assert!(has(&check("Okafor said the bridge would reopen in June."), Check::Date));
    }

    /// Each word of "Jon Kathmandu" is the article's, the name is not; a title or a
    /// middle name left out keeps a name the article's.
    #[test]
    fn a_name_made_of_two_names_is_contradicted() {
        let sources = Sources::new(&[
            "Rescuers pulled Jon Keisi from a collapsed building in Kathmandu on Sunday.",
            "The rescue was praised by President Bidya Devi Bhandari in a statement.",
        ]);
        let v = sources.verify("Rescuers pulled Jon Kathmandu from a collapsed building in Keisi on Sunday.");
        assert_eq!(v.label, Label::Contradicted, "{v:?}");
        assert!(v.findings.iter().any(|f| f.check == Check::Entity && f.detail == "jon kathmandu"), "{v:?}");
        let v = sources.verify("The rescue was praised by President Bhandari in a statement.");
        assert_eq!(v.label, Label::Supported, "{v:?}");
        let v = sources.verify("rescuers pulled jon kathmandu from a collapsed building in keisi on sunday.");
        assert_eq!(v.label, Label::Contradicted, "the sources' capitals tell the names: {v:?}");
    }

    #[test]
    fn a_wrong_actor_is_contradicted() {
        // Reyes is in the article, but not where the vote is.
        let v = check("Councillor Tom Reyes said the bridge would reopen in March after engineers replace steel.");
        assert_eq!(v.label, Label::Contradicted, "{v:?}");
        assert!(has(&v, Check::Entity) || has(&v, Check::Attribution), "{v:?}");
    }

    #[test]
    fn negation_is_contradicted_both_ways() {
        let v = check("The city council of Northbridge did not vote on Tuesday to close the Harlow Street bridge.");
        assert!(has(&v, Check::Negation), "{v:?}");
        let v = check("Councillor Tom Reyes criticised the plan, saying residents had been consulted.");
        assert!(has(&v, Check::Negation), "{v:?}");
        assert!(has(&check("The council never voted to close the Harlow Street bridge."), Check::Negation));
        // A verb of saying can be negated too, and two cues cancel out.
        assert!(has(&check("Mayor Jane Okafor never said the bridge would reopen in March."), Check::Negation));
        let v = check("Councillor Tom Reyes criticised the plan, saying residents had not not been consulted.");
        assert!(has(&v, Check::Negation), "{v:?}");
    }

    #[test]
    fn a_cue_where_the_other_side_reads_the_same_words_without_it_is_a_negation() {
        let sources = Sources::new(&["Okafor was 19 at the time of the vote, and the vote was close."]);
        let prepared: Vec<&Prepared> = sources.sentences.iter().collect();
        let claim = tokenize(&normalize("Okafor was not 19 at the time of the vote, and the vote was close."));
        assert!(negation_cut_or_added(&claim, &prepared).is_some());
        let sources = Sources::new(&["Okafor said her intention is never to vote again."]);
        let prepared: Vec<&Prepared> = sources.sentences.iter().collect();
        // The same cue in a place of its own: one negation moved, not added.
        let moved = tokenize(&normalize("Okafor said her intention is to never vote again."));
        assert!(negation_cut_or_added(&moved, &prepared).is_none());
        // Taken out: the source's cue sits between words the claim joins.
        let cut = tokenize(&normalize("Okafor said her intention is to vote again."));
        assert!(negation_cut_or_added(&cut, &prepared).is_some());
    }

    #[test]
    fn two_words_that_changed_places_are_swapped_roles_unless_they_are_listed() {
        let sources = Sources::new(&[
            "Harlow engineers lost contact with the Northbridge ferry as it passed Harlow ground stations.",
            "Shops in Harlow and Northbridge stayed open for the Rovers and the Wanderers.",
        ]);
        let v = sources
            .verify("Northbridge engineers lost contact with the Harlow ferry as it passed Harlow ground stations.");
        assert!(has(&v, Check::Roles), "{v:?}");
        assert_eq!(v.label, Label::Contradicted);
        let v = sources.verify("Shops in Northbridge and Harlow stayed open for the Wanderers and the Rovers.");
        assert!(v.supported(), "{v:?}");
        // A run of words for one word, in lowercased text where names cannot be told.
        let sources = Sources::new(&[
            "the deputy mayor of northbridge met reyes at the harlow street bridge , where reyes spoke on monday .",
        ]);
        let v = sources.verify(
            "the reyes of northbridge met deputy mayor at the harlow street bridge , where reyes spoke on monday .",
        );
        assert!(has(&v, Check::Roles), "{v:?}");
        let v = sources.verify(
            "on monday the deputy mayor of northbridge met reyes at the harlow street bridge , where reyes spoke .",
        );
        assert!(v.supported(), "a clause moved to the front: {v:?}");
    }

    #[test]
    fn swapped_roles_are_contradicted() {
        let v = check("The Wanderers beat the Rovers 3-1 in Saturday's derby near the bridge.");
        assert!(has(&v, Check::Roles), "{v:?}");
        assert_eq!(v.label, Label::Contradicted);
        // A passive keeps the roles.
        assert!(!has(&check("The Wanderers were beaten by the Rovers 3-1 in Saturday's derby."), Check::Roles));
    }

    #[test]
    fn a_wrong_speaker_is_contradicted() {
        let v = check("\"We will keep the ferry running every 20 minutes,\" Reyes said.");
        assert!(has(&v, Check::Attribution), "{v:?}");
        assert_eq!(v.label, Label::Contradicted);
    }

    #[test]
    fn an_invented_quote_is_contradicted() {
        let v = check("Okafor said: \"The ferry is the best in the country.\"");
        assert!(has(&v, Check::Quote), "{v:?}");
        // Quoted words the article has, in its order, are fine.
        assert!(!has(&check("Okafor promised to keep \"the ferry running every 20 minutes\"."), Check::Quote));
    }

    #[test]
    fn an_unsupported_addition_is_not_supported() {
        let v = check(
            "Local shops fear losing trade during the closure, while volcanic eruptions disrupted Icelandic airline schedules.",
        );
        assert!(!v.supported(), "{v:?}");
        assert!(has(&v, Check::Addition));
        let v = check("Astronomers discovered a frozen comet orbiting Neptune.");
        assert_eq!(v.label, Label::NotFound, "{v:?}");
        assert!(v.score < 0.3);
    }

    #[test]
    fn lowercased_tokenized_text_reads_as_cased_text() {
        let lower: Vec<String> = [
            "the city council of northbridge voted 7 to 2 on tuesday to close the harlow street bridge for repairs .",
            "mayor jane okafor said the bridge would reopen in march after engineers replace 1.5 million pounds of steel .",
            "repairs will cost $ 4.2 million , about 12 % of the annual transport budget -lrb- the city 's largest -rrb- .",
            "councillor tom reyes criticised the plan , saying residents had n't been consulted .",
            "`` we will keep the ferry running every 20 minutes , '' okafor said .",
        ]
        .map(String::from)
        .to_vec();
        let sources = Sources::new(&lower);
        assert!(sources.verify("the council voted 7 to 2 on tuesday to close the harlow street bridge .").supported());
        let v = sources.verify("Repairs will cost $4.2 million, 12% of the city's transport budget.");
        assert!(v.supported(), "{v:?}");
        assert!(sources.verify("reyes said residents had not been consulted .").supported());
        assert!(has(&sources.verify("repairs will cost $ 9.2 million ."), Check::Number));
        assert!(has(
            &sources.verify("councillor tom reyes criticised the plan , saying residents had been consulted ."),
            Check::Negation
        ));
        assert!(has(&sources.verify("`` we will close the ferry for good , '' okafor said ."), Check::Quote));
        let v = sources.verify("the city council of northbridge voted 7 to 2 on friday to close the bridge .");
        assert!(has(&v, Check::Date), "{v:?}");
        assert_eq!(normalize("he did n't go -lrb- really -rrb- ."), "he didn't go (really).");
    }

    #[test]
    fn empty_and_hostile_inputs_are_bounded() {
        assert_eq!(Sources::new::<&str>(&[]).verify("Anything at all.").label, Label::NotFound);
        assert_eq!(check("").label, Label::NotFound);
        assert_eq!(check("\"\"\" ''' ``").label, Label::NotFound);
        let huge = "Zed Q1 said 12 million not \"never\" by ".repeat(30_000);
        let sources: Vec<String> = (0..5000)
            .map(|i| format!("Sentence {i} said {huge}"))
            .take(3)
            .chain(std::iter::once(huge.clone()))
            .collect();
        let many: Vec<String> = (0..MAX_SOURCE_SENTENCES * 2).map(|i| format!("Port {i} closed on Monday.")).collect();
        let started = std::time::Instant::now();
        for s in [Sources::new(&sources), Sources::new(&many)] {
            assert!(s.len() <= MAX_SOURCE_SENTENCES);
            let v = s.verify(&huge);
            assert!((0.0..=1.0).contains(&v.score));
            assert!(v.evidence.len() <= EVIDENCE);
        }
        assert!(started.elapsed().as_secs() < 30);
    }
}
