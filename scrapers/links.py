"""Discovery: links worth fetching from listing pages, RSS/Atom feeds and sitemaps (pure functions)."""

from __future__ import annotations

import logging
from urllib.parse import urljoin

from lxml import etree, html

from scrapers.urls import MAX_URL_LENGTH, canonicalize, unfetchable

log = logging.getLogger(__name__)

# No entity expansion, no network, no DTD loading: feeds are written by strangers.
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                            recover=True)


_FEED_ROOTS = (b"<rss", b"<feed", b"<urlset", b"<sitemapindex", b"<rdf:RDF")


def is_feed(content_type: str | None, body: bytes) -> bool:
    """RSS, Atom or a sitemap, by content type or, for generic XML types, by the root element."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype in ("application/rss+xml", "application/atom+xml"):
        return True
    if ctype in ("text/html", "application/xhtml+xml"):
        return False
    return any(root in body[:1024] for root in _FEED_ROOTS)


def feed_links(body: bytes, base_url: str) -> list[str]:
    """Item links of an RSS 2.0 / Atom feed, or page locations of a sitemap, in document order."""
    try:
        root = etree.fromstring(body, _SAFE_XML)
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    found = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = etree.QName(el).localname
        if tag in ("link", "loc") and el.text and el.text.strip():
            found.append(el.text.strip())
        elif tag == "link" and el.get("href") and el.get("rel", "alternate") == "alternate":
            found.append(el.get("href"))
    return _canonical_unique(found, base_url)


def html_links(body: bytes, base_url: str) -> list[str]:
    """Every `a[href]` of an HTML page, absolute (honouring <base href>) and canonical, in document order."""
    try:
        tree = html.fromstring(body)
    except (etree.ParserError, ValueError):
        return []
    base = tree.xpath("string(//base/@href)").strip()
    return _canonical_unique(tree.xpath("//a/@href"), urljoin(base_url, base) if base else base_url)


def page_links(body: bytes, content_type: str | None, base_url: str) -> list[str]:
    return feed_links(body, base_url) if is_feed(content_type, body) else html_links(body, base_url)


def _canonical_unique(urls: list[str], base_url: str) -> list[str]:
    """Canonical links, each once; links that are never fetched (javascript:, data:, file:, ftp:, mailto:,
    over the URL length limit) are dropped and logged with the reason."""
    seen: dict[str, None] = {}
    for url in urls:
        canonical = canonicalize(url, base_url) if len(url) <= MAX_URL_LENGTH else None
        reason = unfetchable(canonical) if canonical else unfetchable(url.strip()) or "not a web page address"
        if reason:
            log.debug("link dropped (%s): %.200s", reason, url)
            continue
        seen.setdefault(canonical, None)
    return list(seen)
