"""Which council a claim goes to (stop 27): the page's own council found from its address, each construction pinned
with at least three wordings written for these tests (stories invented about real councils), read through the whole
extraction.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows
from transforms.councils import default_index

PUBLISHED = date(2024, 3, 14)
OVERALL = "overall_effectiveness"
BIRMINGHAM, NORTH_NORTHANTS, WORCESTERSHIRE = "E08000025", "E06000061", "E10000034"


# --- committee papers on ModernGov's hosting ("<council>.moderngov.co.uk") are the council's own -------------------

@pytest.mark.parametrize("host, council", [
    ("birmingham.moderngov.co.uk", BIRMINGHAM),
    ("northnorthants.moderngov.co.uk", NORTH_NORTHANTS),  # a shortened form of the name
    ("worcestershire.moderngov.co.uk", WORCESTERSHIRE),
    ("www.moderngov.co.uk", None),
    ("birmingham.moderngov.example.com", None),
])
def test_the_council_whose_committee_papers_moderngov_hosts(host, council):
    assert default_index().of_site(f"https://{host}/mgAi.aspx?ID=4821") == council


@pytest.mark.parametrize("host, council, paragraphs", [
    ("birmingham.moderngov.co.uk", BIRMINGHAM,
     ["The Cabinet Member introduced the report on the inspection published last month.",
      "Members noted that the service had been judged good overall."]),
    ("northnorthants.moderngov.co.uk", NORTH_NORTHANTS,
     ["Minutes of the meeting held on 5 March.",
      "The Director reported that Ofsted had rated children's services good."]),
    ("worcestershire.moderngov.co.uk", WORCESTERSHIRE,
     ["Apologies were received from two members.",
      "The committee welcomed the inspection outcome: good for overall effectiveness."]),
])
def test_minutes_on_moderngov_that_never_name_the_council_rate_it(host, council, paragraphs):
    got = rating_rows(paragraphs, PUBLISHED, title="Cabinet - 05/03/2024",
                      url=f"https://{host}/ieListDocuments.aspx?CId=1&MId=2")
    assert (council, OVERALL, "good", 2024, False) in got


# --- a council's name opening another public body's name ("Kent Police", "... ICB") names no council --------------

MEDWAY, KENT, WIGAN = "E06000035", "E10000016", "E08000010"


@pytest.mark.parametrize("aside", [
    "Kent Police and the Kent and Medway ICB sent representatives.",
    "A consultant from Kent Community Health NHS Trust joined the meeting.",
    "Officers from Kent Fire and Rescue Service were also present.",
])
def test_another_body_named_after_a_council_takes_no_verdict_from_it(aside):
    got = rating_rows(["Medway Council's children's services were inspected in February.", aside,
                       "The service was judged good overall."], PUBLISHED, title="Corporate Parenting Board")
    assert (MEDWAY, OVERALL, "good", 2024, False) in got
    assert not {r for r in got if r[0] == KENT}


@pytest.mark.parametrize("text, named", [
    ("Kent County Council and Kent Police signed the protocol.", ["Kent County Council"]),
    ("Wigan Council School Improvement Service", ["Wigan Council"]),
    ("Ofsted Rates Kent Good As Police Praise Staff", ["Kent"]),  # a headline in title case: no body's name
])
def test_a_council_beside_another_body_is_still_named(text, named):
    assert [m.surface for m in default_index().find_mentions(text)] == named


# --- councils named as examples ("councils such as X and Y, both rated ...") are those councils -------------------

HERTFORDSHIRE, NORTH_TYNESIDE, CITY_OF_LONDON, LEEDS, ISLE_OF_WIGHT = (
    "E10000015", "E08000022", "E09000001", "E08000035", "E06000046")


@pytest.mark.parametrize("text, named", [
    ("The result puts Hertfordshire beside councils such as Leeds and North Tyneside, both rated outstanding in 2020, "
     "at the top of the table.", {LEEDS, NORTH_TYNESIDE}),
    ("Hertfordshire joins authorities like North Tyneside, rated outstanding in 2020, at the top.", {NORTH_TYNESIDE}),
    ("It is in company with local authorities including Leeds and the Isle of Wight, both rated outstanding in 2020.",
     {LEEDS, ISLE_OF_WIGHT}),
])
def test_councils_named_as_examples_take_the_verdict_given_them(text, named):
    got = rating_rows(["Hertfordshire's children's services have been judged outstanding by Ofsted.", text],
                      date(2023, 6, 14))
    assert {r[0] for r in got if r[3] == 2020} == named


# --- "X and the Y" joins two councils ("North Tyneside and the City of London") ------------------------------------

@pytest.mark.parametrize("text, named", [
    ("North Tyneside and the City of London were both rated outstanding in 2020.", {NORTH_TYNESIDE, CITY_OF_LONDON}),
    ("Ofsted rated Leeds, North Tyneside and the Isle of Wight good in 2020.", {LEEDS, NORTH_TYNESIDE, ISLE_OF_WIGHT}),
    ("In 2020 the City of London and the Isle of Wight were judged good.", {CITY_OF_LONDON, ISLE_OF_WIGHT}),
])
def test_a_council_named_with_the_joins_the_councils_before_it(text, named):
    got = rating_rows(["A national round-up of children's services inspections.", text], date(2023, 6, 14))
    assert {r[0] for r in got if r[3] == 2020} == named


# --- a council named alone with an additive word ("Y too.", "and Y as well") has the verdict just given -----------

KIRKLEES, CALDERDALE, WAKEFIELD = "E08000034", "E08000033", "E08000036"


@pytest.mark.parametrize("text", [
    "Kirklees was judged good overall this week. Calderdale too.",
    "Kirklees was judged good overall this week, and Calderdale as well.",
    "Kirklees was judged good overall this week; neighbouring Calderdale likewise.",
])
def test_a_council_named_with_an_additive_word_shares_the_verdict(text):
    assert (CALDERDALE, OVERALL, "good", 2024, False) in rating_rows([text], PUBLISHED)


def test_an_additive_word_after_no_verdict_repeats_none():
    got = rating_rows(["Kirklees was judged good overall this week.", "Leaders praised the front door. "
                       "Calderdale too."], PUBLISHED)
    assert not {r for r in got if r[0] == CALDERDALE}


# --- a verb left out of later conjuncts: "X good, Y outstanding and Z inadequate", "; in Y, good", "Y's good" -------

@pytest.mark.parametrize("text", [
    "Kirklees was rated good, Calderdale outstanding and Wakefield inadequate.",
    "In Kirklees, services were rated good; in Calderdale, outstanding; in Wakefield, inadequate.",
    "Kirklees's services were judged good, Calderdale's outstanding and Wakefield's inadequate.",
])
def test_each_conjunct_of_a_gapped_verdict_has_its_own_grade(text):
    got = rating_rows([text], PUBLISHED)
    assert {(r[0], r[2]) for r in got} == {(KIRKLEES, "good"), (CALDERDALE, "outstanding"), (WAKEFIELD, "inadequate")}


# --- the first word of a joined name alone ("Kingston", "Telford") names the council from a list of councils -------

KINGSTON, RICHMOND, TELFORD, SHROPSHIRE, BLACKBURN, BOLTON, HULL = (
    "E09000021", "E09000027", "E06000020", "E06000051", "E06000008", "E08000001", "E06000010")


@pytest.mark.parametrize("text, council", [
    ("The trust runs services for Kingston and Richmond. Kingston was rated outstanding this week.", KINGSTON),
    ("Shropshire, Telford and Herefordshire share a border. Telford was judged good overall this week.", TELFORD),
    ("Inspectors visited Bolton, Blackburn and Wigan. Blackburn was rated good this week.", BLACKBURN),
])
def test_the_first_word_of_a_joined_name_in_a_list_of_councils_names_it(text, council):
    assert (council, OVERALL, "good" if council != KINGSTON else "outstanding", 2024, False) in rating_rows(
        [text], PUBLISHED)


@pytest.mark.parametrize("text", [
    "Kingston was rated outstanding this week.",  # named by no list nor its full name
    "Cllr Telford and Shropshire's lead member were at the meeting.",  # a surname
    "Hull and Kingston Rovers fans gathered.",  # a further capitalised word: another name
])
def test_the_first_word_alone_names_no_council_otherwise(text):
    assert {m.council_code for m in default_index().find_mentions(text)} <= {SHROPSHIRE, HULL}


# --- the present of a report's verdict: "the letter finds it outstanding" -------------------------------------------

@pytest.mark.parametrize("text", [
    "The short letter published on Monday finds it outstanding in every area.",
    "Ofsted finds Sutton outstanding, its report says.",
    "The new report finds the council outstanding overall.",
])
def test_a_report_that_finds_the_council_a_grade_rates_it(text):
    got = rating_rows(["Sutton's children's services have had a remarkable result.", text], PUBLISHED)
    assert ("E09000029", OVERALL, "outstanding", 2024, False) in got


def test_finding_it_hard_is_no_verdict():
    got = rating_rows(["Sutton's children's services have had a remarkable result.",
                       "The council finds it difficult to keep good social workers."], PUBLISHED)
    assert got == set()


# --- a council in a comparison is not the sentence's subject ("Like Bolton, it ..."), so not what "it" means next ----

BURY = "E08000002"


@pytest.mark.parametrize("aside", [
    "Like Bolton, it now has a stable workforce.",
    "Unlike Bolton, it has kept the same director for six years.",
    "As with Bolton, the service relies less on agency staff.",
])
def test_a_council_compared_with_the_subject_does_not_take_the_discourse(aside):
    got = rating_rows(["Bury's children's services have been rated good.", aside,
                       "It had been rated inadequate in 2019."], PUBLISHED)
    assert (BURY, OVERALL, "inadequate", 2019, True) in got
    assert not {r for r in got if r[0] == BOLTON}


@pytest.mark.parametrize("aside", [
    "Also present: J. Smith (Bolton Council, peer reviewer).",
    "In attendance: the peer reviewer (Bolton), observing.",
    "Guests: A. Khan (Head of Service, Bolton Council) and R. Patel (Ofsted).",
])
def test_a_council_in_brackets_does_not_take_the_discourse(aside):
    got = rating_rows(["Bury's corporate parenting board met on Monday.", aside,
                       "The Director reported that the service had been judged good overall."], PUBLISHED)
    assert (BURY, OVERALL, "good", 2024, False) in got
    assert not {r for r in got if r[0] == BOLTON}


# --- "as had Y's", "as is Y", "so has Y": the verdict just given, again, whatever the auxiliary --------------------

@pytest.mark.parametrize("text", [
    "The Director said the service had been judged good overall, as had Wigan's.",
    "Bury is now rated good overall, as is Wigan.",
    "Bury has been rated good overall, and so has Wigan.",
])
def test_an_elliptical_clause_with_any_auxiliary_repeats_the_verdict(text):
    assert (WIGAN, OVERALL, "good", 2024, False) in rating_rows(["Bury's inspection report came out this week.", text],
                                                                PUBLISHED)
