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
                   r"|service\s+management"
                   r"|\bleadership\b"),
    ("help_and_protection", r"(?:children\s+)?(?:who\s+)?(?:need|needing|requiring)\s+help\s+and\s+protection"
                            r"|help\s+and\s+protection"),
    ("children_in_care", r"children\s+in\s+care(?:\s+and\s+care\s+leavers)?|children\s+looked\s+after"
                         r"(?:\s+and\s+achieving\s+permanence)?|looked[-\s]after\s+children"),
    ("care_leavers", r"care\s+leavers"),
    ("adoption", r"adoption\s+performance|\badoption\b"),
    ("lscb", r"(?:local\s+)?safeguarding\s+children(?:'s)?\s+boards?|\bLSCB\b|safeguarding\s+partnership"),
    ("safeguarding", r"\bsafeguarding\b"),  # the pre-2013 frameworks' safeguarding judgement
    ("other", r"capacity\s+to\s+improve"),
]
_JUDGEMENT = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in JUDGEMENT_PATTERNS), re.I)
_JUDGEMENT_ALTERNATIVES = "|".join(f"(?:{pattern})" for _, pattern in JUDGEMENT_PATTERNS)

# Grade slots: a grade used as a verdict. Each alternative captures the grade words as `g1`..`g4`.
_VERDICT_VERBS = (r"\b(?:rated|rates|judged|graded|assessed|deemed|found\s+to\s+be|declared|ranked"
                  r"|(?:downgraded|upgraded|moved|improved|slipped|fallen|fell|dropped|risen|rose)\s+to)")
_DETERMINER = r"(?:an?|the|its|their|previous|latest|last|overall|new|first)"
_GAP_WORD = rf"(?!as\b|requir\w*\b|{GRADE_PHRASE})[\w'’-]+"  # words between a verb and its grade: no other grade
_SLOT = re.compile(
    # "judged the impact of leaders on social work practice to be good"
    rf"{_VERDICT_VERBS}\s+(?:{_GAP_WORD}\s+){{1,16}}?(?:to\s+be|as)\s+{Q}(?P<g5>{GRADE_PHRASE}){QE}"
    rf"|{_VERDICT_VERBS}\s+(?:{_GAP_WORD}\s+){{0,12}}?(?:as\s+)?(?:being\s+)?{Q}(?P<g1>{GRADE_PHRASE}){QE}"
    # "..., and the experiences and progress of children in care outstanding" (the verb stated once before)
    rf"|(?<=\band\s)(?:the\s+)?(?:[\w'’-]+\s+){{0,8}}?(?:{_JUDGEMENT_ALTERNATIVES})\s+{Q}(?P<g6>{GRADE_PHRASE}){QE}"
    rf"(?=\s*(?:[.,;:]|$))"
    # "a 'good' rating", "the previous requires improvement judgement" (not "showed poor judgement")
    rf"|(?:[‘'\"“](?P<g2q>{GRADE_PHRASE})[’'\"”]|\b{_DETERMINER}\s+(?:overall\s+)?{Q}"
    rf"(?P<g2>requires?\s+improvement(?:\s+to\s+be\s+good)?|inadequate|outstanding|good){QE})"
    rf"\s+(?:overall\s+)?(?:grade|grading|rating|judgements?|judgments?|verdict)\b"
    rf"|{Q}(?P<g3>requires?\s+improvement(?:\s+to\s+be\s+good)?){QE}"
    rf"|\b(?:perform(?:s|ing)?)\s+(?P<g7>poorly|adequately|well|excellently)\b"
    rf"|\b(?:is|are|was|were|been|remains?|remained)\s+(?:still\s+)?{Q}(?P<g4>inadequate|outstanding|good|adequate){QE}"
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
    r"\b(?:schools?|children['’]?s\s+homes?|care\s+homes?|homes?\s+run|(?:the|a)\s+(?:[\w-]+\s+){0,2}home\b|nurser(?:y|ies)|academ(?:y|ies)|colleges?"
    r"|providers?|councils|local\s+authorities|authorities|per\s*cent|percent|nationally|across\s+England"
    r"|in\s+England|fostering\s+(?:agenc(?:y|ies)|services?)|adoption\s+agenc(?:y|ies)|hospitals?|(?:NHS|hospital|health)\s+trusts?"
    r"|by\s+the\s+CQC|Care\s+Quality\s+Commission|police\s+force|constabulary|probation\s+service)\b|%", re.I)
# "12 were judged inadequate", "seven councils are rated good": counts of councils, not a council's grade.
_AGGREGATE = re.compile(
    r"\b(?:none|no\s+councils?|neither)\s+(?:of\s+\w+\s+)?(?:were|was|has|have|is|are)\s+(?:been\s+)?(?:rated|judged)"
    r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|several|many|most|half|a\s+third"
    r"|a\s+quarter)\s+(?:of\s+(?:them|these|those)\s+|\w+\s+)?(?:(?:were|are|have\s+been|had\s+been|was|remain)\s+)?"
    r"(?:now\s+)?(?:rated|judged|graded|found)\b", re.I)
# A grade named at a visit or a conversation is the standing grade from an earlier inspection.
_VISIT = re.compile(r"\b(?:focused|monitoring)\s+visit|\bannual\s+(?:engagement\s+)?conversation", re.I)
# "rated good at its previous inspection", "judged inadequate at the last inspection in 2016"
_HISTORY_AFTER = re.compile(
    r"\W*(?:\w+\s+){0,3}?(?:at|in|during|under)\s+(?:its|the|their)\s+(?:previous|last|earlier)\b", re.I)
_APA_CONTEXT = re.compile(r"\bassessment\b|\bAPA\b", re.I)
_FOR_OR_AS_WERE = re.compile(r"(?:\s*,?\s*(?:as\s+(?:were|was|had|did)|for)\s+[^,;]+?)+(?=[,;.]|$)", re.I)
_CLAUSE_BREAK = re.compile(r"\s[-–—]\s|;|\bwhile\b|\bwhereas\b|\bbut\b|,\s+(?=(?:up|down)\s+from\b)")
_YEAR = re.compile(r"\b(?:in|since|from|during)\s+((?:19|20)\d{2})\b|\(((?:19|20)\d{2})\)", re.I)
_SINCE_LAST = re.compile(r"\bsince\s+(?:the|its|their)\s+(?:previous|last|earlier)\s+inspection\b", re.I)
_LEADING_YEAR = re.compile(r"^\W*(?:in|by|during)\s+((?:19|20)\d{2})\b", re.I)
_YEAR_OF_INSPECTION = re.compile(r"\b((?:19|20)\d{2})\s+(?:[\w-]+\s+){0,3}(?:inspection|assessment|review|report)\b",
                                 re.I)
_HISTORY_CUE = re.compile(r"\b(?:previous(?:ly)?|last\s+inspect(?:ion|ed)|earlier|former(?:ly)?|prior"
                          r"|up\s+from|down\s+from)\b", re.I)


@dataclass(frozen=True)
class RatingClaim:
    judgement: str
    grade: str
    grade_label: str
    year: int | None
    is_historical: bool
    clause: str
    start: int = 0  # where the grade stands in the clause
    segment: int = 0  # where the text this verdict owns begins: councils named from here to `start` own it


def other_subject(text: str) -> bool:
    """The text is about someone other than a council's children's services: a school, a home, councils at large."""
    return bool(_OTHER_SUBJECT.search(text))


def _judgements_in(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.lastgroup) for m in _JUDGEMENT.finditer(text)]


_JUDGEMENTS_JOINED = re.compile(
    r"^(?:\s*(?:,|and|&|as\s+well\s+as|the|experiences|progress|of|for|its|their|those)\s*)*$", re.I)


def _joined_judgements(text: str, judgements: list[tuple[int, int, str]], start: int, end: int) -> list[str]:
    """The judgement named nearest before a grade, with those joined to it ("help and protection and children in
    care were rated good"); not one merely mentioned earlier ("an inspection of safeguarding ... judged X good")."""
    before = [j for j in judgements if start <= j[0] < end]
    if not before:
        return []
    chain = [before[-1]]
    for judgement in reversed(before[:-1]):
        if not _JUDGEMENTS_JOINED.match(text[judgement[1]:chain[-1][0]]):
            break
        chain.append(judgement)
    return [name for _, _, name in reversed(chain)]


def _year_near(clause: str, start: int, end: int, since: int = 0) -> tuple[int | None, int]:
    """(year, where its mention ends) for a verdict: a year stated right after the grade ("rated good in 2015"),
    just before it but after any earlier verdict ("In 2015 it was ..."), leading the clause ("In 2012, an
    inspection ... judged"), or naming the inspection ("its 2006 annual performance assessment")."""
    if m := _YEAR.search(clause, end, end + 60):
        return int(next(g for g in m.groups() if g)), m.end()
    m = (_YEAR.search(clause, max(since, start - 40), start) or (_LEADING_YEAR.match(clause) if since == 0 else None)
         or _YEAR_OF_INSPECTION.search(clause, since))
    return (int(next(g for g in m.groups() if g)) if m else None), end


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
    at_visit = bool(_VISIT.search(sentence))
    for clause in _CLAUSE_BREAK.split(sentence):
        clause = clause.strip()
        if not clause or _OTHER_SUBJECT.search(clause) or _AGGREGATE.search(clause):
            continue
        judgements = _judgements_in(clause)
        owner = next((name for _, _, name in judgements), "overall_effectiveness")
        transitions, scanned = _transitions(clause)
        verdicts: list[tuple[int, int, list[str], str, bool, int | None]] = []  # start, end, owned, label, hist, year
        for label, _grade, historical, start, end in transitions:
            verdicts.append((start, end, [owner], label, historical, _year_near(clause, start, end)[0]))
        previous_end = 0
        for slot in _SLOT.finditer(scanned):
            group = next(name for name, value in slot.groupdict().items() if value)
            label = slot.group(group)
            before = scanned[:slot.start()]
            if _ASPIRATION.search(before) or _NEGATION.search(before):
                continue
            if group == "g6" and not verdicts:  # a bare "X good" only continues a verdict already given
                continue
            if group == "g7":  # "performs well" is a grade only in an annual performance assessment
                if not _APA_CONTEXT.search(sentence):
                    continue
                label = f"performs {label}"
            owned = _joined_judgements(scanned, judgements, previous_end, slot.start(group))
            if (slot.group("g2") or slot.group("g2q")) and not owned:
                owned = [name for pos, _, name in judgements if slot.start() <= pos < slot.end() + 40][:1]
            following = _FOR_OR_AS_WERE.match(scanned, slot.end())
            if following:  # "judged inadequate for help and protection and for leadership", "good, as were X"
                owned += [name for pos, _, name in judgements if following.start() <= pos < following.end()]
            if not owned:
                if slot.group("g4") and not _SERVICES_SUBJECT.search(before):
                    continue
                owned = ["overall_effectiveness"]
            since = previous_end  # text before this verdict that no earlier verdict owns
            own_text = _SINCE_LAST.sub(" ", scanned[since:slot.end()])  # "improved since the last inspection"
            historical = bool(_HISTORY_CUE.search(own_text) or _HISTORY_AFTER.match(scanned, slot.end()))
            year, previous_end = _year_near(scanned, slot.start(group), slot.end(), since)
            if historical and year is None and (m := _YEAR.search(scanned, since)):
                year = int(next(g for g in m.groups() if g))
            verdicts.append((slot.start(group), slot.end(), owned, label, historical, year))
        segment = 0  # each verdict owns the text from the end of the one before it
        for start, end, owned, label, historical, year in sorted(verdicts, key=lambda v: v[0]):
            grade = normalise_grade(label)
            if grade is not None:
                for judgement in dict.fromkeys(owned):
                    claims.append(RatingClaim(judgement, grade, " ".join(label.split()), year, historical or at_visit,
                                              clause, start, segment))
            segment = end
    return claims


# "The boroughs judged to require improvement are Dudley, Walsall and Wolverhampton"
_LIST_AFTER_VERB = re.compile(r"^(?P<lead>.*?\b(?:rated|judged|graded)\b.*?)\s+(?:are|were|include[sd]?)\s+"
                              r"(?P<names>[A-Z][^.]*?(?:,|\band\b)[^.]*?)\.?$")
# "Four councils - Kirklees, Thurrock, Enfield and Cumbria - were rated good"
_DASHED_LIST = re.compile(r"^(?P<lead_a>.*?)\s[-–—]\s(?P<names>[^-–—]+?(?:,|\band\b)[^-–—]+?)\s[-–—]\s(?P<lead_b>.+)$")
_LIST_SEPARATOR = re.compile(r"\s*(?:;|,|\band\b)\s*")


def shared_grade_list(sentence: str) -> tuple[list[RatingClaim], list[str]] | None:
    """'The seven judged inadequate are: A; B; C and D' -> (the grade claims, ['A', 'B', 'C', 'D']): one current
    verdict, with any earlier ones the lead-in recalls ("rated good after previously being judged ...").

    The lead-in before the colon holds the verdict; the names after it are resolved by the caller.
    """
    lead, colon, names = sentence.partition(":")
    if not colon:
        if m := _LIST_AFTER_VERB.match(sentence):
            lead, names = m["lead"], m["names"]
        elif m := _DASHED_LIST.match(sentence):
            lead, names = f"{m['lead_a']} {m['lead_b']}", m["names"]
    if not names.strip():
        return None
    scanned = _OTHER_SUBJECT.sub(" ", _AGGREGATE.sub(" rated", lead))
    claims = rating_claims(scanned)
    if sum(not c.is_historical for c in claims) != 1:
        return None
    items = [n.strip(" .'\"") for n in _LIST_SEPARATOR.split(names.strip().rstrip("."))]
    return claims, [n for n in items if n]


def table_row_claim(row: str) -> RatingClaim | None:
    """'Impact of leaders | Requires improvement to be good' (a judgement table row) -> the claim."""
    cells = [c.strip() for c in row.split(" | ") if c.strip()]
    if len(cells) < 2:
        return None
    label = next((c for c in cells if normalise_grade(c)), None)
    if label is None:
        return None
    judgement = next((m.lastgroup for c in cells if c != label and len(c) < 160 and (m := _JUDGEMENT.search(c))),
                     None)
    if judgement is None:
        return None
    return RatingClaim(judgement, normalise_grade(label), label, None, False, row)
