//! The lead above the body. Many pages set the article's first paragraph (the
//! standfirst, the teaser that also runs on the home page) apart from the body, in a
//! container of its own between the headline and the story; the density selection
//! then chooses the body's container and leaves the lead outside. A paragraph of
//! prose that sits between the page's title and the first kept block, with nothing
//! between them but short lines (a date, a byline, a label), is the article's own; on
//! a page whose headline is not found, one that sits right above the body is.

use crate::blocks::{Block, Role, Verdict};

/// A line between the lead and the body this long (words) or longer, that is not
/// prose, means the two are not one article's (a menu, a teaser list).
const MAX_SHORT_WORDS: usize = 12;

/// A line of links this long (words) or shorter between the lead and the body is a
/// byline's or a share button's, not a menu or a teaser list.
const MAX_LINK_WORDS: usize = 3;

/// On a page whose headline is not found, a lead is looked for this many blocks
/// above the body.
const NEAR_BODY: usize = 3;

/// At most this many paragraphs are taken above the body.
const MAX_LEAD: usize = 2;

/// Keeps the paragraphs of prose between the title and the first kept block.
pub(crate) fn keep_lead(blocks: &[Block], keep: &mut [bool]) {
    let Some(first) = keep.iter().position(|k| *k) else { return };
    // The headline: the block read as the page's title, or else its top heading.
    // Without one, the lead sits right above the body (three blocks at most).
    let title = blocks[..first]
        .iter()
        .rposition(|b| b.verdict == Verdict::Title)
        .or_else(|| blocks[..first].iter().rposition(|b| b.level == 1))
        .unwrap_or_else(|| first.saturating_sub(NEAR_BODY + 1));
    let body = words(blocks.iter().zip(keep.iter()).filter(|(_, k)| **k).map(|(b, _)| b.text.as_str()));
    let mut taken = 0;
    for i in (title + 1..first).rev() {
        let b = &blocks[i];
        if b.verdict != Verdict::Outside {
            continue;
        }
        if is_lead(b) && shares_words(&b.text, &body) {
            keep[i] = true;
            taken += 1;
            if taken == MAX_LEAD {
                return;
            }
        } else if b.words > MAX_SHORT_WORDS || b.role() == Role::Clutter && b.link_chars > 0 && b.words > MAX_LINK_WORDS
        {
            return;
        }
    }
}

/// A paragraph that reads as the article's: prose (a sentence, or a long line: a
/// standfirst often has no full stop), few links, no heading, no web address.
fn is_lead(b: &Block) -> bool {
    // (A web address glued to the text is structured data left visible, no lead.)
    (!b.heading() || b.words >= MIN_HEADING_LEAD_WORDS)
        && b.role() == Role::Prose
        && b.link_chars * 4 < b.chars
        && !b.text.contains("http")
}

/// A heading this long (words) between the title and the body is a standfirst set
/// as a heading (`<h2>` under the `<h1>`), not a section's title.
const MIN_HEADING_LEAD_WORDS: usize = 15;

/// Words of five letters or more, lowercased: the ones a lead and its story share.
fn words<'a>(texts: impl Iterator<Item = &'a str>) -> rustc_hash::FxHashSet<String> {
    texts
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= MIN_WORD_CHARS)
        .map(str::to_lowercase)
        .collect()
}

/// A word this long counts toward what a lead shares with the body.
const MIN_WORD_CHARS: usize = 5;

/// A lead shares this many distinct words with the body; a disclaimer or a site's
/// note above every story ("may contain affiliate links") shares fewer.
const MIN_SHARED: usize = 2;

fn shares_words(text: &str, body: &rustc_hash::FxHashSet<String>) -> bool {
    words(std::iter::once(text)).iter().filter(|w| body.contains(*w)).count() >= MIN_SHARED
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, verdict: Verdict, link_chars: usize, level: u8) -> Block {
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        let words = text.split_whitespace().count();
        Block { owner: 0, text: text.to_string(), chars, words, link_chars, level, verdict, mark: None }
    }

    const STORY: &str =
        "The council spent the budget of the year on roads, and the growers of the valley want their share.";
    const LEAD: &str =
        "The council spent most of its budget on roads this year; the growers want their share next spring.";

    /// The page: a title, what lies above the body, then three paragraphs of the body.
    fn page(above: Vec<Block>) -> (Vec<Block>, Vec<bool>) {
        let mut blocks = vec![block("Budget", Verdict::Title, 0, 1)];
        blocks.extend(above);
        blocks.extend((0..3).map(|_| block(STORY, Verdict::Kept, 0, 0)));
        let keep = blocks.iter().map(|b| b.kept()).collect();
        (blocks, keep)
    }

    fn kept_above(above: Vec<Block>) -> Vec<String> {
        let (blocks, mut keep) = page(above);
        keep_lead(&blocks, &mut keep);
        blocks.iter().zip(&keep).filter(|(b, k)| **k && !b.kept()).map(|(b, _)| b.text.clone()).collect()
    }

    #[test]
    fn a_lead_below_the_title_joins_the_body_past_a_date_line() {
        let above = vec![block(LEAD, Verdict::Outside, 0, 0), block("12 March 2024", Verdict::Outside, 0, 0)];
        assert_eq!(kept_above(above), [LEAD]);
    }

    #[test]
    fn a_note_that_shares_no_words_stays_out() {
        let note =
            "Editorial note: this site may contain affiliate links, which earn us a commission at no cost to you.";
        assert!(kept_above(vec![block(note, Verdict::Outside, 0, 0)]).is_empty());
    }

    #[test]
    fn a_teaser_list_between_lead_and_body_ends_the_search() {
        let teaser = "Another story about the weather and the rain in the hills, this week";
        let above = vec![block(LEAD, Verdict::Outside, 0, 0), block(teaser, Verdict::Outside, teaser.len(), 0)];
        assert!(kept_above(above).is_empty());
        // Nor is a short heading or a line of links a lead.
        let heading = "The council budget and the growers";
        let above = vec![block(heading, Verdict::Outside, 0, 2), block(LEAD, Verdict::Outside, LEAD.len(), 0)];
        assert!(kept_above(above).is_empty());
    }

    #[test]
    fn a_byline_or_share_link_between_lead_and_body_is_passed() {
        let above = vec![block(LEAD, Verdict::Outside, 0, 0), block("di Vegolosi.it", Verdict::Outside, 13, 0)];
        assert_eq!(kept_above(above), [LEAD]);
    }

    #[test]
    fn a_standfirst_set_as_a_long_heading_is_a_lead() {
        assert_eq!(kept_above(vec![block(LEAD, Verdict::Outside, 0, 2)]), [LEAD]);
    }

    #[test]
    fn without_a_headline_only_a_lead_right_above_the_body_is_added() {
        let kept_without_title = |level: u8, between: usize| {
            let mut above = vec![block(LEAD, Verdict::Outside, 0, 0)];
            above.extend((0..between).map(|_| block("12 March 2024", Verdict::Outside, 0, 0)));
            let (mut blocks, _) = page(above);
            blocks[0].verdict = Verdict::Outside;
            blocks[0].level = level;
            let mut keep: Vec<bool> = blocks.iter().map(|b| b.kept()).collect();
            keep_lead(&blocks, &mut keep);
            keep.iter().filter(|k| **k).count()
        };
        assert_eq!(kept_without_title(0, 0), 4);
        assert_eq!(kept_without_title(0, 2), 4);
        // Farther up, it may be anything.
        assert_eq!(kept_without_title(0, 3), 3);
        // A first-rank headline that differs from the page's title still heads it.
        assert_eq!(kept_without_title(1, 3), 4);
    }

    #[test]
    fn a_line_with_a_web_address_is_no_lead() {
        let data = format!("{LEAD}2026-01-07https://example.com/uploads/level-1.png");
        assert!(kept_above(vec![block(&data, Verdict::Outside, 0, 0)]).is_empty());
    }
}
