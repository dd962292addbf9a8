//! A linear pre-pass before the HTML parser sees the page. It bounds element nesting:
//! html5ever has no depth cap, and its tree construction is quadratic in depth
//! (100,000 nested `<div>`s take seconds), so tags beyond the cap are dropped, their
//! text kept. And it empties the bodies of scripts (but JSON-LD), style sheets and
//! SVG drawings, which are never article text and are 44% of the bytes of real
//! pages, then comments and the attributes the extractor never reads (another fifth):
//! the parser then has less than half as much to tokenize. Pages with none of these
//! pass through untouched.

use std::borrow::Cow;

/// How a tag affects nesting.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TagClass {
    /// Opens a level and closes it with its end tag.
    Nests,
    /// End tag optional (an unclosed `<p>` per paragraph is normal HTML) or no end
    /// tag at all (void elements): never counts towards depth.
    Flat,
    /// Content is raw text: tags inside are not tags.
    RawText,
}

fn class_of(name: &str) -> TagClass {
    match name {
        // Optional end tags.
        "p" | "li" | "dt" | "dd" | "option" | "optgroup" | "tr" | "td" | "th" | "tbody" | "thead" | "tfoot"
        | "colgroup" | "caption" | "rb" | "rt" | "rp" | "html" | "head" | "body"
        // Void elements.
        | "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "input" | "link" | "meta" | "param" | "source"
        | "track" | "wbr" | "keygen" | "frame" | "basefont" | "isindex" => TagClass::Flat,
        "script" | "style" | "textarea" | "title" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript"
        | "plaintext" => {
            TagClass::RawText
        }
        _ => TagClass::Nests,
    }
}

/// Returns the page with tags nested deeper than `max_depth` removed, and with what
/// the extractor never reads left out.
pub fn limit_nesting(html: &str, max_depth: usize) -> Cow<'_, str> {
    let mut out = String::with_capacity(html.len());
    scan(html, max_depth, &mut out);
    // The copy only ever leaves bytes out: the same length means nothing was.
    if out.len() < html.len() { Cow::Owned(out) } else { Cow::Borrowed(html) }
}

/// Walks the tags and copies the page to `out`, leaving out tags beyond `max_depth`
/// with their matching end tags, the bodies of scripts, style sheets and SVG
/// drawings, comments, and unread attributes.
fn scan(html: &str, max_depth: usize, out: &mut String) {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut dropped = 0usize;
    let mut copied = 0usize; // bytes of `html` already copied to `out`
    let mut unread: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(offset) = memchr(b'<', &bytes[i..]) {
        let start = i + offset;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |e| start + e + 3);
            leave_out(html, out, &mut copied, start, i);
            continue;
        }
        // Doctypes (they set the parser's mode) and processing instructions: kept.
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = rest.find('>').map_or(html.len(), |e| start + e + 1);
            continue;
        }
        let closing = rest.as_bytes().get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'-').count();
        if name_len == 0 {
            i = start + 1;
            continue;
        }
        let mut buf = [0u8; 16];
        let name = if name_len <= buf.len() {
            for (d, s) in buf.iter_mut().zip(&bytes[name_start..name_start + name_len]) {
                *d = s.to_ascii_lowercase();
            }
            std::str::from_utf8(&buf[..name_len]).unwrap_or("")
        } else {
            // No element of interest has a name this long.
            "-"
        };
        unread.clear();
        let end = walk_attributes(bytes, name_start + name_len, |attribute, from, to| {
            if !closing && !crate::dom::is_kept(name, attribute, &bytes[from..to]) {
                unread.push((from, to));
            }
        });
        let self_closing = bytes[..end].ends_with(b"/>");
        let mut keep = true;
        let class = class_of(name);
        if closing {
            if class != TagClass::Flat {
                if dropped > 0 && depth >= max_depth {
                    dropped -= 1;
                    keep = false;
                } else {
                    depth = depth.saturating_sub(1);
                }
            }
        } else if class == TagClass::RawText {
            leave_out_all(html, out, &mut copied, &unread);
            // Skip to the matching end tag; script (but JSON-LD, which metadata reads)
            // and style bodies are left out of the copy.
            let close = format!("</{name}");
            let body_end = find_ascii_ci(&html[end..], &close).map_or(html.len(), |p| end + p);
            // What noscript, noembed and noframes hold is raw text to the parser (it
            // runs with scripting on) and never read.
            let empty_it = matches!(name, "style" | "noscript" | "noembed" | "noframes")
                || (name == "script" && !is_json_ld(&html[start..end]));
            if empty_it && body_end > end {
                leave_out(html, out, &mut copied, end, body_end);
            }
            i = body_end;
            continue;
        } else if !self_closing && class == TagClass::Nests {
            if depth >= max_depth {
                dropped += 1;
                keep = false;
            } else {
                depth += 1;
            }
        }
        if !keep {
            leave_out(html, out, &mut copied, start, end);
            i = end;
            continue;
        }
        leave_out_all(html, out, &mut copied, &unread);
        if !closing && !self_closing && name == "svg" {
            // A drawing: its shapes and labels are not article text. Skip to its own
            // end tag (drawings can nest), which the next step then sees.
            let body_end = svg_end(html, end);
            leave_out(html, out, &mut copied, end, body_end);
            // A drawing left open closes where the parser leaves it: no `</svg>` will
            // take back the level it opened.
            if !html.as_bytes()[body_end..].get(..5).is_some_and(|t| t.eq_ignore_ascii_case(b"</svg")) {
                depth = depth.saturating_sub(1);
            }
            i = body_end;
            continue;
        }
        i = end;
    }
    out.push_str(&html[copied..]);
}

/// Leaves out each of these ranges (in order, after what was copied).
fn leave_out_all(html: &str, out: &mut String, copied: &mut usize, ranges: &[(usize, usize)]) {
    for &(from, to) in ranges {
        leave_out(html, out, copied, from, to);
    }
}

/// Walks the attributes of a tag from just after its name, as the HTML tokenizer
/// reads them, calling `each(name, from, to)` for every attribute (`from..to`
/// includes the space before it); returns the index one past the `>` that ends the
/// tag, or the end of the page.
fn walk_attributes(bytes: &[u8], mut i: usize, mut each: impl FnMut(&[u8], usize, usize)) -> usize {
    let n = bytes.len();
    let space = |b: u8| matches!(b, b'\t' | b'\n' | 0x0c | b'\r' | b' ');
    loop {
        let from = i;
        while i < n && (space(bytes[i]) || bytes[i] == b'/') {
            i += 1;
        }
        if i >= n {
            return n;
        }
        if bytes[i] == b'>' {
            return i + 1;
        }
        let name_start = i;
        // A name may start with `=`; then it runs to a space, `/`, `>` or `=`.
        i += 1;
        while i < n && !space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let name_end = i;
        let mut j = i;
        while j < n && space(bytes[j]) {
            j += 1;
        }
        if j < n && bytes[j] == b'=' {
            j += 1;
            while j < n && space(bytes[j]) {
                j += 1;
            }
            i = match bytes.get(j) {
                Some(&quote @ (b'"' | b'\'')) => memchr(quote, &bytes[j + 1..]).map_or(n, |p| j + 1 + p + 1),
                _ => j + bytes[j..].iter().take_while(|&&b| !space(b) && b != b'>').count(),
            };
        }
        each(&bytes[name_start..name_end], from, i.max(name_end));
    }
}

/// Copies what precedes `from` and skips `from..to` in the output.
fn leave_out(html: &str, out: &mut String, copied: &mut usize, from: usize, to: usize) {
    out.push_str(&html[*copied..from]);
    *copied = to;
}

fn is_json_ld(start_tag: &str) -> bool {
    start_tag.to_ascii_lowercase().contains("ld+json")
}

/// HTML start tags that take the parser out of a drawing left open (the breakout
/// list of the HTML standard's rules for foreign content).
#[rustfmt::skip]
const BREAKOUT: &[&str] = &[
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2",
    "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre",
    "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
];

/// Where the body of the drawing opened just before `from` ends, as the parser reads
/// it: at the `</svg` that closes it (drawings can nest), or, for a drawing left
/// open (`<svg><use/></div>`), at the first HTML tag that takes the parser out of it:
/// an end tag of no element open inside the drawing, or a start tag of the breakout
/// list. Inside `<foreignObject>`, `<desc>` and `<title>` HTML belongs to the
/// drawing. The end of the page if none comes.
fn svg_end(html: &str, from: usize) -> usize {
    let bytes = html.as_bytes();
    // Elements open inside the drawing, innermost last; the drawing itself first.
    let mut open: Vec<&[u8]> = vec![b"svg"];
    let mut at = from;
    while let Some(p) = memchr(b'<', &bytes[at..]) {
        let tag = at + p;
        if bytes[tag..].starts_with(b"<!--") {
            at = html[tag..].find("-->").map_or(bytes.len(), |e| tag + e + 3);
            continue;
        }
        let closing = bytes.get(tag + 1) == Some(&b'/');
        let name_start = tag + 1 + usize::from(closing);
        let name_len =
            bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':')).count();
        if name_len == 0 {
            at = tag + 1;
            continue;
        }
        let name = &bytes[name_start..name_start + name_len];
        let html_inside = open
            .last()
            .is_some_and(|n| [&b"foreignobject"[..], b"desc", b"title"].iter().any(|i| n.eq_ignore_ascii_case(i)));
        let end = walk_attributes(bytes, name_start + name_len, |_, _, _| {});
        if closing {
            if let Some(k) = open.iter().rposition(|n| n.eq_ignore_ascii_case(name)) {
                open.truncate(k);
                if open.is_empty() {
                    return tag;
                }
            } else if !html_inside {
                return tag;
            }
        } else if !html_inside {
            if BREAKOUT.iter().any(|b| b.as_bytes().eq_ignore_ascii_case(name)) {
                return tag;
            }
            if !bytes[..end].ends_with(b"/>") {
                open.push(name);
            }
        }
        at = end;
    }
    html.len()
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    memchr::memchr(needle, haystack)
}

/// Finds `needle` (which starts with `<`) ignoring ASCII case, jumping from `<` to `<`.
pub(crate) fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let mut from = 0;
    while let Some(p) = memchr::memchr(b'<', &h[from..]) {
        let at = from + p;
        if h.len() - at >= n.len() && h[at..at + n.len()].eq_ignore_ascii_case(n) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_pass_through() {
        let html = "<div><p>one<p>two<div><span>x</span></div></div><script type=\"application/ld+json\">{\"a\": \"<b>\"}</script>";
        assert!(matches!(limit_nesting(html, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn script_style_and_svg_bodies_are_emptied_but_json_ld_kept() {
        let html = "<head><style>p { color: red }</style><script>if (a<b) { x('</p>') }</script>\
            <SCRIPT type='application/ld+json'>{\"headline\": \"H\"}</SCRIPT></head>\
            <body><svg viewBox=\"0 0 1 1\"><svg><text>inner</text></svg><text>label</text></svg><p>text</p></body>";
        let out = limit_nesting(html, 50);
        assert_eq!(
            out,
            "<head><style></style><script></script><SCRIPT type='application/ld+json'>{\"headline\": \"H\"}</SCRIPT></head>\
            <body><svg></svg><p>text</p></body>"
        );
    }

    #[test]
    fn a_drawing_left_open_ends_where_the_parser_leaves_it() {
        // An icon whose <svg> is never closed: the story after it is kept.
        let html = "<div><span><svg class=i><use href=\"#x\"/></span></div><p>story</p><svg><g><path/></g></svg>";
        assert_eq!(limit_nesting(html, 50), "<div><span><svg class=i></span></div><p>story</p><svg></svg>");
        // A breakout tag ends it too; HTML inside foreignObject belongs to the drawing.
        let html = "<svg><circle/><p>story</p>";
        assert_eq!(limit_nesting(html, 50), "<svg><p>story</p>");
        let html = "<svg><foreignObject><div>label</div></foreignObject><g></g></svg><p>story</p>";
        assert_eq!(limit_nesting(html, 50), "<svg></svg><p>story</p>");
        // Icons left open take no nesting level with them.
        let html = format!("{}<div><p>story</p></div>", "<span><svg><use/></span>".repeat(60));
        assert!(limit_nesting(&html, 50).ends_with("<div><p>story</p></div>"));
    }

    #[test]
    fn deep_pages_are_flattened_and_keep_their_text() {
        let html = format!("{}<p>deep</p>{}<p>after</p>", "<div class=\"x\">".repeat(1000), "</div>".repeat(1000));
        let out = limit_nesting(&html, 10);
        assert_eq!(out.matches("<div").count(), 10);
        assert_eq!(out.matches("</div>").count(), 10);
        assert!(out.contains("<p>deep</p>") && out.ends_with("<p>after</p>"));
    }

    #[test]
    fn tags_inside_scripts_and_comments_do_not_count() {
        let html = format!("<script>{}</script><!-- {} --><div>ok</div>", "<div>".repeat(100), "<div>".repeat(100));
        let out = limit_nesting(&html, 5);
        assert_eq!(out, "<script></script><div>ok</div>");
    }

    #[test]
    fn attributes_never_read_are_left_out() {
        let html = "<!DOCTYPE html><html lang=en><link rel=canonical HREF='/a'><a href=\"/b\" class=x>b</a>\
            <a href=\"/author/ann-lee/\">Ann Lee</a>\
            <img src=\"a.jpg\" srcset='a.jpg 1x, b.jpg 2x' alt=\"A > B\" data-x=1 hidden/><br/>\
            <div\tDATA-PROPS='{\"a\":\"</div>\"}' ID=\"main\" style=\"display:none\" =odd data-bare>t</div>\
            <p title=\"unclosed>text";
        assert_eq!(
            limit_nesting(html, 50),
            "<!DOCTYPE html><html lang=en><link rel=canonical HREF='/a'><a class=x>b</a>\
            <a href=\"/author/ann-lee/\">Ann Lee</a>\
            <img hidden/><br/><div ID=\"main\" style=\"display:none\">t</div><p"
        );
    }
}
