"""Which council a claim goes to, and what is no council's rating (stop 22): constructions of attribution, discourse
and precision, each pinned with at least three wordings written for these tests (stories invented about real
councils), read through the whole extraction.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

PUBLISHED = date(2024, 3, 14)
OVERALL = "overall_effectiveness"
LEEDS, SALFORD, DERBY, BOLTON = "E08000035", "E08000006", "E06000015", "E08000001"


def _ratings(*paragraphs: str, published: date = PUBLISHED) -> set[tuple]:
    return rating_rows(list(paragraphs), published)


# --- "it's" is "it is": the council the discourse is about, graded by the contracted verb --------------------------

@pytest.mark.parametrize("paragraphs, council, grade", [
    (["Leeds had its Ofsted report back on Friday.", "It's good overall, which nobody on the team expected."],
     LEEDS, "good"),
    (["I finally read Salford's inspection letter this weekend, and it's outstanding across the board."],
     SALFORD, "outstanding"),
    (["Derby's children's services were inspected in January.", "It’s inadequate overall, and the council says it "
      "accepts every finding."], DERBY, "inadequate"),
    (["So Bolton's report is out, and it's requires improvement. Again."], BOLTON, "requires_improvement"),
])
def test_its_contracted_is_grades_the_council_the_discourse_is_about(paragraphs, council, grade):
    assert (council, OVERALL, grade, 2024, False) in _ratings(*paragraphs)


@pytest.mark.parametrize("text", [
    "It's good to see the front door settling down.",
    "It's good news for the staff who stayed through the hard years.",
    "It's good that the director is staying on for another year.",
])
def test_its_good_as_an_adjective_is_no_grade(text):
    assert _ratings("Leeds was visited by inspectors in February.", text) == set()


# --- a page that never speaks of inspections or children's services rates no council -------------------------------

@pytest.mark.parametrize("title, paragraphs", [
    ("Weekend reading: three novels set in the north", [
        "The second book follows a family in Salford who are rated good neighbours by everyone on the street.",
        "By 2019 the author had moved to Leeds, where the last of the trilogy was judged outstanding by critics."]),
    ("Five walks for a wet bank holiday", [
        "The towpath out of Derby was rated good by every walker we asked, and the café at the end outstanding."]),
    ("Match report: a late goal settles it", [
        "Bolton were inadequate in the first half, and good after the break."]),
])
def test_a_page_about_another_subject_rates_no_council(title, paragraphs):
    assert rating_rows(paragraphs, PUBLISHED, title=title) == set()


@pytest.mark.parametrize("title, paragraphs", [
    ("Ofsted verdict for Leeds", ["Leeds was rated good."]),  # the subject in the title only
    ("Council news", ["Leeds was rated good, the inspectors said."]),
    ("Council news", ["Leeds's social care for children was rated good."]),
    ("Council news", ["Leeds was rated good for children in care."]),
])
def test_a_page_naming_the_subject_anywhere_keeps_its_ratings(title, paragraphs):
    assert (LEEDS, OVERALL if "children in care" not in paragraphs[0] else "children_in_care", "good", 2024, False) \
        in rating_rows(paragraphs, PUBLISHED, title=title)


# --- a grade word as an adjective after a determiner, before a noun that is no council, service or rating -----------

@pytest.mark.parametrize("text", [
    "Ofsted inspectors found Leeds a good place to work.",
    "Leeds children's services moved to a new office, plus more good news on recruitment.",
    "Inspectors judged the Leeds front door an outstanding example of partnership working.",
    "Ofsted found Leeds an inadequate landlord for its care leavers.",
    "The inspection report found Leeds was making good progress.",
])
def test_a_grade_word_before_another_noun_is_no_grade(text):
    assert rating_rows([text], PUBLISHED) == set()


@pytest.mark.parametrize("text, grade", [
    ("Inspectors judged Leeds an outstanding local authority for children.", "outstanding"),
    ("Leeds received a good Ofsted rating for its children's services.", "good"),
    ("Leeds was given an inadequate overall judgement by inspectors.", "inadequate"),
])
def test_a_grade_word_before_a_council_service_or_rating_noun_is_a_grade(text, grade):
    assert (LEEDS, OVERALL, grade, 2024, False) in rating_rows([text], PUBLISHED)


# --- a council presented as the next topic without a grade ("it was X's turn") is what "the borough" means next -----

HOUNSLOW, HILLINGDON, WIGAN, SEFTON = "E09000018", "E09000017", "E08000010", "E08000014"


@pytest.mark.parametrize("presenting", [
    "On Tuesday it was Hounslow's turn.",
    "A week later it was the turn of Hounslow.",
    "Then it was Hounslow’s turn, and the news was better.",
])
def test_a_council_whose_turn_it_was_is_the_topic_of_the_next_verdict(presenting):
    got = _ratings("Hillingdon's children's services were rated outstanding in a report published this month.",
                   presenting + " The borough was judged good overall.")
    assert (HOUNSLOW, OVERALL, "good", 2024, False) in got
    assert (HILLINGDON, OVERALL, "good", 2024, False) not in got


# --- a place opening a sentence, then its subject: "In Shropshire, Telford and Wrekin kept ..." ---------------------

@pytest.mark.parametrize("text, subject", [
    ("In Leeds, Wigan was the council everyone talked about after it was rated good.", WIGAN),
    ("Meanwhile in Bolton, Sefton was rated inadequate.", SEFTON),
    ("Derby was rated good, and in Salford, Wigan was judged outstanding.", WIGAN),
    ("Over in Hounslow, Hillingdon was judged good for the second time.", HILLINGDON),
])
def test_a_fronted_place_is_not_coordinated_with_the_subject_after_it(text, subject):
    got = _ratings(text)
    assert subject in {r[0] for r in got} and not {r[0] for r in got} & {LEEDS, BOLTON, SALFORD, HOUNSLOW}


# --- a council of a kind, not one council: "a county rated outstanding may still ..." -------------------------------

@pytest.mark.parametrize("text", [
    "Members were told that a county rated outstanding may still receive a focused visit.",
    "Any county judged inadequate may then be monitored every quarter.",
    "In general a county rated good will usually receive a short inspection.",
    "A borough judged good or outstanding usually faces a shorter inspection.",
])
def test_a_council_of_a_kind_graded_in_general_is_no_councils_rating(text):
    assert _ratings("Leeds was inspected by Ofsted in February.", text) == set()


def test_an_indefinite_council_dated_in_the_discourse_is_still_the_topic():
    got = _ratings("Leeds was rated good by Ofsted this week.",
                   "It is a turnaround for an authority rated inadequate in 2019.")
    assert (LEEDS, OVERALL, "inadequate", 2019, True) in got


# --- the grade defined, not given: "Outstanding is the highest grade Ofsted can give" -------------------------------

@pytest.mark.parametrize("text", [
    "“Outstanding is the highest grade Ofsted can give, and our staff earned it,” said the director.",
    "Inadequate is the lowest rating inspectors can award.",
    "Good is the grade most councils in England now hold.",
    "Requires improvement is the judgement that many authorities receive at their first inspection.",
])
def test_a_grade_defined_as_part_of_the_scale_is_no_councils_rating(text):
    assert _ratings("Leeds was inspected by Ofsted in February.", text) == set()


def test_a_grade_named_as_the_councils_own_overall_grade_is_kept():
    assert (LEEDS, OVERALL, "good", 2024, False) in _ratings("Leeds was inspected by Ofsted in February.",
                                                              "Good is now the overall grade.")


# --- a council described, not named, after a conjunction: another council than the one the sentence named ----------


@pytest.mark.parametrize("text, named, grade", [
    ("Leeds moves up to good, while a Lancashire borough loses its outstanding grade.", LEEDS, "outstanding"),
    ("Wigan was rated good by Ofsted, and a neighbouring authority was judged inadequate.", WIGAN, "inadequate"),
    ("Derby climbs to outstanding as another East Midlands council slips to requires improvement.", DERBY,
     "requires_improvement"),
    ("Salford stays good, whereas one other Greater Manchester borough was rated inadequate.", SALFORD, "inadequate"),
])
def test_a_council_described_after_a_conjunction_is_not_the_one_named_before(text, named, grade):
    got = _ratings(text)
    assert {r[0] for r in got} == {named}
    assert not {r for r in got if r[2] == grade}


@pytest.mark.parametrize("paragraphs, council, grade, year", [
    (["Leicester's report rated care leavers as requiring improvement - a drop for a city that was good overall "
      "in 2021."], "E06000016", "good", 2021),
    (["A north-west London council previously rated good has been found inadequate.",
      "Harrow was visited in January."], "E09000015", "inadequate", 2024),
])
def test_a_council_described_without_a_conjunction_is_still_the_story_council(paragraphs, council, grade, year):
    assert any(r[0] == council and r[2] == grade and r[3] == year for r in _ratings(*paragraphs))
