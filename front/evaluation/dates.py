"""Publication-date accuracy on the htmldate evaluation pages in English (dates-bench/htmldate-eval).

The metric is htmldate's (tests/comparison.py, reported in RESULTS_from_docs_evaluation.rst): day-level exact
match of the output against the ground-truth date, per page:

- true positive (TP): a date was output and it equals the ground truth;
- false positive (FP): a date was output and it is not the ground truth;
- false negative (FN): no date was output although the page has a ground-truth date;
- true negative (TN): no date was output and the page has none.

accuracy = (TP + TN) / pages, so a missing prediction counts against accuracy exactly as a wrong one does;
precision = TP / (TP + FP), recall = TP / (TP + FN), F1 = 2TP / (2TP + FP + FN).

Five mediacloud pages carry NaN instead of a date (a home page, a search result, a registry record...): they
are read as "no date", so only None is right for them. ``accuracy_dated`` is TP over the pages that have a
date, for comparison. Everything here is deterministic: pages are read in file-name order and nothing
depends on timing.

    python -m front.evaluation.dates --shared ../shared/data
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
from pathlib import Path

from scrapers.pubdate import PRECEDENCE, publication_candidate_of_html

BENCH = Path("dates-bench") / "htmldate-eval"
GROUND_TRUTH = "eval_english_subset.json"


def _expected(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()[:10]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    raise ValueError(f"unexpected ground-truth date {value!r}")


def evaluate_dates(shared_dir: Path) -> dict:
    """Accuracy, counts and every miss of publication_date_of_html over the English htmldate pages."""
    bench = Path(shared_dir) / BENCH
    truth_file = bench / GROUND_TRUTH
    if not truth_file.is_file():
        raise FileNotFoundError(f"no date benchmark at {truth_file}")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    entries = sorted(((item["file"], url, _expected(item.get("date"))) for url, item in truth.items()),
                     key=lambda entry: entry[0])
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    misses: list[dict] = []
    by_source: dict[str, dict[str, int]] = {}
    for file, url, expected in entries:
        body = gzip.decompress((bench / "html" / f"{file}.gz").read_bytes())
        found = publication_candidate_of_html(body, url)
        got = found.day.isoformat() if found else None
        if found:
            tally = by_source.setdefault(found.source, {"decided": 0, "correct": 0})
            tally["decided"] += 1
            tally["correct"] += got == expected
        if got is None:
            outcome = "tn" if expected is None else "fn"
        else:
            outcome = "tp" if got == expected else "fp"
        counts[outcome] += 1
        if outcome in ("fp", "fn"):
            misses.append({"file": file, "url": url, "expected": expected, "got": got,
                           "source": found.source if found else None})
    pages = len(entries)
    tp, fp, fn, tn = counts["tp"], counts["fp"], counts["fn"], counts["tn"]
    dated = sum(1 for _, _, expected in entries if expected is not None)
    return {
        "benchmark": "htmldate-eval (English subset)",
        "pages": pages,
        "pages_with_date": dated,
        **counts,
        "correct": tp + tn,
        "accuracy": round((tp + tn) / pages, 4) if pages else 0.0,
        "accuracy_dated": round(tp / dated, 4) if dated else 0.0,
        "precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
        "recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
        "f1": round(2 * tp / (2 * tp + fp + fn), 4) if tp + fp + fn else 0.0,
        "precedence": list(PRECEDENCE),
        "by_source": {name: by_source[name] for name in PRECEDENCE if name in by_source},
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"),
                        help="the shared data folder holding dates-bench/ (default: ../shared/data)")
    parser.add_argument("--min-accuracy", type=float, default=None,
                        help="exit with status 1 when accuracy is below this floor")
    parser.add_argument("--json", action="store_true", help="print the whole result as JSON")
    args = parser.parse_args(argv)
    result = evaluate_dates(args.shared)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"publication dates, {result['benchmark']}: {result['pages']} pages, "
              f"{result['pages_with_date']} with a ground-truth date")
        print(f"accuracy {result['accuracy']:.4f} ({result['correct']}/{result['pages']})  "
              f"precision {result['precision']:.4f}  recall {result['recall']:.4f}  f1 {result['f1']:.4f}  "
              f"accuracy on dated pages {result['accuracy_dated']:.4f}")
        print(f"TP {result['tp']}  FP {result['fp']} (wrong date)  FN {result['fn']} (no date)  TN {result['tn']}")
        print("decided by (correct/decided): " + ", ".join(
            f"{name} {t['correct']}/{t['decided']}" for name, t in result["by_source"].items()))
        misses = result["misses"]
        print(f"first {min(15, len(misses))} of {len(misses)} misses (file, expected, got):")
        for miss in misses[:15]:
            got = f"{miss['got']} ({miss['source']})" if miss["got"] else "-"
            print(f"  {miss['file']:45s} {miss['expected'] or '-':10s}  {got}")
    if args.min_accuracy is not None and result["accuracy"] < args.min_accuracy:
        print(f"FAIL: accuracy {result['accuracy']:.4f} below the floor {args.min_accuracy:.4f}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
