#!/usr/bin/env python3
"""Reference sentence embeddings for crates/distill-embed's test fixture.

An independent implementation of what sentence-transformers computes for
all-MiniLM-L6-v2: BERT's forward pass written out in numpy (weights read straight from
model.safetensors by parsing its header here, no safetensors package), then mean pooling
over the attention mask and L2 normalization. Only tokenization is shared with the Rust
side (the `tokenizers` Python package reading the same tokenizer.json); each sentence is
encoded on its own, unpadded, so the fixture also checks that the Rust side's batch
padding changes nothing. torch is not used: its PyPI wheel brings gigabytes of CUDA
libraries for a check that needs none of them.

Usage (numpy and tokenizers in a throwaway venv):
  python3 -m venv /tmp/refvenv && /tmp/refvenv/bin/pip install numpy tokenizers
  scripts/fetch-models.sh /tmp/models
  /tmp/refvenv/bin/python scripts/reference_embeddings.py /tmp/models/all-minilm-l6-v2 \
      > crates/distill-embed/tests/fixtures/all-minilm-l6-v2.json
"""

import json
import math
import struct
import sys

import numpy as np
from tokenizers import Tokenizer

SENTENCES = [
    # sentence-transformers' quickstart pairs: cosines 0.6660, 0.1046, 0.1411 published.
    "The weather is lovely today.",
    "It's so sunny outside!",
    "He drove to the stadium.",
    "The central bank raised interest rates by a quarter point on Tuesday.",
    "Policymakers lifted borrowing costs by 25 basis points.",
    "A new species of frog was discovered in the rainforest of Ecuador.",
    "The striker scored twice as the home side won the cup final.",
    "",
    "Émigrés in Zürich read Le Monde: naïve café prices rose 3.5% in 2024!",
    "storm " * 300,
]


def load_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + n])
    base = 8 + n
    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        raw = data[base + start : base + end]
        if info["dtype"] == "BF16":
            u = np.frombuffer(raw, dtype=np.uint16).astype(np.uint32) << 16
            arr = u.view(np.float32)
        else:
            arr = np.frombuffer(raw, dtype=dtypes[info["dtype"]]).astype(np.float32)
        tensors[name.removeprefix("bert.")] = arr.reshape(info["shape"])
    return tensors


def layer_norm(x, w, b, eps):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


ERF = np.vectorize(math.erf, otypes=[np.float64])


def gelu(x):
    return 0.5 * x * (1.0 + ERF(x / math.sqrt(2.0)))


def encode(t, cfg, ids, types):
    eps = cfg["layer_norm_eps"]
    heads = cfg["num_attention_heads"]
    h = cfg["hidden_size"]
    d = h // heads
    n = len(ids)
    x = (
        t["embeddings.word_embeddings.weight"][ids]
        + t["embeddings.position_embeddings.weight"][np.arange(n)]
        + t["embeddings.token_type_embeddings.weight"][types]
    ).astype(np.float64)
    x = layer_norm(x, t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"], eps)
    for i in range(cfg["num_hidden_layers"]):
        p = f"encoder.layer.{i}."
        lin = lambda v, name: v @ t[p + name + ".weight"].T.astype(np.float64) + t[p + name + ".bias"]
        q = lin(x, "attention.self.query").reshape(n, heads, d).transpose(1, 0, 2)
        k = lin(x, "attention.self.key").reshape(n, heads, d).transpose(1, 0, 2)
        v = lin(x, "attention.self.value").reshape(n, heads, d).transpose(1, 0, 2)
        s = q @ k.transpose(0, 2, 1) / math.sqrt(d)
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        ctx = (s @ v).transpose(1, 0, 2).reshape(n, h)
        a = lin(ctx, "attention.output.dense")
        x = layer_norm(a + x, t[p + "attention.output.LayerNorm.weight"], t[p + "attention.output.LayerNorm.bias"], eps)
        m = gelu(lin(x, "intermediate.dense"))
        o = lin(m, "output.dense")
        x = layer_norm(o + x, t[p + "output.LayerNorm.weight"], t[p + "output.LayerNorm.bias"], eps)
    return x


def main():
    folder = sys.argv[1]
    cfg = json.load(open(f"{folder}/config.json"))
    max_len = json.load(open(f"{folder}/sentence_bert_config.json"))["max_seq_length"]
    t = load_safetensors(f"{folder}/model.safetensors")
    tok = Tokenizer.from_file(f"{folder}/tokenizer.json")
    tok.no_padding()
    tok.enable_truncation(max_length=max_len)
    out = []
    for s in SENTENCES:
        e = tok.encode(s)
        hidden = encode(t, cfg, np.array(e.ids), np.array(e.type_ids))
        mask = np.array(e.attention_mask, dtype=np.float64)[:, None]
        mean = (hidden * mask).sum(0) / max(mask.sum(), 1e-9)
        vec = mean / max(np.linalg.norm(mean), 1e-12)
        out.append({"text": s, "tokens": len(e.ids), "vector": [round(float(v), 7) for v in vec]})
    json.dump({"model": "all-minilm-l6-v2", "sentences": out}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
