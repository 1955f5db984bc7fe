"""prefect.yaml is valid without a server, and `csi serve` runs its deployments against a real API."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from prefect.flows import load_flow_from_entrypoint

from csi.paths import DEFAULT_SOURCES
from front.deployments import PREFECT_YAML, load_specs, runner_deployments
from scrapers.sources import load_sources

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
    assert set(definitions) == {"work_pools", "schedules", "concurrency"}
    assert {d["work_pool"]["name"] for d in RAW["deployments"]} == {"csi-process"}


def test_every_key_is_one_prefect_deploy_reads():
    """Prefect's model drops unknown keys without a word (job_variables beside work_pool: was ignored so)."""
    from prefect.cli.deploy._models import DeploymentConfig, WorkPoolConfig

    for deployment in RAW["deployments"]:
        assert set(deployment) <= set(DeploymentConfig.model_fields), deployment["name"]
        assert set(deployment["work_pool"]) <= set(WorkPoolConfig.model_fields), deployment["name"]


def test_every_deployment_is_tagged_with_what_it_crawls_or_maintains():
    tags = {s.name: s.tags for s in SPECS}
    assert tags == {"ingest-news": ("news",), "ingest-ofsted-reports": ("ofsted",), "ingest-minutes": ("minutes",),
                    "official-statistics": ("ofsted",),
                    "rerun-failed": ("maintenance",), "reparse": ("maintenance",), "demo": ("demo",)}


def test_serving_an_unknown_deployment_is_refused():
    with pytest.raises(ValueError, match="no deployment named nightly"):
        runner_deployments(SPECS, ["nightly"])


def test_ingest_deployments_parse_on_every_core_with_a_runner_that_exists():
    from flows.ingest import task_runner_for

    ingest_deployments = [d for d in RAW["deployments"] if d["entrypoint"] == "flows/ingest.py:ingest"]
    assert len(ingest_deployments) == 3
    for deployment in ingest_deployments:
        runner = deployment["work_pool"]["job_variables"]["env"]["CSI_TASK_RUNNER"]
        assert type(task_runner_for(runner)).__name__ == "ProcessPoolTaskRunner"
    # A worker starts the flow run's process with that env; ingest picks its runner when it is imported.
    probe = "from flows.ingest import ingest; print(type(ingest.task_runner).__name__)"
    found = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120,
                           env={**os.environ, "CSI_TASK_RUNNER": "processes"})
    assert found.stdout.strip() == "ProcessPoolTaskRunner", found.stderr


def test_the_shipped_failure_automation_is_one_prefect_accepts():
    from front.deployments import failure_automation

    automation = failure_automation("7b0c4f5e-2f8e-4f2a-9c55-2d3c1f0a9e11")
    assert automation.name == "csi-run-failed-or-crashed"
    assert set(automation.trigger.expect) == {"prefect.flow-run.Failed", "prefect.flow-run.Crashed"}
    tagged = automation.trigger.match_related
    tagged = tagged[0] if isinstance(tagged, list) else tagged
    assert set(tagged["prefect.resource.id"]) == {f"prefect.tag.{t}" for s in SPECS for t in s.tags}
    (action,) = automation.actions
    assert str(action.block_document_id) == "7b0c4f5e-2f8e-4f2a-9c55-2d3c1f0a9e11"
    assert "{{ flow_run.state.message }}" in action.body


def test_csi_status_says_in_one_line_when_prefects_api_cannot_be_read(tmp_path):
    from prefect.settings import PREFECT_API_URL, PREFECT_CLIENT_MAX_RETRIES, temporary_settings
    from typer.testing import CliRunner

    from front.cli import app
    from pipeline.load import warehouse_session
    from tests.loopback import closed_port

    db = tmp_path / "csi.duckdb"
    with warehouse_session(db):
        pass
    nobody = f"http://127.0.0.1:{closed_port()}/api"
    with temporary_settings(updates={PREFECT_API_URL: nobody, PREFECT_CLIENT_MAX_RETRIES: 0}):
        shown = CliRunner().invoke(app, ["status", "--db", str(db)], env={"COLUMNS": "300"})
    assert shown.exit_code == 0, shown.output
    assert f"Prefect API {nobody}: not read (ConnectError" in shown.output
    assert "Recent runs" in shown.output


def test_csi_status_finds_the_hosts_skipped_by_a_deployments_crawl(tmp_path):
    """runs.flow names the deployment (ingest-news, ...): the latest crawl is found by its summary, not its name."""
    from pipeline.load import warehouse_session
    from warehouse.db import record_run
    from warehouse.queries import latest_skipped_hosts

    with warehouse_session(tmp_path / "csi.duckdb") as con:
        record_run(con, "r1", "ingest-news", datetime(2026, 12, 1, 6), datetime(2026, 12, 1, 7), "COMPLETED",
                   {"skipped_hosts": {"news.example": "3 URLs in a row failed to connect"}})
        record_run(con, "r2", "reparse", datetime(2026, 12, 1, 8), datetime(2026, 12, 1, 9), "COMPLETED", {})
        assert latest_skipped_hosts(con) == [("r1", "news.example", "3 URLs in a row failed to connect")]

