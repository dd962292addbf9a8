//! What each element says about itself: its tag family, its ARIA role and state, and
//! the words of its class and id. Read once per page; the chrome rules and the block
//! features both use them, the latter also inherited from every ancestor.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use crate::dom::{Dom, Kind, NONE};

/// Class or id word of page chrome (see [`NEGATIVE`]).
pub const NEGATIVE_CLASS: u32 = 1;
/// Class or id word of a comment thread.
pub const COMMENT_CLASS: u32 = 1 << 1;
/// Class or id word of article content ("article", "post-body", "entry-content").
pub const POSITIVE_CLASS: u32 = 1 << 2;
/// Share and follow widgets.
pub const SOCIAL_CLASS: u32 = 1 << 3;
/// Lists of other pages: related, recommended, trending.
pub const RELATED_CLASS: u32 = 1 << 4;
/// Advertising and sponsorship.
pub const AD_CLASS: u32 = 1 << 5;
/// Facts about the article rather than the article: byline, date, caption, credit.
pub const META_CLASS: u32 = 1 << 6;
/// Site navigation: menus, breadcrumbs, headers, footers, sidebars.
pub const NAV_CLASS: u32 = 1 << 7;
/// Sign-up, consent and login prompts.
pub const PROMPT_CLASS: u32 = 1 << 8;
/// An ARIA role of page chrome.
pub const CHROME_ROLE: u32 = 1 << 9;
/// `aria-hidden="true"`.
pub const ARIA_HIDDEN: u32 = 1 << 10;
/// Collapsed with `hidden` or inline `display: none`.
pub const COLLAPSED: u32 = 1 << 11;
/// A chrome element (see [`CHROME_TAGS`]).
pub const CHROME_TAG: u32 = 1 << 12;
/// `<ul>`, `<ol>` or `<dl>`.
pub const LIST: u32 = 1 << 13;
/// `<table>`.
pub const TABLE: u32 = 1 << 14;
/// `<blockquote>` or `<q>`.
pub const QUOTE: u32 = 1 << 15;
/// `<figure>`.
pub const FIGURE: u32 = 1 << 16;
/// `<article>` or `<main>`, or `role="main"`.
pub const ARTICLE: u32 = 1 << 17;
/// `<a>`.
pub const LINK: u32 = 1 << 18;
/// `<pre>` or `<code>`.
pub const CODE: u32 = 1 << 19;
/// `<header>`.
pub const HEADER: u32 = 1 << 20;
/// `<footer>`.
pub const FOOTER: u32 = 1 << 21;
/// `<aside>`.
pub const ASIDE: u32 = 1 << 22;
/// `<nav>` or `<menu>`.
pub const NAV: u32 = 1 << 23;
/// `<form>`.
pub const FORM: u32 = 1 << 24;
/// `<strong>`, `<b>`, `<em>` or `<i>`.
pub const EMPHASIS: u32 = 1 << 25;
/// `<details>` or `<summary>`.
pub const DETAILS: u32 = 1 << 26;
/// Never visible: scripts, styles, media, form controls (see [`crate::dom::INVISIBLE`]).
pub const INVISIBLE: u32 = 1 << 27;
/// Class or id word of a privacy-consent dialog (see [`CONSENT`]).
pub const CONSENT_CLASS: u32 = 1 << 28;

/// Class and id words of a privacy-consent dialog: the regulation's names in several
/// languages. Such a dialog lists each tracker with a paragraph of purposes, so it
/// can hold more prose than a short article; it is removed however much it holds.
/// ("cookie" is not here: recipe pages name their content so.)
const CONSENT: &[&str] = &["consent", "gdpr", "dsgvo", "rgpd", "lgpd"];

/// Elements that are page chrome wherever they appear, but a `<header>` inside a
/// section (see [`own_marks`]). Keeping footers inside sections as chrome measured
/// better: they hold tags, share bars and notes.
const CHROME_TAGS: &[&str] = &["nav", "footer", "aside", "form", "header", "figcaption", "menu", "dialog", "address"];

/// ARIA roles that are page chrome.
const CHROME_ROLES: &[&str] =
    &["navigation", "banner", "contentinfo", "complementary", "dialog", "alert", "menu", "search", "menubar"];

/// Class and id words that mark page chrome.
const NEGATIVE: &[&str] = &[
    "comment",
    "comments",
    "disqus",
    "share",
    "sharing",
    "related",
    "recommended",
    "recommendations",
    "newsletter",
    "subscribe",
    "subscription",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    // The same regulation's name in German, French, Spanish and Portuguese.
    "dsgvo",
    "rgpd",
    "banner",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsor",
    "sponsored",
    "promo",
    "promotion",
    "sidebar",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "breadcrumb",
    "breadcrumbs",
    "footer",
    "masthead",
    "popup",
    "modal",
    "overlay",
    "signup",
    "toolbar",
    "pagination",
    "pager",
    "print",
    "tags",
    "tagcloud",
    "trending",
    "popular",
    "outbrain",
    "taboola",
    "byline",
    "author",
    "caption",
    "credit",
    "copyright",
    "disclaimer",
    "sr",
    "visually",
    "dateline",
    "timestamp",
    "readmore",
    "newsletters",
    "follow",
    "donate",
    "paywall",
    "login",
    "kicker",
    "eyebrow",
    "flag",
    // Calls to action, disclosures, carousels, tooltips, ratings, bios, alerts and
    // badges: each measured on WCXB dev to remove more extra text than article text.
    "cta",
    "disclosure",
    "tooltip",
    "carousel",
    "swiper",
    "rating",
    "bio",
    "badge",
    "jetpack",
    "alert",
    "citation",
    "authors",
];

/// Class and id words of comment threads: chrome however much prose they hold.
const COMMENT: &[&str] = &[
    "comment",
    "comments",
    "disqus",
    // Compounds written as one word: WordPress's `commentlist` and `commentform`, and
    // the like ("sect_commentlinks").
    "commentlist",
    "commentform",
    "commentlinks",
    "commentarea",
    "commentsection",
    "commentbox",
    "commentthread",
];

/// The same in the languages of the sites most read: "Kommentare" (German),
/// "commentaires" (French), "comentarios" (Spanish), "commenti" (Italian), "reacties"
/// (Dutch), and the "forum" that French publishing systems (SPIP) name comments with.
/// They mark comments only in a class or id with no word of article content: a post's
/// own element lists its sections by name ("post ... internet-estallido-comentarios").
const LOCALIZED_COMMENT: &[&str] = &[
    "kommentare",
    "kommentar",
    "commentaires",
    "commentaire",
    "comentarios",
    "comentario",
    "commenti",
    "reacties",
    "forum",
];

/// Class prefixes that name a post's categories and tags, not its layout.
const TAXONOMY: &[&str] = &["tag-", "tags-", "category-", "categories-", "post_tag-", "topic-", "topics-"];

/// Class and id words of article content.
const POSITIVE: &[&str] = &[
    "article",
    "content",
    "body",
    "post",
    "entry",
    "text",
    "story",
    "main",
    "prose",
    "richtext",
    "blog",
    "single",
    "markdown",
    "paragraph",
];

/// Finer groups of chrome words, for the block classifier.
const GROUPS: &[(u32, &[&str])] = &[
    (
        SOCIAL_CLASS,
        &["share", "sharing", "social", "follow", "facebook", "twitter", "whatsapp", "linkedin", "pinterest"],
    ),
    (
        RELATED_CLASS,
        &[
            "related",
            "recommended",
            "recommendations",
            "trending",
            "popular",
            "outbrain",
            "taboola",
            "more",
            "readmore",
            "next",
            "prev",
            "teaser",
            "card",
            "cards",
        ],
    ),
    (
        AD_CLASS,
        &[
            "ad",
            "ads",
            "advert",
            "advertisement",
            "sponsor",
            "sponsored",
            "promo",
            "promotion",
            "dfp",
            "gpt",
            "affiliate",
        ],
    ),
    (
        META_CLASS,
        &[
            "byline",
            "author",
            "authors",
            "bio",
            "dateline",
            "timestamp",
            "date",
            "time",
            "meta",
            "kicker",
            "eyebrow",
            "credit",
            "caption",
            "copyright",
            "disclaimer",
            "tags",
            "category",
            "label",
        ],
    ),
    (
        NAV_CLASS,
        &[
            "nav",
            "navbar",
            "navigation",
            "menu",
            "breadcrumb",
            "breadcrumbs",
            "footer",
            "header",
            "masthead",
            "sidebar",
            "pagination",
            "pager",
            "toolbar",
            "widget",
            "toc",
        ],
    ),
    (
        PROMPT_CLASS,
        &[
            "newsletter",
            "newsletters",
            "subscribe",
            "subscription",
            "signup",
            "login",
            "cookie",
            "cookies",
            "consent",
            "gdpr",
            "dsgvo",
            "rgpd",
            "modal",
            "popup",
            "overlay",
            "paywall",
            "donate",
            "cta",
        ],
    ),
];

/// The marks of each class and id word, built once.
fn vocabulary() -> &'static HashMap<&'static str, u32> {
    static VOCABULARY: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let mut map: HashMap<&'static str, u32> = HashMap::default();
        let lists = [
            (NEGATIVE_CLASS, NEGATIVE),
            (COMMENT_CLASS, COMMENT),
            (POSITIVE_CLASS, POSITIVE),
            (CONSENT_CLASS, CONSENT),
        ];
        for (bit, words) in lists.iter().chain(GROUPS) {
            for w in *words {
                *map.entry(w).or_insert(0) |= bit;
            }
        }
        map
    })
}

/// Each node's own marks (0 for text nodes).
pub fn own_marks(dom: &Dom) -> Vec<u32> {
    let mut marks = vec![0u32; dom.nodes.len()];
    let vocabulary = vocabulary();
    let mut seen: HashMap<&str, u32> = HashMap::default();
    let mut word = String::new();
    // Whether a node lies inside sectioning content or `<main>`, where a `<header>` is
    // the heading of its section, not the page's banner (as ARIA maps `<header>` to
    // the banner role only outside them).
    let mut sectioned = vec![false; dom.nodes.len()];
    for (i, mark) in marks.iter_mut().enumerate() {
        let Some(tag) = dom.tag(i) else { continue };
        let parent = dom.nodes[i].parent;
        let within = parent != NONE && sectioned[parent];
        sectioned[i] = within || matches!(tag, "article" | "aside" | "main" | "nav" | "section");
        let mut m = match tag {
            "ul" | "ol" | "dl" => LIST,
            "table" => TABLE,
            "blockquote" | "q" => QUOTE,
            "figure" => FIGURE,
            "article" | "main" => ARTICLE,
            "a" => LINK,
            "pre" | "code" => CODE,
            "header" => HEADER,
            "footer" => FOOTER,
            "aside" => ASIDE,
            "nav" | "menu" => NAV,
            "form" => FORM,
            "strong" | "b" | "em" | "i" => EMPHASIS,
            "details" | "summary" => DETAILS,
            _ if crate::dom::INVISIBLE.contains(&tag) => INVISIBLE,
            _ => 0,
        };
        if CHROME_TAGS.contains(&tag) && !(tag == "header" && within) {
            m |= CHROME_TAG;
        }
        let Kind::Element { attrs, .. } = &dom.nodes[i].kind else { continue };
        // One pass over the attributes: most elements have none of these.
        for (name, value) in attrs {
            match &**name {
                "role" => {
                    let role = value.to_ascii_lowercase();
                    if CHROME_ROLES.contains(&role.as_str()) {
                        m |= CHROME_ROLE;
                    }
                    if role == "main" || role == "article" {
                        m |= ARTICLE;
                    }
                }
                "aria-hidden" if &**value == "true" => m |= ARIA_HIDDEN,
                "hidden" => m |= COLLAPSED,
                "style"
                    if value.contains("none")
                        && value.replace(' ', "").to_ascii_lowercase().contains("display:none") =>
                {
                    m |= COLLAPSED
                }
                // A heading's id is an anchor made of its own words ("nav_nur_die_folie"
                // from a table of contents), not a name of page chrome.
                "id" if matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") => {}
                "class" | "id" => {
                    // Pages repeat the same class strings on many elements.
                    m |= *seen.entry(&**value).or_insert_with(|| {
                        let (mut bits, mut localized) = (0, false);
                        // WordPress lists a post's categories and tags among its classes
                        // ("tag-comentarios", "category-forum"): the editor's words, not
                        // the layout's.
                        let layout = value.split_ascii_whitespace().filter(|token| {
                            let token = token.to_ascii_lowercase();
                            !TAXONOMY.iter().any(|prefix| token.starts_with(prefix))
                        });
                        for w in
                            layout.flat_map(|t| t.split(|c: char| !c.is_ascii_alphanumeric())).filter(|w| !w.is_empty())
                        {
                            word.clear();
                            word.push_str(w);
                            word.make_ascii_lowercase();
                            bits |= vocabulary.get(word.as_str()).copied().unwrap_or(0);
                            localized |= LOCALIZED_COMMENT.contains(&word.as_str());
                        }
                        if localized && bits & POSITIVE_CLASS == 0 {
                            bits |= COMMENT_CLASS | NEGATIVE_CLASS;
                        }
                        bits
                    });
                }
                _ => {}
            }
        }
        *mark = m;
    }
    marks
}

/// The union of each node's marks and its ancestors'.
pub fn inherited(dom: &Dom, own: &[u32]) -> Vec<u32> {
    let mut out = own.to_vec();
    for i in 0..out.len() {
        let parent = dom.nodes[i].parent;
        if parent != NONE {
            out[i] |= out[parent];
        }
    }
    out
}
