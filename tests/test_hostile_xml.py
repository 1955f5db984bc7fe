"""XML written by strangers: entity expansion ("billion laughs") and external entities (a local file, a
loopback server that counts requests) are refused in RSS, Atom, sitemaps and the ModernGov web service."""

from __future__ import annotations

import time

import pytest

from scrapers.links import feed_links
from scrapers.platforms.moderngov import discover as mg

BASE = "http://127.0.0.1:8000/feed.xml"
SECRET = "csi-secret-7d1f0c"

LAUGHS = """<!DOCTYPE {root} [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>"""

# Each document puts the entity where its parser reads a URL or a title: a link, a loc, a committee title.
FEEDS = {
    "rss": """<rss version="2.0"><channel><title>News</title>
      <item><title>Ofsted visit</title><link>http://127.0.0.1:8000/news/&{entity};</link></item>
      <item><title>Safe</title><link>http://127.0.0.1:8000/news/safe.html</link></item>
    </channel></rss>""",
    "atom": """<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
      <entry><title>Ofsted visit</title><link href="http://127.0.0.1:8000/news/x.html"/>
        <summary>&{entity};</summary></entry>
      <entry><title>Also</title><link>http://127.0.0.1:8000/news/&{entity};</link></entry>
      <entry><title>Safe</title><link href="http://127.0.0.1:8000/news/safe.html"/></entry>
    </feed>""",
    "sitemap": """<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>http://127.0.0.1:8000/news/&{entity};</loc></url>
      <url><loc>http://127.0.0.1:8000/news/safe.html</loc></url>
    </urlset>""",
}
ROOTS = {"rss": "rss", "atom": "feed", "sitemap": "urlset"}
SAFE_LINK = "http://127.0.0.1:8000/news/safe.html"

WEB_SERVICE = {
    "committees": (mg.parse_ws_committees, "committees", """<committees><committee><committeeid>7</committeeid>
      <committeetitle>Children &{entity};</committeetitle></committee></committees>"""),
    "meetings": (mg.parse_ws_meetings, "meetings", """<meetings><meeting><meetingid>9</meetingid>
      <meetingdate>12/03/2024</meetingdate><committeeid>&{entity};</committeeid></meeting></meetings>"""),
    "meeting": (mg.parse_ws_meeting, "meeting", """<meeting><meetingdate>12/03/2024</meetingdate>
      <agendaitems><agendaitem><agendaitemid>11</agendaitemid><agendaitemtitle>Ofsted &{entity};</agendaitemtitle>
      </agendaitem></agendaitems></meeting>"""),
}


def _external(root: str, system_id: str) -> str:
    return f'<!DOCTYPE {root} [<!ENTITY ext SYSTEM "{system_id}">]>'


def _parameter_entity(root: str, system_id: str) -> str:
    return f'<!DOCTYPE {root} [<!ENTITY % remote SYSTEM "{system_id}"> %remote;]>'


@pytest.fixture
def secret_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


@pytest.mark.parametrize("kind", FEEDS)
def test_feeds_do_not_expand_entity_bombs(kind):
    body = (LAUGHS.format(root=ROOTS[kind]) + FEEDS[kind].format(entity="lol9")).encode()
    started = time.monotonic()
    links = feed_links(body, BASE)
    assert time.monotonic() - started < 2.0
    assert len("".join(links)) < 200
    assert not any("lol" in link for link in links)


@pytest.mark.parametrize("kind", FEEDS)
def test_feeds_do_not_read_external_file_entities(kind, secret_file):
    body = (_external(ROOTS[kind], secret_file.as_uri()) + FEEDS[kind].format(entity="ext")).encode()
    links = feed_links(body, BASE)
    assert SAFE_LINK in links  # the rest of the feed is read; the entity is left unexpanded
    assert not any(SECRET in link for link in links)


@pytest.mark.parametrize("kind", FEEDS)
@pytest.mark.parametrize("declare", [_external, _parameter_entity])
def test_feeds_do_not_fetch_external_entities(kind, declare, site):
    site.route("/entity.txt", body=SECRET.encode(), content_type="text/plain")
    body = (declare(ROOTS[kind], site.url("/entity.txt")) + FEEDS[kind].format(entity="ext")).encode()
    links = feed_links(body, BASE)
    assert not any(SECRET in link for link in links)
    assert not site.log, "the XML parser made a request"


@pytest.mark.parametrize("call", WEB_SERVICE)
def test_web_service_refuses_entity_bombs(call):
    parse, root, template = WEB_SERVICE[call]
    body = (LAUGHS.format(root=root) + template.format(entity="lol9")).encode()
    started = time.monotonic()
    with pytest.raises(mg.WebServiceError, match="amplification|DTD refused"):
        parse(body)
    assert time.monotonic() - started < 2.0


@pytest.mark.parametrize("call", WEB_SERVICE)
def test_web_service_refuses_external_file_entities(call, secret_file):
    parse, root, template = WEB_SERVICE[call]
    body = (_external(root, secret_file.as_uri()) + template.format(entity="ext")).encode()
    with pytest.raises(mg.WebServiceError) as refused:
        parse(body)
    assert SECRET not in str(refused.value)


@pytest.mark.parametrize("call", WEB_SERVICE)
@pytest.mark.parametrize("declare", [_external, _parameter_entity])
def test_web_service_refuses_network_entities(call, declare, site):
    parse, root, template = WEB_SERVICE[call]
    site.route("/entity.txt", body=SECRET.encode(), content_type="text/plain")
    body = (declare(root, site.url("/entity.txt")) + template.format(entity="ext")).encode()
    with pytest.raises(mg.WebServiceError) as refused:
        parse(body)
    assert SECRET not in str(refused.value)
    assert not site.log, "the XML parser made a request"


def test_web_service_refuses_a_dtd_hidden_in_an_asmx_string_wrapper(site):
    site.route("/entity.txt", body=SECRET.encode(), content_type="text/plain")
    inner = _external("committees", site.url("/entity.txt")) + WEB_SERVICE["committees"][2].format(entity="ext")
    escaped = inner.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = f'<?xml version="1.0"?><string xmlns="http://tempuri.org/">{escaped}</string>'.encode()
    with pytest.raises(mg.WebServiceError, match="DTD refused"):
        mg.parse_ws_committees(body)
    assert not site.log
