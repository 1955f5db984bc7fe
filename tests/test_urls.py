"""scrapers.urls: one spelling per page."""

from __future__ import annotations

import pytest

from scrapers.urls import canonicalize, host_of

BASE = "http://127.0.0.1:8000/news/index.html"


@pytest.mark.parametrize(("url", "expected"), [
    # fragments go
    ("http://127.0.0.1:8000/a.html#comments", "http://127.0.0.1:8000/a.html"),
    ("http://127.0.0.1:8000/a.html#", "http://127.0.0.1:8000/a.html"),
    # tracking parameters go, others stay in order
    ("http://127.0.0.1/a?utm_source=x&id=3&utm_medium=y&UTM_Campaign=z", "http://127.0.0.1/a?id=3"),
    ("http://127.0.0.1/a?fbclid=abc", "http://127.0.0.1/a"),
    ("http://127.0.0.1/a?b=2&fbclid=abc&a=1&gclid=q", "http://127.0.0.1/a?b=2&a=1"),
    ("http://127.0.0.1/mgAi.aspx?ID=12345", "http://127.0.0.1/mgAi.aspx?ID=12345"),
    ("http://127.0.0.1/ieListDocuments.aspx?CId=321&MId=2345", "http://127.0.0.1/ieListDocuments.aspx?CId=321&MId=2345"),
    # scheme and host lower-cased, path case kept
    ("HTTP://LOCALHOST/News/A.html", "http://localhost/News/A.html"),
    ("HttpS://LocalHost:8443/X", "https://localhost:8443/X"),
    # default ports dropped, others kept
    ("http://localhost:80/a", "http://localhost/a"),
    ("https://localhost:443/a", "https://localhost/a"),
    ("http://localhost:443/a", "http://localhost:443/a"),
    ("https://localhost:80/a", "https://localhost:80/a"),
    ("http://127.0.0.1:8000/a", "http://127.0.0.1:8000/a"),
    # empty path becomes /
    ("http://localhost", "http://localhost/"),
    ("http://localhost?x=1", "http://localhost/?x=1"),
    # surrounding whitespace
    ("  http://localhost/a  \n", "http://localhost/a"),
])
def test_canonicalize_absolute(url, expected):
    assert canonicalize(url) == expected


@pytest.mark.parametrize("url", [
    "javascript:void(0)",
    "JavaScript:alert(1)",
    "mailto:press@localhost",
    "data:text/html,<p>x</p>",
    "ftp://127.0.0.1/file.txt",
    "tel:+440000000000",
    "file:///etc/passwd",
])
@pytest.mark.parametrize("base", [None, BASE])
def test_non_web_links_are_none(url, base):
    assert canonicalize(url, base) is None


@pytest.mark.parametrize("url", ["", "   ", "http:///no-host", "/relative/without/base", "a.html"])
def test_no_host_without_base_is_none(url):
    assert canonicalize(url) is None


@pytest.mark.parametrize(("href", "expected"), [
    ("a.html", "http://127.0.0.1:8000/news/a.html"),
    ("../about.html", "http://127.0.0.1:8000/about.html"),
    ("/lgc/news/x.html", "http://127.0.0.1:8000/lgc/news/x.html"),
    ("//127.0.0.2/feed.xml", "http://127.0.0.2/feed.xml"),
    ("?page=2", "http://127.0.0.1:8000/news/index.html?page=2"),
    ("#top", "http://127.0.0.1:8000/news/index.html"),
    ("", "http://127.0.0.1:8000/news/index.html"),
    ("b.html?utm_source=rss#c", "http://127.0.0.1:8000/news/b.html"),
    ("HTTP://LOCALHOST:80/x", "http://localhost/x"),
])
def test_relative_links_join_the_base(href, expected):
    assert canonicalize(href, BASE) == expected


def test_canonical_form_is_a_fixed_point():
    once = canonicalize("HTTP://LocalHost:80/a/b?utm_term=1&q=x&fbclid=2#frag")
    assert once == "http://localhost/a/b?q=x"
    assert canonicalize(once) == once


@pytest.mark.parametrize(("url", "host"), [
    ("http://127.0.0.1:8000/a", "127.0.0.1:8000"),
    ("HTTP://LOCALHOST/a", "localhost"),
    ("https://localhost:8443", "localhost:8443"),
])
def test_host_of(url, host):
    assert host_of(url) == host


@pytest.mark.parametrize("href", [
    "http://localhost:99999/a",   # port out of range
    "http://localhost:abc/a",     # port not a number
    "http://[127.0.0.1/a",        # unbalanced bracket
])
def test_malformed_links_are_none_not_an_exception(href):
    # Malformed ports and hosts are not web pages: None, never an exception that aborts a crawl.
    assert canonicalize(href, BASE) is None


@pytest.mark.parametrize(("url", "expected"), [
    ("http://[::1]:8000/x", "http://[::1]:8000/x"),
    ("HTTP://[2001:DB8::1]/a?utm_source=x", "http://[2001:db8::1]/a"),
    ("http://[fe80::1%25eth0]/", "http://[fe80::1%25eth0]/"),
    ("https://[::ffff:127.0.0.1]:443/", "https://[::ffff:127.0.0.1]/"),
])
def test_ipv6_literals_keep_their_brackets(url, expected):
    assert canonicalize(url) == expected
