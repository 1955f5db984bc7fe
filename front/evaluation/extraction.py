"""Extraction quality on public benchmarks: body text (Scrapinghub) and snippets (trafilatura's corpus).

Both metrics are reimplemented from the benchmarks' own descriptions (see
``extraction-bench/PROVENANCE.md``); no benchmark code is used.

* Scrapinghub article-extraction-benchmark: tokens are ``\\w+`` matches, cut into
  4-token shingles (a multiset). Per page, true positives, false positives and false
  negatives are the shared and excess shingle counts, normalised to sum to one.
  Precision and recall are averaged over pages, F1 is their harmonic mean, and accuracy
  is the share of pages whose token sequence matches the ground truth exactly.
* trafilatura's evaluation: each ``with`` snippet found in the whitespace-normalised text
  is a true positive (missing: a false negative); each ``without`` snippet found is a false
  positive (absent: a true negative). Counts are pooled over all pages.

Every page goes through the production path, :func:`scrapers.platforms.news.parse.parse_article`
with a source that has no profile, so the scores are those of generic extraction.
Results are deterministic: pages are processed in sorted order and nothing is sampled.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from pathlib import Path

SCRAPINGHUB_DIR = "extraction-bench/scrapinghub-aeb"
TRAFILATURA_DIR = "extraction-bench/trafilatura-eval"
_TOKEN = re.compile(r"\w+")
_FETCHED_AT = datetime(2020, 1, 1)
SHINGLE_SIZE = 4


# --- Scrapinghub body metric -------------------------------------------------------------------

def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of `size`-token shingles; a text shorter than `size` tokens is one shingle."""
    toks = tokens(text)
    if not toks:
        return Counter()
    return Counter(tuple(toks[i:i + size]) for i in range(max(1, len(toks) - size + 1)))


def shingle_match(expected: str, predicted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page, normalised to sum to 1 (all zero when both texts are empty)."""
    truth, pred = shingles(expected), shingles(predicted)
    tp = sum((truth & pred).values())
    fp = sum((pred - truth).values())
    fn = sum((truth - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _mean(values: Iterable[float | None]) -> float:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else 0.0


def score_bodies(ground_truth: Mapping[str, str], predictions: Mapping[str, str]) -> dict:
    """Per-page and mean precision/recall/F1 and accuracy of predicted bodies against the ground truth.

    As in the benchmark, a page's precision is undefined when nothing was predicted (and its recall
    when the ground truth is empty): such pages are left out of that mean (their per-page value is
    None). A missing prediction is an empty text, so it costs recall, not precision.
    """
    pages = {}
    for key in sorted(ground_truth):
        expected, predicted = ground_truth[key], predictions.get(key) or ""
        tp, fp, fn = shingle_match(expected, predicted)
        precision = tp / (tp + fp) if tp + fp else None
        recall = tp / (tp + fn) if tp + fn else None
        pages[key] = {
            "precision": precision, "recall": recall,
            "f1": _ratio(2 * (precision or 0) * (recall or 0), (precision or 0) + (recall or 0)),
            "exact": tokens(expected) == tokens(predicted),
        }
    n = len(pages)
    precision = _mean(p["precision"] for p in pages.values())
    recall = _mean(p["recall"] for p in pages.values())
    return {
        "pages": n,
        "precision": precision,
        "recall": recall,
        "f1": _ratio(2 * precision * recall, precision + recall),
        "accuracy": _ratio(sum(p["exact"] for p in pages.values()), n),
        "per_page": pages,
    }


# --- trafilatura snippet metric ----------------------------------------------------------------

def normalise_space(text: str) -> str:
    return " ".join((text or "").split())


def snippet_counts(text: str, with_: Iterable[str], without: Iterable[str]) -> dict[str, int]:
    """TP/FN from the must-include snippets, FP/TN from the must-exclude ones, for one page."""
    text = normalise_space(text)
    counts = {"tp": 0, "fn": 0, "fp": 0, "tn": 0}
    for snippet in with_:
        counts["tp" if normalise_space(snippet) in text else "fn"] += 1
    for snippet in without:
        counts["fp" if normalise_space(snippet) in text else "tn"] += 1
    return counts


def score_snippets(annotations: Mapping[str, dict], texts: Mapping[str, str]) -> dict:
    """Pooled precision, recall, accuracy and F1 over every annotated page, plus per-page counts."""
    per_page = {}
    for url in sorted(annotations):
        item = annotations[url]
        per_page[url] = snippet_counts(texts.get(url) or "", item.get("with", []), item.get("without", []))
    tp, fn, fp, tn = (sum(c[k] for c in per_page.values()) for k in ("tp", "fn", "fp", "tn"))
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return {
        "pages": len(per_page), "tp": tp, "fn": fn, "fp": fp, "tn": tn,
        "included": _ratio(tp, tp + fn),  # share of must-include snippets present
        "excluded": _ratio(tn, tn + fp),  # share of must-exclude snippets absent
        "precision": precision, "recall": recall,
        "accuracy": _ratio(tp + tn, tp + tn + fp + fn),
        "f1": _ratio(2 * precision * recall, precision + recall),
        "per_page": per_page,
    }


# --- running our extractor ---------------------------------------------------------------------

def generic_source():
    from scrapers.sources import Source

    return Source(name="eval", adapter="news", publisher="eval", doc_type="news", start_urls=(), documents=())


def extract_text(url: str, body: bytes, content_type: str | None = None) -> str:
    """The text generic extraction yields for a page (the production parse path, no profile)."""
    from scrapers.platforms.news.parse import parse_article

    doc = parse_article(url, body, content_type, _FETCHED_AT, generic_source(), hashlib.sha256(body).hexdigest())
    return doc.text


def load_scrapinghub(shared_dir: Path) -> list[tuple[str, str, bytes, str]]:
    """(id, url, html bytes, ground-truth body) for every Scrapinghub page, sorted by id."""
    root = Path(shared_dir) / SCRAPINGHUB_DIR
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    return [(key, item["url"], gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()), item["articleBody"])
            for key, item in sorted(truth.items())]


def load_trafilatura(shared_dir: Path) -> list[tuple[str, bytes, dict]]:
    """(url, html bytes, annotation) for every page of the English subset, sorted by URL."""
    root = Path(shared_dir) / TRAFILATURA_DIR
    annotations = json.loads((root / "evaldata_english_subset.json").read_text(encoding="utf-8"))
    pages = []
    for url, item in sorted(annotations.items()):
        path = root / "html" / f"{item['file']}.gz"
        if path.exists():
            pages.append((url, gzip.decompress(path.read_bytes()), item))
    return pages


Extractor = Callable[[str, bytes], str]


def evaluate_bodies(shared_dir: Path, extractor: Extractor | None = None) -> dict:
    """Body precision/recall/F1/accuracy of generic extraction over the Scrapinghub benchmark pages.

    The pages were fetched as UTF-8 (Splash), so that is the HTTP charset given to the parser.
    """
    extractor = extractor or (lambda url, body: extract_text(url, body, "text/html; charset=utf-8"))
    truth, predictions = {}, {}
    for key, url, body, expected in load_scrapinghub(shared_dir):
        truth[key] = expected
        predictions[key] = extractor(url, body)
    return score_bodies(truth, predictions)


def evaluate_snippets(shared_dir: Path, extractor: Extractor | None = None) -> dict:
    """Must-include / must-exclude snippet scores over trafilatura's English evaluation subset.

    These pages carry no HTTP headers, so the charset comes from the page itself.
    """
    extractor = extractor or (lambda url, body: extract_text(url, body, None))
    annotations, texts = {}, {}
    for url, body, item in load_trafilatura(shared_dir):
        annotations[url] = item
        texts[url] = extractor(url, body)
    return score_snippets(annotations, texts)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description="Generic extraction scores on the shared benchmark pages.")
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"), help="the shared data directory")
    parser.add_argument("--worst", type=int, default=0, help="also list the N worst Scrapinghub pages by F1")
    args = parser.parse_args(argv)
    bodies = evaluate_bodies(args.shared)
    snippets = evaluate_snippets(args.shared)
    print(f"{'benchmark':<34}{'pages':>6}{'precision':>11}{'recall':>9}{'F1':>8}{'accuracy':>10}")
    print(f"{'scrapinghub-aeb (body shingles)':<34}{bodies['pages']:>6}{bodies['precision']:>11.3f}"
          f"{bodies['recall']:>9.3f}{bodies['f1']:>8.3f}{bodies['accuracy']:>10.3f}")
    print(f"{'trafilatura-eval (snippets)':<34}{snippets['pages']:>6}{snippets['precision']:>11.3f}"
          f"{snippets['recall']:>9.3f}{snippets['f1']:>8.3f}{snippets['accuracy']:>10.3f}")
    print(f"snippets: {snippets['included']:.3f} of must-include present ({snippets['tp']}/"
          f"{snippets['tp'] + snippets['fn']}), {snippets['excluded']:.3f} of must-exclude absent "
          f"({snippets['tn']}/{snippets['tn'] + snippets['fp']})")
    if args.worst:
        worst = sorted(bodies["per_page"].items(), key=lambda kv: kv[1]["f1"])[:args.worst]
        for key, page in worst:
            print(f"  {key[:16]}  P {page['precision'] or 0:.3f}  R {page['recall'] or 0:.3f}  F1 {page['f1']:.3f}")
    return {"bodies": bodies, "snippets": snippets}


if __name__ == "__main__":
    main()
