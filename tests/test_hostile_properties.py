"""Property tests: mutated fixture pages (truncated, bytes flipped, tags deleted, re-encoded, spliced with
random bytes, or random bytes outright) never raise out of the parse stage except as a recorded
parse_error, and the same input always gives the same rows. The same holds for every other reader of
strangers' bytes: link, feed and sitemap discovery, the ModernGov web-service XML and HTML pages,
publication dates and extraction from text.

Budget: EXAMPLES examples per property, derandomized (the same examples on every run, so CI is
reproducible); `pytest --hypothesis-show-statistics` prints the figures.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from csi.records import Block, FetchRow, make_id
from csi.sample_site import SITE_DIR
from pipeline.pages import Page, pages_to_batch
from scrapers.html import UnparseablePage
from scrapers.links import page_links
from scrapers.platforms.moderngov import discover as mg
from scrapers.pubdate import publication_date_of_html
from scrapers.urls import MAX_URL_LENGTH
from tests.conftest import FETCHED_AT, SAMPLE_BASE, SAMPLE_PAGES
from transforms.councils import default_index
from transforms.extract import extract

FIXTURES = Path(__file__).parent / "fixtures"
PLATFORMS = Path(__file__).parent / "platforms"  # each platform's fixtures sit beside its tests
EXAMPLES = 60
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])
ENCODINGS = ("utf-8", "utf-16", "utf-16-be", "utf-32", "latin-1", "cp1252", "shift_jis", "koi8-r", "gb18030")
CHARSETS = (None, "utf-8", "iso-8859-1", "utf-16", "shift_jis", "x-no-such-charset", "base64")
_TAG = re.compile(rb"<[^<>]{0,200}>")


def _truncate(draw, body: bytes) -> bytes:
    return body[:draw(st.integers(0, len(body)))]


def _flip_bytes(draw, body: bytes) -> bytes:
    out = bytearray(body)
    for _ in range(draw(st.integers(1, 24))):
        if out:
            out[draw(st.integers(0, len(out) - 1))] = draw(st.integers(0, 255))
    return bytes(out)


def _delete_tags(draw, body: bytes) -> bytes:
    tags = list(_TAG.finditer(body))
    if not tags:
        return body
    doomed = set(draw(st.lists(st.integers(0, len(tags) - 1), min_size=1, max_size=40)))
    out, last = [], 0
    for i, tag in enumerate(tags):
        if i in doomed:
            out.append(body[last:tag.start()])
            last = tag.end()
    return b"".join(out) + body[last:]


def _swap_encoding(draw, body: bytes) -> bytes:
    return body.decode("utf-8", "replace").encode(draw(st.sampled_from(ENCODINGS)), "replace")


def _splice_random(draw, body: bytes) -> bytes:
    at = draw(st.integers(0, len(body)))
    return body[:at] + draw(st.binary(min_size=1, max_size=512)) + body[at:]


def _random_bytes(draw, body: bytes) -> bytes:
    return draw(st.binary(max_size=2048))


MUTATIONS = (_truncate, _flip_bytes, _delete_tags, _swap_encoding, _splice_random, _random_bytes)


@st.composite
def mutated(draw, bodies: dict[str, bytes]):
    """(fixture name, mutated bytes, content type): one or two mutations of one fixture."""
    name = draw(st.sampled_from(sorted(bodies)))
    body = bodies[name]
    for mutation in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=2)):
        body = mutation(draw, body)
    charset = draw(st.sampled_from(CHARSETS))
    return name, body, "text/html" + (f"; charset={charset}" if charset else "")


SAMPLE_BODIES = {name: (SITE_DIR / file).read_bytes() for name, (file, _) in SAMPLE_PAGES.items()}


def _page(sources, name: str, body: bytes, content_type: str) -> Page:
    url = SAMPLE_BASE + SAMPLE_PAGES[name][1]
    sha = hashlib.sha256(body).hexdigest()
    fetch = FetchRow(make_id("fetch", url, sha), url, name, FETCHED_AT, 200, "ok", None, 1, len(body), None, None,
                     None, None, "run", url, content_type, sha, True)
    return Page(url, body, content_type, FETCHED_AT, sha, sources[name], fetch)


@PROPERTY
@given(case=mutated(SAMPLE_BODIES))
def test_parse_stage_records_every_failure_and_is_deterministic(sample_sources, case):
    name, body, content_type = case
    page = _page(sample_sources, name, body, content_type)
    batch, errors = pages_to_batch([page])
    assert (batch, errors) == pages_to_batch([page])
    assert len(batch.documents) + len(errors) == 1
    [fetched] = batch.fetches
    event(f"parse_error {errors[0][1].split(':')[0]}" if errors else "document")
    if errors:
        assert fetched.outcome == "parse_error" and fetched.error == errors[0][1] and errors[0][1].strip()
    else:
        assert fetched.outcome == "ok" and batch.documents[0].text.strip()


LISTINGS = {str(p.relative_to(SITE_DIR)): p.read_bytes() for p in SITE_DIR.rglob("*")
            if p.is_file() and p.suffix in (".html", ".xml")}
LISTINGS.update({f"ws/{p.name}": p.read_bytes() for p in (PLATFORMS / "moderngov" / "fixtures" / "ws").glob("*.xml")})


@PROPERTY
@given(case=mutated(LISTINGS), xml_type=st.sampled_from([None, "application/rss+xml", "application/xml"]))
def test_link_feed_and_sitemap_discovery_never_raise(case, xml_type):
    name, body, html_type = case
    content_type = xml_type or html_type
    links = page_links(body, content_type, SAMPLE_BASE + "/" + name)
    assert links == page_links(body, content_type, SAMPLE_BASE + "/" + name)
    assert len(set(links)) == len(links)
    assert all(link.startswith(("http://", "https://")) and len(link) <= MAX_URL_LENGTH for link in links)


WS_BODIES = {p.name: p.read_bytes() for p in (PLATFORMS / "moderngov" / "fixtures" / "ws").glob("*.xml")}
WS_PARSERS = (mg.parse_ws_committees, mg.parse_ws_meetings, mg.parse_ws_meeting)


def _outcome(parse, body: bytes):
    """What a reader answers, or the kind and text of the error it raised."""
    try:
        return parse(body)
    except mg.WebServiceError as exc:
        return ("refused", str(exc))


@PROPERTY
@given(case=mutated(WS_BODIES), parse=st.sampled_from(WS_PARSERS))
def test_web_service_readers_answer_or_refuse(case, parse):
    _, body, _ = case
    assert _outcome(parse, body) == _outcome(parse, body)


MG_PAGES = {p.name: p.read_bytes() for p in (PLATFORMS / "moderngov" / "fixtures" / "html").glob("*.html")}
MG_READERS = (mg.parse_committee_list, mg.parse_meeting_list, mg.parse_meeting_page)


@PROPERTY
@given(case=mutated(MG_PAGES), read=st.sampled_from(MG_READERS))
def test_moderngov_html_readers_never_raise(case, read):
    _, body, _ = case
    base = "http://127.0.0.1:8000/mgov/"
    assert read(body, base) == read(body, base)


DATED_PAGES = {p.name: p.read_bytes() for p in (FIXTURES / "pubdate").glob("*.html")}
DATED_PAGES.update({p.name: p.read_bytes() for p in (FIXTURES / "generic").glob("*.html")})


@PROPERTY
@given(case=mutated(DATED_PAGES))
def test_publication_dates_are_plausible_or_none(case):
    _, body, _ = case
    url = "http://127.0.0.1:8000/news/story.html"
    try:
        found = publication_date_of_html(body, url)
    except (UnparseablePage, UnicodeDecodeError):  # the decoding stage's own refusals
        return
    assert found == publication_date_of_html(body, url)
    assert found is None or date(1990, 1, 1) <= found <= date.today() + timedelta(days=1)


@st.composite
def damaged_documents(draw, docs):
    doc = docs[draw(st.sampled_from(sorted(docs)))]
    text = doc.text
    cut = draw(st.integers(0, len(text)))
    end = draw(st.integers(cut, min(len(text), cut + 400)))
    text = text[:cut] + draw(st.text(max_size=200)) + text[end:]
    blocks = [Block("paragraph", part) for part in text.split("\n\n") if part.strip()]
    return dataclasses.replace(doc, text=text, blocks=blocks, title=draw(st.one_of(st.none(), st.text(max_size=80))),
                               published_on=draw(st.one_of(st.none(), st.dates())))


@PROPERTY
@given(data=st.data())
def test_extraction_from_damaged_text_never_raises_and_is_deterministic(sample_docs, data):
    doc = data.draw(damaged_documents(sample_docs))
    index = default_index()
    council = data.draw(st.sampled_from([None, "E09000017", "E09000018"]))
    assert extract(doc, index, council=council) == extract(doc, index, council=council)


def test_the_fixtures_cover_every_reader():
    # Guards the properties above against running over an empty or missing fixture set.
    assert len(SAMPLE_BODIES) == 5 and len(WS_BODIES) >= 9 and len(MG_PAGES) >= 10 and len(DATED_PAGES) >= 10
    assert any(name.endswith("feed.xml") for name in LISTINGS)
    assert datetime.now() > FETCHED_AT
