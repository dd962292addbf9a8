"""Builds a leave-one-out story-summary set from a clustering set (lines with
event_id and text, such as ../shared/data/clusters/ecbplus.jsonl): for each event of
at least 5 articles and for up to 3 of its articles (the first, the middle, the
last), that article's first 100 words become the reference and the event's other
articles (at most 10) the story. A reporter's lead is a human summary of the event,
so this scores how well a story summary states the event from the other reports.
It stands in for the classic multi-document sets (about 10 full wire stories per
event), which the shared data does not have.

usage: story_loo.py CLUSTERS.jsonl OUT.jsonl
"""
import json
import sys
from collections import defaultdict


def main():
    source, out = sys.argv[1], sys.argv[2]
    events = defaultdict(list)
    with open(source, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                events[str(row["event_id"])].append(row)
    stories = 0
    with open(out, "w", encoding="utf-8") as f:
        for event, rows in events.items():
            if len(rows) < 5:
                continue
            for k in sorted({0, len(rows) // 2, len(rows) - 1}):
                reference = " ".join(rows[k]["text"].split()[:100])
                story = f"{event}/{k}"
                others = [r for i, r in enumerate(rows) if i != k][:10]
                for r in others:
                    f.write(json.dumps({"id": r["article_id"], "story": story, "title": r.get("title") or "",
                                        "text": r["text"], "reference": reference}) + "\n")
                stories += 1
    print(f"{stories} stories written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
