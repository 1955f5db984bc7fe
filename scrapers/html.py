"""Shared HTML machinery for the platforms' parsers: decoding, lean trees and soups, boilerplate selectors,
blocks (generic main-content extraction for pages without a site profile: scrapers/generic_extraction.py).

BeautifulSoup's tree building dominates parse time, so scripts, styles, SVG and comments
are dropped with lxml before any soup is built (JSON-LD is read first, it carries metadata),
and generic extraction works on the lxml tree, building soups only for what it keeps.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from itertools import count

from bs4 import BeautifulSoup, CData, NavigableString, Tag
from lxml import etree

from csi.dates import MONTH_PATTERN
from csi.records import CELL_SEPARATOR, Block

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_BULLET = re.compile(r"^\s*[•·▪■◦●\-–*]\s+")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Elements that are never article content, on any site.
BOILERPLATE = (
    "nav", "footer", "aside", "form", "noscript", "iframe", "button",
    "[class*=cookie]", "[id*=cookie]", "[class*=comment]", "[id*=comment]", "[class*=responses]", "[id*=responses]",
    "[class*=replies]", "[id*=replies]", "[id*=disqus]", "[class*=disqus]",
    "[class*=share]", "[class*=social]", "[class*=related]", "[class*=newsletter]", "[class*=advert]",
    "[class*=paywall]", "[class*=register]", "[class*=subscribe]", "[class*=most-read]", "[class*=breadcrumb]",
    "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[class*=browser-notice]", "[class*=skip]",
)

# Limits on one page (docs/limits.md): pages written by strangers must fail with a reason, not exhaust memory
# or come out silently empty. A body over MAX_PAGE_BYTES is refused before decoding; decoded text in which
# more than MAX_CONTROL_SHARE of the first CONTROL_SAMPLE characters are control characters is binary, not
# HTML. libxml2's own limits (lxml without huge_tree) are turned from silent truncation into failures by
# parse_tree: elements nested deeper than 255 and a single text node over 10,000,000 bytes.
MAX_PAGE_BYTES = 10 * 1024 * 1024
LINK_HEADLINE_WORDS = 5  # words of an item, on average, in a list of links to other stories
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")  # a line ending as a sentence does
MAX_LINE = 160  # characters of a line, at most, in a paragraph of lines (a list written with <br>), not prose
MAX_ROWSPAN = 1000  # a table cell spans at most this many rows below it (browsers cap rowspan at 65534)
MAX_CONTROL_SHARE = 0.02
CONTROL_SAMPLE = 65_536
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0e, 0x20), 0x7f])


class UnparseablePage(ValueError):
    """A page beyond a parse limit, binary, or without readable text: it fails with this reason."""


def charset_of(content_type: str | None) -> str | None:
    if content_type and "charset=" in content_type.lower():
        return content_type.lower().split("charset=", 1)[1].split(";")[0].strip().strip('"') or None
    return None


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Text of an HTML body (see _decode); UnparseablePage for a body over MAX_PAGE_BYTES or binary content."""
    if len(body) > MAX_PAGE_BYTES:
        raise UnparseablePage(f"page of {len(body):,} bytes is over the parse limit of {MAX_PAGE_BYTES:,} bytes")
    text = _decode(body, content_type)
    sample = text[:CONTROL_SAMPLE]
    encoded = sample.encode("utf-8", "surrogatepass")  # UTF-8 writes these characters, and only these, as one byte
    controls = len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise UnparseablePage(f"binary content, not HTML: {controls} control characters in the first "
                              f"{len(sample):,} characters")
    return text


def _decode(body: bytes, content_type: str | None) -> str:
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
    """Text with zero-width spaces removed and each run of whitespace (no-break spaces too) made one space."""
    return " ".join(text.replace("\u200b", "").split())  # str.split() splits where r"\s" matches


_JSON_LD_SCRIPTS = etree.XPath('//script[@type="application/ld+json"]')


def json_ld(tree: Element) -> list[dict]:
    """Every JSON-LD object on the page, with @graph entries flattened."""
    objects: list[dict] = []
    for script in _JSON_LD_SCRIPTS(tree):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):  # not JSON, or nested deeper than the json module goes
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                objects.append(item)
                stack.extend(g for g in item.get("@graph", []) if isinstance(g, dict))
    return objects


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.I)
# A browser reads what follows </body> or </html> into the body (HTML5's "after body" mode): comments a template
# printed after the page's end are on the page; libxml2 would drop them.
_BODY_END = re.compile(r"</(?:body|html)\s*>", re.I)
# A plain etree parser: lxml.html's element classes cost a Python call per element touched.
_HTML_PARSER = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
Element = etree._Element


def parse_tree(text: str) -> Element:
    """The lxml tree of a decoded page (an XML declaration, which lxml refuses in text, is dropped), with what
    follows the body's end read into the body as a browser reads it.

    Where libxml2 stops at one of its limits (nesting, text size) it would silently drop the rest of the
    page; the page fails instead (UnparseablePage).
    """
    text = _BODY_END.sub("", _XML_DECLARATION.sub("", text, count=1))
    root = etree.fromstring(text.encode("utf-8", "surrogatepass"), _HTML_PARSER) if text.strip() else None
    limit = next((e for e in _HTML_PARSER.error_log if e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT), None)
    if limit is not None:
        raise UnparseablePage(f"page beyond the HTML parser's limits (nesting over 255 elements or a text over "
                              f"10,000,000 bytes): {limit.message.strip()}")
    return root if root is not None else etree.fromstring(b"<html></html>", _HTML_PARSER)


def lean_tree(text: str) -> tuple[Element, list[dict]]:
    """The lxml tree of a page without scripts, styles, SVG or comments, and the page's JSON-LD objects."""
    tree = parse_tree(text)
    ld = json_ld(tree)
    etree.strip_elements(tree, "script", "style", "svg", "template", etree.Comment, etree.ProcessingInstruction,
                         with_tail=False)
    return tree, ld


def to_html(el: Element, with_tail: bool = True) -> str:
    return etree.tostring(el, method="html", encoding="unicode", with_tail=with_tail)


def soup_of(tree: Element) -> BeautifulSoup:
    return BeautifulSoup(to_html(tree), "lxml")


def lean_soup(text: str) -> tuple[BeautifulSoup, list[dict]]:
    """A soup without scripts, styles, SVG or comments, and the page's JSON-LD objects."""
    tree, ld = lean_tree(text)
    return soup_of(tree), ld


def remove_all(root: Tag, selectors: tuple[str, ...] | list[str]) -> None:
    """Decompose every element under root that any selector matches (one walk of the tree, not one per selector)."""
    if not selectors:
        return
    for el in root.select(", ".join(selectors)):
        if el is not root and not el.decomposed:
            el.decompose()


# Block-level tags: text directly inside one of these is a paragraph of its own.
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "ul", "ol", "li", "table", "tbody", "thead", "tfoot", "tr",
    "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dl", "dt", "dd", "figure", "form", "body",
    "html", "center", "address", "hr", "fieldset", "details", "summary", "caption",
})


def blocks_of(root: Tag) -> list[Block]:
    """Headings, paragraphs, list items and table rows of a BeautifulSoup element, in reading order.

    Text and inline elements between blocks form one paragraph ("<br>" ends it, in a <p> too), and text is joined
    as a browser shows it: "<a>Ofsted</a>, which" reads "Ofsted, which". Paragraphs that start with a
    bullet character become list items too (some sites write lists as bulleted paragraphs);
    consecutive ones share a list_id.
    """
    return _blocks(root, _SOUP_VIEW)


def tree_blocks(root: Element) -> list[Block]:
    """blocks_of for an lxml element: the same blocks as blocks_of(soup_of(root)), without building a soup."""
    return _blocks(root, _TreeView(root))


_CELL_BLOCKS = ("p", "div", "ul", "ol", "table", "blockquote")  # blocks that make a table cell a page's column
# Elements whose text BeautifulSoup keeps as other string types (Script, Stylesheet, TemplateString,
# RubyTextString, RubyParenthesisString), which are not rendered: blocks never hold it.
_UNRENDERED = ("script", "style", "template", "rt", "rp")
_TEXT_TYPES = (NavigableString, CData)


class _SoupView:
    """How _blocks reads a BeautifulSoup tree: the text and elements under an element, in order."""

    @staticmethod
    def children(el: Tag) -> Iterator[str | Tag]:
        for child in el.children:
            if type(child) in _TEXT_TYPES or isinstance(child, Tag):
                yield child

    @staticmethod
    def name(el: Tag) -> str:
        return el.name

    @staticmethod
    def holds_block(el: Tag) -> bool:
        """Some element below el is a block (_BLOCK_TAGS)."""
        return el.find(_BLOCK_TAGS) is not None

    @staticmethod
    def kids(el: Tag, *names: str) -> list[Tag]:
        return el.find_all(list(names), recursive=False)


_SOUP_VIEW = _SoupView()


class _TreeView:
    """How _blocks reads an lxml tree: text (text and tails, none inside _UNRENDERED) and elements, in order."""

    def __init__(self, root: Element) -> None:
        self.unrendered = {el for container in root.iter(*_UNRENDERED) for el in container.iter()}

    def children(self, el: Element) -> Iterator[str | Element]:
        rendered = el not in self.unrendered
        if el.text and rendered:
            yield el.text
        for child in el:
            if isinstance(child.tag, str):  # not a comment or processing instruction
                yield child
            if child.tail and rendered:
                yield child.tail

    @staticmethod
    def name(el: Element) -> str:
        return el.tag

    @staticmethod
    def holds_block(el: Element) -> bool:
        return next(el.iterdescendants(*_BLOCK_TAGS), None) is not None

    @staticmethod
    def kids(el: Element, *names: str) -> list[Element]:
        return [child for child in el if child.tag in names]


def _blocks(root, view: _SoupView | _TreeView) -> list[Block]:
    """blocks_of, on a tree read through view."""
    reader = _BlockReader(view)
    reader.walk(root)
    return reader.blocks


class _BlockReader:
    """The blocks of a tree, read in one walk (a class, not closures: recursive closures are reference cycles,
    which only the garbage collector frees)."""

    def __init__(self, view: _SoupView | _TreeView) -> None:
        self.view = view
        self.blocks: list[Block] = []
        self.list_ids = count(1)
        self.bullet_list: int | None = None
        self.spans: dict[int, list] = {}  # column -> [text, rows still to fill] of a cell spanning rows below it

    def add(self, kind: str, text: str, level: int = 0, list_id: int | None = None) -> None:
        text = clean_text(text)
        if text:
            self.blocks.append(Block(kind=kind, text=text, level=level, list_id=list_id))

    def paragraph(self, nodes: list) -> None:
        if not nodes:
            return
        raw, linked = _render(nodes, self.view)
        text = clean_text(raw)
        if len(text) <= 1 or _is_link_list(len(text), linked):
            return
        if _BULLET.match(text):
            if self.bullet_list is None:
                self.bullet_list = next(self.list_ids)
            self.add("list_item", _BULLET.sub("", text), list_id=self.bullet_list)
        else:
            self.bullet_list = None
            self.add("paragraph", text)

    def lines(self, el) -> None:
        """A paragraph element; one whose lines a <br> ends, short and most not sentences, is a list of them, an
        item per line ("East Sussex<br>North East Lincolnshire" under "Zero stars", "Northtown: good (2019)<br>
        Westshire: inadequate (2018)", a resolution's "(i) ...;<br>(ii) ...;"); sentences broken by <br> (a
        transcript's turns, paragraphs a CMS runs together) stay a paragraph, and so do links."""
        view = self.view
        lines: list[list] = [[]]
        for child in view.children(el):
            if isinstance(child, str) or view.name(child) != "br":
                lines[-1].append(child)
            else:
                lines.append([])
        if len(lines) == 1:  # no line break: one paragraph
            self.paragraph([el])
            return
        texts = [text for line in lines if len(text := clean_text(_render(line, view)[0])) > 1]
        raw, linked = _render([el], view)
        sentences = sum(bool(_SENTENCE_END.search(t)) for t in texts)
        if len(texts) < 2 or max(map(len, texts)) > MAX_LINE or sentences * 2 >= len(texts) \
                or _is_link_list(len(clean_text(raw)), linked):
            self.paragraph([el])
            return
        self.bullet_list = None
        list_id = next(self.list_ids)
        for text in texts:
            self.add("list_item", _BULLET.sub("", text), list_id=list_id)

    def text_of(self, node) -> str:
        return _render([node], self.view)[0]

    def list_items(self, list_el, list_id: int) -> None:
        """The items of a list, in order; an item holding a list of its own ("Children looked after: good" over
        "Adoption: outstanding") is its own text, then its sub-items, all in the one list."""
        view = self.view
        for li in view.kids(list_el, "li"):
            nested = view.kids(li, "ul", "ol")
            if not nested and view.kids(li, "table"):
                self.item_with_tables(li, list_id)
                continue
            if not nested:
                self.add("list_item", self.text_of(li), list_id=list_id)
                continue
            own = [c for c in view.children(li) if isinstance(c, str) or view.name(c) not in ("ul", "ol")]
            self.add("list_item", _render(own, view)[0], list_id=list_id)
            for sub in nested:
                self.list_items(sub, list_id)

    def links_only(self, list_el) -> bool:
        """A list of headlines: every item a link and nothing more (a date beside it at most), and the items as
        long as headlines are (LINK_HEADLINE_WORDS on average): other stories ("Read more", "More on this
        story"), documents, navigation, never the story's own lines. An item with a word of its own outside its
        link ("<a>Leeds</a>: good") is a line; linked names alone ("<a>Leeds</a>", "<a>Wigan</a>") are a list."""
        view = self.view
        items = list(_descendants(list_el, view, "li"))
        texts = [_render([li], view) for li in items]
        return bool(items) and all(linked and not _LINK_ITEM_REST.search(_unlinked(li, view))
                                   for li, (_, linked) in zip(items, texts, strict=True)) \
            and sum(len(text.split()) for text, _ in texts) >= LINK_HEADLINE_WORDS * len(items)

    def table(self, el) -> None:
        """A table's rows, each a block; its cells span only its own rows."""
        outer, self.spans = self.spans, {}
        self.walk(el)
        self.spans = outer

    def lays_out(self, tr) -> bool:
        """A row of a table that lays out a page, not data: a cell of it holds a heading or two or more paragraphs
        ("<td>84.</td><td><b>Ofsted inspection</b><p>The Cabinet Member ...</p><p>RESOLVED ...</p></td>"). Its
        cells are read as blocks; a data table's cells hold a line each, a <p> at most (Word's tables)."""
        view = self.view
        return any(view.kids(cell, *HEADINGS) or len(view.kids(cell, *_CELL_BLOCKS)) >= 2
                   for cell in view.kids(tr, "td", "th"))

    def row_cells(self, tr) -> list[str]:
        """The texts of a table row's cells, with those of cells above spanning into it (rowspan) in their
        columns: "Leeds" over the two rows of its two inspections is each row's first cell."""
        out: list[str] = []

        def spanned() -> None:
            while len(out) in self.spans:
                span = self.spans[len(out)]
                out.append(span[0])
                span[1] -= 1
                if span[1] <= 0:
                    del self.spans[len(out) - 1]

        for cell in self.view.kids(tr, "td", "th"):
            spanned()
            text = clean_text(self.text_of(cell))
            rows = cell.get("rowspan") or "1"
            if rows.strip().isdigit() and int(rows) > 1:
                self.spans[len(out)] = [text, min(int(rows), MAX_ROWSPAN) - 1]
            out.append(text)
        spanned()
        return out

    def definitions(self, dl, list_id: int) -> None:
        """The entries of a definition list, each term with its definitions one item ("Overall effectiveness: Good"
        from <dt>Overall effectiveness</dt><dd>Good</dd>), as a list of "Label: text" lines is written."""
        term, said = "", []
        view = self.view  # (HTML lets a <div> wrap each entry)
        for el in [e for kid in view.kids(dl, "dt", "dd", "div")
                   for e in (view.kids(kid, "dt", "dd") if view.name(kid) == "div" else [kid])]:
            if view.name(el) == "dt":
                self.definition(term, said, list_id)
                term, said = clean_text(self.text_of(el)), []
            else:
                said.append(clean_text(self.text_of(el)))
        self.definition(term, said, list_id)

    def definition(self, term: str, said: list[str], list_id: int) -> None:
        text = "; ".join(d for d in said if d)
        self.add("list_item", f"{term}: {text}" if term and text else term or text, list_id=list_id)

    def item_with_tables(self, li, list_id: int) -> None:
        """An item holding a table (a minuted agenda item with the judgements in a table): its text around each
        table an item, each of the table's rows a row, as a table outside a list is read."""
        view, run = self.view, []
        for child in view.children(li):
            if isinstance(child, str) or view.name(child) != "table":
                run.append(child)
                continue
            if run:
                self.add("list_item", _render(run, view)[0], list_id=list_id)
            run = []
            self.table(child)
        if run:
            self.add("list_item", _render(run, view)[0], list_id=list_id)

    def walk(self, el) -> None:
        view = self.view
        run: list = []
        for child in view.children(el):
            if isinstance(child, str):
                run.append(child)
                continue
            name = view.name(child)
            if name == "br":
                self.paragraph(run)
                run = []
                continue
            if name not in BLOCK_TAGS and not view.holds_block(child):
                run.append(child)
                continue
            self.paragraph(run)
            run = []
            if name in HEADINGS:
                self.bullet_list = None
                self.add("heading", self.text_of(child), level=int(name[1]))
            elif name in ("ul", "ol"):
                self.bullet_list = None
                if not self.links_only(child):
                    self.list_items(child, next(self.list_ids))
            elif name == "dl":
                self.bullet_list = None
                self.definitions(child, next(self.list_ids))
            elif name == "tr" and self.lays_out(child):
                for cell in view.kids(child, "td", "th"):
                    self.walk(cell)
            elif name == "tr":
                self.add("table_row", CELL_SEPARATOR.join(c for c in self.row_cells(child) if c))
            elif name == "table":
                self.table(child)
            elif name == "p" or (name in ("div", "span") and not view.holds_block(child)):
                self.lines(child)
            else:
                self.walk(child)
        self.paragraph(run)


def _render(nodes: list, view: _SoupView | _TreeView) -> tuple[str, int]:
    """The text of nodes as rendered, and how many of its characters are link text.

    Strings are joined as they are, with a space for <br> and around blocks. Where an inline element
    starts or ends between two letters or digits ("<span>Updated</span><a>Police"), a space is put in:
    such pieces are set apart by styling, and words are rarely split by markup.
    """
    parts: list = []  # strings, and None where an inline element starts or ends
    linked: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(node)
        else:
            name = view.name(node)
            edge = " " if name in BLOCK_TAGS else None
            parts.append(edge)
            _collect(node, name == "a", view, parts, linked)
            parts.append(edge)
    out: list[str] = []
    pending = False
    for part in parts:
        if part is None:
            pending = True
            continue
        if not part:
            continue
        if pending and out and out[-1][-1:].isalnum() and part[:1].isalnum():
            out.append(" ")
        pending = False
        out.append(part)
    return "".join(out), len(clean_text(" ".join(linked))) if linked else 0


def _collect(node, in_link: bool, view: _SoupView | _TreeView, parts: list, linked: list[str]) -> None:
    """Add the strings under node to parts (and those inside links to linked), with _render's edges."""
    for child in view.children(node):
        if isinstance(child, str):
            parts.append(child)
            if in_link:
                linked.append(child)
            continue
        name = view.name(child)
        if name == "br":
            parts.append(" ")
        elif name in BLOCK_TAGS:
            parts.append(" ")
            _collect(child, in_link, view, parts, linked)
            parts.append(" ")
        else:
            parts.append(None)
            _collect(child, in_link or name == "a", view, parts, linked)
            parts.append(None)


# Words beside a link in a list of links: a date, a time ago, a count of comments, a file's type and size.
_LINK_ITEM_REST = re.compile(
    rf"\b(?!{MONTH_PATTERN}\b|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)(?:day)?\b"
    r"|(?:ago|mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?|updated|published|comments?|pdf|kb|mb|"
    r"new|video|audio|live)\b)[a-z]{2,}", re.I)


def _descendants(el, view: _SoupView | _TreeView, name: str) -> Iterator:
    for child in view.children(el):
        if isinstance(child, str):
            continue
        if view.name(child) == name:
            yield child
        yield from _descendants(child, view, name)


def _unlinked(node, view: _SoupView | _TreeView) -> str:
    """The text under node outside any link."""
    parts = []
    for child in view.children(node):
        if isinstance(child, str):
            parts.append(child)
        elif view.name(child) != "a":
            parts.append(" " + _unlinked(child, view) + " ")
    return "".join(parts)


def _is_link_list(length: int, linked: int) -> bool:
    """A short paragraph that is mostly link text ("Back to news | Have your say") is navigation."""
    return 0 < length < 200 and linked / length > 0.6


_BLOCK_TAGS = ["p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
               "blockquote"]


def meta_content(soup: BeautifulSoup, *names: str) -> str | None:
    """The content of the first <meta> whose name or property is one of names (in the order of names)."""
    by_property: dict[str, Tag] = {}
    by_name: dict[str, Tag] = {}
    for el in soup.find_all("meta"):
        if (prop := el.get("property")) and isinstance(prop, str):
            by_property.setdefault(prop, el)
        if (name := el.get("name")) and isinstance(name, str):
            by_name.setdefault(name, el)
    for name in names:
        el = by_property.get(name) or by_name.get(name)
        if el and el.get("content"):
            return el["content"].strip()
    return None
