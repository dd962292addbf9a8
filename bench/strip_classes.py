#!/usr/bin/env python3
"""Writes a copy of an extraction set (html/*.html.gz and ground-truth.json) with every
`class` and `id` attribute stripped: the robustness check of BENCHMARKS.md ("classes
and ids stripped"), a stand-in for sites whose class names say nothing the rules know.

    python3 bench/strip_classes.py ../shared/data/extraction/wcxb-dev-articles /tmp/wcxb-blind
"""
import glob
import gzip
import os
import re
import shutil
import sys

ATTRIBUTE = re.compile(rb"""\s(?:class|id)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.I)


def main(src: str, dst: str) -> None:
    os.makedirs(os.path.join(dst, "html"), exist_ok=True)
    shutil.copy(os.path.join(src, "ground-truth.json"), dst)
    pages = sorted(glob.glob(os.path.join(src, "html", "*.html.gz")))
    for page in pages:
        with gzip.open(page) as f:
            stripped = ATTRIBUTE.sub(b"", f.read())
        with gzip.open(os.path.join(dst, "html", os.path.basename(page)), "wb", compresslevel=1) as out:
            out.write(stripped)
    print(f"{len(pages)} pages written to {dst}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
