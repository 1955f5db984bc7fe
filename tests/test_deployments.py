"""prefect.yaml is valid without a server: entrypoints load, parameters validate, schedules parse."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from prefect.client.schemas.schedules import CronSchedule
from prefect.flows import Flow, load_flow_from_entrypoint

ROOT = Path(__file__).resolve().parent.parent
DEPLOYMENTS = yaml.safe_load((ROOT / "prefect.yaml").read_text())["deployments"]


@pytest.mark.parametrize("deployment", DEPLOYMENTS, ids=[d["name"] for d in DEPLOYMENTS])
def test_deployment_is_valid(deployment, monkeypatch):
    monkeypatch.chdir(ROOT)
    flow = load_flow_from_entrypoint(deployment["entrypoint"])
    assert isinstance(flow, Flow)
    flow.validate_parameters(deployment.get("parameters") or {})
    for schedule in deployment.get("schedules", []):
        cron = CronSchedule(cron=schedule["cron"], timezone=schedule["timezone"])
        assert cron.timezone == "Europe/London"
    # DuckDB has one writer: deployments that write the warehouse never overlap.
    assert deployment["concurrency_limit"]["limit"] == 1
