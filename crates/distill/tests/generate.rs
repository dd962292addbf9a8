//! The optional generator, end to end on the sample corpus: `ask --llm` and
//! `serve --llm` with the real SmolLM2-135M-Instruct file (in process), `--llm-url`
//! against a real OpenAI-compatible server when one is running (`DISTILL_TEST_LLM_URL`),
//! and a dead endpoint, which must not cost the reader the answer.

use std::net::TcpListener;

use serde_json::Value;

use crate::support::*;

const QUESTION: &str = "What caused the Tamsin Ridge Fire?";

/// The text of the sentence a citation names, read back through `show --json`.
fn cited(data: &std::path::Path, citation: &Value) -> String {
    let id = citation["id"].as_str().unwrap();
    let article = json(data, &["show", id, "--json"]);
    let n = citation["sentence"].as_u64().unwrap() as usize;
    article["sentences"][n]["text"].as_str().unwrap_or_else(|| panic!("{id} has no sentence {n}")).to_string()
}

/// Checks every line of an answer against what it cites, independently of the
/// product's check: a source's line is the cited sentence; a generated line's longer
/// words are mostly in one cited sentence. Returns the generated lines.
fn generated_lines(data: &std::path::Path, answer: &Value) -> usize {
    let mut generated = 0;
    for line in answer["answer"].as_array().unwrap() {
        let text = line["text"].as_str().unwrap();
        let citations = line["citations"].as_array().unwrap();
        assert!(!citations.is_empty(), "{line}");
        match line["method"].as_str() {
            Some("extractive") => assert_eq!(cited(data, &citations[0]), text),
            Some("generated") => {
                generated += 1;
                let claim: Vec<String> = words(text).into_iter().filter(|w| w.len() > 3).collect();
                let best = citations
                    .iter()
                    .map(|c| {
                        let source = words(&cited(data, c));
                        claim.iter().filter(|w| source.contains(w)).count()
                    })
                    .max()
                    .unwrap();
                assert!(best * 3 >= claim.len() * 2, "a generated line its citations do not hold: {line}");
            }
            other => panic!("a line without a method: {other:?} in {line}"),
        }
    }
    generated
}

#[test]
fn a_generated_answer_keeps_only_what_its_citations_hold() {
    let Some(models) = llm("a_generated_answer_keeps_only_what_its_citations_hold") else { return };
    let data = sample_library();
    let llm = models.to_str().unwrap();
    let answer = json(data, &["ask", QUESTION, "--words", "60", "--llm", llm, "--json"]);
    assert_eq!(answer["covered"], true, "{answer:#}");
    let note = &answer["generation"];
    assert!(note["generator"].as_str().unwrap().contains("smollm2"), "{answer:#}");
    let generated = generated_lines(data, &answer);
    assert_eq!(generated as u64, note["kept"].as_u64().unwrap(), "{answer:#}");
    assert!(generated + (note["rejected"].as_u64().unwrap() as usize) > 0, "the generator wrote nothing: {answer:#}");

    // Not covered: nothing is generated, and no guess is made.
    let off = json(data, &["ask", "Who won the Eurovision song contest in Oslo?", "--llm", llm, "--json"]);
    assert_eq!(off["covered"], false);
    assert!(off["answer"].as_array().unwrap().is_empty() && off.get("generation").is_none(), "{off:#}");

    // People see the draft as it is written (stderr) and which lines are generated.
    let out = run(data, &["ask", QUESTION, "--words", "60", "--llm", llm]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("is writing"), "{stderr}");
    let text = stdout(&out);
    assert!(text.contains("smollm2") && (text.contains("kept") || text.contains("None of")), "{text}");
}

#[test]
fn the_server_streams_the_generated_answer_and_the_api_records_it() {
    let Some(models) = llm("the_server_streams_the_generated_answer_and_the_api_records_it") else { return };
    let data = sample_library();
    let server = Server::start_with(data, &["--llm", models.to_str().unwrap()]);
    let q = QUESTION.replace(' ', "+").replace('?', "%3F");

    let (status, _, body) = server.get(&format!("/api/ask?q={q}&words=60"));
    assert_eq!(status, 200, "{body}");
    let answer: Value = serde_json::from_str(&body).unwrap();
    assert!(answer["generation"]["generator"].as_str().unwrap().contains("smollm2"), "{answer:#}");
    generated_lines(data, &answer);
    let (_, _, body) = server.get(&format!("/api/ask?q={q}&words=60&generate=false"));
    let plain: Value = serde_json::from_str(&body).unwrap();
    assert!(plain.get("generation").is_none(), "{plain:#}");
    assert!(plain["answer"].as_array().unwrap().iter().all(|l| l["method"] == "extractive"));

    let (status, head, page) = server.get(&format!("/ask?q={q}&words=60"));
    assert_eq!(status, 200);
    assert!(head.contains("transfer-encoding: chunked"), "the page is streamed: {head}");
    let sources = page.find("class=\"answer\"").expect("the sources' answer");
    let generated = page.find("class=\"generated\"").expect("the generated section");
    assert!(sources < generated, "the sources' answer comes first");
    assert!(page.contains("Written by smollm2"), "{page}");
    assert!(page.contains("<p class=\"draft\">") && page.contains("<div class=\"checked\">"), "{page}");
    assert!(page.trim_end().ends_with("</html>"), "the page is whole after the stream");
}

#[test]
fn a_dead_endpoint_costs_the_reader_nothing_but_the_generated_lines() {
    let data = sample_library();
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/v1");
    let started = std::time::Instant::now();
    let answer =
        json(data, &["ask", QUESTION, "--llm-url", &url, "--llm-model", "any", "--llm-timeout", "3s", "--json"]);
    assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
    assert_eq!(answer["covered"], true);
    assert!(!answer["answer"].as_array().unwrap().is_empty());
    let error = answer["generation"]["error"].as_str().unwrap();
    assert!(error.contains(&url) && error.contains("cannot connect"), "{error}");
    assert!(answer["answer"].as_array().unwrap().iter().all(|l| l["method"] == "extractive"));

    // A model file that is not there is a configuration error that names it.
    let out = run(data, &["ask", QUESTION, "--llm", "/nonexistent/model.gguf"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("/nonexistent/model.gguf"), "{stderr}");
    let out = run(data, &["ask", QUESTION, "--llm-url", &url]);
    assert!(!out.status.success(), "an endpoint without a model name is refused");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--llm-model"));
}

#[test]
fn a_real_openai_compatible_endpoint_writes_answers_too() {
    let Some(url) = std::env::var("DISTILL_TEST_LLM_URL").ok().filter(|u| !u.is_empty()) else {
        assert!(
            std::env::var("DISTILL_REQUIRE_LLM_SERVER").as_deref() != Ok("1"),
            "DISTILL_REQUIRE_LLM_SERVER=1 but DISTILL_TEST_LLM_URL is not set"
        );
        eprintln!("skipped: a_real_openai_compatible_endpoint_writes_answers_too needs DISTILL_TEST_LLM_URL");
        return;
    };
    let data = sample_library();
    // (A generous limit: the server's portable llama.cpp build is slow on 2 cores, and
    // what is tested here is the protocol, not its speed.)
    let answer = json(
        data,
        &[
            "ask",
            QUESTION,
            "--words",
            "60",
            "--llm-url",
            &url,
            "--llm-model",
            "smollm2",
            "--llm-timeout",
            "300s",
            "--json",
        ],
    );
    let note = &answer["generation"];
    assert!(note["generator"].as_str().unwrap().contains("openai-compatible"), "{answer:#}");
    assert!(note.get("error").is_none(), "{answer:#}");
    generated_lines(data, &answer);
}

#[test]
fn summarize_with_a_generator_marks_each_line_and_keeps_only_held_rewrites() {
    let Some(models) = llm("summarize_with_a_generator_marks_each_line_and_keeps_only_held_rewrites") else { return };
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(corpus().join("jsonl/articles.jsonl")).unwrap();
    let first = source.lines().next().unwrap();
    let input = dir.path().join("one.jsonl");
    std::fs::write(&input, format!("{first}\n")).unwrap();
    let article: Value = serde_json::from_str(first).unwrap();
    let text = article["text"].as_str().unwrap();

    let plain = run(dir.path(), &["summarize", input.to_str().unwrap()]);
    let plain: Value = serde_json::from_str(stdout(&plain).trim()).unwrap();
    let out = run(dir.path(), &["summarize", input.to_str().unwrap(), "--llm", models.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let line: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    let lines = line["lines"].as_array().unwrap();
    assert_eq!(lines.len(), plain["bullets"].as_array().unwrap().len(), "one line per key point: {line:#}");
    let source_words = words(text);
    let mut generated = 0;
    for (l, point) in lines.iter().zip(plain["bullets"].as_array().unwrap()) {
        let t = l["text"].as_str().unwrap();
        assert_eq!(line["bullets"].as_array().unwrap().iter().filter(|b| *b == t).count(), 1);
        match l["method"].as_str().unwrap() {
            "extractive" => assert_eq!(t, point.as_str().unwrap()),
            "generated" => {
                generated += 1;
                let claim: Vec<String> = words(t).into_iter().filter(|w| w.len() > 3).collect();
                let held = claim.iter().filter(|w| source_words.contains(w)).count();
                assert!(held * 10 >= claim.len() * 9, "a rewrite with words the article does not have: {t}");
                for figure in words(point.as_str().unwrap()).iter().filter(|w| w.chars().all(|c| c.is_ascii_digit())) {
                    assert!(words(t).contains(figure), "the rewrite lost {figure}: {t}");
                }
            }
            other => panic!("method {other}"),
        }
    }
    assert_eq!(line["generation"]["kept"].as_u64().unwrap(), generated, "{line:#}");
}
