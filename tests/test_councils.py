"""Councils reference data (csi/reference/*.csv) and the council matcher.

Reads only the package CSVs, never the la-reference sources they are built from.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from transforms.councils import (
    CouncilIndex,
    Mention,
    default_index,
    load_aliases,
    load_councils,
    normalise_alias,
)

HILLINGDON = "E09000017"
HARINGEY = "E09000014"
HOUNSLOW = "E09000018"
KENSINGTON = "E09000020"
BUCKS_CC = "E10000002"
BUCKS = "E06000060"
KINDS = {"london_borough", "metropolitan_district", "unitary", "county"}


@pytest.fixture(scope="module")
def index() -> CouncilIndex:
    return default_index()


def codes(mentions: list[Mention]) -> list[str]:
    return [m.council_code for m in mentions]


# --------------------------------------------------------------------------- reference data

def test_current_council_count() -> None:
    # 153 current children's services authorities in England (since April 2023): 32 London
    # boroughs + City of London, 36 metropolitan districts, 63 unitaries (incl. Isles of Scilly),
    # 21 county councils.
    current = [c for c in load_councils() if c.end_date is None]
    assert len(current) == 153
    assert sum(c.kind == "london_borough" for c in current) == 33
    assert sum(c.kind == "metropolitan_district" for c in current) == 36
    assert sum(c.kind == "unitary" for c in current) == 63
    assert sum(c.kind == "county" for c in current) == 21


def test_former_councils_have_end_date_and_successor() -> None:
    councils = {c.council_code: c for c in load_councils()}
    former = [c for c in councils.values() if c.end_date is not None]
    # Bucks, Northants, Cumbria, N Yorks, Somerset CCs; Dorset CC, Bournemouth, Poole; Bedfordshire and Cheshire CCs
    assert len(former) == 10
    for c in former:
        assert c.replaced_by, c
        for succ in c.replaced_by.split(";"):
            assert councils[succ].end_date is None
            assert councils[succ].start_date == c.end_date.fromordinal(c.end_date.toordinal() + 1)
    for c in councils.values():
        if c.end_date is None:
            assert c.replaced_by is None, c


def test_buckinghamshire_county_council_row() -> None:
    c = default_index().council(BUCKS_CC)
    assert c.official_name == "Buckinghamshire County Council"
    assert c.kind == "county"
    assert c.end_date == date(2020, 3, 31)
    assert c.replaced_by == BUCKS
    assert default_index().council(BUCKS).start_date == date(2020, 4, 1)


def test_hillingdon_row() -> None:
    c = default_index().council(HILLINGDON)
    assert (c.name, c.official_name, c.kind, c.region) == (
        "Hillingdon", "London Borough of Hillingdon", "london_borough", "London",
    )
    assert c.ofsted_urn == "80501"
    assert c.dfe_la_code == "312"


def test_rows_are_well_formed() -> None:
    councils = load_councils()
    assert [c.council_code for c in councils] == sorted(c.council_code for c in councils)
    assert len({c.council_code for c in councils}) == len(councils)
    for c in councils:
        assert c.kind in KINDS, c
        assert c.council_code.startswith(("E06", "E08", "E09", "E10")), c
        assert c.name and c.official_name
        if c.end_date is None:
            assert c.region and c.ofsted_urn and c.dfe_la_code, c
        if c.dfe_la_code is not None:
            assert len(c.dfe_la_code) == 3 and c.dfe_la_code.isdigit(), c


def test_aliases_are_normalised_and_unambiguous() -> None:
    councils = {c.council_code: c for c in load_councils()}
    aliases = load_aliases()
    assert len(aliases) > 900
    by_alias: dict[str, set[str]] = defaultdict(set)
    for a in aliases:
        assert a.alias == normalise_alias(a.alias), a
        assert a.alias and a.alias == a.alias.strip() and "  " not in a.alias
        assert a.council_code in councils, a
        by_alias[a.alias].add(a.council_code)
    for alias, cs in by_alias.items():
        current = [c for c in cs if councils[c].end_date is None]
        assert len(current) <= 1, (alias, cs)
    # every council is reachable by its own name
    for c in councils.values():
        assert c.council_code in by_alias[normalise_alias(c.official_name)], c


def test_common_words_are_not_aliases() -> None:
    aliases = {a.alias for a in load_aliases()}
    assert "bath" not in aliases
    assert "blackburn" not in aliases
    # nice names stay even when they are ordinary words
    assert {"hillingdon", "kent", "barnet", "reading", "sutton"} <= aliases


# --------------------------------------------------------------------------- normalise_alias

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("London Borough of Hillingdon", "london borough of hillingdon"),
        ("The Royal Borough of Kensington & Chelsea", "royal borough of kensington and chelsea"),
        ("  Stockton-on-Tees   Borough Council ", "stockton on tees borough council"),
        ("St. Helens", "st helens"),
        ("Bristol, City of", "bristol city of"),
        ("King\u2019s Lynn", "kings lynn"),
        ("Theale", "theale"),
    ],
)
def test_normalise_alias(text: str, expected: str) -> None:
    assert normalise_alias(text) == expected


# --------------------------------------------------------------------------- resolve

@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Hillingdon LBC", HILLINGDON),
        ("London Borough of Hillingdon", HILLINGDON),
        ("Hillingdon Council", HILLINGDON),
        ("Hillingdon", HILLINGDON),
        ("hillingdon london borough council", HILLINGDON),
        ("Haringey Council", HARINGEY),
        ("London Borough of Haringey", HARINGEY),
        ("Haringey LBC", HARINGEY),
        ("London Borough of Hounslow", HOUNSLOW),
        ("the Royal Borough of Kensington and Chelsea", KENSINGTON),
        ("Kensington & Chelsea", KENSINGTON),
        ("Kent County Council", "E10000016"),
        ("Kent CC", "E10000016"),
        ("Barnsley MBC", "E08000016"),
        ("Barnsley Metropolitan Borough Council", "E08000016"),
        ("Leeds City Council", "E08000035"),
        ("City of Bristol", "E06000023"),
        ("Bristol City Council", "E06000023"),
        ("Durham County Council", "E06000047"),
        ("Bournemouth, Christchurch and Poole", "E06000058"),
        ("BCP Council", "E06000058"),
        ("BCP", "E06000058"),
        ("Bath", None),
        ("Nowhere District Council", None),
    ],
)
def test_resolve(index: CouncilIndex, name: str, code: str | None) -> None:
    assert index.resolve(name) == code


@pytest.mark.parametrize(
    ("name", "on", "code"),
    [
        ("Buckinghamshire County Council", date(2015, 6, 1), BUCKS_CC),
        ("Buckinghamshire County Council", None, BUCKS_CC),
        ("Buckinghamshire", date(2015, 6, 1), BUCKS_CC),
        ("Buckinghamshire", date(2020, 3, 31), BUCKS_CC),
        ("Buckinghamshire", date(2020, 4, 1), BUCKS),
        ("Buckinghamshire", None, BUCKS),
        ("North Yorkshire", date(2019, 1, 1), "E10000023"),
        ("North Yorkshire", date(2024, 1, 1), "E06000065"),
        ("Dorset", date(2016, 1, 1), "E10000009"),
        ("Dorset", None, "E06000059"),
        ("Poole", date(2016, 1, 1), "E06000029"),
        ("Poole", date(2022, 1, 1), "E06000058"),  # only BCP exists then
        ("Cumbria", date(2024, 1, 1), "E10000006"),  # two successors: keep the name's council
        ("Hillingdon", date(2015, 6, 1), HILLINGDON),
    ],
)
def test_resolve_on_date(index: CouncilIndex, name: str, on: date | None, code: str) -> None:
    assert index.resolve(name, on=on) == code


# --------------------------------------------------------------------------- find_mentions

def test_abbreviation_defined_in_text(index: CouncilIndex) -> None:
    text = (
        "Ofsted inspected the London Borough of Hounslow (LBH) in March. "
        "Inspectors found that LBH had improved, and LBH's leaders agreed."
    )
    mentions = index.find_mentions(text)
    assert codes(mentions) == [HOUNSLOW, HOUNSLOW, HOUNSLOW]
    assert [m.surface for m in mentions] == ["London Borough of Hounslow", "LBH", "LBH"]
    for m in mentions:
        assert text[m.start:m.end] == m.surface


def test_abbreviation_only_after_definition(index: CouncilIndex) -> None:
    text = "LBH was mentioned. Then Hounslow Council (LBH) was named."
    mentions = index.find_mentions(text)
    assert [(m.council_code, m.surface) for m in mentions] == [(HOUNSLOW, "Hounslow Council")]


def test_person_named_bath_is_not_a_council(index: CouncilIndex) -> None:
    assert index.find_mentions("Cllr Lily Bath said the plan was ambitious.") == []


def test_surnames_after_titles_are_not_councils(index: CouncilIndex) -> None:
    assert index.find_mentions("Cllr Jane Sutton and Mr Barnet spoke.") == []
    assert codes(index.find_mentions("Councillors in Sutton spoke.")) == ["E09000029"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hillingdon LBC was judged good.", [(HILLINGDON, "Hillingdon LBC")]),
        ("Haringey Council said", [(HARINGEY, "Haringey Council")]),
        (
            "the Royal Borough of Kensington and Chelsea",
            [(KENSINGTON, "Royal Borough of Kensington and Chelsea")],
        ),
        ("Reading Borough Council and Brighter Futures", [("E06000038", "Reading Borough Council")]),
        ("after reading the report we went to kent", []),
        ("Stockton-on-Tees and St. Helens", [("E06000004", "Stockton-on-Tees"), ("E08000013", "St. Helens")]),
        ("Kingston upon Thames", [("E09000021", "Kingston upon Thames")]),
        ("Hull City won; Sutton United lost", []),
        ("in Greater Manchester", []),
        ("KENT COUNTY COUNCIL", [("E10000016", "KENT COUNTY COUNCIL")]),
    ],
)
def test_find_mentions(index: CouncilIndex, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.council_code, m.surface) for m in index.find_mentions(text)] == expected


def test_find_mentions_longest_first_and_non_overlapping(index: CouncilIndex) -> None:
    text = "North East Lincolnshire Council and North Lincolnshire and Lincolnshire County Council."
    mentions = index.find_mentions(text)
    assert codes(mentions) == ["E06000012", "E06000013", "E10000019"]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))


def test_find_mentions_on_date(index: CouncilIndex) -> None:
    text = "Buckinghamshire County Council and Buckinghamshire were inspected."
    assert codes(index.find_mentions(text, on=date(2015, 6, 1))) == [BUCKS_CC, BUCKS_CC]
    assert codes(index.find_mentions(text)) == [BUCKS_CC, BUCKS]


def test_default_index_is_cached() -> None:
    assert default_index() is default_index()
    assert load_councils() == load_councils()
