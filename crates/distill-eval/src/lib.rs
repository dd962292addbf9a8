//! The measuring side of distill: extraction, metadata and near-duplicate quality
//! against gold data (`distill eval`), training of the models that ship inside the
//! extractor (`distill train`), and throughput of the whole pipeline (`distill bench`).
//!
//! Each command is a function that takes its inputs as paths and numbers and writes
//! its report, line by line, to the writer it is given; the binary parses arguments
//! and chooses the exit status. Nothing here is on the product's path: no other crate
//! depends on this one, and it alone turns on the extractor's `train` feature.
#![warn(missing_docs)]

pub mod ask;
pub mod attributions;
pub mod bench;
pub mod cluster;
pub mod entities;
pub mod eval;
pub mod insights;
pub mod scale;
pub mod search;
pub mod story_summary;
pub mod train;
pub mod verify;

use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a measurement could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read, written or decompressed.
    #[error("{doing} {}", path.display())]
    File {
        /// What was being done ("reading", "writing", "decompressing").
        doing: &'static str,
        /// The file.
        path: PathBuf,
        /// The failure.
        #[source]
        source: std::io::Error,
    },
    /// A file is not the JSON the command expects.
    #[error("{what}")]
    Json {
        /// Which file (and line), in words.
        what: String,
        /// The parser's complaint.
        #[source]
        source: serde_json::Error,
    },
    /// The input is not what the command measures, or holds nothing to measure.
    #[error("{0}")]
    Input(String),
    /// Writing the report, or a scratch file, failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// A model could not be written as JSON.
    #[error(transparent)]
    Serialize(#[from] serde_json::Error),
    /// The scratch data folder failed.
    #[error(transparent)]
    Library(#[from] distill_library::LibraryError),
    /// A thread pool for a measurement could not be built.
    #[error(transparent)]
    ThreadPool(#[from] rayon::ThreadPoolBuildError),
    /// The embedding model could not be loaded or run.
    #[error(transparent)]
    Embed(#[from] distill_embed::EmbedError),
}

/// splitmix64: a small seeded generator, so that a generated test set or corpus is
/// the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }

    /// Standard normal (Box-Muller).
    fn normal(&mut self) -> f32 {
        let (u, v) = (self.unit().max(1e-12), self.unit());
        ((-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()) as f32
    }
}

/// A `Result` with [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// `doing` a file failed: the error names the file.
fn file_error(doing: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> Error {
    move |source| Error::File { doing, path: path.to_path_buf(), source }
}

/// A file read whole as text; the error names it.
fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(file_error("reading", path))
}

/// A file's bytes, decompressed where its name ends in `.gz`; errors name the file.
fn read_decompressed(path: &Path) -> Result<Vec<u8>> {
    let bytes = std::fs::read(path).map_err(file_error("reading", path))?;
    if path.extension().is_none_or(|e| e != "gz") {
        return Ok(bytes);
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut out).map_err(file_error("decompressing", path))?;
    Ok(out)
}
