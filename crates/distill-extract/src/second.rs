//! A plausibility check on the chosen body and a second opinion when it fails.
//!
//! The density selection and the block classifier were tuned on one annotation style;
//! on pages unlike those they sometimes return the wrong block entirely (an "about us"
//! box while the article sits elsewhere) or only the first paragraphs of a story split
//! across sibling containers. Both failures leave a mark that is cheap to see: the
//! page holds a region of prose much heavier than what was kept. This module finds the
//! page's heaviest prose region independently of the first method (a readability-style
//! score over the containers of paragraphs, which reads no classes and no classifier),
//! reads it with the rules, and lets the heavier reading win only by a clear margin, as
//! trafilatura falls back on its other extractors when its own result looks too short.
//! It never adds text that the rules drop as boilerplate, links or page furniture.

use crate::blocks::{Analysis, Block, Role};
use crate::content::{self, Classes};
use crate::dom::{Dom, Kind, NONE};

/// A block counts as a paragraph for the container score from this many characters.
const MIN_PARAGRAPH_CHARS: usize = 25;

/// The second reading replaces the first only when its prose outweighs the first's
/// by this factor: a margin wide enough that pages the first method reads right (an
/// article with a long comment thread beside it) keep their reading.
const WIN_FACTOR: usize = 2;

/// A second reading with less prose than this (characters) never replaces the first:
/// on a page with little text either reading is as good as the other.
const MIN_PROSE: usize = 300;

/// A sibling of the best container joins it when its own score reaches this share of
/// the best container's (readability's sibling rule): the continuation of a story
/// after an ad slot or a newsletter box.
const SIBLING_SHARE: f64 = 0.2;

/// The prose mass of a set of blocks: characters of the blocks that read as prose.
fn prose_mass<'a>(blocks: impl IntoIterator<Item = &'a Block>) -> usize {
    blocks.into_iter().filter(|b| b.role() == Role::Prose).map(|b| b.chars).sum()
}

/// Returns a second reading of the page when the first (`analysis` with the blocks
/// `keep` keeps) is implausible and the second holds clearly more prose; `None` when
/// the first stands. In the reading returned, the kept blocks are those whose
/// verdict is kept.
pub(crate) fn review(dom: &Dom, analysis: &Analysis, keep: &[bool], titles: &[String]) -> Option<Analysis> {
    let kept = prose_mass(analysis.blocks.iter().zip(keep).filter(|(_, k)| **k).map(|(b, _)| b));
    let page = paragraph_prose(dom);
    if page < MIN_PROSE || page <= kept * WIN_FACTOR {
        return None;
    }
    let second = content::analyze_with(dom, titles, Classes::CommentsOnly, heaviest_region)?;
    let mass = prose_mass(second.blocks.iter().filter(|b| b.kept()));
    (mass >= MIN_PROSE && mass > kept * WIN_FACTOR).then_some(second)
}

/// The stated body replaces the extracted one only when it has this many words...
const MIN_STATED_WORDS: usize = 150;

/// ... and the extracted body has fewer than this share of its words.
const STATED_SHARE: f64 = 0.5;

/// Returns the body to keep: the extracted `text`, or the article's text as the
/// page's JSON-LD states it (`stated`, its `articleBody`) when that is a story of its
/// own and the extraction holds less than half of it. A page that renders its story
/// by script shows only a caption and the author's box in its markup; a story split
/// across containers leaves its continuation behind. Both leave the page's own
/// statement of the story far longer than what was read.
pub(crate) fn stated_body(text: String, stated: Option<&str>) -> String {
    let Some(stated) = stated else { return text };
    // Markup only adds words: most pages are decided before the stated body is copied.
    let read = text.split_whitespace().count();
    let raw = stated.split_whitespace().count();
    if raw < MIN_STATED_WORDS || read as f64 >= raw as f64 * STATED_SHARE {
        return text;
    }
    let stated = plain_paragraphs(stated);
    let words = stated.split_whitespace().count();
    if words < MIN_STATED_WORDS || read as f64 >= words as f64 * STATED_SHARE || !reads_as_prose(&stated) {
        return text;
    }
    stated
}

/// Returns the body to keep when the page also gives its story as markup inside a
/// `<noscript>`: a page that renders the story by script (Blogger's templates) shows
/// the reader of its markup only the sidebar, and its fallback for readers without
/// scripts holds the story. The parser reads `<noscript>` as raw text (scripting on)
/// and the rules drop it, so that a tracking pixel never reads as words; here, where
/// one `<noscript>` holds a story of its own (as [`stated_body`] judges one: 150
/// words of sentences at least) and the extraction less than half of it, the page is
/// read again with its `<noscript>` elements as plain containers (`read_again`), and
/// that reading is kept when it holds more words.
pub(crate) fn noscript_body(html: &str, text: String, read_again: impl FnOnce(&str) -> String) -> String {
    let Some(words) = noscript_story_words(html) else { return text };
    let read = text.split_whitespace().count();
    if read as f64 >= words as f64 * STATED_SHARE {
        return text;
    }
    let again = read_again(&without_noscript_tags(html));
    if again.split_whitespace().count() > read { again } else { text }
}

/// Words of the longest `<noscript>` of the page that reads as a story (see
/// [`noscript_body`]), if one does.
fn noscript_story_words(html: &str) -> Option<usize> {
    let mut best = None;
    let mut rest = html;
    while let Some(open) = crate::nesting::find_ascii_ci(rest, "<noscript") {
        let after = &rest[open..];
        let Some(start) = after.find('>') else { break };
        let end = crate::nesting::find_ascii_ci(after, "</noscript").unwrap_or(after.len());
        if end > start {
            let body = plain_paragraphs(&after[start + 1..end]);
            let words = body.split_whitespace().count();
            if words >= MIN_STATED_WORDS && reads_as_prose(&body) && best.is_none_or(|b| words > b) {
                best = Some(words);
            }
        }
        rest = &after[end.max(start + 1)..];
    }
    best
}

/// The page with each `<noscript>` and `</noscript>` tag written as a `<div>`'s, so
/// that the parser reads what they hold as markup.
fn without_noscript_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let bytes = html.as_bytes();
    let (mut copied, mut from) = (0, 0);
    while let Some(p) = memchr::memchr(b'<', &bytes[from..]) {
        let at = from + p;
        let tag = |name: &[u8]| bytes.len() - at >= name.len() && bytes[at..at + name.len()].eq_ignore_ascii_case(name);
        let (length, replacement) = if tag(b"<noscript") {
            ("<noscript".len(), "<div")
        } else if tag(b"</noscript") {
            ("</noscript".len(), "</div")
        } else {
            from = at + 1;
            continue;
        };
        out.push_str(&html[copied..at]);
        out.push_str(replacement);
        copied = at + length;
        from = copied;
    }
    out.push_str(&html[copied..]);
    out
}

/// The text of an `articleBody`: markup dropped (a paragraph or line break ends a
/// paragraph), references decoded, one blank line between paragraphs.
fn plain_paragraphs(body: &str) -> String {
    let mut plain = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        plain.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].trim_start_matches('/').to_ascii_lowercase();
        let name = tag.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
        if ["p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"].contains(&name) {
            plain.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    plain.push_str(rest);
    let plain = crate::references::decode_references(&plain);
    let paragraphs: Vec<String> =
        plain.lines().map(distill_core::text::collapse_whitespace).filter(|line| !line.is_empty()).collect();
    paragraphs.join("\n\n")
}

/// Whether a stated body reads as prose: sentences of words, not a template's
/// placeholder or a list of keywords.
fn reads_as_prose(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let sentences = text.matches(['.', '!', '?', '。', '！', '？']).count();
    !text.contains("{{") && sentences * 40 >= words
}

/// Characters of the page's paragraphs of prose: `<p>` elements of 80 characters or
/// more, under a quarter of them in links, outside scripts and other invisible
/// elements. An upper bound on what an article on the page can hold, cheap to count.
fn paragraph_prose(dom: &Dom) -> usize {
    let mut total = 0;
    let mut i = 0;
    while i < dom.nodes.len() {
        match dom.tag(i) {
            Some(tag) if crate::dom::INVISIBLE.contains(&tag) => {
                i = dom.nodes[i].end.max(i + 1);
                continue;
            }
            Some("p") => {
                let (chars, links) = text_and_links(dom, i);
                if chars >= 80 && links * 4 < chars {
                    total += chars;
                }
                i = dom.nodes[i].end.max(i + 1);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    total
}

/// Characters (not whitespace) of the text of a subtree, and of its text in links.
fn text_and_links(dom: &Dom, at: usize) -> (usize, usize) {
    let (mut chars, mut links) = (0, 0);
    let mut link_end = 0;
    let mut i = at;
    let end = dom.nodes[at].end.max(at + 1);
    while i < end {
        match &dom.nodes[i].kind {
            Kind::Element { tag, .. } if crate::dom::INVISIBLE.contains(&&**tag) => {
                i = dom.nodes[i].end.max(i + 1);
                continue;
            }
            Kind::Element { tag, .. } if &**tag == "a" && i >= link_end => link_end = dom.nodes[i].end,
            Kind::Text(t) => {
                let n = t.chars().filter(|c| !c.is_whitespace()).count();
                chars += n;
                if i < link_end {
                    links += n;
                }
            }
            Kind::Element { .. } => {}
        }
        i += 1;
    }
    (chars, links)
}

/// The container of the page's heaviest prose, scored as readability scores it: each
/// paragraph adds one point, one per comma and one per hundred characters (at most
/// three) to its parent element and half that to its grandparent; a container's
/// score is scaled by the share of its text outside links. When a sibling scores
/// [`SIBLING_SHARE`] of the best, their common parent is the region, so that a story
/// continued in the next container is read whole.
fn heaviest_region(dom: &Dom, blocks: &[Block]) -> usize {
    let n = dom.nodes.len();
    let mut score = vec![0f64; n];
    let mut chars = vec![0usize; n];
    let mut links = vec![0usize; n];
    for b in blocks {
        chars[b.owner] += b.chars;
        links[b.owner] += b.link_chars;
        if b.chars < MIN_PARAGRAPH_CHARS || b.heading() || b.role() != Role::Prose {
            continue;
        }
        let points = 1.0 + b.text.matches([',', '，', '、']).count() as f64 + (b.chars / 100).min(3) as f64;
        // The block element itself is the paragraph; its parent is the container.
        let parent = dom.nodes[b.owner].parent;
        if parent == NONE {
            continue;
        }
        score[parent] += points;
        let grandparent = dom.nodes[parent].parent;
        if grandparent != NONE {
            score[grandparent] += points / 2.0;
        }
    }
    for i in (1..n).rev() {
        let parent = dom.nodes[i].parent;
        if parent != NONE {
            chars[parent] += chars[i];
            links[parent] += links[i];
        }
    }
    let scaled = |i: usize| score[i] * (1.0 - links[i] as f64 / chars[i].max(1) as f64);
    let Some(best) = (0..n).filter(|&i| score[i] > 0.0).max_by(|&a, &b| scaled(a).total_cmp(&scaled(b))) else {
        return 0;
    };
    let top = scaled(best);
    let parent = dom.nodes[best].parent;
    if parent == NONE {
        return best;
    }
    let mut siblings = (parent + 1..dom.nodes[parent].end).filter(|&i| dom.nodes[i].parent == parent && i != best);
    if siblings.any(|i| scaled(i) > 0.0 && scaled(i) >= top * SIBLING_SHARE) { parent } else { best }
}
