"""Ofsted's reports site: provider pages to inspections, and discovery listing -> provider pages -> PDFs (loopback)."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from csi.records import Inspection
from csi.reference import provider_urn
from scrapers.http import Fetcher, PreviousFetch
from scrapers.platforms import parse_page
from scrapers.platforms.ofsted_pdf.parse import PdfUnreadable
from scrapers.platforms.ofsted_site import discover as ofsted
from scrapers.platforms.ofsted_site.parse import NotAProviderPage, parse_provider_page, publication_links
from tests.loopback import make_source
from transforms.extract import extract
from transforms.inspections import DOC_TYPE_RANK, inspection_id, resolve_identities
from transforms.ofsted_site import entry_framework, provider_entries, unknown_entries

FIXTURES = Path(__file__).parent / "fixtures"
FETCHED_AT = datetime(2026, 1, 1, 12, 0)
BARKING, BARNET, HILLINGDON = "E09000002", "E09000003", "E09000017"
FILES = "https://files.ofsted.gov.uk/v1/file/"
PROVIDER = "https://reports.ofsted.gov.uk/provider/44/"
PDF = b"%PDF-1.4\n% a stand-in for an Ofsted report\n%%EOF\n"


def _fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def _source(**overrides):
    fields = dict(name="ofsted", adapter="ofsted", publisher="Ofsted", doc_type="ofsted_provider_page",
                  documents=(re.compile(r"/provider/44/\d+$"), re.compile(r"/v1/file/\d+$")))
    fields.update(overrides)
    return make_source(**fields)


def _parse(urn: str):
    body = _fixture(f"provider_{urn}.html")
    return parse_provider_page(f"{PROVIDER}{urn}", body, "text/html; charset=utf-8", FETCHED_AT, _source(),
                               hashlib.sha256(body).hexdigest())


# --------------------------------------------------------------------------- the provider page

def test_provider_page_lists_its_reports_newest_first_with_publication_dates():
    links = publication_links(_fixture("provider_80486.html"), f"{PROVIDER}80486")
    assert [(link.label, link.published_on, link.url) for link in links] == [
        ("Focused visit", date(2025, 4, 29), f"{FILES}50270001"),
        ("Children's services inspection", date(2023, 9, 4), f"{FILES}50226002"),
        ("Joint targeted area inspection", date(2022, 2, 14), f"{FILES}50176003"),
        ("Monitoring visit", date(2021, 11, 19), f"{FILES}50173004"),
        ("Children's services inspection", date(2019, 4, 1), f"{FILES}50071005"),
        ("Children's services inspection", date(2014, 7, 7), f"{FILES}2401006"),
        ("Safeguarding and looked after children inspection", date(2012, 7, 27), f"{FILES}1950007"),
    ]


def test_provider_page_document():
    doc = _parse("80486")
    assert (doc.doc_type, doc.title, doc.publisher, doc.parser) == (
        "ofsted_provider_page", "Barking and Dagenham", "Ofsted", "ofsted_site@1")
    assert doc.published_on == date(2025, 4, 29)  # the newest report listed
    assert doc.profile_miss is None
    assert doc.blocks[0].text == f"Focused visit | 2025-04-29 | {FILES}50270001"
    assert provider_urn(doc.url) == "80486"


def test_provider_page_yields_one_inspection_per_report_and_no_ratings():
    out = extract(_parse("80486"))
    rows = [(i.framework, i.inspectorate, i.published_on, i.report_url) for i in out.inspections]
    assert rows == [
        ("focused_visit", "ofsted", date(2025, 4, 29), f"{FILES}50270001"),
        ("ilacs_standard", "ofsted", date(2023, 9, 4), f"{FILES}50226002"),
        ("jtai", "joint", date(2022, 2, 14), f"{FILES}50176003"),
        ("monitoring_visit", "ofsted", date(2021, 11, 19), f"{FILES}50173004"),
        ("ilacs_standard", "ofsted", date(2019, 4, 1), f"{FILES}50071005"),
        ("sif", "ofsted", date(2014, 7, 7), f"{FILES}2401006"),
        ("slac", "ofsted", date(2012, 7, 27), f"{FILES}1950007"),
    ]
    assert {i.council_code for i in out.inspections} == {BARKING}
    assert [i.inspection_id for i in out.inspections[:2]] == [
        inspection_id(BARKING, "focused_visit", 2025, 4), inspection_id(BARKING, "ilacs_standard", 2023)]
    assert out.ratings == [] and out.findings == []
    assert [(d.council_code, d.mentions) for d in out.document_councils] == [(BARKING, 7)]
    assert {d.inspection_id for d in out.document_inspections} == {i.inspection_id for i in out.inspections}


def test_short_inspection_label_and_the_council_from_the_urn():
    out = extract(_parse("80487"))
    assert [(i.council_code, i.framework, i.published_on) for i in out.inspections] == [
        (BARNET, "ilacs_short", date(2024, 7, 23)), (BARNET, "monitoring_visit", date(2018, 2, 2))]
    assert [e.label for e in provider_entries(_parse("80487"))] == [
        "Children's services inspection - short inspection", "Monitoring visit"]


@pytest.mark.parametrize(("label", "published", "framework"), [
    ("Children's services inspection", date(2023, 9, 4), "ilacs_standard"),
    ("Children's services inspection", date(2016, 3, 1), "sif"),
    ("Children's services re-inspection", date(2017, 5, 2), "sif_reinspection"),
    ("Focused visit", date(2020, 1, 10), "focused_visit"),
    ("Joint targeted area inspection", date(2019, 6, 1), "jtai"),
    ("Child protection inspection", date(2012, 5, 1), "safeguarding_la"),
    ("Annual conversation letter", date(2019, 6, 1), "other"),
    ("Joint area child protection inspection", date(2008, 3, 1), "jtai"),
    ("Area SEND full inspection", date(2025, 1, 9), None),
    ("Area SEND revisit", date(2023, 1, 9), None),
    ("Something Ofsted has not published before", date(2026, 1, 9), "other"),
])
def test_entry_framework(label, published, framework):
    assert entry_framework(label, published) == framework


KENT = "E10000016"


def test_real_format_page_yields_the_documented_inspections_of_every_kind():
    """The site's "<label>, pdf - <date>" form: clean labels; standard and short inspections look alike (both
    ilacs_standard until a report's visit length says short); focused and monitoring visits; a JTAI and a joint
    area child protection inspection (jtai); Area SEND inspections and revisits yield no inspection; an unknown
    kind is other, and noted for the run summary."""
    doc = _parse("80476")
    entries = provider_entries(doc)
    assert [(e.label, e.published_on) for e in entries][:3] == [
        ("Children's services inspection", date(2026, 2, 2)), ("Area SEND full inspection", date(2025, 7, 15)),
        ("children's services focused visit", date(2024, 8, 1))]
    assert not any("pdf" in e.label.lower() for e in entries)
    out = extract(doc)
    assert [(i.framework, i.inspectorate, i.published_on) for i in out.inspections] == [
        ("ilacs_standard", "ofsted", date(2026, 2, 2)),
        ("focused_visit", "ofsted", date(2024, 8, 1)),
        ("monitoring_visit", "ofsted", date(2023, 5, 11)),
        ("ilacs_standard", "ofsted", date(2022, 11, 8)),
        ("jtai", "joint", date(2022, 3, 9)),
        ("other", "ofsted", date(2019, 6, 18)),
        ("jtai", "joint", date(2008, 11, 25)),
    ]
    assert {i.council_code for i in out.inspections} == {KENT} and out.ratings == []
    assert unknown_entries(doc.text) == ["Annual engagement meeting summary"]


def test_the_report_decides_short_or_standard_for_the_listed_inspection():
    listed = next(i for i in extract(_parse("80476")).inspections if i.published_on == date(2026, 2, 2))
    report = Inspection(inspection_id(KENT, "ilacs_short", 2025), KENT, "ofsted", "ilacs_short", date(2025, 11, 3),
                        date(2025, 11, 7), None, "A Lead", f"{FILES}50294428")
    resolution = resolve_identities([(listed, DOC_TYPE_RANK["ofsted_provider_page"])],
                                    [(report, DOC_TYPE_RANK["ofsted_report"])])
    (row,) = resolution.rows
    assert (row.inspection_id, row.framework, row.published_on, row.framework_version) == (
        report.inspection_id, "ilacs_short", date(2026, 2, 2), "ilacs-2023")


def test_a_page_without_reports_is_a_loud_miss_and_a_pdf_is_not_a_provider_page():
    doc = _parse("80503")
    assert doc.blocks == [] and doc.profile_miss == "ofsted provider page: no a.publication-link"
    assert extract(doc).inspections == []
    with pytest.raises(NotAProviderPage):
        parse_provider_page(f"{FILES}1", PDF, "application/pdf", FETCHED_AT, _source(), "x")
    # Through parse_page, the source's PDFs go to the report adapter, which refuses this stand-in.
    with pytest.raises(PdfUnreadable):
        parse_page(f"{FILES}1", PDF, "application/pdf", FETCHED_AT, _source(), hashlib.sha256(PDF).hexdigest())


def test_a_provider_page_of_an_unknown_urn_yields_nothing():
    body = _fixture("provider_80486.html")
    doc = parse_provider_page(f"{PROVIDER}99999999", body, "text/html", FETCHED_AT, _source(), "x")
    assert extract(doc).inspections == [] and provider_entries(doc)


# --------------------------------------------------------------------------- discovery

def test_search_page_links_and_next_page():
    base = ofsted.search_url()
    page = ofsted.parse_search_page(_fixture("search_page_1.html"), base)
    assert page.provider_urls == [f"{PROVIDER}80486", f"{PROVIDER}80487", f"{PROVIDER}80501"]
    assert page.next_url == ofsted.search_url(start=100)
    last = ofsted.parse_search_page(_fixture("search_page_2.html"), ofsted.search_url(start=100))
    assert last.provider_urls == [f"{PROVIDER}80503"] and last.next_url is None


def test_reference_urns_cover_the_councils():
    urns = ofsted.reference_urns()
    assert {"80486", "80487", "80501", "80503"} <= set(urns) and len(urns) >= 150


def _serve(site):
    def local(body: bytes) -> bytes:
        return body.replace(b"https://files.ofsted.gov.uk", site.base.encode()).replace(
            b"https://reports.ofsted.gov.uk", site.base.encode())

    site.route(ofsted.search_url(site="", start=0), body=_fixture("search_page_1.html"))
    site.route(ofsted.search_url(site="", start=100), body=_fixture("search_page_2.html"))
    for urn in ("80486", "80487", "80501", "80503"):
        site.route(f"/provider/44/{urn}", body=local(_fixture(f"provider_{urn}.html")))
    for path in re.findall(rb"/v1/file/\d+", b"".join(_fixture(f"provider_{u}.html") for u in ("80486", "80487",
                                                                                             "80501"))):
        site.route(path.decode(), body=PDF, content_type="application/pdf")


def test_crawl_goes_from_the_listing_through_pagination_to_provider_pages_and_pdfs(site):
    _serve(site)
    source = _source(start_urls=(ofsted.search_url(site.base),))
    seen = []
    result = ofsted.crawl_ofsted(source, Fetcher("test-run", None, backoff_seconds=0.0), on_fetch=seen.append,
                                 urns=["80442"])  # Buckinghamshire: not in the listing, from the reference data
    assert seen == result.fetches  # every request is reported as it happens
    paths = [f.url[len(site.base):] for f in result.fetches]
    assert paths[:2] == [ofsted.search_url(site="", start=0), ofsted.search_url(site="", start=100)]
    assert paths[2:7] == ["/provider/44/80486", "/provider/44/80487", "/provider/44/80501", "/provider/44/80503",
                          "/provider/44/80442"]
    documents = [r.row.url[len(site.base):] for r in result.documents]
    assert documents[:4] == ["/provider/44/80486", "/provider/44/80487", "/provider/44/80501",
                             "/provider/44/80503"]
    pdfs = documents[4:]
    assert len(pdfs) == 10 and all(p.startswith("/v1/file/") for p in pdfs)
    assert {r.row.content_type for r in result.documents[4:]} == {"application/pdf"}
    assert all(r.row.is_document for r in result.documents)
    assert [f.outcome for f in result.failures] == ["http_error"]  # the URN with no page here
    assert all(site.hits[p] == 1 for p in paths)


def test_second_crawl_skips_fresh_pdfs_and_keeps_unchanged_provider_pages_unparsed(site):
    _serve(site)
    source = _source(start_urls=(ofsted.search_url(site.base),))
    fetcher = Fetcher("test-run", None, backoff_seconds=0.0)
    first = ofsted.crawl_ofsted(source, fetcher, urns=[])
    known = {r.row.url: PreviousFetch(r.row.etag, r.row.last_modified, r.row.content_sha256, r.row.requested_at)
             for r in first.documents}
    second = ofsted.crawl_ofsted(source, fetcher, known=known, urns=[])
    assert second.documents == []
    assert len(second.unchanged) == 4 and len(second.fresh) == 10
    assert site.hits["/provider/44/80486"] == 2 and site.hits["/v1/file/50226002"] == 1


def test_discovery_stops_at_the_request_budget(site):
    _serve(site)
    found = ofsted.discover_reports(_source(start_urls=(ofsted.search_url(site.base),), max_pages=3),
                            Fetcher("test-run", None, backoff_seconds=0.0), urns=[])
    assert len(found.fetches) == 3 and found.truncated
    assert [r.row.url for r in found.provider_pages] == [site.url("/provider/44/80486")]
    assert len(found.report_urls) == 7


def test_an_unreadable_provider_page_is_noted_and_the_crawl_goes_on(site):
    _serve(site)
    site.route("/provider/44/80487", body=b"<html><body>" + b"<div>" * 10000 + b"x")  # 10,000 deep
    site.route(ofsted.search_url(site="", start=100), body=b"\x00\xff" * 5000)  # a listing page of binary junk
    source = _source(start_urls=(ofsted.search_url(site.base),))
    result = ofsted.crawl_ofsted(source, Fetcher("t", None, backoff_seconds=0.0), urns=[])
    provider_pages = [f.row.url for f in result.documents if "/provider/" in f.row.url]
    assert site.base + "/provider/44/80487" in provider_pages  # kept as a document: its parse is its parse_error
    assert any("/v1/file/" in f.row.url for f in result.documents)  # the other pages' reports are still fetched


def test_unknown_kinds_are_noted_in_the_run_summary():
    from pipeline.runs import _markdown

    doc = _parse("80476")
    notes = [f"{doc.url}: {label}" for label in unknown_entries(doc.text)]
    text = _markdown("ingest", {"tables": {"inspections": 8}, "unknown_listings": notes})
    assert "Provider-page entries of an unknown kind, recorded as framework other: 1" in text
    assert f"- {PROVIDER}80476: Annual engagement meeting summary" in text
