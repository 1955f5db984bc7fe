"""One inspection, one inspection_id: the report, the provider page, the official row and the news agree."""

from __future__ import annotations

from datetime import date, datetime

import duckdb
import pytest

from csi.records import DocumentInspection, DocumentRow, Inspection, Rating, make_id
from flows.pipeline import load
from transforms.councils import load_aliases, load_councils
from transforms.inspections import aliases, inspection_id, resolve_identities, same_inspection
from warehouse.db import Batch, connect, migrate, seed_reference

HILLINGDON, HOUNSLOW = "E09000017", "E09000018"


def _inspection(code=HILLINGDON, framework="ilacs_standard", year=2024, visit=(None, None), published=None):
    return Inspection(inspection_id(code, framework, year), code, "ofsted", framework, visit[0], visit[1], published,
                      None, None)


REPORT = _inspection(visit=(date(2023, 12, 4), date(2023, 12, 15)), year=2023)  # no publication date printed
OFFICIAL = _inspection(framework="ilacs_short", visit=(date(2023, 12, 4), None), published=date(2024, 1, 29))
PROVIDER_PAGE = _inspection(framework="ilacs_short", published=date(2024, 1, 30))
NEWS = _inspection(year=2024)  # "rated good", published in February 2024: a year, no dates


@pytest.mark.parametrize(("a", "b"), [
    (REPORT, OFFICIAL),          # published six weeks after the last day on site
    (OFFICIAL, PROVIDER_PAGE),   # publication dates a day apart
    (REPORT, PROVIDER_PAGE),
    (NEWS, OFFICIAL),            # the news's id is one the official row could have been given
    (NEWS, PROVIDER_PAGE),
], ids=["report~official", "official~provider", "report~provider", "news~official", "news~provider"])
def test_the_same_inspection_seen_from_two_documents(a, b):
    assert same_inspection(a, b) and same_inspection(b, a)


@pytest.mark.parametrize("other", [
    _inspection(code=HOUNSLOW, framework="ilacs_short", published=date(2024, 1, 29)),    # another council
    _inspection(framework="sif", year=2024, published=date(2024, 1, 29)),                # another framework family
    _inspection(framework="ilacs_short", published=date(2019, 3, 1), year=2019),        # years apart
    _inspection(framework="ilacs_short", visit=(date(2025, 9, 1), date(2025, 9, 5)), year=2025),  # a later visit
    _inspection(year=2022),                                                              # news of an earlier one
], ids=["council", "family", "years", "later-visit", "news-other-year"])
def test_different_inspections_stay_apart(other):
    assert not same_inspection(OFFICIAL, other)


def test_aliases_are_the_family_ids_of_every_date():
    assert inspection_id(HILLINGDON, "ilacs_standard", 2024) in aliases(OFFICIAL)
    assert inspection_id(HILLINGDON, "ilacs_short", 2023) in aliases(OFFICIAL)
    assert inspection_id(HILLINGDON, "sif", 2024) not in aliases(OFFICIAL)


def test_ofsted_documents_override_what_the_news_said_and_the_news_only_fills_gaps():
    renamed, rows = resolve_identities([(OFFICIAL, True)], [NEWS])
    assert renamed == {OFFICIAL.inspection_id: NEWS.inspection_id}
    (row,) = rows
    assert (row.inspection_id, row.framework, row.published_on) == (
        NEWS.inspection_id, "ilacs_short", date(2024, 1, 29))

    renamed, rows = resolve_identities([(NEWS, False)], [OFFICIAL])
    assert renamed == {NEWS.inspection_id: OFFICIAL.inspection_id}
    assert rows[0].framework == "ilacs_short" and rows[0].visit_start == date(2023, 12, 4)


def test_a_batch_resolves_against_itself_ofsted_first():
    renamed, rows = resolve_identities([(NEWS, False), (REPORT, True), (OFFICIAL, True)], [])
    kept = {renamed.get(i.inspection_id, i.inspection_id) for i in (NEWS, REPORT, OFFICIAL)}
    assert len(kept) == 1 and len(rows) == 1
    assert rows[0].visit_end == date(2023, 12, 15) and rows[0].published_on == date(2024, 1, 29)


def _document(doc_type: str, name: str) -> DocumentRow:
    return DocumentRow(make_id("document", name), f"https://example.invalid/{name}", name, None, doc_type, name, None,
                       date(2024, 2, 1), datetime(2024, 2, 1, 9), "0" * 64, "text/html", "test@1", name)


def _rated(doc: DocumentRow, inspection: Inspection, grade: str) -> Batch:
    rating = Rating(make_id("rating", doc.document_id, grade), HILLINGDON, inspection.inspection_id,
                    "overall_effectiveness", grade, {"good": 2, "outstanding": 1}[grade], grade, 2024, None, False,
                    doc.document_id, f"rated {grade}")
    return Batch(documents=[doc], inspections=[inspection], ratings=[rating],
                 document_inspections=[DocumentInspection(doc.document_id, inspection.inspection_id)])


def test_news_loaded_after_the_official_row_joins_its_inspection(tmp_path):
    db = tmp_path / "csi.duckdb"
    con = connect(db)
    try:
        migrate(con)
        seed_reference(con, load_councils(), load_aliases())
        load(con, _rated(_document("statistics", "official"), OFFICIAL, "outstanding"))
        load(con, _rated(_document("news", "news"), NEWS, "good"))
        load(con, _rated(_document("news", "news"), NEWS, "good"))  # reloading changes nothing
    finally:
        con.close()
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT inspection_id, framework FROM inspections").fetchall() == [
            (OFFICIAL.inspection_id, "ilacs_short")]
        assert con.execute("SELECT DISTINCT inspection_id FROM ratings").fetchall() == [(OFFICIAL.inspection_id,)]
        assert con.execute("SELECT count(*) FROM document_inspections").fetchall() == [(2,)]
    finally:
        con.close()
