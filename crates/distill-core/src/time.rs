//! Date parsing for the many ways pages and feeds write a publication time.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

/// How far apart two stated times of an article may be and still name one
/// publication (a feed's time and the page's, metadata's and a `<time>`'s).
pub const SAME_PUBLICATION_SECS: i64 = 3600;

/// The months in full, lowercase, January first: the one list of them.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The months' usual abbreviations, lowercase ("sept" too).
pub const MONTH_ABBREVIATIONS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// Whether a lowercase word names a month, in full or abbreviated ("march", "sept").
pub fn is_month(word: &str) -> bool {
    MONTHS.contains(&word) || MONTH_ABBREVIATIONS.contains(&word)
}

/// The days of the week in full, lowercase, Monday first: the one list of them, for
/// the readers that must tell a day from a name or a term ("Saturday, 20 December").
pub const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The month (1 to 12) a word names, in full or cut short to three letters or more:
/// "Sept.", "aug", "December". "Marathon" names none.
pub fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches(['.', ',']).to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS.iter().position(|m| m.starts_with(word.as_str())).map(|i| i as u32 + 1)
}

/// Parses a publication date written as RFC 3339, RFC 2822, ISO 8601 without a zone
/// (taken as UTC), a bare `YYYY-MM-DD`, `YYYY/MM/DD`, or "September 14, 2026" /
/// "14 September 2026". Returns `None` when nothing plausible is found.
///
/// The offset the page wrote is kept: a story stamped `2026-09-14T21:00-05:00` was
/// published on the 14th where it was written, though it was the 15th in UTC.
pub fn parse_date(input: &str) -> Option<DateTime<FixedOffset>> {
    let s = input.trim();
    // Every accepted form has a day or a year in digits: most text is refused here.
    if s.is_empty() || s.len() > 64 || !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return plausible(d);
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return plausible(d);
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%d %H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S %z"] {
        if let Ok(d) = DateTime::parse_from_str(s, fmt) {
            return plausible(d);
        }
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%d %H:%M"] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, fmt) {
            return plausible(d.and_utc().fixed_offset());
        }
    }
    let head: String = s.chars().take(10).collect();
    for fmt in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(&head, fmt) {
            return plausible(midnight(d));
        }
    }
    parse_written_date(s)
}

/// Parses a day written in numbers with the year last: "17.05.2021" puts the day
/// first, as Europe writes it; "2/24/2026", "3/4/2025" and "03-09-2026" the month, as
/// the United States does, unless the first number cannot be a month ("24/2/2026").
///
/// Kept apart from [`parse_date`], which also tests whether any line is a dateline:
/// only text placed or marked as a date should be read this way, for "1/1/2013" in a
/// table is data.
pub fn parse_numeric_date(s: &str) -> Option<DateTime<FixedOffset>> {
    let mut words = s.split_whitespace();
    let head = words.next()?;
    // Only a time may follow ("13/11/2025 09:21:40", "3/4/2025, 10:00 AM"): in
    // "1.2.2024 release notes" the numbers may be a version.
    if !words.all(|w| !w.chars().any(char::is_alphabetic) || matches!(w, "AM" | "PM" | "am" | "pm" | "UTC" | "GMT")) {
        return None;
    }
    let separator = head.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<u32> =
        head.trim_end_matches([',', '.']).split(separator).map(str::parse).collect::<Result<_, _>>().ok()?;
    let [a, b, year] = parts[..] else { return None };
    if year < 1000 {
        return None;
    }
    let (month, day) = if separator != '.' && a <= 12 { (a, b) } else { (b, a) };
    plausible(midnight(NaiveDate::from_ymd_opt(year as i32, month, day)?))
}

/// Parses "September 14, 2026", "Sept. 14 2026", "14 September 2026" and "2026 Sep 14",
/// also in brackets ("[Submitted on 18 Dec 2025]").
fn parse_written_date(s: &str) -> Option<DateTime<FixedOffset>> {
    let tokens: Vec<String> = s
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '[' | ']' | '(' | ')'))
        .filter(|t| !t.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    for (i, t) in tokens.iter().enumerate() {
        let Some(month) = month_number(t) else { continue };
        let number = |j: usize| {
            tokens.get(j).and_then(|t| t.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']).parse::<u32>().ok())
        };
        let (day, year) = match (i.checked_sub(1).and_then(number), number(i + 1), number(i + 2)) {
            (Some(d), Some(y), _) if d <= 31 && y > 1900 => (d, y),
            (_, Some(d), Some(y)) if d <= 31 && y > 1900 => (d, y),
            // "2023 Jan 7", as journals write it.
            (Some(y), Some(d), _) if d <= 31 && y > 1900 => (d, y),
            _ => continue,
        };
        let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
        return plausible(midnight(date));
    }
    None
}

/// Finds a date in a URL path: `/2026/09/14/`, `/2023/october/03/` or a slug that
/// begins with the day (`/blog/2025-12-17-minisgl`).
pub fn date_from_url(url: &str) -> Option<DateTime<FixedOffset>> {
    let parts: Vec<&str> = url.split(['?', '#']).next().unwrap_or("").split('/').collect();
    for part in parts.iter().skip(3) {
        if let Some(head) = part.get(..10)
            && !part.as_bytes().get(10).is_some_and(u8::is_ascii_digit)
            && let Ok(day) = NaiveDate::parse_from_str(head, "%Y-%m-%d")
            && let Some(date) = plausible(midnight(day))
        {
            return Some(date);
        }
    }
    for w in parts.windows(3) {
        // The month in two digits or in words ("/2023/october/03/").
        let month = if w[1].len() == 2 { w[1].parse::<u32>().ok() } else { month_number(w[1]) };
        if let (Ok(y), Some(m), Ok(d)) = (w[0].parse::<i32>(), month, w[2].get(..2).unwrap_or("").parse::<u32>())
            && (1990..=2100).contains(&y)
            && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
        {
            return plausible(midnight(date));
        }
    }
    None
}

/// A day with no time of its own: its start, in UTC.
fn midnight(day: NaiveDate) -> DateTime<FixedOffset> {
    day.and_time(chrono::NaiveTime::MIN).and_utc().fixed_offset()
}

fn plausible(d: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    (1990..=2100).contains(&chrono::Datelike::year(&d)).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The day a parser reads, on the calendar of the offset it keeps ("" for none).
    fn day(date: Option<DateTime<FixedOffset>>) -> String {
        date.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
    }

    fn ymd(s: &str) -> String {
        day(parse_date(s))
    }

    #[test]
    fn common_formats_parse() {
        for (text, want) in [
            ("2026-09-14T08:30:00+02:00", "2026-09-14"),
            // The publisher's day, not UTC's.
            ("2026-09-14T21:00:00-05:00", "2026-09-14"),
            ("2026-09-15T01:30:00+05:30", "2026-09-15"),
            ("Mon, 14 Sep 2026 08:30:00 GMT", "2026-09-14"),
            ("2026-09-14T08:30:00", "2026-09-14"),
            ("2026-09-14", "2026-09-14"),
            ("September 14, 2026", "2026-09-14"),
            ("Sept. 14 2026", "2026-09-14"),
            ("14 September 2026", "2026-09-14"),
            ("May 27th, 2026", "2026-05-27"),
            ("2023 Jan 7", "2023-01-07"),
            ("[Submitted on 18 Dec 2025]", "2025-12-18"),
            ("(September 1st, 2023)", "2023-09-01"),
            ("yesterday", ""),
            ("0001-01-01", ""),
            // Not a date to parse_date: a table's cell.
            ("1/1/2013", ""),
        ] {
            assert_eq!(ymd(text), want, "{text}");
        }
    }

    #[test]
    fn days_in_numbers() {
        for (text, want) in [
            ("17.05.2021", "2021-05-17"),
            ("17-05-2021", "2021-05-17"),
            ("03-09-2026", "2026-03-09"),
            // A version, perhaps.
            ("1.2.2024 release notes", ""),
            ("2/24/2026", "2026-02-24"),
            // Month first where both could be.
            ("3/4/2025", "2025-03-04"),
            ("24/2/2026", "2026-02-24"),
            ("13/11/2025 09:21:40", "2025-11-13"),
            ("3/4/2025, 10:00 AM", "2025-03-04"),
            ("13/13/2025", ""),
            ("1.2.3", ""),
        ] {
            assert_eq!(day(parse_numeric_date(text)), want, "{text}");
        }
    }

    #[test]
    fn month_names_in_full_or_short() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("aug"), Some(8));
        assert_eq!(month_number("December,"), Some(12));
        assert_eq!(month_number("Marathon"), None);
        assert_eq!(month_number("ma"), None);
        assert_eq!(ymd("Marathon 5 2026"), "");
    }

    #[test]
    fn url_dates_parse() {
        let d = date_from_url("https://example.com/news/2026/09/14/story-slug");
        assert_eq!(d.map(|d| d.format("%F").to_string()).as_deref(), Some("2026-09-14"));
        assert!(date_from_url("https://example.com/a/b").is_none());
        let slug = date_from_url("https://lmsys.org/blog/2025-12-17-minisgl");
        assert_eq!(slug.map(|d| d.format("%F").to_string()).as_deref(), Some("2025-12-17"));
        assert!(date_from_url("https://example.com/items/2025-12-17123").is_none());
        assert!(date_from_url("https://example.com/?from=2025-12-17").is_none());
        assert!(date_from_url("https://example.com/ñews-über-2025/x").is_none());
        assert_eq!(day(date_from_url("https://example.com/blog/2023/october/03/wine-styles")), "2023-10-03");
        assert!(date_from_url("https://example.com/2023/marketing/03/x").is_none());
    }
}
