"""Where things live: the warehouse (--db, then CSI_DB, then data/csi.duckdb) and the WARC archive."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

DEFAULT_DB = Path("data/csi.duckdb")
DEFAULT_SOURCES = Path(str(files("csi") / "sources.toml"))


def resolve_db(db: str | Path | None = None) -> Path:
    return Path(db or os.environ.get("CSI_DB") or DEFAULT_DB)


def resolve_warc_dir(warc_dir: str | Path | None, db_path: Path) -> Path:
    """The archive sits beside the warehouse unless CSI_WARC_DIR or --warc-dir says otherwise."""
    return Path(warc_dir or os.environ.get("CSI_WARC_DIR") or db_path.parent / "warc")
