"""Crawl one source: start URLs -> listing pages -> document pages, each fetched once.

Incremental: listing pages and feeds are always re-read; a document page fetched successfully
within the source's refresh interval is not fetched again, one past it is fetched
conditionally (If-None-Match / If-Modified-Since), and one whose bytes did not change is not
parsed again.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from csi.records import FetchRow
from scrapers.http import Fetcher, FetchResult, PreviousFetch
from scrapers.links import page_links
from scrapers.sources import Source
from scrapers.urls import canonicalize

# Fetch outcomes that are the site's answer, not a failure to get one (robots.txt said no counts as an answer).
NOT_FETCH_FAILURES = ("ok", "not_modified", "parse_error", "robots_disallowed")


@dataclass
class CrawlResult:
    source: str
    documents: list[FetchResult] = field(default_factory=list)  # new or changed: to parse
    unchanged: list[str] = field(default_factory=list)  # refetched (200 or 304), same bytes
    fresh: list[str] = field(default_factory=list)  # fetched within the refresh interval: skipped
    fetches: list[FetchRow] = field(default_factory=list)
    error: str | None = None  # the crawl itself broke or stopped (not one fetch): the run fails naming it
    skipped_hosts: dict[str, str] = field(default_factory=dict)  # host -> why the fetcher skipped it this run

    @property
    def failures(self) -> list[FetchRow]:
        return [f for f in self.fetches if f.outcome not in ("ok", "not_modified")]

    @classmethod
    def salvaged(cls, source: str, fetches: list[FetchRow], error: str) -> CrawlResult:
        """What a crawl that broke or stopped midway leaves: every fetch it made, its fetched document pages to
        parse (they are archived), and why it ended. Nothing fetched is orphaned."""
        documents = [FetchResult(row, None) for row in fetches if row.is_document and row.outcome == "ok"]
        return cls(source, documents=documents, fetches=list(fetches), error=error)

    @property
    def documents_seen(self) -> int:
        """Document pages the source still lists, whether or not they had to be parsed again."""
        return len(self.documents) + len(self.unchanged) + len(self.fresh)


def crawl(source: Source, fetcher: Fetcher, on_fetch: Callable[[FetchRow], None] | None = None,
          known: Mapping[str, PreviousFetch] | None = None, now: datetime | None = None) -> CrawlResult:
    """Breadth-first from the start URLs; pages matching `documents` are kept, `follow` pages expanded.

    `known` maps URLs to their last good fetch. At most `source.max_pages` fetches; every
    attempt, failed or not, is in `fetches`.
    """
    known = known or {}
    due_before = (now or datetime.now(UTC).replace(tzinfo=None)) - timedelta(days=source.refresh_days)
    result = CrawlResult(source.name)
    starts = [u for u in (canonicalize(s) for s in source.start_urls) if u]
    queue: deque[str] = deque(starts)
    seen: set[str] = set(starts)
    while queue and len(result.fetches) < source.max_pages:
        url = queue.popleft()
        is_document = source.is_document(url)
        previous = known.get(url)
        if is_document and previous and previous.fetched_at and previous.fetched_at > due_before:
            result.fresh.append(url)
            continue
        # Listing pages and feeds are read in full every time: their links are what the crawl needs.
        fetched = fetcher.fetch(url, source, previous if is_document else None)
        links: list[str] = []
        if is_document:
            fetched = dataclasses.replace(fetched, row=dataclasses.replace(fetched.row, is_document=True))
        elif fetched.ok and fetched.body is not None:
            try:
                links = page_links(fetched.body, fetched.row.content_type, fetched.row.final_url or url)
            except Exception as exc:  # noqa: BLE001 - recorded against the listing page; the crawl goes on
                error = f"links not read: {type(exc).__name__}: {exc}"[:500]
                fetched = dataclasses.replace(fetched, row=dataclasses.replace(fetched.row, outcome="parse_error",
                                                                               error=error))
        result.fetches.append(fetched.row)
        if on_fetch:
            on_fetch(fetched.row)
        if is_document:
            if fetched.ok and fetched.changed:
                result.documents.append(fetched)
            elif fetched.row.outcome in ("ok", "not_modified"):
                result.unchanged.append(url)
            continue
        for link in links:
            if link not in seen and (source.is_document(link) or source.is_listing(link)):
                seen.add(link)
                queue.append(link)
    return result


class EveryFetchFailed(Exception):
    """A crawl in which every fetch failed: its task fails, so Prefect retries it, and it carries what the crawl
    recorded (each failed fetch is loaded whatever happens next)."""

    def __init__(self, host: str, results: list[CrawlResult]) -> None:
        super().__init__(host, results)
        self.host = host
        self.results = results

    def __repr__(self) -> str:  # Prefect logs the repr: not every fetch row of the crawl
        return f"EveryFetchFailed({str(self)!r})"

    def __str__(self) -> str:
        fetches = [row for result in self.results for row in result.fetches]
        outcomes = sorted({row.outcome for row in fetches})
        return f"every fetch on {self.host} failed ({len(fetches)} fetch(es): {', '.join(outcomes)})"


def every_fetch_failed(results: list[CrawlResult]) -> bool:
    """True when the crawls made fetches and none got an answer from the site."""
    fetches = [row for result in results for row in result.fetches]
    return bool(fetches) and all(row.outcome not in NOT_FETCH_FAILURES for row in fetches)
