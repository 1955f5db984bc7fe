"""The quality floors (floors.toml at the repository root): one pinned file for every evaluation gate.

A floor may rise but never fall without an explicit reason: `lowered` lists what a new version of the file
lowers (or drops) relative to an older one, and tests/test_floors.py refuses such a change unless it is
declared (trafilatura's evaluation gate).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

FLOORS_FILE = Path(__file__).resolve().parent.parent / "floors.toml"


class FloorsError(ValueError):
    """floors.toml is missing, malformed or lacks a section a command needs."""


def parse_floors(text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FloorsError(f"floors file is not valid TOML: {exc}") from exc


def load_floors(path: str | Path = FLOORS_FILE) -> dict:
    path = Path(path)
    if not path.is_file():
        raise FloorsError(f"no floors file at {path}")
    return parse_floors(path.read_text(encoding="utf-8"))


def floors_of(section: str, path: str | Path = FLOORS_FILE) -> dict[str, float]:
    """The numeric floors of one section (`gold`, `gold.targets`, `extraction`, `reports`, ...), by name."""
    found: object = load_floors(path)
    for part in section.split("."):
        found = found.get(part) if isinstance(found, dict) else None
    if not isinstance(found, dict):
        raise FloorsError(f"{path} has no [{section}] section")
    return {name: float(value) for name, value in found.items() if _is_number(value)}


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _leaves(table: dict, prefix: str = "") -> dict[str, float]:
    found: dict[str, float] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            found |= _leaves(value, f"{prefix}{key}.")
        elif _is_number(value):
            found[f"{prefix}{key}"] = float(value)
    return found


def lowered(old: dict, new: dict) -> list[str]:
    """Every floor the new version lowers or removes, as readable lines (empty: the change only raises or adds)."""
    before, after = _leaves(old), _leaves(new)
    problems = []
    for name, value in sorted(before.items()):
        if name not in after:
            problems.append(f"{name} removed (was {value:g})")
        elif after[name] < value:
            problems.append(f"{name} lowered from {value:g} to {after[name]:g}")
    return problems
