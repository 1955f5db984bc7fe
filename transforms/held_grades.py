"""Verdicts told by what a council did with its grade, with no verb of judging: it kept it or it climbed to it.

"Northtown holds 'good'", "Westshire retained its outstanding rating", "the county kept its good grade":
the grade is the one the inspection reported, now; one given again as at a dated inspection before ("outstanding
again, as it was in 2018", "confirmed what they had said in 2018: outstanding") is also that year's. "has made the
step up to good", "climbed to outstanding": the new grade (the old one, when named, is read by the transition
rules); so is one "regained", "won back" or "returned to", whenever it was lost ("regained the good rating it lost
in 2017"). A grade kept since a year ("kept the good grade it had got back in 2018") is both today's and that
year's. A hope or a negation ("aims to hold on to its good rating") is no verdict; a grade a council "failed to
keep" is the one it had before.
"""

from __future__ import annotations

import re
from dataclasses import replace

from transforms.grades import GRADE_PHRASE, QE, Q, normalise_grade
from transforms.ratings import RatingClaim, other_subject

_HELD = re.compile(
    r"\b(?:(?P<kept>(?:holds?|held|holding|hangs?|hung|clings?|clung)\s+on(?:to|\s+to)?|holds?|held|retains?|retained"
    r"|keeps?|kept|maintains?|maintained)|(?:made|makes|making)\s+the\s+(?:step|leap|jump)\s+up\s+to"
    r"|step(?:s|ped)?\s+up\s+to|climb(?:s|ed)?\s+(?:up\s+)?to|jump(?:s|ed)?\s+to|leap(?:s|t)?\s+to"
    r"|(?P<again>regain(?:s|ed|ing)?|w(?:on|ins?)\s+back|return(?:s|ed|ing)?\s+to|(?:gone|went|goes|got|gets)\s+back\s+to))\s+"
    # ("retained its overall grade of good")
    rf"(?:(?:its|their|the|a|an|her|his)\s+)?(?:(?:overall\s+)?(?:grade|rating|judge?ment)\s+of\s+)?{Q}"
    rf"(?P<grade>{GRADE_PHRASE}){QE}"
    # then a grade noun, or the end of the phrase: not "keeps good records", "holds good relationships"
    r"(?:(?:\s+overall)?\s+(?:rating|grade|judgement|status|verdict)\b|(?=\s*(?:[.,;:!?)]|$)|\s+(?:overall|for|at|in|after|from|with"
    r"|as|and|but|while|despite|since|again|this|today|once)\b))", re.I)
# A grade kept, referred to by the clause telling when it was got: "retains the grade it won in 2020", "kept the same
# rating it had been given in 2019" (the grade is the one named before it: read by `rating_claims`)
_HELD_REFERRED = re.compile(r"\b(?:holds?|held|retains?|retained|keeps?|kept|maintains?|maintained)\s+"
                            r"(?:the\s+same|the|its|their)\s+(?:overall\s+)?(?P<noun>grade|rating|judge?ment|verdict)\s+(?:(?:that|which)\s+)?"
                            r"(?:it|they)\s+(?:had\s+)?(?:first\s+)?(?:won|received|got|earned|achieved|secured"
                            r"|(?:was|were|had\s+been)\s+given)\s+(?:back\s+)?in\s+(?:[A-Z][a-z]+\s+)?"
                            r"(?P<year>(?:19|20)\d{2})\b", re.I)
# A grade kept or stayed at, then named as got at a dated time in an apposition: "remained good, the grade the borough
# had first achieved in 2018", "stayed outstanding, a rating it first won in 2016": today's grade, and that year's
_KEPT_BEFORE = re.compile(r"\b(?:remain(?:s|ed)?|stay(?:s|ed)?|kept|keeps?|retain(?:s|ed)?|held|holds?"
                          r"|maintain(?:s|ed)?|(?:holds?|held|hangs?|hung|clings?|clung)\s+on(?:to|\s+to))"
                          r"\s+(?:at\s+|as\s+)?[‘'\"“]?$", re.I)
_GOT_IN_APPOSITION = re.compile(r"[’'\"”]?\s*,\s*(?:the|a)\s+(?:same\s+)?(?:overall\s+)?"
                                r"(?:grade|rating|judge?ment|verdict)\s+(?:(?:that|which)\s+)?"
                                r"(?:it|they|the\s+[\w-]+|(?-i:[A-Z])[\w'’-]+)\s+(?:had\s+)?(?:first\s+)?"
                                r"(?:won|received|got|earned|achieved|secured|gained|(?:was|were|had\s+been)\s+(?:given|awarded))"
                                r"\s+(?:back\s+)?in\s+(?:[A-Z][a-z]+\s+)?(?P<year>(?:19|20)\d{2})\b", re.I)
# A grade given again, the same as at a dated earlier inspection: "outstanding again, as it was in 2018", "inspectors
# confirmed what they had said in 2018: ... outstanding", "repeats its 2018 verdict": today's grade, and that year's
_AS_BEFORE = re.compile(r"\W*(?:again\W*)?(?:just\s+)?as\s+(?:it|they|the\s+[\w-]+)\s+(?:was|were|had\s+been)\s+"
                        r"(?:back\s+)?in\s+(?:[A-Z][a-z]+\s+)?(?P<year>(?:19|20)\d{2})\b")
_SAME_AS = r"(?:confirm|repeat|echo|reaffirm|restat|maintain|match|mirror|equal)\w*"
_CONFIRMED = re.compile(rf"\b{_SAME_AS}\s+(?:what\s+(?:[\w'’-]+\s+){1,2}?(?:had\s+)?"
                        r"(?:said|found|concluded|judged|decided)|(?:its|their|the)\s+(?:(?:earlier|previous)\s+)?"
                        r"(?:verdict|judge?ment|grade|rating|findings?))\s+(?:(?:back\s+)?in|of|from)\s+"
                        r"(?:[A-Z][a-z]+\s+)?(?P<year>(?:19|20)\d{2})\b"
                        rf"|\b{_SAME_AS}\s+(?:its|their|the)\s+(?P<named>(?:19|20)\d{{2}})\s+"
                        r"(?:verdict|judge?ment|grade|rating|findings?)\b", re.I)
# ... or said right after the grade: "good, which repeats its 2021 verdict", "outstanding, maintaining the judgement
# of 2018" (the grade took that year: it is today's too)
_CONFIRMED_AFTER = re.compile(rf"[’'\"”]?\s*(?:overall\s*)?,?\s*(?:(?:which|and|so)\s+)?(?={_SAME_AS}\s)", re.I)
_NOT_GIVEN = re.compile(r"\b(?:not|never|if|unless|would|could|might|will|hopes?\s+to|aims?\s+to|wants?\s+to|bid\s+to"
                        r"|trying\s+to|struggl\w*\s+to|(?<!\bon\s)to|(?<=\w)['’]d)\s+(?:\w+\s+){0,2}$",
                        re.I)  # ("we'd"; not "held on to")
# "failed to keep its outstanding grade", "did not hold on to good": the grade it had before, lost now
_LOST = re.compile(r"\b(?:fail(?:s|ed|ing)?\s+to|did\s+not|didn['’]t|could\s+not|couldn['’]t|was\s+unable\s+to)\s+$",
                   re.I)
# A time right after a kept or regained grade, no clause or stretch of the grade's own between: the keeping's or
# the regaining's ("held on to outstanding in 2022", "regained good at its inspection in 2021"; not "kept the grade it
# had got back in 2018", "its grade of good, awarded in 2018", "since 2018")
_OWN_TIME = re.compile(r"(?:\s+(?:overall|again|in|during|at|the|its|their|inspection|re-?inspection"
                       r"|(?-i:[A-Z])[a-z]+))*\s+", re.I)
# Where the verdict's own stretch begins: after the last clause joint before it ("Y climbs as Z holds 'good'")
_JOINT = re.compile(r".*(?:[,;]|\s(?:as|while|whereas|and|but)\s)", re.I | re.S)


def held_grades(sentence: str, claims: list[RatingClaim]) -> list[RatingClaim]:
    """The sentence's claims with those told by a kept or reached grade added (in reading order), unless another
    rule already read that grade there."""
    read = {max(sentence.find(c.clause), 0) + c.start: i for i, c in enumerate(claims)}
    claims = list(claims)
    found = []
    for m in _HELD.finditer(sentence):
        grade = normalise_grade(m["grade"])
        if grade is None:
            continue
        if _LOST.search(sentence, 0, m.start()):  # what another rule read there is the grade lost: history
            if (i := read.get(m.start("grade"))) is not None:
                claims[i] = replace(claims[i], status="historical", anchor="previous_inspection")
            continue
        if _NOT_GIVEN.search(sentence, 0, m.start()) or other_subject(sentence[:m.start()]):
            continue  # a hope, a negation, or a grade kept by a school or a home
        if (i := read.get(m.start("grade"))) is not None:  # read already; a grade won back is today's whenever lost
            if claims[i].status != "hypothetical" and (m["again"] or m["kept"] and claims[i].anchor == "stated") \
                    and not _own_year(sentence, m.end(), claims[i]):
                if m["kept"]:  # "kept the good grade it had got back in 2018": that year's grade too
                    found.append(replace(claims[i], status="historical"))
                claims[i] = replace(claims[i], status="current", year=None, anchor="publication")
            continue
        joint = _JOINT.match(sentence, 0, m.start())  # (among the claims: a year it was got may follow it)
        claims.append(RatingClaim("overall_effectiveness", grade, " ".join(m["grade"].split()), None, "current",
                                 sentence, m.start("grade"), joint.end() if joint else 0, judgement_stated=False))
    for m in _HELD_REFERRED.finditer(sentence):  # today's grade, and that year's
        if (i := read.get(m.start("noun"))) is not None and claims[i].status in ("current", "historical") \
                and not _NOT_GIVEN.search(sentence, 0, m.start()) and not _LOST.search(sentence, 0, m.start()):
            found.append(replace(claims[i], status="historical", year=int(m["year"]), anchor="stated"))
            claims[i] = replace(claims[i], status="current", year=None, anchor="publication")
    for i, claim in enumerate(claims):  # a grade kept, and the year it was got
        at = max(sentence.find(claim.clause), 0) + claim.start
        got = _GOT_IN_APPOSITION.match(sentence, at + len(claim.grade_label))
        if got and claim.status in ("current", "historical") and _KEPT_BEFORE.search(sentence, 0, at) \
                and claim.year in (None, int(got["year"])) and not _NOT_GIVEN.search(sentence, 0, at):
            found.append(replace(claim, status="historical", year=int(got["year"]), anchor="stated"))
            claims[i] = replace(claim, status="current", year=None, anchor="publication")
    for i, claim in enumerate(claims):  # today's grade, and the earlier year's it repeats
        at = max(sentence.find(claim.clause), 0) + claim.start
        confirmed = list(_CONFIRMED.finditer(sentence, 0, at))
        after = _CONFIRMED_AFTER.match(sentence, at + len(claim.grade_label))
        earlier = _AS_BEFORE.match(sentence, at + len(claim.grade_label)) or (
            _CONFIRMED.match(sentence, after.end()) if after else None) or (confirmed[-1] if confirmed else None)
        if earlier is None or claim.status not in ("current", "historical") \
                or (claim.status == "historical" and not after):
            continue
        year = int(earlier["year"] or earlier["named"])
        if claim.anchor == "publication" or claim.year == year:  # (not a year of its own: "In 2020 it was good
            found.append(replace(claim, status="historical", year=year, anchor="stated"))  # again, as in 2016")
            claims[i] = replace(claim, year=None, status="current", anchor="publication")
    return sorted(claims + found, key=lambda c: max(sentence.find(c.clause), 0) + c.start)


def _own_year(sentence: str, end: int, claim: RatingClaim) -> bool:
    """The claim's year is told right after the kept or regained grade, with no clause or stretch of its own between
    ("held on to outstanding in 2022"): the year of the keeping, not of an earlier getting."""
    at = sentence.find(str(claim.year), end) if claim.anchor == "stated" and claim.year is not None else -1
    return at >= 0 and bool(_OWN_TIME.fullmatch(sentence, end, at))
