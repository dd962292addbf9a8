//! Stories end to end: the sample corpus's reports gathered by event, the same story
//! from the CLI and the API, its page, and filing again on `reindex`.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::support::*;

/// Partitions of the same items as sets of item indices, to compare groupings whose
/// group names differ.
fn partition(groups: &[String]) -> BTreeSet<Vec<usize>> {
    let mut by: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, g) in groups.iter().enumerate() {
        by.entry(g).or_default().push(i);
    }
    by.into_values().collect()
}

/// Each article's event in the corpus manifest, by title (the corpus's titles are
/// distinct; two of its articles have no URL).
fn events() -> BTreeMap<String, String> {
    manifest()
        .iter()
        .filter_map(|item| Some((item["title"].as_str()?.to_string(), item["event"].as_str()?.to_string())))
        .collect()
}

/// B-cubed precision and recall of stories (article -> story) against events.
fn b_cubed(story_of: &BTreeMap<String, String>, event_of: &BTreeMap<String, String>) -> (f64, f64) {
    let (mut precision, mut recall) = (0.0, 0.0);
    for (article, story) in story_of {
        let event = &event_of[article];
        let same_story: Vec<&String> = story_of.iter().filter(|(_, s)| *s == story).map(|(a, _)| a).collect();
        let same_event: Vec<&String> = story_of.keys().filter(|a| event_of[*a] == *event).collect();
        let both = same_story.iter().filter(|a| event_of[**a] == *event).count() as f64;
        precision += both / same_story.len() as f64;
        recall += both / same_event.len() as f64;
    }
    let n = story_of.len() as f64;
    (precision / n, recall / n)
}

#[test]
fn the_sample_corpus_gathers_into_stories_that_the_cli_and_the_api_show_alike() {
    let data = sample_library();
    let listed = json(data, &["stories", "--json", "--limit", "1000"]);
    let stories = listed["stories"].as_array().unwrap();
    assert_eq!(listed["total"].as_u64().unwrap() as usize, stories.len());
    let events = events();

    // Every article is filed under exactly one story; a copy under its original's.
    let mut story_of: BTreeMap<String, String> = BTreeMap::new();
    let server = Server::start(data);
    for story in stories {
        let id = story["id"].as_str().unwrap();
        let view = json(data, &["story", id, "--json"]);
        let (status, _, body) = server.get(&format!("/api/stories/{id}"));
        assert_eq!(status, 200);
        assert_eq!(serde_json::from_str::<Value>(&body).unwrap(), view, "{id}");
        let articles = view["articles"].as_array().unwrap();
        assert_eq!(articles.len() as u64, story["copies"].as_u64().unwrap());
        let sources: BTreeSet<&str> = articles.iter().filter_map(|a| a["source"].as_str()).collect();
        assert_eq!(sources.len() as u64, story["sources"].as_u64().unwrap(), "{id}");
        for a in articles {
            let title = a["title"].as_str().unwrap().to_string();
            assert!(story_of.insert(title, id.to_string()).is_none(), "{a} is in two stories");
        }
        // Key points cite real sentences of the story's own articles, and say only
        // what those sentences say.
        for bullet in view["bullets"].as_array().unwrap() {
            let mut said = Vec::new();
            for c in bullet["citations"].as_array().unwrap() {
                let cited = c["id"].as_str().unwrap();
                assert!(articles.iter().any(|a| a["id"] == cited), "{id} cites {cited}, not one of its articles");
                let article = json(data, &["show", cited, "--json"]);
                let sentence = &article["sentences"][c["sentence"].as_u64().unwrap() as usize]["text"];
                said.extend(words(sentence.as_str().unwrap()));
            }
            assert!(
                words(bullet["text"].as_str().unwrap()).iter().all(|w| said.contains(w)),
                "{bullet} is not drawn from the sentences it cites"
            );
        }
    }
    assert_eq!(story_of.len(), events.len(), "every article of the corpus is filed");
    let manifest = manifest();
    for item in &manifest {
        if let Some(original) = item["duplicate_of"].as_str() {
            let original = manifest.iter().find(|m| m["url"] == original).unwrap();
            let (copy, original) = (item["title"].as_str().unwrap(), original["title"].as_str().unwrap());
            assert_eq!(story_of[copy], story_of[original], "{copy:?} is a copy of {original:?}");
        }
    }
    // Stories gather reports of one event and never mix two: the corpus's eight
    // events in 32 articles.
    let (precision, recall) = b_cubed(&story_of, &events);
    assert!(precision >= 0.95, "B-cubed precision {precision:.3}");
    assert!(recall >= 0.45, "B-cubed recall {recall:.3}");
    assert!(stories.len() < events.len(), "{} stories for {} articles", stories.len(), events.len());

    // The story page shows its key points, sources and chart; an article names its story.
    let busiest = stories.iter().max_by_key(|s| s["sources"].as_u64()).unwrap();
    let id = busiest["id"].as_str().unwrap();
    let (status, _, page) = server.get(&format!("/stories/{id}"));
    assert_eq!(status, 200);
    assert!(page.contains("<h2>Key points</h2>") && page.contains("<h2>All sources</h2>"), "{page}");
    assert!(page.contains("<svg") && page.contains("<rect"), "a coverage chart");
    let member = json(data, &["story", id, "--json"])["articles"][1]["id"].as_str().unwrap().to_string();
    let article = json(data, &["show", &member, "--json"]);
    assert_eq!(article["story"]["id"], busiest["id"]);
    let (_, _, page) = server.get(&format!("/articles/{member}"));
    assert!(page.contains(&format!("href=\"/stories/{id}\"")), "the article links its story");
    let (status, _, _) = server.get("/stories/0000000000000000");
    assert_eq!(status, 404);
}

#[test]
fn reindex_files_every_article_again_with_the_same_stories() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["ingest", corpus().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let before = json(dir.path(), &["stories", "--json", "--limit", "1000"]);
    let out = run(dir.path(), &["reindex"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout(&out).contains("filed 32 articles under"), "{}", stdout(&out));
    let after = json(dir.path(), &["stories", "--json", "--limit", "1000"]);
    assert_eq!(before, after);
    let out = run(dir.path(), &["stories", "--since", "yesterday-ish"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--since"), "{}", String::from_utf8_lossy(&out.stderr));
}

/// Ingest files stories with the very algorithm `distill cluster` runs: the stored
/// articles (as extraction made them), fed to `distill cluster` in the order they
/// were ingested, group the same way, with the encoder (when the model is there) and
/// without it.
#[test]
fn ingest_groups_articles_as_distill_cluster_does() {
    let Some(ecb) = eval_data("data/clusters/ecbplus.jsonl", "ingest_groups_articles_as_distill_cluster_does") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    // 150 articles of ECB+, which has no copies: every stored article is an original.
    let lines: Vec<String> = std::fs::read_to_string(ecb)
        .unwrap()
        .lines()
        .take(150)
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let id = v["article_id"].as_str().map(str::to_string).unwrap_or_else(|| v["article_id"].to_string());
            serde_json::json!({"url": format!("https://ecb.example/{id}"), "title": v["title"], "text": v["text"],
                "source": "ecb"})
            .to_string()
        })
        .collect();
    std::fs::write(&input, lines.join("\n")).unwrap();
    let mut modes: Vec<Vec<String>> = vec![vec![]];
    if let Some(models) = models("ingest_groups_articles_as_distill_cluster_does") {
        modes.push(vec!["--models".into(), models.to_str().unwrap().to_string()]);
    }
    for flags in modes {
        let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
        let data = tempfile::tempdir().unwrap();
        let mut args = vec!["ingest", input.to_str().unwrap()];
        args.extend(&flags);
        let out = run(data.path(), &args);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        // Each stored article's story, by URL.
        let stories = json(data.path(), &["stories", "--json", "--limit", "1000"]);
        let mut story_of: BTreeMap<String, (String, String)> = BTreeMap::new();
        for story in stories["stories"].as_array().unwrap() {
            let id = story["id"].as_str().unwrap();
            for a in json(data.path(), &["story", id, "--json"])["articles"].as_array().unwrap() {
                let article = (a["id"].as_str().unwrap().to_string(), id.to_string());
                story_of.insert(a["url"].as_str().unwrap().to_string(), article);
            }
        }
        // The stored articles in input order (a line ingest skipped is left out).
        let mut ingested = Vec::new();
        let mut stored = String::new();
        for line in &lines {
            let url = serde_json::from_str::<Value>(line).unwrap()["url"].as_str().unwrap().to_string();
            let Some((id, story)) = story_of.get(&url) else { continue };
            let a = json(data.path(), &["show", id, "--json"]);
            let fields = serde_json::json!({"id": id, "title": a["title"], "text": a["text"], "source": a["source"],
                "published": a["published"]});
            stored.push_str(&format!("{fields}\n"));
            ingested.push(story.clone());
        }
        assert!(ingested.len() >= 140, "{} of 150 lines stored", ingested.len());
        let stored_file = dir.path().join("stored.jsonl");
        std::fs::write(&stored_file, stored).unwrap();
        let mut args = vec!["cluster", stored_file.to_str().unwrap()];
        args.extend(&flags);
        let out = run(dir.path(), &args);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let clustered: Vec<String> =
            stdout(&out).lines().map(|l| serde_json::from_str::<Value>(l).unwrap()["story"].to_string()).collect();
        assert_eq!(partition(&ingested), partition(&clustered), "flags {flags:?}");
        assert!(partition(&clustered).len() < ingested.len() / 2, "{flags:?}: the lines do group");
    }
}
