"""floors.toml, the one file of quality floors: floors rise, and never fall without a declared reason."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from csi.floors import FLOORS_FILE, FloorsError, floors_of, load_floors, lowered, parse_floors

ROOT = Path(__file__).resolve().parent.parent
DECLARED = "Lower-floors:"  # a commit message line (or CSI_LOWER_FLOORS for an uncommitted change) giving the reason


def _git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_lowered_names_every_floor_that_falls_or_goes():
    old = parse_floors("[gold]\nratings = 0.95\nquotes = 0.9\n[gold.targets]\nratings = 0.95\n"
                       "[reports]\nagreement = 100")
    new = parse_floors("[gold]\nratings = 0.96\n[gold.targets]\nratings = 0.9\n[reports]\nagreement = 100\n"
                       "[claims]\nf1 = 0.5")
    assert lowered(old, new) == ["gold.quotes removed (was 0.9)", "gold.targets.ratings lowered from 0.95 to 0.9"]
    assert lowered(new, old) == ["claims.f1 removed (was 0.5)", "gold.ratings lowered from 0.96 to 0.95"]
    assert lowered(old, old) == []


def test_the_floors_file_holds_every_evaluation_gate():
    floors = load_floors()
    assert set(floors_of("gold")) >= {"ratings", "inspections", "findings", "quotes", "metrics", "document_councils"}
    assert set(floors_of("extraction")) == {"body_f1", "snippet_f1", "date_accuracy"}
    assert floors_of("reports") == {"agreement": 100.0}
    assert set(floors_of("claims")) == {"precision", "recall"}
    assert all(0 < v <= 1 for v in floors_of("gold").values()), floors["gold"]
    with pytest.raises(FloorsError, match=r"no \[nothing\] section"):
        floors_of("nothing")


def test_an_uncommitted_change_lowers_no_floor_unless_declared():
    committed = _git("show", "HEAD:floors.toml")
    if committed.returncode != 0:  # the commit adding floors.toml: nothing older to compare with
        assert _git("rev-parse", "HEAD").returncode == 0, "not a git checkout: the floors cannot be checked"
        return
    problems = lowered(parse_floors(committed.stdout), load_floors(FLOORS_FILE))
    assert not problems or os.environ.get("CSI_LOWER_FLOORS"), (
        "floors.toml lowers committed floors: " + "; ".join(problems)
        + ". Raise the work, not the bar; or set CSI_LOWER_FLOORS=<reason> and commit with a 'Lower-floors:' line.")


def test_no_commit_lowered_a_floor_without_saying_why():
    log = _git("log", "--format=%H", "--", "floors.toml")
    assert log.returncode == 0, log.stderr
    commits = log.stdout.split()
    undeclared = []
    for commit in commits:
        parent = _git("show", f"{commit}^:floors.toml")
        if parent.returncode != 0:  # the commit that created the file, or a shallow clone's edge
            continue
        problems = lowered(parse_floors(parent.stdout), parse_floors(_git("show", f"{commit}:floors.toml").stdout))
        message = _git("log", "-1", "--format=%B", commit).stdout
        if problems and DECLARED not in message:
            undeclared.append(f"{commit[:10]}: {'; '.join(problems)}")
    assert not undeclared, "commits that lowered floors without a 'Lower-floors:' line: " + " | ".join(undeclared)
