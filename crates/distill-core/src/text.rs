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
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    // Their UTF-8 forms all start with one of these bytes; most text has none.
    if out.bytes().any(|b| matches!(b, 0xc2 | 0xe2 | 0xef)) && out.contains(INVISIBLE_IN_WORDS) {
        out.retain(|c| !INVISIBLE_IN_WORDS.contains(&c));
    }
    out
}

const INVISIBLE_IN_WORDS: [char; 4] = ['\u{200b}', '\u{2060}', '\u{feff}', '\u{ad}'];

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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn html_is_escaped() {
        assert_eq!(escape_html("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
