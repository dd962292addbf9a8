//! The headline: the visible `<h1>` where the metadata's titles agree with it, else a
//! metadata title without the site's name, and every form of it that the body must
//! not repeat.

use std::collections::HashSet;

use distill_core::text::collapse_whitespace;

use super::Page;
use crate::dom::{Dom, Kind, NONE, is_home_page};

/// The headline and where the page shows it.
pub(super) struct Title {
    /// The headline.
    pub(super) text: Option<String>,
    /// The `<h1>` that shows the headline, else the page's first `<h1>`: dates shown
    /// after it are the article's; before it, a sidebar's.
    pub(super) node: Option<usize>,
    /// Every form of the title the page gives (see [`super::Metadata::title_forms`]).
    pub(super) forms: Vec<String>,
}

/// Reads the headline among the page's `<h1>`s and metadata titles; `sites` are the
/// site's names (see [`sites`]).
pub(super) fn read(page: &Page, sites: &[String]) -> Title {
    let titles: Vec<String> = [
        page.ld.headline.clone(),
        page.metas.first(&["og:title"]),
        page.metas.first(&["twitter:title"]),
        page.metas.first(&["dc.title", "headline"]),
        page.html_title.clone(),
    ]
    .into_iter()
    .flatten()
    .filter(|t| !t.is_empty())
    .collect();
    let headings = &page.headings;
    let (text, shown_at) = headline(headings, &titles, sites);
    // The heading as shown, whole, is a form whatever its length: it is the very line
    // to drop, and the headline may be a part of it. Other forms of one or two words
    // ("Review" of "Review | Movies | Site") would also drop a line of the body that
    // happens to read the same.
    let shown_heading = shown_at.and_then(|node| headings.iter().find(|h| h.0 == node)).map(|h| h.1.clone());
    let mut forms: Vec<String> = shown_heading
        .into_iter()
        .chain(
            text.iter()
                .cloned()
                .chain(titles.iter().flat_map(|t| [t.clone(), without_site(t, sites)]))
                .filter(|form| form.split_whitespace().count() >= 3),
        )
        .collect();
    forms.sort();
    forms.dedup();
    Title { text, node: shown_at.or_else(|| headings.first().map(|h| h.0)), forms }
}

/// The site's names, [`squash`]ed: the first few distinct ones, in the order the page
/// states them, ending with the words of the host of `url`.
pub(super) fn sites(page: &Page, url: Option<&str>) -> Vec<String> {
    let named_sites = page
        .metas
        .iter()
        .filter(|(k, _)| matches!(k.as_str(), "og:site_name" | "application-name" | "twitter:site"))
        .map(|(_, v)| v.clone())
        .chain(page.ld.publisher.clone())
        .chain(page.ld.sites.iter().cloned())
        .chain(url.map(host_words).unwrap_or_default());
    let mut sites: Vec<String> = Vec::new();
    for site in named_sites.map(|s| squash(&s)).filter(|s| !s.is_empty()) {
        if sites.len() < MAX_SITES && !sites.contains(&site) {
            sites.push(site);
        }
    }
    sites
}

/// The text of `<h1>` `i`, unless it is empty or the site's logo.
pub(super) fn heading(dom: &Dom, i: usize) -> Option<String> {
    let text = dom.text_of(i);
    (!text.is_empty() && !is_logo(dom, i, &text)).then_some(text)
}

/// `<h1>`s read for the headline: the page's own comes early; later ones are teasers.
pub(super) const MAX_HEADINGS: usize = 8;

/// Names of the site kept for cutting it out of titles; a page states a few.
const MAX_SITES: usize = 8;

/// Parts of a title looked at: "Headline | Section | Site" has three.
const MAX_TITLE_PARTS: usize = 8;

/// The headline, and the `<h1>` node that shows it. Readers see the `<h1>`; the
/// metadata titles often carry the site's name or a rewrite for search engines. So an
/// `<h1>` most of whose words are in a metadata title is the headline, the one closest
/// to a title where several are (a logo's one-word `<h1>` loses to the real one, and
/// so does a header that runs the subtitle on); else the first metadata title without
/// the site's name; else the first `<h1>`. `sites` are the site's names, [`squash`]ed.
fn headline(headings: &[(usize, String)], titles: &[String], sites: &[String]) -> (Option<String>, Option<usize>) {
    let title_words: Vec<HashSet<String>> = titles.iter().map(|t| lower_words(t).into_iter().collect()).collect();
    let all_title_words: HashSet<&String> = title_words.iter().flatten().collect();
    let mut best: Option<(f32, &(usize, String))> = None;
    // The title closest to the best heading, where it is close.
    let mut closest_title = None;
    for heading in headings {
        let words: HashSet<String> = lower_words(&heading.1).into_iter().collect();
        let in_titles = words.iter().filter(|w| all_title_words.contains(w)).count();
        if in_titles * 2 < words.len() || in_titles == 0 || words.len() > 40 || is_site(&heading.1, sites) {
            continue;
        }
        // Dice overlap with the closest title.
        let (closest, closeness) = title_words
            .iter()
            .map(|t| 2.0 * words.intersection(t).count() as f32 / (words.len() + t.len()) as f32)
            .enumerate()
            .fold((0, 0.0), |best, (k, c)| if c > best.1 { (k, c) } else { best });
        if best.is_none_or(|(most, _)| closeness > most) {
            best = Some((closeness, heading));
            closest_title = (closeness >= 0.8).then_some(closest);
        }
    }
    let (text, node) = match (best, titles.first()) {
        (Some((_, (node, text))), _) => (text, Some(*node)),
        // JSON-LD headlines are cut short at 110 characters by some publishers
        // ("… Find Solutions (Including"): a longer title that starts with the first
        // one is the whole of it.
        (None, Some(first)) => {
            let whole = titles.iter().find(|t| t.len() > first.len() && t.starts_with(first.as_str()));
            (whole.unwrap_or(first), None)
        }
        (None, None) => match headings.first() {
            Some((node, text)) => (text, Some(*node)),
            None => return (None, None),
        },
    };
    // A visible heading may end with the site's name ("Headline – Site"); what
    // starts it is its own ("Digjitale Signal #18 – The World Without Work?").
    let text = if node.is_some() { without_site_at_end(text, sites) } else { without_site(text, sites) };
    let text = main_part(&text);
    // A heading set in capitals ("BEST DRIP COFFEE MAKER IN 2026") takes the
    // casing of a close title that has its words in the same order.
    let shouted = text.chars().any(char::is_uppercase) && !text.chars().any(char::is_lowercase);
    let text = match closest_title.filter(|_| shouted && node.is_some()) {
        Some(k) => {
            let title = main_part(&without_site(&titles[k], sites));
            if in_order(&lower_words(&title), &lower_words(&text)) { title } else { text }
        }
        None => text,
    };
    ((!text.is_empty()).then_some(text), node)
}

/// Whether the words of `title` come in `heading` in the same order, perhaps with
/// others between ("best drip coffee maker 2026" in "best drip coffee maker in 2026").
fn in_order(title: &[String], heading: &[String]) -> bool {
    let mut heading = heading.iter();
    title.iter().all(|word| heading.any(|w| w == word))
}

/// A headline holds no " | ": of "Headline | Section | Site" (or "Site | Headline")
/// whose site's name is not known, the part with the most words is kept, the first of
/// equals.
fn main_part(title: &str) -> String {
    if !title.contains(" | ") {
        return title.to_string();
    }
    let parts: Vec<&str> = title.split(" | ").map(str::trim).take(MAX_TITLE_PARTS).collect();
    let most = parts.iter().map(|p| p.split_whitespace().count()).max().unwrap_or(0);
    parts.into_iter().find(|p| p.split_whitespace().count() == most).unwrap_or_default().to_string()
}

/// Separators between a headline and the site's name in a title.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " • ", " · ", " » ", " / "];

/// "Headline | Site" without the parts at either end that name the site; a title that
/// names no site is kept whole.
fn without_site(title: &str, sites: &[String]) -> String {
    cut_site(title, sites, true)
}

/// "Headline – Site" without the parts at its end that name the site.
fn without_site_at_end(title: &str, sites: &[String]) -> String {
    cut_site(title, sites, false)
}

fn cut_site(title: &str, sites: &[String], at_start_too: bool) -> String {
    let Some(sep) = TITLE_SEPARATORS.iter().find(|sep| title.contains(**sep)) else { return title.to_string() };
    let parts: Vec<&str> = title.split(sep).map(str::trim).filter(|p| !p.is_empty()).take(MAX_TITLE_PARTS).collect();
    let mut kept: &[&str] = &parts;
    while let [rest @ .., last] = kept
        && !rest.is_empty()
        && is_site(last, sites)
    {
        kept = rest;
    }
    while let [first, rest @ ..] = kept
        && at_start_too
        && !rest.is_empty()
        && is_site(first, sites)
    {
        kept = rest;
    }
    if kept.len() == parts.len() { title.to_string() } else { kept.join(sep) }
}

/// Whether a part of a title names the site: its letters and digits are one of the
/// site's names (or a part of one), or hold one and little else.
pub(super) fn is_site(part: &str, sites: &[String]) -> bool {
    let part = squash(part);
    !part.is_empty()
        && sites.iter().any(|site| {
            part == *site
                || (part.len() >= 4 && site.contains(&part))
                || (site.len() >= 4 && part.contains(site.as_str()) && part.len() <= 2 * site.len())
        })
}

/// The letters and digits of a text, lowercased: "Cherry Servers" and "cherryservers"
/// are one name.
fn squash(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// The words of a URL's host that may name the site: "www.cherryservers.com" gives
/// "cherryservers".
fn host_words(url: &str) -> Vec<String> {
    let host = url.split("://").nth(1).unwrap_or("").split(['/', ':', '?', '#']).next().unwrap_or("");
    host.split('.')
        .filter(|w| w.len() >= 3 && !matches!(*w, "www" | "com" | "org" | "net" | "edu" | "gov" | "blog" | "news"))
        .map(str::to_string)
        .collect()
}

/// The element that shows `title`: the first (but `<title>`) whose text node reads the
/// same.
pub(super) fn shown_in(dom: &Dom, title: &str) -> Option<usize> {
    let title = collapse_whitespace(title);
    let reads_as_title = |t: &str| {
        (title.len()..=2 * title.len()).contains(&t.len()) && collapse_whitespace(t).eq_ignore_ascii_case(&title)
    };
    dom.nodes.iter().find_map(|node| match &node.kind {
        Kind::Text(t) if node.parent != NONE && dom.tag(node.parent) != Some("title") && reads_as_title(t) => {
            Some(node.parent)
        }
        _ => None,
    })
}

/// Whether an `<h1>` is the site's logo: all its text is a link to the home page
/// ("<h1><a href="/">Engora Data Blog</a></h1>"), as blog templates set it above
/// the post's own title.
fn is_logo(dom: &Dom, h1: usize, text: &str) -> bool {
    let end = dom.nodes[h1].end.max(h1 + 1);
    (h1 + 1..end).any(|j| {
        dom.tag(j) == Some("a")
            && dom.attr(j, "href").is_some_and(|href| is_home_page(href.as_bytes()))
            && dom.text_of(j) == text
    })
}

#[cfg(test)]
mod tests {
    use crate::metadata::tests::meta;

    #[test]
    fn headlines_without_the_site_or_a_section() {
        let title = |html: &str| meta(html).title;
        // An <h1> that ends with the site's name, as its <title> does.
        let m = meta(
            "<head><meta property=\"og:site_name\" content=\"Artlyst\">\
             <title>Best UK Art Exhibitions 2025 – Artlyst - Artlyst</title></head>\
             <body><h1>Best UK Art Exhibitions 2025 – Artlyst</h1></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Best UK Art Exhibitions 2025"));
        assert!(m.title_forms.iter().any(|t| t == "Best UK Art Exhibitions 2025 – Artlyst"), "the <h1> as shown");
        // What starts a visible heading is its own, though it holds the site's name.
        let m = meta(
            "<head><meta property=\"og:site_name\" content=\"Digjitale\">\
             <title>Digjitale Signal #18 – The World Without Work?</title></head>\
             <body><h1>Digjitale Signal #18 – The World Without Work?</h1></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Digjitale Signal #18 – The World Without Work?"));
        // Sections and names the page does not declare are cut at " | ".
        assert_eq!(
            title("<title>How to help babies sleep through the night | Patient Education | UC Davis Hospital</title>")
                .as_deref(),
            Some("How to help babies sleep through the night")
        );
        assert_eq!(
            title("<title>The Agency | ML (Machine Learning) at Georgia Tech</title>").as_deref(),
            Some("ML (Machine Learning) at Georgia Tech")
        );
        assert_eq!(title("<title>Fire | Crime | News</title>").as_deref(), Some("Fire"), "the first of equals");
        assert_eq!(
            title(
                r#"<script type="application/ld+json">{"@type":"Article","headline":"We Help 4 Readers Find Solutions (Including"}</script>
                <meta property="og:title" content="We Help 4 Readers Find Solutions (Including One Trick) - Emily Henderson">
                <meta property="og:site_name" content="Emily Henderson">"#
            )
            .as_deref(),
            Some("We Help 4 Readers Find Solutions (Including One Trick)"),
            "a headline cut short"
        );
    }

    #[test]
    fn the_visible_headline_wins_when_the_metadata_agrees() {
        let m = meta(
            r#"<head><title>Budget passes after long debate | Gazette</title>
            <meta property="og:title" content="Budget passes after long debate &amp;#8211; Gazette">
            <meta property="og:site_name" content="The Gazette"></head>
            <body><h1 class="logo">The Gazette</h1><h1>Budget passes after a long debate</h1><p>Text.</p></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Budget passes after a long debate"));
        assert!(m.title_forms.iter().any(|t| t == "Budget passes after long debate"), "{:?}", m.title_forms);
        assert!(m.title_forms.iter().any(|t| t == "Budget passes after long debate – Gazette"), "{:?}", m.title_forms);
        // A heading in capitals takes the casing of a close title with its words in order.
        let shouted = |h1: &str| {
            meta(&format!(
                "<head><title>Best Drip Coffee Maker 2026: Tips From Pros | Grounds</title>\
                 <meta property=\"og:site_name\" content=\"Grounds\"></head><h1>{h1}</h1>"
            ))
            .title
        };
        assert_eq!(
            shouted("BEST DRIP COFFEE MAKER IN 2026: TIPS FROM PROS").as_deref(),
            Some("Best Drip Coffee Maker 2026: Tips From Pros")
        );
        assert_eq!(
            shouted("DRIP COFFEE MAKER BEST IN 2026: TIPS FROM PROS").as_deref(),
            Some("DRIP COFFEE MAKER BEST IN 2026: TIPS FROM PROS")
        );
        // A one-word <h1> whose word is in the title (a logo, where the page names no
        // site) loses to the <h1> that shares the most words.
        let m = meta(
            "<head><title>Budget passes after debate | Gazette</title></head>\
             <body><h1>Gazette</h1><h1>Budget passes after a debate</h1></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Budget passes after a debate"));
        // An <h1> that is only a section name loses to the metadata title, cut of the site.
        let m = meta(
            r#"<head><meta property="og:title" content="Council approves school plan | Daily Gazette">
            <link rel="canonical" href="https://www.dailygazette.example/x"></head><body><h1>News</h1></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Council approves school plan"));
        // No metadata at all: the <h1>.
        assert_eq!(meta("<body><h1>Only heading</h1></body>").title.as_deref(), Some("Only heading"));
        // A blog's name linked to its home page is a logo, though the title has its words.
        let m = meta(
            "<head><title>Engora Data Blog: Small adventures with small models</title>\
             <meta property=\"og:title\" content=\"Small adventures with small models\"></head>\
             <body><h1 class=\"title\"><a href=\"https://blog.engora.com/\"> Engora Data Blog </a></h1>\
             <h3>Small adventures with small models</h3></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Small adventures with small models"));
        let linked = meta("<body><h1><a href=\"/2026/01/budget\">Budget passes</a></h1></body>");
        assert_eq!(linked.title.as_deref(), Some("Budget passes"), "a link to the article itself");
    }

    #[test]
    fn site_names_from_json_ld_and_short_title_forms() {
        // The site named only by a JSON-LD `WebSite` is cut off the title too.
        let m = meta(
            r#"<head><meta property="og:title" content="Council approves the school plan | Gazette">
            <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Gazette"},
            {"@type":"WebPage","datePublished":"2026-03-04"}]}</script></head><body><p>Text.</p></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Council approves the school plan"));
        // With no article object, the page object's date serves.
        assert_eq!(m.published.map(|d| d.format("%F").to_string()).as_deref(), Some("2026-03-04"));
        // A one-word form of a title is not kept: it would drop a body line reading the same.
        let m = meta(
            r#"<head><title>Review | Movies | Gazette</title><meta property="og:site_name" content="Gazette"></head>
            <body><h1>The film we waited for all year</h1></body>"#,
        );
        assert!(m.title_forms.iter().all(|t| t.split_whitespace().count() >= 3), "{:?}", m.title_forms);
        assert!(m.title_forms.iter().any(|t| t == "Review | Movies"), "{:?}", m.title_forms);
    }
}
