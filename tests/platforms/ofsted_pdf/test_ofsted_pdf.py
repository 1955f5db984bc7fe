"""Ofsted report PDFs: text normalisation, each framework's rows, hostile PDFs and the evaluation.

PDFs are made here with fpdf2 from the text layouts in tests/platforms/ofsted_pdf/fixtures (invented facts).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import random
import re
from datetime import date, datetime
from functools import cache
from pathlib import Path

import pytest
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from csi.records import THEMES, FetchRow
from front.evaluation.reports import evaluate_reports, format_evaluation
from pipeline.load import load
from pipeline.pages import Page, page_to_batch, pages_to_batch
from scrapers.platforms import parse_page
from scrapers.platforms.ofsted_pdf.parse import MAX_PAGES, PARSER, PdfUnreadable, normalise_pages, pdf_text
from scrapers.sources import Source
from scrapers.warc_import import iter_responses
from transforms.councils import load_aliases, load_councils
from transforms.extract import extract, inspection_id
from transforms.ofsted_reports import IncompleteReport, parse_report, report_body
from warehouse.db import connect, migrate, seed_reference

FIXTURES = Path(__file__).parent / "fixtures"
FETCHED_AT = datetime(2026, 1, 1, 12, 0)
FILES = "https://files.ofsted.gov.uk/v1/file/"
SOURCE = Source(name="ofsted-reports", adapter="news", publisher="Ofsted", doc_type="news", start_urls=(),
                documents=())


def render(text: str) -> bytes:
    """A PDF of the text: a form feed starts a page, "■ " a ZapfDingbats square bullet (as Word draws them)."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime(2020, 1, 1))
    for page in text.split("\f"):
        pdf.add_page()
        for line in page.strip("\n").split("\n"):
            if line.startswith("■ "):
                pdf.set_font("zapfdingbats", size=7)
                pdf.cell(6, 5.5, "n")
                line = line[2:]
            pdf.set_font("helvetica", size=10.5)
            pdf.cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@cache
def fixture_pdf(name: str) -> bytes:
    return render((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))


def parse(body: bytes, url: str = "https://files.ofsted.gov.uk/v1/file/1"):
    return parse_page(url, body, "application/pdf", FETCHED_AT, SOURCE, hashlib.sha256(body).hexdigest())


def rows_of(name: str):
    doc = parse(fixture_pdf(name), f"https://files.ofsted.gov.uk/v1/file/{name}")
    return doc, extract(doc)


# --------------------------------------------------------------------------------------------- normalisation

def test_normalisation_of_pdf_glyphs():
    page = ("Children\u2019s \ufb01nal o\ufb00er \u2013 well\ufffemanaged\u00a0plans\n"
            "\uf0b7 First bullet\n\u25aa Second bullet\n\u25fc Third\n\uf06e Fourth\n\u2022 Fifth\n"
            "\uf02d a sub-item\nassess\u00ad\nment and multi-\nagency work\n\u201cquoted\u201d")
    assert normalise_pages([page]).split("\n") == [
        "Children's final offer - well-managed plans", "• First bullet", "• Second bullet", "• Third",
        "• Fourth", "• Fifth", "- a sub-item", "assessment and multi-agency work", '"quoted"']


def test_running_headers_and_page_numbers_are_dropped():
    header = "Inspection of Rochdale local authority children's services\n4 to 15 March 2019 {n}\n"
    pages = ["1\nInspection of Rochdale local authority\nFirst page text.",
             header.format(n=2) + "Second page text.", header.format(n=3) + "Third page text.\n3"]
    assert normalise_pages(pages) == "Inspection of Rochdale local authority\nFirst page text.\n" \
                                     "Second page text.\nThird page text."


# --------------------------------------------------------------------------------------------- frameworks

def _inspection(doc, framework, start, end, published, lead, inspectorate="ofsted"):
    when = published or end
    return (inspection_id(_code(doc), framework, when.year, when.month), framework, inspectorate, start, end,
            published, lead, doc.url)


def _code(doc) -> str:
    return {"ilacs_standard": "E08000005", "ilacs_short": "E08000034", "sif": "E08000014",
            "sif_reinspection": "E08000017", "focused_visit": "E10000017", "monitoring_visit": "E08000025",
            "jtai": "E08000035", "ilacs_reform": "E10000016"}[doc.url.rsplit("/", 1)[1]]


EXPECTED = {
    "ilacs_standard": {
        "inspection": ("ilacs_standard", date(2019, 3, 4), date(2019, 3, 15), None, "Petra Lindqvist"),
        "ratings": {
            ("leadership", "requires_improvement", "Requires improvement to be good"),
            ("help_and_protection", "good", "Good"),
            ("children_in_care", "requires_improvement", "Requires improvement to be good"),
            ("overall_effectiveness", "requires_improvement", "Requires improvement to be good")},
        "findings": [
            ("care_leavers", "The timeliness of pathway plans for care leavers, so that each young person knows "
                             "what support to expect."),
            ("supervision", "The consistency of management oversight and supervision in the assessment teams."),
            ("workforce", "The recruitment and retention of permanent social workers.")],
    },
    "ilacs_short": {
        "inspection": ("ilacs_short", date(2023, 11, 6), date(2023, 11, 10), None, "Rowan Adebayo"),
        "ratings": {
            ("leadership", "good", "Good"), ("help_and_protection", "good", "Good"),
            ("children_in_care", "good", "Good"), ("care_leavers", "outstanding", "Outstanding"),
            ("overall_effectiveness", "good", "Good")},
        "findings": [
            ("disabled_children", "The quality of written plans for disabled children, so that their outcomes can "
                                  "be measured."),
            ("other", "The response to sixteen- and seventeen-year-olds who present as homeless.")],
    },
    "sif": {
        "inspection": ("sif", date(2016, 1, 11), date(2016, 2, 4), date(2016, 3, 21), "Dana Whitfield"),
        "ratings": {
            ("overall_effectiveness", "requires_improvement", "require improvement to be good"),
            ("help_and_protection", "requires_improvement", "Requires improvement"),
            ("children_in_care", "good", "Good"), ("adoption", "good", "Good"),
            ("care_leavers", "requires_improvement", "Requires improvement"),
            ("leadership", "requires_improvement", "Requires improvement"), ("lscb", "good", "good")},
        "findings": [
            ("assessment", "Make sure that assessments are completed within timescales that meet children's needs."),
            ("planning", "Improve the quality of child protection plans so that they say clearly what must change "
                         "and by when."),
            ("governance", "Strengthen the scrutiny of performance data by elected members."),
            ("workforce", "Evaluate the impact of the board's multi-agency training on frontline practice.")],
    },
    "sif_reinspection": {
        "inspection": ("sif_reinspection", date(2017, 3, 6), date(2017, 3, 30), date(2017, 5, 15), "Marek Sobczak"),
        "ratings": {
            ("overall_effectiveness", "good", "good"), ("help_and_protection", "good", "Good"),
            ("children_in_care", "good", "Good"), ("adoption", "outstanding", "Outstanding"),
            ("care_leavers", "requires_improvement", "Requires improvement"), ("leadership", "good", "Good"),
            ("lscb", "inadequate", "inadequate")},
        "findings": [
            ("permanence", "Ensure that permanence is considered at the second review for every child in care."),
            ("adoption", "Reduce the time that children wait for a match with adopters."),
            ("planning", "Ensure that independent reviewing officers challenge drift in children's plans.")],
    },
    "ilacs_reform": {  # after the reform of April 2026: four judgements, no overall effectiveness
        "inspection": ("ilacs_standard", date(2026, 5, 11), date(2026, 5, 22), None, "Imogen Carter-Blake"),
        "ratings": {
            ("leadership", "good", "Good"), ("help_and_protection", "requires_improvement",
                                              "Requires improvement to be good"),
            ("children_in_care", "good", "Good"), ("care_leavers", "outstanding", "Outstanding")},
        "findings": [
            ("front_door", "The speed with which strategy discussions are held when risk increases. (outcome 2, "
                      "national framework)"),
            ("planning", "The quality of plans for children living with relatives. (outcome 4, national framework)")],
    },
    "focused_visit": {
        "inspection": ("focused_visit", date(2019, 3, 12), date(2019, 3, 13), None, "Tomasz Nowak"),
        "ratings": set(),
        "findings": [
            ("exploitation_missing", "The quality and timeliness of return home interviews for children who go "
                                     "missing."),
            ("performance_management", "The recording of management decisions on children's case files.")],
    },
    "monitoring_visit": {
        "inspection": ("monitoring_visit", date(2020, 2, 4), date(2020, 2, 5), None, "Laila Haddad"),
        "ratings": set(),
        "findings": [
            ("other", "The timeliness of initial child protection conferences for children at risk of "
                           "significant harm."),
            ("caseloads", "The capacity of the assessment teams, where caseloads remain too high.")],
    },
    "jtai": {
        "inspection": ("jtai", date(2019, 6, 10), date(2019, 6, 14), None, "Wendy Ashworth"),
        "ratings": set(),
        "findings": [
            ("other", "The sharing of police information about domestic abuse incidents with schools and "
                            "health visitors."),
            ("other", "The availability of support for children who have lived with domestic abuse.")],
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_framework_yields_its_rows(name):
    doc, rows = rows_of(name)
    expected = EXPECTED[name]
    framework, start, end, published, lead = expected["inspection"]
    assert (doc.doc_type, doc.parser, doc.published_on) == ("ofsted_report", PARSER, published)
    inspectorate = "joint" if framework == "jtai" else "ofsted"
    assert [(i.inspection_id, i.framework, i.inspectorate, i.visit_start, i.visit_end, i.published_on,
             i.lead_inspector, i.report_url) for i in rows.inspections] == [
        _inspection(doc, framework, start, end, published, lead, inspectorate)]
    assert all(i.council_code == _code(doc) for i in rows.inspections)
    assert {(r.judgement, r.grade, r.grade_label) for r in rows.ratings} == expected["ratings"]
    assert [(f.theme, f.text) for f in rows.findings] == expected["findings"]
    assert [d.inspection_id for d in rows.document_inspections] == [rows.inspections[0].inspection_id]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_row_belongs_to_the_reported_inspection(name):
    doc, rows = rows_of(name)
    inspection = rows.inspections[0]
    # rated_year: the inspection's (first day on site); rated_on: the report's publication, when it says.
    year = (inspection.visit_start or inspection.visit_end or inspection.published_on).year
    for rating in rows.ratings:
        assert (rating.council_code, rating.inspection_id, rating.is_historical) == (
            inspection.council_code, inspection.inspection_id, False)
        assert (rating.rated_on, rating.rated_year, rating.document_id) == (
            inspection.published_on, year, doc.document_id)
        assert rating.grade_label.lower() in rating.evidence.lower()
    for finding in rows.findings:
        assert (finding.kind, finding.inspection_id, finding.council_code) == (
            "recommendation", inspection.inspection_id, inspection.council_code)
        assert finding.theme in THEMES
        assert finding.text in re.sub(r"\s*\(paragraphs?[^)]*\)", "", " ".join(doc.text.split()))


def test_the_same_inspection_from_its_pdf_twice_yields_the_same_ids():
    first, second = rows_of("sif")[1], rows_of("sif")[1]
    assert [r.rating_id for r in first.ratings] == [r.rating_id for r in second.ratings]
    assert [f.finding_id for f in first.findings] == [f.finding_id for f in second.findings]


def test_a_pdf_that_is_not_an_ofsted_report_gets_generic_extraction():
    body = render("Hillingdon Council budget update\nThe council agreed its budget for next year.")
    doc = parse(body)
    assert (doc.doc_type, doc.title) == ("news", "Hillingdon Council budget update The council agreed its budget "
                                                 "for next year.")
    rows = extract(doc)
    assert (rows.inspections, rows.ratings) == ([], [])
    assert [c.council_code for c in rows.document_councils] == ["E09000017"]


def test_the_reform_is_recorded_on_the_inspection_and_ofsteds_address_names_no_council():
    doc, rows = rows_of("ilacs_reform")
    (inspection,) = rows.inspections
    assert (inspection.council_code, inspection.framework_version, inspection.graded_judgements) == (
        "E10000016", "ilacs-2026", ("leadership", "help_and_protection", "children_in_care", "care_leavers"))
    assert "overall_effectiveness" not in {r.judgement for r in rows.ratings}
    assert "Manchester" in doc.text
    assert [c.council_code for c in rows.document_councils] == ["E10000016"]  # never Manchester (E08000003)


def test_an_area_send_report_yields_no_inspection_no_grade_and_no_error():
    doc, rows = rows_of("area_send")
    assert doc.doc_type == "ofsted_report"
    assert (rows.inspections, rows.ratings, rows.findings) == ([], [], [])
    assert [c.council_code for c in rows.document_councils] == ["E10000034"]


def _without_overall(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not line.startswith("Overall effectiveness"))


INCOMPLETE = {  # (text of a report with a hole in its record, what the parse error says)
    "overall row missing before the reform": (
        lambda: _without_overall((FIXTURES / "ilacs_short.txt").read_text()),
        "4 of the 5 judgements ilacs-2023 grades found (missing: overall_effectiveness)"),
    "no improvement points": (
        lambda: (FIXTURES / "ilacs_reform.txt").read_text().replace("What needs to improve?1", "Next steps"),
        "no improvement points"),
    "a council no index knows": (
        lambda: (FIXTURES / "ilacs_reform.txt").read_text().replace("Kent County Council", "Atlantis Borough Council"),
        "no council resolved from the title (Atlantis Borough Council)"),
}


def test_an_incomplete_report_is_a_parse_error_with_its_reason_and_the_run_goes_on():
    pages, urls = [], {}
    for case, (text, _) in sorted(INCOMPLETE.items()) + [("good", (lambda: (FIXTURES / "ilacs_reform.txt").read_text(),
                                                                   ""))]:
        body, url = render(text()), f"https://files.ofsted.gov.uk/v1/file/{case.replace(' ', '-')}"
        fetch = FetchRow(fetch_id=f"f-{case}", url=url, source=SOURCE.name, requested_at=FETCHED_AT, status_code=200,
                         outcome="ok", error=None, elapsed_ms=5, bytes=len(body), etag=None, last_modified=None,
                         warc_file=None, warc_offset=None, run_id="run", content_type="application/pdf")
        urls[url] = case
        pages.append(Page(url, body, "application/pdf", FETCHED_AT, hashlib.sha256(body).hexdigest(), SOURCE, fetch))
    batch, errors = pages_to_batch(pages)
    assert [urls[d.url] for d in batch.documents] == ["good"]
    failed = {urls[url]: error for url, error in errors}
    assert sorted(failed) == sorted(INCOMPLETE)
    for case, error in failed.items():
        assert error.startswith("IncompleteReport: ") and INCOMPLETE[case][1] in error, error
    assert {urls[f.url]: f.outcome for f in batch.fetches} == {**{case: "parse_error" for case in INCOMPLETE},
                                                               "good": "ok"}


# --------------------------------------------------------------------------------------------- hostile PDFs

def _zero_pages() -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _encrypted() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.cell(0, 6, "Inspection of Rochdale local authority children's services")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    return bytes(pdf.output())


def _image_only() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.image(Image.new("RGB", (60, 30), (120, 120, 120)), x=10, y=10, w=120)
    return bytes(pdf.output())


def _pages(count: int) -> bytes:
    """A PDF of count pages, each with its own words (a line repeated on every page is a running header)."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=8)
    for i in range(count):
        pdf.add_page()
        pdf.cell(0, 5, "page " + "".join(chr(97 + int(d)) for d in str(i)))
    return bytes(pdf.output())


HOSTILE = {
    "truncated": (lambda: fixture_pdf("sif")[: len(fixture_pdf("sif")) // 2], "truncated"),
    "broken xref": (lambda: fixture_pdf("sif").replace(b"\nxref\n", b"\nxrez\n"), "broken cross-reference table"),
    "xref offset": (lambda: re.sub(rb"startxref\s+\d+", b"startxref\n12", fixture_pdf("sif")),
                    "broken cross-reference table"),
    "encrypted": (_encrypted, "encrypted"),
    "zero pages": (_zero_pages, "zero pages"),
    "image only": (_image_only, "no text layer"),
    "page limit": (lambda: _pages(MAX_PAGES + 1), f"too many pages: {MAX_PAGES + 1}"),
    "random bytes": (lambda: random.Random(7).randbytes(4000), "not a PDF"),
    "empty body": (lambda: b"", "not a PDF"),
    "only running headers": (lambda: render("Ofsted\fOfsted\fOfsted"), "no text beyond running headers"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_pdfs_raise_pdf_unreadable_with_a_reason(case):
    make, reason = HOSTILE[case]
    with pytest.raises(PdfUnreadable, match=re.escape(reason)):
        parse(make())


def test_hostile_pdfs_end_as_parse_errors_and_the_run_goes_on():
    pages, fetches = [], {}
    for case, (make, _) in sorted(HOSTILE.items()) + [("good", (lambda: fixture_pdf("ilacs_short"), ""))]:
        body, url = make(), f"https://files.ofsted.gov.uk/v1/file/{case.replace(' ', '-')}"
        fetch = FetchRow(fetch_id=f"f-{case}", url=url, source=SOURCE.name, requested_at=FETCHED_AT, status_code=200,
                         outcome="ok", error=None, elapsed_ms=5, bytes=len(body), etag=None, last_modified=None,
                         warc_file=None, warc_offset=None, run_id="run", content_type="application/pdf")
        fetches[url] = case
        pages.append(Page(url, body, "application/pdf", FETCHED_AT, hashlib.sha256(body).hexdigest(), SOURCE, fetch))
    batch, errors = pages_to_batch(pages)
    assert [d.url.rsplit("/", 1)[1] for d in batch.documents] == ["good"]
    assert {r.judgement for r in batch.ratings} >= {"care_leavers", "overall_effectiveness"}
    failed = {fetches[url]: error for url, error in errors}
    assert sorted(failed) == sorted(HOSTILE)
    for case, error in failed.items():
        assert error.startswith("PdfUnreadable: ") and HOSTILE[case][1] in error
    outcomes = {fetches[f.url]: (f.outcome, f.error) for f in batch.fetches}
    assert outcomes.pop("good") == ("ok", None)
    assert outcomes == {case: ("parse_error", failed[case]) for case in HOSTILE}


def test_a_lower_page_limit_is_honoured():
    body = _pages(3)
    assert pdf_text(body, max_pages=3) == "page a\npage b\npage c"
    with pytest.raises(PdfUnreadable, match="too many pages: 3 .limit 2."):
        pdf_text(body, max_pages=2)


def _mutated(body: bytes, cut: int | None, flips: list[tuple[int, int]]) -> bytes:
    data = bytearray(body if cut is None else body[:cut % (len(body) + 1)])
    for position, value in flips:
        if data:
            data[position % len(data)] = value
    return bytes(data)


# Rendered before hypothesis runs: fpdf2 draws document ids from the global random module.
FIXTURE_PDFS = {name: fixture_pdf(name) for name in sorted(EXPECTED)}


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(EXPECTED)), cut=st.none() | st.integers(min_value=0),
       flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=8))
def test_mutated_pdfs_parse_or_raise_pdf_unreadable_and_always_the_same_way(name, cut, flips):
    body = _mutated(FIXTURE_PDFS[name], cut, flips)
    outcomes = []
    for _ in range(2):
        try:
            doc = parse(body)
        except PdfUnreadable as exc:
            outcomes.append(("unreadable", str(exc)))
            continue
        try:
            rows = extract(doc)
        except IncompleteReport as exc:  # damaged text: a report missing grades is a recorded parse error
            outcomes.append(("incomplete", str(exc)))
            continue
        outcomes.append((doc.text, rows.inspections, rows.ratings, rows.findings))
    assert outcomes[0] == outcomes[1]


# --------------------------------------------------------------------------------------------- evaluation

def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_evaluation_scores_every_field_and_lists_disagreements(tmp_path):
    pdf_dir = tmp_path / "pdf"
    pdf_dir.mkdir()
    (pdf_dir / "rochdale-29-april-2019.pdf").write_bytes(fixture_pdf("ilacs_standard"))
    (pdf_dir / "sefton-21-march-2016.pdf").write_bytes(fixture_pdf("sif"))
    long_rows = [["Sefton", "Single Inspection of LA Children's Services (SIF) First SIF", "", "2016-03-21",
                  judgement, grade] for judgement, grade in [
        ("First SIF Overall Judgement (OE)", "Requires improvement to be good"),
        ("First SIF CLA Sub: Adoption Performance", "Outstanding"),  # the report says good
        ("LSCB Overall Effectiveness", "Good")]]
    long_rows.append(["Sefton", "Safeguarding & Looked After Children (SLAC) Inspection", "", "2012-03-02",
                      "SLAC Safeguarding Overall effectiveness (OE)", "Good"])
    long_csv = _write_csv(tmp_path / "long.csv", ["la_name", "inspection_group", "inspection_type",
                                                  "publication_date", "judgement", "grade"], long_rows)
    history_header = ["web_link_url", "Web link", "Local authority area code", "Local authority name", "status",
                      "region", "Inspection date", "Publication date", "Inspection type", "Overall effectiveness",
                      "The impact of leaders on social work practice with children and families",
                      "The experiences and progress of children who need help and protection",
                      "The experiences and progress of children in care",
                      "The experiences and progress of care leavers"]
    history_csv = _write_csv(tmp_path / "history.csv", history_header, [
        ["", "", "E08000005", "Rochdale", "Current", "North West", "2019-03-04T00:00:00", "2019-04-29T00:00:00",
         "ILACS Standard Inspection", "Requires improvement to be good", "Requires improvement to be good", "Good",
         "Requires improvement to be good", ""]])
    result = evaluate_reports(pdf_dir, [long_csv, history_csv])
    scores = {name: (s.agree, s.total) for name, s in result.fields.items()}
    assert scores == {"council": (2, 2), "framework": (2, 2), "visit_start": (1, 1), "published_on": (1, 1),
                      "grade:overall_effectiveness": (2, 2), "grade:adoption": (0, 1), "grade:lscb": (1, 1),
                      "grade:leadership": (1, 1), "grade:help_and_protection": (1, 1),
                      "grade:children_in_care": (1, 1), "councils_named_in_report": (2, 2),
                      "improvement_findings": (2, 2)}
    assert (result.files, result.parsed, result.comparisons, result.failures) == (2, 2, 2, [])
    assert result.lowest_agreement == 0.0
    report = format_evaluation(result)
    assert "sefton-21-march-2016.pdf  grade:adoption  ours=good  official=outstanding" in report
    assert re.search(r"grade:adoption\s+0\s+1\s+0\.0%", report)


def test_evaluation_tells_a_missing_official_row_from_a_report_no_file_covers(tmp_path):
    (tmp_path / "sefton-21-march-2016.pdf").write_bytes(fixture_pdf("sif"))
    (tmp_path / "rochdale-29-april-2019.pdf").write_bytes(fixture_pdf("ilacs_standard"))
    group = "Single Inspection of LA Children's Services (SIF) First SIF"
    long_csv = _write_csv(tmp_path / "long.csv", ["la_name", "inspection_group", "inspection_type",
                                                  "publication_date", "judgement", "grade"], [
        ["Wigan", group, "", "2014-06-02", "First SIF Overall Judgement (OE)", "Good"],
        ["Sefton", group, "", "2016-09-30", "First SIF Overall Judgement (OE)", "Good"],  # months after the report
        ["Bury", group, "", "2017-11-20", "First SIF Overall Judgement (OE)", "Good"]])
    result = evaluate_reports(tmp_path, [long_csv])
    assert result.failures == [("sefton-21-march-2016.pdf", "no official inspection of E08000014 published within "
                                                            "42 days of 2016-03-21")]
    assert result.not_covered == ["rochdale-29-april-2019.pdf"]  # the file holds no ILACS inspection
    assert (result.comparisons, result.lowest_agreement) == (0, 0.0)
    assert "Not covered by the official files given:\n  rochdale-29-april-2019.pdf" in format_evaluation(result)


def test_cli_eval_reports_prints_the_table_and_fails_below_the_floor(tmp_path):
    from typer.testing import CliRunner

    from csi.floors import FLOORS_FILE
    from front.cli import app

    pdf_dir = tmp_path / "pdf"
    pdf_dir.mkdir()
    (pdf_dir / "sefton-21-march-2016.pdf").write_bytes(fixture_pdf("sif"))
    truth = _write_csv(tmp_path / "long.csv", ["la_name", "inspection_group", "inspection_type", "publication_date",
                                               "judgement", "grade"], [
        ["Sefton", "Single Inspection of LA Children's Services (SIF) First SIF", "", "2016-03-21",
         "First SIF Overall Judgement (OE)", "Good"]])  # the report says requires improvement
    result = CliRunner().invoke(app, ["eval-reports", str(pdf_dir), "--truth", str(truth), "--min-agreement", "100"])
    assert result.exit_code == 1
    assert re.search(r"grade:overall_effectiveness\s+0\s+1\s+0\.0%", result.output)
    assert "below the floor 100.0%" in result.output
    floors = tmp_path / "floors.toml"
    floors.write_text("[reports]\nagreement = 0.0\n")  # the floor comes from the file when not given
    assert CliRunner().invoke(app, ["eval-reports", str(pdf_dir), "--truth", str(truth), "--floors", str(floors)]
                              ).exit_code == 0
    pinned = CliRunner().invoke(app, ["eval-reports", str(pdf_dir), "--truth", str(truth),
                                      "--floors", str(FLOORS_FILE)])
    assert pinned.exit_code == 1 and "below the floor 100.0%" in pinned.output
    missing = CliRunner().invoke(app, ["eval-reports", str(tmp_path / "none"), "--truth", str(truth)])
    assert missing.exit_code == 2 and "No PDFs in" in missing.output


# --------------------------------------------------------------------------------------------- titles

def _titled(title: str, body: str = "") -> str:
    return f"{title}\nInspection dates: 2 to 13 March 2026\nLead inspector: A Person\n{body}"


@pytest.mark.parametrize(("title", "body", "council"), [
    ("Inspection of Kent County Council\nchildren's services", "", "E10000016"),
    ("Inspection of Bradford Children and\nFamilies Trust", "", "E08000032"),
    ("Inspection of Leeds City local authority\nchildren's services", "", "E08000035"),
    ("Inspection of Derby City local authority children's services", "", "E06000015"),
    ("Inspection of the Royal Borough of Kensington and Chelsea local\nauthority children's services", "",
     "E09000020"),
    ("Inspection of City of York Council children's\nservices", "", "E06000014"),
    ("Inspection of Brighter Futures for Children", "", "E06000038"),
    ("Inspection of Birmingham Children's Trust", "", "E08000025"),
    ("Inspection of Achieving for Children", "Children in Richmond upon Thames are seen quickly. Richmond upon "
                                             "Thames leaders know their services.", "E09000027"),
    ("Inspection of Achieving for Children", "Families in Kingston upon Thames get early help.", "E09000021"),
])
def test_every_title_form_names_its_council(title, body, council):
    report = parse_report(_titled(title, body))
    assert report is not None and report.council_code == council, report


def test_footnote_marked_headings_still_yield_findings():
    for heading in ("What needs to improve?2", "What needs to improve?\n1"):
        text = _titled("Inspection of Kent County Council children's services",
                       f"{heading}\n• The timeliness of visits to children in care.\n• The recording of decisions.")
        assert [f.text for f in parse_report(text).findings] == [
            "The timeliness of visits to children in care.", "The recording of decisions."]


def test_ofsteds_address_and_back_matter_are_not_the_body():
    text = _titled("Inspection of Kent County Council children's services",
                   "Leaders in Kent work well with Medway.\nAgora\n6 Cleveland Place\nNottingham\nNG1 6HJ\n"
                   "T: 0300 123 1231")
    body = report_body(text)
    assert "Medway" in body and "Nottingham" not in body and "Cleveland" not in body


def test_a_reports_findings_and_grades_carry_its_inspections_dates_not_the_fetch_time(tmp_path):
    """Fetched in 2028, the 2026 report's findings count among 2026's (findings_by_theme), its grades are 2026's."""
    body = fixture_pdf("ilacs_reform")
    fetched = datetime(2028, 3, 1, 9, 0)
    page = Page(f"{FILES}ilacs_reform", body, "application/pdf", fetched, hashlib.sha256(body).hexdigest(), SOURCE)
    con = connect(tmp_path / "csi.duckdb")
    try:
        migrate(con)
        seed_reference(con, load_councils(), load_aliases())
        load(con, page_to_batch(page))
        assert con.execute("SELECT DISTINCT year FROM findings_by_theme").fetchall() == [(2026,)]
        # rated_year: the inspection's year; rated_on: the publication date, which an ILACS report does not state.
        assert con.execute("SELECT DISTINCT rated_year, rated_on FROM ratings").fetchall() == [(2026, None)]
    finally:
        con.close()


# --------------------------------------------------------------------------------------------- PDFs by content

def test_csi_extract_takes_pdfs_by_their_bytes_and_a_bad_input_is_one_line(tmp_path):
    from typer.testing import CliRunner

    from front.cli import app

    named_otherwise = tmp_path / "report.bin"
    named_otherwise.write_bytes(fixture_pdf("ilacs_reform"))
    not_a_pdf = tmp_path / "notes.pdf"
    not_a_pdf.write_text("Minutes of a meeting, not a PDF at all.\n")
    result = CliRunner().invoke(app, ["extract", str(not_a_pdf), str(named_otherwise), "--json"])
    assert result.exit_code == 1, result.output  # one input failed; the other still printed its rows
    error, page = [json.loads(line) for line in result.output.strip().splitlines()]
    assert error["url"] == str(not_a_pdf) and error["error"].startswith("not a PDF") and "\n" not in error["error"]
    assert [(r["judgement"], r["grade"]) for r in page["ratings"]][:1] == [("leadership", "good")]
    assert page["document"]["doc_type"] == "ofsted_report"
    shown = CliRunner().invoke(app, ["extract", str(not_a_pdf)])
    assert shown.exit_code == 1
    assert shown.output.strip() == f"{not_a_pdf}: not a PDF: no %PDF- header (40 bytes named .pdf)"


def test_a_warc_pdf_served_under_another_type_is_parsed_by_its_bytes(tmp_path):
    path = tmp_path / "other.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "application/octet-stream")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"{FILES}50300001", "response",
                                                      payload=io.BytesIO(fixture_pdf("ilacs_reform")),
                                                      http_headers=http))
    (record,) = iter_responses(path)
    assert record.media_type == "application/octet-stream" and record.is_parsable
    doc = parse_page(record.response.url, record.response.body, record.content_type, FETCHED_AT, SOURCE, "x")
    assert doc.doc_type == "ofsted_report" and extract(doc).inspections[0].framework_version == "ilacs-2026"


def test_near_the_reform_the_reports_own_table_decides_its_version():
    """An inspection that began shortly before April 2026 may be reported either way: the table says which."""
    def fixture_text(name: str) -> str:  # as the PDF adapter normalises it: square bullets become "• "
        return (FIXTURES / f"{name}.txt").read_text().replace("■ ", "• ")

    text = fixture_text("ilacs_reform").replace("11 to 22 May 2026", "9 to 20 March 2026")
    report = parse_report(text)
    assert (report.framework_version, report.problems) == ("ilacs-2026", ())
    with_overall = fixture_text("ilacs_short").replace("6 to 10 November 2023", "2 to 6 March 2026")
    assert (parse_report(with_overall).framework_version, parse_report(with_overall).problems) == ("ilacs-2023", ())
    far = fixture_text("ilacs_reform").replace("11 to 22 May 2026", "9 to 20 March 2025")
    assert parse_report(far).problems == (
        "4 of the 5 judgements ilacs-2023 grades found (missing: overall_effectiveness)",)
