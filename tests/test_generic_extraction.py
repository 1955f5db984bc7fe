"""Generic article extraction on publisher-like pages written for these tests (tests/fixtures/generic/).

Each fixture pins what the document text must contain (the story, its headings and lists) and what it
must not (navigation, cookie banners, sidebars, comments, related links, newsletter and paywall
prompts, captions, footers). Also: site profiles that stop matching fall back to generic extraction
and record a profile_miss, the metadata skeleton gives the date rules the same answer as the whole
page, and the benchmark metrics behave as the benchmarks define them. Nothing here reads /work/shared.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from csi.caseless import Caseless
from front.evaluation.extraction import score_bodies, score_snippets, shingle_match, snippet_counts
from scrapers.generic_extraction import (
    PageScan,
    content_tree,
    main_content,
    metadata_soup,
    strip_chrome_tags,
)
from scrapers.html import blocks_of, decode_html, lean_tree, soup_of, to_html, tree_blocks
from scrapers.platforms import parse_page
from scrapers.platforms.news.parse import parse_article
from scrapers.pubdate import publication_date
from scrapers.sources import Profile, Source

GENERIC = Path(__file__).parent / "fixtures" / "generic"
URL = "http://127.0.0.1/news/story"


def _source(profile: Profile | None = None) -> Source:
    return Source(name="t", adapter="news", publisher="Anytown Gazette", doc_type="news",
                  start_urls=("http://127.0.0.1/",), documents=(), profile=profile)


def _parse(name: str, profile: Profile | None = None):
    body = (GENERIC / name).read_bytes()
    return parse_page(URL, body, "text/html", datetime(2026, 1, 1), _source(profile), "x")


# fixture: (title, author, published_on, must include, must exclude)
CASES = {
    "council_press_release.html": (
        "Ofsted rates children's services good", None, date(2023, 3, 14),
        ["judged good overall by Ofsted", "What the inspectors found", "Caseloads are manageable",
         "Areas for improvement", "the quality of written plans for disabled children.",
         'Councillor Priya Shah, cabinet member for children and families, said: "This judgement'],
        ["cookies", "Skip to", "Bins and recycling", "Share on Facebook", "Related pages", "Latest news",
         "Road resurfacing", "Was this page useful", "County Hall", "Accessibility statement", "Home >"],
    ),
    "local_paper_comments.html": (
        "Council's care services told to improve after Ofsted visit", "Tom Reilly", date(2022, 11, 2),
        ["require improvement to be good", "from 40 per cent to 22 per cent",
         "appointed a new head of service for children in care", "last inspected in 2018"],
        ["Picture: Westbury Echo archive", "Advertisement", "Get the Echo in your inbox", "Sign up for our free",
         "Read more:", "ConcernedParent77", "same story every few years", "fostered for the borough",
         "Most read", "Man fined", "All rights reserved", "local democracy reporter", "Your town, your news"],
    ),
    "trade_paywall.html": (
        "Inadequate rating for second council in a month", "Amira Khan", date(2021, 6, 8),
        ["children at risk of harm were left in unsafe situations", "rated inadequate by Ofsted",
         "require improvement to be good."],
        ["This article is for subscribers", "Subscribe today", "Already a subscriber", "Senior social worker",
         "Leadership in children's services conference", "Sign in", "Terms"],
    ),
    "wordpress_blog.html": (
        "What the new inspection framework means for care leavers", "Dana Obi", date(2024, 1, 22),
        ["a separate judgement on the experiences and progress of care leavers", "Three things to look for",
         "personal adviser they can name and reach", "now carry a grade of their own."],
        ["Posted on", "Share this", "Twitter", "Posted in", "thoughts on", "Really useful summary",
         "aged 21 to 25", "Leave a Reply", "Recent posts", "Housing duties explained", "Proudly powered"],
    ),
    "split_article.html": (
        "Minister orders review after run of poor inspections", "Helen Park, Sam Osei", date(2019, 9, 30),
        ["four authorities were rated inadequate", "how long commissioners stay in post",
         "two of them had been rated good at their previous inspection", "shortage of experienced social workers",
         "expected to report in the spring"],
        ["Advertisement", "Related:", "More from National Digest", "Ten walks", "Trending", "Celebrity chef",
         "Log in", "Digest Media Ltd"],
    ),
    "page_builder.html": (
        "Our response to the focused visit", None, None,
        ["Ofsted carried out a focused visit to the trust in May", "does not result in a graded judgement",
         "improve the recording of management decisions", "report on progress to the improvement board"],
        ["About the trust", "Registered charity", "Riverside House"],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_generic_fixture(name):
    title, author, published_on, include, exclude = CASES[name]
    doc = _parse(name)
    assert (doc.title, doc.author, doc.published_on, doc.profile_miss) == (title, author, published_on, None)
    for phrase in include:
        assert phrase in doc.text, phrase
    for phrase in exclude:
        assert phrase not in doc.text, phrase
    assert doc.text == "\n\n".join(b.text for b in doc.blocks)
    assert title not in [b.text for b in doc.blocks]  # the headline is the title, not a block


def test_findings_keep_their_headings_and_lists():
    doc = _parse("council_press_release.html")
    kinds = [(b.kind, b.list_id) for b in doc.blocks]
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["What the inspectors found",
                                                                   "Areas for improvement"]
    strengths = [b for b in doc.blocks if b.kind == "list_item" and b.list_id == kinds[5][1]]
    assert [b.text for b in strengths][0] == "Social workers know their children well and visit them regularly."
    assert sum(b.kind == "list_item" for b in doc.blocks) == 5
    assert len({b.list_id for b in doc.blocks if b.kind == "list_item"}) == 2
    blog = _parse("wordpress_blog.html")
    assert [b.kind for b in blog.blocks].count("list_item") == 3


def test_text_joins_inline_markup_as_rendered():
    html = ("<html><body><div class='story'><p>Inspectors rated <a href='/r'>Northshire</a>, which was "
            "<em>inadequate</em> in 2019, <b>good</b>.</p>Loose text in the container, <a href='#'>with a link</a>"
            " inside it, is one paragraph.<br>After a break.<p>Another paragraph long enough to count here.</p>"
            "</div></body></html>")
    tree, _ = lean_tree(html)
    texts = [b.text for b in tree_blocks(content_tree(main_content(tree)))]
    assert texts == ["Inspectors rated Northshire, which was inadequate in 2019, good.",
                     "Loose text in the container, with a link inside it, is one paragraph.", "After a break.",
                     "Another paragraph long enough to count here."]


# Markup where reading the lxml tree could part from reading a soup of the same markup.
SAME_BLOCKS = {
    "ruby": "<p>The council's name <ruby>北<rp>(</rp><rt>kita</rt><rp>)</rp></ruby> was read aloud at the meeting.</p>",
    "raw text": "<div><p>Minutes of the panel held in the town hall on Tuesday.</p><xmp>a <b> & c</xmp>"
                "<noframes>x &amp; <i>y</i></noframes></div>",
    "whole body": "<p>Short.</p>",
    "inline runs": "<div class='story'><span>Updated</span><a href='/x'>Police</a> said<br>•&nbsp;first point"
                   "<br>• second point<span><p>A paragraph inside a span, long enough to count.</p></span>"
                   "<img src='a.png'> <b>bold</b>\u200b<i>italic</i>. Enough words for a paragraph here.</div>",
    "lists and tables": "<article><h2>Findings</h2><ul><li>One <ul><li>nested</li></ul></li><li>Two</li></ul>"
                        "<table><tr><th>Judgement</th><td>Grade</td></tr><tr><td><p>Overall</p></td><td>Good</td>"
                        "</tr></table><p>Closing paragraph with enough words to be the main content.</p></article>",
    "link list": "<div><p><a href='/a'>Back to news</a> | <a href='/b'>Have your say</a></p><p>The inspection "
                 "found that leaders had improved services since the previous visit, the report says.</p></div>",
}


@pytest.mark.parametrize("name", sorted(SAME_BLOCKS))
def test_blocks_of_the_lxml_tree_are_those_of_a_soup_of_the_same_markup(name):
    tree, _ = lean_tree(f"<html><head><title>T</title></head><body>{SAME_BLOCKS[name]}</body></html>")
    elements = main_content(tree)
    soup = BeautifulSoup("<div>" + "".join(to_html(el, with_tail=False) for el in elements) + "</div>", "lxml")
    expected = blocks_of(soup.body.div)
    assert expected and tree_blocks(content_tree(elements)) == expected


@pytest.mark.parametrize("text", ["Subscribe NOW to our newsletter", "Display: None", "byLine-wrap", "no match here",
                                  "ſubscribe today", "Keep up with us on Facebook", "Read more:", "READ MORE",
                                  "“Subscribe today”, she said", "SIGN UP FOR the briefing", "Keep up wİth us on X",
                                  "Dısplay: none"])
def test_caseless_patterns_find_what_re_ignorecase_finds(text):
    for pattern in (r"\b(?:subscribe (?:now|today|to)|sign up (?:for|to)|keep up with (?:us|me) on|read more:?$)",
                    r"display\s*:\s*none", r"byline|by-line", r"^(?:comment|reply)"):
        caseless, any_case = Caseless(pattern), re.compile(pattern, re.I)
        assert caseless.search(text) == (any_case.search(text) is not None)
        assert caseless.match(text) == (any_case.match(text) is not None)
        assert caseless.fullmatch(text) == (any_case.fullmatch(text) is not None)


def test_main_content_is_one_div_and_the_page_is_never_empty():
    tree, _ = lean_tree("<html><body><p>Too short.</p></body></html>")
    root = content_tree(main_content(tree))
    assert root.tag == "div" and [b.text for b in tree_blocks(root)] == ["Too short."]
    doc = parse_article(URL, b"", "text/html", datetime(2026, 1, 1), _source(), "x")
    assert doc.text == "" and doc.title is None


def test_xhtml_with_an_xml_declaration_parses():
    body = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
            "<title>Report published</title></head><body><h1>Report published</h1><p>The council published "
            "its improvement plan after the inspection, with actions for every recommendation.</p></body></html>")
    doc = parse_article(URL, body.encode(), "application/xhtml+xml", datetime(2026, 1, 1), _source(), "x")
    assert doc.title == "Report published" and doc.text.startswith("The council published")


# --- site profiles ---------------------------------------------------------------------------------

def test_profile_that_matches_is_used_and_records_no_miss():
    profile = Profile(name="echo", title="h1.story__headline", body="div.story__body", author=".story__byline")
    doc = _parse("local_paper_comments.html", profile)
    assert doc.profile_miss is None
    assert doc.author == "Tom Reilly"
    assert doc.text.startswith("Westbury Borough Council's services")
    assert "ConcernedParent77" not in doc.text


def test_profile_that_stops_matching_falls_back_to_generic_and_records_the_miss():
    # The site was redesigned: neither selector matches any more.
    profile = Profile(name="echo", title="h1.article-title", body="div.article-body", remove=(".most-read",))
    doc = _parse("local_paper_comments.html", profile)
    assert doc.profile_miss == "title: h1.article-title; body: div.article-body"
    assert doc.title == "Council's care services told to improve after Ofsted visit"
    assert "require improvement to be good" in doc.text and "from 40 per cent to 22 per cent" in doc.text
    for noise in ("ConcernedParent77", "Get the Echo in your inbox", "Man fined"):
        assert noise not in doc.text


def test_body_miss_alone_is_recorded():
    profile = Profile(name="gazette", title="h1", body="section.article-content")
    doc = _parse("council_press_release.html", profile)
    assert doc.profile_miss == "body: section.article-content"
    assert "Caseloads are manageable" in doc.text and "Latest news" not in doc.text


# --- the metadata skeleton ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(CASES))
def test_metadata_skeleton_gives_the_date_rules_the_same_answer_as_the_whole_page(name):
    """parse_article hands scrapers.pubdate a skeleton of the page (for speed): it must read the
    same date there as on the whole page. If this fails after a change to pubdate, extend metadata_soup."""
    text = decode_html((GENERIC / name).read_bytes(), "text/html")
    tree, ld = lean_tree(text)
    strip_chrome_tags(tree)
    whole = publication_date(soup_of(tree), ld, URL)
    assert publication_date(metadata_soup(tree, PageScan(tree)), ld, URL) == whole == CASES[name][2]


# --- the benchmark metrics -----------------------------------------------------------------------------

def test_shingle_match_counts_four_token_shingles():
    assert shingle_match("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = shingle_match("one two three four five", "one two three four six")  # 2 shingles each
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert shingle_match("", "") == (0.0, 0.0, 0.0)


def test_score_bodies_leaves_empty_predictions_out_of_precision():
    truth = {"a": "w1 w2 w3 w4 w5", "b": "x1 x2 x3 x4 x5"}
    result = score_bodies(truth, {"a": "w1 w2 w3 w4 w5", "b": ""})
    assert result["precision"] == 1.0  # page b predicted nothing: no precision to average
    assert result["recall"] == 0.5 and result["accuracy"] == 0.5
    assert result["f1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert result["per_page"]["b"]["precision"] is None


def test_snippets_are_matched_after_whitespace_normalisation():
    counts = snippet_counts("The  council\nwas rated good.", ["council was rated", "missing"], ["good.", "absent"])
    assert counts == {"tp": 1, "fn": 1, "fp": 1, "tn": 1}
    result = score_snippets({"u": {"with": ["a b"], "without": ["c"]}}, {"u": "a  b"})
    assert (result["precision"], result["recall"], result["f1"], result["accuracy"]) == (1.0, 1.0, 1.0, 1.0)
