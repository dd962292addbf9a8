//! Sentence segmentation with byte offsets. Paragraph breaks always end a sentence
//! (so headlines without a full stop stand alone), and a heading's or list item's
//! marker is no part of its first sentence; inside a paragraph a terminator
//! ends one only when followed by space and a capital, digit or opening quote, and
//! not after an abbreviation, an initial, or inside a number.

use distill_core::Sentence;
use distill_core::text::Mark;

/// Titles and abbreviations that never end a sentence before a name.
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "maj", "adm", "cmdr",
    "rev", "hon", "pres", "supt", "det", "insp", "atty", "fr", "st", "mt", "ft", "no", "nos", "vol", "fig", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ave", "blvd", "rd", "dept", "univ",
    "approx", "cf", "vs", "v", "al", "ca", "pp", "p", "op", "ed", "eds", "gens", "reps", "sens", "messrs", "mme",
    "mlle", "sra", "sr", "jr",
];

/// Abbreviations that may end a sentence: a boundary only before a typical opener.
const MAY_BE_FINAL: &[&str] = &["inc", "corp", "ltd", "co", "etc", "bros", "plc", "llc", "jr", "sr"];

/// Words that typically open a sentence; after "U.S." or "Inc." they signal a boundary.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "in",
    "but",
    "and",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "there",
    "on",
    "at",
    "as",
    "after",
    "according",
    "meanwhile",
    "however",
    "while",
    "when",
    "if",
    "for",
    "some",
    "many",
    "most",
    "officials",
    "critics",
    "analysts",
    "both",
    "no",
    "yet",
    "still",
    "since",
    "last",
    "earlier",
    "on",
    "what",
    "our",
    "my",
    "one",
    "two",
    "such",
    "other",
    "its",
    "with",
    "by",
    "to",
];

/// Splits a body into sentences; offsets are byte offsets into `text`.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut offset = 0;
    let transcript = is_transcript(text);
    for part in text.split("\n\n") {
        let base = offset;
        offset += part.len() + 2;
        if part.trim().is_empty() {
            continue;
        }
        // A heading's or a list item's marker ("## ", "- ", "2. ") belongs to no
        // sentence: the first one starts after it, and "2." ends none. A heading is
        // one sentence, whatever its stops ("## 2. Serving"). In a transcript, so does
        // the speaker label a turn opens with, and a line that is only a label.
        let lead = part.len() - part.trim_start().len();
        let mark = Mark::read(&part[lead..]);
        let mut marker = lead + mark.map_or(0, |(_, len)| len);
        if transcript {
            let label = speaker_label(&part[marker..]);
            if label > 0 && part[marker + label..].trim().is_empty() {
                paragraph += 1;
                continue;
            }
            marker += label;
        }
        let mut start = marker;
        let ends = if let Some((Mark::Heading(_), _)) = mark {
            Vec::new()
        } else {
            let mut ends = boundaries(&part[marker..]);
            ends.extend(glued_boundaries(&part[marker..]));
            ends.sort_unstable();
            ends.dedup();
            ends
        };
        for end in ends {
            push(&mut out, text, base + start, base + marker + end, paragraph);
            start = marker + end;
        }
        push(&mut out, text, base + start, base + part.len(), paragraph);
        paragraph += 1;
    }
    out
}

/// The most words of a speaker label ("JUDY WOODRUFF, PBS NEWSHOUR ANCHOR").
const MAX_LABEL_WORDS: usize = 6;

/// Paragraphs that open with a speaker label before a text reads as a transcript.
const MIN_TURNS: usize = 3;

/// The bytes of the speaker label a paragraph opens with ("SCOTT SIMON, HOST: "):
/// a name and a role in capitals, then a colon; 0 for none.
pub fn speaker_label(paragraph: &str) -> usize {
    let head = &paragraph[..paragraph.floor_char_boundary(60)];
    let Some(colon) = head.find(':') else { return 0 };
    let label = &paragraph[..colon];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = label.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | ',' | '.' | '\'' | '’' | '-'));
    let after = &paragraph[colon + 1..];
    if letters < 2 || !capitals || label.split_whitespace().count() > MAX_LABEL_WORDS {
        return 0;
    }
    // "SIMON: Thank you." or a label alone on its line; never "10:30".
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return 0;
    }
    paragraph.len() - after.trim_start().len()
}

/// Whether a body is a broadcast transcript: several paragraphs open with a speaker
/// label. One "UPDATE:" line does not make one.
fn is_transcript(text: &str) -> bool {
    text.split("\n\n").filter(|p| speaker_label(p.trim_start()) > 0).nth(MIN_TURNS - 1).is_some()
}

/// A page's prompt glued to the sentence after it ("Scroll down for video Gordon Brown
/// has warned ..."): no sentence's words.
const PAGE_PROMPTS: &[&str] = &["Scroll down for video", "Scroll down for videos", "Scroll down for more"];

fn push(out: &mut Vec<Sentence>, text: &str, start: usize, end: usize, paragraph: usize) {
    let slice = &text[start..end];
    let mut lead = slice.len() - slice.trim_start().len();
    if let Some(prompt) = PAGE_PROMPTS.iter().rev().find(|p| {
        // Followed by the next sentence's capital, or by nothing.
        slice[lead..].strip_prefix(**p).is_some_and(|rest| {
            rest.is_empty()
                || rest.starts_with(char::is_whitespace)
                    && rest
                        .trim_start()
                        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“'‘".contains(c))
        })
    }) {
        let rest = &slice[lead + prompt.len()..];
        lead += prompt.len() + (rest.len() - rest.trim_start().len());
    }
    let trail = slice.len() - slice.trim_end().len();
    let (start, end) = (start + lead, (end - trail).max(start + lead));
    if start >= end {
        return;
    }
    out.push(Sentence { index: out.len(), text: text[start..end].to_string(), start, end, paragraph });
}

/// Byte positions (exclusive ends) where sentences end inside one paragraph.
fn boundaries(p: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let mut ends = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        let cjk = matches!(c, '。' | '！' | '？');
        if !(matches!(c, '.' | '!' | '?' | '…') || cjk) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '…') {
            j += 1;
        }
        while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')' | ']' | '»') {
            j += 1;
        }
        let end = chars.get(j).map_or(p.len(), |&(b, _)| b);
        if cjk {
            ends.push(end);
            i = j;
            continue;
        }
        if j >= chars.len() || !chars[j].1.is_whitespace() {
            i = j.max(i + 1);
            continue;
        }
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        let Some(&(_, next)) = chars.get(k) else { break };
        let caseless = next.is_alphabetic() && !next.is_lowercase() && !next.is_uppercase();
        let opener = next.is_uppercase()
            || caseless
            || next.is_ascii_digit()
            || matches!(next, '"' | '“' | '‘' | '\'' | '`' | '(' | '[' | '«');
        let single_period = c == '.' && chars.get(i + 1).is_none_or(|x| x.1 != '.');
        if opener && (!single_period || !is_abbreviation(p, &chars, i, k)) {
            ends.push(end);
        }
        i = j;
    }
    ends
}

/// Where a caption or a lost full stop ran two sentences together ("... on his
/// Instagram account He joined Spurs in 2011", "... sell for less In a study
/// published today"): a word in lower case, then a word that opens sentences,
/// capitalized, then a word in lower case. Returns the byte end of the first sentence.
/// ("grade A student", "vitamin A deficiency" are no boundaries; nor is "told The Times",
/// whose next word is capitalized.)
fn glued_boundaries(p: &str) -> Vec<usize> {
    const GLUED_OPENERS: &[&str] = &[
        "The",
        "A",
        "An",
        "In",
        "But",
        "As",
        "When",
        "After",
        "He",
        "She",
        "It",
        "They",
        "His",
        "Her",
        "Their",
        "This",
        "Its",
        "Scroll",
        "All",
        "These",
        "Those",
        "There",
        "We",
        "Some",
        "Many",
        "Now",
        "For",
        "If",
        "While",
        "Meanwhile",
        "However",
    ];
    const BEFORE_A_LETTER: &[&str] =
        &["grade", "type", "vitamin", "class", "category", "plan", "group", "section", "level", "hepatitis", "tier"];
    let words: Vec<(usize, &str)> = p
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let lower_word = |w: &str| {
        w.len() >= 2
            && w.chars().all(|c| c.is_lowercase() || c == '\'' || c == '’')
            && w.starts_with(char::is_lowercase)
    };
    (1..words.len().saturating_sub(1))
        .filter(|&k| {
            let (previous, opener, next) = (words[k - 1].1, words[k].1, words[k + 1].1);
            GLUED_OPENERS.contains(&opener)
                && lower_word(previous)
                && next.starts_with(char::is_lowercase)
                && !(matches!(opener, "A" | "An") && BEFORE_A_LETTER.contains(&previous))
        })
        .map(|k| words[k - 1].0 + words[k - 1].1.len())
        .collect()
}

/// Is the word ending at the period `chars[dot]` an abbreviation that does not end
/// the sentence, given the word that follows at `chars[next]`?
fn is_abbreviation(p: &str, chars: &[(usize, char)], dot: usize, next: usize) -> bool {
    let mut s = dot;
    while s > 0 && !chars[s - 1].1.is_whitespace() {
        s -= 1;
    }
    let word = p[chars[s].0..chars[dot].0].trim_start_matches(['(', '"', '“', '\'', '‘', '[']);
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    let next_word: String =
        chars[next..].iter().map(|c| c.1).take_while(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
    let opener_follows = OPENERS.contains(&next_word.as_str());
    // A single capital letter is an initial ("J. R. Miller"), unless the word is "I".
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) && word != "I" {
        return true;
    }
    // Dotted acronyms ("U.S", "a.m", "Ph.D") may end a sentence.
    if word.contains('.') {
        return !opener_follows;
    }
    if MAY_BE_FINAL.contains(&lower.as_str()) {
        return !opener_follows;
    }
    NEVER_FINAL.contains(&lower.as_str())
}

/// "CALVERTON (CWS) — Roughly 4,200 ..." starts with a dateline: capitals, an
/// optional agency in parentheses, and a dash (or the older wires' "--" and "_");
/// "(CNN)An unmanned ..." and "Kathmandu, Nepal (CNN)Rescuers ..." with the agency's
/// credit glued to the first word.
pub fn strip_dateline(s: &str) -> &str {
    if let Some(rest) = after_wire_credit(s).or_else(|| after_timestamp(s)) {
        return rest;
    }
    for dash in [" — ", " – ", " - ", " -- ", " _ ", "—"] {
        if let Some(pos) = s.find(dash) {
            let head = &s[..pos];
            // The place is in capitals; a date ("Oct. 8") and an agency may follow.
            let first: Vec<char> =
                head.split_whitespace().next().unwrap_or("").chars().filter(|c| c.is_alphabetic()).collect();
            let capitals = first.len() >= 2 && first.iter().all(|c| c.is_uppercase());
            // "Taipei, Taiwan — ", "Evansville, Indiana, United States - ": a place and
            // the country or state it lies in, each word capitalized.
            let place = head.contains(", ") && head.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
            if (capitals || place) && head.split_whitespace().count() <= 7 && pos < 60 {
                let rest = s[pos + dash.len()..].trim_start();
                if rest.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
                    return rest;
                }
            }
        }
    }
    s
}

/// The text after a page's timestamp glued to the sentence it opens ("Posted Nov 14th
/// 2007 12:41PM Hewlett-Packard opened ...", "05/02/2013 Lindsay Lohan checked ...",
/// "May 5 2010 15:14 Three people ..."): a date (numeric, or a month, a day and a
/// year), perhaps a time and its zone, then a capital. A date alone that opens a
/// sentence as its subject ("May 5 was ...") has no year after its day and stays.
fn after_timestamp(s: &str) -> Option<&str> {
    let mut rest = s;
    #[rustfmt::skip]
    const LABELS: &[&str] = &[
        "Posted on ", "Posted ", "posted ", "Updated on ", "Updated ", "updated ", "Published on ", "Published ",
        "Last updated ",
    ];
    for label in LABELS {
        if let Some(after) = rest.strip_prefix(label) {
            rest = after;
            break;
        }
    }
    // A date: "05/02/2013", "05 / 02 / 2013", "Nov 14th 2007", "May 5, 2010".
    let numeric = |w: &str| !w.is_empty() && w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit());
    let tokens: Vec<&str> = rest.split(' ').collect();
    let mut at = 0;
    let compact = tokens.first().is_some_and(|t| {
        let parts: Vec<&str> = t.split('/').collect();
        parts.len() == 3 && parts.iter().all(|p| numeric(p))
    });
    if compact {
        at = 1;
    } else if tokens.len() > 5 && numeric(tokens[0]) && tokens[1] == "/" && numeric(tokens[2]) && tokens[3] == "/" {
        at = 5;
    } else if tokens.len() > 3 {
        let month = tokens[0].trim_end_matches('.').to_lowercase();
        let named = distill_core::time::MONTHS.iter().any(|m| *m == month || month.len() == 3 && m.starts_with(&month));
        let day = tokens[1].trim_end_matches(',').trim_end_matches(|c: char| c.is_alphabetic());
        let year = tokens[2].trim_end_matches(',');
        if !(named && numeric(day) && day.len() <= 2 && year.len() == 4 && numeric(year)) {
            return None;
        }
        at = 3;
    }
    if at == 0 {
        return None;
    }
    // A time ("12:41PM", "15: 14", "10:00 a.m.") and its zone.
    let clock = |w: &str| w.contains(':') && w.chars().next().is_some_and(|c| c.is_ascii_digit());
    if tokens.get(at).is_some_and(|t| clock(t)) {
        at += if tokens[at].ends_with(':') { 2 } else { 1 };
    }
    #[rustfmt::skip]
    const ZONES: &[&str] = &[
        "AM", "PM", "am", "pm", "a.m.", "p.m.", "ET", "PT", "CT", "EDT", "EST", "CDT", "CST", "PDT", "PST", "GMT", "UTC",
        "BST", "CET", "|", "-",
    ];
    while tokens.get(at).is_some_and(|t| ZONES.contains(t)) {
        at += 1;
    }
    let offset: usize = tokens[..at.min(tokens.len())].iter().map(|t| t.len() + 1).sum();
    let after = rest.get(offset..)?;
    after.starts_with(char::is_uppercase).then_some(after)
}

/// The text after a wire credit in brackets that opens it: an agency in capitals,
/// after at most a capitalized place.
fn after_wire_credit(s: &str) -> Option<&str> {
    let open = s.find('(').filter(|&at| at < 40)?;
    let close = s[open..].find(')')? + open;
    let agency = &s[open + 1..close];
    let credit = !agency.is_empty()
        && agency.split(' ').count() <= 3
        && agency.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
        && s[..open].split_whitespace().all(|w| w.starts_with(char::is_uppercase));
    let rest = s[close + 1..].trim_start_matches([' ', '-', '—', '–', '_']);
    (credit && rest.starts_with(char::is_uppercase)).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        split_sentences(text).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn a_quote_in_typewriter_marks_opens_a_sentence() {
        let s = texts("Protests went on for two weeks. ``We will not give in,'' the minister said.");
        assert_eq!(s, ["Protests went on for two weeks.", "``We will not give in,'' the minister said."]);
    }

    /// A photo caption run into the text with no full stop (common in the shared
    /// CNN/DailyMail articles) ends where the next sentence visibly starts.
    #[test]
    fn a_caption_glued_to_the_next_sentence_ends_before_it() {
        let s = texts("Kane posed in front of the landmark on his account He joined Spurs in 2011 from Chelsea.");
        assert_eq!(s, ["Kane posed in front of the landmark on his account", "He joined Spurs in 2011 from Chelsea."]);
        let s = texts(
            "A budget shop nearby means your house could sell for less In a study published today, a bank looked at prices.",
        );
        assert_eq!(s.len(), 2, "{s:?}");
        let s = texts("A former agent was sentenced for recording a coworker All this came to light after a tip.");
        assert_eq!(s, ["A former agent was sentenced for recording a coworker", "All this came to light after a tip."]);
        // A capital after a lower-case word that starts no sentence holds.
        for one in [
            "She told The Times that the vote would pass on Monday.",
            "He was a grade A student and a vitamin A expert at the clinic.",
            "The fans sang as the band played on.",
            "In a profile of the On the Mat studio, the owner spoke.",
        ] {
            assert_eq!(texts(one), [one]);
        }
    }

    #[test]
    fn abbreviations_initials_and_decimals_hold() {
        let s = texts(
            "Dr. Jane Smith of Acme Inc. said growth was 3.5 percent. Gen. J. R. Miller met U.S. officials at St. Mary's. The talks ended.",
        );
        assert_eq!(
            s,
            [
                "Dr. Jane Smith of Acme Inc. said growth was 3.5 percent.",
                "Gen. J. R. Miller met U.S. officials at St. Mary's.",
                "The talks ended.",
            ]
        );
    }

    #[test]
    fn speaker_labels_of_a_transcript_belong_to_no_sentence() {
        let transcript = "SCOTT SIMON, HOST:\n\nIt's a Saturday afternoon. The market is full.\n\n\
                          SIMON: What did you buy?\n\nMARTINEZ-BELTRAN: Peppers, at 10:30 this morning.\n\n\
                          JUDY WOODRUFF, PBS NEWSHOUR ANCHOR: Thank you.";
        assert_eq!(
            texts(transcript),
            [
                "It's a Saturday afternoon.",
                "The market is full.",
                "What did you buy?",
                "Peppers, at 10:30 this morning.",
                "Thank you."
            ]
        );
        // One label is no transcript: "UPDATE:" stays where it is.
        assert_eq!(texts("UPDATE: The road reopened.\n\nIt rained."), ["UPDATE: The road reopened.", "It rained."]);
        for text in ["Note: it rained.", "Scott Simon, host: hi", "10:30 a.m.", "X: y", "日本: はい"] {
            assert_eq!(speaker_label(text), 0, "{text}");
        }
    }

    #[test]
    fn list_markers_belong_to_no_sentence() {
        let text = "Steps:\n\n1. Preheat the oven. Grease the tin.\n\n- Flour\n\n12) Serve warm.\n\n## 2. Serving";
        let sentences = split_sentences(text);
        let s: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
        // A heading loses its marker, and is one sentence with its own number.
        assert_eq!(s, ["Steps:", "Preheat the oven.", "Grease the tin.", "Flour", "Serve warm.", "2. Serving"]);
        // Offsets still point into the body, just after each marker.
        assert_eq!(&text[sentences[1].start..sentences[1].start + 7], "Preheat");
        assert_eq!(&text[..sentences[1].start], "Steps:\n\n1. ");
        assert_eq!(sentences[3].paragraph, 2);
    }

    #[test]
    fn acronyms_can_end_sentences() {
        let s = texts(
            "The company moved to the U.S. The move cost $2 billion. It was founded by Acme Inc. In 2020 it grew.",
        );
        assert_eq!(s.len(), 4, "{s:?}");
    }

    #[test]
    fn quotes_ellipses_and_headlines() {
        let text = "A Headline Without A Stop\n\n\"We will not back down,\" she said. \"Never!\" He left... Then silence. Wait... what?";
        let s = texts(text);
        assert_eq!(
            s,
            [
                "A Headline Without A Stop",
                "\"We will not back down,\" she said.",
                "\"Never!\"",
                "He left...",
                "Then silence.",
                "Wait... what?",
            ]
        );
        for sentence in split_sentences(text) {
            assert_eq!(&text[sentence.start..sentence.end], sentence.text);
        }
        assert_eq!(split_sentences(text)[1].paragraph, 1);
    }

    #[test]
    fn datelines_are_recognised() {
        assert_eq!(strip_dateline("CALVERTON (CWS) — Roughly 4,200 walked out."), "Roughly 4,200 walked out.");
        assert_eq!(strip_dateline("ASHCOMBE, Oct. 8 (CWS) — The council voted."), "The council voted.");
        assert_eq!(strip_dateline("The council — after a debate — voted."), "The council — after a debate — voted.");
        assert_eq!(strip_dateline("Taipei, Taiwan — The festival opened."), "The festival opened.");
        assert_eq!(strip_dateline("Evansville, Indiana, United States - This week marked it."), "This week marked it.");
        assert_eq!(strip_dateline("Smith and Jones — the pair — won."), "Smith and Jones — the pair — won.");
        assert_eq!(strip_dateline("(WIRE)A ship ran aground."), "A ship ran aground.");
        // A page's timestamp glued to the sentence.
        assert_eq!(
            strip_dateline("05/02/2013 Lindsay Lohan checked into a clinic."),
            "Lindsay Lohan checked into a clinic."
        );
        assert_eq!(strip_dateline("May 5 2010 15:14 Three people died."), "Three people died.");
        assert_eq!(
            strip_dateline("updated 4/11/2007 1:26 PM ET A fired accountant was held."),
            "A fired accountant was held."
        );
        assert_eq!(
            strip_dateline("Posted Nov 14th 2007 12:41PM Hewlett-Packard opened its checkbook."),
            "Hewlett-Packard opened its checkbook."
        );
        assert_eq!(strip_dateline("May 5 was the day it rained."), "May 5 was the day it rained.");
        assert_eq!(strip_dateline("Port Ellis, Maine (WIRE)Rescuers dug."), "Rescuers dug.");
        assert_eq!(strip_dateline("Port Ellis (WIRE) -- Rescuers dug."), "Rescuers dug.");
        assert_eq!(strip_dateline("PORT ELLIS, Maine (WIRE) _ Rescuers dug."), "Rescuers dug.");
        assert_eq!(strip_dateline("PORT ELLIS, Maine _ Rescuers dug."), "Rescuers dug.");
        assert_eq!(strip_dateline("PORT ELLIS -- Rescuers dug."), "Rescuers dug.");
        assert_eq!(strip_dateline("The dig _ and the rescue _ went on."), "The dig _ and the rescue _ went on.");
        // A bracket that is no credit stays: lower case inside, or a sentence before it.
        assert_eq!(strip_dateline("Tallinn (in Estonia) Ferries ran."), "Tallinn (in Estonia) Ferries ran.");
        assert_eq!(strip_dateline("The board (HSB) met."), "The board (HSB) met.");
    }

    #[test]
    fn unicode_and_cjk() {
        let s = texts("Le café était fermé. Où aller? 東京は晴れ。大阪は雨。");
        assert_eq!(s, ["Le café était fermé.", "Où aller?", "東京は晴れ。", "大阪は雨。"]);
    }

    #[test]
    fn a_page_prompt_glued_to_a_sentence_is_no_part_of_it() {
        let text = "Scroll down for video Gordon Brown has warned voters. Scroll down for video\n\nThe rest follows.";
        let sentences = split_sentences(text);
        let read: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(read, ["Gordon Brown has warned voters.", "The rest follows."]);
        for s in &sentences {
            assert_eq!(&text[s.start..s.end], s.text);
        }
        // A sentence about scrolling is a sentence.
        assert_eq!(
            texts("Scroll down for videos of the storm, the site says."),
            ["Scroll down for videos of the storm, the site says."]
        );
    }
}
