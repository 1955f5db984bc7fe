"""Property tests for the readers of Ofsted's record: provider pages, the search listing, the official outcomes
spreadsheets and the report text. Mutated fixtures (the mutations of tests/test_hostile_properties.py) either
parse or fail with a ValueError saying why, and the same input always gives the same result. Budget: EXAMPLES
examples per property, derandomized.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from hypothesis import event, given
from hypothesis import strategies as st

from csi.records import make_id
from pipeline.pages import Page, pages_to_batch
from scrapers.platforms.ofsted_site import discover as ofsted
from scrapers.platforms.ofsted_site.parse import publication_links
from tests.conftest import FETCHED_AT
from tests.loopback import make_source
from tests.test_hostile_properties import PROPERTY, mutated
from transforms.official_outcomes import read_outcomes
from transforms.ofsted_reports import parse_report

FIXTURES = Path(__file__).parent / "fixtures"
PLATFORMS = Path(__file__).parent / "platforms"
PROVIDER_PAGES = {p.name: p.read_bytes() for p in (PLATFORMS / "ofsted_site" / "fixtures").glob("provider_*.html")}
SEARCH_PAGES = {p.name: p.read_bytes() for p in (PLATFORMS / "ofsted_site" / "fixtures").glob("search_*.html")}
OUTCOMES = {p.name: p.read_bytes() for p in (FIXTURES / "official_outcomes").glob("*.csv")}
REPORT_TEXTS = {p.name: p.read_text(encoding="utf-8") for p in (PLATFORMS / "ofsted_pdf" / "fixtures").glob("*.txt")}
PROVIDER = "https://reports.ofsted.gov.uk/provider/44/80486"
OFSTED = make_source(name="ofsted", adapter="ofsted", doc_type="ofsted_provider_page")


def _outcome(call):
    """('ok', result) or ('error', the ValueError's text); anything else escapes and fails the property."""
    try:
        return "ok", call()
    except ValueError as exc:
        return "error", f"{type(exc).__name__}: {exc}"


@PROPERTY
@given(case=mutated(PROVIDER_PAGES))
def test_provider_pages_load_or_fail_as_their_own_parse_error(case):
    _, body, content_type = case
    page = Page(PROVIDER, body, content_type, FETCHED_AT, hashlib.sha256(body).hexdigest(), OFSTED, None)
    batch, errors = pages_to_batch([page])
    assert (batch, errors) == pages_to_batch([page])
    assert len(batch.documents) + len(errors) == 1
    assert not batch.ratings  # a provider page never carries a grade
    event("parsed" if batch.documents else f"parse_error {errors[0][1].split(':')[0]}")


@PROPERTY
@given(case=mutated({**PROVIDER_PAGES, **SEARCH_PAGES}))
def test_report_links_and_listing_pages_read_or_fail_with_a_reason(case):
    _, body, content_type = case
    links = _outcome(lambda: publication_links(body, PROVIDER, content_type))
    listing = _outcome(lambda: ofsted.parse_search_page(body, ofsted.search_url()))
    assert links == _outcome(lambda: publication_links(body, PROVIDER, content_type))
    assert listing == _outcome(lambda: ofsted.parse_search_page(body, ofsted.search_url()))
    event(f"links {links[0]}, listing {listing[0]}")


@PROPERTY
@given(case=mutated(OUTCOMES))
def test_official_outcomes_files_read_or_fail_with_a_reason(case):
    name, body, _ = case
    outcome = _outcome(lambda: read_outcomes(body, name, f"file:///{name}", FETCHED_AT))
    assert outcome == _outcome(lambda: read_outcomes(body, name, f"file:///{name}", FETCHED_AT))
    if outcome[0] == "ok":
        # identified by its content, wherever it was read from
        assert outcome[1].document.document_id == make_id("document", "ofsted_mi", hashlib.sha256(body).hexdigest())
    event(outcome[0])


@st.composite
def damaged_text(draw):
    """A report's text with lines dropped, duplicated or cut short, as a damaged text layer gives it."""
    lines = REPORT_TEXTS[draw(st.sampled_from(sorted(REPORT_TEXTS)))].split("\n")
    for _ in range(draw(st.integers(1, 12))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(("drop", "repeat", "cut")))
        if action == "drop":
            del lines[at]
        elif action == "repeat":
            lines.insert(at, lines[at])
        else:
            lines[at] = lines[at][:draw(st.integers(0, len(lines[at])))]
    return "\n".join(lines)


@PROPERTY
@given(text=damaged_text())
def test_report_text_parses_to_a_record_or_none_and_always_the_same(text):
    report = parse_report(text)
    assert report == parse_report(text)
    if report is not None and report.framework in ("focused_visit", "monitoring_visit", "jtai"):
        assert not report.judgements  # visits and letters never carry a grade
    event("record" if report else "none")
