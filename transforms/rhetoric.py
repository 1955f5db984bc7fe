"""Sentences that name grades without giving any: a question asks ("How does a council go from good to inadequate
in a year?", "What was its good rating worth?"; reported: "A member asked whether it could be found inadequate"), a
description of the grading scale lists every grade a council could get ("It will grade each area outstanding, good,
requires improvement or inadequate"), and a grade spoken of as a grade measures no council ("adequate is a long way
from good", "requires improvement is not failure").

A past-tense "why/how/when" question keeps its verdicts: "Why was Luton rated inadequate?" takes the rating as given.
"""

from __future__ import annotations

import re
from dataclasses import replace

from transforms.grades import GRADE_PHRASE, QE, Q, normalise_grade
from transforms.ratings import RatingClaim

_QUESTION = re.compile(r"\?[\s’'\"”)]*$")
# "Why was it rated inadequate?", "How did Luton come to be judged inadequate?": the verdict is taken as given
_PRESUPPOSED = re.compile(r"^\W*(?:why|how|when)\s+(?:was|were|did|had)\b", re.I)
_G = rf"{Q}{GRADE_PHRASE}{QE}"
_GRADE = re.compile(GRADE_PHRASE, re.I)
# The scale: three or more grades offered as alternatives ("outstanding, good, requires improvement or
# inadequate"), or its ends ("on a four-point scale from outstanding to inadequate")
_ALTERNATIVES = re.compile(rf"{_G}(?:\s*,\s*{_G})+,?\s+or\s+{_G}", re.I)
_SCALE_ENDS = re.compile(rf"\b(?:scale|range)\s+(?:[\w-]+\s+){{0,3}}?from\s+{_G}\s+(?:to|through)\s+{_G}", re.I)

# The grade itself as the subject, in the present: "Adequate is a long way from good", "Requires improvement is not
# failure", "Good means ..." (not "Inadequate was the verdict on ...": a past verdict)
_GRADE_AS_SUBJECT = re.compile(r"(?:^|[,;:]\s*|\b(?:that|say|says|said|argues?|argued|insists?|insisted)\s+)\W*"
                               rf"(?:(?:but|and|yet|so|still|after\s+all),?\s+)?{_G}\s+"
                               r"(?:is|isn['’]t|means|remains|sounds|seems)\b"
                               # (not "Requires improvement is the overall verdict": the verdict given)
                               r"(?!\s+(?:now\s+|still\s+)?(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?"
                               r"(?:verdict|grade|rating|judge?ment|outcome)\b)",
                               re.I)
# A distance from a grade: "a long way from good", "far from outstanding", "still short of good"
_DISTANCE = re.compile(rf"\b(?:(?:a\s+)?(?:long|short|some)\s+way|far|miles)\s+(?:away\s+)?from\s+{_G}"
                       rf"|\bshort\s+of\s+{_G}", re.I)


# A question reported: "asked whether the council could be found inadequate", "wondered if it would be rated good";
# "asked what an outstanding judgement would have required" (a "what" question only with a modal: "asked what had
# led to the inadequate rating" takes the rating as given)
_ASKED = re.compile(r"\b(?:ask(?:s|ed|ing)?|wonder(?:s|ed|ing)?|quer(?:y|ies|ied|ying)|question(?:s|ed|ing)?"
                    r"|(?:en|in)quir(?:e|es|ed|ing))\b[^.;]{0,30}?\b(?:(?P<yes_no>whether|if)|what)\b", re.I)
_MODAL = re.compile(r"\b(?:would|could|might|should|will|can)\b", re.I)


def unasserted(sentence: str, claims: list[RatingClaim]) -> list[RatingClaim]:
    """The sentence's claims, those it only asks about, lists as the scale or speaks of as grades made hypothetical."""
    if not claims:  # most sentences grade nothing: no need to read them
        return claims
    if _QUESTION.search(sentence) and not _PRESUPPOSED.match(sentence):
        return [replace(c, status="hypothetical") for c in claims]
    if (asked := _ASKED.search(sentence)) and (asked["yes_no"] or _MODAL.search(sentence, asked.end())):
        claims = [replace(c, status="hypothetical") if sentence.find(c.clause) + c.start > asked.start() else c
                  for c in claims]
    scales = [m.span() for m in _ALTERNATIVES.finditer(sentence)
              if len({normalise_grade(g.group()) for g in _GRADE.finditer(m.group())}) >= 3]
    scales += [m.span() for m in _SCALE_ENDS.finditer(sentence)] + [m.span() for m in _DISTANCE.finditer(sentence)]
    scales += [(m.start(), len(sentence)) for m in _GRADE_AS_SUBJECT.finditer(sentence)]
    if not scales:
        return claims
    out = []
    for claim in claims:
        at = sentence.find(claim.clause) + claim.start
        scale = any(a <= at < b for a, b in scales)
        out.append(replace(claim, status="hypothetical") if scale else claim)
    return out
