"""prefect.yaml as data: `prefect deploy` (work pool + worker) and `csi serve` (one process) run the same flows."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

import yaml
from prefect.client.schemas.objects import ConcurrencyLimitConfig
from prefect.client.schemas.schedules import CronSchedule
from prefect.deployments.runner import EntrypointType, RunnerDeployment
from prefect.flows import Flow

PREFECT_YAML = Path(__file__).resolve().parent.parent / "prefect.yaml"


@dataclass(frozen=True)
class DeploymentSpec:
    name: str
    entrypoint: str  # "flows/ingest.py:ingest", as prefect.yaml writes it
    description: str
    parameters: dict
    schedules: tuple[CronSchedule, ...]
    concurrency: ConcurrencyLimitConfig | None

    def load_flow(self) -> Flow:
        """Import the entrypoint as a module (flows.ingest), so it works from any working directory."""
        path, attribute = self.entrypoint.split(":")
        flow = getattr(importlib.import_module(path.removesuffix(".py").replace("/", ".")), attribute)
        if not isinstance(flow, Flow):
            raise TypeError(f"deployment {self.name!r}: {self.entrypoint} is not a Prefect flow")
        return flow


def load_specs(path: Path = PREFECT_YAML) -> list[DeploymentSpec]:
    """Every deployment in prefect.yaml; schedules are parsed (cron and timezone are checked here)."""
    specs = []
    for raw in yaml.safe_load(path.read_text(encoding="utf-8"))["deployments"]:
        limit = raw.get("concurrency_limit")
        specs.append(DeploymentSpec(
            name=raw["name"], entrypoint=raw["entrypoint"], description=raw.get("description", ""),
            parameters=raw.get("parameters") or {},
            schedules=tuple(CronSchedule(cron=s["cron"], timezone=s["timezone"]) for s in raw.get("schedules", [])),
            concurrency=ConcurrencyLimitConfig(**limit) if isinstance(limit, dict) else None,
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
        concurrency_limit=spec.concurrency, entrypoint_type=EntrypointType.MODULE_PATH,
    ) for spec in specs if not only or spec.name in only]
