"""A news Document built from blocks of text written in a test, for the claim tests to read through extract()."""

from __future__ import annotations

from datetime import date, datetime

from csi.records import Block, Document
from transforms.extract import extract


def news_doc(blocks: list[Block], published: date | None, title: str = "Children's services inspection",
             url: str | None = None) -> Document:
    text = "\n\n".join(b.text for b in blocks)
    return Document(url=url or f"https://news.example.org/{abs(hash(text))}", source="test", publisher="Test",
                    doc_type="news", title=title, author=None, published_on=published,
                    fetched_at=datetime(2026, 1, 1), content_sha256="0" * 64, content_type="text/html", parser="test",
                    text=text, blocks=blocks)


def rating_rows(blocks: list[Block | str], published: date | None, title: str = "Children's services inspection",
                url: str | None = None) -> set[tuple]:
    """(council, judgement, grade, year, historical) of every rating the blocks (a str is a paragraph) yield, on a
    page at `url` (else a news site's)."""
    doc = news_doc([b if isinstance(b, Block) else Block("paragraph", b) for b in blocks], published, title, url)
    return {(r.council_code, r.judgement, r.grade, r.rated_year, r.is_historical) for r in extract(doc).ratings}
