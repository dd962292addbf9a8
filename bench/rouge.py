"""ROUGE-1/2/Lsum F1 (rouge-score, with stemming) of several systems' bullets
against reference highlights, side by side, with ratios to the first system.

usage: rouge.py REFERENCE.jsonl NAME=SYSTEM.jsonl [NAME=SYSTEM.jsonl ...]
Reference lines are {"id", "reference"} (highlights one per line); system lines are
{"id", "bullets": [...]} as printed by `distill summarize`.
"""
import json
import sys

from rouge_score import rouge_scorer


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    reference = {row["id"]: row["reference"] for row in load(sys.argv[1])}
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    table = []
    for arg in sys.argv[2:]:
        name, path = arg.split("=", 1)
        rows = {row["id"]: row["bullets"] for row in load(path)}
        missing = set(reference) - set(rows)
        if missing:
            sys.exit(f"{name}: {len(missing)} documents without output")
        totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
        words = 0
        for doc_id, ref in reference.items():
            prediction = "\n".join(rows[doc_id])
            words += len(prediction.split())
            for key, score in scorer.score(ref, prediction).items():
                totals[key] += score.fmeasure
        n = len(reference)
        table.append((name, {k: 100 * v / n for k, v in totals.items()}, words / n))
    base = table[0][1]
    print(f"{'system':<14}{'R-1':>8}{'R-2':>8}{'R-Lsum':>8}{'words':>8}   ratio to {table[0][0]} (R-1 / R-2 / R-Lsum)")
    for name, s, w in table:
        ratios = " / ".join(f"{s[k] / base[k]:.3f}" for k in ("rouge1", "rouge2", "rougeLsum"))
        print(f"{name:<14}{s['rouge1']:>8.2f}{s['rouge2']:>8.2f}{s['rougeLsum']:>8.2f}{w:>8.1f}   {ratios}")


if __name__ == "__main__":
    main()
