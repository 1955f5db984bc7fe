"""Publication date of an article page: the date it was first published, not modified, fetched or commented on.

Each source reads one kind of evidence and yields at most one candidate (``candidates``). The answer is the
first candidate in ``PRECEDENCE`` order, reconciled with the others (``_reconcile``):

1. url       /2018/12/17/, /20181217/, 2018-12-17 in the page's URL, its canonical link or og:url
2. json_ld   datePublished of the NewsArticle/Article/BlogPosting... object, else of the WebPage
3. meta      article:published_time, pubdate, DC.date.issued, sailthru.date, parsely-pub-date... (ranked)
4. itemprop  microdata itemprop=datePublished and hAtom class="published" outside <meta>
5. time      <time> marked as the publication (pubdate, a byline or "published" class)
6. text      "Published on 3rd March 2021", "Posted: ..." anywhere
7. any_time  the first other <time>: after the labelled dates, since a story marks up the dates it tells of
             ("inspectors visited in <time>July 2018</time>")
8. headline  a short date line just under the title heading ("March 24, 2014", "By X | 17/12/2018")
9. byline    short elements classed date/byline/posted/meta...
10. month    a publication labelled with its month alone ('Posted on November 2022'): the first of the month

Dates in comments, related links, sidebars, footers, quotations (embedded tweets), captions and the site's
masthead (today's date) are never read, nor are dates labelled as updates ("Updated 5 March 2021").
Numeric dates are day-first unless the page is en-US; a date must fall in 1990..tomorrow.

Measured on the htmldate English evaluation pages (front.evaluation.dates; 304 pages): when two sources
disagree the URL is right 7 times out of 8 against JSON-LD and 6 of 6 against meta tags (a URL is
frozen when a story is first published; metadata is rewritten on republication), JSON-LD and meta tags
are a near tie (2-3), and the headline date line beats the other visible sources (6-0 against bylines).
Most other disagreements are one day apart: a UTC instant (2023-11-09T02:11:03Z) against the
publisher's calendar day (8 November, in the byline, the URL, a <time> with a local offset), which the
reconciling vote settles. Accuracy 0.901 with the vote, 0.888 without; 0.868 with JSON-LD first and no vote.
A date labelled as the publication ("Published", "Posted") ranks before any unmarked <time>, and both before
the unlabelled date lines: the same 0.901 there, and a date the story marks up in its text never dates the page
when the page labels its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from bs4 import BeautifulSoup, NavigableString, Tag

from csi.dates import MONTH_PATTERN, find_dates, month_number, safe_date


@dataclass(frozen=True)
class Candidate:
    day: date
    source: str
    utc: bool = False  # read from a UTC instant (…Z, +00:00): the publisher's own calendar day may differ by one


# ---- parsing ------------------------------------------------------------------------------------------------

_COMPACT = re.compile(r"^\s*((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_EPOCH = re.compile(r"^\s*(1\d{9})(?:\d{3})?\s*$")
_UTC_INSTANT = re.compile(r"\d{1,2}:?\d{2}(?::?\d{2})?(?:\.\d+)?\s*(?:Z|[+-]00:?00|UTC|GMT)\b", re.I)


def parse_machine(value: object, source: str, month_first: bool = False) -> Candidate | None:
    """A machine-readable value (meta content, datetime attribute, JSON-LD): compact ISO, epoch, or any date of the
    grammar of csi.dates (ISO among them)."""
    if isinstance(value, list) and value:
        value = value[0]
    if not isinstance(value, str):
        return None
    text = value.strip()[:80]
    if not text:
        return None
    if m := _COMPACT.match(text):
        day = safe_date(int(m[1]), int(m[2]), int(m[3]))
    elif m := _EPOCH.match(text):
        return _candidate(datetime.fromtimestamp(int(m[1]), UTC).date(), source, utc=True)
    else:
        day = parse_text(text, month_first)
    return _candidate(day, source, utc=bool(_UTC_INSTANT.search(text)))


_UPDATE_LABEL = re.compile(r"\b(?:updated?|modified|edited|revised|amended|reviewed|changed)\b[^0-9]{0,30}$", re.I)
_PUBLISH_LABEL = re.compile(r"\b(?:published|posted|created|originally|first\s+published|released|issued|dated|"
                            r"written|added)\b[^0-9]{0,30}$", re.I)


def parse_text(text: str | None, month_first: bool = False, before: str = "") -> date | None:
    """The publication date in a line written for people ('Published 17 December 2018 | Updated 18 December').

    Dates labelled as updates are passed over and a date labelled as the publication wins over an
    unlabelled one; before is the text just ahead of this line (a separate label element).
    """
    first = None
    position = 0
    for match in find_dates(text, month_first):
        lead = text[position:match.start] if position else f"{before} {text[:match.start]}"
        position = match.end
        if _UPDATE_LABEL.search(lead[-60:]):
            continue
        if _PUBLISH_LABEL.search(lead[-60:]):
            return match.day
        first = first or match.day
    return first


def _candidate(day: date | None, source: str, utc: bool = False) -> Candidate | None:
    if day is None or day > date.today() + timedelta(days=1):
        return None
    return Candidate(day, source, utc)


# ---- where an element sits -----------------------------------------------------------------------------------

def _attr_text(el: Tag, attr: str) -> str:
    value = el.get(attr)
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def _tokens(el: Tag) -> list[str]:
    classes = el.get("class") or []
    return [*(classes if isinstance(classes, list) else str(classes).split()), *_attr_text(el, "id").split()]


def _hints(el: Tag) -> str:
    return " ".join([*_tokens(el), _attr_text(el, "itemprop")])


# Class or id tokens that start like these mark comments, related links, footers and sidebars (generic extraction
# asks the same of an element's ancestors).
NOISE_TOKEN = re.compile(r"^(?:comment|reply|replies|responses|disqus|related|recommend|recirc|footer|site-?footer|"
                          r"sidebar|popular|trending|most-?read|most-?popular|more-?from|teaser|promo|newsletter|outbrain|"
                          r"taboola|rail|widget-?area)", re.I)
_MODIFIED_HINT = re.compile(r"modif|updat|edited|revis", re.I)


def _in_noise(el: Tag) -> bool:
    """In comments, related links, footers, sidebars: dates there are of something else."""
    for parent in (el, *el.parents):
        if not isinstance(parent, Tag):
            continue
        if parent.name == "footer" and parent.find_parent("article") is not None:
            continue  # an article's own footer ("This entry was posted on ..."), not the site's
        if parent.name in ("footer", "aside", "nav") or parent.get("role") in ("contentinfo", "complementary"):
            return True
        if any(NOISE_TOKEN.match(token) for token in _tokens(parent)):
            return True
    return False


# ---- the page ---------------------------------------------------------------------------------------------

@dataclass
class PageView:
    """What the sources read: the soup, the JSON-LD objects, the URL, and what is known of the page's layout."""

    soup: BeautifulSoup
    json_ld: list[dict]
    url: str
    month_first: bool = False  # numeric dates such as 11/8/2023 are month-first on US English pages
    heading: Tag | None = None  # the article's title heading

    @classmethod
    def of(cls, soup: BeautifulSoup, json_ld: list[dict], url: str) -> PageView:
        return cls(soup, json_ld, url, _is_us_english(soup), _title_heading(soup))

    def visible(self, text: str | None, source: str, before: str = "") -> Candidate | None:
        return _candidate(parse_text(text, self.month_first, before), source) if text else None

    def excluded(self, el: Tag) -> bool:
        """Dates here are not the article's: comments, related links, footers, quotations, captions, masthead."""
        return _in_noise(el) or _quoted(el) or site_header(el, self.heading)


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _title_heading(soup: BeautifulSoup) -> Tag | None:
    """The <h1> (else <h2>) that repeats most of the page's title or og:title (not just the site's name);
    else the first <h1> with words in it."""
    titles = [_words(soup.title.get_text(" ")) if soup.title else ""]
    og_title = soup.find("meta", attrs={"property": "og:title"})
    if isinstance(og_title, Tag) and isinstance(og_title.get("content"), str):
        titles.append(_words(og_title["content"]))
    titles = [t for t in titles if t]
    for name in ("h1", "h2"):
        for heading in soup.find_all(name, limit=20):
            text = _words(heading.get_text(" "))
            if len(text) >= 10 and any(t in text or (text in t and 2 * len(text) >= len(t)) for t in titles):
                return heading
    return next((h for h in soup.find_all("h1") if len(_words(h.get_text(" "))) >= 10), None) or soup.find("h1")


def _is_us_english(soup: BeautifulSoup) -> bool:
    html = soup.find("html")
    lang = html.get("lang") if isinstance(html, Tag) else None
    locale = soup.find("meta", attrs={"property": "og:locale"})
    values = [lang, locale.get("content") if isinstance(locale, Tag) else None]
    return any(isinstance(v, str) and v.strip().lower().replace("_", "-") == "en-us" for v in values)


_SKIPPED_CONTAINERS = ("blockquote", "figure", "figcaption")


def _quoted(el: Tag) -> bool:
    """Inside a quotation or figure (embedded tweets, captions): not the page's own date line."""
    return any(isinstance(p, Tag) and (p.name in _SKIPPED_CONTAINERS or any("caption" in t.lower() for t in _tokens(p)))
               for p in (el, *el.parents))


def site_header(el: Tag, heading: Tag | None = None) -> bool:
    """In the site's masthead: a <header> or role=banner outside any article that does not hold the title."""
    for parent in (el, *el.parents):
        if not isinstance(parent, Tag):
            continue
        if parent.name in ("article", "main") or parent.get("role") == "main":
            return False
        if parent.name == "header" or parent.get("role") == "banner":
            holds_title = heading is not None and any(p is parent for p in (heading, *heading.parents))
            return not holds_title and parent.find_parent(["article", "main"]) is None
    return False


# ---- sources ------------------------------------------------------------------------------------------------

_LD_ARTICLE = {"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
               "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting",
               "TechArticle", "ScholarlyArticle", "Report", "SocialMediaPosting", "DiscussionForumPosting",
               "PressRelease", "Blog", "VideoObject", "Review", "Recipe"}
_LD_PAGE = {"WebPage", "ItemPage", "AboutPage", "CollectionPage", "MediaObject", "CreativeWork"}


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type", [])
    return {k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)}


def from_json_ld(ld: list[dict], month_first: bool = False) -> Candidate | None:
    """datePublished of the article object (top level, in @graph or a page's mainEntity), else of the WebPage
    object; dateCreated and uploadDate after. Articles listed inside other objects (ItemList) are not read."""
    objects = [*ld, *(o["mainEntity"] for o in ld if isinstance(o.get("mainEntity"), dict))]
    for kinds in (_LD_ARTICLE, _LD_PAGE):
        for key in ("datePublished", "dateCreated", "uploadDate"):
            for obj in objects:
                if _types(obj) & kinds and (found := parse_machine(obj.get(key), "json_ld", month_first)):
                    return found
    return None


# Meta names and properties that carry the first publication date, most specific first.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "article:published",
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "pub_date", "publication_date",
    "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
    "dc:date.created", "citation_publication_date", "citation_date", "citation_online_date", "prism.publicationdate",
    "cxenseparse:publishtime", "article.published", "article_date_original", "originalpublicationdate",
    "dcsext.articlefirstpublished", "date_published", "datecreated", "uploaddate", "date", "dc.date",
    "dcterms.date", "dc:date", "created", "analyticsattributes.articledate", "bt:pubdate", "og:pubdate",
    "rnews:datepublished", "article_date", "displaydate", "dc.date.published", "release_date", "pdate", "pub-date",
)
_META_RANK = {name: rank for rank, name in enumerate(PUBLISHED_META)}


def from_meta(soup: BeautifulSoup, month_first: bool = False) -> Candidate | None:
    """The highest-ranked publication meta tag (name, property, itemprop or http-equiv; any case)."""
    best: tuple[int, Candidate] | None = None
    for el in soup.find_all("meta"):
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if not isinstance(key, str):
                continue
            rank = _META_RANK.get(key.strip().lower())
            if rank is not None and (best is None or rank < best[0]):
                if found := parse_machine(el.get("content"), "meta", month_first):
                    best = (rank, found)
    return best[1] if best else None


_MICRODATA = re.compile(r"^\s*datePublished\s*$", re.I)


def from_itemprop(page: PageView) -> Candidate | None:
    """Microdata and microformats: itemprop=datePublished on an element other than <meta>, or the hAtom
    class "published" (<abbr class="published" title="2019-10-16T14:33:00-07:00">): attribute, else text."""
    marked = [el for el in page.soup.find_all(True)
              if el.name != "meta" and (_MICRODATA.match(_attr_text(el, "itemprop")) or "published" in _tokens(el))]
    for el in marked:
        if page.excluded(el):
            continue
        for attr in ("content", "datetime", "title"):
            if found := parse_machine(el.get(attr), "itemprop", page.month_first):
                return found
        if found := page.visible(el.get_text(" "), "itemprop"):
            return found
    return None


_PUBLISH_HINT = re.compile(r"publish|posted|pubdate|date-?pub|first|created|dateline|byline", re.I)


def from_time(page: PageView) -> Candidate | None:
    """<time> marked as the publication time (pubdate, class or a byline parent).

    Times inside comments, related links, footers and sidebars, and those marked as updates, are passed over.
    """
    times = [t for t in page.soup.find_all("time") if not _MODIFIED_HINT.search(_hints(t)) and not page.excluded(t)]

    def marked(t: Tag) -> bool:
        return t.has_attr("pubdate") or any(
            _PUBLISH_HINT.search(_hints(el)) for el in (t, *t.parents) if isinstance(el, Tag) and el.name != "body")

    return _first_time([t for t in times if marked(t)], page, "time")


def _first_time(times: list[Tag], page: PageView, source: str) -> Candidate | None:
    for t in times:
        found = parse_machine(t.get("datetime"), source, page.month_first)
        if found := found or page.visible(t.get_text(" "), source):
            return found
    return None


def from_any_time(page: PageView) -> Candidate | None:
    """The first <time> not marked as the publication (outside comments, footers and the like, not an update):
    after every labelled date, since a story marks up the dates it tells of too ("visited in <time>July
    2018</time>")."""
    return _first_time([t for t in page.soup.find_all("time")
                        if not _MODIFIED_HINT.search(_hints(t)) and not page.excluded(t)], page, "any_time")


_URL_DATES = (
    re.compile(r"(?<!\d)((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(r"(?<![\d.])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\d])"),
)


def from_url(page: PageView) -> Candidate | None:
    """/2018/12/17/, /2018-12-17-, /20181217/ in the path of the URL, else of the canonical or og:url."""
    urls = [page.url]
    canonical = page.soup.find("link", rel="canonical")
    if isinstance(canonical, Tag) and isinstance(canonical.get("href"), str):
        urls.append(canonical["href"])
    og_url = page.soup.find("meta", attrs={"property": "og:url"})
    if isinstance(og_url, Tag) and isinstance(og_url.get("content"), str):
        urls.append(og_url["content"])
    for url in urls:
        path = url.split("?", 1)[0].split("#", 1)[0]
        path = path.split("://", 1)[-1].partition("/")[2]
        for pattern in _URL_DATES:
            for m in pattern.finditer(path):
                if found := _candidate(safe_date(int(m[1]), int(m[2]), int(m[3])), "url"):
                    return found
    return None


_BYLINE_TOKEN = re.compile(r"(?:^|[-_])(?:date|dateline|byline|posted|published|publish|pubdate|timestamp|time|"
                           r"article-?meta|entry-?meta|post-?meta|meta|info|story-?meta|details)(?:[-_]|$)", re.I)


def _byline_texts(page: PageView) -> Iterator[str]:
    """Text of each short element whose class or id names a date, byline or post meta (not an update)."""
    for el in page.soup.find_all(True):
        hints = _hints(el)
        if el.name in ("body", "html") or not any(_BYLINE_TOKEN.search(t) for t in hints.split()):
            continue
        if _MODIFIED_HINT.search(hints):
            continue
        text = el.get_text(" ")
        if len(text) <= 300 and not page.excluded(el):
            yield text


def from_byline(page: PageView) -> Candidate | None:
    """Text of a short element whose class or id names a date, byline or post meta (not an update)."""
    return next((found for text in _byline_texts(page) if (found := page.visible(text, "byline"))), None)


_PUBLISHED_TEXT = re.compile(r"\b(?:published|posted|first published|released|issued|date)\s*(?:on|:)?\s*", re.I)


# What may stand before a publication label on its line: nothing, one word ("Originally", "Article"), or "This
# article was"; not a sentence's subject ("According to a report published yesterday (3 June 2014), ...")
_LABEL_LEAD = re.compile(r"^\W*(?:[A-Za-z]+\W*|(?:this|the)\s+(?:article|entry|post|story|page|item|blog|news|press"
                         r"|release|statement)(?:\s+(?:release|post|item))?\s+(?:was|is|has\s+been)\s+"
                         r"(?:first\s+|originally\s+|last\s+)?)?$", re.I)
_LABEL_SEPARATOR = re.compile(r"[|·•\n–—]")
# A date that a sentence goes on from ("Figures released on 3 June 2014 show that ..."): no date line
_SENTENCE_GOES_ON = re.compile(r"\s*,?\s*(?!(?:by|at|in|on|and|from|under|updated|last|am|pm)\b)[a-z]{2,}\b")


def _labels_the_line(text: str, label: re.Match, month_first: bool) -> bool:
    """The label opens a date line of its own, rather than standing in a sentence that tells of a date."""
    lead = _LABEL_SEPARATOR.split(text[:label.start()])[-1]
    if not _LABEL_LEAD.match(lead):
        return False
    dates = find_dates(text[label.end():label.end() + 60], month_first)
    return not (dates and _SENTENCE_GOES_ON.match(text, label.end() + dates[0].end))


def _labelled_lines(page: PageView) -> Iterator[tuple[str, re.Match]]:
    """(text, its publication label) of each line a label opens, outside comments and footers."""
    body = page.soup.body or page.soup
    for node in body.find_all(string=_PUBLISHED_TEXT):
        parent = node.parent
        if not isinstance(parent, Tag) or page.excluded(parent):
            continue
        text = parent.get_text(" ")
        m = _PUBLISHED_TEXT.search(text)
        if m and _labels_the_line(text, m, page.month_first):
            yield text, m


def from_text(page: PageView) -> Candidate | None:
    """'Published 17 December 2018', 'Posted on March 24, 2014' anywhere outside comments and footers, on a line of
    its own (not "figures released on 3 June 2014 show ...")."""
    for text, m in _labelled_lines(page):
        if found := page.visible(text[m.start():m.end() + 60], "text"):
            return found
    return None


_MONTH_LINE = re.compile(rf"(?:(?:published|posted|released|issued|on|in)\W+)*{MONTH_PATTERN}\.?,?\s+"
                         r"((?:19|20)\d{2})\b(?!\s*[-–/]\s*\d)", re.I)


def from_month(page: PageView) -> Candidate | None:
    """A publication labelled with its month alone ('Posted on November 2022 by ...', 'Issued: March 2021'), or a
    month alone in a short element classed as a date or byline: the first of that month, when the page gives no day
    anywhere (a blog's or a council's page dated by month); not a month a sentence goes on from ("figures released in
    June 2019 show ...")."""
    lines = [(text, m.end()) for text, m in _labelled_lines(page)]
    lines += [(text, month.start()) for text in _byline_texts(page) if (month := _MONTH_LINE.search(text))
              and len(re.findall(r"[A-Za-z]+", text)) <= _LINE_WORDS]  # "<p class='date'>March 2024</p>"
    for text, at in lines:
        if (month := _MONTH_LINE.match(text, at)) and not _SENTENCE_GOES_ON.match(text, month.end()):
            return _candidate(safe_date(int(month[2]), month_number(month[1]), 1), "month")
    return None


# A meeting's date, as committee pages give it in their title, heading or subtitle line: a weekday, then the date
# ("Cabinet - Tuesday, 16th September, 2025 7.00 pm", "Agenda for Scrutiny on Monday, 14th March, 2022, 6.00 pm")
_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b,?\s*(?=\d)", re.I)
_SUBTITLE = re.compile(r"subtitle", re.I)


def from_meeting(page: PageView) -> Candidate | None:
    """The date of the meeting a minutes or agenda page records, from its <title>, <h1> or subtitle line."""
    lines = [page.soup.title, *page.soup.find_all("h1"),
             *page.soup.find_all(lambda el: any(_SUBTITLE.search(t) for t in _tokens(el)))]
    for el in lines:
        if not isinstance(el, Tag) or page.excluded(el):
            continue
        text = " ".join(el.get_text(" ").split())
        if len(text) <= 160 and (weekday := _WEEKDAY.search(text)) and (
                dates := find_dates(text[weekday.end():], page.month_first)) and dates[0].start == 0:
            return _candidate(dates[0].day, "meeting")
    return None


def from_headline(page: PageView) -> Candidate | None:
    """A short date line right after the title heading, before the article's first paragraph."""
    heading = page.heading
    if heading is None:
        return None
    seen = 0
    before = ""
    for node in heading.next_elements:
        if not isinstance(node, NavigableString) or not isinstance(node.parent, Tag):
            continue
        text = node.strip()
        if not text or any(p is heading for p in node.parents):
            continue
        if seen >= 12 or (len(text) > 150 and node.parent.name in ("p", "li")):
            break  # the article's text has begun
        seen += 1
        if len(text) > 80 or page.excluded(node.parent) or not _date_line(text, page.month_first):
            continue
        if found := page.visible(text, "headline", before):
            return found
        before = text
    return None


_LINE_WORDS = 8  # words besides the date on a date line: "By Jo Bloggs | 17/12/2018", "Posted on ... by admin in News"


def _date_line(text: str, month_first: bool) -> bool:
    """A line that is a date with a few words around it (no date at all: a label before one), not a short sentence
    telling of a date ("Inspectors came back on 4 July 2018 to check.")."""
    dates = find_dates(text, month_first)
    if not dates:
        return True
    rest = text[:dates[0].start] + " " + text[dates[-1].end:]
    return len(re.findall(r"[A-Za-z]+", rest)) <= _LINE_WORDS and not (
        text.rstrip().endswith(".") and _SENTENCE_GOES_ON.match(text, dates[0].end))


DateRule = Callable[[PageView], Candidate | None]

SOURCES: dict[str, DateRule] = {
    "json_ld": lambda page: from_json_ld(page.json_ld, page.month_first),
    "meta": lambda page: from_meta(page.soup, page.month_first),
    "itemprop": from_itemprop,
    "time": from_time,
    "url": from_url,
    "byline": from_byline,
    "headline": from_headline,
    "text": from_text,
    "any_time": from_any_time,
    "meeting": from_meeting,
    "month": from_month,
}
PRECEDENCE = ("url", "json_ld", "meta", "itemprop", "time", "text", "meeting", "any_time", "headline", "byline",
              "month")
# What the publisher declares in the page's machinery rather than in its visible text.
DECLARED_SOURCES = ("url", "json_ld", "meta", "itemprop")


def candidates(soup: BeautifulSoup, json_ld: list[dict], url: str) -> dict[str, Candidate | None]:
    """Every source's candidate (for diagnostics and the evaluator)."""
    page = PageView.of(soup, json_ld, url)
    return {name: SOURCES[name](page) for name in PRECEDENCE}


def _reconcile(found: list[Candidate]) -> Candidate | None:
    """The first candidate's day, or the day before or after it when the page's local dates say so.

    A timestamp such as 2023-11-09T02:11:03Z is an instant, and a URL or meta date can be a time zone
    away from the publisher's calendar day that the byline shows. So the candidates within a day of the
    first one vote, all but UTC instants (whose calendar day is not the publisher's); the first candidate
    wins a tie, then the one earlier in precedence.
    """
    if not found:
        return None
    first = found[0]
    local = [c for c in found if not c.utc and abs((c.day - first.day).days) <= 1]
    votes: dict[date, int] = {}
    for c in local:
        votes[c.day] = votes.get(c.day, 0) + 1
    if not votes or votes.get(first.day, 0) == max(votes.values()):
        return first
    best = max(votes.values())
    return next(c for c in local if votes[c.day] == best)


def choose(cands: dict[str, Candidate | None], precedence: tuple[str, ...] = PRECEDENCE) -> Candidate | None:
    """The first candidate in precedence order, reconciled with the others."""
    return _reconcile([c for name in precedence if (c := cands.get(name))])


def publication_candidate(soup: BeautifulSoup, json_ld: list[dict], url: str) -> Candidate | None:
    """The original publication date of the page with the source that gave it, or None."""
    return choose(candidates(soup, json_ld, url))


def publication_date(soup: BeautifulSoup, json_ld: list[dict], url: str) -> date | None:
    """The original publication date of the page, or None.

    soup is the page parsed with lxml (scrapers.html.lean_soup), json_ld its JSON-LD objects.
    """
    found = publication_candidate(soup, json_ld, url)
    return found.day if found else None


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def publication_candidate_of_html(html: str | bytes, url: str) -> Candidate | None:
    """publication_candidate from a raw page (bytes are decoded as scrapers.html.decode_html does)."""
    from scrapers.html import decode_html, lean_soup

    text = decode_html(html) if isinstance(html, bytes) else html
    # lxml refuses str input that carries an XML encoding declaration (XHTML pages): the text is decoded already.
    soup, ld = lean_soup(_XML_DECLARATION.sub("", text, count=1))
    return publication_candidate(soup, ld, url)


def publication_date_of_html(html: str | bytes, url: str) -> date | None:
    """publication_date from a raw page."""
    found = publication_candidate_of_html(html, url)
    return found.day if found else None
