"""The ingest flow at scale: staged Parquet batches, loud failures, cached reruns, the Dask path."""

from __future__ import annotations

from collections import Counter

import pytest
from typer.testing import CliRunner

import flows.ingest
import pipeline.pages
from csi.sample_site import SITE_DIR, SOURCES_FILE, serve_site
from flows.ingest import _verdicts, ingest, task_runner_for
from front.cli import app
from pipeline.pages import Page, pages_to_batch
from tests.conftest import FETCHED_AT, SAMPLE_BASE, SAMPLE_PAGES, db_rows
from tests.loopback import make_source
from warehouse.db import batch_to_arrow
from warehouse.staging import read_staged, write_staged

LGC_PAGE = "/lgc/news/hillingdon-services-still-poor.html"



@pytest.fixture
def counted_parse(monkeypatch):
    """Count parse_page calls per URL; URLs in `failing` raise instead of parsing."""
    real = pipeline.pages.parse_page
    calls: Counter[str] = Counter()
    failing: set[str] = set()

    def parse(url, *args, **kwargs):
        calls[url] += 1
        if any(url.endswith(path) for path in failing):
            raise ValueError("injected parser fault")
        return real(url, *args, **kwargs)

    monkeypatch.setattr(pipeline.pages, "parse_page", parse)
    return calls, failing


def test_staged_batch_round_trips_through_parquet(sample_sources, tmp_path):
    pages = []
    for name, (file, path) in SAMPLE_PAGES.items():
        body = (SITE_DIR / file).read_bytes()
        pages.append(Page(SAMPLE_BASE + path, body, "text/html; charset=utf-8", FETCHED_AT, "0" * 64,
                          sample_sources[name]))
    batch, errors = pages_to_batch(pages)
    assert not errors and batch.ratings and batch.findings
    again = read_staged(write_staged(batch, tmp_path / "stage"))
    for table, arrow in batch_to_arrow(batch).items():
        assert batch_to_arrow(again)[table].equals(arrow), table


def test_a_page_that_fails_to_parse_fails_the_run_naming_its_source_and_a_rerun_parses_only_it(
        prefect_harness, tmp_path, counted_parse):
    calls, failing = counted_parse
    db = tmp_path / "csi.duckdb"
    failing.add(LGC_PAGE)
    with serve_site() as base:
        first = ingest(sources_file=str(SOURCES_FILE), db=str(db), base_url=base, return_state=True)
        assert first.is_failed()
        assert "sample-lgc: only 0 of 1 page(s) parsed (floor 80%)" in first.message
        assert db_rows(db, "SELECT outcome, error FROM fetches WHERE url LIKE '%hillingdon-services-still-poor%'") == [
            ("parse_error", "ValueError: injected parser fault")]
        assert db_rows(db, "SELECT count(*) FROM documents") == [(4,)]
        assert sum(calls.values()) == 5

        failing.clear()
        calls.clear()
        second = ingest(sources_file=str(SOURCES_FILE), db=str(db), base_url=base, full_refresh=True,
                        return_state=True)
    assert second.is_completed(), second.message
    # Every page was fetched again, but only the one that failed was parsed: the others came from the cache.
    assert list(calls) == [base + LGC_PAGE] and calls[base + LGC_PAGE] == 1
    assert db_rows(db, "SELECT count(*) FROM documents") == [(5,)]
    assert db_rows(db, "SELECT state FROM runs ORDER BY started_at") == [("FAILED",), ("COMPLETED",)]
    # The fetch rows of the pages read from the cache belong to the run that fetched them again.
    runs = db_rows(db, "SELECT run_id FROM runs ORDER BY started_at")
    per_run = dict(db_rows(db, "SELECT run_id, count(*) FROM fetches WHERE is_document GROUP BY run_id"))
    assert [per_run[run] for (run,) in runs] == [5, 5]


def test_a_profile_that_matches_nothing_fails_the_run(prefect_harness, tmp_path):
    sources = tmp_path / "sources.toml"
    text = SOURCES_FILE.read_text()
    sources.write_text(text.replace('body = "article.article .article-body"', 'body = "div.no-such-body"')
                       .replace('title = "article.article h1"', 'title = "h1.no-such-title"')
                       .replace('date = "article.article time"', 'date = "time.no-such-date"'))
    with serve_site() as base:
        state = ingest(sources_file=str(sources), db=str(tmp_path / "csi.duckdb"), base_url=base,
                       sources=["sample-lgc"], return_state=True)
    assert state.is_failed()
    assert "sample-lgc: profile 'lgc' matched nothing on any of 1 page(s)" in state.message
    # The page still loaded, through generic extraction, so nothing is lost.
    assert db_rows(tmp_path / "csi.duckdb", "SELECT count(*) FROM documents WHERE profile_miss IS NOT NULL") == [(1,)]


def test_the_summary_reports_new_grades_and_failures_by_host(prefect_harness, tmp_path):
    with serve_site() as base:
        state = ingest(sources_file=str(SOURCES_FILE), db=str(tmp_path / "csi.duckdb"), base_url=base,
                       return_state=True)
    summary = state.result()
    from prefect.artifacts import Artifact

    artifact = Artifact.get("ingest-summary").data  # the latest run's table, as the Prefect UI shows it
    assert f"| ratings | {summary['tables']['ratings']} |" in artifact
    assert "- E09000017 overall_effectiveness: good" in artifact and "Failures: none" in artifact
    assert "Seconds: crawl" in artifact and "Pages parsed from the cache: " in artifact
    assert "E09000017 overall_effectiveness: good" in summary["ratings"]["new"]
    assert summary["ratings"]["changed"] == []
    assert summary["failures"]["by_host"] == {}
    assert not (tmp_path / "staging").exists() or not any((tmp_path / "staging").iterdir())


def test_adapters_select_sources_and_an_unknown_one_is_refused(prefect_harness, tmp_path):
    with serve_site() as base:
        state = ingest(sources_file=str(SOURCES_FILE), db=str(tmp_path / "csi.duckdb"), base_url=base,
                       adapters=["moderngov"], return_state=True)
    assert state.is_completed()
    assert db_rows(tmp_path / "csi.duckdb", "SELECT DISTINCT source FROM documents") == [
        ("sample-hillingdon-moderngov",)]
    result = CliRunner().invoke(app, ["run", "--db", str(tmp_path / "x.duckdb"), "--adapter", "telegraph"])
    assert result.exit_code == 2 and "no selected source uses adapter(s) telegraph" in result.output


def test_dask_runner_needs_an_address():
    with pytest.raises(ValueError, match="--dask-address"):
        task_runner_for("dask")
    with pytest.raises(ValueError, match="is not one of threads, processes, dask"):
        task_runner_for("ray")


def test_the_dask_path_on_a_local_cluster_loads_what_threads_load(prefect_harness, tmp_path, monkeypatch):
    from distributed import LocalCluster

    with serve_site() as base:
        threads_db = tmp_path / "threads.duckdb"
        ingest(sources_file=str(SOURCES_FILE), db=str(threads_db), base_url=base, return_state=True)
        # Threads, not processes: in ephemeral mode each worker process would start its own Prefect API.
        # A new parsing-code version: the Dask run parses every page on its workers instead of reading the cache.
        monkeypatch.setattr(flows.ingest, "PARSE_VERSION", "dask-test")
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
            runner = task_runner_for("dask", cluster.scheduler_address)
            dask_db = tmp_path / "dask.duckdb"
            state = ingest.with_options(task_runner=runner)(
                sources_file=str(SOURCES_FILE), db=str(dask_db), base_url=base, return_state=True)
    assert state.is_completed(), state.message
    assert state.result()["parse_cache_hits"] == 0
    for table in ("documents", "inspections", "ratings", "findings", "quotes", "metrics"):
        columns = "* EXCLUDE (fetched_at)" if table == "documents" else "*"
        assert sorted(db_rows(dask_db, f"SELECT {columns} FROM {table}")) == sorted(
            db_rows(threads_db, f"SELECT {columns} FROM {table}")), table
    assert db_rows(dask_db, "SELECT count(*) FROM ratings")[0][0] > 0


def test_an_adapter_whose_selectors_match_nothing_on_every_page_fails_and_a_few_misses_do_not():
    ofsted = make_source(name="ofsted", adapter="ofsted", doc_type="ofsted_provider_page")
    assert _verdicts(ofsted, attempted=3, parsed=3, misses=3) == [
        "ofsted: the ofsted adapter's selectors matched nothing on any of 3 page(s)"]
    assert _verdicts(ofsted, attempted=3, parsed=3, misses=2) == []
    assert _verdicts(ofsted, attempted=10, parsed=7, misses=0) == ["ofsted: only 7 of 10 page(s) parsed (floor 80%)"]


def test_a_bad_runner_in_the_environment_warns_and_falls_back_to_threads(monkeypatch):
    from flows.ingest import runner_from_environment

    monkeypatch.setenv("CSI_TASK_RUNNER", "dask")  # without CSI_DASK_ADDRESS
    monkeypatch.delenv("CSI_DASK_ADDRESS", raising=False)
    with pytest.warns(UserWarning, match="needs --dask-address"):
        assert type(runner_from_environment()).__name__ == "ThreadPoolTaskRunner"
    monkeypatch.setenv("CSI_TASK_RUNNER", "processes")
    assert type(runner_from_environment()).__name__ == "ProcessPoolTaskRunner"


def test_an_unreadable_cache_entry_is_a_miss_not_a_failure():
    from flows.ingest import _cached

    class DamagedStore:  # an entry written by older code, or a damaged file
        def exists(self, key):
            return True

        def read(self, key):
            raise ValueError("cannot unpickle")

    assert _cached(DamagedStore(), "key") is None
