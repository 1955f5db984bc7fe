"""Benchmark: fetch throughput against a loopback server, first fetch and conditional refetch (304s).

The whole flow, with its unchanged reruns, is measured by benchmarks/pipeline.py.

Run with `make bench` (or `.venv/bin/python benchmarks/fetch.py [--pages N]`). The server binds
127.0.0.1 only, serves N article pages from one listing page and answers If-None-Match with 304.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import threading
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from csi.sample_site import SITE_DIR
from scrapers.archive import WarcArchive
from scrapers.crawl import crawl
from scrapers.sources import load_sources

ARTICLE = (SITE_DIR / "cypnow/news/article/london-council-rated-requires-improvement-after-management-failings.html"
           ).read_bytes()


def make_server(pages: int) -> ThreadingHTTPServer:
    listing = "".join(f'<a href="/news/p{i}.html">{i}</a>' for i in range(pages)).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if self.path == "/robots.txt":
                body = b"User-agent: *\nAllow: /\n"
            elif self.path == "/news/":
                body = listing
            elif self.path.startswith("/news/p"):
                body = ARTICLE.replace(b"</h1>", f" ({self.path})</h1>".encode(), 1)
            else:
                self.send_error(404)
                return
            etag = '"' + hashlib.sha1(body).hexdigest() + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    return ThreadingHTTPServer(("127.0.0.1", 0), Handler)


def sources_text(base: str) -> str:
    return f"""
[[source]]
name = "bench"
adapter = "news"
publisher = "Bench"
start_urls = ["{base}/news/"]
documents = ['^{base}/news/p\\d+\\.html$']
min_delay_seconds = 0.0
refresh_days = 0
max_pages = 100000
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    server = make_server(args.pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with tempfile.TemporaryDirectory() as tmp:
        sources_file = Path(tmp) / "sources.toml"
        sources_file.write_text(sources_text(base))
        source = load_sources(sources_file).sources[0]

        from scrapers.http import Fetcher, PreviousFetch

        fetcher = Fetcher("bench", WarcArchive(Path(tmp) / "warc", "bench", datetime(2026, 1, 1)))
        start = time.perf_counter()
        result = crawl(source, fetcher)
        elapsed = time.perf_counter() - start
        print(f"fetch + WARC, delay 0: {len(result.fetches)} pages in {elapsed:.2f} s = "
              f"{len(result.fetches) / elapsed:.0f} pages/s")
        fetcher = Fetcher("bench-2", WarcArchive(Path(tmp) / "warc", "bench-2", datetime(2026, 1, 1)))
        known = {row.url: PreviousFetch(row.etag, row.last_modified, row.content_sha256, row.requested_at)
                 for row in result.fetches}
        start = time.perf_counter()
        again = crawl(source, fetcher, known=known)
        elapsed = time.perf_counter() - start
        print(f"conditional refetch, all unchanged (304): {len(again.fetches)} pages in {elapsed:.2f} s = "
              f"{len(again.fetches) / elapsed:.0f} pages/s")

    server.shutdown()


if __name__ == "__main__":
    main()
