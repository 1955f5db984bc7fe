"""scrapers.http.Fetcher and scrapers.archive against real HTTP servers on 127.0.0.1."""

from __future__ import annotations

import gzip
import hashlib
import time
from datetime import datetime
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from scrapers.archive import WarcArchive, read_response
from scrapers.http import Fetcher
from tests.loopback import TEST_USER_AGENT, Loopback, Reply, closed_port, make_source

UA = TEST_USER_AGENT
RUN = "run-1"
NOW = datetime(2024, 1, 2, 3, 4, 5)
ROBOTS_PRIVATE = b"User-agent: *\nDisallow: /private/\n"


@pytest.fixture
def archive(tmp_path: Path) -> WarcArchive:
    return WarcArchive(tmp_path / "warc", RUN, NOW)


@pytest.fixture
def fetcher(archive: WarcArchive) -> Fetcher:
    return Fetcher(RUN, archive, backoff_seconds=0.01)


# --------------------------------------------------------------------------- ok fetch and the archive

def test_ok_fetch_after_redirect_records_row_and_warc(site, fetcher, archive, tmp_path):
    body = b"<html><body><h1>Inspection</h1><p>Requires improvement.</p></body></html>"
    site.route("/old", status=301, content_type=None, headers=[("Location", "/new.html")])
    site.route("/new.html", body=body, headers=[("ETag", '"v1"'), ("Last-Modified", "Tue, 02 Jan 2024 00:00:00 GMT")])

    result = fetcher.fetch(site.url("/old"), make_source())

    row = result.row
    assert result.ok is True
    assert result.body == body
    assert row.outcome == "ok"
    assert row.error is None
    assert row.status_code == 200
    assert row.url == site.url("/old")
    assert row.final_url == site.url("/new.html")
    assert row.bytes == len(body)
    assert row.content_sha256 == hashlib.sha256(body).hexdigest()
    assert row.content_type == "text/html; charset=utf-8"
    assert row.etag == '"v1"'
    assert row.last_modified == "Tue, 02 Jan 2024 00:00:00 GMT"
    assert row.source == "test-source"
    assert row.run_id == RUN
    assert row.elapsed_ms is not None and row.elapsed_ms >= 0
    assert row.warc_file == str(tmp_path / "warc" / "2024" / "01" / "02" / f"{RUN}.warc.gz")
    assert row.warc_offset == 0
    assert dict(site.hits) == {"/robots.txt": 1, "/old": 1, "/new.html": 1}

    archived = read_response(row.warc_file, row.warc_offset)
    assert archived.body == body
    assert archived.status == 200
    assert archived.url == site.url("/new.html")
    assert archived.headers["Content-Type"] == "text/html; charset=utf-8"
    assert archived.headers["Content-Length"] == str(len(body))
    assert archived.headers["ETag"] == '"v1"'

    with open(row.warc_file, "rb") as fh:
        records = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r.rec_headers, r.http_headers,
                    r.content_stream().read()) for r in ArchiveIterator(fh)]
    assert [(kind, uri) for kind, uri, *_ in records] == [("response", site.url("/new.html")),
                                                          ("request", site.url("/new.html"))]
    (_, _, resp_rec, resp_http, resp_body), (_, _, req_rec, req_http, _) = records
    assert resp_body == body
    assert resp_http.get_statuscode() == "200"
    assert req_http.protocol == "GET"
    assert req_http.get_header("User-Agent") == UA
    assert req_rec.get_header("WARC-Concurrent-To") == resp_rec.get_header("WARC-Record-ID")


def test_second_fetch_appends_to_the_same_warc_file(site, fetcher):
    site.route("/a.html", body=b"first page")
    site.route("/b.html", body=b"second page, longer")
    first = fetcher.fetch(site.url("/a.html"), make_source()).row
    second = fetcher.fetch(site.url("/b.html"), make_source()).row

    assert first.warc_file == second.warc_file
    assert first.warc_offset == 0
    assert second.warc_offset > first.warc_offset
    assert read_response(first.warc_file, first.warc_offset).body == b"first page"
    assert read_response(second.warc_file, second.warc_offset).body == b"second page, longer"
    with open(first.warc_file, "rb") as fh:
        kinds = [r.rec_type for r in ArchiveIterator(fh)]
    assert kinds == ["response", "request", "response", "request"]


def test_read_response_at_a_request_record_offset_raises(site, fetcher):
    site.route("/a.html", body=b"page")
    row = fetcher.fetch(site.url("/a.html"), make_source()).row
    with open(row.warc_file, "rb") as fh:
        it = ArchiveIterator(fh)
        next(iter(it))
        it.read_to_end()
        request_offset = it.get_record_offset() + it.get_record_length()
    with pytest.raises(ValueError, match="no response record"):
        read_response(row.warc_file, request_offset)


def test_gzip_body_is_decoded_counted_and_archived_without_wire_headers(site, fetcher):
    body = b"<html><body>" + b"compressible text " * 200 + b"</body></html>"
    wire = gzip.compress(body)
    site.route("/z.html", Reply(200, wire, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]))

    row = fetcher.fetch(site.url("/z.html"), make_source()).row

    assert row.outcome == "ok"
    assert row.bytes == len(body)
    assert row.content_sha256 == hashlib.sha256(body).hexdigest()
    archived = read_response(row.warc_file, row.warc_offset)
    assert archived.body == body
    assert "Content-Encoding" not in archived.headers
    assert archived.headers["Content-Length"] == str(len(body))


def test_no_archive_means_no_warc_columns(site):
    site.route("/a.html", body=b"x")
    row = Fetcher(RUN, None, backoff_seconds=0.01).fetch(site.url("/a.html"), make_source()).row
    assert (row.outcome, row.warc_file, row.warc_offset, row.bytes) == ("ok", None, None, 1)


# --------------------------------------------------------------------------- status codes and retries

@pytest.mark.parametrize(("status", "reason"), [(400, "Bad Request"), (403, "Forbidden"), (404, "Not Found"),
                                                (410, "Gone")])
def test_client_errors_are_not_retried(site, fetcher, status, reason):
    site.route("/doc.html", status=status, body=b"nope")

    result = fetcher.fetch(site.url("/doc.html"), make_source())

    assert result.ok is False
    assert result.body is None
    assert result.row.outcome == "http_error"
    assert result.row.status_code == status
    assert result.row.error == f"HTTP {status} {reason}"
    assert (result.row.bytes, result.row.warc_file, result.row.content_sha256) == (None, None, None)
    assert site.hits["/doc.html"] == 1


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_transient_status_then_ok_is_retried_once(site, fetcher, status):
    site.route("/doc.html", [Reply(status, b"busy"), Reply(200, b"<p>now</p>")])

    result = fetcher.fetch(site.url("/doc.html"), make_source())

    assert result.row.outcome == "ok"
    assert result.row.status_code == 200
    assert result.body == b"<p>now</p>"
    assert site.hits["/doc.html"] == 2


@pytest.mark.parametrize("attempts", [1, 2, 3])
def test_persistent_503_gives_up_after_the_configured_attempts(site, archive, attempts):
    site.route("/doc.html", status=503, body=b"busy")
    result = Fetcher(RUN, archive, attempts=attempts, backoff_seconds=0.01).fetch(site.url("/doc.html"),
                                                                                  make_source())
    assert result.row.outcome == "http_error"
    assert result.row.status_code == 503
    assert site.hits["/doc.html"] == attempts


# --------------------------------------------------------------------------- robots.txt

def test_robots_disallow_is_obeyed_without_touching_the_path(site, fetcher):
    site.route("/robots.txt", body=ROBOTS_PRIVATE, content_type="text/plain")
    site.route("/private/doc.html", body=b"secret")
    site.route("/public.html", body=b"public")

    blocked = fetcher.fetch(site.url("/private/doc.html"), make_source())
    allowed = fetcher.fetch(site.url("/public.html"), make_source())

    assert blocked.row.outcome == "robots_disallowed"
    assert blocked.row.error == "disallowed by robots.txt"
    assert blocked.row.status_code is None
    assert blocked.body is None
    assert allowed.row.outcome == "ok"
    assert site.hits["/private/doc.html"] == 0
    assert site.hits["/robots.txt"] == 1  # read once per host, not once per fetch


@pytest.mark.parametrize(("robots", "path", "outcome"), [
    (b"User-agent: *\nDisallow: /private/\n", "/private/a.html", "robots_disallowed"),
    (b"User-agent: *\nDisallow: /private/\n", "/privateer.html", "ok"),
    (b"User-agent: *\nDisallow: /\n", "/a.html", "robots_disallowed"),
    (b"User-agent: *\nDisallow:\n", "/a.html", "ok"),
    (b"User-agent: csi-test\nDisallow: /\n", "/a.html", "robots_disallowed"),
    (b"User-agent: otherbot\nDisallow: /\n", "/a.html", "ok"),
    (b"", "/a.html", "ok"),
])
def test_robots_rules_table(site, fetcher, robots, path, outcome):
    site.route("/robots.txt", body=robots, content_type="text/plain")
    site.route(path, body=b"page")
    assert fetcher.fetch(site.url(path), make_source()).row.outcome == outcome
    assert site.hits[path] == (1 if outcome == "ok" else 0)


@pytest.mark.parametrize("status", [404, 410])
def test_missing_robots_allows_everything(site, fetcher, status):
    site.route("/robots.txt", status=status, body=b"none")
    site.route("/private/doc.html", body=b"page")

    result = fetcher.fetch(site.url("/private/doc.html"), make_source())

    assert result.row.outcome == "ok"
    assert site.hits["/robots.txt"] == 1
    assert site.hits["/private/doc.html"] == 1


def test_redirect_into_a_disallowed_path_is_not_followed(site, fetcher):
    # robots.txt holds for every redirect hop: /go -> 302 -> /private/x must not be fetched.
    site.route("/robots.txt", body=ROBOTS_PRIVATE, content_type="text/plain")
    site.route("/go", status=302, content_type=None, headers=[("Location", "/private/x.html")])
    site.route("/private/x.html", body=b"secret")

    result = fetcher.fetch(site.url("/go"), make_source())

    assert site.hits["/private/x.html"] == 0, "a robots-disallowed page was fetched through a redirect"
    assert result.row.outcome == "robots_disallowed"


# --------------------------------------------------------------------------- content type and size

@pytest.mark.parametrize(("content_type", "shown"), [
    ("image/png", "'image/png'"),
    ("application/octet-stream", "'application/octet-stream'"),
    ("application/json; charset=utf-8", "'application/json'"),
    (None, "'missing'"),
])
def test_unwanted_content_types_are_refused(site, fetcher, content_type, shown):
    site.route("/thing", body=b"\x89PNG....", content_type=content_type)

    result = fetcher.fetch(site.url("/thing"), make_source())

    assert result.row.outcome == "bad_content_type"
    assert result.row.status_code == 200
    assert result.row.error == f"content type {shown} is not fetched"
    assert result.body is None
    assert result.row.warc_file is None
    assert site.hits["/thing"] == 1


@pytest.mark.parametrize("content_type", ["text/html", "TEXT/HTML; charset=ISO-8859-1", "application/pdf",
                                          "application/rss+xml", "application/atom+xml", "text/xml",
                                          "application/xhtml+xml", "text/plain"])
def test_wanted_content_types_are_fetched(site, fetcher, content_type):
    site.route("/thing", body=b"content", content_type=content_type)
    result = fetcher.fetch(site.url("/thing"), make_source())
    assert result.row.outcome == "ok"
    assert result.row.content_type == content_type


@pytest.mark.parametrize(("size", "outcome"), [(1000, "ok"), (1001, "too_large"), (300_000, "too_large")])
def test_body_size_limit(site, archive, size, outcome):
    site.route("/big.html", body=b"a" * size)

    result = Fetcher(RUN, archive, backoff_seconds=0.01, max_bytes=1000).fetch(site.url("/big.html"),
                                                                               make_source())

    assert result.row.outcome == outcome
    assert site.hits["/big.html"] == 1
    if outcome == "ok":
        assert result.row.bytes == 1000
    else:
        assert result.row.error == "body exceeds 1000 bytes"
        assert result.body is None
        assert result.row.warc_file is None
        assert not Path(archive.path).exists()


# --------------------------------------------------------------------------- unreachable hosts

def test_refused_connection_marks_the_host_unreachable():
    port = closed_port()
    fetcher = Fetcher(RUN, None, backoff_seconds=0.01)
    source = make_source()

    first = fetcher.fetch(f"http://127.0.0.1:{port}/a.html", source)
    # Something now listens on that port: had the fetcher tried again, the server would see it.
    with Loopback(port=port) as late:
        late.route("/b.html", body=b"too late")
        second = fetcher.fetch(f"http://127.0.0.1:{port}/b.html", source)
        assert sum(late.hits.values()) == 0

    assert first.row.outcome == "connection_error"
    assert first.row.error == "connection refused"
    assert first.row.status_code is None
    assert first.body is None
    assert second.row.outcome == "connection_error"
    assert "earlier in this run" in second.row.error
    assert second.row.error == "host unreachable earlier in this run: connection refused"
    assert fetcher.unreachable == {f"127.0.0.1:{port}": "connection refused"}


def test_unreachable_host_does_not_block_other_hosts(site):
    site.route("/a.html", body=b"fine")
    fetcher = Fetcher(RUN, None, backoff_seconds=0.01)
    dead = fetcher.fetch(f"http://127.0.0.1:{closed_port()}/a.html", make_source())
    alive = fetcher.fetch(site.url("/a.html"), make_source())
    assert (dead.row.outcome, alive.row.outcome) == ("connection_error", "ok")


@pytest.mark.parametrize("stall", [Reply(200, b"<p>late</p>", delay=5.0),
                                   Reply(200, b"<p>late body</p>" * 10, body_delay=5.0)],
                         ids=["before-headers", "mid-body"])
def test_stalled_read_times_out_and_marks_host_unreachable(site, stall):
    site.route("/slow.html", stall)
    site.route("/next.html", body=b"never asked for")
    fetcher = Fetcher(RUN, None, attempts=2, backoff_seconds=0.01)
    source = make_source(timeout_seconds=0.5)

    started = time.monotonic()
    slow = fetcher.fetch(site.url("/slow.html"), source)
    elapsed = time.monotonic() - started
    after = fetcher.fetch(site.url("/next.html"), source)

    assert slow.row.outcome == "timeout"
    assert slow.body is None
    assert 0.9 <= elapsed < 3.0  # two attempts of ~0.5 s each, not the 5 s stall
    assert site.hits["/slow.html"] == 2
    assert after.row.outcome == "connection_error"
    assert after.row.error.startswith("host unreachable earlier in this run: ")
    assert site.hits["/next.html"] == 0


# --------------------------------------------------------------------------- politeness and identity

def test_requests_to_one_host_are_spaced_by_min_delay(site, fetcher):
    site.route("/a.html", body=b"a")
    site.route("/b.html", body=b"b")
    source = make_source(min_delay_seconds=0.3)

    assert fetcher.fetch(site.url("/a.html"), source).ok
    assert fetcher.fetch(site.url("/b.html"), source).ok

    robots, a, b = site.hits_at("/robots.txt")[0].at, site.hits_at("/a.html")[0].at, site.hits_at("/b.html")[0].at
    # The fetcher spaces request *starts*; seen from the server, connection set-up jitter (the first
    # request of a session is a few ms slower) can eat a little of that, hence the 20 ms slack.
    slack = 0.02
    assert 0.3 - slack <= a - robots < 0.3 + 0.2
    assert 0.3 - slack <= b - a < 0.3 + 0.2


def test_politeness_delay_is_per_host():
    with Loopback() as one, Loopback() as two:
        one.route("/a.html", body=b"a")
        two.route("/a.html", body=b"a")
        fetcher = Fetcher(RUN, None, backoff_seconds=0.01)
        source = make_source(min_delay_seconds=0.3)
        assert fetcher.fetch(one.url("/a.html"), source).ok
        assert fetcher.fetch(two.url("/a.html"), source).ok
        # the second host's first request (its robots.txt) does not wait for the first host's delay
        assert two.hits_at("/robots.txt")[0].at - one.hits_at("/a.html")[0].at < 0.25


def test_user_agent_is_the_sources(site, fetcher):
    site.route("/a.html", body=b"a")
    fetcher.fetch(site.url("/a.html"), make_source(user_agent="csi-probe/9.9"))
    assert [(h.path, h.headers["User-Agent"]) for h in site.log] == [("/robots.txt", "csi-probe/9.9"),
                                                                     ("/a.html", "csi-probe/9.9")]


@pytest.mark.parametrize(("ctype_name", "etag_name", "modified_name"), [
    ("Content-Type", "ETag", "Last-Modified"),
    ("content-type", "etag", "last-modified"),
    ("CONTENT-TYPE", "ETAG", "LAST-MODIFIED"),
])
def test_response_header_names_are_case_insensitive(site, fetcher, ctype_name, etag_name, modified_name):
    # Header names are case-insensitive (HTTP/2 front ends and proxies send them lower-case).
    site.route("/a.html", Reply(200, b"<p>a</p>", [(ctype_name, "text/html; charset=utf-8"), (etag_name, '"e1"'),
                                                    (modified_name, "Tue, 02 Jan 2024 00:00:00 GMT")]))
    row = fetcher.fetch(site.url("/a.html"), make_source()).row
    assert row.outcome == "ok"
    assert (row.content_type, row.etag, row.last_modified) == (
        "text/html; charset=utf-8", '"e1"', "Tue, 02 Jan 2024 00:00:00 GMT")
