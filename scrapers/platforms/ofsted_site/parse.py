"""Ofsted's reports site: a local authority's provider page as a document listing its reports.

A provider page (``https://reports.ofsted.gov.uk/provider/44/<urn>``) lists the council's reports
newest first as ``a.publication-link`` elements whose ``span.nonvisual`` reads
"Children's services inspection - 19 November 2021, pdf" (the date is the publication date) and
whose href is the PDF (``https://files.ofsted.gov.uk/v1/file/<n>``). Focused visits, monitoring
visits and JTAI letters are listed the same way with other labels. The page carries no grades.

Each link becomes a ``table_row`` block "label | yyyy-mm-dd | report URL", which
`transforms.ofsted_site` reads back into inspections. A page with no publication link at all
records a `profile_miss`: the site changed, or the council has no report yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urljoin, urlsplit

from bs4 import Tag

from csi.dates import parse_date
from csi.records import Block, Document
from scrapers.html import clean_text, decode_html, lean_soup
from scrapers.sources import Source

PARSER = "ofsted_site@1"
DOC_TYPE = "ofsted_provider_page"
PUBLISHER = "Ofsted"
PUBLICATION_LINK = "a.publication-link"
ENTRY_SEPARATOR = " | "
# "Children's services inspection - 19 November 2021, pdf": label, date, file format.
_NONVISUAL = re.compile(r"^(?P<label>.+)\s+[-–]\s+(?P<date>\d{1,2}\s+[a-z]+\s+\d{4})(?:,\s*(?P<format>[a-z]+))?$", re.I)
_PROVIDER_PATH = re.compile(r"/provider/\d+/(\d+)/?$")


class NotAProviderPage(ValueError):
    """The bytes are not an HTML provider page (a PDF report, or another page of the site)."""


@dataclass(frozen=True)
class PublicationLink:
    """One report listed on a provider page."""

    label: str  # "Children's services inspection", "Focused visit", ...
    published_on: date | None
    url: str


def provider_urn(url: str) -> str | None:
    """The provider's URN: the last path segment of ``/provider/<type>/<urn>``."""
    m = _PROVIDER_PATH.search(urlsplit(url).path)
    return m[1] if m else None


def _link_label(a: Tag) -> tuple[str, date | None]:
    """(label, publication date) of a link, from its ``span.nonvisual``, else its text and nearest <time>."""
    hidden = a.select_one("span.nonvisual")
    if hidden is not None:
        m = _NONVISUAL.match(clean_text(hidden.get_text(" ")))
        if m and (when := parse_date(m["date"])):
            return clean_text(m["label"]), when
    label = clean_text(" ".join(t for t in a.find_all(string=True, recursive=False))) or clean_text(a.get_text(" "))
    row = a.find_parent(["li", "tr", "div"])
    time = row.find("time") if row is not None else None
    when = parse_date(time.get("datetime") or time.get_text(" ")) if time is not None else None
    return label, when


def publication_links(body: bytes, base_url: str, content_type: str | None = None) -> list[PublicationLink]:
    """The reports a provider page lists, in page order (newest first), each URL once."""
    soup, _ = lean_soup(decode_html(body, content_type))
    found: dict[str, PublicationLink] = {}
    for a in soup.select(PUBLICATION_LINK):
        href = (a.get("href") or "").strip()
        if not href:
            continue
        url = urljoin(base_url, href)
        label, when = _link_label(a)
        found.setdefault(url, PublicationLink(label, when, url))
    return list(found.values())


def entry_block(link: PublicationLink) -> Block:
    """The block a listed report becomes: "label | yyyy-mm-dd | URL" (the date empty when unreadable)."""
    when = link.published_on.isoformat() if link.published_on else ""
    return Block("table_row", ENTRY_SEPARATOR.join((link.label, when, link.url)))


def parse_provider_page(url: str, body: bytes, content_type: str | None, fetched_at: datetime, source: Source,
                        content_sha256: str) -> Document:
    """A provider page to a Document whose blocks are its listed reports (see `entry_block`)."""
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type not in ("", "text/html", "application/xhtml+xml") or body.lstrip().startswith(b"%PDF"):
        raise NotAProviderPage(f"{url}: {media_type or 'PDF'} is not an HTML provider page")
    soup, _ = lean_soup(decode_html(body, content_type))
    heading = soup.select_one("main h1, h1")
    title = clean_text(heading.get_text(" ")) if heading is not None else None
    links = publication_links(body, url, content_type)
    blocks = [entry_block(link) for link in links]
    dates = [link.published_on for link in links if link.published_on]
    return Document(
        url=url, source=source.name, publisher=source.publisher or PUBLISHER, doc_type=DOC_TYPE, title=title,
        author=None, published_on=max(dates) if dates else None, fetched_at=fetched_at,
        content_sha256=content_sha256, content_type=content_type, parser=PARSER,
        text="\n".join([title or "", *(b.text for b in blocks)]).strip(), blocks=blocks,
        profile_miss=None if links else f"ofsted provider page: no {PUBLICATION_LINK}",
    )
