"""How a page's structure scopes the claims under it: the headline over the site's name, headings and year labels
that date what follows them (stop 27, structure)."""

from __future__ import annotations

from datetime import datetime

import pytest

from scrapers.platforms.news.parse import parse_article
from scrapers.sources import Source

_SOURCE = Source(name="t", adapter="news", publisher="t", doc_type="news", start_urls=("https://blog.example/p",),
                 documents=())


# --- the headline, not the site's name in the masthead --------------------------------------------------------------

@pytest.mark.parametrize("site, headline, masthead", [
    ("Northern Care Notes", "Wigan: ten years of inspections, told briefly",
     '<header id="masthead"><h1 class="site-title"><a href="/">Northern Care Notes</a></h1></header>'),
    ("The Fostering Diary", "Why the Hackney report matters",
     '<div role="banner"><h1><a href="/">The Fostering Diary</a></h1><p>notes and news</p></div>'),
    ("Social Work Ledger", "Somerset's long climb out of inadequate",
     '<header><h1 class="logo">Social Work Ledger</h1><nav><a href="/">Home</a></nav></header>'),
])
def test_the_site_name_in_the_masthead_is_not_the_headline(site, headline, masthead):
    page = (f"<html><head><title>{headline} – {site}</title></head><body>{masthead}<article>"
            f"<h2 class=\"entry-title\">{headline}</h2><p>The post itself, long enough to be read as the article's "
            f"text by the generic rules.</p></article></body></html>").encode()
    doc = parse_article("https://blog.example/p", page, "text/html", datetime(2026, 1, 1), _SOURCE, "x")
    assert doc.title == headline
