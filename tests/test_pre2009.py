"""Older frameworks' verdicts: star histories told with the stars said once, numeric grades (APA 1-4, 4 best;
Ofsted's 1-4, 1 best), "performs adequately on ...", and committee minutes quoting the old and the new grade.

Each construction is pinned with at least three wordings written for these tests (stories invented about real
councils), read through the whole extraction (Document in, rating rows out).
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime

import pytest

from csi.records import Block, Document
from scrapers.platforms.moderngov.parse import parse_moderngov
from tests.loopback import make_source
from transforms.extract import extract
from transforms.pre2009 import Scale, judgement_of

DERBY, HULL, NOTTINGHAM, YORK = "E06000015", "E06000010", "E06000018", "E06000014"
KENT, ESSEX, SUFFOLK, NORFOLK = "E10000016", "E10000012", "E10000029", "E10000020"
OVERALL = "overall_effectiveness"


def _doc(*paragraphs: str, published: date, blocks: list[Block] | None = None, doc_type: str = "news") -> Document:
    blocks = blocks or [Block("paragraph", p) for p in paragraphs]
    return Document(url=f"https://news.example.org/{abs(hash(tuple(b.text for b in blocks)))}", source="test",
                    publisher="Test", doc_type=doc_type, title="Council social services assessed", author=None,
                    published_on=published, fetched_at=datetime(2026, 1, 1), content_sha256="0" * 64,
                    content_type="text/html", parser="test", text="\n\n".join(b.text for b in blocks), blocks=blocks)


def ratings(*paragraphs: str, published: date, **kwargs) -> set[tuple]:
    """(council, judgement, grade, year, historical) of every rating the paragraphs yield."""
    return {(r.council_code, r.judgement, r.grade, r.rated_year, r.is_historical)
            for r in extract(_doc(*paragraphs, published=published, **kwargs)).ratings}


# --- star histories: "stars" said once, one claim per year -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kent County Council was given two stars in 2002, slipped to one star in 2003, stayed on one in 2004 and 2005, "
    "and rose to three stars this year.",
    "Kent County Council has three stars this year; before that it had one star in 2005, one in 2004, one in 2003 "
    "and two in 2002.",
    "Kent County Council, a two-star council in 2002, fell to one star in 2003 and was still on one in 2004 and "
    "2005, before climbing to three stars this year.",
])
def test_star_history_gives_one_claim_per_year(text):
    got = {(c, grade, year, hist) for c, _, grade, year, hist in ratings(text, published=date(2006, 11, 30))}
    assert got == {(KENT, "good", 2002, True), (KENT, "requires_improvement", 2003, True),
                   (KENT, "requires_improvement", 2004, True), (KENT, "requires_improvement", 2005, True),
                   (KENT, "outstanding", 2006, False)}


@pytest.mark.parametrize("text", [
    "Essex County Council kept its two stars, and one in five councils is still waiting for its rating.",
    "Essex County Council was given two stars; three in 2004 had complained about the process.",  # no star count
    "Essex County Council now has two stars; the number of councils on one in 2003 was far higher.",
])
def test_a_bare_number_is_a_star_count_only_when_a_year_follows_it(text):
    got = ratings("Essex County Council was given two stars this year.", text, published=date(2005, 12, 1))
    assert {(c, g, year) for c, _, g, year, _ in got} == {(ESSEX, "good", 2005)}


# --- numeric grades -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Derby City Council scored 3 for its children's services and 2 for its capacity to improve in 2007.",
    "In its 2007 annual performance assessment Derby City Council was graded 3 for children's services and 2 "
    "for capacity to improve.",
    "Inspectors gave Derby City Council a grade 3 for its children's services and 2 for its capacity to improve "
    "in 2007.",
])
def test_apa_scores_run_from_one_to_four_with_four_best(text):
    got = ratings(text, published=date(2007, 12, 5))
    assert (DERBY, OVERALL, "good", 2007, False) in got
    assert (DERBY, "other", "requires_improvement", 2007, False) in got
    assert not any(grade in ("outstanding", "inadequate") for _, _, grade, _, _ in got)


@pytest.mark.parametrize("text", [
    "Inspectors were criticised for awarding grade four ratings last year to both Nottingham and York.",
    "The watchdog was accused of handing grade-four judgements last year to Nottingham and York.",
    "Critics asked why the inspectorate had given grade 4 ratings last year to Nottingham City Council and "
    "the City of York Council.",
])
def test_a_grade_given_to_councils_named_after_it_goes_to_them(text):
    got = ratings(text, published=date(2008, 12, 10))
    assert got == {(NOTTINGHAM, OVERALL, "outstanding", 2007, True), (YORK, OVERALL, "outstanding", 2007, True)}


@pytest.mark.parametrize("text, grade", [
    ("Hull City Council was judged 2 out of 4 for its services to children in 2011.", "requires_improvement"),
    ("Hull City Council scored 4 out of four in the 2010 annual rating of children's services.", "outstanding"),
    ("In 2010 Hull City Council received a score of 1 out of 4 for its children's services.", "inadequate"),
])
def test_out_of_four_is_the_ascending_scale_whatever_the_year(text, grade):
    got = ratings(text, published=date(2011, 12, 1))
    assert {(c, g) for c, _, g, _, _ in got} == {(HULL, grade)}


@pytest.mark.parametrize("text", [
    "Only 8 per cent of councils scored 4 for children's services; 60 per cent scored 3.",
    "Grades run from one to four: four means excellent, three good, two adequate and one inadequate.",
    "Grade 4, the highest, describes a service well above minimum requirements.",
])
def test_shares_and_scale_explanations_are_not_grades(text):
    assert ratings("Suffolk County Council's assessment letter arrived this week.", text,
                   published=date(2006, 12, 1)) == set()


@pytest.mark.parametrize("text, expected", [
    ("Grade 1 is the best grade and grade 4 the lowest.", False),
    ("Grade 4, the highest available, means an excellent service.", True),
    ("The council was judged 3 out of 4.", True),
    ("Four councils were judged inadequate in 2008.", None),
])
def test_the_scale_a_document_explains_decides_which_way_grades_run(text, expected):
    assert Scale.of(text).high_is_best is expected


def test_ofsted_inspection_grades_after_2009_run_the_other_way():
    assert Scale(None).grade(1, 2013, "Ofsted inspection of safeguarding") == "outstanding"
    assert Scale(None).grade(1, 2007, "Ofsted inspection") == "inadequate"
    assert Scale(None).grade(4, 2011, "the annual rating of children's services") == "outstanding"


@pytest.mark.parametrize("label, judgement", [
    ("Council's overall capacity to improve its services for children", "other"),
    ("Contribution of the council's social care services to outcomes for children", "other"),
    ("Contribution of the council's children's services to outcomes for young people", OVERALL),
    ("Staying safe", "safeguarding"),
])
def test_judgements_of_the_older_frameworks(label, judgement):
    assert judgement_of(label) == judgement


# --- a scores list under its lead-in --------------------------------------------------------------------------

@pytest.mark.parametrize("lead, items", [
    ("The following scores were awarded:", ["Children's services as a whole – 3", "Capacity to improve – 4"]),
    ("Grades given in the assessment:", ["Children's services: 3", "Capacity to improve: grade 4"]),
    ("The letter set out these outcomes:", ["Contribution of children's services to outcomes - 3",
                                            "Overall capacity to improve - 4"]),
])
def test_a_scores_list_gives_each_item_its_grade(lead, items):
    blocks = [Block("paragraph", "Norfolk County Council received its annual performance assessment letter."),
              Block("paragraph", lead)] + [Block("list_item", item, list_id=1) for item in items]
    got = ratings(published=date(2007, 11, 30), blocks=blocks)
    assert {(c, j, g) for c, j, g, _, _ in got} == {(NORFOLK, OVERALL, "good"), (NORFOLK, "other", "outstanding")}


# --- "performs adequately on ..." -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The inspection concluded that Essex performed 'adequately' on both safeguarding and looked after children.",
    "Inspectors found that the council performs adequately for safeguarding and for looked after children.",
    "Essex County Council was found to be performing adequately in safeguarding and looked after children.",
])
def test_performs_words_with_the_judgements_named_after_them(text):
    got = ratings("Essex County Council received the inspection report this month.", text,
                  published=date(2011, 9, 1))
    assert {(c, j, g) for c, j, g, _, _ in got} >= {(ESSEX, "safeguarding", "requires_improvement"),
                                                   (ESSEX, "looked_after", "requires_improvement")}
    assert all(g == "requires_improvement" for _, _, g, _, _ in got)


# --- minutes on a ModernGov agenda item page ------------------------------------------------------------------

def _agenda_item(*paragraphs: str, meeting: str = "07/11/2007") -> bytes:
    """An agenda item page in ModernGov's markup (mgAi.aspx), its minutes the paragraphs."""
    minutes = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8" />
<title>Agenda item - Annual Performance Assessment</title><meta name="generator" content="Modern.Gov" /></head>
<body><div id="modgov"><div class="mgContent">
<h1 class="mgMainTitleTxt">Agenda item</h1>
<h2 class="mgSubTitleTxt">Meeting: <a href="ieListDocuments.aspx?CId=12&amp;MId=345">{meeting} - Cabinet</a>
 (Item 6.)</h2>
<h2 class="mgSubTitleTxt">6. Annual Performance Assessment of Services for Children and Young People</h2>
<h3 class="mgSubSubTitleTxt">Minutes:</h3>
<div class="mgWordPara">{minutes}
<p><strong>RESOLVED:</strong> That the outcome be noted.</p></div>
<h3 class="mgSubSubTitleTxt">Supporting documents:</h3>
</div></div><div class="mgFooter"><p>Powered by Modern.Gov</p></div></body></html>""".encode()


def _minutes_ratings(body: bytes, council: str) -> set[tuple]:
    source = make_source(name="derby-moderngov", adapter="moderngov", publisher="Derby City Council",
                         doc_type="minutes", documents=())
    doc = parse_moderngov("http://127.0.0.1/mgAi.aspx?ID=4501", body, "text/html; charset=utf-8",
                          datetime(2026, 1, 1), source, hashlib.sha256(body).hexdigest())
    return {(r.council_code, r.judgement, r.grade, r.rated_year, r.is_historical)
            for r in extract(doc, council=council).ratings}


@pytest.mark.parametrize("paragraphs", [
    ("The Director reported that the annual performance assessment had graded the council's children's services 3, "
     "an improvement on the previous year, when the authority had scored 2 for its children's services.",),
    ("Members were told that the authority had scored 2 for children's services last year.",
     "This year the assessment awarded the council a grade 3 for its children's services."),
    ("The report explained that the council had been judged 2 out of 4 for children's services in 2006 and was "
     "now judged 3 out of 4.",),
])
def test_minutes_quoting_the_previous_and_the_new_grade(paragraphs):
    got = _minutes_ratings(_agenda_item(*paragraphs), DERBY)
    assert (DERBY, OVERALL, "good", 2007, False) in got
    assert (DERBY, OVERALL, "requires_improvement", 2006, True) in got
    assert len(got) == 2


# --- the same grade again: "as it did last year" ----------------------------------------------------------------

@pytest.mark.parametrize("text, published, before", [
    ("Norfolk County Council has two stars this year, as it did last year.", date(2005, 12, 1), 2004),
    ("Norfolk County Council was rated good, as it had been in 2012.", date(2016, 5, 4), 2012),
    ("Inspectors judged Norfolk County Council good, as they did the year before.", date(2016, 5, 4), 2015),
])
def test_a_grade_held_before_as_well(text, published, before):
    got = {(c, g, year, hist) for c, _, g, year, hist in ratings(text, published=published)}
    assert got == {(NORFOLK, "good", published.year, False), (NORFOLK, "good", before, True)}


# --- the ends of the scale for several judgements ----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Suffolk County Council received the bottom grade for both education and children's services.",
     {(SUFFOLK, "other", "inadequate"), (SUFFOLK, OVERALL, "inadequate")}),
    ("York got the top mark for both its social care and its children's services.",
     {(YORK, "other", "outstanding"), (YORK, OVERALL, "outstanding")}),
    ("Derby was given the lowest rating for education and for its capacity to improve.",
     {(DERBY, "other", "inadequate")}),
])
def test_the_ends_of_the_scale_for_each_judgement_named(text, expected):
    assert {(c, j, g) for c, j, g, _, _ in ratings(text, published=date(2005, 12, 2))} == expected


def test_a_share_of_councils_at_the_end_of_the_scale_is_not_a_council_grade():
    assert ratings("Suffolk County Council's letter came this week.",
                   "Only 8 per cent of councils got the top grade for children's services.",
                   published=date(2005, 12, 2)) == set()


# --- star ratings were annual: the count left behind is last year's ------------------------------------------------

LEEDS = "E08000035"


@pytest.mark.parametrize("text, before", [
    ("Leeds City Council has been upgraded from one star to two stars.", "requires_improvement"),
    ("Leeds moved up from zero to one star this year.", "inadequate"),
    ("Leeds climbed from one to two stars in the latest ratings.", "requires_improvement"),
])
def test_a_star_count_left_behind_is_last_years(text, before):
    got = {(c, g, year, hist) for c, _, g, year, hist in ratings(text, published=date(2004, 11, 30))}
    after = "requires_improvement" if before == "inadequate" else "good"
    assert got == {(LEEDS, after, 2004, False), (LEEDS, before, 2003, True)}


@pytest.mark.parametrize("text", [
    "Leeds achieved one star in 2003 and two this year.",
    "Leeds was on one star in 2003 and is on two now.",
    "Leeds, given one star in 2003, has two this year.",
])
def test_an_elliptical_star_count_dated_by_this_year_or_now(text):
    got = {(c, g, year, hist) for c, _, g, year, hist in ratings(text, published=date(2004, 11, 30))}
    assert got == {(LEEDS, "requires_improvement", 2003, True), (LEEDS, "good", 2004, False)}


@pytest.mark.parametrize("text", [
    "The report graded Leeds's capacity for improvement as good.",
    "Inspectors judged Leeds's capacity for improvement to be adequate.",
    "Leeds's capacity to improve was judged outstanding.",
])
def test_capacity_for_improvement_is_its_own_judgement(text):
    assert {j for _, j, _, _, _ in ratings(text, published=date(2011, 3, 1))} == {"other"}


# --- Ofsted's 2009-2012 inspection grades run 1 (best) to 4, each for the judgement named -----------------------

@pytest.mark.parametrize("text", [
    "The Ofsted inspection of safeguarding and looked after children services judged Leeds grade 2 for the overall "
    "effectiveness of safeguarding and grade 3 for looked after children.",
    "Inspectors awarded Leeds grade 2 for safeguarding and grade 3 for looked after children.",
    "In the inspection of safeguarding, Leeds was graded 2 for safeguarding and 3 for looked after children.",
])
def test_ofsted_inspection_grades_for_each_judgement(text):
    got = {(c, j, g, year) for c, j, g, year, _ in ratings(text, published=date(2011, 6, 1))}
    assert got == {(LEEDS, "safeguarding", "good", 2011), (LEEDS, "looked_after", "requires_improvement", 2011)}


@pytest.mark.parametrize("text", [
    "Leeds's annual rating, published in December, was 3 out of 4, the same as last year.",
    "Members noted that Leeds had been awarded a 3 in the annual rating of children's services.",
    "In its annual rating Leeds received a 3, better than many of its neighbours.",
])
def test_a_bare_score_with_out_of_or_an_article_in_the_annual_rating(text):
    assert ratings(text, published=date(2010, 12, 10)) == {(LEEDS, OVERALL, "good", 2010, False)}


@pytest.mark.parametrize("text", [
    "The annual assessment noted that Leeds had improved from a grade 2 to a grade 3.",
    "In this year's annual performance assessment Leeds moved from grade 2 to grade 3.",
    "Leeds went up from a grade 2 to grade 3 in its annual assessment.",
])
def test_a_numeric_grade_left_behind_in_an_annual_assessment_is_last_years(text):
    assert ratings(text, published=date(2008, 12, 1)) == {(LEEDS, OVERALL, "good", 2008, False),
                                                          (LEEDS, OVERALL, "requires_improvement", 2007, True)}


@pytest.mark.parametrize("text, judgement", [
    ("In its assessment Leeds's education services were given a 2.", "other"),
    ("The assessment says Leeds's social care services were awarded a 3.", "other"),
    ("In the assessment Leeds's staying safe outcome was judged 2 out of 4.", "safeguarding"),
])
def test_the_judgement_named_as_the_subject_of_a_score(text, judgement):
    assert {(c, j) for c, j, _, _, _ in ratings(text, published=date(2007, 12, 1))} == {(LEEDS, judgement)}


# --- "from two stars to one": the new count borrows "stars" from the old one ------------------------------------

SALFORD = "E08000006"


@pytest.mark.parametrize("text", [
    "Salford was among six councils whose star ratings fell, dropping from two stars to one.",
    "Salford's rating slipped from two stars to one this year.",
    "Salford fell from two stars to one in the latest ratings.",
])
def test_the_new_star_count_after_from_n_stars_to(text):
    got = {(c, g, year, hist) for c, _, g, year, hist in ratings(text, published=date(2004, 11, 30))}
    assert got == {(SALFORD, "good", 2003, True), (SALFORD, "requires_improvement", 2004, False)}


def test_counts_of_councils_moving_between_stars_are_not_a_councils_grade():
    got = ratings("Salford kept its two stars, while 15 went from one star to two and 12 fell from two stars to one.",
                  published=date(2004, 11, 30))
    assert {(c, g) for c, _, g, _, _ in got} == {(SALFORD, "good")}


@pytest.mark.parametrize("text, expected", [
    ("Salford received the lowest grade, 1, for staying safe.", {("safeguarding", "inadequate")}),
    ("Salford got the top mark, 4, for being healthy.", {("other", "outstanding")}),
    ("Salford was given the lowest rating, 1, for both staying safe and enjoying and achieving.",
     {("safeguarding", "inadequate"), ("other", "inadequate")}),
])
def test_an_end_of_the_scale_with_its_number(text, expected):
    assert expected <= {(j, g) for _, j, g, _, _ in ratings(text, published=date(2007, 12, 1))}


# --- the councils named as where a grade was given ---------------------------------------------------------------

PETERBOROUGH = "E06000031"


@pytest.mark.parametrize("text", [
    "Inspectors judged safeguarding to be inadequate in Salford and Peterborough.",
    "Last year safeguarding was rated inadequate in Salford and Peterborough.",
    "The 2007 assessments found services for keeping children safe inadequate in Salford and Peterborough.",
])
def test_a_grade_given_in_councils_named_after_it_goes_to_them(text):
    got = ratings("Leeds City Council's director commented on the national picture.", text,
                  published=date(2008, 11, 24))
    assert {(c, j, g) for c, j, g, _, _ in got} == {(SALFORD, "safeguarding", "inadequate"),
                                                   (PETERBOROUGH, "safeguarding", "inadequate")}
    assert {year for *_, year, _ in got} <= {2007, 2008}


# --- scores in a table, and numbers that are counts -----------------------------------------------------------

@pytest.mark.parametrize("rows", [
    ["Outcome area | Grade", "Staying safe | 3", "Capacity to improve | 2"],
    ["Judgement | Score", "Staying safe | grade 3", "Capacity to improve | grade 2"],
    ["Area assessed | 2007", "Staying safe | 3", "Capacity to improve | 2"],
])
def test_a_scores_table_of_an_assessment(rows):
    blocks = [Block("paragraph", "Leeds City Council's annual performance assessment letter was published.")] + [
        Block("table_row", row) for row in rows]
    got = ratings(published=date(2007, 12, 1), blocks=blocks)
    assert {(c, j, g) for c, j, g, _, _ in got} == {(LEEDS, "safeguarding", "good"),
                                                   (LEEDS, "other", "requires_improvement")}


@pytest.mark.parametrize("blocks", [
    [Block("paragraph", "Leeds City Council's cabinet met on Tuesday."), Block("table_row", "Children in care | 3")],
    [Block("paragraph", "Leeds City Council's cabinet met on Tuesday."), Block("paragraph", "New adoptions:"),
     Block("list_item", "Adoption - 2", list_id=1), Block("list_item", "Fostering - 4", list_id=1)],
    [Block("paragraph", "Leeds City Council's cabinet met on Tuesday."), Block("list_item", "Care leavers: 3")],
])
def test_numbers_beside_a_judgement_in_a_page_about_no_assessment_are_counts(blocks):
    assert ratings(published=date(2016, 3, 1), blocks=blocks) == set()


# --- minutes: the earlier grade's time inserted in "from X ... to Y" --------------------------------------------

@pytest.mark.parametrize("text", [
    "The Director reported that Leeds had moved from requires improvement at the 2015 inspection to good.",
    "Members heard that Leeds had improved from requires improvement in 2015 to good.",
    "The report set out how Leeds had moved from requires improvement at the last inspection in 2015 to good.",
])
def test_the_time_inserted_after_the_grade_left_behind_is_its_own(text):
    assert ratings(text, published=date(2019, 3, 5)) == {(LEEDS, OVERALL, "good", 2019, False),
                                                          (LEEDS, OVERALL, "requires_improvement", 2015, True)}
