"""Publication date of an article page: the date it was first published, not modified, fetched or commented on.

Sources are tried in a fixed order (see ``SOURCES``); the first one that yields a plausible date wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date

from bs4 import BeautifulSoup, Tag

from csi.dates import parse_date, safe_date

# ---- parsing ------------------------------------------------------------------------------------------------

_ISOISH = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_EPOCH = re.compile(r"^\s*(1[0-9]{9})(?:\d{3})?\s*$")


def parse_value(value: object) -> date | None:
    """A date from a machine-readable value (meta content, datetime attribute, JSON-LD): ISO first."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if m := _ISOISH.search(text[:40]):
        return safe_date(int(m[1]), int(m[2]), int(m[3]))
    if m := _COMPACT.match(text):
        return safe_date(int(m[1]), int(m[2]), int(m[3]))
    if m := _EPOCH.match(text):
        from datetime import UTC, datetime

        return datetime.fromtimestamp(int(m[1]), UTC).date()
    return parse_date(text[:80])


# ---- sources ------------------------------------------------------------------------------------------------

_LD_ARTICLE = {"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
               "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting",
               "TechArticle", "ScholarlyArticle", "Report", "SocialMediaPosting", "DiscussionForumPosting",
               "PressRelease", "Blog", "VideoObject", "Review", "Recipe", "Event"}
_LD_PAGE = {"WebPage", "ItemPage", "AboutPage", "CollectionPage", "MediaObject", "CreativeWork", "WebSite"}


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type", [])
    return {k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)}


def from_json_ld(ld: list[dict]) -> date | None:
    """datePublished of the page's article object, else of its WebPage object; dateCreated, uploadDate after."""
    for kinds in (_LD_ARTICLE, _LD_PAGE, None):
        for key in ("datePublished", "dateCreated", "uploadDate"):
            for obj in ld:
                if kinds is not None and not _types(obj) & kinds:
                    continue
                if found := parse_value(obj.get(key)):
                    return found
    return None


# Meta names and properties that carry the first publication date, most specific first.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "article:published",
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "pub_date", "publication_date",
    "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
    "dc:date.created", "citation_publication_date", "citation_date", "citation_online_date", "prism.publicationdate",
    "cxenseparse:publishtime", "article.published", "article_date_original", "originalpublicationdate",
    "dcsext.articlefirstpublished", "date_published", "datecreated", "uploaddate", "date", "dc.date", "dcterms.date",
    "dc:date", "created", "timestamp", "analyticsattributes.articledate", "bt:pubdate", "og:pubdate", "rnews:datepublished",
    "article_date", "displaydate", "dc.date.published", "release_date", "pdate", "ptime", "pub-date",
)
_META_RANK = {name: rank for rank, name in enumerate(PUBLISHED_META)}


def from_meta(soup: BeautifulSoup) -> date | None:
    """The highest-ranked publication meta tag (name, property, itemprop or http-equiv; case-insensitive)."""
    best: tuple[int, date] | None = None
    for el in soup.find_all("meta"):
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if not isinstance(key, str):
                continue
            rank = _META_RANK.get(key.strip().lower())
            if rank is not None and (best is None or rank < best[0]) and (found := parse_value(el.get("content"))):
                best = (rank, found)
    return best[1] if best else None


def _attr_text(el: Tag, attr: str) -> str:
    value = el.get(attr)
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


_PUBLISH_HINT = re.compile(r"publish|posted|pubdate|date-?pub|first|created|dateline|byline", re.I)
_MODIFIED_HINT = re.compile(r"modif|updat|edited|revis", re.I)
# Class or id tokens that start like these mark comments, related links, footers and sidebars.
_NOISE_TOKEN = re.compile(r"^(?:comment|reply|replies|disqus|related|recommend|recirc|footer|site-?footer|sidebar|"
                          r"popular|trending|most-?read|most-?popular|more-?from|teaser|promo|newsletter|outbrain|"
                          r"taboola|rail|widget-?area)", re.I)


def _hints(el: Tag) -> str:
    return f"{_attr_text(el, 'class')} {_attr_text(el, 'id')} {_attr_text(el, 'itemprop')}"


def _in_noise(el: Tag) -> bool:
    """Inside comments, related links, footers, sidebars: dates there are of something else."""
    for parent in el.parents:
        if not isinstance(parent, Tag):
            continue
        if parent.name in ("footer", "aside", "nav") or parent.get("role") in ("contentinfo", "complementary"):
            return True
        if any(_NOISE_TOKEN.match(token) for token in _tokens(parent)):
            return True
    return False


def _tokens(el: Tag) -> list[str]:
    classes = el.get("class") or []
    return [*(classes if isinstance(classes, list) else classes.split()), *_attr_text(el, "id").split()]


def from_itemprop(soup: BeautifulSoup) -> date | None:
    """Any element with itemprop=datePublished (content, datetime, or its text)."""
    for el in soup.find_all(attrs={"itemprop": re.compile(r"^\s*datePublished\s*$", re.I)}):
        if el.name == "meta":
            continue
        for value in (el.get("content"), el.get("datetime"), el.get("title"), el.get_text(" ")):
            if found := parse_value(value):
                return found
    return None


def from_time(soup: BeautifulSoup) -> date | None:
    """<time datetime> marked as the publication time, else the first one outside comments and footers."""
    times = [t for t in soup.find_all("time") if not _in_noise(t)]
    marked = [t for t in times if t.has_attr("pubdate") or _PUBLISH_HINT.search(_hints(t))
              or any(_PUBLISH_HINT.search(_hints(p)) for p in t.parents if isinstance(p, Tag) and p.name != "body")]
    for group in (marked, times):
        for t in group:
            if _MODIFIED_HINT.search(_hints(t)):
                continue
            if found := parse_value(t.get("datetime")) or parse_date(t.get_text(" ")):
                return found
    return None


_BYLINE_CLASS = re.compile(r"(^|[-_ ])(date|dateline|byline|posted|published|publish|pubdate|timestamp|time|"
                           r"article-?meta|entry-?meta|post-?meta|meta|info|story-?meta)([-_ ]|$)", re.I)


def from_byline(soup: BeautifulSoup) -> date | None:
    """Text of elements whose class or id names a date, byline or post meta (not updated, not comments)."""
    for el in soup.find_all(True):
        hints = _hints(el)
        if not _BYLINE_CLASS.search(hints) or _MODIFIED_HINT.search(hints) or el.name in ("body", "html"):
            continue
        text = el.get_text(" ")
        if len(text) > 300 or _in_noise(el):
            continue
        if found := parse_date(text):
            return found
    return None


_URL_DATES = (
    re.compile(r"(?<!\d)((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(r"[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)"),
)


def from_url(url: str) -> date | None:
    """/2018/12/17/, /2018-12-17-, /20181217/ in the URL's path."""
    path = url.split("?", 1)[0]
    for pattern in _URL_DATES:
        if m := pattern.search(path):
            if found := safe_date(int(m[1]), int(m[2]), int(m[3])):
                return found
    return None


_PUBLISHED_TEXT = re.compile(r"\b(?:published|posted|first published|released|date)\s*(?:on|:)?\s*", re.I)


def from_text(soup: BeautifulSoup) -> date | None:
    """'Published 17 December 2018' and the like anywhere outside comments and footers."""
    body = soup.body or soup
    for node in body.find_all(string=_PUBLISHED_TEXT):
        parent = node.parent
        if not isinstance(parent, Tag) or _in_noise(parent):
            continue
        text = parent.get_text(" ")
        m = _PUBLISHED_TEXT.search(text)
        if m and (found := parse_date(text[m.end():m.end() + 60])):
            return found
    return None


Source = Callable[[BeautifulSoup, list[dict], str], date | None]

SOURCES: tuple[tuple[str, Source], ...] = (
    ("json_ld", lambda soup, ld, url: from_json_ld(ld)),
    ("meta", lambda soup, ld, url: from_meta(soup)),
    ("itemprop", lambda soup, ld, url: from_itemprop(soup)),
    ("time", lambda soup, ld, url: from_time(soup)),
    ("url", lambda soup, ld, url: from_url(url)),
    ("byline", lambda soup, ld, url: from_byline(soup)),
    ("text", lambda soup, ld, url: from_text(soup)),
)


def candidates(soup: BeautifulSoup, json_ld: list[dict], url: str,
               sources: Iterable[tuple[str, Source]] = SOURCES) -> list[tuple[str, date | None]]:
    """Every source's answer, in precedence order (for diagnostics)."""
    return [(name, source(soup, json_ld, url)) for name, source in sources]


def publication_date(soup: BeautifulSoup, json_ld: list[dict], url: str) -> date | None:
    """The original publication date of the page, or None."""
    for _, source in SOURCES:
        if found := source(soup, json_ld, url):
            return found
    return None


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def publication_date_of_html(html: str | bytes, url: str) -> date | None:
    """publication_date from a raw page."""
    from scrapers.adapters.html import decode_html, lean_soup

    text = decode_html(html) if isinstance(html, bytes) else html
    # lxml refuses str input that carries an XML encoding declaration (XHTML pages): the text is decoded already.
    soup, ld = lean_soup(_XML_DECLARATION.sub("", text, count=1))
    return publication_date(soup, ld, url)
