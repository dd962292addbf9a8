//! Story summaries outside the store: the `distill summarize --by FIELD` contract.
//! Lines of a JSON Lines file that share FIELD's value are one story; each story
//! gets `{"story", "bullets": [{"text", "citations": [{"id", "sentence"}]}]}`, at most
//! a word budget in all, from [`distill_nlp::summarize_story`], or from one of two
//! baselines that ROUGE is measured beside: the lead (the first article's first
//! sentences) and round-robin leads (each article's first sentence in turn, then
//! each one's second, ...).
//!
//! This module only reads lines, groups them and prints; the summarizer is distill-nlp's.

use std::collections::HashMap;
use std::io::{BufRead, Write};

use distill_nlp::{StoryDoc, split_sentences, summarize_story};
use serde_json::{Value, json};

use crate::Result;
use crate::cluster::parse_published;

/// How a story's bullets are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryMethod {
    /// The multi-document summarizer.
    Extractive,
    /// The first article's first sentences (a baseline).
    Lead,
    /// Each article's first sentence in turn, then each one's second, ... (a baseline).
    RoundRobin,
}

/// What a `summarize --by` run read.
#[derive(Debug, Clone, Copy, Default)]
pub struct ByReport {
    /// Stories summarized.
    pub stories: usize,
    /// Lines skipped (bad JSON, no FIELD, no text).
    pub skipped: usize,
}

/// One input line.
struct Line {
    id: String,
    title: String,
    text: String,
    source: Option<String>,
    published: Option<i64>,
}

/// A field's value as a story key or an id: a string as it is, a number as written.
fn key_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Reads `{id (or article_id), text, title?, source?, published?, FIELD}` lines, groups them by
/// FIELD's value (stories in order of first appearance, articles in file order),
/// and writes one story line per group to `out`; bad lines go to `errors`.
pub fn summarize_by(
    input: impl BufRead,
    name: &str,
    field: &str,
    words: usize,
    method: StoryMethod,
    out: &mut impl Write,
    errors: &mut impl Write,
) -> Result<ByReport> {
    let mut report = ByReport::default();
    let mut order: Vec<(Value, Vec<Line>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let parsed = serde_json::from_str::<Value>(&line).map_err(|e| format!("invalid JSON: {e}")).and_then(|v| {
            let key = key_of(v.get(field)).ok_or_else(|| format!("no {field:?} (a non-empty string or a number)"))?;
            // Evaluation sets name it `article_id`.
            let id = key_of(v.get("id"))
                .or_else(|| key_of(v.get("article_id")))
                .ok_or("no \"id\" (a non-empty string or a number)")?;
            let text = v.get("text").and_then(Value::as_str).ok_or("no \"text\" string")?.to_string();
            let string = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
            let article = Line {
                id,
                title: string("title").unwrap_or_default(),
                text,
                source: string("source"),
                published: v.get("published").and_then(parse_published),
            };
            Ok((key, v[field].clone(), article))
        });
        match parsed {
            Ok((key, value, article)) => {
                let next = order.len();
                let i = *index.entry(key).or_insert(next);
                if i == next {
                    order.push((value, Vec::new()));
                }
                order[i].1.push(article);
            }
            Err(why) => {
                writeln!(errors, "skipped {name} line {}: {why}", n + 1)?;
                report.skipped += 1;
            }
        }
    }
    for (story, lines) in &order {
        let docs: Vec<StoryDoc<'_>> = lines
            .iter()
            .map(|l| StoryDoc {
                id: &l.id,
                title: &l.title,
                text: &l.text,
                source: l.source.as_deref(),
                published: l.published,
            })
            .collect();
        let bullets: Vec<Value> = match method {
            StoryMethod::Extractive => summarize_story(&docs, words)
                .into_iter()
                .map(|b| {
                    let citations: Vec<Value> =
                        b.citations.iter().map(|c| json!({"id": c.id, "sentence": c.sentence})).collect();
                    json!({"text": b.text, "citations": citations, "disputed": b.disputed})
                })
                .collect(),
            StoryMethod::Lead | StoryMethod::RoundRobin => baseline(&docs, words, method),
        };
        writeln!(out, "{}", json!({"story": story, "bullets": bullets}))?;
        report.stories += 1;
    }
    out.flush()?;
    Ok(report)
}

/// A baseline's bullets: whole sentences in the method's order while they fit, the
/// last one cut to the budget (as the classic lead baselines are).
fn baseline(docs: &[StoryDoc<'_>], words: usize, method: StoryMethod) -> Vec<Value> {
    let sentences: Vec<Vec<distill_core::Sentence>> = docs.iter().map(|d| split_sentences(d.text)).collect();
    let mut order: Vec<(usize, usize)> = Vec::new();
    if method == StoryMethod::Lead {
        if let Some(first) = sentences.first() {
            order.extend((0..first.len()).map(|s| (0, s)));
        }
    } else {
        let longest = sentences.iter().map(Vec::len).max().unwrap_or(0);
        for s in 0..longest {
            order.extend((0..docs.len()).filter(|&a| s < sentences[a].len()).map(|a| (a, s)));
        }
    }
    let mut left = words;
    let mut bullets = Vec::new();
    for (a, s) in order {
        if left == 0 {
            break;
        }
        let text: Vec<&str> = sentences[a][s].text.split_whitespace().take(left).collect();
        left -= text.len();
        bullets.push(json!({"text": text.join(" "), "citations": [{"id": docs[a].id, "sentence": s}]}));
    }
    bullets
}

#[cfg(test)]
mod tests {
    use super::*;

    const INPUT: &str = concat!(
        "{\"id\": \"a\", \"event\": \"fire\", \"title\": \"Fire at the port\", \"text\": \"A fire destroyed a warehouse in the port of Antwerp on Tuesday night. About 120 firefighters fought the blaze for six hours.\"}\n",
        "{\"id\": \"q\", \"event\": 7, \"text\": \"A magnitude 6.1 earthquake struck central Chile on Sunday, officials said. Houses were damaged in two towns.\"}\n",
        "not json\n",
        "{\"id\": \"b\", \"event\": \"fire\", \"text\": \"Fire destroyed a large warehouse in the port of Antwerp late on Tuesday, firefighters said. Some 80 firefighters battled the blaze through the night.\"}\n",
        "{\"id\": \"c\", \"text\": \"no event\"}\n",
    );

    fn run(method: StoryMethod, words: usize) -> (Vec<Value>, ByReport, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let report = summarize_by(INPUT.as_bytes(), "in.jsonl", "event", words, method, &mut out, &mut err).unwrap();
        let lines = String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        (lines, report, String::from_utf8(err).unwrap())
    }

    #[test]
    fn lines_sharing_the_field_are_one_story_in_order_of_first_appearance() {
        let (lines, report, err) = run(StoryMethod::Extractive, 100);
        assert_eq!((report.stories, report.skipped), (2, 2));
        assert_eq!(lines[0]["story"], json!("fire"));
        assert_eq!(lines[1]["story"], json!(7));
        assert!(err.contains("line 3: invalid JSON"), "{err}");
        assert!(err.contains("line 5: no \"event\""), "{err}");
        let ids: Vec<&str> = lines[0]["bullets"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|b| b["citations"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()))
            .collect();
        assert!(ids.contains(&"a") && ids.contains(&"b"), "{lines:?}");
    }

    #[test]
    fn baselines_fill_the_budget_in_their_order() {
        let (lead, _, _) = run(StoryMethod::Lead, 15);
        let bullets = lead[0]["bullets"].as_array().unwrap();
        let words: usize = bullets.iter().map(|b| b["text"].as_str().unwrap().split_whitespace().count()).sum();
        assert_eq!(words, 15);
        assert!(bullets.iter().all(|b| b["citations"][0]["id"] == "a"));
        let (rr, _, _) = run(StoryMethod::RoundRobin, 40);
        let ids: Vec<&str> =
            rr[0]["bullets"].as_array().unwrap().iter().map(|b| b["citations"][0]["id"].as_str().unwrap()).collect();
        assert_eq!(&ids[..2], ["a", "b"]);
    }
}
