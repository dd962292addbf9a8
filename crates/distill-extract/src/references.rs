//! Character references left in text after parsing: in metadata a publisher escaped
//! twice ("&amp;#8217;"), and in feed titles that carry HTML as text.

use html5ever::data::NAMED_ENTITIES;

/// Decodes the character references left in a text: "&#8217;", "&#x27;", "&bull;",
/// by the HTML standard's table of names. A reference that names nothing, or a
/// control character, stays as written.
pub fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // Bytes, not a string slice: the 34th byte may fall inside a character.
        let Some(semi) = rest.as_bytes()[..rest.len().min(34)].iter().position(|&b| b == b';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let decoded = match name.strip_prefix('#') {
            Some(num) => match num.strip_prefix(['x', 'X']) {
                Some(hex) if hex.bytes().all(|b| b.is_ascii_hexdigit()) => u32::from_str_radix(hex, 16).ok(),
                None if num.bytes().all(|b| b.is_ascii_digit()) => num.parse::<u32>().ok(),
                _ => None,
            }
            .and_then(char::from_u32)
            .filter(|c| !c.is_control() || c.is_whitespace())
            .map(|c| (c, None)),
            None => NAMED_ENTITIES.get(&rest[1..=semi]).and_then(|&(a, b)| {
                let first = char::from_u32(a).filter(|_| a != 0)?;
                Some((first, char::from_u32(b).filter(|_| b != 0)))
            }),
        };
        match decoded {
            Some((first, second)) => {
                out.push(first);
                out.extend(second);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_and_named_references() {
        assert_eq!(
            decode_references("Traveler&#8217;s &amp; SF&#x27;s guide &bull; more"),
            "Traveler’s & SF's guide • more"
        );
        // Broken or hostile references are left as they are, and nothing panics.
        for text in ["&#xFFFFFFFFF;", "&#55296;", "&;", "&nosuchname;", "&#12", "a & b", "&é;é", "&#x1F5DE;"] {
            let out = decode_references(text);
            assert!(!out.is_empty(), "{text}");
        }
        assert_eq!(decode_references("&#x1F5DE;"), "🗞");
        assert_eq!(decode_references("&nosuchname;"), "&nosuchname;");
        assert_eq!(decode_references("a&#0;b &#+65; &#x+41; &#7;"), "a&#0;b &#+65; &#x+41; &#7;");
        assert_eq!(decode_references("a&nbsp;b&#10;c"), "a\u{a0}b\nc", "whitespace is no control to refuse");
    }
}
