"""The fault suite: one loopback site with every fault the fetch layer meets on the real web, crawled once.

Each URL's outcome and the number of requests it cost are pinned; no host is written off because one URL
failed; a second run sends exactly one conditional request (the ETag page). Servers listen on 127.0.0.0/8
only: the site on 127.0.0.1 (allowed to the source by address), a private server on 127.0.0.2 that must
never see a request, and a dead port on 127.0.0.1.
"""

from __future__ import annotations

import zlib
from datetime import timedelta

import pytest

from scrapers.crawl import crawl
from scrapers.http import Fetcher, PreviousFetch
from tests.loopback import Loopback, Reply, closed_port, make_source

PAGE = "<html><head><title>{0}</title></head><body><p>{0}: a story about children's services.</p></body></html>"
HTML = [("Content-Type", "text/html; charset=utf-8")]


def _page(name: str) -> bytes:
    return PAGE.format(name).encode()


def _bomb() -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return b"".join(packer.compress(bytes(1 << 20)) for _ in range(8)) + packer.flush()


@pytest.fixture
def private_server():
    with Loopback(host="127.0.0.2") as server:
        server.route("/secret.html", body=b"<p>internal</p>")
        yield server


def _serve_faults(site: Loopback, private: Loopback, dead_port: int) -> dict[str, tuple[str, int]]:
    """Route every fault; returns path -> (expected outcome, expected requests) for the first crawl."""
    site.route("/robots.txt", body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    faults = {
        "/news/flaky.html": ([Reply(500, b"oops"), Reply(200, _page("flaky"), HTML)], "ok", 2),
        "/news/busy.html": ([Reply(429, b"slow down", [("Retry-After", "1")]), Reply(200, _page("busy"), HTML)],
                            "ok", 2),
        "/news/slow.html": (Reply(200, _page("slow"), HTML, delay=3.0), "timeout", 2),
        "/news/truncated.html": (Reply(200, _page("truncated"), HTML + [("Content-Length", "5000")]),
                                 "connection_error", 2),
        "/news/after-failures.html": (Reply(200, _page("after"), HTML), "ok", 1),
        "/news/gone.html": (Reply(404, b"not here", HTML), "http_error", 1),
        "/news/moved.html": (Reply(301, b"", [("Location", "/news/moved-again.html")]), "ok", 1),
        "/news/moved-again.html": (Reply(302, b"", [("Location", "/news/final.html")]), None, 1),
        "/news/final.html": (Reply(200, _page("final"), HTML), None, 1),  # the chain's end, not linked itself
        "/private/hidden.html": (Reply(200, _page("hidden"), HTML), "robots_disallowed", 0),
        "/news/huge.html": (Reply(200, b"<p>" + b"x" * 200_000 + b"</p>", HTML), "too_large", 1),
        "/news/binary.html": (Reply(200, bytes(range(256)) * 4, [("Content-Type", "application/octet-stream")]),
                              "bad_content_type", 1),
        "/news/etag.html": (Reply(200, _page("etag"), HTML + [("ETag", '"v1"')]), "ok", 1),
        "/news/cp1252.html": (Reply(200, "<p>Caf\u00e9 \u2013 \u201cgood\u201d</p>".encode("cp1252"),
                                    [("Content-Type", "text/html; charset=windows-1252")]), "ok", 1),
        "/news/bomb.html": (Reply(200, _bomb(), HTML + [("Content-Encoding", "gzip")]), "too_large", 1),
        "/news/to-dead-host.html": (Reply(302, b"", [("Location", f"http://127.0.0.1:{dead_port}/x.html")]),
                                    "connection_error", 1),
        "/news/last.html": (Reply(200, _page("last"), HTML), "ok", 1),
    }
    for path, (reply, _, _) in faults.items():
        site.route(path, reply)
    links = [p for p in faults if p not in ("/news/moved-again.html", "/news/final.html")]
    links.insert(links.index("/news/last.html"), private.url("/secret.html"))
    index = "".join(f'<a href="{link}">{link}</a>' for link in links)
    site.route("/news/", body=f"<html><body>{index}</body></html>".encode())
    return {path: (outcome, hits) for path, (_, outcome, hits) in faults.items()}


def test_one_crawl_over_every_fault(site, private_server):
    dead_port = closed_port()
    expected = _serve_faults(site, private_server, dead_port)
    source = make_source(start_urls=(site.url("/news/"),), allow_private_addresses=("127.0.0.1",),
                         timeout_seconds=0.4, max_pages=100)
    fetcher = Fetcher("fault-run", None, attempts=2, backoff_seconds=0.01, max_bytes=100_000)

    result = crawl(source, fetcher)

    outcomes = {row.url: (row.outcome, row.error) for row in result.fetches}
    for path, (outcome, hits) in expected.items():
        assert site.hits[path] == hits, f"{path}: {site.hits[path]} requests, expected {hits}"
        if outcome is not None:
            assert outcomes[site.url(path)][0] == outcome, (path, outcomes[site.url(path)])
    assert site.hits["/news/"] == 1 and site.hits["/robots.txt"] == 1
    secret = private_server.url("/secret.html")
    assert outcomes[secret] == ("connection_error", "refused: 127.0.0.2 resolves to 127.0.0.2, a loopback address, "
                                                    "and the source does not allow private addresses")
    assert not private_server.log, "the private server was contacted"
    assert outcomes[site.url("/news/to-dead-host.html")] == ("connection_error", "connection refused")
    moved = next(row for row in result.fetches if row.url == site.url("/news/moved.html"))
    assert moved.final_url == site.url("/news/final.html")
    # Every link was fetched once, each under its own row (no host written off by the failures before it).
    assert len(result.fetches) == len(outcomes) == 1 + len(expected) - 2 + 1  # index, linked routes, secret
    assert fetcher.skipped_hosts == {}

    # Second run, a week later: every page is due again; only the ETag page has a validator to send.
    site.log.clear()
    known = {row.url: PreviousFetch(row.etag, row.last_modified, row.content_sha256, row.requested_at)
             for row in result.fetches if row.outcome == "ok"}
    site.route("/news/etag.html", Reply(304, b"", [("ETag", '"v1"')]))
    second = crawl(source, Fetcher("fault-run-2", None, attempts=1, backoff_seconds=0.01, max_bytes=100_000),
                   known=known, now=max(r.requested_at for r in result.fetches) + timedelta(days=8))
    conditional = [hit for hit in site.log if "If-None-Match" in hit.headers or "If-Modified-Since" in hit.headers]
    assert [(hit.path, hit.headers.get("If-None-Match")) for hit in conditional] == [("/news/etag.html", '"v1"')]
    assert {row.url: row.outcome for row in second.fetches}[site.url("/news/etag.html")] == "not_modified"
    assert not private_server.log


# --------------------------------------------------------------------------- the run's outcome

def _sources_file(tmp_path, base: str, **settings) -> str:
    extra = "".join(f"{key} = {value}\n" for key, value in settings.items())
    path = tmp_path / "sources.toml"
    path.write_text(f"""
[[source]]
name = "faulty"
adapter = "news"
publisher = "Faulty News"
start_urls = ["{base}/news/"]
documents = ['/news/[a-z0-9-]+\\.html$']
min_delay_seconds = 0
timeout_seconds = 1
attempts = 1
allow_private_addresses = ["127.0.0.1"]
{extra}""")
    return str(path)


def test_a_source_most_of_whose_fetches_failed_fails_naming_it_and_its_hosts(prefect_harness, site, tmp_path):
    from typer.testing import CliRunner

    from flows.ingest import ingest
    from front.cli import app
    from pipeline.runs import summary_of
    from tests.conftest import db_rows

    dead = f"127.0.0.1:{closed_port()}"
    site.route("/news/good.html", body=_page("good"))
    links = ["/news/good.html", "/news/gone.html"] + [f"/news/dead-{n}.html" for n in range(4)]
    for n in range(4):
        site.route(f"/news/dead-{n}.html", status=302, content_type=None,
                   headers=[("Location", f"http://{dead}/story-{n}.html")])
    site.route("/news/", body="".join(f'<a href="{link}">x</a>' for link in links).encode())
    db = tmp_path / "csi.duckdb"

    state = ingest(sources_file=_sources_file(tmp_path, site.base), db=str(db), return_state=True)

    assert state.is_failed()
    assert f"faulty: 5 of 7 fetches failed, on host(s) {site.host}:{site.base.rsplit(':', 1)[1]} (5)" in state.message
    reason = "3 URLs in a row failed to connect (last: connection refused); probed again after 60 s"
    assert f"host(s) skipped: {dead}: {reason}" in state.message
    summary = summary_of(state)  # a failed run carries RunFailed(message, summary)
    assert summary["skipped_hosts"] == {dead: reason}
    assert site.hits["/news/good.html"] == 1 and site.hits["/news/dead-3.html"] == 1
    assert db_rows(db, "SELECT count(*) FROM documents") == [(1,)]  # what loaded is kept
    errors = dict(db_rows(db, "SELECT url, error FROM fetches"))
    assert errors[site.url("/news/dead-3.html")] == f"host skipped: {reason}"
    status = CliRunner().invoke(app, ["status", "--db", str(db)])
    skipped_table = status.output.split("Hosts skipped by the latest crawl")[1].split("Profile misses")[0]
    assert status.exit_code == 0 and dead in skipped_table and "3 URLs in a row failed to" in skipped_table


# --------------------------------------------------------------------------- nothing fetched is orphaned

def _archived_and_recorded(db, warc_root) -> tuple[set, set]:
    """(file, offset) of every page response in the archive (robots.txt and redirect hops have no row of their
    own), and the (file, offset) the fetch rows point at."""
    from warcio.archiveiterator import ArchiveIterator

    from tests.conftest import db_rows

    archived = set()
    for path in sorted(warc_root.rglob("*.warc.gz")):
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                url = record.rec_headers.get_header("WARC-Target-URI")
                if record.rec_type == "response" and not url.endswith("/robots.txt") and \
                        not record.http_headers.get_statuscode().startswith("3"):
                    archived.add((str(path), records.get_record_offset()))
    recorded = set(db_rows(db, "SELECT warc_file, warc_offset FROM fetches WHERE warc_file IS NOT NULL"))
    return archived, recorded


def _serve_listing(site: Loopback, pages: int, size: int = 0) -> None:
    import os

    for n in range(pages):
        filler = os.urandom(size).hex() if size else ""
        site.route(f"/news/page-{n}.html", body=_page(f"page {n} {filler}"))
    site.route("/news/", body="".join(f'<a href="/news/page-{n}.html">{n}</a>' for n in range(pages)).encode())


@pytest.fixture
def small_disk(tmp_path):
    """A 192 KiB tmpfs mounted for the test (needs root: the sandbox and CI containers run as root)."""
    import subprocess

    mount = tmp_path / "small-disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=192k", "tmpfs", str(mount)], capture_output=True)
    if made.returncode:
        pytest.skip(f"cannot mount a tmpfs here ({made.stderr.decode().strip()}); the simulated full disk still runs")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def _full_disk_run(site, tmp_path, warc_root):
    from flows.ingest import ingest
    from tests.conftest import db_rows

    _serve_listing(site, pages=12, size=24_000)  # ~48 KB of hex per page: about 26 KB each in the archive
    db = tmp_path / "csi.duckdb"
    state = ingest(sources_file=_sources_file(tmp_path, site.base), db=str(db), warc_dir=str(warc_root),
                   return_state=True)
    assert state.is_failed()
    assert "faulty: the crawl stopped: the archive disk is full (No space left on device)" in state.message
    archived, recorded = _archived_and_recorded(db, warc_root)
    assert archived and archived == recorded, "every archived response has its fetch row"
    rows = db_rows(db, "SELECT url, outcome, error FROM fetches WHERE warc_file IS NULL")
    assert len(rows) == 1 and rows[0][2].startswith("not archived: the archive disk is full")  # the one it hit
    assert sum(site.hits[f"/news/page-{n}.html"] for n in range(12)) == len(archived)  # index ok: counted below
    return archived


def test_a_full_disk_stops_the_run_and_keeps_every_archived_response_as_a_row(prefect_harness, site, tmp_path,
                                                                           small_disk):
    archived = _full_disk_run(site, tmp_path, small_disk)
    assert 2 <= len(archived) < 12


def test_a_full_disk_simulated_at_the_archive_write(prefect_harness, site, tmp_path, monkeypatch):
    """The same run where mounting is not allowed: the archive file's write fails with ENOSPC after 5 pages."""
    import errno

    from scrapers import archive

    writes = []

    class FillingFile:
        def __init__(self, file):
            self.file = file

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

        def seek(self, *args):
            return self.file.seek(*args)

        def truncate(self, size):
            return self.file.truncate(size)

        def write(self, data):
            writes.append(len(data))
            if len(writes) > 6:  # robots.txt, the index and 4 pages fit; the 7th write half fits
                self.file.write(data[:len(data) // 2])
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.file.write(data)

    def open_filling(path, mode="r", *args, **kwargs):  # appends fill the disk; reads (reparse, parsing) work
        file = open(path, mode, *args, **kwargs)
        return FillingFile(file) if "a" in mode else file

    monkeypatch.setattr(archive, "open", open_filling, raising=False)
    archived = _full_disk_run(site, tmp_path, tmp_path / "warc")
    assert len(archived) == 5


def test_a_malformed_host_and_parser_exceptions_are_recorded_against_their_urls(prefect_harness, site, tmp_path,
                                                                              monkeypatch):
    import flows.ingest
    import scrapers.crawl
    from flows.ingest import ingest
    from tests.conftest import db_rows

    _serve_listing(site, pages=4)
    listing = site.routes["/news/"][0].body
    site.route("/news/", body=listing + b'<a href="http://a..b/news/x.html">bad host</a>'
                                        b'<a href="/news/more/2">more</a>')
    site.route("/news/more/2", body=b'<a href="/news/page-9.html">never followed</a>')
    real_links, real_parse = scrapers.crawl.page_links, flows.ingest.page_to_batch

    def links_breaking_on_more(body, content_type, base_url):
        if base_url.endswith("/more/2"):
            raise RuntimeError("listing parser crashed")
        return real_links(body, content_type, base_url)

    def parse_breaking_on_page_1(page):
        if page.url.endswith("/page-1.html"):
            raise RuntimeError("document parser crashed")
        return real_parse(page)

    monkeypatch.setattr(scrapers.crawl, "page_links", links_breaking_on_more)
    monkeypatch.setattr(flows.ingest, "page_to_batch", parse_breaking_on_page_1)
    db, warc = tmp_path / "csi.duckdb", tmp_path / "warc"
    state = ingest(sources_file=_sources_file(tmp_path, site.base, follow="['/news/more/']"), db=str(db),
                   warc_dir=str(warc), return_state=True)

    archived, recorded = _archived_and_recorded(db, warc)
    assert archived and archived == recorded
    rows = {url: (outcome, error) for url, outcome, error in db_rows(db, "SELECT url, outcome, error FROM fetches")}
    assert rows["http://a..b/news/x.html"][0] == "connection_error"
    assert rows["http://a..b/news/x.html"][1].startswith("refused: not a valid URL: ")
    assert rows[site.url("/news/more/2")] == ("parse_error", "links not read: RuntimeError: listing parser "
                                                                  "crashed")
    assert rows[site.url("/news/page-1.html")] == ("parse_error", "RuntimeError: document parser crashed")
    assert [rows[site.url(f"/news/page-{n}.html")][0] for n in (0, 2, 3)] == ["ok"] * 3
    assert db_rows(db, "SELECT count(*) FROM documents") == [(3,)]
    assert state.is_failed() and "faulty: only 3 of 4 page(s) parsed (floor 80%)" in state.message
