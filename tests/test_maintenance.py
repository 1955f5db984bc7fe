"""Maintenance: rerun-failed, reparse, import-warc, extract, status, the lock and an interrupted load."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from csi.sample_site import SITE_DIR, SOURCES_FILE
from flows.ingest import ingest
from flows.maintenance import import_warc, reparse, rerun_failed
from front.cli import app
from tests.conftest import SAMPLE_PAGES, copy_demo_warehouse, db_rows
from tests.loopback import Reply
from tests.test_hostile_warehouse import KILLED_MID_LOAD

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.official_record  # reparsing re-extracts the demo's pages as the demo did: with the record
CYPNOW_FILE = SITE_DIR / SAMPLE_PAGES["sample-cypnow"][0]
LGC_FILE = SITE_DIR / SAMPLE_PAGES["sample-lgc"][0]
DERIVED = ("documents", "document_councils", "document_inspections", "inspections", "ratings", "findings", "quotes",
           "metrics")



def _dump(db) -> dict[str, list]:
    return {t: sorted(map(repr, db_rows(db, f"SELECT * FROM {t}"))) for t in DERIVED}


def _loopback_sources(tmp_path: Path, base: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(f"""
[[source]]
name = "loop"
adapter = "news"
publisher = "Loop News"
start_urls = ["{base}/news/"]
documents = ['^{base}/news/[a-z]+\\.html$']
min_delay_seconds = 0.0
timeout_seconds = 5
allow_private_addresses = ["127.0.0.1"]
""")
    return path


def test_rerun_failed_refetches_only_the_failed_urls(prefect_harness, site, tmp_path):
    site.route("/news/", body=b'<a href="/news/alpha.html">A</a> <a href="/news/beta.html">B</a>')
    site.route("/news/alpha.html", body=LGC_FILE.read_bytes())
    site.route("/news/beta.html", Reply(404, b"gone for now"))
    sources = _loopback_sources(tmp_path, site.base)
    db = tmp_path / "csi.duckdb"
    assert ingest(sources_file=str(sources), db=str(db), return_state=True).is_completed()
    assert db_rows(db, "SELECT count(*) FROM documents") == [(1,)]
    before = dict(site.hits)

    site.route("/news/beta.html", body=CYPNOW_FILE.read_bytes())  # the server heals
    state = rerun_failed(db=str(db), sources_file=str(sources), return_state=True)
    assert state.is_completed(), state.message
    new_hits = {path: n - before.get(path, 0) for path, n in site.hits.items()
                if n != before.get(path, 0) and path != "/robots.txt"}
    assert new_hits == {"/news/beta.html": 1}
    assert db_rows(db, "SELECT count(*) FROM documents") == [(2,)]
    assert ("Haringey",) in db_rows(db, "SELECT c.name FROM ratings JOIN councils c USING (council_code)")
    # Nothing is failing any more, so a second rerun fetches nothing.
    assert rerun_failed(db=str(db), sources_file=str(sources), return_state=True).result()["refetched"] == 0


def test_unchanged_pages_are_not_parsed_again(prefect_harness, site, tmp_path):
    site.route("/news/", body=b'<a href="/news/alpha.html">A</a>')
    site.route("/news/alpha.html", Reply(200, LGC_FILE.read_bytes(), [("Content-Type", "text/html"),
                                                                      ("ETag", '"v1"')]))
    sources = _loopback_sources(tmp_path, site.base)
    sources.write_text(sources.read_text() + "refresh_days = 0\n")
    db = tmp_path / "csi.duckdb"
    ingest(sources_file=str(sources), db=str(db), return_state=True)
    site.route("/news/alpha.html", Reply(304, b"", [("ETag", '"v1"')]))
    second = ingest(sources_file=str(sources), db=str(db), return_state=True)
    assert second.is_completed(), second.message
    assert second.result()["documents_this_run"] == {"loop": 0}
    assert site.hits_at("/news/alpha.html")[-1].headers.get("If-None-Match") == '"v1"'
    assert db_rows(db, "SELECT outcome FROM fetches WHERE url LIKE '%alpha%' ORDER BY requested_at") == [
        ("ok",), ("not_modified",)]


@pytest.fixture(scope="module")
def demo_db(demo_warehouse, tmp_path_factory):
    return copy_demo_warehouse(demo_warehouse, tmp_path_factory.mktemp("reparse"))


def test_reparse_restores_every_derived_row_without_network(demo_db, tmp_path):
    before = _dump(demo_db)
    con = duckdb.connect(str(demo_db))
    # Everything the archived pages gave (the official edition is reloaded by the official-statistics flow).
    pages = "SELECT document_id FROM documents WHERE source <> 'ofsted_mi'"
    con.execute("DELETE FROM inspections WHERE inspection_id NOT IN (SELECT inspection_id FROM document_inspections "
                f"WHERE document_id NOT IN ({pages}))")
    for table in DERIVED:
        if table != "inspections":
            con.execute(f"DELETE FROM {table} WHERE document_id IN ({pages})")
    assert con.execute(f"SELECT count(*) FROM documents WHERE document_id IN ({pages})").fetchall() == [(0,)]
    con.close()
    # The sample site's server is gone: no network used. The demo's rows come from the sample sources.
    state = reparse(db=str(demo_db), sources_file=str(SOURCES_FILE), return_state=True)
    assert state.is_completed(), state.message
    assert state.result()["reparsed"] == 5
    assert _dump(demo_db) == before


def test_reparse_by_source_touches_only_that_source(demo_db):
    state = reparse(db=str(demo_db), source="sample-cypnow", sources_file=str(SOURCES_FILE), return_state=True)
    assert state.result()["reparsed"] == 1


def _warc(path: Path, records: list[tuple]) -> Path:
    """A WARC written the way other tools write them: (url, content type, body[, extra WARC headers]) responses."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, content_type, body, *extra in records:
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            warc_headers = {"WARC-Date": "2019-01-05T10:00:00Z", **(extra[0] if extra else {})}
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=warc_headers))
    return path


def test_import_warc_loads_each_page_once(prefect_harness, tmp_path):
    cyp = "https://www.cypnow.co.uk/news/article/london-council-rated-requires-improvement"
    warc = _warc(tmp_path / "other-tool.warc.gz", [
        (cyp, "text/html; charset=utf-8", CYPNOW_FILE.read_bytes()),
        (cyp, "text/html; charset=utf-8", CYPNOW_FILE.read_bytes()),  # a duplicate record
        ("https://example.invalid/logo.png", "image/png", b"\x89PNG..."),
        ("https://example.invalid/cut.html", "text/html", b"<html><body><p>half a pa", {"WARC-Truncated": "length"}),
        ("https://example.invalid/report.pdf", "application/pdf", b"%PDF-1.4 ..."),  # cut short: unreadable
        ("https://example.invalid/sitemap.xml", "application/xml", b"<urlset/>"),
    ])
    db = tmp_path / "csi.duckdb"
    state = import_warc(files=[str(warc)], db=str(db), return_state=True)
    assert state.is_completed()
    summary = state.result()
    assert (summary["loaded"], summary["duplicate"], summary["not_a_document"]) == (1, 1, 2)
    assert db_rows(db, "SELECT url, source, fetched_at FROM documents") == [(cyp, "cypnow", datetime(2019, 1, 5, 10))]
    assert ("Haringey", "requires_improvement") in db_rows(
        db, "SELECT c.name, grade FROM ratings JOIN councils c USING (council_code)")
    ((outcome, error),) = db_rows(db, "SELECT outcome, error FROM fetches WHERE url LIKE '%.pdf'")
    assert outcome == "parse_error" and error.startswith("PdfUnreadable: ")
    assert db_rows(db, "SELECT outcome, error FROM fetches WHERE url LIKE '%.xml'") == [
        ("parse_error", "no adapter for application/xml")]
    before = _dump(db)
    assert import_warc(files=[str(warc)], db=str(db), return_state=True).result()["duplicate"] == 4
    assert _dump(db) == before


def test_cli_extract_prints_rows_as_json_without_loading(tmp_path):
    url = "https://www.cypnow.co.uk/news/article/london-council-rated"
    result = CliRunner().invoke(app, ["extract", str(CYPNOW_FILE), "--as-url", url, "--json"])
    assert result.exit_code == 0, result.output
    (line,) = result.output.strip().splitlines()
    page = json.loads(line)
    assert page["url"] == url and page["document"]["author"] == "Gabriella Jozwiak"
    assert page["document"]["published_on"] == "2018-12-17"
    assert {(r["grade"], r["is_historical"]) for r in page["ratings"]} == {
        ("requires_improvement", False), ("requires_improvement", True)}
    assert not list(tmp_path.iterdir())  # nothing written


def test_cli_status_after_a_demo(demo_db):
    result = CliRunner().invoke(app, ["status", "--db", str(demo_db)])
    assert result.exit_code == 0, result.output
    assert "Recent runs" in result.output and "ingest" in result.output


def test_cli_status_without_a_warehouse_says_what_to_do(tmp_path):
    result = CliRunner().invoke(app, ["status", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "csi demo" in result.output and "Traceback" not in result.output


def _holder(db: Path, script: str, *args: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", script, str(db), *args], stdout=subprocess.PIPE, text=True, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout.readline().strip() == "ready"
    return proc


HOLD_THE_WRITER = """
import sys, time
from pipeline.load import warehouse_session
with warehouse_session(sys.argv[1]):  # a first load: the warehouse and its snapshot exist
    pass
with warehouse_session(sys.argv[1]) as con:
    con.execute("CREATE TABLE written_by_the_holder AS SELECT 1 AS x")
    print("ready", flush=True)
    time.sleep(float(sys.argv[2]))
print("released", flush=True)
time.sleep(60)
"""


def test_a_second_writer_waits_for_the_first_and_readers_never_wait(prefect_harness, tmp_path, monkeypatch):
    """A real second process holds the write lock: `csi sql` reads the snapshot meanwhile; a second writer
    waits (and says so), then loads; the snapshot it publishes has both writers' work."""
    db = tmp_path / "csi.duckdb"
    holder = _holder(db, HOLD_THE_WRITER, "4")
    try:
        started = time.monotonic()
        query = CliRunner().invoke(app, ["sql", "--db", str(db), "SELECT count(*) AS n FROM councils",
                                         "--format", "csv"])
        queried = time.monotonic() - started
        rerun = CliRunner().invoke(app, ["reparse", "--db", str(db)])
        waited = time.monotonic() - started
        assert holder.stdout.readline().strip() == "released"
    finally:
        holder.kill()
        holder.wait()
    assert query.exit_code == 0 and int(query.output.split()[1]) > 100, query.output
    assert queried < 3  # it never waited for the writer
    assert rerun.exit_code == 0, rerun.output
    assert waited >= 3.5  # it waited for the holder to let go
    tables = "SELECT table_name FROM duckdb_tables() WHERE table_name = 'written_by_the_holder'"
    assert db_rows(tmp_path / "csi.snapshot.duckdb", tables) == [("written_by_the_holder",)]
    assert db_rows(tmp_path / "csi.snapshot.duckdb", "SELECT flow, state FROM runs") == [("reparse", "COMPLETED")]


def test_a_writer_that_waits_too_long_fails_with_one_clear_line(prefect_harness, tmp_path, monkeypatch):
    db = tmp_path / "csi.duckdb"
    monkeypatch.setenv("CSI_WRITE_WAIT_SECONDS", "1")
    holder = _holder(db, HOLD_THE_WRITER, "60")
    try:
        result = CliRunner().invoke(app, ["reparse", "--db", str(db)])
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1
    assert f"is locked by another run (pid {holder.pid})" in result.output
    assert "Traceback" not in result.output


KILLED_WHILE_RUNNING = """
import sys, time
from pipeline.runs import now_utc, recorded_run
with recorded_run(sys.argv[1], "run-killed-by-the-oom-killer", "ingest-news", now_utc()):
    print("ready", flush=True)
    time.sleep(60)
"""


def test_a_sigkilled_run_is_shown_crashed_and_marked_so_by_the_next_run(prefect_harness, tmp_path, monkeypatch):
    from front import cli

    monkeypatch.setattr(cli.console, "width", 250)
    db = tmp_path / "csi.duckdb"
    victim = _holder(db, KILLED_WHILE_RUNNING)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    status = CliRunner().invoke(app, ["status", "--db", str(db)])
    assert status.exit_code == 0, status.output
    assert "ingest-news" in status.output and "CRASHED (process gone)" in status.output
    assert reparse(db=str(db), return_state=True).is_completed()
    assert db_rows(db, "SELECT state FROM runs WHERE run_id = 'run-killed-by-the-oom-killer'") == [("CRASHED",)]


def test_permanent_failures_are_retried_at_growing_intervals_then_given_up():
    from flows.maintenance import RetryPolicy
    from warehouse.queries import FailedFetch

    policy = RetryPolicy(give_up_after=4, base_seconds=3600)
    last = datetime(2026, 12, 1, 12)

    def gone(streak: int, outcome: str = "http_error", status: int | None = 404) -> FailedFetch:
        return FailedFetch("https://example.org/a", "s", outcome, None, last, True, status, streak)

    hours = timedelta(hours=1)
    assert policy.decide(gone(1), last) == "refetch"  # the next rerun tries once more: the site may be fixed
    assert [policy.decide(gone(2), last + h * hours) for h in (0.5, 1)] == ["wait", "refetch"]
    assert [policy.decide(gone(3), last + h * hours) for h in (1.5, 2)] == ["wait", "refetch"]
    assert policy.decide(gone(4), last + 1000 * hours) == "give_up"
    assert policy.decide(gone(2, "robots_disallowed", None), last + 0.5 * hours) == "wait"
    for retryable in (gone(9, "connection_error", None), gone(9, "http_error", 503), gone(9, "timeout", None)):
        assert policy.decide(retryable, last) == "refetch"  # may heal: every run tries again, never given up


def test_rerun_failed_over_a_404_that_never_heals_goes_green_and_gives_it_up(prefect_harness, tmp_path, site,
                                                                              monkeypatch):
    from csi.records import FetchRow
    from front import cli
    from pipeline.load import warehouse_session
    from warehouse.db import Batch, load_batch

    monkeypatch.setattr(cli.console, "width", 250)
    monkeypatch.setenv("CSI_GIVE_UP_AFTER", "3")
    monkeypatch.setenv("CSI_RETRY_BASE_SECONDS", "0")
    db = tmp_path / "csi.duckdb"
    sources = _loopback_sources(tmp_path, site.base)
    url = site.url("/news/gone.html")  # unrouted: 404 on every request
    with warehouse_session(db) as con:
        load_batch(con, Batch(fetches=[FetchRow("f0", url, "loop", datetime(2026, 12, 1), 404, "http_error",
                                                "HTTP 404", None, None, None, None, None, None, "r0",
                                                is_document=True)]))
    states = [rerun_failed(db=str(db), sources_file=str(sources), return_state=True) for _ in range(3)]
    assert [s.is_completed() for s in states] == [True, True, True], [s.message for s in states]
    assert states[0].message == "refetched 1 of 1 URL(s): 0 recovered, 1 still failing"
    assert states[2].message == "refetched 0 of 1 URL(s): 0 recovered, 0 still failing, 1 given up"
    assert states[2].result()["given_up"] == [f"{url} (http_error 404, 3 failures in a row)"]
    assert site.hits["/news/gone.html"] == 2
    status = CliRunner().invoke(app, ["status", "--db", str(db)])
    assert "Given up" in status.output and url in status.output  # only the given-up table lists URLs


def test_a_load_killed_mid_transaction_leaves_the_warehouse_as_before(tmp_path):
    db = tmp_path / "csi.duckdb"
    proc = _holder(db, KILLED_MID_LOAD)
    assert proc.stdout.readline().strip() == "in transaction"
    time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.stdout.read() == "", "the load finished before it was killed: make the batch bigger"
    assert db_rows(db, "SELECT url FROM documents") == [("https://news.example/first",)]
    assert db_rows(db, "SELECT count(*) FROM metrics") == [(1,)]
    assert db_rows(db, "SELECT max(version) FROM schema_version") >= [(1,)]


def test_since_filters_use_dates(demo_db):
    tomorrow = date.today().replace(year=date.today().year + 1)
    later = reparse(db=str(demo_db), since=tomorrow, sources_file=str(SOURCES_FILE), return_state=True)
    assert later.result()["reparsed"] == 0


# ------------------------------------------------------------------- streaming, and WARC files that are not whole

def _news_warc(path: Path, pages: int, *, gzip: bool = True) -> Path:
    """`pages` distinct news pages (the sample CYP Now page, each with its own paragraph), as responses."""
    body = CYPNOW_FILE.read_bytes()
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for n in range(pages):
            page = body.replace(b"</body>", f"<p>Page {n} of the import.</p></body>".encode())
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://www.cypnow.co.uk/news/article/import-{n}", "response", payload=io.BytesIO(page),
                http_headers=http, warc_headers_dict={"WARC-Date": "2019-01-05T10:00:00Z"}))
    return path


def test_import_warc_loads_in_batches_through_the_parse_tasks(prefect_harness, tmp_path, monkeypatch):
    import flows.ingest

    monkeypatch.setattr(flows.ingest, "MAINTENANCE_BATCH", 3)  # read when the flow runs: 7 pages, 3 batches
    monkeypatch.setattr(flows.ingest.parse_and_load, "__kwdefaults__",
                        {**flows.ingest.parse_and_load.__kwdefaults__, "batch_rows": 3})
    loads = []
    real_load = flows.ingest.load

    def counting_load(con, batch):
        loads.append(len(batch.fetches))
        return real_load(con, batch)

    monkeypatch.setattr(flows.ingest, "load", counting_load)
    warc = _news_warc(tmp_path / "seven.warc.gz", 7)
    db = tmp_path / "csi.duckdb"
    state = import_warc(files=[str(warc)], db=str(db), return_state=True)
    assert state.is_completed(), state.message
    assert state.result()["loaded"] == 7 and state.result()["batches"] == 3
    assert loads == [3, 3, 1]  # one transaction per batch
    assert db_rows(db, "SELECT count(*) FROM documents") == [(7,)]

    con = duckdb.connect(str(db))
    for table in DERIVED:
        con.execute(f"DELETE FROM {table}")
    con.close()
    loads.clear()
    state = reparse(db=str(db), return_state=True)
    assert state.is_completed(), state.message
    assert (state.result()["reparsed"], state.result()["batches"], loads) == (7, 3, [3, 3, 1])
    assert db_rows(db, "SELECT count(*) FROM documents") == [(7,)]

    warc.unlink()  # the archive is gone: reparse says so and leaves the fetch rows as they were
    state = reparse(db=str(db), return_state=True)
    assert state.is_failed()
    assert state.message == "reparsed 0 of 7 archived page(s); 0 parse error(s), 7 missing from the archive"
    assert db_rows(db, "SELECT outcome, count(*) FROM fetches GROUP BY ALL") == [("ok", 7)]


@pytest.mark.parametrize("name, content, problem", [
    ("empty.warc", b"", "empty.warc: no HTTP response records (an empty WARC file)"),
    ("page.warc", b"<html><p>page</p></html>\n<p>not an archive</p>\n",
     "page.warc is not a WARC file (Unknown archive format, first line: ['<html><p>page</p></html>'])"),
    ("notes.warc", b"hello world, not a warc\n", "notes.warc is not a WARC file ("),
])
def test_import_warc_fails_on_a_file_that_is_not_a_usable_warc(prefect_harness, tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    result = CliRunner().invoke(app, ["import-warc", str(path), "--db", str(tmp_path / "csi.duckdb")])
    assert result.exit_code == 1, result.output
    assert problem in " ".join(result.output.split())
    assert db_rows(tmp_path / "csi.duckdb", "SELECT state FROM runs") == [("FAILED",)]


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_import_warc_keeps_the_records_before_a_cut_and_fails_naming_the_file(prefect_harness, tmp_path, gzip):
    whole = _news_warc(tmp_path / "whole.warc", 3, gzip=gzip).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[:len(whole) * 5 // 6])
    state = import_warc(files=[str(cut)], db=str(tmp_path / "csi.duckdb"), return_state=True)
    assert state.is_failed()
    assert "cut.warc is cut short: it ends inside a record after 2 complete record(s)" in state.message
    assert db_rows(tmp_path / "csi.duckdb", "SELECT count(*) FROM documents") == [(2,)]
