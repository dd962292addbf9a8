//! `distill verify`: the JSON Lines contract with no store (a bad line is named and
//! the batch goes on), and a claim checked against the sample corpus by the CLI and
//! `/api/verify`, which agree.

use serde_json::{Value, json as j};

use crate::support::*;

#[test]
fn the_jsonl_contract_checks_each_summary_and_names_a_bad_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The harbour pilots voted on Monday to strike over the new rota. The port expects 40 ships to wait.";
    let input = dir.path().join("in.jsonl");
    let lines = [
        j!({"id": "a", "text": text, "summary": ["The pilots voted on Monday to strike.", "The port expects 90 ships to wait."]}).to_string(),
        "{not json".to_string(),
        j!({"id": 7, "text": text, "summary": "The port expects 40 ships to wait.\nThe pilots did not vote to strike."}).to_string(),
        j!({"id": "lower", "text": "the harbour pilots voted on monday to strike over the new rota . the port expects 40 ships to wait .", "summary": ["the pilots voted on monday to strike ."]}).to_string(),
    ];
    std::fs::write(&input, lines.join("\n")).unwrap();
    let out = bin().arg("--data").arg(dir.path().join("unused")).arg("verify").arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a skipped line fails the run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("in.jsonl line 2: invalid JSON"), "{stderr}");
    let got: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(got.len(), 3, "the batch goes on after the bad line");
    assert_eq!((&got[0]["id"], &got[1]["id"], &got[2]["id"]), (&j!("a"), &j!(7), &j!("lower")));
    let s = &got[0]["sentences"];
    assert_eq!((&s[0]["supported"], &s[0]["citations"]), (&j!(true), &j!([0])));
    assert_eq!((&s[1]["supported"], &s[1]["citations"]), (&j!(false), &j!([1])));
    assert_eq!(got[0]["supported"], false);
    assert_eq!(got[1]["sentences"][1]["supported"], false, "a negation is not supported");
    assert_eq!(got[2]["supported"], true, "lowercased, tokenized text reads as text does");
    for line in &got {
        let score = line["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score), "{line}");
    }
    assert!(got[0]["score"].as_f64() < got[2]["score"].as_f64());
}

#[test]
fn a_claim_is_checked_against_the_corpus_by_the_cli_and_the_api() {
    let data = sample_library();
    let hits = json(data, &["search", "Lumora accounts", "--json"]);
    let (id, n, sentence) = hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|hit| {
            let id = hit["id"].as_str().unwrap().to_string();
            let article = json(data, &["show", &id, "--json"]);
            let sentences = article["sentences"].as_array().unwrap().clone();
            sentences
                .iter()
                .enumerate()
                .map(|(n, s)| (n, s["text"].as_str().unwrap().to_string()))
                .find(|(_, s)| s.contains("4.2 million"))
                .map(|(n, s)| (id, n, s))
        })
        .expect("a sample article states the figure");
    let verdict = json(data, &["verify", &sentence, "--json"]);
    assert_eq!(verdict["label"], "supported", "{verdict:#}");
    assert_eq!((&verdict["evidence"][0]["article"], &verdict["evidence"][0]["sentence"]), (&j!(id), &j!(n)));
    let wrong = sentence.replace("4.2 million", "9.7 million");
    let verdict = json(data, &["verify", &wrong, "--article", &id, "--json"]);
    assert_eq!(verdict["label"], "contradicted", "{verdict:#}");
    assert_eq!(verdict["findings"][0]["check"], "number");
    let out = run(data, &["verify", &wrong]);
    assert!(stdout(&out).starts_with("contradicted"), "{}", stdout(&out));

    let server = Server::start(data);
    let claim: String = wrong.bytes().map(|b| format!("%{b:02X}")).collect();
    let (status, _, body) = server.get(&format!("/api/verify?claim={claim}&article={id}"));
    assert_eq!(status, 200, "{body}");
    assert_eq!(serde_json::from_str::<Value>(&body).unwrap(), verdict, "the CLI and the API agree");
    // The page shows the same verdict and links the deciding sentence; the article
    // page has the verify box.
    let (status, _, page) = server.get(&format!("/verify?claim={claim}&article={id}"));
    assert_eq!(status, 200);
    assert!(page.contains("data-label=\"contradicted\""), "{page}");
    assert!(page.contains(&format!("href=\"/articles/{id}#s{n}\"")), "{page}");
    let (_, _, page) = server.get(&format!("/articles/{id}"));
    assert!(page.contains("class=\"ask verify-box\"") && page.contains(&format!("name=\"article\" value=\"{id}\"")));
    let (status, _, page) = server.get("/verify");
    assert_eq!(status, 200, "an empty verify page is a form");
    assert!(page.contains("name=\"claim\""));
    for (path, status, code) in [
        ("/api/verify?claim=", 400, "bad_parameter"),
        ("/api/verify", 400, "bad_parameter"),
        ("/api/verify?claim=fire&article=0000000000000000", 404, "not_found"),
        ("/api/verify?claim=fire&story=0000000000000000", 404, "not_found"),
    ] {
        let (got, _, body) = server.get(path);
        assert_eq!(got, status, "{path}: {body}");
        assert_eq!(serde_json::from_str::<Value>(&body).unwrap()["code"], code, "{path}");
    }
}
