"""Where things live: the warehouse (--db, then CSI_DB, then data/csi.duckdb) and the WARC archive."""

from __future__ import annotations

import os
import re
from importlib.resources import files
from pathlib import Path

DEFAULT_DB = Path("data/csi.duckdb")
TASK_RUNNERS = ("threads", "processes", "dask")  # where a flow's tasks run (flows.ingest.task_runner_for)
DEMO_DB = Path("data/demo.duckdb")  # the demo's own warehouse: running it never touches production's
DEFAULT_SOURCES = Path(str(files("csi") / "sources.toml"))


class SettingError(ValueError):
    """A path or environment setting that cannot work; the message is one line naming it and what is allowed."""


def resolve_db(db: str | Path | None = None) -> Path:
    """The warehouse file: --db, then CSI_DB, then data/csi.duckdb; a directory or a path under a file is refused."""
    named = "--db" if db else "CSI_DB" if os.environ.get("CSI_DB") else None
    path = Path(db or os.environ.get("CSI_DB") or DEFAULT_DB)
    if named and path.is_dir():
        raise SettingError(f"{named}={path} is a directory; it must name a DuckDB file, e.g. {path / 'csi.duckdb'}")
    if named and any(parent.exists() and not parent.is_dir() for parent in path.parents):
        raise SettingError(f"{named}={path}: a parent of the path is a file, not a directory")
    return path


def resolve_demo_db(db: str | Path | None = None) -> Path:
    """The demo's warehouse: --db, then CSI_DEMO_DB, then data/demo.duckdb (never CSI_DB, production's)."""
    return Path(db or os.environ.get("CSI_DEMO_DB") or DEMO_DB)


def resolve_warc_dir(warc_dir: str | Path | None, db_path: Path) -> Path:
    """The archive sits beside the warehouse unless CSI_WARC_DIR or --warc-dir says otherwise (a directory)."""
    named = "--warc-dir" if warc_dir else "CSI_WARC_DIR" if os.environ.get("CSI_WARC_DIR") else None
    path = Path(warc_dir or os.environ.get("CSI_WARC_DIR") or db_path.parent / "warc")
    if named and path.exists() and not path.is_dir():
        raise SettingError(f"{named}={path} is a file; it must name a directory for the WARC archive")
    return path


def check_environment() -> None:
    """Every CSI_* variable checked before any command runs: SettingError (one line) for the first bad one."""
    if os.environ.get("CSI_DB"):
        resolve_db(None)
    if os.environ.get("CSI_WARC_DIR"):
        resolve_warc_dir(None, DEFAULT_DB)
    home = os.environ.get("CSI_HOME")
    if home and not Path(home).is_dir():
        raise SettingError(f"CSI_HOME={home} is not a directory; it must be the csi checkout prefect.yaml runs in")
    runner = os.environ.get("CSI_TASK_RUNNER")
    if runner is not None and runner not in TASK_RUNNERS:
        raise SettingError(f"CSI_TASK_RUNNER={runner!r} must be one of {', '.join(TASK_RUNNERS)}")
    address = os.environ.get("CSI_DASK_ADDRESS")
    if address is not None and not re.fullmatch(r"(tcp|tls)://[^\s:/]+:\d{1,5}", address):
        raise SettingError(f"CSI_DASK_ADDRESS={address!r} must be a Dask scheduler address like tcp://HOST:8786")
    if runner == "dask" and not address:
        raise SettingError("CSI_TASK_RUNNER=dask needs CSI_DASK_ADDRESS=tcp://HOST:PORT (a running Dask scheduler)")
