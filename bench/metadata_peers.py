"""Title, byline and date of each page of a `distill eval metadata` folder, as a Python
peer finds them, written as the JSON Lines that `distill eval metadata DIR
--predictions FILE` scores (so both are scored by one scorer).

usage: metadata_peers.py DIR PEER OUT      PEER: trafilatura | newspaper4k

Each peer gets what distill gets: the page's bytes and nothing else (no URL).
  trafilatura   trafilatura.extract_metadata(html) (htmldate's extensive date search,
                its defaults); its author list is joined by "; ", read here as ", ".
  newspaper4k   newspaper.Article("", fetch_images=False).download(input_html=html).parse(): .title,
                .authors joined by ", ", .publish_date.
A crash on a page, or a page that takes over 20 s, is a page with nothing found.
"""
import gzip
import json
import os
import sys
import time

from peers import newspaper_parser, within_limit


def trafilatura_peer():
    from trafilatura import extract_metadata

    def run(html):
        found = extract_metadata(html.decode("utf-8", errors="replace"))
        if found is None:
            return {}
        author = (found.author or "").replace("; ", ", ")
        return {"title": found.title, "byline": author, "published": found.date}
    return run


def newspaper4k_peer():
    parse = newspaper_parser()

    def run(html):
        article = parse(html)
        date = article.publish_date.isoformat() if article.publish_date else None
        return {"title": article.title, "byline": ", ".join(article.authors), "published": date}
    return run


PEERS = {"trafilatura": trafilatura_peer, "newspaper4k": newspaper4k_peer}


def main():
    if len(sys.argv) != 4 or sys.argv[2] not in PEERS:
        sys.exit(__doc__)
    folder, peer, out = sys.argv[1], sys.argv[2], sys.argv[3]
    run = PEERS[peer]()
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
        manifest = [item for item in json.load(f) if item.get("format") == "html"]
    with open(out, "w", encoding="utf-8") as lines:
        for item in manifest:
            with open(os.path.join(folder, item["file"]), "rb") as f:
                html = f.read()
            if item["file"].endswith(".gz"):
                html = gzip.decompress(html)
            start = time.perf_counter()
            try:
                found = within_limit(run, html)
            except Exception as error:  # noqa: BLE001 - a peer's crash is its miss
                print(f"{peer}: {item['file']}: {type(error).__name__}: {error}", file=sys.stderr)
                found = {}
            if time.perf_counter() - start > 5:
                print(f"{peer}: {item['file']}: {time.perf_counter() - start:.1f} s", file=sys.stderr)
            lines.write(json.dumps({"file": item["file"], **found}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
