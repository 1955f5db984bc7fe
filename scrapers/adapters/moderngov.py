"""ModernGov committee pages (mgAi.aspx agenda items and the like): minutes as documents.

ModernGov is one platform behind most councils' committee sites, so one adapter serves them
all; the council comes from the source's configuration, not from code.
"""

from __future__ import annotations

from datetime import datetime

from csi.dates import parse_date
from csi.records import Document
from scrapers.adapters.html import BOILERPLATE, blocks_of, clean_text, decode_html, lean_soup, remove_all
from scrapers.sources import Source

PARSER = "moderngov@1"
_CHROME = ("#mgBreadCrumbs", ".mgBreadCrumbs", ".mgLinks", "#mgSearch", ".mgSearch", ".mgPrintLink",
           "[class*=mgFooter]")


class ModernGovLayoutError(ValueError):
    """The page has no ModernGov content area: the site changed or this is not ModernGov."""


def parse_moderngov(url: str, body: bytes, content_type: str | None, fetched_at: datetime, source: Source,
                    content_sha256: str) -> Document:
    soup, _ = lean_soup(decode_html(body, content_type))
    content = soup.select_one("#modgov .mgContent") or soup.select_one(".mgContent") or soup.select_one("#modgov")
    if content is None:
        raise ModernGovLayoutError(f"no #modgov/.mgContent element in {url}")
    subtitles = [clean_text(el.get_text(" ")) for el in soup.select("h2.mgSubTitleTxt")]
    meeting = next((t for t in subtitles if t.lower().startswith("meeting")), "")
    main_title = soup.select_one("h1.mgMainTitleTxt")
    titles = [t for t in subtitles if t != meeting] + ([clean_text(main_title.get_text(" "))] if main_title else [])
    title = titles[0] if titles else (clean_text(soup.title.get_text(" ")) if soup.title else None)
    published_on = parse_date(meeting) or parse_date(" ".join(subtitles)) or parse_date(content.get_text(" ")[:2000])
    remove_all(content, BOILERPLATE + _CHROME)
    for heading in content.select("h1.mgMainTitleTxt, h2.mgSubTitleTxt"):
        heading.decompose()
    blocks = blocks_of(content)
    return Document(
        url=url, source=source.name, publisher=source.publisher, doc_type=source.doc_type, title=title,
        author=None, published_on=published_on, fetched_at=fetched_at, content_sha256=content_sha256,
        content_type=content_type, parser=PARSER, text="\n\n".join(b.text for b in blocks), blocks=blocks,
    )
