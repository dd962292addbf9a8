//! The story pages: the home page's list of stories (each with its title, key points
//! across sources, source count and last update) and a story's own page (every
//! source, the key points citing sentences of any of its articles, the coverage
//! timeline as an SVG chart, related stories).

use std::collections::HashMap;

use askama::Template;
use chrono::{DateTime, Utc};
use distill_core::{StoryBullet, StoryCitation};
use distill_library::{Library, StoryView, TimelinePoint};

use super::{Head, Meta, Part, When, error_page, page};
use crate::api::load_story;
use crate::reject::Id;
use axum::extract::State;
use axum::response::Response;

/// A citation of a story's key point: a link to the sentence in its article.
pub(super) struct Cite {
    pub(super) href: String,
    pub(super) label: String,
    pub(super) aria: String,
}

/// A story's key point with its citations.
pub(super) struct StoryPoint<'a> {
    pub(super) text: &'a str,
    pub(super) cites: Vec<Cite>,
    /// Another key point gives a different figure for the same fact.
    pub(super) disputed: bool,
}

/// Key points whose citations are labelled by `label` (the cited article's name).
fn story_points<'a>(bullets: &'a [StoryBullet], label: impl Fn(&StoryCitation) -> String) -> Vec<StoryPoint<'a>> {
    bullets
        .iter()
        .map(|b| StoryPoint {
            text: &b.text,
            disputed: b.disputed,
            cites: b
                .citations
                .iter()
                .map(|c| {
                    let label = label(c);
                    Cite {
                        href: format!("/articles/{}#s{}", c.id, c.sentence),
                        aria: format!("sentence {} of {label}", c.sentence + 1),
                        label,
                    }
                })
                .collect(),
        })
        .collect()
}

/// A story card of the home page.
pub(super) struct StoryCard<'a> {
    pub(super) id: &'a str,
    pub(super) title: &'a str,
    pub(super) meta: Meta,
    pub(super) points: Vec<StoryPoint<'a>>,
}

/// The cards of a page of stories. A card's citations are numbered by report, in
/// the order its key points first cite them.
pub(super) fn story_cards(stories: &[distill_core::Story], now: DateTime<Utc>) -> Vec<StoryCard<'_>> {
    stories
        .iter()
        .map(|s| {
            let mut meta = Meta::default();
            let noun = if s.sources == 1 { "source" } else { "sources" };
            meta.parts.push(Part::Sources(format!("{} {noun}", s.sources)));
            meta.parts.push(Part::Time(When::ago(s.last_updated.fixed_offset(), now)));
            let mut order: Vec<&str> = Vec::new();
            for c in s.bullets.iter().flat_map(|b| &b.citations) {
                if !order.contains(&c.id.as_str()) {
                    order.push(&c.id);
                }
            }
            let points = story_points(&s.bullets, |c| {
                let n = order.iter().position(|id| *id == c.id.as_str()).unwrap_or(0) + 1;
                format!("report {n}")
            });
            StoryCard { id: &s.id, title: &s.title, meta, points }
        })
        .collect()
}

/// An article of the story page's list.
struct ArticleRow<'a> {
    id: &'a str,
    title: &'a str,
    meta: Meta,
    copy: bool,
}

/// A bar of the coverage chart, in the chart's coordinates.
struct Bar {
    x: String,
    y: String,
    width: String,
    height: String,
    label: String,
}

/// The coverage chart: bars over time, and its description for screen readers.
struct Chart {
    bars: Vec<Bar>,
    from: String,
    to: String,
    describe: String,
}

/// Chart width and height, in SVG units.
const CHART_W: f64 = 600.0;
const CHART_H: f64 = 80.0;

/// The timeline as bars placed by time: a bar per period, as wide as the period.
fn chart(points: &[TimelinePoint]) -> Option<Chart> {
    let (first, last) = (points.first()?, points.last()?);
    let period = (first.end - first.start).num_seconds().max(1);
    let span = ((last.start - first.start).num_seconds() + period) as f64;
    let most = points.iter().map(|p| p.articles).max().unwrap_or(1).max(1) as f64;
    let width = (period as f64 / span * CHART_W - 1.0).max(2.0);
    let bars = points
        .iter()
        .map(|p| {
            let height = (p.articles as f64 / most * (CHART_H - 4.0)).max(2.0);
            let x = (p.start - first.start).num_seconds() as f64 / span * CHART_W;
            let noun = if p.articles == 1 { "article" } else { "articles" };
            Bar {
                x: format!("{x:.1}"),
                y: format!("{:.1}", CHART_H - height),
                width: format!("{width:.1}"),
                height: format!("{height:.1}"),
                label: format!("{}: {} {noun}", p.start.format("%B %-d, %Y %H:%M UTC"), p.articles),
            }
        })
        .collect();
    let total: usize = points.iter().map(|p| p.articles).sum();
    let from = first.start.format("%B %-d, %Y").to_string();
    let to = last.start.format("%B %-d, %Y").to_string();
    let describe = format!("{total} dated articles from {from} to {to}, most in one period: {most}");
    Some(Chart { bars, from, to, describe })
}

/// A related story.
struct RelatedRow<'a> {
    id: &'a str,
    title: &'a str,
    meta: Meta,
}

#[derive(Template)]
#[template(path = "story.html")]
struct StoryPage<'a> {
    head: Head,
    id: &'a str,
    title: &'a str,
    meta: Meta,
    points: Vec<StoryPoint<'a>>,
    chart: Option<Chart>,
    articles: Vec<ArticleRow<'a>>,
    /// Articles in all beyond those listed.
    more_articles: usize,
    related: Vec<RelatedRow<'a>>,
}

pub(crate) async fn story(State(lib): State<Library>, Id(id): Id) -> Response {
    match load_story(lib, id).await {
        Ok(view) => page(&story_page(&view, Utc::now())),
        Err(e) => error_page(e),
    }
}

fn story_page(view: &StoryView, now: DateTime<Utc>) -> StoryPage<'_> {
    let s = &view.story;
    let mut meta = Meta::default();
    let reports = if s.articles == 1 { "report" } else { "reports" };
    let sources = if s.sources == 1 { "source" } else { "sources" };
    meta.parts.push(Part::Sources(format!("{} {reports} from {} {sources}", s.articles, s.sources)));
    meta.parts.push(Part::Time(When::day(s.first_seen.fixed_offset())));
    meta.parts.push(Part::Time(When::ago(s.last_updated.fixed_offset(), now)));
    let sources: HashMap<&str, &str> =
        view.articles.iter().map(|a| (a.id.as_str(), a.source.as_deref().unwrap_or("a report"))).collect();
    let points = story_points(&s.bullets, |c| sources.get(c.id.as_str()).copied().unwrap_or("a report").to_string());
    let articles: Vec<ArticleRow> = view
        .articles
        .iter()
        .map(|a| {
            let mut meta = Meta::default();
            if let Some(source) = &a.source {
                meta.parts.push(Part::Source(source.clone()));
            }
            if let Some(t) = a.published {
                meta.parts.push(Part::Time(When::day(t)));
            }
            ArticleRow { id: &a.id, title: &a.title, meta, copy: a.duplicate_of.is_some() }
        })
        .collect();
    let related = view
        .related
        .iter()
        .map(|r| {
            let mut meta = Meta::default();
            let noun = if r.sources == 1 { "source" } else { "sources" };
            meta.parts.push(Part::Sources(format!("{} {noun}", r.sources)));
            meta.parts.push(Part::Time(When::ago(r.last_updated.fixed_offset(), now)));
            RelatedRow { id: &r.id, title: &r.title, meta }
        })
        .collect();
    StoryPage {
        head: Head::new(s.title.clone(), ""),
        id: &s.id,
        title: &s.title,
        meta,
        points,
        chart: chart(&view.timeline),
        more_articles: s.copies.saturating_sub(articles.len()),
        articles,
        related,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    #[test]
    fn the_chart_places_bars_by_time_and_the_tallest_fills_it() {
        let points = [
            TimelinePoint { start: at("2026-08-04T10:00:00Z"), end: at("2026-08-04T11:00:00Z"), articles: 1 },
            TimelinePoint { start: at("2026-08-04T11:00:00Z"), end: at("2026-08-04T12:00:00Z"), articles: 4 },
            TimelinePoint { start: at("2026-08-04T15:00:00Z"), end: at("2026-08-04T16:00:00Z"), articles: 2 },
        ];
        let chart = chart(&points).unwrap();
        let x: Vec<f64> = chart.bars.iter().map(|b| b.x.parse().unwrap()).collect();
        // Six hours shown (10:00 to 16:00): 11:00 is a sixth of the way, 15:00 five sixths.
        assert_eq!(x, [0.0, 100.0, 500.0]);
        assert_eq!(chart.bars[1].height, "76.0");
        assert_eq!(chart.bars[1].y, "4.0");
        assert!(chart.bars[1].label.ends_with("4 articles"));
        assert!(chart.describe.starts_with("7 dated articles"));
        assert!(super::chart(&[]).is_none());
    }
}
