"""scrapers.http.Fetcher and scrapers.archive against real HTTP servers on 127.0.0.1."""

from __future__ import annotations

import gzip
import hashlib
import re
import time
from dataclasses import dataclass
from datetime import datetime
from email.utils import formatdate
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders

from scrapers.archive import WarcArchive, read_response
from scrapers.http import Fetcher, PreviousFetch, _retry_after_seconds
from tests.loopback import TEST_USER_AGENT, Loopback, Reply, closed_port, make_source

UA = TEST_USER_AGENT
RUN = "run-1"
NOW = datetime(2024, 1, 2, 3, 4, 5)
ROBOTS_PRIVATE = b"User-agent: *\nDisallow: /private/\n"
# Timing tests read hit times on the loopback server. On a loaded machine (the suite runs in two processes
# beside Prefect servers) a hit can be logged a little late, which shortens or lengthens a measured gap:
# a gap may come out SLACK short of the wait the fetcher kept, or up to LATE longer.
SLACK = 0.04
LATE = 0.5


@pytest.fixture
def archive(tmp_path: Path) -> WarcArchive:
    return WarcArchive(tmp_path / "warc", RUN, NOW)


@pytest.fixture
def fetcher(archive: WarcArchive) -> Fetcher:
    return Fetcher(RUN, archive, backoff_seconds=0.01)


@dataclass
class Record:
    kind: str
    uri: str
    status: str | None  # HTTP status of a response record
    offset: int
    rec: StatusAndHeaders  # WARC headers
    http: StatusAndHeaders  # HTTP headers
    body: bytes


def _records(warc_file: str | Path) -> list[Record]:
    out = []
    with open(warc_file, "rb") as fh:
        it = ArchiveIterator(fh)
        for r in it:
            body = r.content_stream().read()  # before get_record_offset(), which skips to the record's end
            out.append(Record(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"),
                              r.http_headers.get_statuscode() if r.rec_type == "response" else None,
                              it.get_record_offset(), r.rec_headers, r.http_headers, body))
    return out


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
    assert dict(site.hits) == {"/robots.txt": 1, "/old": 1, "/new.html": 1}

    archived = read_response(row.warc_file, row.warc_offset)
    assert archived.body == body
    assert archived.status == 200
    assert archived.url == site.url("/new.html")
    assert archived.headers["Content-Type"] == "text/html; charset=utf-8"
    assert archived.headers["Content-Length"] == str(len(body))
    assert archived.headers["ETag"] == '"v1"'

    # Every response received is archived with its request: robots.txt (a 404 here), the redirect hop, the page.
    records = _records(row.warc_file)
    assert [(r.kind, r.uri, r.status) for r in records] == [
        ("response", site.url("/robots.txt"), "404"), ("request", site.url("/robots.txt"), None),
        ("response", site.url("/old"), "301"), ("request", site.url("/old"), None),
        ("response", site.url("/new.html"), "200"), ("request", site.url("/new.html"), None)]
    assert records[4].offset == row.warc_offset
    response, request = records[4], records[5]
    assert response.body == body
    assert request.http.protocol == "GET"
    assert request.http.statusline == "/new.html HTTP/1.1"
    assert request.http.get_header("User-Agent") == UA
    assert request.http.get_header("Host") == site.base.split("://")[1]
    assert request.rec.get_header("WARC-Concurrent-To") == response.rec.get_header("WARC-Record-ID")
    assert records[2].http.get_header("Location") == "/new.html"


def test_second_fetch_appends_to_the_same_warc_file(site, fetcher):
    site.route("/a.html", body=b"first page")
    site.route("/b.html", body=b"second page, longer")
    first = fetcher.fetch(site.url("/a.html"), make_source()).row
    second = fetcher.fetch(site.url("/b.html"), make_source()).row

    assert first.warc_file == second.warc_file
    assert second.warc_offset > first.warc_offset
    assert read_response(first.warc_file, first.warc_offset).body == b"first page"
    assert read_response(second.warc_file, second.warc_offset).body == b"second page, longer"
    assert [r.kind for r in _records(first.warc_file)] == ["response", "request"] * 3  # robots.txt, a, b


def test_read_response_at_a_request_record_offset_raises(site, fetcher):
    site.route("/a.html", body=b"page")
    row = fetcher.fetch(site.url("/a.html"), make_source()).row
    request_offset = next(r.offset for r in _records(row.warc_file)
                          if r.kind == "request" and r.offset > row.warc_offset)
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
    assert (result.row.bytes, result.row.content_sha256) == (None, None)
    assert site.hits["/doc.html"] == 1
    archived = read_response(result.row.warc_file, result.row.warc_offset)  # the error response is archived
    assert (archived.url, archived.status, archived.body) == (site.url("/doc.html"), status, b"nope")


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
    archived = read_response(result.row.warc_file, result.row.warc_offset)
    assert (archived.status, archived.body) == (200, b"\x89PNG....")
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
        # archived, cut at the limit and marked as truncated
        archived = read_response(result.row.warc_file, result.row.warc_offset)
        assert (archived.status, archived.body) == (200, b"a" * 1000)
        record = next(r for r in _records(result.row.warc_file) if r.offset == result.row.warc_offset)
        assert record.rec.get_header("WARC-Truncated") == "length"


# --------------------------------------------------------------------------- unreachable hosts

def test_a_host_is_skipped_after_consecutive_connection_failures_and_probed_later():
    port = closed_port()
    fetcher = Fetcher(RUN, None, attempts=2, backoff_seconds=0.01, host_failure_threshold=2,
                      host_probe_seconds=0.3)
    source = make_source()

    first = fetcher.fetch(f"http://127.0.0.1:{port}/a.html", source)
    assert fetcher.skipped_hosts == {}  # one URL's failure, after its retries, never writes a host off
    second = fetcher.fetch(f"http://127.0.0.1:{port}/b.html", source)
    # Something now listens on that port: while the host is skipped, the server sees nothing.
    with Loopback(port=port) as late:
        late.route("/c.html", body=b"skipped")
        late.route("/d.html", body=b"probed")
        skipped = fetcher.fetch(f"http://127.0.0.1:{port}/c.html", source)
        assert sum(late.hits.values()) == 0
        time.sleep(0.35)
        probe = fetcher.fetch(f"http://127.0.0.1:{port}/d.html", source)
        assert late.hits["/d.html"] == 1

    assert (first.row.outcome, first.row.error, first.row.status_code) == ("connection_error", "connection refused",
                                                                           None)
    assert second.row.error == "connection refused"
    reason = "2 URLs in a row failed to connect (last: connection refused); probed again after 0.3 s"
    assert fetcher.skipped_hosts == {f"127.0.0.1:{port}": reason}
    assert (skipped.row.outcome, skipped.row.error) == ("connection_error", f"host skipped: {reason}")
    assert probe.ok and probe.body == b"probed"


def test_unreachable_host_does_not_block_other_hosts(site):
    site.route("/a.html", body=b"fine")
    fetcher = Fetcher(RUN, None, backoff_seconds=0.01)
    dead = fetcher.fetch(f"http://127.0.0.1:{closed_port()}/a.html", make_source())
    alive = fetcher.fetch(site.url("/a.html"), make_source())
    assert (dead.row.outcome, alive.row.outcome) == ("connection_error", "ok")


@pytest.mark.parametrize("stall", [Reply(200, b"<p>late</p>", delay=5.0),
                                   Reply(200, b"<p>late body</p>" * 10, body_delay=5.0)],
                         ids=["before-headers", "mid-body"])
def test_a_stalled_read_times_out_and_fails_only_its_url(site, stall):
    site.route("/slow.html", stall)
    site.route("/next.html", body=b"asked for")
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
    assert after.ok and site.hits["/next.html"] == 1
    assert fetcher.skipped_hosts == {}


# --------------------------------------------------------------------------- politeness and identity

def test_requests_to_one_host_are_spaced_by_min_delay(site, fetcher):
    site.route("/a.html", body=b"a")
    site.route("/b.html", body=b"b")
    source = make_source(min_delay_seconds=0.3)

    assert fetcher.fetch(site.url("/a.html"), source).ok
    assert fetcher.fetch(site.url("/b.html"), source).ok

    robots, a, b = site.hits_at("/robots.txt")[0].at, site.hits_at("/a.html")[0].at, site.hits_at("/b.html")[0].at
    # The fetcher spaces request *starts*; seen from the server, connection set-up jitter and load
    # shift each hit time a little (SLACK, LATE).
    assert 0.3 - SLACK <= a - robots < 0.3 + LATE
    assert 0.3 - SLACK <= b - a < 0.3 + LATE


def test_politeness_delay_is_per_host():
    with Loopback() as one, Loopback() as two:
        one.route("/a.html", body=b"a")
        two.route("/a.html", body=b"a")
        fetcher = Fetcher(RUN, None, backoff_seconds=0.01)
        source = make_source(min_delay_seconds=1.0)
        assert fetcher.fetch(one.url("/a.html"), source).ok
        assert fetcher.fetch(two.url("/a.html"), source).ok
        # the second host's first request (its robots.txt) does not wait for the first host's delay
        assert two.hits_at("/robots.txt")[0].at - one.hits_at("/a.html")[0].at < 1.0 - LATE


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


# --------------------------------------------------------------------------- retries, backoff and Retry-After

def test_500_then_200_is_retried_into_one_ok_row_and_both_responses_are_archived(site, fetcher):
    site.route("/doc.html", [Reply(500, b"oops"), Reply(200, b"<p>fine</p>")])

    result = fetcher.fetch(site.url("/doc.html"), make_source())

    assert (result.row.outcome, result.row.status_code, result.body) == ("ok", 200, b"<p>fine</p>")
    assert site.hits["/doc.html"] == 2
    responses = [(r.status, r.body) for r in _records(result.row.warc_file)
                 if r.kind == "response" and r.uri == site.url("/doc.html")]
    assert responses == [("500", b"oops"), ("200", b"<p>fine</p>")]
    assert read_response(result.row.warc_file, result.row.warc_offset).status == 200


def test_default_is_three_attempts(site, archive):
    site.route("/doc.html", [Reply(503), Reply(502), Reply(200, b"<p>third time</p>")])
    result = Fetcher(RUN, archive, backoff_seconds=0.01).fetch(site.url("/doc.html"), make_source())
    assert (result.row.outcome, site.hits["/doc.html"]) == ("ok", 3)


def test_backoff_grows_between_attempts(site, archive):
    site.route("/doc.html", status=503, body=b"busy")
    Fetcher(RUN, archive, attempts=3, backoff_seconds=0.1).fetch(site.url("/doc.html"), make_source())
    first, second, third = (h.at for h in site.hits_at("/doc.html"))
    # base 0.1 s then 0.2 s, each with jitter of 0.5x to 1.5x
    assert 0.05 - SLACK <= second - first < 0.15 + LATE
    assert 0.1 - SLACK <= third - second < 0.3 + LATE


def test_429_with_retry_after_waits_then_succeeds(site, fetcher):
    site.route("/doc.html", [Reply(429, b"slow down", [("Content-Type", "text/plain"), ("Retry-After", "1")]),
                             Reply(200, b"<p>ok</p>")])

    result = fetcher.fetch(site.url("/doc.html"), make_source())

    assert result.row.outcome == "ok"
    first, second = site.hits_at("/doc.html")
    assert 1.0 - SLACK <= second.at - first.at < 1.0 + LATE  # backoff alone would be ~0.01 s


@pytest.mark.parametrize("retry_after", ["3600", "Wed, 01 Jan 2200 00:00:00 GMT"], ids=["seconds", "http-date"])
def test_retry_after_above_the_bound_gives_up_at_once(site, archive, retry_after):
    site.route("/doc.html", [Reply(503, b"maintenance", [("Content-Type", "text/plain"), ("Retry-After", retry_after)]),
                             Reply(200, b"<p>never asked for</p>")])
    fetcher = Fetcher(RUN, archive, backoff_seconds=0.01, max_retry_after_seconds=5)

    started = time.monotonic()
    result = fetcher.fetch(site.url("/doc.html"), make_source())

    assert time.monotonic() - started < 1.0
    assert site.hits["/doc.html"] == 1
    assert result.row.outcome == "http_error"
    assert result.row.status_code == 503
    assert result.row.error.startswith("HTTP 503 Service Unavailable; Retry-After asks for ")
    assert "more than the 5 s we wait" in result.row.error
    assert read_response(result.row.warc_file, result.row.warc_offset).body == b"maintenance"


def test_retry_after_bound_defaults_to_60_seconds():
    assert Fetcher(RUN, None).max_retry_after_seconds == 60
    assert Fetcher(RUN, None).attempts == 3


@pytest.mark.parametrize(("value", "expected"), [
    (None, None), ("", None), ("soon", None), ("0", 0.0), ("  7 ", 7.0), ("-3", None),
    ("Wed, 01 Jan 2020 00:00:00 GMT", 0.0),  # in the past: no wait
])
def test_retry_after_parsing(value, expected):
    assert _retry_after_seconds(value) == expected


def test_retry_after_http_date_in_the_future():
    when = formatdate(time.time() + 30, usegmt=True)
    assert 28 <= _retry_after_seconds(when) <= 30


def test_retry_after_is_ignored_on_a_client_error(site, fetcher):
    site.route("/doc.html", Reply(403, b"no", [("Content-Type", "text/plain"), ("Retry-After", "1")]))
    started = time.monotonic()
    result = fetcher.fetch(site.url("/doc.html"), make_source())
    assert (result.row.outcome, site.hits["/doc.html"]) == ("http_error", 1)
    assert time.monotonic() - started < 0.5


# --------------------------------------------------------------------------- redirects

def test_redirect_chain_records_the_final_url_and_every_hop(site, fetcher):
    site.route("/a", status=301, content_type=None, headers=[("Location", "/b")])
    site.route("/b", status=301, content_type=None, headers=[("Location", "/final.html")])
    site.route("/final.html", body=b"<p>here</p>")

    row = fetcher.fetch(site.url("/a"), make_source()).row

    assert (row.outcome, row.status_code, row.url, row.final_url) == ("ok", 200, site.url("/a"),
                                                                      site.url("/final.html"))
    responses = [(r.uri, r.status) for r in _records(row.warc_file) if r.kind == "response"]
    assert responses == [(site.url("/robots.txt"), "404"), (site.url("/a"), "301"), (site.url("/b"), "301"),
                         (site.url("/final.html"), "200")]
    assert read_response(row.warc_file, row.warc_offset).url == site.url("/final.html")


def test_too_many_redirects_is_an_http_error_pointing_at_the_last_hop(site, fetcher):
    for n in range(10):
        site.route(f"/r{n}", status=302, content_type=None, headers=[("Location", f"/r{n + 1}")])
    row = fetcher.fetch(site.url("/r0"), make_source()).row
    assert (row.outcome, row.error, row.status_code) == ("http_error", "more than 5 redirects", 302)
    assert read_response(row.warc_file, row.warc_offset).url == site.url("/r5")


# --------------------------------------------------------------------------- conditional requests

def test_etag_then_304_is_not_modified(site, fetcher):
    body = b"<p>report</p>"
    site.route("/doc.html", [Reply(200, body, [("Content-Type", "text/html"), ("ETag", '"v1"')]),
                             Reply(304, b"", [("ETag", '"v1"')])])
    first = fetcher.fetch(site.url("/doc.html"), make_source())
    previous = PreviousFetch(first.row.etag, first.row.last_modified, first.row.content_sha256,
                             first.row.requested_at)

    second = fetcher.fetch(site.url("/doc.html"), make_source(), previous)

    first_hit, second_hit = site.hits_at("/doc.html")
    assert "If-None-Match" not in first_hit.headers
    assert second_hit.headers["If-None-Match"] == '"v1"'
    assert "If-Modified-Since" not in second_hit.headers
    assert second.row.outcome == "not_modified"
    assert second.row.status_code == 304
    assert second.body is None
    assert second.changed is False
    assert second.ok is False
    assert (second.row.etag, second.row.last_modified, second.row.content_sha256) == (
        '"v1"', None, hashlib.sha256(body).hexdigest())
    assert second.row.error is None
    # the 304 is archived, with the conditional request that produced it
    records = _records(second.row.warc_file)
    i = next(i for i, r in enumerate(records) if r.offset == second.row.warc_offset)
    assert (records[i].kind, records[i].status) == ("response", "304")
    assert records[i + 1].kind == "request"
    assert records[i + 1].http.get_header("If-None-Match") == '"v1"'
    assert records[i + 1].rec.get_header("WARC-Concurrent-To") == records[i].rec.get_header("WARC-Record-ID")


def test_last_modified_then_304_is_not_modified(site, fetcher):
    stamp = "Tue, 02 Jan 2024 00:00:00 GMT"
    site.route("/doc.html", [Reply(200, b"<p>v1</p>", [("Content-Type", "text/html"), ("Last-Modified", stamp)]),
                             Reply(304, b"", [])])
    first = fetcher.fetch(site.url("/doc.html"), make_source())
    previous = PreviousFetch(first.row.etag, first.row.last_modified, first.row.content_sha256)

    second = fetcher.fetch(site.url("/doc.html"), make_source(), previous)

    assert site.hits_at("/doc.html")[1].headers["If-Modified-Since"] == stamp
    assert "If-None-Match" not in site.hits_at("/doc.html")[1].headers
    assert (second.row.outcome, second.row.status_code, second.body, second.changed) == (
        "not_modified", 304, None, False)
    assert (second.row.etag, second.row.last_modified, second.row.content_sha256) == (
        None, stamp, first.row.content_sha256)


def test_both_validators_are_sent(site, fetcher):
    site.route("/doc.html", Reply(304, b"", []))
    previous = PreviousFetch('W/"x"', "Tue, 02 Jan 2024 00:00:00 GMT", "ab" * 32)
    result = fetcher.fetch(site.url("/doc.html"), make_source(), previous)
    hit = site.hits_at("/doc.html")[0]
    assert (hit.headers["If-None-Match"], hit.headers["If-Modified-Since"]) == (previous.etag, previous.last_modified)
    assert result.row.outcome == "not_modified"


def test_a_304_to_an_unconditional_request_is_an_http_error(site, fetcher):
    site.route("/doc.html", Reply(304, b"", []))
    result = fetcher.fetch(site.url("/doc.html"), make_source(), PreviousFetch(content_sha256="ab" * 32))
    assert (result.row.outcome, result.row.status_code) == ("http_error", 304)
    assert "If-None-Match" not in site.hits_at("/doc.html")[0].headers


def test_server_ignoring_validators_with_the_same_body_is_unchanged(site, fetcher):
    site.route("/doc.html", body=b"<p>same</p>", headers=[("ETag", '"v1"')])
    first = fetcher.fetch(site.url("/doc.html"), make_source())
    previous = PreviousFetch(first.row.etag, None, first.row.content_sha256)

    second = fetcher.fetch(site.url("/doc.html"), make_source(), previous)

    assert first.changed is True
    assert (second.row.outcome, second.row.status_code, second.body, second.changed) == (
        "ok", 200, b"<p>same</p>", False)
    assert second.row.content_sha256 == first.row.content_sha256


def test_a_new_body_is_changed(site, fetcher):
    site.route("/doc.html", [Reply(200, b"<p>v1</p>"), Reply(200, b"<p>v2</p>")])
    first = fetcher.fetch(site.url("/doc.html"), make_source())
    second = fetcher.fetch(site.url("/doc.html"), make_source(), PreviousFetch(None, None, first.row.content_sha256))
    assert (second.row.outcome, second.body, second.changed) == ("ok", b"<p>v2</p>", True)


# --------------------------------------------------------------------------- crawl-delay

def test_robots_crawl_delay_spaces_requests(site, fetcher):
    site.route("/robots.txt", body=b"User-agent: *\nCrawl-delay: 0.3\n", content_type="text/plain")
    site.route("/a.html", body=b"a")
    site.route("/b.html", body=b"b")
    source = make_source(min_delay_seconds=0.0)

    assert fetcher.fetch(site.url("/a.html"), source).ok
    assert fetcher.fetch(site.url("/b.html"), source).ok

    robots, a, b = site.hits_at("/robots.txt")[0].at, site.hits_at("/a.html")[0].at, site.hits_at("/b.html")[0].at
    assert 0.3 - SLACK <= a - robots < 0.3 + LATE  # see test_requests_to_one_host_are_spaced_by_min_delay
    assert 0.3 - SLACK <= b - a < 0.3 + LATE


def test_min_delay_wins_over_a_shorter_crawl_delay(site, fetcher):
    site.route("/robots.txt", body=b"User-agent: *\nCrawl-delay: 0.1\n", content_type="text/plain")
    site.route("/a.html", body=b"a")
    site.route("/b.html", body=b"b")
    source = make_source(min_delay_seconds=0.3)
    fetcher.fetch(site.url("/a.html"), source)
    fetcher.fetch(site.url("/b.html"), source)
    assert site.hits_at("/b.html")[0].at - site.hits_at("/a.html")[0].at >= 0.3 - SLACK


@pytest.mark.parametrize(("robots", "expected"), [
    # "Disallow: /" spares the test the delay itself: only robots.txt is requested
    (b"User-agent: *\nCrawl-delay: 3600\nDisallow: /\n", 60.0),  # capped
    (b"User-agent: *\nCrawl-delay: 2\nDisallow: /\n", 2.0),
    (b"User-agent: csi-test\nCrawl-delay: 0.5\nDisallow: /\n\nUser-agent: *\nCrawl-delay: 9\n", 0.5),  # ours
    (b"User-agent: otherbot\nCrawl-delay: 9\n", None),
    (b"User-agent: *\nCrawl-delay: soon\n", None),
])
def test_crawl_delay_is_read_per_user_agent_and_capped(site, fetcher, robots, expected):
    site.route("/robots.txt", body=robots, content_type="text/plain")
    site.route("/a.html", body=b"a")
    fetcher.fetch(site.url("/a.html"), make_source())
    assert fetcher._crawl_delay(site.base.split("://")[1], UA) == expected


def test_robots_txt_is_archived_but_yields_no_row(site, fetcher):
    site.route("/robots.txt", body=ROBOTS_PRIVATE, content_type="text/plain")
    result = fetcher.fetch(site.url("/private/doc.html"), make_source())
    assert result.row.outcome == "robots_disallowed"
    assert (result.row.warc_file, result.row.warc_offset) == (None, None)
    [response, request] = _records(fetcher.archive.path)
    assert (response.uri, response.status, response.body) == (site.url("/robots.txt"), "200", ROBOTS_PRIVATE)
    assert request.kind == "request"


# --------------------------------------------------------------------------- the archive: errors and paths

def test_error_response_is_archived_and_its_body_bounded(site, archive):
    site.route("/gone.html", status=410, body=b"x" * 5000, content_type="text/html")
    row = Fetcher(RUN, archive, backoff_seconds=0.01, max_bytes=1000).fetch(site.url("/gone.html"),
                                                                            make_source()).row
    assert (row.outcome, row.status_code) == ("http_error", 410)
    record = next(r for r in _records(row.warc_file) if r.offset == row.warc_offset)
    assert (record.kind, record.uri, record.status, record.body) == ("response", site.url("/gone.html"), "410",
                                                                     b"x" * 1000)
    assert record.rec.get_header("WARC-Truncated") == "length"


def test_a_retried_failure_points_at_the_last_response(site, archive):
    site.route("/doc.html", [Reply(502, b"first"), Reply(503, b"second")])
    row = Fetcher(RUN, archive, attempts=2, backoff_seconds=0.01).fetch(site.url("/doc.html"), make_source()).row
    assert (row.outcome, row.status_code, row.error) == ("http_error", 503, "HTTP 503 Service Unavailable")
    assert read_response(row.warc_file, row.warc_offset).body == b"second"


@pytest.mark.parametrize("run_id", ["../../escape", "../", "..", "/etc/passwd", "a/b\\c", "", ".hidden",
                                    "run\x00id", "x" * 500, "ok-run_1.2"])
def test_run_id_cannot_move_the_archive_outside_its_root(tmp_path, run_id):
    root = tmp_path / "data" / "warc"
    archive = WarcArchive(root, run_id, NOW)
    archive.write("http://127.0.0.1/../../../etc/x?y=../z", {"User-Agent": UA}, 200, "OK",
                  {"Content-Type": "text/html"}, b"x")

    assert archive.path.parent == root / "2024" / "01" / "02"
    assert re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9._-]*\.warc\.gz", archive.path.name)
    assert len(archive.path.name) <= 100 + len(".warc.gz")
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written == [archive.path]


def test_distinct_run_ids_never_share_an_archive_file(tmp_path):
    ids = ["a/b", "a_b", "a:b", "../a_b", "x" * 300, "x" * 301]
    paths = {WarcArchive(tmp_path, run_id, NOW).path for run_id in ids}
    assert len(paths) == len(ids)
    assert WarcArchive(tmp_path, "ok-run_1.2", NOW).path.name == "ok-run_1.2.warc.gz"  # safe ids are kept


def test_fetcher_with_a_hostile_run_id_writes_under_the_root(site, tmp_path):
    site.route("/a.html", body=b"a")
    root = tmp_path / "warc"
    run_id = "../../../outside"
    row = Fetcher(run_id, WarcArchive(root, run_id, NOW), backoff_seconds=0.01).fetch(site.url("/a.html"),
                                                                                       make_source()).row
    assert row.outcome == "ok"
    assert Path(row.warc_file).resolve().is_relative_to(root.resolve())
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [Path(row.warc_file)]


# --------------------------------------------------------------------------- bodies cut short

def test_connection_closed_mid_body_is_a_connection_error(site):
    # Content-Length promises 5000 bytes; the server sends 1000 and closes the connection.
    site.route("/cut.html", Reply(200, b"x" * 1000, [("Content-Type", "text/html"), ("Content-Length", "5000")]))
    fetcher = Fetcher(RUN, None, backoff_seconds=0.01)

    started = time.monotonic()
    result = fetcher.fetch(site.url("/cut.html"), make_source(timeout_seconds=2.0))

    assert time.monotonic() - started < 1.0
    assert result.row.outcome == "connection_error"
    assert result.row.error.startswith("body not received")
    assert result.body is None
    assert site.hits["/cut.html"] == 3  # retried: a dropped connection may be transient


def test_a_slow_body_is_bounded_by_the_response_deadline(site):
    # Each wait is shorter than the read timeout, but the whole response takes too long.
    site.route("/slow.html", Reply(200, b"<p>slow</p>" * 100, body_delay=3.0))
    fetcher = Fetcher(RUN, None, attempts=1, max_response_seconds=0.3)

    started = time.monotonic()
    result = fetcher.fetch(site.url("/slow.html"), make_source(timeout_seconds=5.0))

    assert time.monotonic() - started < 1.5
    assert (result.row.outcome, result.row.error) == ("timeout", "body not received within 0.3 s")
