//! The entity-mention index in PostgreSQL: the same rows and answers as SQLite's (see
//! `crate::entities`), one statement per article to write them.

use std::collections::HashMap;

use distill_core::{Attribution, Entity};
use postgres::{GenericClient, Row, Statement};

use super::{PgStore, Work, count, prepared, read_summary};
use crate::Result;
use crate::entities::{self, Analyzed, CoMention, EntityDay, EntityMention, co_mentioned_sql, index_rows, name_key};

/// The index's schema (one migration); text columns sort byte by byte, as in SQLite.
pub(super) const MIGRATION: &str = r#"
    CREATE TABLE entity_mentions (
        article_id TEXT COLLATE "C" NOT NULL,
        name_key   TEXT COLLATE "C" NOT NULL,
        name       TEXT COLLATE "C" NOT NULL,
        type       TEXT NOT NULL,
        role       TEXT NOT NULL,
        aliases    TEXT NOT NULL,
        mentions   INTEGER NOT NULL,
        quotes     INTEGER NOT NULL,
        canonical  BOOLEAN NOT NULL,
        PRIMARY KEY (article_id, name_key)
    );
    CREATE INDEX entity_mentions_key ON entity_mentions (name_key, article_id);
"#;

const DELETE: &str = "DELETE FROM entity_mentions WHERE article_id = $1";
const INSERT: &str = "INSERT INTO entity_mentions (article_id, name_key, name, type, role, aliases, mentions, quotes, canonical)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int4[], $8::int4[], $9::bool[])";

/// Rewrites one article's rows, inside the caller's transaction.
pub(super) fn write(
    client: &mut impl GenericClient,
    statements: &mut HashMap<&'static str, Statement>,
    id: &str,
    entities: &[Entity],
    attributions: &[Attribution],
) -> Work<()> {
    let delete = prepared(client, statements, DELETE)?;
    client.execute(&delete, &[&id])?;
    let rows = index_rows(entities, attributions);
    if rows.is_empty() {
        return Ok(());
    }
    let column = |f: fn(&entities::IndexRow) -> String| rows.iter().map(f).collect::<Vec<String>>();
    let keys = column(|r| r.key.clone());
    let names = column(|r| r.name.clone());
    let kinds = column(|r| r.kind.to_string());
    let roles = column(|r| r.role.to_string());
    let aliases = column(|r| r.aliases.clone());
    let mentions: Vec<i32> = rows.iter().map(|r| r.mentions).collect();
    let quotes: Vec<i32> = rows.iter().map(|r| r.quotes).collect();
    let canonical: Vec<bool> = rows.iter().map(|r| r.canonical).collect();
    let insert = prepared(client, statements, INSERT)?;
    client.execute(&insert, &[&id, &keys, &names, &kinds, &roles, &aliases, &mentions, &quotes, &canonical])?;
    Ok(())
}

/// Fills the index from every stored article, inside the migration's transaction; an
/// article whose analysis does not read is left out, as in SQLite.
pub(super) fn backfill(client: &mut impl GenericClient) -> std::result::Result<(), postgres::Error> {
    let stored = client.query(
        "SELECT id, jsonb_build_object('entities', COALESCE(analysis -> 'entities', '[]'),
                                       'attributions', COALESCE(analysis -> 'attributions', '[]'))::text
         FROM articles",
        &[],
    )?;
    let mut statements = HashMap::new();
    for row in &stored {
        let id: String = row.get(0);
        let Ok(a) = serde_json::from_str::<Analyzed>(&row.get::<_, String>(1)) else { continue };
        match write(client, &mut statements, &id, &a.entities, &a.attributions) {
            Ok(()) => {}
            Err(super::Failure::Pg(e)) => return Err(e),
            // `write` reports only the server's failures.
            Err(super::Failure::Store(_)) => {}
        }
    }
    Ok(())
}

fn read_mention(r: &Row) -> EntityMention {
    EntityMention {
        article: read_summary(r),
        name: r.get(8),
        kind: entities::entity_type(r.get(9)),
        role: entities::entity_role(r.get(10)),
        aliases: entities::aliases(r.get(11)),
        mentions: r.get::<_, i32>(12).max(0) as usize,
        quotes: r.get::<_, i32>(13).max(0) as usize,
    }
}

impl PgStore {
    pub(super) fn entity_articles_pg(&self, name: &str, limit: usize) -> Result<Vec<EntityMention>> {
        let key = name_key(name);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        self.with(|conn| {
            let rows = conn.query(
                "SELECT a.id, a.title, a.url, a.source, a.published, a.language, a.duplicate_of, a.published_offset,
                        e.name, e.type, e.role, e.aliases, e.mentions, e.quotes
                 FROM entity_mentions e JOIN articles a ON a.id = e.article_id
                 WHERE e.name_key = $1
                 ORDER BY a.published IS NULL, a.published DESC, a.seq DESC LIMIT $2",
                &[&key, &(limit as i64)],
            )?;
            Ok(rows.iter().map(read_mention).collect())
        })
    }

    pub(super) fn co_mentioned_pg(&self, name: &str, limit: usize) -> Result<Vec<CoMention>> {
        let key = name_key(name);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        self.with(|conn| {
            let rows = conn.query(co_mentioned_sql!("$1", "$2", "TRUE"), &[&key, &(limit as i64)])?;
            Ok(rows
                .iter()
                .map(|r| CoMention {
                    name: r.get(0),
                    kind: entities::entity_type(r.get(1)),
                    articles: count(r, 2),
                    mentions: count(r, 3),
                })
                .collect())
        })
    }

    pub(super) fn entity_days_pg(&self, name: &str) -> Result<Vec<EntityDay>> {
        let key = name_key(name);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        self.with(|conn| {
            let rows = conn.query(
                "SELECT a.published, a.published_offset, e.mentions
                 FROM entity_mentions e JOIN articles a ON a.id = e.article_id WHERE e.name_key = $1",
                &[&key],
            )?;
            Ok(entities::by_day(
                rows.iter().map(|r| (super::to_published(r.get(0), r.get(1)), r.get::<_, i32>(2).max(0) as usize)),
            ))
        })
    }
}
