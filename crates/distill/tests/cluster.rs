//! `distill cluster` (the story clustering contract), `distill eval cluster` (its
//! quality gate on ECB+), and `distill summarize --by` (the story summary contract).

use serde_json::Value;

use crate::support::{eval_data, models, repo, run, stdout};

/// Two reports of one harbour strike, two of one earthquake, and another earthquake:
/// one line out per line in, in order; the strike's reports share a story, the two
/// earthquakes stay apart; a bad line is named on stderr and skipped.
#[test]
fn cluster_prints_a_story_per_line_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let lines = [
        serde_json::json!({"id": "s1", "title": "Rotterdam harbour pilots strike", "published": "2026-05-04T08:00:00Z", "source": "A",
            "text": "Harbour pilots in Rotterdam walked out on Monday over a new rota, the union FNV said, halting container traffic at Europe's largest port. Port authorities said ships were queuing at anchor."}),
        serde_json::json!({"id": "q1", "title": "Strong quake hits Sumatra", "published": "2026-05-04T09:00:00Z",
            "text": "A magnitude 7.1 earthquake struck off the coast of Sumatra on Tuesday, Indonesia's meteorology agency said. Buildings shook in Padang and residents fled to higher ground fearing a tsunami. The agency said the epicentre was 60 km west of Padang."}),
        serde_json::json!({"id": 3, "title": "Ships queue as Rotterdam pilots strike", "published": "2026-05-04T12:00:00Z",
            "text": "Ships queued at anchor off Rotterdam after harbour pilots went on strike over a new rota, the FNV union said. Container traffic at the port was halted."}),
        serde_json::json!({"id": "q2", "title": "Quake rattles northern California",
            "text": "A magnitude 6.4 earthquake shook northern California near Eureka on Sunday, the US Geological Survey said. The quake knocked out power to thousands of homes in Humboldt County and damaged a bridge."}),
        serde_json::json!({"id": "q3", "title": "Padang residents flee after Sumatra earthquake",
            "text": "Residents of Padang ran into the streets after a strong earthquake of magnitude 7.1 hit western Sumatra, Indonesia's meteorology agency reported. A tsunami warning was issued and later lifted."}),
    ];
    let mut text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    text.insert_str(0, "{\"id\": \"broken\"\n");
    std::fs::write(&input, text).unwrap();
    let out = run(dir.path(), &["cluster", input.to_str().unwrap()]);
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "a skipped line makes the exit status 1");
    assert!(error.contains("line 1: invalid JSON"), "{error}");
    let got: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let pairs: Vec<(Value, Value)> = got.iter().map(|v| (v["id"].clone(), v["story"].clone())).collect();
    let expected = [("s1", "s1"), ("q1", "q1"), ("3", "s1"), ("q2", "q2"), ("q3", "q1")];
    assert_eq!(pairs.len(), expected.len(), "{pairs:?}");
    for ((id, story), (want_id, want_story)) in pairs.iter().zip(expected) {
        let id = id.as_str().map(str::to_string).unwrap_or_else(|| id.to_string());
        assert_eq!((id.as_str(), story.as_str().unwrap()), (want_id, want_story), "{pairs:?}");
    }
    assert_eq!(got[2]["id"], serde_json::json!(3), "the id comes back as written");

    // The same input gives the same stories.
    let again = run(dir.path(), &["cluster", input.to_str().unwrap()]);
    assert_eq!(stdout(&again), stdout(&out));
    // A missing file is an error that names it.
    let missing = run(dir.path(), &["cluster", "nowhere.jsonl"]);
    assert!(!missing.status.success() && String::from_utf8_lossy(&missing.stderr).contains("nowhere.jsonl"));
}

/// Story clustering on ECB+ (hard negatives: two events of one kind per topic) stays
/// at or above the floors kept in `floors/cluster-ecbplus.json`.
#[test]
fn clustering_quality_stays_above_its_floors_on_ecbplus() {
    let Some(gold) = eval_data("data/clusters/ecbplus.jsonl", "clustering_quality_stays_above_its_floors_on_ecbplus")
    else {
        return;
    };
    let floors = repo().join("floors/cluster-ecbplus.json");
    let data = tempfile::tempdir().unwrap();
    let out = run(data.path(), &["eval", "cluster", gold.to_str().unwrap(), "--floors", floors.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("982 articles, 86 events"), "{text}");
}

/// Story clustering on AllSides/NeuS (307 events, three outlets each, leads only)
/// stays at or above the floors kept in `floors/cluster-neus.json`.
#[test]
fn clustering_quality_stays_above_its_floors_on_neus() {
    let Some(gold) =
        eval_data("data/stories/allsides-neus-test.jsonl", "clustering_quality_stays_above_its_floors_on_neus")
    else {
        return;
    };
    let floors = repo().join("floors/cluster-neus.json");
    let data = tempfile::tempdir().unwrap();
    let out = run(data.path(), &["eval", "cluster", gold.to_str().unwrap(), "--floors", floors.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("921 articles, 307 events"), "{text}");
}

/// With the encoder, `distill cluster` blends the embedding cosine in: two outlets'
/// reports of one protest join, two earthquakes of one kind stay apart, and the same
/// input gives the same stories.
#[test]
fn cluster_with_the_encoder_joins_reports_and_keeps_events_apart() {
    let Some(models) = models("cluster_with_the_encoder_joins_reports_and_keeps_events_apart") else { return };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let lines = [
        serde_json::json!({"id": "p1", "title": "Thousands march in Santiago over pensions", "source": "Wire",
            "text": "Thousands of people marched through Santiago on Saturday to demand a reform of Chile's private pension system, police said."}),
        serde_json::json!({"id": "q1", "title": "Strong quake hits Sumatra", "source": "Courier",
            "text": "A magnitude 7.1 earthquake struck off the coast of Sumatra on Tuesday, Indonesia's meteorology agency said. Buildings shook in Padang and residents fled to higher ground."}),
        serde_json::json!({"id": "p2", "title": "Chileans rally against retirement scheme", "source": "Herald",
            "text": "Tens of thousands of protesters filled the streets of Santiago on Saturday against Chile's private pension funds, demanding higher retirement pay."}),
        serde_json::json!({"id": "q2", "title": "Quake rattles northern California", "source": "Herald",
            "text": "A magnitude 6.4 earthquake shook northern California near Eureka on Sunday, the US Geological Survey said. The quake knocked out power to thousands of homes."}),
    ];
    std::fs::write(&input, lines.iter().map(|l| format!("{l}\n")).collect::<String>()).unwrap();
    let args = ["cluster", input.to_str().unwrap(), "--models", models.to_str().unwrap()];
    let out = run(dir.path(), &args);
    let errors = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{errors}");
    assert!(!errors.contains("lexical signals only"), "the encoder is used: {errors}");
    let stories: Vec<String> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["story"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(stories, ["p1", "q1", "p1", "q2"], "{}", stdout(&out));
    assert_eq!(stdout(&run(dir.path(), &args)), stdout(&out));
}

/// `distill summarize INPUT --by FIELD --words N`: one line per story, in order of
/// first appearance, whose bullets cite real sentences of the story's articles
/// (as the sentence splitter numbers them), state each fact once, keep two outlets'
/// differing figures, and hold the word budget; without --by, the per-article
/// contract is unchanged.
#[test]
fn summarize_by_prints_one_cited_summary_per_story_within_the_budget() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let fire = [
        (
            "a",
            "A fire destroyed a warehouse in the port of Antwerp on Tuesday night, the fire brigade said. About 120 firefighters fought the blaze for six hours. Nobody was hurt, according to the city. The warehouse stored bicycle tyres and paint.",
        ),
        (
            "b",
            "Fire destroyed a large warehouse in Antwerp's port late on Tuesday, firefighters said. Some 80 firefighters battled the blaze through the night. The city said nobody was hurt in the fire. Smoke drifted over the northern districts and residents were told to keep windows shut.",
        ),
        (
            "c",
            "A huge blaze gutted a port warehouse in Antwerp on Tuesday night, the fire brigade said. Residents of northern districts were told to keep their windows closed because of the smoke. Police are investigating the cause of the fire.",
        ),
    ];
    let mut lines: Vec<Value> =
        fire.iter().map(|(id, text)| serde_json::json!({"id": id, "event": "fire", "text": text})).collect();
    lines.insert(1, serde_json::json!({"id": "q", "event": "quake", "title": "Quake in Chile",
        "text": "A magnitude 6.1 earthquake struck central Chile on Sunday, officials said. Houses were damaged in two towns. There were no reports of deaths."}));
    std::fs::write(&input, lines.iter().map(|l| format!("{l}\n")).collect::<String>()).unwrap();
    for words in [100usize, 25] {
        let out =
            run(dir.path(), &["summarize", input.to_str().unwrap(), "--by", "event", "--words", &words.to_string()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let stories: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let names: Vec<&str> = stories.iter().map(|s| s["story"].as_str().unwrap()).collect();
        assert_eq!(names, ["fire", "quake"]);
        for story in &stories {
            let bullets = story["bullets"].as_array().unwrap();
            assert!(!bullets.is_empty(), "{story}");
            let total: usize = bullets.iter().map(|b| b["text"].as_str().unwrap().split_whitespace().count()).sum();
            assert!(total <= words, "{total} words over {words}: {story}");
            for b in bullets {
                for c in b["citations"].as_array().unwrap() {
                    let id = c["id"].as_str().unwrap();
                    let text = lines.iter().find(|l| l["id"] == id).unwrap()["text"].as_str().unwrap();
                    let sentences = distill_nlp::split_sentences(text);
                    assert!(c["sentence"].as_u64().unwrap() < sentences.len() as u64, "{c} in {story}");
                }
            }
        }
        if words == 100 {
            let fire = stories[0]["bullets"].as_array().unwrap();
            let texts: Vec<&str> = fire.iter().map(|b| b["text"].as_str().unwrap()).collect();
            let destroyed = texts.iter().filter(|t| t.contains("destroyed") || t.contains("gutted")).count();
            assert_eq!(destroyed, 1, "the fire is stated once: {texts:?}");
            assert!(texts.iter().any(|t| t.contains("120")) && texts.iter().any(|t| t.contains("80")), "{texts:?}");
            let cited: std::collections::BTreeSet<&str> = fire
                .iter()
                .flat_map(|b| b["citations"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()))
                .collect();
            assert_eq!(cited.len(), 3, "every outlet is cited: {texts:?}");
        }
    }
    let per_article = run(dir.path(), &["summarize", input.to_str().unwrap()]);
    assert!(per_article.status.success());
    let first: Value = serde_json::from_str(stdout(&per_article).lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], "a");
    assert!(first["bullets"].as_array().is_some_and(|b| !b.is_empty()));
}
