"""The extraction gold set (tests/gold): its annotations are well-formed, and extraction keeps its floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from csi.floors import floors_of
from front.evaluation.gold import PATTERNS, TABLES, evaluate, format_report, load_pages, validate_page

GOLD = Path(__file__).parent / "gold"
pytestmark = pytest.mark.official_record  # the gold set is read as `csi eval` reads it: with the official record

# F1 floors per table and the targets, from floors.toml (the one file of floors; they only rise).
FLOORS = floors_of("gold")
RATINGS_TARGET = floors_of("gold.targets")["ratings"]


@pytest.fixture(scope="module")
def result() -> dict:
    found = evaluate(GOLD)
    print("\n" + format_report(found))
    return found


def test_the_gold_set_is_large_enough_and_covers_every_pattern():
    pages = load_pages(GOLD)
    assert len(pages) >= 36
    for pattern in PATTERNS:
        assert sum(pattern in p.patterns for p in pages) >= 3, f"fewer than 3 gold pages for {pattern!r}"
    assert {p.spec["source"]["doc_type"] for p in pages} >= {"news", "minutes", "press_release"}


@pytest.mark.parametrize("page", load_pages(GOLD), ids=lambda p: p.name)
def test_every_gold_page_is_well_formed(page):
    assert validate_page(page) == []


def test_every_gold_page_parses(result):
    assert result["errors"] == {}
    assert result["published_on_accuracy"] == 1.0


@pytest.mark.parametrize("table", TABLES)
def test_extraction_keeps_its_floor(result, table):
    f1 = result["tables"][table]["f1"]
    print(f"{table}: F1 {f1:.3f} (floor {FLOORS[table]})")
    assert f1 >= FLOORS[table], f"{table} F1 {f1:.3f} fell below its floor {FLOORS[table]}"


def test_ratings_reach_the_target(result):
    assert result["tables"]["ratings"]["f1"] >= RATINGS_TARGET
