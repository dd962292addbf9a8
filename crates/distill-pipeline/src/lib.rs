//! Runs the stages over a batch of inputs: read → extract → analyze in parallel on a
//! CPU pool, then store (one transaction per chunk) and bring the search index up to
//! date. Failures are data: each bad input becomes a [`Skip`] naming it and the
//! reason, a panic in a stage fails only its item, and the batch goes on.
#![warn(missing_docs)]

mod article;
mod library;

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use distill_ingest::{ReadConfig, Skip};
use distill_store::Upsert;
use rayon::prelude::*;
use serde::Serialize;

pub use article::{build_article, extract_item};
pub use library::{Library, LibraryError};

/// Settings of every stage.
#[derive(Debug, Clone, Default)]
pub struct PipelineConfig {
    /// Input limits.
    pub read: ReadConfig,
    /// Extraction limits.
    pub extract: distill_extract::ExtractConfig,
    /// Key points.
    pub summary: distill_nlp::SummaryConfig,
}

/// Receives progress as items are processed.
pub trait Progress: Sync {
    /// The number of files to process is known.
    fn start(&self, _files: u64) {}
    /// `n` more files are done.
    fn advance(&self, _n: u64) {}
}

/// Progress that goes nowhere.
pub struct Silent;
impl Progress for Silent {}

/// What an ingest run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// New articles stored.
    pub ingested: usize,
    /// Articles whose content changed.
    pub updated: usize,
    /// Articles already stored with the same content.
    pub unchanged: usize,
    /// Inputs that could not be used, with the reasons.
    pub skipped: Vec<Skip>,
    /// Bytes of input read.
    pub bytes: u64,
}

impl Report {
    /// Articles now present from this run (new, updated or already there).
    pub fn present(&self) -> usize {
        self.ingested + self.updated + self.unchanged
    }
}

/// Files processed per store transaction.
const CHUNK: usize = 256;

/// Ingests files and folders into the library.
pub fn ingest(
    library: &Library,
    paths: &[PathBuf],
    config: &PipelineConfig,
    progress: &dyn Progress,
) -> Result<Report, LibraryError> {
    let (files, mut skipped) = distill_ingest::collect_files(paths);
    progress.start(files.len() as u64);
    let mut report = Report::default();
    let bytes = AtomicU64::new(0);
    // Near-duplicates: every stored signature, then each new article as it is stored.
    let mut copies = distill_nlp::dedup::LshIndex::new();
    for stored in library.store.signatures()? {
        copies.insert(&stored.id, stored.signature, stored.duplicate_of.as_deref());
    }
    for chunk in files.chunks(CHUNK) {
        let results: Vec<Result<distill_core::Article, Skip>> = chunk
            .par_iter()
            .flat_map_iter(|path| {
                bytes.fetch_add(std::fs::metadata(path).map(|m| m.len()).unwrap_or(0), Ordering::Relaxed);
                let items = distill_ingest::read_file(path, &config.read);
                progress.advance(1);
                items
            })
            .map(|item| item.and_then(|item| build_article(item, config)))
            .collect();
        let mut articles = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok(mut a) => {
                    // In input order, so the first copy seen of a story is its original.
                    a.duplicate_of = copies.original_of(&a.id, &a.signature).map(|(root, _)| root);
                    copies.insert(&a.id, a.signature.clone(), a.duplicate_of.as_deref());
                    articles.push(a);
                }
                Err(skip) => skipped.push(skip),
            }
        }
        for outcome in library.store.upsert_batch(&articles)? {
            match outcome {
                Upsert::Inserted => report.ingested += 1,
                Upsert::Updated => report.updated += 1,
                Upsert::Unchanged => report.unchanged += 1,
            }
        }
    }
    library.sync_index()?;
    report.skipped = skipped;
    report.bytes = bytes.into_inner();
    tracing::info!(
        ingested = report.ingested,
        updated = report.updated,
        unchanged = report.unchanged,
        skipped = report.skipped.len(),
        "ingest finished"
    );
    Ok(report)
}
