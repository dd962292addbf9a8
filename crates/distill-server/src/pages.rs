//! Server-rendered pages, built from compile-time askama templates (`templates/`)
//! that escape everything they print: handlers turn the library's views into small
//! typed page structs, and the templates alone write HTML. The article page follows
//! the reference anatomy: title, source and date, key points whose citation markers
//! link to the sentences they cite (highlighted on the page), "Also reported by", the
//! body, and the insights.

use std::collections::HashSet;

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use chrono::{DateTime, FixedOffset, Utc};
use distill_core::text::Mark;
use distill_core::{Article, AttributionKind, Bullet, Stance};
use distill_library::{CopyView, Library, LibraryError};
use distill_store::{CardQuery, SourceCount, StoryQuery};
use serde::Deserialize;

mod ask;
mod entity;
mod stories;
mod verify;

pub(crate) use ask::ask;
pub(crate) use entity::entity;
pub(crate) use stories::story;
pub(crate) use verify::verify;

use crate::api::{ApiError, SearchParams, load};
use crate::blocking;
use crate::reject::{Id, Params};

const CSS: &str = include_str!("app.css");

/// Story cards on one home page.
const CARDS_PER_PAGE: usize = 20;
/// Search hits on one results page.
const HITS_PER_PAGE: usize = 20;
/// Most sources named in the home page's sections (those with the most stories).
const SECTIONS: usize = 12;
/// The deepest page a reader may ask for.
const MAX_PAGE: usize = 10_000;

/// What the layout shows on every page.
struct Head {
    title: String,
    query: String,
    /// Which main link is current: "latest", "search", "feeds" or "".
    section: &'static str,
}

impl Head {
    fn new(title: impl Into<String>, section: &'static str) -> Head {
        Head { title: title.into(), query: String::new(), section }
    }
}

/// One piece of a source-and-time line; missing pieces are left out, so no separator
/// ever stands alone.
enum Part {
    Source(String),
    Time(When),
    Byline(String),
    /// "2 more sources".
    Sources(String),
    Link(String),
}

/// The parts of a source-and-time line.
#[derive(Default)]
struct Meta {
    parts: Vec<Part>,
}

/// A publication time: machine-readable, exact (on hover and focus), and as shown.
struct When {
    iso: String,
    exact: String,
    shown: String,
}

impl When {
    /// The publisher's day ("October 8, 2026").
    fn day(t: DateTime<FixedOffset>) -> When {
        When { iso: t.to_rfc3339(), exact: exact(t), shown: t.format("%B %-d, %Y").to_string() }
    }

    /// How long ago ("3 h ago") for the last week, the day before that.
    fn ago(t: DateTime<FixedOffset>, now: DateTime<Utc>) -> When {
        let age = now.signed_duration_since(t);
        let shown = match age.num_minutes() {
            m if m < 0 => t.format("%B %-d, %Y").to_string(),
            0 => "just now".to_string(),
            m @ 1..60 => format!("{m} min ago"),
            m if m < 24 * 60 => format!("{} h ago", m / 60),
            m if m < 7 * 24 * 60 => format!("{} d ago", m / (24 * 60)),
            _ => t.format("%B %-d, %Y").to_string(),
        };
        When { iso: t.to_rfc3339(), exact: exact(t), shown }
    }
}

fn exact(t: DateTime<FixedOffset>) -> String {
    t.format("%A, %B %-d, %Y, %H:%M (UTC%:z)").to_string()
}

/// A key point and the sentences it cites.
struct Point<'a> {
    text: &'a str,
    citations: &'a [usize],
}

fn points(bullets: &[Bullet]) -> Vec<Point<'_>> {
    bullets.iter().map(|b| Point { text: &b.text, citations: &b.citations }).collect()
}

/// Links to the pages before and after this one.
struct Pager {
    page: usize,
    pages: usize,
    prev: Option<String>,
    next: Option<String>,
}

impl Pager {
    /// Page `page` (from 1) of `total` items, `per` a page; `href` makes a page's link.
    fn new(page: usize, per: usize, total: usize, href: impl Fn(usize) -> String) -> Pager {
        let pages = total.div_ceil(per).max(1);
        Pager {
            page,
            pages,
            prev: (page > 1).then(|| href((page - 1).min(pages))),
            next: (page < pages).then(|| href(page + 1)),
        }
    }
}

/// A query string from its pairs, leaving out empty values.
fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, String)>) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        if !v.is_empty() {
            out.append_pair(k, &v);
        }
    }
    out.finish()
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    head: Head,
    status: u16,
    message: String,
}

/// A template rendered as a page; a failure to render is logged and answered 500.
fn page(template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "a page failed to render");
            (axum::http::StatusCode::INTERNAL_SERVER_ERROR, "the page failed to render").into_response()
        }
    }
}

/// An error as a page, with the error's status.
pub(crate) fn error_page(e: ApiError) -> Response {
    let status = e.status();
    let body = ErrorPage { head: Head::new("Error", ""), status: status.as_u16(), message: e.message().to_string() };
    let mut response = page(&body);
    *response.status_mut() = status;
    response
}

/// Runs a store or index read off the async threads; either failure is an error page.
async fn read<T: Send + 'static, E: Into<ApiError> + Send + 'static>(
    f: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> Result<T, ApiError> {
    blocking(f).await?.map_err(Into::into)
}

/// The home page's parameters: `?page=2&source=Wire`.
#[derive(Debug, Deserialize)]
pub(crate) struct HomeParams {
    page: Option<usize>,
    source: Option<String>,
}

/// A source in the home page's sections or the search page's select.
struct Section {
    name: String,
    stories: usize,
    href: String,
    current: bool,
}

/// A story card of the home page.
struct CardView<'a> {
    id: &'a str,
    /// The article page, which the card's citation markers link into.
    href: String,
    title: &'a str,
    meta: Meta,
    points: Vec<Point<'a>>,
}

#[derive(Template)]
#[template(path = "home.html")]
struct Home<'a> {
    head: Head,
    source: Option<String>,
    sections: Vec<Section>,
    total_all: usize,
    cards: Vec<CardView<'a>>,
    /// The stories, on the home page of all sources (a source's page lists its articles).
    stories: Vec<stories::StoryCard<'a>>,
    pager: Pager,
}

pub(crate) async fn home(State(lib): State<Library>, Params(params): Params<HomeParams>) -> Response {
    let source = params.source.filter(|s| !s.trim().is_empty());
    let number = params.page.unwrap_or(1).clamp(1, MAX_PAGE);
    let offset = (number - 1) * CARDS_PER_PAGE;
    let read_lib = lib.clone();
    let wanted = source.clone();
    let found = read(move || {
        let sources = read_lib.sources()?;
        if wanted.is_some() {
            let query = CardQuery { limit: CARDS_PER_PAGE, offset, source: wanted };
            Ok::<_, LibraryError>((read_lib.cards(&query)?, (Vec::new(), 0), sources))
        } else {
            let query = StoryQuery { limit: CARDS_PER_PAGE, offset, since: None };
            Ok((Vec::new(), read_lib.stories(&query)?, sources))
        }
    })
    .await;
    let (cards, (story_list, story_total), sources) = match found {
        Ok(found) => found,
        Err(e) => return error_page(e),
    };
    let total_all = sources.iter().map(|s| s.stories).sum();
    let total = match &source {
        Some(name) => sources.iter().find(|s| s.source.as_deref() == Some(name)).map_or(0, |s| s.stories),
        None => story_total,
    };
    let now = Utc::now();
    let cards: Vec<CardView> = cards
        .iter()
        .map(|card| {
            let a = &card.article;
            let mut meta = Meta::default();
            if let Some(s) = &a.source {
                meta.parts.push(Part::Source(s.clone()));
            }
            if let Some(t) = a.published {
                meta.parts.push(Part::Time(When::ago(t, now)));
            }
            if card.copies > 0 {
                let noun = if card.copies == 1 { "source" } else { "sources" };
                meta.parts.push(Part::Sources(format!("{} more {noun}", card.copies)));
            }
            CardView {
                id: &a.id,
                href: format!("/articles/{}", a.id),
                title: &a.title,
                meta,
                points: points(&card.bullets),
            }
        })
        .collect();
    let filter = source.clone().unwrap_or_default();
    let pager = Pager::new(number, CARDS_PER_PAGE, total, |n| {
        let q = query_string([("source", filter.clone()), ("page", if n > 1 { n.to_string() } else { String::new() })]);
        if q.is_empty() { "/".to_string() } else { format!("/?{q}") }
    });
    let home = Home {
        head: Head::new(source.as_deref().unwrap_or("Top stories"), "latest"),
        sections: sections(&sources, source.as_deref()),
        source,
        total_all,
        cards,
        stories: stories::story_cards(&story_list, now),
        pager,
    };
    page(&home)
}

/// The named sources with the most stories (and the current one), by name.
fn sections(sources: &[SourceCount], current: Option<&str>) -> Vec<Section> {
    let mut named: Vec<&SourceCount> = sources.iter().filter(|s| s.source.is_some()).collect();
    named.sort_by(|a, b| b.stories.cmp(&a.stories).then_with(|| a.source.cmp(&b.source)));
    let mut kept: Vec<&SourceCount> = named.iter().take(SECTIONS).copied().collect();
    if let Some(extra) = named.iter().skip(SECTIONS).find(|s| s.source.as_deref() == current) {
        kept.push(extra);
    }
    kept.sort_by(|a, b| a.source.cmp(&b.source));
    kept.into_iter()
        .filter_map(|s| {
            let name = s.source.clone()?;
            Some(Section {
                href: format!("/?{}", query_string([("source", name.clone())])),
                current: current == Some(name.as_str()),
                stories: s.stories,
                name,
            })
        })
        .collect()
}

/// A feed as its row shows it.
struct FeedRow {
    title: String,
    url: String,
    checked: String,
    describe: String,
    state: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "feeds.html")]
struct Feeds {
    head: Head,
    feeds: Vec<FeedRow>,
}

/// Subscriptions with their state, so a failing feed is seen, not silently retried.
pub(crate) async fn feeds(State(lib): State<Library>) -> Response {
    let feeds = match read(move || lib.feeds()).await {
        Ok(feeds) => feeds,
        Err(e) => return error_page(e),
    };
    let when = |t: DateTime<Utc>| t.format("%Y-%m-%d %H:%M UTC").to_string();
    let feeds = feeds
        .iter()
        .map(|status| {
            let f = &status.feed;
            FeedRow {
                title: f.title.clone().unwrap_or_else(|| f.url.clone()),
                url: f.url.clone(),
                checked: f.last_checked.map(when).unwrap_or_else(|| "never".into()),
                describe: status.describe(),
                state: format!("{:?}", status.state).to_lowercase(),
                error: f.last_error.clone(),
            }
        })
        .collect();
    page(&Feeds { head: Head::new("Feeds", "feeds"), feeds })
}

/// Another copy of the story, under "Also reported by".
struct CopyRow<'a> {
    id: &'a str,
    title: &'a str,
    meta: Meta,
}

/// An insight question and the article's answer, shown when it is opened.
struct InsightRow<'a> {
    kind: &'static str,
    question: &'a str,
    answer: &'a str,
    answer_citations: &'a [usize],
}

/// Who said what: a speaker, the claim (a direct quote in quotation marks), the cue
/// and a stance other than plain "asserted", citing its sentence.
struct SaidRow<'a> {
    speaker: &'a str,
    text: &'a str,
    kind: &'static str,
    direct: bool,
    cue: &'a str,
    stance: Option<&'static str>,
    citation: [usize; 1],
}

/// A named entity of the article, linked to its entity page.
struct EntityRow<'a> {
    name: &'a str,
    kind: &'static str,
    role: &'static str,
    /// Its page: `/entity/Temur%20Umarov`.
    href: String,
}

#[derive(Template)]
#[template(path = "article.html")]
struct ArticlePage<'a> {
    head: Head,
    id: &'a str,
    title: &'a str,
    meta: Meta,
    points: Vec<Point<'a>>,
    also: Vec<CopyRow<'a>>,
    /// Copies in all beyond those listed.
    more_copies: usize,
    paras: Vec<Para<'a>>,
    insights: Vec<InsightRow<'a>>,
    /// Who is who, most mentioned first.
    entities: Vec<EntityRow<'a>>,
    /// Who said what, in article order.
    said: Vec<SaidRow<'a>>,
    /// The story it belongs to, when it has more than this one report.
    story: Option<StoryLink<'a>>,
}

/// The story an article belongs to, as the article page names it.
struct StoryLink<'a> {
    id: &'a str,
    title: &'a str,
    sources: usize,
}

pub(crate) async fn article(State(lib): State<Library>, Id(id): Id) -> Response {
    match load(lib, id).await {
        Ok(view) => {
            let mut shown = article_page(&view.article, &view.also_reported_by, view.copies_in_all);
            shown.story = view.story.as_ref().filter(|s| s.sources > 1 || s.articles > 1).map(|s| StoryLink {
                id: &s.id,
                title: &s.title,
                sources: s.sources,
            });
            page(&shown)
        }
        Err(e) => error_page(e),
    }
}

fn article_page<'a>(a: &'a Article, copies: &'a [CopyView], copies_in_all: usize) -> ArticlePage<'a> {
    let mut meta = Meta::default();
    if let Some(source) = &a.source {
        meta.parts.push(Part::Source(source.clone()));
    }
    if let Some(t) = a.published {
        meta.parts.push(Part::Time(When::day(t)));
    }
    if let Some(byline) = &a.byline {
        meta.parts.push(Part::Byline(byline.clone()));
    }
    if let Some(url) = a.url.as_deref().filter(|u| u.starts_with("http://") || u.starts_with("https://")) {
        meta.parts.push(Part::Link(url.to_string()));
    }
    let also: Vec<CopyRow<'a>> = copies
        .iter()
        .map(|c| {
            let mut meta = Meta::default();
            if let Some(source) = &c.source {
                meta.parts.push(Part::Source(source.clone()));
            }
            if let Some(t) = c.published {
                meta.parts.push(Part::Time(When::day(t)));
            }
            CopyRow { id: &c.id, title: &c.title, meta }
        })
        .collect();
    let cited: HashSet<usize> = a.summary.bullets.iter().flat_map(|b| b.citations.iter().copied()).collect();
    ArticlePage {
        head: Head::new(a.title.clone(), ""),
        id: &a.id,
        title: &a.title,
        meta,
        points: points(&a.summary.bullets),
        more_copies: copies_in_all.saturating_sub(also.len()),
        also,
        paras: body(a, &cited),
        insights: a
            .insights
            .iter()
            .map(|i| InsightRow {
                kind: i.kind.as_str(),
                question: &i.question,
                answer: &i.answer.text,
                answer_citations: &i.answer.citations,
            })
            .collect(),
        entities: a
            .entities
            .iter()
            .map(|e| EntityRow {
                name: &e.name,
                kind: e.kind.as_str(),
                role: e.role.as_str(),
                href: entity::href(&e.name),
            })
            .collect(),
        said: a
            .attributions
            .iter()
            .map(|t| SaidRow {
                speaker: &t.speaker,
                text: &t.text,
                kind: t.kind.as_str(),
                direct: t.kind == AttributionKind::Direct,
                cue: &t.cue,
                stance: (t.stance != Stance::Asserted).then(|| t.stance.as_str()),
                citation: [t.sentence],
            })
            .collect(),
        story: None,
    }
}

/// A list that opens before a paragraph: numbered from `start`, or with bullets.
#[derive(Clone, Copy)]
struct ListOpen {
    start: Option<u64>,
}

/// A paragraph of the body as the template writes it: a list opened before it, its
/// element, what it opens with (a code block's indentation), its sentences, and the
/// list closed after it.
struct Para<'a> {
    opens: Option<ListOpen>,
    tag: &'static str,
    lead: &'a str,
    spans: Vec<SentenceSpan<'a>>,
    closes: Option<&'static str>,
}

/// A citable sentence, with what stands between it and the one before.
struct SentenceSpan<'a> {
    id: usize,
    cited: bool,
    gap: &'a str,
    text: &'a str,
}

/// How a paragraph of the body is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Prose: `<p>`.
    Prose,
    /// Written on several lines (code, verse): `<pre>`, as written.
    Preformatted,
    /// A heading of the body ("## "), shown one rank lower, under the page's own
    /// `<h1>`: an `<h2>` of the article is an `<h3>` here.
    Heading(u8),
    /// An item of a list with bullets ("- "): `<li>` in a `<ul>`.
    Bullet,
    /// An item of a numbered list ("3. "): `<li>` in an `<ol>`.
    Numbered,
}

impl Shape {
    fn tag(self) -> &'static str {
        match self {
            Shape::Prose => "p",
            Shape::Preformatted => "pre",
            Shape::Heading(2) => "h2",
            Shape::Heading(3) => "h3",
            Shape::Heading(4) => "h4",
            Shape::Heading(5) => "h5",
            Shape::Heading(_) => "h6",
            Shape::Bullet | Shape::Numbered => "li",
        }
    }
}

/// The body as paragraphs of citable sentences, in paragraphs, code blocks, headings
/// and lists as the extractor wrote them.
fn body<'a>(a: &'a Article, cited: &HashSet<usize>) -> Vec<Para<'a>> {
    let mut paras: Vec<Para<'a>> = Vec::new();
    // The open paragraph's number and shape, and the open list's.
    let mut open: Option<(usize, Shape)> = None;
    let mut list: Option<Shape> = None;
    for (i, s) in a.sentences.iter().enumerate() {
        let mut gap = "";
        match open {
            Some((paragraph, shape)) if paragraph == s.paragraph => {
                // Between two sentences: a space, or in a preformatted paragraph what
                // the text has there (a line break).
                let between = a.text.get(a.sentences[i - 1].end..s.start).filter(|_| shape == Shape::Preformatted);
                gap = between.unwrap_or(" ");
            }
            _ => {
                let end =
                    a.sentences[i..].iter().take_while(|x| x.paragraph == s.paragraph).last().map_or(s.end, |x| x.end);
                // The paragraph from its start: what comes before its first sentence is
                // a heading's or a list item's mark, or a code block's indentation.
                let start = a.text.get(..s.start).and_then(|b| b.rfind("\n\n")).map_or(0, |at| at + 2);
                let paragraph = a.text.get(start..end).unwrap_or("");
                let mark = Mark::read(paragraph.trim_start()).map(|(mark, _)| mark);
                let shape = match mark {
                    _ if a.text.get(s.start..end).is_some_and(|t| t.contains('\n')) => Shape::Preformatted,
                    Some(Mark::Heading(rank)) => Shape::Heading((rank + 1).min(6)),
                    Some(Mark::Bullet) => Shape::Bullet,
                    Some(Mark::Number(_)) => Shape::Numbered,
                    None => Shape::Prose,
                };
                let item = matches!(shape, Shape::Bullet | Shape::Numbered);
                if list.is_some() && list != Some(shape) {
                    close_list(&mut paras, list);
                    list = None;
                }
                let mut opens = None;
                if item && list.is_none() {
                    opens = Some(ListOpen {
                        start: match mark {
                            Some(Mark::Number(number)) => Some(number as u64),
                            _ => None,
                        },
                    });
                    list = Some(shape);
                }
                // Code keeps what it opens with: its first line's indentation, a "- "
                // of YAML.
                let lead = if shape == Shape::Preformatted { a.text.get(start..s.start).unwrap_or("") } else { "" };
                paras.push(Para { opens, tag: shape.tag(), lead, spans: Vec::new(), closes: None });
                open = Some((s.paragraph, shape));
            }
        }
        if let Some(para) = paras.last_mut() {
            para.spans.push(SentenceSpan { id: s.index, cited: cited.contains(&s.index), gap, text: &s.text });
        }
    }
    close_list(&mut paras, list);
    paras
}

fn close_list(paras: &mut [Para], list: Option<Shape>) {
    if let Some(last) = paras.last_mut() {
        last.closes = match list {
            Some(Shape::Numbered) => Some("ol"),
            Some(_) => Some("ul"),
            None => last.closes,
        };
    }
}

/// A known source in the search page's select.
struct SourceOption {
    name: String,
    current: bool,
}

/// A piece of a snippet, matched or not.
struct Piece<'a> {
    text: &'a str,
    hit: bool,
}

/// A ranking mode in the search page's select.
struct ModeOption {
    value: &'static str,
    label: &'static str,
    current: bool,
}

/// One facet value: its label, its count, and the search narrowed to it (if it can be).
struct FacetItem {
    label: String,
    count: usize,
    href: Option<String>,
}

/// One facet (source, language, month) of the results.
struct FacetGroup {
    name: &'static str,
    items: Vec<FacetItem>,
}

/// A search hit as its row shows it.
struct HitRow<'a> {
    id: &'a str,
    title: &'a str,
    meta: Meta,
    snippet: Vec<Piece<'a>>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage<'a> {
    head: Head,
    q: String,
    sources: Vec<SourceOption>,
    since: String,
    until: String,
    modes: Vec<ModeOption>,
    mode_used: &'static str,
    facets: Vec<FacetGroup>,
    /// How many of the matches the facets count (fewer than `total` for a broad query).
    facets_counted: usize,
    filtered: bool,
    clear_href: String,
    total: usize,
    first: usize,
    hits: Vec<HitRow<'a>>,
    pager: Pager,
}

pub(crate) async fn search(State(lib): State<Library>, Params(params): Params<SearchParams>) -> Response {
    let q = params.q.clone().unwrap_or_default();
    let source = params.source.clone().filter(|s| !s.trim().is_empty());
    let since = params.since.clone().unwrap_or_default();
    let until = params.until.clone().unwrap_or_default();
    let mode = params.mode.clone().unwrap_or_default().trim().to_ascii_lowercase();
    let mut query = match params.to_query() {
        Ok(query) => query,
        Err(e) => return error_page(e),
    };
    query.limit = HITS_PER_PAGE;
    query.offset = query.offset.min(MAX_PAGE * HITS_PER_PAGE);
    let offset = query.offset;
    let searching = !q.trim().is_empty();
    let read_lib = lib.clone();
    let found = read(move || {
        let results = if searching { Some(read_lib.search(&query)?) } else { None };
        Ok::<_, distill_library::LibraryError>((results, read_lib.sources()?))
    })
    .await;
    let (results, sources) = match found {
        Ok(found) => found,
        Err(e) => return error_page(e),
    };
    let mut options: Vec<SourceOption> = sources
        .iter()
        .filter_map(|s| s.source.clone())
        .map(|name| SourceOption { current: source.as_deref() == Some(name.as_str()), name })
        .collect();
    // A source typed in the address that has no story yet stays selected.
    if let Some(name) = &source
        && !options.iter().any(|o| o.current)
    {
        options.push(SourceOption { name: name.clone(), current: true });
    }
    let hits: Vec<HitRow> = results
        .as_ref()
        .map(|r| {
            r.hits
                .iter()
                .map(|hit| {
                    let mut meta = Meta::default();
                    if let Some(s) = &hit.source {
                        meta.parts.push(Part::Source(s.clone()));
                    }
                    if let Some(t) = hit.published {
                        meta.parts.push(Part::Time(When::day(t)));
                    }
                    HitRow { id: &hit.id, title: &hit.title, meta, snippet: pieces(&hit.snippet, &hit.highlights) }
                })
                .collect()
        })
        .unwrap_or_default();
    let total = results.as_ref().map_or(0, |r| r.total);
    let facets_counted = results.as_ref().map_or(0, |r| r.facets_counted);
    let filters = || {
        [
            ("source", source.clone().unwrap_or_default()),
            ("since", since.trim().to_string()),
            ("until", until.trim().to_string()),
        ]
    };
    let facets = results.as_ref().map(|r| facet_groups(&r.facets, &q, &mode, filters())).unwrap_or_default();
    let modes = [("", "Best available"), ("hybrid", "Hybrid"), ("keyword", "Keywords"), ("semantic", "Meaning")]
        .into_iter()
        .map(|(value, label)| ModeOption { value, label, current: value == mode })
        .collect();
    let mode_used = results.as_ref().map_or("", |r| r.mode.name());
    let pager = Pager::new(offset / HITS_PER_PAGE + 1, HITS_PER_PAGE, total, |n| {
        let mut pairs = vec![("q", q.clone()), ("mode", mode.clone())];
        pairs.extend(filters());
        pairs.push(("offset", if n > 1 { ((n - 1) * HITS_PER_PAGE).to_string() } else { String::new() }));
        format!("/search?{}", query_string(pairs))
    });
    let filtered = filters().iter().any(|(_, v)| !v.is_empty());
    let mut head = Head::new(if searching { format!("Search: {q}") } else { "Search".into() }, "search");
    head.query = q.clone();
    let page_ = SearchPage {
        head,
        clear_href: format!("/search?{}", query_string([("q", q.clone())])),
        q,
        sources: options,
        since,
        until,
        modes,
        mode_used,
        facets,
        facets_counted,
        filtered,
        total,
        first: offset + 1,
        hits,
        pager,
    };
    page(&page_)
}

/// The facets as the page lists them: a source narrows the search to it, a month to
/// its dates; languages are counted only (there is no language filter).
fn facet_groups(facets: &distill_search::Facets, q: &str, mode: &str, filters: [(&str, String); 3]) -> Vec<FacetGroup> {
    let href = |set: &[(&'static str, String)]| {
        let mut pairs = vec![("q", q.to_string()), ("mode", mode.to_string())];
        for (k, v) in filters.iter().cloned() {
            pairs.push((k, set.iter().find(|(name, _)| *name == k).map_or(v, |(_, v)| v.clone())));
        }
        format!("/search?{}", query_string(pairs))
    };
    let month_bounds = |month: &str| {
        let first = chrono::NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").ok()?;
        let next = first.checked_add_months(chrono::Months::new(1))?;
        Some((first.to_string(), next.to_string()))
    };
    let groups = [
        (
            "Source",
            facets
                .source
                .iter()
                .map(|c| FacetItem {
                    label: c.value.clone(),
                    count: c.count,
                    href: Some(href(&[("source", c.value.clone())])),
                })
                .collect::<Vec<_>>(),
        ),
        (
            "Language",
            facets.language.iter().map(|c| FacetItem { label: c.value.clone(), count: c.count, href: None }).collect(),
        ),
        (
            "Month",
            facets
                .month
                .iter()
                .map(|c| FacetItem {
                    label: c.value.clone(),
                    count: c.count,
                    href: month_bounds(&c.value).map(|(since, until)| href(&[("since", since), ("until", until)])),
                })
                .collect(),
        ),
    ];
    groups.into_iter().filter(|(_, items)| !items.is_empty()).map(|(name, items)| FacetGroup { name, items }).collect()
}

/// A snippet cut at its matched byte ranges; ranges that overlap, run backwards or
/// fall inside a character are skipped.
fn pieces<'a>(snippet: &'a str, highlights: &[[usize; 2]]) -> Vec<Piece<'a>> {
    let mut out = Vec::with_capacity(2 * highlights.len() + 1);
    let mut at = 0;
    for &[start, end] in highlights {
        let (Some(before), Some(hit)) = (snippet.get(at..start), snippet.get(start..end)) else { continue };
        if !before.is_empty() {
            out.push(Piece { text: before, hit: false });
        }
        out.push(Piece { text: hit, hit: true });
        at = end;
    }
    if let Some(rest) = snippet.get(at..).filter(|r| !r.is_empty()) {
        out.push(Piece { text: rest, hit: false });
    }
    out
}

pub(crate) async fn stylesheet() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], CSS)
        .into_response()
}
