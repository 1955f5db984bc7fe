"""The raw archive: every fetched response, with its request, in a WARC file (via warcio).

The archive is the source of truth for reparsing: a `fetches` row points at the WARC file
and byte offset of its response record, so any WARC tool can read what we saw.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# Headers describing the wire encoding; the archive stores the decoded body.
_WIRE_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass(frozen=True)
class ArchivedResponse:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    date: str


class WarcArchive:
    """Appends records to `<root>/YYYY/MM/DD/<run_id>.warc.gz` (one file per run)."""

    def __init__(self, root: str | Path, run_id: str, now: datetime):
        self.root = Path(root)
        self.path = self.root / now.strftime("%Y/%m/%d") / f"{run_id}.warc.gz"

    def write(self, url: str, request_headers: dict[str, str], status: int, reason: str,
              response_headers: dict[str, str], body: bytes) -> tuple[str, int]:
        """Write request and response records; return (warc file, offset of the response)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "ab") as fh:
            writer = WARCWriter(fh, gzip=True)
            headers = [(k, v) for k, v in response_headers.items() if k.lower() not in _WIRE_HEADERS]
            headers.append(("Content-Length", str(len(body))))
            http_headers = StatusAndHeaders(f"{status} {reason}".strip(), headers, protocol="HTTP/1.1")
            response = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                 http_headers=http_headers)
            request = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET {url} HTTP/1.1", list(request_headers.items()),
                                              is_http_request=True))
            request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
            offset = fh.tell()
            writer.write_record(response)
            writer.write_record(request)
        return str(self.path), offset


def read_response(warc_file: str | Path, offset: int) -> ArchivedResponse:
    """Read the response record stored at `offset` of a WARC file."""
    with open(warc_file, "rb") as fh:
        fh.seek(offset)
        for record in ArchiveIterator(fh):
            if record.rec_type != "response":
                break
            return ArchivedResponse(
                url=record.rec_headers.get_header("WARC-Target-URI"),
                status=int(record.http_headers.get_statuscode()),
                headers={k: v for k, v in record.http_headers.headers},
                body=record.content_stream().read(),
                date=record.rec_headers.get_header("WARC-Date"),
            )
    raise ValueError(f"no response record at {warc_file}:{offset}")
