//! `distill cluster` (the story clustering contract) and `distill eval cluster`
//! (its quality gate on ECB+).

use serde_json::Value;

use crate::support::{eval_data, repo, run, stdout};

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
