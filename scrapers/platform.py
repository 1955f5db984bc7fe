"""What a platform is: the one interface every kind of site csi reads implements.

A platform (a news site, ModernGov, Ofsted's reports site, Ofsted's report PDFs) lives in its own
folder under ``scrapers/platforms/`` and is registered with one line in ``scrapers/platforms/__init__.py``.
A source in ``sources.toml`` names its platform (``adapter = "..."``); everything the flows need from a
platform goes through this interface:

- ``expand``: a source naming ``councils`` becomes one source per council, from the platform's council
  sites (reference data: one row per council, ``csi/reference/<platform>.csv``) and its override hook;
- ``crawl``: the pages of one source (discovery the platform needs, then the incremental crawl);
- ``parse``: bytes of one page to a ``Document`` (pure), stamped with ``parser`` (name@version);
- ``claims_url`` / ``claims_content``: the pages a platform takes without a configured source saying so.

`BasePlatform` holds the defaults (the generic breadth-first crawl, one source per council built by
``council_source``); a platform overrides what it does differently.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from csi.records import Document, FetchRow
from csi.reference import council_sites, councils
from scrapers.crawl import CrawlResult, crawl
from scrapers.http import Fetcher, PreviousFetch
from scrapers.sources import Source, SourceConfigError

Parser = Callable[[str, bytes, str | None, datetime, Source, str], Document]
OnFetch = Callable[[FetchRow], None]
Note = Callable[[str], None]
Override = Callable[[Source], Source]

# What a per-council source keeps from the source that named the councils.
INHERITED_SETTINGS = ("min_delay_seconds", "timeout_seconds", "max_response_seconds", "max_pages", "refresh_days",
                      "min_parse_rate", "user_agent", "allow_private_addresses", "attempts", "backoff_seconds")


class Platform(Protocol):
    name: str  # what a source's `adapter` names
    parser: str  # name@version, recorded in documents.parser

    def expand(self, source: Source) -> list[Source]: ...

    def crawl(self, source: Source, fetcher: Fetcher, known: Mapping[str, PreviousFetch], on_fetch: OnFetch,
              note: Note) -> CrawlResult: ...

    def parse(self, url: str, body: bytes, content_type: str | None, fetched_at: datetime, source: Source,
              content_sha256: str) -> Document: ...

    def claims_url(self, url: str) -> bool: ...

    def claims_content(self, content_type: str | None, body: bytes = b"") -> bool: ...

    def default_source(self, name: str, url: str, publisher: str) -> Source: ...


def slug(text: str) -> str:
    """"Barking and Dagenham" -> "barking-and-dagenham": a council's name in a source name."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


@dataclass(frozen=True)
class BasePlatform:
    """A platform read by the generic crawl; `parse_page` is its pure parser."""

    name: str
    parse_page: Parser
    parser: str
    doc_type: str = "news"  # of a source made up for a page no configured source matches
    urls: re.Pattern | None = None  # pages it claims when no configured source matches them
    content_types: tuple[str, ...] = ()  # media types it parses whatever the source
    claims_body: Callable[[bytes], bool] | None = None  # bytes it parses whatever their declared type (a PDF)
    # A council whose site has a quirk: ONS code -> a function adjusting that council's source.
    overrides: Mapping[str, Override] = field(default_factory=dict)

    def parse(self, url: str, body: bytes, content_type: str | None, fetched_at: datetime, source: Source,
              content_sha256: str) -> Document:
        return self.parse_page(url, body, content_type, fetched_at, source, content_sha256)

    def claims_url(self, url: str) -> bool:
        return bool(self.urls and self.urls.search(url))

    def claims_content(self, content_type: str | None, body: bytes = b"") -> bool:
        return ((content_type or "").split(";")[0].strip().lower() in self.content_types
                or bool(self.claims_body and self.claims_body(body)))

    def default_source(self, name: str, url: str, publisher: str) -> Source:
        return Source(name=name, adapter=self.name, publisher=publisher, doc_type=self.doc_type, start_urls=(),
                      documents=())

    def crawl(self, source: Source, fetcher: Fetcher, known: Mapping[str, PreviousFetch], on_fetch: OnFetch,
              note: Note) -> CrawlResult:
        return crawl(source, fetcher, known=known, on_fetch=on_fetch)

    # ------------------------------------------------------------------ councils on this platform

    def sites(self) -> dict[str, str]:
        """ONS code -> base URL of each council known on this platform (csi/reference/<platform>.csv)."""
        return council_sites(self.name)

    def council_source(self, source: Source, name: str, base_url: str, council: str, publisher: str) -> Source:
        """One council's source on this platform; ModernGov overrides it (committee discovery)."""
        raise SourceConfigError(f"source {source.name!r}: the {self.name} platform does not take `councils`")

    def expand(self, source: Source) -> list[Source]:
        """A source with `councils` ("all" or ONS codes) becomes one source per council; others stay as they are.

        Names follow the source's `each_name` ("{source}-{code}" unless set; "{council}" is the council's
        name in lower case, e.g. "hillingdon-moderngov"). A successor council on its predecessor's site is
        crawled once.
        """
        if not source.councils:
            return [source]
        sites = self.sites()
        known = {c.council_code: c for c in councils()}
        if source.councils == ("all",):
            codes = sorted(code for code in sites if code in known and known[code].end_date is None)
        else:
            codes = list(source.councils)
            unknown = [code for code in codes if code not in sites]
            if unknown:
                raise SourceConfigError(f"source {source.name!r}: no {self.name} site known for {', '.join(unknown)}")
        expanded, seen = [], set()
        for code in codes:
            if sites[code] in seen:
                continue
            seen.add(sites[code])
            council = known[code]
            name = source.each_name.format(source=source.name, code=code, council=slug(council.name))
            made = self.council_source(source, name, sites[code], code, council.official_name)
            expanded.append(self.overrides[code](made) if code in self.overrides else made)
        return expanded
