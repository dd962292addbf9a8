#!/usr/bin/env bash
# Fuzzes one target for a while with coverage feedback, on stable Rust (the same
# instrumentation cargo-fuzz adds; `cargo fuzz run TARGET` on nightly also works).
#   fuzz/run.sh [TARGET] [SECONDS]     e.g. fuzz/run.sh extract_html 600
# Crashes land in fuzz/artifacts/TARGET/; turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:-extract_html}
seconds=${2:-300}
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
 -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
 -Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks"
# An explicit --target keeps the instrumentation off build scripts and proc macros.
host=$(rustc -vV | sed -n 's/^host: //p')
cargo build --release --target "$host" --target-dir target/cov --bin "$target"
mkdir -p "corpus/$target" "artifacts/$target"
# Seed with the sample corpus the first time.
[ -n "$(ls -A "corpus/$target")" ] || cp ../corpus/sample/html/*.html ../corpus/sample/text/* "corpus/$target/" 2>/dev/null || true
"target/cov/$host/release/$target" "corpus/$target" -artifact_prefix="artifacts/$target/" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048
