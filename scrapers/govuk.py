"""GOV.UK's Search and Content APIs: find the newest edition of Ofsted's local-authority inspection outcomes.

Pure functions over the JSON the APIs return (shapes in docs/sources.md, "Ofsted's official statistics"):

- the Search API (``/api/search.json?filter_organisations=ofsted&q=...&order=-public_timestamp``) lists
  ``results`` with ``title``, ``link`` (a GOV.UK path) and ``public_timestamp``;
- the Content API (``/api/content<link>``) returns the publication with ``details.attachments``: each has
  ``url``, ``title``, ``filename`` and ``content_type``.

Editions are titled "Local authority inspection outcomes as at 31 March YYYY" (earlier: "Local authority and
children's homes in England inspections and outcomes"); the newest is the one with the latest date in its
title (else the latest ``public_timestamp``). A response that does not have the expected shape raises
`GovukShapeError` naming what is missing: a miss is loud, never an empty success.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode, urljoin

GOVUK = "https://www.gov.uk"
OUTCOMES_QUERY = "local authority inspection outcomes"
# Titles of the editions of Ofsted's official statistics on local authority children's services inspections.
EDITION_TITLE = re.compile(
    r"local\s+authority\s+inspection\s+outcomes|local\s+authority\s+and\s+children.s\s+homes\s+in\s+england"
    r"\s+inspections\s+and\s+outcomes", re.I)
_AS_AT = re.compile(r"as\s+at\s+(\d{1,2})\s+(january|february|march|april|may|june|july|august|september|october"
                    r"|november|december)\s+(\d{4})", re.I)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
SPREADSHEET_TYPES = {
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.ms-excel": "xls",
    "text/csv": "csv",
}
JSON_TYPES = ("application/json",)


class GovukShapeError(ValueError):
    """An API answer without the fields csi relies on (GOV.UK changed, or the wrong page was fetched)."""


@dataclass(frozen=True)
class Edition:
    title: str
    path: str  # the GOV.UK path, e.g. /government/statistics/local-authority-inspection-outcomes-as-at-31-march-2025
    public_timestamp: datetime | None
    as_at: date | None  # the date in the title ("as at 31 March 2025")


@dataclass(frozen=True)
class Attachment:
    url: str
    title: str
    filename: str  # with the extension read_outcomes uses to pick the reader


def search_url(base: str = GOVUK, query: str = OUTCOMES_QUERY, count: int = 20) -> str:
    """The Search API query for Ofsted's outcomes editions, newest first."""
    params = {"filter_organisations": "ofsted", "q": query, "order": "-public_timestamp", "count": count,
              "fields": "title,link,public_timestamp,content_store_document_type"}
    return f"{base.rstrip('/')}/api/search.json?{urlencode(params)}"


def content_url(base: str, path: str) -> str:
    """The Content API address of a GOV.UK path."""
    return f"{base.rstrip('/')}/api/content/{path.lstrip('/')}"


def _json(body: bytes, what: str) -> dict:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise GovukShapeError(f"{what}: not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise GovukShapeError(f"{what}: expected a JSON object, got {type(data).__name__}")
    return data


def _timestamp(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None
    except ValueError:
        return None


def as_at_date(title: str) -> date | None:
    """"... as at 31 March 2025" -> 2025-03-31."""
    match = _AS_AT.search(title)
    if not match:
        return None
    try:
        return date(int(match[3]), _MONTHS.index(match[2].lower()) + 1, int(match[1]))
    except ValueError:
        return None


def newest_edition(body: bytes) -> Edition:
    """The newest outcomes edition among the Search API's results."""
    data = _json(body, "GOV.UK search")
    results = data.get("results")
    if not isinstance(results, list):
        raise GovukShapeError("GOV.UK search: no 'results' list in the answer")
    editions = []
    for result in results:
        if not isinstance(result, dict) or not isinstance(result.get("title"), str) \
                or not isinstance(result.get("link"), str):
            continue
        if EDITION_TITLE.search(result["title"]):
            editions.append(Edition(result["title"], result["link"], _timestamp(result.get("public_timestamp")),
                                    as_at_date(result["title"])))
    if not editions:
        titles = "; ".join(str(r.get("title"))[:80] for r in results[:5] if isinstance(r, dict)) or "none"
        raise GovukShapeError(f"GOV.UK search: no result titled like an outcomes edition among {len(results)} "
                              f"(first titles: {titles})")
    return max(editions, key=lambda e: (e.as_at or date.min,
                                        e.public_timestamp.timestamp() if e.public_timestamp else 0.0))


@dataclass(frozen=True)
class Publication:
    title: str
    first_published: date | None
    attachment: Attachment


def publication(body: bytes, page_url: str) -> Publication:
    """The publication's title, first publication date and its data spreadsheet (Content API answer)."""
    data = _json(body, "GOV.UK content")
    details = data.get("details")
    if not isinstance(details, dict) or not isinstance(details.get("attachments"), list):
        raise GovukShapeError(f"GOV.UK content {page_url}: no details.attachments list")
    sheets = []
    for item in details["attachments"]:
        if not isinstance(item, dict) or not item.get("url"):
            continue
        filename = str(item.get("filename") or item["url"].rsplit("/", 1)[-1])
        extension = SPREADSHEET_TYPES.get(str(item.get("content_type", "")).split(";")[0].strip().lower())
        if extension is None and filename.rsplit(".", 1)[-1].lower() in SPREADSHEET_TYPES.values():
            extension = filename.rsplit(".", 1)[-1].lower()
        if extension:
            if not filename.lower().endswith("." + extension):
                filename = f"{filename}.{extension}"
            sheets.append(Attachment(urljoin(page_url, item["url"]), str(item.get("title") or filename), filename))
    if not sheets:
        raise GovukShapeError(f"GOV.UK content {page_url}: {len(details['attachments'])} attachment(s), "
                              "none a spreadsheet (ODS, XLSX, XLS or CSV)")
    # The underlying data: prefer a title that says so, then ODS/XLSX over CSV.
    sheets.sort(key=lambda a: (not re.search(r"data|outcomes", a.title, re.I), a.filename.lower().endswith(".csv")))
    first = _timestamp(data.get("first_published_at"))
    return Publication(str(data.get("title") or ""), first.date() if first else None, sheets[0])
