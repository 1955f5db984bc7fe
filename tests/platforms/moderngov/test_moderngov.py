"""ModernGov: the four page types, and discovery through the web service or the HTML pages (loopback only)."""

from __future__ import annotations

import csv
import hashlib
from datetime import date, datetime
from pathlib import Path

import pytest
from lxml import etree

from csi.reference import council_sites
from pipeline.pages import read_page
from scrapers.crawl import crawl
from scrapers.http import Fetcher
from scrapers.platforms import parse_page
from scrapers.platforms.moderngov import discover as mg
from scrapers.platforms.moderngov.parse import NO_CONTENT_AREA, page_type, parse_moderngov
from tests.loopback import make_source

FIXTURES = Path(__file__).parent / "fixtures"
XML = "text/xml; charset=utf-8"
FETCHED_AT = datetime(2026, 1, 1, 12, 0)
SINCE, UNTIL = date(2020, 1, 1), date(2023, 12, 31)
# The Ofsted items of the children's committees (140 scrutiny, 141 corporate parenting) in 2020-2023,
# in meeting-date order: (item id, meeting date, where Ofsted is mentioned).
EXPECTED = [(50022, date(2022, 9, 12), "title"), (50012, date(2023, 3, 6), "title"),
            (50013, date(2023, 3, 6), "text"), (51012, date(2023, 4, 20), "title")]
ROOT = Path(__file__).resolve().parents[3]


def _source(**overrides):
    fields = dict(name="anytown-moderngov", adapter="moderngov", publisher="Anytown Council", doc_type="minutes",
                  documents=())
    fields.update(overrides)
    return make_source(**fields)


def _fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def _parse(name: str, url: str):
    body = _fixture(f"pages/{name}")
    return parse_moderngov(url, body, "text/html; charset=utf-8", FETCHED_AT, _source(),
                           hashlib.sha256(body).hexdigest())


# --------------------------------------------------------------------------- the adapter

CHROME = ["Powered by Modern.Gov", "Back to agenda", "Print this page", "Committee details", "Issue history",
          "Help", "Committees"]


@pytest.mark.parametrize("name, url, title, published_on, must_have", [
    ("mgAi.html", "http://127.0.0.1/mgAi.aspx?ID=50012",
     "5. Ofsted Inspection of Local Authority Children's Services (ILACS)", date(2023, 3, 6),
     ["Ofsted had judged the overall effectiveness of children's services in Anytown to be good.",
      "Minutes:", "RESOLVED: That the report be noted."]),
    ("ieListDocuments.html", "http://127.0.0.1/ieListDocuments.aspx?CId=140&MId=7001",
     "Children and Young People Scrutiny Committee - Monday, 6th March, 2023 7.00 pm", date(2023, 3, 6),
     ["5. Ofsted Inspection of Local Authority Children's Services (ILACS)",
      "Ofsted had judged the overall effectiveness of children's services to be good.", "6. Work Programme"]),
    ("ieIssueDetails.html", "http://127.0.0.1/ieIssueDetails.aspx?IId=9001&Opt=3",
     "Ofsted focused visit: children in need and child protection", date(2023, 2, 14),
     ["Ofsted carried out a focused visit to Anytown's services", "Decision status:"]),
    ("ieDecisionDetails.html", "http://127.0.0.1/ieDecisionDetails.aspx?ID=8001",
     "Ofsted focused visit: children in need and child protection", date(2023, 2, 14),
     ["Cabinet noted that inspectors found that children in need of help and protection",
      "approved the action plan addressing the two areas for improvement identified by Ofsted"]),
])
def test_page_types_parse(name, url, title, published_on, must_have):
    doc = _parse(name, url)
    assert (doc.title, doc.published_on, doc.parser, doc.profile_miss) == (title, published_on, "moderngov@2", None)
    for text in must_have:
        assert text in doc.text
    for chrome in CHROME:
        assert chrome not in doc.text, chrome
    assert doc.text == "\n\n".join(b.text for b in doc.blocks)


def test_meeting_page_is_agenda_headings_then_minutes():
    doc = _parse("ieListDocuments.html", "http://127.0.0.1/ieListDocuments.aspx?CId=140&MId=7001")
    assert [b.text for b in doc.blocks if b.kind == "heading" and b.level == 3] == [
        "1. Apologies for absence", "5. Ofsted Inspection of Local Authority Children's Services (ILACS)",
        "5a Improvement plan following the inspection", "6. Work Programme"]
    # the sub-item's minutes belong to the sub-item only; links and documents are not text
    assert doc.text.count("The Committee endorsed the improvement plan.") == 1
    for noise in ("View the minutes for this item", "PDF 512 KB", "Venue:", "Agenda frontsheet"):
        assert noise not in doc.text


def test_decision_date_is_the_meeting_that_decided_not_publication():
    doc = _parse("ieDecisionDetails.html", "http://127.0.0.1/ieDecisionDetails.aspx?ID=8001")
    assert doc.published_on == date(2023, 2, 14)  # not the publication date 16/02/2023


def test_page_type_from_the_main_title_when_the_url_does_not_tell():
    doc = _parse("ieDecisionDetails.html", "http://127.0.0.1/democracy/decision/8001")
    assert doc.published_on == date(2023, 2, 14) and doc.title.startswith("Ofsted focused visit")
    assert page_type("http://127.0.0.1/x/MGAI.ASPX?ID=1") == "agenda_item"


def test_meeting_page_without_an_item_table_is_a_loud_profile_miss():
    body = _fixture("pages/ieListDocuments.html").replace(b"mgItemTable", b"newTable").replace(b"mgAiTitleTxt",
                                                                                               b"newTitle")
    doc = parse_moderngov("http://127.0.0.1/ieListDocuments.aspx?CId=140&MId=7001", body, "text/html", FETCHED_AT,
                          _source(), "x")
    assert doc.profile_miss and "mgItemTable" in doc.profile_miss
    assert "Ofsted had judged the overall effectiveness" in doc.text  # generic reading of the content area


def test_a_page_in_a_councils_own_theme_is_read_generically_and_the_miss_recorded():
    """No #modgov/.mgContent (a council's theme): the minutes are read as a generic page, not lost."""
    doc = _parse("ieListDocuments_themed.html", "http://127.0.0.1/ieListDocuments.aspx?CId=1108&MId=9001")
    assert (doc.parser, doc.profile_miss, doc.doc_type) == ("moderngov@2", NO_CONTENT_AREA, "minutes")
    assert "graded outstanding, a step up from the good judgement" in doc.text
    for chrome in ("Skip to main content", "Powered by Modern.Gov", "Cookies"):
        assert chrome not in doc.text


_TEMPLATED_MEETING = """<html><head><title>{title}</title></head><body><div id="modgov">{heading}
<div class="mgContent"><h3>4. Ofsted inspection</h3><p>The report of 3 May 2023 was noted. Inspectors had visited
in the spring.</p></div></div></body></html>"""


@pytest.mark.parametrize("heading, title", [
    # a council template's own elements for ModernGov's title classes
    ('<span class="mgMainTitleTxt">Minutes</span><p class="mgSubTitleTxt">Corporate Parenting Panel, Wednesday, '
     '4th October, 2023 6.00 pm</p>', "Minutes"),
    ('<h1 class="mgMainTitleTxt">Agenda and minutes</h1><div class="mgSubTitleTxt">Cabinet - 4 October 2023</div>',
     "Agenda and minutes"),
    # no subtitle: the page's title names the meeting
    ("", "Minutes - Scrutiny Board, Wednesday, 4th October, 2023 10.00 am - Anytown Council"),
])
def test_a_meetings_date_from_its_title_not_the_first_date_its_minutes_mention(heading, title):
    body = _TEMPLATED_MEETING.format(heading=heading, title=title).encode()
    doc = parse_moderngov("http://127.0.0.1/ieListDocuments.aspx?CId=9&MId=9", body, "text/html", FETCHED_AT,
                          _source(), "x")
    assert doc.published_on == date(2023, 10, 4)
    assert "Minutes" not in doc.text and "October" not in doc.text  # titles are no part of the minutes' text


def test_the_minutes_of_a_themed_page_yield_their_ratings():
    url = "http://127.0.0.1/ieListDocuments.aspx?CId=1108&MId=9001"
    body = _fixture("pages/ieListDocuments_themed.html")
    _, extraction = read_page(url, body, "text/html; charset=utf-8", FETCHED_AT, _source(), link_official=False)
    rows = {(r.council_code, r.judgement, r.grade, r.rated_year, r.is_historical) for r in extraction.ratings}
    assert rows == {("E06000054", "overall_effectiveness", "outstanding", 2024, False),
                    ("E06000054", "overall_effectiveness", "good", 2020, True)}


# --------------------------------------------------------------------------- selection rules

@pytest.mark.parametrize("title, expected", [
    ("Children and Young People Scrutiny Committee", True),
    ("Children, Young People and Learning Policy Overview Committee", True),
    ("Corporate Parenting Board", True),
    ("Children's Services Overview and Scrutiny Panel", True),
    ("Education and Skills Scrutiny Committee", True),
    ("Families and Communities Scrutiny Committee", True),
    ("Local Safeguarding Children Board", True),
    ("Safeguarding Adults and Children Executive", True),
    ("CYP Scrutiny Sub-Committee", True),
    ("Cabinet", False),
    ("Planning Committee", False),
    ("Children's Centre Steering Group", False),
    ("Childrens Centres Advisory Board", False),
    ("Safeguarding Adults Board", False),
    ("Education Appeals Panel", False),
    ("School Admissions Forum", False),
    ("SACRE - Standing Advisory Council on Religious Education", False),
    ("Adult Education Committee", False),
    ("", False),
])
def test_childrens_committees_by_name(title, expected):
    assert mg.is_childrens_committee(title) is expected


def test_ofsted_items_by_title_or_text():
    assert mg.mentions_ofsted("Ofsted inspection of children's services") == "title"
    assert mg.mentions_ofsted("Annual report", "the JTAI found that ...") == "text"
    assert mg.mentions_ofsted("Work Programme", "The work programme was agreed.") is None
    assert mg.mentions_ofsted("OFSTED focused visit") == "title"


# --------------------------------------------------------------------------- web service URLs and XML

def test_web_service_urls_use_moderngov_method_and_parameter_names():
    base = "http://127.0.0.1:8080/moderngov"
    assert mg.committees_url(base) == f"{base}/mgWebService.asmx/GetCommittees"  # it takes no parameter
    assert mg.meetings_url(base, 140, date(2020, 1, 1), date(2023, 12, 31)) == (
        f"{base}/mgWebService.asmx/GetMeetings?lCommitteeId=140&sFromDate=01/01/2020&sToDate=31/12/2023")
    assert mg.meeting_url(base, 7001) == f"{base}/mgWebService.asmx/GetMeeting?lMeetingId=7001"
    custom = mg.WebServiceAPI(get_meeting="GetMeetingDetails", meeting_id_param="MeetingId")
    assert mg.meeting_url(base, 1, custom) == f"{base}/mgWebService.asmx/GetMeetingDetails?MeetingId=1"


@pytest.mark.parametrize("given, base", [
    ("http://Modgov.Hillingdon.gov.uk", "http://modgov.hillingdon.gov.uk"),
    ("https://democracy.huntingdonshire.gov.uk/moderngov/", "https://democracy.huntingdonshire.gov.uk/moderngov"),
    ("https://x.gov.uk/modern.gov/mgListCommittees.aspx?bcr=1", "https://x.gov.uk/modern.gov"),
])
def test_base_urls_are_normalised(given, base):
    assert mg.normalise_base(given) == base


def test_web_service_xml_shapes():
    assert [(c.id, c.title) for c in mg.parse_ws_committees(_fixture("ws/GetCommittees.xml"))][:2] == [
        (140, "Children and Young People Scrutiny Committee"), (141, "Corporate Parenting Board")]
    # meetings nested per committee, the committee id only on the committee; a cancelled one is marked
    assert [(m.id, m.committee_id, m.date, m.cancelled) for m in mg.parse_ws_meetings(
        _fixture("ws/GetMeetings_140.xml"))] == [
        (7001, 140, date(2023, 3, 6), False), (7004, 140, date(2022, 12, 5), True),
        (7002, 140, date(2022, 9, 12), False), (7003, 140, date(2019, 1, 14), False)]
    when, items = mg.parse_ws_meeting(_fixture("ws/GetMeeting_7001.xml"))  # default namespace, escaped HTML, CDATA
    assert when == date(2023, 3, 6)
    # fulldisplaynumberformat is the number shown, agendaitemnumber only the internal order
    assert [(i.id, i.number) for i in items] == [(50011, "1."), (50015, "2."), (50012, "5."), (50013, "6."),
                                                 (50014, "7.")]
    assert [i.title for i in items][1:4] == ["Chair's announcements",  # double-encoded in the XML
                                             "Ofsted Inspection of Local Authority Children's Services (ILACS)",
                                             "Children's Social Care Performance Report"]
    ilacs, performance = items[2], items[3]
    assert "caseloads had fallen since the OFSTED visit" in performance.minutes and "<" not in performance.text
    assert "judged the overall effectiveness of children's services to be good" in ilacs.minutes
    assert "That the inspection outcome be noted." in ilacs.minutes  # the decision body
    assert "Director of Children's Services" in ilacs.text and "Ofsted ILACS report" in ilacs.text
    assert "False" not in ilacs.text and "mgAi.aspx" not in ilacs.text  # flags and links are not the item's text
    assert "Amira Patel" not in " ".join(i.text for i in items)  # attendees are attributes, not text


def test_web_service_answer_wrapped_in_an_asmx_string_is_unwrapped():
    inner = _fixture("ws/GetMeetings_141.xml").decode().split("?>", 1)[1]
    wrapped = ('<?xml version="1.0" encoding="utf-8"?><string xmlns="http://tempuri.org/">'
               + inner.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</string>").encode()
    assert [m.id for m in mg.parse_ws_meetings(wrapped)] == [7101]


def test_entity_expansion_payload_is_refused():
    with pytest.raises(mg.WebServiceError):
        mg.parse_ws_committees(_fixture("ws/entity_bomb.xml"))
    # and the parser settings never expand even a harmless internal entity
    root = etree.fromstring(b'<!DOCTYPE c [<!ENTITY x "EXPANDED">]><c><t>a &x; b</t></c>', mg.SAFE_XML_PARSER)
    assert "EXPANDED" not in "".join(root.itertext())
    with pytest.raises(mg.WebServiceError, match="DTD"):
        mg.parse_ws_xml(b'<!DOCTYPE c [<!ENTITY x "EXPANDED">]><committees/>')


def test_external_entities_are_not_fetched_or_read(site, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    site.route("/secret", body=b"NETWORK-SECRET", content_type="text/plain")
    site.route("/evil.dtd", body=b'<!ENTITY x "FROM-DTD">', content_type="application/xml-dtd")
    payloads = [
        f'<!DOCTYPE committees [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        "<committees><committee><committeeid>1</committeeid><committeetitle>Children &xxe;</committeetitle>"
        "</committee></committees>",
        f'<!DOCTYPE committees [<!ENTITY xxe SYSTEM "{site.url("/secret")}">]>'
        "<committees><committee><committeeid>1</committeeid><committeetitle>Children &xxe;</committeetitle>"
        "</committee></committees>",
        f'<!DOCTYPE committees SYSTEM "{site.url("/evil.dtd")}">'
        "<committees><committee><committeeid>1</committeeid><committeetitle>Children &x;</committeetitle>"
        "</committee></committees>",
        f'<!DOCTYPE committees [<!ENTITY % p SYSTEM "{site.url("/evil.dtd")}"> %p;]>'
        "<committees><committee><committeeid>1</committeeid><committeetitle>Children</committeetitle>"
        "</committee></committees>",
    ]
    for payload in payloads:
        with pytest.raises(mg.WebServiceError):
            mg.parse_ws_committees(payload.encode())
        try:
            text = "".join(etree.fromstring(payload.encode(), mg.SAFE_XML_PARSER).itertext())
        except etree.XMLSyntaxError:
            text = ""
        assert "SECRET" not in text and "FROM-DTD" not in text
    assert site.hits["/secret"] == 0 and site.hits["/evil.dtd"] == 0


# --------------------------------------------------------------------------- discovery on loopback

def _path(site, url: str) -> str:
    assert url.startswith(site.base)
    return url[len(site.base):]


def _serve_web_service(site, since=SINCE, until=UNTIL, meetings=True, meeting=True):
    site.route(_path(site, mg.committees_url(site.base)), body=_fixture("ws/GetCommittees.xml"), content_type=XML)
    if meetings:
        for cid in (140, 141, 150):
            site.route(_path(site, mg.meetings_url(site.base, cid, since, until)),
                       body=_fixture(f"ws/GetMeetings_{cid}.xml"), content_type=XML)
    if meeting:
        for mid in (7001, 7002, 7003, 7004, 7101, 7201):
            site.route(_path(site, mg.meeting_url(site.base, mid)), body=_fixture(f"ws/GetMeeting_{mid}.xml"),
                       content_type=XML)


HTML_PAGES = {
    "/mgListCommittees.aspx": "mgListCommittees.html",
    "/mgCommitteeDetails.aspx?ID=140": "mgCommitteeDetails_140.html",
    "/mgCommitteeDetails.aspx?ID=141": "mgCommitteeDetails_141.html",
    "/ieListMeetings.aspx?CommitteeId=140": "ieListMeetings_140.html",
    "/ieListMeetings.aspx?CId=140&Year=2022": "ieListMeetings_140_2022.html",
    "/ieListMeetings.aspx?CId=140&Year=2019": "ieListMeetings_140_2019.html",
    "/ieListMeetings.aspx?CommitteeId=141": "ieListMeetings_141.html",
    "/ieListDocuments.aspx?CId=140&MId=7001": "ieListDocuments_140_7001.html",
    "/ieListDocuments.aspx?CId=140&MId=7002": "ieListDocuments_140_7002.html",
    "/ieListDocuments.aspx?CId=140&MId=7003": "ieListDocuments_140_7003.html",
    "/ieListDocuments.aspx?CId=141&MId=7101": "ieListDocuments_141_7101.html",
}


def _serve_html(site):
    for path, name in HTML_PAGES.items():
        site.route(path, body=_fixture(f"html/{name}"))


def _summary(items):
    return [(i.item_id, i.meeting_date, i.matched) for i in items]


def _fetched(site) -> set[str]:
    return {h.path for h in site.log if h.path != "/robots.txt"}


def _discover(site, since=SINCE, until=UNTIL, **options):
    rows = []
    found = mg.discover_agenda_items(site.base, Fetcher("test-run", None, backoff_seconds=0.0), _source(), since, until,
                        on_fetch=rows.append, **options)
    assert rows == found.fetches  # every request is reported as it happens
    return found


def test_web_service_discovery_finds_exactly_the_ofsted_items_of_childrens_committees(site):
    _serve_web_service(site)
    _serve_html(site)
    found = _discover(site)
    assert _summary(found.items) == EXPECTED
    assert found.web_service and {i.via for i in found.items} == {"webservice"}
    assert [c.id for c in found.committees] == [140, 141]
    item = found.items[1]
    assert item.url == site.url("/mgAi.aspx?ID=50012") and item.committee_title.startswith("Children and Young")
    assert (item.meeting_id, item.committee_id) == (7001, 140)
    fetched = _fetched(site)
    assert not any("aspx" in p and "mgWebService" not in p for p in fetched)  # no HTML page needed
    assert _path(site, mg.meetings_url(site.base, 150, SINCE, UNTIL)) not in fetched  # Cabinet is not children's
    assert _path(site, mg.meeting_url(site.base, 7003)) not in fetched  # 2019: outside the window
    assert _path(site, mg.meeting_url(site.base, 7004)) not in fetched  # cancelled: never asked for
    assert "meeting 7004 cancelled: skipped" in found.notes


@pytest.mark.parametrize("web_service", ["404", "html", "entity_bomb", "server_error"])
def test_discovery_falls_back_to_html_when_the_web_service_does_not_answer(site, web_service):
    committees = _path(site, mg.committees_url(site.base))
    if web_service == "html":
        site.route(committees, body=_fixture("html/mgError.html"))
    elif web_service == "entity_bomb":
        site.route(committees, body=_fixture("ws/entity_bomb.xml"), content_type=XML)
    elif web_service == "server_error":
        site.route(committees, status=500, body=b"<h1>Server Error in '/' Application.</h1>")
    _serve_html(site)
    found = _discover(site)
    assert _summary(found.items) == EXPECTED
    assert not found.web_service and {i.via for i in found.items} == {"html"}
    assert found.notes and "web service" in found.notes[0]
    fetched = _fetched(site)
    assert "/ieListMeetings.aspx?CId=140&Year=2019" not in fetched  # a year outside the window
    assert "/ieListDocuments.aspx?CId=140&MId=7003" not in fetched
    assert not any("ID=150" in p or "ID=160" in p for p in fetched)
    assert sum("mgWebService" in p for p in fetched) == 1  # the service is not asked again for meetings


def test_a_web_service_without_getmeetings_falls_back_per_step(site):
    _serve_web_service(site, meetings=False)
    _serve_html(site)
    found = _discover(site)
    assert _summary(found.items) == EXPECTED
    assert {i.via for i in found.items} == {"webservice"}  # agendas still from GetMeeting
    fetched = _fetched(site)
    assert "/ieListMeetings.aspx?CommitteeId=140" in fetched and "/mgListCommittees.aspx" not in fetched
    # GetMeetings failed once: not asked again for the next committee
    assert _path(site, mg.meetings_url(site.base, 141, SINCE, UNTIL)) not in fetched


def test_an_agenda_without_minutes_text_is_read_from_the_meeting_page(site):
    _serve_web_service(site)
    _serve_html(site)
    titles_only = etree.fromstring(_fixture("ws/GetMeeting_7001.xml"))
    for body in titles_only.iter("{*}minutesnonemptyhtmlbody", "{*}decisionnonemptyhtmlbody"):
        body.text = None  # the real shape of an item without minutes: empty bodies, every other field still there
    site.route(_path(site, mg.meeting_url(site.base, 7001)), body=etree.tostring(titles_only), content_type=XML)
    found = _discover(site)
    # 50013 mentions Ofsted only in its minutes: found on ieListDocuments, and later meetings are read there too
    assert _summary(found.items) == EXPECTED
    assert [i.via for i in found.items] == ["webservice", "html", "html", "html"]
    assert any("without minutes" in n for n in found.notes)


@pytest.mark.parametrize("mode", ["webservice", "html"])
@pytest.mark.parametrize("since, until, expected", [
    (date(2018, 1, 1), date(2023, 12, 31), [50031, 50022, 50012, 50013, 51012]),
    (date(2020, 1, 1), date(2022, 12, 31), [50022]),
    (date(2023, 3, 6), date(2023, 3, 6), [50012, 50013]),
])
def test_date_window_filters_meetings(site, mode, since, until, expected):
    if mode == "webservice":
        _serve_web_service(site, since, until)
    _serve_html(site)
    found = _discover(site, since, until)
    assert [i.item_id for i in found.items] == expected
    assert all(since <= i.meeting_date <= until for i in found.items)


def test_request_budget_truncates_loudly(site):
    _serve_web_service(site)
    found = _discover(site, max_requests=3)
    assert found.truncated and len(found.fetches) == 3
    assert any("budget" in n for n in found.notes)


def test_discover_council_and_crawl_fetch_the_discovered_items(site):
    _serve_web_service(site)
    for iid in (50012, 50013, 50022, 51012):
        site.route(f"/mgAi.aspx?ID={iid}", body=_fixture("pages/mgAi.html"))
    fetcher = Fetcher("test-run", None, backoff_seconds=0.0)
    source = mg.moderngov_source("anytown-moderngov", site.base + "/", "Anytown Council", council="E09000017",
                                 min_delay_seconds=0.0, user_agent="csi-test/1.0 (+loopback tests)",
                                 allow_private_addresses=True)
    assert source.adapter == "moderngov" and mg.normalise_base(source.start_urls[0]) == site.base
    items = mg.discover_agenda_items(site.base, fetcher, source, SINCE, UNTIL).items
    assert [i.item_id for i in items] == [e[0] for e in EXPECTED]
    result = crawl(mg.items_source(source, items), fetcher)
    assert sorted(d.row.url for d in result.documents) == sorted(i.url for i in items)
    doc = parse_page(result.documents[0].row.url, result.documents[0].body, "text/html", FETCHED_AT, source, "x")
    assert doc.doc_type == "minutes" and "Ofsted" in doc.title


# --------------------------------------------------------------------------- reference data

def test_reference_csv_has_moderngov_bases_for_childrens_services_authorities():
    councils = {r["council_code"] for r in csv.DictReader((ROOT / "csi/reference/councils.csv").open())}
    bases = council_sites("moderngov")
    assert len(bases) > 100 and set(bases) <= councils
    assert bases["E09000017"] == "http://modgov.hillingdon.gov.uk"  # Hillingdon
    assert all(b.startswith(("http://", "https://")) and not b.endswith("/") for b in bases.values())
