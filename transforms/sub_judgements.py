"""Which judgements a verdict covers, beyond one named judgement: rows of them, two named as one, or none of them.

- "rated outstanding in every area", "good across all four judgements", "all areas were judged inadequate": the
  overall grade only, unless the areas are named after a colon ("good in each of the four areas: A; B; C; D").
  Areas not named are not annotated by pages written by others (the development set: "every area of the
  inspection was also judged good", "good across the board"; two held-out sets likewise); "good in three of the
  four areas" names none of them, nor the overall grade: no claim;
- "children in care and care leavers": both judgements, whatever the framework of the claim's year;
- rows of judgements written as text, in press releases and minutes: "Impact of leaders: Good" on a line of
  its own, "The judgements were: help and protection, good; children in care, requires improvement".
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from transforms.grades import GRADE_PHRASE, QE, Q, normalise_grade
from transforms.judgement_names import (
    AREA_NOUN,
    CARE_AND_LEAVERS,
    SOME_AREAS,
    coordinated_after,
    every_area_spans,
    every_listed,
    judgement_named,
    judgements_in,
    judgements_referred_to,
    listed,
    listed_with_overall,
    some_areas_before,
)
from transforms.ratings import RatingClaim, time_named
from transforms.roundup_lines import earlier_grade

# "in three of the four areas", "across most judgements", "on one measure": some areas, not named (or named after
# it: "good on one measure, children in care", the judgement's own verdict)
_SOME_AFTER = re.compile(rf"^\W*(?:overall\s+)?(?:in|across|for|on)\s+(?:{SOME_AREAS})", re.I)
# ... or the grade describing them, counted: "two 'good' sub-judgements", "three outstanding areas"
_COUNT_BEFORE = re.compile(r"\b(?:two|three|four|five|six|both|several|[2-6])\s+[‘'\"“]?$", re.I)
_AREAS_AFTER = re.compile(rf"^[’'\"”]?\s+{AREA_NOUN}", re.I)


def _counted_areas(claim: RatingClaim, after: str) -> re.Match | None:
    """The words after the verdict's grade that count the areas it is given to, if they do (read from `after`, the
    text right after the grade): "in three of the four areas", or "areas" after "two good"."""
    return _SOME_AFTER.match(after) or (_AREAS_AFTER.match(after) if _COUNT_BEFORE.search(
        claim.clause, 0, claim.start) else None)


# The areas left when one is set apart, as a clause's subject: "; the rest were good", "but the others were RI" (not
# "the rest of the region's councils")
_THE_REST = re.compile(r"(?:^|[,;:–—]|\b(?:and|but|while|whereas|though|although|yet|so))\s*(?:all\s+)?(?:the|its)\s+"
                       r"(?:rest|others|remainder)\b(?!\s+of\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+)?(?:councils?"
                       r"|authorities|country|county|region|England))", re.I)
# Areas picked out by the grade a participle gives them: "the two areas graded good", "the judgements that were
# rated outstanding"
_AREAS_GRADED = re.compile(rf"(?<![\w-]){AREA_NOUN}\s+(?:(?:that|which)\s+(?:were|was|are|is|had\s+been|have\s+been)"
                           r"\s+)?(?:graded|rated|judged|found|deemed|assessed|considered)\s+(?:as\s+|to\s+be\s+)?"
                           r"[‘'\"“]?$", re.I)


def _some_areas(claim: RatingClaim, following: int | None = None) -> bool:
    """The verdict is given to some areas it does not name ("good in three of the four areas", "two 'good'
    sub-judgements", "requires improvement in the other three areas", read just after the grade; `following` is
    where the next verdict of the clause starts; "three of the four judgements were inadequate", "a couple of the
    sections were RI", "the two areas graded good", "the rest were good", not "every one of the four judgements
    was"): a part of the inspection's judgements, never the overall grade."""
    if claim.judgement != "overall_effectiveness" or claim.judgement_stated or claim.status == "hypothetical":
        return False
    end = claim.start + len(claim.grade_label)
    after = claim.clause[end:following if following is not None else len(claim.clause)]
    graded = _AREAS_GRADED.search(claim.clause, claim.segment, claim.start)
    # ... or as the subject: "three of the four judgements were inadequate"
    return bool(_counted_areas(claim, after) or some_areas_before(claim.clause, claim.segment, claim.start)
                or _THE_REST.search(claim.clause, claim.segment, claim.start)) or (
        graded is not None and not any(s <= graded.start() < e for s, e in every_area_spans(claim.clause)))


# What sets the areas counted apart from their names after them: "on one measure, children in care", "in two areas –
# A and B", "in one area: care leavers", "in one area, namely adoption" (not ", with care leavers the exception":
# a clause of its own)
_APPOSITION = re.compile(r"\s*(?:,|:|\s[-–—]\s)\s*(?:namely\s+|that\s+is\s+|i\.e\.\s+)?(?!with\b)", re.I)


def _areas_named_after(claim: RatingClaim, sentence: str) -> list[str]:
    """The LIST set in apposition to the areas a verdict is given to by count ("slips to good on one measure,
    children in care"), in the clause or after a dash closing it; [] when they are not named so."""
    at = sentence.find(claim.clause)
    after = (sentence[at:] if at >= 0 else claim.clause)[claim.start + len(claim.grade_label):]
    if (some := _counted_areas(claim, after)) is None or (apposed := _APPOSITION.match(after, some.end())) is None:
        return []
    return coordinated_after(after, judgements_in(after), apposed.end())


# "Four judgements, four inadequates: overall, leaders, ...": a grade counted in the plural over the LIST after it
_COUNTED_GRADE = re.compile(rf"\b(?:two|three|four|five|six|[2-6])\s+{Q}(?P<grade>inadequates|goods|outstandings"
                            rf"|(?-i:RIs)){QE}\s*(?::|\s[-–—]\s)\s*(?P<list>[^.:;–—]+)", re.I)


def _counted_grade(sentence: str) -> list[RatingClaim]:
    """A grade counted in the plural, its judgements listed after it ("three goods: leadership, help and protection
    and children in care"): one verdict per judgement."""
    m = _COUNTED_GRADE.search(sentence)
    names = listed_with_overall(m["list"]) if m else None
    if not names:
        return []
    grade = normalise_grade(m["grade"][:-1])
    return [RatingClaim(name, grade, m["grade"], None, "current", sentence, m.start("grade")) for name in names]


# "Leaders, help and protection and care leavers: good, good, outstanding": a LIST, a colon, its grades in order
_GRADES_IN_ORDER = re.compile(rf"^\W*(?P<list>[^:;.]+?)\s*:\s*(?P<grades>{Q}{GRADE_PHRASE}{QE}(?:\s*,\s*(?:and\s+)?"
                              rf"{Q}{GRADE_PHRASE}{QE}|\s+and\s+{Q}{GRADE_PHRASE}{QE})+)\s*[.;]?\s*$", re.I)


def _grades_in_order(sentence: str) -> list[RatingClaim]:
    """A LIST of judgements and, after a colon, as many grades, paired in order ("Leaders, children in care and care
    leavers: good, good, outstanding"); [] unless the counts agree."""
    m = _GRADES_IN_ORDER.match(sentence)
    names = listed_with_overall(m["list"]) if m else None
    grades = list(_GRADE_ANYWHERE.finditer(m["grades"])) if names else []
    if names and len(grades) != len(names):  # "children in care and care leavers: good, good" are two
        names = [each for name in names for each in judgements_covered(name)]
    if not names or len(grades) != len(names):
        return []
    at = m.start("grades")
    return [RatingClaim(name, normalise_grade(g.group()), g.group(), None, "current", sentence, at + g.start())
            for name, g in zip(names, grades, strict=True)]


# A grade in a clause describing the areas of an inspection, the subject of a copula naming them after it: "the only
# area inspectors said required improvement was care leavers", "the two judgements rated outstanding were A and B",
# "the one aspect found to be good is adoption" (not "every area", "all judgements": every judgement at once)
_AREAS_DESCRIBED = re.compile(rf"(?<![\w-]){AREA_NOUN}(?P<described>[^.;:,]{{0,80}})$", re.I)
_EVERY_BEFORE = re.compile(r"\b(?:every|each|all|any|no)\s+(?:(?:the|its|their|of|other|single|one|[a-z]+ed)\s+)*$",
                           re.I)
_COPULA_AFTER = re.compile(r"[^.;:,]{0,40}?\s(?:was|were|is|are)\s+(?P<names>[^.;:]+?)\s*(?:[.;:]|,\s|$)", re.I)


def _specified(claim: RatingClaim) -> list[str]:
    """The judgements a verdict read as the overall grade is given to, when its grade describes the areas named
    after a copula ("the only area rated good was adoption"); [] when it is not so."""
    if claim.judgement != "overall_effectiveness" or claim.judgement_stated:
        return []
    described = _AREAS_DESCRIBED.search(claim.clause, 0, claim.start)
    after = _COPULA_AFTER.match(claim.clause, claim.start + len(claim.grade_label))
    if described is None or after is None or _EVERY_BEFORE.search(claim.clause, 0, described.start()):
        return []
    names = listed(after["names"]) or [judgement_named(after["names"])]
    return [n for n in names if n and n not in ("overall_effectiveness", "other", "lscb")]


# The grade right before the reference to the areas a LIST names: "outstanding in two areas: A and B"
_GRADE_COUNTING = re.compile(rf"{Q}(?P<grade>{GRADE_PHRASE}){QE}\s+(?:in|across|for|on)\s+[^;.–—]{{0,50}}$", re.I)


# The areas of an inspection by their number: "the three graded areas", "each of the four judgements"
_AREAS_NUMBERED = re.compile(rf"\b(?:the|its|their|all)\s+(?P<count>two|three|four|five|six)\s+(?:[a-z]+\s+)?"
                             rf"{AREA_NOUN}", re.I)
# ... and the LIST naming them after it: "the three graded areas – A, B and C", "the four judgements (A, B, C, D)"
_NUMBERED_LIST = re.compile(r"[^–—:;(.,]{0,30}?(?::|\s[-–—]\s|,|\()\s*")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def areas_covered(claims: list[RatingClaim], sentence: str) -> list[RatingClaim]:
    """The sentence's verdicts, a grade describing the areas a copula names after it given to them ("the only area
    judged good was adoption"), less those given to some areas they do not name, and with the areas named after a
    colon ("the same grade went to each of the three judgements below it: A, B and C") given the verdict before
    it, or the grade a count names in the plural ("four inadequates: A, B, C and D"), or the grades listed in the
    order of the LIST before the colon ("A, B and C: good, good, outstanding"); "children in care and care leavers"
    counted as one of the areas, one judgement (see `_one_care_judgement`)."""
    return _one_care_judgement(_areas_covered(claims, sentence), sentence)


def _one_care_judgement(claims: list[RatingClaim], sentence: str) -> list[RatingClaim]:
    """The claims, "children in care and care leavers" read as the one judgement of the 2018-2022 framework
    (children in care) when the sentence numbers the areas and the LIST after the number names that many with it
    counted as one: "each of the three graded areas – leadership, help and protection, and the experiences and
    progress of children in care and care leavers – ..." (two judgements would make four)."""
    numbered = _AREAS_NUMBERED.search(sentence)
    apposed = _NUMBERED_LIST.match(sentence, numbered.end()) if numbered else None
    names = coordinated_after(sentence, judgements_in(sentence), apposed.end()) if apposed else []
    if CARE_AND_LEAVERS not in names or len(names) != _NUMBERS[numbered["count"].lower()]:
        return claims
    return [replace(c, judgement="children_in_care") if c.judgement == CARE_AND_LEAVERS else c for c in claims]


def _areas_covered(claims: list[RatingClaim], sentence: str) -> list[RatingClaim]:
    """`areas_covered`, but for the one care judgement."""
    if ordered := _grades_in_order(sentence):  # the whole sentence is a LIST and its grades: read in order only
        return ordered
    if not claims:
        return _counted_grade(sentence)
    claims = [replace(claim, judgement=name) for claim in claims for name in _specified(claim) or [claim.judgement]]
    kept = []
    for i, claim in enumerate(claims):  # a verdict given to some areas: to those named after it, if any
        following = claims[i + 1].start if i + 1 < len(claims) and claims[i + 1].clause == claim.clause else None
        if _some_areas(claim, following):
            named = _areas_named_after(claim, sentence)
            kept += [replace(claim, judgement=name, judgement_stated=True) for name in named]
        else:
            kept.append(claim)
    if (found := every_listed(sentence)) is None:
        return kept
    colon, names = found  # the verdict before the LIST: one given to some areas ("three of the four") too
    asserted = [c for c in claims if c.status != "hypothetical"]
    before = [c for c in asserted if 0 <= sentence.find(c.clause) + c.start < colon]
    # ... else the one after it, the LIST set in apposition to every area, its subject ("Every judgement – A, B and
    # C – came back as good")
    verdict = before[-1] if before else next((c for c in asserted if sentence.find(c.clause) + c.start > colon), None)
    if verdict is None:
        return kept
    if (counting := _GRADE_COUNTING.search(sentence, 0, colon)) and (grade := normalise_grade(counting["grade"])):
        verdict = replace(verdict, grade=grade, grade_label=counting["grade"])  # "rated good, outstanding in two
        # areas: A and B": the grade the areas are counted under, read or not as a verdict of its own
    return kept + [replace(verdict, judgement=name, judgement_stated=True) for name in names]


def referred_judgements(claims: list[RatingClaim], sentence: str, earlier: str) -> list[RatingClaim]:
    """The sentence's claims, a verdict read as the overall grade whose subject refers back to judgements named
    before it ("..., and that's rated good", "that part of the service requires improvement", "That area was judged
    inadequate" after a sentence naming it; `earlier` is the sentence before) given to those judgements."""
    read = []
    for claim in claims:
        at = sentence.find(claim.clause)
        before = sentence[:at + claim.start] if at >= 0 else claim.clause[:claim.start]
        names = [] if claim.judgement != "overall_effectiveness" or claim.judgement_stated else \
            judgements_referred_to(before, earlier)
        read += [replace(claim, judgement=name, judgement_stated=True) for name in names] or [claim]
    return read


def judgements_covered(judgement: str) -> tuple[str, ...]:
    """The judgements a claim's judgement stands for: "children in care and care leavers" named in prose is both,
    whatever the framework of its year (ILACS 2018-2022 grades them as one judgement, `children_in_care`, but
    readers of news and minutes annotate both: docs/limits.md); any other, itself."""
    return ("children_in_care", "care_leavers") if judgement == CARE_AND_LEAVERS else (judgement,)


# Ofsted's unannounced child protection inspections (2012-2013) gave one judgement, the effectiveness of the
# arrangements to protect children, annotated as the era's safeguarding judgement
_CHILD_PROTECTION_INSPECTIONS = re.compile(r"\bchild\s+protection\s+(?:inspections?|framework)\b"
                                           r"|\binspections?\s+of\s+child\s+protection\b", re.I)
_CHILD_PROTECTION_YEARS = (2012, 2013)
_SAFEGUARDING_ADEQUATE_YEARS = range(2010, 2014)
_ADEQUATE = re.compile(r"adequate", re.I)


def names_child_protection_inspections(text: str) -> bool:
    """The document speaks of the 2012-2013 child protection inspections ("the unannounced child protection
    inspections", "reports under the child protection framework")."""
    return bool(_CHILD_PROTECTION_INSPECTIONS.search(text))


def unnamed_judgement(year: int | None, child_protection_story: bool, grade_words: str = "") -> str:
    """The judgement a verdict naming none is given ("Reading was judged adequate"): in a story about the child
    protection inspections, a verdict of their years is their one judgement (safeguarding); so is "adequate" given
    in 2010-2013, a grade only the safeguarding inspections of those years gave (the annual assessments before
    them gave it overall, the single inspections after them say "requires improvement"); else overall
    effectiveness."""
    if child_protection_story and year in _CHILD_PROTECTION_YEARS:
        return "safeguarding"
    if year in _SAFEGUARDING_ADEQUATE_YEARS and _ADEQUATE.fullmatch(grade_words.strip(" '\"‘’“”")):
        return "safeguarding"
    return "overall_effectiveness"


# --- a verdict repeated for a LIST by ellipsis ---------------------------------------------------------------------

# "So are A, B and C.", "So had A and B.", "As were A and B.": the verb and grade of the last verdict, left out
_SO_AUXILIARY = re.compile(r"^\W*(?:and\s+)?(?:so|as|nor)\s+(?:too\s+)?(?:is|are|was|were|had|has|have|did|do|does)"
                           r"\s+(?:(?:both|all|each|also)\s+)?", re.I)
# "A and B, likewise.", "Leaders too.", "A and B as well.": a LIST with its verdict left out, said to share it
_LIKEWISE = re.compile(r"\s*,?\s*(?:(?:both|all)\s+)?(?:likewise|too|also|as\s+well|the\s+same|similarly)\W*$", re.I)
# A sentence opening with every area: "Every one of the five judgements: ...", "All four areas, namely ..."
_EVERY_OPENING = re.compile(rf"\W*(?:in\s+|across\s+)?(?:every|each|all)\b[^:;.–—]{{0,40}}?\b(?:{AREA_NOUN}"
                            r"|categor(?:y|ies)\b)", re.I)
_VERB = re.compile(r"\b(?:was|were|is|are|had|has|have|been|\w+ed|\w+s)\b(?<!\bas\b)", re.I)  # "were discussed:"
# "..., and so was B", "... and so have B": the auxiliary said again before each item of the LIST
_AND_SO = re.compile(r",?\s+and\s+so\s+(?:too\s+)?(?:is|are|was|were|had|has|have|did|do|does)\s+", re.I)
# An aside set off by dashes or brackets inside the LIST ("– this is the one that hurt –"): no part of it
_ASIDE = re.compile(r"\s[-–—]\s[^-–—]*?\s[-–—]\s|\s\([^()]*\)")


def judgements_sharing_last_verdict(sentence: str) -> list[str]:
    """The judgements a sentence gives the last verdict to by ellipsis, its verb and grade left out: "So are help
    and protection and the impact of leaders." (an auxiliary echoing the verdict, the LIST its subject, after it),
    "Leaders, likewise." (the LIST alone, "likewise", "too" or "as well" after it), "Every one of the five
    judgements: A, B, C, D and E." (every area, listed, and no grade); [] for any other sentence."""
    text = _ASIDE.sub(lambda m: m.group() if judgements_in(m.group()) else " ", sentence).strip()
    text = _AND_SO.sub(", and ", text)  # "So was A, and so was B." is "So were A and B."
    if not _GRADE_ANYWHERE.search(text) and (every := _EVERY_OPENING.match(text)) and (
            found := every_listed(text)) and found[0] >= every.end() \
            and not _VERB.search(text, every.end(), found[0]):
        return found[1]  # "Every one of the five judgements: A, B, C, D and E." after "X – Outstanding."
    opening = _SO_AUXILIARY.match(text)
    ending = _LIKEWISE.search(text)
    if opening:
        body = text[opening.end():].rstrip(" .!")
        body = body[:ending.start()] if ending else body
    elif ending:
        body = text[:ending.start()]
    else:
        return []
    return listed(body.strip(" ,")) or ([name] if (name := _named_alone(body)) else [])


def _named_alone(text: str) -> str | None:
    """The one judgement a text is nothing but a PHRASE of ("the impact of leaders"; "Leaders", which names the
    judgement only as a LIST's member: read as the first of two)."""
    names = listed(f"{text.strip(' ,')} and care leavers")
    return names[0] if names and len(names) == 2 else None


# --- a round-up by grade -----------------------------------------------------------------------------------------

# "Inadequate. Cambridgeshire and Herefordshire, both in October. ...": a paragraph opening with a grade alone,
# the councils named after it (with no verdict of their own) given that grade; only in a document with two such
# paragraphs at least (a round-up ordered by grade, not a "Good." said in reply)
_GRADE_LABEL = re.compile(rf"\W*{Q}(?P<grade>{GRADE_PHRASE}){QE}\s*[.:](?=\s|$)\s*", re.I)
_GRADE_ANYWHERE = re.compile(rf"\b{GRADE_PHRASE}", re.I)


def grade_labels(paragraphs: list[str | None]) -> list[str | None]:
    """The grade each paragraph opens with alone, as its first sentence or before a colon ("Adequate. Salford, in
    November, ...", "Good: Derby and Gateshead"), when two paragraphs at least open so; None for every other (and for
    all, when fewer do)."""
    labels = [m["grade"] if text and (m := _GRADE_LABEL.match(text)) else None for text in paragraphs]
    return labels if sum(label is not None for label in labels) >= 2 else [None] * len(paragraphs)


def labelled_verdicts(sentence: str, councils: list[tuple[str, int, int]], label: str, published: date | None
                      ) -> list[tuple[RatingClaim, str]]:
    """(claim, council) for each council a sentence under a grade label names, when the sentence gives no grade of
    its own ("Doncaster followed in November and Rochdale just before Christmas."): the label's grade, dated by the
    time named after the council (or after the next one: "Salford and Wigan, both in November")."""
    opening = _GRADE_LABEL.match(sentence)  # "Good: Northtown and Westshire, both in November."
    if _GRADE_ANYWHERE.search(sentence, opening.end() if opening else 0) or not councils:
        return []
    windows = [sentence[end:councils[i + 1][1] if i + 1 < len(councils) else len(sentence)]
               for i, (_, _, end) in enumerate(councils)]
    times = [time_named(window, published) for window in windows]
    for i in range(len(times) - 2, -1, -1):
        times[i] = times[i] or times[i + 1]
    grade = normalise_grade(label)
    return [(RatingClaim("overall_effectiveness", grade, label, when[0] if when else None, "current", sentence,
                         judgement_stated=False, anchor=when[1] if when else "publication"), code)
            for (code, _, _), when in zip(councils, times, strict=True)]


# --- rows of judgements written as text ------------------------------------------------------------------------

# "Impact of leaders: Good", "The experiences and progress of children in care - requires improvement to be good",
# "Overall effectiveness – good (previously requires improvement)": the bracketed grade an earlier one
_ROW = re.compile(rf"^\s*(?P<name>[^:;–—()]{{3,120}}?)\s*(?::|\s[-–—]\s|,)\s*{Q}(?P<grade>{GRADE_PHRASE}){QE}"
                  r"\s*(?:\((?P<before>[^()]{2,80})\))?\s*[.;,]?\s*$", re.I)
# Rows run together with no separator but their colons: "Overall effectiveness: good Impact of leaders: outstanding",
# a name with commas of its own too ("Leadership, management and governance: good")
_PAIR_TEXT = rf"\s*((?!{Q}{GRADE_PHRASE}{QE}\b)[^:;]{{3,120}}?\s*(?::|\s[-–—]\s)\s*{Q}{GRADE_PHRASE}{QE})\s*[,.]?"
_PAIR = re.compile(_PAIR_TEXT, re.I)
_PAIRS = re.compile(f"(?:{_PAIR_TEXT})+\\s*", re.I)
# "Good overall", "Outstanding for the impact of leaders": the grade first
_GRADE_FIRST = re.compile(rf"^\s*{Q}(?P<grade>{GRADE_PHRASE}){QE}\s+(?:(?P<overall>overall)|(?:for|in)\s+"
                          r"(?P<name>[^:;()]{3,120}?))\s*[.;,]?\s*$", re.I)
def judgement_rows(text: str) -> list[RatingClaim]:
    """'Impact of leaders: Good', 'Good for children in care' (a line of its own, or after a colon: "The judgements
    are: overall effectiveness – good") or 'The judgements were: leadership, good; help and protection, requires
    improvement' (rows run together after a colon, or with no lead-in at all: "Overall effectiveness: inadequate; The
    impact of leaders: inadequate"): one claim per row, with the earlier grade a row gives in
    brackets; [] unless every row parses."""
    if len(pairs := _PAIR.findall(text)) >= 2 and _PAIRS.fullmatch(text) and (claims := _rows(text, pairs)):
        return claims  # rows run together with no lead-in: "Adoption performance: outstanding Care leavers: good"
    lead, colon, rest = text.partition(":")
    rows = _split_rows(rest) if colon and ";" in rest else []
    if len(rows) < 2:
        rows = [text]
    claims = _rows(text, rows)
    if not claims and ";" in text and len(alone := _split_rows(text)) >= 2:
        first, *others = alone  # no lead-in ("Overall effectiveness: inadequate; Leadership: good"), or a dash's
        for cut in (0, *(m.end() for m in re.finditer(r":|\s[-–—]\s", first))):
            if claims := _rows(text, [first[cut:].strip(), *others]):
                break
    if not claims and colon and len(rows) == 1 and ";" not in rest:
        claims = _rows(text, [rest.strip()])
    if not claims and colon and len(pairs := _PAIR.findall(rest)) >= 2 and _PAIRS.fullmatch(rest):
        claims = _rows(text, pairs)  # "The judgements were: Overall effectiveness: good Leadership: outstanding"
    return claims


def _split_rows(text: str) -> list[str]:
    return [r for r in re.split(r"\s*;\s*|\s*\n\s*", text.strip().rstrip(".")) if r]


def _rows(text: str, rows: list[str]) -> list[RatingClaim]:
    claims = []
    for row in rows:
        m = _ROW.match(row) or _GRADE_FIRST.match(row)
        if m is None:
            return []
        # a row naming a LIST ("good for leaders and for help and protection") grades each judgement of it
        judgements = ["overall_effectiveness"] if m.re is _GRADE_FIRST and m["overall"] else \
            listed(m["name"]) or [judgement_named(m["name"])]
        judgement = judgements[0]
        grade = normalise_grade(m["grade"]) if judgement else None
        if grade is None:
            return []
        at = text.find(row)
        claims += [RatingClaim(each, grade, " ".join(m["grade"].split()), None, "current", text, at + m.start("grade"))
                   for each in judgements]
        if m.re is _ROW and m["before"] and (earlier := earlier_grade(m, row, judgement)):
            claims.append(replace(earlier, clause=text, start=at + earlier.start, segment=at + earlier.segment))
    return claims
