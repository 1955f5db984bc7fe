"""What a page prints after its own end (</body>, </html>) is on the page, as a browser shows it."""

from __future__ import annotations

import pytest

from scrapers.html import lean_soup


@pytest.mark.parametrize("page", [
    "<html><body><article><p>The post.</p></article></body></html>\n<section id='comments'><p>A reader's word.</p>"
    "</section>",
    "<html><body><p>The post.</p></body>\n<div class='comments'><p>A reader's word.</p></div></html>",
    "<HTML><BODY><p>The post.</p></BODY></HTML><p>A reader's word.</p>",
])
def test_what_follows_the_end_of_a_page_is_read(page):
    soup, _ = lean_soup(page)
    assert [p.get_text() for p in soup.body.find_all("p")] == ["The post.", "A reader's word."]
