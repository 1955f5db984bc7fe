"""prefect.yaml is valid without a server, and `csi serve` runs its deployments against a real API."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from prefect.flows import load_flow_from_entrypoint

from csi.paths import DEFAULT_SOURCES
from front.deployments import PREFECT_YAML, load_specs, runner_deployments
from scrapers.sources import load_sources
from tests.conftest import db_rows

ROOT = Path(__file__).resolve().parent.parent
RAW = yaml.safe_load(PREFECT_YAML.read_text())
SPECS = load_specs()
EXPECTED = {  # name -> (cron, adapters) as the issue asks: UK mornings for news, weekly crawls, hourly reruns
    "ingest-news": ("0 6 * * *", ["news"]),
    "ingest-ofsted-reports": ("0 4 * * 1", ["ofsted"]),
    "ingest-minutes": ("0 22 * * 0", ["moderngov"]),
    "rerun-failed": ("30 * * * *", None),
    "reparse": (None, None),
    "official-statistics": ("0 7 * * 2", None),  # GOV.UK checked weekly for a new edition
}


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_every_deployment_loads_validates_and_never_overlaps_a_writer(spec, monkeypatch):
    monkeypatch.chdir(ROOT)
    flow = load_flow_from_entrypoint(spec.entrypoint)  # the way a worker loads it, from the file
    assert spec.load_flow() is not None and flow.name == spec.load_flow().name
    flow.validate_parameters(spec.parameters)
    for schedule in spec.schedules:
        assert schedule.timezone == "Europe/London"
    # DuckDB has one writer: every deployment writes the warehouse, so none may run twice at once.
    assert spec.concurrency is not None and spec.concurrency.limit == 1
    assert spec.concurrency.collision_strategy.value == "ENQUEUE"


def test_the_deployments_the_issue_asks_for_with_their_schedules_and_sources():
    specs = {s.name: s for s in SPECS}
    adapters_in_use = {s.adapter for s in load_sources(DEFAULT_SOURCES).sources}
    for name, (cron, adapters) in EXPECTED.items():
        spec = specs[name]
        assert [s.cron for s in spec.schedules] == ([cron] if cron else [])
        assert spec.parameters.get("adapters") == adapters
        assert set(adapters or ()) <= adapters_in_use, f"{name}: no source in csi/sources.toml uses {adapters}"


def test_news_runs_at_six_in_the_morning_uk_time_in_winter_and_summer():
    from prefect.server.schemas.schedules import CronSchedule as ServerCron

    news = next(s for s in SPECS if s.name == "ingest-news").schedules[0]
    server_schedule = ServerCron(cron=news.cron, timezone=news.timezone)  # what the scheduler service uses
    for day, utc_hour in ((datetime(2026, 1, 10, 12, tzinfo=UTC), 6), (datetime(2026, 7, 10, 12, tzinfo=UTC), 5)):
        (run,) = asyncio.run(server_schedule.get_dates(n=1, start=day))
        assert run.astimezone(ZoneInfo("Europe/London")).hour == 6
        assert run.astimezone(UTC).hour == utc_hour  # GMT in winter, BST in summer


def test_definitions_name_the_pool_schedules_and_limit_once():
    definitions = RAW["definitions"]
    assert set(definitions) == {"work_pools", "schedules", "job_variables", "concurrency"}
    assert {d["work_pool"]["name"] for d in RAW["deployments"]} == {"csi-process"}


def test_serving_an_unknown_deployment_is_refused():
    with pytest.raises(ValueError, match="no deployment named nightly"):
        runner_deployments(SPECS, ["nightly"])


def test_csi_serve_runs_a_deployment_against_a_live_api(prefect_harness, tmp_path):
    """`csi serve` in its own process registers the deployments; a run requested through the API executes."""
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL

    db = tmp_path / "csi.duckdb"
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "CSI_DB": str(db),
           "PREFECT_RUNNER_POLL_FREQUENCY": "1", "PREFECT_LOGGING_LEVEL": "WARNING"}
    server = subprocess.Popen([sys.executable, "-m", "front.cli", "serve", "--only", "reparse"], cwd=tmp_path,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        run = None
        deadline = time.monotonic() + 120
        while run is None and time.monotonic() < deadline:
            try:
                run = run_deployment("reparse/reparse", timeout=0)
            except Exception:  # noqa: BLE001 - not registered yet: serve is still starting
                if server.poll() is not None:
                    break
                time.sleep(1)
        assert run is not None, server.stdout.read().decode() if server.poll() is not None else "serve never registered"
        from prefect import get_client
        with get_client(sync_client=True) as client:
            while time.monotonic() < deadline:
                state = client.read_flow_run(run.id).state
                if state.is_final():
                    break
                time.sleep(1)
        assert state.is_completed(), state
    finally:
        server.terminate()
        server.wait(30)
    assert db_rows(db, "SELECT flow, state FROM runs") == [("reparse", "COMPLETED")]


def test_ingest_deployments_parse_on_every_core_with_a_runner_that_exists():
    from flows.ingest import task_runner_for

    ingest_deployments = [d for d in RAW["deployments"] if d["entrypoint"] == "flows/ingest.py:ingest"]
    assert len(ingest_deployments) == 3
    for deployment in ingest_deployments:
        runner = deployment["job_variables"]["env"]["CSI_TASK_RUNNER"]
        assert type(task_runner_for(runner)).__name__ == "ProcessPoolTaskRunner"
