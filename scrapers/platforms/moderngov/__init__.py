"""ModernGov, the committee-papers platform most councils use: discovery of the children's committees'
agenda items that mention Ofsted (discover.py: the mgWebService.asmx XML service, the HTML pages where it
does not answer) and the agenda-item parser (parse.py). A council on ModernGov is one row of
csi/reference/moderngov.csv (ONS code, base URL); a quirk of one council's site goes in `OVERRIDES`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from scrapers.crawl import CrawlResult, crawl
from scrapers.http import Fetcher, PreviousFetch
from scrapers.platform import INHERITED_SETTINGS, BasePlatform, Note, OnFetch, Override
from scrapers.platforms.moderngov.discover import discover_agenda_items, items_source, moderngov_source
from scrapers.platforms.moderngov.parse import PARSER, parse_moderngov
from scrapers.sources import Source

# ONS code -> a function that adjusts that council's source (a slower site, a second base URL, ...).
OVERRIDES: dict[str, Override] = {}
# The pages of a ModernGov site that carry minutes: a page without a configured source is read as minutes.
PAGES = re.compile(r"/(?:mgAi|ieListDocuments|ieIssueDetails|ieDecisionDetails|mgIssueHistoryHome)\.aspx", re.I)


@dataclass(frozen=True)
class ModernGov(BasePlatform):
    def council_source(self, source: Source, name: str, base_url: str, council: str, publisher: str) -> Source:
        return moderngov_source(name, base_url, publisher, council=council, moderngov_base=base_url,
                                **{setting: getattr(source, setting) for setting in INHERITED_SETTINGS})

    def crawl(self, source: Source, fetcher: Fetcher, known: Mapping[str, PreviousFetch], on_fetch: OnFetch,
              note: Note) -> CrawlResult:
        """With a base URL: discover the agenda items, then fetch exactly those; without: the generic crawl."""
        if not source.moderngov_base:
            return crawl(source, fetcher, known=known, on_fetch=on_fetch)
        found = discover_agenda_items(source.moderngov_base, fetcher, source, on_fetch=on_fetch)
        for line in found.notes:
            note(line)
        result = crawl(items_source(source, found.items), fetcher, known=known, on_fetch=on_fetch)
        result.fetches[:0] = found.fetches
        return result


PLATFORM = ModernGov(name="moderngov", parse_page=parse_moderngov, parser=PARSER, doc_type="minutes", urls=PAGES,
                     overrides=OVERRIDES)
