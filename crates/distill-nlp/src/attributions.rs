//! Who said what: the direct quotes and reported speech of an article, each with its
//! speaker, the claim, the cue that attributes it and how firmly it is put.
//!
//! The reader works on a sentence's words with closed word classes and a lexicon of
//! speech verbs, as a careful reader scans for "said": a quotation mark pair next to a
//! cue (`"...," she said`, `X said: "..."`, a quote that goes on in the next sentence),
//! then a cue outside quotes with a speaker before it and a clause after it ("X said
//! that ...", "critics say ...", "X told Y ..."), a clause before it ("..., X said."),
//! or "according to X". A speaker is the noun phrase as written, resolved to the
//! fullest name the article gives ("Umarov" → "Temur Umarov"; "he" → the nearest
//! person before), or kept as a described group ("Western defense officials").
//!
//! A direct quote is the body's own bytes between its marks, checked against the body
//! again before it is emitted; a quote an editor changed ("[the minister] ...") or that
//! the body does not hold word for word is never given as direct.
//!
//! Cost: one pass over the sentences it is given (callers pass the analysis window),
//! each word looked at a bounded number of times, at most [`MAX_ATTRIBUTIONS`] kept.

use std::collections::{HashMap, HashSet};

use distill_core::time::WEEKDAYS;
use distill_core::{Attribution, AttributionKind, Entity, EntityType, Sentence, Stance};

/// Most attributions kept per article; a hostile page of quotes stops here.
pub const MAX_ATTRIBUTIONS: usize = 300;
/// Longest direct quote read, in bytes: a longer "quote" is an unbalanced mark.
const MAX_QUOTE: usize = 2000;
/// Bytes next to a quotation mark searched for its speaker and cue.
const NEAR: usize = 200;
/// Most words a speaker's noun phrase may have.
const MAX_SPEAKER_WORDS: usize = 9;

/// Speech verbs, in the forms news writes them.
const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "notes",
    "argued",
    "argues",
    "argue",
    "warned",
    "warns",
    "warn",
    "claimed",
    "claims",
    "claim",
    "insisted",
    "insists",
    "explained",
    "explains",
    "stated",
    "states",
    "announced",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "deny",
    "disputed",
    "disputes",
    "dispute",
    "rejected",
    "rejects",
    "suggested",
    "suggests",
    "suggest",
    "believe",
    "believes",
    "believed",
    "acknowledged",
    "admitted",
    "admits",
    "reported",
    "reports",
    "estimated",
    "estimates",
    "estimate",
    "predicted",
    "predicts",
    "predict",
    "cautioned",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "maintained",
    "maintains",
    "contended",
    "contends",
    "alleged",
    "alleges",
    "testified",
    "tweeted",
    "wrote",
    "writes",
    "concluded",
    "recalled",
    "asserted",
    "asserts",
    "observed",
    "replied",
    "responded",
    "countered",
    "conceded",
    "thinks",
    "think",
    "agreed",
    "agree",
    "agrees",
    "revealed",
    "continued",
    "explained",
    "asked",
    "urged",
];
/// Cues that also take a plain object ("explained his rationale", "denied the
/// charges"): with a determiner after them they are an act, not a claim.
const ACT_CUES: &[&str] = &[
    "explained",
    "explains",
    "announced",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "deny",
    "disputed",
    "disputes",
    "dispute",
    "rejected",
    "rejects",
    "reported",
    "reports",
    "revealed",
    "acknowledged",
    "admitted",
    "admits",
    "asked",
    "urged",
    "continued",
    "maintained",
    "maintains",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "recalled",
    "estimated",
    "estimates",
    "estimate",
    "observed",
    "tweeted",
];
/// Cues that put a claim as a belief or possibility.
const HEDGE_CUES: &[&str] = &[
    "suggested",
    "suggests",
    "suggest",
    "believe",
    "believes",
    "believed",
    "estimated",
    "estimates",
    "estimate",
    "predicted",
    "predicts",
    "predict",
    "thinks",
    "think",
];
/// Cues that put a claim against another.
const CONTEST_CUES: &[&str] =
    &["denied", "denies", "deny", "disputed", "disputes", "dispute", "rejected", "rejects", "countered"];
/// Words of a claim that hedge it.
const HEDGES: &[&str] = &[
    "may",
    "might",
    "could",
    "possibly",
    "perhaps",
    "likely",
    "unlikely",
    "probably",
    "maybe",
    "appears",
    "appear",
    "seems",
    "seem",
    "suggests",
    "suggest",
    "believe",
    "believes",
    "think",
    "thinks",
    "expect",
    "expects",
    "potentially",
];
/// Phrases of a claim that contest it.
const CONTESTS: &[&str] = &[
    "not represent a consensus",
    "no consensus",
    "not a consensus",
    "is disputed",
    "are disputed",
    "was disputed",
    "denied",
    "denies",
    "rejected",
    "false",
    "untrue",
    "not true",
];
/// Words after which a speech verb is not an attribution ("to say", "would not say").
const NOT_BEFORE_CUE: &[&str] = &[
    "to", "not", "n't", "never", "would", "could", "should", "will", "can", "might", "must", "may", "did", "does",
    "do", "was", "were", "is", "are", "be", "been", "being", "a", "an", "the", "no", "who", "which", "that",
];
/// Words that may stand between a speaker and the verb ("has also said").
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "previously",
    "recently",
    "repeatedly",
    "then",
    "once",
    "further",
    "first",
    "separately",
    "publicly",
    "reportedly",
    "earlier",
    "again",
    "himself",
    "herself",
    "themselves",
    "itself",
    "already",
    "often",
    "frequently",
    "privately",
    "initially",
    "subsequently",
];
/// Words that end a speaker's noun phrase, reading back from the verb.
const STOPS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "when", "where", "while", "because", "if", "but", "as", "after", "before",
    "than", "so", "although", "though", "since", "until", "whether", "what", "how", "why", "and", "or", "nor", "yet",
    "he", "she", "it", "they", "we", "i", "you",
];
/// Words that open a sentence without being part of a speaker ("But critics say").
const OPENERS: &[&str] = &["but", "and", "yet", "so", "however", "still", "now", "also", "meanwhile", "instead"];
/// Pronouns that may speak, resolved to an earlier speaker.
const PRONOUNS: &[&str] = &["he", "she", "it", "they"];
/// Determiners and possessives that open a noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those", "one", "some", "many",
    "several", "two", "three", "other", "another", "most", "both",
];
/// Titles before a person's name, left out of the name ("President Barack Obama").
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "rep",
    "gov",
    "gen",
    "president",
    "minister",
    "secretary",
    "chief",
    "judge",
    "officer",
    "sgt",
    "capt",
    "col",
    "lt",
    "prof",
    "professor",
    "rev",
    "sir",
    "lord",
    "lady",
    "king",
    "queen",
    "prince",
    "pope",
    "senator",
    "governor",
    "mayor",
    "detective",
    "inspector",
    "chancellor",
    "coach",
    "deputy",
    "former",
    "prime",
    "vice",
    "general",
    "director",
    "spokesman",
    "spokeswoman",
    "st",
];
/// A person's name without the titles before it: "John Baird" for "Environment
/// Minister John Baird", "Sujata Raisinghani" for "spokeswoman Sujata Raisinghani";
/// the name as it is when no two capitalized words follow a title ("King Abdullah").
pub(crate) fn without_title(name: &str) -> &str {
    let words: Vec<&str> = name.split(' ').collect();
    match words.iter().rposition(|w| is_title(w)) {
        Some(cut) if words.len() - cut > 2 && words[cut + 1..].iter().all(|w| w.starts_with(char::is_uppercase)) => {
            let skipped: usize = words[..=cut].iter().map(|w| w.len() + 1).sum();
            &name[skipped..]
        }
        _ => name,
    }
}

/// Whether a word is a title of [`TITLES`] ("Minister", "Dr.").
fn is_title(word: &str) -> bool {
    TITLES.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}

/// Words that mark a name as an organisation's, not a person's.
const ORG_WORDS: &[&str] = &[
    "inc",
    "corp",
    "ministry",
    "department",
    "agency",
    "university",
    "police",
    "council",
    "party",
    "court",
    "commission",
    "association",
    "company",
    "bank",
    "group",
    "news",
    "times",
    "post",
    "office",
    "service",
    "institute",
    "center",
    "centre",
    "force",
    "army",
    "navy",
    "committee",
    "network",
    "union",
    "foundation",
    "league",
    "club",
    "board",
    "house",
    "ltd",
    "plc",
    "organization",
    "organisation",
    "fund",
    "press",
    "journal",
    "government",
    "administration",
    "authority",
    "nasa",
    "fbi",
    "cnn",
    "bbc",
    "international",
    "brotherhood",
    "society",
    "federation",
];
/// Day and time words, never a speaker ("said Tuesday").
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "last",
    "earlier",
    "later",
    "recently",
    "on",
    "in",
    "at",
    "during",
    "this",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// Words no speaker's phrase holds.
const NOT_SPEAKER: &[&str] = &[
    "them", "him", "us", "me", "is", "was", "are", "were", "be", "been", "not", "would", "will", "can", "could",
    "should", "there", "here",
];
/// Head nouns of a bare speaker phrase ("port officials", "critics").
const SPEAKER_HEADS: &[&str] = &[
    "official",
    "officials",
    "analyst",
    "analysts",
    "critic",
    "critics",
    "expert",
    "experts",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "police",
    "authorities",
    "sources",
    "source",
    "scientists",
    "researchers",
    "residents",
    "witnesses",
    "observers",
    "economists",
    "lawmakers",
    "leaders",
    "investigators",
    "prosecutors",
    "lawyers",
    "doctors",
    "activists",
    "campaigners",
    "supporters",
    "opponents",
    "diplomats",
    "relatives",
    "officers",
    "estimates",
    "reports",
    "studies",
    "polls",
    "surveys",
    "organizers",
    "organisers",
    "executives",
    "members",
    "families",
    "parents",
    "teachers",
    "students",
    "people",
    "others",
    "many",
    "some",
    "agencies",
    "engineers",
    "workers",
    "staff",
    "rescuers",
    "medics",
    "paramedics",
    "firefighters",
    "soldiers",
    "militants",
    "rebels",
    "protesters",
    "voters",
    "fans",
    "users",
    "customers",
    "neighbors",
    "neighbours",
    "friends",
];
/// Prepositions that open a sentence capitalised ("For Vance, ...").
const PREPOSITIONS: &[&str] = &[
    "for",
    "of",
    "with",
    "from",
    "by",
    "to",
    "about",
    "into",
    "over",
    "under",
    "among",
    "between",
    "against",
    "without",
    "within",
    "like",
    "despite",
    "per",
    "via",
    "amid",
    "unlike",
    "according",
];

/// One word or punctuation mark of the body, by byte offsets into it.
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    word: bool,
}

/// A pair of quotation marks: the bytes between them and where each mark is.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quote {
    pub(crate) open: usize,
    pub(crate) inner_start: usize,
    pub(crate) inner_end: usize,
    pub(crate) close_end: usize,
}

/// A speaker before resolution: as written, and what kind of phrase it is.
#[derive(Debug, Clone)]
struct Said {
    written: String,
    sentence: usize,
    claim: String,
    kind: AttributionKind,
    cue: String,
    /// For a direct quote: where its words are in the body.
    span: Option<(usize, usize)>,
}

/// Returns the attributions of the sentences of `body`, in order. `entities` (the
/// article's named entities, may be empty) give canonical names; without them a
/// speaker's fullest capitalised name in the article is its entity.
pub fn find_attributions(body: &str, sentences: &[Sentence], entities: &[Entity]) -> Vec<Attribution> {
    let mut found: Vec<Said> = Vec::new();
    // The last direct quote's speaker and cue, and the sentence it closes in.
    let mut last_direct: Option<(String, String, usize)> = None;
    let mut paragraph_start = 0;
    while paragraph_start < sentences.len() && found.len() < MAX_ATTRIBUTIONS {
        let p = sentences[paragraph_start].paragraph;
        let end = sentences[paragraph_start..].iter().take_while(|s| s.paragraph == p).count() + paragraph_start;
        read_paragraph(body, &sentences[paragraph_start..end], &mut found, &mut last_direct);
        paragraph_start = end;
    }
    found.truncate(MAX_ATTRIBUTIONS);
    resolve(body, sentences, entities, found)
}

/// Finds the quotes and reported speech of one paragraph's sentences.
fn read_paragraph(
    body: &str,
    sentences: &[Sentence],
    found: &mut Vec<Said>,
    last_direct: &mut Option<(String, String, usize)>,
) {
    // Sentences whose text is not the body's bytes at their offsets (a body changed
    // after it was split) are skipped: nothing read from them could be checked.
    let sentences: Vec<&Sentence> = sentences.iter().filter(|s| body.get(s.start..s.end) == Some(&s.text)).collect();
    let (Some(first), Some(last)) = (sentences.first(), sentences.last()) else { return };
    let quotes = quotes(body, first.start, last.end);
    let sentence_of = |offset: usize| sentences.partition_point(|s| s.start <= offset).saturating_sub(1);
    let before = found.len();
    let mut consumed: HashSet<usize> = HashSet::new();
    for q in &quotes {
        let (si, ci) = (sentence_of(q.open), sentence_of(q.close_end.saturating_sub(1)));
        let open_s = sentences[si];
        let close_s = sentences[ci];
        let inner_start =
            q.inner_start + (q.inner_end - q.inner_start) - body[q.inner_start..q.inner_end].trim_start().len();
        let claim_end = trim_claim_end(body, inner_start, q.inner_end);
        if claim_end <= inner_start || word_count(&body[inner_start..claim_end]) < 2 {
            continue;
        }
        // Nothing but marks between the quote's end and its sentence's end.
        let ends_sentence = body[q.close_end.min(close_s.end)..close_s.end]
            .chars()
            .all(|c| c.is_whitespace() || c.is_ascii_punctuation() || matches!(c, '”' | '’'));
        let starts_sentence = body[open_s.start..q.open].trim().is_empty();
        let cue = cue_after(body, q.close_end, close_s.end)
            .or_else(|| ends_sentence.then(|| cue_before(body, open_s.start, q.open)).flatten())
            .map(|(speaker, cue, at)| (speaker, cue, Some(at)))
            .or_else(|| {
                // A quote that is its own sentence right after an attributed quote
                // goes on with the same speaker.
                let (speaker, cue, prev_close) = last_direct.as_ref()?;
                (starts_sentence && ends_sentence && open_s.index == prev_close + 1)
                    .then(|| (speaker.clone(), cue.clone(), None))
            });
        let Some((speaker, cue, at)) = cue else { continue };
        consumed.extend(at);
        let claim = &body[inner_start..claim_end];
        let kind = if altered(claim) { AttributionKind::Reported } else { AttributionKind::Direct };
        *last_direct = Some((speaker.clone(), cue.clone(), close_s.index));
        found.push(Said {
            written: speaker,
            sentence: open_s.index,
            claim: claim.to_string(),
            kind,
            cue,
            span: Some((inner_start, claim_end)),
        });
    }
    for s in &sentences {
        if let Some(said) = reported(body, s, &quotes, &consumed) {
            found.push(said);
        }
    }
    found[before..].sort_by_key(|f| (f.sentence, f.span.map_or(usize::MAX, |s| s.0)));
}

/// Whether an editor changed a quote's words: square brackets mark an insertion.
fn altered(claim: &str) -> bool {
    claim.contains('[')
}

/// The quotation mark pairs between two byte offsets of the body (one paragraph):
/// straight and curly double quotes, and single quotes that open at a word's start
/// and close at a word's end (so that "don't", "Jones' car" and "'90s" open none). A straight
/// mark's side is read from its neighbours, so that one unbalanced mark does not
/// turn every later pair inside out; a mark that opens while a quote that ended a
/// sentence is still open starts a new quote there (the convention for a quote that
/// runs on: `"... bad. "Finally ..."`).
pub(crate) fn quotes(body: &str, start: usize, end: usize) -> Vec<Quote> {
    let text = &body[start..end];
    let mut out = Vec::new();
    let mut double: Option<(usize, usize)> = None; // (mark offset, mark len)
    let mut single: Option<(usize, usize)> = None;
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let at = start + i;
        let len = c.len_utf8();
        let after_space = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | ':' | '—' | '-'));
        let opens = after_space && next.is_some_and(|n| !n.is_whitespace());
        let closes = prev.is_some_and(|p| !p.is_whitespace())
            && next
                .is_none_or(|n| n.is_whitespace() || matches!(n, ',' | '.' | ';' | ':' | '!' | '?' | ')' | '—' | '-'));
        // ("'90s" is a decade: a single mark opens a quote before a letter only.)
        let word_start = opens && next.is_some_and(char::is_alphabetic);
        match c {
            '“' => reopen(body, &mut out, &mut double, at, len),
            '”' => {
                if let Some((o, l)) = double.take() {
                    push_quote(&mut out, o, l, at, at + len);
                }
            }
            '"' => match double {
                Some(_) if opens && !closes => reopen(body, &mut out, &mut double, at, len),
                Some((o, l)) => {
                    push_quote(&mut out, o, l, at, at + len);
                    double = None;
                    single = None;
                }
                None if opens || !closes => double = Some((at, len)),
                None => {}
            },
            '‘' | '\'' if word_start && double.is_none() => reopen(body, &mut out, &mut single, at, len),
            '’' | '\'' if closes && single.is_some() => {
                if let Some((o, l)) = single.take() {
                    push_quote(&mut out, o, l, at, at + len);
                }
            }
            _ => {}
        }
        prev = Some(c);
    }
    out
}

/// Opens a quote at `at`; a quote still open whose words end a sentence is kept as
/// ending there.
fn reopen(body: &str, out: &mut Vec<Quote>, open: &mut Option<(usize, usize)>, at: usize, len: usize) {
    if let Some((o, l)) = open.take()
        && body[o + l..at].trim_end().ends_with(['.', '!', '?'])
    {
        push_quote(out, o, l, at, at);
    }
    *open = Some((at, len));
}

fn push_quote(out: &mut Vec<Quote>, open: usize, open_len: usize, close: usize, close_end: usize) {
    if close - open <= MAX_QUOTE {
        out.push(Quote { open, inner_start: open + open_len, inner_end: close, close_end });
    }
}

/// Where a quote's claim ends: its words without the trailing comma and spaces that
/// belong to the attribution around it (`"...," she said`).
fn trim_claim_end(body: &str, start: usize, end: usize) -> usize {
    start + body[start..end].trim_end_matches(|c: char| c.is_whitespace() || c == ',').len()
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// Words and punctuation marks of `body[start..end]`. A word keeps its inner
/// apostrophes, hyphens and periods ("U.S.", "it's"); an abbreviation keeps its
/// final period ("Dr.").
fn tokens(body: &str, start: usize, end: usize) -> Vec<Tok> {
    let text = &body[start..end];
    let mut out = Vec::new();
    let mut word: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let inner = matches!(c, '\'' | '’' | '-' | '.') && word.is_some() && next.is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() || inner {
            word.get_or_insert(i);
            continue;
        }
        if let Some(w) = word.take() {
            let abbreviation = c == '.' && TITLES.contains(&text[w..i].to_lowercase().as_str());
            let stop = if abbreviation { i + 1 } else { i };
            out.push(Tok { start: start + w, end: start + stop, word: true });
            if abbreviation {
                continue;
            }
        }
        if !c.is_whitespace() {
            out.push(Tok { start: start + i, end: start + i + c.len_utf8(), word: false });
        }
    }
    if let Some(w) = word {
        out.push(Tok { start: start + w, end, word: true });
    }
    out
}

fn lower(body: &str, t: &Tok) -> String {
    body[t.start..t.end].to_lowercase()
}

fn is_cue(body: &str, toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    let written = &body[t.start..t.end];
    let before = k.checked_sub(1).filter(|&p| toks[p].word).map(|p| lower(body, &toks[p]));
    // "quoted X as saying ...".
    if written == "saying" {
        return before.as_deref() == Some("as");
    }
    // Written in lower case: "States" in "United States" is no verb.
    if !t.word || !CUES.contains(&written) {
        return false;
    }
    // "to say", "would not say", "was told", "the said": not someone saying it now.
    if before.is_some_and(|b| NOT_BEFORE_CUE.contains(&b.as_str())) {
        return false;
    }
    // "explained his rationale", "announced the start": an act, not a claim.
    let next = toks.get(k + 1).filter(|n| n.word).map(|n| lower(body, n));
    // "Elizabeth Joseph reported from Kathmandu": a reporter's credit, not a claim.
    if ["reported", "wrote", "reports", "writes"].contains(&written) && next.as_deref() == Some("from") {
        return false;
    }
    !ACT_CUES.contains(&written) || !next.is_some_and(|n| DETERMINERS.contains(&n.as_str()) && n != "that")
}

/// `said Myer Chief Merchandise & Marketing Officer and Deputy CEO, Daniel Bracken.`:
/// a role in capitals, then a comma and the name that ends the sentence: the name.
fn named_after_role(body: &str, toks: &[Tok]) -> Option<String> {
    let text = |t: &Tok| &body[t.start..t.end];
    let end = toks.iter().position(|t| !t.word && matches!(text(t), "." | "!" | "?")).unwrap_or(toks.len());
    let comma = toks[..end].iter().rposition(|t| !t.word && text(t) == ",")?;
    let name = &toks[comma + 1..end];
    let role = &toks[..comma];
    let capital = |t: &Tok| t.word && text(t).starts_with(char::is_uppercase);
    let role_word = |t: &Tok| capital(t) || ["and", "&", "of", "for"].contains(&text(t).to_lowercase().as_str());
    // A full name (two words at least) after a role of two words at least.
    let reads =
        (2..=4).contains(&name.len()) && name.iter().all(capital) && role.len() >= 2 && role.iter().all(role_word);
    reads.then(|| body[name[0].start..name[name.len() - 1].end].to_string())
}

/// A speaker and cue right after a closing mark: `, she said`, `said Smith`, `the
/// agency noted in a statement`. Returns the speaker, the cue and the cue's offset.
fn cue_after(body: &str, from: usize, sentence_end: usize) -> Option<(String, String, usize)> {
    let toks = tokens(body, from, floor_char(body, sentence_end.max(from).min(from + NEAR)));
    let toks: Vec<Tok> = toks.into_iter().skip_while(|t| !t.word && body[t.start..t.end] == *",").take(14).collect();
    let first = toks.first()?;
    if !first.word {
        return None;
    }
    if is_cue(body, &toks, 0) {
        // `"...," said Smith`: the speaker follows, up to a comma or the end.
        let name: Vec<&Tok> = toks[1..]
            .iter()
            .take_while(|t| t.word && !TIME_WORDS.contains(&lower(body, t).as_str()))
            .take(MAX_SPEAKER_WORDS)
            .collect();
        let (a, b) = (name.first()?, name.last()?);
        let speaker = named_after_role(body, &toks[1..]).unwrap_or_else(|| body[a.start..b.end].to_string());
        return Some((speaker, lower(body, first), first.start));
    }
    let k = (1..toks.len().min(MAX_SPEAKER_WORDS + 3)).find(|&k| is_cue(body, &toks, k))?;
    let speaker = speaker_before(body, &toks, k, 0)?;
    Some((speaker, lower(body, &toks[k]), toks[k].start))
}

/// A speaker and cue right before an opening mark: `X said: "`, `X told the
/// newspaper: '`, `X said, "`.
fn cue_before(body: &str, sentence_start: usize, open: usize) -> Option<(String, String, usize)> {
    let toks = tokens(body, ceil_char(body, sentence_start.max(open.saturating_sub(NEAR))), open);
    let last = toks.last()?;
    let mark = !last.word && matches!(&body[last.start..last.end], ":" | ",");
    let colon = mark && &body[last.start..last.end] == ":";
    let n = toks.len() - usize::from(mark);
    // With a colon a few words may follow the verb ("said in a statement:").
    let reach = if colon { 6 } else { 1 };
    let k = (n.saturating_sub(reach)..n).rev().find(|&k| is_cue(body, &toks, k))?;
    let speaker = speaker_before(body, &toks, k, 0)?;
    Some((speaker, lower(body, &toks[k]), toks[k].start))
}

/// The noun phrase that speaks, read back from the cue at `toks[k]` to no earlier
/// than `toks[floor]`: "NASA chief scientist Ellen Stofan", "critics", "she".
/// "John Smith, a spokesman for X, said" gives "John Smith".
fn speaker_before(body: &str, toks: &[Tok], k: usize, floor: usize) -> Option<String> {
    noun_phrase_before(body, toks, k, floor, true)
}

/// A preposition that opens a place of origin ("of Upminster", "in Norfolk").
fn of_origin(word: &str) -> bool {
    ["of", "in", "from", "near"].iter().any(|p| word.eq_ignore_ascii_case(p))
}

/// `apposition`: whether "NAME, APPOSITION," before `k` is read as NAME (and once
/// past a place of origin: "Lucy, 32, of Upminster, east London, said").
fn noun_phrase_before(body: &str, toks: &[Tok], k: usize, floor: usize, apposition: bool) -> Option<String> {
    noun_phrase_before_hops(body, toks, k, floor, apposition, 1)
}

fn noun_phrase_before_hops(
    body: &str,
    toks: &[Tok],
    k: usize,
    floor: usize,
    apposition: bool,
    hops: usize,
) -> Option<String> {
    let mut j = k;
    while j > floor && toks[j - 1].word && BETWEEN.contains(&lower(body, &toks[j - 1]).as_str()) {
        j -= 1;
    }
    let mark = |i: usize| if toks[i].word { "" } else { &body[toks[i].start..toks[i].end] };
    // A parenthesis right before the verb is left out: "Mardas (pictured) said".
    if j > floor
        && mark(j - 1) == ")"
        && let Some(open) = (floor..j - 1).rev().take(6).find(|&i| mark(i) == "(")
    {
        j = open;
    }
    let end = j;
    if apposition && j > floor && mark(j - 1) == "," {
        // An apposition: "John Smith, a spokesman for X, said" is John Smith; "His
        // cousin, Steve Smith, told" is Steve Smith.
        let open = (floor..j - 1).rev().take(12).find(|&i| !toks[i].word)?;
        if mark(open) != "," {
            return None;
        }
        let capital = |s: &String| s.split_whitespace().last().is_some_and(|w| w.starts_with(char::is_uppercase));
        let before = noun_phrase_before(body, toks, open, floor, false);
        // "His mother Lucy, 32, of Upminster, east London, said", "WAVY in Norfolk,
        // Virginia, reported": a place of origin is no speaker; whoever it qualifies is.
        if let Some(b) = before.as_ref().filter(|_| hops > 0) {
            let words = b.split_whitespace().count();
            let at = open.saturating_sub(words);
            // The phrase opens with the preposition ("of Upminster"), or follows it.
            let opens = b.split_whitespace().next().is_some_and(of_origin);
            let follows = at > floor + 1 && toks[at - 1].word && of_origin(&lower(body, &toks[at - 1]));
            if opens || follows {
                return noun_phrase_before_hops(body, toks, if opens { at } else { at - 1 }, floor, true, hops - 1);
            }
        }
        let inner = (open + 1 < j - 1).then(|| body[toks[open + 1].start..toks[j - 2].end].to_string());
        let name = |s: &String| s.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
        // "Local station WAVY in Norfolk, Virginia, reported": the station, not where it is.
        let before = before.map(|b| match [" in ", " from ", " near "].iter().find_map(|p| b.split_once(p)) {
            Some((who, place)) if name(&place.to_string()) && !who.is_empty() => who.to_string(),
            _ => b,
        });
        return match (before, inner) {
            (Some(b), _) if capital(&b) => Some(b),
            (Some(_), Some(i)) if name(&i) => Some(i),
            _ => None,
        };
    }
    let mut start = end;
    while start > floor && end - start < MAX_SPEAKER_WORDS {
        let t = &toks[start - 1];
        // "The Norvale Homeowners' Federation estimates": a plural possessive inside a name.
        let possessive = start >= floor + 2
            && start < end
            && matches!(mark(start - 1), "'" | "’")
            && toks[start - 2].word
            && toks[start - 2].end == t.start
            && body[toks[start - 2].start..toks[start - 2].end].ends_with('s')
            && body[toks[start].start..].starts_with(char::is_uppercase);
        if possessive {
            start -= 1;
            continue;
        }
        if !t.word {
            break;
        }
        let w = lower(body, t);
        if STOPS.contains(&w.as_str()) && !(start == end && PRONOUNS.contains(&w.as_str())) {
            break;
        }
        start -= 1;
        if PRONOUNS.contains(&w.as_str()) {
            break;
        }
    }
    while start < end && OPENERS.contains(&lower(body, &toks[start]).as_str()) {
        start += 1;
    }
    if start >= end {
        return None;
    }
    let last = lower(body, &toks[end - 1]);
    let dangling = DETERMINERS.contains(&last.as_str()) || TIME_WORDS.contains(&last.as_str());
    let numeric = last.chars().all(|c| c.is_ascii_digit());
    let phrase = body[toks[start].start..toks[end - 1].end].to_string();
    (!dangling && !numeric && plausible_speaker(&phrase)).then_some(phrase)
}

/// Whether a phrase can be a speaker: a name, a pronoun, a phrase opened by a
/// determiner ("the agency", "a senior aide"), or a bare noun phrase headed by a word
/// for people who speak ("port officials", "critics"); never one with a verb or an
/// object pronoun in it ("referred to them").
fn plausible_speaker(phrase: &str) -> bool {
    let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
    // "CNN hasn't independently confirmed": a negated verb is inside the phrase.
    let negated = |w: &String| w.ends_with("n't") || w.ends_with("n’t") || w == "not";
    if words.iter().any(|w| NOT_SPEAKER.contains(&w.as_str()) || negated(w)) {
        return false;
    }
    let named = phrase.split_whitespace().any(|w| w.starts_with(char::is_uppercase));
    let (Some(first), Some(head)) = (words.first(), words.last()) else { return false };
    // "..., said he called for help": a pronoun with more words is a clause, not a speaker.
    if PRONOUNS.contains(&first.as_str()) && words.len() > 1 {
        return false;
    }
    named
        || PRONOUNS.contains(&first.as_str())
        || DETERMINERS.contains(&first.as_str())
        || SPEAKER_HEADS.contains(&head.trim_end_matches("'s"))
}

/// Reported speech in one sentence, outside its quotes and away from cues a quote
/// already used: "X said (that) CLAIM", "X told Y CLAIM", "CLAIM, X said", "CLAIM,
/// said X", "CLAIM, X said, MORE", "according to X, CLAIM", "CLAIM, according to X",
/// "Y quoted X as saying CLAIM". A claim that is one whole quote is direct.
fn reported(body: &str, s: &Sentence, quotes: &[Quote], consumed: &HashSet<usize>) -> Option<Said> {
    let toks = tokens(body, s.start, s.end);
    // Quotes are in order and apart: the one that may hold an offset is found by search.
    let holding = |at: usize| {
        let i = quotes.partition_point(|q| q.open <= at);
        i.checked_sub(1).map(|i| quotes[i]).filter(|q| at < q.close_end)
    };
    let inside = |t: &Tok| holding(t.start).is_some();
    let mark = |i: usize| if toks[i].word { "" } else { &body[toks[i].start..toks[i].end] };
    let content_end = toks.iter().rev().find(|t| t.word || inside(t)).map_or(s.end, |t| t.end);
    let content_end = holding(content_end.saturating_sub(1)).map_or(content_end, |q| q.close_end);
    let claim = |a: usize, b: usize| -> (usize, usize) {
        // A claim that would end before it starts (a cue at the sentence's end) is empty.
        let b = b.max(a);
        let t = &body[a..b];
        let lead = t.len() - t.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';')).len();
        let kept = t.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';' | '-' | '—')).len();
        (a + lead, a + kept.max(lead))
    };
    let name_after = |k: usize| {
        // "said Smith", "said a spokesman", "said fertility specialist Dr. X".
        if toks.get(k + 1).is_none_or(|t| lower(body, t) == "that") {
            return None;
        }
        let name: Vec<&Tok> = toks[k + 1..]
            .iter()
            .take_while(|t| t.word && !TIME_WORDS.contains(&lower(body, t).as_str()))
            .take(MAX_SPEAKER_WORDS)
            .collect();
        // The name ends the sentence or a comma follows it ("said X, a doctor").
        let ends = toks
            .get(k + 1 + name.len())
            .is_none_or(|t| !t.word && matches!(&body[t.start..t.end], "," | "." | "!" | "?" | ";" | "\"" | "”"));
        let name = name.first().zip(name.last()).map(|(a, b)| body[a.start..b.end].to_string());
        name.filter(|n| ends && plausible_speaker(n))
    };
    for k in 0..toks.len() {
        let t = &toks[k];
        if inside(t) || consumed.contains(&t.start) {
            continue;
        }
        let w = lower(body, t);
        if w == "according" && toks.get(k + 1).is_some_and(|n| lower(body, n) == "to") {
            // "according to a preliminary report released on Thursday": the time that
            // closes the phrase is no part of the speaker.
            let words: Vec<&Tok> = toks[k + 2..].iter().take_while(|t| t.word).take(MAX_SPEAKER_WORDS).collect();
            let time = |i: usize| {
                words.get(i).is_some_and(|t| {
                    let w = lower(body, t);
                    WEEKDAYS.contains(&w.as_str()) || ["today", "yesterday", "tonight"].contains(&w.as_str())
                })
            };
            let end = (1..words.len())
                .find(|&i| {
                    time(i)
                        || ["on", "in", "at", "last", "this"].contains(&lower(body, words[i]).as_str()) && time(i + 1)
                })
                .unwrap_or(words.len());
            let mut after = &words[..end];
            // ("a preliminary report released [on Thursday]": the participle went with it.)
            while after.len() > 1
                && after.last().is_some_and(|t| {
                    let w = &body[t.start..t.end];
                    w.len() > 4 && w.ends_with("ed") && w.starts_with(char::is_lowercase)
                })
            {
                after = &after[..after.len() - 1];
            }
            let (Some(a), Some(b)) = (after.first(), after.last()) else { continue };
            let speaker = body[a.start..b.end].to_string();
            let (from, to) = if body[s.start..t.start].trim().is_empty() {
                claim(b.end, content_end)
            } else {
                claim(s.start, t.start)
            };
            match said(body, quotes, speaker, (from, to), "according to", s.index) {
                Some(found) => return Some(found),
                None => continue,
            }
        }
        if !is_cue(body, &toks, k) {
            continue;
        }
        let cue = w;
        let comma =
            (0..k).rev().take(MAX_SPEAKER_WORDS + 1).find(|&i| !toks[i].word).filter(|&c| mark(c) == "," && c > 1);
        if let Some(c) = comma {
            // "CLAIM, X said." / "CLAIM, said X." / "CLAIM, X said, MORE."
            let mut after = k + 1;
            while after < toks.len() && after <= k + 3 && TIME_WORDS.contains(&lower(body, &toks[after]).as_str()) {
                after += 1;
            }
            let aside = after < toks.len() && mark(after) == ",";
            let tail = toks[k + 1..].iter().take(12);
            let short = tail.clone().filter(|t| t.word && !inside(t)).count() <= 8
                && !tail.clone().any(|t| lower(body, t) == "that");
            let speaker = if c + 1 == k {
                // "CLAIM, said X" or "CLAIM, X, a spokesman, said".
                name_after(k).map(|n| (n, c)).or_else(|| {
                    let c2 = (0..c).rev().take(12).find(|&i| !toks[i].word).filter(|&i| mark(i) == ",")?;
                    let c3 = (0..c2)
                        .rev()
                        .take(MAX_SPEAKER_WORDS + 1)
                        .find(|&i| !toks[i].word)
                        .filter(|&i| mark(i) == ",")?;
                    let name = noun_phrase_before(body, &toks, c2, c3 + 1, false)?;
                    // "His mother Lucy, 32, of Upminster, east London, said": a place
                    // of origin, not "CLAIM, X, a spokesman, said".
                    let origin = name.split_whitespace().next().is_some_and(of_origin)
                        || toks.get(c3 + 1).is_some_and(|t| of_origin(&lower(body, t)));
                    (!origin).then_some((name, c3))
                })
            } else if short || aside {
                speaker_before(body, &toks, k, c + 1).map(|n| (n, c))
            } else {
                None
            };
            if let Some((speaker, c)) = speaker
                && let Some(found) = said(body, quotes, speaker, claim(s.start, toks[c].start), &cue, s.index)
            {
                return Some(found);
            }
        }
        // "X said (that) CLAIM" / "X told Y (that) CLAIM" / "quoted X as saying CLAIM".
        let from_k = if cue == "saying" { k - 1 } else { k };
        let Some(speaker) = speaker_before(body, &toks, from_k, 0) else { continue };
        let mut from = k + 1;
        if cue == "told" || cue == "tells" {
            from += object_len(body, &toks[from..]);
        }
        while from < toks.len() && TIME_WORDS.contains(&lower(body, &toks[from]).as_str()) && from <= k + 3 {
            from += 1;
        }
        if toks.get(from).is_some_and(|t| lower(body, t) == "that") {
            from += 1;
        }
        let Some(first) = toks.get(from) else { continue };
        if let Some(found) = said(body, quotes, speaker, claim(first.start, content_end), &cue, s.index) {
            return Some(found);
        }
    }
    None
}

/// How many words the object of "told" takes: "reporters", "the newspaper", "CNN",
/// "The Associated Press", or everything up to a "that" close by.
fn object_len(body: &str, toks: &[Tok]) -> usize {
    if let Some(that) = toks.iter().take(7).position(|t| lower(body, t) == "that") {
        return that;
    }
    let Some(first) = toks.first().filter(|t| t.word) else { return 0 };
    let capital = |t: &Tok| body[t.start..t.end].chars().next().is_some_and(char::is_uppercase);
    let w = lower(body, first);
    if DETERMINERS.contains(&w.as_str()) || capital(first) {
        let run = toks[1..].iter().take(4).take_while(|t| t.word && capital(t)).count();
        return 1 + if run > 0 { run } else { usize::from(toks.len() > 2 && !capital(first)) };
    }
    1
}

/// A reported claim of at least three words; one that is a whole quote is direct.
fn said(
    body: &str,
    quotes: &[Quote],
    speaker: String,
    (from, to): (usize, usize),
    cue: &str,
    sentence: usize,
) -> Option<Said> {
    let text = body.get(from..to)?;
    if word_count(text) < 3 {
        return None;
    }
    let whole = quotes.iter().find(|q| q.open == from && q.close_end >= to && q.inner_end <= to);
    let (kind, span) = match whole {
        Some(q) => {
            let end = trim_claim_end(body, q.inner_start, q.inner_end);
            let kind =
                if altered(&body[q.inner_start..end]) { AttributionKind::Reported } else { AttributionKind::Direct };
            (kind, (q.inner_start, end))
        }
        None => (AttributionKind::Reported, (from, to)),
    };
    Some(Said {
        written: speaker,
        sentence,
        claim: body[span.0..span.1].to_string(),
        kind,
        cue: cue.to_string(),
        span: Some(span),
    })
}

/// How firmly a claim is put, from its cue and its own words.
pub fn stance(cue: &str, claim: &str) -> Stance {
    let lower = claim.to_lowercase();
    if CONTEST_CUES.contains(&cue) || CONTESTS.iter().any(|c| lower.contains(c)) {
        return Stance::Contested;
    }
    let hedged = HEDGE_CUES.contains(&cue)
        || lower.contains("it is possible")
        || lower.split(|c: char| !c.is_alphanumeric()).any(|w| HEDGES.contains(&w));
    if hedged { Stance::Hedged } else { Stance::Asserted }
}

/// What a speaker phrase is, once read.
enum Speaker {
    /// A name: its trailing capitalised run, titles left out ("Ellen Stofan").
    Named(String),
    /// He, she, it, they.
    Pronoun(String),
    /// A described group or an unnamed source, kept as written.
    Described(String),
}

fn classify(written: &str) -> Speaker {
    let lower = written.to_lowercase();
    if PRONOUNS.contains(&lower.as_str()) {
        return Speaker::Pronoun(lower);
    }
    let words: Vec<&str> = written.split_whitespace().collect();
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if words.last().is_some_and(capital) {
        let joiners = ["of", "for", "the", "de", "al", "and", "&", "on"];
        let mut start = words.len() - 1;
        while start > 0 && (capital(&words[start - 1]) || joiners.contains(&words[start - 1])) {
            start -= 1;
        }
        while start < words.len() - 1 && !capital(&words[start]) {
            start += 1;
        }
        let mut name = &words[start..];
        while name.len() > 1 && is_title(name[0]) {
            name = &name[1..];
        }
        if name.len() > 1 && name[0] == "The" {
            name = &name[1..];
        }
        return Speaker::Named(name.join(" ").trim_end_matches("'s").to_string());
    }
    Speaker::Described(written.to_string())
}

/// "Mahendra" in "Her husband, Mahendra, said": one capitalized word, not an acronym
/// (an agency) nor an organisation's word, that the tagger did not know.
fn is_first_name(name: &str) -> bool {
    !name.contains(' ')
        && name.chars().next().is_some_and(char::is_uppercase)
        && name.chars().skip(1).any(char::is_lowercase)
        && !ORG_WORDS.contains(&name.to_lowercase().as_str())
}

pub(crate) fn is_person_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| !ORG_WORDS.contains(&w.to_lowercase().trim_end_matches('.')))
        && !words.iter().all(|w| w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase))
}

/// Full names of people the article gives: by their last and first word ("umarov" →
/// "Temur Umarov", the first full form of each winning), and each mention in order
/// with its sentence index. A run of capitalised words ends at punctuation, loses
/// the titles before the name ("Belgian Finance Minister Johan Van Overtveldt"), and
/// holds no day, month or function word.
fn full_names(sentences: &[Sentence]) -> (HashMap<String, String>, Vec<(usize, String)>) {
    let mut names: HashMap<String, String> = HashMap::new();
    let mut mentions = Vec::new();
    let mut flush = |run: &mut Vec<&str>, at: usize| {
        let cut = run.iter().rposition(|w| is_title(w));
        let name = &run[cut.map_or(0, |c| c + 1)..];
        // A surname alone after its full name is a mention of that person.
        if let [one] = name
            && let Some(full) = names.get(&one.to_lowercase())
            && mentions.len() < 5000
        {
            mentions.push((at, full.clone()));
        }
        if name.len() >= 2 && mentions.len() < 5000 && is_person_name(&name.join(" ")) {
            let full = name.join(" ");
            for key in [name[name.len() - 1], name[0]] {
                names.entry(key.to_lowercase()).or_insert_with(|| full.clone());
            }
            mentions.push((at, full));
        }
        run.clear();
    };
    for s in sentences {
        let mut run: Vec<&str> = Vec::new();
        for raw in s.text.split_whitespace() {
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            let lower = word.to_lowercase();
            let name_word = word.starts_with(char::is_uppercase)
                && word.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
                && !TIME_WORDS.contains(&lower.as_str())
                && !distill_core::time::MONTHS.contains(&lower.as_str())
                && !DETERMINERS.contains(&lower.as_str())
                && !OPENERS.contains(&lower.as_str())
                && !STOPS.contains(&lower.as_str())
                && !PREPOSITIONS.contains(&lower.as_str());
            if !name_word {
                flush(&mut run, s.index);
                continue;
            }
            // A mark before the word ("(pictured", a quote) starts a new run; one
            // after it ends the run.
            if raw.starts_with(|c: char| !c.is_alphanumeric()) {
                flush(&mut run, s.index);
            }
            run.push(word);
            let abbreviation = raw.ends_with('.') && TITLES.contains(&lower.as_str());
            if raw.ends_with(|c: char| !c.is_alphanumeric()) && !abbreviation {
                flush(&mut run, s.index);
            }
        }
        flush(&mut run, s.index);
    }
    (names, mentions)
}

/// The entity whose name or alias is `name`, or whose name ends with it.
fn entity_for<'a>(name: &str, entities: &'a [Entity]) -> Option<&'a Entity> {
    let lower = name.to_lowercase();
    entities
        .iter()
        .find(|e| e.name.to_lowercase() == lower || e.aliases.iter().any(|a| a.to_lowercase() == lower))
        .or_else(|| {
            entities.iter().find(|e| {
                e.kind == EntityType::Person && e.name.to_lowercase().split_whitespace().next_back() == Some(&lower)
            })
        })
}

/// Resolves each speaker to a full name, a pronoun to the nearest person before it,
/// and drops what cannot be resolved; direct quotes are checked against the body.
fn resolve(body: &str, sentences: &[Sentence], entities: &[Entity], found: Vec<Said>) -> Vec<Attribution> {
    let (names, mut mentions) = full_names(sentences);
    for e in entities.iter().filter(|e| e.kind == EntityType::Person) {
        mentions.extend(e.mentions.iter().take(1000).map(|&m| (m, e.name.clone())));
    }
    mentions.sort_by_key(|m| m.0);
    let mut last_person: Option<(String, Option<String>)> = None;
    let mut last_person_at = 0;
    // The pronoun the article uses for each person it has resolved one to.
    let mut genders: HashMap<String, String> = HashMap::new();
    let mut last_other: Option<(String, Option<String>)> = None;
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let (speaker, entity) = match classify(&f.written) {
            Speaker::Named(name) => {
                // A single name is the nearest full name before it that has it as its
                // first or last word ("Jordan" after "Louis Jordan"), else the first
                // full form anywhere.
                let full = if name.contains(' ') {
                    name
                } else {
                    let upto = mentions.partition_point(|m| m.0 <= f.sentence);
                    let has = |m: &&(usize, String)| {
                        let mut words = m.1.split_whitespace();
                        words.next() == Some(&name) || words.next_back() == Some(&name)
                    };
                    let recent = mentions[..upto].iter().rev().take(200).find(has).map(|m| m.1.clone());
                    recent.or_else(|| names.get(&name.to_lowercase()).cloned()).unwrap_or(name)
                };
                let (entity, person) = match entity_for(&full, entities) {
                    Some(e) => (e.name.clone(), e.kind == EntityType::Person),
                    None if entities.is_empty() => (full.clone(), is_person_name(&full)),
                    None => (full.clone(), is_person_name(&full) || is_first_name(&full)),
                };
                let resolved =
                    (full, (entities.is_empty() || entity_for(&entity, entities).is_some()).then_some(entity));
                if person {
                    last_person = Some(resolved.clone());
                    last_person_at = f.sentence;
                } else {
                    last_other = Some(resolved.clone());
                }
                resolved
            }
            Speaker::Pronoun(p) => {
                let antecedent = if p == "he" || p == "she" {
                    // He or she: a person the article has not called by the other
                    // pronoun. A speaker of the last few sentences goes on speaking;
                    // else the nearest name before, or the last speaker if nearer.
                    let fits = |name: &str| genders.get(name).is_none_or(|g| *g == p);
                    let speaker = last_person.as_ref().filter(|(n, _)| fits(n));
                    let upto = mentions.partition_point(|m| m.0 <= f.sentence);
                    let mention = mentions[..upto].iter().rev().take(200).find(|m| fits(&m.1));
                    let entity_of = |name: &String| {
                        if entities.is_empty() {
                            Some(name.clone())
                        } else {
                            entity_for(name, entities).map(|e| e.name.clone())
                        }
                    };
                    match (speaker, mention) {
                        (Some(s), _) if f.sentence <= last_person_at + 3 => Some(s.clone()),
                        (Some(s), Some(m)) if last_person_at >= m.0 => Some(s.clone()),
                        (_, Some(m)) => Some((m.1.clone(), entity_of(&m.1))),
                        (s, None) => s.cloned(),
                    }
                } else {
                    last_other.clone()
                };
                match antecedent {
                    Some(a) if p == "he" || p == "she" => {
                        if genders.len() < 1000 {
                            genders.entry(a.0.clone()).or_insert_with(|| p.clone());
                        }
                        last_person = Some(a.clone());
                        last_person_at = f.sentence;
                        a
                    }
                    Some(a) => a,
                    None => continue,
                }
            }
            Speaker::Described(d) => {
                last_other = Some((d.clone(), None));
                (d, None)
            }
        };
        // The last check: a direct quote is the body's own bytes.
        let verbatim = f.span.is_some_and(|(a, b)| body.get(a..b) == Some(f.claim.as_str()));
        let kind = if f.kind == AttributionKind::Direct && verbatim { f.kind } else { AttributionKind::Reported };
        out.push(Attribution {
            stance: stance(&f.cue, &f.claim),
            speaker,
            entity,
            text: f.claim,
            kind,
            cue: f.cue,
            sentence: f.sentence,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::split_sentences;

    fn find(body: &str) -> Vec<Attribution> {
        find_attributions(body, &split_sentences(body), &[])
    }

    fn one<'a>(all: &'a [Attribution], words: &str) -> &'a Attribution {
        all.iter().find(|a| a.text.contains(words)).unwrap_or_else(|| panic!("no claim with {words:?} in {all:#?}"))
    }

    #[test]
    fn quote_then_speaker_with_pronoun_and_continuation() {
        let body = "The harbour will close for a week, port officials said on Monday. \
            \"We have no choice. The cranes are unsafe,\" harbour master Ada Lindqvist said. \
            \"Repairs start at once.\"\n\n\"Nobody will lose pay,\" she added.";
        let all = find(body);
        let first = one(&all, "no choice");
        assert_eq!(first.text, "We have no choice. The cranes are unsafe");
        assert_eq!(
            (first.speaker.as_str(), first.kind, first.cue.as_str()),
            ("Ada Lindqvist", AttributionKind::Direct, "said")
        );
        assert_eq!(first.entity.as_deref(), Some("Ada Lindqvist"));
        assert_eq!(first.sentence, 1);
        let next = one(&all, "Repairs");
        assert_eq!((next.speaker.as_str(), next.kind, next.sentence), ("Ada Lindqvist", AttributionKind::Direct, 3));
        let added = one(&all, "lose pay");
        assert_eq!((added.speaker.as_str(), added.cue.as_str()), ("Ada Lindqvist", "added"));
        let reported = one(&all, "harbour will close");
        assert_eq!(
            (reported.speaker.as_str(), reported.kind, reported.entity.as_deref()),
            ("port officials", AttributionKind::Reported, None)
        );
        for a in all.iter().filter(|a| a.kind == AttributionKind::Direct) {
            assert!(body.contains(&a.text), "{a:?}");
        }
    }

    #[test]
    fn speaker_colon_quote_over_sentences_with_curly_and_single_marks() {
        let body = "Finance minister Petra Holm spoke late. She said: \u{201c}We will pay on time. \
            The money is there.\u{201d} A senior aide told the newspaper: 'We are ready for April.'";
        let all = find(body);
        let holm = one(&all, "pay on time");
        assert_eq!(holm.text, "We will pay on time. The money is there.");
        assert_eq!((holm.speaker.as_str(), holm.sentence, holm.kind), ("Petra Holm", 1, AttributionKind::Direct));
        let aide = one(&all, "ready for April");
        assert_eq!((aide.speaker.as_str(), aide.cue.as_str(), aide.entity.as_deref()), ("A senior aide", "told", None));
    }

    #[test]
    fn a_place_of_origin_in_an_apposition_is_no_speaker() {
        let body = "The boy copied the trick at school. His mother Lucy Hart, 32, of Upminster, east London, \
            said: 'He loves football.' Local station WAVY in Norfolk, Virginia, reported that the pilot walked away.";
        let all = find(body);
        assert_eq!(one(&all, "loves football").speaker, "Lucy Hart");
        let wavy = &one(&all, "pilot walked").speaker;
        assert!(wavy.ends_with("WAVY"), "{wavy}");
        // With a quote inside the quote, the sentence is not "CLAIM, X, Y, said".
        let body = "The boy copied the trick. His mother Lucy, 32, of Upminster, east London, said: \
            ‘He loves football and after he saw the show he said ‘I’ll be able to do that’.";
        assert!(find(body).iter().all(|a| a.speaker != "Upminster"), "{:#?}", find(body));
    }

    #[test]
    fn a_name_after_a_long_role_speaks() {
        let body = "Sales rose in March. 'Barbie is a true icon,' said Myer Chief Merchandise & Marketing Officer \
            and Deputy CEO, Daniel Bracken. 'It sells,' said spokesman Tom Reed.";
        let all = find(body);
        assert_eq!(one(&all, "true icon").speaker, "Daniel Bracken");
        assert!(one(&all, "It sells").speaker.ends_with("Tom Reed"));
    }

    #[test]
    fn a_plural_possessive_inside_a_name_is_part_of_the_speaker() {
        let body = "Rates rose again on Tuesday. \
            The Norvale Homeowners’ Federation estimates that roughly 410,000 households will pay more.";
        let all = find(body);
        assert_eq!(one(&all, "410,000").speaker, "Norvale Homeowners’ Federation");
        let entities = crate::entities::extract_entities("Rates rise", &split_sentences(body));
        assert!(entities.iter().any(|e| e.name == "Norvale Homeowners’ Federation"), "{entities:#?}");
    }

    #[test]
    fn surname_resolves_to_the_full_name() {
        let body = "Temur Umarov, a fellow at the Carnegie centre, has studied the region for years. \
            Umarov said that the pact gives Moscow a foothold in the south.";
        let all = find(body);
        let a = one(&all, "foothold");
        assert_eq!(
            (a.speaker.as_str(), a.text.as_str()),
            ("Temur Umarov", "the pact gives Moscow a foothold in the south")
        );
        assert_eq!(a.kind, AttributionKind::Reported);
    }

    #[test]
    fn the_time_a_source_was_released_is_no_speaker() {
        let body = "Investigators are focusing on a fallen power line as a possible cause of the fire, \
            according to a preliminary report released on Thursday.";
        let all = find(body);
        let a = one(&all, "fallen power line");
        assert_eq!((a.speaker.as_str(), a.cue.as_str()), ("a preliminary report", "according to"));
    }

    #[test]
    fn reported_forms_and_groups() {
        let body = "The deal will raise prices, critics say. \
            According to Western defense officials, the drones were delivered in March. \
            The rebels retreated from the town, according to the army. \
            Mayor Jon Berg told reporters the bridge would reopen soon. \
            The storm was the worst in decades, said Lena Fisk, a meteorologist.";
        let all = find(body);
        let critics = one(&all, "raise prices");
        assert_eq!((critics.speaker.as_str(), critics.cue.as_str()), ("critics", "say"));
        let officials = one(&all, "drones");
        assert_eq!((officials.speaker.as_str(), officials.cue.as_str()), ("Western defense officials", "according to"));
        assert_eq!(officials.text, "the drones were delivered in March");
        assert_eq!(one(&all, "rebels").speaker, "the army");
        let berg = one(&all, "bridge");
        assert_eq!((berg.speaker.as_str(), berg.text.as_str()), ("Jon Berg", "the bridge would reopen soon"));
        let fisk = one(&all, "storm");
        assert_eq!((fisk.speaker.as_str(), fisk.text.as_str()), ("Lena Fisk", "The storm was the worst in decades"));
    }

    #[test]
    fn stance_hedged_and_contested() {
        let body = "Analysts suggest the central bank may cut rates in June. \
            The ministry denied that it had sold the land. \
            The study, Dr. Ines Roth argued, does not represent a consensus among doctors. \
            Ines Roth said the vaccine is safe.";
        let all = find(body);
        assert_eq!(one(&all, "cut rates").stance, Stance::Hedged);
        let denied = one(&all, "sold the land");
        assert_eq!(
            (denied.stance, denied.cue.as_str(), denied.speaker.as_str()),
            (Stance::Contested, "denied", "The ministry")
        );
        assert_eq!(one(&all, "vaccine is safe").stance, Stance::Asserted);
        assert_eq!(stance("said", "This does not represent a consensus"), Stance::Contested);
        assert_eq!(stance("said", "It is possible that the talks fail"), Stance::Hedged);
    }

    #[test]
    fn a_decade_opens_no_quote() {
        let body = "In the '90s the band played 'Wonderwall' every night.";
        let found = quotes(body, 0, body.len());
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&body[found[0].inner_start..found[0].inner_end], "Wonderwall");
    }

    /// A quote an editor changed, or one whose sentence no longer matches the body it
    /// is read against, is never given as the speaker's own words.
    #[test]
    fn misquoted_quote_is_never_direct() {
        let body = "\"We will [not] sign the treaty ... this year,\" the prime minister said.";
        let all = find(body);
        let a = one(&all, "sign the treaty");
        assert_eq!(a.kind, AttributionKind::Reported);
        // Sentences split from one body, read against a body that differs in a word.
        let original = "\"The plant is completely safe,\" the operator said.";
        let changed = "\"The plant is absolutely safe,\" the operator said.";
        let found = find_attributions(changed, &split_sentences(original), &[]);
        assert!(found.iter().all(|a| a.kind != AttributionKind::Direct), "{found:#?}");
        assert_eq!(find(original)[0].kind, AttributionKind::Direct);
    }

    #[test]
    fn pronoun_without_antecedent_and_scare_quotes_give_nothing() {
        assert!(find("He said the vote was rigged.").is_empty());
        assert!(find("The so-called \"peace plan\" drew crowds to the square.").is_empty());
        assert!(find("Nobody wanted to say whether the talks had failed.").is_empty());
    }

    /// "she said" after a man has spoken is the woman named before him, once the
    /// article has called him "he".
    #[test]
    fn she_is_not_a_man_the_article_calls_he() {
        let body = "Nora Vance runs the shelter. Paul Okafor, a vet, said the dogs were healthy. \
            \"We test them every week,\" he said. For Vance, the worry is money. \
            \"We have funds for a month,\" she said.";
        let all = find(body);
        assert_eq!(one(&all, "every week").speaker, "Paul Okafor");
        assert_eq!(one(&all, "funds for a month").speaker, "Nora Vance");
    }

    #[test]
    fn entities_give_canonical_names() {
        let body = "Officials met in Dushanbe. \"The border is closed,\" Rahmon said.";
        let entity = Entity {
            name: "Emomali Rahmon".into(),
            kind: EntityType::Person,
            role: distill_core::EntityRole::Source,
            aliases: vec!["Rahmon".into()],
            mentions: vec![1],
        };
        let all = find_attributions(body, &split_sentences(body), &[entity]);
        assert_eq!(all[0].entity.as_deref(), Some("Emomali Rahmon"));
    }

    #[test]
    fn a_speaker_the_tagger_missed_still_goes_on_speaking_as_he() {
        // The tagger knows the rescued man but not the spokesman: "he said" right after
        // the spokesman's words is still the spokesman's.
        let body = "Rescuers found Arvid Holm under the rubble on Tuesday, said Pell K.T., a police spokesman. \
            The team used gear that detects signs of life, he said.";
        let man = Entity {
            name: "Arvid Holm".into(),
            kind: EntityType::Person,
            role: distill_core::EntityRole::Party,
            aliases: vec!["Holm".into()],
            mentions: vec![0],
        };
        let all = find_attributions(body, &split_sentences(body), std::slice::from_ref(&man));
        assert_eq!(one(&all, "signs of life").speaker, "Pell K.T", "{all:#?}");
        // A first name alone speaks as a person too.
        let body = "Rescuers found Arvid Holm under the rubble on Tuesday. \
            Holm's husband, Tomas, a baker, said he called for help for hours. \
            It took a day before help arrived, he said.";
        let all = find_attributions(body, &split_sentences(body), &[man]);
        assert_eq!(one(&all, "before help arrived").speaker, "Tomas", "{all:#?}");
    }

    #[test]
    fn a_negated_verb_or_a_reporting_credit_is_no_attribution() {
        let all = find("The agency hasn't independently confirmed the rescue, but the paper published photos.");
        assert!(all.iter().all(|a| !a.speaker.contains("n't")), "{all:#?}");
        let all = find("Ada Lindqvist reported from Oslo, and Paul Okafor wrote from Lagos.");
        assert!(all.is_empty(), "{all:#?}");
    }

    /// Megabytes of quotes, cues and commas: bounded work, no panic.
    #[test]
    fn hostile_megabyte_input_is_bounded() {
        let bodies = [
            "\"a b,\" he said, \"c d\" ".repeat(60_000),
            "said, said says, told that ".repeat(60_000),
            "'".repeat(1 << 20),
            "\u{201c}x y".repeat(300_000),
            format!("{}\"{}", "Smith said ".repeat(50_000), "word ".repeat(100_000)),
        ];
        for body in bodies {
            let sentences = split_sentences(&body);
            let window = crate::analysis_window(&sentences);
            let started = std::time::Instant::now();
            let all = find_attributions(&body, window, &[]);
            assert!(all.len() <= MAX_ATTRIBUTIONS);
            assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
        }
    }
}
