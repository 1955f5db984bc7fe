"""The scope of a time phrase: which verdict a year or a time counted from the document's belongs to. Wordings
written for these tests, read through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import rating_rows

KIRKLEES, CALDERDALE, LEEDS = "E08000034", "E08000033", "E08000035"


def _rows(*paragraphs: str, published: date = date(2024, 5, 1), title: str = "Children's services") -> set[tuple]:
    return {(c, j, g, y) for c, j, g, y, _ in rating_rows(list(paragraphs), published, title)}


@pytest.mark.parametrize("text", [
    "Go further back, to 2014, and Kirklees was judged inadequate.",
    "Going a little further back, to 2014, Kirklees had been rated inadequate.",
    "Look even farther back, to 2014, and inspectors found Kirklees inadequate.",
])
def test_the_reader_sent_back_to_a_year(text):
    got = _rows("Kirklees is now rated good.", text, title="Kirklees children's services: good at last")
    assert (KIRKLEES, "overall_effectiveness", "inadequate", 2014) in got
    assert not any(g == "inadequate" and y != 2014 for _, _, g, y in got)


@pytest.mark.parametrize("text", [
    "When I joined the board, Kirklees had just been judged inadequate – that was the 2016 report, after years of "
    "drift.",
    "Kirklees was rated inadequate; this was back in 2016, before the new director arrived.",
    "Inspectors found Kirklees inadequate — it was the spring 2016 inspection — and the minister sent in a "
    "commissioner.",
])
def test_a_clause_after_a_dash_naming_the_verdicts_time(text):
    got = _rows(text, published=date(2024, 5, 1))
    assert (KIRKLEES, "overall_effectiveness", "inadequate", 2016) in got
    assert (KIRKLEES, "overall_effectiveness", "inadequate", 2024) not in got


def test_a_clause_after_a_dash_naming_no_time_leaves_the_verdict_alone():
    got = _rows("Kirklees was found inadequate – that was a shock to everyone.")
    assert got == {(KIRKLEES, "overall_effectiveness", "inadequate", 2024)}


@pytest.mark.parametrize("text", [
    "I moved to Huddersfield in 2016, the summer Ofsted inspected Kirklees and judged it inadequate.",
    "Our group began in 2016, the year inspectors rated Kirklees inadequate.",
    "She took the post in 2016, the very month Ofsted found Kirklees's services inadequate.",
])
def test_a_time_in_apposition_to_a_year_dates_the_verdict_in_its_relative_clause(text):
    got = _rows(text)
    assert (KIRKLEES, "overall_effectiveness", "inadequate", 2016) in got
    assert (KIRKLEES, "overall_effectiveness", "inadequate", 2024) not in got


@pytest.mark.parametrize("text", [
    "Kirklees and Calderdale were both judged outstanding last year, and Leeds got there in 2019.",
    "Kirklees and Calderdale were rated outstanding last year, and Leeds had been judged outstanding in 2019.",
    "Kirklees and Calderdale were graded outstanding last year, while Leeds was rated outstanding in 2019.",
])
def test_a_year_of_the_next_conjunct_is_not_the_verdict_before_it(text):
    got = _rows(text)
    assert (KIRKLEES, "overall_effectiveness", "outstanding", 2023) in got
    assert (CALDERDALE, "overall_effectiveness", "outstanding", 2023) in got
    assert (LEEDS, "overall_effectiveness", "outstanding", 2019) in got
    assert (KIRKLEES, "overall_effectiveness", "outstanding", 2019) not in got


@pytest.mark.parametrize("text", [
    "Calderdale was judged good in 2018, and Kirklees got there in 2021.",
    "Calderdale was rated good in 2018 and Kirklees followed suit in 2021.",
])
def test_a_grade_reached_after_another_councils(text):
    got = _rows(text)
    assert (CALDERDALE, "overall_effectiveness", "good", 2018) in got
    assert (KIRKLEES, "overall_effectiveness", "good", 2021) in got


def test_getting_there_with_no_grade_in_the_sentence_is_no_verdict():
    assert _rows("Kirklees is rated good.", "It took years, but Kirklees got there in the end.") == {
        (KIRKLEES, "overall_effectiveness", "good", 2024)}


@pytest.mark.parametrize("text", [
    "Kirklees's last short inspection, back in March 2022, kept it at good.",
    "The March 2022 inspection left Kirklees at good.",
    "In March 2022 a short inspection held Kirklees at good.",
])
def test_an_inspection_keeping_a_council_at_a_grade(text):
    assert _rows(text) == {(KIRKLEES, "overall_effectiveness", "good", 2022)}


@pytest.mark.parametrize("paragraph", [
    "Kirklees. March 2016. Inadequate overall. Inadequate for leadership, for children in care, for care leavers.",
    "Kirklees, back in 2016. Inadequate overall. Inadequate for leadership, for children in care, for care leavers.",
    "Think of Kirklees in the spring of 2016. Inadequate overall. Inadequate for leadership, for children in care, "
    "for care leavers.",
])
def test_verbless_verdicts_go_on_in_the_time_a_sentence_before_gave(paragraph):
    got = _rows(paragraph)
    assert {j for c, j, g, y in got if y == 2016 and g == "inadequate"} == {
        "overall_effectiveness", "leadership", "children_in_care", "care_leavers"}
    assert not any(y == 2024 for *_, y in got)


@pytest.mark.parametrize("news", [
    "Last month inspectors went back for a short inspection.",
    "This week the new report came out.",
    "Ofsted returned recently.",
])
def test_a_sentence_of_the_news_time_ends_the_paragraphs_earlier_time(news):
    got = _rows(f"By 2019 the service in Kirklees was outstanding. {news} Care leavers came out good.")
    assert (KIRKLEES, "overall_effectiveness", "outstanding", 2019) in got
    assert (KIRKLEES, "care_leavers", "good", 2024) in got


@pytest.mark.parametrize("paragraph", [
    "Kirklees was judged inadequate in 2016. Then 2019: good. And this spring, outstanding at last.",
    "Kirklees was judged inadequate in 2016. By 2019 - good. This spring, outstanding at last.",
    "Kirklees was judged inadequate in 2016. In 2019, good. And this spring: outstanding at last.",
])
def test_a_time_alone_opening_a_verbless_verdict_of_the_council_spoken_of(paragraph):
    got = _rows(paragraph)
    assert (KIRKLEES, "overall_effectiveness", "good", 2019) in got
    assert (KIRKLEES, "overall_effectiveness", "outstanding", 2024) in got


@pytest.mark.parametrize("text", [
    "Kirklees, inspected again this spring, retains the grade it won in 2019.",
    "Kirklees has kept the rating it was given in 2019.",
    "This spring Kirklees held on: it retains the same grade it first earned in 2019.",
])
def test_a_grade_kept_named_by_when_it_was_won(text):
    got = _rows("Kirklees children's services: outstanding again", text)
    assert (KIRKLEES, "overall_effectiveness", "outstanding", 2024) in got
    assert (KIRKLEES, "overall_effectiveness", "outstanding", 2019) in got


@pytest.mark.parametrize("text", [
    "Kirklees was good at its 2017 inspection, with leadership outstanding, before moving to the top grade.",
    "Kirklees was rated good in 2017, with leadership outstanding, until climbing to outstanding overall.",
])
def test_a_verdict_in_an_adjunct_of_another_time_is_not_the_dated_ones(text):
    got = _rows(text)
    assert (KIRKLEES, "leadership", "outstanding", 2017) in got
    assert (KIRKLEES, "overall_effectiveness", "outstanding", 2017) not in got


@pytest.mark.parametrize("text", [
    "The 2017 re-inspection moved Kirklees up to requires improvement, with leadership already good by then.",
    "In 2017 Kirklees required improvement, with leadership good at that time.",
])
def test_a_with_clause_whose_grade_ends_with_a_time_referring_back(text):
    assert (KIRKLEES, "leadership", "good", 2017) in _rows(text)


def test_a_heading_opens_an_item_whose_grade_referred_to_is_its_own():
    blocks = [Block("heading", "Calderdale holds on"), Block("paragraph", "Calderdale's care leavers are judged good."),
              Block("heading", "Kirklees steady"), Block("paragraph", "Kirklees retains the grade it won in 2019.")]
    got = {(c, j, g, y) for c, j, g, y, _ in rating_rows(blocks, date(2024, 5, 1))}
    assert not any(c == KIRKLEES and g == "good" for c, _, g, _ in got)


@pytest.mark.parametrize("paragraph", [
    "Kirklees is the example everyone quotes. Inadequate in 2016; much better since.",
    "Kirklees is the example everyone quotes. Inadequate in March 2016, and a long road after.",
    "Kirklees is the example everyone quotes. Inadequate in 2016, and nobody expected the turnaround.",
])
def test_a_verbless_grade_with_its_year_is_a_verdict_of_the_council_spoken_of(paragraph):
    assert (KIRKLEES, "overall_effectiveness", "inadequate", 2016) in _rows(paragraph)


@pytest.mark.parametrize("text", [
    "In 2019 Kirklees became one of a small number of councils to be rated outstanding.",
    "By 2019 Kirklees was one of only a handful of authorities rated outstanding.",
    "In 2019 Kirklees was among a small group of councils judged outstanding.",
])
def test_one_of_a_few_councils_given_a_grade(text):
    assert (KIRKLEES, "overall_effectiveness", "outstanding", 2019) in _rows(text)


@pytest.mark.parametrize("text", [
    "It is the same overall grade we had in 2019.",
    "That is the same rating we received in 2019, no better.",
    "Requires improvement again: the same grade we got in 2019.",
])
def test_the_same_grade_we_had(text):
    got = _rows("Kirklees Council's children's services were judged to require improvement last month.", text,
                title="Kirklees children's services")
    assert (KIRKLEES, "overall_effectiveness", "requires_improvement", 2019) in got


@pytest.mark.parametrize("text", [
    "Kirklees in 2019 was among a small group of councils judged outstanding.",
    "Inspectors in 2019 had, after a long visit and much debate, judged Kirklees outstanding.",
    "Kirklees, in June 2019, became one of the first councils in the region to be rated outstanding.",
    "The report, dated 3 June 2019, rated Kirklees outstanding.",
    "Kirklees's report, dated June 2019, judged it outstanding.",
])
def test_a_time_between_the_subject_and_its_verb_dates_the_clause(text):
    got = _rows(text)
    assert (KIRKLEES, "overall_effectiveness", "outstanding", 2019) in got
    assert (KIRKLEES, "overall_effectiveness", "outstanding", 2024) not in got


@pytest.mark.parametrize("paragraph", [
    "I spent 2016 working in Kirklees. I remember the day the report landed: inadequate. Leadership inadequate too.",
    "Kirklees had waited years for this. The verdict: inadequate. Leadership inadequate too.",
    "We all read about Kirklees that winter. Ofsted's overall judgement: inadequate. Leadership inadequate too.",
])
def test_a_lead_in_naming_the_report_opens_the_verdict_of_the_council_spoken_of(paragraph):
    got = _rows(paragraph)
    assert {(c, j) for c, j, g, _ in got if g == "inadequate"} == {(KIRKLEES, "overall_effectiveness"),
                                                                    (KIRKLEES, "leadership")}


def test_a_lead_in_naming_the_report_with_no_council_spoken_of_is_no_verdict():
    assert _rows("The verdict: inadequate.") == set()


@pytest.mark.parametrize("where", [
    "Sitting in Calderdale, the judge said the delays were unacceptable.",
    "Speaking at Calderdale, the minister praised the social workers.",
    "Based in Calderdale, the charity has supported the family for years.",
])
def test_a_place_someone_was_in_is_not_the_topic(where):
    got = _rows("A judge has criticised Kirklees Council over delays in a care case.", where,
                "The authority, which Ofsted rated good in February, apologised to the family.")
    assert (KIRKLEES, "overall_effectiveness", "good", 2024) in got
    assert not any(c == CALDERDALE for c, *_ in got)


@pytest.mark.parametrize("dating", ["That was five years ago.", "This was back in 2019.", "It was the 2019 report.",
                                    "The inspection took place in 2019.", "The report was published in March 2019."])
def test_a_sentence_only_dating_the_one_before(dating):
    got = _rows("Kirklees is now rated good. After years of trouble, the council was re-inspected and judged to "
                f"require improvement. {dating}")
    assert (KIRKLEES, "overall_effectiveness", "requires_improvement", 2019) in got
    assert (KIRKLEES, "overall_effectiveness", "good", 2024) in got


@pytest.mark.parametrize("text", [
    "Two years after being rated inadequate in 2016, Kirklees was judged good.",
    "Three years after Ofsted judged Kirklees inadequate in 2015, inspectors returned and rated it good.",
    "Kirklees's 2015 inspection found it inadequate; the 2018 one rated it good.",
])
def test_a_time_counted_on_from_a_dated_verdict_or_named_by_its_inspection(text):
    got = _rows(text)
    assert (KIRKLEES, "overall_effectiveness", "good", 2018) in got
    assert (KIRKLEES, "overall_effectiveness", "good", 2024) not in got


@pytest.mark.parametrize("text", [
    "Kirklees (2016) and Calderdale (2019) were both rated inadequate.",
    "Kirklees (March 2016) and Calderdale (2019) were judged inadequate.",
    "Kirklees (2016), Calderdale (2019): both inadequate.",
])
def test_each_council_of_a_subject_at_the_year_in_brackets_after_it(text):
    got = _rows(text)
    assert (KIRKLEES, "overall_effectiveness", "inadequate", 2016) in got
    assert (CALDERDALE, "overall_effectiveness", "inadequate", 2019) in got
    assert (KIRKLEES, "overall_effectiveness", "inadequate", 2019) not in got


@pytest.mark.parametrize("text, year", [
    ("It is five years since Kirklees was rated inadequate.", 2019),
    ("It has been more than six years since inspectors rated Kirklees inadequate.", 2018),
    ("Kirklees was rated good in 2014 and has been inadequate since 2019.", 2019),
])
def test_a_time_counted_to_now_or_a_second_predicate_held_since(text, year):
    assert (KIRKLEES, "overall_effectiveness", "inadequate", year) in _rows(text)


@pytest.mark.parametrize("text, year", [
    ("A few months before that, a child protection inspection had reached the same conclusion.", 2016),
    ("Several months earlier, a child protection inspection in Kirklees had reached the same conclusion.", 2016),
    ("Eighteen months earlier, a child protection inspection had reached that conclusion too.", 2015),
])
def test_a_time_counted_back_in_months_from_the_year_the_text_gave(text, year):
    got = _rows("In 2016 inspectors judged Kirklees inadequate.", text)
    assert (KIRKLEES, "help_and_protection", "inadequate", year) in got


@pytest.mark.parametrize("text", [
    "Kirklees was rated good in 2019, when the only area inspectors said required improvement was care leavers.",
    "In 2019 Kirklees was good overall; the one area Ofsted judged inadequate was care leavers.",
    "Kirklees was judged good in 2019, and the only judgement that was outstanding was care leavers.",
])
def test_the_area_a_report_graded_named_after_the_verdict(text):
    got = _rows(text)
    assert any(j == "care_leavers" and y == 2019 for c, j, g, y in got)
    assert {(j, y) for c, j, g, y in got if g != "good"} == {("care_leavers", 2019)}


@pytest.mark.parametrize("text", [
    "Kirklees stayed good overall, but leadership and care leavers both went to the top grade.",
    "Kirklees stayed good overall; leadership and care leavers climbed to the highest grade.",
    "Kirklees stayed good overall, while leadership and care leavers moved up to the top rating.",
])
def test_judgements_reaching_the_top_grade(text):
    got = _rows(text)
    assert {j for c, j, g, y in got if g == "outstanding"} == {"leadership", "care_leavers"}


@pytest.mark.parametrize("text", [
    "In 2016 Kirklees was inadequate and Calderdale good.",
    "Back in 2016 Kirklees was rated inadequate and Calderdale good.",
    "Kirklees was judged inadequate in 2016, and Calderdale good.",
])
def test_a_verdict_gapped_after_another_shares_its_time(text):
    got = _rows(text)
    assert (KIRKLEES, "overall_effectiveness", "inadequate", 2016) in got
    assert (CALDERDALE, "overall_effectiveness", "good", 2016) in got
    assert not any(c == KIRKLEES and g == "good" for c, _, g, _ in got)
