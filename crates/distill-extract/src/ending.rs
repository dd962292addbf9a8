//! Where one article ends and the next begins. Pages that go on with the next story
//! (infinite scroll, "read next" with the whole next text, a second `<article>` with
//! its own headline and byline) put it in the same container as the first, so the
//! selection keeps both and the body comes out two or three times its length. The
//! signs of a new article are structural, not words of one site: a headline of the
//! first or second rank, after the body has begun, followed at once by its own byline
//! or date; or a marker line that announces the next story. The body stops there.

use crate::blocks::{Block, Role, Verdict, ends_sentence};
use crate::dom::{Dom, NONE};

/// The body must hold this much prose (characters) before a new article can begin:
/// a headline and a date above the first paragraph are the article's own.
const MIN_BODY: usize = 300;

/// A byline or date opens a new article only this many blocks below its headline.
const BYLINE_WITHIN: usize = 3;

/// Lines that announce the next story, lowercase.
const NEXT_MARKERS: &[&str] = &[
    "next article",
    "next story",
    "read next",
    "up next",
    "next post",
    "nächster artikel",
    "nächster beitrag",
    "article suivant",
    "siguiente artículo",
    "artykuł następny",
];

/// Drops from `keep` every block from the start of a following article on.
pub(crate) fn cut_at_next_article(dom: &Dom, blocks: &[Block], keep: &mut [bool]) {
    let article = article_of(dom);
    let mut prose = 0;
    let mut first_article = NONE;
    for i in 0..blocks.len() {
        let b = &blocks[i];
        let next_story = || {
            let headline = |h: &Block| (1..=2).contains(&h.level) && h.link_chars * 2 < h.chars;
            is_next_marker(b) && blocks[i + 1..].iter().take(2).any(headline) && {
                let after: usize = (i + 1..blocks.len())
                    .filter(|&j| keep[j] && blocks[j].role() == Role::Prose)
                    .map(|j| blocks[j].chars)
                    .sum();
                after >= MIN_BODY
            }
        };
        if prose >= MIN_BODY && (opens_article(dom, blocks, i, &article, first_article) || next_story()) {
            keep[i..].iter_mut().for_each(|k| *k = false);
            return;
        }
        if keep[i] && b.role() == Role::Prose {
            if prose == 0 {
                first_article = article[b.owner];
            }
            prose += b.chars;
        }
    }
}

/// The nearest `<article>` element around each node ([`NONE`] outside any).
fn article_of(dom: &Dom) -> Vec<usize> {
    let mut out = vec![NONE; dom.nodes.len()];
    for i in 0..dom.nodes.len() {
        let parent = dom.nodes[i].parent;
        out[i] = if dom.tag(i) == Some("article") {
            i
        } else if parent == NONE {
            NONE
        } else {
            out[parent]
        };
    }
    out
}

/// Drops from `keep` the subscription offer a paywalled story ends with: a run of
/// short kept blocks at the end of the body, at least two of them prices ("$1.99 a
/// month", "€9,99 / Monat") and one a call to subscribe. A table of prices inside a
/// story (a product review's) has no call to subscribe, and stays.
pub(crate) fn drop_price_table(blocks: &[Block], keep: &mut [bool]) {
    let Some(last) = keep.iter().rposition(|&k| k) else { return };
    let (mut prices, mut calls, mut start) = (0, 0, None);
    for i in (0..=last).rev() {
        let b = &blocks[i];
        let call = b.words <= OFFER_WORDS && is_subscribe_call(&b.text);
        if !keep[i] {
            // The offer's heading ("Subscribe to keep reading") is often dropped
            // already; it still says what the lines below it are.
            calls += usize::from(call);
            continue;
        }
        if b.words > OFFER_WORDS {
            break;
        }
        let price = has_price(&b.text);
        if !price && !call && b.words > 3 {
            break;
        }
        prices += usize::from(price);
        calls += usize::from(call);
        start = Some(i);
    }
    if let Some(start) = start
        && prices >= 2
        && calls >= 1
    {
        keep[start..].iter_mut().for_each(|k| *k = false);
    }
}

/// Drops from `keep` the short lines a body ends with after its last sentence: a
/// photo credit ("Titelbild:", "Crédits photos : …"), a category, a publication
/// stamp, a share prompt, a heading with nothing under it. A list the story ends
/// with stays (its items carry their marks).
pub(crate) fn drop_trailing_lines(blocks: &[Block], keep: &mut [bool]) {
    let Some(last) = keep.iter().rposition(|&k| k) else { return };
    let mut bare_headings = 0;
    for i in (0..=last).rev() {
        if !keep[i] {
            continue;
        }
        let b = &blocks[i];
        let list_item = b.mark.is_some() && !b.heading();
        let short = b.words <= TRAILING_WORDS && b.chars <= TRAILING_CHARS && !ends_sentence(&b.text);
        // A label ("Titelbild: …", "Kategorie: News"), a heading over nothing, or a
        // credit; a sign-off ("x Franzi") or a last line of dialogue is the story's.
        let label = b.heading() || b.text.contains([':', '©', '|']);
        // A heading over nothing is no part of the story however it ends ("Like it?
        // Share it!", "Keine Lust alleine zu radeln?").
        // Two at most: a page that lists its items as headings ends with one.
        let bare_heading = b.heading() && b.words <= TRAILING_HEADING_WORDS && bare_headings < 2;
        if list_item || !(short && label || bare_heading) {
            return;
        }
        bare_headings += usize::from(bare_heading);
        keep[i] = false;
    }
}

/// The most words of a trailing line that [`drop_trailing_lines`] drops.
const TRAILING_WORDS: usize = 6;

/// The most words of a heading over nothing that [`drop_trailing_lines`] drops.
const TRAILING_HEADING_WORDS: usize = 15;

/// The most characters of such a line (text without spaces has one "word").
const TRAILING_CHARS: usize = 60;

/// The most words of one line of a subscription offer.
const OFFER_WORDS: usize = 16;

/// Whether a text holds a price: a currency sign with a digit at most two
/// characters before or after it ("$1.99", "9,99 €").
fn has_price(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(k, c)| {
        matches!(c, '$' | '€' | '£' | '¥' | '₹')
            && chars[k.saturating_sub(2)..(k + 3).min(chars.len())].iter().any(char::is_ascii_digit)
    })
}

/// Whether a line asks the reader to subscribe ("Subscribe now", "Jetzt abonnieren").
fn is_subscribe_call(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["subscribe", "subscription", "abonnieren", "abonnement", "abonnez", "suscríbete", "suscripción", "s'abonner"]
        .iter()
        .any(|w| lower.contains(w))
}

/// Whether block `i` is the headline of a new article: a heading of the first or
/// second rank with a byline or a date right below it, and either a first-rank
/// headline (the page's own headline came before the body) or one in another
/// `<article>` than the body's first paragraph.
fn opens_article(dom: &Dom, blocks: &[Block], i: usize, article: &[usize], first_article: usize) -> bool {
    let b = &blocks[i];
    if !(1..=2).contains(&b.level) || b.verdict == Verdict::Title {
        return false;
    }
    // A second headline needs a first, and the article is the one the page is
    // about: the page's own headline (a line equal to its title) must come above.
    // A listing of posts under an intro keeps them all.
    if !blocks[..i].iter().any(|h| h.verdict == Verdict::Title) {
        return false;
    }
    let own = article[b.owner];
    let other_article = own != NONE && own != first_article && !contains(dom, own, first_article);
    if b.level != 1 && !other_article {
        return false;
    }
    let below = &blocks[i + 1..];
    if below.iter().take(BYLINE_WITHIN).any(is_byline_or_date) {
        return true;
    }
    // The byline or date may be chrome the blocks left out (a `<time>`, a "byline"
    // class): look at the elements between the headline and the next block.
    let from = dom.nodes[b.owner].end;
    let to = below.first().map_or(from, |n| n.owner).min(from + NODES_TO_BYLINE);
    (from..to).any(|j| marks_byline_or_date(dom, j))
}

/// The elements looked at between a headline and the block below it.
const NODES_TO_BYLINE: usize = 64;

/// Whether an element is a byline or a date by its tag or its markup: `<time>`,
/// `itemprop="author"` or `"datePublished"`, a class or id word "byline", "author",
/// "dateline", "date" or "timestamp".
fn marks_byline_or_date(dom: &Dom, j: usize) -> bool {
    let Some(tag) = dom.tag(j) else { return false };
    if tag == "time" {
        return true;
    }
    if dom.attr(j, "itemprop").is_some_and(|p| matches!(p, "author" | "datePublished" | "dateCreated")) {
        return true;
    }
    [dom.attr(j, "class"), dom.attr(j, "id")].into_iter().flatten().any(|names| {
        names
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| matches!(w.to_ascii_lowercase().as_str(), "byline" | "author" | "dateline" | "date" | "timestamp"))
    })
}

/// Whether the subtree of `outer` holds node `inner`.
fn contains(dom: &Dom, outer: usize, inner: usize) -> bool {
    inner != NONE && inner >= outer && inner < dom.nodes[outer].end
}

/// Whether a block reads as a byline ("By Ann Lee", "Von Bo Kim") or a date line.
fn is_byline_or_date(b: &Block) -> bool {
    if b.words > 12 || b.heading() {
        return false;
    }
    let lower = b.text.to_lowercase();
    let byline = ["by ", "von ", "par ", "por ", "written by "].iter().any(|p| lower.starts_with(p));
    // A date line is short ("Updated May 14, 2019 at 10:32 ET"); a longer line with a
    // date in it is a sentence about something else ("Kinostart: 2. April 2015 im
    // Verleih der ...").
    let date = b.words <= 8 && distill_core::time::parse_date(&b.text).is_some() && !only_years(&b.text);
    (byline && !ends_sentence(&b.text)) || date
}

/// Whether a line holds years and nothing finer ("2013-2015", "2019"): the span of
/// a project in a portfolio, not the date of an article.
fn only_years(text: &str) -> bool {
    let numbers: Vec<&str> = text.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).collect();
    !text.chars().any(char::is_alphabetic) && !numbers.is_empty() && numbers.iter().all(|n| n.len() == 4)
}

/// Whether a block is a line that announces the next story ("Next article", "Read
/// next:"). It ends the body only when a headline follows it and then a story's worth
/// of prose (a "Read next" box of links in the middle of a story is not an end).
fn is_next_marker(b: &Block) -> bool {
    if b.words > 4 {
        return false;
    }
    let lower = b.text.trim().to_lowercase();
    let lower = lower.trim_end_matches([':', '»', '›', '→', '>', ' ']);
    NEXT_MARKERS.contains(&lower)
}
