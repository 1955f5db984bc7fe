"""Pages to rows: parse + extract composed in one place (`read_page`), for every flow and command.

A page is bytes with where they came from; a page becomes a `Batch` of the rows it supports. The parse
cache key includes `PARSE_VERSION`, the hash of every file that decides what a page parses into.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from csi.records import EXTRACTED_TABLES, Document, DocumentRow, Extraction, FetchRow
from scrapers.platforms import default_source, parse_page
from scrapers.sources import Source, SourceSet
from transforms.councils import default_index
from transforms.extract import extract
from warehouse.db import Batch

_PARSING_CODE = ("scrapers/platform.py", "scrapers/platforms/**/*.py", "scrapers/html.py",
                 "scrapers/generic_extraction.py", "scrapers/pubdate.py", "transforms/*.py", "csi/records.py",
                 "csi/dates.py", "csi/frameworks.py", "csi/reference/*")


def _parse_version() -> str:
    """Hash of every file that decides what a page parses into: editing a parser or a rule invalidates caches."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for pattern in _PARSING_CODE:
        for file in sorted(root.glob(pattern)):
            digest.update(file.relative_to(root).as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


PARSE_VERSION = _parse_version()


@dataclass(frozen=True)
class Page:
    """Bytes of one document page, wherever they came from (a fetch, the archive, an imported WARC)."""

    url: str
    body: bytes
    content_type: str | None
    fetched_at: datetime
    content_sha256: str
    source: Source
    fetch: FetchRow | None = None  # the fetch that produced it, marked parse_error if parsing fails


def read_page(url: str, body: bytes, content_type: str | None, fetched_at: datetime, source: Source,
              content_sha256: str | None = None, link_official: bool = True) -> tuple[Document, Extraction]:
    """One page's Document (its platform's parser) and the rows extraction finds in it (`link_official`: see
    transforms.extract.extract)."""
    doc = parse_page(url, body, content_type, fetched_at, source,
                     content_sha256 or hashlib.sha256(body).hexdigest())
    return doc, extract(doc, default_index(), council=source.council, link_official=link_official)


def source_of(url: str, sources: SourceSet | None, name: str) -> Source:
    """The source a page belongs to: the configured one of that name, else the one whose document patterns
    match the URL, else a source made up by the platform claiming the URL (news when none does)."""
    if sources is not None:
        found = sources.named(name) or sources.matching(url)
        if found is not None:
            return found
    return default_source(name, url)


def page_to_batch(page: Page) -> Batch:
    """Parse and extract one page into the rows it supports; raises whatever the parser raises."""
    doc, extraction = read_page(page.url, page.body, page.content_type, page.fetched_at, page.source,
                                page.content_sha256)
    batch = Batch(documents=[DocumentRow.of(doc)])
    for spec in EXTRACTED_TABLES:
        getattr(batch, spec.name).extend(getattr(extraction, spec.name))
    if page.fetch is not None:
        fetched = page.fetch
        if fetched.outcome == "parse_error":  # a reparse with a fixed parser: the page now parses
            fetched = dataclasses.replace(fetched, outcome="ok", error=None)
        batch.fetches.append(fetched)
    return batch


def error_text(exc: BaseException) -> str:
    """How a page's parse failure is recorded in `fetches.error`."""
    return f"{type(exc).__name__}: {exc}"[:500]


def merge_batches(batches: list[Batch]) -> Batch:
    merged = Batch()
    for batch in batches:
        for f in dataclasses.fields(Batch):
            getattr(merged, f.name).extend(getattr(batch, f.name))
    return merged


def pages_to_batch(pages: list[Page]) -> tuple[Batch, list[tuple[str, str]]]:
    """Parse and extract every page; returns the batch and (url, error) for pages that failed.

    A failing page never stops the others: its fetch row, if any, is marked parse_error.
    """
    batches: list[Batch] = []
    errors: list[tuple[str, str]] = []
    for page in pages:
        try:
            batches.append(page_to_batch(page))
        except Exception as exc:  # noqa: BLE001 - any parser failure is recorded against its page
            errors.append((page.url, error_text(exc)))
            if page.fetch is not None:
                failed = dataclasses.replace(page.fetch, outcome="parse_error", error=error_text(exc))
                batches.append(Batch(fetches=[failed]))
    return merge_batches(batches), errors
