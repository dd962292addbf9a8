"""Title, byline and date accuracy of distill on WCXB pages, against the upstream gold.

usage: metadata_wcxb.py [DIR] [--upstream PATH] [--ids FILE] [--distill BIN] [--peers]

The WCXB copy in ../shared/data keeps only each page's body gold; the upstream benchmark
(github.com/Murrough-Foley/web-content-extraction-benchmark) also gives each page's
title, author and publish_date in dev/ground-truth/NNNN.json. This script reads those
files from a clone of that repository (--upstream PATH), or downloads the ones it needs
into bench/out/wcxb-ground-truth/ (network needed once), writes a manifest beside links
to the pages in a temporary folder, and runs `distill eval metadata` on it, which prints
each field's accuracy and every miss with its page.

--ids FILE: the page ids to score, whitespace-separated (default: every page of DIR);
lines starting with "#" are comments, and a comment "# sample ..." starts a sample,
which is also scored on its own after the whole. bench/metadata_wcxb_samples.txt holds
the samples BENCHMARKS.md reports.

--peers: also runs trafilatura and newspaper4k on the same pages (bench/metadata_peers.py
in the venv bench/peers_venv.sh makes) and scores their values with the same
`distill eval metadata` (--predictions), then prints each field side by side.
"""
import argparse
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

RAW = "https://raw.githubusercontent.com/Murrough-Foley/web-content-extraction-benchmark/{}/dev/ground-truth/{}.json"
BRANCHES = ("main", "master")


def upstream_gold(page_id, upstream, cache):
    """The upstream ground-truth object of one page, from the clone or the cache."""
    if upstream:
        path = os.path.join(upstream, "dev", "ground-truth", f"{page_id}.json")
    else:
        path = os.path.join(cache, f"{page_id}.json")
        if not os.path.exists(path):
            os.makedirs(cache, exist_ok=True)
            data = None
            for branch in BRANCHES:
                try:
                    with urllib.request.urlopen(RAW.format(branch, page_id), timeout=30) as response:
                        data = response.read()
                    break
                except urllib.error.HTTPError as error:
                    if error.code != 404:
                        raise
            if data is None:
                raise OSError(f"no dev/ground-truth/{page_id}.json upstream")
            with open(path, "wb") as f:
                f.write(data)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser()
    parser.add_argument("dir", nargs="?", default=os.path.join(root, "..", "shared", "data", "extraction", "wcxb-dev-articles"))
    parser.add_argument("--upstream", help="a clone of the upstream benchmark repository")
    parser.add_argument("--ids", help="file of page ids to score")
    parser.add_argument("--distill", default=os.path.join(root, "target", "release", "distill"))
    parser.add_argument("--peers", action="store_true", help="also score trafilatura and newspaper4k")
    args = parser.parse_args()
    if not os.access(args.distill, os.X_OK):
        sys.exit(f"no distill binary at {args.distill}: cargo build --release -p distill, or pass --distill")
    truth = os.path.join(args.dir, "ground-truth.json")
    try:
        with open(truth, encoding="utf-8") as f:
            local = json.load(f)
    except (OSError, ValueError) as error:
        sys.exit(f"{truth}: {error}")
    ids = sorted(local)
    samples = []  # (heading, ids) of each "# sample" section of the ids file
    if args.ids:
        wanted = []
        with open(args.ids) as f:
            for line in f:
                if line.startswith("# sample"):
                    samples.append((line[2:].strip(), []))
                elif not line.startswith("#"):
                    wanted += line.split()
                    if samples:
                        samples[-1][1].extend(line.split())
        ids = [i for i in wanted if i in local]
    cache = os.path.join(root, "bench", "out", "wcxb-ground-truth")
    manifest = []
    skipped = 0
    for page_id in ids:
        try:
            gold = upstream_gold(page_id, args.upstream, cache)
        except (OSError, ValueError) as error:  # unreadable, missing or not JSON: the rest go on
            print(f"page {page_id}: no upstream gold ({error})", file=sys.stderr)
            skipped += 1
            continue
        if gold.get("url") != local[page_id].get("url"):
            print(f"page {page_id}: upstream URL differs, skipped", file=sys.stderr)
            skipped += 1
            continue
        item = {"id": page_id, "format": "html", "file": f"html/{page_id}.html.gz"}
        fields = gold.get("ground_truth", {})
        for ours, theirs in (("title", "title"), ("author", "author"), ("published", "publish_date")):
            if fields.get(theirs):
                item[ours] = fields[theirs]
        manifest.append(item)
    print(f"{len(manifest)} pages ({skipped} skipped)", flush=True)
    with tempfile.TemporaryDirectory() as work:
        link_pages(args.dir, manifest, work)
        status = evaluate(args.distill, work, manifest)
        for heading, sample in samples:
            print(f"{heading}: {summary(args.distill, work, manifest, sample)}")
        if args.peers:
            compare_peers(root, args.distill, work, manifest, samples)
    return status


def link_pages(pages, manifest, work):
    """Links every page of the manifest into html/ of the folder `work`."""
    os.mkdir(os.path.join(work, "html"))
    for item in manifest:
        name = os.path.basename(item["file"])
        os.symlink(os.path.abspath(os.path.join(pages, "html", name)), os.path.join(work, "html", name))


def write_manifest(work, manifest):
    """Writes the manifest that `distill eval metadata` and the peers read in `work`."""
    with open(os.path.join(work, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False)


def evaluate(distill, work, manifest, predictions=None, out=None):
    """Runs `distill eval metadata` on the pages of `manifest` (linked in `work`), on
    distill's own values or on a peer's `predictions` file; its report goes to `out`
    (standard output by default)."""
    write_manifest(work, manifest)
    command = [distill, "eval", "metadata", work] + (["--predictions", predictions] if predictions else [])
    if out is None:
        return subprocess.call(command)
    run = subprocess.run(command, capture_output=True, text=True)
    out.write(run.stdout)
    if run.returncode != 0:
        sys.exit(f"{' '.join(command)} failed: {run.stderr.strip()}")
    return run.returncode


def summary(distill, work, manifest, ids=None, predictions=None):
    """The accuracy lines of `eval metadata` on the pages `ids` (all by default)."""
    chosen = set(ids) if ids is not None else None
    out = io.StringIO()
    evaluate(distill, work, [m for m in manifest if chosen is None or m["id"] in chosen], predictions, out)
    return accuracy_lines(out.getvalue())


def accuracy_lines(report):
    """The accuracy lines of an `eval metadata` report, joined: "title: 109/120 correct (90.8%); ..."."""
    return "; ".join(line for line in report.splitlines() if " correct (" in line)


def compare_peers(root, distill, work, manifest, samples):
    """Each field's accuracy for distill and each peer, all scored by distill's scorer."""
    python = subprocess.run([os.path.join(root, "bench", "peers_venv.sh")], check=True,
                            capture_output=True, text=True).stdout.strip()
    rows = {"distill": summary(distill, work, manifest)}
    for peer in ("trafilatura", "newspaper4k"):
        predictions = os.path.join(work, f"{peer}.jsonl")
        # Each sample's scoring rewrites the manifest: the peer reads every page.
        write_manifest(work, manifest)
        subprocess.run([python, os.path.join(root, "bench", "metadata_peers.py"), work, peer, predictions], check=True)
        report = io.StringIO()
        evaluate(distill, work, manifest, predictions, out=report)
        rows[peer] = accuracy_lines(report.getvalue())
        path = os.path.join(root, "bench", "out", f"metadata-{peer}.txt")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(report.getvalue())
        for heading, sample in samples:
            print(f"{peer}, {heading}: {summary(distill, work, manifest, sample, predictions)}")
        print(f"{peer}: every miss in {os.path.relpath(path)}")
    counts = {name: dict(re.findall(r"(\w+): (\d+/\d+) correct", line)) for name, line in rows.items()}
    print(f"\n{'field':<8}" + "".join(f"{name:>16}" for name in counts) + "   distill's hits / each peer's")
    for field in ("title", "byline", "date"):
        cells, hits = "", {}
        for name, found in counts.items():
            hit, total = map(int, found.get(field, "0/0").split("/"))
            hits[name] = hit
            cells += f"{hit:>7}/{total:<4}{100 * hit / max(total, 1):>4.0f}%"
        ratios = ", ".join(f"{hits['distill'] / hits[p]:.2f}x {p}" if hits[p] else f"- {p}" for p in hits if p != "distill")
        print(f"{field:<8}{cells}   {ratios}")

if __name__ == "__main__":
    sys.exit(main())
