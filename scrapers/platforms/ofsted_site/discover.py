"""Ofsted discovery: the search listing of local-authority children's services -> each council's provider
page -> the report PDFs it lists.

1. The search listing (`search_url`: children's social care, local authority children's services),
   100 results a page, next page at ``ul.pagination li.next a[href]``; each result links to a provider
   page ``/provider/<type>/<urn>``.
2. The provider pages of the councils in the reference data (``ofsted_urn`` in csi/reference/councils.csv)
   are added, so a listing that fails or misses a council still leaves every council's page.
3. Every provider page is read in full on every run (like a listing page: it is where new reports
   appear); it is also a document (``scrapers.platforms.ofsted_site.parse``), parsed again only when its bytes
   change. Its ``a.publication-link`` hrefs are the report PDFs, crawled incrementally by `crawl()`.

Pure functions parse; `discover_reports` and `crawl_ofsted` do the I/O through the `Fetcher` (robots.txt,
per-host delay, retries, the WARC archive).
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from csi.records import FetchRow
from csi.reference import provider_urn, read_rows
from scrapers.crawl import CrawlResult, crawl
from scrapers.http import Fetcher, FetchResult, PreviousFetch
from scrapers.platforms.ofsted_site.parse import publication_links
from scrapers.sources import Source
from scrapers.urls import canonicalize

log = logging.getLogger(__name__)

SITE = "https://reports.ofsted.gov.uk"
# level_1_types=3: children's social care; level_2_types[]=12: local authority children's services.
SEARCH_QUERY = "q=&location=&lat=&lon=&radius=&level_1_types=3&level_2_types%5B%5D=12"
ROWS = 100  # the site's maximum page size
LOCAL_AUTHORITY_PROVIDER_TYPE = 44
_NEXT_LINK = "//ul[contains(concat(' ', normalize-space(@class), ' '), ' pagination ')]" \
             "/li[contains(concat(' ', normalize-space(@class), ' '), ' next ')]/a/@href"


def search_url(site: str = SITE, start: int = 0, rows: int = ROWS) -> str:
    return f"{site}/search?{SEARCH_QUERY}&start={start}&rows={rows}"


def provider_url(urn: str, site: str = SITE) -> str:
    return f"{site}/provider/{LOCAL_AUTHORITY_PROVIDER_TYPE}/{urn}"


def site_of(url: str) -> str:
    """``https://reports.ofsted.gov.uk/search?...`` -> ``https://reports.ofsted.gov.uk``."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True)
class SearchPage:
    provider_urls: list[str]
    next_url: str | None


def parse_search_page(body: bytes, base_url: str) -> SearchPage:
    """The provider pages a search-results page links to (in order, once each) and its next page, if any."""
    try:
        tree = lxml_html.fromstring(body)
    except (etree.ParserError, ValueError):
        return SearchPage([], None)
    found: dict[str, None] = {}
    for href in tree.xpath("//a/@href"):
        url = canonicalize(href, base_url)
        if url and provider_urn(url):
            found.setdefault(url, None)
    next_href = tree.xpath(_NEXT_LINK)
    return SearchPage(list(found), canonicalize(next_href[0], base_url) if next_href else None)


def reference_urns() -> list[str]:
    """Ofsted URNs of the councils in the reference data, current and former."""
    return [row["ofsted_urn"] for row in read_rows("councils.csv") if row["ofsted_urn"]]


@dataclass
class OfstedDiscovery:
    """Provider pages fetched (ok ones, with their bytes), the report URLs they list, and every fetch."""

    provider_pages: list[FetchResult] = field(default_factory=list)
    report_urls: list[str] = field(default_factory=list)
    fetches: list[FetchRow] = field(default_factory=list)
    truncated: bool = False
    notes: list[str] = field(default_factory=list)


def discover_reports(source: Source, fetcher: Fetcher, urns: Iterable[str] | None = None,
             known: Mapping[str, PreviousFetch] | None = None,
             on_fetch: Callable[[FetchRow], None] | None = None) -> OfstedDiscovery:
    """Walk the listing from the source's start URLs through its next links, then fetch every provider page
    it links to plus those of `urns` (default: the reference councils'), collecting the reports they list.

    At most `source.max_pages` fetches. `known` (last good fetch per URL) only tells whether a provider
    page's bytes changed; the page is always fetched in full.
    """
    known = known or {}
    found = OfstedDiscovery()

    def get(url: str, previous: PreviousFetch | None = None, is_document: bool = False) -> FetchResult | None:
        if len(found.fetches) >= source.max_pages:
            if not found.truncated:
                found.truncated = True
                found.notes.append(f"request budget of {source.max_pages} reached before {url}")
            return None
        result = fetcher.fetch(url, source, previous)
        if is_document:
            result = dataclasses.replace(result, row=dataclasses.replace(result.row, is_document=True))
        found.fetches.append(result.row)
        if on_fetch:
            on_fetch(result.row)
        if not result.ok:
            found.notes.append(f"{url}: {result.row.outcome} {result.row.error or ''}".strip())
        return result

    providers: dict[str, None] = {}
    pending = [u for u in (canonicalize(s) for s in source.start_urls) if u]
    visited: set[str] = set()
    while pending:
        url = pending.pop(0)
        visited.add(url)
        result = get(url)
        if result is None:
            break
        if not result.ok or result.body is None:
            continue
        try:
            page = parse_search_page(result.body, result.row.final_url or url)
        except Exception as exc:  # noqa: BLE001 - a broken listing page is noted; the reference URNs still count
            found.notes.append(f"{url}: listing page unreadable: {type(exc).__name__}: {exc}"[:300])
            continue
        providers.update(dict.fromkeys(page.provider_urls))
        if page.next_url and page.next_url not in visited:
            pending.append(page.next_url)
    if not providers:
        found.notes.append("the search listing linked to no provider page")
    sites = {site_of(u) for u in source.start_urls} or {SITE}
    site = sorted(sites)[0]
    providers.update(dict.fromkeys(provider_url(urn, site) for urn in (reference_urns() if urns is None else urns)))

    reports: dict[str, None] = {}
    for url in providers:
        previous = known.get(url)
        unconditional = PreviousFetch(None, None, previous.content_sha256, previous.fetched_at) if previous else None
        result = get(url, unconditional, is_document=True)
        if result is None:
            break
        if result.ok and result.body is not None:
            found.provider_pages.append(result)  # parsed later: a page that cannot be read is its parse_error
            base = result.row.final_url or url
            try:
                links = publication_links(result.body, base, result.row.content_type)
            except Exception as exc:  # noqa: BLE001 - one unreadable provider page never stops the others
                found.notes.append(f"{url}: no report links read: {type(exc).__name__}: {exc}"[:300])
                continue
            reports.update(dict.fromkeys(link.url for link in links))
    found.report_urls = list(reports)
    return found


def reports_source(source: Source, report_urls: list[str], budget: int) -> Source:
    """The source with the report URLs as its start URLs and documents: `crawl()` then fetches exactly those,
    skipping the ones fetched within the refresh interval."""
    exact = re.compile("^(?:" + "|".join(re.escape(u) for u in report_urls) + ")$") if report_urls else None
    return dataclasses.replace(source, start_urls=tuple(report_urls), follow=(),
                               documents=(*source.documents, *([exact] if exact else [])), max_pages=budget)


def crawl_ofsted(source: Source, fetcher: Fetcher, known: Mapping[str, PreviousFetch] | None = None,
                 on_fetch: Callable[[FetchRow], None] | None = None, now: datetime | None = None,
                 urns: Iterable[str] | None = None) -> CrawlResult:
    """Listing -> provider pages -> report PDFs for one Ofsted source, as one CrawlResult: the provider pages
    whose bytes changed and the new or changed reports are its documents; every fetch is in `fetches`."""
    known = known or {}
    found = discover_reports(source, fetcher, urns, known, on_fetch)
    for note in found.notes:
        log.info("%s: %s", source.name, note)
    budget = max(source.max_pages - len(found.fetches), 0)
    result = crawl(reports_source(source, found.report_urls, budget), fetcher, on_fetch=on_fetch, known=known,
                   now=now)
    result.fetches[:0] = found.fetches
    result.documents[:0] = [r for r in found.provider_pages if r.changed]
    result.unchanged[:0] = [r.row.url for r in found.provider_pages if not r.changed]
    return result
