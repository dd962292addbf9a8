#!/usr/bin/env bash
# The Python peers the benchmarks compare distill with, pinned, in bench/.venv-peers
# (created on first use; needs the network or a pip mirror once). Prints the venv's python.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=bench/.venv-peers
if [ ! -x $venv/bin/python ] || ! $venv/bin/python -c "import trafilatura, readability, newspaper" 2>/dev/null; then
    python3 -m venv $venv
    # Separate installs: pip 23's resolver trips over several asking for lxml[html_clean].
    $venv/bin/pip install --quiet trafilatura==2.3.1 >&2
    $venv/bin/pip install --quiet readability-lxml==0.9 >&2
    $venv/bin/pip install --quiet newspaper4k==0.9.3.1 >&2
fi
echo "$PWD/$venv/bin/python"
