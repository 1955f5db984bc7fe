"""The raw archive: every HTTP response we receive, with its request, in a WARC file (via warcio).

The archive is the source of truth for reparsing: a `fetches` row points at the WARC file
and byte offset of its response record, so any WARC tool can read what we saw. Redirect hops,
304s, error responses and robots.txt are archived too; a body we cut short at the size limit
is marked `WARC-Truncated: length`.

Archive paths are derived from the archive root, the date and a sanitised run id only, so
nothing taken from a URL or an id can write outside the root.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# Headers describing the wire encoding; the archive stores the decoded body.
_WIRE_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
_MAX_NAME = 100
# Records read back (reparse, import-warc) are at most this big, declared or decoded: above the fetch limit
# (scrapers.http.MAX_BODY_BYTES, 20 MB) with room for headers, far below what would exhaust memory.
MAX_RECORD_BYTES = 25 * 1024 * 1024


@dataclass(frozen=True)
class ArchivedResponse:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    date: str


def safe_run_name(run_id: str) -> str:
    """`run_id` reduced to `[A-Za-z0-9._-]`, never empty, never a dot-name, at most 100 characters.

    Distinct ids that sanitise to the same text (or are shortened) get a hash suffix, so two runs
    never share a file by accident.
    """
    name = _UNSAFE.sub("_", run_id).strip(".")
    if name and name == run_id and len(name) <= _MAX_NAME:
        return name
    digest = hashlib.sha256(run_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{name[:_MAX_NAME - 13] or 'run'}-{digest}"


class ArchiveFull(OSError):
    """The archive's disk (or quota) is full: nothing more can be kept, so the crawl must stop.

    `row` is the fetch row of the URL whose response could not be archived, set by the fetcher."""

    row = None

    def __str__(self) -> str:
        return self.strerror


_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


class WarcArchive:
    """Appends records to `<root>/YYYY/MM/DD/<run>.warc.gz` (one file per run)."""

    def __init__(self, root: str | Path, run_id: str, now: datetime):
        self.root = Path(root)
        # Only digits and a sanitised name below the root: no separator, no "..", nothing from a URL.
        self.path = self.root / f"{now.year:04d}" / f"{now.month:02d}" / f"{now.day:02d}" / (
            safe_run_name(run_id) + ".warc.gz")

    def write(self, url: str, request_headers: Mapping[str, str], status: int, reason: str,
              response_headers: Mapping[str, str] | Iterable[tuple[str, str]], body: bytes, *,
              truncated: str | None = None, http_version: str = "HTTP/1.1") -> tuple[str, int]:
        """Write the response record and its request record; return (warc file, offset of the response).

        `response_headers` may be a mapping or (name, value) pairs (repeated headers kept apart).
        `truncated` is a WARC-Truncated reason ("length", "time", "disconnect") when `body` is partial.
        """
        pairs = response_headers.items() if isinstance(response_headers, Mapping) else response_headers
        headers = [(k, v) for k, v in pairs if k.lower() not in _WIRE_HEADERS]
        headers.append(("Content-Length", str(len(body))))
        http_headers = StatusAndHeaders(f"{status} {reason}".strip(), headers, protocol=http_version)
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        sent = list(request_headers.items())
        if not any(k.lower() == "host" for k, _ in sent):
            sent.insert(0, ("Host", parts.netloc))  # added by the HTTP library below what we can see
        records = io.BytesIO()  # both records are built in memory (the body already is), then appended at once
        writer = WARCWriter(records, gzip=True)
        response = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http_headers)
        if truncated:
            response.rec_headers.add_header("WARC-Truncated", truncated)
        request = writer.create_warc_record(
            url, "request", payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(f"GET {target} HTTP/1.1", sent, is_http_request=True))
        request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
        writer.write_record(response)
        writer.write_record(request)
        return str(self.path), self._append(records.getvalue())

    def _append(self, data: bytes) -> int:
        """Append `data` to the archive file; its offset there. A full disk raises ArchiveFull and leaves no
        partial record behind (the file is cut back to where it was)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "ab", buffering=0) as fh:
                offset = fh.seek(0, os.SEEK_END)
                try:
                    written = 0
                    while written < len(data):  # a raw write may stop short: the disk filled mid-record
                        written += fh.write(data[written:])
                except OSError:
                    fh.truncate(offset)
                    raise
        except OSError as exc:
            if exc.errno in _FULL:
                raise ArchiveFull(exc.errno, f"the archive disk is full ({exc.strerror}) writing {self.path}") from exc
            raise
        return offset


class RecordTooLarge(ValueError):
    """A WARC record declares or decodes to more than MAX_RECORD_BYTES; nothing of it was kept."""


def record_payload(record) -> bytes:
    """The decoded payload (dechunked, decompressed) of a warcio record, read only if it fits the limit.

    The declared Content-Length is checked before anything is read, and the decoded bytes while they are
    read, so neither an absurd length nor a compression bomb inside a record is ever held in memory.
    """
    if record.length is not None and record.length > MAX_RECORD_BYTES:
        raise RecordTooLarge(f"WARC record declares {record.length:,} bytes, over the {MAX_RECORD_BYTES:,}-byte limit")
    payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(payload) > MAX_RECORD_BYTES:
        raise RecordTooLarge(f"WARC record payload decodes to more than {MAX_RECORD_BYTES:,} bytes")
    return payload


def read_response(warc_file: str | Path, offset: int) -> ArchivedResponse:
    """Read the response record stored at `offset` of a WARC file (RecordTooLarge over MAX_RECORD_BYTES)."""
    with open(warc_file, "rb") as fh:
        fh.seek(offset)
        for record in ArchiveIterator(fh):
            if record.rec_type != "response":
                break
            return ArchivedResponse(
                url=record.rec_headers.get_header("WARC-Target-URI"),
                status=int(record.http_headers.get_statuscode()),
                headers={k: v for k, v in record.http_headers.headers},
                body=record_payload(record),
                date=record.rec_headers.get_header("WARC-Date"),
            )
    raise ValueError(f"no response record at {warc_file}:{offset}")
