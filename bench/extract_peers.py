"""Article-body extraction: distill beside its Python peers, scored the way
`distill eval extract` scores (the same numbers to 4 decimals), on one core.

usage: extract_peers.py DIR [--distill BIN] [--readability] [--newspaper] [--no-trafilatura]
                            [--score-distill-json FILE]

DIR holds html/NNNN.html[.gz] and ground-truth.json ({id: {"articleBody", ...}}), or
gold.json ({id: {"with": [...], "without": [...]}}, trafilatura's evaluation set): then every
system is scored by snippets (see "Snippet scoring" below), F1 standing for F.
All pages are decompressed into memory first; only the extraction calls are timed
(time.perf_counter), in this one process pinned to one core.
  trafilatura           trafilatura.extract(..., output_format="txt", include_comments=False,
                        include_tables=True, favor_precision=False), defaults otherwise.
  readability           (--readability) readability-lxml's Document(html).summary(), as text.
  newspaper4k           (--newspaper) newspaper.Article("", fetch_images=False), .download(
                        input_html=...), .parse(), .text.
Each page has 20 s: a peer that takes longer returns nothing for it (the time still counts).
  distill               (--distill BIN) `RAYON_NUM_THREADS=1 BIN eval extract DIR`, its own
                        scores and pages/s, read from its output.
  distill-json          (--score-distill-json FILE) the lines of `distill extract --json`
                        scored here, to cross-check this scorer against distill's.

Scoring: `\\w+` tokens; each text is a multiset of 4-token shingles (1-3 tokens: one
shingle of them all); per page P = tp/(tp+fp), R = tp/(tp+fn) from the multiset overlap;
P and R averaged over pages, F1 the harmonic mean of the averages; accuracy the share of
pages whose token list equals the gold one.

Snippet scoring (gold.json): whitespace collapsed in snippet and output, a snippet is found
when it is a case-sensitive substring; found "with" = TP, missing "with" = FN, found
"without" = FP, absent "without" = TN, summed over all pages; P, R, F and accuracy from
the sums, as trafilatura's own evaluation and `distill eval extract` count them.
"""
import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from peers import newspaper_parser, within_limit

WORD = re.compile(r"\w+")


def shingles(tokens):
    if len(tokens) < 4:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3))


def page_scores(gold, predicted):
    g, p = shingles(WORD.findall(gold)), shingles(WORD.findall(predicted))
    tp = sum((g & p).values())
    fp, fn = sum(p.values()) - tp, sum(g.values()) - tp
    if tp + fp + fn == 0:
        return 1.0, 1.0
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 1.0)


def collapse(text):
    return " ".join(text.split())


def snippet_score(truth, texts):
    """{id: text} against "with"/"without" snippets -> (precision, recall, F, accuracy)."""
    tp = fn = fp = tn = 0
    for page_id, row in truth.items():
        text = collapse(texts.get(page_id) or "")
        found = lambda s: bool(collapse(s)) and collapse(s) in text  # noqa: E731
        hits = sum(map(found, row.get("with") or []))
        tp, fn = tp + hits, fn + len(row.get("with") or []) - hits
        leaks = sum(map(found, row.get("without") or []))
        fp, tn = fp + leaks, tn + len(row.get("without") or []) - leaks
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), (tp + tn) / max(1, tp + fn + fp + tn)


def score(truth, texts):
    """{id: text} against the gold bodies -> (precision, recall, F1, accuracy)."""
    if truth and "articleBody" not in next(iter(truth.values())):
        return snippet_score(truth, texts)
    ps, rs, exact = [], [], 0
    for page_id, row in truth.items():
        gold, text = row.get("articleBody") or "", texts.get(page_id) or ""
        p, r = page_scores(gold, text)
        ps.append(p)
        rs.append(r)
        exact += WORD.findall(gold) == WORD.findall(text)
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), exact / len(ps)


def load_pages(folder, ids):
    pages = {}
    for page_id in ids:
        gz, plain = folder / "html" / f"{page_id}.html.gz", folder / "html" / f"{page_id}.html"
        pages[page_id] = gzip.decompress(gz.read_bytes()) if gz.exists() else plain.read_bytes()
    return pages


def timed(pages, extract):
    """Runs extract(html bytes) -> text on every page; returns ({id: text}, seconds)."""
    texts, seconds = {}, 0.0
    for page_id, html in pages.items():
        start = time.perf_counter()
        try:
            texts[page_id] = within_limit(extract, html) or ""
        except Exception as e:  # a crash or a page over the limit is an empty page
            print(f"  {page_id}: {type(e).__name__}: {e}", file=sys.stderr)
            texts[page_id] = ""
        seconds += time.perf_counter() - start
    return texts, seconds


def trafilatura_extract():
    import trafilatura
    return lambda html: trafilatura.extract(html, output_format="txt", include_comments=False,
                                            include_tables=True, favor_precision=False)


def readability_extract():
    import lxml.html
    from readability import Document
    blocks = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
              "pre", "blockquote", "section", "article", "figcaption", "dd", "dt"}

    def run(html):
        tree = lxml.html.fromstring(Document(html).summary())
        for el in tree.iter():  # keep words of adjacent blocks apart
            if isinstance(el.tag, str) and el.tag in blocks:
                el.tail = "\n" + (el.tail or "")
        return tree.text_content()
    return run


def newspaper_extract():
    parse = newspaper_parser()
    return lambda html: parse(html).text


def distill_eval(binary, folder):
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    out = subprocess.run([binary, "eval", "extract", str(folder)], env=env, check=True,
                         capture_output=True, text=True).stdout
    print("\n".join("  " + line for line in out.splitlines()), file=sys.stderr)
    found = {k: float(re.search(rf"{k} ([\d.]+)", out).group(1))
             for k in ("precision", "recall", "accuracy")}
    found["F1"] = float(re.search(r"\bF1? ([\d.]+)", out).group(1))
    found["pages/s"] = float(re.search(r"([\d.]+) pages/s", out).group(1))
    return found


def distill_json(path):
    texts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                texts[Path(row["path"]).name.split(".")[0]] = row.get("text") or ""
    return texts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--distill", help="distill binary: runs `eval extract` on one thread")
    ap.add_argument("--readability", action="store_true", help="also run readability-lxml")
    ap.add_argument("--newspaper", action="store_true", help="also run newspaper4k")
    ap.add_argument("--no-trafilatura", action="store_true")
    ap.add_argument("--score-distill-json", metavar="FILE", help="score `distill extract --json` lines")
    args = ap.parse_args()

    gold = args.dir / "ground-truth.json"
    if not gold.exists():
        gold = args.dir / "gold.json"
    truth = json.loads(gold.read_text(encoding="utf-8"))
    truth = dict(sorted(truth.items()))
    if hasattr(os, "sched_setaffinity"):  # one core, inherited by the distill subprocess too
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    results = {}  # name -> dict of figures

    def report(name, texts, seconds=None):
        p, r, f1, acc = score(truth, texts)
        results[name] = {"precision": p, "recall": r, "F1": f1, "accuracy": acc,
                         "pages/s": len(truth) / seconds if seconds else None}
        speed = f"  pages/s {len(truth) / seconds:.1f}" if seconds else ""
        print(f"{name}  pages {len(truth)}  precision {p:.4f}  recall {r:.4f}  F1 {f1:.4f}"
              f"  accuracy {acc:.4f}{speed}", flush=True)

    if args.score_distill_json:
        texts = distill_json(args.score_distill_json)
        missing = sorted(set(truth) - set(texts))
        if missing:
            print(f"distill-json: {len(missing)} pages without a line (scored empty): "
                  f"{' '.join(missing[:20])}", file=sys.stderr)
        report("distill-json", texts)
    peers = [] if args.no_trafilatura else [("trafilatura", trafilatura_extract)]
    if args.readability:
        peers.append(("readability", readability_extract))
    if args.newspaper:
        peers.append(("newspaper4k", newspaper_extract))
    if peers:
        pages = load_pages(args.dir, truth)
        for name, make in peers:
            report(name, *timed(pages, make()))
    if args.distill:
        results["distill"] = distill_eval(args.distill, args.dir)

    print(f"\n{'system':<14}{'precision':>10}{'recall':>8}{'F1':>8}{'accuracy':>10}{'pages/s':>10}")
    for name, s in results.items():
        speed = f"{s['pages/s']:>10.1f}" if s["pages/s"] else f"{'-':>10}"
        print(f"{name:<14}{s['precision']:>10.4f}{s['recall']:>8.4f}{s['F1']:>8.4f}{s['accuracy']:>10.4f}{speed}")
    if "distill" in results:
        d = results["distill"]
        for name, s in results.items():
            if name.startswith("distill"):
                continue
            ratio = f"{d['pages/s'] / s['pages/s']:.1f}x" if s["pages/s"] else "-"
            print(f"distill vs {name}: throughput {ratio} (one core each), F1 {d['F1'] - s['F1']:+.4f}")


if __name__ == "__main__":
    main()
