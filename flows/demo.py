"""The demo flow: serve the bundled sample site on loopback and ingest it, offline."""

from __future__ import annotations

from prefect import flow
from prefect.states import Completed, Failed

from csi.sample_site import DEMO_PORT, SOURCES_FILE, serve_site
from flows.ingest import ingest


@flow(name="demo")
def demo(db: str | None = None, warc_dir: str | None = None, port: int = DEMO_PORT):
    """Start a 127.0.0.1 server over csi/samples/site and run `ingest` against it."""
    with serve_site(port=port) as base_url:
        state = ingest(sources_file=str(SOURCES_FILE), db=db, base_url=base_url, warc_dir=warc_dir,
                       return_state=True)
    summary = state.result(raise_on_failure=False)
    if state.is_completed():
        return Completed(message=state.message, data=summary)
    return Failed(message=state.message, data=summary)
