"""csi report: the static HTML report of a demo warehouse, its structure, offline assets and escaping."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import duckdb
import lxml.html
import pytest
from typer.testing import CliRunner

from front.cli import app
from tests.conftest import copy_demo_warehouse, db_rows
from warehouse.db import connect
from warehouse.report import ReportError, build_report

pytestmark = pytest.mark.official_record  # the demo warehouse is production's: read with the record

HILLINGDON = "E09000017"
SECTIONS = ("grade-distribution", "grades-over-time", "finding-themes", "recent-changes", "councils")
NORTHAMPTONSHIRE, NORTH_NORTHANTS, WEST_NORTHANTS = "E10000021", "E06000061", "E06000062"


@pytest.fixture(scope="module")
def demo_db(demo_warehouse, tmp_path_factory):
    return copy_demo_warehouse(demo_warehouse, tmp_path_factory.mktemp("report-db"))


@pytest.fixture(scope="module")
def report(demo_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = CliRunner().invoke(app, ["report", "--out", str(out), "--db", str(demo_db)])
    assert result.exit_code == 0, result.output
    assert "index.html" in result.output
    return out



def _page(path: Path):
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def _text(element) -> str:
    """Visible text with whitespace collapsed (entities decoded, as a reader sees it)."""
    return re.sub(r"\s+", " ", element.text_content()).strip()


def _pages(out: Path) -> list[Path]:
    return [out / "index.html", *sorted((out / "councils").glob("*.html"))]


def test_index_has_every_section_and_its_charts(report, demo_db):
    index = _page(report / "index.html")
    for section in SECTIONS:
        assert index.get_element_by_id(section) is not None, section
    specs = {s.get("id"): json.loads(s.text) for s in index.xpath("//script[@type='application/json']")}
    assert set(specs) == {"spec-distribution", "spec-themes", "spec-over-time"}
    for spec in specs.values():
        assert "vega-lite" in spec["$schema"]
    for div in index.xpath("//div[@data-spec]"):  # every chart has its spec
        assert div.get("data-spec") in specs
    # The distribution chart counts the current overall grades of current councils (latest_ratings): England's.
    expected = dict(db_rows(demo_db, "SELECT grade, count(*) FROM latest_ratings WHERE judgement = "
                                   "'overall_effectiveness' AND grade IS NOT NULL GROUP BY grade"))
    bars = {v["grade"]: v["councils"] for v in specs["spec-distribution"]["data"]["values"]}
    assert bars == {"Outstanding": expected["outstanding"], "Good": expected["good"],
                    "Requires improvement": expected["requires_improvement"], "Inadequate": expected["inadequate"]}
    assert sum(bars.values()) == 153
    distribution = _text(index.get_element_by_id("grade-distribution"))
    assert "Current overall grade of current councils" in distribution and "10 abolished councils are left out" \
        in distribution
    # Changed in the last 12 months: by report dates, labelled with them (the edition's newest report is of May 2025).
    recent = _text(index.get_element_by_id("recent-changes"))
    newest = db_rows(demo_db, "SELECT max(published_on) FROM inspections")[0][0]
    assert f"and {newest.day} {newest:%B %Y}" in recent and "no report published in the 12 months to" in recent
    changed = db_rows(demo_db, "SELECT DISTINCT t.council_name FROM council_trajectory t "
                               "JOIN inspections i ON i.inspection_id = t.to_inspection_id "
                               "JOIN councils c ON c.council_code = t.council_code WHERE c.is_current "
                               "AND t.change <> 'unchanged' AND i.published_on > ? - INTERVAL 1 YEAR", [newest])
    assert changed and all(name in recent for (name,) in changed)
    # Themes count every kind of finding, split by kind.
    themes = index.get_element_by_id("finding-themes")
    headers = [_text(th) for th in themes.xpath(".//thead/tr/th")]
    assert headers == ["Theme", "Weaknesses", "Recommendations", "Strengths", "Councils"]
    kinds = dict(db_rows(demo_db, "SELECT kind, count(*) FROM findings GROUP BY kind"))
    assert f"{kinds['weakness']} weaknesses, {kinds.get('recommendation', 0)} recommendations, " \
           f"{kinds['strength']} strengths" in _text(themes)
    stacked = {v["kind"] for v in specs["spec-themes"]["data"]["values"]}
    assert stacked == {"Strengths", "Weaknesses"} | ({"Recommendations"} if kinds.get("recommendation") else set())


def test_chart_library_and_styles_are_local_files(report):
    for page in _pages(report):
        tree = _page(page)
        sources = tree.xpath("//script/@src") + tree.xpath("//link/@href")
        assert sources, page
        for src in sources:
            assert not re.match(r"^(https?:)?//", src), f"{page.name} loads {src} from the network"
            assert (page.parent / src).resolve().is_file(), f"{page.name}: missing {src}"
    bundle = (report / "assets" / "vega-embed.js").read_text(encoding="utf-8")
    assert len(bundle) > 100_000 and "window.vegaEmbed" in bundle


def test_council_table_links_exactly_the_council_pages(report, demo_db):
    index = _page(report / "index.html")
    rows = index.xpath("//table[@id='council-table']/tbody/tr")
    assert len(rows) == db_rows(demo_db, "SELECT count(*) FROM councils")[0][0]
    links = index.xpath("//table[@id='council-table']//a/@href")
    assert links and all((report / href).is_file() for href in links)
    with_data = {code for (code,) in db_rows(demo_db, "SELECT council_code FROM ratings UNION SELECT council_code "
                                                    "FROM findings UNION SELECT council_code FROM quotes UNION "
                                                    "SELECT council_code FROM document_councils UNION "
                                                    "SELECT council_code FROM latest_ratings WHERE grade IS NOT NULL")}
    assert {Path(href).stem for href in links} == with_data == {p.stem for p in (report / "councils").glob("*.html")}
    assert index.xpath("//table[@id='council-table'][contains(@class, 'sortable')]/thead/tr/th")
    for page in (report / "councils").glob("*.html"):
        assert _page(page).xpath("//a[@href='../index.html']")


def test_hillingdon_page_lists_its_grades_findings_and_quotes(report, demo_db):
    page = _page(report / "councils" / f"{HILLINGDON}.html")
    assert "Hillingdon" in _text(page.xpath("//h1")[0])
    history = [" ".join(_text(td) for td in tr.xpath("td"))
               for tr in page.xpath("//table[@id='history-table']/tbody/tr")]
    graded = db_rows(demo_db, "SELECT rated_year, judgement, grade FROM rating_history WHERE council_code = ?",
                   [HILLINGDON])
    assert len(history) == len(graded) > 5
    labels = {"overall_effectiveness": "Overall effectiveness", "leadership": "Leadership",
              "help_and_protection": "Help and protection", "children_in_care": "Children in care",
              "care_leavers": "Care leavers"}
    grades = {"good": "Good", "outstanding": "Outstanding", "requires_improvement": "Requires improvement"}
    for year, judgement, grade in graded:
        assert any(row.startswith(str(year)) and labels[judgement] in row and grades[grade] in row for row in history)
    latest = _text(page.get_element_by_id("latest"))
    current = db_rows(demo_db, "SELECT judgement, grade, published_on FROM latest_ratings WHERE council_code = ?",
                      [HILLINGDON])
    assert len(current) >= 4 and all(grades[grade] in latest for _, grade, _ in current)
    published = current[0][2]
    assert f"report published {published.day} {published:%B %Y}" in latest
    assert json.loads(page.xpath("//script[@id='spec-timeline']")[0].text)["$schema"]

    findings = _text(page.get_element_by_id("findings"))
    texts = db_rows(demo_db, "SELECT text FROM findings WHERE council_code = ?", [HILLINGDON])
    assert len(texts) == 35
    for (text,) in texts:
        assert re.sub(r"\s+", " ", text).strip() in findings
    quotes = _text(page.get_element_by_id("quotes"))
    for speaker, text in db_rows(demo_db, "SELECT speaker, text FROM quotes WHERE council_code = ?", [HILLINGDON]):
        assert speaker in quotes and re.sub(r"\s+", " ", text).strip() in quotes


def test_an_abolished_council_has_no_current_grade_and_councils_without_data_no_page(report, demo_db):
    index = _page(report / "index.html")
    (row,) = index.xpath(f"//table[@id='council-table']/tbody/tr[@data-code='{NORTHAMPTONSHIRE}']")
    assert "abolished" in _text(row) and row.xpath(".//a")  # its history has a page
    without = db_rows(demo_db, "SELECT council_code, name FROM councils WHERE council_code NOT IN (SELECT council_code "
                               "FROM ratings UNION SELECT council_code FROM document_councils UNION "
                               "SELECT council_code FROM latest_ratings WHERE grade IS NOT NULL) ORDER BY 1")
    assert without
    for code, name in without:
        (row,) = index.xpath(f"//table[@id='council-table']/tbody/tr[@data-code='{code}']")
        assert name in _text(row) and not row.xpath(".//a")
        assert not (report / "councils" / f"{code}.html").exists()


def test_council_pages_name_and_link_predecessors_and_successors(report):
    old = _page(report / "councils" / f"{NORTHAMPTONSHIRE}.html")
    header = " ".join(_text(div) for div in old.xpath("//div[contains(@class, 'lineage')]"))
    assert "Replaced by North Northamptonshire" in header and "West Northamptonshire" in header
    assert set(old.xpath("//div[contains(@class, 'lineage')]//a/@href")) == {
        f"{NORTH_NORTHANTS}.html", f"{WEST_NORTHANTS}.html"}
    assert "no longer exists" in _text(old.get_element_by_id("latest"))
    new = _page(report / "councils" / f"{NORTH_NORTHANTS}.html")
    assert "Took over from Northamptonshire" in " ".join(_text(d) for d in new.xpath("//div[contains(@class, "
                                                                                       "'lineage')]"))
    assert new.xpath("//div[contains(@class, 'lineage')]//a/@href") == [f"{NORTHAMPTONSHIRE}.html"]
    # Its trajectory starts with its predecessor's inspection.
    assert "(Northamptonshire)" in _text(new.get_element_by_id("timeline"))


def test_text_from_the_warehouse_is_escaped_and_a_second_render_drops_stale_pages(demo_db, tmp_path):
    """One render (a full report takes seconds) checks both: hostile text is escaped, and rendering over an older
    report removes the pages of councils that no longer have data."""
    db = tmp_path / "hostile.duckdb"
    shutil.copy(demo_db, db)
    finding = '<script>alert("finding")</script> & more'
    speaker = "<img src=x onerror=alert(1)>"
    quote = "</blockquote><script>alert('quote')</script>"
    con = duckdb.connect(str(db))
    (document_id,) = con.execute("SELECT document_id FROM findings WHERE council_code = ? LIMIT 1",
                                 [HILLINGDON]).fetchone()
    con.execute("INSERT INTO findings VALUES ('f000000000000bad', ?, ?, NULL, 'weakness', 'caseloads', ?)",
                [HILLINGDON, document_id, finding])
    con.execute("INSERT INTO documents SELECT 'd000000000000bad', 'javascript:alert(1)', source, publisher, "
                "doc_type, '<b>bold</b> title', author, published_on, fetched_at, content_sha256, content_type, "
                "parser, text, profile_miss FROM documents WHERE document_id = ?", [document_id])
    con.execute("INSERT INTO quotes VALUES ('q000000000000bad', 'd000000000000bad', ?, ?, NULL, NULL, ?)",
                [HILLINGDON, speaker, quote])
    con.close()

    stale = tmp_path / "out" / "councils" / "E99999999.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("old")
    with connect(db, read_only=True) as ro:
        result = build_report(ro, tmp_path / "out")
    assert not stale.exists()
    with_data = db_rows(db, "SELECT count(*) FROM (SELECT council_code FROM ratings UNION SELECT council_code "
                            "FROM document_councils UNION SELECT council_code FROM latest_ratings "
                            "WHERE grade IS NOT NULL)")[0][0]
    assert result.council_pages == len(list((tmp_path / "out" / "councils").glob("*.html"))) == with_data
    page_path = tmp_path / "out" / "councils" / f"{HILLINGDON}.html"
    raw = page_path.read_text(encoding="utf-8")
    for hostile in (finding, speaker, quote, "<b>bold</b>"):
        assert hostile not in raw
    assert "&lt;script&gt;alert(&#34;finding&#34;)&lt;/script&gt; &amp; more" in raw
    page = _page(page_path)
    assert finding in _text(page.get_element_by_id("findings"))  # shown as text, verbatim
    assert speaker in _text(page.get_element_by_id("quotes")) and quote in _text(page.get_element_by_id("quotes"))
    assert not page.xpath("//img") and not page.xpath("//b")
    assert all(s.get("src") or s.get("type") == "application/json" for s in page.xpath("//script"))
    assert not [href for href in page.xpath("//a/@href") if not href.startswith(("http", "../", "#"))]
    index_path = tmp_path / "out" / "index.html"  # its theme examples quote findings
    assert finding not in index_path.read_text(encoding="utf-8")
    assert "alert" not in "".join(_page(index_path).xpath("//script/text()"))


def test_a_warehouse_without_the_views_gets_a_clear_error(tmp_path):
    db = tmp_path / "old.duckdb"
    duckdb.connect(str(db)).close()
    with connect(db, read_only=True) as con, pytest.raises(ReportError, match="csi demo"):
        build_report(con, tmp_path / "out")
    result = CliRunner().invoke(app, ["report", "--out", str(tmp_path / "out"), "--db", str(db)])
    assert result.exit_code == 2 and "csi demo" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(app, ["report", "--out", str(tmp_path / "out"), "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "csi demo" in result.output


def test_a_timeline_from_the_template_is_the_spec_altair_builds_for_that_council():
    """Timelines are filled into one Altair-built template (for speed): the result must equal a direct build."""
    from warehouse.report import _timeline_chart, _timeline_spec

    history = [
        {"rated_year": 2023, "judgement": "leadership", "grade": "good", "grade_rank": 2, "framework": "ilacs_short"},
        {"rated_year": 2013, "judgement": "overall_effectiveness", "grade": "inadequate", "grade_rank": 4,
         "framework": "sif"},
        {"rated_year": 2023, "judgement": "overall_effectiveness", "grade": "outstanding", "grade_rank": 1,
         "framework": "ilacs_short"},
        {"rated_year": None, "judgement": "adoption", "grade": "good", "grade_rank": 2, "framework": None},
    ]
    values = [{"year": 2023, "judgement": "Leadership", "grade": "Good", "rank": 2, "framework": "ILACS short"},
              {"year": 2013, "judgement": "Overall effectiveness", "grade": "Inadequate", "rank": 4,
               "framework": "SIF"},
              {"year": 2023, "judgement": "Overall effectiveness", "grade": "Outstanding", "rank": 1,
               "framework": "ILACS short"}]
    expected = _timeline_spec([2013, 2023], ["Overall effectiveness", "Leadership"], values)
    assert _timeline_chart(history) == expected
    assert _timeline_chart(history[:1]) == _timeline_spec([2023], ["Leadership"], values[:1])
