//! The blocks a page is read as, and what the rules decided about each: the words
//! the rules ([`crate::content`]) and the block classifier ([`crate::classify`]) share,
//! kept apart so that neither depends on the other. No rule lives here beyond what a
//! block's own text reads as.

use distill_core::text::Mark;

/// A run of text owned by one block element.
#[derive(Debug)]
pub(crate) struct Block {
    /// The block element that owns the text.
    pub owner: usize,
    pub text: String,
    pub chars: usize,
    /// Words (whitespace-separated), counted once: several rules and features read it.
    pub words: usize,
    pub link_chars: usize,
    /// Heading rank: 1 for `<h1>` to 6 for `<h6>`, 0 for other blocks.
    pub level: u8,
    /// What the rules decided about the block.
    pub verdict: Verdict,
    /// The mark it is written with in the body: a heading's rank, or the bullet or
    /// number of the list item it opens.
    pub mark: Option<Mark>,
}

impl Block {
    /// Whether the rules keep the block.
    pub fn kept(&self) -> bool {
        self.verdict == Verdict::Kept
    }

    /// Whether the block is a heading.
    pub fn heading(&self) -> bool {
        self.level > 0
    }

    /// What the block adds to the subtree that holds it when the density selection
    /// weighs subtrees.
    pub fn role(&self) -> Role {
        if self.link_chars * 10 >= self.chars * 3 || mostly_addresses(&self.text) {
            return Role::Clutter;
        }
        if self.chars >= 120 || (self.words >= 6 && ends_sentence(&self.text)) {
            Role::Prose
        } else if self.heading() || self.words >= 3 {
            Role::Neutral
        } else {
            Role::Clutter
        }
    }
}

/// Whether most of a text is web addresses (structured data left visible to
/// parsers: an image's URL, its size and its publisher's logo): such a line is no
/// prose however long it is.
fn mostly_addresses(text: &str) -> bool {
    if !text.contains("http") && !text.contains("www.") {
        return false;
    }
    let (mut addresses, mut all) = (0, 0);
    for word in text.split_whitespace() {
        all += word.len();
        if word.starts_with("http") || word.starts_with("www.") {
            addresses += word.len();
        }
    }
    addresses * 2 > all
}

/// A block's part in the density selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Sentences with few links: the article's substance.
    Prose,
    /// Headings, list items and table rows: neither add nor cost.
    Neutral,
    /// Menus, link lists, labels: cost a fifth of their length.
    Clutter,
}

/// What the rules decided about a block, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Outside the subtree the density selection chose.
    Outside = 0,
    /// Its text reads as boilerplate (a byline, a date, a share prompt).
    Boilerplate = 1,
    /// A second copy of a paragraph already kept.
    Repeat = 2,
    /// A short label above the body (a section name, a kicker).
    Label = 3,
    /// In a section about the site ("About the author", "Related posts").
    Furniture = 4,
    /// The page's title, which the document carries apart from its body.
    Title = 5,
    /// Mostly link text (a list of links, a row of tags).
    Links = 6,
    /// Kept.
    Kept = 7,
}

/// Every visible block of a page with what the rules decided about it.
pub(crate) struct Analysis {
    /// Blocks in page order (chrome left out).
    pub blocks: Vec<Block>,
    /// Each node's marks joined with its ancestors' (see [`crate::marks`]).
    pub marks: Vec<u32>,
    /// The element the density selection chose.
    pub selected: usize,
    /// Visible characters of each subtree.
    pub text_len: Vec<usize>,
    /// Visible characters inside links, per subtree.
    pub link_len: Vec<usize>,
}

/// Whether a text ends as a sentence does.
pub(crate) fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', '"', '”', '\''])
}

/// "To view the full story, please subscribe to The Haitian Times ...", "If you're
/// already a subscriber, log in ...": a paywall's prompt, told by two of its phrases at
/// least (one alone is a story about subscriptions; prices are no sign: a review of
/// course platforms quotes them), in the languages distill reads most.
/// `lower`: the text lowercased.
pub(crate) fn paywall_prompt(lower: &str) -> bool {
    const PHRASES: &[&str] = &[
        "subscribe to",
        "already a subscriber",
        "subscribers also",
        "log in for",
        "sign in to",
        "full story",
        "continue reading",
        "unlimited digital access",
        "join now",
        "jetzt abonnieren",
        "bereits abonnent",
        "weiterlesen mit",
        "jetzt weiterlesen",
        "hazte miembro",
        "suscríbete",
        "ya eres suscriptor",
        "abonnez-vous",
        "déjà abonné",
    ];
    PHRASES.iter().filter(|p| lower.contains(**p)).count() >= 2
}

/// Boilerplate lines that survive class rules: bylines, datelines, share prompts,
/// ads and the like.
pub(crate) fn reads_as_boilerplate(b: &Block) -> bool {
    let text = &b.text;
    if b.words > 80 {
        return false;
    }
    let lower = text.to_lowercase();
    if paywall_prompt(&lower) {
        return true;
    }
    if b.words <= 12 {
        if (lower.starts_with("by ") || lower.starts_with("written by ")) && !ends_sentence(text) {
            return true;
        }
        if distill_core::time::parse_date(text).is_some() {
            return true;
        }
        const CHROME: &[&str] = &[
            "advertisement",
            "share this",
            "share on",
            "sign up",
            "subscribe",
            "newsletter",
            "read more",
            "related:",
            "follow us",
            "click here",
            "all rights reserved",
            "copyright",
            "©",
            "loading",
            "skip to",
            "listen to this",
            "min read",
            "print this",
            "email this",
            "continue reading",
            "view comments",
            "sponsored",
            "for later",
            "article continues below",
            "mailing list",
            // A blog's post footer ("This entry was posted in News. Bookmark the
            // permalink.") in English and German.
            "this entry was posted in",
            "bookmark the permalink",
            "lesezeichen auf den permalink",
        ];
        if CHROME.iter().any(|c| lower.contains(c)) {
            return true;
        }
        // An advertisement's label in the languages distill reads most, alone on its
        // line ("- Anzeige -"): the word inside a sentence is no label.
        const AD_LABELS: &[&str] =
            &["anzeige", "werbung", "publicité", "publicidad", "publicidade", "pubblicità", "reklama", "advertentie"];
        let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
        if AD_LABELS.contains(&bare) {
            return true;
        }
    }
    false
}
