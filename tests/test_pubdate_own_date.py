"""A page's own date wins over the dates its text tells of: a minutes page's meeting date (in its title, heading or
subtitle line), a date line under the title rather than a short sentence that mentions a date, and a labelled date
rather than "a report published yesterday (3 June 2014)" inside a sentence. Pages written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.pubdate import publication_date_of_html

URL = "https://democracy.example.gov.uk/ieListDocuments.aspx?CId=120&MId=3456"


@pytest.mark.parametrize("html", [
    "<html><head><title>Cabinet - Tuesday, 16th September, 2025 7.00 pm</title></head><body><h1>Cabinet - Tuesday, "
    "16th September, 2025 7.00 pm</h1><p>Ofsted's report of 12 March 2021 was noted.</p></body></html>",
    "<html><head><title>Agenda for Children's Scrutiny Panel on Tuesday, 16th September, 2025, 7.00 pm - Northtown "
    "Council</title></head><body><h1>Agenda item</h1><p>The inspection of 4 July 2019 found...</p></body></html>",
    "<html><body><div id='modgov'><h1 class='mgMainTitleTxt'>Issue details</h1><div class='mgSubTitleTxt'>Cabinet"
    "</div><p class='mgSubTitleTxt'>Tuesday 16 September, 2025 </p><h2>Ofsted inspection of children's services</h2>"
    "<p>The inspection of 4 July 2019 found...</p></div></body></html>",
])
def test_a_minutes_page_is_dated_by_its_meeting(html):
    assert publication_date_of_html(html, URL) == date(2025, 9, 16)


@pytest.mark.parametrize("body", [
    "<p>In 2019 Ofsted visited. The report of 12 March 2021 said more.</p>",
    "<p>Inspectors came back on 4 July 2018 to check.</p>",
    "<p>On 20 December 2017 the council was told.</p>",
])
def test_a_short_sentence_under_the_title_is_no_date_line(body):
    html = f"<html><body><h1>Council praised by inspectors</h1>{body}<p>More text.</p></body></html>"
    assert publication_date_of_html(html, "https://news.example.org/story") is None


@pytest.mark.parametrize("line", ["12 May 2016", "By Jo Bloggs | 12/05/2016", "Thursday, May 12, 2016 - 10:31"])
def test_a_date_line_under_the_title_dates_the_page(line):
    html = (f"<html><body><h1>Council praised by inspectors</h1><p>{line}</p><p>In 2015 it was judged...</p>"
            "</body></html>")
    assert publication_date_of_html(html, "https://news.example.org/story") == date(2016, 5, 12)


@pytest.mark.parametrize("sentence", [
    "According to a report published yesterday (3 June 2014), the new inspections can drive improvement.",
    "Figures released on 3 June 2014 show that most councils improved.",
    "The report, first published on 3 June 2014 and revised since, is long.",
])
def test_a_date_labelled_inside_running_prose_is_not_the_pages(sentence):
    html = (f"<html><body><h1>Inspections have the right ambition</h1><p class='postdate'>Ofsted · 4 June 2014</p>"
            f"<p>{sentence}</p></body></html>")
    assert publication_date_of_html(html, "https://news.example.org/story") == date(2014, 6, 4)


@pytest.mark.parametrize("line", [
    "This entry was posted on Thursday, March 3rd, 2022 at 10:00 am",
    "Posted on 3 March 2022 by Jo in Children's services",
    "Published 03/03/2022 | 4 comments",
])
def test_an_articles_own_footer_dates_it(line):
    html = ("<html><body><article><h1>Ofsted and us</h1><p>In June 2018 inspectors found the service inadequate and "
            f"we have worked on it since.</p><footer class='entry-footer'>{line}</footer></article>"
            "<footer><p>Site updated 1 January 2024</p></footer></body></html>")
    assert publication_date_of_html(html, "https://blog.example.org/ofsted-and-us") == date(2022, 3, 3)
