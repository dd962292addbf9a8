#!/usr/bin/env bash
# A real OpenAI-compatible server on 127.0.0.1 for the tests of distill's endpoint
# generator: llama-cpp-python's server (from PyPI, built once into a cached virtual
# environment) serving the same GGUF file as the in-process backend.
#   scripts/llm-server.sh setup            install it (skipped when present)
#   scripts/llm-server.sh start DIR MODEL  start it on a free port; prints its base URL
#   scripts/llm-server.sh stop DIR         stop it
# The environment lives in $DISTILL_LLM_VENV (default ~/.cache/distill/llm-server): pip
# builds llama.cpp from source the first time (several minutes on 2 cores), then reuses it.
set -euo pipefail

die() { echo "error: $*" >&2; exit 1; }
venv=${DISTILL_LLM_VENV:-$HOME/.cache/distill/llm-server}
version=0.3.36

setup() {
  # (The marker tells a portable build from one made for the building machine's CPU,
  # which can die with "Illegal instruction" on a virtual machine that reports
  # instructions it does not run: such a build is replaced.)
  if [ -f "$venv/portable-$version" ] && "$venv/bin/python" -c 'import llama_cpp.server' 2>/dev/null; then
    echo "llm-server: $venv is present" >&2
    return
  fi
  rm -rf "$venv"
  python3 -m venv "$venv" || die "cannot create a virtual environment at $venv (python3-venv)"
  "$venv/bin/python" -m pip install --quiet --upgrade pip >&2 || die "cannot upgrade pip in $venv"
  # A C++ compiler builds llama.cpp (for any x86-64 CPU, not only this one); cmake
  # comes from PyPI through the build backend.
  CMAKE_ARGS="-DGGML_NATIVE=OFF" "$venv/bin/python" -m pip install --quiet --no-cache-dir \
    "llama-cpp-python[server]==$version" >&2 \
    || die "pip could not install llama-cpp-python[server]==$version (it needs a C++ compiler)"
  touch "$venv/portable-$version"
  echo "llm-server: installed llama-cpp-python $version into $venv" >&2
}

start() {
  local dir=$1 model=$2
  [ -f "$model" ] || die "no model file at $model (scripts/fetch-models.sh DIR)"
  setup
  mkdir -p "$dir"
  local port
  port=$("$venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$venv/bin/python" -m llama_cpp.server --model "$model" --host 127.0.0.1 --port "$port" \
    --n_ctx 2048 --n_threads 2 --model_alias smollm2 >"$dir/server.log" 2>&1 &
  echo $! >"$dir/server.pid"
  for _ in $(seq 1 120); do
    if "$venv/bin/python" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/v1/models', timeout=1)" 2>/dev/null; then
      echo "http://127.0.0.1:$port/v1"
      return
    fi
    kill -0 "$(cat "$dir/server.pid")" 2>/dev/null || { cat "$dir/server.log" >&2; die "the server exited"; }
    sleep 0.5
  done
  cat "$dir/server.log" >&2
  die "the server did not answer within 60 s"
}

stop() {
  local dir=$1
  [ -f "$dir/server.pid" ] || return 0
  kill "$(cat "$dir/server.pid")" 2>/dev/null || true
  rm -f "$dir/server.pid"
}

case "${1:-}" in
  setup) setup ;;
  start) [ $# -eq 3 ] || die "usage: $0 start DIR MODEL"; start "$2" "$3" ;;
  stop) [ $# -eq 2 ] || die "usage: $0 stop DIR"; stop "$2" ;;
  *) die "usage: $0 setup | start DIR MODEL | stop DIR" ;;
esac
