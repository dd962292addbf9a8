//! Main-content detection: finds the element that holds the article body and keeps
//! its prose, dropping navigation, share bars, related lists, comments, banners and
//! ads. The rules are general: element roles, class and id vocabulary, link density,
//! and where the page's prose concentrates; never strings of one site.

use distill_core::text::{Mark, collapse_whitespace, whitespace_len};

use crate::blocks::{Analysis, Block, Role, Verdict, ends_sentence, reads_as_boilerplate};
use crate::dom::{Dom, Kind, NONE, is_block};
use crate::marks;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// Joins kept blocks, each with its mark, into a body, one paragraph per block: a
/// block equal to the one before it, or a paragraph of 8+ words already in the body,
/// is left out.
pub fn join_blocks<'a>(blocks: impl IntoIterator<Item = (&'a str, Option<Mark>)>) -> String {
    let mut repeats = Repeats::default();
    let mut out = String::new();
    for (text, mark) in blocks {
        if repeats.again(text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        if let Some(mark) = mark {
            mark.write(&mut out);
        }
        out.push_str(text);
    }
    out
}

/// Finds repeats in a run of blocks: a paragraph the page carries twice (mobile and
/// desktop copies, a collapsed duplicate) is read once; short lines ("Read more",
/// "Yes") may repeat, but not one right after the other.
#[derive(Default)]
struct Repeats<'a> {
    seen: rustc_hash::FxHashSet<&'a str>,
    last: Option<&'a str>,
}

impl<'a> Repeats<'a> {
    /// Whether `text` repeats what came before; if not, it becomes what came before.
    fn again(&mut self, text: &'a str) -> bool {
        let again = self.last == Some(text) || (text.split_whitespace().nth(7).is_some() && !self.seen.insert(text));
        if !again {
            self.last = Some(text);
        }
        again
    }
}

/// Runs the rules over a page: finds chrome, splits the text into blocks, selects the
/// subtree that holds the article, and marks the blocks the rules keep.
pub(crate) fn analyze(dom: &Dom, titles: &[String]) -> Option<Analysis> {
    analyze_with(dom, titles, Classes::Read, select_by_density)
}

/// Whether the chrome vocabulary of class names and ids removes subtrees before the
/// blocks are read.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Classes {
    /// Classes such as "sidebar", "promo", "has-ads" remove what they name (unless it
    /// holds most of the page's prose).
    Read,
    /// Only comment sections are removed by class: the second opinion
    /// ([`crate::second`]) reads a page whose article a class name hid.
    CommentsOnly,
}

/// Runs the rules with a given use of classes and a given selection of the subtree
/// that holds the article.
pub(crate) fn analyze_with(
    dom: &Dom,
    titles: &[String],
    classes: Classes,
    select: impl FnOnce(&Dom, &[Block]) -> usize,
) -> Option<Analysis> {
    let n = dom.nodes.len();
    if n == 0 {
        return None;
    }
    let own = marks::own_marks(dom);
    let NodeText { text_len, link_len, invisible, link_of } = node_text(dom, &own);
    let page_chars = text_len[0].max(1);
    let removed = removed_nodes(dom, &own, &invisible, &text_len, &link_len, page_chars, classes);
    let mut blocks = collect_blocks(dom, &removed, &link_of, &text_len);
    mark_structure(dom, &mut blocks);
    if blocks.is_empty() {
        return None;
    }
    let selected = select(dom, &blocks);
    mark_kept(dom, &mut blocks, selected, titles);
    mark_captions(dom, &mut blocks, &text_len);
    Some(Analysis { blocks, marks: marks::inherited(dom, &own), selected, text_len, link_len })
}

/// The most words of a caption: a short line under or beside a picture.
const MAX_CAPTION_WORDS: usize = 30;

/// Marks as boilerplate the captions that no class names: a short line that is the
/// only text of a small container around a picture (`<div class="img-metadata">` beside
/// the `<picture>`, a lightbox link with its title). A paragraph of the story that
/// merely sits beside an image shares its container with other text and stays; so do
/// the lines of a page told in pictures (a tutorial's steps, a gallery's entries), whose
/// "captions" are most of its text.
fn mark_captions(dom: &Dom, blocks: &mut [Block], text_len: &[usize]) {
    let captions: Vec<usize> = (0..blocks.len())
        .filter(|&i| {
            let b = &blocks[i];
            b.kept() && !b.heading() && b.words <= MAX_CAPTION_WORDS && beside_picture(dom, b, text_len)
        })
        .collect();
    let kept: usize = blocks.iter().filter(|b| b.kept()).map(|b| b.chars).sum();
    let captioned: usize = captions.iter().map(|&i| blocks[i].chars).sum();
    if captioned * MAX_CAPTION_SHARE_INVERSE > kept {
        return;
    }
    for i in captions {
        blocks[i].verdict = Verdict::Boilerplate;
    }
}

/// Captions are at most a third of the text kept; more, and they are the story.
const MAX_CAPTION_SHARE_INVERSE: usize = 3;

/// Whether a block is the only text of a container (up to three levels up) that holds
/// a picture.
fn beside_picture(dom: &Dom, b: &Block, text_len: &[usize]) -> bool {
    let mut container = b.owner;
    for _ in 0..3 {
        let parent = dom.nodes[container].parent;
        if parent == NONE || text_len[parent] > b.chars + 2 {
            return false;
        }
        container = parent;
        let end = dom.nodes[container].end.min(container + 200);
        if (container..end).any(|i| matches!(dom.tag(i), Some("img" | "picture"))) {
            return true;
        }
    }
    false
}

/// Marks the blocks the rules keep: those inside the selected subtree that are not
/// boilerplate by their text, repeats, labels above the body or page furniture.
pub(crate) fn mark_kept(dom: &Dom, blocks: &mut [Block], selected: usize, titles: &[String]) {
    let end = dom.nodes[selected].end.max(selected + 1);
    let mut repeats = Repeats::default();
    for b in blocks.iter_mut() {
        b.verdict = if titles.iter().any(|t| b.text.eq_ignore_ascii_case(t.trim())) {
            Verdict::Title
        } else if b.owner < selected || b.owner >= end {
            Verdict::Outside
        } else if b.link_chars * 5 > b.chars * 4 {
            Verdict::Links
        } else if reads_as_boilerplate(b) {
            Verdict::Boilerplate
        } else if repeats.again(&b.text) {
            Verdict::Repeat
        } else {
            Verdict::Kept
        };
    }
    let kept: Vec<usize> = (0..blocks.len()).filter(|&i| blocks[i].kept()).collect();
    // Labels above the body (section names, kickers) are not part of it.
    let first_prose = kept.iter().position(|&i| !blocks[i].heading() && blocks[i].words >= 8).unwrap_or(0);
    for &i in &kept[..first_prose] {
        let b = &mut blocks[i];
        if !b.heading() && b.words <= 3 && !ends_sentence(&b.text) {
            b.verdict = Verdict::Label;
        }
    }
    // A heading that opens page furniture ("About the author", "Related posts")
    // drops itself and what follows it. Skipping lasts through the section's own
    // sub-headings (the titles of related posts) and ends at a heading of the same
    // or higher rank, or where the element that holds the section has closed and the
    // story goes on beside it, in the container of the text before the heading (a
    // "Recommended reading" box in the middle of a story), or anywhere when no text
    // came before (a table of contents above the intro).
    let mut skipping: Option<Furniture> = None;
    let mut last_kept = NONE;
    let mut kept_words = 0;
    for i in kept {
        if !blocks[i].kept() {
            continue;
        }
        let owner = blocks[i].owner;
        if let Some(f) = &skipping
            && !f.scope.contains(&owner)
            && (f.story == NONE || dom.nodes[owner].parent == f.story)
        {
            skipping = None;
        }
        let b = &blocks[i];
        // A short line set like a heading without being one (`<p><strong>About the
        // author</strong></p>`) opens furniture too; any heading ends it. Only the
        // opener's few words: a longer line names its own content ("Related reading:
        // an answer to the top questions", "More from the faculty on gardening:").
        // And only once the story has begun: above it such a line heads a box beside
        // the story ("Mehr zum Thema:" over teasers), which the story follows.
        let label =
            !b.heading() && !ends_sentence(&b.text) && b.words <= MAX_LABEL_WORDS && kept_words >= MIN_STORY_WORDS;
        if (b.heading() || label) && is_furniture_heading(&b.text) {
            let next = blocks.get(i + 1).map(|b| b.owner);
            let story = if last_kept == NONE { NONE } else { dom.nodes[last_kept].parent };
            let rank = if b.heading() { b.level } else { 6 };
            skipping = Some(Furniture { rank, scope: section_scope(dom, owner, next, selected), story });
        } else if b.heading() && skipping.as_ref().is_some_and(|f| b.level <= f.rank) {
            skipping = None;
        }
        if skipping.is_some() {
            blocks[i].verdict = Verdict::Furniture;
        } else {
            last_kept = owner;
            kept_words += blocks[i].words;
        }
    }
}

/// The most words of a line that is not a heading but opens furniture as one.
const MAX_LABEL_WORDS: usize = 4;

/// Words of the story kept before a line that is not a heading may open furniture.
const MIN_STORY_WORDS: usize = 40;

/// A furniture section being skipped.
struct Furniture {
    /// The rank of the heading that opened it.
    rank: u8,
    /// The nodes of the element that holds it ([`section_scope`]).
    scope: std::ops::Range<usize>,
    /// The container of the last kept block before it: text there after the section
    /// is the story's again ([`NONE`]: any text after the section is).
    story: usize,
}

/// The nodes of the section a furniture heading opens: those of the tightest element
/// around the heading that also holds the next block of the page (`next`), up to the selected
/// subtree, which holds the whole article when its sections are not wrapped.
fn section_scope(dom: &Dom, heading: usize, next: Option<usize>, selected: usize) -> std::ops::Range<usize> {
    let end = |i: usize| dom.nodes[i].end.max(i + 1);
    let mut scope = dom.nodes[heading].parent;
    while scope != NONE && scope != selected && next.is_some_and(|n| n >= end(scope)) {
        scope = dom.nodes[scope].parent;
    }
    if scope == NONE { 0..dom.nodes.len() } else { scope..end(scope) }
}

/// What the rules read of each node's text.
struct NodeText {
    /// Visible characters of each subtree.
    text_len: Vec<usize>,
    /// Visible characters inside links, per subtree.
    link_len: Vec<usize>,
    /// Whether the node is invisible (scripts, styles, media and their contents).
    invisible: Vec<bool>,
    /// The link (`<a>`) each node is in, or [`NONE`].
    link_of: Vec<usize>,
}

/// Visible text and link text characters per subtree, accumulated child to parent.
fn node_text(dom: &Dom, own: &[u32]) -> NodeText {
    let n = dom.nodes.len();
    let mut invisible = vec![false; n];
    let mut link_of = vec![NONE; n];
    for i in 0..n {
        let parent = dom.nodes[i].parent;
        let (p_inv, p_link) = if parent == NONE { (false, NONE) } else { (invisible[parent], link_of[parent]) };
        invisible[i] = p_inv || own[i] & marks::INVISIBLE != 0;
        link_of[i] = if own[i] & marks::LINK != 0 { i } else { p_link };
    }
    let mut text_len = vec![0usize; n];
    let mut link_len = vec![0usize; n];
    for i in (0..n).rev() {
        if let Kind::Text(t) = &dom.nodes[i].kind
            && !invisible[i]
        {
            let chars = visible_chars(t);
            text_len[i] = chars;
            if link_of[i] != NONE {
                link_len[i] = chars;
            }
        }
        let parent = dom.nodes[i].parent;
        if parent != NONE {
            text_len[parent] += text_len[i];
            link_len[parent] += link_len[i];
        }
    }
    NodeText { text_len, link_len, invisible, link_of }
}

/// Characters other than whitespace, counted from the bytes: those that start a
/// character (UTF-8 continuation bytes are 0x80 to 0xBF) and are not ASCII
/// whitespace, branch-free so that the compiler vectorizes it (text is most of a
/// page), less the rare whitespace characters beyond ASCII (no-break spaces).
fn visible_chars(text: &str) -> usize {
    let bytes = text.as_bytes();
    let starts: usize =
        bytes.iter().map(|&b| usize::from(((b as i8) >= -64) & (b != b' ') & (b.wrapping_sub(b'\t') >= 5))).sum();
    if text.is_ascii() {
        return starts;
    }
    let wide_spaces = (0..bytes.len()).filter(|&i| bytes[i] >= 0xc2 && whitespace_len(bytes, i) > 0).count();
    starts - wide_spaces
}

/// Marks chrome subtrees. A subtree that holds half the page's text is never chrome,
/// whatever its class says ("main has-sidebar").
fn removed_nodes(
    dom: &Dom,
    own: &[u32],
    invisible: &[bool],
    text_len: &[usize],
    link_len: &[usize],
    page_chars: usize,
    classes: Classes,
) -> Vec<bool> {
    let n = dom.nodes.len();
    // Paragraphs of prose in each subtree: a container holding several is content,
    // whatever its class says ("sidebar-layout" around the article body).
    let mut prose = vec![0usize; n];
    // Whether a subtree holds the page's headline or its article landmark; and the
    // headline alone (comment systems set each comment in an `<article>` of its own).
    let mut holds_article = vec![false; n];
    let mut holds_headline = vec![false; n];
    for i in (0..n).rev() {
        if dom.tag(i) == Some("p") && text_len[i] >= 100 && link_len[i] * 4 < text_len[i] {
            prose[i] += 1;
        }
        holds_article[i] |= matches!(dom.tag(i), Some("h1" | "article" | "main"));
        holds_headline[i] |= dom.tag(i) == Some("h1");
        let parent = dom.nodes[i].parent;
        if parent != NONE {
            prose[parent] += prose[i];
            holds_article[parent] |= holds_article[i];
            holds_headline[parent] |= holds_headline[i];
        }
    }
    const MIN_PROSE: usize = 5;
    let page_prose = prose.first().copied().unwrap_or(0);
    let signed = signed_items(dom, text_len);
    let mut removed = vec![false; n];
    // Inside code, classes name the highlighter's tokens ("hljs-comment", "token
    // comment", "meta"), not page chrome: a code block loses no line to them.
    let mut in_code = vec![false; n];
    for i in 0..n {
        let parent = dom.nodes[i].parent;
        if (parent != NONE && removed[parent]) || invisible[i] {
            removed[i] = true;
            continue;
        }
        let Some(tag) = dom.tag(i) else { continue };
        let code_around = parent != NONE && in_code[parent];
        in_code[i] = code_around || matches!(tag, "pre" | "code");
        // A comment thread can outweigh the story it follows; it goes however much it
        // holds, unless it holds the article's headline or landmark. A thread no
        // class names is known by its shape: item after item signed "Sharon says",
        // "by ozmartian (5754788) writes:" or answered by a "Reply" link; it may hold
        // comments set as `<article>`s, never the headline.
        let shaped = signed.count[i] >= MIN_SIGNED && signed.lead[i] < MAX_THREAD_LEAD && !holds_headline[i];
        // (The article element itself is never chrome, whatever its class says.)
        if matches!(tag, "html" | "body" | "main") || tag == "article" && !shaped {
            continue;
        }
        let m = own[i];
        // A container holding most of the page's prose is content too, however short
        // the article ("c-layout-sidebar-left" around a three-paragraph guide).
        let holds_prose = prose[i] >= MIN_PROSE || prose[i] * 2 > page_prose;
        let by_class = !code_around
            && ((classes == Classes::Read && m & marks::NEGATIVE_CLASS != 0 && !holds_prose)
                || m & marks::COMMENT_CLASS != 0);
        // A consent dialog can outweigh a short article (a paragraph of purposes per
        // tracker): it goes however much it holds, unless it wraps the article (a page
        // whose wrapper's class says a consent is pending).
        if !code_around && m & marks::CONSENT_CLASS != 0 && !holds_article[i] {
            removed[i] = true;
            continue;
        }
        // Content that is merely collapsed (`hidden`, `display: none`: accordion
        // answers, "read more" tails, tabs) is still the article's; menus and dialogs
        // that hide the same way are caught by their tags, roles and classes, and by
        // the density selection. Measured on WCXB dev: F1 +0.0024 with precision up.
        // `aria-hidden` stays chrome: it marks decorative and duplicated text.
        let chrome = m & (marks::CHROME_TAG | marks::CHROME_ROLE | marks::ARIA_HIDDEN) != 0 || by_class;
        let by_class_thread = m & marks::COMMENT_CLASS != 0 && !holds_article[i];
        let thread = !code_around && (by_class_thread || shaped);
        if (chrome && text_len[i] * 2 < page_chars) || thread {
            removed[i] = true;
        }
    }
    removed
}

/// Signed items that make a container a comment thread by its shape.
const MIN_SIGNED: usize = 3;

/// Most characters of a comment's signature line ("Jill Winger says", "Reply").
const MAX_SIGNATURE_CHARS: usize = 80;

/// Most characters a comment thread holds before its first signature (a heading such
/// as "Comments", a reply form's prompt): a container with more before it holds a
/// story and then its comments (a short one: three sentences).
const MAX_THREAD_LEAD: usize = 200;

/// The comment signatures of each element's subtree, and the characters of its text
/// before the first of them.
struct Signed {
    count: Vec<usize>,
    lead: Vec<usize>,
}

/// For each element, how many comment signatures its subtree holds: a short element
/// whose whole text is a commenter's name and "says" or "writes" ("Sharon says:",
/// "Jill Winger says", "by ozmartian ( 5754788 ) writes: on Friday ..."), or a "Reply"
/// link, in English and the languages of the pages distill reads most. Each signature
/// counts once, at its smallest element.
fn signed_items(dom: &Dom, text_len: &[usize]) -> Signed {
    const SIGNS: &[&str] = &["says", "writes", "wrote", "schreibt", "dice", "écrit", "dijo"];
    const REPLIES: &[&str] = &["reply", "antworten", "responder", "répondre", "rispondi", "odpowiedz", "reageer"];
    // A signature is a small subtree, found from the text that ends it: only those few
    // texts are read, so that the cost stays linear in the page.
    const MAX_SIGNATURE_NODES: usize = 24;
    let n = dom.nodes.len();
    let mut count = vec![0usize; n];
    let last_word = |text: &str| -> String {
        let text = text.trim().trim_end_matches([':', ' ', '↓', '→']).to_lowercase();
        text.rsplit(' ').next().unwrap_or("").to_string()
    };
    for k in 0..n {
        let crate::dom::Kind::Text(t) = &dom.nodes[k].kind else { continue };
        if t.len() > 2 * MAX_SIGNATURE_CHARS {
            continue;
        }
        // "59 Comments on “...”", "12 Responses": a heading that counts the comments
        // under it stands for a thread's worth of signatures.
        if let Some(heading) = counted_comments_heading(dom, k, t) {
            count[heading] = MIN_SIGNED;
            continue;
        }
        // (Decided without allocating: most texts end in no such word.)
        let trimmed = t.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '↓' | '→'));
        let word = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
        let is = |w: &&str| word.eq_ignore_ascii_case(w) || !word.is_ascii() && word.to_lowercase() == **w;
        if !t.contains("writes:") && !SIGNS.iter().chain(REPLIES).any(is) {
            continue;
        }
        // The smallest element around it that reads as a whole signature.
        let mut e = dom.nodes[k].parent;
        for _ in 0..4 {
            if e == NONE
                || text_len[e] > MAX_SIGNATURE_CHARS
                || dom.nodes[e].end.saturating_sub(e) > MAX_SIGNATURE_NODES
            {
                break;
            }
            let text = dom.text_of(e).to_lowercase();
            let words = text.split_whitespace().count();
            let ends = last_word(&text);
            let sign = (2..=5).contains(&words) && SIGNS.contains(&ends.as_str())
                || text.trim_start().starts_with("by ") && text.contains(" writes:");
            let reply = dom.tag(e) == Some("a") && words == 1 && REPLIES.contains(&ends.as_str());
            if sign || reply {
                count[e] = 1;
                break;
            }
            e = dom.nodes[e].parent;
        }
    }
    // The first signature of each subtree, by node index.
    let mut first = vec![usize::MAX; n];
    for i in (0..n).rev() {
        if count[i] > 0 && first[i] == usize::MAX {
            first[i] = i;
        }
        let parent = dom.nodes[i].parent;
        if parent != NONE {
            count[parent] += count[i];
            first[parent] = first[parent].min(first[i]);
        }
    }
    // Characters of text before each node, in document order.
    let mut before = vec![0usize; n + 1];
    for k in 0..n {
        let own = if matches!(dom.nodes[k].kind, crate::dom::Kind::Text(_)) { text_len[k] } else { 0 };
        before[k + 1] = before[k] + own;
    }
    let lead = (0..n).map(|i| if first[i] == usize::MAX { 0 } else { before[first[i]] - before[i] }).collect();
    Signed { count, lead }
}

/// The heading element around text node `k` (`text`) when it counts comments: a
/// number, then "comments", "responses", "replies" or "thoughts" (or the word for
/// comments in German, French, Spanish, Italian, Dutch).
fn counted_comments_heading(dom: &Dom, k: usize, text: &str) -> Option<usize> {
    const COUNTED: &[&str] =
        &["comment", "response", "repl", "thought", "kommentar", "commentaire", "comentario", "commento", "reactie"];
    let text = text.trim_start();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 6 {
        return None;
    }
    let word = text[digits..].trim_start();
    if !COUNTED.iter().any(|c| word.len() >= c.len() && word.as_bytes()[..c.len()].eq_ignore_ascii_case(c.as_bytes())) {
        return None;
    }
    // (Not a link's text: "82 COMMENTS" in a share bar inside the story leads away.)
    let mut e = dom.nodes[k].parent;
    for _ in 0..3 {
        if e == NONE {
            return None;
        }
        match dom.tag(e) {
            Some("h2" | "h3" | "h4" | "h5" | "h6") => return Some(e),
            Some("a") | None => return None,
            Some(_) => e = dom.nodes[e].parent,
        }
    }
    None
}

/// Text gathered for one block: owner, raw text, and the byte ranges of the raw text
/// that sit in links (in order, apart), so that each paragraph of a block split at
/// `<br><br>` counts only its own links.
type Pending = (usize, String, Vec<Range<usize>>);

/// Splits the visible, non-chrome text into blocks, one per run of text that shares
/// its nearest block-level element; `<br><br>` also separates blocks. A row of a
/// data table is one block, its cells joined by " | " (an empty cell too, so that
/// columns stay in place), so that the table reads row by row and a cell that
/// repeats the one beside it ("Yes | Yes") stays.
fn collect_blocks(dom: &Dom, removed: &[bool], link_of: &[usize], text_len: &[usize]) -> Vec<Block> {
    let n = dom.nodes.len();
    let mut owner = vec![NONE; n];
    // The row being read as one block (its cells are its children: a data row holds
    // no nested table), and how many of its cells came.
    let mut data_row = NONE;
    let mut cells_in_row = 0;
    let mut last_link = NONE;
    let mut blocks: Vec<Block> = Vec::new();
    let mut current: Option<Pending> = None;
    let flush = |current: &mut Option<Pending>, blocks: &mut Vec<Block>| {
        if let Some((owner, raw, links)) = current.take() {
            // A blank line ends a paragraph, but not a block of code (whose lines
            // `keep_lines` keeps together, blank ones left out).
            let preformatted = dom.tag(owner) == Some("pre");
            let paragraphs: Vec<&str> = if preformatted { vec![raw.as_str()] } else { raw.split("\n\n").collect() };
            // Where the next paragraph starts in `raw`, and the first link range that may
            // still overlap it.
            let (mut next_start, mut next_link) = (0, 0);
            for part in paragraphs {
                let (start, end) = (next_start, next_start + part.len());
                next_start = end + "\n\n".len();
                while links.get(next_link).is_some_and(|r| r.end <= start) {
                    next_link += 1;
                }
                let link_chars: usize = links[next_link..]
                    .iter()
                    .take_while(|r| r.start < end)
                    .map(|r| visible_chars(&raw[r.start.max(start)..r.end.min(end)]))
                    .sum();
                let text = crate::encoding::repair_text(if preformatted {
                    keep_lines(part)
                } else {
                    collapse_whitespace(part)
                });
                let chars = visible_chars(&text);
                if chars == 0 {
                    continue;
                }
                let tag = dom.tag(owner).unwrap_or("");
                let level = match tag {
                    "h1" => 1,
                    "h2" => 2,
                    "h3" => 3,
                    "h4" => 4,
                    "h5" => 5,
                    "h6" => 6,
                    _ => 0,
                };
                blocks.push(Block {
                    owner,
                    chars,
                    words: text.split_whitespace().count(),
                    link_chars: link_chars.min(chars),
                    level,
                    text,
                    verdict: Verdict::Outside,
                    mark: None,
                });
            }
        }
    };
    let mut i = 0;
    while i < n {
        if removed[i] {
            i = dom.nodes[i].end.max(i + 1);
            continue;
        }
        let parent = dom.nodes[i].parent;
        match &dom.nodes[i].kind {
            Kind::Element { tag, .. } => {
                if &**tag == "tr" && is_data_row(dom, i, text_len) {
                    // The row's block opens with the row, so that an empty first cell
                    // still gets its separator.
                    flush(&mut current, &mut blocks);
                    current = Some((i, String::new(), Vec::new()));
                    data_row = i;
                    cells_in_row = 0;
                }
                let cell = matches!(&**tag, "td" | "th") && parent != NONE && parent == data_row;
                if cell {
                    if cells_in_row > 0
                        && let Some((_, raw, _)) = current.as_mut().filter(|c| c.0 == parent)
                    {
                        raw.push_str(" | ");
                    }
                    cells_in_row += 1;
                }
                owner[i] = if (is_block(tag) && !cell) || parent == NONE { i } else { owner[parent] };
                if &**tag == "br"
                    && let Some((_, raw, links)) = current.as_mut()
                {
                    // Two breaks in a row (spaces between them aside) end a paragraph.
                    let trimmed = raw.trim_end_matches([' ', '\t']).len();
                    raw.truncate(trimmed);
                    // A link's trailing spaces go with them.
                    while links.last().is_some_and(|r| r.start >= trimmed) {
                        links.pop();
                    }
                    if let Some(last) = links.last_mut() {
                        last.end = last.end.min(trimmed);
                    }
                    raw.push('\n');
                }
            }
            Kind::Text(t) => {
                let block_owner = if parent == NONE { 0 } else { owner[parent] };
                if current.as_ref().is_none_or(|c| c.0 != block_owner) {
                    flush(&mut current, &mut blocks);
                    current = Some((block_owner, String::new(), Vec::new()));
                }
                let link = link_of[i];
                if let Some((owner, raw, links)) = current.as_mut() {
                    if t.trim().is_empty() {
                        // Preformatted text keeps its line breaks, however the markup
                        // splits it (a highlighter's spans between lines of code).
                        if dom.tag(*owner) == Some("pre") { raw.push_str(t) } else { raw.push(' ') }
                    } else {
                        // Links side by side (a table of contents, a tag list) are laid
                        // out apart even with no space between them in the markup.
                        if link != NONE && last_link != NONE && link != last_link && !raw.ends_with(char::is_whitespace)
                        {
                            raw.push(' ');
                        }
                        let start = raw.len();
                        raw.push_str(t);
                        if link != NONE {
                            links.push(start..raw.len());
                        }
                    }
                }
                last_link = link;
            }
        }
        i += 1;
    }
    flush(&mut current, &mut blocks);
    blocks
}

/// Gives each heading and the first block of each list item its [`Mark`], unless
/// its text already opens with one: an item is an `<li>`, or a `<p>` or `<div>`
/// directly inside one (`<li><p>…</p></li>`); its list is the item's parent. An
/// `<ol>`'s items are numbered in one walk over its children.
fn mark_structure(dom: &Dom, blocks: &mut [Block]) {
    let mut numbers: HashMap<usize, u32> = HashMap::default();
    let mut last_item = NONE;
    for b in blocks {
        if b.heading() {
            b.mark = Some(Mark::Heading(b.level));
            continue;
        }
        let parent = dom.nodes[b.owner].parent;
        let item = match dom.tag(b.owner) {
            Some("li") => b.owner,
            Some("p" | "div") if parent != NONE && dom.tag(parent) == Some("li") => parent,
            _ => continue,
        };
        if item == last_item {
            continue;
        }
        last_item = item;
        if Mark::read(&b.text).is_some() {
            continue;
        }
        let list = dom.nodes[item].parent;
        b.mark = match (list != NONE).then(|| dom.tag(list)).flatten() {
            Some("ul" | "menu") => Some(Mark::Bullet),
            Some("ol") => {
                if !numbers.contains_key(&item) {
                    let end = dom.nodes[list].end.max(list + 1);
                    let (mut child, mut n) = (list + 1, 0);
                    while child < end {
                        if dom.tag(child) == Some("li") {
                            n += 1;
                            numbers.insert(child, n);
                        }
                        child = dom.nodes[child].end.max(child + 1);
                    }
                }
                numbers.get(&item).map(|&n| Mark::Number(n))
            }
            _ => None,
        };
    }
}

/// The text of a `<pre>` block: its lines, trimmed at the end and without the
/// indentation they all share, blank lines left out (a blank line separates
/// paragraphs in a body). Code and verse keep their shape.
fn keep_lines(raw: &str) -> String {
    let lines: Vec<&str> = raw.lines().map(str::trim_end).filter(|line| !line.trim_start().is_empty()).collect();
    // Spaces and tabs only, so that the cut falls between characters.
    let indent = |line: &str| line.bytes().take_while(|b| matches!(b, b' ' | b'\t')).count();
    let shared = lines.iter().map(|line| indent(line)).min().unwrap_or(0);
    lines.iter().map(|line| &line[shared..]).collect::<Vec<_>>().join("\n")
}

/// Cells longer than this are a layout table's columns, not a data table's values.
const MAX_CELL_CHARS: usize = 500;

/// Whether a table row holds data: two cells or more, each short and holding no
/// block of its own (a layout table's cells hold the page's sections).
fn is_data_row(dom: &Dom, row: usize, text_len: &[usize]) -> bool {
    let end = dom.nodes[row].end.max(row + 1);
    let mut cells = 0;
    let mut c = row + 1;
    while c < end {
        match dom.tag(c) {
            Some("td" | "th") => {
                let cell_end = dom.nodes[c].end.max(c + 1);
                if text_len[c] > MAX_CELL_CHARS || (c + 1..cell_end).any(|d| dom.tag(d).is_some_and(is_block)) {
                    return false;
                }
                cells += 1;
            }
            // A script or template that the parser put in the row shows nothing.
            Some(tag) if crate::dom::INVISIBLE.contains(&tag) => {}
            Some(_) => return false,
            None => {}
        }
        c = dom.nodes[c].end.max(c + 1);
    }
    cells >= 2
}

/// Share of the best subtree's content that a tighter subtree must keep to be chosen
/// instead, and the weight of neutral lines (headings, list items, table rows) in that
/// content. Tuned on WCXB dev: share 0.7 to 0.85 and weight 0.2 to 0.5 are within
/// 0.001 F1 of each other (see docs/benchmark-history.md).
const TIGHT_SHARE: f64 = 0.75;
const NEUTRAL_WEIGHT: f64 = 0.3;

/// Picks the element whose subtree holds the most prose net of clutter: every block
/// of prose (sentences, few links) adds its length, every other block (menus, link
/// lists, labels) subtracts its length. The best subtree is the tightest one that
/// keeps the article's paragraphs together, however they are split into containers.
fn select_by_density(dom: &Dom, blocks: &[Block]) -> usize {
    let n = dom.nodes.len();
    // Clutter counts for a fifth of prose: enough to keep menus and link lists out
    // of the chosen subtree, not so much that a short caption splits the article.
    // Tuned on the WCXB development set (see docs/benchmark-history.md).
    const CLUTTER_WEIGHT: f64 = 0.2;
    let mut net = vec![0f64; n];
    let mut neutral = vec![0f64; n];
    for b in blocks {
        match b.role() {
            Role::Prose => net[b.owner] += b.chars as f64,
            // Headings, list items and table rows of the article neither add nor cost.
            Role::Neutral => neutral[b.owner] += b.chars as f64,
            Role::Clutter => net[b.owner] -= CLUTTER_WEIGHT * b.chars as f64,
        }
    }
    for i in (1..n).rev() {
        let parent = dom.nodes[i].parent;
        if parent != NONE {
            net[parent] += net[i];
            neutral[parent] += neutral[i];
        }
    }
    let mut best = 0;
    for i in 0..n {
        if dom.tag(i).is_some() && net[i] > net[best] {
            best = i;
        }
    }
    // The best subtree often ties with its ancestors up to the root (what surrounds
    // the article is neutral: headings, short lines). Take the tightest subtree that
    // still holds most of the best subtree's content.
    // Neutral lines count a little here, so that a list or table inside the article
    // keeps its container from being narrowed to the one paragraph of prose above it.
    let score = |i: usize| net[i] + NEUTRAL_WEIGHT * neutral[i];
    let bar = score(best) * TIGHT_SHARE;
    let size = |i: usize| dom.nodes[i].end.saturating_sub(i);
    best = (0..n)
        .filter(|&i| dom.tag(i).is_some() && net[i] > 0.0 && score(i) >= bar)
        .min_by_key(|&i| (size(i), i))
        .unwrap_or(best);
    // No prose anywhere (a fragment, a truncated page): keep every block there is.
    if net[best] <= 0.0 { 0 } else { best }
}

/// Headings of sections that are about the site or other pages, not this article.
fn is_furniture_heading(text: &str) -> bool {
    const OPENERS: &[&str] = &[
        "about the author",
        "about the reviewer",
        "related posts",
        "related articles",
        "related stories",
        "related content",
        "related reading",
        "more from",
        "more stories",
        "more videos",
        "more articles",
        "recent posts",
        "recent articles",
        "read this next",
        "read next",
        "you may also like",
        "you might also like",
        "recommended for you",
        "recommended reading",
        "most popular",
        "most read",
        "share this",
        "comments",
        "leave a reply",
        "leave a comment",
        "join the conversation",
        "sign up for",
        "subscribe to",
        "table of contents",
        "further reading",
        "keep reading",
        "explore more",
        "other articles",
        "similar articles",
        "you might like",
        "you may like",
        "you may be interested",
        "you might be interested",
        "popular posts",
        "other posts you may",
        // The same openers in the other languages of the pages distill reads most
        // (German, Spanish, French, Polish): on unseen sites the furniture is as often
        // theirs as English (issue 17).
        "über den autor",
        "über die autorin",
        "weitere themen",
        "weitere artikel",
        "weitere beiträge",
        "mehr zum thema",
        "mehr zu diesem thema",
        "empfohlene beiträge",
        "ähnliche beiträge",
        "ähnliche artikel",
        "verwandte artikel",
        "verwandte beiträge",
        "das könnte sie auch interessieren",
        "das könnte dich auch interessieren",
        "lesen sie auch",
        "neueste beiträge",
        "beliebte beiträge",
        "kommentare",
        "noticias relacionadas",
        "artículos relacionados",
        "te puede interesar",
        "le puede interesar",
        "más noticias",
        "lo más leído",
        "comentarios",
        "articles similaires",
        "articles liés",
        "à lire aussi",
        "sur le même sujet",
        "commentaires",
        "powiązane artykuły",
        "czytaj także",
        "czytaj również",
        "komentarze",
        // The rest of the English list in those languages and in Portuguese, Italian
        // and Dutch, translated whole rather than picked from failures.
        "weitere informationen",
        "weiterführende informationen",
        "weiterführende links",
        "zum weiterlesen",
        "mehr zu ",
        "mehr aus ",
        "mehr von ",
        "mehr artikel",
        "mehr entdecken",
        "entdecke weitere",
        "entdecken sie",
        "weitere nachrichten",
        "weitere meldungen",
        "neueste artikel",
        "aktuelle artikel",
        "aktuelle beiträge",
        "letzte beiträge",
        "andere artikel",
        "beliebteste artikel",
        "verwandte themen",
        "aktuelle kommentare",
        "schreibe einen kommentar",
        "hinterlasse einen kommentar",
        "artikel teilen",
        "diesen artikel teilen",
        "inhaltsverzeichnis",
        "à propos de l'auteur",
        "à lire également",
        "lire aussi",
        "vous aimerez aussi",
        "vous aimerez peut-être aussi",
        "vous pourriez aussi aimer",
        "à découvrir aussi",
        "autres articles",
        "plus d'articles",
        "derniers articles",
        "articles récents",
        "les plus lus",
        "laisser un commentaire",
        "pour aller plus loin",
        "sommaire",
        "table des matières",
        "sobre el autor",
        "contenido relacionado",
        "también te puede interesar",
        "quizás te interese",
        "te podría interesar",
        "más artículos",
        "otros artículos",
        "últimas noticias",
        "artículos recientes",
        "entradas recientes",
        "lo más visto",
        "deja un comentario",
        "tabla de contenidos",
        "sobre o autor",
        "artigos relacionados",
        "notícias relacionadas",
        "veja também",
        "leia também",
        "você também pode gostar",
        "você pode gostar",
        "mais notícias",
        "mais lidas",
        "mais lidos",
        "outros artigos",
        "comentários",
        "deixe um comentário",
        "deixe uma resposta",
        "articoli correlati",
        "potrebbe interessarti",
        "ti potrebbe interessare",
        "leggi anche",
        "altri articoli",
        "altre notizie",
        "ultime notizie",
        "articoli recenti",
        "i più letti",
        "commenti",
        "lascia un commento",
        "over de auteur",
        "gerelateerde artikelen",
        "lees ook",
        "meer nieuws",
        "reacties",
    ];
    // (Eight words at most, counted no further: a long text is no heading.)
    text.split_whitespace().nth(8).is_none() && {
        let lower = text.trim().to_lowercase();
        OPENERS.iter().any(|o| lower.starts_with(o))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ExtractConfig;

    fn body(html: &str) -> String {
        crate::main_text(&Dom::parse(html, &ExtractConfig::default()), &["Big News Today".to_string()])
    }

    const PROSE: &str =
        "The council voted on Tuesday to approve the new budget, which includes funding for schools, roads and parks.";

    /// The byte count agrees with counting the characters that are not whitespace.
    #[test]
    fn visible_characters_are_counted_from_bytes() {
        let spaces: String = (0..=0x3000u32).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        for text in [
            "",
            "plain ASCII text,\twith\r\nbreaks\x0b and\x0c feeds",
            "don’t — “quoted” café 😀 €5",
            "a\u{a0}b\u{2009}c\u{3000}d\u{85}e\u{1680}f\u{205f}g\u{2028}",
            "\u{a1}\u{200b}\u{2030}\u{3001}\u{1681}\u{2060}",
            &spaces,
            &format!("x{spaces}y{spaces}"),
        ] {
            assert_eq!(visible_chars(text), text.chars().filter(|c| !c.is_whitespace()).count(), "{text:?}");
        }
    }

    #[test]
    fn article_is_found_among_chrome() {
        let html = format!(
            r#"<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <div class="cookie-banner">We use cookies to improve your experience on our website, please accept them all.</div>
            <div class="story-body"><h1>Big News Today</h1><span class="byline">By Ann Lee</span>
            <p>{PROSE}</p><div class="share-bar"><a href="/s">Share on X</a> Email</div><p>{PROSE} Second.</p>
            <h2>Reaction</h2><p>{PROSE} Third.</p><p>Advertisement</p></div>
            <div class="related"><h3>Related articles</h3><ul><li><a href="/1">Another story about a very different matter entirely</a></li></ul></div>
            <div id="comments"><p>{PROSE} This is a long reader comment.</p></div>
            <footer>Copyright 2026 The Gazette. All rights reserved.</footer></body>"#
        );
        let text = body(&html);
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 4, "{text}");
        assert_eq!(paragraphs[0], PROSE);
        assert_eq!(paragraphs[2], "## Reaction");
        for junk in [
            "Home",
            "cookies",
            "Ann Lee",
            "Share on",
            "Advertisement",
            "Related",
            "comment",
            "Copyright",
            "Big News Today",
        ] {
            assert!(!text.contains(junk), "{junk} survived in {text}");
        }
    }

    #[test]
    fn joined_bodies_read_each_paragraph_once() {
        let long = "one two three four five six seven eight";
        let body = join_blocks([long, "Yes", "Yes", "No", long, "Yes"].map(|t| (t, None)));
        assert_eq!(body, format!("{long}\n\nYes\n\nNo\n\nYes"));
        // A repeat is a repeat whatever its mark; the marks are written.
        let items = [("Flour", Some(Mark::Bullet)), ("Flour", Some(Mark::Bullet)), ("Stir", Some(Mark::Number(2)))];
        assert_eq!(join_blocks(items), "- Flour\n\n2. Stir");
    }

    #[test]
    fn split_containers_and_br_paragraphs_are_joined() {
        let html = format!(
            r#"<body><div id="main"><div class="part"><p>{PROSE}</p><p>{PROSE} A.</p></div>
            <div class="ad">Buy now, limited offer on shoes and bags for everyone.</div>
            <div class="part"><p>{PROSE} B.</p><p>{PROSE} C.</p></div>
            <div class="part">{PROSE} D.<br><br>{PROSE} E.</div></div></body>"#
        );
        let text = body(&html);
        assert_eq!(text.split("\n\n").count(), 6, "{text}");
        assert!(!text.contains("Buy now"));
    }

    #[test]
    fn links_side_by_side_read_apart_and_styled_words_stay_whole() {
        let html = format!(
            r#"<body><main><p>{PROSE}</p><p><a href="/a">Your 2025 Return</a><a href="/b">What changed</a> and
            <b>H</b>ow <span>dr</span>op caps <a href="/c">link</a>ed read, with a{PROSE}</p></main></body>"#
        );
        let text = body(&html);
        assert!(text.contains("Your 2025 Return What changed and How drop caps linked read"), "{text}");
    }
}
