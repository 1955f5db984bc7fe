"""Which council a claim goes to (stop 24): what readers write under a post, whose "we" a commenter's is, and the
council a blog's address names. Each construction is pinned with at least three wordings written for these tests
(stories invented about real councils), read through the comment reader or the whole extraction.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from csi.records import Block
from scrapers.comments import comment_blocks
from scrapers.html import lean_tree
from scrapers.platforms.news.parse import parse_article
from scrapers.sources import Source
from tests.claim_docs import rating_rows

PUBLISHED = date(2024, 5, 16)
OVERALL = "overall_effectiveness"
SUFFOLK, HACKNEY, WIGAN, DEVON, SOMERSET = "E10000029", "E09000012", "E08000010", "E10000008", "E10000027"


def _comments(thread: str) -> list[str]:
    tree, _ = lean_tree(f"<html><body><article><p>The post itself, long enough to be the article.</p></article>"
                        f"{thread}</body></html>")
    blocks = comment_blocks(tree)
    assert all(b.kind == "comment" for b in blocks)
    return [b.text for b in blocks]


# --- a comment thread's text, without its chrome --------------------------------------------------------------------

@pytest.mark.parametrize("thread, written", [
    ('<section id="comments"><h2 class="comments-title">2 thoughts on "Our report"</h2><ol class="comment-list">'
     '<li class="comment byuser comment-author-admin"><div class="comment-author">jo_fosters</div>'
     '<div class="comment-meta"><time datetime="2024-05-16">16 May</time></div><p>Wigan was good in 2019 too.</p>'
     '</li></ol><div id="respond"><h3>Leave a Reply</h3></div></section>',
     ["Wigan was good in 2019 too."]),
    ('<div class="comments"><h3>3 comments</h3><div class="comment"><b>retired_iro</b>: Devon got requires '
     'improvement in 2015, I recall.</div><p class="no-comments">Comments are closed.</p></div>',
     ["retired_iro: Devon got requires improvement in 2015, I recall."]),
    ('<div id="comments"><div class="comment-block"><p>Anonymous said... Somerset was inadequate back then.</p></div>'
     '<p>You must be logged in to post a comment.</p></div>',
     ["Anonymous said... Somerset was inadequate back then."]),
])
def test_a_comment_thread_gives_what_commenters_wrote(thread, written):
    assert _comments(thread) == written


def test_a_news_page_keeps_its_comments_apart_from_its_text():
    page = (b'<html><head><title>Wigan rated good</title></head><body><article><h1>Wigan rated good</h1>'
            b'<p>Wigan\'s children\'s services were rated good overall by Ofsted in a report published this week, '
            b'the council said.</p></article><section id="comments"><ol class="comment-list"><li class="comment">'
            b'<div class="comment-author">sw_north</div><p>Hackney was inadequate in 2016, for comparison.</p></li>'
            b'</ol></section></body></html>')
    source = Source(name="t", adapter="news", publisher="t", doc_type="news", start_urls=("https://n.example/a",),
                    documents=())
    doc = parse_article("https://n.example/a", page, "text/html", datetime(2026, 1, 1), source, "x")
    assert [(b.kind, b.text) for b in doc.comments] == [("comment", "Hackney was inadequate in 2016, for comparison.")]
    assert "Hackney" not in doc.text and "Wigan" in doc.text


# --- what commenters write is read as the page's discourse ----------------------------------------------------------

@pytest.mark.parametrize("comment, council, grade, year", [
    ("Hackney was inadequate in 2016 and good two years after that, don't forget.", HACKNEY, "inadequate", 2016),
    ("Somerset got requires improvement in 2017, for the record.", SOMERSET, "requires_improvement", 2017),
    ("@jo Devon was judged good in 2019, so it can be done.", DEVON, "good", 2019),
])
def test_a_comment_under_a_post_states_ratings(comment, council, grade, year):
    rows = rating_rows(["Wigan's children's services were rated good overall by Ofsted this week.",
                        Block("comment", comment)], PUBLISHED)
    assert (WIGAN, OVERALL, "good", 2024, False) in rows
    assert (council, OVERALL, grade, year, True) in rows


@pytest.mark.parametrize("comment", [
    "Congratulations to the team. Ours was rated outstanding last year, if anyone wants tips.",
    "We foster through an independent agency and our agency was judged inadequate in 2022.",
    "I remember it as requires improvement, not good.",
])
def test_a_commenters_first_person_is_not_the_posts_council(comment):
    rows = rating_rows(["Wigan's children's services were rated good overall by Ofsted this week.",
                        Block("comment", comment)], PUBLISHED)
    assert rows == {(WIGAN, OVERALL, "good", 2024, False)}


@pytest.mark.parametrize("comment", [
    "I would remind people that the 2019 report rated it inadequate.",
    "Worth saying: in 2019 it was inadequate.",
    "My memory is that in 2019 the council was inadequate, and it was.",
])
def test_a_comment_reporting_a_verdict_of_the_posts_council_is_read(comment):
    rows = rating_rows(["Wigan's children's services were rated good overall by Ofsted this week.",
                        Block("comment", comment)], PUBLISHED)
    assert (WIGAN, OVERALL, "inadequate", 2019, True) in rows


# --- a blog's address names the council its text refers back to from the start --------------------------------------

_GREETING = "Hello all, and thanks to everyone who came to the coffee morning despite the rain."


@pytest.mark.parametrize("opening", [
    "You will have seen that the county's children's services report came out last month: good overall.",
    "The report on the council's children's services is out, and it was rated good overall.",
    "Big news for carers: our children's services were judged good overall by Ofsted.",
])
def test_a_blog_whose_address_names_the_council_refers_to_it_before_naming_it(opening):
    rows = rating_rows([_GREETING, opening, "Back in 2016 Suffolk was found to require improvement."], PUBLISHED,
                       url="https://suffolkcarersvoice.wordpress.com/2024/05/16/report/")
    assert (SUFFOLK, OVERALL, "good", 2024, False) in rows


def test_a_blog_at_another_address_does_not_refer_to_a_council_before_naming_it():
    rows = rating_rows([_GREETING, "You will have seen that the county's children's services report came out last "
                        "month: good overall.", "Back in 2016 Suffolk was found to require improvement."], PUBLISHED,
                       url="https://fostercarersvoice.wordpress.com/2024/05/16/report/")
    assert (SUFFOLK, OVERALL, "good", 2024, False) not in rows


# --- a verdict asked about or hoped for moves no topic ----------------------------------------------------------------

DERBY, DERBYSHIRE, NOTTINGHAM, NOTTS, STOCKPORT, WARWICKSHIRE, COVENTRY = (
    "E06000015", "E10000007", "E06000018", "E10000024", "E08000007", "E10000031", "E08000026")


def _derby_then(aside: str, url: str | None = None) -> set[tuple]:
    return rating_rows(["Derby's children's services were rated requires improvement in the report published this "
                        "week.", aside, "The answer noted that the service was judged inadequate in 2016."],
                       PUBLISHED, url=url)


@pytest.mark.parametrize("aside", [
    "Members asked whether Derbyshire might be judged outstanding next time.",
    "Could Derbyshire be rated outstanding at its next inspection?",
    "Members wondered if Derbyshire would be rated outstanding again.",
])
def test_a_verdict_asked_about_or_hoped_for_does_not_take_the_discourse(aside):
    rows = _derby_then(aside)
    assert (DERBY, OVERALL, "inadequate", 2016, True) in rows
    assert not {r for r in rows if r[0] == DERBYSHIRE and r[2] == "inadequate"}


@pytest.mark.parametrize("aside", [
    "Can the cabinet member tell us how we compare with Derbyshire, which was rated good in 2019?",
    "We are often compared with Derbyshire, whose services were judged outstanding last year.",
    "Members asked whether our results would ever match Derbyshire, which was rated outstanding last year.",
])
def test_a_councils_own_page_speaking_of_itself_keeps_it_the_topic(aside):
    rows = _derby_then(aside, url="https://www.derby.gov.uk/news/ofsted-report/")
    assert (DERBY, OVERALL, "inadequate", 2016, True) in rows
    assert not {r for r in rows if r[0] == DERBYSHIRE and r[2] == "inadequate"}


# --- "the county", "the city", "the borough": a council of that kind ----------------------------------------------

@pytest.mark.parametrize("paragraphs, council, grade", [
    (["Nottingham's children's services were judged good this week.",
      "The city shares an emergency duty team with Nottinghamshire.",
      "The county was last inspected in 2019 and judged to require improvement."], NOTTS, "requires_improvement"),
    (["Stockport was rated outstanding by Ofsted in a report out this week.",
      "Inspectors compared it with Coventry, among others.",
      "The city was found inadequate in 2014, according to the report."], COVENTRY, "inadequate"),
    (["Warwickshire's children's services are good, Ofsted said on Monday.",
      "Its leaders worked closely with colleagues in Coventry during the pandemic.",
      "Back in 2014, inspectors had judged the West Midlands city inadequate."], COVENTRY, "inadequate"),
])
def test_a_description_of_another_kind_of_council_is_the_one_of_that_kind_named_last(paragraphs, council, grade):
    year = 2019 if grade == "requires_improvement" else 2014
    assert (council, OVERALL, grade, year, True) in rating_rows(paragraphs, PUBLISHED)


@pytest.mark.parametrize("paragraphs, council", [
    (["Derbyshire's children's services were judged good this week.", "Derby is a neighbour.",
      "The county was last inspected in 2019 and judged to require improvement."], DERBYSHIRE),
    (["Coventry's children's services were judged good this week.", "Warwickshire is a neighbour.",
      "The city was last inspected in 2019 and judged to require improvement."], COVENTRY),
    (["Stockport's children's services were judged good this week.", "Manchester is a neighbour.",
      "The borough was last inspected in 2019 and judged to require improvement."], STOCKPORT),
])
def test_a_description_that_does_not_fit_the_council_named_last_is_an_earlier_one(paragraphs, council):
    assert (council, OVERALL, "requires_improvement", 2019, True) in rating_rows(paragraphs, PUBLISHED)


# --- a council spoken of in general is no council -------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "If Ofsted ever judged a council good overall while its care leavers were inadequate, we would ask why.",
    "There is no extra monitoring for a requires improvement authority, though there may be a focused visit.",
    "Whether an authority is rated outstanding or its children in care are inadequate, the visits carry on.",
])
def test_a_council_spoken_of_in_general_takes_no_grade(sentence):
    rows = rating_rows(["Wigan's children's services were rated good overall by Ofsted this week.", sentence],
                       PUBLISHED)
    assert rows == {(WIGAN, OVERALL, "good", 2024, False)}


@pytest.mark.parametrize("lede, grade", [
    ("A council whose children's services were rated inadequate in 2019 has been judged good.", "good"),
    ("An authority rated inadequate in 2019 has now been found to require improvement.", "requires_improvement"),
    ("A north-west council has been rated outstanding, five years after an inadequate rating.", "outstanding"),
])
def test_a_ledes_council_introduced_as_a_council_is_the_storys(lede, grade):
    rows = rating_rows([lede, "Wigan's director said the staff deserved the credit."], PUBLISHED)
    assert (WIGAN, OVERALL, grade, 2024, False) in rows


SOMERSET_NOW = "E06000066"  # the unitary council since 2023


# --- a possessive with its noun left out names the judgement the last sentence named ------------------------------

@pytest.mark.parametrize("paragraph, council, grade", [
    ("Hackney's care leavers judgement was outstanding this spring. Wigan's was good.", WIGAN, "good"),
    ("Inspectors judged Devon's help and protection good. Somerset's came out inadequate.", SOMERSET_NOW,
     "inadequate"),
    ("Suffolk's children in care grade was good in the summer report. Hackney's got requires improvement.", HACKNEY,
     "requires_improvement"),
])
def test_a_possessive_alone_takes_the_judgement_the_last_sentence_named(paragraph, council, grade):
    judgement = {WIGAN: "care_leavers", SOMERSET_NOW: "help_and_protection", HACKNEY: "children_in_care"}[council]
    rows = rating_rows([paragraph], PUBLISHED)
    assert (council, judgement, grade, 2024, False) in rows
    assert not {r for r in rows if r[0] == council and r[1] == OVERALL}


# --- a council presented as the complement ending a sentence becomes the topic ---------------------------------------

@pytest.mark.parametrize("presenting", [
    "The report every director should read is Wigan's.",
    "The council I would single out this month is Wigan.",
    "Top of my list, though, was Wigan.",
])
def test_a_council_presented_as_the_complement_of_a_sentence_is_what_follows_refers_to(presenting):
    rows = rating_rows(["Hackney was judged good this week.",
                        f"{presenting} Published in March, it rated care leavers outstanding."], PUBLISHED)
    assert (WIGAN, "care_leavers", "outstanding", 2024, False) in rows
    assert not {r for r in rows if r[0] == HACKNEY and r[2] == "outstanding"}
