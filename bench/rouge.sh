#!/usr/bin/env bash
# Scores distill's key points against human highlights with ROUGE, beside the lead-3
# baseline, in one run. Installs rouge-score into bench/.venv on first use.
#   bench/rouge.sh [DATA.jsonl] [BULLETS]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/summaries/cnndm-dev100.jsonl}
bullets=${2:-3}
if [ ! -x bench/.venv/bin/python ]; then
    python3 -m venv bench/.venv
    bench/.venv/bin/pip install --quiet rouge-score==0.1.2
fi
bin=${DISTILL_BIN:-target/release/distill}
[ -x "$bin" ] || cargo build --release --locked -p distill
mkdir -p bench/out
"$bin" summarize "$data" --bullets "$bullets" --method lead > bench/out/lead.jsonl
"$bin" summarize "$data" --bullets "$bullets" > bench/out/distill.jsonl
bench/.venv/bin/python bench/rouge.py "$data" "lead-$bullets=bench/out/lead.jsonl" "distill=bench/out/distill.jsonl"
