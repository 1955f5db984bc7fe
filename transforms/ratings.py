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

# Grade slots: a grade used as a verdict. Each alternative captures the grade words as `g1`..`g4`.
_VERDICT_VERBS = (r"\b(?:rated|judged|graded|assessed|deemed|found\s+to\s+be|declared|ranked"
                  r"|(?:downgraded|upgraded|moved|improved|slipped|fallen|fell|dropped|risen|rose)\s+to)")
_DETERMINER = r"(?:an?|the|its|their|previous|latest|last|overall|new|first)"
_SLOT = re.compile(
    rf"{_VERDICT_VERBS}\s+(?:(?!as\b)[\w'’-]+\s+){{0,6}}?(?:as\s+)?(?:being\s+)?{Q}(?P<g1>{GRADE_PHRASE}){QE}"
    # "a 'good' rating", "the previous requires improvement judgement" (not "showed poor judgement")
    rf"|(?:[‘'\"“](?P<g2q>{GRADE_PHRASE})[’'\"”]|\b{_DETERMINER}\s+(?:overall\s+)?{Q}"
    rf"(?P<g2>requires?\s+improvement(?:\s+to\s+be\s+good)?|inadequate|outstanding|good){QE})"
    rf"\s+(?:overall\s+)?(?:grade|grading|rating|judgements?|judgments?|verdict)\b"
    rf"|{Q}(?P<g3>requires?\s+improvement(?:\s+to\s+be\s+good)?){QE}"
    rf"|\b(?:is|are|was|were|been|remains?|remained)\s+(?:still\s+)?{Q}(?P<g4>inadequate|outstanding|good){QE}"
    rf"(?=[\s.,;:]|$)",
    re.I,
)
# "from requires improvement to good", "up from good": the first grade is the earlier one.
_TRANSITION = re.compile(
    rf"\b(?:(?:up|down)\s+)?from\s+{Q}(?P<old>{GRADE_PHRASE}){QE}"
    rf"(?:\s+to\s+{Q}(?P<new>{GRADE_PHRASE}){QE})?(?=[\s.,;:]|$)", re.I)
_ASPIRATION = re.compile(r"\bto\s+(?:get|reach|receive|achieve|be|become|gain|secure|move\s+to)\s+(?:an?\s+|the\s+)?$",
                         re.I)
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer)\s+(?:\w+\s+){0,2}$", re.I)
_SERVICES_SUBJECT = re.compile(r"(?:services|department|council|authority)\W*(?:\w+\W+){0,3}$", re.I)
# A grade given to someone else: a school, a children's home, councils in general, a share of them.
_OTHER_SUBJECT = re.compile(
    r"\b(?:schools?|children'?s\s+homes?|care\s+homes?|homes?\s+run|nurser(?:y|ies)|academ(?:y|ies)|colleges?"
    r"|providers?|councils|local\s+authorities|authorities|per\s*cent|percent|nationally|across\s+England"
    r"|in\s+England|fostering\s+agenc(?:y|ies)|adoption\s+agenc(?:y|ies))\b|%", re.I)
_CLAUSE_BREAK = re.compile(r"\s[-–—]\s|;|\bwhile\b|\bwhereas\b|\bbut\b|,\s+(?=(?:up|down)\s+from\b)")
_YEAR = re.compile(r"\b(?:in|since|from|during)\s+((?:19|20)\d{2})\b|\(((?:19|20)\d{2})\)")
_HISTORY_CUE = re.compile(r"\b(?:previous(?:ly)?|last\s+inspection|earlier|former(?:ly)?|prior|had\s+been\s+rated"
                          r"|up\s+from|down\s+from)\b", re.I)


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


def _year_near(clause: str, start: int, end: int) -> int | None:
    """A year stated right after the grade ("rated good in 2015") or just before it ("In 2015 it was ...")."""
    m = _YEAR.search(clause[end:end + 40]) or _YEAR.search(clause[max(0, start - 40):start])
    return int(next(g for g in m.groups() if g)) if m else None


def _transitions(clause: str) -> tuple[list[tuple[str, str, bool, int, int]], str]:
    """(label, grade, historical, start, end) for 'from X to Y' phrases, and the clause with them blanked out."""
    found = []
    for m in _TRANSITION.finditer(clause):
        found.append((m["old"], normalise_grade(m["old"]), True, m.start("old"), m.end("old")))
        if m["new"]:
            found.append((m["new"], normalise_grade(m["new"]), False, m.start("new"), m.end("new")))
        clause = clause[:m.start()] + " " * (m.end() - m.start()) + clause[m.end():]
    return found, clause


def rating_claims(sentence: str) -> list[RatingClaim]:
    """Every (judgement, grade) verdict in one sentence, clause by clause."""
    claims: list[RatingClaim] = []
    for clause in _CLAUSE_BREAK.split(sentence):
        clause = clause.strip()
        if not clause or _OTHER_SUBJECT.search(clause):
            continue
        judgements = _judgements_in(clause)
        owner = next((name for _, name in judgements), "overall_effectiveness")
        transitions, scanned = _transitions(clause)
        for label, grade, historical, start, end in transitions:
            year = _year_near(clause, start, end)
            claims.append(RatingClaim(owner, grade, " ".join(label.split()), year, historical, clause))
        previous_end = 0
        for slot in _SLOT.finditer(scanned):
            label = next(g for g in slot.groups() if g)
            before = scanned[:slot.start()]
            if _ASPIRATION.search(before) or _NEGATION.search(before):
                continue
            owned = [name for pos, name in judgements if previous_end <= pos < slot.start()]
            if (slot.group("g2") or slot.group("g2q")) and not owned:
                owned = [name for pos, name in judgements if slot.start() <= pos < slot.end() + 40][:1]
            if not owned:
                if slot.group("g4") and not _SERVICES_SUBJECT.search(before):
                    continue
                owned = ["overall_effectiveness"]
            previous_end = slot.end()
            grade = normalise_grade(label)
            if grade is None:
                continue
            near = scanned[max(0, slot.start() - 25):slot.end() + 40]
            historical = bool(_HISTORY_CUE.search(near))
            year = _year_near(scanned, slot.start(), slot.end())
            for judgement in dict.fromkeys(owned):
                claims.append(RatingClaim(judgement, grade, " ".join(label.split()), year, historical, clause))
    return claims
