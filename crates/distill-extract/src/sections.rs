//! The story's other sections. Some pages set each section of a long article in a
//! container of its own (`<div class="row article">` after `<div class="row
//! article">`), with ad rows and newsletter boxes between them; the density selection
//! chooses the heaviest section and the classifier keeps what is near it, so the
//! article's opening sections are lost. A sibling of the chosen container that is
//! built like it (same tag, same classes), reached from it across containers that hold
//! no prose, holds the same story.

use crate::blocks::{Block, Role, Verdict, reads_as_boilerplate};
use crate::dom::{Dom, NONE};

/// How far above the chosen element the section container may sit: the chosen
/// element is often the column inside the section's row.
const MAX_LEVELS: usize = 3;

/// Keeps the prose and the section headings of the containers built like the one the
/// selection chose, among its siblings, up to the first sibling built otherwise that
/// holds prose.
pub(crate) fn keep_sections(dom: &Dom, blocks: &[Block], selected: usize, keep: &mut [bool]) {
    let mut container = selected;
    for _ in 0..MAX_LEVELS {
        let parent = dom.nodes[container].parent;
        if parent == NONE {
            return;
        }
        if let Some(class) = dom.attr(container, "class").filter(|c| !c.trim().is_empty()) {
            let siblings = children(dom, parent);
            let at = siblings.iter().position(|&s| s == container).unwrap_or(0);
            let same = |s: usize| dom.tag(s) == dom.tag(container) && dom.attr(s, "class") == Some(class);
            let mut found = false;
            let before: Vec<usize> = siblings[..at].iter().rev().copied().collect();
            for (after, walk) in [(false, &before[..]), (true, &siblings[at + 1..])] {
                for &s in walk {
                    let range = blocks_under(dom, blocks, s);
                    let prose = blocks[range.clone()].iter().any(|b| b.role() == Role::Prose);
                    if !same(s) {
                        if prose {
                            break;
                        }
                        continue;
                    }
                    // After the story, a box of one or two paragraphs built like a
                    // section (the author's note, a licence) ends it; before it, the
                    // opening section may be as short.
                    let paragraphs: Vec<&Block> = blocks[range.clone()]
                        .iter()
                        .filter(|b| b.role() == Role::Prose && !reads_as_boilerplate(b))
                        .collect();
                    let mass: usize = paragraphs.iter().map(|b| b.chars).sum();
                    if after && (paragraphs.len() < MIN_PARAGRAPHS || mass < MIN_SECTION_CHARS) || paragraphs.is_empty()
                    {
                        break;
                    }
                    found = true;
                    for i in range {
                        let b = &blocks[i];
                        // (The page's headline is carried apart from the body.)
                        if b.owner < s || b.owner >= dom.nodes[s].end || b.verdict == Verdict::Title {
                            continue;
                        }
                        let section_heading = b.heading() && b.level != 1 && b.words <= 15 && b.link_chars == 0;
                        if (b.role() == Role::Prose || section_heading) && !reads_as_boilerplate(b) {
                            keep[i] = true;
                        }
                    }
                }
            }
            if found {
                return;
            }
        }
        container = parent;
    }
}

/// A section after the chosen one holds at least this many paragraphs of prose...
const MIN_PARAGRAPHS: usize = 3;

/// ... and this many characters of them.
const MIN_SECTION_CHARS: usize = 500;

/// The element children of `parent`, in page order.
fn children(dom: &Dom, parent: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = parent + 1;
    while i < dom.nodes[parent].end {
        if dom.tag(i).is_some() {
            out.push(i);
        }
        i = dom.nodes[i].end.max(i + 1);
    }
    out
}

/// The blocks inside the subtree of `node`: blocks are in page order, so a range.
fn blocks_under(dom: &Dom, blocks: &[Block], node: usize) -> std::ops::Range<usize> {
    let end = dom.nodes[node].end;
    let first = blocks.partition_point(|b| b.owner < node);
    let last = blocks.partition_point(|b| b.owner < end);
    first..last.max(first)
}

#[cfg(test)]
mod tests {
    use crate::ExtractConfig;
    use crate::dom::Dom;

    fn story(name: &str, n: usize) -> String {
        (0..n)
            .map(|i| format!("<p>Story {name} paragraph {i} explains, in full sentences and with some detail, how the council spent the budget on roads.</p>"))
            .collect()
    }

    /// Issue 17, truncated bodies: a long article set in one container per section
    /// (`<div class="row story">`), with ad rows between them, where the selection
    /// chose the heaviest section (as on a page whose other rows carry link boxes):
    /// the sections built like it are the story's; an author's note built the same
    /// way after the story, a box built otherwise and what follows it are not.
    #[test]
    fn the_sections_built_like_the_chosen_one_are_the_storys() {
        let ad = "<div class=\"row ad\"><aside><a href=\"/ad\">Advertisement</a></aside></div>";
        let html = format!(
            "<html><body><main><h1>Roads</h1>\
             <div class=\"row story\"><div class=\"col\"><h2>Roads</h2>{}</div></div>{ad}\
             <div class=\"row story\"><div class=\"col\" id=\"chosen\"><h3>What the council decided</h3>{}</div></div>{ad}\
             <div class=\"row story\"><div class=\"col\"><h3>What the council plans</h3>{}</div></div>{ad}\
             <div class=\"row story\"><div class=\"col\"><p>Ann Lee writes about roads and the council for the paper, and has done so since 2008.</p></div></div>\
             <div class=\"teasers\">{}</div><div class=\"row story\"><div class=\"col\">{}</div></div></main></body></html>",
            story("A", 2),
            story("B", 6),
            story("C", 6),
            story("T", 2),
            story("Z", 4)
        );
        let dom = Dom::parse(&html, &ExtractConfig::default());
        let analysis = crate::content::analyze(&dom, &["Roads".to_string()]).unwrap();
        let chosen = (0..dom.nodes.len()).find(|&i| dom.attr(i, "id") == Some("chosen")).unwrap();
        let blocks = &analysis.blocks;
        let mut keep: Vec<bool> = blocks.iter().map(|b| b.owner >= chosen && b.owner < dom.nodes[chosen].end).collect();
        super::keep_sections(&dom, blocks, chosen, &mut keep);
        let kept: Vec<&str> = blocks.iter().zip(&keep).filter(|(_, k)| **k).map(|(b, _)| b.text.as_str()).collect();
        for (name, n) in [("A", 2), ("B", 6), ("C", 6), ("T", 0), ("Z", 0)] {
            assert_eq!(
                kept.iter().filter(|t| t.starts_with(&format!("Story {name} "))).count(),
                n,
                "{name}: {kept:#?}"
            );
        }
        assert!(kept.contains(&"What the council plans"), "{kept:#?}");
        assert!(!kept.iter().any(|t| t.contains("Ann Lee") || t.contains("Advertisement")), "{kept:#?}");
        // The headline set again over the first section is carried apart.
        assert!(!kept.contains(&"Roads"), "{kept:#?}");
    }
}
