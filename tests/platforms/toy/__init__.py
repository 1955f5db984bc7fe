"""A toy platform, for tests/platforms/toy/test_toy.py: a council "noticeboard" (a listing of notices,
one page per notice). Everything csi knows about it is in this folder; registering `PLATFORM` is the one
line a real platform would add to scrapers/platforms/__init__.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from lxml import html

from csi.records import Block, Document
from scrapers.platform import BasePlatform, Override
from scrapers.sources import Source

PARSER = "toy@1"


def parse_notice(url: str, body: bytes, content_type: str | None, fetched_at: datetime, source: Source,
                 content_sha256: str) -> Document:
    """A notice: its <h1>, the date of its <time>, and its paragraphs."""
    tree = html.fromstring(body)
    paragraphs = [" ".join(p.text_content().split()) for p in tree.iter("p")]
    stamp = tree.find(".//time")
    return Document(
        url=url, source=source.name, publisher=source.publisher, doc_type=source.doc_type,
        title=tree.findtext(".//h1"), author=None,
        published_on=date.fromisoformat(stamp.get("datetime")) if stamp is not None else None,
        fetched_at=fetched_at, content_sha256=content_sha256, content_type=content_type, parser=PARSER,
        text="\n\n".join(paragraphs), blocks=[Block(kind="paragraph", text=p) for p in paragraphs if p])


@dataclass(frozen=True)
class Noticeboard(BasePlatform):
    council_bases: dict[str, str] = field(default_factory=dict)  # a real platform: csi/reference/toy.csv

    def sites(self) -> dict[str, str]:
        return self.council_bases

    def council_source(self, source: Source, name: str, base_url: str, council: str, publisher: str) -> Source:
        base = re.escape(base_url)
        return Source(name=name, adapter=self.name, publisher=publisher, doc_type=source.doc_type, council=council,
                      start_urls=(f"{base_url}/notices/",), documents=(re.compile(f"^{base}/notices/\\d+$"),),
                      min_delay_seconds=source.min_delay_seconds,
                      allow_private_addresses=source.allow_private_addresses)


def noticeboard(council_bases: dict[str, str], overrides: dict[str, Override]) -> Noticeboard:
    return Noticeboard(name="toy", parse_page=parse_notice, parser=PARSER, council_bases=council_bases,
                       overrides=overrides)
