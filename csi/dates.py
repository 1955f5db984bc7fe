"""Date parsing for the forms English pages use: ISO, '17 December 2018', 'March 24, 2014', dd/mm/yyyy."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTHS.update({name[:3]: num for name, num in list(MONTHS.items())})
MONTH_PATTERN = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"  # noqa: E501

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH_PATTERN}\.?,?\s+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b{MONTH_PATTERN}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_UK_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
MONTH_YEAR = re.compile(rf"\b{MONTH_PATTERN}\s+(\d{{4}})\b", re.I)


def month_number(name: str) -> int:
    return MONTHS[name.lower()[:3]]


EARLIEST_YEAR = 1990  # before any record csi holds; placeholder dates such as 0001-01-01 are not dates


def safe_date(y: int, m: int, d: int) -> date | None:
    """date(y, m, d) when it exists and falls between EARLIEST_YEAR and next year, else None."""
    if not EARLIEST_YEAR <= y <= date.today().year + 1:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


_safe = safe_date


def parse_date(text: str | None) -> date | None:
    """The first full date in text, or None. Numeric dates are read day-first (UK)."""
    if not text:
        return None
    candidates = []
    if m := _ISO.search(text):
        candidates.append((m.start(), _safe(int(m[1]), int(m[2]), int(m[3]))))
    if m := _DAY_MONTH_YEAR.search(text):
        candidates.append((m.start(), _safe(int(m[3]), month_number(m[2]), int(m[1]))))
    if m := _MONTH_DAY_YEAR.search(text):
        candidates.append((m.start(), _safe(int(m[3]), month_number(m[1]), int(m[2]))))
    if m := _UK_NUMERIC.search(text):
        candidates.append((m.start(), _safe(int(m[3]), int(m[2]), int(m[1]))))
    found = [d for _, d in sorted(candidates, key=lambda c: c[0]) if d]
    return found[0] if found else None


def parse_datetime(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


@dataclass(frozen=True)
class DateMatch:
    """A full date found in text, where it was, and whether it was numeric with day and month interchangeable."""

    start: int
    end: int
    day: date
    ambiguous: bool = False


_ISO_LOOSE = re.compile(r"(?<![\d.])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d.])")
_NUMERIC = re.compile(r"(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/]|[.-]\d)")


def find_dates(text: str | None, month_first: bool = False) -> list[DateMatch]:
    """Every full date in text, in order: ISO, '17 December 2018', 'March 24, 2014', numeric.

    Numeric dates are read day-first unless month_first (US pages), except where only one reading exists
    ('03/17/2015' is 17 March whatever the convention); dotted dates (30.01.2022) are always day-first.
    """
    if not text:
        return []
    found: list[DateMatch] = []
    for m in _ISO_LOOSE.finditer(text):
        if day := safe_date(int(m[1]), int(m[2]), int(m[3])):
            found.append(DateMatch(m.start(), m.end(), day))
    for m in _DAY_MONTH_YEAR.finditer(text):
        if day := safe_date(int(m[3]), month_number(m[2]), int(m[1])):
            found.append(DateMatch(m.start(), m.end(), day))
    for m in _MONTH_DAY_YEAR.finditer(text):
        if day := safe_date(int(m[3]), month_number(m[1]), int(m[2])):
            found.append(DateMatch(m.start(), m.end(), day))
    for m in _NUMERIC.finditer(text):
        a, b, year = int(m[1]), int(m[3]), int(m[4])
        ambiguous = a <= 12 and b <= 12 and a != b
        if m[2] == ".":
            readings = [(b, a)]
        elif month_first:
            readings = [(a, b), (b, a)]
        else:
            readings = [(b, a), (a, b)]
        for month, day_of_month in readings:
            if day := safe_date(year, month, day_of_month):
                found.append(DateMatch(m.start(), m.end(), day, ambiguous))
                break
    found.sort(key=lambda d: (d.start, -d.end))
    result: list[DateMatch] = []
    for match in found:
        if not result or match.start >= result[-1].end:
            result.append(match)
    return result
