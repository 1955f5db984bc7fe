"""Crawl one source: start URLs -> listing pages -> document pages, each fetched once."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from csi.records import FetchRow
from scrapers.discover import page_links
from scrapers.http import Fetcher, FetchResult
from scrapers.sources import Source
from scrapers.urls import canonicalize


@dataclass
class CrawlResult:
    source: str
    documents: list[FetchResult] = field(default_factory=list)
    fetches: list[FetchRow] = field(default_factory=list)

    @property
    def failures(self) -> list[FetchRow]:
        return [f for f in self.fetches if f.outcome != "ok"]


def crawl(source: Source, fetcher: Fetcher, on_fetch: Callable[[FetchRow], None] | None = None) -> CrawlResult:
    """Breadth-first from the start URLs; pages matching `documents` are kept, `follow` pages expanded.

    At most `source.max_pages` fetches; every attempt, failed or not, is in `fetches`.
    """
    result = CrawlResult(source.name)
    starts = [u for u in (canonicalize(s) for s in source.start_urls) if u]
    queue: deque[str] = deque(starts)
    seen: set[str] = set(starts)
    while queue and len(result.fetches) < source.max_pages:
        url = queue.popleft()
        fetched = fetcher.fetch(url, source)
        result.fetches.append(fetched.row)
        if on_fetch:
            on_fetch(fetched.row)
        if not fetched.ok or fetched.body is None:
            continue
        if source.is_document(url):
            result.documents.append(fetched)
            continue
        if url in starts or source.is_listing(url):
            for link in page_links(fetched.body, fetched.row.content_type, fetched.row.final_url or url):
                if link not in seen and (source.is_document(link) or source.is_listing(link)):
                    seen.add(link)
                    queue.append(link)
    return result
