"""Round-up lines: a council, its new grade, and in brackets the grade it had before.

"Northtown – good (requires improvement, 2017)", "Westshire: outstanding (was inadequate in 2016)",
"Eastborough - requires improvement (previously good)", "Southtown, good": the grade after the colon, dash or comma
is the current one; the
bracketed grade is an earlier one, with the year the brackets give (none if they give none); a year alone in the
brackets dates the grade itself ("Southfield: good (2022)"), and so does a time named with the council ("Westfield,
March 2023 – good"). Several such
entries may share a line, separated by semicolons.
"""

from __future__ import annotations

import re
from datetime import date

from transforms.councils import Mention
from transforms.grades import GRADE_PHRASE, QE, YEAR, Q, normalise_grade
from transforms.ratings import RatingClaim, time_named

_LINE = re.compile(
    rf"^\s*(?P<names>[^()\n:–—]{{2,100}}?)\s*(?::|,|\s[-–—]\s|[–—]|\|)\s*(?:(?:now\s+)?(?:rated|judged)\s+)?"
    rf"{Q}(?P<grade>{GRADE_PHRASE}){QE}(?:\s+overall)?\s*"
    r"(?:\((?P<before>[^()]{2,80})\))?\s*\.?\s*$", re.I)
_EARLIER = re.compile(rf"{Q}(?P<grade>{GRADE_PHRASE}){QE}", re.I)
_NAME_GLUE = re.compile(r"^[\s,&]*(?:and|&)?[\s,&]*$", re.I)


def roundup_claims(line: str, mentions: list[Mention], published: date | None
                   ) -> tuple[list[RatingClaim], list[str]] | None:
    """(the current claim and the earlier one, the councils) of a round-up line; None if the line is not one: its
    head must be council names and nothing else (mentions are the line's, offsets relative to it)."""
    m = _LINE.match(line)
    if m is None:
        return None
    head = [x for x in mentions if x.end <= m.end("names")]
    if not head or not _names_only(line[:m.end("names")], head):
        return None
    grade = normalise_grade(m["grade"])
    if grade is None:
        return None
    dated = re.fullmatch(r"\s*(?:in\s+)?((?:19|20)\d{2})\s*", m["before"] or "")  # "Leeds: outstanding (2022)"
    # ... or the head names the time with the council: "Wigan, March 2023 – good"
    when = (int(dated[1]), "stated") if dated else time_named(line[head[-1].end:m.end("names")], published)
    claims = [RatingClaim("overall_effectiveness", grade, " ".join(m["grade"].split()),
                          when[0] if when else None, "current", line, m.start("grade"),
                          anchor=when[1] if when else "publication", judgement_stated=False)]
    if m["before"] and (earlier := earlier_grade(m, line, "overall_effectiveness")):
        if earlier.year is not None and published is not None and earlier.year > published.year:
            return None  # a year after the page's date is not an earlier grade's: not a round-up line we know
        claims.append(earlier)
    return claims, list(dict.fromkeys(x.council_code for x in head))


def earlier_grade(m: re.Match, line: str, judgement: str) -> RatingClaim | None:
    """The earlier grade a line gives in brackets after its grade (`m`'s groups "before" and "grade"):
    "(requires improvement, 2017)", "(was inadequate in 2016)", "(previously good)", with the year they give."""
    earlier = _EARLIER.search(m["before"])
    old = normalise_grade(earlier["grade"]) if earlier else None
    if old is None:
        return None
    years = YEAR.findall(m["before"])
    year = int(years[0]) if years else None
    return RatingClaim(judgement, old, " ".join(earlier["grade"].split()), year, "historical", line,
                       m.start("before") + earlier.start("grade"), m.end("grade"),
                       "stated" if year else "previous_inspection",
                       judgement_stated=judgement != "overall_effectiveness")


def _names_only(head: str, mentions: list[Mention]) -> bool:
    """The head is council names joined by commas or "and", with at most a word of its own around them
    ("Northtown Council", "Westshire County")."""
    rest, at = [], 0
    for x in mentions:
        rest.append(head[at:x.start])
        at = x.end
    rest.append(head[at:])
    words = [w for part in rest for w in re.findall(r"[A-Za-z]+", part)]
    extra = [w for w in words if w.lower() not in ("and", "council", "county", "borough", "city", "metropolitan",
                                                   "district", "of", "the", "royal", "london")]
    return len(extra) <= 1 and all(_NAME_GLUE.match(p) or len(re.findall(r"[A-Za-z]+", p)) <= 2 for p in rest)


def roundup_entries(text: str, mentions: list[Mention], published: date | None
                    ) -> list[tuple[list[RatingClaim], list[str]]] | None:
    """The round-up entries of a line or of a paragraph of them separated by semicolons ("Northtown – good
    (inadequate, 2016); Westshire – outstanding"); None unless every entry is one."""
    entries, at = [], 0
    for part in text.split(";"):
        start = at + len(part) - len(part.lstrip())
        at += len(part) + 1
        entry = part.strip()
        if not entry or len(entry) >= 160:
            return None
        own = [Mention(m.council_code, m.start - start, m.end - start, m.surface) for m in mentions
               if start <= m.start and m.end <= start + len(entry)]
        if (found := roundup_claims(entry, own, published)) is None:
            return None
        entries.append(found)
    return entries or None
