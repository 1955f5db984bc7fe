"""Extraction from the five sample pages (one per seed document): the rows each must yield."""

from __future__ import annotations

from collections import Counter
from dataclasses import astuple
from datetime import date, datetime

import pytest

from csi.records import FINDING_KINDS, GRADE_RANK, JUDGEMENTS, METRIC_UNITS, THEMES, Extraction
from tests.conftest import SAMPLE_PAGES
from transforms.extract import extract

HILLINGDON, HARINGEY, HOUNSLOW = "E09000017", "E09000014", "E09000018"


@pytest.fixture(scope="module")
def extracted(sample_docs, sample_sources) -> dict[str, Extraction]:
    return {name: extract(doc, council=sample_sources[name].council) for name, doc in sample_docs.items()}


def _ratings(ex: Extraction) -> set[tuple]:
    return {(r.council_code, r.judgement, r.grade, r.rated_year, r.is_historical) for r in ex.ratings}


def _metrics(ex: Extraction) -> set[tuple]:
    return {(m.name, m.value, m.unit, m.as_of, m.period) for m in ex.metrics}


def test_000_ssi_follow_up(extracted):
    ex = extracted["sample-lgc"]
    assert [(i.council_code, i.inspectorate, i.framework) for i in ex.inspections] == [(HILLINGDON, "ssi", "ssi")]
    assert ex.ratings == []
    kinds = Counter(f.kind for f in ex.findings)
    assert kinds == {"strength": 7, "weakness": 7}
    assert all(f.inspection_id == ex.inspections[0].inspection_id for f in ex.findings)
    assert all(f.theme in THEMES for f in ex.findings)
    strengths = [f.text for f in ex.findings if f.kind == "strength"]
    assert strengths[0].startswith("Quantitative management information")
    speakers = {(q.speaker, q.role, q.organisation) for q in ex.quotes}
    assert ("Denise Platt", "chief inspector", "Social Services Inspectorate") in speakers
    assert ("Graeme Betts", "Social services director", None) in speakers
    assert ("John Ransford", "head of social affairs, health and housing", "Local Government Association") in speakers
    # "Mr Ransford added:" is resolved to the John Ransford named earlier.
    assert sum(q.speaker == "John Ransford" for q in ex.quotes) == 2


def test_001_hillingdon_good(extracted):
    ex = extracted["sample-csnews"]
    assert _ratings(ex) == {
        (HILLINGDON, "overall_effectiveness", "good", 2018, False),
        (HILLINGDON, "leadership", "outstanding", 2018, False),
        (HILLINGDON, "help_and_protection", "good", 2018, False),
        (HILLINGDON, "children_in_care", "good", 2018, False),
        (HILLINGDON, "care_leavers", "good", 2018, False),  # "children in care and care leavers": both, as readers do
    }
    assert {(i.inspectorate, i.framework) for i in ex.inspections} == {("ofsted", "ilacs_standard")}
    bullets = [f for f in ex.findings if f.kind == "strength"]
    assert len(bullets) >= 15  # the three bulleted lists: 7 + 4 + 4
    recommendations = [f.text for f in ex.findings if f.kind == "recommendation"]
    assert len(recommendations) == 4
    assert any("strategy discussions" in r for r in recommendations)
    assert any("return home interviews" in r for r in recommendations)
    quotes = [q for q in ex.quotes if q.speaker == "David Simmonds"]
    assert len(quotes) == 2
    assert quotes[0].role == "Cabinet Member for Education and Children's Services"
    # The continuation paragraph joins the quotation it continues.
    assert "multi-agency" in quotes[0].text


def test_002_haringey_requires_improvement(extracted):
    ex = extracted["sample-cypnow"]
    assert _ratings(ex) == {
        (HARINGEY, "overall_effectiveness", "requires_improvement", 2018, False),
        (HARINGEY, "overall_effectiveness", "requires_improvement", 2014, True),
    }
    frameworks = {(i.inspectorate, i.framework) for i in ex.inspections}
    assert ("joint", "jtai") in frameworks and ("ofsted", "ilacs_standard") in frameworks
    jtai = next(i for i in ex.inspections if i.framework == "jtai")
    assert not any(r.inspection_id == jtai.inspection_id for r in ex.ratings)
    kinds = Counter(f.kind for f in ex.findings)
    assert kinds["strength"] >= 1 and kinds["weakness"] >= 2
    assert any("records up to date" in f.text and f.kind == "weakness" for f in ex.findings)
    assert [(q.speaker, q.organisation) for q in ex.quotes] == [("Elin Weston", "London Borough of Haringey")]


def test_003_hounslow(extracted):
    ex = extracted["sample-hounslow-chronicle"]
    assert _ratings(ex) == {
        (HOUNSLOW, "overall_effectiveness", "requires_improvement", 2014, False),
        (HOUNSLOW, "lscb", "requires_improvement", 2014, False),
    }
    assert Counter(f.kind for f in ex.findings) == {"strength": 5, "weakness": 9}
    assert _metrics(ex) == {
        ("children_in_need", 1758.0, "count", date(2013, 3, 31), None),
        ("children_in_need", 2200.0, "count", date(2012, 3, 31), None),
    }
    assert [(q.speaker, q.role) for q in ex.quotes] == [("Lily Bath", "cabinet member for children’s services")]
    # "LBH" is defined in the text as the London Borough of Hounslow.
    assert {dc.council_code for dc in ex.document_councils} == {HOUNSLOW}


def test_004_hillingdon_minutes(extracted):
    ex = extracted["sample-hillingdon-moderngov"]
    assert _ratings(ex) == {(HILLINGDON, "overall_effectiveness", "requires_improvement", 2013, True)}
    assert {(i.framework, i.inspectorate) for i in ex.inspections} == {("sif", "ofsted")}
    metrics = _metrics(ex)
    meeting = date(2015, 3, 17)
    for expected in [
        ("action_plan_actions", 41.0, "count", meeting, None),
        ("action_plan_actions_completed", 30.0, "count", meeting, None),
        ("care_proceedings_weeks", 34.0, "weeks", meeting, None),
        ("care_proceedings_weeks", 57.0, "weeks", None, "2013/14"),
        ("cases_good_percent", 35.0, "percent", meeting, None),
        ("agency_staff_tenure_weeks", 37.0, "weeks", meeting, None),
        ("assessments_good_percent", 18.0, "percent", None, "2014-05"),
        ("assessments_good_percent", 90.0, "percent", None, "2014-09"),
    ]:
        assert expected in metrics
    # The 25-week figure is a projection, not a measurement.
    assert not any(m.value == 25.0 for m in ex.metrics)


@pytest.mark.parametrize("name", sorted(SAMPLE_PAGES))
def test_every_row_keeps_the_contract(extracted, sample_docs, name):
    ex = extracted[name]
    doc_id = sample_docs[name].document_id
    for r in ex.ratings:
        assert r.judgement in JUDGEMENTS and r.grade_rank == GRADE_RANK[r.grade]
        assert r.document_id == doc_id and r.evidence
        assert r.inspection_id in {i.inspection_id for i in ex.inspections}
    for f in ex.findings:
        assert f.kind in FINDING_KINDS and f.theme in THEMES and f.text and f.document_id == doc_id
    for m in ex.metrics:
        assert m.unit in METRIC_UNITS and (m.as_of or m.period)
    for q in ex.quotes:
        assert q.speaker and len(q.text) > 20 and q.document_id == doc_id
    for rows in (ex.ratings, ex.findings, ex.quotes, ex.metrics, ex.inspections):
        ids = [astuple(row)[0] for row in rows]
        assert len(ids) == len(set(ids)), "ids are unique within a document"


@pytest.mark.parametrize("name", sorted(SAMPLE_PAGES))
def test_extraction_is_deterministic(sample_docs, sample_sources, name):
    council = sample_sources[name].council
    assert extract(sample_docs[name], council=council) == extract(sample_docs[name], council=council)


def test_news_and_minutes_share_inspection_ids(extracted):
    """The 2013 Hillingdon inspection named by the minutes has one id whoever mentions it."""
    from transforms.extract import inspection_id

    minutes = extracted["sample-hillingdon-moderngov"]
    assert minutes.inspections[0].inspection_id == inspection_id(HILLINGDON, "sif", 2013)
    haringey_2014 = next(r for r in extracted["sample-cypnow"].ratings if r.is_historical)
    assert haringey_2014.inspection_id == inspection_id(HARINGEY, "sif", 2014)


def _news(text: str, published_on: date | None = date(2024, 3, 1), title: str = "Council news"):
    from csi.records import Block, Document

    blocks = [Block("paragraph", para) for para in text.split("\n")]
    return Document(url=f"http://127.0.0.1/{hash(text)}", source="t", publisher="T", doc_type="news", title=title,
                    author=None, published_on=published_on, fetched_at=datetime(2026, 1, 1), content_sha256="x",
                    content_type="text/html", parser="t@1", text=text, blocks=blocks)


def test_a_visit_letter_yields_an_inspection_and_findings_but_no_rating():
    ex = extract(_news("Ofsted carried out a monitoring visit to Hounslow Council in February.\n"
                       "Inspectors found that caseloads were still too high in the assessment teams.\n"
                       "The council should improve the timeliness of assessments."))
    assert [(i.framework, i.inspectorate) for i in ex.inspections] == [("monitoring_visit", "ofsted")]
    assert ex.ratings == []
    assert {f.kind for f in ex.findings} == {"weakness", "recommendation"}
    assert {f.inspection_id for f in ex.findings} == {ex.inspections[0].inspection_id}


def test_visits_in_different_months_are_different_inspections():
    february = extract(_news("Ofsted made a monitoring visit to Hounslow Council in February."))
    june = extract(_news("Ofsted made a monitoring visit to Hounslow Council in June 2023."))
    assert february.inspections[0].inspection_id != june.inspections[0].inspection_id


def test_a_grade_recalled_with_an_earlier_year_is_historical():
    ex = extract(_news("Ofsted's monitoring visit to Hounslow Council in February, since it was rated inadequate "
                       "in 2023, found progress."))
    assert [(r.grade, r.rated_year, r.is_historical) for r in ex.ratings] == [("inadequate", 2023, True)]
    from transforms.extract import inspection_id

    ids = {i.inspection_id for i in ex.inspections}
    assert inspection_id(HOUNSLOW, "ilacs_standard", 2023) in ids  # the inspection that graded it
    assert inspection_id(HOUNSLOW, "ilacs_standard", 2024) not in ids  # no invented current one


def test_an_undated_document_keeps_its_verdict_without_inventing_a_year():
    ex = extract(_news("Ofsted has rated Hounslow Council's children's services good.", published_on=None))
    assert [(r.grade, r.rated_year, r.inspection_id) for r in ex.ratings] == [("good", None, None)]
    assert ex.inspections == []


def _grades(ex) -> set[tuple]:
    return {(r.council_code, r.judgement, r.grade, r.rated_year, r.is_historical) for r in ex.ratings}


EALING, NEWHAM, BARKING, BIRMINGHAM, SANDWELL, BRADFORD = ("E09000009", "E09000025", "E09000002", "E08000025",
                                                          "E08000028", "E08000032")


def test_several_councils_each_with_its_own_grade():
    ex = extract(_news("Hounslow was rated good, while Ealing was judged inadequate.\n"
                       "Newham and Barking and Dagenham were both rated requires improvement.",
                       title="Ofsted's verdicts on four London boroughs' children's services"))
    assert _grades(ex) == {
        (HOUNSLOW, "overall_effectiveness", "good", 2024, False),
        (EALING, "overall_effectiveness", "inadequate", 2024, False),
        (NEWHAM, "overall_effectiveness", "requires_improvement", 2024, False),
        (BARKING, "overall_effectiveness", "requires_improvement", 2024, False),
    }


def test_councils_sharing_one_grade_in_a_sentence_or_a_list():
    sentence = extract(_news("Ofsted inspected 30 councils. The three judged inadequate are: Birmingham; "
                             "Sandwell and Bradford."))
    as_list = _news("", title="Inspections round-up")
    from csi.records import Block

    as_list.blocks = [Block("paragraph", "Councils rated inadequate this year:"),
                      Block("list_item", "Birmingham City Council", list_id=1),
                      Block("list_item", "Sandwell (second time)", list_id=1),
                      Block("list_item", "Bradford", list_id=1)]
    as_list.text = "\n\n".join(b.text for b in as_list.blocks)
    expected = {(code, "overall_effectiveness", "inadequate", 2024, False) for code in (BIRMINGHAM, SANDWELL, BRADFORD)}
    assert _grades(sentence) == expected
    assert _grades(extract(as_list)) == expected


def test_aggregate_counts_and_other_providers_are_not_council_ratings():
    ex = extract(_news("Of the 30 councils inspected, 12 were judged inadequate.\n"
                       "A children's home run by Hounslow Council was rated inadequate.\n"
                       "Two primary schools in Hounslow were rated outstanding.\n"
                       "The hospital trust in Hounslow was rated good by the CQC."))
    assert ex.ratings == []


def test_judgement_table_rows():
    from csi.records import Block

    doc = _news("", title="Inspection of Hounslow local authority children's services")
    doc.blocks = [Block("table_row", "Judgement | Grade"),
                  Block("table_row", "The impact of leaders on social work practice with children and families | Good"),
                  Block("table_row", "The experiences and progress of children who need help and protection | "
                                     "Requires improvement to be good"),
                  Block("table_row", "Overall effectiveness | Requires improvement to be good")]
    doc.text = "\n\n".join(b.text for b in doc.blocks)
    assert _grades(extract(doc)) == {
        (HOUNSLOW, "leadership", "good", 2024, False),
        (HOUNSLOW, "help_and_protection", "requires_improvement", 2024, False),
        (HOUNSLOW, "overall_effectiveness", "requires_improvement", 2024, False),
    }


def test_legacy_scales_and_visits():
    ex = extract(_news("In its 2006 annual performance assessment Hounslow was judged to be performing poorly.\n"
                       "At a focused visit in January, inspectors found Hounslow, which is rated good, had kept "
                       "caseloads manageable."))
    assert (HOUNSLOW, "overall_effectiveness", "inadequate", 2006, True) in _grades(ex)
    assert all(r.is_historical for r in ex.ratings)
    frameworks = {i.framework for i in ex.inspections}
    assert {"apa", "focused_visit"} <= frameworks


def test_rated_year_comes_from_the_visit_when_given():
    ex = extract(_news("Inspectors visited Ealing in November 2023. Ealing Council has been rated good by Ofsted.",
                       published_on=date(2024, 1, 15)))
    assert _grades(ex) == {(EALING, "overall_effectiveness", "good", 2023, False)}
