//! The OpenAI-compatible backend: against a real server (llama-cpp-python's, serving
//! the same GGUF file; `scripts/llm-server.sh start DIR MODEL` prints its URL for
//! `DISTILL_TEST_LLM_URL`), and against endpoints that fail in the ways real ones do
//! (nothing listening, a server that never answers, errors, an endless reply), which
//! are plain sockets on 127.0.0.1 made to fail, not imitations of the API.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::{Duration, Instant};

use distill_generate::{Finish, Flow, GenerateError, Generator, OpenAiConfig, OpenAiGenerator, Request};

fn real_server() -> Option<String> {
    let url = std::env::var("DISTILL_TEST_LLM_URL").ok().filter(|u| !u.is_empty());
    if url.is_none() {
        assert!(
            std::env::var("DISTILL_REQUIRE_LLM_SERVER").as_deref() != Ok("1"),
            "DISTILL_REQUIRE_LLM_SERVER=1 but DISTILL_TEST_LLM_URL is not set (scripts/llm-server.sh start DIR MODEL)"
        );
        eprintln!("skipped: the endpoint tests need DISTILL_TEST_LLM_URL (scripts/llm-server.sh start DIR MODEL)");
    }
    url
}

fn quick(url: &str) -> OpenAiConfig {
    OpenAiConfig {
        timeout: Duration::from_millis(800),
        connect_timeout: Duration::from_millis(300),
        retries: 1,
        ..OpenAiConfig::new(url, "smollm2")
    }
}

#[test]
fn a_real_endpoint_answers_from_the_prompt_and_streams() {
    let Some(url) = real_server() else { return };
    let generator = OpenAiGenerator::new(OpenAiConfig::new(&url, "smollm2")).expect("client");
    let request = Request::chat(
        "You answer in one short sentence.",
        "Text: The fire at the Drayton plant started on Tuesday and was put out by 40 firefighters.\n\nQuestion: How many firefighters put out the fire?",
        24,
    );
    let mut pieces = Vec::new();
    let reply = generator
        .generate(&request, &mut |p| {
            pieces.push(p.to_string());
            Flow::Continue
        })
        .expect("the server answers");
    assert!(reply.text.contains("40"), "{:?}", reply.text);
    assert!(pieces.len() > 1, "not streamed: {pieces:?}");
    assert_eq!(pieces.concat().trim(), reply.text);
    assert!(generator.name().contains("smollm2"));

    let mut counting = Request::chat("You count.", "Count from 1 to 10, separated by commas.", 40);
    counting.stop = vec!["5".into()];
    let stopped = generator.complete(&counting).expect("the server answers");
    assert!(!stopped.text.contains('5'), "{:?}", stopped.text);
    assert_eq!(stopped.finish, Finish::Stop);
}

#[test]
fn nothing_listening_is_a_clear_error_after_the_retries() {
    let port = TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();
    let url = format!("http://127.0.0.1:{port}/v1");
    let generator = OpenAiGenerator::new(quick(&url)).expect("client");
    let err = generator.complete(&Request::chat("s", "u", 4)).expect_err("nothing listens");
    let message = err.to_string();
    assert!(message.contains(&url) && message.contains("cannot connect") && message.contains("2 tries"), "{message}");
}

#[test]
fn a_server_that_never_answers_times_out_on_time() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/v1", listener.local_addr().expect("addr"));
    let hold = std::thread::spawn(move || {
        // Accepts and reads, never answers, holds the connections open a while.
        let mut held = Vec::new();
        listener.set_nonblocking(true).expect("nonblocking");
        let until = Instant::now() + Duration::from_secs(3);
        while Instant::now() < until {
            if let Ok((s, _)) = listener.accept() {
                held.push(s);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    });
    let generator = OpenAiGenerator::new(quick(&url)).expect("client");
    let started = Instant::now();
    let err = generator.complete(&Request::chat("s", "u", 4)).expect_err("never answers");
    assert!(started.elapsed() < Duration::from_millis(2000), "took {:?}", started.elapsed());
    assert!(err.to_string().contains("timed out"), "{err}");
    hold.join().expect("holder");
}

/// Serves `reply` (a full HTTP response) to every connection, for `count` connections.
fn serve(count: usize, reply: impl Fn(usize) -> Vec<u8> + Send + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/v1", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        for n in 0..count {
            let Ok((mut s, _)) = listener.accept() else { return };
            let mut buf = [0u8; 8192];
            let _ = s.read(&mut buf);
            let _ = s.write_all(&reply(n));
        }
    });
    url
}

#[test]
fn server_errors_are_retried_then_reported_with_the_status() {
    let url = serve(2, |_| {
        b"HTTP/1.1 503 Service Unavailable\r\ncontent-length: 11\r\nconnection: close\r\n\r\noverloaded!".to_vec()
    });
    let generator = OpenAiGenerator::new(quick(&url)).expect("client");
    let err = generator.complete(&Request::chat("s", "u", 4)).expect_err("503");
    let message = err.to_string();
    assert!(message.contains("503") && message.contains("overloaded") && message.contains("2 tries"), "{message}");

    let url =
        serve(1, |_| b"HTTP/1.1 401 Unauthorized\r\ncontent-length: 7\r\nconnection: close\r\n\r\nno key!".to_vec());
    let generator = OpenAiGenerator::new(quick(&url)).expect("client");
    let started = Instant::now();
    let err = generator.complete(&Request::chat("s", "u", 4)).expect_err("401");
    assert!(err.to_string().contains("401"), "{err}");
    assert!(started.elapsed() < Duration::from_millis(250), "a client error is not retried");
}

#[test]
fn an_endless_reply_is_cut_off() {
    let url = serve(1, |_| {
        let mut body = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n".to_vec();
        for _ in 0..20_000 {
            body.extend_from_slice(b"data: {\"choices\":[{\"delta\":{\"content\":\"word word word \"}}]}\n\n");
        }
        body
    });
    let generator = OpenAiGenerator::new(quick(&url)).expect("client");
    let err = generator.complete(&Request::chat("s", "u", 8)).expect_err("endless");
    assert!(matches!(err, GenerateError::Endpoint { .. }) && err.to_string().contains("ran past"), "{err}");
}

#[test]
fn a_bad_configuration_is_refused_before_any_request() {
    for (url, model) in [("ftp://127.0.0.1/v1", "m"), ("not a url", "m"), ("http://127.0.0.1:1/v1", " ")] {
        let err = OpenAiGenerator::new(OpenAiConfig::new(url, model)).expect_err("refused");
        assert!(matches!(err, GenerateError::Endpoint { .. }), "{url}: {err}");
    }
}
