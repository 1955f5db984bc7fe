"""Benchmark: the ingest flow over 1,000 mixed normal, damaged and hostile pages served on loopback.

Run with `make bench` (or `.venv/bin/python benchmarks/hostile.py`). Each kind of page is one source on
its own loopback server (127.0.0.1, a port each; the private redirect target listens on 127.0.0.2), so a
host written off after a timeout only takes its own kind with it. Normal pages are the sample site's
articles with varied councils and years; damaged pages (misnested tags, NUL bytes, a contradicting BOM,
mixed encodings) must still load; hostile pages (nesting 10,000 deep, oversized text nodes, only script,
binary bytes labelled HTML or PDF, empty bodies, a gzip bomb, a response that never ends, a redirect to
127.0.0.2) must each end as a recorded failure. The normal source's listing also links javascript:,
data:, file: and ftp: addresses and an over-long URL, which must never be requested.

Prints pages per kind and outcome, peak memory (ru_maxrss: this process, servers included) and wall
time; exits 1 if any normal or damaged page's rows are missing or any hostile page is not a failure.
"""

from __future__ import annotations

import csv
import hashlib
import os
import random
import re
import resource
import sys
import tempfile
import time
import zlib
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import duckdb  # noqa: E402

from csi.loopback import Loopback, Reply  # noqa: E402
from csi.sample_site import SITE_DIR  # noqa: E402
from pipeline.pages import Page, pages_to_batch  # noqa: E402
from scrapers.sources import load_sources  # noqa: E402
from scrapers.urls import MAX_URL_LENGTH  # noqa: E402

HTML = "text/html; charset=utf-8"
# Sample articles and the council and year each names: normal pages swap in another council and year.
TEMPLATES = (
    ("hounslowchronicle/news/local-childrens-services-require-improvement.html", "Hounslow", "2014"),
    ("csnews/news/ofsted-praises-hillingdon-childrens-services.html", "Hillingdon", "2018"),
    ("cypnow/news/article/london-council-rated-requires-improvement-after-management-failings.html", "Haringey",
     "2018"),
)
DEEP = b"<div>" * 10_000
PDF = "application/pdf"


@dataclass(frozen=True)
class Kind:
    name: str
    pages: int
    loads: bool  # True: the page's rows must be in the warehouse; False: it must be a recorded failure


KINDS = (
    Kind("normal", 560, True), Kind("misnested-tags", 40, True), Kind("nul-bytes", 40, True),
    Kind("bom-contradicts-charset", 40, True), Kind("mixed-encodings", 40, True),
    Kind("nested-10000-deep", 40, False), Kind("text-node-12mb", 8, False), Kind("text-node-50mb", 4, False),
    Kind("only-script", 40, False), Kind("random-bytes-html", 40, False), Kind("random-bytes-pdf", 40, False),
    Kind("empty-body", 20, False), Kind("gzip-bomb", 40, False), Kind("never-ends", 3, False),
    Kind("redirect-to-127.0.0.2", 45, False),
)
DROPPED_LINKS = ("javascript:void(0)", "data:text/html,<p>x</p>", "file:///etc/passwd", "ftp://127.0.0.1/pub/a.html",
                 "/p/" + "9" * MAX_URL_LENGTH + ".html")


def _councils() -> list[str]:
    with open(Path(__file__).resolve().parent.parent / "csi" / "reference" / "councils.csv") as fh:
        return [row["name"] for row in csv.DictReader(fh) if row["kind"] == "london_borough" and not row["end_date"]]


def _gzip_of_zeros(megabytes: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return b"".join(packer.compress(bytes(1 << 20)) for _ in range(megabytes)) + packer.flush()


class Corpus:
    """Every page's reply, built once; big hostile bodies are shared between the pages of their kind."""

    def __init__(self, seed: int = 7) -> None:
        self.random = random.Random(seed)
        self.templates = [((SITE_DIR / f).read_bytes(), council.encode(), year.encode()) for f, council, year in
                          TEMPLATES]
        self.councils = _councils()
        self.bomb = _gzip_of_zeros(64)
        self.text_12mb = b"<html><body><p>" + b"Ofsted " * (12_000_000 // 7) + b"</p></body></html>"
        self.text_50mb = b"<html><body><p>" + b"Ofsted " * (50_000_000 // 7) + b"</p></body></html>"

    def normal(self, i: int) -> bytes:
        body, council, year = self.templates[i % len(self.templates)]
        name = self.councils[(i // len(self.templates)) % len(self.councils)].encode()
        return body.replace(council, name).replace(year, str(2009 + i % 16).encode())

    def reply(self, kind: str, i: int, private_base: str) -> Reply:
        normal = self.normal(i)
        text = normal.decode()
        if kind == "normal":
            return Reply(200, normal, [("Content-Type", HTML)])
        if kind == "misnested-tags":
            broken = re.sub(r"</(p|li|td|span)>", "", text).replace("<p>", "<p><b><i>", 3).replace("</h1>", "</b></h1>")
            return Reply(200, broken.encode(), [("Content-Type", HTML)])
        if kind == "nul-bytes":
            return Reply(200, normal.replace(b"Ofsted", b"Of\x00sted", 3), [("Content-Type", HTML)])
        if kind == "bom-contradicts-charset":
            return Reply(200, b"\xef\xbb\xbf" + normal, [("Content-Type", "text/html; charset=iso-8859-1")])
        if kind == "mixed-encodings":
            return Reply(200, normal.replace(b"Ofsted", b"Ofsted\x92s", 1), [("Content-Type", HTML)])
        if kind == "nested-10000-deep":
            return Reply(200, re.sub(rb"<body[^>]*>", lambda m: m[0] + DEEP, normal, count=1), [("Content-Type", HTML)])
        if kind == "text-node-12mb":
            return Reply(200, self.text_12mb, [("Content-Type", HTML)])
        if kind == "text-node-50mb":
            return Reply(200, self.text_50mb, [("Content-Type", HTML)])
        if kind == "only-script":
            return Reply(200, b"<html><head><script>" + b"document.write('Ofsted');" * 400 + b"</script></head></html>",
                         [("Content-Type", HTML)])
        if kind == "random-bytes-html":
            return Reply(200, self.random.randbytes(8192), [("Content-Type", HTML)])
        if kind == "random-bytes-pdf":
            return Reply(200, self.random.randbytes(8192), [("Content-Type", PDF)])
        if kind == "empty-body":
            return Reply(200, b"", [("Content-Type", HTML)])
        if kind == "gzip-bomb":
            return Reply(200, self.bomb, [("Content-Type", HTML), ("Content-Encoding", "gzip")])
        if kind == "never-ends":
            return Reply(200, normal, [("Content-Type", HTML)], trickle=0.2)
        if kind == "redirect-to-127.0.0.2":
            return Reply(302, b"", [("Location", f"{private_base}/p/{i}.html")])
        raise ValueError(kind)


def _sources_toml(bases: dict[str, str]) -> str:
    return "\n".join(f"""
[[source]]
name = "{kind.name}"
adapter = "news"
publisher = "Hostile bench"
start_urls = ["{bases[kind.name]}/index.html"]
documents = ['^{re.escape(bases[kind.name])}/p/\\d+\\.(html|pdf)$']
min_delay_seconds = 0.0
timeout_seconds = 5
max_response_seconds = 2
max_pages = 2000
allow_private_addresses = ["127.0.0.1"]
""" for kind in KINDS)


def _page_url(base: str, kind: str, i: int) -> str:
    return f"{base}/p/{i}.{'pdf' if kind == 'random-bytes-pdf' else 'html'}"


# Rows derived from a document, by the column that tells them apart.
DERIVED = {"ratings": "rating_id", "findings": "finding_id", "quotes": "quote_id", "metrics": "metric_id",
           "document_councils": "council_code"}


def _loaded_rows(con, document_id: str) -> dict[str, set]:
    return {t: {r for (r,) in con.execute(f"SELECT {c} FROM {t} WHERE document_id = ?", [document_id]).fetchall()}
            for t, c in DERIVED.items()}


def _page_rows(url: str, reply: Reply, source) -> dict[str, set]:
    """The rows the parse stage makes of a page on its own: what the warehouse must hold for it."""
    page = Page(url, reply.body, reply.headers[0][1], datetime(2026, 1, 1), hashlib.sha256(reply.body).hexdigest(),
                source)
    batch, _ = pages_to_batch([page])
    return {t: {getattr(row, c) for row in getattr(batch, t)} for t, c in DERIVED.items()}


def main() -> int:
    from flows.ingest import ingest

    started = time.perf_counter()
    corpus = Corpus()
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        private = stack.enter_context(Loopback(host="127.0.0.2"))
        servers = {kind.name: stack.enter_context(Loopback()) for kind in KINDS}
        bases = {name: server.base for name, server in servers.items()}
        expected: dict[str, tuple[str, str, Reply]] = {}  # url -> (kind, path, reply)
        for kind in KINDS:
            server, links = servers[kind.name], []
            for i in range(kind.pages):
                url = _page_url(bases[kind.name], kind.name, i)
                path = url[len(bases[kind.name]):]
                reply = corpus.reply(kind.name, i, private.base)
                server.route(path, reply)
                expected[url] = (kind.name, path, reply)
                links.append(f'<li><a href="{path}">Story {i}</a></li>')
            if kind.name == "normal":
                links += [f'<li><a href="{href}">Elsewhere</a></li>' for href in DROPPED_LINKS]
            server.route("/index.html", body=f"<html><body><ul>{''.join(links)}</ul></body></html>".encode())
            private.route(f"/p/{kind.pages}.html", body=b"<p>private</p>")
        sources_file = Path(tmp) / "sources.toml"
        sources_file.write_text(_sources_toml(bases))
        sources = {s.name: s for s in load_sources(sources_file).sources}
        db = Path(tmp) / "hostile.duckdb"
        built = time.perf_counter() - started

        flow_started = time.perf_counter()
        state = ingest(sources_file=str(sources_file), db=str(db), warc_dir=str(Path(tmp) / "warc"), return_state=True)
        flow_seconds = time.perf_counter() - flow_started
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        con = duckdb.connect(str(db), read_only=True)
        latest = dict(con.execute("SELECT url, arg_max(outcome, requested_at) FROM fetches GROUP BY url").fetchall())
        errors = dict(con.execute("SELECT url, arg_max(error, requested_at) FROM fetches GROUP BY url").fetchall())
        documents = dict(con.execute("SELECT url, document_id FROM documents").fetchall())
        problems: list[str] = []
        table: dict[str, Counter] = {kind.name: Counter() for kind in KINDS}
        loads = {kind.name: kind.loads for kind in KINDS}
        for url, (kind, _, reply) in expected.items():
            outcome = latest.get(url, "never fetched")
            table[kind][outcome] += 1
            if loads[kind]:
                if outcome != "ok" or url not in documents:
                    problems.append(f"{kind} {url}: {outcome} {errors.get(url)}")
                    continue
                want = _page_rows(url, reply, sources[kind])
                if not want["ratings"] and kind == "normal":
                    problems.append(f"{kind} {url}: the page on its own gives no rating")
                if _loaded_rows(con, documents[url]) != want:
                    problems.append(f"{kind} {url}: rows in the warehouse differ from the page's rows")
            elif outcome == "ok" or url in documents or not errors.get(url):
                problems.append(f"{kind} {url}: hostile page not recorded as a failure ({outcome})")
        con.close()
        requested = [hit.path for server in servers.values() for hit in server.log]
        if private.log:
            problems.append(f"the private server on 127.0.0.2 received {len(private.log)} request(s)")
        if any(len(path) > MAX_URL_LENGTH or not path.startswith(("/p/", "/index.html", "/robots.txt"))
               for path in requested):
            problems.append("a dropped link was requested")

    outcomes = sorted({o for counts in table.values() for o in counts})
    width = max(len(k.name) for k in KINDS)
    print(f"\nhostile corpus: {len(expected)} pages in {len(KINDS)} kinds; {len(DROPPED_LINKS)} unfetchable links")
    print(f"{'kind':<{width}}  {'expect':<6}  " + "  ".join(f"{o:>16}" for o in outcomes))
    for kind in KINDS:
        print(f"{kind.name:<{width}}  {'rows' if kind.loads else 'fail':<6}  "
              + "  ".join(f"{table[kind.name][o]:>16}" for o in outcomes))
    totals = Counter()
    for counts in table.values():
        totals.update(counts)
    print(f"{'total':<{width}}  {'':<6}  " + "  ".join(f"{totals[o]:>16}" for o in outcomes))
    print(f"flow state: {state.type.value}: {state.message}")
    print(f"ingest wall time {flow_seconds:.1f} s (corpus built in {built:.1f} s, "
          f"total {time.perf_counter() - started:.1f} s); peak memory {peak_mb:.0f} MB (ru_maxrss, servers included)")
    print(f"requests to 127.0.0.2: {len(private.log)}; dropped links requested: "
          f"{sum(1 for p in requested if not p.startswith(('/p/', '/index.html', '/robots.txt')))}")
    for problem in problems[:20]:
        print("PROBLEM", problem)
    print("OK: every normal and damaged page loaded its rows, every hostile page is a recorded failure"
          if not problems else f"FAILED: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
