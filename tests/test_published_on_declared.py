"""The date a publisher declares in the page wins over a date a site profile's selector finds elsewhere.

A profile's date selector can be as loose as "time": on a page with a "most read" box, or a story that marks up
the date of the inspection it recalls, its first match is not the publication date. Every current claim takes
its year from the publication date, so a wrong one shifts every current rating of the page. The pages here are
written for these tests in the markup of trade news sites (JSON-LD, Open Graph meta tags, microdata).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from scrapers.platforms import parse_page
from scrapers.sources import Profile, Source

URL = "http://127.0.0.1/services/children/story/1234.article"
LOOSE = Profile(name="trade", title="h1", body="div.story", date="time")

STORY = """
<div class="story">
  <p>Inspectors who visited Westshire in <time datetime="2018-07-09">July 2018</time> found weak practice; the
  county's services for children have now been rated good, with leaders praised for a steady recovery.</p>
  <p>The director said the service had rebuilt its front door and cut caseloads across every team.</p>
</div>"""
MOST_READ = """<div class="most-read"><ul><li><a href="/a">Pay talks stall</a>
  <time datetime="2019-01-15">15 January 2019</time></li></ul></div>"""


def _page(head: str, before_story: str = "", byline: str = "") -> bytes:
    return f"""<!doctype html><html lang="en-GB"><head><title>Westshire rated good | Trade News</title>{head}</head>
<body><nav><a href="/">Home</a></nav>{before_story}<main><article><h1>Westshire children's services rated good</h1>
{byline}{STORY}</article></main></body></html>""".encode()


def _published(body: bytes, profile: Profile | None = LOOSE) -> date | None:
    source = Source(name="t", adapter="news", publisher="Trade News", doc_type="news",
                    start_urls=("http://127.0.0.1/",), documents=(), profile=profile)
    return parse_page(URL, body, "text/html", datetime(2026, 1, 1), source, "x").published_on


@pytest.mark.parametrize("head", [
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
    ' "headline": "Westshire rated good", "datePublished": "2022-03-03T09:30:00+00:00"}</script>',
    '<meta property="article:published_time" content="2022-03-03T08:00:00Z">',
    '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage",'
    ' "datePublished": "2022-03-03"}, {"@type": "Organization", "name": "Trade News"}]}</script>',
])
@pytest.mark.parametrize("before_story", ["", MOST_READ])
def test_the_declared_date_wins_over_the_profiles_selector(head, before_story):
    assert _published(_page(head, before_story)) == date(2022, 3, 3)


def test_microdata_on_the_byline_is_declared_too():
    byline = '<p class="byline">By A Reporter, <span itemprop="datePublished" content="2022-03-03">3 March</span></p>'
    assert _published(_page("", MOST_READ, byline)) == date(2022, 3, 3)


@pytest.mark.parametrize("byline, expected", [
    ('<p class="meta"><time datetime="2022-03-03">3 March 2022</time></p>', date(2022, 3, 3)),
    ('<p class="meta"><time>Thursday 3 March 2022</time></p>', date(2022, 3, 3)),
])
def test_without_declared_metadata_the_selector_skips_boxes_about_other_stories(byline, expected):
    # the "most read" box comes first in the page, but dates other stories
    assert _published(_page("", MOST_READ, byline)) == expected


@pytest.mark.parametrize("line", [
    '<p class="dateline">Published: 3 March 2022</p>',
    '<div>Published 3 March 2022, 09:30</div>',
    '<p>Posted on 3 March 2022 by A Reporter</p>',
])
def test_generic_pages_a_labelled_date_wins_over_a_time_in_the_story(line):
    # no profile and no metadata: the story's <time>July 2018</time> comes before nothing the publisher declared
    assert _published(_page("", "", line), profile=None) == date(2022, 3, 3)
