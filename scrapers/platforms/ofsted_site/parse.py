"""Ofsted's reports site: a local authority's provider page as a document listing its reports.

A provider page (``https://reports.ofsted.gov.uk/provider/44/<urn>``) lists the council's reports
newest first as ``a.publication-link`` elements whose ``span.nonvisual`` reads "<label>, pdf - <date>"
("children's services focused visit, pdf - 01 August 2024", "Full inspection, PDF - 08 September
2026"; an older form put the format last: "Children's services inspection - 19 November 2021, pdf");
the date is the publication date and the href is the PDF (``https://files.ofsted.gov.uk/v1/file/<n>``).
Focused visits, monitoring visits, JTAI letters and Area SEND reports are listed the same way with
other labels. The page carries no grades. Labels keep neither the file format nor the date.

Each link becomes a ``table_row`` block "label | yyyy-mm-dd | report URL", which
`transforms.ofsted_site` reads back into inspections. A page with no publication link at all
records a `profile_miss`: the site changed, or the council has no report yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urljoin

from bs4 import Tag

from csi.dates import parse_date
from csi.records import CELL_SEPARATOR, Block, Document
from scrapers.html import clean_text, decode_html, lean_soup
from scrapers.sources import Source

PARSER = "ofsted_site@1"
DOC_TYPE = "ofsted_provider_page"
PUBLISHER = "Ofsted"
PUBLICATION_LINK = "a.publication-link"
_DATE = r"(?P<date>\d{1,2}\s+[a-z]+\s+\d{4})"
_FORMAT = r"(?:pdf|docx?|odt|html?|xlsx?|ods)"
# "<label>, pdf - <date>" (the site today), else "<label> - <date>, pdf" (an older form).
_NONVISUAL = [re.compile(rf"^(?P<label>.+?),\s*{_FORMAT}\s*[-–]\s*{_DATE}$", re.I),
              re.compile(rf"^(?P<label>.+)\s+[-–]\s+{_DATE}(?:,\s*{_FORMAT})?$", re.I)]
_LABEL_FORMAT = re.compile(rf"(?:,\s*|\s+[-–]\s+|\s*\(){_FORMAT}\)?\s*$", re.I)  # a label's trailing ", pdf"


class NotAProviderPage(ValueError):
    """The bytes are not an HTML provider page (a PDF report, or another page of the site)."""


@dataclass(frozen=True)
class PublicationLink:
    """One report listed on a provider page."""

    label: str  # "Children's services inspection", "Focused visit", ...
    published_on: date | None
    url: str


def _link_label(a: Tag) -> tuple[str, date | None]:
    """(label, publication date) of a link, from its ``span.nonvisual``, else its text and nearest <time>."""
    hidden = a.select_one("span.nonvisual")
    if hidden is not None:
        text = clean_text(hidden.get_text(" "))
        for form in _NONVISUAL:
            if (m := form.match(text)) and (when := parse_date(m["date"])):
                return _clean_label(m["label"]), when
    label = clean_text(" ".join(t for t in a.find_all(string=True, recursive=False))) or clean_text(a.get_text(" "))
    row = a.find_parent(["li", "tr", "div"])
    time = row.find("time") if row is not None else None
    when = parse_date(time.get("datetime") or time.get_text(" ")) if time is not None else None
    return _clean_label(label), when


def _clean_label(label: str) -> str:
    """The label without a file format left at its end ("Focused visit, pdf" -> "Focused visit")."""
    return clean_text(_LABEL_FORMAT.sub("", clean_text(label)))


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
    return Block("table_row", CELL_SEPARATOR.join((link.label, when, link.url)))


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
