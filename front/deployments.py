"""prefect.yaml as data: `prefect deploy` (work pool + worker) and `csi serve` (one process) run the same flows."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import yaml
from prefect.client.schemas.objects import ConcurrencyLimitConfig
from prefect.client.schemas.schedules import CronSchedule, IntervalSchedule
from prefect.deployments.runner import EntrypointType, RunnerDeployment
from prefect.flows import Flow

PREFECT_YAML = Path(__file__).resolve().parent.parent / "prefect.yaml"


@dataclass(frozen=True)
class DeploymentSpec:
    name: str
    entrypoint: str  # "flows/ingest.py:ingest", as prefect.yaml writes it
    description: str
    parameters: dict
    schedules: tuple[CronSchedule | IntervalSchedule, ...]
    concurrency: ConcurrencyLimitConfig | None
    tags: tuple[str, ...] = ()

    def load_flow(self) -> Flow:
        """Import the entrypoint as a module (flows.ingest), so it works from any working directory."""
        path, attribute = self.entrypoint.split(":")
        flow = getattr(importlib.import_module(path.removesuffix(".py").replace("/", ".")), attribute)
        if not isinstance(flow, Flow):
            raise TypeError(f"deployment {self.name!r}: {self.entrypoint} is not a Prefect flow")
        return flow


def schedule_of(raw: dict) -> CronSchedule | IntervalSchedule:
    """A prefect.yaml schedule entry (cron, or interval in seconds with an optional anchor_date), validated."""
    if "cron" in raw:
        return CronSchedule(cron=raw["cron"], timezone=raw.get("timezone"))
    if "interval" in raw:
        extra = {"anchor_date": raw["anchor_date"]} if "anchor_date" in raw else {}
        return IntervalSchedule(interval=timedelta(seconds=raw["interval"]), timezone=raw.get("timezone"), **extra)
    raise ValueError(f"schedule {raw!r}: csi reads cron and interval schedules only")


def load_specs(path: Path = PREFECT_YAML) -> list[DeploymentSpec]:
    """Every deployment in prefect.yaml; schedules are parsed (cron and timezone are checked here)."""
    specs = []
    for raw in yaml.safe_load(path.read_text(encoding="utf-8"))["deployments"]:
        limit = raw.get("concurrency_limit")
        specs.append(DeploymentSpec(
            name=raw["name"], entrypoint=raw["entrypoint"], description=raw.get("description", ""),
            parameters=raw.get("parameters") or {},
            schedules=tuple(schedule_of(s) for s in raw.get("schedules") or []),
            concurrency=ConcurrencyLimitConfig(**limit) if isinstance(limit, dict) else None,
            tags=tuple(raw.get("tags") or ()),
        ))
    return specs


def runner_deployments(specs: list[DeploymentSpec], only: list[str] | None = None) -> list[RunnerDeployment]:
    """The deployments `serve()` runs in this process; `only` names a subset."""
    unknown = sorted(set(only or ()) - {s.name for s in specs})
    if unknown:
        raise ValueError(f"no deployment named {', '.join(unknown)} in prefect.yaml; "
                         f"known: {', '.join(s.name for s in specs)}")
    return [spec.load_flow().to_deployment(
        name=spec.name, description=spec.description, parameters=spec.parameters, schedules=list(spec.schedules),
        concurrency_limit=spec.concurrency, tags=list(spec.tags), entrypoint_type=EntrypointType.MODULE_PATH,
    ) for spec in specs if not only or spec.name in only]


def pooled_deployments(deployments: list[RunnerDeployment]) -> list[str]:
    """Which of these deployments the server already has on a work pool (put there by `prefect deploy`)."""
    from prefect import get_client
    from prefect.exceptions import ObjectNotFound

    found = []
    with get_client(sync_client=True) as client:
        for deployment in deployments:
            try:
                stored = client.read_deployment_by_name(f"{deployment.flow_name}/{deployment.name}")
            except ObjectNotFound:
                continue
            if stored.work_pool_name:
                found.append(f"{deployment.flow_name}/{deployment.name} (pool {stored.work_pool_name})")
    return found


def ensure_writer_limit() -> None:
    """The global concurrency limit (1) every writing run takes around its warehouse session (pipeline/load.py)."""
    from prefect import get_client
    from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
    from prefect.exceptions import ObjectAlreadyExists

    from pipeline.load import WRITER_LIMIT

    with get_client(sync_client=True) as client:
        try:
            client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=WRITER_LIMIT, limit=1))
        except ObjectAlreadyExists:
            pass


AUTOMATION_FILE = PREFECT_YAML.parent / "automations" / "notify-on-failure.yaml"


def failure_automation(block_document_id: str, path: Path = AUTOMATION_FILE):
    """The shipped automation with its notification block filled in, validated as Prefect will store it."""
    from prefect.events.schemas.automations import AutomationCore

    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    for action in raw["actions"]:
        if action.get("block_document_id") == "{{ block_document_id }}":
            action["block_document_id"] = block_document_id
    return AutomationCore.model_validate(raw)


def install_failure_automation(block: str) -> str:
    """Create (or replace) the automation on the server, notifying through the block `type-slug/name`."""
    from prefect import get_client

    block_type, _, name = block.partition("/")
    if not name:
        raise ValueError(f"--block {block!r}: name the block as TYPE/NAME, e.g. slack-webhook/csi-alerts")
    with get_client(sync_client=True) as client:
        document = client.read_block_document_by_name(name, block_type)
        automation = failure_automation(str(document.id))
        for existing in client.read_automations_by_name(automation.name):
            client.delete_automation(existing.id)
        return str(client.create_automation(automation))
