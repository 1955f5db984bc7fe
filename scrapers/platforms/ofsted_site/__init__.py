"""Ofsted's reports site: the search listing -> every council's provider page -> its report PDFs
(discover.py), provider pages parsed into the inspections they list (parse.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from scrapers.crawl import CrawlResult
from scrapers.http import Fetcher, PreviousFetch
from scrapers.platform import BasePlatform, Note, OnFetch
from scrapers.platforms.ofsted_site.discover import crawl_ofsted
from scrapers.platforms.ofsted_site.parse import PARSER, parse_provider_page
from scrapers.sources import Source


@dataclass(frozen=True)
class OfstedSite(BasePlatform):
    def crawl(self, source: Source, fetcher: Fetcher, known: Mapping[str, PreviousFetch], on_fetch: OnFetch,
              note: Note) -> CrawlResult:
        return crawl_ofsted(source, fetcher, known=known, on_fetch=on_fetch)


PLATFORM = OfstedSite(name="ofsted", parse_page=parse_provider_page, parser=PARSER, doc_type="ofsted_provider_page")
