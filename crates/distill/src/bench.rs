//! `distill bench`: the arguments of the throughput measurements, which
//! [`distill_eval::bench`] makes.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use distill_eval::bench;

mod workers;

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Ingest a folder into a fresh scratch data folder; print articles/s and MB/s.
    Ingest {
        /// Input folder.
        dir: PathBuf,
        /// Copy the inputs this many times (each copy gets distinct URLs) first.
        #[arg(long, default_value_t = 1)]
        replicate: usize,
        /// Ingest into the data folder itself and keep it (a corpus for load tests).
        #[arg(long)]
        keep: bool,
    },
    /// Story clustering cost per article as stories accumulate, on synthetic stories.
    Cluster {
        /// Stories to build.
        #[arg(long, default_value_t = 100_000)]
        stories: usize,
    },
    /// Extraction alone over every HTML page in a folder (gzip too), held in memory:
    /// pages/s and MB/s on one thread and on all cores, and peak memory.
    Extract {
        /// Folder of `.html` / `.html.gz` pages.
        dir: PathBuf,
        /// Passes over the pages per measurement.
        #[arg(long, default_value_t = 3)]
        rounds: usize,
    },
    /// Builds a WARC (one gzip member per record, as CC-NEWS) from every HTML page in
    /// the folders and ingests it into a fresh data folder: articles/s, MB/s and peak
    /// memory; then ingests it again, as an interrupted run would be resumed.
    Warc {
        /// Folders of `.html` / `.html.gz` pages.
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        /// Repeat the pages (with distinct URLs) until the archive holds this many MB of HTML.
        #[arg(long, default_value_t = 100)]
        min_mb: usize,
    },
    /// One HTML page of ordinary news prose of the given size (the sample corpus's
    /// paragraphs, cycled), ingested into a fresh data folder: seconds, peak memory,
    /// sentences and key points. Cost must stay linear in the page (issue 16); run one
    /// size per process, since peak memory is the process's.
    Page {
        /// Size of the page in MB.
        #[arg(long, default_value_t = 12)]
        mb: usize,
        /// Write the page to this file and stop (no ingest).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Corpus whose text and JSON Lines articles give the prose.
        #[arg(long, default_value = "corpus/sample")]
        corpus: PathBuf,
    },
    /// The in-process generator on prompts built from the sample corpus: load time,
    /// prompt and generation tokens/s (greedy decoding), on the threads that
    /// CANDLE_NUM_THREADS gives (all cores by default).
    Generate {
        /// A GGUF file, or a folder holding smollm2-135m-instruct/model.gguf.
        #[arg(long, default_value = "models")]
        llm: PathBuf,
        /// Prompts to run.
        #[arg(long, default_value_t = 8)]
        prompts: usize,
        /// Tokens to generate per prompt.
        #[arg(long, default_value_t = 64)]
        tokens: usize,
        /// Corpus whose text articles give the prompts.
        #[arg(long, default_value = "corpus/sample/text")]
        corpus: PathBuf,
    },
    /// Worker processes sharing one PostgreSQL database (each input file one job),
    /// beside one `distill ingest` on SQLite: articles/s in all and per process, and a
    /// `serve` node's search latency and replica lag during the ingest.
    Workers {
        /// Input folder.
        dir: PathBuf,
        /// The PostgreSQL server (each run gets a schema of its own, dropped after).
        #[arg(long, env = "DISTILL_BENCH_DATABASE")]
        postgres: String,
        /// Worker processes per run.
        #[arg(long, value_delimiter = ',', default_value = "1,2,4")]
        workers: Vec<usize>,
        /// Slices of large WARC and JSON Lines files, as `ingest --enqueue` takes it.
        #[arg(long, default_value = "8M")]
        slice_size: String,
        /// Pack the folder's pages into one WARC archive (a gzip member per record, as
        /// CC-NEWS writes them) and ingest that instead: the workers share it in slices.
        #[arg(long)]
        warc: bool,
    },
    /// Search at scale: a corpus of N articles generated from real ones (the JSON
    /// Lines files given), written to a scratch data folder under the data folder,
    /// indexed, then searched with the words of random titles: store and index build
    /// time, sizes on disk, p50/p99 latency per mode, and memory. With `--models`,
    /// vectors are imported (not embedded) and queries embedded by the real encoder.
    Search {
        /// JSON Lines files of real articles (`{title?, text}` per line).
        #[arg(required = true)]
        corpora: Vec<PathBuf>,
        /// Articles to generate.
        #[arg(long, default_value_t = 100_000)]
        articles: usize,
        /// Timed queries per mode.
        #[arg(long, default_value_t = 300)]
        queries: usize,
        /// Model folder (all-minilm-l6-v2) for semantic and hybrid search.
        #[arg(long, env = "DISTILL_MODELS")]
        models: Option<PathBuf>,
        /// Keep the scratch data folder (`bench-search-N` in the data folder).
        #[arg(long)]
        keep: bool,
    },
    /// Near-duplicate lookups against an index of N signatures: build time, memory,
    /// and the cost of one lookup for a new story and for an edited copy.
    Dedup {
        /// Signatures in the index.
        #[arg(long, default_value_t = 1_000_000)]
        signatures: usize,
        /// Lookups of each kind.
        #[arg(long, default_value_t = 20_000)]
        queries: usize,
    },
}

pub fn run(what: BenchCommand, data: &Path) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout();
    let done = match what {
        BenchCommand::Cluster { stories } => distill_eval::cluster::bench(stories, &mut out),
        BenchCommand::Extract { dir, rounds } => bench::extract(&dir, rounds, &mut out),
        BenchCommand::Warc { dirs, min_mb } => bench::warc(&dirs, min_mb, data, &mut out),
        BenchCommand::Dedup { signatures, queries } => bench::dedup(signatures, queries, &mut out),
        BenchCommand::Search { corpora, articles, queries, models, keep } => {
            distill_eval::scale::search(&corpora, articles, queries, models.as_deref(), data, keep, &mut out)
        }
        BenchCommand::Page { mb, out: page, corpus } => bench::page(mb, page.as_deref(), &corpus, data, &mut out),
        BenchCommand::Ingest { dir, replicate, keep } => bench::ingest(&dir, replicate, data, keep, &mut out),
        BenchCommand::Generate { llm, prompts, tokens, corpus } => return generate(&llm, prompts, tokens, &corpus),
        BenchCommand::Workers { dir, postgres, workers: n, slice_size, warc } => {
            workers::run(&dir, &postgres, &n, &slice_size, warc, data)?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    done.map_err(|e| match e {
        // The data folder's own error, so that its code is printed (`error[store_unavailable]`).
        distill_eval::Error::Library(e) => anyhow::Error::from(e),
        e => e.into(),
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `bench generate`: prompt and generation speed of the in-process generator.
fn generate(llm: &Path, prompts: usize, tokens: usize, corpus: &Path) -> anyhow::Result<ExitCode> {
    use distill_generate::{Generator, GgufConfig, GgufGenerator, Request};
    let path = distill_generate::find_model(llm)
        .ok_or_else(|| anyhow::anyhow!("no GGUF model at {} (scripts/fetch-models.sh DIR)", llm.display()))?;
    let mut texts: Vec<String> = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file)?;
        // About 300 prompt tokens: the opening of the article.
        let words: Vec<&str> = text.split_whitespace().take(220).collect();
        texts.push(words.join(" "));
    }
    anyhow::ensure!(!texts.is_empty(), "no .txt article in {}", corpus.display());
    let started = std::time::Instant::now();
    let model = GgufGenerator::open(&path, GgufConfig { repeat_penalty: 1.0, ..GgufConfig::default() })?;
    let load = started.elapsed();
    let (mut prompt_tokens, mut generated, mut prompt_time, mut generation_time) = (0, 0, 0.0, 0.0);
    for text in texts.iter().cycle().take(prompts) {
        let mut request =
            Request::chat("You summarise news articles.", &format!("{text}\n\nSummarise the article."), tokens);
        request.stop.clear();
        let reply = model.complete(&request)?;
        prompt_tokens += reply.prompt_tokens;
        generated += reply.generated_tokens;
        prompt_time += reply.prompt_time.as_secs_f64();
        generation_time += reply.generation_time.as_secs_f64();
    }
    let threads = std::env::var("CANDLE_NUM_THREADS").unwrap_or_else(|_| "all cores".into());
    println!("model: {} ({}), threads: {threads}", model.name(), path.display());
    println!("load (re-quantize to Q8_0): {:.2} s", load.as_secs_f64());
    println!(
        "prompt: {prompt_tokens} tokens in {prompt_time:.2} s = {:.0} tokens/s",
        prompt_tokens as f64 / prompt_time
    );
    println!(
        "generation: {generated} tokens in {generation_time:.2} s = {:.1} tokens/s",
        generated as f64 / generation_time
    );
    Ok(ExitCode::SUCCESS)
}
