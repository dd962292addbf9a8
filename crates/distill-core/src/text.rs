//! Small text helpers used by several stages.

/// Splits text into lowercase word tokens (`\w+` in Unicode terms).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// Counts the words of a text.
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).count()
}

/// Collapses every whitespace run to one space and trims the ends. Invisible
/// characters that sit inside words (zero-width space, word joiner, byte-order mark,
/// soft hyphen) are removed, so that "H\u{feff}ow" reads as one word.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // A byte scan: the extractor runs this over every line of every page, where
    // `split_whitespace`'s decoding of each character cost a few percent of the time.
    // The end of the text closes the last word as a space would.
    let bytes = text.as_bytes();
    let mut word_start = 0;
    let mut i = 0;
    while i <= bytes.len() {
        let space = if i == bytes.len() { 1 } else { whitespace_len(bytes, i) };
        if space == 0 {
            i += 1;
            continue;
        }
        if word_start < i {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&text[word_start..i]);
        }
        i += space;
        word_start = i;
    }
    // Their UTF-8 forms all start with one of these bytes; most text has none.
    if out.bytes().any(|b| matches!(b, 0xc2 | 0xe2 | 0xef)) && out.contains(INVISIBLE_IN_WORDS) {
        out.retain(|c| !INVISIBLE_IN_WORDS.contains(&c));
    }
    out
}

const INVISIBLE_IN_WORDS: [char; 4] = ['\u{200b}', '\u{2060}', '\u{feff}', '\u{ad}'];

/// The length in bytes of the whitespace character (`char::is_whitespace`: Unicode
/// White_Space) that starts at byte `i` of UTF-8 text, or 0. A continuation byte is
/// never a match, so the caller may test every byte.
pub fn whitespace_len(bytes: &[u8], i: usize) -> usize {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes[i] {
        b'\t'..=b'\r' | b' ' => 1,
        // U+0085, U+00A0
        0xc2 if matches!(next(1), 0x85 | 0xa0) => 2,
        // U+1680
        0xe1 if next(1) == 0x9a && next(2) == 0x80 => 3,
        // U+2000 to U+200A, U+2028, U+2029, U+202F; U+205F
        0xe2 if next(1) == 0x80 && matches!(next(2), 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf) => 3,
        0xe2 if next(1) == 0x81 && next(2) == 0x9f => 3,
        // U+3000
        0xe3 if next(1) == 0x80 && next(2) == 0x80 => 3,
        _ => 0,
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The rank of the heading a paragraph is marked as, and the length in bytes of its
/// marker with the space after it: "## Results" is a heading of rank 2, as in
/// Markdown. The extractor writes a body's headings this way ("#" for `<h1>` to
/// "######" for `<h6>`), and the sentence splitter and the article page read them.
pub fn heading_marker(text: &str) -> Option<(u8, usize)> {
    let bytes = text.as_bytes();
    let hashes = bytes.iter().take_while(|&&b| b == b'#').count();
    let opens = (1..=6).contains(&hashes)
        && bytes.get(hashes) == Some(&b' ')
        && bytes.get(hashes + 1).is_some_and(|b| !b.is_ascii_whitespace());
    opens.then_some((hashes as u8, hashes + 1))
}

/// The length in bytes of the list marker a paragraph opens with, with the space
/// after it: "- ", "• ", "* ", "12. ", "3) "; 0 when it opens with none. The
/// extractor writes list items this way, and the sentence splitter and the article
/// page read them back.
pub fn list_marker_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let symbol = match text.chars().next() {
        Some(c @ ('-' | '*' | '•' | '–' | '·' | '▪' | '◦')) => c.len_utf8(),
        _ if (1..=3).contains(&digits) && matches!(bytes.get(digits), Some(b'.' | b')')) => digits + 1,
        _ => return 0,
    };
    match bytes.get(symbol) {
        Some(b' ') if bytes.get(symbol + 1).is_some_and(|b| !b.is_ascii_whitespace()) => symbol + 1,
        _ => 0,
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_markers_are_read_with_their_rank() {
        assert_eq!(heading_marker("## Results"), Some((2, 3)));
        assert_eq!(heading_marker("###### Notes"), Some((6, 7)));
        for text in ["####### Seven", "#hashtag is trending", "# ", "#  Two spaces", "Plain", "", "1. Item"] {
            assert_eq!(heading_marker(text), None, "{text:?}");
        }
    }

    #[test]
    fn list_markers_are_read_with_their_space() {
        for (text, len) in [
            ("- Tire pressure", 2),
            ("• Tire pressure", 4),
            ("12. Preheat the oven", 4),
            ("3) Stir", 3),
            ("-5 degrees overnight", 0),
            ("2024. That year", 0),
            ("1.5 million people", 0),
            ("- ", 0),
            ("-  double space", 0),
            ("Plain text", 0),
            ("", 0),
        ] {
            assert_eq!(list_marker_len(text), len, "{text:?}");
        }
    }

    #[test]
    fn words_are_unicode_aware() {
        let w: Vec<String> = words("Café au-lait, 3.5% — naïve!").collect();
        assert_eq!(w, ["café", "au", "lait", "3", "5", "naïve"]);
        assert_eq!(word_count("one, two;three"), 3);
    }

    #[test]
    fn whitespace_collapses_and_invisible_characters_leave_words_whole() {
        assert_eq!(collapse_whitespace("  a\n\t b  "), "a b");
        assert_eq!(collapse_whitespace("H\u{feff}ow co\u{ad}op\u{200b}erate \u{2060}é €"), "How cooperate é €");
    }

    /// The byte scan agrees with `split_whitespace` on every whitespace character
    /// there is, beside multi-byte characters that share their first bytes.
    #[test]
    fn whitespace_collapses_as_split_whitespace_would() {
        let reference = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let whitespace: Vec<char> = (0..=0x3000u32).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        assert_eq!(whitespace.len(), 25, "Unicode White_Space has 25 characters");
        // Neighbours of the whitespace characters in UTF-8: same first bytes, not spaces.
        let others = [
            'a', 'é', '\u{84}', '\u{a1}', '\u{1681}', '\u{200b}', '\u{2027}', '\u{2030}', '\u{2060}', '\u{3001}', '€',
            '😀',
        ];
        let alphabet: Vec<char> = whitespace.iter().chain(&others).copied().collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..5_000 {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            for k in 0..(seed % 12) {
                text.push(alphabet[((seed >> (4 * k)) % alphabet.len() as u64) as usize]);
            }
            let expected = reference(&text).replace(INVISIBLE_IN_WORDS, "");
            assert_eq!(collapse_whitespace(&text), expected, "{text:?}");
        }
        for c in whitespace {
            assert_eq!(collapse_whitespace(&format!("{c}a{c}{c}b{c}")), "a b", "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(escape_html("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
