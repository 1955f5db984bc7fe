"""`csi extract`: parse and extract pages without loading them (parser debugging and evaluation).

Not a Prefect flow on purpose: it writes nothing, and a debugging loop should not wait ~15 s
for a temporary Prefect API to start.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from csi.records import FACT_TABLES, DocumentRow
from pipeline.pages import error_text, read_page, source_of
from pipeline.runs import now_utc
from scrapers.http import Fetcher
from scrapers.platforms.ofsted_pdf.parse import is_pdf
from scrapers.sources import SourceSet
from scrapers.warc_import import iter_responses

_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def _plain(value):
    return value.isoformat() if isinstance(value, date | datetime) else value


def _rows(items) -> list[dict]:
    return [{k: _plain(v) for k, v in dataclasses.asdict(item).items()} for item in items]


def extract_page(url: str, body: bytes, content_type: str | None, fetched_at: datetime,
                 sources: SourceSet | None) -> dict:
    """One page -> {"url", "document": {documents columns}, "ratings": [...], ...}."""
    source = source_of(url, sources, "extract")
    doc, rows = read_page(url, body, content_type, fetched_at, source)
    out = {"url": url, "document": _rows([DocumentRow.of(doc)])[0]}
    out.update({table: _rows(getattr(rows, table)) for table in FACT_TABLES})
    return out


def _safely(url: str, *page) -> dict:
    """extract_page(*page), or {"url", "error": one line} when it cannot be parsed: the other inputs still run."""
    try:
        return extract_page(*page)
    except Exception as exc:  # noqa: BLE001 - any parser failure is that input's error, as in the pipeline
        return {"url": url, "error": " ".join(error_text(exc).split())}


def extract_inputs(inputs: list[str], as_url: str | None = None,
                   sources: SourceSet | None = None) -> Iterator[dict]:
    """Each input is a URL (fetched politely), a WARC file (every HTML or PDF response) or a file: a PDF by its
    bytes (whatever its name), else an HTML page. A file named .pdf that is not one is that input's error."""
    fetcher = None
    for item in inputs:
        if item.startswith(("http://", "https://")):
            fetcher = fetcher or Fetcher("extract", None)
            result = fetcher.fetch(item, source_of(item, sources, "extract"))
            if not result.ok:
                yield {"url": item, "error": f"{result.row.outcome}: {result.row.error}"}
                continue
            yield _safely(item, result.row.final_url or item, result.body, result.row.content_type,
                          result.row.requested_at, sources)
        elif item.endswith(_WARC_SUFFIXES):
            try:
                records = [r for r in iter_responses(item) if r.is_parsable]
            except Exception as exc:  # noqa: BLE001 - an unreadable WARC is that input's error
                yield {"url": item, "error": f"not a readable WARC file: {' '.join(error_text(exc).split())}"}
                continue
            for record in records:
                yield _safely(record.response.url, record.response.url, record.response.body, record.content_type,
                              record.fetched_at or now_utc(), sources)
        else:
            path = Path(item)
            body = path.read_bytes()
            url = as_url or path.resolve().as_uri()
            if path.suffix.lower() == ".pdf" and not is_pdf(body):
                yield {"url": item, "error": f"not a PDF: no %PDF- header ({len(body):,} bytes named .pdf)"}
                continue
            yield _safely(item, url, body, None, now_utc(), sources)
