"""Shared fixtures: offline Prefect, the bundled sample site on loopback, parsed sample documents."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

# Quiet and offline: a throwaway Prefect home (database, result cache) per test process (pytest-xdist runs two,
# which must not share one SQLite database), no telemetry, a patient API start.
os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="csi-test-prefect-")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
# A crawl task whose every fetch failed is retried after 10 and 60 s in production; here not at all
# (tests/test_crawl_tasks.py shows the retries firing).
os.environ.setdefault("CSI_CRAWL_RETRY_DELAYS", "")

import pytest  # noqa: E402

from csi.sample_site import SITE_DIR, SOURCES_FILE  # noqa: E402
from scrapers.platforms import parse_page  # noqa: E402
from scrapers.sources import load_sources  # noqa: E402

FETCHED_AT = datetime(2026, 1, 1, 12, 0, 0)


# `make test` runs the modules on two xdist workers, one module at a time each (--dist loadscope). xdist would
# hand them out by their number of tests, which leaves the few long tests of the real Prefect server (mostly
# waiting on its scheduler and served runs) to the end, on one worker while the other is idle. The modules that
# take longest start first instead, then the rest in collection order.
LONGEST_FIRST = ("test_real_server.py", "test_maintenance.py", "test_analyst.py", "test_official_outcomes.py",
                 "test_scale.py", "test_hostile_properties.py", "test_flow.py", "test_hostile_warehouse.py")


def pytest_configure(config):
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False  # keep the order of pytest_collection_modifyitems below


def pytest_collection_modifyitems(items):
    def rank(item) -> int:
        name = item.path.name
        return LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: each module's tests stay together and in their order


@pytest.fixture(scope="module", autouse=True)
def _without_the_official_record(request):
    """Tests of the language read invented facts about real councils ("Barnet was rated good in 2019"), which
    Ofsted's official record would re-date: they read the language alone. A module marked
    `pytestmark = pytest.mark.official_record` (the linkage's own tests, the gold set, the modules over the demo
    warehouse, which `demo_warehouse` builds as production does) gets the packaged record."""
    if request.node.get_closest_marker("official_record") is not None:
        yield
        return
    import transforms.extract

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(transforms.extract, "official_record", lambda: ({}, None))
        yield

# One page per seed document of the sample site, keyed by the source that publishes it.
SAMPLE_PAGES = {
    "sample-lgc": ("lgc/news/hillingdon-services-still-poor.html", "/lgc/news/hillingdon-services-still-poor.html"),
    "sample-csnews": ("csnews/news/ofsted-praises-hillingdon-childrens-services.html",
                      "/csnews/news/ofsted-praises-hillingdon-childrens-services.html"),
    "sample-cypnow": (
        "cypnow/news/article/london-council-rated-requires-improvement-after-management-failings.html",
        "/cypnow/news/article/london-council-rated-requires-improvement-after-management-failings.html"),
    "sample-hounslow-chronicle": ("hounslowchronicle/news/local-childrens-services-require-improvement.html",
                                  "/hounslowchronicle/news/local-childrens-services-require-improvement.html"),
    "sample-hillingdon-moderngov": ("moderngov/mgAi.aspx/ID=12345.html", "/moderngov/mgAi.aspx?ID=12345"),
}
SAMPLE_BASE = "http://127.0.0.1:8000"


def db_rows(db, sql: str, params: list | None = None, wait_seconds: float = 60) -> list[tuple]:
    """Rows of a query on a warehouse file, opened read-only and closed again (a flow may write it next).

    A served deployment may hold the file for a moment (its schedule fires while a test reads): wait for it,
    bounded, as the product's writers do, instead of failing on DuckDB's lock conflict.
    """
    import time

    import duckdb

    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            con = duckdb.connect(str(db), read_only=True)
        except duckdb.IOException as error:
            if "lock" not in str(error).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.2)
            continue
        try:
            return con.execute(sql, params or []).fetchall()
        finally:
            con.close()


@pytest.fixture(scope="session")
def sample_sources():
    return {s.name: s for s in load_sources(SOURCES_FILE, base_url=SAMPLE_BASE).sources}


def parse_sample(source, name: str):
    file, path = SAMPLE_PAGES[name]
    body = (SITE_DIR / file).read_bytes()
    return parse_page(SAMPLE_BASE + path, body, "text/html; charset=utf-8", FETCHED_AT, source,
                      hashlib.sha256(body).hexdigest())


@pytest.fixture(scope="session")
def sample_docs(sample_sources):
    """Every sample page parsed by its source's adapter, keyed by source name."""
    return {name: parse_sample(sample_sources[name], name) for name in SAMPLE_PAGES}


@pytest.fixture(scope="session")
def prefect_harness():
    """One ephemeral Prefect API for the whole session (it takes ~15 s to start).

    Its flow runs send no heartbeats (the server's crash detection, which no test here relies on): a flow run's
    heartbeat thread sleeps in whole seconds, and the run waits up to one of them for it at its end, in every
    flow and subflow. The served runs of tests/test_real_server.py keep Prefect's default."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120), \
            temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


@pytest.fixture
def site():
    """A scriptable HTTP server on 127.0.0.1 (see tests/loopback.py)."""
    from tests.loopback import Loopback

    with Loopback() as server:
        yield server


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory):
    """One real `prefect server start` (its own home, a 1 s scheduler loop) for every test that needs one."""
    from tests.prefect_server import PrefectServer

    with PrefectServer(tmp_path_factory.mktemp("prefect-server")) as server:
        yield server


@pytest.fixture(scope="session")
def demo_warehouse(request, tmp_path_factory):
    """One demo run over the sample site for the whole session (it takes several seconds): the warehouse file,
    the loopback port it was served on, the run's summary. Modules take their own copy (`copy_demo_warehouse`).

    Under pytest-xdist the workers share it: the first to ask builds it in the session's common temporary
    directory, under a lock the other waits on."""
    import fcntl
    import json

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the session's directory, above each worker's own
    directory = shared / "demo-warehouse"
    db, summary_file = directory / "csi.duckdb", directory / "summary.json"
    with open(shared / "demo-warehouse.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not summary_file.exists():
            request.getfixturevalue("prefect_harness")  # only the worker that runs the demo needs a Prefect API
            summary = _demo_run(db)
            summary_file.write_text(json.dumps(summary), encoding="utf-8")
            assert json.loads(summary_file.read_text(encoding="utf-8")) == summary  # shared as it was
    ports = {url.split("/")[2].rsplit(":", 1)[1] for (url,) in db_rows(db, "SELECT url FROM fetches")}
    assert len(ports) == 1, ports
    return db, int(ports.pop()), json.loads(summary_file.read_text(encoding="utf-8"))


def _demo_run(db: Path) -> dict:
    import transforms.extract
    from flows.demo import demo
    from transforms.official_record import official_record

    db.parent.mkdir(parents=True, exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:  # production's reading, whichever module asked for it first
        patch.setattr(transforms.extract, "official_record", official_record)
        state = demo(db=str(db), return_state=True)  # on a free port of its choosing
    assert state.is_completed(), state.message
    return state.result()


def offline_sources(path: Path, base: str = "{base}") -> Path:
    """The sample sources (written to `path`, `{base}` filled in when given) with their retries of a refused
    connection not spaced out (tests/test_http.py shows the backoff), so that a crawl of a closed port fails at
    once instead of after seconds of backoff per URL."""
    text = SOURCES_FILE.read_text().replace("[defaults]\n", "[defaults]\nbackoff_seconds = 0\n", 1)
    assert "backoff_seconds = 0" in text
    path.write_text(text.replace("{base}", base))
    return path


def copy_demo_warehouse(demo_warehouse, directory) -> Path:
    """A private copy of the session's demo warehouse (its fetches still point into the session's archive)."""
    copy = Path(directory) / "csi.duckdb"
    shutil.copyfile(demo_warehouse[0], copy)
    return copy
