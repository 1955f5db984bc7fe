"""Hostile responses and addresses: compression bombs, endless bodies, non-web schemes, long URLs and
redirects into the local network. Every server here listens on 127.0.0.0/8 and nothing else is named."""

from __future__ import annotations

import logging
import time
import tracemalloc
import zlib

import pytest

from scrapers.addresses import address_refusal, checked_addresses
from scrapers.http import Fetcher
from scrapers.links import feed_links, html_links
from scrapers.urls import MAX_URL_LENGTH
from tests.loopback import Loopback, Reply, make_source


def _gzip_of_zeros(megabytes: int) -> bytes:
    """A gzip stream that inflates to `megabytes` MiB of zero bytes (about a thousandth of that on the wire)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    return b"".join(packer.compress(block) for _ in range(megabytes)) + packer.flush()


# --------------------------------------------------------------------------- size and time

def test_a_gzip_bomb_is_stopped_at_the_size_limit_while_streaming(site):
    bomb = _gzip_of_zeros(256)
    assert len(bomb) < 300_000
    site.route("/bomb.html", body=bomb, headers=[("Content-Encoding", "gzip")])
    fetcher = Fetcher("run", None, attempts=1, max_bytes=1 << 20)
    tracemalloc.start()
    try:
        result = fetcher.fetch(site.url("/bomb.html"), make_source())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (result.row.outcome, result.row.error) == ("too_large", f"body exceeds {1 << 20} bytes")
    assert result.body is None
    # Decompressed bytes count toward the limit as they arrive: 256 MiB were never held at once.
    assert peak < 16 * (1 << 20), f"peak {peak:,} bytes while reading a bomb capped at 1 MiB"


@pytest.mark.parametrize("fetcher_limit, source_limit", [(1.0, 300.0), (300.0, 1.0)])
def test_a_response_that_never_ends_is_cut_by_the_total_deadline(site, fetcher_limit, source_limit):
    # One byte every 50 ms keeps every socket read well inside the 5 s read timeout: only the total
    # deadline on the response (the Fetcher's or the source's, whichever is shorter) can end it.
    site.route("/endless.html", Reply(200, b"<html><body>", trickle=0.05))
    fetcher = Fetcher("run", None, attempts=1, max_response_seconds=fetcher_limit)
    started = time.monotonic()
    result = fetcher.fetch(site.url("/endless.html"),
                           make_source(timeout_seconds=5.0, max_response_seconds=source_limit))
    elapsed = time.monotonic() - started
    assert result.row.outcome == "timeout"
    assert result.row.error == "body not received within 1 s"
    assert elapsed < 4.0


# --------------------------------------------------------------------------- schemes and lengths

@pytest.mark.parametrize("url, scheme", [
    ("javascript:alert(document.cookie)", "javascript:"),
    ("data:text/html;base64,PGh0bWw+PC9odG1sPg==", "data:"),
    ("file:///etc/passwd", "file:"),
    ("ftp://127.0.0.1/pub/report.pdf", "ftp:"),
])
def test_the_fetcher_refuses_non_web_schemes_without_a_request(url, scheme):
    fetcher = Fetcher("run", None, attempts=1)
    result = fetcher.fetch(url, make_source())
    assert result.row.outcome == "connection_error"
    assert result.row.error == f"refused: scheme {scheme} is never fetched"
    assert result.body is None and result.row.status_code is None
    assert fetcher.skipped_hosts == {}


def test_the_fetcher_refuses_a_url_over_the_length_limit(site):
    site.route("/ok.html", body=b"<p>fine</p>")
    long_url = site.url("/" + "a" * MAX_URL_LENGTH + ".html")
    fetcher = Fetcher("run", None, attempts=1)
    result = fetcher.fetch(long_url, make_source())
    assert result.row.outcome == "connection_error"
    assert result.row.error == f"refused: URL of {len(long_url):,} characters is over the 2,048-character limit"
    assert not site.log, "a refused URL reached the server"
    assert fetcher.fetch(site.url("/ok.html"), make_source()).ok  # the host is not written off


def test_discovery_drops_unfetchable_links_and_logs_why(caplog):
    long_href = "/news/" + "x" * MAX_URL_LENGTH + ".html"
    page = f"""<html><body>
      <a href="javascript:void(0)">Menu</a>
      <a href="data:text/html,<p>hi</p>">Inline</a>
      <a href="file:///etc/passwd">Local</a>
      <a href="ftp://127.0.0.1/pub/x.pdf">Old archive</a>
      <a href="mailto:newsdesk@127.0.0.1">Email us</a>
      <a href="{long_href}">Long</a>
      <a href="/news/ofsted-visit.html">A story</a>
    </body></html>""".encode()
    with caplog.at_level(logging.DEBUG, logger="scrapers.links"):
        links = html_links(page, "http://127.0.0.1:8000/news/")
    assert links == ["http://127.0.0.1:8000/news/ofsted-visit.html"]
    reasons = [r.getMessage() for r in caplog.records]
    for scheme in ("javascript:", "data:", "file:", "ftp:", "mailto:"):
        assert any(f"scheme {scheme} is never fetched" in r for r in reasons), scheme
    assert any("characters is over the 2,048-character limit" in r for r in reasons)


def test_feed_discovery_drops_unfetchable_links():
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>
      <item><link>file:///etc/passwd</link></item>
      <item><link>javascript:alert(1)</link></item>
      <item><link>http://127.0.0.1:8000/news/a.html</link></item>
    </channel></rss>"""
    assert feed_links(feed, "http://127.0.0.1:8000/feed.xml") == ["http://127.0.0.1:8000/news/a.html"]


# --------------------------------------------------------------------------- redirects into the local network

@pytest.fixture
def second_loopback():
    """A server on 127.0.0.2: the 'private' target a redirect must not reach."""
    with Loopback(host="127.0.0.2") as server:
        yield server


def test_a_redirect_to_a_loopback_address_is_refused_before_any_connection(site, second_loopback):
    second_loopback.route("/internal.html", body=b"<p>internal</p>")
    target = second_loopback.url("/internal.html")
    site.route("/go", status=302, content_type=None, headers=[("Location", target)])
    site.route("/ok.html", body=b"<p>fine</p>")
    source = make_source(allow_private_addresses=("127.0.0.1",))  # the site itself, not 127.0.0.2
    fetcher = Fetcher("run", None, attempts=1)
    result = fetcher.fetch(site.url("/go"), source)
    assert result.row.outcome == "connection_error"
    assert result.row.error == (f"refused: redirect to {target}: 127.0.0.2 resolves to 127.0.0.2, a loopback "
                                f"address, and the source does not allow private addresses")
    assert result.row.status_code == 302 and result.row.final_url == site.url("/go")
    assert not second_loopback.log, "the private server was contacted"
    # The source's own host is still fetched: the refusal is about the redirect, not the host.
    assert fetcher.fetch(site.url("/ok.html"), source).ok


def test_a_source_that_allows_private_addresses_follows_the_same_redirect(site, second_loopback):
    second_loopback.route("/internal.html", body=b"<p>internal</p>")
    site.route("/go", status=302, content_type=None, headers=[("Location", second_loopback.url("/internal.html"))])
    result = Fetcher("run", None, attempts=1).fetch(site.url("/go"), make_source(allow_private_addresses=True))
    assert result.ok and result.body == b"<p>internal</p>"
    assert second_loopback.hits["/internal.html"] == 1


@pytest.mark.parametrize("address, reason", [
    ("127.0.0.2", "a loopback address"), ("::1", "a loopback address"), ("10.1.2.3", "a private address"),
    ("192.168.0.1", "a private address"), ("169.254.169.254", "a cloud metadata address"),
    ("fd00:ec2::254", "a cloud metadata address"), ("169.254.10.1", "a link-local address"),
    ("fe80::1%eth0", "a link-local address"), ("224.0.0.1", "a multicast address"),
    ("0.0.0.0", "an unspecified address"), ("::", "an unspecified address"),
    ("::ffff:127.0.0.1", "a loopback address"), ("100.64.0.1", "not a public address"),
    ("8.8.8.8", None), ("2001:4860:4860::8888", None),
])
def test_address_refusal_names_the_kind_of_address(address, reason):
    assert address_refusal(address) == reason


def test_the_guard_resolves_names_and_ipv6_literals():
    with pytest.raises(Exception, match=r"^localhost resolves to 127\.0\.0\.1, a loopback address$"):
        checked_addresses("localhost", 80, 5.0, allow_private=False)
    with pytest.raises(Exception, match=r"^::1 resolves to ::1, a loopback address$"):
        checked_addresses("[::1]", 80, 5.0, allow_private=False)
    assert checked_addresses("127.0.0.2", 80, 5.0, allow_private=True)[0][4][0] == "127.0.0.2"


def test_a_dns_lookup_that_hangs_is_given_up_after_the_timeout(monkeypatch):
    import socket

    from scrapers.addresses import resolve

    monkeypatch.setattr(socket, "getaddrinfo", lambda *args, **kwargs: time.sleep(3))  # a resolver that hangs
    started = time.monotonic()
    with pytest.raises(TimeoutError, match=r"^DNS lookup of slow\.test took more than 0\.2 s$"):
        resolve("slow.test", 80, 0.2)
    assert time.monotonic() - started < 1.0


def test_a_start_url_on_a_private_address_is_refused_without_a_request(site):
    site.route("/news/", body=b'<a href="/news/a.html">a</a>')
    source = make_source(allow_private_addresses=False, start_urls=(site.url("/news/"),))
    localhost = site.url("/news/").replace("127.0.0.1", "localhost")  # a name that resolves to loopback
    fetcher = Fetcher("run", None, attempts=1)
    for url in (site.url("/news/"), localhost):
        result = fetcher.fetch(url, source)
        assert result.row.outcome == "connection_error"
        host = "localhost" if "localhost" in url else "127.0.0.1"
        assert result.row.error.startswith(f"refused: {host} resolves to ")
        assert result.row.error.endswith(", a loopback address, and the source does not allow private addresses")
    assert not site.log, "the refused host was contacted"
    assert fetcher.skipped_hosts == {}
