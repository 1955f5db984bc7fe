"""Ofsted report PDFs: bytes -> normalised text -> Document (doc_type ``ofsted_report``).

Text comes from PDFium (pypdfium2), page by page, then is normalised for the line-based report
parser (:mod:`transforms.ofsted_reports`): PDF bullets (square, round and Wingdings/Symbol
private-use glyphs) become "• ", sub-bullets "- ", the line-end hyphens PDFium marks (U+FFFE) become
"-", soft hyphens at line ends join their word, ligatures are spelt out, non-breaking spaces are
spaces, en/em dashes and minus signs are "-", curly quotes are straight, and running page headers
and footers (page numbers, the report's title repeated on every page) are dropped.

A PDF that cannot be read raises :class:`PdfUnreadable` (a ValueError) with its reason, never an
empty success. The work per PDF is bounded by these limits (module constants):

- ``MAX_BYTES`` (50 MB): larger bodies are refused before PDFium sees them;
- ``MAX_PAGES`` (400): Ofsted's longest reports have about 60 pages; a PDF with more is refused
  before any page is read;
- ``MAX_TEXT_CHARS`` (4 million): extraction stops once the text would exceed it.

PDFium repairs damaged files silently, so the file's own structure is checked first: a body must
start with a ``%PDF-`` header, end with ``%%EOF`` (a truncated download does not), and its last
``startxref`` must point at a cross-reference table or stream.
PDFium is not thread-safe, so one lock serialises its use within a process.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from datetime import date, datetime

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from csi import frameworks
from csi.dates import parse_date
from csi.records import Block, Document
from scrapers.sources import Source

PARSER = "ofsted_pdf@1"
MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 400
MAX_TEXT_CHARS = 4_000_000
_PDFIUM_LOCK = threading.Lock()


class PdfUnreadable(ValueError):
    """The PDF cannot be read as text; the message says why (truncated, encrypted, no text layer...)."""


_LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: "not a readable file",
    pdfium_c.FPDF_ERR_FORMAT: "not a PDF or corrupted",
    pdfium_c.FPDF_ERR_PASSWORD: "encrypted: a password is required",
    pdfium_c.FPDF_ERR_SECURITY: "encrypted with an unsupported security handler",
}
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s*%%EOF\s*$")
_XREF_AT = re.compile(rb"\s*(?:xref\b|\d+\s+\d+\s+obj\b)")


def is_pdf(body: bytes) -> bool:
    """A PDF by its content (the %PDF- magic within the first KB, as readers accept), whatever its URL or header."""
    return b"%PDF-" in body[:1024]


def check_structure(body: bytes) -> None:
    """Refuse bodies that are too large, not PDFs, truncated or whose cross-reference offset is broken."""
    if len(body) > MAX_BYTES:
        raise PdfUnreadable(f"too large: {len(body)} bytes (limit {MAX_BYTES})")
    if not is_pdf(body):
        raise PdfUnreadable("not a PDF: no %PDF- header")
    tail = body[-1024:]
    if b"%%EOF" not in tail:
        raise PdfUnreadable("truncated: no %%EOF marker at the end of the file")
    found = _STARTXREF.search(tail)
    if found is None:
        raise PdfUnreadable("broken cross-reference table: no startxref before the final %%EOF")
    offset = int(found[1])
    if offset >= len(body) or not _XREF_AT.match(body, offset):
        raise PdfUnreadable(f"broken cross-reference table: startxref {offset} points at no xref")


def _load_error(exc: pdfium.PdfiumError, body: bytes) -> str:
    """Why PDFium refused a document. Its error code is process-wide and not reset by every failure (a PDF with
    an empty page tree fails with the previous document's code), so "encrypted" needs an /Encrypt entry too."""
    code = getattr(exc, "err_code", None)
    encrypted = code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY) and b"/Encrypt" in body
    if encrypted or code in (pdfium_c.FPDF_ERR_FILE, pdfium_c.FPDF_ERR_FORMAT):
        return _LOAD_ERRORS[code]
    return "zero pages or a damaged page tree: PDFium found no document to load"


def page_texts(body: bytes, max_pages: int = MAX_PAGES) -> list[str]:
    """The raw text of each page, as PDFium reads it; PdfUnreadable for any PDF that cannot be read as text."""
    check_structure(body)
    with _PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(body)
        except pdfium.PdfiumError as exc:
            raise PdfUnreadable(_load_error(exc, body)) from exc
        try:
            count = len(pdf)
            if count == 0:
                raise PdfUnreadable("zero pages")
            if count > max_pages:
                raise PdfUnreadable(f"too many pages: {count} (limit {max_pages})")
            texts: list[str] = []
            total = 0
            for i in range(count):
                page = pdf[i]
                try:
                    textpage = page.get_textpage()
                    texts.append(textpage.get_text_range())
                    textpage.close()
                finally:
                    page.close()
                total += len(texts[-1])
                if total > MAX_TEXT_CHARS:
                    raise PdfUnreadable(f"too much text: over {MAX_TEXT_CHARS} characters")
        except pdfium.PdfiumError as exc:
            raise PdfUnreadable(f"unreadable page: {exc}") from exc
        finally:
            pdf.close()
    if not any(t.strip() for t in texts):
        raise PdfUnreadable(f"no text layer: {count} page(s) without text (scanned images?)")
    return texts


def pdf_text(body: bytes, max_pages: int = MAX_PAGES) -> str:
    """The normalised text of a PDF (see the module docstring)."""
    text = normalise_pages(page_texts(body, max_pages))
    if not text:
        raise PdfUnreadable("no text beyond running headers and page numbers")
    return text


_CHARS = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
    "\ufb06": "st", "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
    "\u2003": " ", "\ufffe": "-", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2026": "...", "\x00": "", "\u200b": "", "\ufeff": "",
    "\x02": "-",
}
_SPECIAL = re.compile("[" + "".join(_CHARS) + "]")  # a regex finds the few special characters faster than translate
_BULLET = re.compile(r"^[ \t]*[\u2022\u25aa\u25ab\u25fc\u25fe\u25a0\u25cf\u25e6\u2023\u25b8\u25ba\u27a2\u2043"
                     r"\uf0b7\uf06e\uf0a7\uf0d8\uf0fc\uf076\uf0a8\uf06c]+[ \t]*", re.M)
_SUB_BULLET = re.compile(r"^[ \t]*[\uf02d\uf0be\u2500\-][ \t]+(?=\S)", re.M)
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_SOFT_HYPHEN_BREAK = re.compile(r"(\w)\u00ad[ \t]*\n[ \t]*(?=\w)")
_HYPHEN_BREAK = re.compile(r"([A-Za-z])-[ \t]*\n[ \t]*(?=[a-z])")
_SPACES = re.compile(r"[ \t]{2,}")
_NUMBER = re.compile(r"\d+")
_EDGE_LINES = 3  # running headers and footers sit in the first or last lines of a page


def _edge_key(line: str) -> str:
    return _NUMBER.sub("#", line.strip())


def normalise_pages(pages: list[str]) -> str:
    """Normalised text of the pages, without running headers and footers, pages joined by newlines."""
    cleaned = [_normalise_page(p) for p in pages]
    page_lines = [p.split("\n") for p in cleaned]
    # A line is a running header or footer when it recurs (digits aside) at a page edge on most pages.
    seen: Counter[str] = Counter()
    for lines in page_lines[1:]:
        seen.update({_edge_key(line) for line in lines[:_EDGE_LINES] + lines[-_EDGE_LINES:] if line.strip()})
    threshold = max(2, (len(page_lines) - 1) // 2)
    running = {key for key, n in seen.items() if n >= threshold} | {"#"}
    out: list[str] = []
    for lines in page_lines:
        edge = set(range(min(_EDGE_LINES, len(lines)))) | set(range(max(0, len(lines) - _EDGE_LINES), len(lines)))
        out.extend(line for i, line in enumerate(lines)
                   if line.strip() and not (i in edge and _edge_key(line) in running))
    return "\n".join(out)


def _normalise_page(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SOFT_HYPHEN_BREAK.sub(r"\1", text).replace("\u00ad", "")
    text = _SPECIAL.sub(lambda m: _CHARS[m[0]], text)
    text = _BULLET.sub("• ", text)
    text = _SUB_BULLET.sub("- ", text)
    text = _PRIVATE_USE.sub("", text)
    text = _HYPHEN_BREAK.sub(r"\1-", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


# Metadata the adapter reads itself: the report's title lines and the publication date it states.
_PUBLISHED = re.compile(r"^Report published:?\s*(.+)$", re.M | re.I)
# Combined SIF reports: the local authority's sections were published earlier than the whole.
_ORIGINALLY_PUBLISHED = re.compile(r"originally\s+published\s+on\s+(\d{1,2}\s+\w+\s+\d{4})", re.I)
_TITLE_END = re.compile(r"^Inspection dates?\b|^Dates? of (?:visit|inspection)", re.I | re.M)
# A title of an Ofsted report or letter (csi/frameworks.py) within the first lines of its first page; a
# council's own PDF that merely mentions an inspection keeps its source's doc_type (it must not count as
# Ofsted's own record).
_TITLE_CHARS = 600
_TERMINAL = (".", ":", "?", "!", ";")


def published_on(text: str) -> date | None:
    """The publication date the report states ("Report published: 7 July 2014"), if it states one."""
    stated = _PUBLISHED.search(text) or _ORIGINALLY_PUBLISHED.search(text)
    return parse_date(stated[1]) if stated else None


def title_of(text: str) -> str | None:
    """The report's title: the lines before its inspection dates (council and kind of report), at most 400 chars."""
    end = _TITLE_END.search(text, 0, 2000)
    head = text[:end.start()] if end else "\n".join(text.split("\n")[:3])
    title = " ".join(line for line in head.split("\n") if not line.isdigit()).strip()
    return title[:400] or None


def blocks_of_text(text: str) -> list[Block]:
    """Paragraphs and list items: a line ending a sentence ends its block; a bullet starts an item."""
    blocks: list[Block] = []
    lines: list[str] = []

    def flush(kind: str) -> None:
        if lines:
            list_id = None
            if kind == "list_item":  # items next to each other share a list
                list_id = blocks[-1].list_id if blocks and blocks[-1].kind == "list_item" else len(blocks) + 1
            blocks.append(Block(kind, " ".join(lines), list_id=list_id))
            lines.clear()

    kind = "paragraph"
    for line in text.split("\n"):
        if line.startswith(("• ", "- ")):
            flush(kind)
            kind, line = "list_item", line[2:]
        elif not lines:
            kind = "paragraph"
        lines.append(line)
        if line.endswith(_TERMINAL):
            flush(kind)
    flush(kind)
    return blocks


def parse_ofsted_pdf(url: str, body: bytes, content_type: str | None, fetched_at: datetime, source: Source,
                     content_sha256: str) -> Document:
    """A PDF report as a Document; doc_type ``ofsted_report`` when its first page reads like an inspection report."""
    text = pdf_text(body)
    is_report = frameworks.first_match(frameworks.REPORT_TITLES, text[:_TITLE_CHARS]) is not None
    return Document(
        url=url, source=source.name, publisher=source.publisher,
        doc_type="ofsted_report" if is_report else source.doc_type, title=title_of(text), author=None,
        published_on=published_on(text), fetched_at=fetched_at, content_sha256=content_sha256,
        content_type=content_type, parser=PARSER, text=text, blocks=blocks_of_text(text),
    )
