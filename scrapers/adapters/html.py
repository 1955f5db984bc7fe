"""Shared HTML machinery for adapters: decoding, a lean soup, boilerplate removal, blocks.

BeautifulSoup's tree building dominates parse time, so scripts, styles, SVG and comments
are dropped with lxml before the soup is built (JSON-LD is read first, it carries metadata).
"""

from __future__ import annotations

import codecs
import json
import re
from itertools import count

from bs4 import BeautifulSoup, NavigableString, Tag
from lxml import etree
from lxml import html as lxml_html

from csi.records import Block

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SPACE = re.compile(r"\s+")
_BULLET = re.compile(r"^\s*[•·▪■◦●\-–*]\s+")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Elements that are never article content, on any site.
BOILERPLATE = (
    "nav", "footer", "aside", "form", "noscript", "iframe", "button",
    "[class*=cookie]", "[id*=cookie]", "[class*=comment]", "[id*=comment]", "[id*=disqus]", "[class*=disqus]",
    "[class*=share]", "[class*=social]", "[class*=related]", "[class*=newsletter]", "[class*=advert]",
    "[class*=paywall]", "[class*=register]", "[class*=subscribe]", "[class*=most-read]", "[class*=breadcrumb]",
    "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[class*=browser-notice]", "[class*=skip]",
)


def charset_of(content_type: str | None) -> str | None:
    if content_type and "charset=" in content_type.lower():
        return content_type.lower().split("charset=", 1)[1].split(";")[0].strip().strip('"') or None
    return None


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Text of an HTML body: HTTP charset, then BOM, then <meta charset>, then UTF-8, then charset-normalizer.

    Every decoding is strict: a declared charset that does not fit the bytes is passed over, and if
    nothing fits a UnicodeDecodeError is raised rather than text being replaced. A byte-order mark
    overrides the HTTP charset (as in the WHATWG Encoding Standard): it cannot occur by accident.
    Labels for Latin-1 and ASCII are read as windows-1252 first, as browsers do (pages that say
    iso-8859-1 routinely carry windows-1252 curly quotes). Among the detector's equally good guesses
    windows-1252 wins, the Web's default for English pages.
    """
    import charset_normalizer

    def codecs_for(label: str) -> list[str]:
        try:
            name = codecs.lookup(label.strip()).name
        except LookupError:
            return []
        return ["cp1252", name] if name in ("iso8859-1", "ascii") else [name]

    for bom, encoding in _BOMS:
        if body.startswith(bom):
            encoding = {codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}.get(bom, encoding)
            try:
                return body[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                break  # a BOM followed by something else: fall back to the declarations
    candidates = codecs_for(charset_of(content_type) or "")
    if m := _META_CHARSET.search(body[:4096]):
        label = m.group(1).decode("ascii", "ignore")
        # An ASCII-compatible <meta> cannot truly announce UTF-16/32 (WHATWG reads it as UTF-8).
        candidates += ["utf-8"] if label.lower().startswith(("utf-16", "utf-32")) else codecs_for(label)
    candidates.append("utf-8")
    error: UnicodeDecodeError | None = None
    for encoding in dict.fromkeys(candidates):
        try:
            return body.decode(encoding).removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            error = error or exc
        except (UnicodeError, LookupError):  # labels of codecs that are not text encodings (idna, base64)
            continue
    results = charset_normalizer.from_bytes(body)
    best = results.best()
    if best is not None:
        tied = [m for m in results if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
        if any("cp1252" in m.could_be_from_charset for m in tied):
            try:
                return body.decode("cp1252")
            except UnicodeDecodeError:
                pass
        return str(best)
    assert error is not None  # UTF-8 was tried and failed, or we would have returned
    raise UnicodeDecodeError(error.encoding, body, error.start, error.end,
                             "no charset fits: not the declared one, not UTF-8, and the detector found none")


def clean_text(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u00a0", " ").replace("\u200b", "")).strip()


def json_ld(tree: lxml_html.HtmlElement) -> list[dict]:
    """Every JSON-LD object on the page, with @graph entries flattened."""
    objects: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                objects.append(item)
                stack.extend(g for g in item.get("@graph", []) if isinstance(g, dict))
    return objects


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_HTML_PARSER = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)


def parse_tree(text: str) -> lxml_html.HtmlElement:
    """The lxml tree of a decoded page (an XML declaration, which lxml refuses in text, is dropped)."""
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        text = "<html></html>"
    root = lxml_html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=_HTML_PARSER)
    return root


def lean_soup(text: str) -> tuple[BeautifulSoup, list[dict]]:
    """A soup without scripts, styles, SVG or comments, and the page's JSON-LD objects."""
    tree = parse_tree(text)
    ld = json_ld(tree)
    etree.strip_elements(tree, "script", "style", "svg", "template", etree.Comment, with_tail=False)
    return BeautifulSoup(lxml_html.tostring(tree, encoding="unicode"), "lxml"), ld


def remove_all(root: Tag, selectors: tuple[str, ...] | list[str]) -> None:
    for selector in selectors:
        for el in root.select(selector):
            if el is not root:
                el.decompose()


def densest_container(soup: BeautifulSoup) -> Tag:
    """The element whose direct paragraphs hold the most text: the article body on most sites."""
    scores: dict[int, tuple[int, Tag]] = {}
    for p in soup.find_all(["p", "li"]):
        parent = p.parent
        if parent is None:
            continue
        if p.name == "li" and parent.parent is not None:
            parent = parent.parent
        length = len(clean_text(p.get_text(" ")))
        if length < 25:
            continue
        key = id(parent)
        scores[key] = (scores.get(key, (0, parent))[0] + length, parent)
    if not scores:
        return soup.body or soup
    return max(scores.values(), key=lambda s: s[0])[1]


def blocks_of(root: Tag) -> list[Block]:
    """Headings, paragraphs, list items and table rows of an element, in reading order.

    Paragraphs that start with a bullet character become list items too (some sites
    write lists as bulleted paragraphs); consecutive ones share a list_id.
    """
    blocks: list[Block] = []
    list_ids = count(1)
    state = {"bullet_list": None}

    def add(kind: str, text: str, level: int = 0, list_id: int | None = None) -> None:
        text = clean_text(text)
        if text:
            blocks.append(Block(kind=kind, text=text, level=level, list_id=list_id))

    def walk(el: Tag) -> None:
        for child in el.children:
            if isinstance(child, NavigableString):
                if len(child.strip()) > 1:
                    state["bullet_list"] = None
                    add("paragraph", str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name in HEADINGS:
                state["bullet_list"] = None
                add("heading", child.get_text(" "), level=int(name[1]))
            elif name in ("ul", "ol"):
                state["bullet_list"] = None
                list_id = next(list_ids)
                for li in child.find_all("li", recursive=False):
                    add("list_item", li.get_text(" "), list_id=list_id)
            elif name == "tr":
                cells = [clean_text(c.get_text(" ")) for c in child.find_all(["td", "th"], recursive=False)]
                add("table_row", " | ".join(c for c in cells if c))
            elif name == "p" or (name in ("div", "span") and not child.find(_BLOCK_TAGS)):
                text = child.get_text(" ")
                if _is_link_list(child, text):
                    continue
                if _BULLET.match(text):
                    if state["bullet_list"] is None:
                        state["bullet_list"] = next(list_ids)
                    add("list_item", _BULLET.sub("", text), list_id=state["bullet_list"])
                elif clean_text(text):
                    state["bullet_list"] = None
                    add("paragraph", text)
            elif name == "br":
                continue
            else:
                walk(child)

    walk(root)
    return blocks


def _is_link_list(el: Tag, text: str) -> bool:
    """A short paragraph that is mostly link text ("Back to news | Have your say") is navigation."""
    length = len(clean_text(text))
    linked = sum(len(clean_text(a.get_text(" "))) for a in el.find_all("a"))
    return 0 < length < 200 and linked / length > 0.6


_BLOCK_TAGS = ["p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
               "blockquote"]


def meta_content(soup: BeautifulSoup, *names: str) -> str | None:
    """The content of the first <meta> whose name or property is one of names."""
    for name in names:
        el = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if el and el.get("content"):
            return el["content"].strip()
    return None
