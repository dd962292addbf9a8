//! The reference page of the product spec: the acceptance test of extraction, key
//! points and insights on plain text with page chrome.

use std::collections::HashSet;

use crate::support::*;

/// The reference page, inside the evaluation data.
const REFERENCE: &str = "spec/000_1b0ee3afbb123bf7.txt";

#[test]
fn reference_page_is_reproduced() {
    let Some(path) = eval_data(REFERENCE, "reference_page_is_reproduced") else { return };
    let data = tempfile::tempdir().unwrap();
    let out = run(data.path(), &["ingest", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let list = json(data.path(), &["list", "--json"]);
    let id = list[0]["id"].as_str().unwrap();
    let article = json(data.path(), &["show", id, "--json"]);

    assert_eq!(
        article["title"],
        "Russia's Military-Technical Pact With the Taliban Signals a Strategic Shift in Central Asian Security"
    );
    let text = article["text"].as_str().unwrap();
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 5, "{text}");
    assert!(paragraphs[0].starts_with("Russia has signed a formal military-technical agreement"), "{}", paragraphs[0]);
    assert!(text.ends_with("without diverting critical resources from its own defense needs."));
    for chrome in [
        "NextFin",
        "Summarized by",
        "Explore more exclusive insights",
        "Insights",
        "What are the key components",
        "Search",
        "No Noise, only Signal",
        "Open App",
        "•",
    ] {
        assert!(!text.contains(chrome), "{chrome:?} survived extraction");
    }

    // Four key points, one per theme of the reference page's own four.
    let bullets: Vec<String> = article["summary"]["bullets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["text"].as_str().unwrap().to_lowercase())
        .collect();
    assert_eq!(bullets.len(), 4, "{bullets:#?}");
    let themes: [&[&str]; 4] = [
        &["agreement", "pact"],
        &["defensive", "hedg", "counter", "buffer", "concerned"],
        &["critics", "arms race", "sovereignty", "doubts", "aggressive", "consensus", "interpret"],
        &["economic", "mineral", "lithium", "uncertain", "depend"],
    ];
    for (theme, keys) in themes.iter().enumerate() {
        assert!(
            bullets.iter().any(|b| keys.iter().any(|k| b.contains(k))),
            "no bullet on theme {theme} ({keys:?}): {bullets:#?}"
        );
    }

    // At least ten grounded questions of at least six kinds, naming the article's things.
    let insights = article["insights"].as_array().unwrap();
    assert!(insights.len() >= 10, "{insights:#?}");
    let kinds: HashSet<&str> = insights.iter().map(|i| i["kind"].as_str().unwrap()).collect();
    assert!(kinds.len() >= 6, "{kinds:?}");
    let names = [
        "Russia",
        "Taliban",
        "Moscow",
        "Umarov",
        "Kabul",
        "Tajikistan",
        "IS-K",
        "Central Asia",
        "agreement",
        "pact",
        "deal",
        "Afghanistan",
        "White House",
    ];
    let mut seen = HashSet::new();
    for i in insights {
        let q = i["question"].as_str().unwrap();
        assert!(names.iter().any(|n| q.contains(n)), "question names nothing of the article: {q}");
        assert!(!i["citations"].as_array().unwrap().is_empty(), "ungrounded: {q}");
        // Answered by the article's own sentences, as written.
        let answer = i["answer"]["text"].as_str().unwrap();
        let cited = i["answer"]["citations"].as_array().unwrap();
        assert!(!cited.is_empty() && !answer.is_empty(), "unanswered: {q}");
        for c in cited {
            let sentence = article["sentences"][c.as_u64().unwrap() as usize]["text"].as_str().unwrap();
            assert!(answer.contains(sentence), "{q}: the answer does not hold its cited sentence {sentence:?}");
        }
        // A name that takes "the" in the text takes it in the question.
        assert!(!q.contains(" did White House") && !q.contains(" does White House"), "{q}");
        for pronoun in [" he ", " she ", " they ", " his ", " her ", " their "] {
            assert!(!format!(" {} ", q.to_lowercase()).contains(pronoun), "a pronoun in {q}");
        }
        assert!(seen.insert(q.to_lowercase()), "duplicate question {q}");
    }

    // The text page follows the reference order.
    let page = stdout(&run(data.path(), &["show", id]));
    let order = ["Russia's Military-Technical Pact", "Key points", "Russia has signed", "Insights"];
    let positions: Vec<usize> =
        order.iter().map(|s| page.find(s).unwrap_or_else(|| panic!("{s} missing from the page"))).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
}

/// Every text of the shared development sets (news of many outlets, casings and
/// shapes) goes through the whole analysis, and what it derives stays tied to the
/// text: questions name no one by a pronoun, answers and quotes are the body's own
/// words, mentions point at real sentences. A panic here is a page that would stop
/// an ingest.
#[test]
fn every_shared_text_is_analyzed_soundly() {
    let mut texts = 0;
    for file in [
        "data/summaries/cnndm-dev100.jsonl",
        "data/summaries/gum-wikinews43.jsonl",
        "data/stories/allsides-neus-test.jsonl",
        "data/clusters/ecbplus.jsonl",
    ] {
        let Some(path) = eval_data(file, "every_shared_text_is_analyzed_soundly") else { return };
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let (title, text) = (v["title"].as_str().unwrap_or(""), v["text"].as_str().unwrap());
            let a = distill_nlp::analyze(title, text, &distill_nlp::SummaryConfig::default());
            texts += 1;
            let n = a.sentences.len();
            for i in &a.insights {
                let q = format!(" {} ", i.question.to_lowercase());
                for pronoun in [" he ", " she ", " they ", " him ", " his ", " her ", " their ", " i ", " we "] {
                    assert!(!q.contains(pronoun), "{file}: a pronoun in {:?}", i.question);
                }
                assert!(i.answer.citations.iter().all(|&c| c < n), "{file}: {:?} cites past the body", i.question);
                for &c in &i.answer.citations {
                    assert!(i.answer.text.contains(&a.sentences[c].text), "{file}: {:?}", i.question);
                }
            }
            for e in &a.entities {
                assert!(e.mentions.iter().all(|&m| m < n), "{file}: {} is mentioned past the body", e.name);
            }
            for q in &a.attributions {
                assert!(
                    !q.text.trim().is_empty() && !q.speaker.trim().is_empty(),
                    "{file}: an empty attribution {q:?}"
                );
                assert!(q.sentence < n, "{file}: {q:?} is past the body");
            }
            for q in a.attributions.iter().filter(|q| q.kind == distill_core::AttributionKind::Direct) {
                assert!(text.contains(&q.text), "{file}: the quote {:?} is not in the text", q.text);
            }
        }
    }
    assert!(texts > 2000, "{texts} texts");
}
