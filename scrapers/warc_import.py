"""Reading any WARC file (ours, Webrecorder's, a Common Crawl extract): its HTTP responses, in order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from csi.dates import parse_datetime
from scrapers.archive import ArchivedResponse, RecordTooLarge, record_payload
from scrapers.platforms.ofsted_pdf.parse import is_pdf

PARSABLE_TYPES = ("text/html", "application/xhtml+xml", "application/pdf")  # what the adapters read


class WarcUnreadable(ValueError):
    """A file that is not a WARC, or one that ends inside a record (the records before it were yielded)."""


@dataclass(frozen=True)
class WarcResponse:
    warc_file: str
    offset: int
    record_id: str
    response: ArchivedResponse
    truncated: bool  # WARC-Truncated: the body was cut (size or time limit), so it is not the whole page
    refused: str | None = None  # why the body was not read (over scrapers.archive.MAX_RECORD_BYTES); body is b""

    @property
    def content_type(self) -> str | None:
        return next((v for k, v in self.response.headers.items() if k.lower() == "content-type"), None)

    @property
    def media_type(self) -> str:
        return (self.content_type or "").split(";")[0].strip().lower()

    @property
    def is_parsable(self) -> bool:
        """A complete 200 HTML, XHTML or PDF response (a PDF by its bytes, whatever its Content-Type): what the
        adapters can parse."""
        return (self.response.status == 200 and not self.truncated and self.refused is None
                and (self.media_type in PARSABLE_TYPES or is_pdf(self.response.body)))

    @property
    def fetched_at(self) -> datetime | None:
        """WARC-Date as the naive UTC the warehouse stores."""
        moment = parse_datetime(self.response.date)
        if moment is None:
            return None
        return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def iter_responses(path: str | Path) -> Iterator[WarcResponse]:
    """Every `response` record with an HTTP status line, payload decoded (chunking, gzip) by warcio.

    A record over scrapers.archive.MAX_RECORD_BYTES (declared or decoded) comes with an empty body and
    `refused` saying why; the records after it are still read. A file that is not a WARC raises WarcUnreadable
    at once; one cut short raises it after the complete records before the cut (the partial one is not yielded).
    """
    path = Path(path).resolve()
    size = path.stat().st_size
    complete, cut, refused = 0, False, None
    with open(path, "rb") as fh:
        records = ArchiveIterator(fh)
        try:
            for record in records:
                if record.format != "warc":
                    raise WarcUnreadable(f"{path.name} is not a WARC file (its first record reads as "
                                         f"{record.format or 'nothing known'})")
                if record.rec_type != "response" or record.http_headers is None:
                    while record.raw_stream.read(1 << 20):  # drained here, to see whether it is whole
                        pass
                    if getattr(record.raw_stream, "limit", 0):
                        cut = True
                        break
                    complete += 1
                    continue
                try:
                    body, refused = record_payload(record), None
                except RecordTooLarge as exc:
                    body, refused = b"", str(exc)
                if refused is None and getattr(record.raw_stream, "limit", 0):  # the file ended inside the record
                    cut = True
                    break
                complete += 1
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
                    refused=refused,
                )
        except ArchiveLoadFailed as exc:
            if complete:
                raise WarcUnreadable(f"{path.name} is cut short: unreadable after {complete} complete record(s)"
                                     ) from exc
            raise WarcUnreadable(f"{path.name} is not a WARC file ({str(exc).strip()[:120]})") from exc
        # A gzip member cut short stops warcio before the end of the file (unless a refused record, left unread,
        # was the last one).
        if cut or (records.offset < size and refused is None):
            raise WarcUnreadable(f"{path.name} is cut short: it ends inside a record after {complete} complete "
                                 f"record(s)")
