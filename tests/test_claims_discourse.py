"""The claim model's reading of discourse: time anchors, grades referred to rather than named, councils named
apart from their verdict ("respectively", "X in 2016 and Y in 2018", "ten councils, X among them").

Each construction is pinned with at least three wordings written for these tests (stories invented about real
councils), read through the whole extraction (Document in, rating rows out).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_claims import _doc
from transforms.extract import extract

LUTON, LAMBETH, SHEFFIELD, CUMBRIA = "E06000032", "E09000022", "E08000019", "E10000006"
HARINGEY, WARRINGTON, KIRKLEES, DONCASTER = "E09000014", "E06000007", "E08000034", "E08000017"
NORTH_YORKSHIRE, WARWICKSHIRE, HAMMERSMITH = "E10000023", "E10000031", "E09000013"


def ratings(*paragraphs: str, published: date = date(2021, 6, 10), **kwargs) -> set[tuple]:
    """(council, judgement, grade, year, historical) of every rating the paragraphs yield."""
    return {(r.council_code, r.judgement, r.grade, r.rated_year, r.is_historical)
            for r in extract(_doc(*paragraphs, published=published, **kwargs)).ratings}


# --- a sentence-initial common noun is not a council the index does not know ----------------------------------

@pytest.mark.parametrize("title", [
    "Children's services 'require improvement', inspectors say",
    "Council's children's services judged 'inadequate'",
    "Social care for children 'requires improvement' after Ofsted visit",
    "Local Childrens' Services 'Require Improvement'",
])
def test_a_headline_verdict_opening_with_a_common_noun_goes_to_the_document_council(title):
    grade = "inadequate" if "inadequate" in title else "requires_improvement"
    got = ratings("Cumbria County Council said it would act on the report's recommendations.",
                  "Cumbria's director said staff had worked hard.", title=title)
    assert (CUMBRIA, "overall_effectiveness", grade, 2021, False) in got


# --- "gave <the council> the top grade for A, for B and for C": the grade given to a named recipient ------------

@pytest.mark.parametrize("text, expected", [
    ("Ofsted gave Doncaster Council's children's services the top grade for leadership and for overall "
     "effectiveness.", {("leadership", "outstanding"), ("overall_effectiveness", "outstanding")}),
    ("Inspectors awarded Doncaster the highest possible rating for help and protection.",
     {("help_and_protection", "outstanding")}),
    ("The inspectorate handed Doncaster's social care department the lowest grade for leadership, for help and "
     "protection and for overall effectiveness.",
     {("leadership", "inadequate"), ("help_and_protection", "inadequate"), ("overall_effectiveness", "inadequate")}),
])
def test_the_top_or_bottom_grade_given_to_a_named_council(text, expected):
    got = ratings(text)
    assert {(j, g) for c, j, g, y, h in got if c == DONCASTER and y == 2021 and not h} == expected


# --- "respectively": the n-th grade or year goes to the n-th council ---------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Luton and Sheffield were rated good and inadequate respectively.",
     {(LUTON, "good", 2021, False), (SHEFFIELD, "inadequate", 2021, False)}),
    ("Lambeth, Luton and Sheffield were judged outstanding, requires improvement and good, respectively.",
     {(LAMBETH, "outstanding", 2021, False), (LUTON, "requires_improvement", 2021, False),
      (SHEFFIELD, "good", 2021, False)}),
    ("Luton and Sheffield had been rated inadequate, in 2015 and 2017 respectively.",
     {(LUTON, "inadequate", 2015, True), (SHEFFIELD, "inadequate", 2017, True)}),
    ("Inspectors found Luton and Sheffield good and inadequate in 2016 and 2018 respectively.",
     {(LUTON, "good", 2016, True), (SHEFFIELD, "inadequate", 2018, True)}),
])
def test_respectively_pairs_councils_with_grades_and_years_in_order(text, expected):
    assert {(c, g, y, h) for c, _, g, y, h in ratings(text)} == expected


# --- a verdict distributed over "X in <year> and Y in <year>" closing the sentence -------------------------------

@pytest.mark.parametrize("paragraphs", [
    ("Two councils stood out.", "Both were rated inadequate after full inspections – Luton in 2014 and Sheffield in "
                                "2016."),
    ("The pair were judged inadequate at their last inspections (Luton in 2014, Sheffield in 2016).",),
    ("Luton and Sheffield share a history.", "Each was found inadequate by Ofsted: Luton in 2014 and Sheffield in "
                                             "2016."),
])
def test_a_verdict_distributed_over_councils_each_with_its_year(paragraphs):
    got = ratings(*paragraphs)
    assert {(c, g, y, h) for c, _, g, y, h in got} == {(LUTON, "inadequate", 2014, True),
                                                       (SHEFFIELD, "inadequate", 2016, True)}


def test_a_grade_left_behind_in_a_distributed_verdict_keeps_no_year():
    got = ratings("Both slipped from good to inadequate – Luton in 2014 and Sheffield in 2016.")
    assert (LUTON, "overall_effectiveness", "inadequate", 2014, True) in got
    assert (SHEFFIELD, "overall_effectiveness", "good", None, True) in got
    assert not any(g == "good" and y for _, _, g, y, _ in got)


# --- a grade referred to, not named: the grade named last ---------------------------------------------------------

@pytest.mark.parametrize("paragraphs", [
    ("Doncaster Council was rated good in 2017.", "Inspectors have now given it the same rating again."),
    ("Doncaster was judged good in 2017.", "This time the council received the same grade."),
    ("Ofsted rated Doncaster good in 2017.", "The council has now retained that rating after a three-week visit."),
])
def test_the_same_rating_again_is_a_new_grade_equal_to_the_last_one(paragraphs):
    got = ratings(*paragraphs)
    assert got == {(DONCASTER, "overall_effectiveness", "good", 2017, True),
                   (DONCASTER, "overall_effectiveness", "good", 2021, False)}


@pytest.mark.parametrize("text", [
    "Ofsted has rated Doncaster requires improvement, the same grade it received in 2017.",
    "Doncaster has been judged requires improvement, the same rating it had in 2017.",
    "Inspectors found Doncaster's services requires improvement, the same verdict they were given in 2017.",
])
def test_a_year_belonging_to_the_same_grade_earlier_stays_with_it(text):
    assert ratings(text) == {(DONCASTER, "overall_effectiveness", "requires_improvement", 2017, True),
                             (DONCASTER, "overall_effectiveness", "requires_improvement", 2021, False)}


@pytest.mark.parametrize("text, grade", [
    ("Sheffield was rated outstanding. Doncaster retained its grade of good.", "good"),
    ("Doncaster kept a rating of 'requires improvement'.", "requires_improvement"),
    ("Doncaster's services, judged inadequate in 2016, are now good.", "good"),
])
def test_a_grade_named_after_rating_of_or_after_an_inserted_clause(text, grade):
    got = ratings(text)
    assert (DONCASTER, "overall_effectiveness", grade, 2021, False) in got
    assert not any(c == DONCASTER and g != grade and not h for c, _, g, _, h in got)


@pytest.mark.parametrize("paragraphs, year", [
    (("Ofsted says safeguarding has been 'inadequate' in several local authorities.",
      "Last year three areas fell into that category for children in care: Luton, Sheffield and Doncaster."),
     2020),
    (("Some councils were again judged 'inadequate'.",
      "Two years ago the councils placed in that category were: Luton, Sheffield and Doncaster."), 2019),
    (("The lowest grade, 'inadequate', was given to several areas.",
      "In 2018 the councils put into the same category included Luton, Sheffield and Doncaster."), 2018),
])
def test_that_category_refers_to_the_grade_named_before(paragraphs, year):
    got = ratings(*paragraphs)
    assert {c for c, _, g, y, h in got if g == "inadequate" and y == year and h} == {LUTON, SHEFFIELD, DONCASTER}
    assert not any(y == 2021 for *_, y, _ in got)


# --- background: "For context, X was rated good" is an earlier grade, of the time just spoken of ---------------

@pytest.mark.parametrize("paragraphs, year", [
    (("Last year Luton was rated inadequate for help and protection.", "For context, Sheffield was rated good."),
     2020),
    (("Luton had been judged inadequate in 2018.", "For comparison, Sheffield – a neighbouring council – was rated "
                                                   "good."), 2018),
    (("This year's inspections are still under way.", "For context, Sheffield was rated good."), None),
])
def test_a_grade_given_for_context_is_history(paragraphs, year):
    got = ratings(*paragraphs)
    assert [(g, y, h) for c, _, g, y, h in got if c == SHEFFIELD] == [("good", year, True)]


# --- a counted group naming some of its members: the members take the group's grade -----------------------------

@pytest.mark.parametrize("text, expected", [
    ("Seven councils, Luton among them, were rated inadequate.", {(LUTON, "inadequate")}),
    ("Five authorities – including Sheffield and Doncaster – were judged good.",
     {(SHEFFIELD, "good"), (DONCASTER, "good")}),
    ("Nine councils (among them Hammersmith and Fulham) were found to be outstanding.", {(HAMMERSMITH, "outstanding")}),
    ("Twelve councils, such as Luton and Sheffield, were rated good.", {(LUTON, "good"), (SHEFFIELD, "good")}),
])
def test_members_named_in_a_counted_group_take_its_grade(text, expected):
    assert {(c, g) for c, j, g, y, h in ratings(text) if j == "overall_effectiveness" and y == 2021 and not h} \
        == expected


def test_a_counted_group_naming_no_member_stays_an_aggregate():
    assert ratings("Seven councils, most of them in the north, were rated inadequate.",
                   "Luton's director welcomed the figures.") == set()


# --- ellipsis: "..., as was Y", "So were Y and Z." ----------------------------------------------------------------

@pytest.mark.parametrize("paragraphs, expected", [
    (("Luton was rated good, as was Sheffield.",), {(LUTON, "good"), (SHEFFIELD, "good")}),
    (("Ofsted judged Luton inadequate.", "So were Sheffield and Doncaster."),
     {(LUTON, "inadequate"), (SHEFFIELD, "inadequate"), (DONCASTER, "inadequate")}),
    (("Luton's children's services were found to require improvement, as were neighbouring Sheffield's.",),
     {(LUTON, "requires_improvement"), (SHEFFIELD, "requires_improvement")}),
])
def test_as_was_and_so_were_repeat_the_verdict_for_the_councils_named(paragraphs, expected):
    assert {(c, g) for c, j, g, y, h in ratings(*paragraphs) if y == 2021 and not h} == expected


# --- the grade's recipient named after it: "gave an inadequate rating to X" -------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Inspectors gave an inadequate rating to Luton and Sheffield.",
     {(LUTON, "inadequate", 2021, False), (SHEFFIELD, "inadequate", 2021, False)}),
    ("A 'requires improvement' grade went to Luton.", {(LUTON, "requires_improvement", 2021, False)}),
    ("Ofsted awarded good ratings last year to both Luton and Sheffield.",
     {(LUTON, "good", 2020, True), (SHEFFIELD, "good", 2020, True)}),
])
def test_a_grade_given_to_councils_named_after_it(text, expected):
    got = ratings("Doncaster Council has published its annual report.", text)
    assert {(c, g, y, h) for c, _, g, y, h in got} == expected


def test_compared_to_a_council_is_not_giving_it_the_grade():
    got = ratings("Doncaster Council has published its annual report.",
                  "The council was rated good, compared to Luton's inadequate.")
    assert (DONCASTER, "overall_effectiveness", "good", 2021, False) in got
    assert not any(c == LUTON and g == "good" for c, _, g, _, _ in got)


# --- "it had been good in 2017": the council referred to, its grade ending the clause or dated ----------------

@pytest.mark.parametrize("paragraphs, earlier", [
    (("Ofsted rated Luton good.", "Sheffield, inspected in May, was rated inadequate.", "It had been good in 2017."),
     (SHEFFIELD, "good", 2017)),
    (("Luton was rated good; two years earlier it had been inadequate.",), (LUTON, "inadequate", 2019)),
    (("Luton Borough Council is now judged good.", "In 2016 the council was inadequate."), (LUTON, "inadequate", 2016)),
])
def test_it_was_and_the_council_was_with_a_grade(paragraphs, earlier):
    got = ratings(*paragraphs)
    assert (earlier[0], "overall_effectiveness", earlier[1], earlier[2], True) in got


def test_it_was_good_to_see_is_no_grade():
    got = ratings("Luton Borough Council's leader spoke to staff.", "It was good to see such commitment, she said.")
    assert got == set()


# --- a second grade of the same verdict with its own year ---------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Luton was rated inadequate in 2016 and requires improvement in 2019.",
     {("overall_effectiveness", "inadequate", 2016), ("overall_effectiveness", "requires_improvement", 2019)}),
    ("Inspectors judged Luton's leadership inadequate in 2015 and good in 2018.",
     {("leadership", "inadequate", 2015), ("leadership", "good", 2018)}),
    ("Luton, judged outstanding in 2012 and good in March 2017, was not inspected again until this year.",
     {("overall_effectiveness", "outstanding", 2012), ("overall_effectiveness", "good", 2017)}),
])
def test_and_then_a_grade_in_another_year(text, expected):
    assert {(j, g, y) for c, j, g, y, h in ratings(text) if c == LUTON and h} == expected


# --- "and so was leadership": a judgement elided after the verdict ------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Help and protection was judged to require improvement, and so was leadership.",
     {("help_and_protection", "requires_improvement"), ("leadership", "requires_improvement")}),
    ("Leadership was rated good, as was adoption.", {("leadership", "good"), ("adoption", "good")}),
    ("Children in care were found to be outstanding, and so were care leavers.",
     {("children_in_care", "outstanding"), ("care_leavers", "outstanding")}),
])
def test_a_judgement_elided_after_so_was_or_as_was(text, expected):
    got = ratings("Luton Borough Council has had its inspection report.", text)
    assert {(j, g) for c, j, g, y, h in got if c == LUTON and y == 2021 and not h} == expected


# --- "previously inadequate, is now outstanding": the earlier grade inserted, the new one after "now" ------------

@pytest.mark.parametrize("text, judgement, old, new", [
    ("Luton's leadership, previously inadequate, is now outstanding.", "leadership", "inadequate", "outstanding"),
    ("Luton's children's services, formerly good, are now inadequate.", "overall_effectiveness", "good",
     "inadequate"),
    ("Adoption in Luton, once inadequate, has now been judged good.", "adoption", "inadequate", "good"),
])
def test_an_inserted_earlier_grade_and_the_grade_now(text, judgement, old, new):
    got = ratings(text)
    assert (LUTON, judgement, new, 2021, False) in got
    assert any(c == LUTON and j == judgement and g == old and h for c, j, g, _, h in got)
    assert not any(c == LUTON and j == judgement and g == new and h for c, j, g, _, h in got)


# --- what is not a grade referred to ------------------------------------------------------------------------------

@pytest.mark.parametrize("paragraphs", [
    ("Luton Borough Council was rated inadequate.", "A children's home in the town kept its outstanding rating."),
    ("Luton avoided an inadequate rating.", "The council received the same grade as Sheffield."),
    ("Luton Borough Council was rated good.", "The council hopes to keep that rating at its next inspection."),
    ("Luton Borough Council was rated good.", "Nationally, 40 councils received the same grade."),
])
def test_no_grade_taken_from_a_hope_a_comparison_or_another_provider(paragraphs):
    got = ratings(*paragraphs)
    first = "inadequate" if "rated inadequate" in paragraphs[0] else "good" if "rated good" in paragraphs[0] else None
    assert got == ({(LUTON, "overall_effectiveness", first, 2021, False)} if first else set())


# --- a year after the grade that dates something else: a comparison, the start of a run -------------------------

@pytest.mark.parametrize("text, earlier", [
    ("Luton has been rated good for the first time since 2012, when it was judged outstanding.",
     (LUTON, "outstanding", 2012)),
    ("Luton Borough Council has been rated good, two grades higher than at its last inspection in 2018.", None),
    ("Luton was judged good overall, compared with inadequate in 2017.", (LUTON, "inadequate", 2017)),
])
def test_a_year_after_the_grade_that_dates_another_event_is_not_its_year(text, earlier):
    got = ratings(text)
    assert (LUTON, "overall_effectiveness", "good", 2021, False) in got
    assert not any(g == "good" and y != 2021 for _, _, g, y, _ in got)
    if earlier:
        assert (earlier[0], "overall_effectiveness", earlier[1], earlier[2], True) in got


# --- sub-judgements in running prose: a series sharing one verb, ratings "for" a judgement ------------------------

@pytest.mark.parametrize("text, expected", [
    ("The inspectorate graded leadership outstanding; the experiences of children in care good; and help and "
     "protection requires improvement.",
     {("leadership", "outstanding"), ("children_in_care", "good"), ("help_and_protection", "requires_improvement")}),
    ("Luton was given a good rating for its care of looked-after children and an outstanding rating for its "
     "leadership.", {("children_in_care", "good"), ("leadership", "outstanding")}),
    ("Luton has been rated requires improvement overall, with good judgements for leadership and for care leavers.",
     {("overall_effectiveness", "requires_improvement"), ("leadership", "good"), ("care_leavers", "good")}),
])
def test_sub_judgements_sharing_a_verb_or_named_by_for(text, expected):
    got = ratings("Luton Borough Council's inspection report is out.", text)
    assert {(j, g) for c, j, g, y, h in got if c == LUTON and y == 2021 and not h} == expected


@pytest.mark.parametrize("paragraphs, expected", [
    (("Luton Borough Council was rated good in every area.", "So was Sheffield, last year."),
     (SHEFFIELD, "good", 2020, True)),
    (("Luton Borough Council was rated good.", "The same rating was given to Sheffield in 2019."),
     (SHEFFIELD, "good", 2019, True)),
    (("Luton was judged inadequate, as was Sheffield two years ago.",), (SHEFFIELD, "inadequate", 2019, True)),
])
def test_a_repeated_verdict_keeps_its_own_time(paragraphs, expected):
    got = ratings(*paragraphs)
    assert (expected[0], "overall_effectiveness", *expected[1:]) in got
    assert not any(c == SHEFFIELD and y == 2021 for c, _, _, y, _ in got)


@pytest.mark.parametrize("paragraphs", [
    ("Luton was rated inadequate.", "Schools in Sheffield, meanwhile, were rated good, as was Doncaster's college."),
    ("Luton Borough Council was rated inadequate.", "The council had been good at recruiting foster carers, it said."),
    ("Luton Borough Council was rated inadequate.", "It was outstanding that no child came to harm, a member said."),
    ("Luton Borough Council was rated inadequate.", "Sheffield's director said the news was welcome, as was the help."),
])
def test_what_is_not_a_repeated_verdict_or_a_grade(paragraphs):
    assert ratings(*paragraphs) == {(LUTON, "overall_effectiveness", "inadequate", 2021, False)}


# --- headlines: present tense, verbs with an object, no verb at all -----------------------------------------------

@pytest.mark.parametrize("title, grade", [
    ("Inspectors downgrade Luton to inadequate", "inadequate"),
    ("Ofsted upgrades Luton's children's services to good", "good"),
    ("Luton's social care moves up two grades to good", "good"),
    ("Ofsted: Luton children's services 'inadequate'", "inadequate"),
    ("Luton council 'requires improvement', says watchdog", "requires_improvement"),
    ("Luton retains 'good' Ofsted rating", "good"),
    ("Luton council celebrates outstanding Ofsted verdict", "outstanding"),
])
def test_headline_verdicts(title, grade):
    got = ratings("The council's director of children's services said staff had worked hard.", title=title)
    assert got == {(LUTON, "overall_effectiveness", grade, 2021, False)}


@pytest.mark.parametrize("title, old, new", [
    ("Luton climbs out of inadequate with good rating", "inadequate", "good"),
    ("Luton sheds 'inadequate' label", "inadequate", None),
    ("Luton loses its 'outstanding' rating", "outstanding", None),
])
def test_headline_grades_left_behind(title, old, new):
    got = ratings("Luton Borough Council's director of children's services said staff had worked hard.", title=title)
    assert (LUTON, "overall_effectiveness", old, None, True) in got
    assert {g for _, _, g, _, h in got if not h} == ({new} if new else set())


@pytest.mark.parametrize("title", [
    "Cost-cutting behind slide in once-'good' children's services",
    "What outsourcing 'failing' council services has taught us",
    "Can Luton get to 'good' by next year?",
])
def test_headlines_that_report_no_verdict(title):
    assert ratings("Luton Borough Council's director said staff had worked hard.", title=title) == set()


# --- a judgement table written as a sentence ----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The report set out the inspection's findings: overall effectiveness - good; leadership - outstanding.",
     {("overall_effectiveness", "good"), ("leadership", "outstanding")}),
    ("Judgements: help and protection – requires improvement; children in care – good; care leavers – good.",
     {("help_and_protection", "requires_improvement"), ("children_in_care", "good"), ("care_leavers", "good")}),
    ("The grades were as follows: leadership: inadequate; overall effectiveness: inadequate.",
     {("leadership", "inadequate"), ("overall_effectiveness", "inadequate")}),
])
def test_judgement_grade_pairs_after_a_colon(text, expected):
    got = ratings("Luton Borough Council's scrutiny committee met on Tuesday.", text)
    assert {(j, g) for c, j, g, y, h in got if c == LUTON and y == 2021 and not h} == expected


def test_one_pair_after_a_colon_is_not_a_table():
    got = ratings("Luton Borough Council's scrutiny committee met on Tuesday.",
                  "Members asked about one area: leadership - good practice was noted.")
    assert got == set()


# --- a comparison inserted between the subject and its verdict --------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Luton, like Sheffield, was rated requires improvement.",
     {(LUTON, "requires_improvement"), (SHEFFIELD, "requires_improvement")}),
    ("Luton, unlike Sheffield, was rated inadequate.", {(LUTON, "inadequate")}),
    ("Luton, unlike its neighbour Sheffield, has been judged good.", {(LUTON, "good")}),
    ("Luton, along with Sheffield and Doncaster, was found to be inadequate.",
     {(LUTON, "inadequate"), (SHEFFIELD, "inadequate"), (DONCASTER, "inadequate")}),
])
def test_councils_compared_with_the_subject(text, expected):
    assert {(c, g) for c, _, g, _, _ in ratings(text)} == expected


@pytest.mark.parametrize("text, expected", [
    ("A spokesperson for Sheffield said Luton's inadequate rating was a concern.", {(LUTON, "inadequate")}),
    ("Luton has been rated good. The judgement contrasts with Sheffield, where services were found inadequate "
     "last year.", {(LUTON, "good"), (SHEFFIELD, "inadequate")}),
    ("Doncaster's 'outstanding' grade was welcomed by Luton's leader.", {(DONCASTER, "outstanding")}),
])
def test_a_possessive_council_owns_the_grade_it_qualifies(text, expected):
    assert {(c, g) for c, _, g, _, _ in ratings(text)} == expected


@pytest.mark.parametrize("text", [
    "Inspectors downgraded two schools in the town to requires improvement.",
    "Councils awarded good ratings this year include several in the north.",
    "Nationally, the proportion of councils with good ratings rose to half.",
    "Ofsted gave the top grade to a children's home in the town.",
])
def test_grades_given_to_others_than_the_council(text):
    assert ratings("Luton Borough Council was rated inadequate.", text) == {
        (LUTON, "overall_effectiveness", "inadequate", 2021, False)}


@pytest.mark.parametrize("text, grade", [
    ("Luton's rating remained inadequate.", "inadequate"),
    ("Luton's grade is now good.", "good"),
    ("Luton Borough Council's overall judgement was outstanding, the report said.", "outstanding"),
])
def test_the_rating_itself_as_the_subject(text, grade):
    assert ratings(text) == {(LUTON, "overall_effectiveness", grade, 2021, False)}


# --- earlier grades in participle clauses and "the inspection before last" --------------------------------------

@pytest.mark.parametrize("text, earlier", [
    ("Luton Borough Council has been rated good, having been inadequate since 2016.", ("inadequate", 2016)),
    ("Luton Borough Council has been rated good. It was rated inadequate in the inspection before last.",
     ("inadequate", None)),
    ("Luton Borough Council has been rated outstanding, having previously been good in 2017.", ("good", 2017)),
])
def test_earlier_grades_after_having_been_or_before_last(text, earlier):
    got = ratings(text)
    new = "outstanding" if "outstanding" in text else "good"
    assert (LUTON, "overall_effectiveness", new, 2021, False) in got
    assert (LUTON, "overall_effectiveness", *earlier, True) in got
    assert len(got) == 2


@pytest.mark.parametrize("text, expected", [
    ("Luton has been judged inadequate overall and for leadership and help and protection.",
     {("overall_effectiveness", "inadequate", 2021, False), ("leadership", "inadequate", 2021, False),
      ("help_and_protection", "inadequate", 2021, False)}),
    ("Luton has been rated good. The council's previous rating, inadequate, was given in 2017.",
     {("overall_effectiveness", "good", 2021, False), ("overall_effectiveness", "inadequate", 2017, True)}),
    ("Luton was rated outstanding overall and for care leavers.",
     {("overall_effectiveness", "outstanding", 2021, False), ("care_leavers", "outstanding", 2021, False)}),
    ("Luton has been rated good. Its last grade, 'requires improvement', dated from 2018.",
     {("overall_effectiveness", "good", 2021, False), ("overall_effectiveness", "requires_improvement", 2018, True)}),
])
def test_overall_and_for_and_a_grade_in_apposition(text, expected):
    assert {(j, g, y, h) for c, j, g, y, h in ratings(text) if c == LUTON} == expected


@pytest.mark.parametrize("text", [
    "Sheffield was not rated, as was Doncaster.",
    "Sheffield's inspection was postponed, as was Doncaster's.",
    "Sheffield, it said, would be inspected next, as would Doncaster.",
])
def test_as_was_mid_sentence_repeats_only_that_sentence(text):
    assert ratings("Luton Borough Council was rated good.", text) == {
        (LUTON, "overall_effectiveness", "good", 2021, False)}
