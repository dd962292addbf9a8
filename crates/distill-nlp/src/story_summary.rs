//! Story summaries: key points of one story drawn from all of its articles.
//!
//! A story gathers several outlets' reports of one event, which repeat the same
//! facts in different words and sometimes disagree. Summarizing each article and
//! concatenating would state every fact three times; this module picks sentences
//! from the whole story instead: a sentence scores by how many of the story's
//! articles share its content words (a fact the outlets agree is central) and by
//! its place in its article's lead, and the picks are made greedily under a word
//! budget. A sentence that restates a chosen one becomes one more citation of that
//! bullet (each fact once, citing every article that states it), unless the two
//! give different numbers for the same fact: then both stay, one after the other,
//! so that the disagreement between sources is visible and each is cited.
//!
//! Everything is extractive (bullets are sentences of the articles, shortened only by
//! deleting spans, as the per-article key points are), deterministic, and bounded:
//! at most [`MAX_ARTICLES`] articles and the first [`MAX_SENTENCES`] sentences of
//! each are read. Citations index sentences as [`crate::split_sentences`] splits the
//! article's text. This module never reads or writes a store.

use std::collections::{BTreeMap, BTreeSet};

use crate::sentences::split_sentences;
use crate::summary::compress;
use crate::terms::content_stems;

/// Most articles of a story read (the first ones given).
pub const MAX_ARTICLES: usize = 64;
/// Most sentences read per article (the lead carries the facts).
pub const MAX_SENTENCES: usize = 60;
/// Most words in one bullet.
const MAX_BULLET_WORDS: usize = 40;
/// Fewest words in a usable sentence.
const MIN_WORDS: usize = 6;
/// Share of the shorter sentence's content stems that two sentences must share to
/// state the same fact.
const SAME_FACT: f64 = 0.55;
/// Share of content stems above which two sentences with different figures for one
/// count are taken as two accounts of one fact.
const RELATED: f64 = 0.25;

/// One article of a story, as the summarizer reads it.
#[derive(Debug, Clone, Copy)]
pub struct StoryDoc<'a> {
    /// The article's id, which citations name.
    pub id: &'a str,
    /// Headline (may be empty).
    pub title: &'a str,
    /// Body text; citations index its sentences.
    pub text: &'a str,
    /// The outlet, when known.
    pub source: Option<&'a str>,
    /// Publication time in seconds since the epoch, when known.
    pub published: Option<i64>,
}

/// A sentence of one article that a bullet states.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct StoryCitation {
    /// The article's id.
    pub id: String,
    /// The sentence's index in the article's sentences.
    pub sentence: usize,
}

/// One key point of a story.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryBullet {
    /// The text: a sentence of the first cited article, possibly shortened by deleting spans.
    pub text: String,
    /// Every article sentence that states this fact; the first is the one quoted.
    pub citations: Vec<StoryCitation>,
    /// Whether this bullet gives a figure that another bullet of the same fact
    /// contradicts (sources disagree).
    pub disputed: bool,
}

/// A sentence that may become a bullet.
struct Candidate {
    article: usize,
    sentence: usize,
    text: String,
    /// The sentence as written, for shortening it further to fit the budget.
    original: String,
    words: usize,
    stems: BTreeSet<String>,
    /// Figures with what they count: (unit stem, figure).
    figures: BTreeSet<(String, String)>,
    score: f64,
}

/// Returns the key points of a story of `articles`, at most `words` words in all,
/// most important first.
pub fn summarize_story(articles: &[StoryDoc<'_>], words: usize) -> Vec<StoryBullet> {
    let articles = &articles[..articles.len().min(MAX_ARTICLES)];
    let candidates = candidates(articles);
    let mut bullets: Vec<(StoryBullet, usize)> = Vec::new();
    let mut used_words = 0;
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| {
        candidates[b].score.total_cmp(&candidates[a].score).then_with(|| {
            (candidates[a].sentence, candidates[a].article).cmp(&(candidates[b].sentence, candidates[b].article))
        })
    });
    for i in order {
        let c = &candidates[i];
        // A chosen bullet from another outlet that gives another figure for the
        // same count: the sources disagree, and both figures stay.
        let conflict = bullets.iter().position(|(_, k)| {
            let chosen = &candidates[*k];
            chosen.article != c.article
                && containment(&c.stems, &chosen.stems) >= RELATED
                && disagree(&c.figures, &chosen.figures)
        });
        if let Some(b) = conflict {
            let told = bullets.iter().any(|(_, k)| c.figures.is_subset(&candidates[*k].figures));
            if !told && used_words + c.words <= words {
                bullets[b].0.disputed = true;
                used_words += c.words;
                bullets.insert(b + 1, (bullet(articles, c, true), i));
            }
            continue;
        }
        // The chosen bullet that states the same fact, if any.
        let same =
            bullets.iter().position(|(_, chosen)| containment(&c.stems, &candidates[*chosen].stems) >= SAME_FACT);
        match same {
            Some(b) => {
                {
                    let citation = StoryCitation { id: articles[c.article].id.to_string(), sentence: c.sentence };
                    // One citation per article and bullet: the first sentence found states it.
                    let cited = &mut bullets[b].0.citations;
                    if !cited.iter().any(|x| x.id == citation.id) {
                        cited.push(citation);
                    }
                }
            }
            None if used_words + c.words <= words => {
                used_words += c.words;
                bullets.push((bullet(articles, c, false), i));
            }
            None => {
                // Shortened further (deleting spans only), it may still fit.
                let left = words - used_words;
                if left >= MIN_WORDS
                    && let Some(short) = compress(&c.original, left)
                {
                    let n = short.split_whitespace().count();
                    if (MIN_WORDS..=left).contains(&n) {
                        used_words += n;
                        let mut b = bullet(articles, c, false);
                        b.text = short;
                        bullets.push((b, i));
                    }
                }
            }
        }
    }
    bullets.into_iter().map(|(b, _)| b).collect()
}

fn bullet(articles: &[StoryDoc<'_>], c: &Candidate, disputed: bool) -> StoryBullet {
    StoryBullet {
        text: c.text.clone(),
        citations: vec![StoryCitation { id: articles[c.article].id.to_string(), sentence: c.sentence }],
        disputed,
    }
}

/// Every usable sentence of the story, scored.
fn candidates(articles: &[StoryDoc<'_>]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (a, doc) in articles.iter().enumerate() {
        for s in split_sentences(doc.text).iter().take(MAX_SENTENCES) {
            let Some(text) = compress(&s.text, MAX_BULLET_WORDS) else { continue };
            let words = text.split_whitespace().count();
            if words < MIN_WORDS || text.ends_with('?') || !starts_well(&text) {
                continue;
            }
            let stems: BTreeSet<String> = content_stems(&text).into_iter().collect();
            if stems.len() < 3 {
                continue;
            }
            out.push(Candidate {
                article: a,
                sentence: s.index,
                figures: figures(&text),
                text,
                original: s.text.clone(),
                words,
                stems,
                score: 0.0,
            });
        }
    }
    // How many articles (and titles) use each stem: what the outlets agree on.
    let mut per_article: Vec<BTreeSet<String>> = vec![BTreeSet::new(); articles.len()];
    for c in &out {
        per_article[c.article].extend(c.stems.iter().cloned());
    }
    let mut support: BTreeMap<String, f64> = BTreeMap::new();
    for stems in per_article {
        for s in stems {
            *support.entry(s).or_default() += 1.0;
        }
    }
    let titles: Vec<BTreeSet<String>> =
        articles.iter().map(|d| content_stems(d.title).into_iter().collect::<BTreeSet<_>>()).collect();
    let n = articles.len().max(1) as f64;
    for c in &mut out {
        let shared: f64 = c.stems.iter().map(|s| support.get(s.as_str()).copied().unwrap_or(0.0) / n).sum();
        let centrality = shared / (c.stems.len() as f64 + 4.0).sqrt();
        let in_titles = titles.iter().filter(|t| !t.is_empty()).map(|t| c.stems.intersection(t).count()).sum::<usize>()
            as f64
            / (c.stems.len() as f64).sqrt()
            / n;
        // The lead states the event; later sentences add detail.
        let position = 1.0 / (1.0 + c.sentence as f64).sqrt();
        c.score = centrality + 0.3 * in_titles + 0.8 * position;
    }
    out
}

/// Whether a sentence starts as a statement does (not mid-sentence after a bad split).
fn starts_well(text: &str) -> bool {
    let first = text.chars().next().unwrap_or(' ');
    first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '“' | '\'' | '‘')
}

/// Share of the smaller set that the two sets share.
fn containment(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 { 0.0 } else { a.intersection(b).count() as f64 / smaller as f64 }
}

/// Whether two sentences give different figures for one count (the same unit).
pub fn disagree(a: &BTreeSet<(String, String)>, b: &BTreeSet<(String, String)>) -> bool {
    a.iter().any(|(unit, figure)| b.iter().any(|(u, f)| u == unit && f != figure)) && !a.iter().any(|x| b.contains(x))
}

/// The figures a sentence gives, each with the stem of the word it counts
/// ("120 firefighters" -> ("firefight", "120"); "1,200" and "1200" alike; "2.5
/// million people" counts people).
pub fn figures(text: &str) -> BTreeSet<(String, String)> {
    const SCALES: &[&str] = &["hundred", "thousand", "million", "billion", "trillion"];
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '"' | '“' | '”'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = BTreeSet::new();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_end_matches(['.', ',', ';', ':']);
        if !w.starts_with(|c: char| c.is_ascii_digit() || c == '$') || !w.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let mut figure: String = w.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
        let mut unit = if w.ends_with('%') { Some("percent".to_string()) } else { None };
        let mut j = i + 1;
        while unit.is_none() && j < words.len() && j <= i + 3 {
            let next = words[j].trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            if SCALES.contains(&next.as_str()) {
                figure.push(' ');
                figure.push_str(&next);
            } else if let Some(stem) = content_stems(&next).into_iter().next() {
                unit = Some(stem);
            }
            j += 1;
        }
        if let Some(unit) = unit
            && !figure.is_empty()
        {
            out.insert((unit, figure));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(id: &'a str, title: &'a str, text: &'a str) -> StoryDoc<'a> {
        StoryDoc { id, title, text, source: None, published: None }
    }

    const A: &str = "A fire destroyed a warehouse in the port of Antwerp on Tuesday night, the fire brigade said. About 120 firefighters fought the blaze for six hours. Nobody was hurt, according to the city. The warehouse stored bicycle tyres and paint.";
    const B: &str = "Fire destroyed a large warehouse in Antwerp's port late on Tuesday, firefighters said. Some 80 firefighters battled the blaze through the night. The city said nobody was hurt in the fire. Smoke drifted over the northern districts and residents were told to keep windows shut.";
    const C: &str = "A huge blaze gutted a port warehouse in Antwerp on Tuesday night, the fire brigade said. Residents of northern districts were told to keep their windows closed because of the smoke. Police are investigating the cause of the fire.";

    fn story() -> Vec<StoryDoc<'static>> {
        vec![
            doc("a", "Fire destroys Antwerp port warehouse", A),
            doc("b", "Blaze guts warehouse in Antwerp port", B),
            doc("c", "Huge fire at Antwerp port", C),
        ]
    }

    #[test]
    fn each_fact_is_stated_once_and_cites_every_article_that_states_it() {
        let bullets = summarize_story(&story(), 100);
        assert!(!bullets.is_empty());
        let fire: Vec<&StoryBullet> =
            bullets.iter().filter(|b| ["destroyed", "gutted"].iter().any(|w| b.text.contains(w))).collect();
        assert_eq!(fire.len(), 1, "{bullets:#?}");
        let ids: BTreeSet<&str> = fire[0].citations.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, BTreeSet::from(["a", "b", "c"]), "{bullets:#?}");
        let hurt = bullets.iter().filter(|b| b.text.contains("hurt")).count();
        assert!(hurt <= 1, "{bullets:#?}");
    }

    #[test]
    fn differing_figures_for_one_fact_are_both_kept() {
        let bullets = summarize_story(&story(), 100);
        let counts: Vec<&StoryBullet> = bullets.iter().filter(|b| b.text.contains("firefighters")).collect();
        assert!(counts.iter().any(|b| b.text.contains("120")), "{bullets:#?}");
        assert!(counts.iter().any(|b| b.text.contains("80")), "{bullets:#?}");
        assert!(counts.iter().all(|b| b.disputed), "{bullets:#?}");
    }

    #[test]
    fn citations_point_at_the_sentence_the_bullet_quotes() {
        let docs = story();
        for b in summarize_story(&docs, 100) {
            for (k, c) in b.citations.iter().enumerate() {
                let doc = docs.iter().find(|d| d.id == c.id).expect("a cited article");
                let sentences = split_sentences(doc.text);
                let sentence = &sentences.get(c.sentence).expect("a real sentence").text;
                if k == 0 {
                    // Extractive: every word of the bullet is in its first citation.
                    for w in b.text.split_whitespace() {
                        assert!(sentence.contains(w.trim_matches(|c: char| !c.is_alphanumeric())), "{w} of {b:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_word_budget_holds() {
        for budget in [0, 5, 20, 40, 100, 1000] {
            let bullets = summarize_story(&story(), budget);
            let words: usize = bullets.iter().map(|b| b.text.split_whitespace().count()).sum();
            assert!(words <= budget, "{budget}: {words}");
        }
        assert!(!summarize_story(&story(), 30).is_empty());
    }

    #[test]
    fn the_same_input_gives_the_same_summary_and_odd_inputs_give_none() {
        assert_eq!(summarize_story(&story(), 80), summarize_story(&story(), 80));
        assert!(summarize_story(&[], 100).is_empty());
        let long = "x".repeat(10_000);
        let odd = [doc("x", "", ""), doc("y", "", "   "), doc("z", "", &long)];
        assert!(summarize_story(&odd, 100).is_empty());
    }

    #[test]
    fn figures_keep_what_they_count() {
        let got = figures("About 1,200 people (12%) lost 2.5 million euros.");
        let want: BTreeSet<(String, String)> = [("people", "1200"), ("euros", "2.5 million")]
            .into_iter()
            .map(|(u, f)| (stem_of(u), f.to_string()))
            .chain([("percent".to_string(), "12".to_string())])
            .collect();
        assert_eq!(got, want);
    }

    fn stem_of(word: &str) -> String {
        content_stems(word).into_iter().next().unwrap_or_default()
    }
}
