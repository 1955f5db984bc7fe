"""News articles from any publisher: a site profile's selectors where given, generic rules otherwise."""

from __future__ import annotations

import re
from datetime import date, datetime

from bs4 import BeautifulSoup, Tag

from csi.dates import date_from_url, parse_date
from csi.records import Document
from scrapers.adapters.html import (
    BOILERPLATE,
    blocks_of,
    clean_text,
    decode_html,
    densest_container,
    lean_soup,
    meta_content,
    remove_all,
)
from scrapers.sources import Profile, Source

PARSER = "news@1"
_BYLINE = re.compile(r"^\s*By\s+([A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){0,3})")
_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle"}


def parse_article(url: str, body: bytes, content_type: str | None, fetched_at: datetime, source: Source,
                  content_sha256: str) -> Document:
    soup, ld = lean_soup(decode_html(body, content_type))
    profile = source.profile or Profile(name="generic")
    article_ld = next((o for o in ld if _types(o) & _ARTICLE_TYPES), {})

    title = _title(soup, profile, article_ld)
    published_on = _published_on(soup, profile, article_ld, url)
    author = _author(soup, profile, article_ld)

    remove_all(soup, BOILERPLATE + profile.remove)
    container = soup.select_one(profile.body) if profile.body else None
    if container is None:
        container = densest_container(soup)
    blocks = [b for b in blocks_of(container) if not (b.kind == "heading" and b.text == title)]
    return Document(
        url=url, source=source.name, publisher=source.publisher, doc_type=source.doc_type, title=title,
        author=author, published_on=published_on, fetched_at=fetched_at, content_sha256=content_sha256,
        content_type=content_type, parser=PARSER, text="\n\n".join(b.text for b in blocks), blocks=blocks,
    )


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type", [])
    return set(kind if isinstance(kind, list) else [kind])


def _select_text(soup: BeautifulSoup, selector: str | None) -> str | None:
    el = soup.select_one(selector) if selector else None
    if not isinstance(el, Tag):
        return None
    return clean_text(el.get("datetime") or el.get("content") or el.get_text(" ")) or None


def _title(soup: BeautifulSoup, profile: Profile, ld: dict) -> str | None:
    h1 = soup.find("h1")
    for candidate in (
        _select_text(soup, profile.title),
        ld.get("headline"),
        h1.get_text(" ") if h1 else None,
        meta_content(soup, "og:title", "twitter:title"),
        soup.title.get_text(" ") if soup.title else None,
    ):
        if candidate and clean_text(candidate):
            return clean_text(candidate)
    return None


def _published_on(soup: BeautifulSoup, profile: Profile, ld: dict, url: str) -> date | None:
    time_el = soup.find("time")
    for candidate in (
        _select_text(soup, profile.date),
        ld.get("datePublished"),
        meta_content(soup, "article:published_time", "datePublished", "date", "pubdate", "DC.date.issued",
                     "dcterms.created", "publish-date"),
        time_el.get("datetime") or time_el.get_text(" ") if time_el else None,
    ):
        if found := parse_date(candidate):
            return found
    if found := date_from_url(url):
        return found
    for el in soup.select(".date, .byline, .posted-on, .article-date, .meta"):
        if found := parse_date(el.get_text(" ")):
            return found
    return None


def _author(soup: BeautifulSoup, profile: Profile, ld: dict) -> str | None:
    if found := _select_text(soup, profile.author):
        m = _BYLINE.match(found)
        return m.group(1) if m else found
    authors = ld.get("author")
    authors = authors if isinstance(authors, list) else [authors]
    names = [a.get("name") if isinstance(a, dict) else a for a in authors if a]
    if names and all(isinstance(n, str) for n in names):
        return ", ".join(names)
    if found := meta_content(soup, "author", "article:author"):
        return found
    for el in soup.select(".byline, .author, [rel=author]"):
        if m := _BYLINE.match(clean_text(el.get_text(" "))):
            return m.group(1)
    return None
