//! The byline: the authors JSON-LD or a meta tag names, else the element whose class
//! or place says it holds the author, else a "By Jane Doe" line of the text; a person
//! the page names wins over an organization.

use distill_core::time::{WEEKDAYS, month_number};

use super::date::parse_stated;
use super::title::is_site;
use super::{Metas, Page, clean, is_small, next_sibling};
use crate::dom::{Dom, Kind, is_author_page};

/// The byline the page's markup states: its JSON-LD authors, an author meta tag,
/// scholarly or SEO tags, else its byline element. An organization as the author
/// gives way to a person the page's byline element or author link names: any person
/// where JSON-LD types the author `Organization`, a full name where the author is the
/// site's name ("USA TODAY"). `sites` are the site's names.
pub(super) fn stated(page: &Page, sites: &[String]) -> Option<String> {
    let stated = (!page.ld.authors.is_empty())
        .then(|| page.ld.authors.join(", "))
        .or_else(|| {
            page.metas
                .first(&[
                    "author",
                    "article:author",
                    "dc.creator",
                    "byl",
                    "parsely-author",
                    "sailthru.author",
                    "cxenseparse:author",
                ])
                .filter(|a| !a.starts_with("http"))
                .and_then(|a| clean_byline(&a))
        })
        .or_else(|| cited_authors(&page.metas))
        .or_else(|| written_by(&page.metas))
        .or(page.byline_element.clone());
    let person_shown = page.byline_element.clone().or_else(|| page.author_link.clone());
    let person = person_shown.filter(|person| {
        page.ld.authors_are_organizations
            || (is_full_name(person) && stated.as_deref().is_some_and(|b| is_site(b, sites)) && !is_site(person, sites))
    });
    person.or(stated)
}

/// The name in element `i` where its attributes say it holds the author.
pub(super) fn in_byline_element(dom: &Dom, i: usize) -> Option<String> {
    (is_small(dom, i, BYLINE_ELEMENT_NODES) && is_byline_element(dom, i)).then(|| element_byline(dom, i)).flatten()
}

/// The name in link `i` where it leads to an author's page.
pub(super) fn in_author_link(dom: &Dom, i: usize) -> Option<String> {
    (dom.attr(i, "href").is_some_and(|href| is_author_page(href.as_bytes())) && is_small(dom, i, BYLINE_ELEMENT_NODES))
        .then(|| element_byline(dom, i))
        .flatten()
}

/// Nodes in an element whose class names the author: it may hold an avatar, a link
/// and a date beside the name.
const BYLINE_ELEMENT_NODES: usize = 32;

/// The authors of a scholarly page, one `citation_author` tag each, often written
/// "Roy, Aniruddha": read as "Aniruddha Roy".
fn cited_authors(metas: &Metas) -> Option<String> {
    let cited: Vec<String> = metas
        .iter()
        .filter(|(k, _)| k == "citation_author")
        .filter_map(|(_, v)| match v.split_once(',') {
            Some((last, first)) if !first.contains(',') && !first.trim().is_empty() => {
                clean_byline(&format!("{} {}", first.trim(), last.trim()))
            }
            _ => clean_byline(v),
        })
        .collect();
    (!cited.is_empty()).then(|| cited.join(", "))
}

/// Whether a byline is a person's full name: two words or more, and not a comment's
/// "Lori Campbell says".
fn is_full_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 2 && !words.last().is_some_and(|w| w.eq_ignore_ascii_case("says"))
}

/// The author that WordPress's SEO plugins state as a "Written by" label and value
/// in `twitter:label1` and `twitter:data1`.
fn written_by(metas: &Metas) -> Option<String> {
    let n = metas.iter().find_map(|(key, value)| {
        key.strip_prefix("twitter:label").filter(|_| value.eq_ignore_ascii_case("written by"))
    })?;
    let data = format!("twitter:data{n}");
    metas.iter().find(|(k, _)| *k == data).and_then(|(_, v)| clean_byline(v))
}

/// Whether an element's attributes say it holds the author's name: a class, `rel`,
/// `itemprop` or id of "byline" or "author", or a class word that names the author
/// ("post-author", "blog__authorname", "author-box__name"; not "author-bio").
fn is_byline_element(dom: &Dom, i: usize) -> bool {
    // Every sign below holds "author" or "byline": most elements have neither, and
    // are passed over at the cost of one look at their attributes.
    let Kind::Element { attrs, .. } = &dom.nodes[i].kind else { return false };
    let signed = attrs.iter().any(|(name, value)| {
        matches!(&**name, "class" | "rel" | "itemprop" | "id") && (has(value, "author") || has(value, "byline"))
    });
    if !signed {
        return false;
    }
    let hint = |a: &str| {
        dom.attr(i, a).is_some_and(|v| {
            has(v, "byline") || v.eq_ignore_ascii_case("author") || has(v, "author-name") || has(v, "article-author")
        })
    };
    let names_author = |word: &str| {
        // Bytes, not a string slice: a class word may hold any character.
        let ends = |suffix: &str| {
            word.len() >= suffix.len()
                && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
        };
        has(word, "author") && (has(word, "name") || ends("author") || ends("authors"))
    };
    // CSS modules end a class with a short hash: "Author_author__4ceOm".
    let unhashed = |word: &str| -> usize {
        match word.rfind("__") {
            Some(at) if at > 0 && word.len() - at <= 8 && word[at + 2..].bytes().all(|b| b.is_ascii_alphanumeric()) => {
                at
            }
            _ => word.len(),
        }
    };
    let names_the_author = hint("class")
        || hint("rel")
        || hint("itemprop")
        || hint("id")
        || dom
            .attr(i, "class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|w| names_author(w) || names_author(&w[..unhashed(w)])));
    // "comment-author-name", "comment-form-author": a commenter, or the form's field.
    let in_comments = || dom.attr(i, "class").is_some_and(|c| has(c, "comment"));
    // Checked last: most elements name no author, and are passed over before this.
    names_the_author && !in_comments() && !is_topic(dom, i)
}

/// The name in an element that holds the author: its first line that is more than a
/// label ("Written by" stands on a line of its own in some author boxes), with the
/// author's role and the story's topic left out ("<span class=author-position>Writer
/// </span>", "<span class=byline__tag>Lifestyle</span>").
fn element_byline(dom: &Dom, i: usize) -> Option<String> {
    let lines = dom.lines_of(i, |j| is_role(dom, j) || is_topic(dom, j));
    let line = lines.iter().find(|l| clean_byline(l).is_some())?;
    let name = person_name(line, NameSource::Element)?;
    // Authors are linked to their pages: where the line says more than the linked
    // names ("& Zackery Cuevas Writer, Hardware"), the links are the names.
    let end = dom.nodes[i].end.max(i + 1);
    let linked: Vec<String> = (i + 1..end)
        .filter(|&j| dom.tag(j) == Some("a"))
        .filter_map(|j| person_name(&dom.text_of(j), NameSource::Line))
        .take(8)
        .collect();
    let joined = linked.join(", ");
    if !linked.is_empty() && name.contains(linked[0].as_str()) && joined.len() < name.len() {
        return Some(joined);
    }
    Some(name)
}

/// Whether an element holds the story's topic ("byline__tag", "byline-category"),
/// which pages set beside the byline.
fn is_topic(dom: &Dom, i: usize) -> bool {
    dom.attr(i, "class").is_some_and(|c| {
        c.split(|ch: char| !ch.is_ascii_alphanumeric()).any(|w| {
            ["tag", "tags", "category", "categories", "topic", "topics"].iter().any(|t| w.eq_ignore_ascii_case(t))
        })
    })
}

/// Whether an element holds a person's role or job title, not their name.
fn is_role(dom: &Dom, i: usize) -> bool {
    dom.attr(i, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("jobtitle"))
        || dom
            .attr(i, "class")
            .is_some_and(|c| has(c, "position") || has(c, "role") || has(c, "jobtitle") || has(c, "job-title"))
}

/// Whether `text` holds `word` (lowercase ASCII) in any case, without copying it.
fn has(text: &str, word: &str) -> bool {
    let (text, word) = (text.as_bytes(), word.as_bytes());
    let Some(&first) = word.first() else { return true };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), text)
        .any(|at| text.get(at..at + word.len()).is_some_and(|w| w.eq_ignore_ascii_case(word)))
}

/// Labels that introduce a byline in the page's text.
pub(super) const BYLINE_LABELS: &[&str] = &[
    "by",
    "written by",
    "posted by",
    "words by",
    "article by",
    "story by",
    "recipe by",
    "author",
    "authored by",
    "reported by",
    "text by",
    "contributor",
    "contributors",
];

/// What follows the label a byline begins with ("By", "Written by:", "Author"), or
/// None where it begins with none.
fn after_byline_label(text: &str) -> Option<&str> {
    // ASCII lowercasing keeps byte offsets, so the label can be cut off the text.
    let lower = text.to_ascii_lowercase();
    let label = BYLINE_LABELS
        .iter()
        .filter(|label| lower.strip_prefix(**label).is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':'])))
        .max_by_key(|label| label.len())?;
    Some(text[label.len()..].trim_start_matches([' ', ':']))
}

/// A byline in the visible text: a short element reading "By Jane Doe" (or "Written
/// by", "Author:"), or one reading just "By" whose next sibling names the author.
pub(super) fn visible_byline(dom: &Dom, i: usize) -> Option<String> {
    // The byline is the element's first line; a role or a date may follow on the next.
    let lines = dom.lines_of(i, |j| is_role(dom, j));
    let text = lines.first()?;
    let rest = after_byline_label(text)?.trim();
    if !rest.is_empty() {
        return person_name(rest, NameSource::Line);
    }
    // "Written by" on a line of its own, the name on the next.
    if let Some(next) = lines.get(1) {
        return person_name(next, NameSource::Element);
    }
    // The name is the sibling's first text: a link to the author's page, then perhaps
    // a tooltip about them.
    let sibling = next_sibling(dom, i)?;
    let end = dom.nodes[sibling].end.max(sibling + 1);
    dom.nodes[sibling..end].iter().take(64).find_map(|n| match &n.kind {
        Kind::Text(t) if !t.trim().is_empty() => Some(person_name(t, NameSource::Element)),
        _ => None,
    })?
}

/// Where a byline's name was found, which says how sure it is to be a name.
#[derive(Clone, Copy, PartialEq)]
enum NameSource {
    /// In an element whose class or place says it holds the author.
    Element,
    /// After "By" in a line of text, where a menu's "By region" or a sentence's "by
    /// staying proactive" may stand: two words at least, not all capitals.
    Line,
}

/// Words that may stand lowercase inside a name ("Moses Kim and Kate Shokurova",
/// "Ludwig van Beethoven").
const NAME_PARTICLES: &[&str] =
    &["and", "&", "de", "da", "di", "du", "del", "van", "von", "der", "den", "la", "le", "bin", "al"];

/// Words no name holds: the labels and buttons around a byline, a comment form's fields.
const NOT_NAME_WORDS: &[&str] = &[
    "author", "authors", "written", "share", "follow", "read", "more", "about", "view", "all", "posts", "articles",
    "stories", "name", "email", "comment",
];

/// Days as a date line in a byline element writes them ("Sat, 20 Dec, 2025"): not
/// names. In full, or cut short; not "Sun", which is also a name.
fn is_weekday(word: &str) -> bool {
    const SHORT: &[&str] = &["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat"];
    WEEKDAYS.iter().chain(SHORT).any(|day| word.eq_ignore_ascii_case(day))
}

/// Words that end a name in a byline line ("Jane Doe on March 3", "Ann Lee Updated",
/// "Karl Sophanus at Acme").
const AFTER_NAME_WORDS: &[&str] = &["on", "updated", "published", "posted", "last", "in", "at"];

/// The name in a byline, up to a date, role or separator: "Jane Doe | March 3" gives
/// "Jane Doe". None unless what is left reads as a person's or desk's name: up to six
/// words, the first not lowercase, most of the others capitalized (scripts without
/// case pass).
fn person_name(line: &str, source: NameSource) -> Option<String> {
    let name = clean_byline(line)?;
    let words: Vec<&str> =
        name.split_whitespace().take_while(|w| !AFTER_NAME_WORDS.iter().any(|a| w.eq_ignore_ascii_case(a))).collect();
    let not_lowercase = |w: &str| w.chars().next().is_some_and(|c| !c.is_lowercase());
    let particle = |w: &str| NAME_PARTICLES.contains(&w);
    let letters: String = words.iter().flat_map(|w| w.chars()).filter(|c| c.is_alphabetic()).collect();
    let all_capitals = words.len() > 1 && letters.chars().all(char::is_uppercase);
    let min_words = if source == NameSource::Line { 2 } else { 1 };
    let reads_as_name = (min_words..=6).contains(&words.len())
        && words.first().is_some_and(|w| not_lowercase(w))
        && words.iter().filter(|w| !particle(w) && !not_lowercase(w)).count() * 2 < words.len()
        && !words.iter().any(|w| NOT_NAME_WORDS.iter().any(|n| w.eq_ignore_ascii_case(n)) || is_weekday(w))
        && !(source == NameSource::Line && all_capitals);
    reads_as_name.then(|| words.join(" "))
}

/// Cleans an author string: drops a leading "By", and what follows the name after
/// a separator, a date or an address ("Jane Doe ⋅ Review Editor", "Ann Lee - Editorial
/// Team", "Ann Lee 4 August 2010", "Newsdesk news@site.example"); decodes character
/// references a publisher escaped twice ("Maria &amp;amp; Katerina").
pub(super) fn clean_byline(raw: &str) -> Option<String> {
    let text = clean(raw);
    let text = after_byline_label(&text).unwrap_or(&text);
    let line = text.split(" - ").next().unwrap_or("");
    // "Dec. 19, 2025 · Niko Matsakis": the name is the first part that is not a date.
    let parts: Vec<&str> =
        line.split(['|', '\n', '•', '·', '⋅', '–', '—']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let line = parts.iter().find(|p| parse_stated(p).is_none()).or(parts.first()).copied().unwrap_or("");
    let mut words: Vec<&str> = line
        .split_whitespace()
        .take_while(|w| !w.contains('@') && !w.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    // "Jane Doe August 4, 2010": the month goes with the day.
    let cut_at_date = words.len() < line.split_whitespace().count();
    if cut_at_date && words.last().is_some_and(|w| month_number(w).is_some()) {
        words.pop();
    }
    if words.iter().any(|w| is_identifier(w)) {
        return None;
    }
    // Texts joined from separate elements may leave "Gene Petrino , Editor".
    let name = words.join(" ").replace(" ,", ",");
    let name = name.trim_matches(|c: char| matches!(c, ',' | ':' | ';' | '-' | '&') || c.is_whitespace());
    let count = name.split_whitespace().count();
    (count > 0 && count <= 12 && !name.starts_with("http")).then(|| name.to_string())
}

/// Whether a word is a user name or a template's placeholder, not a person's name:
/// lowercase words joined by dots ("andrew.keaveney", "page.head.extra.author").
/// Initials ("J.R.R.") have one letter between dots.
fn is_identifier(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').filter(|s| !s.is_empty()).collect();
    parts.len() >= 2
        && !word.chars().any(char::is_uppercase)
        && parts.iter().all(|s| s.chars().count() >= 2 && s.chars().all(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use crate::metadata::tests::meta;

    #[test]
    fn authors_by_reference_and_in_seo_labels() {
        let m = meta(
            r##"<script type="application/ld+json">{"@graph":[{"@type":"Article","headline":"H",
            "author":{"@id":"https://s.example/#/person/1"}},
            {"@type":"Person","@id":"https://s.example/#/person/1","name":"Tom Talbot"}]}</script>"##,
        );
        assert_eq!(m.byline.as_deref(), Some("Tom Talbot"));
        let m = meta(
            r#"<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Gabby Boucher">
            <meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="5 minutes">"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Gabby Boucher"));
        let m = meta(r#"<meta name="author" content="Maria &amp;amp; Katerina">"#);
        assert_eq!(m.byline.as_deref(), Some("Maria & Katerina"));
        let m = meta(r#"<meta name="author" content="David Jackson - FullStack Editorial Team">"#);
        assert_eq!(m.byline.as_deref(), Some("David Jackson"));
        // User names and template placeholders are no bylines; initials are.
        for placeholder in ["page.head.extra.author", "andrew.keaveney"] {
            let m = meta(&format!(r#"<meta name="author" content="{placeholder}">"#));
            assert_eq!(m.byline, None, "{placeholder}");
        }
        let m = meta(r#"<meta name="author" content="Gene Petrino , Home Security Expert">"#);
        assert_eq!(m.byline.as_deref(), Some("Gene Petrino, Home Security Expert"));
        let m = meta(r#"<meta name="author" content="J.R.R. Tolkien">"#);
        assert_eq!(m.byline.as_deref(), Some("J.R.R. Tolkien"));
    }

    #[test]
    fn bylines_in_the_text() {
        let cases: &[(&str, Option<&str>)] = &[
            ("<p>By Amy Wilhelm</p>", Some("Amy Wilhelm")),
            ("<div><div>By</div><div>Joanna Okedara</div></div>", Some("Joanna Okedara")),
            ("<p>Written by <a>Moses Kim and Kate Shokurova</a></p>", Some("Moses Kim and Kate Shokurova")),
            ("<p>By <span>Reyan Perumal</span> Published on July 18, 2025</p>", Some("Reyan Perumal")),
            ("<p class=\"author\">Andrew Gerrand<br>4 August 2010</p>", Some("Andrew Gerrand")),
            ("<span class=\"byline\">Matthew Richardson &sdot; Review Editor</span>", Some("Matthew Richardson")),
            (
                "<span>By</span> <div><a class=\"item-name\">Dylan Ettinger</a><div>Dylan writes about food.</div></div>",
                Some("Dylan Ettinger"),
            ),
            ("<div class=\"blog__authorname\">Michelle Lee</div>", Some("Michelle Lee")),
            ("<aside class=\"post-author\">Katie Liguori</aside>", Some("Katie Liguori")),
            ("<p class=\"author-bio\">Katie Liguori writes.</p>", None),
            // A comment form's field, and a byline element that holds only the date.
            ("<p class=\"comment-form-author\"><label for=\"author\">Name <span>*</span></label></p>", None),
            ("<span class=\"comment-author-name\">Lori Campbell</span>", None),
            ("<div class=byline>Sat, 20 Dec, 2025 - 06:36</div>", None),
            ("<div class=byline>Thursday</div>", None),
            // "Sun" is a name as well as a day.
            ("<span class=\"author-name\">Sun Li</span>", Some("Sun Li")),
            (
                "<div class=\"byline\"><span class=\"byline__tag\"><a href=\"/tag/lifestyle\">Lifestyle</a></span></div>",
                None,
            ),
            (
                "<div class=\"byline\"><span class=\"byline__tag\">Lifestyle</span><span>Isabel Haas</span></div>",
                Some("Isabel Haas"),
            ),
            // A class word ending inside a character.
            ("<p class=\"authoréxxxxx\">Katie Liguori</p>", None),
            ("<p class=\"Post-Author\">Katie Liguori</p>", Some("Katie Liguori")),
            ("<div class=\"byline\">Recipe by PJ Hamel</div>", Some("PJ Hamel")),
            ("<p class=\"byline\">Authored by: Ann Lee</p>", Some("Ann Lee")),
            ("<p class=\"author\">Jane Doe August 4, 2010</p>", Some("Jane Doe")),
            (
                "<div class=\"publish-date-author\">Dec. 19, 2025 &middot; Niko Matsakis on behalf of the survey team</div>",
                Some("Niko Matsakis"),
            ),
            ("<span class=\"author-name\">JANE DOE</span>", Some("JANE DOE")),
            ("<span class=\"author-name\">王小明</span>", Some("王小明")),
            // Menus and sentences that begin with "by" are not bylines.
            ("<nav><p>BY USE CASE</p><p>By region</p></nav>", None),
            ("<p><span>by staying proactive with maintenance</span></p>", None),
            ("<span class=\"article-author\">The Author</span>", None),
            // The name's line, without the role on the next line or in a role element.
            (
                "<div class=\"author\"><div class=\"name\">Rachel MacDonald</div><div>Writer</div></div>",
                Some("Rachel MacDonald"),
            ),
            (
                "<div itemprop=\"author\"><a>Emma Ryan</a> <span class=\"author-position\">Writer</span></div>",
                Some("Emma Ryan"),
            ),
            ("<div><p>By Keith Barry<br>Senior Autos Reporter</p></div>", Some("Keith Barry")),
            ("<div><p>By Preetam Jinka</p><p>Co-founder and Chief Architect</p></div>", Some("Preetam Jinka")),
            // A label alone on its line is not the name.
            (
                "<div class=\"author-name\"><div>By</div> <a>Tony Mastrangeli</a><div> - </div></div>",
                Some("Tony Mastrangeli"),
            ),
            ("<div class=\"attribution\">Text by <a>Hunter Dukes</a></div>", Some("Hunter Dukes")),
            ("<p>By Karl Sophanus at Acme Labs</p>", Some("Karl Sophanus")),
            // A class of CSS modules, a "Contributors:" label, a link to the author's page.
            ("<p class=\"Author_author__4ceOm\">Nick van Mead</p>", Some("Nick van Mead")),
            ("<div><strong>Contributors:</strong> Janet Loughrey</div>", Some("Janet Loughrey")),
            (
                "<nav><a href=\"/about/\">About Us</a></nav><a href=\"/blog/authors/emmanuel-oyibo\">Emmanuel Oyibo</a>",
                Some("Emmanuel Oyibo"),
            ),
            ("<a href=\"/author/ann-lee/\">View all posts</a>", None),
            ("<a href=\"/author/ann-lee/\">Articles by Ann</a>", None),
            // The linked names, where the line says more than they do.
            (
                "<div class=\"authors-name\"><span>&amp;</span> <a>Zackery Cuevas</a> <span>Writer, Hardware</span></div>",
                Some("Zackery Cuevas"),
            ),
            ("<p class=\"byline\">By <a>Jane Doe</a> and <a>John Roe</a></p>", Some("Jane Doe, John Roe")),
        ];
        for &(body, want) in cases {
            let got = meta(&format!("<body>{body}</body>")).byline;
            assert_eq!(got.as_deref(), want, "{body}");
        }
    }

    #[test]
    fn people_over_organizations_and_cited_authors() {
        let ld = r#"<script type="application/ld+json">{"@type": "BlogPosting", "headline": "T",
            "author": {"@type": "Organization", "name": "GlossGenius"}}</script>"#;
        let person = r#"<div class="staff"><div class="text__author">Shauna Mitchell</div></div>"#;
        let byline = |head: &str, body: &str| meta(&format!("<head>{head}</head><body>{body}</body>")).byline;
        assert_eq!(byline(ld, person).as_deref(), Some("Shauna Mitchell"), "the person the page names");
        assert_eq!(byline(ld, "<p>No name here.</p>").as_deref(), Some("GlossGenius"), "else the organization");
        let by_person = ld.replace("Organization", "Person").replace("GlossGenius", "Ann Lee");
        assert_eq!(byline(&by_person, person).as_deref(), Some("Ann Lee"), "a person in the metadata stays");
        // The site's name as the author gives way to a person's full name, not to a
        // first name alone or a comment's author.
        let site = r#"<meta property="og:site_name" content="USA TODAY"><meta name="author" content="USA TODAY">"#;
        for (shown, want) in [
            ("<span class=\"author-name\">Brian Truitt</span>", "Brian Truitt"),
            ("<span class=\"author-name\">Brian</span>", "USA TODAY"),
            ("<div class=\"comment-author\">Lori Campbell says</div>", "USA TODAY"),
        ] {
            assert_eq!(byline(site, shown).as_deref(), Some(want), "{shown}");
        }
        let cited = r#"<meta name="citation_author" content="Roy, Aniruddha">
            <meta name="citation_author" content="Jyoti Patel">"#;
        assert_eq!(byline(cited, "").as_deref(), Some("Aniruddha Roy, Jyoti Patel"));
    }
}
