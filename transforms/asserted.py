"""Which of a sentence's verdicts it asserts, as questions and answers in minutes put them.

Minutes record questions ("Given that Ofsted rated our services inadequate last month, will the Cabinet Member
...?") and answers ("the first time any part of the service had received the top grade"). A question asks
about what follows its auxiliary, but what it takes as given, in an opening adjunct ("given that", "now that",
"since", "after", "following", "in light of"), it asserts: that verdict stands; so is a council described in
passing, by a clause set off by a comma (", which was rated good in 2019"). And a grade in the reach of an
"any" ranging over the judgements ("any part of the service", "an outstanding judgement in any area") speaks of
no judgement in particular: such an "any" is said only where none is asserted (the first time, a negation, a
question, a condition), so it is no verdict.

The other sentences that name grades without giving any are rhetoric's (`transforms.rhetoric.unasserted`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from transforms.ratings import RatingClaim
from transforms.rhetoric import unasserted

# An adjunct opening a question that states what it takes as given: after the start of the sentence, or of a
# quotation after a colon ('Councillor X asked: "Given that ...'), up to the comma before the question proper
_GIVEN = re.compile(r"(?:^|[:;]\s*)[\W]*(?P<opener>given\s+that|now\s+that|since|after|following"
                    r"|in\s+(?:the\s+)?light\s+of|considering(?:\s+that)?|bearing\s+in\s+mind(?:\s+that)?)\b", re.I)
# The question proper after the adjunct: a comma, then an auxiliary or a question word
_ASKING = re.compile(r",\s+(?:(?:and|so|then)\s+)?(?:will|would|can|could|does|do|did|is|are|was|were|has|have|had"
                     r"|should|shall|may|might|must|what|how|why|when|where|who|which)\b", re.I)
_QUESTION = re.compile(r"\?[\s’'\"”)]*$")
# A council or service described in passing, by a clause set off by a comma: "how do we compare with Leeds, which
# was rated outstanding in 2022?", "asked whether the service, judged inadequate in 2015, had been forgotten": not
# what the question asks, so asserted
# A question reported: "asked whether ...", "wondered why ..."
_ASKED = re.compile(r"\b(?:ask(?:s|ed|ing)?|wonder(?:s|ed|ing)?|quer(?:y|ies|ied|ying)|(?:en|in)quir(?:e|es|ed|ing))\b"
                    r"[^.;]{0,30}?\b(?:whether|if|why|how|what|when)\b", re.I)
_DESCRIBED = re.compile(r",\s+(?:(?:which|who)\s+(?:(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+)?"
                        r"(?=(?:\w+\s+){0,2}?(?:rated|judged|graded|found|deemed|assessed|given|awarded|received)\b)"
                        r"|(?=(?:rated|judged|graded|found|deemed)\s))[^,;?]*", re.I)
# "any" ranging over the judgements: "any part of the service", "in any area", "any of its judgements" (not "any
# children", "any longer": no judgement left unnamed)
_ANY = re.compile(r"\bany\s+(?:(?:single|one|other)\s+)?(?:of\s+(?:the|its|their)\s+(?:[\w-]+\s+)?)?"
                  r"(?:parts?|areas?|aspects?|elements?|(?:sub-?)?judge?ments?|services?|categor(?:y|ies)|domains?"
                  r"|strands?)\b", re.I)
# The stretch "any" reaches: its clause, between commas, semicolons, colons, brackets and dashes
_STRETCH_END = re.compile(r"[,;:()]|\s[-–—]\s")


def asserted(sentence: str, claims: list[RatingClaim]) -> list[RatingClaim]:
    """The sentence's claims, those it does not assert made hypothetical (see the module docstring)."""
    if not claims:
        return claims
    read = unasserted(sentence, claims)
    if _QUESTION.search(sentence) or _ASKED.search(sentence):
        kept = [m.span() for m in _DESCRIBED.finditer(sentence)]
        if (given := _given_span(sentence)) is not None:
            kept.append(given)
        read = [original if any(a <= _at(sentence, original) < b for a, b in kept) else claim
                for claim, original in zip(read, claims, strict=True)]
    stretches = _any_stretches(sentence)
    if not stretches:
        return read
    return [replace(c, status="hypothetical") if any(a <= _at(sentence, c) < b for a, b in stretches) else c
            for c in read]


def _at(sentence: str, claim: RatingClaim) -> int:
    """Where the claim's grade stands in the sentence."""
    return max(sentence.find(claim.clause), 0) + claim.start


def _given_span(sentence: str) -> tuple[int, int] | None:
    """(start, end) of the adjunct a question takes as given, if it opens with one."""
    opened = _GIVEN.search(sentence)
    if opened is None:
        return None
    asking = list(_ASKING.finditer(sentence, opened.end()))
    return (opened.start("opener"), asking[-1].start()) if asking else None


def _any_stretches(sentence: str) -> list[tuple[int, int]]:
    """The clauses of the sentence that "any" reaches."""
    spans = []
    for m in _ANY.finditer(sentence):
        before = [e.end() for e in _STRETCH_END.finditer(sentence, 0, m.start())]
        after = _STRETCH_END.search(sentence, m.end())
        spans.append((before[-1] if before else 0, after.start() if after else len(sentence)))
    return spans
