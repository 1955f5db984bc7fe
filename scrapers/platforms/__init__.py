"""The registry of platforms: one line per platform folder. Everything the flows do per platform goes
through here (scrapers/platform.py says what a platform is; README, "How to add ...", how to add one).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from csi.records import Document
from scrapers.crawl import CrawlResult
from scrapers.html import UnparseablePage
from scrapers.http import Fetcher, PreviousFetch
from scrapers.platform import Note, OnFetch, Platform
from scrapers.platforms import moderngov, news, ofsted_pdf, ofsted_site
from scrapers.sources import Source, SourceConfigError
from scrapers.urls import host_of

PLATFORMS: dict[str, Platform] = {}


def register(platform: Platform) -> Platform:
    """Make a platform known by its name (what a source's `adapter` names)."""
    PLATFORMS[platform.name] = platform
    return platform


register(news.PLATFORM)
register(moderngov.PLATFORM)
register(ofsted_site.PLATFORM)
register(ofsted_pdf.PLATFORM)

FALLBACK = news.PLATFORM.name  # a page no platform claims is read as news


def platform_of(source: Source) -> Platform:
    try:
        return PLATFORMS[source.adapter]
    except KeyError:
        raise SourceConfigError(f"source {source.name!r}: adapter {source.adapter!r} is not one of "
                                f"{tuple(PLATFORMS)}") from None


def expand_sources(sources: list[Source]) -> list[Source]:
    """Each source as its platform runs it: a source naming `councils` becomes one source per council."""
    return [each for source in sources for each in platform_of(source).expand(source)]


def crawl_source(source: Source, fetcher: Fetcher, known: Mapping[str, PreviousFetch], on_fetch: OnFetch,
                 note: Note) -> CrawlResult:
    """One source's crawl, by the discovery its platform needs."""
    return platform_of(source).crawl(source, fetcher, known, on_fetch, note)


def parse_page(url: str, body: bytes, content_type: str | None, fetched_at: datetime, source: Source,
               content_sha256: str) -> Document:
    """Bytes of one fetched page to a Document, by the platform claiming its content (a PDF, by its bytes or its
    declared type: the report parser), else the source's platform.

    A page without any readable text (only scripts, an empty body) fails: an empty document would look
    like a success that found nothing.
    """
    claiming = (p for p in PLATFORMS.values() if p.claims_content(content_type, body))
    platform = next(claiming, None) or platform_of(source)
    doc = platform.parse(url, body, content_type, fetched_at, source, content_sha256)
    if not doc.text.strip():
        raise UnparseablePage("no readable text on the page")
    return doc


def default_source(name: str, url: str) -> Source:
    """A source for a page no configured source matches: the platform claiming its URL, else news."""
    platform = next((p for p in PLATFORMS.values() if p.claims_url(url)), PLATFORMS[FALLBACK])
    return platform.default_source(name, url, host_of(url))
