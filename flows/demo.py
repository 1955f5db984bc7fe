"""The demo flow: serve the bundled sample site on loopback and ingest it, offline.

The site holds five news and minutes pages, and a copy of GOV.UK's Search and Content API answers for Ofsted's
official outcomes edition with its data workbook: the official-statistics flow loads it through the same code
path as the scheduled source, so the demo warehouse has every current council's official judgements.
"""

from __future__ import annotations

from prefect import flow
from prefect.states import Completed, Failed

from csi.sample_site import DEMO_PORT, SOURCES_FILE, serve_site
from flows.ingest import ingest
from flows.official_statistics import official_statistics


@flow(name="demo")
def demo(db: str | None = None, warc_dir: str | None = None, port: int = DEMO_PORT):
    """Start a 127.0.0.1 server over csi/samples/site, run `ingest` and `official-statistics` against it."""
    with serve_site(port=port) as base_url:
        state = ingest(sources_file=str(SOURCES_FILE), db=db, base_url=base_url, warc_dir=warc_dir,
                       return_state=True)
        official = official_statistics(db=db, base_url=base_url, warc_dir=warc_dir, min_delay_seconds=0.0,
                                       return_state=True)
    summary = state.result(raise_on_failure=False)
    statistics = official.result(raise_on_failure=False)
    if isinstance(summary, dict) and isinstance(statistics, dict):
        summary = {**summary, "tables": statistics["tables"], "official_statistics": official.message}
    message = f"{state.message}; {official.message}"
    if state.is_completed() and official.is_completed():
        return Completed(message=message, data=summary)
    return Failed(message=message, data=summary)
