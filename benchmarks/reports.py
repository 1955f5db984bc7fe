"""Benchmark: Ofsted report PDFs per second, text + parse + extract, on one core.

    .venv/bin/python benchmarks/reports.py [DIR] [--repeat N] [--compare-pypdf]

DIR defaults to ../shared/data/ofsted-reports/pdf. The process is pinned to one CPU where the OS allows.
With --compare-pypdf, pypdf (a bench-only dependency: `.venv/bin/pip install pypdf`) extracts the same
files' text, and both texts go through the same normalisation and report parser: the table then shows
how many reports each recognises and how many of pypdf's judgement tables equal pypdfium2's.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import time
from datetime import datetime
from pathlib import Path

from scrapers.platforms.ofsted_pdf.parse import PdfUnreadable, normalise_pages, page_texts, parse_ofsted_pdf
from scrapers.sources import Source
from transforms.councils import default_index
from transforms.extract import extract
from transforms.ofsted_reports import OfstedReport, parse_report

DEFAULT_DIR = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "ofsted-reports" / "pdf"
SOURCE = Source(name="ofsted-reports", adapter="ofsted_pdf", publisher="Ofsted", doc_type="ofsted_report",
                start_urls=(), documents=())


def _signature(report: OfstedReport | None) -> tuple | None:
    """What a text extractor must get right for the parse to agree: council, framework and every grade."""
    if report is None:
        return None
    return report.council_code, report.framework, tuple(sorted((j.judgement, j.grade) for j in report.judgements))


def _pypdf_pages(body: bytes) -> list[str]:
    import pypdf  # bench-only dependency, imported when asked for

    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(body)).pages]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pdf_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--repeat", type=int, default=1, help="passes over the folder")
    parser.add_argument("--compare-pypdf", action="store_true", help="also time pypdf's text extraction")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    files = sorted(args.pdf_dir.glob("*.pdf"))
    if not files:
        raise SystemExit(f"no PDFs in {args.pdf_dir}: pass a folder of Ofsted report PDFs")
    bodies = [(f, f.read_bytes()) for f in files]
    index = default_index()
    fetched_at = datetime(2026, 1, 1)

    timings = {"text (pypdfium2 + normalise)": 0.0, "parse (report record)": 0.0, "extract (rows)": 0.0}
    signatures: dict[str, tuple | None] = {}
    unreadable = 0
    for _ in range(args.repeat):
        for path, body in bodies:
            started = time.perf_counter()
            try:
                doc = parse_ofsted_pdf(path.name, body, "application/pdf", fetched_at, SOURCE,
                                       hashlib.sha256(body).hexdigest())
            except PdfUnreadable:
                unreadable += 1
                continue
            parsed = time.perf_counter()
            signatures[path.name] = _signature(parse_report(doc.text, doc.published_on, index))
            reported = time.perf_counter()
            extract(doc, index)
            done = time.perf_counter()
            timings["text (pypdfium2 + normalise)"] += parsed - started
            timings["parse (report record)"] += reported - parsed
            timings["extract (rows)"] += done - reported
    count = len(bodies) * args.repeat
    total = sum(timings.values())
    print(f"{len(files)} PDF(s) x {args.repeat} pass(es) from {args.pdf_dir}, one core; {unreadable} unreadable")
    print(f"{'stage':<32} {'seconds':>8} {'PDFs/s':>8}")
    for stage, seconds in timings.items():
        print(f"{stage:<32} {seconds:>8.2f} {count / seconds if seconds else 0:>8.1f}")
    print(f"{'text + parse + extract':<32} {total:>8.2f} {count / total if total else 0:>8.1f}")

    if args.compare_pypdf:
        print()
        print(f"{'text extractor':<12} {'seconds':>8} {'PDFs/s':>8} {'reports':>8} "
              f"{'same council, framework, grades':>32}")
        rows = []
        for name, pages_of in (("pypdfium2", page_texts), ("pypdf", _pypdf_pages)):
            seconds, recognised, same = 0.0, 0, 0
            for path, body in bodies:
                started = time.perf_counter()
                try:
                    text = normalise_pages(pages_of(body))
                except Exception:  # noqa: BLE001 - a reader that fails a file scores no report for it
                    seconds += time.perf_counter() - started
                    continue
                seconds += time.perf_counter() - started
                signature = _signature(parse_report(text, None, index))
                recognised += signature is not None and bool(signature[2])
                same += signature is not None and signature == signatures.get(path.name)
            rows.append((name, seconds, recognised, same))
        for name, seconds, recognised, same in rows:
            print(f"{name:<12} {seconds:>8.2f} {len(bodies) / seconds if seconds else 0:>8.1f} "
                  f"{recognised:>8} {same:>25}/{len(bodies)}")


if __name__ == "__main__":
    main()
