"""Verdicts that take their time from another: a "with ..." clause from its main clause, "at that time" and "on
that occasion" from the year the text last gave.

- "At its previous inspection in 2019 the council was rated good overall, with help and protection judged
  outstanding": both verdicts are of 2019; the "with" clause has no time of its own.
- "In 2016 inspectors found it inadequate. At that time, though, adoption was judged good": "at that time" is
  2016, the year the discourse last gave, so the verdict is an earlier one; "the council had been judged to
  require improvement in 2018, although on that occasion leadership was judged good" likewise.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from transforms.grades import YEAR
from transforms.ratings import RatingClaim

# What opens a "with" clause after the verdict it depends on: "..., with", "... overall, with", "and with"
_WITH = re.compile(r"^[\s\w'’-]{0,40}?,?\s+(?:and\s+)?(?:with|alongside)\s", re.I)
# A time that refers back: "at that time", "at the time" (not "at the time of ..."), "on that occasion", "back
# then", "by then", "that year", "at that inspection"
_THAT_TIME = re.compile(r"\b(?:at\s+(?:that|the)\s+time(?!\s+of\b)|on\s+that\s+occasion|back\s+then|by\s+then"
                        r"|(?:in|during)\s+that\s+year|(?:at|in|during)\s+that\s+(?:inspection|assessment|visit))\b",
                        re.I)
_THAT_TIME_AFTER = re.compile(rf"\W*(?:overall\s+)?(?:too\s+|also\s+|as\s+well\s+)?{_THAT_TIME.pattern}", re.I)


# A time counted on from the one the text last gave: "two years later", "the following year", "a year on"
_LATER = re.compile(r"\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+"
                    r"(?:later|afterwards|on\b)|the\s+(?P<next>following|next)\s+year|the\s+year\s+after(?!\s+\w))",
                    re.I)
_LATER_AFTER = re.compile(rf"\W*(?:in\s+)?(?:{_LATER.pattern})", re.I)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10}
# A grade held for a stretch before the news: "after years of 'requires improvement'", "following a decade rated
# inadequate", "after two inspections as inadequate"
_SPELL_BEFORE = re.compile(r"\b(?:after|following|ending|ended)\s+(?:(?:many|several|\w+)\s+)?(?:years?|a\s+decade"
                           r"|decades|(?:two|three|four|\d+)\s+inspections|a\s+(?:long\s+)?(?:spell|period|run))"
                           r"(?:\s+(?:of|as|rated|judged|graded|being))+\s+(?:an?\s+)?[‘'\"“]?$", re.I)


# "..., and adoption judged good", "and leadership outstanding": a verdict coordinated without a verb or time of its own
_ELLIPTICAL_AND = re.compile(r"^\s*,?\s*and\s+(?:(?!\b(?:is|are|was|were|has|have|had|now|currently|today|this|since"
                             r"|then|later|subsequently)\b)[^,;])*$", re.I)
# A sentence opening with the time it speaks of: "At its previous inspection in 2019, ...", "In 2016 ..."
_LEADING_TIME = re.compile(r"^\W*(?:at|in|during|under|when|following|after)\s+(?:[^,;]{0,60}?\b)?"
                           r"(?:(?:19|20)\d{2}|previous|last|earlier|prior)\b", re.I)
# A verdict's own stretch saying it is of today: it does not take the time the sentence opened with
_NOW = re.compile(r"\b(?:now|currently|today|this\s+(?:year|week|month)|since|then|later|subsequently|latest|new)\b",
                  re.I)


class TimeContext:
    """What a time referring back needs: the year the text gave last, and the document's date."""

    def __init__(self, published: date | None) -> None:
        self.published = published
        self.last_year: int | None = None
        self.last_status = "historical"

    def read(self, sentence: str, claims: list[RatingClaim]) -> None:
        """After a sentence: the year it gave last (its last dated verdict's, else the last year it names)."""
        dated = [c for c in claims if c.year is not None and c.anchor != "publication" and c.status != "hypothetical"]
        years = YEAR.findall(sentence)
        if dated:
            self.last_year, self.last_status = dated[-1].year, dated[-1].status
        elif years:
            self.last_year = int(years[-1])
            self.last_status = "historical" if self.published is None or self.last_year < self.published.year \
                else "current"


def inherit_anchors(claims: list[RatingClaim], context: TimeContext, sentence: str) -> list[RatingClaim]:
    """The claims of one sentence, those without a time of their own given the one they refer to."""
    out: list[RatingClaim] = []
    scoped = bool(_LEADING_TIME.match(sentence))
    for claim in claims:
        if claim.anchor == "publication" and claim.status == "current":
            dated = [c for c in out if c.anchor != "publication" and c.status in ("current", "historical")]
            previous = out[-1] if out and out[-1].clause == claim.clause else None
            own = claim.clause[claim.segment:claim.start]
            later = (_LATER.search(claim.clause, claim.segment, claim.start)
                     or _LATER_AFTER.match(claim.clause, claim.start + len(claim.grade_label)))
            that_before = _THAT_TIME.search(own)
            that_after = _THAT_TIME_AFTER.match(claim.clause, claim.start + len(claim.grade_label))
            if _SPELL_BEFORE.search(claim.clause, 0, claim.start):  # "rated good after years of 'inadequate'"
                claim = replace(claim, status="historical", anchor="previous_inspection")
            elif previous is not None and previous in dated and (_WITH.match(own) or _ELLIPTICAL_AND.match(own)):
                claim = _as(claim, previous)
            elif later is not None:
                at = sentence.find(claim.clause)
                before = claim.clause[:min(later.start(), claim.start)]
                count = later["n"] or "a"
                claim = _at_that_time(claim, (sentence[:at] if at > 0 else "") + before, out, context,
                                      1 if later["next"] else _COUNTS.get(count.lower()) or int(count))
            elif that_before or that_after:
                at = sentence.find(claim.clause)
                before = claim.clause[:claim.segment + that_before.start() if that_before else claim.start]
                claim = _at_that_time(claim, (sentence[:at] if at > 0 else "") + before, out, context)
            elif scoped and dated and not _NOW.search(own):
                claim = _as(claim, dated[-1])
        out.append(claim)
    return out


def _as(claim: RatingClaim, other: RatingClaim) -> RatingClaim:
    return replace(claim, year=other.year, status="historical" if other.status == "transition" else other.status,
                   anchor=other.anchor)


def _at_that_time(claim: RatingClaim, before: str, earlier: list[RatingClaim], context: TimeContext,
                  years_on: int = 0) -> RatingClaim:
    """The time "at that time" refers to (`years_on` after it for "two years later"): a year named before it in the
    sentence, else the last dated verdict of the sentence, else the year the text gave last."""
    dated = [c for c in earlier if c.year is not None and c.anchor != "publication" and c.status != "hypothetical"]
    if years := YEAR.findall(before):
        year = int(years[-1])
        status = "historical" if context.published is None or year < context.published.year else "current"
    elif dated:
        year, status = dated[-1].year, dated[-1].status
    elif context.last_year is not None:
        year, status = context.last_year, context.last_status
    else:
        return claim
    if years_on:
        year += years_on
        status = "historical" if context.published is None or year < context.published.year else "current"
    if status == "transition":
        status = "historical"
    return replace(claim, year=year, status=status, anchor="stated")
