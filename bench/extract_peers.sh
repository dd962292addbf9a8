#!/usr/bin/env bash
# Article-body extraction: distill beside trafilatura and readability-lxml, scored the way
# `distill eval extract` scores, each on one core. Installs the peers into bench/.venv-peers
# on first use; builds nothing (uses target/release/distill, or $DISTILL_BIN).
#   bench/extract_peers.sh [EVAL_DIR]   (default ../shared/data/extraction/wcxb-dev-articles)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/extraction/wcxb-dev-articles}
bin=${DISTILL_BIN:-target/release/distill}
[ -x "$bin" ] || { echo "no distill binary at $bin: cargo build --release -p distill, or set DISTILL_BIN" >&2; exit 1; }
venv=bench/.venv-peers
if [ ! -x $venv/bin/python ]; then
    python3 -m venv $venv
    # Two installs: pip 23's resolver trips over both asking for lxml[html_clean].
    $venv/bin/pip install --quiet trafilatura==2.3.1
    $venv/bin/pip install --quiet readability-lxml==0.9
fi
$venv/bin/python bench/extract_peers.py "$data" --distill "$bin" --readability
