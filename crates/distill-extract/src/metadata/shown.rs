//! The page's visible short lines, read for a byline ("By Jane Doe") and dates
//! ("Published March 3, 2025", a bare date under the headline) where the markup
//! states none.

use chrono::{DateTime, FixedOffset};

use super::byline::{BYLINE_LABELS, visible_byline};
use super::date::{before_by, date_in_line, has_year_bytes, line_parts};
use super::{LINE_NODES, is_small, next_sibling};
use crate::dom::{Dom, Kind, NONE};

/// A byline and dates shown in the page's text, for pages whose markup states none.
#[derive(Default)]
pub(super) struct Shown {
    /// The first "By Jane Doe" line, or "By" label followed by the name.
    pub(super) byline: Option<String>,
    /// The first short line reading "Published ..." or "Posted ...", or a date in an
    /// element whose class says date, published or time ("c-meta__date",
    /// "entry-date", "time").
    pub(super) published: Option<DateTime<FixedOffset>>,
    /// The first short line that is only a date, after the page's `<h1>`, with its
    /// node.
    bare: Option<(usize, DateTime<FixedOffset>)>,
    /// The first "Updated ..." line, the date of the version the page shows, with
    /// its node.
    updated: Option<(usize, DateTime<FixedOffset>)>,
}

impl Shown {
    /// Reads the page's short lines for what is wanted, until it is found; a line
    /// that is only a date counts after the `headline` node or beside it, and in the
    /// `byline` element or beside it ("<p>Luke Kim</p><small>December 17, 2025</small>").
    pub(super) fn read(
        dom: &Dom,
        want_byline: bool,
        want_date: bool,
        headline: Option<usize>,
        byline: Option<usize>,
    ) -> Shown {
        let mut shown = Shown::default();
        for i in 0..dom.nodes.len() {
            let want_byline = want_byline && shown.byline.is_none();
            let want_date = want_date && shown.published.is_none();
            if !want_byline && !want_date {
                break;
            }
            if !dom.tag(i).is_some_and(is_line) || !is_small(dom, i, LINE_NODES) {
                continue;
            }
            let glance = Glance::of(dom, i);
            if want_byline && glance.may_be_byline {
                shown.byline = visible_byline(dom, i);
            }
            if want_date && glance.has_year {
                let placed = headline.is_some_and(|h| i > h || beside(dom, i, h))
                    || byline
                        .is_some_and(|b| dom.nodes[i].parent == dom.nodes[b].parent || (b < i && i < dom.nodes[b].end));
                shown.read_date(dom, i, placed);
            }
        }
        shown
    }

    /// Reads a short line that holds a year ([`Glance`] found it) as a date of one of
    /// the three kinds.
    fn read_date(&mut self, dom: &Dom, i: usize, after_headline: bool) {
        let lines = dom.lines_of(i, |_| false);
        // "Dec. 19, 2025 · Niko Matsakis", "Andrew Gerrand<br>4 August 2010", "Video -
        // December 19, 2025": the date is one of the line's parts, and a byline may
        // follow it ("September 1st, 2023 By Emily Norwood").
        let Some(text) =
            lines.iter().flat_map(|line| line_parts(line)).map(before_by).find(|part| has_year_bytes(part.as_bytes()))
        else {
            return;
        };
        let words = text.split_whitespace().count();
        // The kind is the whole line's: "Updated · Dec 20, 2025" is an update.
        let lower = lines.join(" ").to_ascii_lowercase();
        let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
        let class = dom.attr(i, "class").unwrap_or("").to_ascii_lowercase();
        // Which kind of date the line would be, before the costly parse. "Posted by
        // David at December 16, 2025 11:15 AM" names the author first; "Submitted on
        // 18 Dec 2025" is how preprint servers say it.
        let part = text.to_ascii_lowercase();
        let labelled = |p: &&str| lower.starts_with(p) || part.starts_with(p);
        let labelled_published = ["published", "posted", "submitted"].iter().any(labelled) && words <= 12;
        let dated_class = (class.contains("date") || class.contains("publish") || class.contains("time"))
            && !class.contains("updat")
            && !class.contains("modif");
        let update = lower.contains("updated") || lower.contains("modified");
        if labelled_published || (words <= 8 && !update && dated_class) {
            if self.published.is_none() {
                self.published = date_in_line(text);
            }
        } else if words <= 8 && update {
            if self.updated.is_none() {
                self.updated = date_in_line(text).map(|date| (i, date));
            }
        } else if words <= 4 && after_headline && self.bare.is_none() {
            self.bare = date_in_line(text).map(|date| (i, date));
        }
    }

    /// For a page that labels no date as its publication: the bare date or the
    /// update, whichever it shows first. A bare date below an "Updated" line is
    /// another item's (a related post's card); one above it is the article's own.
    pub(super) fn first_undated(&self) -> Option<DateTime<FixedOffset>> {
        match (self.bare, self.updated) {
            (Some((b, bare)), Some((u, updated))) => Some(if u < b { updated } else { bare }),
            (bare, updated) => bare.or(updated).map(|(_, date)| date),
        }
    }
}

/// Nodes in a headline's header: the title, a kicker, a date, a byline.
const HEADER_NODES: usize = 24;

/// Whether element `i` sits in the headline's own header: its parent or
/// grandparent is small and holds the headline `h` ("<header><div>Dec 12,
/// 2025</div><h1>…"), or it comes right before the headline ("<a>Back to blog</a>
/// <div>Dec 12, 2025 · 4 min read</div><h1>…").
fn beside(dom: &Dom, i: usize, h: usize) -> bool {
    let holds = |a: usize| a != NONE && a <= h && h < dom.nodes[a].end && is_small(dom, a, HEADER_NODES);
    let parent = dom.nodes[i].parent;
    holds(parent) || (parent != NONE && holds(dom.nodes[parent].parent)) || next_sibling(dom, i) == Some(h)
}

/// Elements that may hold a byline or a date line.
fn is_line(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "span"
            | "div"
            | "li"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "address"
            | "b"
            | "strong"
            | "small"
            | "em"
            | "i"
            | "time"
    )
}

/// A look at a small element's text without copying it: most elements are neither
/// a byline nor a date, and are passed over at this cost.
struct Glance {
    /// The text begins with a word that introduces a byline ("By", "Written").
    may_be_byline: bool,
    /// The text holds a year, as every date shown in full does.
    has_year: bool,
}

impl Glance {
    fn of(dom: &Dom, i: usize) -> Glance {
        let mut first_word: Option<&[u8]> = None;
        let mut has_year = false;
        let mut length = 0;
        for node in &dom.nodes[i..dom.nodes[i].end.max(i + 1)] {
            let Kind::Text(text) = &node.kind else { continue };
            length += text.len();
            // A byline or a date line is short; a paragraph is neither.
            if length > 200 {
                return Glance { may_be_byline: false, has_year: false };
            }
            let bytes = text.as_bytes().trim_ascii_start();
            if first_word.is_none() && !bytes.is_empty() {
                let end = bytes.iter().position(|b| !b.is_ascii_alphabetic()).unwrap_or(bytes.len());
                first_word = Some(&bytes[..end]);
            }
            has_year = has_year || has_year_bytes(bytes);
        }
        let may_be_byline = first_word.is_some_and(|w| {
            BYLINE_LABELS
                .iter()
                .any(|label| label.split(' ').next().is_some_and(|l| l.as_bytes().eq_ignore_ascii_case(w)))
        });
        Glance { may_be_byline, has_year }
    }
}

#[cfg(test)]
mod tests {
    use crate::metadata::tests::meta;

    #[test]
    fn dates_shown_in_the_text() {
        let date = |body: &str| meta(&format!("<body>{body}</body>")).published.map(|d| d.format("%F").to_string());
        assert_eq!(date("<h1>T</h1><div>Published on July 18, 2025</div>").as_deref(), Some("2025-07-18"));
        assert_eq!(date("<li class=\"c-meta__date\">December 24, 2024</li>").as_deref(), Some("2024-12-24"));
        assert_eq!(date("<time>Mar 24, 2025</time>").as_deref(), Some("2025-03-24"));
        // A bare date counts only after the headline.
        let article = "<p>The council met.</p>".repeat(30);
        assert_eq!(date(&format!("<p>Dec 17, 2025</p><div><h1>T</h1>{article}</div>")), None);
        assert_eq!(
            date("<header><div><span>Dec 12, 2025</span></div><h1>T</h1></header>").as_deref(),
            Some("2025-12-12"),
            "in the headline's own header"
        );
        assert_eq!(date("<h1>T</h1><p>Dec 17, 2025</p>").as_deref(), Some("2025-12-17"));
        // Of a bare date and an update, the one shown first.
        assert_eq!(
            date("<h1>T</h1><p>Dec 17, 2025</p><span>Updated December 20, 2025</span>").as_deref(),
            Some("2025-12-17")
        );
        assert_eq!(date("<h1>T</h1><span>Updated October 23, 2025</span>").as_deref(), Some("2025-10-23"));
        // A bare date below the update line is a related post's card.
        assert_eq!(
            date("<h1>T</h1><div>Updated on October 21, 2025</div><p>The article.</p><span>July 17, 2025</span>")
                .as_deref(),
            Some("2025-10-21")
        );
        // Beside the author's name, with no headline shown; parts set apart by "・".
        assert_eq!(
            date("<div class=\"post-author\"><p>Luke Kim</p><small>December 17, 2025</small></div>").as_deref(),
            Some("2025-12-17")
        );
        assert_eq!(date("<h1>T</h1><span>December 18, 2025 ・ 3 min read</span>").as_deref(), Some("2025-12-18"));
        assert_eq!(
            date("<h1>T</h1><span><span>●</span> December 23, 2025 <span>●</span></span>").as_deref(),
            Some("2025-12-23")
        );
        // Microdata with the date as the element's text, before a related post's card.
        assert_eq!(
            date("<h1>T</h1><span itemprop=\"datePublished\">October 17, 2018</span><p>Text.</p><span>January 28, 2026</span>")
                .as_deref(),
            Some("2018-10-17")
        );
        assert_eq!(date("<p>Published March 3, 2025 · Updated March 5</p>").as_deref(), Some("2025-03-03"));
        // After the headline, not after a logo's <h1>: the sidebar's date is not the article's.
        assert_eq!(
            date(&format!(
                "<head><meta property=\"og:title\" content=\"Budget passes after debate\"></head><h1>Gazette</h1>\
                 <p>Jan 2, 2024</p><p>Most read</p><h1>Budget passes after debate</h1><p>Dec 17, 2025</p>{article}"
            ))
            .as_deref(),
            Some("2025-12-17")
        );
        assert_eq!(date("<h1>T</h1><p>6 mins</p><p>12 replies</p>"), None);
        // A date that shares its line, a long "Posted by" line, numbers, a "time" class.
        assert_eq!(
            date("<div class=\"publish-date-author\">Dec. 19, 2025 · Niko Matsakis on behalf of the Rust survey team</div>")
                .as_deref(),
            Some("2025-12-19")
        );
        assert_eq!(
            date("<span class=\"posted\">Posted by David at December 16, 2025 11:15 AM</span>").as_deref(),
            Some("2025-12-16")
        );
        assert_eq!(date("<span class=\"time\">3/4/2025</span>").as_deref(), Some("2025-03-04"));
        assert_eq!(
            date("<h1>T</h1><p>Dec 17, 2025</p><span class=\"date\">Updated · Dec 20, 2025</span>").as_deref(),
            Some("2025-12-17"),
            "an update's date shares its line"
        );
        assert_eq!(date("<h1>T</h1><span>17.05.2021</span>").as_deref(), Some("2021-05-17"));
        // Meta tags of a site's own naming.
        let date = |head: &str| meta(&format!("<head>{head}</head>")).published.map(|d| d.format("%F").to_string());
        assert_eq!(
            date(r#"<meta name="w-published-date" content="2025-05-27T06:03:43Z">"#).as_deref(),
            Some("2025-05-27")
        );
        assert_eq!(
            date(r#"<meta name="citation_publication_date" content="2023 Jan 7">"#).as_deref(),
            Some("2023-01-07")
        );
        assert_eq!(date(r#"<meta name="published-date-modified" content="2024-07-30">"#), None);
    }

    #[test]
    fn dates_among_other_words() {
        let article = "<p>The council met.</p>".repeat(30);
        let cases: &[(&str, Option<&str>, &str)] = &[
            (
                "<h1>T</h1><p class=\"author\">Andrew Gerrand<br>4 August 2010</p>",
                Some("2010-08-04"),
                "a line of its own",
            ),
            ("<h1>T</h1><p class=\"meta\">Video - December 19, 2025</p>", Some("2025-12-19"), "a part after a dash"),
            (
                "<h1>T</h1><div class=\"meta\">September 1st, 2023 <span>By Emily Norwood</span></div>",
                Some("2023-09-01"),
                "a byline after it",
            ),
            ("<h1>T</h1><div class=\"dateline\">[Submitted on 18 Dec 2025]</div>", Some("2025-12-18"), "in brackets"),
            (
                "<h1>T</h1><div>Posted on the 15/12/2025 at 19:00 by Guillaume Gomez</div>",
                Some("2025-12-15"),
                "numbers after a label",
            ),
            ("<h1>T</h1><p><i>Updated: 10/31/2024</i></p>", Some("2024-10-31"), "an update in numbers"),
            (
                "<h1>T</h1><p><span>Essay - Published: 2025.12.17 | </span><a>AI</a></p>",
                Some("2025-12-17"),
                "a labelled part",
            ),
            (
                "<div><p>February 4, 2025 - 11 minutes</p><h1>T</h1><div>x</div>",
                Some("2025-02-04"),
                "right before the headline",
            ),
            (
                "<h2 class=\"date-header\"><span>Monday, September 8, 2008</span></h2><h3>T</h3>",
                Some("2008-09-08"),
                "a dated heading",
            ),
            ("<h1>T</h1><p class=\"meta\">Jane Doe - Editor at large since March 2019</p>", None, "no day"),
            (
                "<h1>T</h1><p>We met in Rome - on 4 August 2010 - and the rest of that long week we talked</p>",
                None,
                "a sentence",
            ),
        ];
        for (body, want, why) in cases {
            let got = meta(&format!("<body>{body}{article}</body>")).published.map(|d| d.format("%F").to_string());
            assert_eq!(got.as_deref(), *want, "{why}: {body}");
        }
        // Without an `<h1>`, the element that shows the headline stands for it.
        let head =
            "<head><title>Top 5 HR Tools | Acme</title><meta property=\"og:title\" content=\"Top 5 HR Tools\"></head>";
        let got =
            |body: &str| meta(&format!("{head}<body>{body}</body>")).published.map(|d| d.format("%F").to_string());
        let body = format!(
            "<div><p>Jan 2, 2024</p><p>Popular</p></div><nav>Home</nav><p>Top 5 HR Tools</p><p>Feb 16, 2026</p>{article}"
        );
        assert_eq!(got(&body).as_deref(), Some("2026-02-16"));
    }
}
