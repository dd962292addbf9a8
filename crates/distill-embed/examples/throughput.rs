//! Measures sentences per second on 1 and 2 inference threads.
//!
//! `cargo run --release -p distill-embed --example throughput -- DIR/all-minilm-l6-v2`
//! embeds 512 distinct news-like sentences (cache off) in batches of 32 per thread
//! count and prints one line each.

use std::time::Instant;

use distill_embed::{BertEmbedder, EmbedConfig, Embedder};

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: throughput MODEL_DIR");
        std::process::exit(2);
    };
    let subjects = ["The central bank", "The striker", "Regulators", "The ministry", "Researchers", "The company"];
    let verbs = ["announced", "questioned", "rejected", "welcomed"];
    let objects = ["a plan to cut emissions", "the new trade agreement", "rising food prices", "the court ruling"];
    let texts: Vec<String> = (0..512)
        .map(|i| {
            let (s, v, o) = (subjects[i % 6], verbs[(i / 6) % 4], objects[(i / 24) % 4]);
            format!("{s} {v} {o} on day {i}, officials said in a statement.")
        })
        .collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    for threads in [1, 2] {
        let config = EmbedConfig { threads, cache_entries: 0, ..EmbedConfig::default() };
        let embedder = match BertEmbedder::open(&dir, &config) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
        };
        // One warm-up batch, then the timed run.
        let _ = embedder.embed(&texts[..32]);
        let start = Instant::now();
        if let Err(e) = embedder.embed(&texts) {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "threads {threads}: {} sentences in {secs:.2} s, {:.0} sentences/s",
            texts.len(),
            texts.len() as f64 / secs
        );
    }
}
