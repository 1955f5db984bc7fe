"""Which council a claim goes to (stop 23): the short names people write for councils, and the council a page speaks
of before naming one. Each construction is pinned with at least three wordings written for these tests (stories
invented about real councils), read through the whole extraction or the council index.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import news_doc, rating_rows
from transforms.councils import default_index, initialisms, load_councils, shortened_aliases
from transforms.extract import extract

PUBLISHED = date(2024, 5, 16)
OVERALL = "overall_effectiveness"
HAMMERSMITH, KENSINGTON, BATH, WINDSOR, KENT = "E09000013", "E09000020", "E06000022", "E06000040", "E10000016"
NE_LINCS, NOTTS, SOUTH_GLOS, WEST_SUSSEX = "E06000012", "E10000024", "E06000025", "E10000032"
CAMBRIDGESHIRE, DERBYSHIRE = "E10000003", "E10000007"


def _ratings(*paragraphs: str, title: str = "Children's services inspection") -> set[tuple]:
    return rating_rows(list(paragraphs), PUBLISHED, title=title)


def _codes(text: str) -> list[str]:
    return [m.council_code for m in default_index().find_mentions(text, on=PUBLISHED)]


# --- initialisms of a council's name, matched as written ------------------------------------------------------------

@pytest.mark.parametrize("text, council, grade", [
    ("H&F's children's services have been rated outstanding by Ofsted.", HAMMERSMITH, "outstanding"),
    ("Inspectors judged LBHF outstanding overall in their report this week.", HAMMERSMITH, "outstanding"),
    ("RBKC was rated good by Ofsted after the inspection in March.", KENSINGTON, "good"),
    ("Children's services at B&NES were judged to require improvement.", BATH, "requires_improvement"),
    ("BANES has been rated good by Ofsted, up from requires improvement.", BATH, "good"),
    ("Ofsted rated RBWM's children's services good this week.", WINDSOR, "good"),
    ("KCC's children's services were rated outstanding by Ofsted.", KENT, "outstanding"),
])
def test_an_initialism_of_a_council_names_it(text, council, grade):
    assert (council, OVERALL, grade, 2024, False) in _ratings(text)


@pytest.mark.parametrize("text", [
    "Tyne and Wear, T&W for short, has five councils.",  # an initialism a region shares
    "LCC said the figures were wrong.",  # several councils' initials: Leeds, Lancashire, Leicester ...
    "The rbkc archive and the h&f files",  # not written in capitals
])
def test_an_initialism_naming_no_one_council_is_no_mention(text):
    assert _codes(text) == []


def test_initialisms_are_made_from_the_names():
    made = {form for council in load_councils() for form in initialisms(council)}
    assert {"H&F", "LBHF", "RBKC", "K&C", "B&NES", "BANES", "RBWM", "CWAC", "BwD", "KCC", "NYCC"} <= made
    # "and" spelt as "A" only when that makes four letters or more: "BAD", "RAC" are words and bodies
    assert not {"BAD", "RAC", "BAH"} & made
    # never an acronym these pages use for something else
    assert not {"LAC", "CIC", "SEND", "DCS", "IRO", "LSCB", "JTAI", "SIF", "APA", "JAR", "CQC", "LGA"} & made


# --- shortened county names and compass points ----------------------------------------------------------------------

@pytest.mark.parametrize("text, council", [
    ("NE Lincs was rated good by Ofsted this week.", NE_LINCS),
    ("Children's services in North East Lincs were judged good.", NE_LINCS),
    ("Notts County Council's children's services were rated good.", NOTTS),
    ("Ofsted judged Notts good overall after a short inspection.", NOTTS),
    ("South Glos was rated good, its children's services at last out of requires improvement.", SOUTH_GLOS),
    ("W Sussex's children's services were judged good by Ofsted.", WEST_SUSSEX),
])
def test_a_shortened_name_names_the_council(text, council):
    assert (council, OVERALL, "good", 2024, False) in _ratings(text)


@pytest.mark.parametrize("text, council", [
    ("NE Lincolnshire", NE_LINCS),  # not Lincolnshire, named at its end
    ("S Gloucestershire", SOUTH_GLOS),  # not Gloucestershire
    ("North Yorks", "E06000065"),
])
def test_a_compass_initial_is_part_of_the_name(text, council):
    assert _codes(text) == [council]


def test_shortened_aliases():
    assert shortened_aliases("north east lincolnshire") == {"ne lincolnshire", "north east lincs", "ne lincs"}
    assert "notts county council" in shortened_aliases("nottinghamshire county council")
    assert "central beds" in shortened_aliases("central bedfordshire")
    assert "beds" not in shortened_aliases("bedfordshire")  # an everyday word alone
    assert _codes("Beds are scarce in the county.") == []
    assert _codes("Notts County won on Saturday.") == []  # the football club


# --- a council's own site under its initialism ----------------------------------------------------------------------

@pytest.mark.parametrize("url, paragraph", [
    ("https://www.rbwm.gov.uk/home/news/2024/05/ofsted", "The Royal Borough's children's services have been rated "
                                                           "good by Ofsted."),
    ("https://www.lbhf.gov.uk/news/2024/05/ofsted-result", "Our children's services have been rated outstanding by "
                                                             "Ofsted."),
    ("https://www.rbkc.gov.uk/newsroom/ofsted", "Ofsted has rated the council's services for children good."),
])
def test_a_press_release_on_a_site_named_by_an_initialism_is_that_councils(url, paragraph):
    doc = replace(news_doc([Block("paragraph", paragraph)], PUBLISHED), url=url, doc_type="press_release")
    council = default_index().of_site(url)
    grade = "outstanding" if "outstanding" in paragraph else "good"
    assert council is not None
    assert (council, OVERALL, grade, 2024) in {(r.council_code, r.judgement, r.grade, r.rated_year)
                                               for r in extract(doc).ratings}


# --- a council named only after the lede is not what the text said before it ---------------------------------------

@pytest.mark.parametrize("paragraphs", [
    ["People keep asking me about the report on the city council's children's services, so here is a summary.",
     "The headline: overall effectiveness is inadequate. Leadership was judged to require improvement.",
     "We used to share a director with Cambridgeshire, which was itself judged requires improvement in 2019."],
    ["A few words on our inspection, since several residents have written in.",
     "Ofsted rated the service inadequate overall.",
     "Neighbouring Cambridgeshire, which we split from, was judged to require improvement in 2019."],
    ["This is my summary of last week's report on our children's services.",
     "It is not good news: the service was judged inadequate.",
     "Some will compare us with Cambridgeshire, which Ofsted judged requires improvement in 2019."],
])
def test_a_council_named_late_does_not_take_the_verdicts_before_it(paragraphs):
    found = _ratings(*paragraphs, title="What the Ofsted report says")
    assert not any(row[0] == CAMBRIDGESHIRE and row[2] == "inadequate" for row in found)
    assert (CAMBRIDGESHIRE, OVERALL, "requires_improvement", 2019, True) in found


@pytest.mark.parametrize("paragraphs", [
    ["A children's services department that used to be rated good now requires improvement, Ofsted says.",
     "Inspectors said services in Derbyshire had deteriorated since the last full inspection."],
    ["A county's children's services have been judged to require improvement after years of cuts.",
     "Derbyshire County Council said it accepted the findings."],
    ["Ofsted has rated a council's children's services as requiring improvement.",
     "The report on Derbyshire was published on Tuesday."],
])
def test_the_lede_may_speak_of_the_council_it_names_next(paragraphs):
    found = _ratings(*paragraphs, title="Cuts behind slide in children's services, says Ofsted")
    assert (DERBYSHIRE, OVERALL, "requires_improvement", 2024, False) in found


# --- a council named in a relative clause inserted after the subject is not the subject ------------------------------

KINGSTON, RICHMOND, LEEDS, BRADFORD, BRIGHTON, BLACKBURN = ("E09000021", "E09000027", "E08000035", "E08000032",
                                                            "E06000043", "E06000008")


@pytest.mark.parametrize("paragraphs, council, other", [
    (["Kingston upon Thames has been rated outstanding by Ofsted.",
      "The borough, which shares a children's services company with Richmond, was judged good in 2019."],
     KINGSTON, RICHMOND),
    (["Leeds has kept its outstanding rating.",
      "The city, whose director of children's services came from Bradford, was judged good in 2019."], LEEDS, BRADFORD),
    (["Ofsted has rated Leeds outstanding again.",
      "The council, which took over the running of a children's home in Bradford last year, had been judged good in "
      "2019."], LEEDS, BRADFORD),
])
def test_a_council_in_an_inserted_relative_clause_is_not_the_subject(paragraphs, council, other):
    found = {(row[0], row[2], row[3]) for row in _ratings(*paragraphs)}
    assert (council, "good", 2019) in found
    assert not any(row[0] == other for row in found)


@pytest.mark.parametrize("text, listed", [
    ("Ofsted's report, which judged children's services in Leeds, Bradford and Kirklees to be inadequate, was "
     "published on Friday.", {LEEDS, BRADFORD}),
    ("The assessment, which rated Leeds, Bradford and Kirklees inadequate, came out on Tuesday.", {LEEDS, BRADFORD}),
    ("Ofsted, which found Leeds and Bradford inadequate, said the pace of change was too slow.", {LEEDS, BRADFORD}),
])
def test_a_relative_clause_holding_the_verdict_keeps_its_councils(text, listed):
    found = {row[0] for row in _ratings(text) if row[2] == "inadequate"}
    assert listed <= found


# --- after a council's joined name, its first word alone names it ---------------------------------------------------

@pytest.mark.parametrize("paragraphs, council", [
    (["Ofsted has published its report on Kingston upon Thames.",
      "Kingston is the third London borough this year to be rated outstanding."], KINGSTON),
    (["Inspectors visited Brighton and Hove in the spring.",
      "Brighton's children's services were rated outstanding, the report says."], BRIGHTON),
    (["Blackburn with Darwen's report came out on Friday.",
      "Blackburn was rated outstanding for the first time."], BLACKBURN),
])
def test_the_first_word_of_a_joined_name_names_the_council_after_it(paragraphs, council):
    assert (council, OVERALL, "outstanding", 2024, False) in _ratings(*paragraphs)


@pytest.mark.parametrize("text", [
    "Kingston was rated outstanding.",  # named alone before any full name: Kingston upon Thames or upon Hull
    "Brighton and Hove was praised. Brighton College was rated outstanding by the ISI.",  # a further proper name
    "Bath and North East Somerset responded. Cllr Bath said the council was rated outstanding.",  # a person
])
def test_the_first_word_alone_names_no_council_otherwise(text):
    codes = [m.council_code for m in default_index().find_mentions(text, on=PUBLISHED)]
    first_words = {"Kingston", "Brighton", "Bath"}
    assert not [m for m in default_index().find_mentions(text, on=PUBLISHED) if m.surface in first_words], codes


# --- a council's other services, inspected on their own, are not its children's services rating --------------------

BURY, BOLTON = "E08000002", "E08000001"


@pytest.mark.parametrize("text", [
    "Bury's youth offending service was rated good by inspectors last month.",
    "The youth justice team in Bury was judged outstanding by HM Inspectorate of Probation.",
    "Bury's local area SEND partnership was judged to require improvement.",
    "Bury's children's centres were all rated good at their last inspections.",
    "Bury's pupil referral unit has been rated outstanding by Ofsted.",
    "The council's short breaks service for disabled children in Bury was rated good.",
    "Bury's adult social care was rated good, the council said.",
    "Bury's early years provision was judged good in a separate report.",
    "Bury's family hubs were judged good by visiting inspectors.",
])
def test_another_service_of_the_council_is_no_rating_of_it(text):
    assert _ratings(text) == set()


def test_the_council_keeps_its_own_rating_beside_another_service():
    found = _ratings("Bury's children's services were rated inadequate by Ofsted in May.",
                     "Bury's youth offending service, inspected separately, was rated good.")
    assert {(row[0], row[2]) for row in found} == {(BURY, "inadequate")}


# --- a council named in a participle phrase inserted after the subject is not the subject --------------------------

@pytest.mark.parametrize("text, judgement", [
    ("Bury's adoption service, run jointly with Bolton, was rated outstanding.", "adoption"),
    ("Bury's new director, formerly of Bolton, said the service had been rated outstanding.", OVERALL),
    ("The borough's services, delivered with help from Bolton, were judged outstanding overall.", OVERALL),
])
def test_a_council_in_an_inserted_participle_phrase_is_not_the_subject(text, judgement):
    found = _ratings("Ofsted published its report on Bury this week.", text)
    assert (BURY, judgement, "outstanding") in {row[:3] for row in found}
    assert not any(row[0] == BOLTON for row in found)


# --- a comparison opening the sentence ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Unlike its neighbour Bolton, Bury was rated inadequate.",
    "Unlike Bolton, which improved, Bury has been judged inadequate.",
    "Unlike nearby Bolton, Bury was found inadequate by Ofsted this spring.",
])
def test_a_council_compared_at_the_opening_is_not_the_subject(text):
    found = _ratings(text)
    assert (BURY, OVERALL, "inadequate") in {row[:3] for row in found}
    assert not any(row[0] == BOLTON for row in found)


# --- a grade inside what a council wants or aims to become is no verdict ----------------------------------------------

@pytest.mark.parametrize("text", [
    "Bury wants to become the first council in the region to be rated outstanding.",
    "Bury's leaders hope to see the service rated outstanding within three years.",
    "Bury plans to move its help and protection judgement up to good by the next inspection.",
    "The director said Bury was determined to get every judgement to outstanding.",
])
def test_a_grade_a_council_aims_for_is_no_verdict(text):
    assert _ratings(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("Bury, determined to improve after being rated inadequate in 2019, was judged good this week.",
     {(BURY, "inadequate", 2019), (BURY, "good", 2024)}),
    ("Bury, which had been planning to seek a good rating, was judged outstanding.", {(BURY, "outstanding", 2024)}),
    ("Bury's director, who joined intending to stay a year, said the good rating was the team's.",
     {(BURY, "good", 2024)}),
])
def test_a_verdict_past_the_aim_is_given(text, expected):
    assert expected <= {(row[0], row[2], row[3]) for row in _ratings(text)}


# --- a second conjunct after a semicolon with its verb left out -------------------------------------------------------

@pytest.mark.parametrize("text, first, second", [
    ("The two councils were inspected in March. Bury came out good; Bolton inadequate.", "good", "inadequate"),
    ("Ofsted visited both boroughs in May. Bury was judged outstanding; Bolton requires improvement.",
     "outstanding", "requires_improvement"),
    ("Bury was rated good this spring; Bolton inadequate.", "good", "inadequate"),
])
def test_a_gapped_conjunct_after_a_semicolon_has_the_verdict(text, first, second):
    found = {(row[0], row[2]) for row in _ratings(text)}
    assert {(BURY, first), (BOLTON, second)} <= found


# --- part of a group the text does not name one by one has no council's grade ----------------------------------------

@pytest.mark.parametrize("text, kept", [
    ("Bury's requires improvement grade puts it behind most of its statistical neighbours, several of which are good.",
     {(BURY, "requires_improvement")}),
    ("Bury has ten statistical neighbours, three of which are rated outstanding.", set()),
    ("Bury was rated good; of its neighbours, most of them are judged inadequate.", {(BURY, "good")}),
])
def test_a_part_of_an_unnamed_group_gives_no_council_its_grade(text, kept):
    assert {(row[0], row[2]) for row in _ratings(text)} == kept


# --- a council opening what follows a colon, with its grade after a comma or a dash ----------------------------------

@pytest.mark.parametrize("text, council, grade", [
    ("Our report landed, and it was as bad as the rumours said: West Sussex, inadequate.", WEST_SUSSEX, "inadequate"),
    ("The verdict everyone was waiting for arrived on Friday: Bury, good overall.", BURY, "good"),
    ("The news the staff had feared came on Tuesday: Bolton – inadequate again.", BOLTON, "inadequate"),
])
def test_a_council_opening_the_part_after_a_colon_is_the_topic_of_its_grade(text, council, grade):
    assert (council, OVERALL, grade, 2024, False) in _ratings(text)


# --- a council in an apposition is not the subject; a grade's noun names its recipient with "for" ----------------

@pytest.mark.parametrize("text", [
    "The inspection of Bolton, Bury's neighbour, found services inadequate.",
    "Bolton's chief executive, a former Bury director, said the inadequate rating was a shock.",
    "The report on Bolton, the borough next to Bury, rated its services inadequate.",
])
def test_a_council_in_an_apposition_is_not_the_subject(text):
    found = _ratings(text)
    assert not any(row[0] == BURY for row in found)


@pytest.mark.parametrize("text, council, grade", [
    ("Ofsted's report on Bolton follows its good rating for Bury in March.", BURY, "good"),
    ("The inadequate rating for Bury came as no surprise to Bolton's director.", BURY, "inadequate"),
    ("Bolton's leader welcomed the outstanding grade for Bury, its neighbour.", BURY, "outstanding"),
])
def test_a_grades_noun_for_a_council_is_that_councils(text, council, grade):
    found = {(row[0], row[2]) for row in _ratings(text)}
    assert (council, grade) in found
    assert (BOLTON, grade) not in found


# --- a council's grade in brackets right after its name -------------------------------------------------------------

WIGAN = "E08000010"


@pytest.mark.parametrize("paragraphs, expected", [
    (["Bury (good) and Bolton (inadequate) were inspected in the same month."],
     {(BURY, "good", 2024), (BOLTON, "inadequate", 2024)}),
    (["Bury (Good) and Bolton (Requires improvement) published their reports on the same day."],
     {(BURY, "good", 2024), (BOLTON, "requires_improvement", 2024)}),
    ([Block("heading", "Wigan (outstanding)"), "Leaders were praised for a settled workforce."],
     {(WIGAN, "outstanding", 2024)}),
    (["Of the three, Bury (rated good in 2019) has changed least."], {(BURY, "good", 2019)}),
])
def test_a_grade_in_brackets_after_a_council_is_its_grade(paragraphs, expected):
    assert {(row[0], row[2], row[3]) for row in rating_rows(paragraphs, PUBLISHED)} == expected


def test_brackets_holding_more_than_a_grade_are_no_grade():
    assert _ratings("Bury (good news for its staff at last) was praised by the inspectors.") == set()


# --- a personal blog that never names its council: its address does ------------------------------------------------

@pytest.mark.parametrize("url, paragraph, council", [
    ("https://burywestward.wordpress.com/2024/05/20/our-report/",
     "Residents have asked about the report on our children's services. The borough has been judged good.", BURY),
    ("https://boltoncllrnotes.blogspot.com/2024/05/ofsted.html",
     "Last week Ofsted published its report on the council's children's services, which were rated good.", BOLTON),
    ("https://wiganward7.substack.com/p/ofsted",
     "A short note on our Ofsted inspection: the service was rated good overall.", WIGAN),
])
def test_a_blog_whose_text_names_no_council_is_about_the_one_its_address_names(url, paragraph, council):
    doc = replace(news_doc([Block("paragraph", paragraph)], PUBLISHED, title="Our Ofsted report"), url=url)
    assert (council, OVERALL, "good", 2024) in {(r.council_code, r.judgement, r.grade, r.rated_year)
                                                for r in extract(doc).ratings}


def test_a_blog_address_names_a_council_only_on_a_blog_platform():
    index = default_index()
    assert index.of_blog("https://ortonwardnotes.wordpress.com/2024/02/06/x/") is None  # a ward, no council
    assert index.of_blog("https://www.burywestward.org.uk/news") is None  # not a blog platform's subdomain
    assert index.of_blog("https://thepracticereader.wordpress.com/") is None


def test_a_blog_naming_a_council_is_about_the_one_it_names():
    doc = replace(news_doc([Block("paragraph", "Ofsted has rated Wigan's children's services good.")], PUBLISHED),
                  url="https://burywestward.wordpress.com/2024/05/20/next-door/")
    assert {r.council_code for r in extract(doc).ratings} == {WIGAN}


# --- a grade named by what usually follows it, and a grade under another provider's framework, are no verdict -------

@pytest.mark.parametrize("text", [
    "The government is expected to appoint a commissioner for Bury, as is usual after an inadequate judgement.",
    "Bury now faces the intervention that typically follows an inadequate rating.",
    "Officials said Bury would get the support routinely offered with a requires improvement grade.",
])
def test_a_grade_named_by_what_usually_follows_it_is_no_verdict(text):
    assert _ratings(text) == set()


@pytest.mark.parametrize("text", [
    "Officers confirmed that it had been rated good at its last inspection under the separate children's homes "
    "framework.",
    "The unit in Bury was judged outstanding in its own right under the framework for secure children's homes.",
    "Bury's provision was rated good last year under the Ofsted inspection of its fostering service.",
])
def test_a_grade_under_another_providers_framework_is_no_councils(text):
    assert _ratings("Bury's children's services were inspected in the spring.", text) == set()


def test_every_initialism_has_the_shape_the_scan_looks_for():
    from transforms.councils import _INITIALISM_SHAPE

    made = {form for council in load_councils() for form in initialisms(council)}
    assert made and all(_INITIALISM_SHAPE.fullmatch(form) for form in made)
