//! Runs the stages over a batch of inputs: read → extract → analyze in parallel on a
//! CPU pool, then store (one transaction per chunk) and bring the search index up to
//! date. Failures are data: each bad input becomes a [`Skip`] naming it and the
//! reason, a panic in a stage fails only its item, and the batch goes on.
#![warn(missing_docs)]

mod article;
mod live;
pub mod stories;
pub mod subscriptions;
pub mod worker;

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use distill_ingest::{RawItem, ReadConfig, Skip};
use distill_library::{Library, LibraryError};
use distill_store::Upsert;
use rayon::prelude::*;
use serde::Serialize;

pub use article::{build_article, extract_item, host};
pub use live::{FeedOutcome, FeedSelection, PollConfig, ingest_urls, poll_feeds};

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

/// Items processed per store transaction.
const CHUNK: usize = 256;

/// Ingests files and folders into the library. WARC archives are streamed record by
/// record; records already stored are counted as unchanged without re-extraction, so
/// an interrupted run is resumed by running it again.
pub fn ingest(
    library: &Library,
    paths: &[PathBuf],
    config: &PipelineConfig,
    progress: &dyn Progress,
) -> Result<Report, LibraryError> {
    let mut ingestor = Ingestor::new(library)?;
    ingestor.ingest_paths(paths, config, progress)?;
    ingestor.finish()
}

/// Stores analyzed articles chunk by chunk, assigning near-duplicates in input order
/// against everything already stored. One per ingest run, polling pass or worker: it
/// loads the stored signatures once, and [`Ingestor::follow`] adds what other
/// processes stored since.
pub struct Ingestor<'a> {
    library: &'a Library,
    copies: distill_nlp::dedup::LshIndex,
    stories: stories::StoryFiler,
    /// The change log's sequence number up to which the store has been read.
    seen: i64,
    /// When [`Ingestor::checkpoint`] last ran (or the ingestor was made).
    checkpointed: std::time::Instant,
    /// What has been done so far.
    pub report: Report,
}

impl<'a> Ingestor<'a> {
    /// Loads the near-duplicate index and the recent stories from the store.
    pub fn new(library: &'a Library) -> Result<Ingestor<'a>, LibraryError> {
        // Read before the signatures: what lands in between is read again by `follow`.
        let seen = library.store.last_seq()?;
        let mut copies = distill_nlp::dedup::LshIndex::new();
        for stored in library.store.signatures()? {
            copies.insert(&stored.id, stored.signature, stored.duplicate_of.as_deref());
        }
        let mut stories =
            stories::StoryFiler::load(library.store.as_ref(), stories::REPLAY, Some(library.index.clone()))?;
        let filed = stories.catch_up(library.store.as_ref())?;
        if filed > 0 {
            tracing::info!(filed, "filed stored articles under stories");
        }
        Ok(Ingestor {
            library,
            copies,
            stories,
            seen,
            checkpointed: std::time::Instant::now(),
            report: Report::default(),
        })
    }

    /// Ingests files and folders (WARC archives streamed record by record, their
    /// records already stored counted as unchanged without re-extraction); returns
    /// what this call did.
    pub fn ingest_paths(
        &mut self,
        paths: &[PathBuf],
        config: &PipelineConfig,
        progress: &dyn Progress,
    ) -> Result<Report, LibraryError> {
        let before = self.report.clone();
        let (files, skipped) = distill_ingest::collect_files(paths);
        let (warcs, files): (Vec<PathBuf>, Vec<PathBuf>) = files.into_iter().partition(|p| distill_ingest::is_warc(p));
        progress.start((files.len() + warcs.len()) as u64);
        self.report.skipped.extend(skipped);
        let bytes = AtomicU64::new(0);
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
            self.store(results)?;
        }
        for path in warcs {
            bytes.fetch_add(std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0), Ordering::Relaxed);
            match distill_ingest::WarcReader::open(&path, config.read.max_document_bytes) {
                Ok(reader) => {
                    self.absorb(reader, config, true)?;
                }
                Err(skip) => self.report.skipped.push(skip),
            }
            progress.advance(1);
        }
        self.report.bytes += bytes.into_inner();
        Ok(self.report.since(&before))
    }

    /// Ingests several files at once, analyzing them in parallel, and returns each
    /// file's own report, in order (a worker's jobs of one small file each).
    pub fn ingest_files(&mut self, files: &[PathBuf], config: &PipelineConfig) -> Result<Vec<Report>, LibraryError> {
        let built: Vec<Vec<Result<distill_core::Article, Skip>>> = files
            .par_iter()
            .map(|path| {
                let items = distill_ingest::read_file(path, &config.read);
                items.into_iter().map(|item| item.and_then(|item| build_article(item, config))).collect()
            })
            .collect();
        let mut reports = Vec::with_capacity(files.len());
        for (path, results) in files.iter().zip(built) {
            let before = self.report.clone();
            self.report.bytes += std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
            self.store(results)?;
            reports.push(self.report.since(&before));
        }
        Ok(reports)
    }

    /// Ingests one slice of a large file (a job of `ingest --enqueue`): only its own
    /// records are read; a WARC's records already stored are counted as unchanged, as
    /// when the whole archive is ingested.
    pub fn ingest_slice(
        &mut self,
        slice: &distill_ingest::Slice,
        config: &PipelineConfig,
    ) -> Result<Report, LibraryError> {
        let archive = distill_ingest::is_warc(&slice.path);
        let done = self.absorb(slice.read(&config.read), config, archive)?;
        self.report.bytes += slice.end - slice.start;
        Ok(Report { bytes: slice.end - slice.start, ..done })
    }

    /// Reads what other processes stored since this ingestor last looked (workers
    /// sharing one database): their articles' signatures join the near-duplicate index,
    /// so a copy stored elsewhere is still found, and their filed originals join the
    /// story clusterer. Returns how many articles were read.
    pub fn follow(&mut self) -> Result<usize, LibraryError> {
        // The replica first: the clusterer compares by the vectors it stored.
        if let Err(error) = self.library.follow() {
            tracing::warn!(%error, "search index could not follow the store");
        }
        let mut read = 0;
        loop {
            let changes = self.library.store.changes_since(self.seen, CHUNK)?;
            let Some(last) = changes.last() else { return Ok(read) };
            self.seen = last.seq;
            read += changes.len();
            for change in &changes {
                let a = &change.article;
                self.copies.insert(&a.id, a.signature.clone(), a.duplicate_of.as_deref());
            }
            self.stories.observe(self.library.store.as_ref(), changes.iter().map(|c| &c.article))?;
        }
    }

    /// Rewrites the stories touched so far and brings the search index up to date,
    /// as [`Ingestor::finish`] does, keeping the ingestor for more.
    pub fn checkpoint(&mut self) -> Result<(), LibraryError> {
        self.stories.flush(self.library.store.as_ref())?;
        self.sync_index()?;
        self.checkpointed = std::time::Instant::now();
        Ok(())
    }

    /// Time since the last [`Ingestor::checkpoint`].
    pub fn since_checkpoint(&self) -> std::time::Duration {
        self.checkpointed.elapsed()
    }

    fn sync_index(&self) -> Result<(), LibraryError> {
        match self.library.sync_index() {
            Err(LibraryError::Search(distill_search::SearchError::Busy(waited))) => {
                tracing::warn!(
                    ?waited,
                    "search index busy in another process; it indexes these articles on its next sync"
                );
                Ok(())
            }
            other => other.map(drop),
        }
    }

    /// Extracts, analyzes and stores a stream of items, `CHUNK` at a time. With
    /// `skip_stored`, items whose URL is already stored are counted as unchanged
    /// without being extracted again (archives, feed items seen before).
    pub fn absorb(
        &mut self,
        items: impl Iterator<Item = Result<RawItem, Skip>>,
        config: &PipelineConfig,
        skip_stored: bool,
    ) -> Result<Report, LibraryError> {
        let before = self.report.clone();
        let mut items = items.peekable();
        while items.peek().is_some() {
            let mut chunk: Vec<Result<RawItem, Skip>> = items.by_ref().take(CHUNK).collect();
            if skip_stored {
                let ids: Vec<distill_core::ArticleId> = chunk
                    .iter()
                    .filter_map(|i| i.as_ref().ok()?.url.as_deref().map(|u| distill_core::article_id(Some(u), "")))
                    .collect();
                let stored = self.library.store.existing(&ids)?;
                if !stored.is_empty() {
                    chunk.retain(|item| {
                        let known = item
                            .as_ref()
                            .ok()
                            .and_then(|i| i.url.as_deref())
                            .is_some_and(|u| stored.contains(&distill_core::article_id(Some(u), "")));
                        self.report.unchanged += known as usize;
                        !known
                    });
                }
            }
            let results = chunk.into_par_iter().map(|item| item.and_then(|item| build_article(item, config))).collect();
            self.store(results)?;
        }
        Ok(self.report.since(&before))
    }

    fn store(&mut self, results: Vec<Result<distill_core::Article, Skip>>) -> Result<(), LibraryError> {
        let mut articles = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok(mut a) => {
                    // In input order, so the first copy seen of a story is its original.
                    a.duplicate_of = self.copies.original_of(&a.id, &a.signature).map(|(root, _)| root.into());
                    self.copies.insert(&a.id, a.signature.clone(), a.duplicate_of.as_deref());
                    articles.push(a);
                }
                Err(skip) => self.report.skipped.push(skip),
            }
        }
        let outcomes = self.library.store.upsert_batch(&articles)?;
        for outcome in &outcomes {
            match outcome {
                Upsert::Inserted => self.report.ingested += 1,
                Upsert::Updated => self.report.updated += 1,
                Upsert::Unchanged => self.report.unchanged += 1,
            }
        }
        // An article stored before keeps its story; the new ones are filed in input order.
        let new: Vec<&distill_core::Article> =
            articles.iter().zip(&outcomes).filter(|(_, o)| **o == Upsert::Inserted).map(|(a, _)| a).collect();
        self.stories.file(self.library.store.as_ref(), &new)?;
        Ok(())
    }

    /// Rewrites the stories this run touched, brings the search index up to date and
    /// returns the whole run's report. When another process keeps the index writer
    /// past the wait, the articles are stored and the next sync (by any process: a
    /// `serve` follows the store) indexes them, so the run still succeeds, with a
    /// warning.
    pub fn finish(mut self) -> Result<Report, LibraryError> {
        self.checkpoint()?;
        let report = self.report;
        tracing::info!(
            ingested = report.ingested,
            updated = report.updated,
            unchanged = report.unchanged,
            skipped = report.skipped.len(),
            "ingest finished"
        );
        Ok(report)
    }
}

impl Report {
    /// What happened after `before` (a snapshot of the same run).
    pub fn since(&self, before: &Report) -> Report {
        Report {
            ingested: self.ingested - before.ingested,
            updated: self.updated - before.updated,
            unchanged: self.unchanged - before.unchanged,
            skipped: self.skipped[before.skipped.len()..].to_vec(),
            bytes: self.bytes - before.bytes,
        }
    }
}
