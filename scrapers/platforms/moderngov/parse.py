"""ModernGov committee pages: agenda items, meetings, issues and decisions as documents.

ModernGov is one platform behind most councils' committee sites, so one adapter serves them
all; the council comes from the source's configuration, not from code.

Page types (by URL, else by the page's main title):

- `mgAi.aspx?ID=` an agenda item with its minutes: title from the item's subtitle, the meeting
  date from the "Meeting: dd/mm/yyyy - Committee" subtitle, the minutes and supporting documents.
- `ieListDocuments.aspx?CId=&MId=` a whole meeting: title "Committee - date", one heading per
  agenda item ("7. Title") followed by whatever minutes text the page shows for it.
- `ieIssueDetails.aspx?IId=` / `mgIssueHistoryHome.aspx?IId=` an issue across meetings, and
  `ieDecisionDetails.aspx?ID=` a decision: the issue/decision text; the date is the meeting that
  decided it (or the date of decision / publication).

Everything is read inside the ModernGov content area (`#modgov` / `.mgContent`). A page without one (a
council's own theme, a redesign, another committee system at a ModernGov-style URL) is read as a generic
page, as news is, and `Document.profile_miss` says so: the minutes are kept and the miss is counted in the
run summary and the `profile_misses` query. When a page type's own markup is missing (an agenda without an
item table) the content area is read generically and `Document.profile_miss` names the miss.
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from datetime import date, datetime
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from csi.dates import parse_date
from csi.records import Block, Document
from scrapers.html import BOILERPLATE, blocks_of, clean_text, decode_html, lean_soup, remove_all
from scrapers.platforms.news.parse import parse_article
from scrapers.sources import Source

PARSER = "moderngov@2"
_CHROME = ("#mgBreadCrumbs", ".mgBreadCrumbs", ".mgLinks", "#mgSearch", ".mgSearch", ".mgPrintLink",
           "[class*=mgFooter]", "[class*=mgSideBar]", "[id*=mgSideBar]", ".mgHelpLine", ".mgRSSBox")
_CONTENT = ("#modgov .mgContent", ".mgContent", "#modgov")

# URL file name (lower case) -> page type.
PAGE_TYPES = {
    "mgai.aspx": "agenda_item",
    "ielistdocuments.aspx": "meeting",
    "ieissuedetails.aspx": "issue",
    "mgissuehistoryhome.aspx": "issue",
    "mgissuehistorychronology.aspx": "issue",
    "iedecisiondetails.aspx": "decision",
}
# The main title (.mgMainTitleTxt) when the URL does not tell (a rewritten or proxied URL).
_TITLE_TYPES = (
    (re.compile(r"^agenda item", re.I), "agenda_item"),
    (re.compile(r"^(agenda|minutes|agenda and minutes|agenda, decisions and minutes)\b", re.I), "meeting"),
    (re.compile(r"^issue\b", re.I), "issue"),
    (re.compile(r"^decision\b", re.I), "decision"),
)
_TITLE_PREFIX = re.compile(
    r"^(issue details|issue history|issue|items at meetings|decision details|decision)\s*[-:–]\s*", re.I)
# Labels of the decision page's dates, best first: the meeting that decided, then the decision, then publication.
_DECISION_DATE_LABELS = ("decided at meeting", "date of decision", "decision date", "publication date",
                         "date published")


NO_CONTENT_AREA = "moderngov: no content area (#modgov / .mgContent), read as a generic page"


def page_type(url: str, soup: BeautifulSoup | None = None) -> str:
    """agenda_item, meeting, issue, decision, or other (committee details and the like)."""
    name = urlsplit(url).path.rsplit("/", 1)[-1].lower()
    if name in PAGE_TYPES:
        return PAGE_TYPES[name]
    main = soup.select_one(".mgMainTitleTxt") if soup is not None else None
    if main is not None:
        text = clean_text(main.get_text(" "))
        for pattern, kind in _TITLE_TYPES:
            if pattern.search(text):
                return kind
    return "other"


def parse_moderngov(url: str, body: bytes, content_type: str | None, fetched_at: datetime, source: Source,
                    content_sha256: str) -> Document:
    soup, _ = lean_soup(decode_html(body, content_type))
    content = next((el for sel in _CONTENT if (el := soup.select_one(sel)) is not None), None)
    if content is None:
        doc = parse_article(url, body, content_type, fetched_at, replace(source, profile=None), content_sha256)
        return replace(doc, parser=PARSER, profile_miss=NO_CONTENT_AREA)
    kind = page_type(url, soup)
    # ModernGov's title classes, on whatever element a council's template puts them (an h2, a p, a div); a
    # subtitle heading an agenda item ("7. Ofsted inspection") is the item's, not the page's, but on an
    # agenda item's own page the item is what the page is about
    items = [el for el in soup.select(".mgSubTitleTxt") if _heads_item(el)]
    subtitles = [clean_text(el.get_text(" ")) for el in soup.select(".mgSubTitleTxt")
                 if kind == "agenda_item" or el not in items]
    meeting = next((t for t in subtitles if t.lower().startswith("meeting")), "")
    main_title = soup.select_one(".mgMainTitleTxt")
    main_text = clean_text(main_title.get_text(" ")) if main_title else ""
    titles = [t for t in subtitles if t and t != meeting]
    titles += [main_text] if main_text and not (kind == "meeting" and _PAGE_KIND_ONLY.match(main_text)) else []
    page_title = clean_text(soup.title.get_text(" ")) if soup.title else ""
    title = titles[0] if titles else (page_title or main_text or None)
    if title and kind in ("issue", "decision"):
        title = _TITLE_PREFIX.sub("", title) or title

    if kind == "decision":
        published_on = _decision_date(content)
    elif kind == "issue":
        published_on = _issue_date(content)
    elif kind == "meeting":
        published_on = _meeting_date(content, subtitles)
    else:
        published_on = None
    # the page's own title ("Minutes - Cabinet, Tuesday, 12 March 2024 7.00 pm - Anytown Council") before the
    # text, whose first date may be any the minutes mention
    published_on = (published_on or parse_date(meeting) or parse_date(" ".join(subtitles)) or parse_date(page_title)
                    or parse_date(content.get_text(" ")[:2000]))

    remove_all(content, BOILERPLATE + _CHROME)
    profile_miss = None
    blocks: list[Block] | None = None
    if kind == "meeting":
        blocks = _agenda_blocks(content)
        if blocks is None:
            profile_miss = "moderngov meeting: no agenda items (table.mgItemTable / .mgAiTitleTxt)"
    elif kind in ("issue", "decision") and not subtitles:
        profile_miss = f"moderngov {kind}: no title (.mgSubTitleTxt)"
    if blocks is None:
        for heading in content.select(".mgMainTitleTxt, .mgSubTitleTxt"):
            if heading in items:
                heading.name = "h3"  # an item's title is a heading of the minutes, whatever element it is
            else:
                heading.decompose()
        blocks = [b for b in blocks_of(content) if not (b.kind == "heading" and b.text == title)]
    return Document(
        url=url, source=source.name, publisher=source.publisher, doc_type=source.doc_type, title=title,
        author=None, published_on=published_on, fetched_at=fetched_at, content_sha256=content_sha256,
        content_type=content_type, parser=PARSER, text="\n\n".join(b.text for b in blocks), blocks=blocks,
        profile_miss=profile_miss,
    )


# An agenda item's number as ModernGov shows it (fulldisplaynumberformat): "7.", "12", "5a.", "CAB 91/24."
_ITEM_NUMBER = re.compile(r"^\s*(?:[A-Z]{1,5}\s*)?\d{1,3}[a-z]?(?:/\d{2,4})?[.):]?\s+\S")
# A main title that says only what kind of page it is, not which meeting
_PAGE_KIND_ONLY = re.compile(r"^(?:agenda|minutes|decisions|agenda and minutes|agenda, decisions and minutes"
                             r"|agenda and draft minutes|draft minutes)$", re.I)


def _heads_item(el: Tag) -> bool:
    """A title element heading an agenda item: it opens with the item's number, or it sits in an element whose
    class names an item ("mgAgendaItem", "mgItem")."""
    if _ITEM_NUMBER.match(el.get_text(" ")):
        return True
    return any("item" in " ".join(a.get("class") or ()).lower() for a in el.parents if isinstance(a, Tag))


# --------------------------------------------------------------------------- dates

def _labelled_date(content: Tag, labels: tuple[str, ...]) -> date | None:
    """The date after the first of `labels` ("Date of decision: 14/02/2023"), best label first."""
    lines = [clean_text(el.get_text(" ")) for el in content.find_all(["p", "div", "li", "tr", "dt", "dd", "span"])
             if not el.find(["p", "div", "li", "tr", "table"])]
    for label in labels:
        for i, line in enumerate(lines):
            low = line.lower()
            if low.startswith(label):
                found = parse_date(line)
                if found is None and i + 1 < len(lines):  # label and value in separate elements
                    found = parse_date(lines[i + 1])
                if found:
                    return found
    return None


def _meeting_date(content: Tag, subtitles: list[str]) -> date | None:
    return (_labelled_date(content, ("date:",)) or next((d for t in subtitles if (d := parse_date(t))), None))


def _decision_date(content: Tag) -> date | None:
    return _labelled_date(content, _DECISION_DATE_LABELS)


def _issue_date(content: Tag) -> date | None:
    """The latest meeting that considered the issue: links to decisions and agenda items read "dd/mm/yyyy - X"."""
    dates = [d for a in content.select("a[href]")
             if re.search(r"(iedecisiondetails|mgai|ielistdocuments)\.aspx", a["href"], re.I)
             and (d := parse_date(a.get_text(" ")))]
    return max(dates) if dates else _labelled_date(content, ("decision due", "first published"))


# --------------------------------------------------------------------------- meetings

def _agenda_blocks(content: Tag) -> list[Block] | None:
    """One heading per agenda item ("7. Title"), then the item's minutes text; None without agenda items."""
    rows = [tr for tr in content.find_all("tr") if _item_title(tr) is not None]
    if not rows:
        return None
    blocks: list[Block] = []
    for tr in rows:
        title_el = _item_title(tr)
        assert title_el is not None
        cells = tr.find_all("td", recursive=False)
        title_cell = title_el.find_parent("td")
        number_cell = next((c for c in cells if "mgItemNumberCell" in (c.get("class") or [])), None)
        if number_cell is None and cells and cells[0] is not title_cell:
            number_cell = cells[0]
        number = clean_text(number_cell.get_text(" ")) if number_cell is not None else ""
        title = clean_text(title_el.get_text(" "))
        blocks.append(Block("heading", clean_text(f"{number} {title}"), level=3))
        cell = copy.copy(title_cell)
        for nested in cell.find_all("table"):  # sub-items are rows of their own
            nested.decompose()
        first = cell.find(class_="mgAiTitleTxt")
        if first is not None:
            first.decompose()
        for el in cell.select(".mgActionList, [class*=mgPdfLink], .mgDocumentList"):
            el.decompose()
        for label in cell.select(".mgSubItemTitleTxt"):
            text = clean_text(label.get_text(" "))
            if text.endswith(":"):  # "Minutes:", "Decision:": a heading, not a link
                label.name = "h4"
            else:  # "View the minutes for this item"
                label.decompose()
        for block in blocks_of(cell):
            blocks.append(Block(block.kind, block.text, level=block.level or (4 if block.kind == "heading" else 0),
                                list_id=block.list_id))
    return blocks


def _item_title(tr: Tag) -> Tag | None:
    """The agenda item title of a row: the .mgAiTitleTxt outside the number cell, not in a nested table."""
    for cell in tr.find_all("td", recursive=False):
        if "mgItemNumberCell" in (cell.get("class") or []):
            continue
        title = cell.find(class_="mgAiTitleTxt")
        if title is not None and title.find_parent("tr") is tr and clean_text(title.get_text(" ")):
            return title
    return None
