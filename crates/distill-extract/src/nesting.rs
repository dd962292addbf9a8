//! A linear pre-pass before the HTML parser sees the page. It bounds element nesting:
//! html5ever has no depth cap, and its tree construction is quadratic in depth
//! (100,000 nested `<div>`s take seconds), so tags beyond the cap are dropped, their
//! text kept. And it empties the bodies of scripts (but JSON-LD), style sheets and
//! SVG drawings, which are never article text and are 44% of the bytes of real
//! pages: the parser then has less than half as much to tokenize. Pages with neither
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
        "script" | "style" | "textarea" | "title" | "xmp" | "iframe" | "noembed" | "noframes" | "plaintext" => {
            TagClass::RawText
        }
        _ => TagClass::Nests,
    }
}

/// Returns the page with tags nested deeper than `max_depth` removed.
pub fn limit_nesting(html: &str, max_depth: usize) -> Cow<'_, str> {
    let survey = scan(html, max_depth, None);
    if survey.deepest <= max_depth && survey.droppable == 0 {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() - survey.droppable.min(html.len()));
    scan(html, max_depth, Some(&mut out));
    Cow::Owned(out)
}

/// What a measuring pass found.
struct Survey {
    /// The deepest nesting (more than `max_depth` once it is known to be too deep).
    deepest: usize,
    /// Bytes of script, style and SVG bodies that can be left out.
    droppable: usize,
}

/// Walks the tags. With `out`, copies the page there, leaving out tags beyond
/// `max_depth` with their matching end tags, and the bodies of scripts, style sheets
/// and SVG drawings.
fn scan(html: &str, max_depth: usize, mut out: Option<&mut String>) -> Survey {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut dropped = 0usize;
    let mut droppable = 0usize;
    let mut copied = 0usize; // bytes of `html` already copied to `out`
    let mut i = 0;
    while let Some(offset) = memchr(b'<', &bytes[i..]) {
        let start = i + offset;
        let rest = &html[start..];
        // Comments, doctypes and processing instructions: skip whole.
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |e| start + e + 3);
            continue;
        }
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
        let end = tag_end(bytes, name_start + name_len);
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
            // Skip to the matching end tag; script (but JSON-LD, which metadata reads)
            // and style bodies are left out of the copy.
            let close = format!("</{name}");
            let body_end = find_ascii_ci(&html[end..], &close).map_or(html.len(), |p| end + p);
            let empty_it = name == "style" || (name == "script" && !is_json_ld(&html[start..end]));
            if empty_it && body_end > end {
                droppable += body_end - end;
                leave_out(html, out.as_deref_mut(), &mut copied, end, body_end);
            }
            i = body_end;
            continue;
        } else if !self_closing && class == TagClass::Nests {
            if depth >= max_depth {
                dropped += 1;
                keep = false;
            } else {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        if let Some(out) = out.as_deref_mut()
            && !keep
        {
            out.push_str(&html[copied..start]);
            copied = end;
        }
        if dropped > 0 && out.is_none() {
            // Measuring only: the answer is already "too deep".
            return Survey { deepest: max_depth + 1, droppable };
        }
        if keep && !closing && !self_closing && name == "svg" {
            // A drawing: its shapes and labels are not article text. Skip to its own
            // end tag (drawings can nest), which the next step then sees.
            let body_end = svg_end(html, end);
            droppable += body_end - end;
            leave_out(html, out.as_deref_mut(), &mut copied, end, body_end);
            i = body_end;
            continue;
        }
        i = end;
    }
    if let Some(out) = out {
        out.push_str(&html[copied..]);
    }
    Survey { deepest: deepest.max(if dropped > 0 { max_depth + 1 } else { 0 }), droppable }
}

/// Copies what precedes `from` and skips `from..to` in the output, if there is one.
fn leave_out(html: &str, out: Option<&mut String>, copied: &mut usize, from: usize, to: usize) {
    if let Some(out) = out {
        out.push_str(&html[*copied..from]);
        *copied = to;
    }
}

fn is_json_ld(start_tag: &str) -> bool {
    start_tag.to_ascii_lowercase().contains("ld+json")
}

/// Where the `</svg` that closes the drawing opened just before `from` starts,
/// counting nested drawings; the end of the page if it is never closed.
fn svg_end(html: &str, from: usize) -> usize {
    let mut depth = 1usize;
    let mut at = from;
    while let Some(p) = memchr(b'<', &html.as_bytes()[at..]) {
        let tag = at + p;
        let rest = &html.as_bytes()[tag..];
        if rest.len() >= 5 && rest[..5].eq_ignore_ascii_case(b"</svg") {
            depth -= 1;
            if depth == 0 {
                return tag;
            }
        } else if rest.len() >= 4 && rest[..4].eq_ignore_ascii_case(b"<svg") {
            depth += 1;
        }
        at = tag + 1;
    }
    html.len()
}

/// Index one past the `>` that ends a tag, skipping quoted attribute values.
fn tag_end(bytes: &[u8], mut i: usize) -> usize {
    let mut quote = None;
    while i < bytes.len() {
        match (quote, bytes[i]) {
            (None, b'>') => return i + 1,
            (None, q @ (b'"' | b'\'')) => quote = Some(q),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    memchr::memchr(needle, haystack)
}

/// Finds `needle` (which starts with `<`) ignoring ASCII case, jumping from `<` to `<`.
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
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
            <body><svg viewBox=\"0 0 1 1\"></svg><p>text</p></body>"
        );
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
        assert_eq!(out, format!("<script></script><!-- {} --><div>ok</div>", "<div>".repeat(100)));
    }
}
