"""Time and status, eleventh round: the scope of a time expression. A time inside a modifier of a noun tells of that
noun ("Medway, where I trained in 2019, ..."); the nearest time after a grade is its own; a "since" phrase opens a
stretch lasting to now; a count with its year set off names that year ("Five years earlier, in 2012, ..."); "N
years after that" and a count standing after a stated year count on from it; a dated apposition after a fronted
phrase or a colon dates the clause it opens, as does a report named as the subject with its time in a participle;
the next item of a list after a dated verdict shares its time. "That September" is in the year the text gave last,
a verdict told in the active voice carries its paragraph's earlier time, and "last month" ends it; a year in the
next coordinated clause with a subject of its own is that clause's; "by 2019" dates the grade before it; a focusing
word ("even in 2016", "only in January 2019") or an "and" after a clause of no verdict opens the time of the verdict.
An undated present grade of a council whose verdicts state no time is the one it holds (the official record's), not
the date another council's verdict stated.

Wordings written for these tests (stories invented about real councils), read through the whole extraction.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

LUTON, SHEFFIELD, MEDWAY = "E06000032", "E08000019", "E06000035"
OVERALL = "overall_effectiveness"


def _ratings(*paragraphs: str, published: date) -> set:
    return rating_rows(list(paragraphs), published)


# --- a modifier of a noun keeps its own time ---

@pytest.mark.parametrize("text", [
    "Medway, where my brother did a placement in 2019, was judged outstanding for the first time.",
    "Medway, which I left in the summer of 2019, has been rated outstanding for the first time.",
    "Medway, reorganised into three localities in 2019, went outstanding overall for the first time.",
])
def test_a_time_in_a_modifier_of_a_noun_does_not_date_the_verdict(text):
    got = _ratings(text, published=date(2024, 5, 6))
    assert (MEDWAY, OVERALL, "outstanding", 2024, False) in got
    assert not any(y == 2019 for *_, y, _ in got)


@pytest.mark.parametrize("text", [
    "Medway, inspected in the summer of 2019, was judged requires improvement.",
    "Medway, visited by inspectors in 2019, was judged requires improvement.",
    "Medway's last report, published in 2019, judged it requires improvement.",
])
def test_a_modifier_telling_of_the_inspection_still_dates_it(text):
    got = _ratings("Medway is now rated good.", text, published=date(2024, 5, 6))
    assert (MEDWAY, OVERALL, "requires_improvement", 2019, True) in got


# --- the nearest time after the grade is the verdict's ---

@pytest.mark.parametrize("text", [
    "A member asked why Luton had been rated inadequate again in March when the committee had been assured in "
    "2021 that things would get better.",
    "Luton was judged inadequate in February, although officers had told members in 2021 that it was on track.",
    "Luton was graded inadequate in March, which nobody who sat on the panel in 2021 would have predicted.",
])
def test_a_month_right_after_the_grade_dates_it_not_a_year_further_on(text):
    got = _ratings(text, published=date(2025, 6, 2))
    assert (LUTON, OVERALL, "inadequate", 2025, False) in got
    assert not any(y == 2021 for *_, y, _ in got)


# --- a "since" phrase in a lead-in opens a stretch to now ---

@pytest.mark.parametrize("text", [
    "Adoption, now judged on its own since the framework changed in 2022: outstanding.",
    "Adoption, graded separately since Ofsted altered its framework in 2022: outstanding.",
    "Adoption, a judgement of its own since the handbook was rewritten in 2022: outstanding.",
])
def test_a_since_phrase_in_a_lead_in_does_not_date_the_grade(text):
    got = _ratings("Sheffield was rated good in March.", text, published=date(2024, 5, 6))
    assert (SHEFFIELD, "adoption", "outstanding", 2024, False) in got
    assert not any(y == 2022 for *_, y, _ in got)


# --- a count with its year set off after it ---

@pytest.mark.parametrize("text", [
    "Five years earlier, in 2012, Luton's adoption service had been rated outstanding.",
    "Four years before that, in 2012, Luton's adoption work had been judged outstanding.",
    "A decade ago, in 2012, Luton's adoption service was graded outstanding.",
])
def test_a_count_with_its_year_set_off_takes_that_year(text):
    got = _ratings("Luton is now rated good.", text, published=date(2022, 5, 6))
    assert (LUTON, "adoption", "outstanding", 2012, True) in got
    assert not any(j == "adoption" and y != 2012 for _, j, _, y, _ in got)


# --- "N years after that", and a count after a stated year, count on from the year ---

@pytest.mark.parametrize("text", [
    "Eight years ago, in 2016, Luton was found inadequate, and three years after that it was rated requires "
    "improvement.",
    "Luton was judged inadequate in 2016. Three years after that it was rated requires improvement.",
    "In 2016 Luton was graded inadequate; three years after that, inspectors judged it requires improvement.",
])
def test_years_after_that_count_on_from_the_year_given(text):
    got = _ratings("Luton is now rated good.", text, published=date(2024, 5, 6))
    assert (LUTON, OVERALL, "requires_improvement", 2019, True) in got
    assert not any(g == "requires_improvement" and y != 2019 for *_, g, y, _ in got)


@pytest.mark.parametrize("text", [
    "Found inadequate under the single inspection framework in 2014, Luton was re-inspected two years later and "
    "moved up to requires improvement.",
    "Judged inadequate at its inspection in 2014, Luton was visited again two years later and rated requires "
    "improvement.",
    "After its inspection in 2014 Luton was seen again two years later and graded requires improvement.",
])
def test_a_count_after_a_stated_year_counts_on_from_it(text):
    got = _ratings("Luton is now rated good.", text, published=date(2024, 5, 6))
    assert (LUTON, OVERALL, "requires_improvement", 2016, True) in got
    assert not any(g == "requires_improvement" and y == 2014 for *_, g, y, _ in got)


# --- a dated apposition after a fronted phrase or a colon dates the clause it opens ---

@pytest.mark.parametrize("text", [
    "By the time of its second inspection under the new framework, published in March 2018, Sheffield had moved "
    "up to good.",
    "By the time inspectors came back, in March 2018, Sheffield had climbed to good.",
    "Members were reminded that Sheffield had not always been strong: its previous inspection, in March 2018, had "
    "graded it good.",
])
def test_a_dated_apposition_after_a_fronted_phrase_or_a_colon_dates_the_verdict(text):
    got = _ratings("Sheffield is now rated outstanding.", text, published=date(2024, 5, 6))
    assert (SHEFFIELD, OVERALL, "good", 2018, True) in got
    assert not any(g == "good" and y == 2024 for *_, g, y, _ in got)


@pytest.mark.parametrize("text", [
    "The previous full inspection, in 2018, had reached the same verdict but judged the council's leadership good.",
    "Its last standard inspection, in 2018, came to the same conclusion but rated leadership good.",
    "At the previous inspection, in 2018, inspectors reached the same overall verdict but found leadership good.",
])
def test_a_dated_subject_dates_a_verdict_in_the_clause_after_but(text):
    got = _ratings("Luton was rated requires improvement this spring.", text, published=date(2024, 5, 6))
    assert (LUTON, "leadership", "good", 2018, True) in got
    assert not any(j == "leadership" and y == 2024 for _, j, _, y, _ in got)


# --- the next item of a list after a dated verdict ---

@pytest.mark.parametrize("text", [
    "By the time the new framework arrived, in 2014, nobody in the town hall was surprised: inadequate overall, "
    "inadequate for leadership, and the adoption service inadequate too.",
    "When the inspectors finally came, in 2014, the verdict was bleak: inadequate overall, inadequate for "
    "leadership.",
    "In 2014 it was the worst possible outcome: inadequate overall, inadequate for leadership, inadequate for "
    "adoption.",
])
def test_the_next_list_item_after_a_dated_verdict_shares_its_time(text):
    got = _ratings("Luton is now rated good.", text, published=date(2024, 5, 6))
    assert (LUTON, OVERALL, "inadequate", 2014, True) in got
    assert (LUTON, "leadership", "inadequate", 2014, True) in got
    assert not any(g == "inadequate" and y == 2024 for *_, g, y, _ in got)


# --- "that September": the year the text gave last; the paragraph goes on in it ---

@pytest.mark.parametrize("text", [
    "In 2015 a new director arrived. The inspection report that September branded Luton's services inadequate. "
    "Adoption was rated inadequate too.",
    "Luton was inspected in the spring of 2015. Inspectors that May judged the service inadequate. Adoption was "
    "found inadequate as well.",
    "The year 2015 began badly. By that autumn Ofsted rated Luton inadequate. Adoption was graded inadequate "
    "too.",
])
def test_that_month_is_in_the_year_the_text_gave_last(text):
    got = _ratings("Luton is now rated good.", text, published=date(2023, 5, 6))
    assert (LUTON, OVERALL, "inadequate", 2015, True) in got
    assert (LUTON, "adoption", "inadequate", 2015, True) in got
    assert not any(g == "inadequate" and y == 2023 for *_, g, y, _ in got)


@pytest.mark.parametrize("text", [
    "Back in 2019 inspectors found its adoption work inadequate. They returned, and the report that came out last "
    "month rated it good.",
    "In 2019 Ofsted judged its adoption service inadequate. Yesterday's report rated it good.",
    "Inspectors in 2019 graded its adoption work inadequate. The report published last week rated it good.",
])
def test_a_time_counted_from_the_document_ends_the_paragraphs_earlier_time(text):
    got = _ratings("Luton has had a turbulent few years.", text, published=date(2023, 5, 6))
    assert (LUTON, "adoption", "inadequate", 2019, True) in got
    assert not any(g == "good" and y == 2019 for *_, g, y, _ in got)


# --- a year in the next coordinated clause is that clause's ---

@pytest.mark.parametrize("text", [
    "She traced the journey since 2019, when the service had been found to require improvement, and the 2022 "
    "inspection which had moved Luton to good.",
    "He recalled 2019, when Luton had been judged to require improvement, and the 2022 inspection that lifted it to "
    "good.",
    "Members heard about 2019, when Luton was rated requires improvement, and the 2022 report which took it to good.",
])
def test_a_when_clause_keeps_its_heads_year_not_the_next_clauses(text):
    got = _ratings(text, published=date(2024, 5, 6))
    assert (LUTON, OVERALL, "requires_improvement", 2019, True) in got
    assert not any(g == "requires_improvement" and y == 2022 for *_, g, y, _ in got)


# --- a report named as the subject, its time in a participle ---

@pytest.mark.parametrize("text", [
    "The re-inspection published just before Christmas 2017 moved Luton to requires improvement, and leadership, "
    "management and governance was rated good.",
    "Its report published at the end of 2017 judged Luton requires improvement, and leadership, management and "
    "governance was judged good.",
    "The inspection carried out over the summer of 2017 rated Luton requires improvement, and leadership was "
    "rated good.",
])
def test_a_report_subject_with_a_dated_participle_dates_its_verdicts(text):
    got = _ratings("Luton is now rated outstanding.", text, published=date(2023, 5, 6))
    assert (LUTON, OVERALL, "requires_improvement", 2017, True) in got
    assert (LUTON, "leadership", "good", 2017, True) in got
    assert not any(y == 2023 and g != "outstanding" for *_, g, y, _ in got)


# --- "by 2018" after the grade ---

@pytest.mark.parametrize("text", [
    "The county was inadequate in 2015 and had climbed to requires improvement by 2018.",
    "Inadequate in 2015, Luton had reached requires improvement by 2018.",
    "Luton was judged inadequate in 2015 but was rated requires improvement by the spring of 2018.",
])
def test_by_a_year_after_the_grade_dates_it(text):
    got = _ratings("Luton is now rated good.", text, published=date(2024, 5, 6))
    assert (LUTON, OVERALL, "requires_improvement", 2018, True) in got
    assert not any(g == "requires_improvement" and y != 2018 for *_, g, y, _ in got)


# --- a time opening the verdict's clause after a focusing word, or after a clause of no verdict and "and" ---

@pytest.mark.parametrize(("text", "judgement", "grade"), [
    ("Only in January 2016 did it move up a notch, to requires improvement.", OVERALL, "requires_improvement"),
    ("Old hands will recall that even in 2016, the care leavers judgement there was only requires improvement.",
     "care_leavers", "requires_improvement"),
    ("Go back further and in 2016 inspectors judged its adoption service inadequate.", "adoption", "inadequate"),
    ("Things were different then, and in 2016 Ofsted found its adoption work inadequate.", "adoption", "inadequate"),
])
def test_a_time_after_a_focusing_word_or_an_and_dates_the_verdict(text, judgement, grade):
    got = _ratings("Sheffield is now rated outstanding.", text, published=date(2024, 5, 6))
    assert (SHEFFIELD, judgement, grade, 2016, True) in got
    assert not any(g == grade and y == 2024 for *_, g, y, _ in got)


# --- an undated present grade of a council is its own standing grade, not the date another council's verdict gave ---

@pytest.mark.parametrize("text", [
    "Sheffield was judged outstanding in March 2024. Medway is good overall, and good for care leavers too.",
    "Ofsted's report on Sheffield, published in April 2024, rated it outstanding. Medway, by contrast, is good.",
    "In February 2024 inspectors found Sheffield outstanding. As for Medway, its services are good, with care "
    "leavers good too.",
])
def test_an_undated_grade_of_another_council_is_the_one_it_holds(text, monkeypatch):
    import transforms.extract
    from transforms.official_record import official_record

    monkeypatch.setattr(transforms.extract, "official_record", official_record)  # (the module reads language only)
    got = _ratings(text, published=date(2024, 5, 6))  # Medway's last inspection was published in September 2023
    assert (SHEFFIELD, OVERALL, "outstanding", 2024, False) in got
    assert (MEDWAY, OVERALL, "good", 2023, False) in got
    assert not any(code == MEDWAY and y == 2024 for code, *_, y, _ in got)
