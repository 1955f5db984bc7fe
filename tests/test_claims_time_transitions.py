"""Times counted from the one the text last gave, a stretch lasting to now, and the time of a report dating the
verdict it reported. Wordings written for these tests, read through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

KIRKLEES = "E08000034"


def _ratings(*paragraphs: str, published: date = date(2022, 9, 1)) -> set[tuple]:
    return {(j, g, y, h) for c, j, g, y, h in rating_rows(list(paragraphs), published) if c == KIRKLEES}


@pytest.mark.parametrize("text", [
    "Kirklees was rated inadequate in 2016. When inspectors returned the following spring, Kirklees was judged to "
    "require improvement.",
    "Ofsted judged Kirklees inadequate in March 2016. Re-inspected the next autumn, it came out as requires "
    "improvement.",
    "Kirklees was found inadequate in 2016; the summer after, it was judged to require improvement.",
])
def test_a_part_of_the_year_after_counts_a_year_on(text):
    assert _ratings(text) == {("overall_effectiveness", "inadequate", 2016, True),
                              ("overall_effectiveness", "requires_improvement", 2017, True)}


@pytest.mark.parametrize("text", [
    "Kirklees was judged good in 2019; the summer before, it had been found inadequate.",
    "Kirklees was rated good in May 2019. The previous winter it had been judged inadequate.",
    "Kirklees was judged good in 2019, having been rated inadequate the autumn before.",
])
def test_a_part_of_the_year_before_counts_a_year_back(text):
    assert _ratings(text) == {("overall_effectiveness", "good", 2019, True),
                              ("overall_effectiveness", "inadequate", 2018, True)}


@pytest.mark.parametrize("text", [
    "Back in 2014 Kirklees was judged inadequate. A re-inspection three years later lifted it to requires "
    "improvement, where it stayed until now.",
    "Kirklees was found inadequate in 2014. Three years on it was rated requires improvement, a grade it kept up to "
    "today.",
    "In 2014 Kirklees was rated inadequate. Three years later it improved to requires improvement and remained there "
    "till now.",
])
def test_a_stretch_lasting_until_now_is_no_time_of_the_news(text):
    assert _ratings(text) == {("overall_effectiveness", "inadequate", 2014, True),
                              ("overall_effectiveness", "requires_improvement", 2017, True)}


@pytest.mark.parametrize("text", [
    "Ofsted had told Kirklees in November 2019 that its services for children were inadequate.",
    "Inspectors concluded, in 2019, that Kirklees's children's services were inadequate.",
    "Ofsted warned Kirklees during the summer of 2019 that its services for children were inadequate.",
])
def test_the_time_of_a_report_dates_the_verdict_it_reported(text):
    assert _ratings("Kirklees Council is now rated good.", text) == {
        ("overall_effectiveness", "good", 2022, False), ("overall_effectiveness", "inadequate", 2019, True)}


@pytest.mark.parametrize("text", [
    "Kirklees was last inspected in full in March 2017, by a team of six. Overall: inadequate. Leadership: inadequate.",
    "The Kirklees report of March 2017 makes grim reading. Overall effectiveness: inadequate. Leadership: inadequate.",
    "Ofsted's visit to Kirklees in 2017 lasted two weeks. Overall: inadequate. Impact of leaders: inadequate.",
])
def test_rows_after_a_sentence_giving_an_earlier_time_go_on_in_it(text):
    assert _ratings(text) == {("overall_effectiveness", "inadequate", 2017, True),
                              ("leadership", "inadequate", 2017, True)}


@pytest.mark.parametrize("text", [
    "Ofsted inspected Kirklees in 2017 and rated it good. Children in care were still judged to require improvement.",
    "Kirklees was rated good in 2017. Children in care were still at requires improvement.",
    "In 2017 Kirklees came out as good. Its children in care service was still rated as requiring improvement.",
])
def test_still_after_a_past_verb_goes_on_in_the_earlier_time(text):
    assert _ratings(text) == {("overall_effectiveness", "good", 2017, True),
                              ("children_in_care", "requires_improvement", 2017, True)}


@pytest.mark.parametrize("text", [
    "Kirklees is now rated good. The outstanding for leadership in 2018 dropping to requires improvement drew no "
    "comment.",
    "Kirklees is now rated good. Its outstanding in leadership back in 2018 slipped to requires improvement.",
    "Kirklees is now rated good, though its outstanding for leadership from 2018 has fallen to requires improvement.",
])
def test_a_grade_moving_to_another_is_left_behind(text):
    assert _ratings(text, published=date(2023, 3, 1)) == {
        ("overall_effectiveness", "good", 2023, False), ("leadership", "outstanding", 2018, True),
        ("leadership", "requires_improvement", 2023, False)}


@pytest.mark.parametrize("text", [
    "Kirklees is a funny one because it was weak on everything in 2016 and then in 2018 it came up a grade with "
    "children in care rated good.",
    "In 2018 Kirklees improved markedly with children in care judged good.",
    "Kirklees in 2018 turned a corner with children in care found to be good.",
])
def test_a_with_phrase_set_after_its_clause_without_a_comma_takes_its_time(text):
    assert ("children_in_care", "good", 2018, True) in _ratings(text)


@pytest.mark.parametrize("text", [
    "Kirklees has been judged inadequate twice - in 2014 and again in 2018. The second report found help and "
    "protection inadequate, though adoption was good.",
    "Ofsted inspected Kirklees in 2014 and in 2018, with the same result each time. The later inspection found help "
    "and protection inadequate, though adoption was good.",
    "Kirklees was inspected in 2018 and again in 2021. The first inspection found help and protection inadequate, "
    "though adoption was good.",
])
def test_an_ordinal_report_takes_its_year_from_those_the_sentence_before_listed(text):
    got = _ratings(text)
    assert ("help_and_protection", "inadequate", 2018, True) in got
    assert ("adoption", "good", 2018, True) in got


@pytest.mark.parametrize("aside", [
    "Third time running (the first was back in 2016).",
    "A hat-trick (Ofsted first said so in 2016).",
    "That makes it two in a row (2016 was the other).",
])
def test_a_year_in_an_aside_does_not_date_the_rows_after_it(aside):
    got = _ratings(f"Kirklees has been rated outstanding again. {aside} Leadership outstanding, care leavers "
                   "outstanding.", published=date(2024, 8, 5))
    assert ("leadership", "outstanding", 2024, False) in got
    assert not any(y == 2016 for _, _, y, _ in got)


@pytest.mark.parametrize("text", [
    "That was an upgrade: the 2017 SIF had Kirklees at requires improvement.",
    "The 2017 verdict on Kirklees was requires improvement.",
    "Its 2017 ILACS had Kirklees at requires improvement.",
])
def test_a_framework_named_with_its_year_dates_its_verdict(text):
    assert ("overall_effectiveness", "requires_improvement", 2017, True) in _ratings(text)


@pytest.mark.parametrize("text", [
    "Kirklees Council has shed its inadequate rating, three years after inspectors found widespread failings.",
    "Kirklees has finally moved out of inadequate, three years after being judged failing by Ofsted.",
    "Kirklees is no longer rated inadequate, three years after the inspection that found it failing.",
])
def test_a_grade_left_behind_n_years_after_its_inspection_is_that_many_years_old(text):
    assert ("overall_effectiveness", "inadequate", 2015, True) in _ratings(text, published=date(2018, 5, 11))


@pytest.mark.parametrize("text", [
    "In March inspectors confirmed what they had found in 2018: Kirklees's services for children are outstanding.",
    "The new report repeats the verdict of 2018: Kirklees is outstanding.",
    "Kirklees is outstanding again, as it was in 2018.",
])
def test_a_grade_given_again_as_at_a_dated_inspection_is_also_that_years(text):
    assert _ratings(text, published=date(2023, 5, 2)) == {("overall_effectiveness", "outstanding", 2023, False),
                                                           ("overall_effectiveness", "outstanding", 2018, True)}


@pytest.mark.parametrize("text", [
    "Kirklees was rated inadequate the year before last.",
    "Kirklees was rated inadequate a couple of years ago.",
    "Kirklees was rated inadequate eighteen months ago.",
])
def test_a_time_counted_back_from_the_document_in_other_words(text):
    assert _ratings(text, published=date(2023, 5, 2)) == {("overall_effectiveness", "inadequate", 2021, True)}


@pytest.mark.parametrize("text", [
    "Kirklees was found inadequate in 2015 and again when inspectors returned in 2018.",
    "Kirklees was judged inadequate in 2015 and again when it was re-inspected in 2018.",
    "Kirklees was rated inadequate in 2015, and again when Ofsted came back in 2018.",
])
def test_a_grade_given_again_when_inspectors_returned_is_that_years_too(text):
    assert _ratings(text) == {("overall_effectiveness", "inadequate", 2015, True),
                              ("overall_effectiveness", "inadequate", 2018, True)}
