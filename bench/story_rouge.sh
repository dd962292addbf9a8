#!/usr/bin/env bash
# Scores story summaries (`distill summarize --by FIELD --words N`) against reference
# summaries with ROUGE-1/2/L, beside the lead and round-robin-leads baselines, in one
# run. Installs rouge-score into bench/.venv on first use.
#   bench/story_rouge.sh [DATA.jsonl] [FIELD] [WORDS]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/stories/allsides-neus-test.jsonl}
field=${2:-event_id}
words=${3:-100}
if [ ! -x bench/.venv/bin/python ]; then
    python3 -m venv bench/.venv
    bench/.venv/bin/pip install --quiet rouge-score==0.1.2
fi
bin=${DISTILL_BIN:-target/release/distill}
[ -x "$bin" ] || cargo build --release --locked -p distill
mkdir -p bench/out
for method in lead round-robin extractive; do
    "$bin" summarize "$data" --by "$field" --words "$words" --method "$method" > "bench/out/story-$method.jsonl"
done
bench/.venv/bin/python bench/story_rouge.py "$data" "$field" "$words" \
    "lead=bench/out/story-lead.jsonl" "round-robin=bench/out/story-round-robin.jsonl" \
    "distill=bench/out/story-extractive.jsonl"
