"""csi on a real `prefect server start`: the server's own scheduler creates the runs, and they complete.

One server for the session (tests/prefect_server.py); each test serves or deploys what it needs.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from front.deployments import PREFECT_YAML
from tests.conftest import db_rows

ROOT = Path(__file__).resolve().parent.parent
CSI = str(Path(sys.executable).with_name("csi"))


@pytest.fixture
def api(prefect_server):
    """A sync client of the real server, with this process's Prefect settings pointing at it."""
    from prefect import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: prefect_server.api_url}), get_client(sync_client=True) as client:
        yield client


def _runs_of(client, flow_name: str, deployment_name: str):
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterName, FlowFilter, FlowFilterName

    return client.read_flow_runs(flow_filter=FlowFilter(name=FlowFilterName(any_=[flow_name])),
                                 deployment_filter=DeploymentFilter(name=DeploymentFilterName(any_=[deployment_name])))


def _wait(predicate, seconds: float, what: str, process: subprocess.Popen | None = None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        if process is not None and process.poll() is not None:
            raise AssertionError(f"{what}: the process exited with {process.returncode}")
        time.sleep(0.2)
    raise AssertionError(f"{what}: not within {seconds} s")


@pytest.fixture(scope="module")
def served(prefect_server, tmp_path_factory):
    """`csi serve --take-over` of prefect.yaml, with reparse renamed and due every 10 s, over a warehouse in
    which one URL's latest fetch failed (on a port nothing listens on): rerun-failed fails on it."""
    from csi.records import FetchRow
    from pipeline.load import warehouse_session
    from tests.loopback import closed_port
    from warehouse.db import Batch, load_batch

    home = tmp_path_factory.mktemp("served")
    db = home / "csi.duckdb"
    with warehouse_session(db) as con:
        host = f"127.0.0.1:{closed_port()}"
        url = f"http://{host}/lgc/news/gone.html"
        load_batch(con, Batch(fetches=[FetchRow("f1", url, "sample-lgc", datetime(2026, 12, 1), None,
                                                "connection_error", "ConnectionError: refused", None, None, None,
                                                None, None, None, "r0")]))
    raw = yaml.safe_load(PREFECT_YAML.read_text(encoding="utf-8"))
    anchor = datetime.now(UTC).replace(microsecond=0)
    # Due every 10 s from whenever `csi serve` manages to register it (a loaded machine takes a while).
    (reparse,) = [d for d in raw["deployments"] if d["name"] == "reparse"]
    reparse["name"] = "reparse-every-10s"
    reparse["schedules"] = [{"interval": 10, "anchor_date": anchor.isoformat(), "timezone": "Europe/London"}]
    prefect_file = home / "prefect.yaml"
    prefect_file.write_text(yaml.safe_dump(raw), encoding="utf-8")
    log = home / "serve.log"
    with log.open("wb") as out:
        serve = subprocess.Popen([CSI, "serve", "--take-over", "--limit", "3", "--prefect-file", str(prefect_file)],
                                 cwd=home,
                                 stdout=out, stderr=subprocess.STDOUT,
                                 env=prefect_server.env(CSI_DB=str(db), PREFECT_RUNNER_POLL_FREQUENCY="1"))
    try:
        yield serve, db, anchor, log, host
    finally:
        serve.terminate()
        serve.wait(30)


def _deployment(api, name: str, served):
    """The served deployment `flow/name`, once `csi serve` has registered it."""
    from prefect.exceptions import ObjectNotFound

    def registered():
        try:
            return api.read_deployment_by_name(name)
        except ObjectNotFound:
            return None

    return _wait(registered, 120, f"csi serve registered {name}", served[0])


def _finished(api, flow_name: str, deployment_name: str, served, prefect_server):
    serve, _, _, log, _ = served

    def final():
        runs = [r for r in _runs_of(api, flow_name, deployment_name) if r.state and r.state.is_final()]
        return runs[0] if runs else None

    try:
        return _wait(final, 180, f"a {deployment_name} run finished", serve)
    except AssertionError as exc:
        raise AssertionError(f"{exc}\n--- csi serve:\n{log.read_text()}\n--- server:\n{prefect_server.output()}"
                             ) from None


def test_the_servers_scheduler_creates_the_runs_and_they_complete(prefect_server, api, served):
    """The guard for every dependency bump: no run_deployment here, the server's scheduler must create the run."""
    _, db, anchor, _, _ = served
    run = _finished(api, "reparse", "reparse-every-10s", served, prefect_server)
    api.pause_deployment(run.deployment_id)  # enough: the other tests need the served process's slot
    assert run.auto_scheduled, "the run was not created by the server's scheduler"
    assert (run.expected_start_time - anchor).total_seconds() % 10 == 0
    assert run.state.is_completed(), run.state
    assert db_rows(db, "SELECT flow, state FROM runs WHERE run_id = ?", [str(run.id)]) == [
        ("reparse-every-10s", "COMPLETED")]  # runs.flow names the deployment
    # The real schedules were turned into runs too, at six in the morning UK time (GMT or BST alike).
    news = _runs_of(api, "ingest", "ingest-news")
    assert news and all(r.auto_scheduled for r in news)
    assert {r.expected_start_time.astimezone(ZoneInfo("Europe/London")).strftime("%H:%M") for r in news} == {"06:00"}
    output = prefect_server.output()
    assert "Traceback" not in output and "ERROR" not in output, output[-3000:]


def test_a_failed_run_says_why_in_one_line_and_logs_no_type_error(prefect_server, api, served):
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    _deployment(api, "rerun-failed/rerun-failed", served)
    with temporary_settings(updates={PREFECT_API_URL: prefect_server.api_url}):
        requested = run_deployment("rerun-failed/rerun-failed", timeout=0)
    run = _wait(lambda: (r := api.read_flow_run(requested.id)).state.is_final() and r, 180, "rerun-failed finished",
                served[0])
    assert run.state.is_failed()
    assert run.state.message == ("refetched 1 of 1 URL(s): 0 recovered, 1 still failing; still failing and worth "
                                 f"retrying: 1 URL(s) of source(s) sample-lgc on host(s) {served[4]}")

    logs = _final_logs(api, run.id)
    assert "refetched 1 of 1 URL(s): 0 recovered, 1 still failing" in logs
    # No TypeError about a result Prefect could not turn into an exception, and not even the traceback of the
    # run's own RunFailed that the engine raises again once the run has ended Failed.
    assert "TypeError" not in logs and "cannot be resolved into an exception" not in logs, logs
    assert "Traceback" not in logs and "RunFailed" not in logs, logs


def _logs(api, run_id) -> list:
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    return api.read_logs(LogFilter(flow_run_id=LogFilterFlowRunId(any_=[run_id])))


def _final_logs(api, run_id) -> str:
    """The run's logs once the flow's own last line is in (logs arrive in batches, the last after the final state)."""
    def complete():
        logs = _logs(api, run_id)
        done = any(log.task_run_id is None and log.message.startswith("Finished in state") for log in logs)
        return "\n".join(log.message for log in logs) if done else None

    return _wait(complete, 60, "the run's last log line")


def _quiet(api, deployment, served):
    """Pause the deployment and wait until none of its runs is in flight. A run its schedule started (the 10 s
    reparse, or rerun-failed at half past the hour) would hold the deployment's one slot while waiting for the
    writer limit that the test's other run holds: a deadlock until the test gives up."""
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId

    api.pause_deployment(deployment.id)  # also deletes its scheduled runs that have not started
    in_flight = DeploymentFilter(id=DeploymentFilterId(any_=[deployment.id]))
    _wait(lambda: not [r for r in api.read_flow_runs(deployment_filter=in_flight) if not r.state.is_final()],
          180, f"no run of {deployment.name} in flight", served[0])


_HELD = re.compile(r"held the write lock on (\S+) from (\S+) to (\S+) \(")


def test_two_deployments_triggered_together_both_complete_one_writer_at_a_time(prefect_server, api, served, tmp_path):
    """Two different deployments (paused, with no run of theirs in flight, so only the test's runs compete)
    started together both run, and their warehouse sessions take turns (Prefect's csi-warehouse-writer limit,
    then the lock file) instead of one of them failing with WarehouseLocked. The test holds the warehouse while
    they start, so both have to wait."""
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from pipeline.load import WRITER_LIMIT
    from warehouse.writer import writer_lock

    db = tmp_path / "shared.duckdb"
    names = ("rerun-failed/rerun-failed", "reparse/reparse-every-10s")
    for name in names:
        _quiet(api, _deployment(api, name, served), served)
    assert api.read_global_concurrency_limit_by_name(WRITER_LIMIT).limit == 1  # created by csi serve
    with writer_lock(db, 0, print), temporary_settings(updates={PREFECT_API_URL: prefect_server.api_url}):
        runs = [run_deployment(name, parameters={"db": str(db)}, timeout=0) for name in names]
        # Both running at once, and one of them waiting for the lock this test holds.
        _wait(lambda: all(api.read_flow_run(r.id).state.is_running() for r in runs)
              and any("is being written by another run" in log.message for r in runs for log in _logs(api, r.id)), 120,
              "both runs started and one waits for the warehouse", served[0])
    finished = [_wait(lambda r=r: (f := api.read_flow_run(r.id)).state.is_final() and f, 120, f"{r.name} finished",
                      served[0]) for r in runs]
    assert [run.state.type.value for run in finished] == ["COMPLETED", "COMPLETED"], [r.state for r in finished]
    logs = {run.id: _final_logs(api, run.id) for run in finished}
    windows = sorted((datetime.fromisoformat(start), datetime.fromisoformat(end), run_id)
                     for run_id, text in logs.items() for path, start, end in _HELD.findall(text) if path == str(db))
    assert {run_id for _, _, run_id in windows} == set(logs), windows  # both wrote the warehouse
    for (_, end, _), (start, _, _) in itertools.pairwise(windows):
        assert end <= start, f"two writers at once: {windows}"
    assert not any("locked by another run" in text for text in logs.values()), logs
    assert db_rows(db, "SELECT flow, state FROM runs ORDER BY flow") == [
        ("reparse-every-10s", "COMPLETED"), ("rerun-failed", "COMPLETED")]


def test_csi_status_lists_runs_that_failed_before_opening_the_warehouse(prefect_server, api, served):
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    _, db, _, _, _ = served
    _deployment(api, "ingest/ingest-news", served)
    with temporary_settings(updates={PREFECT_API_URL: prefect_server.api_url}):
        requested = run_deployment("ingest/ingest-news", parameters={"adapters": ["no-such-platform"]}, timeout=0)
    run = _wait(lambda: (r := api.read_flow_run(requested.id)).state.is_final() and r, 120, "the run failed",
                served[0])
    assert run.state.is_failed() and db_rows(db, "SELECT count(*) FROM runs WHERE run_id = ?", [str(run.id)]) == [(0,)]
    assert run.state.message.startswith("no selected source uses adapter(s) no-such-platform")
    assert "Traceback" not in _final_logs(api, run.id)  # a parameter it cannot use: one line, not a traceback
    shown = subprocess.run([CSI, "status", "--db", str(db)], env=prefect_server.env(COLUMNS="300"),
                           capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert "with no runs row here" in shown.stdout
    (line,) = [line for line in shown.stdout.splitlines() if str(run.id) in line]
    assert "ingest-news" in line and "FAILED" in line and "no-such-platform" in line
    for (recorded,) in db_rows(db, "SELECT run_id FROM runs"):  # runs the warehouse knows are not repeated
        assert shown.stdout.count(recorded) <= 1


def test_prefect_deploy_all_stores_what_prefect_yaml_says_and_csi_serve_leaves_it_alone(prefect_server, api):
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectAlreadyExists

    try:
        api.create_work_pool(WorkPoolCreate(name="csi-process", type="process"))
    except ObjectAlreadyExists:
        pass
    env = prefect_server.env(CSI_HOME=str(ROOT))
    deploy = subprocess.run([str(Path(sys.executable).with_name("prefect")), "--no-prompt", "deploy", "--all"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
    raw = yaml.safe_load(PREFECT_YAML.read_text(encoding="utf-8"))
    flow_names = {"flows/ingest.py:ingest": "ingest", "flows/maintenance.py:rerun_failed": "rerun-failed",
                  "flows/maintenance.py:reparse": "reparse", "flows/demo.py:demo": "demo",
                  "flows/official_statistics.py:official_statistics": "official-statistics"}
    for expected in raw["deployments"]:
        stored = api.read_deployment_by_name(f"{flow_names[expected['entrypoint']]}/{expected['name']}")
        assert stored.entrypoint == expected["entrypoint"]
        assert stored.work_pool_name == "csi-process"
        assert stored.job_variables == expected["work_pool"].get("job_variables", {})
        assert stored.tags == expected["tags"]
        assert [(s.schedule.cron, s.schedule.timezone, s.active) for s in stored.schedules] == [
            (s["cron"], "Europe/London", True) for s in expected.get("schedules", [])]
        assert stored.global_concurrency_limit.limit == 1
        assert stored.concurrency_options.collision_strategy.value == "ENQUEUE"
    news = api.read_deployment_by_name("ingest/ingest-news")
    assert news.job_variables == {"env": {"CSI_TASK_RUNNER": "processes"}}
    # csi serve would turn these into served deployments (and pause them on Ctrl-C): it refuses instead.
    refused = subprocess.run([CSI, "serve", "--only", "ingest-news"], env=env, capture_output=True, text=True,
                             timeout=120)
    assert refused.returncode == 2
    assert "ingest/ingest-news (pool csi-process)" in refused.stdout and "--take-over" in refused.stdout
    again = api.read_deployment_by_name("ingest/ingest-news")
    assert (again.work_pool_name, again.paused, again.updated) == ("csi-process", False, news.updated)



def test_csi_automations_install_notifies_through_a_named_block(prefect_server, api):
    from prefect.blocks.notifications import SlackWebhook
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from tests.loopback import closed_port

    with temporary_settings(updates={PREFECT_API_URL: prefect_server.api_url}):
        block_id = SlackWebhook(url=f"http://127.0.0.1:{closed_port()}/hook").save("csi-alerts", overwrite=True)
    env = prefect_server.env()
    for _ in range(2):  # installing again replaces it
        done = subprocess.run([CSI, "automations", "install", "--block", "slack-webhook/csi-alerts"], env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
    (stored,) = api.read_automations_by_name("csi-run-failed-or-crashed")
    assert stored.actions[0].block_document_id == block_id
    missing = subprocess.run([CSI, "automations", "install", "--block", "slack-webhook/nobody"], env=env,
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "No block slack-webhook/nobody" in missing.stdout
