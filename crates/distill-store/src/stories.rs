//! Stories in SQLite: each article row names its story (`articles.story`), and the
//! `stories` table keeps what a list shows (title, times, counts, key points) so that
//! a page of stories is read from one index, never by grouping every article.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use distill_core::{ArticleId, Story, StoryBullet};
use rusqlite::{Connection, OptionalExtension, params};

use crate::{ArticleSummary, Result, StoreError, StoryMember, StoryQuery};

/// The story columns, in the order [`read_story`] reads them.
const STORY_COLUMNS: &str = "id, title, first_seen, last_updated, articles, copies, sources, bullets";

fn read_story(r: &rusqlite::Row<'_>) -> rusqlite::Result<(Story, String)> {
    let id: String = r.get(0)?;
    let time = |i: usize| -> rusqlite::Result<DateTime<Utc>> {
        let text: String = r.get(i)?;
        Ok(DateTime::parse_from_rfc3339(&text).map(|d| d.with_timezone(&Utc)).unwrap_or_default())
    };
    let count = |i: usize| -> rusqlite::Result<usize> { Ok(r.get::<_, i64>(i)?.max(0) as usize) };
    let story = Story {
        id: id.into(),
        title: r.get(1)?,
        first_seen: time(2)?,
        last_updated: time(3)?,
        articles: count(4)?,
        copies: count(5)?,
        sources: count(6)?,
        bullets: Vec::new(),
    };
    Ok((story, r.get(7)?))
}

/// A story row with its key points parsed; a row whose key points do not parse is
/// reported as corrupt, naming the story.
fn parse(row: (Story, String)) -> Result<Story> {
    let (mut story, bullets) = row;
    story.bullets = serde_json::from_str(&bullets)
        .map_err(|e| StoreError::Corrupt { id: story.id.to_string(), reason: e.to_string() })?;
    Ok(story)
}

pub(crate) fn set_stories(conn: &mut Connection, assignments: &[(ArticleId, ArticleId)]) -> Result<()> {
    let tx = conn.transaction()?;
    {
        let mut write = tx.prepare_cached("UPDATE articles SET story = ?2 WHERE id = ?1")?;
        for (article, story) in assignments {
            write.execute(params![article.as_str(), story.as_str()])?;
        }
    }
    tx.commit()?;
    Ok(())
}

pub(crate) fn stories_of(conn: &Connection, ids: &[ArticleId]) -> Result<HashMap<ArticleId, ArticleId>> {
    let mut stmt = conn.prepare_cached("SELECT story FROM articles WHERE id = ?1 AND story IS NOT NULL")?;
    let mut found = HashMap::new();
    for id in ids {
        if let Some(story) = stmt.query_row([id.as_str()], |r| r.get::<_, String>(0)).optional()? {
            found.insert(id.clone(), story.into());
        }
    }
    Ok(found)
}

pub(crate) fn recent_story_members(conn: &Connection, limit: usize) -> Result<Vec<StoryMember>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, story, title, body, source, published, published_offset FROM (
             SELECT id, story, title, body, source, published, published_offset, seq FROM articles
             WHERE story IS NOT NULL AND duplicate_of IS NULL ORDER BY seq DESC LIMIT ?1
         ) ORDER BY seq",
    )?;
    let rows = stmt.query_map([limit as i64], |r| {
        Ok(StoryMember {
            id: r.get::<_, String>(0)?.into(),
            story: r.get::<_, String>(1)?.into(),
            title: r.get(2)?,
            text: r.get(3)?,
            source: r.get(4)?,
            published: crate::sqlite::to_published(r.get(5)?, r.get(6)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(crate) fn refresh_story(conn: &mut Connection, id: &str, bullets: &[StoryBullet]) -> Result<Option<Story>> {
    let bullets = serde_json::to_string(bullets)
        .map_err(|e| StoreError::Corrupt { id: id.to_string(), reason: e.to_string() })?;
    let tx = conn.transaction()?;
    // The title is the headline of the article that started the story, else of its
    // first article with one. Its times are its articles' publication times; only a
    // story of undated articles takes their ingestion times.
    let written = tx.execute(
        "INSERT INTO stories (id, title, first_seen, last_updated, articles, copies, sources, bullets)
         SELECT ?1,
                COALESCE((SELECT title FROM articles WHERE id = ?1 AND story = ?1 AND title <> ''),
                         (SELECT title FROM articles WHERE story = ?1 AND title <> '' ORDER BY seq LIMIT 1), ''),
                COALESCE(MIN(published), MIN(ingested_at)), COALESCE(MAX(published), MAX(ingested_at)),
                SUM(duplicate_of IS NULL), COUNT(*), COUNT(DISTINCT source), ?2
         FROM articles WHERE story = ?1
         GROUP BY story
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_seen = excluded.first_seen,
           last_updated = excluded.last_updated, articles = excluded.articles, copies = excluded.copies,
           sources = excluded.sources, bullets = excluded.bullets",
        params![id, bullets],
    )?;
    if written == 0 {
        tx.execute("DELETE FROM stories WHERE id = ?1", [id])?;
    }
    let story = if written == 0 { None } else { story(&tx, id)? };
    tx.commit()?;
    Ok(story)
}

pub(crate) fn story(conn: &Connection, id: &str) -> Result<Option<Story>> {
    let row = conn
        .prepare_cached(&format!("SELECT {STORY_COLUMNS} FROM stories WHERE id = ?1"))?
        .query_row([id], read_story)
        .optional()?;
    row.map(parse).transpose()
}

pub(crate) fn stories(conn: &Connection, query: &StoryQuery) -> Result<Vec<Story>> {
    let since = query.since.map(|t| t.to_rfc3339());
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {STORY_COLUMNS} FROM stories WHERE ?3 IS NULL OR last_updated >= ?3
         ORDER BY last_updated DESC, id LIMIT ?1 OFFSET ?2"
    ))?;
    let rows = stmt.query_map(params![query.limit as i64, query.offset as i64, since], read_story)?;
    rows.map(|row| parse(row?)).collect()
}

pub(crate) fn count_stories(conn: &Connection, query: &StoryQuery) -> Result<usize> {
    let since = query.since.map(|t| t.to_rfc3339());
    let n: i64 = conn
        .prepare_cached("SELECT COUNT(*) FROM stories WHERE ?1 IS NULL OR last_updated >= ?1")?
        .query_row([since], |r| r.get(0))?;
    Ok(n.max(0) as usize)
}

pub(crate) fn story_articles(conn: &Connection, id: &str, limit: usize) -> Result<Vec<ArticleSummary>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, url, source, published, language, duplicate_of, published_offset
         FROM articles WHERE story = ?1
         ORDER BY COALESCE(published, ingested_at), seq LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![id, limit as i64], crate::sqlite::read_summary)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
