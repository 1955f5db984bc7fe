"""Date parsing for the forms English pages use: one grammar of day, month and year (find_dates): ISO, '17 December
2018', 'March 24, 2014', '14-Mar-24', dd/mm/yyyy, dd/mm/yy, d.m.yy."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTHS.update({name[:3]: num for name, num in list(MONTHS.items())})
MONTH_PATTERN = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"  # noqa: E501

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


def parse_date(text: str | None) -> date | None:
    """The first full date in text (find_dates, day-first), or None."""
    found = find_dates(text)
    return found[0].day if found else None


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


# One grammar of full dates: a day, a month and a year, in one of three orders (year-month-day, day-month-year,
# month-day-year), the month a name or a number, the year four digits or two ("14/03/24", "14-Mar-24", "3 March '24").
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_MONTH_NAME = MONTH_PATTERN.replace("(", "(?P<month>", 1)
_NAMED_MONTH = _MONTH_NAME + r"\.?"
_END = r"(?![\d/]|[.-]\d)"
_YEAR4 = r"(?P<year>(?:19|20)\d{2})"
# Two digits stand for a year only where the date is plainly written as one: joined to the day and month by the
# separator that joins them ("14/03/24", "14-Mar-24", "3.2.25"), or after an apostrophe ("3 March '24"); never after
# a space or another separator ("on 14 March 24 children", "March 14-15, 2024", "14 March-15 April").
_YEAR = rf"(?:{_YEAR4}|['’](?P<short>\d{{2}})){_END}"
_JOINED_YEAR = rf"(?:{_YEAR4}|(?P<short>\d{{2}})){_END}"  # after the separator the day and month share (?P=sep)
# Between a named month and its neighbours: "14 Mar 2024", "14 March, 2024", "Mar. 14, 2024", "14-Mar-2024"
_GAP = r"(?:\s*[-/.]\s*|,?\s+)"
_DATE_FORMS = (
    # year-month-day, numeric (ISO 8601 and its slashed and dotted twins): 2018-12-17, 2018/1/5
    re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d{2})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d.])"),
    # day-month-year, month named: 17 December 2018, 1st of June, 2016, 3 March '24
    re.compile(rf"(?<![\w.]){_DAY}(?:\s+of)?{_GAP}{_NAMED_MONTH}{_GAP}{_YEAR}", re.I),
    # ... the three joined by one separator: 14-Mar-2024, 14-Mar-24, 14/Mar/24
    re.compile(rf"(?<![\w.]){_DAY}(?P<sep>[-/.]){_MONTH_NAME}(?P=sep){_JOINED_YEAR}", re.I),
    # month-day-year, month named: March 24, 2014; Sept. 1st 2014; Sept. 9 '22
    re.compile(rf"\b{_NAMED_MONTH}{_GAP}{_DAY}{_GAP}{_YEAR}", re.I),
    # day-month-year, numeric, one separator throughout: 17/03/2015, 30.01.2022, 14/03/24, 3.2.25 (month-first on US
    # pages; see find_dates)
    re.compile(rf"(?<![\w/.-])(?P<first>\d{{1,2}})(?P<sep>[/.-])(?P<second>\d{{1,2}})(?P=sep){_JOINED_YEAR}"),
)


def _year(match: re.Match) -> int:
    """The four-digit year of a match: a two-digit year is this century's unless that would lie ahead of next year."""
    if match["year"]:
        return int(match["year"])
    short = 2000 + int(match["short"])
    return short if short <= date.today().year + 1 else short - 100


def _readings(match: re.Match, month_first: bool) -> tuple[list[tuple[int, int]], bool]:
    """The (month, day) readings of a match, likelier first, and whether a numeric day and month could swap."""
    if "first" not in match.re.groupindex:  # the day and the month are known by their place or the month's name
        month = match["month"]
        return [(int(month) if month.isdigit() else month_number(month), int(match["day"]))], False
    first, second = int(match["first"]), int(match["second"])
    ambiguous = first <= 12 and second <= 12 and first != second
    if match["sep"] == ".":  # dotted dates are day-first wherever they are written
        return [(second, first)], ambiguous
    return ([(first, second), (second, first)] if month_first else [(second, first), (first, second)]), ambiguous


def find_dates(text: str | None, month_first: bool = False) -> list[DateMatch]:
    """Every full date in text, in order, in any form of the one grammar above.

    Numeric day-month-year dates are read day-first unless month_first (US pages), except where only one reading
    exists ('03/17/2015' is 17 March whatever the convention); dotted dates (30.01.2022) are always day-first.
    """
    if not text:
        return []
    found: list[DateMatch] = []
    for form in _DATE_FORMS:
        for m in form.finditer(text):
            readings, ambiguous = _readings(m, month_first)
            if day := next((d for month, day_of_month in readings if (d := safe_date(_year(m), month, day_of_month))),
                           None):
                found.append(DateMatch(m.start(), m.end(), day, ambiguous))
    found.sort(key=lambda d: (d.start, -d.end))
    result: list[DateMatch] = []
    for match in found:
        if not result or match.start >= result[-1].end:
            result.append(match)
    return result
