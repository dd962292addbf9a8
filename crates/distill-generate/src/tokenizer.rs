//! A GPT-2 style byte-level BPE tokenizer rebuilt from a GGUF file's vocabulary.
//!
//! A GGUF file carries its tokenizer as metadata (tokens, merges, token types); there
//! is no tokenizer.json beside it. candle's own GGUF tokenizer gets SmolLM2's wrong
//! (its `pre = "smollm"` splits every digit), so this one is built the way the model's
//! tokenizer.json is: digits split one by one, then byte-level pre-tokenization without
//! a prefix space, a BPE over the merges, and the control tokens kept whole.

use candle_core::quantized::gguf_file::{Content, Value};
use tokenizers::decoders::byte_level::ByteLevel as ByteLevelDecoder;
use tokenizers::models::bpe::{BPE, Vocab};
use tokenizers::pre_tokenizers::byte_level::ByteLevel;
use tokenizers::pre_tokenizers::digits::Digits;
use tokenizers::pre_tokenizers::sequence::Sequence;
use tokenizers::{AddedToken, Tokenizer};

/// The GGUF token type of control tokens (`<|im_start|>` and the like).
const CONTROL: i32 = 3;

/// The tokenizer and the ids the generator needs.
pub(crate) struct GgufTokenizer {
    pub tokenizer: Tokenizer,
    /// The end-of-turn tokens: generation stops at any of them.
    pub end_ids: Vec<u32>,
}

impl GgufTokenizer {
    /// Builds the tokenizer from `content`'s metadata.
    pub fn from_gguf(content: &Content) -> Result<Self, String> {
        let get = |key: &str| content.metadata.get(key).ok_or_else(|| format!("the file has no {key}"));
        let model = get("tokenizer.ggml.model")?.to_string().map_err(|e| e.to_string())?;
        if model != "gpt2" {
            return Err(format!("tokenizer model {model:?} is not supported (only byte-level BPE, \"gpt2\")"));
        }
        let tokens = strings(get("tokenizer.ggml.tokens")?)?;
        let merges = strings(get("tokenizer.ggml.merges")?)?;
        let types: Vec<i32> = match content.metadata.get("tokenizer.ggml.token_type") {
            Some(v) => v.to_vec().map_err(|e| e.to_string())?.iter().map(|t| t.to_i32().unwrap_or(1)).collect(),
            None => Vec::new(),
        };
        let vocab: Vocab = tokens.iter().enumerate().map(|(id, t)| (t.clone(), id as u32)).collect();
        let merges = merges
            .iter()
            .map(|m| {
                m.split_once(' ').map(|(a, b)| (a.to_string(), b.to_string())).ok_or_else(|| format!("bad merge {m:?}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let bpe = BPE::builder().vocab_and_merges(vocab, merges).build().map_err(|e| e.to_string())?;
        let mut tokenizer = Tokenizer::new(bpe);
        tokenizer
            .with_pre_tokenizer(Some(Sequence::new(vec![
                Digits::new(true).into(),
                ByteLevel::new(false, true, true).into(),
            ])))
            .with_decoder(Some(ByteLevelDecoder::default()));
        let control: Vec<AddedToken> = tokens
            .iter()
            .zip(&types)
            .filter(|(_, ty)| **ty == CONTROL)
            .map(|(t, _)| AddedToken::from(t.clone(), true))
            .collect();
        tokenizer.add_special_tokens(control).map_err(|e| e.to_string())?;

        let id = |key: &str| content.metadata.get(key).and_then(|v| v.to_u32().ok());
        let mut end_ids: Vec<u32> = id("tokenizer.ggml.eos_token_id").into_iter().collect();
        for name in ["<|im_end|>", "<|eot_id|>", "<|endoftext|>", "</s>"] {
            if let Some(i) = tokenizer.token_to_id(name)
                && !end_ids.contains(&i)
            {
                end_ids.push(i);
            }
        }
        Ok(Self { tokenizer, end_ids })
    }

    /// Returns the ids of `text`, control tokens included as single tokens.
    pub fn encode(&self, text: &str) -> Result<Vec<u32>, String> {
        Ok(self.tokenizer.encode(text, false).map_err(|e| e.to_string())?.get_ids().to_vec())
    }

    /// Returns the text of `ids`, control tokens left out.
    pub fn decode(&self, ids: &[u32]) -> Result<String, String> {
        self.tokenizer.decode(ids, true).map_err(|e| e.to_string())
    }
}

fn strings(value: &Value) -> Result<Vec<String>, String> {
    value
        .to_vec()
        .map_err(|e| e.to_string())?
        .iter()
        .map(|v| v.to_string().cloned().map_err(|e| e.to_string()))
        .collect()
}
