"""The official-statistics source: GOV.UK Search and Content API answers (real shapes) on loopback, the newest
edition found, its spreadsheet downloaded into the archive and loaded once; every miss fails the run."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import pytest

from flows.official_statistics import official_statistics
from scrapers.govuk import GovukShapeError, as_at_date, content_url, newest_edition, publication, search_url
from tests.loopback import Reply

FIXTURES = Path(__file__).parent / "fixtures"
EDITION_2025 = "/government/statistics/local-authority-inspection-outcomes-as-at-31-march-2025"
DATA = "/media/def456/ilacs_inspection_history.csv"


def _target(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _content(base: str, **changes) -> bytes:
    data = json.loads((FIXTURES / "govuk" / "content_2025.json").read_text().replace("{base}", base))
    data["details"].update(changes)
    return json.dumps(data).encode()


def _serve_release(site, content: bytes | None = None) -> None:
    site.route(_target(search_url(site.base)), body=(FIXTURES / "govuk" / "search.json").read_bytes(),
               content_type="application/json; charset=utf-8")
    site.route(_target(content_url(site.base, EDITION_2025)), body=content or _content(site.base),
               content_type="application/json; charset=utf-8")
    site.route(DATA, Reply(200, (FIXTURES / "current" / "ilacs_history.csv").read_bytes(),
                           [("Content-Type", "text/csv"), ("ETag", '"v1"')]))


def test_the_newest_edition_is_the_latest_as_at_date_whatever_the_order():
    edition = newest_edition((FIXTURES / "govuk" / "search.json").read_bytes())
    assert (edition.path, edition.as_at) == (EDITION_2025, date(2025, 3, 31))
    assert as_at_date("Local authority inspection outcomes as at 31 March 2024") == date(2024, 3, 31)


@pytest.mark.parametrize(("body", "message"), [
    (b"<html>maintenance</html>", "not JSON"),
    (b'{"total": 0}', "no 'results' list"),
    (b'{"results": [{"title": "Childminder inspections", "link": "/x"}]}', "no result titled like an outcomes"),
])
def test_a_search_answer_without_an_edition_is_a_loud_miss(body, message):
    with pytest.raises(GovukShapeError, match=message):
        newest_edition(body)


def test_the_publications_data_spreadsheet_is_chosen_among_its_attachments():
    base = "https://www.gov.uk"
    release = publication(_content("https://assets.example"), content_url(base, EDITION_2025))
    assert (release.title, release.first_published) == (
        "Local authority inspection outcomes as at 31 March 2025", date(2025, 9, 25))
    assert (release.attachment.url, release.attachment.filename) == (
        "https://assets.example/media/def456/ilacs_inspection_history.csv", "ilacs_inspection_history.csv")
    with pytest.raises(GovukShapeError, match="none a spreadsheet"):
        publication(_content(base, attachments=[{"url": "/a.pdf", "content_type": "application/pdf"}]), base)


def test_the_flow_loads_the_newest_edition_once_into_the_archive_and_the_warehouse(prefect_harness, site, tmp_path):
    _serve_release(site)
    db, warc = tmp_path / "csi.duckdb", tmp_path / "warc"
    first = official_statistics(db=str(db), base_url=site.base, warc_dir=str(warc), min_delay_seconds=0,
                                return_state=True)
    assert first.is_completed(), first.message
    second = official_statistics(db=str(db), base_url=site.base, warc_dir=str(warc), min_delay_seconds=0,
                                 return_state=True)
    assert second.is_completed() and "unchanged" in second.message
    third = official_statistics(db=str(db), base_url=site.base, warc_dir=str(warc), min_delay_seconds=0,
                                reload=True, return_state=True)  # after a loader fix: loaded again, same rows
    assert third.is_completed() and "14 official rows" in third.message
    assert site.hits[DATA] == 3 and site.log[-1].headers.get("If-None-Match") == '"v1"'
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT title, source, doc_type, url FROM documents").fetchall() == [
            ("Local authority inspection outcomes as at 31 March 2025", "ofsted_mi", "statistics", site.url(DATA))]
        outcomes = con.execute("SELECT outcome, count(*), count(warc_file) FROM fetches WHERE source = 'ofsted_mi' "
                               "GROUP BY 1 ORDER BY 1").fetchall()
        assert outcomes == [("ok", 9, 9)]  # the same bytes again (this server ignores If-None-Match): not reloaded
        assert con.execute("SELECT count(*) FROM inspections").fetchall() == [(14,)]
        assert con.execute("SELECT grade FROM latest_ratings WHERE council_code = 'E06000066' "
                           "AND judgement = 'overall_effectiveness'").fetchall() == [("good",)]
    finally:
        con.close()
    assert list(warc.rglob("*.warc.gz"))


def test_a_release_without_its_spreadsheet_fails_the_run_naming_it(prefect_harness, site, tmp_path):
    _serve_release(site, content=_content("http://unused", attachments=[]))
    state = official_statistics(db=str(tmp_path / "csi.duckdb"), base_url=site.base, warc_dir=str(tmp_path / "w"),
                                min_delay_seconds=0, return_state=True)
    assert state.is_failed() and "none a spreadsheet" in state.message
    site.route(_target(search_url(site.base)), status=503, body=b"down")
    state = official_statistics(db=str(tmp_path / "csi.duckdb"), base_url=site.base, warc_dir=str(tmp_path / "w"),
                                min_delay_seconds=0, return_state=True)
    assert state.is_failed() and "http_error" in state.message
