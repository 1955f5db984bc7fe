"""Benchmarks: parse, extract and load throughput on the bundled sample pages.

Run with `make bench` (or `.venv/bin/python benchmarks/parse.py [--repeat N]`). Prints figures;
asserts nothing: performance is measured here, not in tests.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from datetime import datetime
from pathlib import Path

from csi.records import DocumentRow
from csi.sample_site import SITE_DIR, SOURCES_FILE
from scrapers.platforms import parse_page
from scrapers.sources import load_sources
from transforms.councils import default_index, load_aliases, load_councils
from transforms.extract import extract
from warehouse.db import Batch, connect, load_batch, migrate, seed_reference

PAGES = {
    "sample-lgc": "lgc/news/hillingdon-services-still-poor.html",
    "sample-csnews": "csnews/news/ofsted-praises-hillingdon-childrens-services.html",
    "sample-cypnow": "cypnow/news/article/london-council-rated-requires-improvement-after-management-failings.html",
    "sample-hounslow-chronicle": "hounslowchronicle/news/local-childrens-services-require-improvement.html",
    "sample-hillingdon-moderngov": "moderngov/mgAi.aspx/ID=12345.html",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200, help="passes over the five sample pages")
    args = parser.parse_args()
    sources = {s.name: s for s in load_sources(SOURCES_FILE, base_url="http://127.0.0.1:8765").sources}
    bodies = {name: (SITE_DIR / path).read_bytes() for name, path in PAGES.items()}
    index = default_index()
    fetched_at = datetime(2026, 1, 1)

    start = time.perf_counter()
    docs = []
    for i in range(args.repeat):
        for name, body in bodies.items():
            url = f"http://127.0.0.1:8765/{PAGES[name]}?copy={i}"
            docs.append((name, parse_page(url, body, "text/html; charset=utf-8", fetched_at, sources[name],
                                          hashlib.sha256(body).hexdigest())))
    parse_s = time.perf_counter() - start

    start = time.perf_counter()
    batch = Batch()
    for name, doc in docs:
        ex = extract(doc, index, council=sources[name].council)
        batch.documents.append(DocumentRow.of(doc))
        for table in ("document_councils", "inspections", "ratings", "findings", "quotes", "metrics"):
            getattr(batch, table).extend(getattr(ex, table))
    extract_s = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "bench.duckdb")
        migrate(con)
        seed_reference(con, load_councils(), load_aliases())
        start = time.perf_counter()
        written = load_batch(con, batch)
        load_s = time.perf_counter() - start
        start = time.perf_counter()
        load_batch(con, batch)
        reload_s = time.perf_counter() - start
        con.close()

    n = len(docs)
    rows = sum(written.values())
    print(f"pages: {n} ({len(bodies)} sample pages x {args.repeat})")
    print(f"parse (bytes -> Document):   {n / parse_s:8.1f} pages/s  ({parse_s:.2f} s)")
    print(f"extract (Document -> rows):  {n / extract_s:8.1f} docs/s   ({extract_s:.2f} s)")
    print(f"load (one transaction):      {rows / load_s:8.0f} rows/s   ({rows} rows, {load_s:.2f} s)")
    print(f"reload (same batch, idempotent): {reload_s:.2f} s")


if __name__ == "__main__":
    main()
