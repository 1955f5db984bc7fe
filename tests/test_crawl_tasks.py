"""Crawl task states mean something: a host none of whose fetches got an answer fails its task, Prefect retries
it, and the run fails naming the sources and hosts; a host that answered some fetches keeps a green task with its
failed URLs recorded. Real HTTP against loopback servers (one answering 500, one port nothing listens on)."""

from __future__ import annotations

import pytest

from flows.ingest import crawl_retry_delays, ingest
from scrapers.sources import SourceConfigError
from tests.conftest import db_rows
from tests.loopback import Loopback, closed_port

ARTICLE = (b"<html><head><title>Inspectors praise a council's care leavers service</title></head><body>"
           b"<article><h1>Inspectors praise a council's care leavers service</h1>"
           b"<time datetime='2025-05-06'>6 May 2025</time>"
           b"<p>Ofsted found that young people leaving care in the borough get steady help from their advisers.</p>"
           b"<p>The council said it would keep its focus on housing for care leavers.</p></article></body></html>")

SOURCE = """
[[source]]
name = "{name}"
adapter = "news"
publisher = "{name}"
doc_type = "news"
start_urls = ["{base}/news/"]
documents = ['^{base}/news/[a-z]+\\.html$']
min_delay_seconds = 0.0
allow_private_addresses = true
attempts = 1
min_parse_rate = 0.0
"""


def _crawl_tasks(flow_run_id) -> dict[str, tuple[str, int]]:
    """Each crawl task of the flow run: its final state type and how many times it ran."""
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
    return {run.name: (run.state.type.value, run.run_count) for run in runs if run.name.startswith("crawl ")}


def test_a_crawl_task_whose_every_fetch_failed_fails_after_its_retries(prefect_harness, tmp_path, monkeypatch):
    monkeypatch.setenv("CSI_CRAWL_RETRY_DELAYS", "0")  # one retry, at once
    db = tmp_path / "csi.duckdb"
    with Loopback() as answering, Loopback() as broken:
        answering.route("/news/", body=b"<a href='/news/praised.html'>praised</a> <a href='/news/gone.html'>gone</a>")
        answering.route("/news/praised.html", body=ARTICLE)
        answering.route("/news/gone.html", status=500)
        broken.route("/news/", status=500)
        dead = f"http://127.0.0.1:{closed_port()}"
        sources = tmp_path / "sources.toml"
        sources.write_text("".join(SOURCE.format(name=name, base=base) for name, base in [
            ("answering-news", answering.base), ("broken-news", broken.base), ("dead-news", dead)]))
        state = ingest(sources_file=str(sources), db=str(db), return_state=True)
        broken_hits = broken.hits["/news/"]
    hosts = {name: base.removeprefix("http://") for name, base in [
        ("answering", answering.base), ("broken", broken.base), ("dead", dead)]}

    assert state.is_failed()
    assert state.message.startswith("no documents from 2 source(s): broken-news, dead-news; every fetch failed on "
                                    f"host(s) {hosts['broken']} (2 attempt(s)), {hosts['dead']} (2 attempt(s))")
    assert f"broken-news: 1 of 1 fetches failed, on host(s) {hosts['broken']} (1)" in state.message
    assert "answering-news" not in state.message  # one failed page of three is recorded, not a failed source
    assert broken_hits == 2  # the task's retry fired: one request per attempt (the source allows one try)
    assert _crawl_tasks(state.state_details.flow_run_id) == {
        f"crawl {hosts['answering']}": ("COMPLETED", 1),
        f"crawl {hosts['broken']}": ("FAILED", 2),
        f"crawl {hosts['dead']}": ("FAILED", 2),
    }
    # Every failed URL is recorded, the last attempt's: what rerun-failed will retry.
    assert sorted(db_rows(db, "SELECT url, outcome FROM fetch_failures")) == sorted([
        (f"{answering.base}/news/gone.html", "http_error"), (f"{broken.base}/news/", "http_error"),
        (f"{dead}/news/", "connection_error")])
    assert db_rows(db, "SELECT count(*) FROM documents") == [(1,)]


def test_crawl_retry_delays_come_from_the_environment(monkeypatch):
    monkeypatch.delenv("CSI_CRAWL_RETRY_DELAYS", raising=False)
    assert crawl_retry_delays() == [10, 60]
    monkeypatch.setenv("CSI_CRAWL_RETRY_DELAYS", "")
    assert crawl_retry_delays() == []
    monkeypatch.setenv("CSI_CRAWL_RETRY_DELAYS", "5, 30, 120")
    assert crawl_retry_delays() == [5, 30, 120]
    monkeypatch.setenv("CSI_CRAWL_RETRY_DELAYS", "soon")
    with pytest.raises(SourceConfigError, match="CSI_CRAWL_RETRY_DELAYS='soon'"):
        crawl_retry_delays()
