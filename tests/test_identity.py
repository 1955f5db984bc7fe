"""One inspection, one inspection_id: the report, the provider page, the official row and the news agree."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from csi.records import DocumentInspection, DocumentRow, Inspection, Rating, make_id
from pipeline.load import load
from tests.conftest import db_rows
from transforms.councils import load_aliases, load_councils
from transforms.inspections import DOC_TYPE_RANK, aliases, inspection_id, resolve_identities, same_inspection
from warehouse.db import Batch, connect, migrate, seed_reference

HILLINGDON, HOUNSLOW = "E09000017", "E09000018"


def _inspection(code=HILLINGDON, framework="ilacs_standard", year=2024, visit=(None, None), published=None,
                month=None):
    return Inspection(inspection_id(code, framework, year, month), code, "ofsted", framework, visit[0], visit[1],
                      published, None, None)


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


def test_the_higher_ranked_document_decides_and_keeps_its_id_the_lower_only_fills_gaps():
    resolution = resolve_identities([(OFFICIAL, DOC_TYPE_RANK["statistics"])], [(NEWS, 0)])
    assert resolution.renamed == {NEWS.inspection_id: OFFICIAL.inspection_id}
    assert resolution.rekeyed == {NEWS.inspection_id: OFFICIAL.inspection_id}  # the stored news row moves
    (row,) = resolution.rows
    assert (row.inspection_id, row.framework, row.published_on) == (
        OFFICIAL.inspection_id, "ilacs_short", date(2024, 1, 29))

    resolution = resolve_identities([(NEWS, 0)], [(OFFICIAL, DOC_TYPE_RANK["statistics"])])
    assert resolution.renamed == {NEWS.inspection_id: OFFICIAL.inspection_id} and resolution.rekeyed == {}
    assert resolution.rows[0].framework == "ilacs_short" and resolution.rows[0].visit_start == date(2023, 12, 4)


def test_a_provider_page_label_never_overrides_the_report():
    report = _inspection(framework="ilacs_short", visit=(date(2023, 12, 4), date(2023, 12, 8)), year=2023)
    listed = _inspection(framework="ilacs_standard", published=date(2024, 1, 30))  # the page never says "short"
    for candidates, known in (([(listed, 1)], [(report, 2)]), ([(report, 2)], [(listed, 1)]),
                              ([(listed, 1), (report, 2)], [])):
        resolution = resolve_identities(candidates, known)
        (row,) = resolution.rows
        assert (row.inspection_id, row.framework, row.published_on) == (
            report.inspection_id, "ilacs_short", date(2024, 1, 30))


def test_consecutive_monitoring_visits_stay_apart():
    first = _inspection(framework="monitoring_visit", visit=(date(2024, 7, 30), date(2024, 7, 31)),
                        published=date(2024, 8, 30), month=8)
    second = _inspection(framework="monitoring_visit", visit=(date(2024, 10, 15), date(2024, 10, 16)),
                         published=date(2024, 11, 14), month=11)
    assert not same_inspection(first, second)
    assert len(resolve_identities([(first, 3), (second, 3)], []).rows) == 2


def test_a_batch_resolves_against_itself_ofsted_first():
    resolution = resolve_identities([(NEWS, 0), (REPORT, 2), (OFFICIAL, 3)], [])
    kept = {resolution.renamed.get(i.inspection_id, i.inspection_id) for i in (NEWS, REPORT, OFFICIAL)}
    assert kept == {OFFICIAL.inspection_id} and len(resolution.rows) == 1
    assert resolution.rows[0].visit_end == date(2023, 12, 15) and resolution.rows[0].published_on == date(2024, 1, 29)


def _document(doc_type: str, name: str) -> DocumentRow:
    return DocumentRow(make_id("document", name), f"https://example.invalid/{name}", name, None, doc_type, name, None,
                       date(2024, 2, 1), datetime(2024, 2, 1, 9), "0" * 64, "text/html", "test@1", name)


def _rated(doc: DocumentRow, inspection: Inspection, grade: str) -> Batch:
    rating = Rating(make_id("rating", doc.document_id, grade), HILLINGDON, inspection.inspection_id,
                    "overall_effectiveness", grade, {"good": 2, "outstanding": 1}[grade], grade, 2024, None, False,
                    doc.document_id, f"rated {grade}")
    return Batch(documents=[doc], inspections=[inspection], ratings=[rating],
                 document_inspections=[DocumentInspection(doc.document_id, inspection.inspection_id)])


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    """A warehouse migrated and seeded with the councils once: each test loads its batches into a copy."""
    path = tmp_path_factory.mktemp("seeded") / "csi.duckdb"
    con = connect(path)
    try:
        migrate(con)
        seed_reference(con, load_councils(), load_aliases())
    finally:
        con.close()
    return path


def _load_in_order(seeded: Path, db: Path, batches) -> list[tuple]:
    shutil.copyfile(seeded, db)
    con = connect(db)
    try:
        for batch in batches:
            load(con, batch)
    finally:
        con.close()
    return [db_rows(db, "SELECT inspection_id, framework, published_on FROM inspections"),
            db_rows(db, "SELECT DISTINCT inspection_id FROM ratings"),
            db_rows(db, "SELECT count(*) FROM document_inspections")]


@pytest.mark.parametrize("news_first", [False, True], ids=["official-first", "news-first"])
def test_the_same_documents_give_the_same_ids_whatever_order_they_load_in(seeded, tmp_path, news_first):
    official = _rated(_document("statistics", "official"), OFFICIAL, "outstanding")
    news = _rated(_document("news", "news"), NEWS, "good")
    order = [news, official, news] if news_first else [official, news, news]  # the news is loaded twice
    inspections, rated, links = _load_in_order(seeded, tmp_path / "csi.duckdb", order)
    assert inspections == [(OFFICIAL.inspection_id, "ilacs_short", date(2024, 1, 29))]
    assert rated == [(OFFICIAL.inspection_id,)]
    assert links == [(2,)]


# --- claims reconciled with the official record ----------------------------------------------------------------

OFFICIAL_SIF = _inspection(framework="sif", year=2014, published=date(2014, 2, 11))  # Ofsted's record: SIF, Feb 2014


def _official(inspection: Inspection, grade: str) -> Batch:
    doc = dataclasses.replace(_document("statistics", "outcomes"), source="ofsted_mi")
    return _rated_as(doc, inspection, grade, None, False)


def _rated_as(doc: DocumentRow, inspection: Inspection, grade: str, year: int | None, historical: bool) -> Batch:
    rank = {"outstanding": 1, "good": 2, "requires_improvement": 3, "inadequate": 4}
    rating = Rating(make_id("rating", doc.document_id, grade), HILLINGDON, inspection.inspection_id,
                    "overall_effectiveness", grade, rank[grade], grade, year, None, historical, doc.document_id,
                    f"judged {grade}")
    return Batch(documents=[doc], inspections=[inspection], ratings=[rating],
                 document_inspections=[DocumentInspection(doc.document_id, inspection.inspection_id)])


@pytest.mark.parametrize("recalled", [
    _inspection(framework="sif", year=2013),              # "the 2013 inspection": the year inspectors visited
    _inspection(framework="sif", year=2014),              # "in 2014": the year it was published
    _inspection(framework="safeguarding_la", year=2013),  # the year read as the framework before the SIF
], ids=["visit-year", "publication-year", "framework-of-the-year-before"])
@pytest.mark.parametrize("minutes_first", [False, True], ids=["official-first", "minutes-first"])
def test_a_year_only_mention_links_to_the_official_inspection_instead_of_a_phantom(seeded, tmp_path, recalled,
                                                                                   minutes_first):
    minutes = _rated_as(_document("minutes", "minutes-2015"), recalled, "inadequate", recalled.inspection_id and 2013,
                        True)
    official = _official(OFFICIAL_SIF, "requires_improvement")
    db = tmp_path / "csi.duckdb"
    inspections, rated, _ = _load_in_order(seeded, db, [minutes, official] if minutes_first else [official, minutes])
    assert inspections == [(OFFICIAL_SIF.inspection_id, "sif", date(2014, 2, 11))]  # no phantom beside it
    assert rated == [(OFFICIAL_SIF.inspection_id,)]
    # the minutes' claim takes the official dates, and its disagreement shows
    assert db_rows(db, "SELECT rated_year, rated_on FROM ratings r JOIN documents d USING (document_id) "
                       "WHERE d.doc_type = 'minutes'") == [(2014, date(2014, 2, 11))]
    assert db_rows(db, "SELECT official_grade, other_grade FROM rating_conflicts") == [
        ("requires_improvement", "inadequate")]


@pytest.mark.parametrize("mention", [
    _inspection(framework="sif", year=2016),   # a year the official record has no inspection for
    _inspection(framework="apa", year=2013),   # a pre-2009-style framework named in words: never merged
    _inspection(framework="sif", year=2012),   # two years before the publication: outside the lag
], ids=["other-year", "own-framework", "outside-lag"])
def test_a_mention_matching_nothing_official_keeps_its_own_year_and_framework(seeded, tmp_path, mention):
    minutes = _rated_as(_document("minutes", "minutes"), mention, "good", 2016, True)
    inspections, _, _ = _load_in_order(seeded, tmp_path / "csi.duckdb", [_official(OFFICIAL_SIF, "good"), minutes])
    assert len(inspections) == 2
    assert mention.inspection_id in {row[0] for row in inspections}
