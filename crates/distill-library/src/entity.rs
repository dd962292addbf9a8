//! An entity across the stored articles: the articles that name it, how often over
//! time, the entities named beside it and what it said. The CLI (`distill entity`),
//! the API (`/api/entities/{name}`) and the entity page all call [`Library::entity`],
//! which reads the store's entity-mention index and, for what it said, only the
//! articles that attribute a claim to it.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use distill_core::{ArticleId, AttributionKind, EntityRole, EntityType, Stance};
use distill_store::{ArticleSummary, CoMention, EntityDay, EntityMention, name_key, said_by};
use serde::Serialize;
use utoipa::ToSchema;

use crate::folder::{Library, Result};

/// Longest entity name looked up, in bytes: a name is a few words.
pub const MAX_ENTITY_NAME_BYTES: usize = 200;
/// Articles an entity view lists unless asked for another number.
pub const DEFAULT_ENTITY_ARTICLES: usize = 50;
/// Most articles an entity view lists.
pub const MAX_ENTITY_ARTICLES: usize = 500;
/// Entities named beside it that a view lists.
const CO_MENTIONED: usize = 12;
/// Most articles read for what the entity said (the newest that quote it).
const SAID_ARTICLES: usize = 20;
/// Most claims a view lists.
const MAX_SAID: usize = 50;
/// Longest timeline counted by day; a longer one is counted by month.
const DAILY_SPAN_DAYS: i64 = 90;

/// Which entity to show.
#[derive(Debug, Clone)]
pub struct EntityQuery {
    /// Its name or one of its aliases, as an article writes it.
    pub name: String,
    /// Most articles to list.
    pub limit: usize,
}

impl EntityQuery {
    /// A query for `name` (trimmed) listing `limit` articles; the reason, for people,
    /// when the name is empty or too long or the limit is out of range.
    pub fn new(name: &str, limit: usize) -> std::result::Result<EntityQuery, String> {
        let name = name.trim();
        if name.is_empty() {
            return Err("give an entity's name, as an article writes it".to_string());
        }
        if name.len() > MAX_ENTITY_NAME_BYTES {
            return Err(format!("an entity name is at most {MAX_ENTITY_NAME_BYTES} bytes; this one is {}", name.len()));
        }
        if !(1..=MAX_ENTITY_ARTICLES).contains(&limit) {
            return Err(format!("give a limit of 1 to {MAX_ENTITY_ARTICLES} articles, not {limit}"));
        }
        Ok(EntityQuery { name: name.to_string(), limit })
    }
}

/// An entity across the stored articles: what the entity page shows, `distill
/// entity NAME --json` prints and `/api/entities/{name}` returns.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct EntityView {
    /// Its canonical name: the one the listed articles use most.
    pub name: String,
    /// What it is, as most of the listed articles tag it.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The other names the listed articles use for it, the most used first.
    pub aliases: Vec<String>,
    /// Stored articles that name it, copies included.
    pub articles_in_all: usize,
    /// Their sentences that name it or refer back to it.
    pub mentions_in_all: usize,
    /// Articles and mentions per day (per month beyond 90 days), oldest first;
    /// undated articles are left out.
    pub timeline: Vec<MentionPeriod>,
    /// The articles that name it, newest first (at most the query's limit).
    pub articles: Vec<EntityArticle>,
    /// The entities most often named in the same stories.
    pub co_mentioned: Vec<CoMention>,
    /// What the articles report it said, newest article first.
    pub said: Vec<SaidView>,
}

/// How many articles named an entity in one period.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct MentionPeriod {
    /// The day (`2026-09-14`) or month (`2026-09`).
    pub period: String,
    /// Its first day.
    pub start: NaiveDate,
    /// The day after its last.
    pub end: NaiveDate,
    /// Articles that name it, copies included.
    pub articles: usize,
    /// Their sentences that name it or refer back to it.
    pub mentions: usize,
}

/// An article that names the entity, with the entity's part in it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct EntityArticle {
    /// The article's row.
    #[serde(flatten)]
    pub article: ArticleSummary,
    /// The entity's part in it: publisher, party, source, place, affected or other.
    pub role: EntityRole,
    /// Its sentences that name the entity or refer back to it.
    pub mentions: usize,
    /// Claims it attributes to the entity.
    pub quotes: usize,
}

/// A claim an article attributes to the entity.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SaidView {
    /// The article.
    pub article: ArticleId,
    /// Its title.
    pub title: String,
    /// Its publication.
    pub source: Option<String>,
    /// The speaker as the article names it.
    pub speaker: String,
    /// The claim: a direct quote's words, or the reported clause.
    pub text: String,
    /// Quoted or reported.
    pub kind: AttributionKind,
    /// The words that attribute it ("said", "according to").
    pub cue: String,
    /// How firmly it is put.
    pub stance: Stance,
    /// Index of the sentence that holds it.
    pub sentence: usize,
    /// That sentence.
    pub sentence_text: String,
}

impl Library {
    /// The entity that a name or alias names, across the stored articles; `None` when
    /// no stored article names it.
    pub fn entity(&self, query: &EntityQuery) -> Result<Option<EntityView>> {
        let mentions = self.store.entity_articles(&query.name, query.limit)?;
        if mentions.is_empty() {
            return Ok(None);
        }
        let (name, kind, aliases) = identity(&mentions, &query.name);
        let days = self.store.entity_days(&query.name)?;
        let said = self.said(&mentions)?;
        let co_mentioned = self.store.co_mentioned(&query.name, CO_MENTIONED)?;
        Ok(Some(EntityView {
            name,
            kind,
            aliases,
            articles_in_all: days.iter().map(|d| d.articles).sum(),
            mentions_in_all: days.iter().map(|d| d.mentions).sum(),
            timeline: timeline(&days),
            articles: mentions
                .into_iter()
                .map(|m| EntityArticle { article: m.article, role: m.role, mentions: m.mentions, quotes: m.quotes })
                .collect(),
            co_mentioned,
            said,
        }))
    }

    /// The claims of the newest articles that quote the entity.
    fn said(&self, mentions: &[EntityMention]) -> Result<Vec<SaidView>> {
        let mut said = Vec::new();
        for m in mentions.iter().filter(|m| m.quotes > 0).take(SAID_ARTICLES) {
            let Some(article) = self.store.get(&m.article.id)? else { continue };
            for a in article.attributions.iter().filter(|a| said_by(a, &m.name, &m.aliases)) {
                said.push(SaidView {
                    article: article.id.clone(),
                    title: article.title.clone(),
                    source: article.source.clone(),
                    speaker: a.speaker.clone(),
                    text: a.text.clone(),
                    kind: a.kind,
                    cue: a.cue.clone(),
                    stance: a.stance,
                    sentence: a.sentence,
                    sentence_text: article.sentences.get(a.sentence).map(|s| s.text.clone()).unwrap_or_default(),
                });
                if said.len() == MAX_SAID {
                    return Ok(said);
                }
            }
        }
        Ok(said)
    }
}

/// The entity's name, type and aliases from the articles that name it: the most used
/// canonical name and type (the newest article's on a tie), and every other name they
/// use for it, the most used first.
fn identity(mentions: &[EntityMention], asked: &str) -> (String, EntityType, Vec<String>) {
    let mut names: Vec<(String, usize)> = Vec::new();
    let mut kinds: Vec<(EntityType, usize)> = Vec::new();
    for m in mentions {
        let mut count = |name: &str| match names.iter_mut().find(|(n, _)| n == name) {
            Some((_, n)) => *n += 1,
            None => names.push((name.to_string(), 1)),
        };
        count(&m.name);
        match kinds.iter_mut().find(|(k, _)| *k == m.kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((m.kind, 1)),
        }
    }
    // Stable sorts: on a tie, the newest article's comes first.
    names.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    kinds.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let name = names.first().map_or_else(|| asked.to_string(), |(n, _)| n.clone());
    let kind = kinds.first().map_or(EntityType::Other, |(k, _)| *k);
    let mut uses: HashMap<String, usize> = HashMap::new();
    for m in mentions {
        for alias in std::iter::once(&m.name).chain(&m.aliases) {
            *uses.entry(alias.clone()).or_default() += 1;
        }
    }
    let mut aliases: Vec<(String, usize)> = uses.into_iter().filter(|(a, _)| *a != name).collect();
    aliases.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut seen = vec![name_key(&name)];
    let aliases = aliases
        .into_iter()
        .map(|(a, _)| a)
        .filter(|a| {
            // "U.S." and "US" are one name to a reader; the most used spelling stays.
            let key = name_key(a);
            let new = !seen.contains(&key);
            seen.push(key);
            new
        })
        .collect();
    (name, kind, aliases)
}

/// Counts by day, or by month when the dated articles span more than 90 days.
fn timeline(days: &[EntityDay]) -> Vec<MentionPeriod> {
    let dated: Vec<(NaiveDate, &EntityDay)> = days.iter().filter_map(|d| Some((d.day?, d))).collect();
    let (Some(first), Some(last)) = (dated.first(), dated.last()) else { return Vec::new() };
    let monthly = (last.0 - first.0).num_days() > DAILY_SPAN_DAYS;
    let mut periods: Vec<MentionPeriod> = Vec::new();
    for (day, d) in dated {
        let (start, end, period) = if monthly {
            let Some(start) = day.with_day(1) else { continue };
            let Some(end) = start.checked_add_months(chrono::Months::new(1)) else { continue };
            (start, end, start.format("%Y-%m").to_string())
        } else {
            let Some(end) = day.succ_opt() else { continue };
            (day, end, day.to_string())
        };
        match periods.last_mut() {
            Some(p) if p.start == start => {
                p.articles += d.articles;
                p.mentions += d.mentions;
            }
            _ => periods.push(MentionPeriod { period, start, end, articles: d.articles, mentions: d.mentions }),
        }
    }
    periods
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn names_too_long_or_empty_are_refused_with_a_reason() {
        assert!(EntityQuery::new("  ", 10).unwrap_err().contains("name"));
        let long = EntityQuery::new(&"x".repeat(10_000), 10).unwrap_err();
        assert!(long.contains("at most 200 bytes") && long.contains("10000"), "{long}");
        assert!(EntityQuery::new("NATO", 0).is_err());
        assert_eq!(EntityQuery::new(" NATO ", 5).unwrap().name, "NATO");
    }

    #[test]
    fn a_timeline_counts_by_day_then_by_month() {
        let d = |s: &str, articles| EntityDay { day: day(s), articles, mentions: 2 * articles };
        let daily =
            timeline(&[d("2026-09-12", 1), d("2026-09-14", 2), EntityDay { day: None, articles: 4, mentions: 4 }]);
        assert_eq!(daily.iter().map(|p| p.period.as_str()).collect::<Vec<_>>(), ["2026-09-12", "2026-09-14"]);
        assert_eq!((daily[1].articles, daily[1].mentions, daily[1].end), (2, 4, day("2026-09-15").unwrap()));
        let monthly = timeline(&[d("2026-01-30", 1), d("2026-01-31", 1), d("2026-06-02", 3)]);
        assert_eq!(monthly.iter().map(|p| p.period.as_str()).collect::<Vec<_>>(), ["2026-01", "2026-06"]);
        assert_eq!((monthly[0].articles, monthly[0].end), (2, day("2026-02-01").unwrap()));
        assert!(timeline(&[]).is_empty());
    }
}
