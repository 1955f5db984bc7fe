"""Benchmark: the whole ingest flow over generated corpora on loopback, first run and unchanged rerun.

    .venv/bin/python benchmarks/pipeline.py                 # 1,000 and 10,000 pages
    .venv/bin/python benchmarks/pipeline.py --pages 500     # one size

Each corpus is built from the sample site's CYP Now article with a different council, date and
grade on every page (councils from csi/reference), listed 100 to a listing page. A server on
127.0.0.1 serves it with ETags; the ingest flow (threads task runner, ephemeral Prefect API) crawls,
parses, stages and loads it into a new DuckDB file. Two unchanged reruns follow: one
with the default refresh interval (documents fetched in the last 7 days are skipped; listings are
reread) and one that revalidates every document (refresh_days = 0: a conditional GET and a 304 each).
Prints one table; exits non-zero if a run fails or loads fewer documents than it was served.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import resource
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

import duckdb  # noqa: E402

from csi.sample_site import SITE_DIR  # noqa: E402

TEMPLATE = (SITE_DIR / "cypnow/news/article/london-council-rated-requires-improvement-after-management-failings.html"
            ).read_text(encoding="utf-8")
COUNCILS = [row["name"] for row in csv.DictReader(open(Path(__file__).resolve().parent.parent
                                                      / "csi/reference/councils.csv", encoding="utf-8"))
            if not row["end_date"]]
GRADES = ["requires improvement", "inadequate", "good", "outstanding"]
PER_LISTING = 100


def article(i: int) -> bytes:
    """Page i: the template with its own council, publication date and grade."""
    council = COUNCILS[i % len(COUNCILS)]
    published = date(2014, 1, 6) + timedelta(days=(i * 7) % 4000)
    text = (TEMPLATE.replace("Haringey", council).replace("2018-12-17", published.isoformat())
            .replace("requires improvement", GRADES[i % len(GRADES)]))
    return text.replace("</h1>", f" (story {i})</h1>", 1).encode()


def corpus(pages: int) -> dict[str, bytes]:
    site = {"/robots.txt": b"User-agent: *\nAllow: /\n"}
    listings = (pages + PER_LISTING - 1) // PER_LISTING
    for n in range(listings):
        links = "".join(f'<li><a href="/news/article/story-{i}.html">Story {i}</a></li>'
                        for i in range(n * PER_LISTING, min(pages, (n + 1) * PER_LISTING)))
        more = f'<a rel="next" href="/news/page/{n + 1}/">Next</a>' if n + 1 < listings else ""
        site[f"/news/page/{n}/"] = f"<html><body><ul>{links}</ul>{more}</body></html>".encode()
    for i in range(pages):
        site[f"/news/article/story-{i}.html"] = article(i)
    return site


def serve(site: dict[str, bytes]) -> ThreadingHTTPServer:
    etags = {path: '"' + hashlib.sha1(body).hexdigest() + '"' for path, body in site.items()}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            body = site.get(self.path)
            if body is None:
                self.send_error(404)
                return
            if self.headers.get("If-None-Match") == etags[self.path]:
                self.send_response(304)
                self.send_header("ETag", etags[self.path])
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/plain" if self.path == "/robots.txt" else "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etags[self.path])
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


SOURCES = r"""
[[source]]
name = "bench-news"
adapter = "news"
publisher = "CYP Now"
doc_type = "news"
profile = "cypnow"
start_urls = ["{base}/news/page/0/"]
follow = ['^{base}/news/page/\d+/$']
documents = ['^{base}/news/article/story-\d+\.html$']
min_delay_seconds = 0.0
allow_private_addresses = ["127.0.0.1"]
refresh_days = %s
max_pages = %d

[profile.cypnow]
title = "h1.article-title"
body = "div.article-body"
"""


def peak_mb() -> float:
    """Peak resident memory of this process: the flow, its writer and the loopback server."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_size(pages: int, workdir: Path, runner: str) -> dict:
    from flows.ingest import ingest, task_runner_for

    site = corpus(pages)
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    db = workdir / f"bench-{pages}.duckdb"
    figures: dict = {"pages": pages}
    try:
        # first run; an unchanged rerun with the default refresh interval (documents fetched in the last
        # 7 days are skipped, listings reread); one that revalidates every document (a 304 each).
        for run, refresh_days in (("first", 7), ("rerun", 7), ("revalidate", 0)):
            sources = workdir / f"sources-{pages}-{refresh_days}.toml"
            sources.write_text(SOURCES.replace("{base}", base) % (refresh_days, len(site) + 10), encoding="utf-8")
            started = time.perf_counter()
            state = ingest.with_options(task_runner=task_runner_for(runner))(
                sources_file=str(sources), db=str(db), return_state=True)
            figures[run] = time.perf_counter() - started
            if not state.is_completed():
                raise SystemExit(f"{pages} pages, {run} run: {state.message}")
            figures[f"{run}_seconds"] = state.result()["seconds"]
            figures[f"{run}_peak_mb"] = peak_mb()
    finally:
        server.shutdown()
        server.server_close()
    con = duckdb.connect(str(db), read_only=True)
    try:
        figures["documents"] = con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
        figures["ratings"] = con.execute("SELECT count(*) FROM ratings").fetchall()[0][0]
    finally:
        con.close()
    if figures["documents"] != pages:
        raise SystemExit(f"{pages} pages served but {figures['documents']} documents loaded")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, action="append", help="corpus size (repeatable); default 1000 and 10000")
    parser.add_argument("--task-runner", choices=("threads", "processes"), default="processes")
    args = parser.parse_args()
    sizes = args.pages or [1000, 10000]
    results = []
    with tempfile.TemporaryDirectory(prefix="csi-bench-") as tmp:
        from prefect.testing.utilities import prefect_test_harness

        with prefect_test_harness(server_startup_timeout=120):  # a throwaway API, as in the tests
            for pages in sizes:
                results.append(run_size(pages, Path(tmp), args.task_runner))
                print(f"... {pages} pages done", file=sys.stderr)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; task runner: {args.task_runner}")
    print("| pages | first run s | pages/s | ms/page | crawl s | parse+stage s | load s | rerun s | rerun/first "
          "| revalidate s | revalidate/first | peak MB | ratings |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        first = r["first_seconds"]
        print(f"| {r['pages']:,} | {r['first']:.1f} | {r['pages'] / r['first']:.1f} "
              f"| {1000 * r['first'] / r['pages']:.1f} "
              f"| {first['crawl']:.1f} | {first['parse_and_stage']:.1f} | {first['load']:.2f} | {r['rerun']:.1f} "
              f"| {r['rerun'] / r['first']:.1%} | {r['revalidate']:.1f} | {r['revalidate'] / r['first']:.1%} "
              f"| {r['revalidate_peak_mb']:.0f} | {r['ratings']:,} |")
    if len(results) > 1:
        small, large = results[0], results[-1]
        growth = (large["first"] / large["pages"]) / (small["first"] / small["pages"])
        print(f"\ncost per page at {large['pages']:,} pages / at {small['pages']:,} pages: {growth:.2f} "
              "(1.00 = exactly linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
