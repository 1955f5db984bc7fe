"""What text a page yields, by classes of markup: lists of links to other stories stay out, a story behind a paywall
class, a lead set apart from the body, a fact box in an <aside> and a table laying out minutes stay in, and the
titles of ModernGov agenda items are headings of the minutes, not the page's title. Pages written for these tests
in the markup of real sites' templates, several variants per rule."""

from __future__ import annotations

from datetime import datetime

import pytest

from csi.records import Document
from scrapers.platforms import parse_page
from scrapers.sources import Source

NEWS = Source(name="t", adapter="news", publisher="Anytown Gazette", doc_type="news",
              start_urls=("http://127.0.0.1/",), documents=())
MINUTES = Source(name="m", adapter="moderngov", publisher="Anytown Council", doc_type="minutes",
                 start_urls=("http://127.0.0.1/",), documents=())
STORY = ("<p>Children's services in Anytown have been rated good by Ofsted, the inspectorate said on Tuesday after a "
         "three-week visit.</p><p>Inspectors found that leaders knew their services well and that social workers had "
         "manageable caseloads, the report said.</p><p>The council had been judged to require improvement at its "
         "previous inspection, three years ago, when caseloads were high.</p>")


def _page(body: str, title: str = "Anytown children's services rated good") -> bytes:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} | Anytown Gazette</title></head>"
            f"<body><header><a class='logo' href='/'>Anytown Gazette</a></header>{body}</body></html>").encode()


def _read(body: str, source: Source = NEWS, url: str = "http://127.0.0.1/news/story") -> Document:
    return parse_page(url, _page(body), "text/html", datetime(2026, 1, 1), source, "x")


def _text(doc: Document) -> str:
    return "\n".join(b.text for b in doc.blocks)


@pytest.mark.parametrize("links", [
    # a news site's "Read more" in the body
    "<p><strong>READ MORE:</strong></p><ul><li><a href='/a'>Westshire children's services rated inadequate in "
    "damning report</a></li><li><a href='/b'>Eastborough council told to improve by inspectors</a></li></ul>",
    # "More on this story" with each headline's age beside it
    "<section data-component='links'><h2>More on this story</h2><ul><li><a href='/c'>Northtown children's "
    "services judged outstanding again</a> <time>2 days ago</time></li></ul></section>",
    # a blog's recent posts, nested under a year
    "<ul><li>2023<ul><li><a href='/d'>Why Southfield was rated inadequate in 2019</a></li><li><a href='/e'>What "
    "the Westshire report says about care leavers</a></li></ul></li></ul>",
])
def test_a_list_of_links_to_other_stories_is_no_part_of_the_story(links):
    doc = _read(f"<main><article><h1>Anytown children's services rated good</h1>{STORY}{links}</article></main>")
    assert "manageable caseloads" in _text(doc)
    assert not any(word in _text(doc) for word in ("Westshire", "Northtown", "Southfield"))


@pytest.mark.parametrize("items, kept", [
    ("<li><a href='/r/1'>Westshire</a></li><li><a href='/r/2'>Eastborough</a></li>", "Westshire"),  # names
    ("<li><a href='/r/1'>Westshire County Council</a>: good</li><li><a href='/r/2'>Eastborough</a>: good</li>",
     "Westshire County Council: good"),  # a word of the item's own beside the link
    ("<li><a href='/r/1'>Westshire</a> (inadequate, 2019)</li>", "Westshire (inadequate, 2019)"),
])
def test_a_list_whose_items_are_names_or_say_more_than_a_link_is_read(items, kept):
    doc = _read(f"<main><article><h1>Anytown children's services rated good</h1>{STORY}<p>Those rated good this "
                f"year were:</p><ul>{items}</ul></article></main>")
    assert kept in _text(doc)


@pytest.mark.parametrize("wall", [
    "<div class='paywall-content premium'>{}</div>",
    "<div id='subscription-content'><div class='article-body'>{}</div></div>",
    "<div class='story-text regwall'>{}</div>",
])
def test_a_story_behind_a_paywall_class_is_read_and_the_prompt_is_not(wall):
    prompt = ("<div class='paywall-prompt'><h3>Subscribe to keep reading</h3><p>Subscribers get unlimited access to "
              "every story on the site. Already a subscriber? Log in here to continue reading.</p></div>"
              "<div class='subscription-widget'><p>Sign up for our free newsletter to get every story first.</p></div>")
    doc = _read(f"<main><article><h1>Anytown children's services rated good</h1>{wall.format(STORY)}{prompt}"
                "</article></main>")
    assert "manageable caseloads" in _text(doc) and "previous inspection" in _text(doc)
    assert "Subscribe" not in _text(doc) and "newsletter" not in _text(doc)


@pytest.mark.parametrize("lead", [
    "<div data-gu-name='standfirst'><div><p>Ofsted says the council's services for children are now good, three "
    "years after it found they required improvement</p></div></div>",
    "<div class='article-intro'>Ofsted says the council's services for children are now good, three years after "
    "it found they required improvement.</div>",
    "<p class='lede'><b>Ofsted says the council's services for children are now good, three years after it found "
    "they required improvement.</b></p>",
])
def test_a_lead_set_apart_between_the_headline_and_the_body_is_read_first(lead):
    byline = "<p class='byline'>By Sam Reporter</p><p>Published: 12 March 2024, 10:02</p>"
    doc = _read(f"<main><h1>Anytown children's services rated good</h1>{lead}{byline}"
                f"<div class='wrapper'><div class='article-body'>{STORY}</div></div></main>")
    text = _text(doc)
    assert text.startswith("Ofsted says the council's services for children are now good")
    assert "manageable caseloads" in text and "Published" not in text and "Sam Reporter" not in text


@pytest.mark.parametrize("box, kept", [
    ("<aside class='factbox'><h3>The judgements</h3><ul><li>Overall effectiveness: good</li><li>Impact of leaders: "
     "good</li><li>Care leavers: requires improvement</li></ul></aside>", "Care leavers: requires improvement"),
    ("<aside class='key-facts'><table><tr><th>Judgement</th><th>Grade</th></tr><tr><td>Help and protection</td>"
     "<td>Good</td></tr></table></aside>", "Help and protection | Good"),
    ("<aside><p>At a glance: the council was judged inadequate in 2016 and requires improvement in 2019.</p></aside>",
     "judged inadequate in 2016"),
])
def test_a_fact_box_in_the_story_is_read_and_the_sites_boxes_are_not(box, kept):
    related = ("<aside class='related'><h3>Related</h3><p>Westshire report due soon, say officials.</p></aside>"
               "<aside><ul><li><a href='/x'>Eastborough children's services rated inadequate by Ofsted</a></li>"
               "</ul></aside>")
    doc = _read(f"<main><article><h1>Anytown children's services rated good</h1>{STORY}{box}{related}</article>"
                "<aside><p>Northtown's schools are the best in the region, says the regional schools commissioner."
                "</p></aside></main>")
    text = _text(doc)
    assert kept in text and "Westshire" not in text and "Eastborough" not in text and "Northtown" not in text


@pytest.mark.parametrize("cell", [
    "<strong>Ofsted inspection of children's services</strong><p>The Cabinet Member reported that the services had "
    "been judged good.</p><p>RESOLVED: That the report be noted.</p>",
    "<h3>Ofsted inspection of children's services</h3><p>The Cabinet Member reported that the services had been "
    "judged good.</p>",
    "<div>Ofsted inspection of children's services</div><div>The Cabinet Member reported that the services had been "
    "judged good.</div>",
])
def test_a_table_laying_out_minutes_is_read_as_headings_and_paragraphs(cell):
    doc = _read(f"<div id='content'><h1>Cabinet</h1><p>Thursday 12 March 2024</p><table><tr><td>84.</td>"
                f"<td>{cell}</td></tr><tr><td>85.</td><td><p>Budget monitoring: noted.</p></td></tr></table>"
                "<table><tr><td><p>Overall effectiveness</p></td><td><p>Good</p></td></tr></table></div>")
    texts = [b.text for b in doc.blocks]
    assert "Ofsted inspection of children's services" in texts
    assert "The Cabinet Member reported that the services had been judged good." in texts
    # a data table, a line in each cell (Word writes each in a <p>), is read row by row
    assert "85. | Budget monitoring: noted." in texts and "Overall effectiveness | Good" in texts


_MEETING = ("<div id='modgov'><div class='mgContent'><h1 class='mgMainTitleTxt'>Minutes</h1>{committee}"
            "<p><strong>Date:</strong> Tuesday, 5th March, 2024 6.30 pm</p>{items}</div></div>")


@pytest.mark.parametrize("committee, items", [
    ("<h2 class='mgSubTitleTxt'>Corporate Parenting Panel</h2>",
     "<div class='mgAgendaItem'><h2 class='mgSubTitleTxt'>4. Ofsted inspection outcome</h2><h3 "
     "class='mgSubSubTitleTxt'>Minutes:</h3><p class='mgWordPara'>The Director reported that services had been "
     "judged good.</p></div>"),
    ("<p class='mgSubTitle'><strong>Corporate Parenting Panel</strong></p>",
     "<div class='mgItem'><span class='mgSubTitleTxt'>4. Ofsted inspection outcome</span><p>The Director reported "
     "that services had been judged good.</p></div>"),
    ("<div class='mgSubTitleTxt'>Corporate Parenting Panel</div>",
     "<p class='mgSubTitleTxt'>4. Ofsted inspection outcome</p><p>The Director reported that services had been "
     "judged good.</p>"),
])
def test_a_moderngov_agenda_items_title_is_a_heading_of_the_minutes_not_the_pages_title(committee, items):
    url = "http://127.0.0.1/ieListDocuments.aspx?CId=12&MId=345"
    doc = _read(_MEETING.format(committee=committee, items=items), MINUTES, url)
    assert doc.title in ("Corporate Parenting Panel", "Anytown children's services rated good | Anytown Gazette")
    assert "4. Ofsted inspection outcome" in [b.text for b in doc.blocks if b.kind == "heading"]
    assert "The Director reported that services had been judged good." in _text(doc)


_HEADLINE = "Anytown children's services rated good by Ofsted"


@pytest.mark.parametrize("page_title, body", [
    (f"{_HEADLINE} – Social Work Matters", "<div id='masthead'><h1 class='site-title'><a href='/'>Social Work "
     f"Matters</a></h1></div><main><article><h2 class='entry-title'>{_HEADLINE}</h2>{STORY}</article></main>"),
    (f"{_HEADLINE} | Anytown Echo", f"<div class='masthead'><h1>Anytown Echo</h1></div><main><h1>{_HEADLINE}</h1>"
     f"{STORY}</main>"),
    (f"{_HEADLINE} | News | Anytown Council", "<div class='site-header'><h1 class='logo'>Anytown Council</h1></div>"
     f"<div id='content'><h2>{_HEADLINE}</h2>{STORY}</div>"),
])
def test_the_sites_name_in_a_masthead_h1_is_not_the_headline(page_title, body):
    html = f"<html><head><title>{page_title}</title></head><body>{body}</body></html>".encode()
    assert parse_page("http://127.0.0.1/news/story", html, "text/html", datetime(2026, 1, 1), NEWS,
                      "x").title == _HEADLINE


def test_a_headline_shorter_than_the_sites_name_is_still_the_headline():
    html = ("<html><head><title>Anytown, eight years on – Reflections from Social Work</title></head><body><header "
            "class='site-header'><p class='site-title'><a href='/'>Reflections from Social Work</a></p></header>"
            "<article><header class='entry-header'><h1 class='entry-title'>Anytown, eight years on</h1></header>"
            f"{STORY}</article></body></html>").encode()
    assert parse_page("http://127.0.0.1/2022/09/post", html, "text/html", datetime(2026, 1, 1), NEWS,
                      "x").title == "Anytown, eight years on"


_NEXT = ("<article class='story'><h1>Northtown children's services still inadequate</h1><div class='story-body'><p>"
         "Northtown's children's services remain inadequate, Ofsted said on Friday after its latest inspection of the "
         "council.</p><p>The council was rated requires improvement in 2017 and has struggled to recruit social "
         "workers, the report found.</p></div></article>")


_NEXT_BARE = _NEXT.replace(" class='story'", "").replace(" class='story-body'", "")


@pytest.mark.parametrize("page", [
    # the next story loaded below the first, in the same markup
    f"<main><article class='story'><h1>{_HEADLINE}</h1><div class='story-body'>{STORY}</div></article>"
    f"<div class='next-label'>Next story</div>{_NEXT}</main>",
    # the page's story second, its <h1> repeating the page's title
    f"<main>{_NEXT}<article class='story'><h1>{_HEADLINE}</h1><div class='story-body'>{STORY}</div></article></main>",
    # stories side by side in a feed wrapper, the body not in a class of its own
    f"<div class='feed'><article><h1>{_HEADLINE}</h1>{STORY}</article>{_NEXT_BARE}</div>",
])
def test_another_story_on_the_page_is_no_part_of_it(page):
    html = f"<html><head><title>{_HEADLINE} | Anytown Echo</title></head><body>{page}</body></html>".encode()
    doc = parse_page("http://127.0.0.1/news/story", html, "text/html", datetime(2026, 1, 1), NEWS, "x")
    assert "manageable caseloads" in _text(doc) and "Northtown" not in _text(doc) + doc.title
