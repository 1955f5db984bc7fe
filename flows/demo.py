"""The demo flow: serve the bundled sample site on loopback and ingest it, offline.

The site holds five news and minutes pages, and a copy of GOV.UK's Search and Content API answers for Ofsted's
official outcomes edition with its data workbook: the official-statistics flow loads it through the same code
path as the scheduled source, so the demo warehouse has every current council's official judgements.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow
from prefect.states import Completed

from csi.paths import resolve_demo_db
from csi.sample_site import SOURCES_FILE, serve_site
from flows.ingest import ingest
from flows.official_statistics import official_statistics
from pipeline.runs import DEMO_TIMEOUT_SECONDS, run_failed, summary_of


@flow(name="demo", timeout_seconds=DEMO_TIMEOUT_SECONDS)
def demo(db: str | None = None, warc_dir: str | None = None, port: int = 0):
    """Start a 127.0.0.1 server over csi/samples/site (on a free port unless `port`), run `ingest` and
    `official-statistics` against it.

    It writes its own warehouse (data/demo.duckdb, or CSI_DEMO_DB; never CSI_DB's) and its own archive beside
    it, and its runs are recorded as demo-ingest (artifact `demo-ingest-summary`, or the deployment's name).
    """
    db_path = resolve_demo_db(db)
    warc = str(Path(warc_dir or db_path.parent / f"{db_path.stem}-warc").absolute())  # stored in fetches
    try:
        with serve_site(port=port) as base_url:
            state = ingest.with_options(name="demo-ingest")(
                sources_file=str(SOURCES_FILE), db=str(db_path), base_url=base_url, warc_dir=warc, return_state=True)
            official = official_statistics(db=str(db_path), base_url=base_url, warc_dir=warc, min_delay_seconds=0.0,
                                           return_state=True)
    except OSError as exc:  # the port is taken: the message says so in one line
        return run_failed(str(exc))
    summary, statistics = summary_of(state), summary_of(official)
    if summary is not None and statistics is not None:
        summary = {**summary, "tables": statistics["tables"], "official_statistics": official.message}
    message = f"{state.message}; {official.message}"
    if state.is_completed() and official.is_completed():
        return Completed(message=message, data=summary)
    return run_failed(message, summary)
