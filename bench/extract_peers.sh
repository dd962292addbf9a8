#!/usr/bin/env bash
# Article-body extraction: distill beside trafilatura, readability-lxml and newspaper4k, scored the way
# `distill eval extract` scores, each on one core. Installs the peers into bench/.venv-peers
# on first use (bench/peers_venv.sh); builds nothing (uses target/release/distill, or $DISTILL_BIN).
#   bench/extract_peers.sh [EVAL_DIR]   (default ../shared/data/extraction/wcxb-dev-articles)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/extraction/wcxb-dev-articles}
bin=${DISTILL_BIN:-target/release/distill}
[ -x "$bin" ] || { echo "no distill binary at $bin: cargo build --release -p distill, or set DISTILL_BIN" >&2; exit 1; }
python=$(bench/peers_venv.sh)
"$python" bench/extract_peers.py "$data" --distill "$bin" --readability --newspaper
