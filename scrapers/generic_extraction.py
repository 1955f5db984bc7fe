"""Generic extraction: the main content of a page without a site profile (or whose profile missed).

One bottom-up pass over the lxml tree (PageScan) measures the text of every element and notes page
chrome and metadata-bearing elements; chrome is pruned, containers are scored by the paragraphs they
hold, and BeautifulSoup trees are built only for what is kept: the article's content and a skeleton of
the metadata elements. (A soup of a whole page costs more than all the rest of a parse; see
docs/environment-notes.)
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache

from bs4 import BeautifulSoup
from lxml import etree

from csi.caseless import Caseless
from csi.records import Block
from scrapers.html import BLOCK_TAGS, Element, to_html, tree_blocks
from scrapers.pubdate import NOISE_TOKEN

# Tags and roles that never hold article text.
_DROP_TAGS = frozenset({"nav", "footer", "aside", "noscript", "iframe", "button", "select", "input", "textarea",
                        "label", "figcaption", "dialog", "menu", "object", "embed", "canvas", "video", "audio", "map",
                        "template"})
_DROP_ROLES = frozenset({"navigation", "contentinfo", "complementary", "search", "menu", "menubar", "banner"})
# Pop-ups: removed even when they hold much text (a pop-up's text is never the article).
_DIALOG_ROLES = frozenset({"dialog", "alertdialog"})
# Words of class and id attributes that mark page chrome (compared with whole words of the attribute,
# split at punctuation and camelCase). Strong words mark chrome wherever they occur; weak ones also turn
# up on wrappers ("has-sidebar", "widget Blog", "modal-enabled"), so an element whose words also say
# content (article, body, ...) keeps them, and they are ignored on a page where they would remove most
# of the paragraph text (page builders put "widget" on everything).
STRONG_CHROME = frozenset("""
    cookie cookies consent gdpr comment comments commenting disqus respond reply replies responses
    share sharing sharebar sharetools social socials addthis
    related recommended recommendations recirc recirculation outbrain taboola
    newsletter newsletters signup subscribe subscription paywall regwall
    promo promos advert adverts advertisement advertising ad ads adslot adunit dfp sponsor sponsored
    breadcrumb breadcrumbs mostread mostpopular
    meta byline timestamp published
""".split())
WEAK_CHROME = frozenset("""
    sidebar widget widgets popup modal nav navbar navigation menu footer masthead skip skiplink login signin
    register registration tags taglist keywords caption credit credits print toolbar pagination pager
    popular trending teaser teasers
""".split())
# Whole class names of visually hidden elements (weak: a hidden block may be the article on a paywalled page).
_HIDDEN_CLASSES = frozenset({"hidden", "hide", "invisible", "sr-only", "visually-hidden", "visuallyhidden",
                             "screen-reader-text", "screen-reader-only", "offscreen", "d-none", "is-hidden"})
_CONTENT_WORDS = frozenset({"article", "body", "content", "main", "column", "story", "post", "entry", "text",
                            "blog", "prose"})
# Words of a paywall: on a prompt or a sign-up box ("paywall-prompt", "subscription-widget") they mark chrome, but
# on an element that also says content ("paywall-content", "subscription-content") they mark the story behind it.
_WALL = frozenset({"paywall", "regwall", "subscribe", "subscription"})
# Class names that describe the post or a state, not the element ("tag-ofsted", "category-news", "no-share").
_STATE_CLASS = re.compile(r"^(?:tag|category|categories|postid|post|page|format|status|type|author|has|is|no|with|"
                          r"without|enable|enabled|disable|disabled)-", re.I)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_HIDDEN_STYLE = Caseless(r"display\s*:\s*none|visibility\s*:\s*hidden")
# Scoring hints (readability's idea): class/id words that raise or lower a container's score.
_POSITIVE = re.compile(r"article|body|content|entry|main|page|post|text|blog|story|prose|rich")
_NEGATIVE = re.compile(r"comment|meta|footer|footnote|foot|sidebar|sponsor|shoutbox|widget|related|promo|share|"
                       r"social|tags|combx|masthead|media|outbrain|nav|menu|byline|author|caption|credit")
CLASS_WEIGHT = 10
WRAPPER_SHARE = 0.5  # an element with this share of the page's paragraph text is never chrome
WEAK_MAX_SHARE = 0.6  # weak chrome words are ignored when they would remove this share of it
_PARAGRAPH_TAGS = frozenset({"p", "pre", "blockquote", "li", "dd", "td", "h2", "h3", "h4", "h5", "h6"})
_CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "td", "blockquote", "body", "center", "form"})
_TAG_WEIGHT = {"div": 5, "article": 8, "main": 5, "section": 3, "td": 3, "blockquote": 3, "pre": 3, "form": -3,
               "ul": -3, "ol": -3, "dl": -3, "li": -3, "body": -5}
_MIN_PARAGRAPH = 25  # characters

# Metadata skeleton: what the title, author and date rules read.
_METADATA_TAGS = frozenset({"time", "meta", "h1", "h2"})
_METADATA_HINT = Caseless(r"date|time|byline|by-line|posted|publish|meta|info|detail|author|writer|credit|stamp|"
                           r"contributor")
_METADATA_TEXT = re.compile(r"\b(?:published|posted|released|updated|date)\b", re.I)
# <meta> tags of the head that metadata rules read: titles, authors, dates, the page's URL and locale.
_META_ATTRS = ("name", "property", "itemprop", "http-equiv")
_META_KEYS = Caseless(r"date|time|pub|creat|issue|title|author|url|locale")
_WRAPPER_ATTRS = ("class", "id", "role", "itemprop", "itemtype", "itemscope", "rel", "lang")
# Ancestors that metadata rules may look at even without attributes (in a footer, in the article...).
_MEANINGFUL = frozenset({"html", "head", "body", "footer", "aside", "nav", "header", "article", "main", "section",
                         "form", "h1", "h2", "h3", "h4", "h5", "h6", "time", "address", "figure", "figcaption",
                         "blockquote", "abbr"})
_METADATA_MAX = 300  # characters: a hinted element with more text is a wrapper, not a byline
# Class or id words of ancestors that metadata rules ask about: where dates are of something else
# (comments, related links, footers, sidebars, captions) and where they are the article's (bylines).
_ANCESTOR_HINT = Caseless(r"comment|repl|respon|disqus|related|recommend|recirc|foot|sidebar|popular|trending|most|"
                           r"more|teaser|promo|newsletter|outbrain|taboola|rail|widget|caption|publish|posted|pubdate|"
                           r"date|time|first|created|dateline|byline|meta|info|detail|author|header|article|"
                           r"story|post|entry|main|content|title|head")


@lru_cache(maxsize=16384)
def _token_words(token: str, is_class: bool) -> frozenset[str]:
    """Lower-case words of one class name or id, split at punctuation and camelCase (state classes: none)."""
    if is_class and _STATE_CLASS.match(token):
        return frozenset()
    return frozenset(_NON_WORD.sub(" ", _CAMEL.sub(" ", token).lower()).split())


def _class_words(cls: str | None, ident: str | None) -> frozenset[str]:
    """Class and id of an element as a set of lower-case words."""
    words = _token_words(ident, False) if ident else frozenset()
    for token in (cls or "").split():
        words = words | _token_words(token, True)
    return words


def marked_as_chrome(cls: str | None, ident: str | None, role: str | None) -> bool:
    """An element whose class, id or role says it is page chrome ("related", "most-read", role=complementary)."""
    return role in _DROP_ROLES or _chrome_kind(cls, ident) is not None


@lru_cache(maxsize=4096)
def _chrome_kind(cls: str | None, ident: str | None) -> str | None:
    """'strong' or 'weak' when class or id words mark an element as page chrome, else None."""
    words = _class_words(cls, ident)
    if words & STRONG_CHROME and not (words & STRONG_CHROME <= _WALL and words & _CONTENT_WORDS):
        return "strong"
    if words & WEAK_CHROME and not words & _CONTENT_WORDS:
        return "weak"
    if cls and _HIDDEN_CLASSES.intersection(cls.lower().split()):
        return "weak"
    return None


@lru_cache(maxsize=4096)
def _class_weight(cls: str | None, ident: str | None) -> int:
    words = " ".join(sorted(_class_words(cls, ident)))
    return (CLASS_WEIGHT if _POSITIVE.search(words) else 0) - (CLASS_WEIGHT if _NEGATIVE.search(words) else 0)


def _dated_text(text: str) -> bool:
    """Says "published", "posted", "released", "updated" or "date" (a cheap test first)."""
    return ("ate" in text or "ATE" in text or "ublish" in text or "UBLISH" in text or "osted" in text
            or "OSTED" in text or "eleased" in text or "ELEASED" in text) and _METADATA_TEXT.search(text) is not None


# Tags that PageScan notes whatever their attributes (page chrome, metadata).
_SCAN_TAGS = _DROP_TAGS | _METADATA_TAGS | {"dialog"}
# Indexes of PageScan.measures[element] (the last item says whether the element is a block).
LENGTH, LINKS, OWN, OWN_LINKS, COMMAS, PARAGRAPHS = range(6)


@lru_cache(maxsize=4096)
def _metadata_hint(cls: str | None, ident: str | None) -> bool:
    return _METADATA_HINT.search(f"{cls or ''} {ident or ''}")


class PageScan:
    """One bottom-up pass over a lean lxml tree.

    ``measures[el]`` is a list: LENGTH (characters of text, whitespace collapsed), LINKS (of which inside
    <a>), OWN (the element's own inline text, not inside nested blocks), OWN_LINKS, COMMAS (of the own
    text) and PARAGRAPHS (characters of paragraph-like text below it: blocks with 25+ characters of own
    text, mostly not links). Also the chrome found (by markup, by strong and by weak class words) and the
    metadata-bearing elements, each in document order.
    """

    def __init__(self, root: Element) -> None:
        self.root = root
        measures: dict = {}
        markup: list = []
        dialogs: list = []
        strong: list = []
        weak: list = []
        metadata: list = []  # (element, whole subtree wanted)
        block, dated_text = BLOCK_TAGS, _dated_text
        body = root.find("body")
        self.top = top = body if body is not None else root  # the <head> holds no article text
        get = measures.get
        for el in reversed(list(top.iter(etree.Element))):
            tag = el.tag
            attrs = el.items()
            if attrs:
                attrs = dict(attrs)
                cls, ident, role, style = attrs.get("class"), attrs.get("id"), attrs.get("role"), attrs.get("style")
                itemprop, rel, hidden = attrs.get("itemprop"), attrs.get("rel"), "hidden" in attrs
            else:
                cls = ident = role = style = itemprop = rel = None
                hidden = False
            text = el.text
            if text and not text.isspace():
                own = total = len(" ".join(text.split()))
                commas = text.count(",")
                dated = own <= _METADATA_MAX and dated_text(text)
            else:
                own = total = commas = 0
                dated = False
            linked = own_linked = paragraphs = 0
            for child in el:
                tail = child.tail
                if tail and not tail.isspace():
                    t = len(" ".join(tail.split()))
                    total += t
                    own += t
                    commas += tail.count(",")
                    dated = dated or t <= _METADATA_MAX and dated_text(tail)
                m = get(child)
                if m is None:  # a comment or processing instruction
                    continue
                total += m[0]
                linked += m[1]
                paragraphs += m[5]
                if not m[6]:  # an inline child: its text is part of this element's own text
                    own += m[2]
                    own_linked += m[3]
                    commas += m[4]
            is_block = tag in block
            if tag == "a":
                linked, own_linked = total, own
            elif is_block and own >= _MIN_PARAGRAPH and own_linked * 2 < own:
                paragraphs += own
            measures[el] = [total, linked, own, own_linked, commas, paragraphs, is_block]
            if attrs or tag in _SCAN_TAGS:
                if role in _DIALOG_ROLES or tag == "dialog":
                    dialogs.append(el)
                elif tag in _DROP_TAGS or role in _DROP_ROLES or hidden or (style and _HIDDEN_STYLE.search(style)):
                    markup.append(el)
                elif cls or ident:
                    kind = _chrome_kind(cls, ident)
                    if kind == "strong":
                        strong.append(el)
                    elif kind == "weak":
                        weak.append(el)
                if tag in _METADATA_TAGS or rel == "author":
                    metadata.append((el, True))
                elif itemprop is not None or dated or (cls or ident) and _metadata_hint(cls, ident):
                    metadata.append((el, total <= _METADATA_MAX))
            elif dated:
                metadata.append((el, total <= _METADATA_MAX))
        self.measures = measures
        self.markup, self.strong, self.weak = markup[::-1], strong[::-1], weak[::-1]
        self.dialogs = dialogs[::-1]
        self.metadata = metadata[::-1]

    def get(self, el: Element, index: int) -> int:
        m = self.measures.get(el)
        return m[index] if m else 0

    def density(self, el: Element) -> float:
        m = self.measures.get(el)
        return m[LINKS] / m[LENGTH] if m and m[LENGTH] else 0.0

    def forget(self, el: Element) -> None:
        """Take a removed element's text out of its ancestors' measures."""
        m = self.measures[el]
        inline = el.tag not in BLOCK_TAGS
        for anc in el.iterancestors():
            a = self.measures.get(anc)
            if a is None:  # above the scanned part of the page
                break
            a[LENGTH] -= m[LENGTH]
            a[LINKS] -= m[LINKS]
            a[PARAGRAPHS] -= m[PARAGRAPHS]
            if inline:
                a[OWN] -= m[OWN]
                a[OWN_LINKS] -= m[OWN_LINKS]
                a[COMMAS] -= m[COMMAS]
                inline = anc.tag not in BLOCK_TAGS


_FORM_AND_MEDIA = ("iframe", "button", "select", "input", "textarea", "label", "figcaption", "dialog",
                   "menu", "object", "embed", "canvas", "video", "audio", "map", "template")
_TEXT_LENGTH = etree.XPath("string-length(normalize-space(.))")


def strip_chrome_tags(tree: Element) -> None:
    """Remove, in C and before anything is measured, the elements no article text is ever in: forms,
    media and <nav>, <footer> and <aside> (unless one of those holds half of the page's text: a wrapper, or the
    aside is a fact box)."""
    etree.strip_elements(tree, *_FORM_AND_MEDIA, with_tail=False)
    chrome = list(tree.iter("nav", "footer", "aside"))
    if not chrome:
        return
    body = tree.find("body")
    half = _TEXT_LENGTH(body if body is not None else tree) / 2
    for el in chrome:
        if el.getparent() is None or any(a.tag in ("nav", "footer", "aside") for a in el.iterancestors()):
            continue
        if _is_fact_box(el):
            el.tag = "div"
        elif _TEXT_LENGTH(el) < half:
            drop_keeping_tail(el)


def _is_fact_box(el: Element) -> bool:
    """An <aside> inside an <article> that is neither links nor marked as chrome: the story's own box ("The
    judgements", "Key facts", "At a glance"), not the site's ("Related", "Read more", "Most read")."""
    if el.tag != "aside" or not any(a.tag == "article" for a in el.iterancestors()) \
            or marked_as_chrome(el.get("class"), el.get("id"), el.get("role")):
        return False
    text = _TEXT_LENGTH(el)
    links = sum(_TEXT_LENGTH(a) for a in el.iter("a"))
    return text > 0 and links * 2 < text


_FOLLOWING_LINES = etree.XPath("following::text()[normalize-space()][position() <= 12]")
_WORDS = re.compile(r"\w+")


def _page_titles(tree: Element) -> list[str]:
    """The words of the page's <title> and og:title, lower case."""
    titles = [" ".join(_WORDS.findall(t.lower())) for t in tree.xpath(
        "/html/head/title/text() | /html/head/meta[@property='og:title']/@content")]
    return [t for t in titles if t]


def _repeats_title(heading: Element, titles: list[str]) -> bool:
    words = " ".join(_WORDS.findall("".join(heading.itertext()).lower()))
    return len(words) >= 10 and any(words in t or t in words for t in titles)


def metadata_soup(tree: Element, scan: PageScan | None = None) -> BeautifulSoup:
    """A small soup of what the title, author and date rules read, built before the tree is pruned.

    It holds the head's <title>, canonical link and <meta> tags about titles, authors, dates, the URL
    and the locale; <h1> and <h2> headings, <time>, itemprop and rel=author elements; short elements
    whose class or id names a date, byline, author or post meta, or whose text says "published",
    "posted", "released", "updated" or "date"; and the lines under each <h1> (and under an <h2> that
    repeats the title). Elements in comments, related links, footers and sidebars are left out: dates
    there belong to something else. Each element keeps its ancestors' tags, classes, ids and roles
    (plain wrappers are dropped), so rules that ask where an element sits get the answer they would
    get on the whole page. tests/test_generic_extraction.py pins that scrapers.pubdate finds
    the same date here as on the whole page; a new rule that reads something else needs it added here.
    """
    scan = scan or PageScan(tree)
    keep: set = set()
    whole: set = set()
    noisy: dict = {}

    def mark(el, subtree: bool) -> None:
        (whole if subtree else keep).add(el)
        for anc in el.iterancestors():
            if anc in keep:
                break
            keep.add(anc)

    head = tree.find("head")
    if head is not None:
        mark(head, False)
        for el in head:
            if el.tag in ("title", "base") or el.tag == "link" and "canonical" in (el.get("rel") or "") \
                    or el.tag == "meta" and _META_KEYS.search(" ".join(el.get(k) or "" for k in _META_ATTRS)):
                whole.add(el)
    titles = _page_titles(tree)
    for el, subtree in scan.metadata:
        if _is_noise(el, noisy) or el.tag == "meta" and not _META_KEYS.search(
                " ".join(el.get(k) or "" for k in _META_ATTRS)):
            continue
        mark(el, subtree)
        # The lines under a headline (bylines, date lines): under every <h1>, and under an <h2> that
        # repeats the page's title (some sites put the headline in an <h2>).
        if el.tag == "h1" or el.tag == "h2" and _repeats_title(el, titles):
            for node in _FOLLOWING_LINES(el):
                parent = node.getparent()
                if node.is_tail and parent is not None:
                    parent = parent.getparent()
                if parent is not None:
                    mark(parent, True)

    if tree not in keep and tree not in whole:
        return BeautifulSoup("", "lxml")
    holder = etree.Element("holder")
    _build_skeleton(tree, holder, keep, whole)
    return BeautifulSoup("".join(to_html(el) for el in holder), "lxml")


# (metadata_soup's helpers are functions, not closures: a recursive closure is a reference cycle, which only the
# garbage collector frees.)
def _is_noise(el: Element, noisy: dict) -> bool:
    """In comments, related links, footers or sidebars (where dates belong to something else); noisy: the answers
    so far."""
    known = noisy.get(el)
    if known is None and el.tag in ("html", "body"):  # page-wide classes ("comments-open") say nothing
        known = noisy[el] = False
    if known is None:
        parent = el.getparent()
        known = el.tag in ("footer", "aside", "nav") or el.get("role") in ("contentinfo", "complementary") \
            or any(NOISE_TOKEN.match(w) for w in f"{el.get('class') or ''} {el.get('id') or ''}".split()) \
            or parent is not None and _is_noise(parent, noisy)
        noisy[el] = known
    return known


def _build_skeleton(el: Element, into: Element, keep: set, whole: set) -> None:
    """Copy el into `into`: whole if in `whole`, else as a bare wrapper (or not at all) around its kept children."""
    if el in whole:
        into.append(copy.deepcopy(el))
        return
    attrs = {k: v for k, v in el.items() if k in _WRAPPER_ATTRS}
    twin = None
    if el.tag in _MEANINGFUL or attrs.keys() - {"class", "id"} \
            or _ANCESTOR_HINT.search(f"{attrs.get('class', '')} {attrs.get('id', '')}"):
        try:
            twin = etree.SubElement(into, el.tag, attrs)
            twin.text = el.text
        except ValueError:  # a tag name that cannot be created anew (Word's <o:p>)
            twin = None
    for child in el:  # a plain wrapper's kept children go straight into its parent
        if child in keep or child in whole:
            _build_skeleton(child, into if twin is None else twin, keep, whole)


def prune_chrome(root: Element, scan: PageScan) -> None:
    """Remove page chrome in place: chrome tags and roles, hidden elements, chrome class/id words.

    An element that holds half of the page's paragraph text is a wrapper, not chrome, whatever its
    markup says. Weak class words are only trusted if they leave most of the paragraph text standing.
    """
    total = scan.get(scan.top, PARAGRAPHS) or 1

    def removable(el) -> bool:
        return el.tag not in ("html", "body", "head") and scan.get(el, PARAGRAPHS) / total < WRAPPER_SHARE

    doomed = {el for el in scan.markup + scan.strong if removable(el)}
    doomed.update(el for el in scan.dialogs if el.tag not in ("html", "body"))
    weak = [el for el in scan.weak if removable(el)]
    weak_set = set(weak)
    outermost = [el for el in weak if not any(a in doomed or a in weak_set for a in el.iterancestors())]
    if sum(scan.get(el, PARAGRAPHS) for el in outermost) / total < WEAK_MAX_SHARE:
        doomed.update(outermost)
    for el in [el for el in doomed if not any(a in doomed for a in el.iterancestors())]:
        if el.getparent() is not None:
            scan.forget(el)
            drop_keeping_tail(el)


def drop_keeping_tail(el: Element) -> None:
    """Remove an element, keeping its tail text in place."""
    parent = el.getparent()
    if el.tail and el.tail.strip():
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def main_content(root: Element, scan: PageScan | None = None) -> list[Element]:
    """The elements that hold a page's article text, in document order (the tree is pruned in place).

    Every paragraph-like element (25+ characters of its own text, mostly not links) adds to the score
    of its parent and, less and less, of four more ancestors; a container's score is then discounted by
    its link density. The best container, climbed up when its parent scores better or when it is one of
    several near-equal parts, is kept with its siblings that score well or read like paragraphs, and
    with other containers of the same tag and class (an article split around ads).
    """
    scan = scan or PageScan(root)
    prune_chrome(root, scan)
    measures = scan.measures
    scores: dict = {}
    for el in root.iter(etree.Element):
        tag = el.tag
        m = measures.get(el)
        if m is None or m[OWN] < _MIN_PARAGRAPH or m[OWN_LINKS] * 2 > m[OWN]:
            continue
        is_container = tag in _CONTAINER_TAGS
        if not is_container and tag not in _PARAGRAPH_TAGS:
            continue
        score = 1 + m[COMMAS] + min(m[OWN] / 100, 3)
        node = el if is_container else el.getparent()  # loose text in a container scores for the container
        level = 0
        while node is not None and level < 5 and node.tag != "html":
            if node not in scores:
                scores[node] = _TAG_WEIGHT.get(node.tag, 0) + _class_weight(node.get("class"), node.get("id"))
            scores[node] += score / (1 if level == 0 else 2 if level == 1 else level * 3)
            node = node.getparent()
            level += 1
    if not scores:
        body = root.find("body")
        return [body if body is not None else root]
    final = {el: s * (1 - scan.density(el)) for el, s in scores.items()}
    top = _climb(max(final, key=final.get), final)
    own, others = _stories(root, top)
    if own is not None and not (top is own or _is_ancestor(own, top)):  # the content took in, or is, another story
        top = own
    kept = _with_lead(root, _with_parts(root, _with_siblings(top, final, scan), top, final, scan), scan)
    return [el for el in kept if not any(o is el or _is_ancestor(o, el) or _is_ancestor(el, o) for o in others)]


def _stories(root, top) -> tuple:
    """(the page's story, the other stories) on a page holding several, each an <article> with an <h1> of its own
    (the next story loaded below the first): the one whose <h1> repeats the page's title, else the one the best
    content is in, else the first; (None, []) on a page of one story."""
    stories = [a for a in root.iter("article") if a.find(".//h1") is not None
               and not any(anc.tag == "article" for anc in a.iterancestors())]
    if len(stories) < 2:
        return None, []
    titles = _page_titles(root)
    own = next((a for a in stories if _repeats_title(a.find(".//h1"), titles)), None)
    if own is None:
        own = next((a for a in stories if a is top or _is_ancestor(a, top)), stories[0])
    return own, [a for a in stories if a is not own]


def _climb(top, final: dict):
    """Move up from the best candidate to the ancestor of several near-equal candidates, or while the
    parent scores better."""
    best = final[top]
    alternatives = [el for el, s in final.items() if el is not top and s >= 0.75 * best]
    if len(alternatives) >= 3:
        for node in top.iterancestors():
            if node.tag in ("body", "html"):
                break
            if sum(1 for a in alternatives if _is_ancestor(node, a)) >= 3:
                top = node
                break
    last = final.get(top, best)
    for parent in top.iterancestors():
        score = final.get(parent)
        if parent.tag in ("body", "html") or score is None:
            break
        if score > last:
            top, last = parent, score
        elif score < last / 3:
            break
    return top


def _is_ancestor(node, el) -> bool:
    return any(anc is node for anc in el.iterancestors())


_SENTENCE_END = re.compile(r"\.( |$)")


def _with_siblings(top, final: dict, scan: PageScan) -> list:
    """The best container and those of its siblings that score well or read like article paragraphs."""
    parent = top.getparent()
    if parent is None:
        return [top]
    best = final.get(top, 0.0)
    threshold = max(10.0, best * 0.2)
    top_class = top.get("class")
    kept = []
    for sibling in parent:
        if sibling is top:
            kept.append(sibling)
            continue
        if not isinstance(sibling.tag, str):
            continue
        score = final.get(sibling, 0.0)
        if top_class and sibling.get("class") == top_class:
            score += best * 0.2
        if score >= threshold:
            kept.append(sibling)
        elif sibling.tag == "p":
            length, density = scan.get(sibling, LENGTH), scan.density(sibling)
            if length > 80 and density < 0.25 or 0 < length <= 80 and density == 0 \
                    and _SENTENCE_END.search(" ".join("".join(sibling.itertext()).split())):
                kept.append(sibling)
    return kept


def _with_parts(root, kept: list, top, final: dict, scan: PageScan) -> list:
    """Add the other parts of an article split into several containers of the same tag and class."""
    cls = top.get("class")
    if not cls:
        return kept
    extra: list = []
    for el in final:
        if el is top or el.tag != top.tag or el.get("class") != cls:
            continue
        if scan.get(el, PARAGRAPHS) < 100 or scan.density(el) >= 0.3:
            continue
        if any(k is el or _is_ancestor(k, el) or _is_ancestor(el, k) for k in kept + extra):
            continue
        extra.append(el)
    if not extra:
        return kept
    order = {el: i for i, el in enumerate(root.iter(etree.Element))}
    return sorted(kept + extra, key=order.__getitem__)


LEAD_WORDS = 8  # a paragraph between the headline and the body with this many words is the story's lead


def _with_lead(root, kept: list, scan: PageScan) -> list:
    """Add the paragraphs between the headline (the last <h1> before the content) and the content: a standfirst or
    a first paragraph set in a container of its own ("standfirst", "article-intro"), which the body's container
    does not hold. Bylines there are shorter than LEAD_WORDS words; datelines ("Published: ...") and links are no
    lead."""
    order = {el: i for i, el in enumerate(root.iter(etree.Element))}
    start = order[kept[0]]
    headline = next((h for h in reversed(list(root.iter("h1"))) if order[h] < start
                     and not _is_ancestor(h, kept[0])), None)
    if headline is None:
        return kept
    lead: list = []
    for el in root.iter(etree.Element):
        at = order[el]
        if at <= order[headline] or _is_ancestor(el, headline) or any(_is_ancestor(a, el) for a in lead):
            continue
        if at >= start:
            break
        if el.tag not in ("p", "div") or _is_ancestor(el, kept[0]) \
                or el.tag == "div" and next(el.iterdescendants(*BLOCK_TAGS), None) is not None:
            continue
        text = " ".join("".join(el.itertext()).split())
        if len(text.split()) >= LEAD_WORDS and scan.density(el) < 0.5 and not (len(text) < 100 and _dated_text(text)):
            lead.append(el)
    return lead + kept


# Short lines inside an article body that address the reader about the site, not the story.
PROMO_LINE = Caseless(
    r"\b(?:subscribe (?:now|today|to)|sign up (?:for|to|now|here)|newsletters?\b.{0,40}\b(?:sign|subscribe|inbox)|"
    r"follow (?:us|me|the \w+) on|keep up with (?:us|me) on|download (?:our|the) \w* ?app|"
    r"all rights reserved|click here to|we want to hear|submit your (?:letter|story|comment)|"
    r"if you enjoyed (?:reading )?this|not responsible for the content|share (?:this|on) (?:article|story|facebook)|"
    r"explore further|story continues below|continue reading|advertisement$|read more:?$|related:|"
    r"this (?:article|story) (?:was )?(?:originally )?(?:appeared|published) (?:on|in) (?!.*\d{4})|"
    r"©|\(c\) \d{4}|copyright \d{4})")
PROMO_MAX = 250
# Whole lines that are page furniture, wherever they turn up.
JUNK_LINE = Caseless(r"(?:advert|advertisement|advertising|sponsored( content)?|comments?|share( this)?|print|email|"
                      r"tweet|read more|continue reading|loading|this slideshow requires javascript)\W*")


def generic_blocks(tree: Element, scan: PageScan | None = None) -> list[Block]:
    """Blocks of a page's main content (the tree is pruned in place), without short promotional lines."""
    return [b for b in tree_blocks(content_tree(main_content(tree, scan)))
            if not (len(b.text) < PROMO_MAX and (b.kind != "heading" and PROMO_LINE.search(b.text)
                                                 or JUNK_LINE.fullmatch(b.text)))]


def content_tree(elements: list) -> Element:
    """The given lxml elements, serialized and read again by the HTML parser inside one <div>.

    Read again, out of the page, libxml2 nests some markup differently (a <body> or <html> among the
    elements dissolves into the <div>; the text of <xmp> or <noframes> is escaped once more): the blocks are
    those of the markup kept, as they were when this <div> was a BeautifulSoup tree. Reading it costs
    a tenth of building that soup, which cost as much as all the rest of the generic extraction.
    """
    markup = "".join(to_html(el, with_tail=False) for el in elements)
    parser = etree.HTMLParser()  # BeautifulSoup's settings for lxml: a feed parser, comments kept
    parser.feed(f"<div>{markup}</div>")
    root = parser.close()
    div = root.find("body/div")
    return div if div is not None else root
