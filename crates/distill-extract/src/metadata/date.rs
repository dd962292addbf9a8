//! The date of publication: the first the markup states (JSON-LD, a meta tag,
//! microdata, `<time>`), else one the page's text shows, its URL holds, or, last, the
//! day it says it changed; kept in the publisher's offset, and a numeric day read as
//! the page writes its days.

use chrono::{DateTime, FixedOffset, NaiveDate};
use distill_core::time::{SAME_PUBLICATION_SECS, date_from_url, parse_numeric_date};

use super::shown::Shown;
use super::{LINE_NODES, Metas, Page, is_small};
use crate::dom::Dom;

/// The date the page's markup states, the first source in priority order, in the
/// publisher's offset where another source states about the same moment in it.
pub(super) fn stated(page: &Page) -> Option<DateTime<FixedOffset>> {
    let ld = &page.ld;
    ld.published
        .or_else(|| {
            page.metas
                .first(&[
                    "article:published_time",
                    "datepublished",
                    "pubdate",
                    "publishdate",
                    "publish-date",
                    "date",
                    "dc.date",
                    "dc.date.issued",
                    "dcterms.created",
                    "sailthru.date",
                    "parsely-pub-date",
                    "og:published_time",
                    "article.published",
                    "cxenseparse:recs:publishtime",
                ])
                .and_then(|d| parse_stated(&d))
        })
        .or(page.itemprop_date)
        .or(ld.any_published)
        .or(page.time_datetime)
        .or_else(|| other_published(&page.metas))
        .map(|date| {
            in_publishers_offset(date, &[ld.published, page.itemprop_date, ld.any_published, page.time_datetime])
        })
}

/// The date of publication: the `stated` one, else what the page's text shows or its
/// `url` holds, else when it last changed.
pub(super) fn published(
    page: &Page,
    stated: Option<DateTime<FixedOffset>>,
    shown: &Shown,
    url: Option<&str>,
) -> Option<DateTime<FixedOffset>> {
    let url_date = url.and_then(date_from_url);
    let published = stated
        .or(shown.published)
        .or(url_date)
        .or(shown.first_undated())
        // A page that says only when it last changed was published then or before:
        // that day is the best the page gives.
        .or(page.ld.modified)
        .or_else(|| {
            page.metas
                .first(&["article:modified_time", "og:updated_time", "datemodified"])
                .and_then(|d| parse_stated(&d))
        });
    let days_stated: Vec<NaiveDate> =
        page.days_stated.iter().copied().chain(url_date.map(|d| d.date_naive())).collect();
    published.map(|date| as_the_page_writes_days(date, &days_stated))
}

/// The moment `<time>` `i` states: its `datetime`, on the day its text shows, else
/// the date of its text.
pub(super) fn stated_by_time(dom: &Dom, i: usize) -> Option<DateTime<FixedOffset>> {
    match dom.attr(i, "datetime").and_then(parse_stated) {
        Some(moment) => Some(date_shown_by(dom, i).map_or(moment, |day| on_the_day_shown(moment, day))),
        None => date_shown_by(dom, i),
    }
}

/// The day `<time>` `i` states unambiguously in its `datetime`.
pub(super) fn day_stated_by_time(dom: &Dom, i: usize) -> Option<NaiveDate> {
    dom.attr(i, "datetime").and_then(distill_core::time::parse_date).map(|moment| moment.date_naive())
}

/// The date of an `itemprop="datePublished"` element: in an attribute, or as the
/// element's own text ("<span itemprop="datePublished">October 17, 2018</span>").
pub(super) fn stated_by_itemprop(dom: &Dom, i: usize) -> Option<DateTime<FixedOffset>> {
    match dom.attr(i, "datetime").or_else(|| dom.attr(i, "content")) {
        Some(stated) => parse_stated(stated),
        None => date_shown_by(dom, i),
    }
}

/// A date the page states where a date is expected (a meta tag, JSON-LD, a date
/// line), also written in numbers ("3/4/2025", "17.05.2021").
pub(super) fn parse_stated(text: &str) -> Option<DateTime<FixedOffset>> {
    distill_core::time::parse_date(text).or_else(|| parse_numeric_date(text))
}

/// The date a small element's text states ("<time>Mar 24, 2025</time>").
fn date_shown_by(dom: &Dom, i: usize) -> Option<DateTime<FixedOffset>> {
    is_small(dom, i, LINE_NODES).then(|| parse_stated(&dom.text_of(i))).flatten()
}

/// `<time>`s after the first whose days are kept to settle how the page writes
/// numeric dates.
pub(super) const MAX_DAYS_STATED: usize = 16;

/// "02-12-2025" is read month first, as most sites write it. Where the page states
/// the other reading elsewhere (its URL, a `<time datetime="2025-12-02">`) and never
/// this one, its day came first. Only a bare day can have been read so: a date with
/// a time or an offset is kept.
fn as_the_page_writes_days(date: DateTime<FixedOffset>, stated: &[NaiveDate]) -> DateTime<FixedOffset> {
    use chrono::{Datelike, Timelike};
    let day = date.date_naive();
    if date.offset().local_minus_utc() != 0 || date.num_seconds_from_midnight() != 0 || day.day() == day.month() {
        return date;
    }
    match NaiveDate::from_ymd_opt(day.year(), day.day(), day.month()) {
        Some(swapped) if stated.contains(&swapped) && !stated.contains(&day) => {
            swapped.and_time(chrono::NaiveTime::MIN).and_utc().fixed_offset()
        }
        _ => date,
    }
}

/// A date in a meta tag of the site's own naming ("published-date",
/// "w-published-date", "citation_publication_date"), after the known names.
fn other_published(metas: &Metas) -> Option<DateTime<FixedOffset>> {
    metas
        .iter()
        .filter(|(key, _)| {
            (key.contains("publish") || key.contains("publication"))
                && !["publisher", "modif", "updat", "expir"].iter().any(|w| key.contains(w))
        })
        .find_map(|(_, value)| parse_stated(value))
}

/// Metadata often states the time in UTC while the page's `<time>` states about the
/// same moment in the publisher's offset ("2025-12-19T02:41Z" beside
/// "2025-12-18T21:46-05:00"). The publisher's offset is taken, so the article keeps
/// the day its publisher printed.
fn in_publishers_offset(
    date: DateTime<FixedOffset>,
    others: &[Option<DateTime<FixedOffset>>],
) -> DateTime<FixedOffset> {
    if date.offset().local_minus_utc() != 0 {
        return date;
    }
    others
        .iter()
        .flatten()
        .find(|o| {
            o.offset().local_minus_utc() != 0 && (o.timestamp() - date.timestamp()).abs() <= SAME_PUBLICATION_SECS
        })
        .map_or(date, |o| date.with_timezone(o.offset()))
}

/// A `<time>` whose `datetime` is in UTC while its text shows the publisher's day
/// ("2026-02-24T04:13:00Z" shown as "February 23, 2026"): the moment is kept, in the
/// whole-hour offset nearest UTC that falls on the day shown. Any other pair keeps the
/// `datetime` as it is.
fn on_the_day_shown(moment: DateTime<FixedOffset>, shown: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    use chrono::Timelike;
    let day = shown.date_naive();
    if moment.offset().local_minus_utc() != 0 || moment.date_naive() == day {
        return moment;
    }
    let seconds = moment.num_seconds_from_midnight() as i32;
    let hours = if day.succ_opt() == Some(moment.date_naive()) {
        -(seconds / 3600 + 1) // the day before: west of UTC
    } else if day.pred_opt() == Some(moment.date_naive()) {
        (86_400 - seconds + 3599) / 3600 // the day after: east of UTC
    } else {
        return moment;
    };
    match FixedOffset::east_opt(hours * 3600) {
        Some(offset) if hours.abs() <= 14 => moment.with_timezone(&offset),
        _ => moment,
    }
}

/// Whether a text holds a four-digit year, so that "6 mins" is not read as a date.
pub(super) fn has_year_bytes(bytes: &[u8]) -> bool {
    bytes.split(|b| !b.is_ascii_digit()).any(|d| d.len() == 4 && (d.starts_with(b"19") || d.starts_with(b"20")))
}

/// The parts of a line that the page sets apart with a separator: "Video - December
/// 19, 2025" has two, and so has "Dec. 19, 2025 · Niko Matsakis"; a long sentence
/// with dashes has one.
pub(super) fn line_parts(line: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    for part in line.split(['·', '|', '•', '・']) {
        let mut rest = part;
        // A sentence may hold a dash too: only a short line is a list of items.
        if part.split_whitespace().count() > 8 {
            parts.push(trim_marks(part));
            continue;
        }
        while let Some((at, dash)) =
            [" - ", " – ", " — "].iter().filter_map(|d| rest.find(d).map(|at| (at, d.len()))).min()
        {
            parts.push(trim_marks(&rest[..at]));
            rest = &rest[at + dash..];
        }
        parts.push(trim_marks(rest));
    }
    parts
}

/// A part without the marks that set it apart ("● December 23, 2025 ●"); brackets
/// stay, as they may hold the date ("[Submitted on 18 Dec 2025]").
fn trim_marks(part: &str) -> &str {
    part.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '[' | ']' | '(' | ')'))
}

/// A date part cut before a byline that follows it: "September 1st, 2023 By Emily
/// Norwood" gives "September 1st, 2023"; "Posted by David at December 16, 2025"
/// names the author before the date and stays whole.
pub(super) fn before_by(part: &str) -> &str {
    let lower = part.to_ascii_lowercase();
    match lower.find(" by ") {
        Some(at) if has_year_bytes(&part.as_bytes()[..at]) => &part[..at],
        _ => part,
    }
}

/// The date a date line states, in words or numbers, after a label or among other
/// words: "Updated: 10/31/2024", "Posted on the 15/12/2025 at 19:00", "Published:
/// 2025.12.17".
pub(super) fn date_in_line(text: &str) -> Option<DateTime<FixedOffset>> {
    parse_stated(text).or_else(|| {
        text.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_ascii_digit())).find_map(parse_stated)
    })
}

#[cfg(test)]
mod tests {
    use crate::metadata::tests::meta;

    #[test]
    fn the_date_keeps_the_publishers_offset() {
        let date = |head: &str, body: &str| {
            meta(&format!("<html><head>{head}</head><body>{body}</body></html>")).published.map(|d| d.to_rfc3339())
        };
        let utc = r#"<meta property="article:published_time" content="2025-12-19T02:41:41+00:00">"#;
        // The metadata's UTC time, shown by the page in New York's offset a few minutes on.
        let local = r#"<time class="entry-date" datetime="2025-12-18T21:46:01-05:00">December 18</time>"#;
        assert_eq!(date(utc, local).as_deref(), Some("2025-12-18T21:41:41-05:00"));
        // A time hours away is another event (an update): the stated UTC stands.
        let later = r#"<time datetime="2025-12-20T10:00:00-05:00">December 20</time>"#;
        assert_eq!(date(utc, later).as_deref(), Some("2025-12-19T02:41:41+00:00"));
        // An offset the metadata states itself is kept as written.
        let stated = r#"<meta property="article:published_time" content="2025-12-18T21:41:41-05:00">"#;
        assert_eq!(date(stated, "").as_deref(), Some("2025-12-18T21:41:41-05:00"));
    }

    #[test]
    fn a_time_in_utc_keeps_the_day_it_shows() {
        let date = |time: &str| meta(&format!("<body>{time}</body>")).published.map(|d| d.to_rfc3339());
        let cases = [
            (r#"<time datetime="2026-02-24T04:13:00Z">February 23, 2026</time>"#, "2026-02-23T23:13:00-05:00"),
            (r#"<time datetime="2026-02-23T20:30:00Z">February 24, 2026</time>"#, "2026-02-24T00:30:00+04:00"),
            (r#"<time datetime="2026-02-24T04:13:00Z">February 24, 2026</time>"#, "2026-02-24T04:13:00+00:00"),
            (r#"<time datetime="2026-02-24T04:13:00Z">February 20, 2026</time>"#, "2026-02-24T04:13:00+00:00"),
            (r#"<time datetime="2026-02-24T04:13:00-08:00">February 23, 2026</time>"#, "2026-02-24T04:13:00-08:00"),
        ];
        for (time, want) in cases {
            assert_eq!(date(time).as_deref(), Some(want), "{time}");
        }
    }

    #[test]
    fn numeric_days_read_as_the_page_writes_them() {
        let date = |html: &str| meta(html).published.map(|d| d.format("%F").to_string());
        // Read month first, unless the page states the other reading elsewhere.
        assert_eq!(date(r#"<time datetime="02-12-2025">2 Dec</time>"#).as_deref(), Some("2025-02-12"));
        assert_eq!(
            date(r#"<time datetime="02-12-2025">2 Dec</time><p>Next</p><time datetime="2025-12-02">Dec 2</time>"#)
                .as_deref(),
            Some("2025-12-02")
        );
        let at = |url: &str| format!(r#"<head><link rel="canonical" href="{url}"></head><h1>T</h1><p>03/10/2023</p>"#);
        assert_eq!(date(&at("https://example.com/blog/2023/october/03/wines")).as_deref(), Some("2023-10-03"));
        assert_eq!(date(&at("https://example.com/blog/2023/march/10/wines")).as_deref(), Some("2023-03-10"));
        // A date with a time of day was never ambiguous.
        assert_eq!(
            date(r#"<meta property="article:published_time" content="2025-02-12T09:00:00+00:00"><time datetime="2025-12-02">x</time><time datetime="2025-12-02">y</time>"#)
                .as_deref(),
            Some("2025-02-12")
        );
    }
}
