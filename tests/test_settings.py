"""Every setting is checked when it is loaded: a bad value is one line naming the source (or variable), the key
and what is allowed, and the command exits 2 before any flow starts."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from front.cli import app

SOURCE = """
[[source]]
name = "alpha"
adapter = "news"
publisher = "Alpha"
start_urls = ["http://127.0.0.1/news/"]
documents = ['^http://127\\\\.0\\\\.0\\\\.1/news/.+\\\\.html$']
"""

BAD_SOURCES = [
    ("min_delay_seconds = -0.5", "source 'alpha': 'min_delay_seconds' must be between 0 and 3,600 seconds, got -0.5"),
    ("max_response_seconds = 0",
     "source 'alpha': 'max_response_seconds' must be more than 0 seconds and at most 3,600 seconds, got 0"),
    ("timeout_seconds = -3",
     "source 'alpha': 'timeout_seconds' must be more than 0 seconds and at most 600 seconds, got -3"),
    ("timeout_seconds = nan", "source 'alpha': 'timeout_seconds' must be more than 0 seconds and at most 600 "
                              "seconds, got nan"),
    ("max_pages = 0", "source 'alpha': 'max_pages' must be between 1 and 1,000,000, got 0"),
    ("refresh_days = -1", "source 'alpha': 'refresh_days' must be between 0 and 3,650 days, got -1"),
    ("min_parse_rate = 1.5", "source 'alpha': 'min_parse_rate' must be between 0 and 1, got 1.5"),
    ("attempts = 0", "source 'alpha': 'attempts' must be between 1 and 10, got 0"),
    ("backoff_seconds = -1.0", "source 'alpha': 'backoff_seconds' must be between 0 and 60 seconds, got -1.0"),
    ('start_urls = ["file:///etc/passwd"]', "source 'alpha': 'start_urls' must be an http:// or https:// URL with "
                                            "a host, got 'file:///etc/passwd' (scheme file: is never fetched)"),
    ('start_urls = ["ftp://127.0.0.1/pub/"]', "source 'alpha': 'start_urls' must be an http:// or https:// URL with "
                                              "a host, got 'ftp://127.0.0.1/pub/' (scheme ftp: is never fetched)"),
    ('start_urls = ["news/index.html"]', "source 'alpha': 'start_urls' must be an http:// or https:// URL with a "
                                         "host, got 'news/index.html' (scheme (none) is never fetched)"),
    ('start_urls = ["http:///news/"]', "source 'alpha': 'start_urls' must be an http:// or https:// URL with a "
                                       "host, got 'http:///news/' (no host)"),
    ('start_urls = ["http://127.0.0.1:99999/"]', "source 'alpha': 'start_urls' must be an http:// or https:// URL "
                                                 "with a host, got 'http://127.0.0.1:99999/' (not a usable address)"),
    ('moderngov_base = "gopher://democracy.example/"',
     "source 'alpha': 'moderngov_base' must be an http:// or https:// URL with a host, got "
     "'gopher://democracy.example/' (scheme gopher: is never fetched)"),
    ('allow_private_addresses = ["intranet"]',
     "source 'alpha': 'allow_private_addresses' lists 'intranet', which is not an IP address or network like "
     "10.0.0.0/8"),
    ('allow_private_addresses = "yes"',
     "source 'alpha': 'allow_private_addresses' must be true, false or a list of IP addresses / networks, "
     "got 'yes'"),
]


def _with(line: str) -> str:
    key = line.split(" ", 1)[0]
    kept = [row for row in SOURCE.splitlines() if not row.startswith(key + " ")]
    return "\n".join(kept) + "\n" + line + "\n"


@pytest.mark.parametrize("line, message", BAD_SOURCES, ids=[line.split(" ")[0] + f"-{n}"
                                                            for n, (line, _) in enumerate(BAD_SOURCES)])
def test_a_bad_source_setting_is_one_line_and_exit_2(tmp_path, line, message):
    sources = tmp_path / "sources.toml"
    sources.write_text(_with(line), encoding="utf-8")
    result = CliRunner().invoke(app, ["run", "--sources", str(sources), "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2
    assert result.output.replace("\n", "") == f"Bad options: {message}"
    assert not (tmp_path / "w.duckdb").exists()


def test_the_minimal_source_is_accepted_with_a_zero_delay_and_private_networks(tmp_path):
    from scrapers.sources import parse_sources

    (source,) = parse_sources(_with('allow_private_addresses = ["10.0.0.0/8", "127.0.0.1"]') +
                              "min_delay_seconds = 0\n").sources
    assert source.allow_private_addresses == ("10.0.0.0/8", "127.0.0.1") and source.min_delay_seconds == 0.0


@pytest.mark.parametrize("variable, value, message", [
    ("CSI_DB", "{tmp}", "CSI_DB={tmp} is a directory; it must name a DuckDB file, e.g. {tmp}/csi.duckdb"),
    ("CSI_DB", "{tmp}/file/w.duckdb", "CSI_DB={tmp}/file/w.duckdb: a parent of the path is a file, not a directory"),
    ("CSI_WARC_DIR", "{tmp}/file", "CSI_WARC_DIR={tmp}/file is a file; it must name a directory for the WARC archive"),
    ("CSI_TASK_RUNNER", "fibers", "CSI_TASK_RUNNER='fibers' must be one of threads, processes, dask"),
    ("CSI_DASK_ADDRESS", "scheduler", "CSI_DASK_ADDRESS='scheduler' must be a Dask scheduler address like "
                                      "tcp://HOST:8786"),
    ("CSI_HOME", "{tmp}/absent", "CSI_HOME={tmp}/absent is not a directory; it must be the csi checkout prefect.yaml "
                                 "runs in"),
])
def test_a_bad_environment_variable_stops_every_command_in_one_line(tmp_path, monkeypatch, variable, value, message):
    (tmp_path / "file").write_text("not a directory")
    monkeypatch.setenv(variable, value.format(tmp=tmp_path))
    result = CliRunner().invoke(app, ["status"])
    assert result.exit_code == 2
    assert result.output.replace("\n", "") == f"Bad setting: {message.format(tmp=tmp_path)}"


def test_a_dask_runner_without_an_address_is_refused(monkeypatch):
    monkeypatch.setenv("CSI_TASK_RUNNER", "dask")
    monkeypatch.delenv("CSI_DASK_ADDRESS", raising=False)
    result = CliRunner().invoke(app, ["status"])
    assert (result.exit_code, result.output.strip()) == (2, "Bad setting: CSI_TASK_RUNNER=dask needs "
                                                             "CSI_DASK_ADDRESS=tcp://HOST:PORT (a running Dask "
                                                             "scheduler)")


def test_db_option_naming_a_directory_is_one_line(tmp_path):
    result = CliRunner().invoke(app, ["status", "--db", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.replace("\n", "") == (f"Bad setting: --db={tmp_path} is a directory; it must name a DuckDB "
                                                f"file, e.g. {tmp_path}/csi.duckdb")
