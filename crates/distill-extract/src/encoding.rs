//! Bytes to UTF-8: byte-order mark, then a declared charset (HTTP header, `<meta>`,
//! XML declaration), then UTF-8 validity, then statistical detection.
//!
//! A declared UTF-8 stands, broken bytes becoming U+FFFD as in browsers, unless the
//! page reads clearly as legacy text (a windows-1252 page mislabelled UTF-8): the
//! detector alone must never turn a few broken bytes into another script.

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
        // A page that claims UTF-8 but is not is usually windows-1252; but a UTF-8 page
        // with a few broken bytes is still UTF-8, as browsers read it. The legacy
        // reading replaces the declaration only when it reads as text.
        Some(enc) if enc == UTF_8 && std::str::from_utf8(bytes).is_err() && !mostly_utf8(bytes) => {
            let legacy = detect(bytes);
            if legacy != UTF_8 && reads_as_text(bytes, legacy) { legacy } else { UTF_8 }
        }
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

/// Whether a legacy reading of a page declared UTF-8 (whose bytes are not) reads as
/// text rather than as broken bytes. Each word that holds a non-ASCII letter, and
/// each non-ASCII mark, counts for it or against it:
/// - for: a word in one script, without a lower-case letter before an upper-case
///   one; a Latin word only when it also holds an ASCII letter ("café", "Größe") or
///   is one accented vowel standing alone ("à", "è"); a typographic mark (quotes,
///   dashes, no-break space, currency signs);
/// - against: a word that breaks those rules ("ÿþÃ", "яюГ", "cafÃ"), a control
///   character or a replacement character, any other symbol, and every valid UTF-8
///   multi-byte character in the page (text that is legacy almost never forms one).
///
/// Words of other scripts shorter than three letters count neither way. The reading wins when the
/// evidence for it is ten times that against.
fn reads_as_text(bytes: &[u8], legacy: &'static Encoding) -> bool {
    let mut against: usize =
        bytes.utf8_chunks().map(|chunk| chunk.valid().chars().filter(|c| !c.is_ascii()).count()).sum();
    let mut support = 0usize;
    let (text, _) = legacy.decode_without_bom_handling(bytes);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, next)) = chars.peek() {
                if !next.is_alphabetic() {
                    break;
                }
                end = i + next.len_utf8();
                chars.next();
            }
            match word_reads_as_text(&text[start..end]) {
                Some(true) => support += 1,
                Some(false) => against += 1,
                None => {}
            }
        } else if !c.is_ascii() {
            if is_typographic_mark(c) { support += 1 } else { against += 1 }
        }
    }
    support > 0 && against * 10 <= support
}

/// Whether a word of a legacy reading is a plausible word: `None` for ASCII words
/// and words of other scripts shorter than three letters, which tell nothing.
fn word_reads_as_text(word: &str) -> Option<bool> {
    if word.is_ascii() {
        return None;
    }
    #[derive(PartialEq, Clone, Copy)]
    enum Script {
        Latin,
        Greek,
        Cyrillic,
        Other,
    }
    let script = |c: char| match c as u32 {
        _ if c.is_ascii() => Script::Latin,
        0xc0..=0x24f | 0x1e00..=0x1eff => Script::Latin,
        0x370..=0x3ff | 0x1f00..=0x1fff => Script::Greek,
        0x400..=0x52f => Script::Cyrillic,
        _ => Script::Other,
    };
    let mut scripts = word.chars().map(script).filter(|&s| s != Script::Other);
    let first = scripts.next();
    if scripts.any(|s| Some(s) != first) {
        return Some(false);
    }
    let chars: Vec<char> = word.chars().collect();
    if chars.windows(2).any(|pair| pair[0].is_lowercase() && pair[1].is_uppercase()) {
        return Some(false);
    }
    match first {
        Some(Script::Latin) if word.bytes().any(|b| b.is_ascii_alphabetic()) => Some(true),
        Some(Script::Latin) => Some(chars.len() == 1 && "àèéìòóùÀÈÉ".contains(chars[0])),
        _ if chars.len() < 3 => None,
        _ => Some(true),
    }
}

/// Punctuation, spaces and signs that legacy pages carry between words.
fn is_typographic_mark(c: char) -> bool {
    matches!(c as u32, 0x2010..=0x205e | 0x20a0..=0x20bf | 0x3000..=0x303f | 0xff01..=0xff0f)
        || "\u{a0}¡¢£¥§©«®°±²³·¹»¼½¾¿×™".contains(c)
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
/// the first 4 KiB, as browsers' prescan does; the `charset` attribute of a
/// `<script>` or `<link>` (a web archive's injected toolbar: "utf-8" ahead of the
/// page's own "gb2312") names another file's encoding, not the page's.
fn prescan_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    for (key, tag) in [(&b"charset="[..], &b"<meta"[..]), (&b"encoding="[..], &b"<?xml"[..])] {
        let mut from = 0;
        while let Some(pos) = find(&lower[from..], key) {
            let start = from + pos + key.len();
            // The tag the match sits in: from the last '<' before it, with no '>' between.
            let opened = lower[..from + pos].iter().rposition(|b| *b == b'<');
            let inside =
                opened.is_some_and(|lt| lower[lt..].starts_with(tag) && !lower[lt..from + pos].contains(&b'>'));
            if !inside {
                from = start;
                continue;
            }
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
    fn a_script_charset_is_not_the_page_charset() {
        let (bytes, _, _) = encoding_rs::GBK.encode(
            "<script src=\"/wombat.js\" charset=\"utf-8\"></script><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"/><p>一个约定，信守15年，感人至深。</p>",
        );
        assert!(decode(&bytes, None).unwrap().contains("一个约定，信守15年"));
        let xml = b"<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><p>caf\xe9</p>";
        assert!(decode(xml, None).unwrap().contains("caf\u{e9}"));
    }

    #[test]
    fn shift_jis_meta_is_honoured() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><p>東京の天気は晴れです。</p>",
        );
        let text = decode(&bytes, None).unwrap();
        assert!(text.contains("東京の天気は晴れです。"), "{text}");
    }

    /// Issue 16: a page declared UTF-8 with a few invalid bytes came out as Cyrillic
    /// ("Bad яюГ( bytes"), the detector overriding the declaration.
    #[test]
    fn declared_utf8_with_broken_bytes_stays_utf8() {
        let page = |bad: &[u8]| {
            let mut bytes = b"<meta charset=\"utf-8\"><title>Bad ".to_vec();
            bytes.extend_from_slice(bad);
            bytes.extend_from_slice(b" bytes</title><p>The council met on Tuesday to vote on the budget.</p>");
            bytes
        };
        for bad in [
            &b"\xff\xfe\xc3("[..],
            b"\xc3\x28",
            b"\xe2\x28\xa1",
            b"\xf0\x28\x8c\xbc",
            b"\xc0\xaf",
            b"\xed\xa0\x80",
            b"\xff",
            b"\xfe\xfe\xff\xff",
            b"caf\xc3",
        ] {
            let text = decode(&page(bad), None).unwrap();
            let expected = String::from_utf8_lossy(&page(bad)).into_owned();
            assert_eq!(text, expected, "{bad:?}");
            assert!(text.contains('\u{fffd}'), "{text}");
            // The same bytes under a UTF-8 HTTP header and no `<meta>`.
            let bare = page(bad)[22..].to_vec();
            assert_eq!(decode(&bare, Some("utf-8")).unwrap(), String::from_utf8_lossy(&bare), "{bad:?}");
        }
        // Valid UTF-8 elsewhere on the page is more evidence, not less.
        let mut mixed = page(b"\xff\xfe\xc3(");
        mixed.extend_from_slice("<p>Don’t panic — the café stays open.</p>".as_bytes());
        let text = decode(&mixed, None).unwrap();
        assert!(
            text.contains("Bad \u{fffd}\u{fffd}\u{fffd}( bytes") && text.contains("Don’t panic — the café"),
            "{text}"
        );
    }

    #[test]
    fn declared_utf8_that_is_legacy_text_is_read_as_legacy() {
        for (encoding, page) in [
            (
                encoding_rs::WINDOWS_1252,
                "<meta charset=utf-8><p>The caf\u{e9} owners said \u{201c}no\u{201d} \u{2014} it costs \u{20ac}5.</p>",
            ),
            (
                encoding_rs::WINDOWS_1252,
                "<meta charset=utf-8><p>Die Gr\u{f6}\u{df}e des \u{c4}rgers \u{fc}berraschte alle.</p>",
            ),
            (
                encoding_rs::WINDOWS_1252,
                "<meta charset=utf-8><p>\u{c0} Paris, l'\u{e9}t\u{e9} est chaud \u{e0} midi.</p>",
            ),
            (encoding_rs::WINDOWS_1252, "<meta charset=utf-8><p>It was a \u{201c}quoted\u{201d} word.</p>"),
            (
                encoding_rs::WINDOWS_1251,
                "<meta charset=utf-8><p>\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442} \u{43c}\u{438}\u{440}, \u{44d}\u{442}\u{43e} \u{43d}\u{43e}\u{432}\u{43e}\u{441}\u{442}\u{438} \u{434}\u{43d}\u{44f} \u{432} \u{433}\u{43e}\u{440}\u{43e}\u{434}\u{435}.</p>",
            ),
        ] {
            let (bytes, _, _) = encoding.encode(page);
            assert!(std::str::from_utf8(&bytes).is_err());
            assert_eq!(decode(&bytes, None).unwrap(), page);
        }
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
