"""The judgement grammar, fifth part: grade verbs of the news and blogs ("came out adequate", "stayed good", "got
good"); verdicts with no verb, opening a sentence or set after a dash ("Good overall, good for leaders, ...") or
after a colon ("Westshire: safeguarding adequate, looked after children good"); "good for safeguarding" is a
verdict, not a skill; "with leadership now outstanding"; "it was the weak spot, rated ..." (the judgement just
graded); a grade's rating as the subject of a modal ("what an outstanding judgement would have required") is no
verdict given. Wordings written for these tests, read through the whole extraction (Document in, rating rows out).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

HARTLEPOOL = "E06000001"


def _rows(published: date, *paragraphs: str) -> set[tuple[str, str]]:
    return {(j, g) for c, j, g, _, _ in rating_rows(list(paragraphs), published) if c == HARTLEPOOL}


def _statuses(published: date, *paragraphs: str) -> set[tuple[str, str, bool]]:
    return {(j, g, h) for c, j, g, _, h in rating_rows(list(paragraphs), published) if c == HARTLEPOOL}


# --- grade verbs --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, grade", [
    ("Hartlepool's inspection came out 'requires improvement', which is something.", "requires_improvement"),
    ("Hartlepool comes out as requiring improvement in the report published today.", "requires_improvement"),
    ("When the report landed, Hartlepool had come out good.", "good"),
])
def test_came_out_gives_the_grade(text, grade):
    assert ("overall_effectiveness", grade) in _rows(date(2019, 5, 1), text)


@pytest.mark.parametrize("text", [
    "Hartlepool had its short inspection in March and stayed good.",
    "Hartlepool stays good after a short inspection this spring.",
    "After a short inspection, Hartlepool got good again.",
])
def test_stayed_and_got_give_the_grade(text):
    assert _rows(date(2024, 6, 3), text) == {("overall_effectiveness", "good")}


@pytest.mark.parametrize("text", [
    "Hartlepool stayed in touch with good foster carers.",
    "Hartlepool got good feedback from families at the event.",
    "Social workers in Hartlepool stayed late and got good at the new system.",
])
def test_stayed_and_got_without_a_grade_ending_the_phrase_give_none(text):
    assert _rows(date(2024, 6, 3), text) == set()


# --- verdicts with no verb -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Good overall, good for leaders, good for help and protection and outstanding for children in care.",
    "Good overall; good for leaders and for help and protection; outstanding for children in care.",
    "Hartlepool did well - good overall, good for leaders and good for help and protection, and outstanding for "
    "children in care.",
])
def test_verdicts_with_no_verb_opening_a_sentence_or_after_a_dash(text):
    got = _rows(date(2024, 6, 3), "Next, Hartlepool.", text)
    assert got == {("overall_effectiveness", "good"), ("leadership", "good"), ("help_and_protection", "good"),
                   ("children_in_care", "outstanding")}


@pytest.mark.parametrize("text", [
    "And last month Hartlepool: safeguarding adequate, looked after children good.",
    "Then there is Hartlepool: safeguarding adequate; looked after children good.",
    "Hartlepool, published in July: safeguarding adequate, and looked after children good.",
])
def test_judgement_grade_pairs_after_a_colon(text):
    got = _rows(date(2012, 8, 28), text)
    assert ("safeguarding", "requires_improvement") in got
    assert ("children_in_care", "good") in got or ("looked_after", "good") in got


@pytest.mark.parametrize("text", [
    "Hartlepool was adequate for safeguarding but good for looked after children.",
    "Inspectors found Hartlepool good for safeguarding.",
    "Hartlepool is outstanding for safeguarding, the report says.",
])
def test_good_for_safeguarding_is_a_verdict_not_a_skill(text):
    got = _rows(date(2012, 8, 28), text)
    assert any(j == "safeguarding" for j, _ in got)


@pytest.mark.parametrize("text", [
    "After a short inspection Hartlepool stays good, with leadership now outstanding.",
    "Hartlepool remains good, with the impact of leaders now outstanding.",
    "Hartlepool was judged good again, with leadership still outstanding.",
])
def test_with_a_judgement_now_graded(text):
    assert ("leadership", "outstanding") in _rows(date(2024, 6, 3), text)


# --- "it" described, then graded: the judgement just graded --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "In Hartlepool help and protection has moved up to good; at the 2019 inspection it was the weak spot, rated "
    "requires improvement.",
    "Hartlepool's help and protection is now good; in 2019 it was the weakest area, judged to require improvement.",
    "In Hartlepool help and protection was rated good; back in 2019 it had been the one worry, graded inadequate.",
])
def test_it_described_then_graded_is_the_judgement_just_graded(text):
    got = _rows(date(2024, 6, 3), text)
    assert ("help_and_protection", "good") in got
    assert {g for j, g in got if g != "good"} and all(j == "help_and_protection" for j, g in got if g != "good")


# --- a grade's rating as the subject of a modal ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "A member asked what an outstanding judgement would have required of Hartlepool.",
    "Councillors wondered whether a good rating could follow for Hartlepool.",
    "For Hartlepool, an inadequate grade might mean intervention.",
])
def test_a_grades_rating_as_the_subject_of_a_modal_is_no_verdict(text):
    assert _rows(date(2024, 6, 3), text) == set()
