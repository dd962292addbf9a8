//! Page metadata: title, byline, date, canonical URL, site name and language, read
//! from JSON-LD, OpenGraph and other `<meta>` tags, `<time>`, bylines and the URL.

use chrono::{DateTime, FixedOffset, NaiveDate};
use distill_core::text::collapse_whitespace;
use distill_core::time::{SAME_PUBLICATION_SECS, date_from_url, month_number, parse_numeric_date};
use serde_json::Value;

use std::collections::HashSet;

use crate::dom::{Dom, Kind, NONE, is_author_page, is_home_page};
use crate::references::decode_references;

/// What the page says about itself.
#[derive(Debug, Default)]
pub struct Metadata {
    pub title: Option<String>,
    /// Every form of the title the page gives: the headline, and each metadata title
    /// with and without the site's name. The body does not repeat any of them.
    pub title_forms: Vec<String>,
    pub byline: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
    pub url: Option<String>,
    pub site_name: Option<String>,
    pub language: Option<String>,
}

/// Reads the metadata of a page; the first source in priority order wins.
pub fn read(dom: &Dom) -> Metadata {
    let mut meta = Metadata::default();
    let mut ld = JsonLd::default();
    let mut metas: Vec<(String, String)> = Vec::new();
    let mut canonical = None;
    let mut html_title = None;
    // The page's `<h1>`s, with their nodes.
    let mut headings: Vec<(usize, String)> = Vec::new();
    let mut h1_seen = 0;
    let mut time_datetime = None;
    let mut byline_element = None;
    // The node of the byline element: a date beside the author's name is the article's.
    let mut byline_node = None;
    // The first link to an author's page that reads as a name.
    let mut author_link = None;
    let mut itemprop_date = None;
    // Days the page states unambiguously in later `<time>`s.
    let mut days_stated: Vec<NaiveDate> = Vec::new();
    for i in 0..dom.nodes.len() {
        let Some(tag) = dom.tag(i) else { continue };
        match tag {
            "html" if meta.language.is_none() => {
                meta.language = dom.attr(i, "lang").and_then(primary_language);
            }
            "meta" => {
                let key = dom
                    .attr(i, "property")
                    .or_else(|| dom.attr(i, "name"))
                    .or_else(|| dom.attr(i, "itemprop"))
                    .or_else(|| dom.attr(i, "http-equiv"));
                if let (Some(key), Some(content)) = (key, dom.attr(i, "content")) {
                    // Some sites put their JSON-LD in a meta tag
                    // (`<meta name="script:ld+json" content="{...}">`).
                    if key.ends_with("ld+json")
                        && let Ok(value) = serde_json::from_str::<Value>(content.trim())
                    {
                        ld.absorb(&value, 0);
                    }
                    metas.push((key.to_ascii_lowercase(), clean(content)));
                }
            }
            "link" if canonical.is_none() => {
                let rel = dom.attr(i, "rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") {
                    canonical = dom.attr(i, "href").map(str::to_string);
                }
            }
            "script" => {
                if dom.attr(i, "type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
                    && let Ok(value) = serde_json::from_str::<Value>(dom.raw_text(i).trim())
                {
                    ld.absorb(&value, 0);
                }
            }
            "title" if html_title.is_none() => html_title = Some(clean(&dom.raw_text(i))),
            "h1" if h1_seen < MAX_HEADINGS => {
                h1_seen += 1;
                let text = dom.text_of(i);
                if !text.is_empty() && !is_logo(dom, i, &text) {
                    headings.push((i, text));
                }
            }
            "time" if time_datetime.is_none() => {
                time_datetime = match dom.attr(i, "datetime").and_then(parse_stated) {
                    Some(moment) => Some(date_shown_by(dom, i).map_or(moment, |day| on_the_day_shown(moment, day))),
                    None => date_shown_by(dom, i),
                };
            }
            "time" if days_stated.len() < MAX_DAYS_STATED => {
                // Later `<time>`s are other articles' dates, but a day written
                // unambiguously may settle how the page writes its numbers.
                if let Some(moment) = dom.attr(i, "datetime").and_then(distill_core::time::parse_date) {
                    days_stated.push(moment.date_naive());
                }
            }
            _ => {}
        }
        if itemprop_date.is_none() && dom.attr(i, "itemprop") == Some("datePublished") {
            // In an attribute, or as the element's own text
            // ("<span itemprop="datePublished">October 17, 2018</span>").
            itemprop_date = match dom.attr(i, "datetime").or_else(|| dom.attr(i, "content")) {
                Some(stated) => parse_stated(stated),
                None => date_shown_by(dom, i),
            };
        }
        if byline_element.is_none() && is_small(dom, i, BYLINE_ELEMENT_NODES) && is_byline_element(dom, i) {
            byline_element = element_byline(dom, i);
            byline_node = byline_element.is_some().then_some(i);
        }
        if author_link.is_none()
            && tag == "a"
            && dom.attr(i, "href").is_some_and(|href| is_author_page(href.as_bytes()))
            && is_small(dom, i, BYLINE_ELEMENT_NODES)
        {
            author_link = element_byline(dom, i);
        }
    }
    ld.resolve_authors();
    let get = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| metas.iter().find(|(key, v)| key == k && !v.is_empty()).map(|(_, v)| v.clone()))
    };
    meta.url = canonical
        .filter(|u| u.starts_with("http"))
        .or_else(|| get(&["og:url"]).filter(|u| u.starts_with("http")))
        .or_else(|| ld.url.clone());
    meta.site_name = get(&["og:site_name", "application-name"]).or_else(|| ld.publisher.clone());
    let titles: Vec<String> =
        [ld.headline.clone(), get(&["og:title"]), get(&["twitter:title"]), get(&["dc.title", "headline"]), html_title]
            .into_iter()
            .flatten()
            .filter(|t| !t.is_empty())
            .collect();
    // The site's names, squashed: the first few distinct ones, in the order the page
    // states them.
    let named_sites = metas
        .iter()
        .filter(|(k, _)| matches!(k.as_str(), "og:site_name" | "application-name" | "twitter:site"))
        .map(|(_, v)| v.clone())
        .chain(ld.publisher.clone())
        .chain(ld.sites.iter().cloned())
        .chain(meta.url.as_deref().map(host_words).unwrap_or_default());
    let mut sites: Vec<String> = Vec::new();
    for site in named_sites.map(|s| squash(&s)).filter(|s| !s.is_empty()) {
        if sites.len() < MAX_SITES && !sites.contains(&site) {
            sites.push(site);
        }
    }
    let (title, shown_at) = headline(&headings, &titles, &sites);
    meta.title = title;
    // Dates shown after the headline's node are the article's; before it, a sidebar's.
    let headline_node = shown_at.or_else(|| headings.first().map(|h| h.0));
    // The heading as shown, whole, is a form whatever its length: it is the very line
    // to drop, and the headline may be a part of it. Other forms of one or two words
    // ("Review" of "Review | Movies | Site") would also drop a line of the body that
    // happens to read the same.
    let shown_heading = shown_at.and_then(|node| headings.iter().find(|h| h.0 == node)).map(|h| h.1.clone());
    meta.title_forms = shown_heading
        .into_iter()
        .chain(
            meta.title
                .iter()
                .cloned()
                .chain(titles.iter().flat_map(|t| [t.clone(), without_site(t, &sites)]))
                .filter(|form| form.split_whitespace().count() >= 3),
        )
        .collect();
    meta.title_forms.sort();
    meta.title_forms.dedup();
    meta.byline = (!ld.authors.is_empty())
        .then(|| ld.authors.join(", "))
        .or_else(|| {
            get(&[
                "author",
                "article:author",
                "dc.creator",
                "byl",
                "parsely-author",
                "sailthru.author",
                "cxenseparse:author",
            ])
            .filter(|a| !a.starts_with("http"))
            .and_then(|a| clean_byline(&a))
        })
        .or_else(|| cited_authors(&metas))
        .or_else(|| written_by(&metas))
        .or(byline_element.clone());
    // An organization as the author gives way to a person the page's byline element
    // or author link names: any person where JSON-LD types the author `Organization`,
    // a full name where the author is the site's name ("USA TODAY").
    let person_shown = byline_element.or_else(|| author_link.clone());
    if let Some(person) = person_shown.filter(|person| {
        ld.authors_are_organizations
            || (is_full_name(person)
                && meta.byline.as_deref().is_some_and(|b| is_site(b, &sites))
                && !is_site(person, &sites))
    }) {
        meta.byline = Some(person);
    }
    let stated_date = ld
        .published
        .or_else(|| {
            get(&[
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
        .or(itemprop_date)
        .or(ld.any_published)
        .or(time_datetime)
        .or_else(|| other_published(&metas))
        .map(|date| in_publishers_offset(date, &[ld.published, itemprop_date, ld.any_published, time_datetime]));
    // The page's text is read for a byline or a date only where the markup states
    // none: most pages state both, and skip this pass.
    let shown = if meta.byline.is_none() || stated_date.is_none() {
        // A page without an `<h1>` still shows its headline, in some other element.
        let headline_node = headline_node.or_else(|| meta.title.as_deref().and_then(|t| shown_in(dom, t)));
        Shown::read(dom, meta.byline.is_none(), stated_date.is_none(), headline_node, byline_node)
    } else {
        Shown::default()
    };
    meta.byline = meta.byline.or(shown.byline.clone()).or(author_link);
    let url_date = meta.url.as_deref().and_then(date_from_url);
    meta.published = stated_date
        .or(shown.published)
        .or(url_date)
        .or(shown.first_undated())
        // A page that says only when it last changed was published then or before:
        // that day is the best the page gives.
        .or(ld.modified)
        .or_else(|| get(&["article:modified_time", "og:updated_time", "datemodified"]).and_then(|d| parse_stated(&d)));
    days_stated.extend(url_date.map(|d| d.date_naive()));
    meta.published = meta.published.map(|date| as_the_page_writes_days(date, &days_stated));
    if meta.language.is_none() {
        meta.language = get(&["content-language", "og:locale", "language"]).and_then(|l| primary_language(&l));
    }
    meta
}

/// The date a small element's text states ("<time>Mar 24, 2025</time>").
fn date_shown_by(dom: &Dom, i: usize) -> Option<DateTime<FixedOffset>> {
    is_small(dom, i, LINE_NODES).then(|| parse_stated(&dom.text_of(i))).flatten()
}

/// `<time>`s after the first whose days are kept to settle how the page writes
/// numeric dates.
const MAX_DAYS_STATED: usize = 16;

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
fn other_published(metas: &[(String, String)]) -> Option<DateTime<FixedOffset>> {
    metas
        .iter()
        .filter(|(key, _)| {
            (key.contains("publish") || key.contains("publication"))
                && !["publisher", "modif", "updat", "expir"].iter().any(|w| key.contains(w))
        })
        .find_map(|(_, value)| parse_stated(value))
}

/// A date the page states where a date is expected (a meta tag, JSON-LD, a date
/// line), also written in numbers ("3/4/2025", "17.05.2021").
fn parse_stated(text: &str) -> Option<DateTime<FixedOffset>> {
    distill_core::time::parse_date(text).or_else(|| parse_numeric_date(text))
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

/// `<h1>`s read for the headline: the page's own comes early; later ones are teasers.
const MAX_HEADINGS: usize = 8;

/// Names of the site kept for cutting it out of titles; a page states a few.
const MAX_SITES: usize = 8;

/// Parts of a title looked at: "Headline | Section | Site" has three.
const MAX_TITLE_PARTS: usize = 8;

/// The headline, and the `<h1>` node that shows it. Readers see the `<h1>`; the
/// metadata titles often carry the site's name or a rewrite for search engines. So an
/// `<h1>` most of whose words are in a metadata title is the headline, the one closest
/// to a title where several are (a logo's one-word `<h1>` loses to the real one, and
/// so does a header that runs the subtitle on); else the first metadata title without
/// the site's name; else the first `<h1>`. `sites` are the site's names, [`squash`]ed.
fn headline(headings: &[(usize, String)], titles: &[String], sites: &[String]) -> (Option<String>, Option<usize>) {
    let title_words: Vec<HashSet<String>> = titles.iter().map(|t| lower_words(t).into_iter().collect()).collect();
    let all_title_words: HashSet<&String> = title_words.iter().flatten().collect();
    let mut best: Option<(f32, &(usize, String))> = None;
    // The title closest to the best heading, where it is close.
    let mut closest_title = None;
    for heading in headings {
        let words: HashSet<String> = lower_words(&heading.1).into_iter().collect();
        let in_titles = words.iter().filter(|w| all_title_words.contains(w)).count();
        if in_titles * 2 < words.len() || in_titles == 0 || words.len() > 40 || is_site(&heading.1, sites) {
            continue;
        }
        // Dice overlap with the closest title.
        let (closest, closeness) = title_words
            .iter()
            .map(|t| 2.0 * words.intersection(t).count() as f32 / (words.len() + t.len()) as f32)
            .enumerate()
            .fold((0, 0.0), |best, (k, c)| if c > best.1 { (k, c) } else { best });
        if best.is_none_or(|(most, _)| closeness > most) {
            best = Some((closeness, heading));
            closest_title = (closeness >= 0.8).then_some(closest);
        }
    }
    let (text, node) = match (best, titles.first()) {
        (Some((_, (node, text))), _) => (text, Some(*node)),
        // JSON-LD headlines are cut short at 110 characters by some publishers
        // ("… Find Solutions (Including"): a longer title that starts with the first
        // one is the whole of it.
        (None, Some(first)) => {
            let whole = titles.iter().find(|t| t.len() > first.len() && t.starts_with(first.as_str()));
            (whole.unwrap_or(first), None)
        }
        (None, None) => match headings.first() {
            Some((node, text)) => (text, Some(*node)),
            None => return (None, None),
        },
    };
    // A visible heading may end with the site's name ("Headline – Site"); what
    // starts it is its own ("Digjitale Signal #18 – The World Without Work?").
    let text = if node.is_some() { without_site_at_end(text, sites) } else { without_site(text, sites) };
    let text = main_part(&text);
    // A heading set in capitals ("BEST DRIP COFFEE MAKER IN 2026") takes the
    // casing of a close title that has its words in the same order.
    let shouted = text.chars().any(char::is_uppercase) && !text.chars().any(char::is_lowercase);
    let text = match closest_title.filter(|_| shouted && node.is_some()) {
        Some(k) => {
            let title = main_part(&without_site(&titles[k], sites));
            if in_order(&lower_words(&title), &lower_words(&text)) { title } else { text }
        }
        None => text,
    };
    ((!text.is_empty()).then_some(text), node)
}

/// Whether the words of `title` come in `heading` in the same order, perhaps with
/// others between ("best drip coffee maker 2026" in "best drip coffee maker in 2026").
fn in_order(title: &[String], heading: &[String]) -> bool {
    let mut heading = heading.iter();
    title.iter().all(|word| heading.any(|w| w == word))
}

/// A headline holds no " | ": of "Headline | Section | Site" (or "Site | Headline")
/// whose site's name is not known, the part with the most words is kept, the first of
/// equals.
fn main_part(title: &str) -> String {
    if !title.contains(" | ") {
        return title.to_string();
    }
    let parts: Vec<&str> = title.split(" | ").map(str::trim).take(MAX_TITLE_PARTS).collect();
    let most = parts.iter().map(|p| p.split_whitespace().count()).max().unwrap_or(0);
    parts.into_iter().find(|p| p.split_whitespace().count() == most).unwrap_or_default().to_string()
}

/// Separators between a headline and the site's name in a title.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " • ", " · ", " » ", " / "];

/// "Headline | Site" without the parts at either end that name the site; a title that
/// names no site is kept whole.
fn without_site(title: &str, sites: &[String]) -> String {
    cut_site(title, sites, true)
}

/// "Headline – Site" without the parts at its end that name the site.
fn without_site_at_end(title: &str, sites: &[String]) -> String {
    cut_site(title, sites, false)
}

fn cut_site(title: &str, sites: &[String], at_start_too: bool) -> String {
    let Some(sep) = TITLE_SEPARATORS.iter().find(|sep| title.contains(**sep)) else { return title.to_string() };
    let parts: Vec<&str> = title.split(sep).map(str::trim).filter(|p| !p.is_empty()).take(MAX_TITLE_PARTS).collect();
    let mut kept: &[&str] = &parts;
    while let [rest @ .., last] = kept
        && !rest.is_empty()
        && is_site(last, sites)
    {
        kept = rest;
    }
    while let [first, rest @ ..] = kept
        && at_start_too
        && !rest.is_empty()
        && is_site(first, sites)
    {
        kept = rest;
    }
    if kept.len() == parts.len() { title.to_string() } else { kept.join(sep) }
}

/// Whether a part of a title names the site: its letters and digits are one of the
/// site's names (or a part of one), or hold one and little else.
fn is_site(part: &str, sites: &[String]) -> bool {
    let part = squash(part);
    !part.is_empty()
        && sites.iter().any(|site| {
            part == *site
                || (part.len() >= 4 && site.contains(&part))
                || (site.len() >= 4 && part.contains(site.as_str()) && part.len() <= 2 * site.len())
        })
}

/// The letters and digits of a text, lowercased: "Cherry Servers" and "cherryservers"
/// are one name.
fn squash(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// The words of a URL's host that may name the site: "www.cherryservers.com" gives
/// "cherryservers".
fn host_words(url: &str) -> Vec<String> {
    let host = url.split("://").nth(1).unwrap_or("").split(['/', ':', '?', '#']).next().unwrap_or("");
    host.split('.')
        .filter(|w| w.len() >= 3 && !matches!(*w, "www" | "com" | "org" | "net" | "edu" | "gov" | "blog" | "news"))
        .map(str::to_string)
        .collect()
}

/// A metadata value as text: whitespace collapsed, and character references that a
/// publisher escaped twice ("&amp;#8217;", so "&#8217;" after parsing) decoded.
fn clean(value: &str) -> String {
    let text = collapse_whitespace(value);
    if text.contains('&') { collapse_whitespace(&decode_references(&text)) } else { text }
}

/// The article facts of the page's JSON-LD, from the first article-typed object.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    published: Option<DateTime<FixedOffset>>,
    /// `datePublished` of the first object of any type (a `WebPage`), for pages
    /// without an article object.
    any_published: Option<DateTime<FixedOffset>>,
    /// Whether every author of the article object is typed `Organization`: a page
    /// that also names a person in its byline was written by that person.
    authors_are_organizations: bool,
    /// `dateModified` of the article object: the date of last resort.
    modified: Option<DateTime<FixedOffset>>,
    authors: Vec<String>,
    /// Authors given as `{"@id": ...}` references to a `Person` elsewhere in the graph.
    author_ids: Vec<String>,
    /// `@id` and name of every named object, to resolve those references.
    named: Vec<(String, String)>,
    url: Option<String>,
    publisher: Option<String>,
    /// Names of `WebSite` and `Organization` objects.
    sites: Vec<String>,
}

impl JsonLd {
    fn absorb(&mut self, value: &Value, depth: usize) {
        if depth > 8 {
            return;
        }
        match value {
            Value::Array(items) => items.iter().for_each(|v| self.absorb(v, depth + 1)),
            Value::Object(map) => {
                // Articles inside a graph, a page's main entity or a blog's posts
                // ("@type": "Blog", "blogPost": [{"@type": "BlogPosting", ...}]).
                for key in ["@graph", "mainEntity", "blogPost"] {
                    if let Some(inner) = map.get(key) {
                        self.absorb(inner, depth + 1);
                    }
                }
                let name = map.get("name").and_then(Value::as_str).map(clean).filter(|n| !n.is_empty());
                if let (Some(id), Some(name)) = (map.get("@id").and_then(Value::as_str), &name)
                    && self.named.len() < 256
                {
                    self.named.push((id.to_string(), name.clone()));
                }
                let types = map.get("@type");
                if types.is_some_and(|t| type_is(t, |s| matches!(s, "WebSite" | "Organization"))) {
                    self.sites.extend(name);
                }
                if self.any_published.is_none() {
                    self.any_published = map.get("datePublished").and_then(Value::as_str).and_then(parse_stated);
                }
                if !types.is_some_and(|t| type_is(t, is_article)) || self.headline.is_some() {
                    return;
                }
                self.headline = map.get("headline").and_then(Value::as_str).map(clean);
                self.published = map.get("datePublished").and_then(Value::as_str).and_then(parse_stated);
                self.modified = map.get("dateModified").and_then(Value::as_str).and_then(parse_stated);
                self.authors = names(map.get("author"));
                self.authors_are_organizations = is_organization(map.get("author"));
                self.author_ids = ids(map.get("author"));
                self.url = map
                    .get("url")
                    .and_then(Value::as_str)
                    .or_else(|| map.get("mainEntityOfPage").and_then(|m| m.as_str().or_else(|| m.get("@id")?.as_str())))
                    .filter(|u| u.starts_with("http"))
                    .map(str::to_string);
                self.publisher = names(map.get("publisher")).into_iter().next();
            }
            _ => {}
        }
    }

    /// Names the authors given only by reference, once every script is read.
    fn resolve_authors(&mut self) {
        if self.authors.is_empty() {
            self.authors = self
                .author_ids
                .iter()
                .filter_map(|id| self.named.iter().find(|(i, _)| i == id))
                .filter_map(|(_, name)| clean_byline(name))
                .collect();
        }
    }
}

fn is_article(s: &str) -> bool {
    s.ends_with("Article") || matches!(s, "BlogPosting" | "Report" | "LiveBlogPosting")
}

fn type_is(t: &Value, is: impl Fn(&str) -> bool) -> bool {
    match t {
        Value::String(s) => is(s),
        Value::Array(a) => a.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

fn names(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => clean_byline(s).into_iter().collect(),
        Some(Value::Object(m)) => m.get("name").and_then(Value::as_str).and_then(clean_byline).into_iter().collect(),
        Some(Value::Array(a)) => a.iter().flat_map(|v| names(Some(v))).collect(),
        _ => Vec::new(),
    }
}

/// Whether a JSON-LD author (or each of a list) is typed `Organization`.
fn is_organization(value: Option<&Value>) -> bool {
    match value {
        Some(Value::Object(m)) => m.get("@type").is_some_and(|t| type_is(t, |s| s == "Organization")),
        Some(Value::Array(a)) => !a.is_empty() && a.iter().all(|v| is_organization(Some(v))),
        _ => false,
    }
}

/// The `@id`s of authors given by reference only.
fn ids(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Object(m)) if m.get("name").is_none() => {
            m.get("@id").and_then(Value::as_str).map(str::to_string).into_iter().collect()
        }
        Some(Value::Array(a)) => a.iter().flat_map(|v| ids(Some(v))).collect(),
        _ => Vec::new(),
    }
}

/// The authors of a scholarly page, one `citation_author` tag each, often written
/// "Roy, Aniruddha": read as "Aniruddha Roy".
fn cited_authors(metas: &[(String, String)]) -> Option<String> {
    let cited: Vec<String> = metas
        .iter()
        .filter(|(k, _)| k == "citation_author")
        .filter_map(|(_, v)| match v.split_once(',') {
            Some((last, first)) if !first.contains(',') && !first.trim().is_empty() => {
                clean_byline(&format!("{} {}", first.trim(), last.trim()))
            }
            _ => clean_byline(v),
        })
        .collect();
    (!cited.is_empty()).then(|| cited.join(", "))
}

/// Whether a byline is a person's full name: two words or more, and not a comment's
/// "Lori Campbell says".
fn is_full_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 2 && !words.last().is_some_and(|w| w.eq_ignore_ascii_case("says"))
}

/// The author that WordPress's SEO plugins state as a "Written by" label and value
/// in `twitter:label1` and `twitter:data1`.
fn written_by(metas: &[(String, String)]) -> Option<String> {
    let n = metas.iter().find_map(|(key, value)| {
        key.strip_prefix("twitter:label").filter(|_| value.eq_ignore_ascii_case("written by"))
    })?;
    let data = format!("twitter:data{n}");
    metas.iter().find(|(k, _)| *k == data).and_then(|(_, v)| clean_byline(v))
}

/// Whether an element's attributes say it holds the author's name: a class, `rel`,
/// `itemprop` or id of "byline" or "author", or a class word that names the author
/// ("post-author", "blog__authorname", "author-box__name"; not "author-bio").
fn is_byline_element(dom: &Dom, i: usize) -> bool {
    // Every sign below holds "author" or "byline": most elements have neither, and
    // are passed over at the cost of one look at their attributes.
    let Kind::Element { attrs, .. } = &dom.nodes[i].kind else { return false };
    let signed = attrs.iter().any(|(name, value)| {
        matches!(&**name, "class" | "rel" | "itemprop" | "id") && (has(value, "author") || has(value, "byline"))
    });
    if !signed {
        return false;
    }
    let hint = |a: &str| {
        dom.attr(i, a).is_some_and(|v| {
            has(v, "byline") || v.eq_ignore_ascii_case("author") || has(v, "author-name") || has(v, "article-author")
        })
    };
    let names_author = |word: &str| {
        // Bytes, not a string slice: a class word may hold any character.
        let ends = |suffix: &str| {
            word.len() >= suffix.len()
                && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
        };
        has(word, "author") && (has(word, "name") || ends("author") || ends("authors"))
    };
    // CSS modules end a class with a short hash: "Author_author__4ceOm".
    let unhashed = |word: &str| -> usize {
        match word.rfind("__") {
            Some(at) if at > 0 && word.len() - at <= 8 && word[at + 2..].bytes().all(|b| b.is_ascii_alphanumeric()) => {
                at
            }
            _ => word.len(),
        }
    };
    let names_the_author = hint("class")
        || hint("rel")
        || hint("itemprop")
        || hint("id")
        || dom
            .attr(i, "class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|w| names_author(w) || names_author(&w[..unhashed(w)])));
    // "comment-author-name", "comment-form-author": a commenter, or the form's field.
    let in_comments = || dom.attr(i, "class").is_some_and(|c| has(c, "comment"));
    // Checked last: most elements name no author, and are passed over before this.
    names_the_author && !in_comments() && !is_topic(dom, i)
}

/// The name in an element that holds the author: its first line that is more than a
/// label ("Written by" stands on a line of its own in some author boxes), with the
/// author's role and the story's topic left out ("<span class=author-position>Writer
/// </span>", "<span class=byline__tag>Lifestyle</span>").
fn element_byline(dom: &Dom, i: usize) -> Option<String> {
    let lines = dom.lines_of(i, |j| is_role(dom, j) || is_topic(dom, j));
    let line = lines.iter().find(|l| clean_byline(l).is_some())?;
    let name = person_name(line, NameSource::Element)?;
    // Authors are linked to their pages: where the line says more than the linked
    // names ("& Zackery Cuevas Writer, Hardware"), the links are the names.
    let end = dom.nodes[i].end.max(i + 1);
    let linked: Vec<String> = (i + 1..end)
        .filter(|&j| dom.tag(j) == Some("a"))
        .filter_map(|j| person_name(&dom.text_of(j), NameSource::Line))
        .take(8)
        .collect();
    let joined = linked.join(", ");
    if !linked.is_empty() && name.contains(linked[0].as_str()) && joined.len() < name.len() {
        return Some(joined);
    }
    Some(name)
}

/// Whether an element holds the story's topic ("byline__tag", "byline-category"),
/// which pages set beside the byline.
fn is_topic(dom: &Dom, i: usize) -> bool {
    dom.attr(i, "class").is_some_and(|c| {
        c.split(|ch: char| !ch.is_ascii_alphanumeric()).any(|w| {
            ["tag", "tags", "category", "categories", "topic", "topics"].iter().any(|t| w.eq_ignore_ascii_case(t))
        })
    })
}

/// Whether an element holds a person's role or job title, not their name.
fn is_role(dom: &Dom, i: usize) -> bool {
    dom.attr(i, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("jobtitle"))
        || dom
            .attr(i, "class")
            .is_some_and(|c| has(c, "position") || has(c, "role") || has(c, "jobtitle") || has(c, "job-title"))
}

/// Whether `text` holds `word` (lowercase ASCII) in any case, without copying it.
fn has(text: &str, word: &str) -> bool {
    let (text, word) = (text.as_bytes(), word.as_bytes());
    let Some(&first) = word.first() else { return true };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), text)
        .any(|at| text.get(at..at + word.len()).is_some_and(|w| w.eq_ignore_ascii_case(word)))
}

/// The element that shows `title`: the first (but `<title>`) whose text node reads the
/// same.
fn shown_in(dom: &Dom, title: &str) -> Option<usize> {
    let title = collapse_whitespace(title);
    let reads_as_title = |t: &str| {
        (title.len()..=2 * title.len()).contains(&t.len()) && collapse_whitespace(t).eq_ignore_ascii_case(&title)
    };
    dom.nodes.iter().find_map(|node| match &node.kind {
        Kind::Text(t) if node.parent != NONE && dom.tag(node.parent) != Some("title") && reads_as_title(t) => {
            Some(node.parent)
        }
        _ => None,
    })
}

/// Whether an `<h1>` is the site's logo: all its text is a link to the home page
/// ("<h1><a href="/">Engora Data Blog</a></h1>"), as blog templates set it above
/// the post's own title.
fn is_logo(dom: &Dom, h1: usize, text: &str) -> bool {
    let end = dom.nodes[h1].end.max(h1 + 1);
    (h1 + 1..end).any(|j| {
        dom.tag(j) == Some("a")
            && dom.attr(j, "href").is_some_and(|href| is_home_page(href.as_bytes()))
            && dom.text_of(j) == text
    })
}

/// Nodes in a headline's header: the title, a kicker, a date, a byline.
const HEADER_NODES: usize = 24;

/// Whether element `i` sits in the headline's own header: its parent or
/// grandparent is small and holds the headline `h` ("<header><div>Dec 12,
/// 2025</div><h1>…"), or it comes right before the headline ("<a>Back to blog</a>
/// <div>Dec 12, 2025 · 4 min read</div><h1>…").
fn beside(dom: &Dom, i: usize, h: usize) -> bool {
    let holds = |a: usize| a != NONE && a <= h && h < dom.nodes[a].end && is_small(dom, a, HEADER_NODES);
    let parent = dom.nodes[i].parent;
    holds(parent) || (parent != NONE && holds(dom.nodes[parent].parent)) || next_sibling(dom, i) == Some(h)
}

/// Elements that may hold a byline or a date line.
fn is_line(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "span"
            | "div"
            | "li"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "address"
            | "b"
            | "strong"
            | "small"
            | "em"
            | "i"
            | "time"
    )
}

/// Whether an element's subtree has at most `nodes` nodes, blank text included, so
/// that reading its text is cheap and the page's sections are passed over.
fn is_small(dom: &Dom, i: usize, nodes: usize) -> bool {
    dom.nodes[i].end.saturating_sub(i) <= nodes
}

/// Nodes in a byline or date line ("By <a>Jane Doe</a>", "<span>Published</span> <time>").
const LINE_NODES: usize = 12;

/// Nodes in an element whose class names the author: it may hold an avatar, a link
/// and a date beside the name.
const BYLINE_ELEMENT_NODES: usize = 32;

/// A look at a small element's text without copying it: most elements are neither
/// a byline nor a date, and are passed over at this cost.
struct Glance {
    /// The text begins with a word that introduces a byline ("By", "Written").
    may_be_byline: bool,
    /// The text holds a year, as every date shown in full does.
    has_year: bool,
}

impl Glance {
    fn of(dom: &Dom, i: usize) -> Glance {
        let mut first_word: Option<&[u8]> = None;
        let mut has_year = false;
        let mut length = 0;
        for node in &dom.nodes[i..dom.nodes[i].end.max(i + 1)] {
            let Kind::Text(text) = &node.kind else { continue };
            length += text.len();
            // A byline or a date line is short; a paragraph is neither.
            if length > 200 {
                return Glance { may_be_byline: false, has_year: false };
            }
            let bytes = text.as_bytes().trim_ascii_start();
            if first_word.is_none() && !bytes.is_empty() {
                let end = bytes.iter().position(|b| !b.is_ascii_alphabetic()).unwrap_or(bytes.len());
                first_word = Some(&bytes[..end]);
            }
            has_year = has_year || has_year_bytes(bytes);
        }
        let may_be_byline = first_word.is_some_and(|w| {
            BYLINE_LABELS
                .iter()
                .any(|label| label.split(' ').next().is_some_and(|l| l.as_bytes().eq_ignore_ascii_case(w)))
        });
        Glance { may_be_byline, has_year }
    }
}

/// Whether a text holds a four-digit year, so that "6 mins" is not read as a date.
fn has_year_bytes(bytes: &[u8]) -> bool {
    bytes.split(|b| !b.is_ascii_digit()).any(|d| d.len() == 4 && (d.starts_with(b"19") || d.starts_with(b"20")))
}

/// Labels that introduce a byline in the page's text.
const BYLINE_LABELS: &[&str] = &[
    "by",
    "written by",
    "posted by",
    "words by",
    "article by",
    "story by",
    "recipe by",
    "author",
    "authored by",
    "reported by",
    "text by",
    "contributor",
    "contributors",
];

/// What follows the label a byline begins with ("By", "Written by:", "Author"), or
/// None where it begins with none.
fn after_byline_label(text: &str) -> Option<&str> {
    // ASCII lowercasing keeps byte offsets, so the label can be cut off the text.
    let lower = text.to_ascii_lowercase();
    let label = BYLINE_LABELS
        .iter()
        .filter(|label| lower.strip_prefix(**label).is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':'])))
        .max_by_key(|label| label.len())?;
    Some(text[label.len()..].trim_start_matches([' ', ':']))
}

/// A byline in the visible text: a short element reading "By Jane Doe" (or "Written
/// by", "Author:"), or one reading just "By" whose next sibling names the author.
fn visible_byline(dom: &Dom, i: usize) -> Option<String> {
    // The byline is the element's first line; a role or a date may follow on the next.
    let lines = dom.lines_of(i, |j| is_role(dom, j));
    let text = lines.first()?;
    let rest = after_byline_label(text)?.trim();
    if !rest.is_empty() {
        return person_name(rest, NameSource::Line);
    }
    // "Written by" on a line of its own, the name on the next.
    if let Some(next) = lines.get(1) {
        return person_name(next, NameSource::Element);
    }
    // The name is the sibling's first text: a link to the author's page, then perhaps
    // a tooltip about them.
    let sibling = next_sibling(dom, i)?;
    let end = dom.nodes[sibling].end.max(sibling + 1);
    dom.nodes[sibling..end].iter().take(64).find_map(|n| match &n.kind {
        Kind::Text(t) if !t.trim().is_empty() => Some(person_name(t, NameSource::Element)),
        _ => None,
    })?
}

/// The next element with the same parent, past blank text.
fn next_sibling(dom: &Dom, i: usize) -> Option<usize> {
    let parent = dom.nodes[i].parent;
    let mut j = dom.nodes[i].end.max(i + 1);
    while j < dom.nodes.len() && dom.nodes[j].parent == parent {
        match &dom.nodes[j].kind {
            Kind::Text(t) if t.trim().is_empty() => j += 1,
            Kind::Text(_) => return None,
            Kind::Element { .. } => return Some(j),
        }
    }
    None
}

/// Where a byline's name was found, which says how sure it is to be a name.
#[derive(Clone, Copy, PartialEq)]
enum NameSource {
    /// In an element whose class or place says it holds the author.
    Element,
    /// After "By" in a line of text, where a menu's "By region" or a sentence's "by
    /// staying proactive" may stand: two words at least, not all capitals.
    Line,
}

/// Words that may stand lowercase inside a name ("Moses Kim and Kate Shokurova",
/// "Ludwig van Beethoven").
const NAME_PARTICLES: &[&str] =
    &["and", "&", "de", "da", "di", "du", "del", "van", "von", "der", "den", "la", "le", "bin", "al"];

/// Words no name holds: the labels and buttons around a byline, a comment form's fields.
const NOT_NAME_WORDS: &[&str] = &[
    "author", "authors", "written", "share", "follow", "read", "more", "about", "view", "all", "posts", "articles",
    "stories", "name", "email", "comment",
];

/// Days, as a date line in a byline element starts ("Sat, 20 Dec, 2025"): not names.
const WEEKDAYS: &[&str] = &[
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words that end a name in a byline line ("Jane Doe on March 3", "Ann Lee Updated",
/// "Karl Sophanus at Acme").
const AFTER_NAME_WORDS: &[&str] = &["on", "updated", "published", "posted", "last", "in", "at"];

/// The name in a byline, up to a date, role or separator: "Jane Doe | March 3" gives
/// "Jane Doe". None unless what is left reads as a person's or desk's name: up to six
/// words, the first not lowercase, most of the others capitalized (scripts without
/// case pass).
fn person_name(line: &str, source: NameSource) -> Option<String> {
    let name = clean_byline(line)?;
    let words: Vec<&str> =
        name.split_whitespace().take_while(|w| !AFTER_NAME_WORDS.iter().any(|a| w.eq_ignore_ascii_case(a))).collect();
    let not_lowercase = |w: &str| w.chars().next().is_some_and(|c| !c.is_lowercase());
    let particle = |w: &str| NAME_PARTICLES.contains(&w);
    let letters: String = words.iter().flat_map(|w| w.chars()).filter(|c| c.is_alphabetic()).collect();
    let all_capitals = words.len() > 1 && letters.chars().all(char::is_uppercase);
    let min_words = if source == NameSource::Line { 2 } else { 1 };
    let reads_as_name = (min_words..=6).contains(&words.len())
        && words.first().is_some_and(|w| not_lowercase(w))
        && words.iter().filter(|w| !particle(w) && !not_lowercase(w)).count() * 2 < words.len()
        && !words.iter().any(|w| NOT_NAME_WORDS.iter().chain(WEEKDAYS).any(|n| w.eq_ignore_ascii_case(n)))
        && !(source == NameSource::Line && all_capitals);
    reads_as_name.then(|| words.join(" "))
}

/// A byline and dates shown in the page's text, for pages whose markup states none.
#[derive(Default)]
struct Shown {
    /// The first "By Jane Doe" line, or "By" label followed by the name.
    byline: Option<String>,
    /// The first short line reading "Published ..." or "Posted ...", or a date in an
    /// element whose class says date, published or time ("c-meta__date",
    /// "entry-date", "time").
    published: Option<DateTime<FixedOffset>>,
    /// The first short line that is only a date, after the page's `<h1>`, with its
    /// node.
    bare: Option<(usize, DateTime<FixedOffset>)>,
    /// The first "Updated ..." line, the date of the version the page shows, with
    /// its node.
    updated: Option<(usize, DateTime<FixedOffset>)>,
}

impl Shown {
    /// Reads the page's short lines for what is wanted, until it is found; a line
    /// that is only a date counts after the `headline` node or beside it, and in the
    /// `byline` element or beside it ("<p>Luke Kim</p><small>December 17, 2025</small>").
    fn read(dom: &Dom, want_byline: bool, want_date: bool, headline: Option<usize>, byline: Option<usize>) -> Shown {
        let mut shown = Shown::default();
        for i in 0..dom.nodes.len() {
            let want_byline = want_byline && shown.byline.is_none();
            let want_date = want_date && shown.published.is_none();
            if !want_byline && !want_date {
                break;
            }
            if !dom.tag(i).is_some_and(is_line) || !is_small(dom, i, LINE_NODES) {
                continue;
            }
            let glance = Glance::of(dom, i);
            if want_byline && glance.may_be_byline {
                shown.byline = visible_byline(dom, i);
            }
            if want_date && glance.has_year {
                let placed = headline.is_some_and(|h| i > h || beside(dom, i, h))
                    || byline
                        .is_some_and(|b| dom.nodes[i].parent == dom.nodes[b].parent || (b < i && i < dom.nodes[b].end));
                shown.read_date(dom, i, placed);
            }
        }
        shown
    }

    /// Reads a short line that holds a year ([`Glance`] found it) as a date of one of
    /// the three kinds.
    fn read_date(&mut self, dom: &Dom, i: usize, after_headline: bool) {
        let lines = dom.lines_of(i, |_| false);
        // "Dec. 19, 2025 · Niko Matsakis", "Andrew Gerrand<br>4 August 2010", "Video -
        // December 19, 2025": the date is one of the line's parts, and a byline may
        // follow it ("September 1st, 2023 By Emily Norwood").
        let Some(text) =
            lines.iter().flat_map(|line| line_parts(line)).map(before_by).find(|part| has_year_bytes(part.as_bytes()))
        else {
            return;
        };
        let words = text.split_whitespace().count();
        // The kind is the whole line's: "Updated · Dec 20, 2025" is an update.
        let lower = lines.join(" ").to_ascii_lowercase();
        let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
        let class = dom.attr(i, "class").unwrap_or("").to_ascii_lowercase();
        // Which kind of date the line would be, before the costly parse. "Posted by
        // David at December 16, 2025 11:15 AM" names the author first; "Submitted on
        // 18 Dec 2025" is how preprint servers say it.
        let part = text.to_ascii_lowercase();
        let labelled = |p: &&str| lower.starts_with(p) || part.starts_with(p);
        let labelled_published = ["published", "posted", "submitted"].iter().any(labelled) && words <= 12;
        let dated_class = (class.contains("date") || class.contains("publish") || class.contains("time"))
            && !class.contains("updat")
            && !class.contains("modif");
        let update = lower.contains("updated") || lower.contains("modified");
        if labelled_published || (words <= 8 && !update && dated_class) {
            if self.published.is_none() {
                self.published = date_in_line(text);
            }
        } else if words <= 8 && update {
            if self.updated.is_none() {
                self.updated = date_in_line(text).map(|date| (i, date));
            }
        } else if words <= 4 && after_headline && self.bare.is_none() {
            self.bare = date_in_line(text).map(|date| (i, date));
        }
    }

    /// For a page that labels no date as its publication: the bare date or the
    /// update, whichever it shows first. A bare date below an "Updated" line is
    /// another item's (a related post's card); one above it is the article's own.
    fn first_undated(&self) -> Option<DateTime<FixedOffset>> {
        match (self.bare, self.updated) {
            (Some((b, bare)), Some((u, updated))) => Some(if u < b { updated } else { bare }),
            (bare, updated) => bare.or(updated).map(|(_, date)| date),
        }
    }
}

/// The parts of a line that the page sets apart with a separator: "Video - December
/// 19, 2025" has two, and so has "Dec. 19, 2025 · Niko Matsakis"; a long sentence
/// with dashes has one.
fn line_parts(line: &str) -> Vec<&str> {
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
fn before_by(part: &str) -> &str {
    let lower = part.to_ascii_lowercase();
    match lower.find(" by ") {
        Some(at) if has_year_bytes(&part.as_bytes()[..at]) => &part[..at],
        _ => part,
    }
}

/// The date a date line states, in words or numbers, after a label or among other
/// words: "Updated: 10/31/2024", "Posted on the 15/12/2025 at 19:00", "Published:
/// 2025.12.17".
fn date_in_line(text: &str) -> Option<DateTime<FixedOffset>> {
    parse_stated(text).or_else(|| {
        text.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_ascii_digit())).find_map(parse_stated)
    })
}

/// Cleans an author string: drops a leading "By", and what follows the name after
/// a separator, a date or an address ("Jane Doe ⋅ Review Editor", "Ann Lee - Editorial
/// Team", "Ann Lee 4 August 2010", "Newsdesk news@site.example"); decodes character
/// references a publisher escaped twice ("Maria &amp;amp; Katerina").
fn clean_byline(raw: &str) -> Option<String> {
    let text = clean(raw);
    let text = after_byline_label(&text).unwrap_or(&text);
    let line = text.split(" - ").next().unwrap_or("");
    // "Dec. 19, 2025 · Niko Matsakis": the name is the first part that is not a date.
    let parts: Vec<&str> =
        line.split(['|', '\n', '•', '·', '⋅', '–', '—']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let line = parts.iter().find(|p| parse_stated(p).is_none()).or(parts.first()).copied().unwrap_or("");
    let mut words: Vec<&str> = line
        .split_whitespace()
        .take_while(|w| !w.contains('@') && !w.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    // "Jane Doe August 4, 2010": the month goes with the day.
    let cut_at_date = words.len() < line.split_whitespace().count();
    if cut_at_date && words.last().is_some_and(|w| month_number(w).is_some()) {
        words.pop();
    }
    if words.iter().any(|w| is_identifier(w)) {
        return None;
    }
    // Texts joined from separate elements may leave "Gene Petrino , Editor".
    let name = words.join(" ").replace(" ,", ",");
    let name = name.trim_matches(|c: char| matches!(c, ',' | ':' | ';' | '-' | '&') || c.is_whitespace());
    let count = name.split_whitespace().count();
    (count > 0 && count <= 12 && !name.starts_with("http")).then(|| name.to_string())
}

/// Whether a word is a user name or a template's placeholder, not a person's name:
/// lowercase words joined by dots ("andrew.keaveney", "page.head.extra.author").
/// Initials ("J.R.R.") have one letter between dots.
fn is_identifier(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').filter(|s| !s.is_empty()).collect();
    parts.len() >= 2
        && !word.chars().any(char::is_uppercase)
        && parts.iter().all(|s| s.chars().count() >= 2 && s.chars().all(char::is_alphanumeric))
}

fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() >= 2 && primary.len() <= 3 && primary.chars().all(|c| c.is_ascii_alphabetic())).then_some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ExtractConfig;

    /// The metadata of a page, read as `extract_html` reads it: after the pre-pass.
    fn meta(html: &str) -> Metadata {
        let config = ExtractConfig::default();
        read(&Dom::parse(&crate::nesting::limit_nesting(html, config.max_depth * 2), &config))
    }

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
    fn json_ld_wins_and_graphs_are_searched() {
        let m = meta(
            r#"<html lang="en-GB"><head><title>Other | Site</title>
            <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["NewsArticle"],"headline":"The Headline",
            "datePublished":"2026-09-14T10:00:00Z","author":[{"@type":"Person","name":"Jane Doe"},{"name":"By John Roe"}],
            "publisher":{"name":"Gazette"}}]}</script>
            <meta property="og:title" content="OG title"></head><body><h1>H1</h1></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("The Headline"));
        assert_eq!(m.byline.as_deref(), Some("Jane Doe, John Roe"));
        assert_eq!(m.published.unwrap().to_rfc3339(), "2026-09-14T10:00:00+00:00");
        assert_eq!(m.site_name.as_deref(), Some("Gazette"));
        assert_eq!(m.language.as_deref(), Some("en"));
    }

    #[test]
    fn headlines_without_the_site_or_a_section() {
        let title = |html: &str| meta(html).title;
        // An <h1> that ends with the site's name, as its <title> does.
        let m = meta(
            "<head><meta property=\"og:site_name\" content=\"Artlyst\">\
             <title>Best UK Art Exhibitions 2025 – Artlyst - Artlyst</title></head>\
             <body><h1>Best UK Art Exhibitions 2025 – Artlyst</h1></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Best UK Art Exhibitions 2025"));
        assert!(m.title_forms.iter().any(|t| t == "Best UK Art Exhibitions 2025 – Artlyst"), "the <h1> as shown");
        // What starts a visible heading is its own, though it holds the site's name.
        let m = meta(
            "<head><meta property=\"og:site_name\" content=\"Digjitale\">\
             <title>Digjitale Signal #18 – The World Without Work?</title></head>\
             <body><h1>Digjitale Signal #18 – The World Without Work?</h1></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Digjitale Signal #18 – The World Without Work?"));
        // Sections and names the page does not declare are cut at " | ".
        assert_eq!(
            title("<title>How to help babies sleep through the night | Patient Education | UC Davis Hospital</title>")
                .as_deref(),
            Some("How to help babies sleep through the night")
        );
        assert_eq!(
            title("<title>The Agency | ML (Machine Learning) at Georgia Tech</title>").as_deref(),
            Some("ML (Machine Learning) at Georgia Tech")
        );
        assert_eq!(title("<title>Fire | Crime | News</title>").as_deref(), Some("Fire"), "the first of equals");
        assert_eq!(
            title(
                r#"<script type="application/ld+json">{"@type":"Article","headline":"We Help 4 Readers Find Solutions (Including"}</script>
                <meta property="og:title" content="We Help 4 Readers Find Solutions (Including One Trick) - Emily Henderson">
                <meta property="og:site_name" content="Emily Henderson">"#
            )
            .as_deref(),
            Some("We Help 4 Readers Find Solutions (Including One Trick)"),
            "a headline cut short"
        );
    }

    #[test]
    fn meta_tags_time_and_byline_elements() {
        let m = meta(
            r#"<head><title>A Story - The Site</title><link rel="canonical" href="https://thesite.example/a">
            <meta property="article:published_time" content="2026-10-02"></head>
            <body><span class="byline">By Ann Lee</span><time datetime="2020-01-01">x</time></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("A Story"), "the host names the site");
        assert_eq!(m.url.as_deref(), Some("https://thesite.example/a"));
        assert_eq!(m.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(m.published.unwrap().format("%F").to_string(), "2026-10-02");
    }

    #[test]
    fn the_visible_headline_wins_when_the_metadata_agrees() {
        let m = meta(
            r#"<head><title>Budget passes after long debate | Gazette</title>
            <meta property="og:title" content="Budget passes after long debate &amp;#8211; Gazette">
            <meta property="og:site_name" content="The Gazette"></head>
            <body><h1 class="logo">The Gazette</h1><h1>Budget passes after a long debate</h1><p>Text.</p></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Budget passes after a long debate"));
        assert!(m.title_forms.iter().any(|t| t == "Budget passes after long debate"), "{:?}", m.title_forms);
        assert!(m.title_forms.iter().any(|t| t == "Budget passes after long debate – Gazette"), "{:?}", m.title_forms);
        // A heading in capitals takes the casing of a close title with its words in order.
        let shouted = |h1: &str| {
            meta(&format!(
                "<head><title>Best Drip Coffee Maker 2026: Tips From Pros | Grounds</title>\
                 <meta property=\"og:site_name\" content=\"Grounds\"></head><h1>{h1}</h1>"
            ))
            .title
        };
        assert_eq!(
            shouted("BEST DRIP COFFEE MAKER IN 2026: TIPS FROM PROS").as_deref(),
            Some("Best Drip Coffee Maker 2026: Tips From Pros")
        );
        assert_eq!(
            shouted("DRIP COFFEE MAKER BEST IN 2026: TIPS FROM PROS").as_deref(),
            Some("DRIP COFFEE MAKER BEST IN 2026: TIPS FROM PROS")
        );
        // A one-word <h1> whose word is in the title (a logo, where the page names no
        // site) loses to the <h1> that shares the most words.
        let m = meta(
            "<head><title>Budget passes after debate | Gazette</title></head>\
             <body><h1>Gazette</h1><h1>Budget passes after a debate</h1></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Budget passes after a debate"));
        // An <h1> that is only a section name loses to the metadata title, cut of the site.
        let m = meta(
            r#"<head><meta property="og:title" content="Council approves school plan | Daily Gazette">
            <link rel="canonical" href="https://www.dailygazette.example/x"></head><body><h1>News</h1></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Council approves school plan"));
        // No metadata at all: the <h1>.
        assert_eq!(meta("<body><h1>Only heading</h1></body>").title.as_deref(), Some("Only heading"));
        // A blog's name linked to its home page is a logo, though the title has its words.
        let m = meta(
            "<head><title>Engora Data Blog: Small adventures with small models</title>\
             <meta property=\"og:title\" content=\"Small adventures with small models\"></head>\
             <body><h1 class=\"title\"><a href=\"https://blog.engora.com/\"> Engora Data Blog </a></h1>\
             <h3>Small adventures with small models</h3></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Small adventures with small models"));
        let linked = meta("<body><h1><a href=\"/2026/01/budget\">Budget passes</a></h1></body>");
        assert_eq!(linked.title.as_deref(), Some("Budget passes"), "a link to the article itself");
    }

    #[test]
    fn site_names_from_json_ld_and_short_title_forms() {
        // The site named only by a JSON-LD `WebSite` is cut off the title too.
        let m = meta(
            r#"<head><meta property="og:title" content="Council approves the school plan | Gazette">
            <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Gazette"},
            {"@type":"WebPage","datePublished":"2026-03-04"}]}</script></head><body><p>Text.</p></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Council approves the school plan"));
        // With no article object, the page object's date serves.
        assert_eq!(m.published.map(|d| d.format("%F").to_string()).as_deref(), Some("2026-03-04"));
        // A one-word form of a title is not kept: it would drop a body line reading the same.
        let m = meta(
            r#"<head><title>Review | Movies | Gazette</title><meta property="og:site_name" content="Gazette"></head>
            <body><h1>The film we waited for all year</h1></body>"#,
        );
        assert!(m.title_forms.iter().all(|t| t.split_whitespace().count() >= 3), "{:?}", m.title_forms);
        assert!(m.title_forms.iter().any(|t| t == "Review | Movies"), "{:?}", m.title_forms);
    }

    #[test]
    fn references_escaped_twice_are_decoded() {
        assert_eq!(clean("Traveler&#8217;s &amp; SF&#x27;s guide &bull; more"), "Traveler’s & SF's guide • more");
    }

    #[test]
    fn authors_by_reference_and_in_seo_labels() {
        let m = meta(
            r##"<script type="application/ld+json">{"@graph":[{"@type":"Article","headline":"H",
            "author":{"@id":"https://s.example/#/person/1"}},
            {"@type":"Person","@id":"https://s.example/#/person/1","name":"Tom Talbot"}]}</script>"##,
        );
        assert_eq!(m.byline.as_deref(), Some("Tom Talbot"));
        let m = meta(
            r#"<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Gabby Boucher">
            <meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="5 minutes">"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Gabby Boucher"));
        let m = meta(r#"<meta name="author" content="Maria &amp;amp; Katerina">"#);
        assert_eq!(m.byline.as_deref(), Some("Maria & Katerina"));
        let m = meta(r#"<meta name="author" content="David Jackson - FullStack Editorial Team">"#);
        assert_eq!(m.byline.as_deref(), Some("David Jackson"));
        // User names and template placeholders are no bylines; initials are.
        for placeholder in ["page.head.extra.author", "andrew.keaveney"] {
            let m = meta(&format!(r#"<meta name="author" content="{placeholder}">"#));
            assert_eq!(m.byline, None, "{placeholder}");
        }
        let m = meta(r#"<meta name="author" content="Gene Petrino , Home Security Expert">"#);
        assert_eq!(m.byline.as_deref(), Some("Gene Petrino, Home Security Expert"));
        let m = meta(r#"<meta name="author" content="J.R.R. Tolkien">"#);
        assert_eq!(m.byline.as_deref(), Some("J.R.R. Tolkien"));
    }

    #[test]
    fn bylines_in_the_text() {
        let cases: &[(&str, Option<&str>)] = &[
            ("<p>By Amy Wilhelm</p>", Some("Amy Wilhelm")),
            ("<div><div>By</div><div>Joanna Okedara</div></div>", Some("Joanna Okedara")),
            ("<p>Written by <a>Moses Kim and Kate Shokurova</a></p>", Some("Moses Kim and Kate Shokurova")),
            ("<p>By <span>Reyan Perumal</span> Published on July 18, 2025</p>", Some("Reyan Perumal")),
            ("<p class=\"author\">Andrew Gerrand<br>4 August 2010</p>", Some("Andrew Gerrand")),
            ("<span class=\"byline\">Matthew Richardson &sdot; Review Editor</span>", Some("Matthew Richardson")),
            (
                "<span>By</span> <div><a class=\"item-name\">Dylan Ettinger</a><div>Dylan writes about food.</div></div>",
                Some("Dylan Ettinger"),
            ),
            ("<div class=\"blog__authorname\">Michelle Lee</div>", Some("Michelle Lee")),
            ("<aside class=\"post-author\">Katie Liguori</aside>", Some("Katie Liguori")),
            ("<p class=\"author-bio\">Katie Liguori writes.</p>", None),
            // A comment form's field, and a byline element that holds only the date.
            ("<p class=\"comment-form-author\"><label for=\"author\">Name <span>*</span></label></p>", None),
            ("<span class=\"comment-author-name\">Lori Campbell</span>", None),
            ("<div class=byline>Sat, 20 Dec, 2025 - 06:36</div>", None),
            (
                "<div class=\"byline\"><span class=\"byline__tag\"><a href=\"/tag/lifestyle\">Lifestyle</a></span></div>",
                None,
            ),
            (
                "<div class=\"byline\"><span class=\"byline__tag\">Lifestyle</span><span>Isabel Haas</span></div>",
                Some("Isabel Haas"),
            ),
            // A class word ending inside a character.
            ("<p class=\"authoréxxxxx\">Katie Liguori</p>", None),
            ("<p class=\"Post-Author\">Katie Liguori</p>", Some("Katie Liguori")),
            ("<div class=\"byline\">Recipe by PJ Hamel</div>", Some("PJ Hamel")),
            ("<p class=\"byline\">Authored by: Ann Lee</p>", Some("Ann Lee")),
            ("<p class=\"author\">Jane Doe August 4, 2010</p>", Some("Jane Doe")),
            (
                "<div class=\"publish-date-author\">Dec. 19, 2025 &middot; Niko Matsakis on behalf of the survey team</div>",
                Some("Niko Matsakis"),
            ),
            ("<span class=\"author-name\">JANE DOE</span>", Some("JANE DOE")),
            ("<span class=\"author-name\">王小明</span>", Some("王小明")),
            // Menus and sentences that begin with "by" are not bylines.
            ("<nav><p>BY USE CASE</p><p>By region</p></nav>", None),
            ("<p><span>by staying proactive with maintenance</span></p>", None),
            ("<span class=\"article-author\">The Author</span>", None),
            // The name's line, without the role on the next line or in a role element.
            (
                "<div class=\"author\"><div class=\"name\">Rachel MacDonald</div><div>Writer</div></div>",
                Some("Rachel MacDonald"),
            ),
            (
                "<div itemprop=\"author\"><a>Emma Ryan</a> <span class=\"author-position\">Writer</span></div>",
                Some("Emma Ryan"),
            ),
            ("<div><p>By Keith Barry<br>Senior Autos Reporter</p></div>", Some("Keith Barry")),
            ("<div><p>By Preetam Jinka</p><p>Co-founder and Chief Architect</p></div>", Some("Preetam Jinka")),
            // A label alone on its line is not the name.
            (
                "<div class=\"author-name\"><div>By</div> <a>Tony Mastrangeli</a><div> - </div></div>",
                Some("Tony Mastrangeli"),
            ),
            ("<div class=\"attribution\">Text by <a>Hunter Dukes</a></div>", Some("Hunter Dukes")),
            ("<p>By Karl Sophanus at Acme Labs</p>", Some("Karl Sophanus")),
            // A class of CSS modules, a "Contributors:" label, a link to the author's page.
            ("<p class=\"Author_author__4ceOm\">Nick van Mead</p>", Some("Nick van Mead")),
            ("<div><strong>Contributors:</strong> Janet Loughrey</div>", Some("Janet Loughrey")),
            (
                "<nav><a href=\"/about/\">About Us</a></nav><a href=\"/blog/authors/emmanuel-oyibo\">Emmanuel Oyibo</a>",
                Some("Emmanuel Oyibo"),
            ),
            ("<a href=\"/author/ann-lee/\">View all posts</a>", None),
            ("<a href=\"/author/ann-lee/\">Articles by Ann</a>", None),
            // The linked names, where the line says more than they do.
            (
                "<div class=\"authors-name\"><span>&amp;</span> <a>Zackery Cuevas</a> <span>Writer, Hardware</span></div>",
                Some("Zackery Cuevas"),
            ),
            ("<p class=\"byline\">By <a>Jane Doe</a> and <a>John Roe</a></p>", Some("Jane Doe, John Roe")),
        ];
        for &(body, want) in cases {
            let got = meta(&format!("<body>{body}</body>")).byline;
            assert_eq!(got.as_deref(), want, "{body}");
        }
    }

    #[test]
    fn dates_shown_in_the_text() {
        let date = |body: &str| meta(&format!("<body>{body}</body>")).published.map(|d| d.format("%F").to_string());
        assert_eq!(date("<h1>T</h1><div>Published on July 18, 2025</div>").as_deref(), Some("2025-07-18"));
        assert_eq!(date("<li class=\"c-meta__date\">December 24, 2024</li>").as_deref(), Some("2024-12-24"));
        assert_eq!(date("<time>Mar 24, 2025</time>").as_deref(), Some("2025-03-24"));
        // A bare date counts only after the headline.
        let article = "<p>The council met.</p>".repeat(30);
        assert_eq!(date(&format!("<p>Dec 17, 2025</p><div><h1>T</h1>{article}</div>")), None);
        assert_eq!(
            date("<header><div><span>Dec 12, 2025</span></div><h1>T</h1></header>").as_deref(),
            Some("2025-12-12"),
            "in the headline's own header"
        );
        assert_eq!(date("<h1>T</h1><p>Dec 17, 2025</p>").as_deref(), Some("2025-12-17"));
        // Of a bare date and an update, the one shown first.
        assert_eq!(
            date("<h1>T</h1><p>Dec 17, 2025</p><span>Updated December 20, 2025</span>").as_deref(),
            Some("2025-12-17")
        );
        assert_eq!(date("<h1>T</h1><span>Updated October 23, 2025</span>").as_deref(), Some("2025-10-23"));
        // A bare date below the update line is a related post's card.
        assert_eq!(
            date("<h1>T</h1><div>Updated on October 21, 2025</div><p>The article.</p><span>July 17, 2025</span>")
                .as_deref(),
            Some("2025-10-21")
        );
        // Beside the author's name, with no headline shown; parts set apart by "・".
        assert_eq!(
            date("<div class=\"post-author\"><p>Luke Kim</p><small>December 17, 2025</small></div>").as_deref(),
            Some("2025-12-17")
        );
        assert_eq!(date("<h1>T</h1><span>December 18, 2025 ・ 3 min read</span>").as_deref(), Some("2025-12-18"));
        assert_eq!(
            date("<h1>T</h1><span><span>●</span> December 23, 2025 <span>●</span></span>").as_deref(),
            Some("2025-12-23")
        );
        // Microdata with the date as the element's text, before a related post's card.
        assert_eq!(
            date("<h1>T</h1><span itemprop=\"datePublished\">October 17, 2018</span><p>Text.</p><span>January 28, 2026</span>")
                .as_deref(),
            Some("2018-10-17")
        );
        assert_eq!(date("<p>Published March 3, 2025 · Updated March 5</p>").as_deref(), Some("2025-03-03"));
        // After the headline, not after a logo's <h1>: the sidebar's date is not the article's.
        assert_eq!(
            date(&format!(
                "<head><meta property=\"og:title\" content=\"Budget passes after debate\"></head><h1>Gazette</h1>\
                 <p>Jan 2, 2024</p><p>Most read</p><h1>Budget passes after debate</h1><p>Dec 17, 2025</p>{article}"
            ))
            .as_deref(),
            Some("2025-12-17")
        );
        assert_eq!(date("<h1>T</h1><p>6 mins</p><p>12 replies</p>"), None);
        // A date that shares its line, a long "Posted by" line, numbers, a "time" class.
        assert_eq!(
            date("<div class=\"publish-date-author\">Dec. 19, 2025 · Niko Matsakis on behalf of the Rust survey team</div>")
                .as_deref(),
            Some("2025-12-19")
        );
        assert_eq!(
            date("<span class=\"posted\">Posted by David at December 16, 2025 11:15 AM</span>").as_deref(),
            Some("2025-12-16")
        );
        assert_eq!(date("<span class=\"time\">3/4/2025</span>").as_deref(), Some("2025-03-04"));
        assert_eq!(
            date("<h1>T</h1><p>Dec 17, 2025</p><span class=\"date\">Updated · Dec 20, 2025</span>").as_deref(),
            Some("2025-12-17"),
            "an update's date shares its line"
        );
        assert_eq!(date("<h1>T</h1><span>17.05.2021</span>").as_deref(), Some("2021-05-17"));
        // Meta tags of a site's own naming.
        let date = |head: &str| meta(&format!("<head>{head}</head>")).published.map(|d| d.format("%F").to_string());
        assert_eq!(
            date(r#"<meta name="w-published-date" content="2025-05-27T06:03:43Z">"#).as_deref(),
            Some("2025-05-27")
        );
        assert_eq!(
            date(r#"<meta name="citation_publication_date" content="2023 Jan 7">"#).as_deref(),
            Some("2023-01-07")
        );
        assert_eq!(date(r#"<meta name="published-date-modified" content="2024-07-30">"#), None);
    }

    #[test]
    fn dates_among_other_words() {
        let article = "<p>The council met.</p>".repeat(30);
        let cases: &[(&str, Option<&str>, &str)] = &[
            (
                "<h1>T</h1><p class=\"author\">Andrew Gerrand<br>4 August 2010</p>",
                Some("2010-08-04"),
                "a line of its own",
            ),
            ("<h1>T</h1><p class=\"meta\">Video - December 19, 2025</p>", Some("2025-12-19"), "a part after a dash"),
            (
                "<h1>T</h1><div class=\"meta\">September 1st, 2023 <span>By Emily Norwood</span></div>",
                Some("2023-09-01"),
                "a byline after it",
            ),
            ("<h1>T</h1><div class=\"dateline\">[Submitted on 18 Dec 2025]</div>", Some("2025-12-18"), "in brackets"),
            (
                "<h1>T</h1><div>Posted on the 15/12/2025 at 19:00 by Guillaume Gomez</div>",
                Some("2025-12-15"),
                "numbers after a label",
            ),
            ("<h1>T</h1><p><i>Updated: 10/31/2024</i></p>", Some("2024-10-31"), "an update in numbers"),
            (
                "<h1>T</h1><p><span>Essay - Published: 2025.12.17 | </span><a>AI</a></p>",
                Some("2025-12-17"),
                "a labelled part",
            ),
            (
                "<div><p>February 4, 2025 - 11 minutes</p><h1>T</h1><div>x</div>",
                Some("2025-02-04"),
                "right before the headline",
            ),
            (
                "<h2 class=\"date-header\"><span>Monday, September 8, 2008</span></h2><h3>T</h3>",
                Some("2008-09-08"),
                "a dated heading",
            ),
            ("<h1>T</h1><p class=\"meta\">Jane Doe - Editor at large since March 2019</p>", None, "no day"),
            (
                "<h1>T</h1><p>We met in Rome - on 4 August 2010 - and the rest of that long week we talked</p>",
                None,
                "a sentence",
            ),
        ];
        for (body, want, why) in cases {
            let got = meta(&format!("<body>{body}{article}</body>")).published.map(|d| d.format("%F").to_string());
            assert_eq!(got.as_deref(), *want, "{why}: {body}");
        }
        // Without an `<h1>`, the element that shows the headline stands for it.
        let head =
            "<head><title>Top 5 HR Tools | Acme</title><meta property=\"og:title\" content=\"Top 5 HR Tools\"></head>";
        let got =
            |body: &str| meta(&format!("{head}<body>{body}</body>")).published.map(|d| d.format("%F").to_string());
        let body = format!(
            "<div><p>Jan 2, 2024</p><p>Popular</p></div><nav>Home</nav><p>Top 5 HR Tools</p><p>Feb 16, 2026</p>{article}"
        );
        assert_eq!(got(&body).as_deref(), Some("2026-02-16"));
    }

    #[test]
    fn people_over_organizations_and_cited_authors() {
        let ld = r#"<script type="application/ld+json">{"@type": "BlogPosting", "headline": "T",
            "author": {"@type": "Organization", "name": "GlossGenius"}}</script>"#;
        let person = r#"<div class="staff"><div class="text__author">Shauna Mitchell</div></div>"#;
        let byline = |head: &str, body: &str| meta(&format!("<head>{head}</head><body>{body}</body>")).byline;
        assert_eq!(byline(ld, person).as_deref(), Some("Shauna Mitchell"), "the person the page names");
        assert_eq!(byline(ld, "<p>No name here.</p>").as_deref(), Some("GlossGenius"), "else the organization");
        let by_person = ld.replace("Organization", "Person").replace("GlossGenius", "Ann Lee");
        assert_eq!(byline(&by_person, person).as_deref(), Some("Ann Lee"), "a person in the metadata stays");
        // The site's name as the author gives way to a person's full name, not to a
        // first name alone or a comment's author.
        let site = r#"<meta property="og:site_name" content="USA TODAY"><meta name="author" content="USA TODAY">"#;
        for (shown, want) in [
            ("<span class=\"author-name\">Brian Truitt</span>", "Brian Truitt"),
            ("<span class=\"author-name\">Brian</span>", "USA TODAY"),
            ("<div class=\"comment-author\">Lori Campbell says</div>", "USA TODAY"),
        ] {
            assert_eq!(byline(site, shown).as_deref(), Some(want), "{shown}");
        }
        let cited = r#"<meta name="citation_author" content="Roy, Aniruddha">
            <meta name="citation_author" content="Jyoti Patel">"#;
        assert_eq!(byline(cited, "").as_deref(), Some("Aniruddha Roy, Jyoti Patel"));
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
    fn dates_in_nested_json_ld_and_last_changes() {
        let date = |head: &str| meta(&format!("<head>{head}</head>")).published.map(|d| d.format("%F").to_string());
        let blog = r#"<script type="application/ld+json">{"@type": "Blog", "blogPost": [{"@type": "BlogPosting",
            "headline": "Old frames", "datePublished": "2025-12-19T20:20:42Z"}]}</script>"#;
        assert_eq!(date(blog).as_deref(), Some("2025-12-19"));
        // A page that states only when it changed is dated then.
        assert_eq!(
            date(r#"<meta property="article:modified_time" content="2023-06-12T10:39:42+00:00">"#).as_deref(),
            Some("2023-06-12")
        );
        assert_eq!(
            date(
                r#"<meta property="article:modified_time" content="2023-06-12T10:39:42+00:00">
                <meta property="article:published_time" content="2021-01-05T08:00:00+00:00">"#
            )
            .as_deref(),
            Some("2021-01-05")
        );
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

    #[test]
    fn json_ld_in_a_meta_tag() {
        let m = meta(
            r#"<meta name="script:ld+json" content="{&quot;@type&quot;:&quot;Article&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}">"#,
        );
        assert_eq!(m.published.map(|d| d.to_rfc3339()).as_deref(), Some("2025-11-17T09:00:00-05:00"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let m = meta(
            r#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><h1>Fallback</h1>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Fallback"));
    }
}
