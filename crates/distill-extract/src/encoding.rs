//! Bytes to UTF-8: byte-order mark, then a declared charset (HTTP header, `<meta>`,
//! XML declaration), then UTF-8 validity, then statistical detection.

use encoding_rs::{Encoding, UTF_8};

use crate::{ExtractError, Result};

/// Decodes a page to UTF-8. Rejects binary data; removes NUL and other control
/// characters that no text should carry.
pub fn decode(bytes: &[u8], declared_charset: Option<&str>) -> Result<String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(clean_controls(text));
    }
    if looks_binary(bytes) {
        return Err(ExtractError::Binary);
    }
    let declared = declared_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| prescan_charset(bytes));
    let encoding = match declared {
        // A page that claims UTF-8 but is not is usually windows-1252: detect instead.
        Some(enc) if enc == UTF_8 && std::str::from_utf8(bytes).is_err() && !mostly_utf8(bytes) => detect(bytes),
        // UTF-16 without a BOM is never what an ASCII-compatible `<meta>` means.
        Some(enc) if !enc.is_ascii_compatible() => UTF_8,
        Some(enc) => enc,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None if mostly_utf8(bytes) => UTF_8,
        None => detect(bytes),
    };
    let (text, _, _) = encoding.decode(bytes);
    Ok(clean_controls(text))
}

/// UTF-8 with a few broken bytes (a bad splice, a truncated character) is still
/// UTF-8: many valid multi-byte sequences and few invalid bytes. Legacy single-byte
/// text almost never forms a valid multi-byte sequence.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    multibyte > 0 && invalid * 4 <= multibyte
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&bytes[..bytes.len().min(64 << 10)], bytes.len() <= 64 << 10);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// Binary data: NUL bytes or many C0 control bytes in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    head.contains(&0) || controls * 50 > head.len()
}

/// Finds `charset=` in a `<meta>` tag or `encoding=` in an XML declaration within
/// the first 4 KiB, as browsers' prescan does.
fn prescan_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    for key in [&b"charset="[..], &b"encoding="[..]] {
        let mut from = 0;
        while let Some(pos) = find(&lower[from..], key) {
            let start = from + pos + key.len();
            let label: Vec<u8> = lower[start..]
                .iter()
                .copied()
                .skip_while(|b| *b == b'"' || *b == b'\'' || *b == b' ')
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                .collect();
            if let Some(enc) = Encoding::for_label(&label) {
                return Some(enc);
            }
            from = start;
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Drops control characters (C0 but tab and line breaks, DEL, C1), after repairing
/// the mojibake that C1 characters usually mark. Most pages have neither, and a byte
/// scan finds that without rebuilding the string.
fn clean_controls(text: std::borrow::Cow<'_, str>) -> String {
    let bytes = text.as_bytes();
    // Branch-free over the whole page so that it vectorizes; C1 controls are U+0080 to
    // U+009F, encoded 0xC2 0x80..0x9F, and 0xC2 alone is common (no-break spaces).
    let c0 = bytes
        .iter()
        .fold(false, |found, &b| found | ((b < 0x20) & (b != b'\n') & (b != b'\t') & (b != b'\r')) | (b == 0x7f));
    let c1 = memchr::memchr_iter(0xc2, bytes).any(|i| bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)));
    let mojibake = c1 || has_mojibake_mark(bytes);
    if !(c0 || c1 || mojibake) {
        return text.into_owned();
    }
    let text = if mojibake { repair_mojibake(&text) } else { text.into_owned() };
    text.chars().filter(|&c| !c.is_control() || matches!(c, '\n' | '\t' | '\r')).collect()
}

/// Repairs mojibake in text that the parser built from character references
/// ("isn&acirc;&euro;&trade;t"), which decoding the page could not see.
pub(crate) fn repair_text(text: String) -> String {
    if has_mojibake_mark(text.as_bytes()) { repair_mojibake(&text) } else { text }
}

/// "â€" starts the windows-1252 reading of every UTF-8 quote, dash and ellipsis.
fn has_mojibake_mark(bytes: &[u8]) -> bool {
    memchr::memmem::find(bytes, "\u{e2}\u{20ac}".as_bytes()).is_some()
}

/// Undoes UTF-8 that was decoded as Latin-1 or windows-1252 on its way into the page
/// ("donâ\u{80}\u{99}t", "donâ€™t" for "don’t"): a run of characters whose bytes in
/// that reading form one valid UTF-8 character is replaced by it. Called only on
/// pages with such runs. A run with a byte from 0x80 to 0x9F (a C1 control or a
/// windows-1252 punctuation mark) is always mojibake; one without ("Ã©" for "é") is
/// repaired only into a Latin letter or a punctuation mark, so that real text such
/// as "ß»" stays as written.
fn repair_mojibake(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        let len = match c as u32 {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => 0,
        };
        if len > 0 {
            let mut buf = [c as u8, 0, 0, 0];
            let mut lookahead = chars.clone();
            let mut complete = true;
            for slot in buf.iter_mut().take(len).skip(1) {
                match lookahead.next().and_then(latin_byte) {
                    Some(byte) if (0x80..=0xbf).contains(&byte) => *slot = byte,
                    _ => {
                        complete = false;
                        break;
                    }
                }
            }
            let marked = buf[1..len].iter().any(|b| (0x80..=0x9f).contains(b));
            let repaired = std::str::from_utf8(&buf[..len]).ok().filter(|r| {
                let u = r.chars().next().map_or(0, |c| c as u32);
                marked || (0xa0..=0x24f).contains(&u) || (0x2000..=0x20cf).contains(&u)
            });
            if let (true, Some(repaired)) = (complete, repaired) {
                out.push_str(repaired);
                chars = lookahead;
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// The byte a character stands for in the windows-1252 reading of a page (Latin-1
/// for the C1 range that windows-1252 leaves undefined).
fn latin_byte(c: char) -> Option<u8> {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match c as u32 {
        0x80..=0xff => Some(c as u8),
        _ => HIGH.iter().position(|&h| h == c).map(|k| 0x80 + k as u8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_dropped_and_clean_text_kept() {
        for (dirty, clean) in [
            ("a\u{0}b\u{7}c\u{7f}d\u{85}e\u{9f}f", "abcdef"),
            // UTF-8 read as Latin-1, then as windows-1252: repaired.
            ("don\u{e2}\u{80}\u{99}t \u{e2}\u{80}\u{9c}q\u{e2}\u{80}\u{9d}", "don’t “q”"),
            ("don\u{e2}\u{20ac}\u{2122}t \u{c3}\u{a9}t\u{c3}\u{a9} \u{e2}\u{20ac}\u{201d} ok", "don’t été — ok"),
            // A lone windows-1252 mark after an accent, or a broken run, is left alone.
            ("S\u{c3}O \u{e2}\u{20ac} stra\u{df}e\u{bb}", "S\u{c3}O \u{e2}\u{20ac} stra\u{df}e\u{bb}"),
            ("tab\there\r\nline é € \u{a0}", "tab\there\r\nline é € \u{a0}"),
        ] {
            assert_eq!(clean_controls(dirty.into()), clean);
        }
    }

    #[test]
    fn mojibake_from_character_references_is_repaired() {
        assert_eq!(repair_text("isn\u{e2}\u{20ac}\u{2122}t".into()), "isn’t");
        assert_eq!(repair_text("caf\u{c3}\u{a9} ok".into()), "caf\u{c3}\u{a9} ok");
    }

    #[test]
    fn windows_1252_meta_is_honoured() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("<meta charset=\"windows-1252\"><p>caf\u{e9} \u{201c}quoted\u{201d} \u{2014} 5\u{20ac}</p>");
        let text = decode(&bytes, None).unwrap();
        assert!(text.contains("café “quoted” — 5€"), "{text}");
    }

    #[test]
    fn undeclared_latin1_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("<p>Les \u{e9}l\u{e8}ves du lyc\u{e9}e ont r\u{e9}ussi l'examen \u{e0} la fin de l'ann\u{e9}e, a d\u{e9}clar\u{e9} le minist\u{e8}re.</p>");
        assert!(std::str::from_utf8(&bytes).is_err());
        let text = decode(&bytes, None).unwrap();
        assert!(text.contains("élèves du lycée"), "{text}");
    }

    #[test]
    fn shift_jis_meta_is_honoured() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><p>東京の天気は晴れです。</p>",
        );
        let text = decode(&bytes, None).unwrap();
        assert!(text.contains("東京の天気は晴れです。"), "{text}");
    }

    #[test]
    fn utf16_bom_and_binary() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "<p>hello</p>".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes, None).unwrap(), "<p>hello</p>");
        assert_eq!(decode(b"\x7fELF\x02\x01\x01\0\0\0\0", None), Err(ExtractError::Binary));
    }
}
