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

/// How a paragraph of a body opens when it is a heading or a list item, written as
/// Markdown writes them: the extractor writes the marks, the sentence splitter and
/// the article page read them back. They hold no word, so token scores miss them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// "## Results": a heading of this rank, 1 (`<h1>`) to 6.
    Heading(u8),
    /// "- Flour" (also "• ", "* ", "–"): an item of a list with bullets.
    Bullet,
    /// "3. Stir" (also "3) "): the item of a numbered list with this number.
    Number(u32),
}

impl Mark {
    /// The mark a paragraph opens with, and its length in bytes with the space after
    /// it; `None` when it opens with none ("-5 degrees", "2024. That year", "#tag").
    pub fn read(paragraph: &str) -> Option<(Mark, usize)> {
        let bytes = paragraph.as_bytes();
        let hashes = bytes.iter().take_while(|&&b| b == b'#').count();
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        let (mark, len) = match paragraph.chars().next()? {
            '#' if hashes <= 6 => (Mark::Heading(hashes as u8), hashes),
            c @ ('-' | '*' | '•' | '–' | '·' | '▪' | '◦') => (Mark::Bullet, c.len_utf8()),
            _ if (1..=3).contains(&digits) && matches!(bytes.get(digits), Some(b'.' | b')')) => {
                (Mark::Number(paragraph[..digits].parse().ok()?), digits + 1)
            }
            _ => return None,
        };
        let spaced = bytes.get(len) == Some(&b' ') && bytes.get(len + 1).is_some_and(|b| !b.is_ascii_whitespace());
        spaced.then_some((mark, len + 1))
    }

    /// Writes the mark and the space after it.
    pub fn write(self, out: &mut String) {
        match self {
            Mark::Heading(rank) => (0..rank).for_each(|_| out.push('#')),
            Mark::Bullet => out.push('-'),
            Mark::Number(n) => {
                use std::fmt::Write;
                let _ = write!(out, "{n}.");
            }
        }
        out.push(' ');
    }
}

/// Most bytes of an article's body that its [`passage`] takes after the title.
const LEAD_BYTES: usize = 350;

/// The text embedded for an article: its title and the lead of its body (about the
/// first 350 bytes, cut at a word; twice that embedded twice as slowly and retrieved no
/// better in `distill eval search`). Search and story clustering embed this same text,
/// so one cached vector serves both.
pub fn passage(title: &str, text: &str) -> String {
    let text = text.trim();
    let mut end = text.len().min(LEAD_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < text.len()
        && let Some(space) = text[..end].rfind(char::is_whitespace)
    {
        end = space;
    }
    let lead = text[..end].trim_end();
    match (title.trim(), lead) {
        ("", lead) => lead.to_string(),
        (title, "") => title.to_string(),
        (title, lead) => format!("{title}\n{lead}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_read_with_their_space() {
        for (text, mark) in [
            ("## Results", Some((Mark::Heading(2), 3))),
            ("###### Notes", Some((Mark::Heading(6), 7))),
            ("- Tire pressure", Some((Mark::Bullet, 2))),
            ("• Tire pressure", Some((Mark::Bullet, 4))),
            ("12. Preheat the oven", Some((Mark::Number(12), 4))),
            ("3) Stir", Some((Mark::Number(3), 3))),
            ("####### Seven", None),
            ("#hashtag is trending", None),
            ("#  Two spaces", None),
            ("-5 degrees overnight", None),
            ("2024. That year", None),
            ("1.5 million people", None),
            ("- ", None),
            ("-  double space", None),
            ("Plain text", None),
            ("", None),
        ] {
            assert_eq!(Mark::read(text), mark, "{text:?}");
        }
        // What is written reads back.
        for mark in [Mark::Heading(3), Mark::Bullet, Mark::Number(7)] {
            let mut out = String::new();
            mark.write(&mut out);
            out.push_str("Text");
            assert_eq!(Mark::read(&out), Some((mark, out.len() - 4)), "{out:?}");
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

    #[test]
    fn a_passage_is_the_title_and_the_lead_cut_at_a_word() {
        assert_eq!(passage(" Quake ", "One two."), "Quake\nOne two.");
        assert_eq!(passage("", "One two."), "One two.");
        assert_eq!(passage("Quake", "  "), "Quake");
        let long = "wörd ".repeat(200);
        let lead = passage("", &long);
        assert!(lead.len() <= 350 && lead.ends_with("wörd"), "{lead:?}");
    }
}
