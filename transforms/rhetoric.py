"""Sentences that name grades without giving any: a question asks ("How does a council go from good to inadequate
in a year?", "What was its good rating worth?"; reported: "A member asked whether it could be found inadequate"), a
description of the grading scale lists every grade a council could get ("It will grade each area outstanding, good,
requires improvement or inadequate"), and a grade spoken of as a grade measures no council ("adequate is a long way
from good", "requires improvement is not failure"), and a claim under examination gives none ("Claim: the council
took children's services from inadequate to good", "the claim that it was rated inadequate is wrong"), nor does a
condition put by inversion ("Had it been rated inadequate, ...") or a near miss ("came close to being judged
inadequate"), nor a grade refused as a standard ("would not settle for good").

A past-tense "why/how/when" question keeps its verdicts: "Why was Luton rated inadequate?" takes the rating as given.
"""

from __future__ import annotations

import re
from dataclasses import replace

from transforms.grades import GRADE_PHRASE, QE, VERDICT_PARTICIPLE, Q, normalise_grade
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

# A grade refused as a standard, the object of a negated verb of accepting ("refused to accept 'requires improvement'
# as the best it could do", "will not settle for good", "never content with requires improvement"): no verdict given
_REFUSED = re.compile(r"\b(?:refus(?:e|es|ed|ing)\s+to|(?:would|will|could|did|does|do|was|were|is|are)"
                      r"\s*(?:not|n['’]t)|won['’]t|never|not|no\s+longer)\s+(?:[\w-]+\s+){0,2}?(?:accept(?:s|ed|ing)?"
                      rf"|settl(?:e|es|ed|ing)\s+for|tolerat(?:e|es|ed|ing)|(?:content|satisfied|happy)\s+with)\s+{_G}",
                      re.I)

# A question reported: "asked whether the council could be found inadequate", "wondered if it would be rated good";
# "asked what an outstanding judgement would have required" (a "what" question only with a modal: "asked what had
# led to the inadequate rating" takes the rating as given)
_ASKED = re.compile(r"\b(?:ask(?:s|ed|ing)?|wonder(?:s|ed|ing)?|quer(?:y|ies|ied|ying)|question(?:s|ed|ing)?"
                    r"|(?:en|in)quir(?:e|es|ed|ing))\b[^.;]{0,30}?\b(?:(?P<yes_no>whether|if)|what)\b", re.I)
_MODAL = re.compile(r"\b(?:would|could|might|should|will|can)\b", re.I)

# A claim under examination, not the writer's: a fact-check's label ("Claim: the council took children's services
# from inadequate to good"), what a claim says ("the claim that it was rated inadequate is wrong", "the leaflet claims
# the service was judged good"), or said to be false ("it is untrue that Oldtown was ever inadequate"); up to the end
# of its clause (not "Oldtown claimed a good rating and has kept it": won)
# ... or a fact-check's heading: "Fact check: ...", "Reality check: ...", "Election watch: ...", "True or false: ..."
_CLAIM_LABEL = re.compile(r"^\W*(?:the\s+)?(?:claim|allegation|myth|rumou?r|(?:[\w-]+\s+)?watch"
                          r"|fact[-\s]?check(?:ed|er)?|(?:reality|claim)\s+check|true\s+or\s+false|myth[-\s]?bust(?:er|ing))"
                          r"\s*:", re.I)
_CLAIMED = re.compile(r"\b(?:(?:claim|suggestion|assertion|allegation|impression|idea|notion|myth|rumou?r)s?\s+that"
                      r"|claim(?:s|ed|ing)?\s+(?:that\b|(?!(?:[\w'’-]+\s+){0,3}?(?:rating|grade|judge?ment|verdict|award|title)s?\b)"
                      r"(?=(?:[\w'’-]+\s+){1,6}?(?:was|were|is|are|had|has|have)\b))"
                      r"|\bit\s+(?:is|was)\s+(?:simply\s+|just\s+)?(?:false|untrue|not\s+true|wrong|incorrect|a\s+myth)"
                      r"\s+(?:to\s+(?:say|claim|suggest)\s+)?that)\b", re.I)
_CLAUSE_END = re.compile(r"[;:]|\s[-–—]\s")
# What the sentence goes on to call false: 'The post says it "went from inadequate to good", which is misleading'
_DISPUTED = re.compile(r",\s+which\s+(?:is|was)\s+(?:simply\s+|just\s+|both\s+)?(?:misleading|wrong|false|untrue"
                       r"|inaccurate|not\s+(?:true|right|correct|accurate|the\s+case))\b", re.I)
# A condition put by inversion, up to its comma: "Had the council been rated inadequate, commissioners would ...",
# "Were it judged inadequate, ...", "Should Oldtown be found inadequate, ..."
# ... or by "had" before its subject and any verb: "Had it kept outstanding, ...", "Had Oldtown held on to good, ..."
_INVERTED_CONDITION = re.compile(r"(?:^|[;:]\s*)\W*(?:(?:had|were|should)\s+(?:[\w'’-]+\s+){1,5}?(?:been|be|to\s+be"
                                 rf"|{VERDICT_PARTICIPLE})\b"
                                 r"|had\s+(?:it|they|we|(?:the|its|their|our)\s+[\w'’-]+|(?-i:[A-Z])[\w'’-]+)"
                                 r"(?:\s+(?:not|never|only))?\s+(?-i:[a-z])[\w'’-]+\b)[^,;]*", re.I)
# A near miss, up to the end of its clause: "came close to being judged inadequate", "a whisker away from
# inadequate", "on the brink of an inadequate rating"
_NEAR_MISS = re.compile(r"\b(?:(?:came|come|comes|coming)\s+close\s+to|close\s+to\s+being"
                        r"|whisker\s+(?:away\s+)?(?:from|of)|on\s+the\s+(?:brink|verge|edge)\s+of|teeter\w*\s+on)\b",
                        re.I)


def unasserted(sentence: str, claims: list[RatingClaim]) -> list[RatingClaim]:
    """The sentence's claims, those it only asks about, lists as the scale, speaks of as grades or examines as someone's
    claim made hypothetical."""
    if not claims:  # most sentences grade nothing: no need to read them
        return claims
    if (_QUESTION.search(sentence) and not _PRESUPPOSED.match(sentence)) or _CLAIM_LABEL.match(sentence):
        return [replace(c, status="hypothetical") for c in claims]
    if (asked := _ASKED.search(sentence)) and (asked["yes_no"] or _MODAL.search(sentence, asked.end())):
        claims = [replace(c, status="hypothetical") if sentence.find(c.clause) + c.start > asked.start() else c
                  for c in claims]
    unsaid = [m.span() for m in _ALTERNATIVES.finditer(sentence)
              if len({normalise_grade(g.group()) for g in _GRADE.finditer(m.group())}) >= 3]
    unsaid += [m.span() for m in _SCALE_ENDS.finditer(sentence)] + [m.span() for m in _DISTANCE.finditer(sentence)]
    unsaid += [m.span() for m in _REFUSED.finditer(sentence)]
    unsaid += [(m.start(), len(sentence)) for m in _GRADE_AS_SUBJECT.finditer(sentence)]
    unsaid += [(m.start(), end.start() if (end := _CLAUSE_END.search(sentence, m.end())) else len(sentence))
               for m in [*_CLAIMED.finditer(sentence), *_NEAR_MISS.finditer(sentence)]]
    unsaid += [m.span() for m in _INVERTED_CONDITION.finditer(sentence)]
    unsaid += [(0, m.start()) for m in _DISPUTED.finditer(sentence)]
    if not unsaid:
        return claims
    out = []
    for claim in claims:
        at = sentence.find(claim.clause) + claim.start
        out.append(replace(claim, status="hypothetical") if any(a <= at < b for a, b in unsaid) else claim)
    return out
