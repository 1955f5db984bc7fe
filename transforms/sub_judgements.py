"""Which judgements a verdict covers, beyond one named judgement: all of them, rows of them, or none of them.

- "rated outstanding in every area", "good across all four judgements", "judged inadequate in all areas":
  overall effectiveness and each judgement the framework in force that year grades (csi.frameworks), for the
  inspection the page reports; an earlier one's "good in all areas" is its overall grade. With "every area" as
  the subject ("every area of the inspection was also judged good") only the overall grade is read: the
  development set annotates it so, and reading more there costs precision it must keep;
- rows of judgements written as text, in press releases and minutes: "Impact of leaders: Good" on a line of
  its own, "The judgements were: help and protection, good; children in care, requires improvement".
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from csi.frameworks import ILACS_STANDARD, SIF
from transforms.grades import GRADE_PHRASE, QE, Q, normalise_grade
from transforms.judgement_names import EVERY, JUDGEMENT_PATTERNS
from transforms.ratings import RatingClaim

_EVERY_AFTER = re.compile(rf"^\W*(?:overall\s+)?(?:and\s+)?(?:in|across|for|on)\s+(?:{EVERY})", re.I)
# ... or as the subject, in the plural: "all four areas were judged inadequate", "each of the five judgements was
# graded good" (not "every area of the inspection was also judged good": the overall grade, see above)
_EVERY_BEFORE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|with|while)\s+)(?:(?:the|its|their)\s+)?(?:all\s+(?:(?:the|its|their)\s+)?"
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


def covers_every_judgement(claim: RatingClaim, following: int | None = None) -> bool:
    """The verdict is given to every area: "rated outstanding in every area", "good across all four judgements",
    read just after the grade (`following` is where the next verdict of the clause starts). Not "every area of
    the inspection was judged good" with every area as the subject: the news set this is measured on reads that
    as the overall grade (see the module docstring)."""
    if claim.judgement != "overall_effectiveness" or claim.judgement_stated or claim.status == "hypothetical":
        return False
    end = claim.start + len(claim.grade_label)
    after = claim.clause[end:following if following is not None else len(claim.clause)]
    return bool(_EVERY_AFTER.match(after) or _EVERY_BEFORE.search(claim.clause, claim.segment, claim.start))


def every_judgement(claims: list[RatingClaim]) -> list[RatingClaim]:
    """Each verdict given to every area, marked so that it is read as one per graded judgement of its year
    (see :func:`graded_judgements`); the others as they are."""
    out = []
    for i, claim in enumerate(claims):
        nxt = claims[i + 1].start if i + 1 < len(claims) and claims[i + 1].clause == claim.clause else None
        if covers_every_judgement(claim, nxt):
            claim = replace(claim, judgement=EVERY_JUDGEMENT, judgement_stated=True)
        out.append(claim)
    return out


EVERY_JUDGEMENT = "every_judgement"  # stands for the judgements graded in the claim's year, until that is known


def judgements_covered(judgement: str, year: int | None, historical: bool) -> tuple[str, ...]:
    """The judgements a claim's judgement stands for once its year is known: for EVERY_JUDGEMENT of the inspection
    the page reports, every one graded then; of an earlier inspection ("rated good in all areas in 2014"), its
    overall grade only, as for a framework not known; else the judgement itself."""
    if judgement != EVERY_JUDGEMENT:
        return (judgement,)
    return (not historical and graded_judgements(year)) or ("overall_effectiveness",)


# --- rows of judgements written as text ------------------------------------------------------------------------

_JUDGEMENT_NAME = "|".join(f"(?:{pattern})" for name, pattern in JUDGEMENT_PATTERNS if name != "other")
_NAME_PATTERNS = [(name, re.compile(pattern, re.I)) for name, pattern in JUDGEMENT_PATTERNS]
# "Impact of leaders: Good", "The experiences and progress of children in care - requires improvement to be good"
_ROW = re.compile(rf"^\s*(?P<name>[^:;–—]{{3,120}}?)\s*(?::|\s[-–—]\s|,)\s*{Q}(?P<grade>{GRADE_PHRASE}){QE}\s*\.?\s*$",
                  re.I)
_JUDGEMENT_WORDS = re.compile(r"^\W*(?:the\s+)?(?:overall\s+effectiveness|(?:the\s+)?experiences?\s+and\s+progress"
                              r"\s+of\s+|impact\s+of\s+leaders|(?:\w+\s+){0,6}?(?:" + _JUDGEMENT_NAME + r"))", re.I)


def _judgement_named(name: str) -> str | None:
    """The judgement a row's label names ("Impact of leaders on social work practice", "Care leavers"), if it
    names one and nothing else of note."""
    if not _JUDGEMENT_WORDS.match(name) or len(name.split()) > 16:
        return None
    found = [n for n, pattern in _NAME_PATTERNS if pattern.search(name)]
    if re.search(r"overall\s+effectiveness", name, re.I):
        return "overall_effectiveness"
    names = [n for n in dict.fromkeys(found) if n != "other"]
    return names[0] if len(names) == 1 or (names and names[0] == "leadership") else None


def judgement_rows(text: str) -> list[RatingClaim]:
    """'Impact of leaders: Good' (a line of its own) or 'The judgements were: leadership, good; help and protection,
    requires improvement' (rows run together after a colon): one claim per row, [] unless every row parses."""
    lead, colon, rest = text.partition(":")
    rows = [r for r in re.split(r"\s*;\s*|\s*\n\s*", rest.strip().rstrip(".")) if r] if colon and ";" in rest else []
    if len(rows) < 2:
        rows = [text]
    claims = []
    for row in rows:
        m = _ROW.match(row)
        judgement = m and _judgement_named(m["name"])
        if not judgement:
            return []
        grade = normalise_grade(m["grade"])
        if grade is None:
            return []
        claims.append(RatingClaim(judgement, grade, " ".join(m["grade"].split()), None, "current", text,
                                  text.find(row) + m.start("grade")))
    return claims
