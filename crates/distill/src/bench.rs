//! `distill bench`: the arguments of the throughput measurements, which
//! [`distill_eval::bench`] makes.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use distill_eval::bench;

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
        BenchCommand::Page { mb, out: page, corpus } => bench::page(mb, page.as_deref(), &corpus, data, &mut out),
        BenchCommand::Ingest { dir, replicate, keep } => bench::ingest(&dir, replicate, data, keep, &mut out),
    };
    done.map_err(|e| match e {
        // The data folder's own error, so that its code is printed (`error[store_unavailable]`).
        distill_eval::Error::Library(e) => anyhow::Error::from(e),
        e => e.into(),
    })?;
    Ok(ExitCode::SUCCESS)
}
