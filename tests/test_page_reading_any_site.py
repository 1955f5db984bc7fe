"""How a page is read, whatever its site: a publication dated by its month alone, a story's own box inside a site
profile's body, a comment thread by any of its names, lines a <br> ends. Pages written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from scrapers.pubdate import publication_date_of_html


@pytest.mark.parametrize(("line", "day"), [
    ("Posted on November 2022 by the children's services team", date(2022, 11, 1)),
    ("Published: March 2021", date(2021, 3, 1)),
    ("Date published: June 2019 | 4 min read", date(2019, 6, 1)),
    ("Issued July 2023", date(2023, 7, 1)),
    ("Children's Services Team | October 2020", date(2020, 10, 1)),
])
def test_a_publication_dated_by_its_month_alone_is_the_first_of_that_month(line, day):
    html = (f"<html><body><h1>Our inspection story so far</h1><div class='entry-meta'>{line}</div>"
            "<p>In September 2018 inspectors visited. The report came out in 2019.</p></body></html>")
    assert publication_date_of_html(html, "https://blog.example.org/our-story") == day


@pytest.mark.parametrize("sentence", [
    "The report published in March 2021 found the service good.",
    "Figures released in June 2019 show that most councils improved.",
    "We posted our plan in November 2022 and it was praised.",
])
def test_a_month_told_of_in_running_prose_does_not_date_the_page(sentence):
    html = f"<html><body><h1>Our inspection story so far</h1><p>{sentence}</p><p>More text.</p></body></html>"
    assert publication_date_of_html(html, "https://blog.example.org/our-story") is None


def _read(html: str, profile=None):
    from datetime import datetime

    from scrapers.platforms import parse_page
    from scrapers.sources import Source

    source = Source(name="t", adapter="news", publisher="Anytown Gazette", doc_type="news",
                    start_urls=("http://127.0.0.1/",), documents=(), profile=profile)
    return parse_page("http://127.0.0.1/news/story", html.encode(), "text/html", datetime(2026, 1, 1), source, "x")


STORY_BOX = ("<html><body><article><h1>Northtown keeps its grade</h1><div class='story-body'>"
             "<p>Northtown's children's services have again been rated good by Ofsted, the council said on Monday.</p>"
             "<aside class='{cls}'><h3>{heading}</h3><p>Westshire: the county's services were rated outstanding in "
             "May, up from good.</p></aside><p>The council leader welcomed the report and thanked the staff.</p>"
             "</div></article><aside class='related'><a href='/a'>Bin collections change</a></aside></body></html>")


@pytest.mark.parametrize(("cls", "heading"), [("news-in-brief", "In brief"), ("factbox", "Key facts"),
                                              ("panel", "Elsewhere in the region")])
def test_a_story_box_inside_a_profiles_body_is_read_as_generic_extraction_reads_it(cls, heading):
    from scrapers.sources import Profile

    html = STORY_BOX.format(cls=cls, heading=heading)
    generic, profiled = _read(html), _read(html, Profile(name="p", title="h1", body="div.story-body"))
    for doc in (generic, profiled):
        assert "Westshire: the county's services were rated outstanding" in doc.text
        assert "Bin collections" not in doc.text


THREAD = ("<html><body><article><h1>Northtown at last</h1>"
          + "<p>Northtown's children's services have been rated good by Ofsted, after a long wait for the families, "
            "the staff and the councillors who fought for the money to hire more social workers.</p>" * 4
          + "{thread}</article></body></html>")
REPLY = ("<div class='{item}'><p class='{item}-author'>Sam</p><p>Over in Westshire we were rated inadequate in 2016 "
         "and it took years to recover from it.</p></div>")


@pytest.mark.parametrize("thread", [
    "<section id='responses'><h2>2 responses</h2>{items}</section>",
    "<ol class='replies'>{items}</ol>",
    "<div class='reader-comments'><h3>Comments</h3>{items}</div>",
])
def test_a_thread_of_readers_comments_is_read_as_comments_whatever_it_is_called(thread):
    item = "response" if "responses" in thread else "comment"
    doc = _read(THREAD.format(thread=thread.format(items=REPLY.format(item=item) * 2)))
    assert "Westshire" not in doc.text  # not the article's own text
    assert [b.text for b in doc.comments] == ["Over in Westshire we were rated inadequate in 2016 and it took years "
                                              "to recover from it."] * 2


def _ratings(body: str) -> set[tuple]:
    from datetime import datetime

    from pipeline.pages import read_page
    from scrapers.sources import Source

    source = Source(name="t", adapter="news", publisher="x", doc_type="news", start_urls=("http://127.0.0.1/",),
                    documents=())
    intro = "<p>Ofsted has published a busy month of inspections of councils' children's services; here they are.</p>"
    html = (f"<html><head><title>Round-up</title><meta property='article:published_time' content='2024-06-03'>"
            f"</head><body><article><h1>Inspection round-up for the month of May</h1>{intro}{body}{intro}</article>"
            "</body></html>")
    _, found = read_page("https://news.example.org/roundup", html.encode(), "text/html", datetime(2026, 1, 1),
                         source, link_official=False)
    return {(r.council_code, r.judgement, r.grade, r.rated_year) for r in found.ratings}


TORBAY, HALTON, MEDWAY = "E06000027", "E06000006", "E06000035"


@pytest.mark.parametrize("lines", [
    "<p>Torbay: good (inadequate, 2018)<br>Halton – requires improvement<br>Medway: outstanding</p>",
    "<p><b>Torbay</b> – good (inadequate, 2018)<br><b>Halton</b> – requires improvement<br><b>Medway</b> – "
    "outstanding</p>",
    "<div>Torbay: good (was inadequate in 2018)<br>\nHalton: requires improvement<br>\nMedway: outstanding<br></div>",
])
def test_lines_a_br_ends_are_a_list_each_line_its_own_entry(lines):
    assert _ratings(f"<h3>This month's results</h3>{lines}") == {
        (TORBAY, "overall_effectiveness", "good", 2024), (TORBAY, "overall_effectiveness", "inadequate", 2018),
        (HALTON, "overall_effectiveness", "requires_improvement", 2024),
        (MEDWAY, "overall_effectiveness", "outstanding", 2024)}


@pytest.mark.parametrize("lines", [
    "The Halton director said she was pleased for her neighbours.<br>Medway's leader sent his congratulations.",
    "Halton's director wrote to congratulate the team.<br><br>Medway's leader said the same on Tuesday.",
    "Staff from Halton had visited in March.<br>Medway sent two managers too.<br>Both were thanked.",
])
def test_sentences_a_br_ends_stay_a_paragraph_not_a_list_under_the_heading(lines):
    assert _ratings(f"<h3>Torbay rated good</h3><p>{lines}</p>") == {(TORBAY, "overall_effectiveness", "good", 2024)}

