//! The entity-mention index: one row per article and per name an entity goes by in
//! it (its canonical name and each alias), keyed by a normalized form of the name
//! ([`name_key`]), so that the articles naming "U.S." or "United States" are found from
//! an index rather than by reading every article's analysis.
//!
//! The rows are derived from the article's stored entities and attributions and are
//! rewritten in the same transaction as the article, so they never drift from it; a
//! migration fills them for the articles stored before the index existed. This module
//! holds what both backends share (the key, the rows, the result types) and the SQLite
//! queries; the PostgreSQL ones live in `postgres/entities.rs`.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use distill_core::{Attribution, Entity, EntityRole, EntityType};
use rusqlite::{Connection, params};
use serde::Serialize;

use crate::{ArticleSummary, Result};

/// Returns the key a name is indexed and looked up under: lower case, dots and
/// apostrophes dropped ("U.S." is "us"), any other run of punctuation or space one
/// space, and a leading "the" dropped ("the White House" is "white house").
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        if matches!(c, '.' | '\'' | '’' | '‘' | '\u{0}') {
            continue;
        }
        if c.is_alphanumeric() {
            if space && !key.is_empty() {
                key.push(' ');
            }
            space = false;
            key.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    match key.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => key,
    }
}

/// An article that names an entity, with the part the entity plays in it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityMention {
    /// The article.
    pub article: ArticleSummary,
    /// The entity's canonical name in this article.
    pub name: String,
    /// What the entity is, as this article's tagger saw it.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The part it plays in this article.
    pub role: EntityRole,
    /// The other forms this article uses for it.
    pub aliases: Vec<String>,
    /// Sentences of the article that name it or refer back to it.
    pub mentions: usize,
    /// Claims the article attributes to it.
    pub quotes: usize,
}

/// Another entity named in the same articles as the one asked about.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoMention {
    /// Its canonical name.
    pub name: String,
    /// What it is.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Stories (an original and its copies count once) that name both.
    pub articles: usize,
    /// Its mentions in those articles, copies included.
    pub mentions: usize,
}

/// How many articles named an entity on one day, as their publishers date them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityDay {
    /// The publisher's day; `None` for the articles without a date.
    pub day: Option<NaiveDate>,
    /// Articles that name the entity.
    pub articles: usize,
    /// Their sentences that name it or refer back to it.
    pub mentions: usize,
}

/// One row of the index, as both backends write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IndexRow {
    pub(crate) key: String,
    pub(crate) name: String,
    pub(crate) kind: &'static str,
    pub(crate) role: &'static str,
    /// The entity's aliases, as a JSON array.
    pub(crate) aliases: String,
    pub(crate) mentions: i32,
    pub(crate) quotes: i32,
    /// Whether `key` is the key of the canonical name (not of an alias).
    pub(crate) canonical: bool,
}

/// The index rows of one article: for each entity, its canonical name's key and its
/// aliases' keys. Two entities under one key keep one row: a canonical name wins over
/// an alias, then the more mentioned entity.
pub(crate) fn index_rows(entities: &[Entity], attributions: &[Attribution]) -> Vec<IndexRow> {
    let mut rows: BTreeMap<String, IndexRow> = BTreeMap::new();
    for canonical in [true, false] {
        for e in entities {
            let own = name_key(&e.name);
            let keys: Vec<String> = if canonical {
                vec![own.clone()]
            } else {
                e.aliases.iter().map(|a| name_key(a)).filter(|k| *k != own).collect()
            };
            for key in keys.into_iter().filter(|k| !k.is_empty()) {
                let row = IndexRow {
                    name: e.name.replace('\0', ""),
                    kind: e.kind.as_str(),
                    role: e.role.as_str(),
                    aliases: serde_json::to_string(&e.aliases).unwrap_or_else(|_| "[]".into()),
                    mentions: i32::try_from(e.mentions.len()).unwrap_or(i32::MAX),
                    quotes: i32::try_from(quotes_of(e, attributions)).unwrap_or(i32::MAX),
                    canonical,
                    key: key.clone(),
                };
                match rows.get(&key) {
                    Some(kept) if kept.canonical && !canonical => {}
                    Some(kept) if kept.canonical == canonical && kept.mentions >= row.mentions => {}
                    _ => {
                        rows.insert(key, row);
                    }
                }
            }
        }
    }
    rows.into_values().collect()
}

/// Whether an attribution is the entity's: it names the entity, or (naming none) its
/// speaker is one of the names the entity goes by.
pub fn said_by(a: &Attribution, name: &str, aliases: &[String]) -> bool {
    match &a.entity {
        Some(entity) => entity == name,
        None => {
            let speaker = name_key(&a.speaker);
            !speaker.is_empty() && (speaker == name_key(name) || aliases.iter().any(|alias| name_key(alias) == speaker))
        }
    }
}

fn quotes_of(e: &Entity, attributions: &[Attribution]) -> usize {
    attributions.iter().filter(|a| said_by(a, &e.name, &e.aliases)).count()
}

/// Reads a type as stored; an unknown one (written by a newer distill) is `Other`.
pub(crate) fn entity_type(s: &str) -> EntityType {
    serde_json::from_value(serde_json::Value::String(s.to_string())).unwrap_or(EntityType::Other)
}

/// Reads a role as stored; an unknown one is `Other`.
pub(crate) fn entity_role(s: &str) -> EntityRole {
    serde_json::from_value(serde_json::Value::String(s.to_string())).unwrap_or(EntityRole::Other)
}

/// Reads a JSON list of aliases as stored; a damaged one reads as none.
pub(crate) fn aliases(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_default()
}

/// Counts articles and mentions by the publisher's day, oldest first, undated last.
pub(crate) fn by_day(rows: impl IntoIterator<Item = (Option<DateTime<FixedOffset>>, usize)>) -> Vec<EntityDay> {
    let mut days: BTreeMap<Option<NaiveDate>, (usize, usize)> = BTreeMap::new();
    for (published, mentions) in rows {
        let entry = days.entry(published.map(|t| t.date_naive())).or_default();
        entry.0 += 1;
        entry.1 += mentions;
    }
    // `None` sorts first in a BTreeMap: moved to the end, where a list says "undated".
    let (dated, undated): (Vec<_>, Vec<_>) = days
        .into_iter()
        .map(|(day, (articles, mentions))| EntityDay { day, articles, mentions })
        .partition(|d| d.day.is_some());
    dated.into_iter().chain(undated).collect()
}

/// The index's schema in SQLite (one migration).
pub(crate) const SQLITE_MIGRATION: &str = r#"
    CREATE TABLE entity_mentions (
        article_id TEXT NOT NULL,
        name_key   TEXT NOT NULL,
        name       TEXT NOT NULL,
        type       TEXT NOT NULL,
        role       TEXT NOT NULL,
        aliases    TEXT NOT NULL,
        mentions   INTEGER NOT NULL,
        quotes     INTEGER NOT NULL,
        canonical  INTEGER NOT NULL,
        PRIMARY KEY (article_id, name_key)
    ) WITHOUT ROWID;
    CREATE INDEX entity_mentions_key ON entity_mentions (name_key, article_id);
"#;

/// Rewrites one article's rows (SQLite), inside the caller's transaction.
pub(crate) fn write_sqlite(
    conn: &Connection,
    id: &str,
    entities: &[Entity],
    attributions: &[Attribution],
) -> Result<()> {
    conn.prepare_cached("DELETE FROM entity_mentions WHERE article_id = ?1")?.execute([id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO entity_mentions (article_id, name_key, name, type, role, aliases, mentions, quotes, canonical)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for r in index_rows(entities, attributions) {
        insert.execute(params![id, r.key, r.name, r.kind, r.role, r.aliases, r.mentions, r.quotes, r.canonical])?;
    }
    Ok(())
}

/// The entities and attributions of an analysis column, as the backfill reads them.
#[derive(serde::Deserialize, Default)]
pub(crate) struct Analyzed {
    #[serde(default)]
    pub(crate) entities: Vec<Entity>,
    #[serde(default)]
    pub(crate) attributions: Vec<Attribution>,
}

/// Fills the index from every stored article (SQLite), inside the migration's
/// transaction. An article whose analysis does not read is left out of the index; it
/// is reported as corrupt wherever it is read whole.
pub(crate) fn backfill_sqlite(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare("SELECT id, analysis FROM articles")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        let analysis: String = row.get(1)?;
        if let Ok(a) = serde_json::from_str::<Analyzed>(&analysis) {
            write_sqlite(conn, &id, &a.entities, &a.attributions)?;
        }
    }
    Ok(())
}

/// The article columns of an [`EntityMention`], then the index's, in the order
/// [`read_mention_sqlite`] reads them.
const MENTION_COLUMNS: &str = "a.id, a.title, a.url, a.source, a.published, a.language, a.duplicate_of,
    a.published_offset, e.name, e.type, e.role, e.aliases, e.mentions, e.quotes";

fn read_mention_sqlite(r: &rusqlite::Row<'_>) -> rusqlite::Result<EntityMention> {
    Ok(EntityMention {
        article: crate::sqlite::read_summary(r)?,
        name: r.get(8)?,
        kind: entity_type(&r.get::<_, String>(9)?),
        role: entity_role(&r.get::<_, String>(10)?),
        aliases: aliases(&r.get::<_, String>(11)?),
        mentions: r.get::<_, i64>(12)?.max(0) as usize,
        quotes: r.get::<_, i64>(13)?.max(0) as usize,
    })
}

pub(crate) fn entity_articles_sqlite(conn: &Connection, name: &str, limit: usize) -> Result<Vec<EntityMention>> {
    let key = name_key(name);
    if key.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {MENTION_COLUMNS} FROM entity_mentions e JOIN articles a ON a.id = e.article_id
         WHERE e.name_key = ?1
         ORDER BY a.published IS NULL, a.published DESC, a.seq DESC LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![key, limit as i64], read_mention_sqlite)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The co-mention query, the same text in both backends: the other entities'
/// canonical rows in the articles that name this one, by the stories that name both.
/// The article's own name for the entity is left out, and so are publishers (the
/// outlet that carries every story it names).
macro_rules! co_mentioned_sql {
    ($key:literal, $limit:literal, $canonical:literal) => {
        concat!(
            "SELECT MIN(o.name), MIN(o.type), COUNT(DISTINCT COALESCE(a.duplicate_of, a.id)), SUM(o.mentions)
             FROM entity_mentions e
             JOIN entity_mentions o ON o.article_id = e.article_id AND o.canonical = ",
            $canonical,
            " AND o.name <> e.name AND o.name_key <> ",
            $key,
            " AND o.role <> 'publisher'
             JOIN articles a ON a.id = e.article_id
             WHERE e.name_key = ",
            $key,
            " GROUP BY o.name_key
             ORDER BY COUNT(DISTINCT COALESCE(a.duplicate_of, a.id)) DESC, SUM(o.mentions) DESC, o.name_key
             LIMIT ",
            $limit
        )
    };
}
pub(crate) use co_mentioned_sql;

pub(crate) fn co_mentioned_sqlite(conn: &Connection, name: &str, limit: usize) -> Result<Vec<CoMention>> {
    let key = name_key(name);
    if key.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(co_mentioned_sql!("?1", "?2", "1"))?;
    let rows = stmt.query_map(params![key, limit as i64], |r| {
        Ok(CoMention {
            name: r.get(0)?,
            kind: entity_type(&r.get::<_, String>(1)?),
            articles: r.get::<_, i64>(2)?.max(0) as usize,
            mentions: r.get::<_, i64>(3)?.max(0) as usize,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(crate) fn entity_days_sqlite(conn: &Connection, name: &str) -> Result<Vec<EntityDay>> {
    let key = name_key(name);
    if key.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT a.published, a.published_offset, e.mentions
         FROM entity_mentions e JOIN articles a ON a.id = e.article_id WHERE e.name_key = ?1",
    )?;
    let rows = stmt.query_map([key], |r| {
        Ok((crate::sqlite::to_published(r.get(0)?, r.get(1)?), r.get::<_, i64>(2)?.max(0) as usize))
    })?;
    Ok(by_day(rows.collect::<rusqlite::Result<Vec<_>>>()?))
}

/// Each row's key with its entity's name and whether the key is the canonical name's.
#[cfg(test)]
fn keys(rows: &[IndexRow]) -> std::collections::HashMap<&str, (&str, bool)> {
    rows.iter().map(|r| (r.key.as_str(), (r.name.as_str(), r.canonical))).collect()
}

#[cfg(test)]
mod tests {
    use distill_core::{AttributionKind, Stance};

    use super::*;

    fn entity(name: &str, aliases: &[&str], mentions: usize) -> Entity {
        Entity {
            name: name.into(),
            kind: EntityType::Person,
            role: EntityRole::Party,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: (0..mentions).collect(),
        }
    }

    #[test]
    fn names_key_alike_whatever_their_dots_case_and_article() {
        assert_eq!(name_key("U.S."), "us");
        assert_eq!(name_key("US"), "us");
        assert_eq!(name_key("  United   States "), "united states");
        assert_eq!(name_key("the White House"), "white house");
        assert_eq!(name_key("O’Brien"), "obrien");
        assert_eq!(name_key("Zürich-Nord"), "zürich nord");
        assert_eq!(name_key("<script>alert(1)</script>"), "script alert 1 script");
        assert_eq!(name_key("..."), "");
        assert_eq!(name_key("The"), "the", "a name that is only the article stays");
    }

    #[test]
    fn rows_key_canonical_names_and_aliases_and_count_quotes() {
        let us = entity("United States", &["U.S.", "US"], 3);
        let umarov = entity("Temur Umarov", &["Umarov"], 2);
        let said = |speaker: &str, entity: Option<&str>| Attribution {
            speaker: speaker.into(),
            entity: entity.map(str::to_string),
            text: "words".into(),
            kind: AttributionKind::Reported,
            cue: "said".into(),
            stance: Stance::Asserted,
            sentence: 0,
        };
        let attributions = [said("Umarov", Some("Temur Umarov")), said("Umarov", None), said("critics", None)];
        let rows = index_rows(&[us, umarov], &attributions);
        let keys = keys(&rows);
        assert_eq!(keys.len(), 4, "{rows:?}");
        assert_eq!(keys["united states"], ("United States", true));
        assert_eq!(keys["us"], ("United States", false), "U.S. and US are one key");
        assert_eq!(keys["umarov"], ("Temur Umarov", false));
        let umarov = rows.iter().find(|r| r.key == "temur umarov").unwrap();
        assert_eq!((umarov.mentions, umarov.quotes), (2, 2));
        assert_eq!(rows.iter().find(|r| r.key == "us").unwrap().quotes, 0);
    }

    #[test]
    fn a_canonical_name_wins_its_key_over_another_entitys_alias() {
        let rows = index_rows(&[entity("Johnson", &[], 1), entity("Boris Johnson", &["Johnson"], 5)], &[]);
        let keys = keys(&rows);
        assert_eq!(keys["johnson"], ("Johnson", true));
        assert_eq!(keys["boris johnson"], ("Boris Johnson", true));
        assert_eq!(rows.len(), 2);
    }

    #[test]
    fn days_count_by_the_publishers_day_and_undated_come_last() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).ok();
        let days = by_day([
            (at("2026-09-14T23:30:00-05:00"), 2),
            (None, 1),
            (at("2026-09-14T08:00:00+02:00"), 3),
            (at("2026-09-12T08:00:00+00:00"), 1),
        ]);
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(
            days,
            [
                EntityDay { day: day("2026-09-12"), articles: 1, mentions: 1 },
                EntityDay { day: day("2026-09-14"), articles: 2, mentions: 5 },
                EntityDay { day: None, articles: 1, mentions: 1 },
            ]
        );
    }
}
