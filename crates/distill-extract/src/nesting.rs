//! A linear pre-pass that bounds element nesting before the HTML parser sees the
//! page. html5ever has no depth cap, and its tree construction is quadratic in depth
//! (100,000 nested `<div>`s take seconds), so tags beyond the cap are dropped, their
//! text kept. Pages within the cap are passed through untouched.

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
    if scan(html, max_depth, None) <= max_depth {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    scan(html, max_depth, Some(&mut out));
    Cow::Owned(out)
}

/// Walks the tags; returns the deepest nesting seen. With `out`, copies the page
/// there, leaving out tags beyond `max_depth` and their matching end tags.
fn scan(html: &str, max_depth: usize, mut out: Option<&mut String>) -> usize {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut dropped = 0usize;
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
            // Copy through the matching end tag untouched.
            let close = format!("</{name}");
            let body_end = find_ascii_ci(&html[end..], &close).map_or(html.len(), |p| end + p);
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
            return max_depth + 1;
        }
        i = end;
    }
    if let Some(out) = out {
        out.push_str(&html[copied..]);
    }
    deepest.max(if dropped > 0 { max_depth + 1 } else { 0 })
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
        let html = "<div><p>one<p>two<div><span>x</span></div></div><script>if (a<b) {}</script>";
        assert!(matches!(limit_nesting(html, 3), Cow::Borrowed(_)));
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
        assert!(matches!(limit_nesting(&html, 5), Cow::Borrowed(_)));
    }
}
