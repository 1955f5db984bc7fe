"""WARC files from elsewhere: a record that declares an absurd length, or whose payload inflates without
end, is refused without being read into memory, by import-warc's reader and by reparse's."""

from __future__ import annotations

import io
import time
import zlib

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from flows.maintenance import import_warc
from scrapers.archive import MAX_RECORD_BYTES, RecordTooLarge, read_response
from scrapers.warc_import import iter_responses
from tests.conftest import db_rows

PAGE = (b"<html><head><title>Ofsted visit</title></head><body><h1>Ofsted visit to Hounslow</h1>"
        b"<p>Inspectors judged Hounslow's children's services to require improvement to be good overall.</p>"
        b"</body></html>")
ABSURD = 10 ** 15


def _record(url: str, body: bytes, headers: list[tuple[str, str]] | None = None) -> bytes:
    out = io.BytesIO()
    http = StatusAndHeaders("200 OK", headers or [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer = WARCWriter(out, gzip=False)
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    return out.getvalue()


def _absurd_record(url: str) -> bytes:
    """A response record whose WARC Content-Length claims a petabyte; the file holds a few bytes of it."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + PAGE
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + url.encode() + b"\r\n"
            b"WARC-Date: 2026-01-02T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:0b7e6f2a-3c1d-4e5f-8a9b-0c1d2e3f4a5b>\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: " + str(ABSURD).encode() +
            b"\r\n\r\n" + http + b"\r\n\r\n")


def _gzip_of_zeros(megabytes: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return b"".join(packer.compress(bytes(1 << 20)) for _ in range(megabytes)) + packer.flush()


@pytest.fixture
def hostile_warc(tmp_path):
    """A good page, then a record inflating past the limit, then a record with an absurd declared length."""
    path = tmp_path / "hostile.warc"
    path.write_bytes(
        _record("http://127.0.0.1:8000/news/good.html", PAGE)
        + _record("http://127.0.0.1:8000/news/bomb.html", _gzip_of_zeros(MAX_RECORD_BYTES // (1 << 20) + 8),
                  [("Content-Type", "text/html"), ("Content-Encoding", "gzip")])
        + _absurd_record("http://127.0.0.1:8000/news/absurd.html"))
    return path


def test_the_import_reader_refuses_oversized_records_and_reads_the_rest(hostile_warc):
    started = time.monotonic()
    records = {r.response.url.rsplit("/", 1)[1]: r for r in iter_responses(hostile_warc)}
    assert time.monotonic() - started < 10
    assert records["good.html"].refused is None and records["good.html"].response.body == PAGE
    assert records["good.html"].is_parsable
    bomb, absurd = records["bomb.html"], records["absurd.html"]
    assert bomb.refused == f"WARC record payload decodes to more than {MAX_RECORD_BYTES:,} bytes"
    assert absurd.refused == f"WARC record declares {ABSURD:,} bytes, over the {MAX_RECORD_BYTES:,}-byte limit"
    for refused in (bomb, absurd):
        assert refused.response.body == b"" and not refused.is_parsable


def test_the_reparse_reader_refuses_an_absurd_declared_length(tmp_path):
    path = tmp_path / "absurd.warc"
    path.write_bytes(_absurd_record("http://127.0.0.1:8000/news/absurd.html"))
    with pytest.raises(RecordTooLarge, match="declares 1,000,000,000,000,000 bytes"):
        read_response(path, 0)
    assert issubclass(RecordTooLarge, ValueError)  # reparse reports ValueError as missing from the archive


def test_the_reparse_reader_refuses_a_payload_that_inflates_past_the_limit(tmp_path):
    path = tmp_path / "bomb.warc"
    path.write_bytes(_record("http://127.0.0.1:8000/news/bomb.html", _gzip_of_zeros(MAX_RECORD_BYTES // (1 << 20) + 8),
                             [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]))
    with pytest.raises(RecordTooLarge, match="decodes to more than"):
        read_response(path, 0)


def test_import_warc_loads_the_good_page_and_counts_the_refused(prefect_harness, hostile_warc, tmp_path):
    db = tmp_path / "csi.duckdb"
    state = import_warc([str(hostile_warc)], db=str(db), return_state=True)
    summary = state.result()
    assert (summary["loaded"], summary["refused"]) == (1, 2)
    assert db_rows(db, "SELECT url FROM documents") == [("http://127.0.0.1:8000/news/good.html",)]
