"""Reading any WARC file (ours, Webrecorder's, a Common Crawl extract): its HTTP responses, in order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from scrapers.archive import ArchivedResponse


@dataclass(frozen=True)
class WarcResponse:
    warc_file: str
    offset: int
    record_id: str
    response: ArchivedResponse
    truncated: bool  # WARC-Truncated: the body was cut (size or time limit), so it is not the whole page

    @property
    def content_type(self) -> str | None:
        return next((v for k, v in self.response.headers.items() if k.lower() == "content-type"), None)


def iter_responses(path: str | Path) -> Iterator[WarcResponse]:
    """Every `response` record with an HTTP status line, payload decoded (chunking, gzip) by warcio."""
    path = Path(path).resolve()
    with open(path, "rb") as fh:
        records = ArchiveIterator(fh)
        for record in records:
            if record.rec_type != "response" or record.http_headers is None:
                continue
            body = record.content_stream().read()
            yield WarcResponse(
                warc_file=str(path),
                offset=records.get_record_offset(),
                record_id=record.rec_headers.get_header("WARC-Record-ID") or "",
                response=ArchivedResponse(
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    status=int(record.http_headers.get_statuscode() or 0),
                    headers={k: v for k, v in record.http_headers.headers},
                    body=body,
                    date=record.rec_headers.get_header("WARC-Date"),
                ),
                truncated=bool(record.rec_headers.get_header("WARC-Truncated")),
            )
