"""ROUGE-1/2/L (rouge-score, with stemming) of story summaries against reference
summaries, one story per group of input lines, beside baselines, side by side.

usage: story_rouge.py DATA.jsonl FIELD WORDS NAME=SYSTEM.jsonl [NAME=SYSTEM.jsonl ...]
DATA lines carry FIELD (the story key) and "reference" (the same on every line of a
story; the first one is used). System lines are {"story", "bullets": [{"text"}]} as
printed by `distill summarize DATA --by FIELD --words WORDS`. Every summary is cut to
WORDS words before scoring (the classic rule for recall at a fixed length), and
ROUGE-1 recall is reported beside the F1 figures.
"""
import json
import sys

from rouge_score import rouge_scorer


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    data, field, words = sys.argv[1], sys.argv[2], int(sys.argv[3])
    reference = {}
    for row in load(data):
        ref = row["reference"]
        reference.setdefault(str(row[field]), " ".join(ref) if isinstance(ref, list) else ref)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    table = []
    for arg in sys.argv[4:]:
        name, path = arg.split("=", 1)
        rows = {str(row["story"]): [b["text"] for b in row["bullets"]] for row in load(path)}
        missing = set(reference) - set(rows)
        if missing:
            sys.exit(f"{name}: {len(missing)} stories without output")
        totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0, "r1_recall": 0.0}
        used = 0
        for story, ref in reference.items():
            tokens = " ".join(rows[story]).split()[:words]
            used += len(tokens)
            scores = scorer.score(ref, " ".join(tokens))
            for key in ("rouge1", "rouge2", "rougeL"):
                totals[key] += scores[key].fmeasure
            totals["r1_recall"] += scores["rouge1"].recall
        n = len(reference)
        table.append((name, {k: 100 * v / n for k, v in totals.items()}, used / n))
    print(f"{len(reference)} stories, summaries cut to {words} words; F1 except R-1 recall")
    print(f"{'system':<14}{'R-1':>8}{'R-2':>8}{'R-L':>8}{'R-1 rec':>9}{'words':>8}")
    for name, s, w in table:
        print(f"{name:<14}{s['rouge1']:>8.2f}{s['rouge2']:>8.2f}{s['rougeL']:>8.2f}{s['r1_recall']:>9.2f}{w:>8.1f}")


if __name__ == "__main__":
    main()
