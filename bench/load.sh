#!/usr/bin/env bash
# Load test: wrk, from a second process on 127.0.0.1, against `distill serve` over the
# sample corpus replicated to about ARTICLES articles, while an ingest writes to the
# same data folder. Prints p50, p99, requests/s and errors for each page and API route.
#
#   bench/load.sh                      # 100,000 articles, 20 s a route
#   ARTICLES=10000 DURATION=5s bench/load.sh
#
# The data folder (DATA, default /tmp/distill-load-ARTICLES) is kept between runs;
# delete it to build it again. Needs wrk (Debian: apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${ARTICLES:-100000}
duration=${DURATION:-20s}
connections=${CONNECTIONS:-8}
data=${DATA:-/tmp/distill-load-$articles}
port=${PORT:-18080}
command -v wrk >/dev/null || { echo "error: wrk is required (apt-get install wrk)" >&2; exit 1; }
cargo build --release --locked -p distill --quiet
bin=$PWD/target/release/distill
corpus_files=32
replicate=$(( (articles + corpus_files - 1) / corpus_files ))
if [ ! -f "$data/distill.db" ]; then
  echo "building a data folder of $(( replicate * corpus_files )) articles in $data"
  "$bin" --data "$data" bench ingest corpus/sample --replicate "$replicate" --keep
fi
"$bin" --data "$data" serve --addr "127.0.0.1:$port" --no-poll > /tmp/distill-load-serve.log 2>&1 &
server=$!
ingest=
cleanup() { kill "$server" ${ingest:+"$ingest"} 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 100); do grep -q "serving on" /tmp/distill-load-serve.log 2>/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"
id=$("$bin" --data "$data" list --json --limit 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
stored=$(python3 -c 'import json,sys,urllib.request; print(json.load(urllib.request.urlopen(sys.argv[1] + "/api/articles?limit=1"))["total"])' "$base")
# A writer in the same folder for the whole run: 100 more copies of the corpus
# (3,200 new articles, the rest re-read and found unchanged).
"$bin" --data "$data" bench ingest corpus/sample --replicate $(( replicate + 100 )) --keep > /tmp/distill-load-ingest.log 2>&1 &
ingest=$!
echo "serving $stored articles; an ingest of $(( (replicate + 100) * corpus_files )) more inputs runs meanwhile"
printf '| route | requests/s | p50 | p99 | errors |\n|---|---|---|---|---|\n'
for route in "/" "/articles/$id" "/search?q=strike+automation" "/api/articles/$id" "/api/search?q=strike+automation" "/api/articles?limit=50"; do
  out=$(wrk -t2 -c"$connections" -d"$duration" --latency "$base$route")
  rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ { sub(/^ +/, ""); printf "%s; ", $0 }' <<<"$out")
  printf '| `%s` | %s | %s | %s | %s |\n' "${route/$id/ID}" "$rps" "$p50" "$p99" "${errors:-0}"
done
kill -0 "$ingest" 2>/dev/null && echo "(the ingest was still running at the end)" || echo "(the ingest ended during the run: $(tail -1 /tmp/distill-load-ingest.log))"
