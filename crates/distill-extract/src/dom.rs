//! A compact, flat copy of the parsed page: nodes in document order, each knowing
//! its parent and where its subtree ends. Every later pass is a loop over a vector,
//! never a recursion, so a deeply nested page cannot overflow the stack.

use html5ever::LocalName;
use html5ever::tendril::StrTendril;

use crate::ExtractConfig;
use crate::sink::{self, DOCUMENT, Data};

/// Sentinel for "no parent".
pub const NONE: usize = usize::MAX;

/// One element or text node.
#[derive(Debug)]
pub struct Node {
    /// Index of the parent element, or [`NONE`] for the root.
    pub parent: usize,
    /// One past the index of the last node in this node's subtree.
    pub end: usize,
    /// What the node is.
    pub kind: Kind,
}

/// Element or text.
#[derive(Debug)]
pub enum Kind {
    /// An element: lowercase tag name and attributes (html5ever's own atoms and
    /// strings, moved out of its tree, not copied).
    Element { tag: LocalName, attrs: Vec<(LocalName, StrTendril)> },
    /// A text node.
    Text(StrTendril),
}

/// The page as a flat vector of nodes.
pub struct Dom {
    /// Nodes in document order; index 0 is the root element.
    pub nodes: Vec<Node>,
}

/// Whether the extractor reads an attribute (its name in any case) of a `tag`
/// element: classes and ARIA for chrome, metadata, dates. The pre-pass leaves out
/// every other attribute (image sources, data attributes, link targets: a fifth of a
/// page's bytes) so that the parser never tokenizes them.
pub fn is_read(tag: &str, name: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    // No attribute the extractor reads has a longer name.
    let Some(lower) = buf.get_mut(..name.len()) else { return false };
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    match &*lower {
        b"class" | b"id" | b"role" | b"aria-hidden" | b"hidden" | b"style" | b"lang" | b"itemprop" | b"datetime"
        | b"rel" | b"content" | b"name" | b"property" | b"http-equiv" | b"type" | b"charset" => true,
        b"href" => tag.eq_ignore_ascii_case("link") || tag.eq_ignore_ascii_case("a"),
        _ => false,
    }
}

/// Whether the pre-pass keeps an attribute, given the bytes of the whole attribute
/// (`href="/author/ann-lee/"`): one [`is_read`] names, and of a link's target only
/// one that leads to an author's page, which marks a byline, or to the site's home
/// page, which marks a logo. Other link targets are a fifth of a page's bytes and are
/// never read.
pub fn is_kept(tag: &str, name: &[u8], attribute: &[u8]) -> bool {
    let link_target = tag.eq_ignore_ascii_case("a") && name.eq_ignore_ascii_case(b"href");
    is_read(tag, name) && (!link_target || is_author_page(attribute) || is_home_page(attribute))
}

/// Whether a link's target is a site's home page: "/", "https://blog.example.com/".
/// Takes the target alone or the whole attribute as the pre-pass sees it (` href="/"`).
pub fn is_home_page(href: &[u8]) -> bool {
    let value = match href.iter().position(|&b| b == b'=') {
        Some(at) if href[..at].trim_ascii().eq_ignore_ascii_case(b"href") => &href[at + 1..],
        _ => href,
    };
    let value = match value.trim_ascii() {
        [quote @ (b'"' | b'\''), inner @ .., last] if last == quote => inner.trim_ascii(),
        value => value,
    };
    let host_and_path = [&b"https://"[..], b"http://", b"//"].iter().find_map(|scheme| {
        value.get(..scheme.len()).filter(|v| v.eq_ignore_ascii_case(scheme)).map(|_| &value[scheme.len()..])
    });
    match host_and_path {
        Some(rest) => {
            let rest = rest.strip_suffix(b"/").unwrap_or(rest);
            !rest.is_empty() && !rest.iter().any(|b| matches!(b, b'/' | b'?' | b'#'))
        }
        None => value == b"/",
    }
}

/// Whether a link's target is an author's page ("/author/ann-lee/",
/// "/authors/bo-kim", "/contributor/cy-ng"; not "/authority/").
pub fn is_author_page(href: &[u8]) -> bool {
    [&b"/author"[..], b"/contributor"].iter().any(|word| {
        href.windows(word.len()).enumerate().any(|(at, w)| {
            if !w.eq_ignore_ascii_case(word) {
                return false;
            }
            let mut rest = &href[at + word.len()..];
            if rest.first().is_some_and(|b| b.eq_ignore_ascii_case(&b's')) {
                rest = &rest[1..];
            }
            rest.first().is_none_or(|b| matches!(b, b'/' | b'-' | b'_' | b'.' | b'?' | b'#' | b'"' | b'\'' | b'='))
        })
    })
}

/// Elements whose content is never visible article text. `noscript`, `noembed` and
/// `noframes` hold raw text to the parser (a tracking pixel's `<img height="1" ...>`
/// would otherwise read as words); `rt` and `rp` are ruby annotations (readings
/// above the characters), not the sentence.
pub const INVISIBLE: &[&str] = &[
    "script", "style", "noscript", "noembed", "noframes", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "head", "title", "select", "textarea", "button", "option", "datalist", "audio", "video", "picture",
    "map", "rt", "rp",
];

impl Dom {
    /// Parses HTML and flattens it, honouring the element and depth caps. Elements
    /// past the depth cap are dropped but their text is kept, attached to the
    /// deepest element kept.
    pub fn parse(html: &str, config: &ExtractConfig) -> Dom {
        let mut arena = sink::parse(html);
        let mut nodes: Vec<Node> = Vec::with_capacity(arena.len());
        // Open flattened elements, and for each open arena element whether it was kept.
        let mut open: Vec<usize> = Vec::with_capacity(64);
        let mut kept: Vec<bool> = Vec::with_capacity(64);
        // Open elements dropped past the caps that hide their content (a `noscript`
        // past the depth cap): their text must not join the element kept above them.
        let mut hidden: Vec<bool> = Vec::with_capacity(64);
        let mut hidden_open = 0usize;
        let mut next = arena[DOCUMENT].first_child;
        while let Some(id) = next {
            // Enter the node, moving its content out of the arena.
            let is_element = matches!(arena[id].data, Data::Element { .. });
            match std::mem::replace(&mut arena[id].data, Data::Other) {
                Data::Element { name, attrs } => {
                    let keep = open.len() < config.max_depth && nodes.len() < config.max_elements;
                    kept.push(keep);
                    let hides = !keep && INVISIBLE.contains(&&*name.local);
                    hidden.push(hides);
                    hidden_open += usize::from(hides);
                    if keep {
                        // html5ever lowercases HTML attribute names already.
                        let attrs = attrs.into_iter().map(|a| (a.name.local, a.value)).collect();
                        let parent = open.last().copied().unwrap_or(NONE);
                        nodes.push(Node { parent, end: 0, kind: Kind::Element { tag: name.local, attrs } });
                        open.push(nodes.len() - 1);
                    }
                }
                Data::Text(text) => {
                    if let Some(&parent) = open.last()
                        && hidden_open == 0
                        && nodes.len() < config.max_elements * 2
                    {
                        let i = nodes.len();
                        nodes.push(Node { parent, end: i + 1, kind: Kind::Text(text) });
                    }
                }
                Data::Document | Data::Other => {}
            }
            if let Some(child) = arena[id].first_child.filter(|_| is_element) {
                next = Some(child);
                continue;
            }
            // Leave it, and every ancestor whose last child this was.
            let mut current = id;
            let mut current_is_element = is_element;
            loop {
                if current_is_element && hidden.pop() == Some(true) {
                    hidden_open -= 1;
                }
                if current_is_element
                    && kept.pop() == Some(true)
                    && let Some(i) = open.pop()
                {
                    nodes[i].end = nodes.len();
                }
                if let Some(sibling) = arena[current].next {
                    next = Some(sibling);
                    break;
                }
                match arena[current].parent {
                    Some(parent) if parent != DOCUMENT => {
                        current = parent;
                        // Only elements have children.
                        current_is_element = true;
                    }
                    _ => {
                        next = None;
                        break;
                    }
                }
            }
        }
        while let Some(i) = open.pop() {
            nodes[i].end = nodes.len();
        }
        Dom { nodes }
    }

    /// Returns the tag of an element node.
    pub fn tag(&self, i: usize) -> Option<&str> {
        match &self.nodes[i].kind {
            Kind::Element { tag, .. } => Some(tag),
            Kind::Text(_) => None,
        }
    }

    /// Returns an attribute of an element node: one of those [`is_read`] names, since
    /// the pre-pass leaves the others out.
    pub fn attr(&self, i: usize, name: &str) -> Option<&str> {
        debug_assert!(self.tag(i).is_none_or(|tag| is_read(tag, name.as_bytes())), "attribute {name} is never kept");
        match &self.nodes[i].kind {
            Kind::Element { attrs, .. } => attrs.iter().find(|(k, _)| &**k == name).map(|(_, v)| &**v),
            Kind::Text(_) => None,
        }
    }

    /// Returns the text of a subtree on one line: a word split by an inline tag runs
    /// together ("Planning <span>C</span>ycle" reads "Planning Cycle"); text in
    /// elements side by side, blocks and `<br>` stand apart; invisible elements are
    /// skipped.
    pub fn text_of(&self, i: usize) -> String {
        self.lines_of(i, |_| false).join(" ")
    }

    /// Returns the lines of a subtree: a line ends at each block's start and end and at
    /// `<br>`; whitespace is collapsed within lines and empty ones are dropped.
    /// Invisible elements are skipped, and so are the elements `skip` names.
    ///
    /// Texts run together where one's element holds the other's: a word broken by
    /// `<span>` or `<b>` stays whole. Texts in elements side by side
    /// ("<span>Ann Lee</span><span>3/4/2025</span>") are items that the page's style
    /// sets apart, and a space parts them.
    pub fn lines_of(&self, i: usize, skip: impl Fn(usize) -> bool) -> Vec<String> {
        let mut lines = vec![String::new()];
        // The parent of the line's last text.
        let mut last_parent = NONE;
        // Ends of the blocks open at `j`: reaching one ends a line.
        let mut open: Vec<usize> = Vec::new();
        let end = self.nodes[i].end.max(i + 1);
        let mut j = i;
        while j < end {
            while open.last().is_some_and(|&e| e <= j) {
                open.pop();
                lines.push(String::new());
                last_parent = NONE;
            }
            match &self.nodes[j].kind {
                Kind::Element { .. } if j == i => {}
                Kind::Element { tag, .. } if INVISIBLE.contains(&&**tag) || skip(j) => {
                    j = self.nodes[j].end.max(j + 1);
                    continue;
                }
                Kind::Element { tag, .. } if is_block(tag) => {
                    lines.push(String::new());
                    open.push(self.nodes[j].end.max(j + 1));
                    last_parent = NONE;
                }
                Kind::Element { tag, .. } if &**tag == "br" => {
                    lines.push(String::new());
                    last_parent = NONE;
                }
                Kind::Text(t) => {
                    let line = lines.last_mut().expect("lines starts with one");
                    let parent = self.nodes[j].parent;
                    if last_parent != NONE && !self.holds(parent, last_parent) && !self.holds(last_parent, parent) {
                        line.push(' ');
                    }
                    line.push_str(t);
                    last_parent = parent;
                }
                Kind::Element { .. } => {}
            }
            j += 1;
        }
        lines.iter().map(|l| distill_core::text::collapse_whitespace(l)).filter(|l| !l.is_empty()).collect()
    }

    /// Whether node `a` is `b` or holds it.
    fn holds(&self, a: usize, b: usize) -> bool {
        a != NONE && b != NONE && a <= b && b < self.nodes[a].end.max(a + 1)
    }

    /// Returns the raw text inside a node (for `<script>` and `<title>` content).
    pub fn raw_text(&self, i: usize) -> String {
        let end = self.nodes[i].end.max(i + 1);
        self.nodes[i..end]
            .iter()
            .filter_map(|n| match &n.kind {
                Kind::Text(t) => Some(&**t),
                _ => None,
            })
            .collect()
    }

    /// Returns the visible text of the whole page, one block per line.
    pub fn visible_text(&self) -> String {
        let mut out = String::new();
        let mut j = 0;
        while j < self.nodes.len() {
            match &self.nodes[j].kind {
                Kind::Element { tag, .. } if INVISIBLE.contains(&&**tag) => {
                    j = self.nodes[j].end.max(j + 1);
                    continue;
                }
                Kind::Element { tag, .. } if is_block(tag) || &**tag == "br" => out.push('\n'),
                Kind::Text(t) => out.push_str(t),
                _ => {}
            }
            j += 1;
        }
        out
    }

    /// Returns the text of the first `<h1>`, if any.
    pub fn first_heading(&self) -> Option<String> {
        (0..self.nodes.len()).find(|&i| self.tag(i) == Some("h1")).map(|i| self.text_of(i)).filter(|t| !t.is_empty())
    }
}

/// Tags that start a new block of text.
pub fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tr"
            | "td"
            | "th"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "address"
            | "hr"
            | "body"
            | "html"
            | "center"
            | "details"
            | "summary"
            | "caption"
            | "hgroup"
            | "menu"
            | "dialog"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_pages() {
        for href in ["/author/ann-lee/", "href=\"/Authors/bo-kim\"", "/contributor", "https://s.example/author?id=3"] {
            assert!(is_author_page(href.as_bytes()), "{href}");
        }
        for href in ["/authority/", "/authorize?x", "/authorship", "/news/2026/a"] {
            assert!(!is_author_page(href.as_bytes()), "{href}");
        }
    }

    #[test]
    fn home_pages() {
        for href in [
            "/",
            "href=\"/\"",
            " href = '/'",
            "https://blog.engora.com/",
            "href='http://davidbau.com'",
            "//example.org/",
        ] {
            assert!(is_home_page(href.as_bytes()), "{href}");
        }
        for href in ["/blog/", "https://example.org/news", "https://example.org/?p=3", "", "href=\"\"", "https://"] {
            assert!(!is_home_page(href.as_bytes()), "{href}");
        }
    }

    #[test]
    fn lines_end_at_blocks_and_breaks() {
        let dom = Dom::parse(
            "<div id=x>By <a>Ann Lee</a><br>Editor<p>Second <b>para</b></p>tail<span class=skip>gone</span>\
             <script>no</script></div>",
            &ExtractConfig::default(),
        );
        let x = (0..dom.nodes.len()).find(|&i| dom.attr(i, "id") == Some("x")).unwrap();
        let lines = dom.lines_of(x, |j| dom.attr(j, "class") == Some("skip"));
        assert_eq!(lines, ["By Ann Lee", "Editor", "Second para", "tail"]);
    }

    #[test]
    fn deep_nesting_is_capped_without_losing_text() {
        let html = format!("{}<p>deep text</p>{}", "<div>".repeat(2000), "</div>".repeat(2000));
        let config = ExtractConfig { max_depth: 100, ..ExtractConfig::default() };
        let dom = Dom::parse(&html, &config);
        assert!(dom.nodes.len() < 200);
        assert!(dom.visible_text().contains("deep text"));
    }

    #[test]
    fn children_and_text_follow_structure() {
        let dom = Dom::parse(
            "<div id=a><p>one <b>two</b></p><script>x()</script><p>three</p></div>",
            &ExtractConfig::default(),
        );
        let div = (0..dom.nodes.len()).find(|&i| dom.attr(i, "id") == Some("a")).unwrap();
        let inside: Vec<_> = (div + 1..dom.nodes[div].end).filter_map(|c| dom.tag(c)).collect();
        assert_eq!(inside, ["p", "b", "script", "p"]);
        assert_eq!(dom.text_of(div), "one two three");
        let dom = Dom::parse(
            "<h1 id=h>How AI Can Cut Your Planning <span class=hand>C</span>ycle<br>in <em>two</em> days</h1>",
            &ExtractConfig::default(),
        );
        let h1 = (0..dom.nodes.len()).find(|&i| dom.attr(i, "id") == Some("h")).unwrap();
        assert_eq!(dom.text_of(h1), "How AI Can Cut Your Planning Cycle in two days");
        let dom = Dom::parse(
            "<div id=m><span>Yucy</span><span>3/4/2025</span><a>Home</a><a>News</a></div>",
            &ExtractConfig::default(),
        );
        let div = (0..dom.nodes.len()).find(|&i| dom.attr(i, "id") == Some("m")).unwrap();
        assert_eq!(dom.text_of(div), "Yucy 3/4/2025 Home News", "elements side by side stand apart");
    }
}
