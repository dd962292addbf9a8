//! Terms of one article: content words with light stemming, named entities
//! (capitalized spans), and key phrases (runs of content words), with the sentences
//! each occurs in. Summaries and questions are built from these.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use distill_core::Sentence;
use distill_core::time::WEEKDAYS;
use rustc_hash::FxHashSet;

/// English function words, skipped when weighing content.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "least",
    "less",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "said",
    "same",
    "says",
    "say",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "two",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "according",
    "told",
    "another",
    "among",
    "already",
    "across",
    "around",
    "every",
    "including",
    "instead",
    "rather",
    "though",
    "although",
    "whose",
    "s",
    "t",
    "mr",
    "mrs",
    "ms",
    "dr",
    "year",
    "years",
    "time",
    "week",
    "according",
];

/// Capitalized words that open sentences but are not names.
const NOT_ENTITIES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "There",
    "As",
    "After",
    "According",
    "Meanwhile",
    "However",
    "While",
    "When",
    "If",
    "For",
    "Some",
    "Many",
    "Most",
    "Critics",
    "Analysts",
    "Officials",
    "Both",
    "No",
    "Yet",
    "Still",
    "Since",
    "Last",
    "Earlier",
    "What",
    "Our",
    "My",
    "One",
    "Such",
    "Other",
    "With",
    "By",
    "To",
    "Beyond",
    "Furthermore",
    "Moreover",
    "Despite",
    "Although",
    "Speaking",
    "Under",
    "Over",
    "From",
    "Why",
    "How",
    "Who",
    "Where",
    "Which",
    "Whether",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Also",
    "Even",
    "More",
    "Less",
    "Several",
    "Others",
    "Each",
    "Every",
    "Any",
    "All",
    "Not",
    "Only",
    "Just",
    "Here",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "President",
    "Minister",
    "Professor",
    "Chief",
    "Senator",
    "Governor",
    "Mayor",
    "Reporting",
    "Editing",
    "Writing",
    "Additional",
    "Photo",
    "Image",
    "Read",
    "Click",
    "Sign",
    "Share",
    "Follow",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// Returns true for a function word.
pub fn is_stopword(word: &str) -> bool {
    // Asked for every word of every article: a hashed set, not a scan of the list.
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().chain(WEEKDAYS.iter()).copied().collect()).contains(word)
}

/// Returns true for a capitalized word that opens sentences but names no one: the
/// list above, and the days of the week ("Monday").
fn not_entity(word: &str) -> bool {
    NOT_ENTITIES.contains(&word) || is_weekday(word)
}

/// "Monday" (capitalized, as a sentence or a date writes it).
fn is_weekday(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase()) && WEEKDAYS.iter().any(|day| word.eq_ignore_ascii_case(day))
}

/// Light suffix stripping so "agreements" and "agreement" count as one term.
pub fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    for suffix in ["ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s", "ly"] {
        if w.len() > suffix.len() + 3 && w.ends_with(suffix) {
            let base = &w[..w.len() - suffix.len()];
            return match suffix {
                "ies" | "ied" => format!("{base}y"),
                _ => base.to_string(),
            };
        }
    }
    w
}

/// Content-word stems of a text (no stopwords, no numbers-only tokens).
pub fn content_stems(text: &str) -> Vec<String> {
    distill_core::text::words(text)
        .filter(|w| !is_stopword(w) && w.chars().any(char::is_alphabetic) && w.len() > 1)
        .map(|w| stem(&w))
        .collect()
}

/// A named entity and the sentences that mention it.
#[derive(Debug, Clone)]
pub struct Entity {
    /// The fullest surface form ("Temur Umarov").
    pub name: String,
    /// The short form used in questions ("Umarov" for a person, else `name`).
    pub short: String,
    /// Indices of the sentences that mention it (by any of its forms).
    pub sentences: Vec<usize>,
    /// How often it is mentioned.
    pub count: usize,
    /// Whether it appears in the title.
    pub in_title: bool,
    /// Whether it looks like a person: a full name also written by surname alone,
    /// or a name that speaks ("Okafor said").
    pub person: bool,
}

/// A key phrase (lowercase run of content words) and where it occurs.
#[derive(Debug, Clone)]
pub struct Phrase {
    /// The phrase as written in the text.
    pub text: String,
    /// Indices of sentences containing it.
    pub sentences: Vec<usize>,
    /// RAKE-style score: frequency times degree.
    pub score: f64,
}

/// Term statistics of one article.
#[derive(Debug, Clone)]
pub struct Terms {
    /// Stem frequencies over the whole body.
    pub frequency: HashMap<String, usize>,
    /// Content stems of the title.
    pub title_stems: Vec<String>,
    /// Content stems of each sentence.
    pub sentence_stems: Vec<Vec<String>>,
    /// Entities, most mentioned first.
    pub entities: Vec<Entity>,
    /// Key phrases, best first.
    pub phrases: Vec<Phrase>,
}

impl Terms {
    /// Computes the terms of an article from its title and sentences.
    pub fn new(title: &str, sentences: &[Sentence]) -> Terms {
        let sentence_stems: Vec<Vec<String>> = sentences.iter().map(|s| content_stems(&s.text)).collect();
        let mut frequency = HashMap::new();
        for stems in &sentence_stems {
            for s in stems {
                *frequency.entry(s.clone()).or_insert(0) += 1;
            }
        }
        Terms {
            frequency,
            title_stems: content_stems(title),
            entities: entities(title, sentences),
            phrases: phrases(sentences),
            sentence_stems,
        }
    }
}

/// Splits a sentence into segments at punctuation that ends a name (commas,
/// parentheses, quotes, dashes), then into word tokens keeping inner hyphens,
/// apostrophes and the dots of initials ("IS-K", "J.", "U.S.").
fn segments(text: &str) -> Vec<Vec<&str>> {
    text.split([',', ';', ':', '(', ')', '"', '“', '”', '[', ']', '—', '–'])
        .map(|segment| {
            segment
                .split_whitespace()
                .map(|t| {
                    let t = t.trim_start_matches(['\'', '‘', '’']);
                    let t = t.trim_end_matches("'s").trim_end_matches("’s");
                    let initial = t.len() == 2 && t.ends_with('.') && t.starts_with(|c: char| c.is_uppercase());
                    let acronym = t.len() > 2 && t.ends_with('.') && t[..t.len() - 1].contains('.');
                    if initial || acronym { t } else { t.trim_end_matches(['.', '!', '?', '\'', '‘', '’']) }
                })
                .filter(|t| !t.is_empty())
                .collect()
        })
        .collect()
}

fn is_capitalized(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_uppercase)
}

/// Verbs of speech that mark a name as a speaker ("Okafor said", "said Okafor").
const SPEECH_VERBS: &[&str] = &["said", "says", "told", "argued", "argues", "noted", "warned", "added", "wrote"];

/// Titles and roles written before a name ("Chief Executive Lorna Ade").
const TITLES: &[&str] = &[
    "Chief",
    "Executive",
    "President",
    "Minister",
    "Secretary",
    "Director",
    "Officer",
    "Senator",
    "Governor",
    "Mayor",
    "Judge",
    "Justice",
    "Professor",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "General",
    "Gen.",
    "Commissioner",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Spokesman",
    "Spokeswoman",
    "Deputy",
    "Vice",
    "Prime",
    "Foreign",
    "Finance",
    "Interior",
    "Defense",
    "Attorney",
    "Sen.",
    "Rep.",
    "Gov.",
    "Prof.",
    "Lt.",
    "Col.",
    "Capt.",
    "Sgt.",
    "Councillor",
    "Councilor",
    "Inspector",
    "Superintendent",
    "Economist",
    "Analyst",
    "Founder",
    "CEO",
    "Sen",
    "Rep",
    "Gov",
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Prof",
    "Lt",
    "Col",
    "Capt",
    "Sgt",
    "Maj",
    "Gen",
];

/// Most distinct names an article's entities are chosen from.
const MAX_NAMES: usize = 256;

fn entities(title: &str, sentences: &[Sentence]) -> Vec<Entity> {
    // Words the text also writes in lower case are common words when they open a
    // sentence ("Police said", "Shares of ..."), not names.
    let lowercase_words: HashSet<String> = sentences
        .iter()
        .flat_map(|s| s.text.split(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(str::to_string)
        .collect();
    let common = |t: &str| lowercase_words.contains(&t.to_lowercase());
    let mut found: HashMap<String, (usize, Vec<usize>)> = HashMap::new();
    // One-word names seen somewhere other than the opening of a sentence.
    let mut inside: HashSet<String> = HashSet::new();
    for s in sentences {
        let mut before = 0;
        // A dateline's agency ("(CWS)") is a credit, not an actor.
        for toks in segments(crate::sentences::strip_dateline(&s.text)) {
            let mut i = 0;
            while i < toks.len() {
                if !is_capitalized(toks[i])
                    || (not_entity(toks[i]) && i + 1 < toks.len() && !is_capitalized(toks[i + 1]))
                {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                while j < toks.len() {
                    if is_capitalized(toks[j]) && !not_entity(toks[j]) {
                        j += 1;
                    } else if matches!(toks[j], "of" | "de" | "al" | "for" | "the")
                        && toks.get(j + 1).is_some_and(|t| is_capitalized(t) && !not_entity(t))
                        && j == i + 1
                    {
                        // "Bank of Norvale", but not "Hugo Brannigan of Castlemere Partners".
                        j += 2;
                    } else {
                        break;
                    }
                }
                let mut span: Vec<&str> = toks[i..j].to_vec();
                let opens_sentence = i == 0 && before == 0;
                if opens_sentence && span.first().is_some_and(|t| common(t)) {
                    span.remove(0);
                }
                while span.first().is_some_and(|t| not_entity(t) || TITLES.contains(t)) && span.len() > 1 {
                    span.remove(0);
                }
                if span.len() == 1 && (not_entity(span[0]) || TITLES.contains(&span[0])) {
                    span.clear();
                }
                if !span.is_empty() && span.len() <= 6 {
                    let name = span.join(" ");
                    if !opens_sentence || span.len() > 1 {
                        inside.insert(name.clone());
                    }
                    let entry = found.entry(name).or_insert((0, Vec::new()));
                    entry.0 += 1;
                    if entry.1.last() != Some(&s.index) {
                        entry.1.push(s.index);
                    }
                }
                i = j.max(i + 1);
            }
            before += toks.len();
        }
    }
    split_glued(&mut found);
    // A one-word "name" only ever seen opening a sentence is a capitalized common
    // word ("Attackers have ...", "Police said").
    let ends: HashSet<String> = found
        .keys()
        .filter_map(|n| n.split_once(' ').map(|(first, _)| first).zip(n.rsplit_once(' ').map(|(_, last)| last)))
        .flat_map(|(first, last)| [first.to_string(), last.to_string()])
        .collect();
    found.retain(|name, _| name.contains(' ') || inside.contains(name) || ends.contains(name));
    // The most mentioned names only: the steps below compare names with names, and
    // a text of thousands of names (a list, a hostile page) must not cost their square.
    if found.len() > MAX_NAMES {
        let mut counts: Vec<(usize, String)> = found.iter().map(|(name, (count, _))| (*count, name.clone())).collect();
        counts.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let keep: HashSet<String> = counts.into_iter().take(MAX_NAMES).map(|(_, name)| name).collect();
        found.retain(|name, _| keep.contains(name));
    }
    // Fold a one-word name into the longer name it ends or starts ("Umarov" into
    // "Temur Umarov", "Taliban" stays apart from "Taliban leadership" which is lowercase).
    // In name order, so that ties fall the same way on every run.
    let mut names: Vec<String> = found.keys().cloned().collect();
    names.sort_unstable();
    let mut merged: Vec<Entity> = Vec::new();
    let mut absorbed: BTreeMap<String, String> = BTreeMap::new();
    for name in &names {
        if name.contains(' ') {
            continue;
        }
        let longer = names
            .iter()
            .filter(|n| n.contains(' ') && (n.ends_with(&format!(" {name}")) || n.starts_with(&format!("{name} "))))
            .max_by_key(|n| found[*n].0);
        if let Some(longer) = longer
            && longer.split(' ').count() == 2
        {
            absorbed.insert(name.clone(), longer.clone());
        }
    }
    for (name, (count, sents)) in &found {
        if absorbed.contains_key(name) {
            continue;
        }
        let mut count = *count;
        let mut sents = sents.clone();
        let mut short = name.clone();
        for (alias, target) in &absorbed {
            if target == name {
                count += found[alias].0;
                sents.extend(&found[alias].1);
                if target.ends_with(&format!(" {alias}")) {
                    short = alias.clone();
                }
            }
        }
        sents.sort_unstable();
        sents.dedup();
        let in_title = title.contains(name.as_str()) || title.contains(short.as_str());
        // Only the sentences that mention the name can show it speaking.
        let speaks = sents.iter().filter_map(|&i| sentences.get(i)).any(|s| {
            [name.as_str(), short.as_str()].iter().any(|n| {
                s.text.match_indices(n).any(|(at, _)| {
                    let after = s.text[at + n.len()..].trim_start();
                    let before = s.text[..at].trim_end();
                    SPEECH_VERBS.iter().any(|v| after.starts_with(v) || before.ends_with(v))
                })
            })
        });
        // Initials ("J. R. Amberley") only ever belong to people.
        let initials = name.split(' ').any(|w| w.len() == 2 && w.ends_with('.'));
        let person = (short != *name || speaks || initials) && name.split(' ').count() <= 4;
        merged.push(Entity { name: name.clone(), short, sentences: sents, count, in_title, person });
    }
    merged.retain(|e| {
        let letters = e.name.chars().filter(|c| c.is_alphabetic()).count();
        let single = !e.name.contains(' ');
        let demonym = single && ["ian", "ean", "ese", "ern", "ish"].iter().any(|s| e.name.ends_with(s));
        let shouting = e.name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && letters > 5;
        letters >= 2 && !demonym && !shouting
    });
    // Names mostly written after "the" keep it ("the Taliban", "the White House").
    for e in &mut merged {
        let mentions: Vec<&str> =
            e.sentences.iter().filter_map(|&i| sentences.get(i)).map(|s| s.text.as_str()).collect();
        let with_the = mentions.iter().filter(|t| t.contains(&format!("the {}", e.short))).count();
        let total = mentions.iter().filter(|t| t.contains(&e.short)).count();
        if with_the * 2 > total && !e.short.starts_with("the ") {
            e.short = format!("the {}", e.short);
        }
    }
    merged.sort_by(|a, b| {
        let score = |e: &Entity| e.count * 2 + usize::from(e.in_title) * 3 + e.name.split(' ').count();
        score(b).cmp(&score(a)).then_with(|| a.name.cmp(&b.name))
    });
    merged
}

/// Splits a name written once that glues two names where a caption or a missing
/// comma ran them together ("at Aintree Treadwell's contented look", "Watching
/// McLean deliver", "Currently Shalev is"): its last word is the surname of another
/// name the article writes in full ("Liam Treadwell"), and its head is a name the
/// article writes alone, or a single word that opens a sentence and is an adverb or
/// a gerund (which is then dropped). The entity tagger splits such runs the same way.
fn split_glued(found: &mut HashMap<String, (usize, Vec<usize>)>) {
    // How many names of several words end in each word, counted once (linear in names).
    let mut endings: HashMap<&str, usize> = HashMap::new();
    for name in found.keys() {
        if let Some((_, last)) = name.rsplit_once(' ') {
            *endings.entry(last).or_default() += 1;
        }
    }
    let mut glued = Vec::new();
    for (name, (count, _)) in found.iter() {
        let Some((head, surname)) = name.rsplit_once(' ') else { continue };
        if *count != 1 || head.ends_with(" of") {
            continue;
        }
        // Another name of several words ends in the same word ("Liam Treadwell").
        let person = endings.get(surname).is_some_and(|&n| n > 1);
        let opener = !head.contains(' ') && crate::entities::adverb_or_gerund(head);
        if person && (found.contains_key(head) || opener) {
            glued.push((name.clone(), head.to_string(), surname.to_string(), opener));
        }
    }
    glued.sort_unstable();
    for (name, head, surname, opener) in glued {
        let Some((_, sentences)) = found.remove(&name) else { continue };
        let parts = if opener { vec![surname] } else { vec![head, surname] };
        for part in parts {
            let entry = found.entry(part).or_insert((0, Vec::new()));
            entry.0 += 1;
            entry.1.extend(&sentences);
            entry.1.sort_unstable();
            entry.1.dedup();
        }
    }
}

fn phrases(sentences: &[Sentence]) -> Vec<Phrase> {
    // Every 2- and 3-word n-gram inside a run of content words (no stopword, no
    // punctuation break, no capitalized name) is a candidate; the ones repeated
    // across sentences win.
    let mut found: HashMap<String, (String, Vec<usize>)> = HashMap::new();
    for s in sentences {
        let mut run: Vec<&str> = Vec::new();
        let toks: Vec<&str> = s.text.split(char::is_whitespace).collect();
        for raw in toks.iter().chain(std::iter::once(&"")) {
            let breaks = raw.is_empty() || raw.ends_with([',', '.', ';', ':', '?', '!', ')']) || raw.starts_with('(');
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            let lower = word.to_lowercase();
            let content = !word.is_empty()
                && !is_stopword(&lower)
                && lower.chars().any(char::is_alphabetic)
                && !is_capitalized(word);
            if content {
                run.push(word);
            }
            if !content || breaks {
                for n in 2..=3 {
                    for gram in run.windows(n) {
                        let key = gram.iter().map(|w| stem(w)).collect::<Vec<_>>().join(" ");
                        let entry = found.entry(key).or_insert_with(|| (gram.join(" "), Vec::new()));
                        if entry.1.last() != Some(&s.index) {
                            entry.1.push(s.index);
                        }
                    }
                }
                run.clear();
            }
        }
    }
    let mut phrases: Vec<Phrase> = found
        .into_values()
        .map(|(text, sentences)| {
            let len = text.split(' ').count() as f64;
            Phrase { score: sentences.len() as f64 * len.sqrt(), text, sentences }
        })
        .collect();
    phrases.sort_by(|a, b| {
        b.score.total_cmp(&a.score).then_with(|| a.sentences[0].cmp(&b.sentences[0])).then_with(|| a.text.cmp(&b.text))
    });
    phrases
}

/// Dot product of two sparse vectors sorted by key (their cosine, when both are
/// normalized).
pub(crate) fn sparse_dot<K: Ord>(a: &[(K, f64)], b: &[(K, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::split_sentences;

    #[test]
    fn entities_are_the_same_on_every_run() {
        // "Jordan" ends one two-word name and opens another, each named once: a tie.
        let text = "Michael Jordan met Jordan Peele in Chicago on Monday. \
                    Later, Jordan said the film would open in May. Critics praised Peele.";
        let sentences = split_sentences(text);
        let first: Vec<(String, String)> =
            Terms::new("", &sentences).entities.into_iter().map(|e| (e.name, e.short)).collect();
        for _ in 0..30 {
            let again: Vec<(String, String)> =
                Terms::new("", &sentences).entities.into_iter().map(|e| (e.name, e.short)).collect();
            assert_eq!(again, first);
        }
    }

    #[test]
    fn entities_merge_surnames_and_skip_openers() {
        let text = "Temur Umarov, a fellow at the Carnegie Russia Eurasia Center, argues the pact is defensive. \
                    Umarov said Russia fears IS-K. However, critics in Tajikistan disagree. The Taliban welcomed Russia's offer.";
        let sentences = split_sentences(text);
        let terms = Terms::new("Russia and the Taliban", &sentences);
        let names: Vec<&str> = terms.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Temur Umarov"), "{names:?}");
        assert!(names.contains(&"Carnegie Russia Eurasia Center"), "{names:?}");
        assert!(names.contains(&"IS-K"), "{names:?}");
        assert!(!names.contains(&"However"), "{names:?}");
        let umarov = terms.entities.iter().find(|e| e.name == "Temur Umarov").unwrap();
        assert_eq!(umarov.short, "Umarov");
        assert_eq!(umarov.sentences, [0, 1]);
        let russia = terms.entities.iter().find(|e| e.name == "Russia").unwrap();
        assert!(russia.in_title);
    }

    /// Names a caption or a missing comma ran together are two names (issue 19: "What
    /// is known so far about Aintree Treadwell?", "Who is Currently Shalev?").
    #[test]
    fn glued_names_come_apart() {
        let text = "Liam Treadwell rode at Aintree in 2009. The horse won at Aintree Treadwell's smile said it all. \
                    Treadwell thanked the trainer. Karim Benzema was hurt against Malaga. \
                    The striker missed the game against Malaga Benzema rolls on the floor in a photo. \
                    Aner Shalev writes novels. Currently Shalev is a professor in Jerusalem. \
                    Don McLean sang for an hour. Watching McLean deliver the song is a joy.";
        let terms = Terms::new("", &split_sentences(text));
        let names: Vec<&str> = terms.entities.iter().map(|e| e.name.as_str()).collect();
        for glued in ["Aintree Treadwell", "Malaga Benzema", "Currently Shalev", "Currently", "Watching McLean"] {
            assert!(!names.contains(&glued), "{glued} in {names:?}");
        }
        for name in ["Liam Treadwell", "Aintree", "Karim Benzema", "Malaga", "Aner Shalev"] {
            assert!(names.contains(&name), "{name} not in {names:?}");
        }
        let treadwell = terms.entities.iter().find(|e| e.name == "Liam Treadwell").unwrap();
        assert_eq!(treadwell.sentences, [0, 1, 2]);
        // A name written in full twice is no glue ("Boston Red Sox" beside "Red Sox").
        let text =
            "Chris Sale pitched for the Boston Red Sox. The Red Sox won. Sale struck out nine for the Boston Red Sox.";
        let terms = Terms::new("", &split_sentences(text));
        assert!(terms.entities.iter().any(|e| e.name == "Boston Red Sox"));
    }

    #[test]
    fn phrases_are_runs_of_content_words() {
        let text =
            "The military-technical agreement was signed. The military-technical agreement covers weapons transfers.";
        let terms = Terms::new("", &split_sentences(text));
        assert_eq!(terms.phrases[0].text, "military-technical agreement");
        assert_eq!(terms.phrases[0].sentences, [0, 1]);
        assert_eq!(stem("agreements"), stem("agreement"));
    }

    /// The days come from the one list in `distill_core::time`: a day opening or
    /// inside a sentence is neither an entity nor a content word.
    #[test]
    fn weekdays_are_not_names() {
        let text = "On Monday, Ada Okafor said the Harbour Board would meet again. Tuesday brought no deal for Okafor.";
        let terms = Terms::new("", &split_sentences(text));
        let names: Vec<&str> = terms.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.iter().all(|n| !n.contains("Monday") && !n.contains("Tuesday")), "{names:?}");
        assert!(names.contains(&"Ada Okafor"), "{names:?}");
        assert!(is_stopword("friday") && !is_stopword("harbour"));
    }
}
