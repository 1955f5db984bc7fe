"""Linking claims in news, press releases, blogs and minutes to Ofsted's official record (transforms.official_record):
each rule with a record of our own, then the packaged record through the real extraction path."""

from __future__ import annotations

import importlib.util
import shutil
from datetime import date
from pathlib import Path

import pytest

from front.evaluation.claims import FETCHED_AT, claims_source
from pipeline.pages import read_page
from transforms.inspections import inspection_id
from transforms.official_outcomes import outcomes_rows, read_file
from transforms.official_record import (
    ClaimDate,
    OfficialInspection,
    by_council,
    link,
    link_earlier,
    official_record,
    stated_month,
)

pytestmark = pytest.mark.official_record  # the end-to-end test reads the packaged record (tests/conftest.py)
FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]

# An invented council's record: two inspections under the 2009 frameworks, a SIF, an ILACS with its visit date.
C = "E06000099"
SLAC_2009 = OfficialInspection("slac09", C, "slac", None, date(2009, 10, 2),
                               {"safeguarding": "requires_improvement", "looked_after": "good"})
SLAC_2012 = OfficialInspection("slac12", C, "slac", None, date(2012, 3, 9),
                               {"safeguarding": "good", "looked_after": "good"})
SIF_2015 = OfficialInspection("sif15", C, "sif", None, date(2015, 2, 13),
                              {"overall_effectiveness": "inadequate", "leadership": "inadequate", "adoption": "good"})
SIF_RE_2017 = OfficialInspection("sifre17", C, "sif_reinspection", None, date(2017, 12, 15),
                                 {"overall_effectiveness": "requires_improvement", "leadership": "good"})
ILACS_2020 = OfficialInspection("ilacs20", C, "ilacs_standard", date(2019, 11, 18), date(2020, 1, 24),
                                {"overall_effectiveness": "good", "leadership": "outstanding",
                                 "children_in_care": "good"})
RECORD = by_council([SLAC_2009, SLAC_2012, SIF_2015, SIF_RE_2017, ILACS_2020])
COVERED = date(2025, 3, 31)


def linked(judgement: str, grade: str, when: ClaimDate | None, written: date | None, evidence: str = "",
           alongside: tuple[tuple[str, str, str], ...] = (), covered: date | None = COVERED,
           words: str = "") -> tuple | None:
    found = link(C, judgement, grade, when, written, evidence, RECORD, covered, alongside, words)
    return (found.inspection.inspection_id, found.rule, found.agrees) if found else None


# --- dated: the claim states when ------------------------------------------------------------------------------

@pytest.mark.parametrize("when, written, expected", [
    (ClaimDate(2019, 11), date(2020, 3, 2), "ilacs20"),  # "inspectors visited in November 2019": the visit
    (ClaimDate(2020, 1), date(2021, 6, 1), "ilacs20"),  # "the report, published in January 2020"
    (ClaimDate(2019), date(2022, 5, 5), "ilacs20"),  # "when inspectors last came, in late 2019"
    (ClaimDate(2017), date(2018, 2, 1), "sifre17"),  # "the re-inspection in 2017"
])
def test_a_stated_date_links_the_inspection_published_or_visited_then(when, written, expected):
    assert linked("overall_effectiveness", "good" if expected == "ilacs20" else "requires_improvement", when,
                  written) == (expected, "dated", True)


@pytest.mark.parametrize("judgement, grade, when", [
    ("overall_effectiveness", "requires_improvement", ClaimDate(2020)),  # the year matches, the grade does not
    ("leadership", "good", ClaimDate(2019, 11)),  # the visit matches, the grade does not
    ("overall_effectiveness", "good", ClaimDate(2015)),  # the SIF of 2015 was inadequate
])
def test_a_disagreeing_grade_stays_linked_to_the_inspection_its_date_names(judgement, grade, when):
    """A disagreement: linked, so that rating_conflicts shows it, never re-dated to another inspection or dropped."""
    found = linked(judgement, grade, when, date(2023, 1, 1))
    assert found is not None and found[1:] == ("dated", False)
    assert found[0] == ("sif15" if when.year == 2015 else "ilacs20")


@pytest.mark.parametrize("grade, expected", [
    ("requires_improvement", "sifre18"),  # the grade agrees: the re-inspection visited late in 2017
    ("inadequate", None),  # disagrees: the date alone is only a guess
    ("good", None),
])
def test_a_guessed_visit_links_only_a_grade_that_agrees(grade, expected):
    """The 2009-2023 file gives no visit dates: "inspected in late 2017" for a report of February 2018 is a guess,
    which only an agreeing grade confirms."""
    record = by_council([SIF_2015, OfficialInspection("sifre18", C, "sif_reinspection", None, date(2018, 2, 20),
                                                      {"overall_effectiveness": "requires_improvement"})])
    found = link(C, "overall_effectiveness", grade, ClaimDate(2017), date(2019, 1, 1), "", record)
    assert (found.inspection.inspection_id if found else None) == ("sifre18" if expected else None)


def test_several_inspections_in_a_stated_year_are_told_apart_by_the_grade():
    record = by_council([OfficialInspection("a", C, "slac", None, date(2012, 2, 1), {"safeguarding": "good"}),
                         OfficialInspection("b", C, "safeguarding_la", None, date(2012, 11, 1),
                                            {"safeguarding": "inadequate"})])
    assert link(C, "safeguarding", "inadequate", ClaimDate(2012), date(2013, 5, 1), "", record).inspection \
        .inspection_id == "b"
    assert link(C, "safeguarding", "good", ClaimDate(2012), date(2013, 5, 1), "", record).inspection \
        .inspection_id == "a"
    assert link(C, "safeguarding", "requires_improvement", ClaimDate(2012), date(2013, 5, 1), "", record) is None


# --- recent: an undated current grade reports the inspection published just before the document ---------------

@pytest.mark.parametrize("judgement, grade, written, expected", [
    ("overall_effectiveness", "requires_improvement", date(2018, 1, 12), ("sifre17", "recent", True)),  # re-dated
    ("overall_effectiveness", "good", date(2020, 2, 3), ("ilacs20", "recent", True)),
    ("leadership", "good", date(2018, 1, 30), ("sifre17", "recent", True)),
])
def test_an_undated_current_grade_takes_the_inspection_published_just_before(judgement, grade, written, expected):
    assert linked(judgement, grade, ClaimDate(written.year, own=False), written) == expected


@pytest.mark.parametrize("grade, written, expected", [
    ("inadequate", date(2018, 1, 12), None),  # would move to 2017 on a grade that disagrees: kept as it is
    ("inadequate", date(2017, 12, 20), ("sifre17", "recent", False)),  # same year: a disagreement, linked
    ("outstanding", date(2020, 3, 1), ("ilacs20", "recent", False)),
])
def test_an_undated_disagreeing_grade_is_never_re_dated(grade, written, expected):
    assert linked("overall_effectiveness", grade, ClaimDate(written.year, own=False), written) == expected


# --- standing: nothing published lately, the grade the council held ---------------------------------------------

@pytest.mark.parametrize("judgement, grade, alongside, expected", [
    ("safeguarding", "good", (), "slac12"),  # a 2013 blog: "good for safeguarding" -> the 2012 inspection
    ("looked_after", "good", (("safeguarding", "good", "good"),), "slac12"),
    ("safeguarding", "requires_improvement", (), None),  # the 2012 grade was good: no link
    ("looked_after", "good", (("safeguarding", "inadequate", "inadequate"),), None),  # it disagrees elsewhere
])
def test_an_undated_grade_long_after_the_last_inspection_needs_every_grade_to_agree(judgement, grade, alongside,
                                                                                 expected):
    found = linked(judgement, grade, ClaimDate(2013, own=False), date(2013, 6, 1), alongside=alongside)
    assert (found[0] if found else None) == expected and (found is None or found[1:] == ("standing", True))


@pytest.mark.parametrize("written, covered", [
    (date(2016, 6, 1), COVERED),  # the SIF is in force: a 2016 grade may report a SIF the record lacks
    (date(2013, 6, 1), date(2012, 12, 31)),  # after the record's end
    (date(2013, 6, 1), None),
])
def test_the_standing_rule_needs_the_framework_still_in_force_and_the_record_to_cover_the_date(written, covered):
    assert linked("safeguarding", "good", ClaimDate(written.year, own=False), written, covered=covered) is None


@pytest.mark.parametrize("judgement, grade, words, written, expected", [
    ("overall_effectiveness", "requires_improvement", "requires improvement", date(2019, 6, 1), "sifre17"),
    ("adoption", "good", "good", date(2019, 6, 1), "sif15"),  # only the SIF graded adoption
    ("safeguarding", "good", "good", date(2014, 6, 1), None),  # SIF in force: the 2012 SLAC may be superseded
    ("safeguarding", "requires_improvement", "adequate", date(2014, 6, 1), None),  # 2012 was good
    ("overall_effectiveness", "requires_improvement", "requires improvement", date(2013, 6, 1), None),  # no SLAC word
])
def test_the_grade_words_say_which_framework_a_standing_grade_was_given_under(judgement, grade, words, written,
                                                                             expected):
    """A 2019 blog (ILACS in force) recalling the city's grades: "requires improvement overall, adoption good" are
    the SIF's words; "adequate" is the 2009 frameworks'."""
    record = RECORD if expected != "sif15" else by_council([SLAC_2012, SIF_2015])
    found = link(C, judgement, grade, ClaimDate(written.year, own=False), written, "", record, COVERED, (), words)
    assert (found.inspection.inspection_id if found else None) == expected


# --- earlier: an earlier grade the document gives no year -------------------------------------------------------

@pytest.mark.parametrize("judgement, grade, words, before, expected", [
    ("overall_effectiveness", "requires_improvement", "requires improvement", date(2020, 1, 24), "sifre17"),
    ("overall_effectiveness", "inadequate", "inadequate", date(2017, 12, 15), "sif15"),  # before the re-inspection
    ("leadership", "good", "good", date(2020, 1, 24), "sifre17"),
    # the one before was RI: the inadequate before that ("from inadequate to good in seven years")
    ("overall_effectiveness", "inadequate", "inadequate", date(2020, 1, 24), "sif15"),
    ("safeguarding", "requires_improvement", "adequate", date(2015, 1, 1), "slac09"),  # the 2012 SLAC was good
    ("overall_effectiveness", "requires_improvement", "adequate", date(2020, 1, 24), "slac09"),  # the 2009 word
    ("overall_effectiveness", "inadequate", "inadequate", date(2015, 1, 1), None),  # never inadequate before
    ("adoption", "outstanding", "outstanding", date(2020, 1, 24), None),  # never outstanding
])
def test_an_undated_earlier_grade_is_the_latest_inspection_before_the_one_reported_that_gave_it(
        judgement, grade, words, before, expected):
    """"No longer requires improvement", "previously judged inadequate": the latest inspection before `before` (the
    one the document reports) that gave the grade the document recalls, under a framework its words fit."""
    found = link_earlier(C, judgement, grade, before, "", RECORD, words)
    assert (found.inspection.inspection_id if found else None) == expected
    assert found is None or found.rule == "earlier"


def test_an_undated_earlier_grade_in_a_news_page_takes_the_year_the_record_gives_it():
    from csi.records import Block
    from tests.claim_docs import news_doc
    from transforms.extract import extract

    doc = news_doc([Block("paragraph", "Hillingdon's children's services, previously rated requires improvement, "
                                       "have been judged good by Ofsted.")], date(2018, 6, 4))
    rows = {(r.grade, r.rated_year, r.is_historical) for r in extract(doc).ratings
            if r.judgement == "overall_effectiveness"}
    assert rows == {("good", 2018, False), ("requires_improvement", 2014, True)}  # the SIF of February 2014
    assert {(r.grade, r.rated_year) for r in extract(doc, link_official=False).ratings
            if r.judgement == "overall_effectiveness" and r.is_historical} == {("requires_improvement", None)}


# --- what keeps its own year ------------------------------------------------------------------------------------

@pytest.mark.parametrize("council, judgement, grade, when, written", [
    ("E06000098", "overall_effectiveness", "good", ClaimDate(2020), date(2020, 5, 1)),  # no record for the council
    (C, "overall_effectiveness", "good", ClaimDate(2022), date(2022, 5, 1)),  # no inspection that year
    (C, "overall_effectiveness", "good", ClaimDate(2020, own=False), date(2019, 12, 1)),  # published after it
    (C, "adoption", "good", ClaimDate(2020), date(2020, 5, 1)),  # ILACS grades no adoption
])
def test_a_claim_matching_nothing_official_keeps_its_own_year(council, judgement, grade, when, written):
    assert link(council, judgement, grade, when, written, "", RECORD, COVERED) is None


@pytest.mark.parametrize("evidence, when", [
    ("Its annual performance assessment of 2008 rated it good.", ClaimDate(2008)),
    ("The council was judged to be performing poorly in the annual assessment.", ClaimDate(2009)),
    ("In 2009 the joint area review found services adequate.", ClaimDate(2009)),
    ("Its rating was capped at adequate after an unannounced visit.", ClaimDate(2009, own=False)),
])
def test_earlier_frameworks_and_annual_ratings_are_left_alone(evidence, when):
    assert link(C, "safeguarding", "requires_improvement", when, date(2010, 1, 5), evidence, RECORD, COVERED) is None


@pytest.mark.parametrize("evidence, year, month", [
    ("Staffordshire (August 2009) - adequate for safeguarding", 2009, 8),
    ("That report, published in March 2020, found services inadequate.", 2020, 3),
    ("Inspected in May 2018 and again in June 2021, it was judged good.", 2018, 5),
    ("Judged good in 2019.", 2019, None),
])
def test_the_month_a_claim_gives_with_its_year(evidence, year, month):
    assert stated_month(evidence, year) == month


# --- the packaged record ----------------------------------------------------------------------------------------

def test_the_packaged_record_carries_the_warehouse_ids_and_every_date():
    record, covered = official_record()
    rows = [i for inspections in record.values() for i in inspections]
    assert len(rows) > 600 and covered is not None and covered >= date(2025, 1, 1)
    merton = [i for i in record["E09000024"] if i.published_on == date(2022, 5, 9)]
    assert len(merton) == 1  # two editions name its framework differently: one inspection
    hillingdon = next(i for i in record["E09000017"] if i.published_on.year == 2018)
    assert hillingdon.inspection_id == inspection_id("E09000017", "ilacs_standard", 2018)
    assert hillingdon.visit_start == date(2018, 4, 16) and hillingdon.grades["leadership"] == "outstanding"


def test_the_build_reads_outcome_files_as_the_warehouse_does(tmp_path):
    spec = importlib.util.spec_from_file_location("build_reference", ROOT / "scripts" / "build_reference.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    for name in ("ilacs_history.csv", "long.csv"):
        shutil.copy(FIXTURES / "official_outcomes" / name, tmp_path / name)
    rows = {tuple(r[:5]): r[5:] for r in build.build_official(tmp_path)}
    history = read_file((tmp_path / "ilacs_history.csv").read_bytes(), "ilacs_history.csv", None, FETCHED_AT)
    hillingdon = next(i for i in outcomes_rows(history.document, history.rows).inspections
                      if i.council_code == "E09000017" and i.published_on == date(2019, 2, 25))
    key = (hillingdon.inspection_id, "E09000017", hillingdon.framework, "2019-01-07", "2019-02-25")
    assert key in rows and rows[key][0] == "good"  # overall effectiveness
    assert all(r[4] for r in rows)  # every inspection has its publication date


# --- end to end: a news page through the real extraction path ----------------------------------------------------

PAGE = FIXTURES / "official_record" / "manchester-out-of-inadequate-2018.html"
URL = "https://www.example-news.co.uk/2018/01/10/manchester-children-services-out-of-inadequate/"


@pytest.mark.parametrize("link_official, year", [(True, 2017), (False, 2018)])
def test_a_news_claim_takes_the_official_inspection_and_its_publication_year(link_official, year):
    """Manchester's re-inspection was published in December 2017; a story of January 2018 reports it undated."""
    _, extraction = read_page(URL, PAGE.read_bytes(), "text/html; charset=utf-8", FETCHED_AT,
                              claims_source(URL, "news"), link_official=link_official)
    overall = [r for r in extraction.ratings if r.council_code == "E08000003"
               and r.judgement == "overall_effectiveness" and not r.is_historical]
    assert [(r.grade, r.rated_year) for r in overall] == [("requires_improvement", year)]
    official = inspection_id("E08000003", "sif_reinspection", 2017)  # the id the official outcomes row gets
    assert (overall[0].inspection_id == official) is link_official
    assert (official in {i.inspection_id for i in extraction.inspections}) is link_official
    if link_official:  # its inspection is the official one, with its publication date
        inspection = next(i for i in extraction.inspections if i.inspection_id == official)
        assert inspection.published_on == date(2017, 12, 21) and overall[0].rated_on == date(2017, 12, 21)
        historical = {(r.grade, r.rated_year) for r in extraction.ratings if r.is_historical}
        assert ("inadequate", 2014) in historical  # the SIF of 2014, published that year: unchanged


# --- the warehouse: a linked claim shares the official inspection; a disagreement shows in rating_conflicts -------

# The official record's row for Hillingdon's 2018 inspection (facts only: dates and grades).
HILLINGDON_2018 = (
    "Local authority area code,Local authority name,Inspection date,Publication date,Inspection type,"
    "Overall effectiveness,The impact of leaders on social work practice with children and families,"
    "The experiences and progress of children who need help and protection,"
    "The experiences and progress of children in care and care leavers\n"
    "E09000017,Hillingdon,2018-04-16,2018-05-30,ILACS Standard Inspection,Good,Outstanding,Good,Good\n")


def _news_batch(text: str, published: date):
    from csi.records import Block, DocumentRow
    from tests.claim_docs import news_doc
    from transforms.extract import extract
    from warehouse.db import Batch

    doc = news_doc([Block("paragraph", text)], published)
    rows = extract(doc)
    return Batch(documents=[DocumentRow.of(doc)], document_councils=rows.document_councils,
                 document_inspections=rows.document_inspections, inspections=rows.inspections, ratings=rows.ratings)


def test_a_linked_claim_joins_the_official_inspection_and_a_disagreement_shows_in_rating_conflicts(tmp_path):
    from flows.official_outcomes import outcomes_batch
    from pipeline.load import load
    from transforms.councils import load_aliases, load_councils
    from transforms.official_outcomes import read_outcomes
    from warehouse.db import connect, migrate, seed_reference

    con = connect(tmp_path / "w.duckdb")
    migrate(con)
    seed_reference(con, load_councils(), load_aliases())
    load(con, _news_batch("Hillingdon's children's services have been rated requires improvement by Ofsted.",
                          date(2018, 6, 20)))  # before the official file: the link holds whatever the order
    load(con, _news_batch("Ofsted has judged Hillingdon's children's services good, with outstanding leadership.",
                          date(2018, 6, 4)))
    load(con, outcomes_batch(read_outcomes(HILLINGDON_2018.encode(), "ilacs_history.csv", None, FETCHED_AT)))
    official = inspection_id("E09000017", "ilacs_standard", 2018)
    assert con.execute("SELECT count(*) FROM inspections WHERE council_code = 'E09000017'").fetchone() == (1,)
    years = con.execute("SELECT d.doc_type, r.judgement, r.grade, r.rated_year, r.inspection_id FROM ratings r "
                        "JOIN documents d USING (document_id) WHERE r.judgement IN ('overall_effectiveness', "
                        "'leadership') ORDER BY 1, 2, 3").fetchall()
    assert years == [("news", "leadership", "outstanding", 2018, official),
                     ("news", "overall_effectiveness", "good", 2018, official),
                     ("news", "overall_effectiveness", "requires_improvement", 2018, official),
                     ("statistics", "leadership", "outstanding", 2018, official),
                     ("statistics", "overall_effectiveness", "good", 2018, official)]
    assert con.execute("SELECT judgement, official_grade, other_grade, other_doc_type FROM rating_conflicts"
                       ).fetchall() == [("overall_effectiveness", "good", "requires_improvement", "news")]
    con.close()


def test_migration_10_gives_stored_grades_the_year_they_were_published(tmp_path, monkeypatch):
    from dataclasses import replace

    import warehouse.db as db
    from transforms.councils import load_aliases, load_councils

    packaged = db._migrations()
    monkeypatch.setattr(db, "_migrations", lambda: [m for m in packaged if m[0] < 10])
    con = db.connect(tmp_path / "w.duckdb")
    db.migrate(con)
    db.seed_reference(con, load_councils(), load_aliases())
    batch = _news_batch("Hillingdon's children's services have been rated good by Ofsted.", date(2018, 6, 4))
    visit_year = replace(batch.ratings[0], rated_year=2017)  # as stored before: the year the visit started
    db.load_batch(con, db.Batch(documents=batch.documents, ratings=[visit_year]))
    monkeypatch.setattr(db, "_migrations", lambda: packaged)
    assert db.migrate(con) == ["010_publication_year"]
    assert con.execute("SELECT rated_year, rated_on FROM ratings").fetchall() == [(2018, date(2018, 5, 30))]
    con.close()


@pytest.mark.parametrize("switch, recall", [([], "1.000"), (["--language-only"], "0.500")])
def test_eval_claims_reports_the_figures_with_and_without_the_official_record(tmp_path, switch, recall):
    import json

    from typer.testing import CliRunner

    from front.cli import app

    (tmp_path / "pages").mkdir()
    shutil.copy(PAGE, tmp_path / "pages" / "manchester.html")
    manifest = {"councils": {"manchester": ["E08000003", "manchester"]},
                "pages": [{"file": "manchester.html", "url": URL, "published": "2018-01-10", "kind": "news",
                           "historical": [1], "ratings": [["manchester", None, "requires_improvement", 2017, 0],
                                                          ["manchester", None, "inadequate", 2014, 0]]}]}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval-claims", str(tmp_path), *switch])
    assert result.exit_code == 0, result.output
    overall = next(line for line in result.output.splitlines() if line.strip().startswith("all pages"))
    assert overall.split()[4] == recall  # the language alone dates the re-inspection's grade 2018
