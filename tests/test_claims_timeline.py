"""Time and status of claims across a document: a grade left behind in other words ("shaken off", "no longer judged
to be"), a grade measured against an earlier one ("an improvement on"), an earlier time named in a clause ("last
time", "when I arrived"), a year that dates another event ("from ... in 2018", "since the last visit in 2017"), an
inserted clause about an earlier inspection, and the year of the previous inspection given anywhere in the article.

Wordings written for these tests (stories invented about real councils), read through the whole extraction.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

LUTON, SHEFFIELD, CUMBRIA = "E06000032", "E08000019", "E10000006"
PUBLISHED = date(2022, 9, 1)


def _ratings(*paragraphs: str, published: date = PUBLISHED, title: str = "Children's services inspection") -> set:
    return rating_rows(list(paragraphs), published, title)


# --- a grade left behind, in words the transition rules did not know ---

@pytest.mark.parametrize("text", [
    "Sheffield's services are no longer judged to be inadequate.",
    "Sheffield has shaken off its inadequate rating.",
    "Sheffield has finally shed the 'inadequate' label it carried for four years.",
    "Sheffield is no longer rated as inadequate by Ofsted.",
])
def test_a_grade_left_behind_is_no_current_grade(text):
    got = _ratings(text)
    assert (SHEFFIELD, "overall_effectiveness", "inadequate", None, True) in got
    assert not any(g == "inadequate" and not h for *_, g, _, h in got)


# --- a grade measured against an earlier one ---

@pytest.mark.parametrize("text", [
    "Luton was judged good, an improvement on the inadequate rating it received last time.",
    "Luton has been rated good, an improvement on its previous inadequate grade.",
    "Luton is now judged good - a big step up on the inadequate rating it was given before.",
])
def test_a_grade_improved_on_is_an_earlier_grade(text):
    got = _ratings(text)
    assert (LUTON, "overall_effectiveness", "good", 2022, False) in got
    assert (LUTON, "overall_effectiveness", "inadequate", None, True) in got
    assert not any(g == "inadequate" and not h for *_, g, _, h in got)


# --- an earlier time named in the verdict's own clause ---

@pytest.mark.parametrize("text", [
    "Luton had been judged good last time but has now been rated outstanding.",
    "Rated good last time, Luton has now been judged outstanding.",
    "Luton, which was judged good the last time inspectors came, is now rated outstanding.",
])
def test_last_time_is_an_earlier_grade(text):
    got = _ratings(text)
    assert (LUTON, "overall_effectiveness", "outstanding", 2022, False) in got
    assert (LUTON, "overall_effectiveness", "good", None, True) in got
    assert not any(g == "good" and not h for *_, g, _, h in got)


@pytest.mark.parametrize("text", [
    "When I arrived we were rated inadequate, and nobody thought we would turn it round.",
    "When she took over as director the service was judged inadequate.",
    "In those days we were rated inadequate and morale was low.",
])
def test_a_time_before_the_writer_came_is_an_earlier_grade(text):
    got = _ratings("I want to say something about our Ofsted result for Luton: we were judged good last week.", text,
                   title="A proud week for Luton")
    assert (LUTON, "overall_effectiveness", "good", 2022, False) in got
    assert (LUTON, "overall_effectiveness", "inadequate", None, True) in got
    assert not any(g == "inadequate" and not h for *_, g, _, h in got)


# --- a year after the grade that dates another event ---

@pytest.mark.parametrize("text", [
    "Sheffield has improved its rating to good, from requires improvement in 2018.",
    "Sheffield has been rated good, up from requires improvement in 2018.",
    "Sheffield has climbed to good, from requires improvement at its 2018 inspection.",
])
def test_the_year_of_the_grade_left_is_not_the_new_grades(text):
    got = _ratings(text)
    assert (SHEFFIELD, "overall_effectiveness", "good", 2022, False) in got
    assert (SHEFFIELD, "overall_effectiveness", "requires_improvement", 2018, True) in got
    assert not any(g == "good" and h for *_, g, _, h in got)


@pytest.mark.parametrize("text", [
    "Sheffield has improved from inadequate to good since Ofsted's last visit in 2017.",
    "Sheffield is now rated good, having been inadequate since the inspection of 2017.",
    "Sheffield has gone from inadequate to good since inspectors were last in the city in 2017.",
])
def test_a_year_after_since_dates_the_earlier_visit(text):
    got = _ratings(text)
    assert (SHEFFIELD, "overall_effectiveness", "good", 2022, False) in got
    assert not any(g == "good" and (h or y == 2017) for _, _, g, y, h in got)


# --- an inserted clause about an earlier inspection stays with its own verdict ---

@pytest.mark.parametrize("text", [
    "The council, which was rated inadequate at its last inspection, has been judged good.",
    "Sheffield, judged inadequate at the previous inspection, has now been rated good.",
    "The authority, rated inadequate at its last full inspection in 2018, has been judged good.",
])
def test_an_inserted_earlier_verdict_leaves_the_main_verdict_current(text):
    got = _ratings("Sheffield City Council's children's services have been inspected.", text)
    assert (SHEFFIELD, "overall_effectiveness", "good", 2022, False) in got
    assert not any(g == "good" and h for *_, g, _, h in got)
    assert any(g == "inadequate" and h for *_, g, _, h in got)


# --- the previous inspection's year, given anywhere in the article, dates an undated earlier grade ---

@pytest.mark.parametrize("dating", [
    "Since its 2018 inspection the council has recruited 40 social workers.",
    "The previous inspection (2018) found serious weaknesses.",
    "Inspectors who last visited the council in 2018 found caseloads high.",
    "When Ofsted last visited, in March 2018, caseloads were high.",
])
def test_the_previous_inspection_year_dates_an_undated_earlier_grade(dating):
    got = _ratings("Cumbria has been rated good, having previously been judged inadequate.", dating)
    assert (CUMBRIA, "overall_effectiveness", "good", 2022, False) in got
    assert (CUMBRIA, "overall_effectiveness", "inadequate", 2018, True) in got


def test_a_year_of_something_else_does_not_date_the_earlier_grade():
    got = _ratings("Cumbria has been rated good, having previously been judged inadequate.",
                   "Since 2018 the council has recruited 40 social workers.")
    assert (CUMBRIA, "overall_effectiveness", "inadequate", None, True) in got


# --- a grade only expected, feared or escaped is no verdict ---

@pytest.mark.parametrize("text", [
    "Sheffield is likely to be rated inadequate, insiders fear.",
    "Sheffield was braced for an inadequate rating.",
    "Sheffield was predicted to be judged inadequate.",
    "Sheffield is on course to be judged good.",
])
def test_an_expected_grade_is_no_verdict(text):
    assert not any(not h for *_, h in _ratings(text))


@pytest.mark.parametrize("text", [
    "Sheffield feared an inadequate rating but was judged to require improvement.",
    "Sheffield was spared an inadequate rating and instead judged to require improvement.",
    "Sheffield, which had been bracing itself for an inadequate rating, was judged to require improvement.",
])
def test_a_grade_feared_or_spared_is_no_verdict_but_the_grade_given_is(text):
    got = _ratings(text)
    assert (SHEFFIELD, "overall_effectiveness", "requires_improvement", 2022, False) in got
    assert not any(g == "inadequate" for *_, g, _, _ in got)


# --- a grade regained or returned to is the current one ---

@pytest.mark.parametrize("text", [
    "Sheffield has regained the good rating it lost in 2017.",
    "Sheffield has returned to good after being rated requires improvement in 2019.",
    "Sheffield has won back its good grade, three years after losing it.",
])
def test_a_grade_regained_is_the_current_grade(text):
    got = _ratings(text)
    assert (SHEFFIELD, "overall_effectiveness", "good", 2022, False) in got
    assert not any(g == "good" and h for *_, g, _, h in got)


# --- a time counted back or on from the year the text last gave, not from the document's date ---

@pytest.mark.parametrize("later", [
    "The year before, it had been judged inadequate.",
    "A year earlier it had been judged inadequate.",
    "In the previous year it had been rated inadequate.",
])
def test_a_year_before_counts_back_from_the_year_last_given(later):
    got = _ratings("Luton was rated good in 2019.", later)
    assert (LUTON, "overall_effectiveness", "good", 2019, True) in got
    assert (LUTON, "overall_effectiveness", "inadequate", 2018, True) in got


@pytest.mark.parametrize("later", [
    "Three years before that, it had been judged inadequate.",
    "Three years earlier, inspectors had found it inadequate.",
    "It had been rated inadequate three years previously.",
])
def test_years_before_count_back_from_the_year_last_given(later):
    got = _ratings("Luton was rated good in 2019.", later)
    assert (LUTON, "overall_effectiveness", "inadequate", 2016, True) in got


def test_years_earlier_count_back_from_the_document_when_the_text_speaks_of_now():
    got = _ratings("In 2012 Luton appointed a new director.", "Luton has now been rated good.",
                   "Two years earlier it had been judged inadequate.")
    assert (LUTON, "overall_effectiveness", "inadequate", 2020, True) in got


@pytest.mark.parametrize("later", [
    "Eighteen months later it was rated as requiring improvement.",
    "Some 18 months on, inspectors judged it to require improvement.",
    "Twenty months later, it was judged to require improvement.",
])
def test_months_later_count_on_from_the_year_last_given(later):
    got = _ratings("Luton was judged inadequate in 2015.", later, "It is now rated good.")
    assert (LUTON, "overall_effectiveness", "requires_improvement", 2017, True) in got
    assert (LUTON, "overall_effectiveness", "good", 2022, False) in got


@pytest.mark.parametrize("later", [
    "The same year, its adoption service was rated good.",
    "That same year adoption was judged good.",
    "In the same year, inspectors judged adoption good.",
])
def test_the_same_year_refers_to_the_year_last_given(later):
    got = _ratings("Luton was judged inadequate in 2015.", later)
    assert (LUTON, "adoption", "good", 2015, True) in got


# --- "the same grade as in 2018": the year is the earlier grade's, the verdict is today's ---

@pytest.mark.parametrize("text", [
    "The council was judged to require improvement, the same grade as in 2018, and inspectors said it had stalled.",
    "Luton has been rated as requiring improvement - the same rating as at its last inspection in 2018.",
    "Luton was again judged to require improvement, the same grade as it received in 2018.",
])
def test_the_same_grade_as_before_dates_the_earlier_grade_only(text):
    got = _ratings("Luton Borough Council has been inspected by Ofsted.", text)
    assert (LUTON, "overall_effectiveness", "requires_improvement", 2022, False) in got
    assert (LUTON, "overall_effectiveness", "requires_improvement", 2018, True) in got


# --- "we" on a council's own page: the council ---

@pytest.mark.parametrize("text", [
    "Now we are outstanding.",
    "Today we are good, and we intend to stay that way.",
    "After a long journey we are now good.",
])
def test_we_are_graded_on_a_councils_page_is_the_council(text):
    got = _ratings("Luton Borough Council was inspected by Ofsted in July.", text, title="Our Ofsted journey - Luton")
    assert any(c == LUTON and not h and g in ("good", "outstanding") for c, _, g, _, h in got)


# --- a year given before "now" is not the time of the verdict "now" introduces ---

@pytest.mark.parametrize("text", [
    "Luton was rated inadequate in 2016 before improving to good in 2019, and it has now been judged outstanding.",
    "Luton's services were good in 2019 and are now outstanding.",
    "Inspectors found Luton good in 2019 and have now judged it outstanding.",
])
def test_now_cuts_off_the_year_before_it(text):
    got = _ratings(text)
    assert (LUTON, "overall_effectiveness", "outstanding", 2022, False) in got
    assert (LUTON, "overall_effectiveness", "good", 2019, True) in got
    assert not any(g == "outstanding" and h for *_, g, _, h in got)


# --- "..., and in 2014 inadequate": a second grade with its own time before it ---

@pytest.mark.parametrize("text", [
    "In 2018 it was rated good, and in 2014 inadequate.",
    "Inspectors rated it as requiring improvement in 2018, and in 2014 inadequate.",
    "It was judged good in 2018 and, in 2014, inadequate.",
])
def test_a_coordinated_grade_with_its_year_before_it(text):
    got = _ratings("Luton Borough Council has been judged outstanding.", text)
    assert (LUTON, "overall_effectiveness", "inadequate", 2014, True) in got
    assert not any(y == 2014 and g != "inadequate" for _, _, g, y, _ in got)


@pytest.mark.parametrize("text", [
    "Ofsted's verdict on Luton, published on Tuesday, was good.",
    "The verdict on Luton, after a three-week inspection, was good.",
    "Luton's overall verdict was good.",
])
def test_a_verdict_that_was_a_grade(text):
    assert (LUTON, "overall_effectiveness", "good", 2022, False) in _ratings(text)


# --- blind3 T1: a January article on a November visit reports the grade of its own year (the dev set's and the
# annotators' convention: the year the judgement was published) ---

@pytest.mark.parametrize("paragraphs", [
    ("Luton Borough Council has been rated good by Ofsted.",
     "Inspectors, who visited in November and December, praised its social workers."),
    ("Ofsted inspectors visited Luton in October.", "Their report, published this week, rates the council good."),
    ("Ofsted carried out the inspection in December.", "Luton's children's services are now judged good."),
])
def test_a_grade_published_in_january_after_an_autumn_visit_has_the_publication_year(paragraphs):
    got = _ratings(*paragraphs, published=date(2023, 1, 20))
    assert (LUTON, "overall_effectiveness", "good", 2023, False) in got
    assert not any(y == 2022 for *_, y, _ in got)


# --- blind3 T2: a relative clause carrying the history, the main clause the news ---

@pytest.mark.parametrize("text", [
    "The borough, which fell to inadequate in 2016 and required improvement when re-inspected two years later, was "
    "judged good overall.",
    "The council, rated inadequate in 2016 and found to require improvement two years later, has been judged good.",
    "Luton, which was inadequate in 2016 and requires improvement after a return visit two years later, is now "
    "judged good.",
])
def test_a_relative_clause_keeps_its_times(text):
    got = _ratings("Luton Borough Council has been inspected.", text)
    assert (LUTON, "overall_effectiveness", "good", 2022, False) in got
    assert (LUTON, "overall_effectiveness", "inadequate", 2016, True) in got
    assert (LUTON, "overall_effectiveness", "requires_improvement", 2018, True) in got


# --- blind3 T3: "now" makes the verdict today's, whatever inspection the clause goes on to name ---

@pytest.mark.parametrize("text", [
    "Its services now require improvement to be good, after the 2019 inspection put it in special measures.",
    "The council is now rated as requiring improvement, three years after its 2019 inspection found it inadequate.",
    "Services now require improvement, following the 2019 inspection's damning verdict.",
])
def test_now_is_the_news_whatever_inspection_follows(text):
    got = _ratings("Luton is no longer inadequate.", text)
    assert (LUTON, "overall_effectiveness", "requires_improvement", 2022, False) in got
    assert not any(g == "requires_improvement" and h for *_, g, _, h in got)


# --- blind3 T4: "when it was last inspected" is an earlier grade; counts back from it ---

@pytest.mark.parametrize("text", [
    "The county was judged good when it was last inspected, in a report published in March 2020.",
    "When it was last inspected, in a report published in March 2020, the county was judged good.",
    "The county had been rated good when inspectors last visited, in March 2020.",
])
def test_when_last_inspected_is_an_earlier_grade(text):
    got = _ratings(text, "Four years before that it had required improvement.", published=date(2024, 5, 1),
                   title="Cumbria County Council inspection")
    assert (CUMBRIA, "overall_effectiveness", "good", 2020, True) in got
    assert (CUMBRIA, "overall_effectiveness", "requires_improvement", 2016, True) in got
    assert not any(g == "good" and not h for *_, g, _, h in got)


@pytest.mark.parametrize("text", [
    "Both had been good last time round, in 2017.",
    "Both had been judged good in 2017.",
    "They had both been rated good in 2017.",
])
def test_both_refers_to_the_councils_just_named(text):
    got = _ratings("Luton and Sheffield have both been rated outstanding.", text)
    assert (LUTON, "overall_effectiveness", "good", 2017, True) in got
    assert (SHEFFIELD, "overall_effectiveness", "good", 2017, True) in got


@pytest.mark.parametrize("text", [
    "Luton kept the good overall grade it had got back in 2018.",
    "Luton retained the good rating it was first given in 2018.",
    "Luton has held on to the good grade it achieved in 2018.",
])
def test_a_grade_kept_since_a_year_is_both_todays_and_that_years(text):
    got = _ratings(text)
    assert (LUTON, "overall_effectiveness", "good", 2022, False) in got
    assert (LUTON, "overall_effectiveness", "good", 2018, True) in got


# --- blind3 T6: a grade a service in general might have is no verdict ---

@pytest.mark.parametrize("text", [
    "A service that requires improvement could, if it deteriorated, be found inadequate.",
    "Any council that is rated inadequate is issued with a statutory direction.",
    "An authority which is judged to require improvement gets a monitoring visit.",
    "The Director confirmed that a council judged inadequate would be subject to a statutory direction.",
    "Any authority rated inadequate receives monitoring visits.",
    "Every council found to be inadequate is re-inspected within three years.",
])
def test_a_grade_of_a_service_in_general_is_no_verdict(text):
    got = _ratings("Luton Borough Council's scrutiny panel discussed the inspection framework.", text)
    assert got == set()


# --- blind3 T7: a headline about a council it does not name ---

@pytest.mark.parametrize("title", [
    "One council slips to inadequate as three others improve",
    "Another council rated inadequate by Ofsted",
    "A council in the north is judged outstanding",
])
def test_a_headline_about_an_unnamed_council_is_no_claim(title):
    got = _ratings("Luton Borough Council's children's services were discussed by councillors this week.",
                   title=title)
    assert got == set()


# --- blind3 T8: a section's council referred to by a description ---

@pytest.mark.parametrize("text", [
    "The south Midlands authority was rated good.",
    "The East of England borough was judged good overall.",
    "Inspectors rated the unitary authority good.",
])
def test_a_described_council_is_the_sections(text):
    from csi.records import Block
    got = rating_rows([Block("heading", "Sheffield: a long climb"), Block("paragraph", "A long climb for the city."),
                       Block("heading", "Luton: up to good"), Block("paragraph", text)], PUBLISHED)
    assert (LUTON, "overall_effectiveness", "good", 2022, False) in got
    assert not any(c == SHEFFIELD for c, *_ in got)


# --- blind3 T5: minutes recapping earlier inspections ---

@pytest.mark.parametrize("text", [
    "Luton had been judged to require improvement overall, the same overall grade as at the last two inspections: "
    "the single inspection in 2017 and the inspection published in June 2020.",
    "Luton was again rated as requiring improvement, the same grade as at its previous two inspections, in 2017 and "
    "in 2020.",
    "Luton still requires improvement, the same rating as at the last two inspections (2017 and 2020).",
])
def test_the_same_grade_as_at_the_last_two_inspections(text):
    got = _ratings(text)
    assert (LUTON, "overall_effectiveness", "requires_improvement", 2022, False) in got
    assert (LUTON, "overall_effectiveness", "requires_improvement", 2017, True) in got
    assert (LUTON, "overall_effectiveness", "requires_improvement", 2020, True) in got


@pytest.mark.parametrize("text", [
    "The inspection before that, in 2014, had also concluded that services required improvement.",
    "The one before that, in 2014, had rated it as requiring improvement.",
    "In 2014, at the inspection before that, it had been judged to require improvement.",
])
def test_the_inspection_before_that_is_an_earlier_grade(text):
    got = _ratings("Luton has been rated good. Its previous inspection, in 2018, had found it inadequate.", text)
    assert (LUTON, "overall_effectiveness", "requires_improvement", 2014, True) in got
    assert not any(g == "requires_improvement" and not h for *_, g, _, h in got)


# --- a council named as the subject of "is/remains/was + grade" ---

@pytest.mark.parametrize("text, year, historical", [
    ("Luton remains inadequate.", 2022, False),
    ("Luton is now good, inspectors said.", 2022, False),
    ("Back in 2016 Luton was inadequate.", 2016, True),
    ("Luton, just down the road from where I used to work, remains inadequate.", 2022, False),
])
def test_a_named_council_is_graded(text, year, historical):
    got = _ratings(text)
    assert any(c == LUTON and y == year and h == historical for c, _, _, y, h in got)


@pytest.mark.parametrize("text", [
    "Mr Patel was good at explaining the changes.",
    "Sarah Jones is outstanding, the director said.",
    "Northfield Academy remains good.",
])
def test_a_name_that_is_no_council_is_no_subject(text):
    assert _ratings("Luton Borough Council was inspected in July.", text) == set()


# --- the previous inspection dated by an earlier grade the article gives, or by "since the last inspection in" ---

@pytest.mark.parametrize("paragraphs", [
    ("Luton has been rated good overall, as it was in 2019.", "Leadership had improved from good to outstanding."),
    ("Luton was judged good in 2019.", "It has now been rated outstanding, having moved on from good."),
    ("In 2019 inspectors rated Luton good.", "Luton is now outstanding; it was previously good."),
])
def test_an_undated_earlier_grade_takes_the_year_of_the_earlier_grade_given(paragraphs):
    got = _ratings(*paragraphs)
    assert not any(y is None for *_, y, _ in got)
    assert any(g == "good" and y == 2019 and h for *_, g, y, h in got)


@pytest.mark.parametrize("text", [
    "Since the last inspection in 2019, leadership had improved from good to outstanding.",
    "Since 2019, leadership has improved from good to outstanding.",
    "Since its previous inspection in 2019 the council's leadership had gone from good to outstanding.",
])
def test_a_year_after_since_is_not_the_new_grades(text):
    got = _ratings("Luton has been rated good overall.", text)
    assert (LUTON, "leadership", "outstanding", 2022, False) in got
    assert (LUTON, "leadership", "good", 2019, True) in got


@pytest.mark.parametrize("text", [
    "This year both were judged outstanding.",
    "Both have now been rated outstanding.",
    "Now both are outstanding.",
])
def test_both_are_the_councils_named_together_not_the_last_subject(text):
    got = _ratings("In 2016 Luton was rated inadequate. Two years later Luton and Sheffield were both re-inspected, "
                   "and Luton was rated as requiring improvement.", text)
    assert (LUTON, "overall_effectiveness", "outstanding", 2022, False) in got
    assert (SHEFFIELD, "overall_effectiveness", "outstanding", 2022, False) in got


@pytest.mark.parametrize("text, year", [
    ("Two years later Luton was rated as requiring improvement, while Sheffield kept its good grade.", 2018),
    ("The following year Luton was rated as requiring improvement, while Sheffield kept its good grade.", 2017),
    ("A year on, Luton was rated as requiring improvement, while Sheffield kept its good grade.", 2017),
])
def test_a_sentence_opening_with_a_counted_time_scopes_all_its_verdicts(text, year):
    got = _ratings("In 2016 Luton was rated inadequate.", text)
    assert (LUTON, "overall_effectiveness", "requires_improvement", year, True) in got
    assert (SHEFFIELD, "overall_effectiveness", "good", year, True) in got


@pytest.mark.parametrize("text", [
    "Leadership was rated outstanding; in 2019 it had been good.",
    "Leadership is now outstanding, whereas in 2019 it was good.",
    "Leadership was judged outstanding, although in 2019 it had been good.",
])
def test_it_after_a_judgement_graded_is_that_judgement(text):
    got = _ratings("Luton has been rated good.", text)
    assert (LUTON, "leadership", "outstanding", 2022, False) in got
    assert (LUTON, "leadership", "good", 2019, True) in got
    assert (LUTON, "overall_effectiveness", "good", 2019, True) not in got


@pytest.mark.parametrize("text", [
    "Luton, previously good, has slipped to requires improvement.",
    "Luton, formerly good, has now dropped to requires improvement.",
    "Luton, once rated good, has fallen to requires improvement.",
])
def test_an_inserted_earlier_grade_does_not_make_the_new_one_history(text):
    got = _ratings(text)
    assert (LUTON, "overall_effectiveness", "requires_improvement", 2022, False) in got
    assert (LUTON, "overall_effectiveness", "good", None, True) in got


@pytest.mark.parametrize("text", [
    "Luton improved on its 2018 'requires improvement' grade.",
    "Luton has improved on the requires improvement rating it received in 2018.",
    "Luton is improving on its 2018 requires improvement judgement.",
])
def test_a_grade_improved_on_is_history(text):
    got = _ratings(text)
    assert (LUTON, "overall_effectiveness", "requires_improvement", 2018, True) in got
    assert not any(not h for *_, h in got)


@pytest.mark.parametrize("text", [
    "The two councils had been rated good in 2017.",
    "These two authorities were judged good in 2017.",
    "The two neighbouring boroughs had both been rated good in 2017.",
])
def test_the_two_councils_are_those_just_named(text):
    got = _ratings("Luton and Sheffield have both been rated outstanding.", text)
    assert (LUTON, "overall_effectiveness", "good", 2017, True) in got
    assert (SHEFFIELD, "overall_effectiveness", "good", 2017, True) in got


@pytest.mark.parametrize("text", [
    "Two councils were rated good in 2017.",
    "Only two of the councils had been judged good in 2017.",
    "Three other authorities were rated good in 2017.",
])
def test_a_count_of_councils_is_no_claim(text):
    got = _ratings("Luton and Sheffield have both been rated outstanding.", text)
    assert not any(y == 2017 for *_, y, _ in got)
