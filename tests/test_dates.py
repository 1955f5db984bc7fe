"""csi.dates: the date forms English pages use, read day-first."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from csi.dates import month_number, parse_date, parse_datetime


@pytest.mark.parametrize(("text", "expected"), [
    ("2018-12-17", date(2018, 12, 17)),
    ("Published 2018-12-17T10:00:00Z", date(2018, 12, 17)),
    ("17 December 2018", date(2018, 12, 17)),
    ("Monday 17 December 2018, 10:00", date(2018, 12, 17)),
    ("17 Dec. 2018", date(2018, 12, 17)),
    ("March 24, 2014", date(2014, 3, 24)),
    ("Mar 24 2014", date(2014, 3, 24)),
    ("September 1st, 2014", date(2014, 9, 1)),
    ("17/03/2015", date(2015, 3, 17)),
    ("1/2/2015", date(2015, 2, 1)),
    ("1st Sept 2014", date(2014, 9, 1)),
    ("2nd June 2016", date(2016, 6, 2)),
    ("3rd Jun 2019", date(2019, 6, 3)),
    ("23rd july 2015", date(2015, 7, 23)),
    ("29/02/2016", date(2016, 2, 29)),
    ("03/17/2015", date(2015, 3, 17)),  # day-first, unless only the US reading exists (there is no month 17)
    # one grammar: day, month and year in any order English pages write them, the year in two digits where a dash,
    # slash, dot or apostrophe marks it as one
    ("Published 14/03/24", date(2024, 3, 14)),
    ("Posted: 3.2.25", date(2025, 2, 3)),
    ("Date: 14-Mar-2024", date(2024, 3, 14)),
    ("Meeting 07-Nov-23 at 10am", date(2023, 11, 7)),
    ("the 3rd of March, 2021", date(2021, 3, 3)),
    ("Sept. 9 '22", date(2022, 9, 9)),
    ("2019/05/06", date(2019, 5, 6)),
    ("report to follow 1.11.06", date(2006, 11, 1)),
    ("visits 14 March-15 April 2024", date(2024, 4, 15)),  # "15" after a dash that does not join a date: no year
    # the first date in the text wins, whatever its form
    ("Updated 2 May 2017; first published 2016-01-05", date(2017, 5, 2)),
    ("First published 2016-01-05; updated 2 May 2017", date(2016, 1, 5)),
    ("Meeting of 03/04/2019 (minutes approved April 30, 2019)", date(2019, 4, 3)),
    # an impossible date is skipped in favour of a later real one
    ("2015-02-31 corrected to 1 March 2015", date(2015, 3, 1)),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "31/02/2015",      # no 31 February
    "29/02/2015",      # not a leap year
    "2018-13-01",
    "32 December 2018",
    "Sept 2014",       # month and year only: not a full date
    "12 Marchy 2015",
    "on 14 March 24 children were seen",  # a number after a space is not a year
    "section 3.2.1 and v1.2.2019",
    "March 14-15, 2024",
    "no date here",
    "",
    None,
])
def test_parse_date_none(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(("name", "number"), [("January", 1), ("sept", 9), ("SEP", 9), ("Dec", 12), ("june", 6)])
def test_month_number(name, number):
    assert month_number(name) == number


@pytest.mark.parametrize(("text", "expected"), [
    ("2018-12-17T10:30:00Z", datetime(2018, 12, 17, 10, 30, tzinfo=UTC)),
    (" 2018-12-17T10:30:00+01:00 ", datetime(2018, 12, 17, 10, 30, tzinfo=timezone(timedelta(hours=1)))),
    ("2018-12-17", datetime(2018, 12, 17)),
    ("17 December 2018", None),
    ("", None),
    (None, None),
])
def test_parse_datetime(text, expected):
    assert parse_datetime(text) == expected
