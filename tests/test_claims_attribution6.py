"""Which council a claim goes to (stop 28): people whose surnames are councils' names, and a lede's "the borough" or
"the county" that the paper's address or name resolves. Each construction pinned with at least three wordings
written for these tests (stories invented about real councils), read through the whole extraction.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows
from transforms.councils import default_index

PUBLISHED = date(2024, 5, 9)
OVERALL = "overall_effectiveness"
SUTTON, BURY, BARNET, RUTLAND, SWINDON = "E09000029", "E08000002", "E09000003", "E06000017", "E06000030"
WINDSOR_MAIDENHEAD, KINGSTON, RICHMOND, KENT, YORK = "E06000040", "E09000021", "E09000027", "E10000016", "E06000014"
STAFFORDSHIRE = "E10000028"


# --- a person whose surname is a council's name ("Mark Sutton", "Sutton told the committee") is no council --------

@pytest.mark.parametrize("text", [
    "Present: Ann Hale, Tom Bury (Cabinet Member for Children). Mr Bury said the service had improved.",
    "Jo Sutton, director of children's services, said the result was deserved.",
    "Councillors questioned Karen Barnet at length. Ms Barnet told them the plan was on track.",
    "Mrs Sutton presented the report. Asked about staffing, Sutton told the panel it was stable.",
])
def test_a_person_named_like_a_council_is_no_mention(text):
    assert default_index().find_mentions(text) == []


@pytest.mark.parametrize("text, code", [
    ("Neighbouring Rutland was judged good. Mr Rutland chaired the meeting.", RUTLAND),  # a sentence's opening word
    ("Take Swindon, for instance, judged good in 2023.", SWINDON),
    ("Sutton said it would not challenge the inadequate rating.", SUTTON),  # no person of that name in the text
])
def test_a_council_after_a_capitalised_word_or_before_said_is_still_named(text, code):
    assert [m.council_code for m in default_index().find_mentions(text)][:1] == [code]


def test_a_cabinet_member_named_like_a_council_takes_no_county_verdict():
    got = rating_rows(["Attendance: Joan Pert, Mark Sutton (Cabinet Member for Children and Young People).",
                       "Ofsted's short inspection found the county's services required improvement overall.",
                       '"We will fix this," Mr Sutton told the committee.'],
                      PUBLISHED, title="Scrutiny Committee, 2 May 2024",
                      url="https://moderngov.staffordshire.gov.uk/ieListDocuments.aspx?CId=1&MId=2")
    assert got == {(STAFFORDSHIRE, OVERALL, "requires_improvement", 2024, False)}


# --- the council a local paper's address or name places it in -------------------------------------------------------

@pytest.mark.parametrize("url, publisher, council", [
    ("https://www.example-media.co.uk/news/maidenhead/ofsted-rating-2024", None, WINDSOR_MAIDENHEAD),  # a part
    ("https://www.yorkpress.co.uk/news/24001.children-rated/", None, YORK),  # the host opens with the name
    ("https://www.example.com/story-about-ofsted", "Maidenhead Advertiser", WINDSOR_MAIDENHEAD),
    ("https://www.kentonline.co.uk/medway/news/rated-good-1234/", None, None),  # two councils: no place
])
def test_the_place_of_a_papers_address_or_name(url, publisher, council):
    assert default_index().of_address(url, publisher) == council


@pytest.mark.parametrize("url, paragraphs", [
    ("https://www.example-media.co.uk/news/maidenhead/children-services-good-2024",
     ["Children's services in the Royal Borough have kept their good rating after a short inspection.",
      "The service is run for the council by a company it owns jointly with Kingston and Richmond."]),
    ("https://www.example-media.co.uk/news/windsor/ofsted-keeps-borough-good",
     ["The borough's children's services have been judged good by Ofsted.",
      "Like Kingston and Richmond, it commissions them from Achieving for Children."]),
    ("https://www.example-media.co.uk/maidenhead/news/inspectors-praise-social-workers",
     ["Social workers in the borough have been praised by inspectors, who rated the service good overall.",
      "Kingston, which shares the same provider, was inspected last year."]),
])
def test_a_lede_about_the_borough_is_the_papers_council_not_a_partner_named_later(url, paragraphs):
    got = rating_rows(paragraphs, PUBLISHED, title="Ofsted keeps its good grade", url=url)
    assert (WINDSOR_MAIDENHEAD, OVERALL, "good", 2024, False) in got
    assert not {r for r in got if r[0] in (KINGSTON, RICHMOND)}



@pytest.mark.parametrize("lede", [
    "Children's services in the borough have been judged good by Ofsted.",
    "The county's children's services were rated good overall this week.",
    "Inspectors rated services for vulnerable children in the Royal Borough good.",
])
def test_a_lede_of_another_kind_than_the_addresss_council_is_not_given_to_it(lede):
    got = rating_rows([lede], PUBLISHED, title="Ofsted verdict", url="https://www.yorkpress.co.uk/news/24002.verdict/")
    assert not {r for r in got if r[0] == YORK}  # the City of York is neither a borough nor a county


# --- grades as the subject of their handing out, a council's grade as "X's inadequate one", a dash's predicate ------

LUTON, WIGAN, BOLTON, LEEDS, BRADFORD = "E06000032", "E08000010", "E08000001", "E08000035", "E08000032"


@pytest.mark.parametrize("text, good, other", [
    ("Good ratings went to Luton and Wigan, while inadequate grades were given to Bolton.", {LUTON, WIGAN},
     (BOLTON, "inadequate")),
    ("It was a busy spring: good ratings were handed out to Luton and Wigan; outstanding grades went to Leeds.",
     {LUTON, WIGAN}, (LEEDS, "outstanding")),
    ("Two boroughs improved, and good judgements went to Luton and Wigan, but inadequate verdicts went to Bolton.",
     {LUTON, WIGAN}, (BOLTON, "inadequate")),
])
def test_grades_handed_out_go_to_the_councils_they_went_to(text, good, other):
    got = rating_rows([text], PUBLISHED, title="Inspection round-up")
    assert {r[0] for r in got if r[2] == "good"} == good
    assert (other[0], OVERALL, other[1], 2024, False) in got


@pytest.mark.parametrize("text, first, second", [
    ("Leeds's good rating contrasts with Bradford's inadequate one.", (LEEDS, "good"), (BRADFORD, "inadequate")),
    ("The inadequate grade given to Bolton sits uneasily beside Wigan's outstanding one.", (BOLTON, "inadequate"),
     (WIGAN, "outstanding")),
    ("Bolton's rating of inadequate compares badly with Wigan's good.", (BOLTON, "inadequate"), (WIGAN, "good")),
])
def test_a_councils_grade_with_its_noun_said_before_is_its_own(text, first, second):
    got = rating_rows([text], PUBLISHED, title="Inspection round-up")
    assert {(r[0], r[2]) for r in got} == {first, second}


@pytest.mark.parametrize("text, council", [
    ("Luton and Bolton had a hard decade, but Luton - rated good since 2019 - has moved on.", LUTON),
    ("Wigan and Bolton were inspected together; Bolton – judged inadequate overall – now faces a review.", BOLTON),
    ("Leeds and Wigan were both in the bottom grades once, and Wigan — good since 2018 — is the one to watch.",
     WIGAN),
])
def test_a_verdict_set_off_by_dashes_after_a_council_is_that_councils(text, council):
    got = rating_rows([text], PUBLISHED, title="Inspection round-up")
    assert got and {r[0] for r in got} == {council}


@pytest.mark.parametrize("text, council", [
    ("Bolton, rather than Wigan, was judged inadequate.", BOLTON),
    ("Wigan, instead of Bolton, got the outstanding grade this time.", WIGAN),
    ("Leeds, as opposed to Bradford, was judged good.", LEEDS),
])
def test_a_council_contrasted_with_the_subject_takes_no_verdict(text, council):
    got = rating_rows([text], PUBLISHED, title="Inspection round-up")
    assert got and {r[0] for r in got} == {council}


@pytest.mark.parametrize("text", [
    "The verdict for Wigan was good; for Bolton, inadequate.",
    "Ofsted's grade for Wigan was good, and for Bolton inadequate.",
])
def test_a_second_council_after_for_with_its_grade_alone_takes_the_verdict_gapped(text):
    got = rating_rows([text], PUBLISHED, title="Inspection round-up")
    assert {(r[0], r[2]) for r in got} == {(WIGAN, "good"), (BOLTON, "inadequate")}


# --- "the Royal Borough", "the London borough": only a council of that kind ---------------------------------------

MERTON, GREENWICH, HACKNEY = "E09000024", "E09000011", "E09000012"


@pytest.mark.parametrize("paragraphs, council", [
    (["Richmond was rated good in March, a year after Kingston upon Thames was judged good.",
      "The Royal Borough has since been judged outstanding."], KINGSTON),
    (["Ofsted rated Merton good, with Greenwich close behind.", "The Royal Borough was judged outstanding."],
     GREENWICH),
    (["Wigan's services were judged good, and Hackney's were inspected in the same week.",
      "The London borough was rated inadequate."], HACKNEY),
])
def test_a_royal_or_london_borough_is_the_council_of_that_kind_named(paragraphs, council):
    got = rating_rows(paragraphs, PUBLISHED, title="Inspection round-up")
    assert {r[0] for r in got if r[2] in ("outstanding", "inadequate")} == {council}
