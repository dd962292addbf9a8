//! The entity page: a person, organisation, place or event across the stored
//! articles: its mentions over time (an SVG chart), the articles that name it with
//! its part in each, the entities named beside it (each linked to its own page) and
//! what it said, each claim linked to its sentence.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use chrono::{Datelike, NaiveDate};
use distill_core::AttributionKind;
use distill_library::{EntityView, Library, MentionPeriod};

use super::{Head, Meta, Part, When, error_page, page};
use crate::api::{EntityParams, load_entity};
use crate::reject::{Id, Params};

/// The link to an entity's page: its name as one path segment, every byte but the
/// unreserved ones percent-encoded (a space is `%20`, a slash `%2F`).
pub(crate) fn href(name: &str) -> String {
    let mut out = String::from("/entity/");
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// An article that names the entity.
struct ArticleRow<'a> {
    id: &'a str,
    title: &'a str,
    meta: Meta,
    role: &'static str,
    mentions: usize,
    copy: bool,
}

/// An entity named beside this one.
struct NamedRow<'a> {
    name: &'a str,
    kind: &'static str,
    href: String,
    stories: usize,
}

/// A claim of the entity, linked to its sentence.
struct SaidRow<'a> {
    text: &'a str,
    direct: bool,
    cue: &'a str,
    stance: Option<&'static str>,
    href: String,
    title: &'a str,
    source: Option<&'a str>,
}

/// A bar of the mentions chart, in the chart's coordinates.
struct Bar {
    x: String,
    y: String,
    width: String,
    height: String,
    label: String,
}

/// The mentions chart: a bar per period, placed by time, and its description.
struct Chart {
    bars: Vec<Bar>,
    from: String,
    to: String,
    describe: String,
}

/// Chart width and height, in SVG units (the story page's).
const CHART_W: f64 = 600.0;
const CHART_H: f64 = 80.0;

#[derive(Template)]
#[template(path = "entity.html")]
struct EntityPage<'a> {
    head: Head,
    name: &'a str,
    kind: &'static str,
    aliases: String,
    summary: String,
    chart: Option<Chart>,
    articles: Vec<ArticleRow<'a>>,
    more_articles: usize,
    named: Vec<NamedRow<'a>>,
    said: Vec<SaidRow<'a>>,
    /// The phrase search for the name.
    search: String,
}

pub(crate) async fn entity(State(lib): State<Library>, Id(name): Id, Params(params): Params<EntityParams>) -> Response {
    match load_entity(lib, name, params.limit).await {
        Ok(view) => page(&entity_page(&view)),
        Err(e) => error_page(e),
    }
}

fn entity_page(view: &EntityView) -> EntityPage<'_> {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let articles: Vec<ArticleRow> = view
        .articles
        .iter()
        .map(|a| {
            let s = &a.article;
            let mut meta = Meta::default();
            if let Some(source) = &s.source {
                meta.parts.push(Part::Source(source.clone()));
            }
            if let Some(t) = s.published {
                meta.parts.push(Part::Time(When::day(t)));
            }
            ArticleRow {
                id: &s.id,
                title: &s.title,
                meta,
                role: a.role.as_str(),
                mentions: a.mentions,
                copy: s.duplicate_of.is_some(),
            }
        })
        .collect();
    let named = view
        .co_mentioned
        .iter()
        .map(|c| NamedRow { name: &c.name, kind: c.kind.as_str(), href: href(&c.name), stories: c.articles })
        .collect();
    let said = view
        .said
        .iter()
        .map(|s| SaidRow {
            text: &s.text,
            direct: s.kind == AttributionKind::Direct,
            cue: &s.cue,
            stance: (s.stance != distill_core::Stance::Asserted).then(|| s.stance.as_str()),
            href: format!("/articles/{}#s{}", s.article, s.sentence),
            title: &s.title,
            source: s.source.as_deref(),
        })
        .collect();
    let search =
        form_urlencoded::Serializer::new(String::new()).append_pair("q", &format!("\"{}\"", view.name)).finish();
    EntityPage {
        head: Head::new(view.name.clone(), ""),
        name: &view.name,
        kind: view.kind.as_str(),
        aliases: view.aliases.join(", "),
        summary: format!(
            "{} · {}",
            plural(view.articles_in_all, "article", "articles"),
            plural(view.mentions_in_all, "mention", "mentions")
        ),
        chart: chart(&view.timeline),
        more_articles: view.articles_in_all.saturating_sub(articles.len()),
        articles,
        named,
        said,
        search: format!("/search?{search}"),
    }
}

/// Days from the common era's start: a period's place on the chart.
fn ordinal(day: NaiveDate) -> f64 {
    f64::from(day.num_days_from_ce())
}

/// The timeline as bars placed by time, each as wide as its period.
fn chart(periods: &[MentionPeriod]) -> Option<Chart> {
    let (first, last) = (periods.first()?, periods.last()?);
    let origin = ordinal(first.start);
    let span = (ordinal(last.end) - origin).max(1.0);
    let most = periods.iter().map(|p| p.articles).max().unwrap_or(1).max(1) as f64;
    let bars = periods
        .iter()
        .map(|p| {
            let height = (p.articles as f64 / most * (CHART_H - 4.0)).max(2.0);
            let x = (ordinal(p.start) - origin) / span * CHART_W;
            let width = ((ordinal(p.end) - ordinal(p.start)) / span * CHART_W - 1.0).max(2.0);
            let noun = if p.articles == 1 { "article" } else { "articles" };
            Bar {
                x: format!("{x:.1}"),
                y: format!("{:.1}", CHART_H - height),
                width: format!("{width:.1}"),
                height: format!("{height:.1}"),
                label: format!("{}: {} {noun}, {} mentions", p.period, p.articles, p.mentions),
            }
        })
        .collect();
    let total: usize = periods.iter().map(|p| p.articles).sum();
    let describe =
        format!("{total} dated articles from {} to {}, most in one period: {most}", first.period, last.period);
    Some(Chart { bars, from: first.period.clone(), to: last.period.clone(), describe })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entity_link_is_one_encoded_path_segment() {
        assert_eq!(href("Temur Umarov"), "/entity/Temur%20Umarov");
        assert_eq!(href("U.S."), "/entity/U.S.");
        assert_eq!(href("AC/DC <b>"), "/entity/AC%2FDC%20%3Cb%3E");
        assert_eq!(href("Zürich"), "/entity/Z%C3%BCrich");
    }

    #[test]
    fn the_chart_places_periods_by_time() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let period = |s: &str, articles| MentionPeriod {
            period: s.to_string(),
            start: day(s),
            end: day(s).succ_opt().unwrap(),
            articles,
            mentions: articles,
        };
        let chart = chart(&[period("2026-09-10", 1), period("2026-09-12", 4)]).unwrap();
        let x: Vec<&str> = chart.bars.iter().map(|b| b.x.as_str()).collect();
        // Three days shown: the 12th starts two thirds of the way.
        assert_eq!(x, ["0.0", "400.0"]);
        assert_eq!(chart.bars[1].height, "76.0");
        assert!(chart.bars[0].label.starts_with("2026-09-10: 1 article,"));
        assert!(super::chart(&[]).is_none());
    }
}
