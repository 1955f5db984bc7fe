"""Benchmark: fetch throughput against a loopback server, first fetch and conditional refetch (304s).

Run with `make bench` (or `.venv/bin/python benchmarks/fetch.py [--pages N]`). The corpus and the
server (127.0.0.1 only, answering If-None-Match with 304) are benchmarks/pipeline.py's; this one
times the crawl alone, without parsing or Prefect. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import datetime
from pathlib import Path

from pipeline import SOURCES, corpus, serve
from scrapers.archive import WarcArchive
from scrapers.crawl import crawl
from scrapers.http import Fetcher, PreviousFetch
from scrapers.sources import parse_sources


def timed_crawl(label: str, source, warc_dir: Path, run: str, known: dict | None = None):
    fetcher = Fetcher(run, WarcArchive(warc_dir, run, datetime(2026, 1, 1)))
    start = time.perf_counter()
    result = crawl(source, fetcher, known=known)
    elapsed = time.perf_counter() - start
    print(f"{label}: {len(result.fetches)} pages in {elapsed:.2f} s = {len(result.fetches) / elapsed:.0f} pages/s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    site = corpus(args.pages)
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    source = parse_sources(SOURCES.replace("{base}", base) % (0, len(site) + 10)).sources[0]
    with tempfile.TemporaryDirectory() as tmp:
        first = timed_crawl("fetch + WARC, delay 0", source, Path(tmp), "bench")
        known = {row.url: PreviousFetch(row.etag, row.last_modified, row.content_sha256, row.requested_at)
                 for row in first.fetches}
        timed_crawl("conditional refetch, all unchanged (304)", source, Path(tmp), "bench-2", known)
    server.shutdown()
    server.server_close()


if __name__ == "__main__":
    main()
