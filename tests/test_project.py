"""The project's own declarations agree with each other: the version, the CHANGELOG, the layers."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_version_is_the_changelogs_latest():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    headings = re.findall(r"^## (\d+\.\d+\.\d+)\b", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)
    assert headings, "CHANGELOG.md has no version headings"
    assert version == max(headings, key=lambda v: tuple(map(int, v.split(".")))), (version, headings)
