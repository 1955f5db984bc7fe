"""Ofsted's official outcomes: CSV and spreadsheet layouts to inspections and ratings, the load flow."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from csi.records import GRADE_RANK, DocumentRow, Rating, make_id
from flows.official_outcomes import load_official_outcomes, outcomes_batch
from tests.conftest import db_rows
from transforms.councils import load_aliases, load_councils
from transforms.inspections import inspection_id
from transforms.official_outcomes import (
    edition_of,
    framework_of,
    judgement_of,
    outcomes_rows,
    read_file,
    read_outcomes,
    read_sheets,
)
from warehouse.db import Batch, connect, load_batch, migrate, seed_reference, table_counts

FIXTURES = Path(__file__).parent / "fixtures" / "official_outcomes"
LOADED_AT = datetime(2026, 1, 1, 12, 0)
HILLINGDON, HOUNSLOW, BARNET, NORTHAMPTONSHIRE = "E09000017", "E09000018", "E09000003", "E10000021"
RI = "Requires improvement to be good"


def _read(name: str):
    data = (FIXTURES / name).read_bytes()
    return read_outcomes(data, name, f"https://example.org/{name}", LOADED_AT)


def _ratings(outcomes):
    return sorted((r.council_code, r.inspection_id, r.judgement, r.grade, r.grade_label) for r in outcomes.ratings)


# --------------------------------------------------------------------------- vocabulary

@pytest.mark.parametrize(("text", "framework"), [
    ("ILACS Standard Inspection", "ilacs_standard"),
    ("First ILACS framework ILACS Short Inspection", "ilacs_short"),
    ("ILACS Focused Visit", "focused_visit"),
    ("LA Monitoring visit", "monitoring_visit"),
    ("Single Inspection of LA Children's Services (SIF) First SIF", "sif"),
    ("Single Inspection of LA Children's Services (SIF) SIF Re-inspection", "sif_reinspection"),
    ("Safeguarding & Looked After Children (SLAC) Inspection", "slac"),
    ("SLAC re-inspection of Safeguarding", "slac"),
    ("Targeted Looked After Children (TLAC) inspection", "slac"),
    ("Child Protection Inspections (CPI)", "safeguarding_la"),
    ("Child Protection Re-Inspection (CPRI)", "safeguarding_la"),
    ("Annual engagement meeting", None),
])
def test_framework_of(text, framework):
    assert framework_of(text) == framework


@pytest.mark.parametrize(("column", "judgement"), [
    ("Overall effectiveness", "overall_effectiveness"),
    ("The impact of leaders on social work practice with children and families", "leadership"),
    ("The experiences and progress of children who need help and protection", "help_and_protection"),
    ("The experiences and progress of children in care", "children_in_care"),
    ("First ILACS framework experiences and progress of children in care and care leavers", "children_in_care"),
    ("The experiences and progress of care leavers", "care_leavers"),
    ("First SIF Overall Judgement (OE)", "overall_effectiveness"),
    ("First SIF children looked after and achieving permanence", "children_in_care"),
    ("First SIF CLA Sub: Adoption Performance", "adoption"),
    ("SIF Re-inspection CLA Sub: Experiences and progress of care leavers", "care_leavers"),
    ("First SIF leadership, management and governance", "leadership"),
    ("LSCB Overall Effectiveness", "lscb"),
    ("SLAC Safeguarding Overall effectiveness (OE)", "safeguarding"),
    ("SLAC Looked After Children Overall Effectiveness (OE)", "looked_after"),
    ("TLAC Overall Effectiveness (OE)", "looked_after"),
    ("CPI Overall Effectiveness (OE)", "safeguarding"),
    ("Ofsted region", None),
    ("Visit Theme", None),
])
def test_judgement_of(column, judgement):
    assert judgement_of(column) == judgement


# --------------------------------------------------------------------------- layouts

HISTORY_RATINGS = sorted([
    (HILLINGDON, inspection_id(HILLINGDON, "ilacs_standard", 2019), "overall_effectiveness", "good", "Good"),
    (HILLINGDON, inspection_id(HILLINGDON, "ilacs_standard", 2019), "leadership", "good", "Good"),
    (HILLINGDON, inspection_id(HILLINGDON, "ilacs_standard", 2019), "help_and_protection", "requires_improvement", RI),
    (HILLINGDON, inspection_id(HILLINGDON, "ilacs_standard", 2019), "children_in_care", "good", "Good"),
    (HILLINGDON, inspection_id(HILLINGDON, "ilacs_short", 2024), "overall_effectiveness", "outstanding", "Outstanding"),
    (HILLINGDON, inspection_id(HILLINGDON, "ilacs_short", 2024), "leadership", "outstanding", "Outstanding"),
    (HILLINGDON, inspection_id(HILLINGDON, "ilacs_short", 2024), "help_and_protection", "good", "Good"),
    (HILLINGDON, inspection_id(HILLINGDON, "ilacs_short", 2024), "children_in_care", "outstanding", "Outstanding"),
    (HILLINGDON, inspection_id(HILLINGDON, "ilacs_short", 2024), "care_leavers", "good", "Good"),
    (HOUNSLOW, inspection_id(HOUNSLOW, "ilacs_standard", 2023), "overall_effectiveness", "requires_improvement", RI),
    (HOUNSLOW, inspection_id(HOUNSLOW, "ilacs_standard", 2023), "leadership", "requires_improvement", RI),
    (HOUNSLOW, inspection_id(HOUNSLOW, "ilacs_standard", 2023), "help_and_protection", "inadequate", "Inadequate"),
    (HOUNSLOW, inspection_id(HOUNSLOW, "ilacs_standard", 2023), "children_in_care", "requires_improvement", RI),
    (HOUNSLOW, inspection_id(HOUNSLOW, "ilacs_standard", 2023), "care_leavers", "good", "Good"),
    (BARNET, inspection_id(BARNET, "ilacs_standard", 2019), "overall_effectiveness", "good", "Good"),
    (BARNET, inspection_id(BARNET, "ilacs_standard", 2019), "leadership", "good", "Good"),
    (BARNET, inspection_id(BARNET, "ilacs_standard", 2019), "help_and_protection", "good", "Good"),
    (BARNET, inspection_id(BARNET, "ilacs_standard", 2019), "children_in_care", "good", "Good"),
])


def test_inspection_history_rows_become_inspections_and_ratings():
    out = _read("ilacs_history.csv")
    assert (out.document.source, out.document.doc_type, out.document.publisher, out.document.content_type) == (
        "ofsted_mi", "statistics", "Ofsted", "text/csv")
    assert out.rows == 4
    assert [(i.council_code, i.framework, i.inspectorate, i.visit_start, i.published_on) for i in out.inspections] == [
        (HILLINGDON, "ilacs_standard", "ofsted", date(2019, 1, 7), date(2019, 2, 25)),
        (HILLINGDON, "ilacs_short", "ofsted", date(2024, 3, 4), date(2024, 4, 22)),
        (HOUNSLOW, "ilacs_standard", "ofsted", date(2023, 6, 12), date(2023, 7, 31)),
        (BARNET, "ilacs_standard", "ofsted", date(2019, 5, 13), date(2019, 7, 1)),  # resolved by name
    ]
    assert _ratings(out) == HISTORY_RATINGS
    rating = next(r for r in out.ratings if r.council_code == HOUNSLOW and r.judgement == "help_and_protection")
    assert (rating.rated_year, rating.rated_on, rating.is_historical, rating.document_id) == (
        2023, date(2023, 7, 31), False, out.document.document_id)
    assert "Local authority name: Hounslow" in rating.evidence and "Inspection type: ILACS Standard" in rating.evidence
    assert [s for s in out.skipped if "Atlantis" in s] and len(out.skipped) == 1  # not a council
    assert sorted((d.council_code, d.mentions) for d in out.document_councils) == [
        (BARNET, 1), (HILLINGDON, 2), (HOUNSLOW, 1)]


def test_long_layout_groups_judgements_into_inspections():
    out = _read("long.csv")
    assert sorted((i.council_code, i.framework, i.published_on) for i in out.inspections) == [
        (HILLINGDON, "sif", date(2014, 6, 20)), (HILLINGDON, "slac", date(2012, 3, 16)),
        (NORTHAMPTONSHIRE, "safeguarding_la", date(2013, 1, 18)),  # a council that no longer exists
    ]
    assert sorted((r[2], r[3]) for r in _ratings(out) if r[0] == HILLINGDON) == [
        ("adoption", "good"), ("looked_after", "requires_improvement"),
        ("overall_effectiveness", "requires_improvement"), ("safeguarding", "good")]  # "-" is no grade
    assert [(r.judgement, r.grade) for r in out.ratings if r.council_code == NORTHAMPTONSHIRE] == [
        ("safeguarding", "inadequate")]
    adoption = next(r for r in out.ratings if r.judgement == "adoption")
    assert adoption.evidence.startswith("la_name: Hillingdon;") and "judgement: First SIF CLA Sub" in adoption.evidence


def _cell(value) -> str:
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, date):
        return (f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}T00:00:00">'
                f"<text:p>{value:%d/%m/%Y}</text:p></table:table-cell>")
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'


def write_ods(path: Path, sheets: dict[str, list[list]]) -> None:
    """A minimal OpenDocument spreadsheet: the zip layout and content.xml that spreadsheet programs write."""
    tables = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join("<table:table-row>" + "".join(_cell(v) for v in row) + "</table:table-row>" for row in rows)
        + "</table:table>" for name, rows in sheets.items())
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
               "</office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)


def _ods_rows(csv_sheet: list[list[str]]) -> list[list]:
    """The CSV's table as the ODS holds it: no web_link_url column, real dates, two title lines above."""
    rows = [[date.fromisoformat(c[:10]) if c.endswith("T00:00:00") else c for c in row[1:]] for row in csv_sheet]
    return [["ILACS inspection history"], ["This worksheet contains one table."], *rows]


@pytest.fixture
def outcomes_ods(tmp_path) -> Path:
    history = read_sheets((FIXTURES / "ilacs_history.csv").read_bytes(), "ilacs_history.csv")["ilacs_history.csv"]
    in_year = [["Web link", "Local authority area code", "Local authority name", "Region", "Inspection/Visit date",
                "Publication date", "Inspection/Visit type", "Overall effectiveness", "Visit Theme"],
               ["Ofsted Local Authority Webpage", HOUNSLOW, "Hounslow", "London", date(2024, 11, 4),
                date(2024, 12, 9), "ILACS Focused Visit", "", "Care leavers"],
               ["Ofsted Local Authority Webpage", HILLINGDON, "Hillingdon", "London", date(2024, 3, 4),
                date(2024, 4, 22), "ILACS Short Inspection", "Outstanding", ""]]
    path = tmp_path / "LA_Inspection_Outcomes.ods"
    write_ods(path, {"Cover": [["Local authority inspection outcomes"], ["Open Government Licence v3.0"]],
                     "In-year_inspections": [["In-year activity"], *in_year],
                     "ILACS_inspection_history": _ods_rows(history)})
    return path


def test_ods_workbook_reads_like_the_csv_and_visits_carry_no_grades(outcomes_ods):
    out = read_outcomes(outcomes_ods.read_bytes(), outcomes_ods.name, outcomes_ods.as_uri(), LOADED_AT)
    assert out.document.content_type == "application/vnd.oasis.opendocument.spreadsheet"
    assert _ratings(out) == HISTORY_RATINGS  # the in-year short inspection is the history's, merged by id
    visit = next(i for i in out.inspections if i.framework == "focused_visit")
    assert (visit.council_code, visit.visit_start, visit.published_on, visit.inspection_id) == (
        HOUNSLOW, date(2024, 11, 4), date(2024, 12, 9), inspection_id(HOUNSLOW, "focused_visit", 2024, 12))
    assert not [r for r in out.ratings if r.inspection_id == visit.inspection_id]
    assert len(out.inspections) == 5 and out.rows == 6


def test_a_snapshot_without_inspection_types_takes_the_framework_in_force_or_the_typed_rows_one():
    data = b"Local authority area code,Local authority name,Inspection date,Publication date,Overall effectiveness\n" \
           b"E09000017,Hillingdon,2024-03-04,2024-04-22,Outstanding\n"
    out = read_outcomes(data, "as_at_31_march_2024.csv", None, LOADED_AT)
    assert out.document.published_on == date(2024, 3, 31) and out.skipped == []
    assert [(i.framework, i.visit_start) for i in out.inspections] == [("ilacs_standard", date(2024, 3, 4))]
    file = read_file(data, "as_at_31_march_2024.csv", None, LOADED_AT)
    typed = outcomes_rows(file.document, file.rows, known={(HILLINGDON, date(2024, 3, 4)): "ilacs_short"})
    assert [r.inspection_id for r in typed.ratings] == [inspection_id(HILLINGDON, "ilacs_short", 2024)]


# --------------------------------------------------------------------------- the flow

def test_loaded_batch_is_idempotent(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    migrate(con)
    seed_reference(con, load_councils(), load_aliases())
    load_batch(con, outcomes_batch(_read("ilacs_history.csv")))
    first = table_counts(con)
    load_batch(con, outcomes_batch(_read("ilacs_history.csv")))
    assert table_counts(con) == first
    assert (first["ratings"], first["inspections"], first["documents"]) == (18, 4, 1)
    con.close()


def test_flow_loads_a_file_twice_without_changing_counts(prefect_harness, tmp_path, outcomes_ods):
    db = str(tmp_path / "w.duckdb")
    first = load_official_outcomes([str(outcomes_ods)], db=db, return_state=True)
    assert first.is_completed(), first.message
    counts = first.result()["tables"]
    second = load_official_outcomes([str(outcomes_ods)], db=db, return_state=True)
    assert second.is_completed() and second.result()["tables"] == counts
    assert (counts["ratings"], counts["inspections"], counts["documents"]) == (18, 5, 1)
    con = connect(db, read_only=True)
    assert con.execute("SELECT DISTINCT source FROM ratings JOIN documents USING (document_id)").fetchall() == [
        ("ofsted_mi",)]
    assert con.execute("SELECT state FROM runs WHERE flow = 'load-official-outcomes'").fetchall() == [
        ("COMPLETED",), ("COMPLETED",)]
    con.close()


def test_flow_fails_loudly_on_a_file_with_no_official_rows(prefect_harness, tmp_path):
    empty = tmp_path / "empty_outcomes.csv"
    empty.write_text("Local authority name,Publication date,Inspection type,Overall effectiveness\n")
    state = load_official_outcomes([str(empty)], db=str(tmp_path / "w.duckdb"), return_state=True)
    assert state.is_failed() and str(empty) in state.message
    unreadable = tmp_path / "broken.ods"
    unreadable.write_bytes(b"not a zip file")
    state = load_official_outcomes([str(unreadable)], db=str(tmp_path / "w.duckdb"), return_state=True)
    assert state.is_failed() and "broken.ods" in state.message


# --------------------------------------------------------------------------- rating_conflicts

def _news_rating(document_id: str, code: str, iid: str | None, judgement: str, grade: str, label: str) -> Rating:
    return Rating(make_id("rating", document_id, code, iid, judgement, grade, False), code, iid, judgement, grade,
                  GRADE_RANK[grade], label, 2023, None, False, document_id, f"The council's {label} verdict.")


def test_rating_conflicts_lists_grades_that_disagree_with_the_official_record(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    migrate(con)
    seed_reference(con, load_councils(), load_aliases())
    official = _read("ilacs_history.csv")
    load_batch(con, outcomes_batch(official))
    url = "https://news.example.org/hounslow-ofsted"
    news = DocumentRow(make_id("document", url), url, "local-news", "Local News", "news", "Hounslow rated", None,
                       date(2023, 8, 1), LOADED_AT, "0" * 64, "text/html", "news@1", "Hounslow's services ...")
    iid = inspection_id(HOUNSLOW, "ilacs_standard", 2023)
    load_batch(con, Batch(documents=[news], ratings=[
        _news_rating(news.document_id, HOUNSLOW, iid, "overall_effectiveness", "inadequate", "inadequate"),
        _news_rating(news.document_id, HOUNSLOW, iid, "leadership", "requires_improvement", "requires improvement"),
        _news_rating(news.document_id, HOUNSLOW, None, "overall_effectiveness", "good", "good"),
    ]))
    rows = con.execute("SELECT council_code, council_name, inspection_id, framework, judgement, official_grade, "
                       "official_grade_label, official_document_id, other_grade, other_document_id, other_url, "
                       "other_source, other_doc_type, evidence FROM rating_conflicts").fetchall()
    assert rows == [(HOUNSLOW, "Hounslow", iid, "ilacs_standard", "overall_effectiveness", "requires_improvement",
                     RI, official.document.document_id, "inadequate", news.document_id, url, "local-news", "news",
                     "The council's inadequate verdict.")]
    undocumented = con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = 'rating_conflicts' "
                               "AND coalesce(trim(comment), '') = ''").fetchall()
    assert undocumented == []
    con.close()


def test_wide_layout_one_column_group_per_inspection_with_its_type_before_or_after_its_date():
    out = _read("wide.csv")
    assert [(i.council_code, i.framework, i.published_on) for i in out.inspections] == [
        (HOUNSLOW, "sif", date(2014, 5, 2)), (HOUNSLOW, "ilacs_standard", date(2018, 12, 21)),
        (HOUNSLOW, "ilacs_short", date(2024, 2, 9)), (BARNET, "sif", date(2017, 7, 7)),
        (BARNET, "ilacs_standard", date(2019, 7, 1))]
    short = inspection_id(HOUNSLOW, "ilacs_short", 2024)
    assert sorted((r.judgement, r.grade) for r in out.ratings if r.inspection_id == short) == [
        ("care_leavers", "outstanding"), ("overall_effectiveness", "good")]
    barnet_sif = inspection_id(BARNET, "sif", 2017)
    assert sorted((r.judgement, r.grade) for r in out.ratings if r.inspection_id == barnet_sif) == [
        ("lscb", "inadequate"), ("overall_effectiveness", "inadequate")]
    assert next(r for r in out.ratings if r.inspection_id == short).evidence == (
        "Local authority name: Hounslow; Second ILACS publication date: 2024-02-09; Second ILACS inspection type: "
        "ILACS Short Inspection; Second ILACS overall effectiveness: Good; "
        "Second ILACS experiences and progress of care leavers: Outstanding")


def test_a_table_whose_column_names_repeat_is_skipped_rather_than_misread():
    data = (b"Local authority name,Publication date,Inspection type,Overall effectiveness,Publication date,"
            b"Inspection type,Overall effectiveness\nHounslow,2018-12-21,ILACS Standard Inspection,Good,2024-02-09,"
            b"ILACS Short Inspection,Outstanding\n")
    out = read_outcomes(data, "repeated.csv", "file:///repeated.csv", LOADED_AT)
    assert out.rows == 0 and out.skipped == ["repeated.csv: 1 row(s) in a table with repeated column names"]


def test_cli_load_outcomes_loads_the_file_and_refuses_a_missing_one(prefect_harness, tmp_path):
    from typer.testing import CliRunner

    from front.cli import app

    db = tmp_path / "csi.duckdb"
    result = CliRunner().invoke(app, ["load-outcomes", str(FIXTURES / "ilacs_history.csv"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert db_rows(db, "SELECT count(*) FROM ratings r JOIN documents d USING (document_id) "
                       "WHERE d.source = 'ofsted_mi'") == [(len(HISTORY_RATINGS),)]
    missing = CliRunner().invoke(app, ["load-outcomes", str(tmp_path / "nope.ods"), "--db", str(db)])
    assert missing.exit_code == 2 and "No outcomes file" in missing.output


# --------------------------------------------------------------------------- editions (shaped like Ofsted's files)

LEEDS, KENT = "E08000035", "E10000016"
HEADS_2025 = ["Web link", "Local authority area code", "Local authority name", "Ofsted region", "Inspection date",
              "Publication date", "Overall effectiveness",
              "The impact of leaders on social work practice with children and families",
              "The experiences and progress of children who need help and protection",
              "The experiences and progress of children in care", "The experiences and progress of care leavers"]
WEB = "Ofsted Local Authority Webpage"


def _edition_2025(path: Path) -> Path:
    """The 2025 edition's sheets: the snapshot as at 31 March (no type), in-year inspections, the history."""
    snapshot = [[WEB, HILLINGDON, "Hillingdon", "London", date(2024, 3, 4), date(2024, 4, 22), "Outstanding",
                 "Outstanding", "Good", "Outstanding", "Good"],
                [WEB, LEEDS, "Leeds", "Yorkshire and Humber", date(2024, 10, 7), date(2024, 11, 25), "Good", "Good",
                 "Good", "Good", "Requires improvement to be good"],
                [WEB, KENT, "Kent", "South East", date(2022, 5, 9), date(2022, 7, 4), "Good", "Good", "Good",
                 "Good", ""]]
    in_year = [[WEB, LEEDS, "Leeds", "Yorkshire and Humber", date(2024, 10, 7), date(2024, 11, 25),
                "ILACS Short Inspection", "Good", "Good", "Good", "Good", "Requires improvement to be good"],
               [WEB, KENT, "Kent", "South East", date(2025, 1, 13), date(2025, 2, 24), "ILACS Focused Visit",
                "", "", "", "", ""]]
    history = [[WEB, HILLINGDON, "Hillingdon", "Current", "London", date(2024, 3, 4), date(2024, 4, 22),
                "ILACS Short Inspection", "Outstanding", "Outstanding", "Good", "Outstanding", "Good"],
               [WEB, KENT, "Kent", "Current", "South East", date(2022, 5, 9), date(2022, 7, 4),
                "ILACS Standard Inspection", "Good", "Good", "Good", "Good", ""]]
    in_year_heads = HEADS_2025[:5] + ["Publication date", "Inspection/Visit type"] + HEADS_2025[6:]
    in_year_heads[3:5] = ["Region", "Inspection/Visit date"]
    history_heads = HEADS_2025[:3] + ["Local authority status"] + HEADS_2025[3:6] + ["Inspection type"] + HEADS_2025[6:]
    write_ods(path, {
        "Cover": [["Local authority inspection outcomes as at 31 March 2025"], ["Section", "Detail"]],
        "Inspections_as_at_31_March": [["Inspections as at 31 March 2025"], HEADS_2025, *snapshot],
        "In-year_inspections": [["In-year inspections 2024-25"], in_year_heads, *in_year],
        "ILACS_inspection_history": [["ILACS inspection history"], history_heads, *history]})
    return path


def _edition_2024(path: Path) -> Path:
    """The 2024 edition: a snapshot and an in-year sheet without publication dates, a wide ILACS history; it
    grades Hillingdon's care leavers differently from the 2025 edition (an edition disagreement)."""
    heads = ["Web link", "Local authority name", "Ofsted region", "Inspection date", "Overall effectiveness",
             "Impact of leaders", "Experiences and progress of children who need help and protection",
             "Experiences and progress of children in care", "Experiences and progress of care leavers"]
    snapshot = [[WEB, "Hillingdon", "London", date(2024, 3, 4), "Outstanding", "Outstanding", "Good",
                 "Outstanding", "Requires improvement to be good"],
                [WEB, "Kent", "South East", date(2022, 5, 9), "Good", "Good", "Good", "Good", ""],
                [WEB, "Leeds", "Yorkshire and Humber", "Not yet inspected", "", "", "", "", ""]]
    in_year_heads = ["Web link", "Local authority name", "Region", "Inspection/Visit date", "Inspection/Visit type",
                     *heads[4:], "Visit Theme"]
    in_year = [[WEB, "Hillingdon", "London", date(2024, 3, 4), "ILACS Short Inspection", "Outstanding",
                "Outstanding", "Good", "Outstanding", "Requires improvement to be good", ""]]
    wide_heads = ["Web link", "Local authority name", "LA region", "First ILACS publication date",
                  "First ILACS inspection type", "First ILACS overall effectiveness", "First ILACS impact of leaders",
                  "Second ILACS publication date", "Second ILACS inspection type", "Second ILACS overall effectiveness"]
    wide = [[WEB, "Hillingdon", "London", date(2019, 2, 25), "ILACS Standard Inspection", "Good", "Good",
             date(2024, 4, 22), "ILACS Short Inspection", "Outstanding"]]
    write_ods(path, {
        "Cover": [["Local authority inspection outcomes as at 31 March 2024"], ["Section", "Detail"]],
        "Inspections_31_March_2024": [["Inspections as at 31 March 2024"], heads, *snapshot],
        "Inspections_in_year_2023-24": [["In-year 2023-24"], in_year_heads, *in_year],
        "ILACS_inspections_2018-2024": [["ILACS inspections"], wide_heads, *wide]})
    return path


def test_every_sheet_of_both_editions_is_read_and_each_edition_dated(tmp_path):
    for make, edition, skipped in ((_edition_2025, date(2025, 3, 31), []),
                                   (_edition_2024, date(2024, 3, 31), 1)):
        path = make(tmp_path / f"outcomes-{edition.year}.ods")
        sheets = read_sheets(path.read_bytes(), path.name)
        file = read_file(path.read_bytes(), "outcomes.ods", None, LOADED_AT)
        assert edition_of(sheets, "outcomes.ods") == edition == file.document.published_on
        out = read_outcomes(path.read_bytes(), "outcomes.ods", None, LOADED_AT)
        assert not [n for n in out.skipped if "layout" in n or "type" in n]  # no sheet left out
        if skipped:  # Leeds, "Not yet inspected" in 2024: noted, not loaded
            assert len(out.skipped) == 1 and "Leeds" in out.skipped[0]


def test_both_editions_and_a_csv_load_to_latest_grades_matching_the_snapshot(prefect_harness, tmp_path):
    """Loaded together, latest_ratings for current councils equals the 2025 snapshot (0 mismatches); the older
    edition's disagreeing grade shows in rating_conflicts; the same file from another path changes nothing."""
    new, old = _edition_2025(tmp_path / "outcomes_2025.ods"), _edition_2024(tmp_path / "outcomes_2024.ods")
    db = str(tmp_path / "w.duckdb")
    state = load_official_outcomes([str(old), str(new), str(FIXTURES / "ilacs_history.csv")], db=db,
                                   return_state=True)
    assert state.is_completed(), state.message
    snapshot = {(code, judgement): grade for code, judgement, grade in [
        (HILLINGDON, "overall_effectiveness", "outstanding"), (HILLINGDON, "leadership", "outstanding"),
        (HILLINGDON, "help_and_protection", "good"), (HILLINGDON, "children_in_care", "outstanding"),
        (HILLINGDON, "care_leavers", "good"), (LEEDS, "overall_effectiveness", "good"), (LEEDS, "leadership", "good"),
        (LEEDS, "help_and_protection", "good"), (LEEDS, "children_in_care", "good"),
        (LEEDS, "care_leavers", "requires_improvement"), (KENT, "overall_effectiveness", "good"),
        (KENT, "leadership", "good"), (KENT, "help_and_protection", "good"), (KENT, "children_in_care", "good")]}
    latest = dict(((c, j), g) for c, j, g in db_rows(db, "SELECT council_code, judgement, grade FROM latest_ratings "
                                                         "WHERE council_code IN ('E09000017', 'E08000035', 'E10000016')"
                                                         " AND grade IS NOT NULL"))
    assert latest == snapshot
    assert db_rows(db, "SELECT council_code, judgement, official_grade, other_grade FROM rating_conflicts") == [
        (HILLINGDON, "care_leavers", "good", "requires_improvement")]
    assert db_rows(db, "SELECT DISTINCT framework FROM inspections WHERE council_code = ? AND visit_start = ?",
                   [LEEDS, date(2024, 10, 7)]) == [("ilacs_short",)]  # the snapshot row took the in-year type
    counts = state.result()["tables"]
    copy = tmp_path / "elsewhere" / "outcomes_2025.ods"
    copy.parent.mkdir()
    copy.write_bytes(new.read_bytes())
    again = load_official_outcomes([str(copy)], db=db, return_state=True)
    assert again.is_completed() and again.result()["tables"] == counts
