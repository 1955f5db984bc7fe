"""Adding a platform takes one folder and one registry line: the toy noticeboard (this folder) is
registered, named by a source with two councils, and crawled by the real ingest flow over loopback."""

from __future__ import annotations

import dataclasses

from scrapers.platforms import PLATFORMS
from tests.conftest import db_rows
from tests.loopback import Loopback
from tests.platforms.toy import noticeboard

HILLINGDON, HOUNSLOW = "E09000017", "E09000018"
SOURCES = """
[[source]]
name = "noticeboard"
adapter = "toy"
publisher = "Council noticeboards"
doc_type = "news"
councils = ["E09000017", "E09000018"]
each_name = "{council}-notices"
min_delay_seconds = 0.0
allow_private_addresses = true
"""


def _notice(title: str, day: str, text: str) -> bytes:
    return (f"<html><body><h1>{title}</h1><time datetime='{day}'>{day}</time><p>{text}</p>"
            "<p>Posted by the communications team.</p></body></html>").encode()


def test_a_toy_platform_is_crawled_parsed_and_loaded_through_the_registry(prefect_harness, tmp_path, monkeypatch):
    from flows.ingest import ingest

    with Loopback() as site:
        for council, number, text in [
            ("hillingdon", 1, "The London Borough of Hillingdon welcomed the inspectors' letter on its services."),
            ("hounslow", 7, "The London Borough of Hounslow published its improvement plan for children's services."),
        ]:
            site.route(f"/{council}/notices/", body=f"<a href='/{council}/notices/{number}'>notice</a>".encode())
            site.route(f"/{council}/notices/{number}", body=_notice(f"Notice {number}", "2025-03-04", text))
        toy = noticeboard({HILLINGDON: site.url("/hillingdon"), HOUNSLOW: site.url("/hounslow")},
                          overrides={HOUNSLOW: lambda s: dataclasses.replace(s, doc_type="press_release")})
        monkeypatch.setitem(PLATFORMS, toy.name, toy)  # the registry line
        sources = tmp_path / "sources.toml"
        sources.write_text(SOURCES)
        db = tmp_path / "csi.duckdb"
        state = ingest(sources_file=str(sources), db=str(db), return_state=True)
    assert state.is_completed(), state.message
    assert db_rows(db, "SELECT source, doc_type, parser, title, published_on::VARCHAR FROM documents ORDER BY source"
                   ) == [("hillingdon-notices", "news", "toy@1", "Notice 1", "2025-03-04"),
                         ("hounslow-notices", "press_release", "toy@1", "Notice 7", "2025-03-04")]  # the override
    assert db_rows(db, "SELECT d.source, c.council_code FROM document_councils c JOIN documents d USING (document_id) "
                   "ORDER BY 1") == [("hillingdon-notices", HILLINGDON), ("hounslow-notices", HOUNSLOW)]
    assert site.hits["/hillingdon/notices/1"] == 1 and site.hits["/hounslow/notices/7"] == 1
