//! A llama-architecture GGUF model run in process on candle, on the CPU.
//!
//! Decoding is greedy with a light repetition penalty, so the same prompt gives the
//! same reply: a generated line can be tested, cached and explained. The prompt is
//! capped (its opening and its last tokens are kept, the middle cut) so that one
//! request's cost is bounded whatever a caller sends. One generation runs at a time per
//! model (the key-value cache is the model's state); callers queue on a lock with a
//! timeout. candle runs the matrix products on its own pool of
//! `CANDLE_NUM_THREADS` threads (all cores by default), apart from any HTTP runtime.
//!
//! Q4_1 and the other legacy 4- and 5-bit formats have no fast CPU kernel in candle, so
//! such weights are re-quantized to Q8_0 once at load (about a second for a 135M
//! model): DEPENDENCIES.md measured that as the fastest portable choice.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, TryLockError};
use std::time::{Duration, Instant};

use candle_core::quantized::gguf_file::{self, Content};
use candle_core::quantized::{GgmlDType, QTensor};
use candle_core::{Device, Tensor};
use candle_transformers::generation::LogitsProcessor;
use candle_transformers::models::quantized_llama::ModelWeights;

use crate::tokenizer::GgufTokenizer;
use crate::{Finish, Flow, GenerateError, Generation, Generator, Request, Result, Role, StopStream, check};

/// How a [`GgufGenerator`] runs.
#[derive(Debug, Clone)]
pub struct GgufConfig {
    /// The most prompt tokens read; a longer prompt loses the end of its last message.
    pub max_prompt_tokens: usize,
    /// How long a request waits for the model while another generation runs.
    pub wait: Duration,
    /// The repetition penalty over the last 64 tokens (1.0: none).
    pub repeat_penalty: f32,
}

impl Default for GgufConfig {
    fn default() -> Self {
        Self { max_prompt_tokens: 2048, wait: crate::DEFAULT_TIMEOUT, repeat_penalty: 1.1 }
    }
}

/// How the model expects a conversation to be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ChatFormat {
    /// `<|im_start|>role\n...<|im_end|>\n` (SmolLM2, Qwen and others).
    ChatMl,
    /// `<|start_header_id|>role<|end_header_id|>\n\n...<|eot_id|>` (Llama 3).
    Llama3,
    /// `Role: ...` lines, for a model without a chat vocabulary.
    Plain,
}

/// A GGUF model loaded in memory.
pub struct GgufGenerator {
    name: String,
    path: PathBuf,
    config: GgufConfig,
    tokenizer: GgufTokenizer,
    format: ChatFormat,
    context: usize,
    model: Mutex<ModelWeights>,
}

impl std::fmt::Debug for GgufGenerator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GgufGenerator").field("name", &self.name).field("path", &self.path).finish_non_exhaustive()
    }
}

impl GgufGenerator {
    /// Loads the model in `path` (a `.gguf` file).
    pub fn open(path: &Path, config: GgufConfig) -> Result<Self> {
        let load = |reason: String| GenerateError::Load { path: path.to_path_buf(), reason };
        let mut file = std::fs::File::open(path).map_err(|e| load(e.to_string()))?;
        let content = Content::read(&mut file).map_err(|e| load(format!("not a GGUF file: {e}")))?;
        let arch = content.metadata.get("general.architecture").and_then(|v| v.to_string().ok()).cloned();
        if arch.as_deref() != Some("llama") {
            return Err(load(format!("architecture {arch:?} is not supported (only \"llama\")")));
        }
        let tokenizer = GgufTokenizer::from_gguf(&content).map_err(load)?;
        let context =
            content.metadata.get("llama.context_length").and_then(|v| v.to_u32().ok()).unwrap_or(2048) as usize;
        let (content, mut bytes) = requantize(content, &mut file).map_err(|e| load(e.to_string()))?;
        let model = ModelWeights::from_gguf(content, &mut bytes, &Device::Cpu).map_err(|e| load(e.to_string()))?;
        let format = if tokenizer.tokenizer.token_to_id("<|im_start|>").is_some() {
            ChatFormat::ChatMl
        } else if tokenizer.tokenizer.token_to_id("<|start_header_id|>").is_some() {
            ChatFormat::Llama3
        } else {
            ChatFormat::Plain
        };
        let stem = path.parent().and_then(|p| p.file_name()).or(path.file_stem());
        let name =
            format!("{} (gguf)", stem.map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "model".into()));
        Ok(Self { name, path: path.to_path_buf(), config, tokenizer, format, context, model: Mutex::new(model) })
    }

    /// Returns the token ids of `text` as the model reads it (control tokens such as
    /// `<|im_start|>` are single tokens).
    pub fn tokenize(&self, text: &str) -> Result<Vec<u32>> {
        self.tokenizer.encode(text).map_err(GenerateError::Run)
    }

    /// Returns the prompt for `request` in the model's chat format, ending where the
    /// assistant's reply begins.
    fn prompt(&self, request: &Request) -> String {
        let mut out = String::new();
        for m in &request.messages {
            match self.format {
                ChatFormat::ChatMl => {
                    out.push_str(&format!("<|im_start|>{}\n{}<|im_end|>\n", m.role.as_str(), m.content));
                }
                ChatFormat::Llama3 => out.push_str(&format!(
                    "<|start_header_id|>{}<|end_header_id|>\n\n{}<|eot_id|>",
                    m.role.as_str(),
                    m.content
                )),
                ChatFormat::Plain => {
                    let role = match m.role {
                        Role::System => "System",
                        Role::User => "User",
                        Role::Assistant => "Assistant",
                    };
                    out.push_str(&format!("{role}: {}\n\n", m.content));
                }
            }
        }
        out.push_str(match self.format {
            ChatFormat::ChatMl => "<|im_start|>assistant\n",
            ChatFormat::Llama3 => "<|start_header_id|>assistant<|end_header_id|>\n\n",
            ChatFormat::Plain => "Assistant:",
        });
        out
    }

    /// Waits for the model, at most the configured time.
    fn lock(&self) -> Result<MutexGuard<'_, ModelWeights>> {
        let deadline = Instant::now() + self.config.wait;
        loop {
            match self.model.try_lock() {
                Ok(guard) => return Ok(guard),
                // A panic in an earlier generation leaves only a stale cache, which is cleared.
                Err(TryLockError::Poisoned(p)) => return Ok(p.into_inner()),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5))
                }
                Err(TryLockError::WouldBlock) => return Err(GenerateError::Busy(1)),
            }
        }
    }
}

impl Generator for GgufGenerator {
    fn name(&self) -> &str {
        &self.name
    }

    fn generate(&self, request: &Request, on_text: &mut dyn FnMut(&str) -> Flow) -> Result<Generation> {
        check(request)?;
        let run = |e: candle_core::Error| GenerateError::Run(e.to_string());
        // No message can cost more tokenizing than the prompt could ever hold.
        let cap = self.config.max_prompt_tokens.saturating_mul(8);
        let mut capped = request.clone();
        for m in &mut capped.messages {
            if m.content.len() > cap {
                let mut end = cap;
                while !m.content.is_char_boundary(end) {
                    end -= 1;
                }
                m.content.truncate(end);
            }
        }
        let mut tokens = self.tokenizer.encode(&self.prompt(&capped)).map_err(GenerateError::Run)?;
        let budget = self.config.max_prompt_tokens.min(self.context.saturating_sub(request.max_tokens).max(16));
        if tokens.len() > budget {
            // Keep the opening (instructions) and the closing (where the reply starts);
            // the middle of a long message is what is cut.
            let tail = 16.min(budget / 2);
            let head = budget - tail;
            tokens.drain(head..tokens.len() - tail);
        }
        let max_new = request.max_tokens.min(self.context.saturating_sub(tokens.len()));
        let prompt_tokens = tokens.len();

        let mut model = self.lock()?;
        model.clear_kv_cache();
        let mut sampler = LogitsProcessor::new(0, None, None);
        let started = Instant::now();
        let input = Tensor::new(tokens.as_slice(), &Device::Cpu).and_then(|t| t.unsqueeze(0)).map_err(run)?;
        let mut logits = model.forward(&input, 0).map_err(run)?;
        let prompt_time = started.elapsed();
        let generating = Instant::now();

        let mut stream = StopStream::new(&request.stop, on_text);
        let mut generated: Vec<u32> = Vec::new();
        let mut decoded_len = 0;
        let mut finish = Finish::Length;
        while generated.len() < max_new {
            let logits_1d = logits.squeeze(0).map_err(run)?;
            let logits_1d = if self.config.repeat_penalty != 1.0 {
                let recent = &generated[generated.len().saturating_sub(64)..];
                candle_transformers::utils::apply_repeat_penalty(&logits_1d, self.config.repeat_penalty, recent)
                    .map_err(run)?
            } else {
                logits_1d
            };
            let next = sampler.sample(&logits_1d).map_err(run)?;
            if self.tokenizer.end_ids.contains(&next) {
                finish = Finish::Stop;
                break;
            }
            generated.push(next);
            // Decoding the whole reply each step keeps multi-byte characters whole; the
            // new text is what follows what was already sent.
            let text = self.tokenizer.decode(&generated).map_err(GenerateError::Run)?;
            if text.len() > decoded_len && text.is_char_boundary(decoded_len) && !text.ends_with('\u{fffd}') {
                let pushed = stream.push(&text[decoded_len..]);
                decoded_len = text.len();
                if let Some(end) = pushed {
                    finish = end;
                    break;
                }
            }
            let input = Tensor::new(&[next], &Device::Cpu).and_then(|t| t.unsqueeze(0)).map_err(run)?;
            logits = model.forward(&input, prompt_tokens + generated.len() - 1).map_err(run)?;
        }
        model.clear_kv_cache();
        drop(model);
        let text = stream.finish();
        Ok(Generation {
            text: text.trim().to_string(),
            prompt_tokens,
            generated_tokens: generated.len(),
            finish,
            prompt_time,
            generation_time: generating.elapsed(),
        })
    }
}

/// Re-quantizes the weights that have no fast CPU kernel to Q8_0 and returns the model
/// as an in-memory GGUF file; other weights are copied as they are.
fn requantize(content: Content, file: &mut std::fs::File) -> candle_core::Result<(Content, Cursor<Vec<u8>>)> {
    let mut names: Vec<&String> = content.tensor_infos.keys().collect();
    names.sort();
    let mut tensors: Vec<(String, QTensor)> = Vec::with_capacity(names.len());
    for name in names {
        let tensor = content.tensor(file, name, &Device::Cpu)?;
        let slow = matches!(tensor.dtype(), GgmlDType::Q4_0 | GgmlDType::Q4_1 | GgmlDType::Q5_0 | GgmlDType::Q5_1);
        let fits = tensor.shape().dims().last().is_some_and(|d| d % GgmlDType::Q8_0.block_size() == 0);
        let tensor =
            if slow && fits { QTensor::quantize(&tensor.dequantize(&Device::Cpu)?, GgmlDType::Q8_0)? } else { tensor };
        tensors.push((name.clone(), tensor));
    }
    let metadata: Vec<(&str, &gguf_file::Value)> = content.metadata.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let refs: Vec<(&str, &QTensor)> = tensors.iter().map(|(k, t)| (k.as_str(), t)).collect();
    let mut bytes = Cursor::new(Vec::new());
    gguf_file::write(&mut bytes, &metadata, &refs)?;
    drop(tensors);
    bytes.set_position(0);
    let content = Content::read(&mut bytes)?;
    Ok((content, bytes))
}
