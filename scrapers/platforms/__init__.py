"""One adapter per platform; a source names its adapter in sources.toml."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from csi.records import Document
from scrapers.html import UnparseablePage
from scrapers.platforms.moderngov.parse import parse_moderngov
from scrapers.platforms.news.parse import parse_article
from scrapers.platforms.ofsted_pdf.parse import parse_ofsted_pdf
from scrapers.platforms.ofsted_site.parse import parse_provider_page
from scrapers.sources import Source

Parser = Callable[[str, bytes, "str | None", datetime, Source, str], Document]
PARSERS: dict[str, Parser] = {"news": parse_article, "moderngov": parse_moderngov, "ofsted": parse_provider_page,
                              "ofsted_pdf": parse_ofsted_pdf}


def parse_page(url: str, body: bytes, content_type: str | None, fetched_at: datetime, source: Source,
               content_sha256: str) -> Document:
    """Bytes of one fetched page to a Document, with the source's adapter (any source's PDFs: the PDF adapter).

    A page without any readable text (only scripts, an empty body) fails: an empty document would look
    like a success that found nothing.
    """
    adapter = "ofsted_pdf" if is_pdf(content_type) else source.adapter
    doc = PARSERS[adapter](url, body, content_type, fetched_at, source, content_sha256)
    if not doc.text.strip():
        raise UnparseablePage("no readable text on the page")
    return doc


def is_pdf(content_type: str | None) -> bool:
    return (content_type or "").split(";")[0].strip().lower() == "application/pdf"
