"""Which judgements a verdict covers, beyond one named judgement: all of them, rows of them, or none of them.

- "rated outstanding in every area", "good across all four judgements", "judged inadequate in all areas":
  overall effectiveness and each judgement the framework in force that year grades (csi.frameworks), for the
  inspection the page reports; an earlier one's "good in all areas" is its overall grade. With "every area" as
  the subject ("every area of the inspection was also judged good") only the overall grade is read: the
  development set annotates it so, and reading more there costs precision it must keep; "good in three of the
  four areas" names none of them, nor the overall grade: no claim;
- rows of judgements written as text, in press releases and minutes: "Impact of leaders: Good" on a line of
  its own, "The judgements were: help and protection, good; children in care, requires improvement".
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from csi.frameworks import ILACS_STANDARD, SIF
from transforms.grades import GRADE_PHRASE, QE, Q, normalise_grade
from transforms.judgement_names import CARE_AND_LEAVERS, EVERY, judgement_named
from transforms.ratings import RatingClaim
from transforms.roundup_lines import earlier_grade

_EVERY_AFTER = re.compile(rf"^\W*(?:overall\s+)?(?:and\s+)?(?:in|across|for|on)\s+(?:{EVERY})", re.I)
# "in three of the four areas", "across most judgements": some areas, not named
_SOME_AFTER = re.compile(
    r"^\W*(?:overall\s+)?(?:in|across|for|on)\s+(?:(?:one|two|three|four|five|six|both|most|some|several|half|\d)"
    r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?:(?:two|three|four|five|six|seven|\d)\s+)?"
    r"|(?:most|some|many|several|two|three|four|five)\s+(?:other\s+)?)"
    r"(?:areas|judgements|judgments|categories|sub-?judgements|sub-?judgments)\b", re.I)
_SOME_BEFORE = re.compile(
    r"\b(?:one|two|three|four|five|both|most|some|several|half|\d)\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:(?:two|three|four|five|six|seven|\d)\s+)?(?:areas|judgements|judgments|categories|sub-?judgements"
    r"|sub-?judgments)\s+(?:(?:were|was|are|is|had|have|been|also|all|then)\s+)+"
    r"(?:(?:rated|judged|graded|found\s+to\s+be|assessed\s+as|deemed)\s+)?[‘'\"“]?$", re.I)
# ... or as the subject, in the plural: "all four areas were judged inadequate", "each of the five judgements was
# graded good" (not "every area of the inspection was also judged good": the overall grade, see above)
_EVERY_BEFORE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|with|while|that)\s+)(?:(?:the|its|their)\s+)?(?:all\s+(?:(?:the|its|their)\s+)?"
    r"(?:(?:four|five|six|seven)\s+)?(?:areas|judgements|judgments|sub-?judgements|sub-?judgments|categories)"
    r"|each\s+of\s+(?:the|its|their)\s+(?:four|five|six|seven)\s+(?:areas|judgements|judgments|sub-?judgements"
    r"|sub-?judgments|categories))\s+(?:(?:of|in|for|at)\s+(?:[\w'’-]+\s+){1,5}?)?(?:(?:were|was|had|have|has|been|are|is|also|all|each|then)\s+)+"
    r"(?:(?:rated|judged|graded|found\s+to\s+be|assessed\s+as|deemed)\s+)?[‘'\"“]?$", re.I)

def graded_judgements(year: int | None) -> tuple[str, ...]:
    """The judgements an inspection of children's services reported in `year` graded, overall first: ILACS from
    2018 (its version by the middle of the year), the single inspection framework before (its local safeguarding
    board review aside: not the council's services); none known before 2014 or with no year."""
    if year is None or year < 2014:
        return ()
    if year >= 2018:
        version = ILACS_STANDARD.version(date(year, 7, 1))
        return version.graded if version else ()
    return tuple(j for j in SIF.versions[0].graded if j != "lscb")


def _areas(claim: RatingClaim, following: int | None = None) -> str | None:
    """"every" when the verdict is given to every area ("rated outstanding in every area", "good across all four
    judgements", read just after the grade; `following` is where the next verdict of the clause starts; or "all
    four areas were judged good"), "some" when to some areas it does not name ("good in three of the four areas":
    neither the overall grade nor any named judgement's), else None. Not "every area of the inspection was judged
    good" with every area as the subject in the singular: the news set this is measured on reads that as the
    overall grade (see the module docstring)."""
    if claim.judgement != "overall_effectiveness" or claim.judgement_stated or claim.status == "hypothetical":
        return None
    end = claim.start + len(claim.grade_label)
    after = claim.clause[end:following if following is not None else len(claim.clause)]
    if _EVERY_AFTER.match(after) or _EVERY_BEFORE.search(claim.clause, claim.segment, claim.start):
        return "every"
    return "some" if _SOME_AFTER.match(after) or _SOME_BEFORE.search(claim.clause, claim.segment, claim.start) \
        else None


def areas_covered(claims: list[RatingClaim]) -> list[RatingClaim]:
    """Each verdict given to every area, marked so that it is read as one per graded judgement of its year
    (see :func:`graded_judgements`); those given to some unnamed areas left out; the others as they are."""
    out = []
    for i, claim in enumerate(claims):
        nxt = claims[i + 1].start if i + 1 < len(claims) and claims[i + 1].clause == claim.clause else None
        areas = _areas(claim, nxt)
        if areas == "some":
            continue
        if areas == "every":
            claim = replace(claim, judgement=EVERY_JUDGEMENT, judgement_stated=True)
        out.append(claim)
    return out


EVERY_JUDGEMENT = "every_judgement"  # stands for the judgements graded in the claim's year, until that is known


def judgements_covered(judgement: str, year: int | None, historical: bool) -> tuple[str, ...]:
    """The judgements a claim's judgement stands for once its year is known: for EVERY_JUDGEMENT of the inspection
    the page reports, every one graded then; of an earlier inspection ("rated good in all areas in 2014"), its
    overall grade only, as for a framework not known; "children in care and care leavers", both where the framework
    grades them apart (SIF, ILACS from 2023), one judgement where it grades them together (ILACS 2018-2022);
    else the judgement itself."""
    if judgement == CARE_AND_LEAVERS:
        return ("children_in_care", "care_leavers") if "care_leavers" in graded_judgements(year) else (
            "children_in_care",)
    if judgement != EVERY_JUDGEMENT:
        return (judgement,)
    return (not historical and graded_judgements(year)) or ("overall_effectiveness",)


# --- rows of judgements written as text ------------------------------------------------------------------------

# "Impact of leaders: Good", "The experiences and progress of children in care - requires improvement to be good",
# "Overall effectiveness – good (previously requires improvement)": the bracketed grade an earlier one
_ROW = re.compile(rf"^\s*(?P<name>[^:;–—()]{{3,120}}?)\s*(?::|\s[-–—]\s|,)\s*{Q}(?P<grade>{GRADE_PHRASE}){QE}"
                  r"\s*(?:\((?P<before>[^()]{2,80})\))?\s*\.?\s*$", re.I)
# "Good overall", "Outstanding for the impact of leaders": the grade first
_GRADE_FIRST = re.compile(rf"^\s*{Q}(?P<grade>{GRADE_PHRASE}){QE}\s+(?:(?P<overall>overall)|(?:for|in)\s+"
                          r"(?P<name>[^:;()]{3,120}?))\s*\.?\s*$", re.I)
def judgement_rows(text: str) -> list[RatingClaim]:
    """'Impact of leaders: Good', 'Good for children in care' (a line of its own, or after a colon: "The judgements
    are: overall effectiveness – good") or 'The judgements were: leadership, good; help and protection, requires
    improvement' (rows run together after a colon): one claim per row, with the earlier grade a row gives in
    brackets; [] unless every row parses."""
    lead, colon, rest = text.partition(":")
    rows = [r for r in re.split(r"\s*;\s*|\s*\n\s*", rest.strip().rstrip(".")) if r] if colon and ";" in rest else []
    if len(rows) < 2:
        rows = [text]
    claims = _rows(text, rows)
    if not claims and colon and len(rows) == 1 and ";" not in rest:
        claims = _rows(text, [rest.strip()])
    return claims


def _rows(text: str, rows: list[str]) -> list[RatingClaim]:
    claims = []
    for row in rows:
        m = _ROW.match(row) or _GRADE_FIRST.match(row)
        if m is None:
            return []
        judgement = "overall_effectiveness" if m.re is _GRADE_FIRST and m["overall"] else judgement_named(m["name"])
        grade = normalise_grade(m["grade"]) if judgement else None
        if grade is None:
            return []
        at = text.find(row)
        claims.append(RatingClaim(judgement, grade, " ".join(m["grade"].split()), None, "current", text,
                                  at + m.start("grade")))
        if m.re is _ROW and m["before"] and (earlier := earlier_grade(m, row, judgement)):
            claims.append(replace(earlier, clause=text, start=at + earlier.start, segment=at + earlier.segment))
    return claims
