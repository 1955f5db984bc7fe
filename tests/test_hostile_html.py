"""Broken and hostile HTML through the parse stage (`pages_to_batch`): damaged pages still give their rows,
pages beyond a limit fail with a reason, and nothing raises (no RecursionError, no MemoryError)."""

from __future__ import annotations

import hashlib
import re
import time

import pytest

from csi.sample_site import SITE_DIR
from pipeline.pages import Page, pages_to_batch
from scrapers.html import MAX_PAGE_BYTES
from tests.conftest import FETCHED_AT, SAMPLE_BASE, SAMPLE_PAGES

HOUNSLOW = "sample-hounslow-chronicle"  # generic extraction (no profile)
CYPNOW = "sample-cypnow"  # a site profile
MODERNGOV = "sample-hillingdon-moderngov"  # the ModernGov adapter
ADAPTERS = (HOUNSLOW, CYPNOW, MODERNGOV)


def _sample(name: str) -> bytes:
    return (SITE_DIR / SAMPLE_PAGES[name][0]).read_bytes()


def _parse(sources, name: str, body: bytes, content_type: str | None = "text/html; charset=utf-8"):
    page = Page(SAMPLE_BASE + SAMPLE_PAGES[name][1], body, content_type, FETCHED_AT,
                hashlib.sha256(body).hexdigest(), sources[name])
    return pages_to_batch([page])


def _ratings(batch) -> list[tuple]:
    return sorted((r.council_code, r.judgement, r.grade) for r in batch.ratings)


@pytest.fixture(scope="module")
def clean(sample_sources):
    """Each adapter's sample page parsed as published: the rows a damaged copy must still give."""
    return {name: _parse(sample_sources, name, _sample(name))[0] for name in ADAPTERS}


def _only_error(batch, errors) -> str:
    assert batch.documents == [] and len(errors) == 1
    return errors[0][1]


# --------------------------------------------------------------------------- damaged but readable

@pytest.mark.parametrize("name", ADAPTERS)
def test_unclosed_and_misnested_tags_still_give_the_rows(sample_sources, clean, name):
    body = _sample(name).decode()
    body = re.sub(r"</(p|li|td|tr|span)>", "", body)  # never closed
    body = body.replace("<p>", "<p><b><i>", 3).replace("</h1>", "</b></h1>", 1)  # misnested, stray end tag
    batch, errors = _parse(sample_sources, name, body.encode())
    assert errors == []
    assert _ratings(batch) == _ratings(clean[name])


@pytest.mark.parametrize("name", ADAPTERS)
def test_nul_bytes_are_dropped_from_text(sample_sources, clean, name):
    body = _sample(name).replace(b"Ofsted", b"Of\x00sted\x00", 4)
    batch, errors = _parse(sample_sources, name, body)
    assert errors == []
    assert "\x00" not in batch.documents[0].text
    assert _ratings(batch) == _ratings(clean[name])


def test_a_bom_overrides_a_contradicting_charset(sample_sources, clean):
    body = b"\xef\xbb\xbf" + _sample(HOUNSLOW).replace(b"Local Childrens'", "Café Childrens'".encode(), 1)
    batch, errors = _parse(sample_sources, HOUNSLOW, body, "text/html; charset=iso-8859-1")
    assert errors == []
    assert batch.documents[0].title.startswith("Café Childrens'")
    assert _ratings(batch) == _ratings(clean[HOUNSLOW])


def test_mixed_encodings_decode_without_failing(sample_sources, clean):
    # UTF-8 page with a windows-1252 curly apostrophe pasted in: no single charset fits every byte.
    body = _sample(HOUNSLOW).replace(b"Local Childrens'", "Café".encode() + b" Children\x92s", 1)
    first = _parse(sample_sources, HOUNSLOW, body)
    again = _parse(sample_sources, HOUNSLOW, body)
    assert first[1] == [] and first == again
    assert "Children" in first[0].documents[0].title
    assert _ratings(first[0]) == _ratings(clean[HOUNSLOW])


def test_json_ld_nested_beyond_the_json_module_is_ignored(sample_sources, clean):
    deep = b'<script type="application/ld+json">' + b"[" * 200_000 + b"]" * 200_000 + b"</script></head>"
    batch, errors = _parse(sample_sources, HOUNSLOW, _sample(HOUNSLOW).replace(b"</head>", deep, 1))
    assert errors == []
    assert _ratings(batch) == _ratings(clean[HOUNSLOW])


# --------------------------------------------------------------------------- beyond a limit: a recorded failure

@pytest.mark.parametrize("name", ADAPTERS)
@pytest.mark.parametrize("tag", [b"div", b"b", b"table"])
def test_nesting_ten_thousand_deep_fails_with_a_reason(sample_sources, name, tag):
    deep = b"<" + tag + b">" + b"Ofsted rated the council good. " + (b"<" + tag + b">") * 10_000
    body = re.sub(rb"<body[^>]*>", lambda m: m[0] + deep, _sample(name), count=1)
    assert deep in body
    started = time.monotonic()
    error = _only_error(*_parse(sample_sources, name, body))
    assert time.monotonic() - started < 10
    assert error.startswith("UnparseablePage: page beyond the HTML parser's limits (nesting over 255 elements")


@pytest.mark.parametrize("name", ADAPTERS)
def test_a_fifty_megabyte_text_node_fails_before_decoding(sample_sources, name):
    body = b"<html><body><p>" + b"Ofsted " * (50 * 1024 * 1024 // 7) + b"</p></body></html>"
    started = time.monotonic()
    error = _only_error(*_parse(sample_sources, name, body))
    assert time.monotonic() - started < 5
    assert error == (f"UnparseablePage: page of {len(body):,} bytes is over the parse limit of "
                     f"{MAX_PAGE_BYTES:,} bytes")


def test_a_text_node_over_the_parser_limit_fails_instead_of_vanishing(sample_sources):
    body = b"<html><body><p>" + b"Ofsted " * (10_100_000 // 7) + b"</p></body></html>"
    assert len(body) < MAX_PAGE_BYTES
    error = _only_error(*_parse(sample_sources, HOUNSLOW, body))
    assert error.startswith("UnparseablePage: page beyond the HTML parser's limits")


@pytest.mark.parametrize("name", ADAPTERS)
def test_a_page_that_is_only_script_fails(sample_sources, name):
    body = b"<html><head><script>" + b"document.write('<p>Ofsted</p>');" * 1000 + b"</script></head></html>"
    error = _only_error(*_parse(sample_sources, name, body))
    assert error.startswith("UnparseablePage: no readable text on the page")


def test_binary_bytes_labelled_html_fail_as_binary(sample_sources):
    body = bytes((i * 7919 + 13) % 256 for i in range(20_000))
    error = _only_error(*_parse(sample_sources, HOUNSLOW, body))
    assert error.startswith(("UnparseablePage: binary content, not HTML", "UnicodeDecodeError"))


def test_an_empty_body_fails(sample_sources):
    assert _only_error(*_parse(sample_sources, HOUNSLOW, b"")) == "UnparseablePage: no readable text on the page"
