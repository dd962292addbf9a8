//! `distill ask`, `/api/ask` and the ask page on the sample corpus: answers cite real
//! sentences that hold them, an off-topic question is not covered, and the CLI, the API
//! and the page agree.

use serde_json::Value;

use crate::support::*;

/// The sentence an answer cites, read back through `show --json`.
fn cited(data: &std::path::Path, citation: &Value) -> String {
    let id = citation["id"].as_str().unwrap();
    let article = json(data, &["show", id, "--json"]);
    let n = citation["sentence"].as_u64().unwrap() as usize;
    article["sentences"][n]["text"].as_str().unwrap_or_else(|| panic!("{id} has no sentence {n}")).to_string()
}

#[test]
fn a_question_is_answered_with_citations_of_the_sentences_that_hold_the_answer() {
    let data = sample_library();
    let question = "How many accounts did the hackers access at Lumora Pay?";
    let answer = json(data, &["ask", question, "--json"]);
    assert_eq!(answer["question"], question);
    assert_eq!(answer["covered"], true, "{answer:#}");
    let sentences = answer["answer"].as_array().unwrap();
    assert!(sentences.iter().any(|s| s["text"].as_str().unwrap().contains("4.2 million")), "{answer:#}");
    let words: usize = sentences.iter().map(|s| s["text"].as_str().unwrap().split_whitespace().count()).sum();
    assert!(words <= 120, "{words} words");
    for s in sentences {
        let citations = s["citations"].as_array().unwrap();
        assert!(!citations.is_empty(), "{s}");
        assert_eq!(
            cited(data, &citations[0]),
            s["text"].as_str().unwrap(),
            "the first citation is the quoted sentence"
        );
        for c in &citations[1..] {
            assert!(!cited(data, c).is_empty());
        }
    }
    // The API answers the same; the page shows the answer and links the sentences.
    let server = Server::start(data);
    let q = question.replace(' ', "+").replace('?', "%3F");
    let (status, _, body) = server.get(&format!("/api/ask?q={q}"));
    assert_eq!(status, 200, "{body}");
    assert_eq!(serde_json::from_str::<Value>(&body).unwrap(), answer);
    let (status, _, page) = server.get(&format!("/ask?q={q}"));
    assert_eq!(status, 200);
    let first = &sentences[0]["citations"][0];
    assert!(page.contains("class=\"answer\""), "{page}");
    assert!(page.contains(&format!("href=\"/articles/{}#s{}\"", first["id"].as_str().unwrap(), first["sentence"])));

    // Scoped to one article, every citation is of that article.
    let id = first["id"].as_str().unwrap();
    let scoped = json(data, &["ask", "How many accounts were accessed?", "--article", id, "--json"]);
    let citations: Vec<&Value> =
        scoped["answer"].as_array().unwrap().iter().flat_map(|s| s["citations"].as_array().unwrap()).collect();
    assert!(!citations.is_empty(), "{scoped:#}");
    assert!(citations.iter().all(|c| c["id"] == id), "{scoped:#}");
    let (_, _, page) = server.get(&format!("/articles/{id}"));
    assert!(page.contains("class=\"ask ask-box\"") && page.contains(&format!("name=\"article\" value=\"{id}\"")));
}

#[test]
fn a_question_the_corpus_never_mentions_is_not_covered() {
    let data = sample_library();
    for question in ["Who won the Eurovision song contest in Oslo?", "What is the boiling point of liquid nitrogen?"] {
        let answer = json(data, &["ask", question, "--json"]);
        assert_eq!(answer["covered"], false, "{question}: {answer:#}");
        assert!(answer["answer"].as_array().unwrap().is_empty());
        assert!(!answer["passages"].as_array().unwrap().is_empty(), "the closest passages are shown");
    }
    let out = run(data, &["ask", "Who won the Eurovision song contest in Oslo?"]);
    assert!(out.status.success());
    assert!(stdout(&out).starts_with("Not covered"), "{}", stdout(&out));
}

#[test]
fn ask_rejects_what_it_cannot_answer_from_with_stable_codes() {
    let data = sample_library();
    let out = run(data, &["ask", "What happened?", "--story", "0000000000000000"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[not_found]"));
    let server = Server::start(data);
    for (path, status, code) in [
        ("/api/ask?q=", 400, "bad_query"),
        ("/api/ask?q=fire&words=0", 400, "bad_parameter"),
        ("/api/ask?q=fire&words=many", 400, "bad_parameter"),
        ("/api/ask?q=fire&article=0000000000000000", 404, "not_found"),
        ("/api/ask?q=fire&story=0000000000000000", 404, "not_found"),
    ] {
        let (got, _, body) = server.get(path);
        assert_eq!(got, status, "{path}: {body}");
        assert_eq!(serde_json::from_str::<Value>(&body).unwrap()["code"], code, "{path}");
    }
    let (status, _, page) = server.get("/ask");
    assert_eq!(status, 200, "an empty ask page is a form");
    assert!(page.contains("name=\"q\""));
}

/// The question set over the shared data: answers hold their keys and every question
/// the corpus never mentions is declined (floors well under the measured figures).
#[test]
fn eval_ask_answers_the_question_set_and_declines_the_rest() {
    let test = "eval_ask_answers_the_question_set_and_declines_the_rest";
    let (Some(cnndm), Some(neus)) = (
        eval_data("data/summaries/cnndm-dev100.jsonl", test),
        eval_data("data/stories/allsides-neus-test.jsonl", test),
    ) else {
        return;
    };
    let out = bin().args(["eval", "ask"]).arg(&cnndm).arg(&neus).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = stdout(&out);
    let all = report.split("all:").nth(1).expect("an all: block");
    let line = all.lines().find(|l| l.trim_start().starts_with("distill")).expect("a distill row");
    let figure = |name: &str| -> f64 {
        let rest = line.split(name).nth(1).unwrap_or_else(|| panic!("{name} in {line}"));
        rest.split_whitespace().next().unwrap().parse().unwrap()
    };
    assert!(figure("key recall") >= 0.8, "{report}");
    assert!(figure("covered") >= 0.9, "{report}");
    assert!(line.contains("abstained 1.000"), "{report}");
}

/// With the encoder, retrieval is hybrid; the answer still quotes and cites real
/// sentences, and an off-topic question is still declined.
#[test]
fn with_the_encoder_answers_still_cite_real_sentences() {
    let test = "with_the_encoder_answers_still_cite_real_sentences";
    let Some(models) = models(test) else { return };
    let data = tempfile::tempdir().unwrap();
    let models = models.to_str().unwrap();
    let out = run(data.path(), &["ingest", corpus().to_str().unwrap(), "--models", models]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let answer =
        json(data.path(), &["ask", "How many homes did the Carrow wildfire destroy?", "--models", models, "--json"]);
    assert_eq!(answer["covered"], true, "{answer:#}");
    assert!(answer["answer"].as_array().unwrap().iter().any(|s| s["text"].as_str().unwrap().contains("homes")));
    for s in answer["answer"].as_array().unwrap() {
        assert_eq!(cited(data.path(), &s["citations"][0]), s["text"].as_str().unwrap());
    }
    let off = json(data.path(), &["ask", "Who won the Eurovision song contest in Oslo?", "--models", models, "--json"]);
    assert_eq!(off["covered"], false, "{off:#}");
}
