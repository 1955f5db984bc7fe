"""Rating claims in prose: which judgement got which grade, and whether it is news or history.

A grade word only counts where the sentence uses it as a verdict ("rated good", "a
'requires improvement' judgement", "the LSCB requires improvement", "services are
inadequate"); aspirations ("to get a good rating") and negations do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.grades import GRADE_PHRASE, normalise_grade

Q = r"[‘'\"“]?"  # an optional quote mark around a grade
QE = r"[’'\"”]?"

JUDGEMENT_PATTERNS = [
    ("overall_effectiveness", r"overall\s+(?:effectiveness|judgements?|judgments?|grade|rating)"),
    ("leadership", r"impact\s+of\s+leaders|leadership,?\s+management\s+and\s+governance|leadership\s+and\s+management"
                   r"|\bleadership\b"),
    ("help_and_protection", r"(?:children\s+)?(?:who\s+)?(?:need|needing|requiring)\s+help\s+and\s+protection"
                            r"|help\s+and\s+protection"),
    ("children_in_care", r"children\s+in\s+care(?:\s+and\s+care\s+leavers)?|children\s+looked\s+after"
                         r"(?:\s+and\s+achieving\s+permanence)?|looked[-\s]after\s+children"),
    ("care_leavers", r"care\s+leavers"),
    ("adoption", r"adoption\s+performance|\badoption\b"),
    ("lscb", r"local\s+safeguarding\s+children(?:'s)?\s+boards?|\bLSCB\b|safeguarding\s+partnership"),
]
_JUDGEMENT = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in JUDGEMENT_PATTERNS), re.I)

# Grade slots: a grade used as a verdict. Each alternative captures the grade words as `g`.
_VERDICT_VERBS = r"\b(?:rated|judged|graded|assessed|deemed|found\s+to\s+be|declared|ranked)"
_SLOT = re.compile(
    rf"{_VERDICT_VERBS}\s+(?:(?!as\b)[\w'’-]+\s+){{0,3}}?(?:as\s+)?(?:being\s+)?{Q}(?P<g1>{GRADE_PHRASE}){QE}"
    rf"|{Q}(?P<g2>{GRADE_PHRASE}){QE}\s+(?:overall\s+)?(?:grade|grading|rating|judgements?|judgments?|verdict)\b"
    rf"|{Q}(?P<g3>requires?\s+improvement(?:\s+to\s+be\s+good)?){QE}"
    rf"|\b(?:is|are|was|were|been|remains?|remained)\s+(?:still\s+)?{Q}(?P<g4>inadequate|outstanding|good){QE}(?=[\s.,;:]|$)",
    re.I,
)
_ASPIRATION = re.compile(r"\bto\s+(?:get|reach|receive|achieve|be|become|gain|secure|move\s+to)\s+(?:an?\s+|the\s+)?$",
                         re.I)
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer)\s+(?:\w+\s+){0,2}$", re.I)
_SERVICES_SUBJECT = re.compile(r"(?:services|department|council|authority)\W*(?:\w+\W+){0,3}$", re.I)
_CLAUSE_BREAK = re.compile(r"\s[-–—]\s|;|\bwhile\b|\bwhereas\b|\bbut\b")
_YEAR = re.compile(r"\b(?:in|since|from|during)\s+((?:19|20)\d{2})\b|\(((?:19|20)\d{2})\)")
_HISTORY_CUE = re.compile(r"\b(?:previous(?:ly)?|last\s+inspection|earlier|former(?:ly)?|prior|had\s+been\s+rated)\b",
                          re.I)


@dataclass(frozen=True)
class RatingClaim:
    judgement: str
    grade: str
    grade_label: str
    year: int | None
    is_historical: bool
    clause: str


def _judgements_in(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.lastgroup) for m in _JUDGEMENT.finditer(text)]


def rating_claims(sentence: str) -> list[RatingClaim]:
    """Every (judgement, grade) verdict in one sentence, clause by clause."""
    claims: list[RatingClaim] = []
    for clause in _CLAUSE_BREAK.split(sentence):
        clause = clause.strip()
        if not clause:
            continue
        judgements = _judgements_in(clause)
        previous_end = 0
        for slot in _SLOT.finditer(clause):
            label = next(g for g in slot.groups() if g)
            before = clause[:slot.start()]
            if _ASPIRATION.search(before) or _NEGATION.search(before):
                continue
            owned = [name for pos, name in judgements if previous_end <= pos < slot.start()]
            if slot.group("g2") and not owned:
                owned = [name for pos, name in judgements if slot.start() <= pos < slot.end() + 40][:1]
            if not owned:
                if slot.group("g4") and not _SERVICES_SUBJECT.search(before):
                    continue
                owned = ["overall_effectiveness"]
            previous_end = slot.end()
            grade = normalise_grade(label)
            if grade is None:
                continue
            year_match = _YEAR.search(clause[slot.start():]) or _YEAR.search(clause)
            year = int(next(g for g in year_match.groups() if g)) if year_match else None
            near = clause[max(0, slot.start() - 25):slot.end() + 40]
            historical = bool(_HISTORY_CUE.search(near))
            for judgement in dict.fromkeys(owned):
                claims.append(RatingClaim(judgement, grade, " ".join(label.split()), year, historical, clause))
    return claims
