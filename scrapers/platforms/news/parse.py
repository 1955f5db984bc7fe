"""News articles from any publisher: a site profile's selectors where given, generic rules otherwise.

Generic extraction scores the page on an lxml tree (see :func:`scrapers.generic_extraction.main_content`)
and builds BeautifulSoup trees only for what it keeps: the article's content and a small skeleton of
metadata-bearing elements. A site profile (sources.toml ``[profile.X]``) is read with CSS selectors on
a soup of the whole page; when its body or title selector matches nothing (the site was redesigned),
the page falls back to generic extraction and ``Document.profile_miss`` names the selectors that missed.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from html import unescape

from bs4 import BeautifulSoup, Tag

from csi.dates import parse_date
from csi.records import Block, Document
from scrapers.comments import comment_blocks
from scrapers.generic_extraction import PageScan, generic_blocks, marked_as_chrome, metadata_soup, strip_chrome_tags
from scrapers.html import (
    BOILERPLATE,
    blocks_of,
    clean_text,
    decode_html,
    lean_tree,
    meta_content,
    parse_tree,
    remove_all,
    soup_of,
)
from scrapers.pubdate import DECLARED_SOURCES, PageView, candidates, choose, publication_date, site_header
from scrapers.sources import Profile, Source

PARSER = "news@1"
_BYLINE = re.compile(r"^\s*[Bb][Yy]:?\s+([A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){0,3})")
_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle"}
_GENERIC = Profile(name="generic")


def parse_article(url: str, body: bytes, content_type: str | None, fetched_at: datetime, source: Source,
                  content_sha256: str) -> Document:
    tree, ld = lean_tree(decode_html(body, content_type))
    comments = comment_blocks(tree)  # read before the thread is pruned as chrome
    profile = source.profile or _GENERIC
    article_ld = next((o for o in ld if _types(o) & _ARTICLE_TYPES), {})
    if source.profile is None:
        # Generic: the content is found on the lxml tree, and the title, author and date rules read a
        # skeleton soup of the page's metadata elements (a soup of the whole page would cost more than
        # all the rest of the parse).
        strip_chrome_tags(tree)
        scan = PageScan(tree)
        soup = metadata_soup(tree, scan)
    else:
        soup = soup_of(tree)  # a profile's CSS selectors need the whole page
    misses = []
    if profile.title and _select_text(soup, profile.title) is None:
        misses.append(f"title: {profile.title}")
    title = _title(soup, profile, article_ld)
    published_on = _published_on(soup, profile, ld, url)
    author = _author(soup, profile, article_ld)

    if source.profile is None:
        blocks = generic_blocks(tree, scan)
    else:
        blocks, body_miss = _profile_blocks(soup, profile)
        if body_miss:
            misses.append(body_miss)
    blocks = [b for b in blocks if not (b.kind == "heading" and b.text == title)]
    return Document(
        url=url, source=source.name, publisher=source.publisher, doc_type=source.doc_type, title=title,
        author=author, published_on=published_on, fetched_at=fetched_at, content_sha256=content_sha256,
        content_type=content_type, parser=PARSER, text="\n\n".join(b.text for b in blocks), blocks=blocks,
        profile_miss="; ".join(misses) or None, comments=comments,
    )


def _profile_blocks(soup: BeautifulSoup, profile: Profile) -> tuple[list[Block], str | None]:
    """Blocks of the profile's body element; generic extraction (and the miss) when it matches nothing."""
    remove_all(soup, profile.remove)
    container = soup.select_one(profile.body) if profile.body else None
    if container is not None:
        _keep_story_boxes(container)
        remove_all(container, BOILERPLATE)  # only inside the article body: the rest of the page is never read
        return blocks_of(container), None
    miss = f"body: {profile.body}" if profile.body else None
    return _generic_blocks_of(soup), miss


def _keep_story_boxes(container: Tag) -> None:
    """An <aside> in the article's body that is neither links nor marked as chrome is the story's own box ("In brief",
    "The judgements"), read as generic extraction reads it (generic_extraction.strip_chrome_tags), not boilerplate."""
    for aside in container.find_all("aside"):
        text = len(clean_text(aside.get_text(" ")))
        links = sum(len(clean_text(a.get_text(" "))) for a in aside.find_all("a"))
        classes = aside.get("class")
        if text and links * 2 < text and not marked_as_chrome(
                " ".join(classes) if isinstance(classes, list) else classes, aside.get("id"), aside.get("role")):
            aside.name = "div"


def _generic_blocks_of(soup: BeautifulSoup) -> list[Block]:
    """Generic extraction on a profile page's soup (its `remove` selectors applied)."""
    tree = parse_tree(str(soup))
    strip_chrome_tags(tree)
    return generic_blocks(tree)


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type", [])
    return {k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)}


def _select_text(soup: BeautifulSoup, selector: str | None) -> str | None:
    el = soup.select_one(selector) if selector else None
    if not isinstance(el, Tag):
        return None
    return clean_text(el.get("datetime") or el.get("content") or el.get_text(" ")) or None


def _title(soup: BeautifulSoup, profile: Profile, ld: dict) -> str | None:
    """The profile's title element; else the JSON-LD headline; else an <h1> that repeats the page's
    og:title or <title> (not a site logo, nor the site's name in its masthead or as the <title> gives it beside
    the headline); else og:title; else <title> without the site's name; else <h1>."""
    if selected := _select_text(soup, profile.title):
        return selected
    if isinstance(ld.get("headline"), str) and (headline := clean_text(unescape(ld["headline"]))):
        return headline
    og_title = meta_content(soup, "og:title", "twitter:title")
    page_title = clean_text(soup.title.get_text(" ")) if soup.title else ""
    references = [_words(t) for t in (og_title, page_title) if t and _words(t)]
    site_names = _site_names(page_title)
    headings = [text for h in soup.find_all("h1", limit=5)  # not the site's name over it, nor its name in a logo
                if not site_header(h) and (text := clean_text(h.get_text(" ")))
                and not (_words(text) in site_names and _in_masthead(h))]
    for heading in headings:
        words = _words(heading)
        if not references or len(words) >= 8 and any(words in ref for ref in references):
            return heading
    if og_title and clean_text(og_title):
        return clean_text(unescape(og_title))
    if page_title:
        return _without_site_name(page_title)
    return headings[0] if headings else None


_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»|·)\s+")


def _site_names(title: str) -> set[str]:
    """The words of the parts of a page's <title> beside its longest, the story's headline: the site's name and
    section ("Headline | News | Anytown Echo", "Cllr Jones: Headline"), which an <h1> in a logo repeats."""
    parts = [_words(p) for p in _SITE_NAME_SEPARATOR.split(title) if _words(p)]
    return set(parts) - {max(parts, key=len)} if len(parts) > 1 else set()


_SITE_NAME_SEPARATOR = re.compile(rf"{_TITLE_SEPARATOR.pattern}|:\s+")
# Class and id words of a site's masthead ("site-header", "header-outer", "#masthead", "logo", "site-branding")
_MASTHEAD = frozenset({"logo", "brand", "branding", "masthead", "site", "banner", "header"})
_STORY_HEADER = frozenset({"entry", "post", "article", "story", "content"})  # "entry-header": the story's


def _in_masthead(heading: Tag) -> bool:
    """In the site's masthead, by its class or id words or its link home, and not in an <article> or <main>."""
    for el in (heading, *heading.parents):
        if not isinstance(el, Tag) or el.name in ("body", "html"):
            break
        if el.name in ("article", "main"):
            return False
        words = set(_words(" ".join([*(el.get("class") or ()), el.get("id") or ""]).replace("-", " ")).split())
        if words & _MASTHEAD and not words & _STORY_HEADER:
            return True
    return any(a.get("href") in ("/", "./") for a in heading.find_all("a"))


def _without_site_name(title: str) -> str:
    """'Story headline | Site name' -> 'Story headline' (the longest part, if the title has parts)."""
    parts = [p for p in _TITLE_SEPARATOR.split(title) if p.strip()]
    return max(parts, key=len) if len(parts) > 1 else title


def _words(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").casefold()))


def _published_on(soup: BeautifulSoup, profile: Profile, ld: list[dict], url: str) -> date | None:
    """The page's own metadata (its URL, JSON-LD, meta tags, microdata) when it dates the page; else the profile's
    date selector (its first match outside comments, related links, sidebars and quotations); else the visible
    date rules of scrapers.pubdate. A selector as loose as "time" also matches a "most read" box or a date in the
    story ("in July 2018 ..."), which must never replace the date the publisher declared.

    On generic pages soup is the metadata skeleton (generic_extraction.metadata_soup), which holds everything those
    rules read; tests/test_generic_extraction.py pins that they answer there as on the whole page.
    """
    if profile.date is None:
        return publication_date(soup, ld, url)
    found = candidates(soup, ld, url)
    if declared := choose(found, DECLARED_SOURCES):
        return declared.day
    page = PageView.of(soup, ld, url)
    for el in soup.select(profile.date):
        if not page.excluded(el) and (day := parse_date(clean_text(el.get("datetime") or el.get("content")
                                                                    or el.get_text(" ")))):
            return day
    return (chosen := choose(found)) and chosen.day


def _author(soup: BeautifulSoup, profile: Profile, ld: dict) -> str | None:
    """The profile's author element; else the JSON-LD author(s); else <meta name=author> (not a URL); else
    a byline ("By Jane Smith"), or the short name in an element marked as the author."""
    if found := _select_text(soup, profile.author):
        m = _BYLINE.match(found)
        return m.group(1) if m else found
    authors = ld.get("author")
    authors = authors if isinstance(authors, list) else [authors]
    names = [a.get("name") if isinstance(a, dict) else a for a in authors if a]
    names = [n for n in names if isinstance(n, str) and clean_text(n)]
    if names:
        return ", ".join(clean_text(unescape(n)) for n in names)
    if (found := meta_content(soup, "author", "article:author", "byl")) and not found.startswith(("http", "/", "@")):
        return clean_text(_BY_PREFIX.sub("", found))
    for el in soup.find_all(_is_byline):
        text = clean_text(el.get_text(" "))
        if m := _BYLINE.match(text):
            return _DATE_WORD.split(m.group(1))[0].strip() or None
        if _NAME.match(text) and el.name != "meta":
            return text
    return None


_BY_PREFIX = re.compile(r"^\s*by\s+", re.I)
_DATE_WORD = re.compile(r"\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|"
                        r"Updated|Published|Posted)\w*\b.*")
_NAME = re.compile(r"^[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}$")


def _is_byline(el: Tag) -> bool:
    """An element of class byline or author, a rel=author link or an itemprop=author element."""
    classes, rel = el.get("class") or (), el.get("rel") or ()
    classes = classes.split() if isinstance(classes, str) else classes
    rel = rel.split() if isinstance(rel, str) else rel
    return "byline" in classes or "author" in classes or "author" in rel or el.get("itemprop") == "author"
