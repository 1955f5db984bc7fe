"""Which council a claim goes to: constructions of attribution and discourse, each pinned with at least three
wordings written for these tests (stories invented about real councils), read through the whole extraction.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from csi.records import Block, Document
from tests.claim_docs import rating_rows
from transforms.councils import default_index
from transforms.extract import extract

PUBLISHED = date(2024, 3, 14)
OVERALL = "overall_effectiveness"
SHEFFIELD, LEEDS, SALFORD, DERBY = "E08000019", "E08000035", "E08000006", "E06000015"
KIRKLEES, WEST_BERKSHIRE, STOCKPORT, POOLE, BCP = "E08000034", "E06000037", "E08000007", "E06000029", "E06000058"
NORTH_YORKSHIRE_CC = "E10000023"


def _ratings(*paragraphs: str, published: date = PUBLISHED) -> set[tuple]:
    return rating_rows(list(paragraphs), published)


# --- a clause with no council of its own, later in a sentence that gave a council a verdict, is that council's ---

@pytest.mark.parametrize("text", [
    "The exception is Leeds, where care leavers were judged good - and the weak spot was help and protection, "
    "which requires improvement.",
    "Inspectors singled out Leeds, where care leavers were judged good; help and protection was found to require "
    "improvement.",
    "Care leavers were judged good in Leeds, but help and protection was rated as requiring improvement.",
])
def test_a_later_clause_of_the_sentence_keeps_the_council_it_gave_a_verdict(text):
    got = _ratings("Sheffield was judged good overall in a report out this week.", text)
    assert (LEEDS, "help_and_protection", "requires_improvement", 2024, False) in got
    assert not {r for r in got if r[0] == SHEFFIELD and r[1] == "help_and_protection"}


# --- a council's own press release need not name the council: its website does ------------------------------------

def _press_release(url: str, *paragraphs: str) -> set[tuple]:
    blocks = [Block("paragraph", p) for p in paragraphs]
    text = "\n\n".join(paragraphs)
    doc = Document(url=url, source="test", publisher="Council", doc_type="press_release",
                   title="Our children's services and Ofsted", author=None, published_on=PUBLISHED,
                   fetched_at=datetime(2026, 1, 1), content_sha256="0" * 64, content_type="text/html",
                   parser="test", text=text, blocks=blocks)
    return {(r.council_code, r.judgement, r.grade, r.rated_year, r.is_historical) for r in extract(doc).ratings}


@pytest.mark.parametrize("url, council, paragraphs", [
    ("https://www.kirklees.gov.uk/news/2024/ofsted", KIRKLEES,
     ["The council's services for children have been judged good by Ofsted.",
      "The director said staff could be proud of the report."]),
    ("https://news.stockport.gov.uk/ofsted-result", STOCKPORT,
     ["Ofsted inspectors have rated our children's services good, the authority announced today."]),
    ("https://www.westberks.gov.uk/article/ofsted", WEST_BERKSHIRE,  # the domain spells the start of the name
     ["Children's social care in the district has been rated good following a three-week inspection.",
      "The lead member thanked foster carers and social workers."]),
])
def test_a_press_release_on_a_councils_own_website_is_that_councils(url, council, paragraphs):
    assert (council, OVERALL, "good", 2024, False) in _press_release(url, *paragraphs)


def test_a_page_on_a_national_website_names_no_council_by_its_address():
    assert _press_release("https://www.gov.uk/government/news/ofsted", "Children's services have been rated "
                          "good, the council said.") == set()


@pytest.mark.parametrize("url, on, council", [
    ("https://www.sheffield.gov.uk/news", PUBLISHED, SHEFFIELD),
    ("https://democracy.salford.gov.uk/ieListDocuments.aspx?CId=1", PUBLISHED, SALFORD),
    ("https://www.northyorks.gov.uk/news", date(2015, 1, 1), NORTH_YORKSHIRE_CC),
    ("https://www.poole.gov.uk/news", date(2015, 1, 1), POOLE),
    ("https://www.poole.gov.uk/news", PUBLISHED, BCP),  # a former council's old address: its successor by then
    ("https://www.gov.uk/government/news", PUBLISHED, None),
    ("https://assets.publishing.service.gov.uk/media/x.pdf", PUBLISHED, None),
    ("https://www.north.gov.uk/", PUBLISHED, None),  # the start of too many names
    ("https://www.derby-news.example.org/", PUBLISHED, None),
])
def test_the_council_a_website_belongs_to(url, on, council):
    assert default_index().of_site(url, on=on) == council


# --- a compound council name shortened to its leading words: "East Riding", "Cheshire West" ----------------------

EAST_RIDING, CHESHIRE_WEST = "E06000011", "E06000050"


@pytest.mark.parametrize("text, council", [
    ("East Riding was judged inadequate, with leaders and help and protection inadequate too.", EAST_RIDING),
    ("Inspectors rated Cheshire West good overall after a three-week visit.", CHESHIRE_WEST),
    ("After years of decline, East Riding's children's services have been rated good.", EAST_RIDING),
])
def test_a_compound_name_shortened_to_its_leading_words_names_the_council(text, council):
    got = _ratings(text)
    assert {(c, j) for c, j, g, y, h in got if j == OVERALL} == {(council, OVERALL)}


def test_a_single_leading_word_is_not_taken_for_the_council():
    assert default_index().find_mentions("Thomas Telford built the bridge; Windsor Castle is nearby.") == []


# --- a verdict with its subject and verb left out: the discourse supplies them -------------------------------------

@pytest.mark.parametrize("text, council, year", [
    ("Salford: good, since the 2022 report, and nothing I hear suggests it has slipped.", SALFORD, 2022),
    ("Derby, which people now hold up as the model for the region: outstanding since 2019.", DERBY, 2019),
    ("Leeds: outstanding (2022).", LEEDS, 2022),
])
def test_a_council_before_a_colon_is_the_subject_of_the_grade_after_it(text, council, year):
    got = _ratings("Here is where the neighbours stand.", text)
    assert (council, OVERALL, "good" if "good" in text else "outstanding", year, year < 2024) in got


@pytest.mark.parametrize("paragraphs, expected", [
    (["Take Salford.", "Good overall, good for help and protection, good for children in care."],
     {(OVERALL, "good"), ("help_and_protection", "good"), ("children_in_care", "good")}),
    (["Next, Leeds.", "Outstanding overall and outstanding for children in care, which is rare."],
     {(OVERALL, "outstanding"), ("children_in_care", "outstanding")}),
    ([Block("heading", "Derby"), "Requires improvement overall, with care leavers rated good."],
     {(OVERALL, "requires_improvement"), ("care_leavers", "good")}),
])
def test_a_fragment_opening_with_a_grade_is_the_topic_councils(paragraphs, expected):
    council = SALFORD if "Salford" in str(paragraphs) else LEEDS if "Leeds" in str(paragraphs) else DERBY
    got = rating_rows(["Sheffield was judged good overall in a report out this week.", *paragraphs], PUBLISHED)
    assert {(j, g) for c, j, g, y, h in got if c == council and y == 2024 and not h} == expected


@pytest.mark.parametrize("question, answer, judgement, grade", [
    ("Care leavers?", "Requires improvement.", "care_leavers", "requires_improvement"),
    ("And help and protection?", "Good, for the first time.", "help_and_protection", "good"),
    ("What about the impact of leaders?", "Outstanding.", "leadership", "outstanding"),
])
def test_a_bare_grade_answers_the_judgement_a_question_named(question, answer, judgement, grade):
    got = _ratings(f"Salford was judged good overall this month. {question} {answer}")
    assert (SALFORD, judgement, grade, 2024, False) in got
    assert (SALFORD, OVERALL, grade, 2024, False) not in got or grade == "good"


@pytest.mark.parametrize("text", [
    "Good, said the director, but there is more to do.",
    "Good news travelled fast in the town hall.",
    "The findings: good practice in places, weaker in others.",
    "Good in parts, said one social worker who had moved on.",
    "Outstanding at times, patchy at others, according to the chair.",
])
def test_a_grade_word_opening_other_prose_is_no_verdict(text):
    assert _ratings("Derby Council said it would publish its plan soon.", text) == set()


# --- a predecessor council named in its successor's paper keeps an earlier grade ------------------------------------

BOURNEMOUTH = "E06000028"


@pytest.mark.parametrize("blocks, expected", [
    ([Block("table_row", "Council | Last inspection | Overall"),
      Block("table_row", "Poole | November 2017 | Requires improvement")],
     {(POOLE, "requires_improvement", 2017)}),
    (["Bournemouth's services had been judged to require improvement in 2018, a year before the merger."],
     {(BOURNEMOUTH, "requires_improvement", 2018)}),
    (["Poole, one of the two councils BCP replaced, had been rated requires improvement in 2017."],
     {(POOLE, "requires_improvement", 2017)}),
])
def test_a_predecessor_named_for_an_earlier_grade_keeps_it(blocks, expected):
    got = rating_rows(["BCP Council's children's services were judged inadequate in a report published today.",
                       *blocks], date(2022, 2, 11))
    assert {(c, g, y) for c, j, g, y, h in got if h and j == OVERALL} == expected
    assert (BCP, OVERALL, "inadequate", 2022, False) in got


# --- "the former", "the latter", "the first", "the second": one of the councils just named together --------------

BOLTON, WIGAN, BRADFORD = "E08000001", "E08000010", "E08000032"


@pytest.mark.parametrize("paragraphs", [
    ["Reports on Wigan and Bolton came out on the same morning.",
     "The former was rated outstanding, while the latter was judged good."],
    ["Two Greater Manchester councils, Wigan and Bolton, heard from Ofsted this week. The first was judged "
     "outstanding; the second was rated good."],
    ["Inspectors spent March in Wigan and in Bolton, and the latter has been rated good, the former outstanding."],
])
def test_the_former_and_the_latter_are_the_councils_named_together(paragraphs):
    got = _ratings("Bradford was rated inadequate last month.", *paragraphs)
    assert {(c, g) for c, j, g, y, h in got if y == 2024 and c != BRADFORD} == {(WIGAN, "outstanding"),
                                                                                  (BOLTON, "good")}


def test_the_former_grade_of_a_council_is_still_its_earlier_one():
    got = _ratings("Wigan has been rated outstanding. Its former grade, given in 2019, was good.")
    assert (WIGAN, OVERALL, "outstanding", 2024, False) in got
    assert (WIGAN, OVERALL, "good", 2019, True) in got


# --- a second conjunct with its verb left out: "X was rated outstanding, and Y good" -------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Wigan was rated outstanding, and Bolton good.", {(WIGAN, "outstanding", 2024), (BOLTON, "good", 2024)}),
    ("Inspectors judged Wigan good in 2019, Bolton inadequate.", {(WIGAN, "good", 2019), (BOLTON, "inadequate", 2019)}),
    ("Wigan had been rated good in 2016 and Bolton outstanding.",
     {(WIGAN, "good", 2016), (BOLTON, "outstanding", 2016)}),
])
def test_a_council_and_a_grade_after_a_verdict_share_its_verb(text, expected):
    assert {(c, g, y) for c, j, g, y, h in _ratings(text) if j == OVERALL} == expected


def test_a_council_named_before_a_grade_word_of_its_own_is_no_gapped_verdict():
    got = _ratings("Wigan was rated outstanding, and Bolton good practice was praised in a separate report.")
    assert {c for c, *_ in got} == {WIGAN}


# --- a plural subject standing for the councils named together just before ------------------------------------------

@pytest.mark.parametrize("paragraphs", [
    ["Ofsted has now reported on Bolton and on Wigan.", "Both councils were judged good, and both improved."],
    ["Inspectors spent a fortnight with Bolton's social workers and a fortnight with Wigan's.",
     "The two authorities have now been rated good."],
    ["Ofsted wrote to Bolton and to Wigan in March.", "They have each been judged good."],
])
def test_a_plural_subject_is_the_councils_named_together_before(paragraphs):
    got = _ratings("Bradford was rated inadequate last month.", *paragraphs)
    assert {(c, g) for c, j, g, y, h in got if y == 2024 and c != BRADFORD} == {(WIGAN, "good"), (BOLTON, "good")}


# --- a council described rather than named, before a plain "is/remains/has been" and a grade -----------------------

@pytest.mark.parametrize("text, grade, year", [
    ("The borough has been outstanding since 2018.", "outstanding", 2018),
    ("Despite the new director, the metropolitan borough remains inadequate.", "inadequate", 2024),
    ("Inspectors found problems at the front door. Even so, the city remains good.", "good", 2024),
])
def test_a_described_council_with_a_plain_verb_of_being_keeps_its_grade(text, grade, year):
    got = _ratings("Wigan Council's children's services were inspected by Ofsted in January.", text)
    assert (WIGAN, OVERALL, grade, year, year < 2024) in got


# --- a name the index does not know, subject of a later conjunct, owns that conjunct's grade ------------------------

@pytest.mark.parametrize("text", [
    "For comparison, Wigan was outstanding last year and Northfield was good.",
    "Wigan was judged outstanding in March, and Northgate Trust was good.",
    "Wigan has been outstanding since 2019 and Westmoor Foster Care remains good.",
])
def test_an_unknown_name_subject_of_a_later_conjunct_keeps_its_grade_from_the_council(text):
    assert {g for c, j, g, y, h in _ratings(text) if c == WIGAN} == {"outstanding"}


# --- a council's list: lower-case heads, a time or a bracket after each --------------------------------------------

NOTTINGHAMSHIRE, PETERBOROUGH, CALDERDALE = "E10000024", "E06000031", "E08000033"


@pytest.mark.parametrize("text, councils", [
    ("Nottinghamshire county council and Peterborough city council have both been judged inadequate.",
     {NOTTINGHAMSHIRE, PETERBOROUGH}),
    ("The reports on Calderdale, in February, and Leeds, in March, which were also rated inadequate, came first.",
     {CALDERDALE, LEEDS}),
    ("Calderdale (May), and Peterborough the month after – both rated inadequate.", {CALDERDALE, PETERBOROUGH}),
])
def test_councils_listed_with_their_heads_or_times_share_the_verdict(text, councils):
    got = _ratings(text, published=date(2010, 11, 2))
    assert {c for c, j, g, y, h in got if g == "inadequate" and y == 2010} == councils


# --- a possessive with its noun left out: "X's help and protection was adequate, while Y's was good" ---------------

@pytest.mark.parametrize("text, judgement", [
    ("Bolton's help and protection was judged adequate, while Wigan's was good.", "help_and_protection"),
    ("Wigan's care leavers service was rated good; Bolton's was found to be adequate.", "care_leavers"),
    ("Inspectors found Bolton's adoption work adequate, but Wigan's is good.", "adoption"),
])
def test_a_possessive_alone_takes_the_judgement_just_named(text, judgement):
    got = _ratings(text)
    assert (WIGAN, judgement, "good", 2024, False) in got
    assert (BOLTON, judgement, "requires_improvement", 2024, False) in got
    assert not {r for r in got if r[1] == OVERALL}


# --- the first word of an "X upon Y" name, as news writes it --------------------------------------------------------

RICHMOND = "E09000027"


@pytest.mark.parametrize("text", [
    "Richmond's children's services have been rated good.",
    "Inspectors judged Richmond good overall this spring.",
    "Achieving for Children, which runs services in Richmond, said Richmond was rated good.",
])
def test_richmond_is_richmond_upon_thames(text):
    assert (RICHMOND, OVERALL, "good", 2024, False) in _ratings(text)


# --- "X and neighbouring Y": one list; "the two councils ... respectively": the councils named before, in order ----

@pytest.mark.parametrize("text", [
    "Bolton and neighbouring Wigan were both judged good this week.",
    "Ofsted has rated Bolton and nearby Wigan good.",
    "Inspectors judged Bolton, and neighbouring Wigan, good in reports out today.",
])
def test_a_neighbour_joined_to_a_council_shares_its_verdict(text):
    got = _ratings("Bradford was rated inadequate last month.", text)
    assert {c for c, j, g, y, h in got if g == "good"} == {BOLTON, WIGAN}


@pytest.mark.parametrize("paragraphs", [
    ["Bolton and Wigan were both judged good this week.",
     "At their previous inspections, both in 2019, the two councils had been rated inadequate and outstanding "
     "respectively."],
    ["Reports on Bolton and on Wigan came out on Tuesday, both good.",
     "In 2019 the two authorities were judged inadequate and outstanding respectively."],
    ["Ofsted has judged Bolton and Wigan good.",
     "Both councils had been rated inadequate and outstanding respectively in 2019."],
])
def test_respectively_after_a_plural_subject_pairs_the_councils_named_before(paragraphs):
    got = _ratings(*paragraphs)
    assert {(c, g) for c, j, g, y, h in got if y == 2019} == {(BOLTON, "inadequate"), (WIGAN, "outstanding")}


# --- a council opening a sentence or a list item before a dash is the subject of the grades after it ----------------

@pytest.mark.parametrize("blocks, expected", [
    ([Block("list_item", "Wigan (February) – good.", list_id=1),
      Block("list_item", "Bolton (March) – outstanding overall.", list_id=1)],
     {(WIGAN, OVERALL, "good"), (BOLTON, OVERALL, "outstanding")}),
    (["Bolton, February – good, and outstanding for children in care."],
     {(BOLTON, OVERALL, "good"), (BOLTON, "children_in_care", "outstanding")}),
    (["Next up, Wigan – outstanding in every area, the first in the county to manage it."],
     {(WIGAN, OVERALL, "outstanding")}),
])
def test_a_council_before_a_dash_is_the_subject_of_the_grades_after_it(blocks, expected):
    got = rating_rows(["Bradford was rated inadequate last month.", *blocks], PUBLISHED)
    assert {(c, j, g) for c, j, g, y, h in got if c != BRADFORD and y == 2024} == expected


@pytest.mark.parametrize("text", [
    "Inspectors praised Wigan – good news for a borough that has struggled.",
    "Ofsted visited Wigan in March - good practice was seen in places.",
])
def test_a_verb_before_the_dash_leaves_the_sentence_to_its_own_reading(text):
    assert not {r for r in _ratings(text) if r[2] == "good"}


# --- "X joins Y in being rated ...": Y is compared with the subject, the grade is X's --------------------------------

@pytest.mark.parametrize("text", [
    "Wigan joins Bolton in being rated outstanding.",
    "This week Wigan followed Bolton in receiving an outstanding judgement.",
    "Wigan has joined neighbouring Bolton in being judged outstanding by Ofsted.",
])
def test_a_council_joined_in_a_grade_is_compared_not_the_subject(text):
    got = _ratings(text)
    assert (WIGAN, OVERALL, "outstanding", 2024, False) in got
    assert not {r for r in got if r[0] == BOLTON}
