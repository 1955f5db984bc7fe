"""Benchmark: csi's parse + extract against trafilatura.extract on the Scrapinghub benchmark pages.

Run with `.venv/bin/python benchmarks/extraction.py [--shared ../shared/data] [--repeat 3]` after
`.venv/bin/pip install -e '.[bench]'` (trafilatura is only a benchmark dependency). Prints figures;
asserts nothing.

Both sides start from the page's bytes and run in this process, one page at a time on one core:
  csi:          scrapers.platforms.news.parse.parse_article (generic: a source with no profile), then
                transforms.extract.extract on the Document (the councils index is loaded once, up front);
  trafilatura:  trafilatura.extract(bytes) with its default settings.
Passes alternate between the two (csi, trafilatura, csi, ...) so that both see the same machine load,
after one untimed warm-up pass each; the best pass of each is reported (the least disturbed by other
processes), with the median alongside, in wall-clock time and in this process's CPU time (steadier on a
shared machine). The last lines give csi's speed as a multiple of trafilatura's (above 1: csi is faster) and
say whether csi is at least as fast in CPU time on the median pass.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from front.evaluation.extraction import generic_source, load_scrapinghub  # noqa: E402
from scrapers.platforms.news.parse import parse_article  # noqa: E402
from transforms.councils import default_index  # noqa: E402
from transforms.extract import extract  # noqa: E402

CONTENT_TYPE = "text/html; charset=utf-8"  # the benchmark's pages were saved as UTF-8


def _timed(run: Callable[[], None]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds) of one pass."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"), help="the shared data directory")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the pages, per extractor")
    parser.add_argument("--fast", action="store_true", help="also time trafilatura's fast mode")
    args = parser.parse_args(argv)
    try:
        import trafilatura
    except ImportError:
        parser.exit(2, "trafilatura is not installed: .venv/bin/pip install -e '.[bench]'\n")

    pages = [(url, body, hashlib.sha256(body).hexdigest()) for _, url, body, _ in load_scrapinghub(args.shared)]
    source, index, fetched_at = generic_source(), default_index(), datetime(2020, 1, 1)

    def csi_parse() -> None:
        for url, body, sha in pages:
            parse_article(url, body, CONTENT_TYPE, fetched_at, source, sha)

    def csi_parse_extract() -> None:
        for url, body, sha in pages:
            extract(parse_article(url, body, CONTENT_TYPE, fetched_at, source, sha), index)

    def trafilatura_default() -> None:
        for _, body, _ in pages:
            trafilatura.extract(body)

    def trafilatura_fast() -> None:
        for _, body, _ in pages:
            trafilatura.extract(body, fast=True)

    runs: dict[str, Callable[[], None]] = {
        "csi parse + extract": csi_parse_extract,
        f"trafilatura.extract {trafilatura.__version__}": trafilatura_default,
        "csi parse only": csi_parse,
    }
    if args.fast:
        runs[f"trafilatura.extract {trafilatura.__version__} fast"] = trafilatura_fast
    for run in runs.values():  # warm-up: imports, caches, lazily built tables
        run()
    wall: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeat):
        for name, run in runs.items():
            w, c = _timed(run)
            wall[name].append(w)
            cpu[name].append(c)

    n = len(pages)
    rates = {name: n / min(times) for name, times in wall.items()}
    cpu_rates = {name: n / min(times) for name, times in cpu.items()}
    print(f"{n} Scrapinghub pages, {args.repeat} interleaved passes each: pages/s of the best pass "
          f"(median pass in brackets)")
    print(f"  {'':<34} {'wall clock':>20} {'CPU time':>20}")
    for name in runs:
        print(f"  {name:<34} {rates[name]:8.1f} ({n / statistics.median(wall[name]):6.1f}) "
              f"{cpu_rates[name]:12.1f} ({n / statistics.median(cpu[name]):6.1f})")
    names = list(runs)
    csi, trafilatura_cpu = cpu[names[0]], cpu[names[1]]
    best, median = min(trafilatura_cpu) / min(csi), statistics.median(trafilatura_cpu) / statistics.median(csi)
    print(f"  ratio csi parse + extract / trafilatura.extract (pages/s): {rates[names[0]] / rates[names[1]]:.2f}x "
          f"wall clock, CPU time {best:.2f}x on the best pass, {median:.2f}x on the median pass")
    verdict = "at least as fast as" if median >= 1 else "SLOWER than"
    print(f"  csi parse + extract is {verdict} trafilatura.extract in CPU time on the median pass ({median:.2f}x)")
    return {**{f"{k} (wall)": v for k, v in rates.items()}, **{f"{k} (cpu)": v for k, v in cpu_rates.items()}}


if __name__ == "__main__":
    main()
