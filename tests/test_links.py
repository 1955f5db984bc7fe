"""scrapers.links (links from feeds, sitemaps, HTML) and scrapers.crawl over a loopback site."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from scrapers.crawl import crawl
from scrapers.http import Fetcher
from scrapers.links import feed_links, html_links, is_feed, page_links
from scrapers.sources import Source
from tests.loopback import make_source

BASE = "http://127.0.0.1:8000/news/"

# --------------------------------------------------------------------------- feeds and sitemaps

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Test feed</title>
  <atom:link href="http://127.0.0.1:8000/feed.xml" rel="self" type="application/rss+xml"/>
  <item><title>One</title><link>/news/one.html</link></item>
  <item><title>Two</title><link> two.html?utm_source=rss </link></item>
  <item><title>Three</title><link>http://127.0.0.2/elsewhere/three.html</link></item>
  <item><title>One again</title><link>http://127.0.0.1:8000/news/one.html#comments</link></item>
  <item><title>CDATA</title><link><![CDATA[/news/four.html]]></link></item>
  <item><title>No link</title><guid>tag:x</guid></item>
</channel>
</rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom test</title>
  <link rel="self" href="http://127.0.0.1:8000/atom.xml"/>
  <entry><title>A</title><link href="/news/a.html"/></entry>
  <entry><title>B</title><link rel="alternate" type="text/html" href="b.html"/></entry>
  <entry><title>C</title><link rel="enclosure" href="/media/c.mp3"/><link href="http://127.0.0.3/c.html"/></entry>
  <entry><title>D</title><link rel="replies" href="/news/d.html#comments"/></entry>
</feed>"""

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>http://127.0.0.1:8000/news/2018/12/17/first/</loc><lastmod>2018-12-17</lastmod></url>
  <url><loc>
    http://127.0.0.1:8000/news/2018/12/18/second/
  </loc></url>
  <url><loc>/relative/third/</loc></url>
  <url><loc>http://127.0.0.1:8000/news/2018/12/17/first/</loc></url>
</urlset>"""

SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>http://127.0.0.1:8000/sitemap-1.xml</loc></sitemap>
  <sitemap><loc>http://127.0.0.1:8000/sitemap-2.xml</loc></sitemap>
</sitemapindex>"""


def test_rss_item_links_relative_and_absolute_in_order():
    assert feed_links(RSS, BASE) == [
        "http://127.0.0.1:8000/news/one.html",
        "http://127.0.0.1:8000/news/two.html",
        "http://127.0.0.2/elsewhere/three.html",
        "http://127.0.0.1:8000/news/four.html",
    ]


def test_atom_alternate_links_only():
    assert feed_links(ATOM, BASE) == [
        "http://127.0.0.1:8000/news/a.html",
        "http://127.0.0.1:8000/news/b.html",
        "http://127.0.0.3/c.html",
    ]


@pytest.mark.parametrize(("body", "expected"), [
    (SITEMAP, ["http://127.0.0.1:8000/news/2018/12/17/first/", "http://127.0.0.1:8000/news/2018/12/18/second/",
               "http://127.0.0.1:8000/relative/third/"]),
    (SITEMAP_INDEX, ["http://127.0.0.1:8000/sitemap-1.xml", "http://127.0.0.1:8000/sitemap-2.xml"]),
])
def test_sitemap_locations(body, expected):
    assert feed_links(body, BASE) == expected


def test_truncated_feed_is_recovered_not_fatal():
    truncated = RSS[: RSS.index(b"<item><title>Three")]
    assert feed_links(truncated, BASE) == ["http://127.0.0.1:8000/news/one.html",
                                           "http://127.0.0.1:8000/news/two.html"]


def _laughs(levels: int) -> bytes:
    ents = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1)]
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rss [{"".join(ents)}]>\n'
            f'<rss version="2.0"><channel><title>&lol{levels};</title>'
            f'<item><link>/news/a.html</link></item>'
            f'<item><link>&lol{levels};</link></item>'
            f'<item><link>/news/b.html</link></item></channel></rss>').encode()


def test_internal_entities_are_not_expanded():
    body = _laughs(3)  # 3 000 characters per reference if expanded
    links = feed_links(body, BASE)
    assert links == ["http://127.0.0.1:8000/news/a.html", "http://127.0.0.1:8000/news/b.html"]


def test_billion_laughs_returns_quickly_with_bounded_output():
    body = _laughs(9)  # 10**9 "lol"s if expanded; the document itself is under 1 KB
    assert len(body) < 1024
    started = time.monotonic()
    links = feed_links(body, BASE)
    assert time.monotonic() - started < 1.0
    assert len("".join(links)) < 200
    assert not any("lol" in link for link in links)


def test_predefined_entities_in_links_are_decoded():
    body = (b'<rss version="2.0"><channel><item><link>/mgAi.aspx?CId=321&amp;MId=2345</link></item>'
            b'<item><link>/a.html?x=&#49;</link></item></channel></rss>')
    assert feed_links(body, BASE) == ["http://127.0.0.1:8000/mgAi.aspx?CId=321&MId=2345",
                                      "http://127.0.0.1:8000/a.html?x=1"]


@pytest.mark.parametrize("target", ["file:///etc/passwd", "secret-file"])
def test_external_entities_are_not_read(tmp_path: Path, target: str):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-root:x:0:0")
    system_id = secret.as_uri() if target == "secret-file" else target
    body = (f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{system_id}">]>\n'
            '<rss version="2.0"><channel><title>&xxe;</title>'
            '<item><link>&xxe;</link></item>'
            '<item><link>/news/y.html</link></item></channel></rss>').encode()
    links = feed_links(body, BASE)
    assert links == ["http://127.0.0.1:8000/news/y.html"]
    joined = " ".join(links)
    assert "TOPSECRET" not in joined and "root:" not in joined


# --------------------------------------------------------------------------- HTML

HTML = b"""<!doctype html><html><head><title>News</title>
<link rel="stylesheet" href="/style.css"></head><body>
<a href="/news/one.html">One</a>
<a href="two.html">Two</a>
<a href="/news/one.html#comments">One, comments</a>
<a href="mailto:press@localhost">Email</a>
<a href="javascript:void(0)">Menu</a>
<a>no href</a>
<a href="http://127.0.0.2/three.html?utm_campaign=x&amp;id=7">Three</a>
<a href="HTTP://127.0.0.1:8000/news/two.html">Two, shouted</a>
<a href="../about.html">About</a>
</body></html>"""


def test_html_links_in_document_order_deduplicated():
    assert html_links(HTML, BASE) == [
        "http://127.0.0.1:8000/news/one.html",
        "http://127.0.0.1:8000/news/two.html",
        "http://127.0.0.2/three.html?id=7",
        "http://127.0.0.1:8000/about.html",
    ]


@pytest.mark.parametrize("body", [b"", b"   \n\t", b"<html></html>", b"<p>no links</p>"])
def test_html_without_links(body):
    assert html_links(body, BASE) == []


@pytest.mark.parametrize(("content_type", "body", "expected"), [
    ("application/rss+xml; charset=utf-8", b"<rss/>", True),
    ("application/atom+xml", b"<feed/>", True),
    ("text/xml", b"<urlset/>", True),
    ("application/xml", b"<urlset/>", True),
    (None, b"  <?xml version='1.0'?><rss/>", True),
    ("", b"<rss version='2.0'></rss>", True),
    (None, b"\n<urlset></urlset>", True),
    ("text/html; charset=utf-8", b"<!doctype html><html></html>", False),
    (None, b"<html><body></body></html>", False),
    ("text/plain", b"just text", False),
])
def test_is_feed(content_type, body, expected):
    assert is_feed(content_type, body) is expected


@pytest.mark.parametrize(("content_type", "body", "expected"), [
    ("application/rss+xml", RSS, feed_links(RSS, BASE)),
    (None, SITEMAP, feed_links(SITEMAP, BASE)),
    ("text/html", HTML, html_links(HTML, BASE)),
])
def test_page_links_dispatches_on_type(content_type, body, expected):
    assert expected  # non-empty, so the dispatch is actually observed
    assert page_links(body, content_type, BASE) == expected


XHTML = b"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Committee</title>
<link rel="stylesheet" href="/s.css"/></head>
<body><a href="/news/one.html">One</a> <a href="two.html">Two</a></body></html>"""


@pytest.mark.parametrize("content_type", ["application/xhtml+xml", "text/html; charset=utf-8"])
def test_xhtml_pages_yield_their_anchor_links(content_type):
    # XHTML is a page, not a feed: its anchors are its links.
    assert page_links(XHTML, content_type, BASE) == ["http://127.0.0.1:8000/news/one.html",
                                                      "http://127.0.0.1:8000/news/two.html"]


@pytest.mark.parametrize(("content_type", "body"), [
    ("application/rss+xml", b""),          # feed_links: lxml XMLSyntaxError "Document is empty"
    ("application/rss+xml", b"   \n"),
    ("text/html", b"<!-- nothing here -->"),  # html_links: lxml ParserError "Document is empty"
])
def test_empty_documents_have_no_links_rather_than_raising(content_type, body):
    # An empty feed or a page of only a comment yields no links; it must not abort the crawl.
    assert page_links(body, content_type, BASE) == []


def test_html_base_href_is_honoured():
    # Relative links resolve against <base href> when the page declares one.
    body = b'<html><head><base href="http://127.0.0.1:8000/archive/2018/"></head>' \
           b'<body><a href="story.html">Story</a></body></html>'
    assert html_links(body, BASE) == ["http://127.0.0.1:8000/archive/2018/story.html"]


# --------------------------------------------------------------------------- crawl

def crawl_source(base: str, **overrides) -> Source:
    esc = re.escape(base)
    fields = dict(name="tiny", publisher="Tiny", start_urls=(f"{base}/news/",),
                  documents=(re.compile(rf"^{esc}/news/[a-z]+\.html$"),),
                  follow=(re.compile(rf"^{esc}/news/page/\d+/$"),))
    return make_source(**{**fields, **overrides})


def test_crawl_fetches_each_document_once(site):
    site.route("/news/", body=b"""<html><body>
        <a href="/news/alpha.html">Alpha</a>
        <a href="beta.html#comments">Beta</a>
        <a href="/news/alpha.html">Alpha again</a>
        <a href="/news/beta.html">Beta again</a>
        <a href="/about.html">About us (matches no pattern)</a>
        <a href="mailto:news@localhost">Mail</a>
        </body></html>""")
    site.route("/news/alpha.html", body=b"<h1>Alpha</h1>")
    site.route("/news/beta.html", body=b"<h1>Beta</h1>")
    site.route("/about.html", body=b"<h1>About</h1>")
    seen_rows = []

    result = crawl(crawl_source(site.base), Fetcher("run-c", None, backoff_seconds=0.01), on_fetch=seen_rows.append)

    assert [d.row.url for d in result.documents] == [site.url("/news/alpha.html"), site.url("/news/beta.html")]
    assert [d.body for d in result.documents] == [b"<h1>Alpha</h1>", b"<h1>Beta</h1>"]
    assert [f.url for f in result.fetches] == [site.url("/news/"), site.url("/news/alpha.html"),
                                               site.url("/news/beta.html")]
    assert seen_rows == result.fetches
    assert result.failures == []
    assert result.source == "tiny"
    assert dict(site.hits) == {"/robots.txt": 1, "/news/": 1, "/news/alpha.html": 1, "/news/beta.html": 1}


def test_crawl_follows_listing_pages_and_records_failures(site):
    site.route("/news/", body=b'<a href="/news/alpha.html">A</a><a href="/news/page/2/">Next</a>'
                              b'<a href="/news/gone.html">Gone</a>')
    site.route("/news/page/2/", body=b'<a href="/news/gamma.html">G</a><a href="/news/">Back to 1</a>')
    site.route("/news/alpha.html", body=b"A")
    site.route("/news/gamma.html", body=b"G")
    # /news/gone.html is not routed: 404

    result = crawl(crawl_source(site.base), Fetcher("run-c", None, backoff_seconds=0.01))

    assert [d.row.url for d in result.documents] == [site.url("/news/alpha.html"), site.url("/news/gamma.html")]
    assert [(f.url, f.outcome) for f in result.failures] == [(site.url("/news/gone.html"), "http_error")]
    assert len(result.fetches) == 5
    assert site.hits["/news/"] == 1
    assert site.hits["/news/gone.html"] == 1


def test_crawl_reads_an_rss_start_url(site):
    site.route("/feed.xml", body=b'<?xml version="1.0"?><rss version="2.0"><channel>'
                                 b"<item><link>/news/alpha.html</link></item>"
                                 b"<item><link>/news/beta.html?utm_source=rss</link></item>"
                                 b"</channel></rss>", content_type="application/rss+xml")
    site.route("/news/alpha.html", body=b"A")
    site.route("/news/beta.html", body=b"B")

    source = crawl_source(site.base, start_urls=(f"{site.base}/feed.xml",))
    result = crawl(source, Fetcher("run-c", None, backoff_seconds=0.01))

    assert [d.row.url for d in result.documents] == [site.url("/news/alpha.html"), site.url("/news/beta.html")]


@pytest.mark.parametrize(("max_pages", "documents"), [(1, 0), (3, 2), (10, 5)])
def test_crawl_respects_max_pages(site, max_pages, documents):
    names = ["alpha", "beta", "gamma", "delta", "epsilon"]
    site.route("/news/", body="".join(f'<a href="/news/{n}.html">{n}</a>' for n in names).encode())
    for n in names:
        site.route(f"/news/{n}.html", body=n.encode())

    result = crawl(crawl_source(site.base, max_pages=max_pages), Fetcher("run-c", None, backoff_seconds=0.01))

    assert len(result.fetches) == min(max_pages, 1 + len(names))
    assert len(result.documents) == documents
    assert sum(site.hits[f"/news/{n}.html"] for n in names) == documents
    assert [d.row.url for d in result.documents] == [site.url(f"/news/{n}.html") for n in names[:documents]]


def test_crawl_never_requests_robots_disallowed_documents(site):
    site.route("/robots.txt", body=b"User-agent: *\nDisallow: /news/beta", content_type="text/plain")
    site.route("/news/", body=b'<a href="/news/alpha.html">A</a><a href="/news/beta.html">B</a>')
    site.route("/news/alpha.html", body=b"A")
    site.route("/news/beta.html", body=b"B")

    result = crawl(crawl_source(site.base), Fetcher("run-c", None, backoff_seconds=0.01))

    assert [d.row.url for d in result.documents] == [site.url("/news/alpha.html")]
    assert [(f.url, f.outcome) for f in result.failures] == [(site.url("/news/beta.html"), "robots_disallowed")]
    assert site.hits["/news/beta.html"] == 0
