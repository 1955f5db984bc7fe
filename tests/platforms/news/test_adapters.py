"""Parsing: each sample page through its adapter, and the generic rules on a page with no profile."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from scrapers.html import blocks_of, decode_html, lean_soup
from scrapers.platforms import parse_page
from scrapers.platforms.moderngov.parse import NO_CONTENT_AREA
from scrapers.sources import Source
from tests.conftest import SAMPLE_PAGES

FIXTURES = Path(__file__).parent / "fixtures"

EXPECTED = {
    "sample-lgc": ("Hillingdon services still poor", date(2001, 5, 18), None, "news@1"),
    "sample-csnews": ("Ofsted praises Hillingdon children’s services", date(2018, 6, 4), None, "news@1"),
    "sample-cypnow": ("London council rated 'requires improvement' after management failings", date(2018, 12, 17),
                      "Gabriella Jozwiak", "news@1"),
    "sample-hounslow-chronicle": ("Local Childrens' Services 'Require Improvement'", date(2014, 3, 24), None,
                                  "news@1"),
    "sample-hillingdon-moderngov": ("Ofsted Action Plan and Children's Social Care Improvement - Progress Report",
                                    date(2015, 3, 17), None, "moderngov@2"),
}
# Boilerplate from the pages' chrome that must never reach the document text.
BOILERPLATE = ["cookie", "Have your say", "Disqus", "Register", "Most read", "Related", "newsletter",
               "Skip to", "Sign in", "website design"]


@pytest.mark.parametrize("name", sorted(SAMPLE_PAGES))
def test_sample_page_metadata(sample_docs, name):
    doc = sample_docs[name]
    assert (doc.title, doc.published_on, doc.author, doc.parser) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(SAMPLE_PAGES))
def test_sample_page_text_has_no_boilerplate(sample_docs, name):
    doc = sample_docs[name]
    assert len(doc.text) > 1500
    for phrase in BOILERPLATE:
        assert phrase.lower() not in doc.text.lower(), phrase
    assert doc.text == "\n\n".join(b.text for b in doc.blocks)


def test_lists_are_kept_as_list_items(sample_docs):
    lgc = sample_docs["sample-lgc"]
    lists = {b.list_id for b in lgc.blocks if b.kind == "list_item"}
    assert len(lists) == 2
    assert sum(b.kind == "list_item" for b in lgc.blocks) == 14
    # Bulleted paragraphs ("<p>• ...") become items of one list per run.
    hounslow = [b for b in sample_docs["sample-hounslow-chronicle"].blocks if b.kind == "list_item"]
    assert len(hounslow) == 14 and len({b.list_id for b in hounslow}) == 2
    assert not any(b.text.startswith("•") for b in hounslow)


def test_moderngov_minutes_keep_their_headings(sample_docs):
    doc = sample_docs["sample-hillingdon-moderngov"]
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert headings == ["Minutes:", "Supporting documents:"]
    assert doc.doc_type == "minutes" and doc.publisher == "London Borough of Hillingdon"


def _source(adapter="news", profile=None):
    return Source(name="t", adapter=adapter, publisher="Anytown Gazette", doc_type="news",
                  start_urls=("http://127.0.0.1/",), documents=(), profile=profile)


def test_generic_article_without_profile():
    body = (FIXTURES / "generic_article.html").read_bytes()
    doc = parse_page("http://127.0.0.1/news/story", body, "text/html", datetime(2026, 1, 1), _source(), "x")
    assert doc.title == "Council services judged inadequate"
    assert doc.published_on == date(2016, 9, 14)
    assert doc.author == "Sam Reporter"
    assert "children’s services" in doc.text  # decoded from windows-1252 per <meta charset>
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph", "paragraph", "list_item", "list_item",
                                            "paragraph"]
    for noise in ("cookies", "Fun run", "Leave a comment", "Copyright", "Sport"):
        assert noise not in doc.text


def test_moderngov_adapter_reads_a_page_without_moderngov_markup_generically():
    body = (FIXTURES / "generic_article.html").read_bytes()
    doc = parse_page("http://127.0.0.1/mgAi.aspx?ID=1", body, "text/html", datetime(2026, 1, 1),
                     _source("moderngov"), "x")
    news = parse_page("http://127.0.0.1/article", body, "text/html", datetime(2026, 1, 1), _source("news"), "x")
    assert (doc.text, doc.published_on, doc.profile_miss) == (news.text, news.published_on, NO_CONTENT_AREA)


@pytest.mark.parametrize("body, content_type, expected", [
    ("café".encode(), "text/html; charset=utf-8", "café"),
    ("café".encode("cp1252"), "text/html; charset=windows-1252", "café"),
    (b"\xef\xbb\xbf" + "café".encode(), "text/html", "café"),
    (b'<meta charset="iso-8859-1">' + "café".encode("latin-1"), None, '<meta charset="iso-8859-1">café'),
    ("café".encode("cp1252"), None, "café"),  # not UTF-8: the detector, ties going to windows-1252
    # HTTP charset first; a wrong one is passed over for the next clue, never decoded with replacement
    ("café".encode(), "text/html; charset=no-such-charset", "café"),
    ("café".encode("cp1252"), "text/html; charset=utf-8", "café"),
    # a BOM is unambiguous: it overrides the HTTP charset (WHATWG)
    (b"\xef\xbb\xbf" + "café".encode(), "text/html; charset=iso-8859-1", "café"),
    (b"\xff\xfe" + "café".encode("utf-16-le"), None, "café"),
    (b"\xfe\xff" + "café".encode("utf-16-be"), None, "café"),
    # iso-8859-1 is read as windows-1252, as browsers do: its curly quotes survive
    ("‘quoted’".encode("cp1252"), "text/html; charset=ISO-8859-1", "‘quoted’"),
    # <meta http-equiv> as well as <meta charset>
    (b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>\x93hi\x94</p>', None,
     '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>“hi”</p>'),
    (b"", None, ""),
])
def test_decode_html(body, content_type, expected):
    assert decode_html(body, content_type) == expected


WINDOWS_1252_PAGE = ("<html><head><title>Ofsted</title></head><body><h1>Council’s “requires improvement” rating"
                     "</h1><p>Inspectors said the authority’s services – for children in care – had “serious "
                     "weaknesses”, and the café-style drop-in was praised.</p></body></html>")


def test_decode_html_windows_1252_declared_only_in_meta_keeps_curly_quotes():
    page = '<html><head><meta charset="windows-1252">' + WINDOWS_1252_PAGE.removeprefix("<html><head>")
    body = page.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")  # the test is only meaningful if UTF-8 would not do
    text = decode_html(body, "text/html")
    assert text == page
    assert "Council’s “requires improvement” rating" in text and "\ufffd" not in text


def test_decode_html_undeclared_windows_1252_is_decoded_by_the_detector():
    body = WINDOWS_1252_PAGE.encode("cp1252")
    assert decode_html(body, "text/html") == WINDOWS_1252_PAGE


def test_decode_html_undeclared_cyrillic_is_not_forced_into_windows_1252():
    text = "<p>Министерство образования опубликовало доклад о защите детей в этом году.</p>"
    assert decode_html(text.encode("cp1251"), None) == text


def test_decode_html_refuses_bytes_no_charset_fits():
    with pytest.raises(UnicodeDecodeError):
        decode_html(bytes(range(256)) * 4, "text/html; charset=utf-8")


def test_lean_soup_drops_scripts_but_reads_json_ld():
    html = ('<html><head><script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
            '"headline": "H"}]}</script><script>var x = 1;</script><style>p{}</style></head>'
            '<body><p>Text</p><!-- comment --></body></html>')
    soup, ld = lean_soup(html)
    assert [o.get("headline") for o in ld if o.get("@type") == "NewsArticle"] == ["H"]
    assert soup.find("script") is None and soup.find("style") is None
    assert [b.text for b in blocks_of(soup.body)] == ["Text"]
