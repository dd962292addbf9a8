//! Store writes alone (no extraction or analysis): articles/s into SQLite and into
//! PostgreSQL, in chunks of 64 as the pipeline writes them, with one writer and with
//! several writers at once (issue 21). The PostgreSQL half needs a server:
//!
//! ```sh
//! DISTILL_TEST_POSTGRES=postgres://distill@127.0.0.1:PORT/postgres \
//!   cargo bench -p distill-store --bench store_write -- 20000
//! ```

use std::time::Instant;

use distill_core::{Article, Bullet, Sentence};
use distill_store::{PgStore, SqliteStore, Store};

/// An article of ordinary size: 30 sentences (about 4 KB), four key points, a signature.
fn article(writer: usize, i: usize) -> Article {
    let sentence =
        |k: usize| format!("Sentence {k} of article {writer}-{i} says what the council decided and why it matters. ");
    let text: String = (0..30).map(sentence).collect();
    let mut sentences = Vec::new();
    let mut at = 0;
    for k in 0..30 {
        let s = sentence(k);
        sentences.push(Sentence {
            index: k,
            text: s.trim_end().to_string(),
            start: at,
            end: at + s.len() - 1,
            paragraph: k / 5,
        });
        at += s.len();
    }
    let mut a = Article {
        url: Some(format!("https://bench.example/{writer}/{i}")),
        source: Some(format!("Outlet {}", i % 10)),
        published: chrono::DateTime::parse_from_rfc3339("2026-12-04T10:00:00+01:00").ok(),
        language: Some("en".into()),
        sentences,
        signature: (0..128).map(|k| (k * 2_654_435_761u64 as usize + i) as u32).collect(),
        ..Article::sample(&format!("b{writer}-{i}"), &format!("Headline {writer}-{i}"), &text)
    };
    a.summary.bullets = (0..4).map(|k| Bullet::new(sentence(k), vec![k])).collect();
    a
}

/// Writes `n` articles per writer from `writers` threads, each with its own store
/// (as separate processes would); returns articles/s over all of them.
fn run(writers: usize, n: usize, open: &(dyn Fn() -> Box<dyn Store> + Sync)) -> f64 {
    let started = Instant::now();
    std::thread::scope(|scope| {
        for w in 0..writers {
            scope.spawn(move || {
                let store = open();
                let articles: Vec<Article> = (0..n).map(|i| article(w, i)).collect();
                for chunk in articles.chunks(64) {
                    store.upsert_batch(chunk).expect("write");
                }
            });
        }
    });
    (writers * n) as f64 / started.elapsed().as_secs_f64()
}

fn main() {
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(5_000);
    println!("store writes, {n} articles per writer, chunks of 64");
    for writers in [1, 2] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("distill.db");
        SqliteStore::open(&path).unwrap();
        let rate = run(writers, n, &|| Box::new(SqliteStore::open(&path).unwrap()));
        println!("sqlite     writers={writers}: {rate:>8.0} articles/s");
    }
    let Some(url) = std::env::var("DISTILL_TEST_POSTGRES").ok().filter(|u| !u.is_empty()) else {
        println!("postgresql: skipped (set DISTILL_TEST_POSTGRES)");
        return;
    };
    for writers in [1, 2, 4] {
        let schema = format!("distill_bench_{}_{writers}", std::process::id());
        let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")).unwrap();
        let joint = if url.contains('?') { '&' } else { '?' };
        let scoped = format!("{url}{joint}options=--search_path%3D{schema}");
        PgStore::open(&scoped).unwrap();
        let rate = run(writers, n, &|| Box::new(PgStore::open(&scoped).unwrap()));
        println!("postgresql writers={writers}: {rate:>8.0} articles/s");
        admin.batch_execute(&format!("DROP SCHEMA {schema} CASCADE")).unwrap();
    }
}
