"""Verdicts written the way the older frameworks and committee reports write them, which the grade-word rules miss.

- Star ratings told as a history, the stars said once: "given one star in 2001, dropped to zero stars in 2002,
  stayed on zero in 2003 and 2004", "two stars in 2003, one in 2002 and two in 2001": one claim per year.
- Numeric grades: the annual performance assessment (APA, 2005-2008) and the annual rating (2009-2012) scored
  1 to 4 with 4 the best ("scored 3 for its children's services", "awarded grade three ratings to X and Y",
  "judged 2 out of 4", a scores list "Capacity to improve - 4"); Ofsted's inspection grades run the other way
  (grade 1 outstanding). A scale the document explains ("grade 4, the highest", "four means very good") wins;
  else the framework of the time and place decides.
- "performs adequately on both safeguarding and looked after children": the APA and annual rating words
  with the judgements named after them.

Judgements of those frameworks: the whole of children's services is overall effectiveness; staying safe is
safeguarding; capacity to improve, the outcome areas and the services scored apart (education, social care)
are `other`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from transforms.grades import normalise_grade
from transforms.judgement_names import JUDGEMENT_PATTERNS
from transforms.ratings import RatingClaim, other_subject

_NUMBER = {"zero": 0, "no": 0, "0": 0, "one": 1, "1": 1, "two": 2, "2": 2, "three": 3, "3": 3, "four": 4, "4": 4}
_STARS = {0: "inadequate", 1: "requires_improvement", 2: "good", 3: "outstanding"}
_ASCENDING = {1: "inadequate", 2: "requires_improvement", 3: "good", 4: "outstanding"}  # APA, annual rating
_DESCENDING = {1: "outstanding", 2: "good", 3: "requires_improvement", 4: "inadequate"}  # Ofsted inspections
LAST_ASCENDING_YEAR = 2012  # the annual rating of children's services (1-4, 4 best) ended in 2012

_YEARS = r"(?:19|20)\d{2}(?:\s*(?:,|,?\s*and|,?\s*or)\s*(?:in\s+)?(?:19|20)\d{2})*"
_ANY_STARS = re.compile(r"\b(?:zero|no|one|a\s+single|two|three|[0-3])[-\s]stars?\b", re.I)
# "one in 2002", "stayed on zero in 2003 and 2004", "back to two in 2005": a star count with the word left out
_ELLIPTICAL_STARS = re.compile(rf"(?:,|\b(?:and|on|at|to|from|had|has|have|was|got|received|gained|kept|with|then"
                               rf"|only|just|still))\s+(?P<n>zero|one|two|three|[0-3])\s+(?:again\s+)?(?:(?:in|for)\s+"
                               rf"(?P<years>{_YEARS})|(?P<relative>this\s+year|last\s+year|now))\b"
                               rf"(?!\s+(?:had|have|has|were|was|are|is|did|do|got)\b)", re.I)
# "dropping from two stars to one": the later count borrows "stars" from the earlier one
_STARS_TO = re.compile(r"\bfrom\s+(?:zero|no|one|two|three|[0-3])\s+stars?\s+to\s+(?P<n>zero|one|two|three|[0-3])\b"
                       r"(?![-\s]+stars?\b)", re.I)
# "from one star to two", "up from zero to one star": the earlier count borrows "stars" from the later one
_STAR_RANGE = re.compile(r"\bfrom\s+(?P<n>zero|no|one|two|three|[0-3])\s+(?:stars?\s+)?to\s+$", re.I)
_STAR_LABEL = re.compile(r"\b(?:zero|no|one|a\s+single|two|three|[0-3])[-\s]stars?\b", re.I)

_N = r"(?P<n>[1-4]|one|two|three|four)"
_OUT_OF = r"(?P<outof>\s+out\s+of\s+(?:4|four))?"
# "scored 3", "was given a grade 2", "awarded grade three ratings", "judged 2 out of 4", "a score of 4"
_NUMERIC = re.compile(
    rf"\b(?P<verb>scor(?:ed|es|ing)|awarded|awarding|given|giving|gave|received|receiving|achieved|got|gained"
    rf"|rated|judged|graded|assessed|handed|handing|was|were|is|are)\s+"
    rf"(?:(?!(?:and|but|while|scor\w*|awarded|given|gave|received|achieved|rated|judged|graded|assessed)\b)"
    rf"[\w'’-]+\s+){{0,5}}?"
    rf"(?:(?P<grade_word>grade|score\s+of|mark\s+of|an?)\s+)?{_N}{_OUT_OF}"
    rf"(?=\s*(?:$|[.,;:)(]|\s(?:for|in|on|last|this|and|at|rating|ratings|grades?|overall|from|to)\b))"
    rf"|\b(?P<grade_word2>grade)[\s-]+(?P<n2>[1-4]|one|two|three|four)(?=\s+(?:ratings?|grades?|judgements?|assessments?)\b)",
    re.I)
# Words every verdict of this module needs: a number, a star, "perform...", an end of the scale
_CUES = re.compile(r"\b(?:[0-4]|zero|one|two|three|four|stars?|perform\w*|top|highest|bottom|lowest)\b", re.I)
# Where a numeric verdict's own stretch ends: the next clause, or a comparison ("the same as last year")
_STRETCH_END = re.compile(r";|,\s+(?:and|but|while|whereas|the\s+same|an?\s+improvement|compared|up|down)\b"
                          r"|\b(?:than|compared|same\s+as|improvement\s+on|unlike)\b", re.I)
# "improved from a grade 2 to a grade 3"
_NUMERIC_RANGE = re.compile(r"\bfrom\s+(?:an?\s+)?grade\s+(?P<old>[1-4]|one|two|three|four)\s+to\s+(?:an?\s+)?grade\s+"
                            r"(?P<new>[1-4]|one|two|three|four)\b", re.I)
# "... and 3 for its education services": a further score of the same verb
_MORE_SCORES = re.compile(rf"\s*(?:,|,?\s*and|,?\s*but)\s+(?:a\s+)?(?:grade\s+)?{_N}{_OUT_OF}(?=\s+for\b)", re.I)
# "for its children's services" after a score: what was scored
_FOR_PHRASE = re.compile(r"\s*for\s+[^,;.]+?(?=\s*(?:[,;.]|$)"
                         r"|\s+and\s+(?:a\s+)?(?:grade\s+)?(?:[1-4]|one|two|three|four)\b)", re.I)
# A scale explained: not a verdict ("grade 4 describes ...", "four means very good, three good ...")
_SCALE_EXPLAINED = re.compile(r"\b(?:means?|describes?|denotes?|indicates?|stands?\s+for|regarded\s+as|run\s+from"
                              r"|ranges?\s+from|scale|where\s+(?:[1-4]|one|four)\s+is)\b", re.I)
_BEST = r"(?:the\s+)?(?:highest|best|top|very\s+good|excellent|outstanding)"
_WORST = r"(?:the\s+)?(?:lowest|worst|inadequate|poor)"
_NEAR = r"(?:(?!grade\s)[^.;]){0,40}?"  # within a few words, before the next grade is named
_HIGH_IS_BEST = re.compile(rf"\bgrade\s+(?:4|four)\b{_NEAR}\b{_BEST}\b|\b(?:4|four)\s+(?:means|is|=)\s+{_BEST}\b"
                           rf"|\bgrade\s+(?:1|one)\b{_NEAR}\b{_WORST}\b|\bout\s+of\s+(?:4|four)\b", re.I)
_LOW_IS_BEST = re.compile(rf"\bgrade\s+(?:1|one)\b{_NEAR}\b{_BEST}\b|\b(?:1|one)\s+(?:means|is|=)\s+{_BEST}\b"
                          rf"|\bgrade\s+(?:4|four)\b{_NEAR}\b{_WORST}\b", re.I)
_ANNUAL_ASSESSMENT = re.compile(r"\bannual\s+(?:performance\s+)?(?:assessment|rating)|\bAPA\b"
                                r"|\bchildren['’]s\s+services\s+assessment\b|\bjoint\s+area\s+review|\bJAR\b", re.I)
_NOT_A_GRADE_AFTER = re.compile(r"\s*(?:%|per\s*cent|percent|councils?|authorit|areas?|stars?|years?|months?"
                                r"|weeks?|days?|times|inspections?|of\s+(?:the|them|these|its)\b)", re.I)

_PERFORMS = re.compile(r"\bperform(?:s|ed|ing)?\s+[‘'\"“]?(?P<how>excellently|well|adequately|poorly)[’'\"”]?"
                       r"\s+(?:on|for|in)\s+(?P<what>[^.;]+)", re.I)

# The older frameworks' judgements, tried before the current ones (JUDGEMENT_PATTERNS).
_APA_JUDGEMENTS = [
    ("safeguarding", r"staying\s+safe|stay\s+safe|keeping\s+children\s+safe"),
    ("other", r"capacity\s+to\s+improve|being\s+healthy|enjoying\s+and\s+achieving|positive\s+contribution"
              r"|economic\s+well-?being|social\s+care(?:\s+services)?|education(?:\s+services)?"
              r"|services\s+for\s+adults|adult\s+(?:social\s+)?(?:care|services)"),
]
# The whole of children's services, tried last ("overall effectiveness of safeguarding" is safeguarding)
_APA_OVERALL = [("overall_effectiveness", r"children['’]s\s+services(?:\s+as\s+a\s+whole)?|services\s+for\s+children"
                                          r"(?:\s+and\s+young\s+people)?|overall")]
_ALL_JUDGEMENTS = _APA_JUDGEMENTS + JUDGEMENT_PATTERNS + _APA_OVERALL
_JUDGEMENT = re.compile("|".join(f"(?P<j{i}>{pattern})" for i, (_, pattern) in enumerate(_ALL_JUDGEMENTS)), re.I)
_JUDGEMENT_NAMES = {f"j{i}": name for i, (name, _) in enumerate(_ALL_JUDGEMENTS)}
_PRIORITY = [(name, re.compile(pattern, re.I)) for name, pattern in _ALL_JUDGEMENTS]
_RELATIVE = re.compile(r"\b(?P<last>last\s+year|(?:the\s+)?previous\s+year|a\s+year\s+(?:earlier|before|ago)"
                       r"|the\s+year\s+before)\b|\b(?P<this>this\s+year|now)\b", re.I)
_WHEN = re.compile(r",?\s+when\b", re.I)
_YEAR = re.compile(r"\b(?:in|for|during)\s+((?:19|20)\d{2})\b|\b((?:19|20)\d{2})[-/]\d{2}\b", re.I)
# "... to both Haringey and Kirklees": the councils given the grade are named after it
RECIPIENTS = re.compile(r"\s+(?:\w+\s+){0,3}?to\s+(?:both\s+)?(?=[A-Z])")
_GIVING = re.compile(r"\b(?:award|giv|gave|hand)", re.I)
_GRADE_WORD = re.compile(r"\b(?:grade|score)\b", re.I)
# A list item "Capacity to improve - 4", "Staying safe: grade 3"
_SCORED_ITEM = re.compile(rf"^(?P<label>.{{3,200}}?)\s*(?:[-–—:]|\|)\s*(?:grade\s+|score\s+)?{_N}\.?\s*$", re.I)


@dataclass(frozen=True)
class Scale:
    """Which way the document's numeric grades run: 4 best (ascending) or 1 best; None when it does not say."""

    high_is_best: bool | None

    @classmethod
    def of(cls, text: str) -> Scale:
        high, low = _HIGH_IS_BEST.search(text), _LOW_IS_BEST.search(text)
        if bool(high) != bool(low):
            return cls(bool(high))
        return cls(None)

    def grade(self, n: int, year: int | None, text: str) -> str | None:
        """The contract grade of a numeric grade `n` given in `year`, read in `text`."""
        ascending = self.high_is_best
        if ascending is None:
            ascending = year is not None and (year < 2009 or (year <= LAST_ASCENDING_YEAR
                                                             and bool(_ANNUAL_ASSESSMENT.search(text))))
        if ascending is None or (not ascending and year is None):
            return None
        return (_ASCENDING if ascending else _DESCENDING).get(n)


def _judgements(text: str) -> list[str]:
    return list(dict.fromkeys(_JUDGEMENT_NAMES[m.lastgroup] for m in _JUDGEMENT.finditer(text)))


def judgement_of(label: str) -> str | None:
    """The judgement a scores-list label or a "for ..." phrase names, the most specific first ("overall capacity
    to improve its services for children" is capacity to improve)."""
    return next((name for name, pattern in _PRIORITY if pattern.search(label)), None)


def _year(sentence: str, at: int, end: int, published: date | None, lo: int = 0,
          hi: int | None = None) -> tuple[int | None, str]:
    """(year, anchor) of a verdict at sentence[at:end]: the nearest year or time relative to the document's date
    in its own stretch sentence[lo:hi], after the grade first ("scored 3 in 2006"), else before it ("now judged
    3"). A time after the grade that opens a "when" clause dates what follows ("better than the previous year,
    when it scored 2")."""
    hi = len(sentence) if hi is None else hi
    found = [(m, False) for m in _YEAR.finditer(sentence, lo, hi)] + [
        (m, True) for m in _RELATIVE.finditer(sentence, lo, hi)
        if published is not None and not (m.start() >= end and _WHEN.match(sentence, m.end()))]
    if not found:
        return None, "publication"  # the document's date, or the inspection it reports, dates it
    m, relative = min(found, key=lambda f: (0, f[0].start()) if f[0].start() >= end else (1, at - f[0].end()))
    if relative:
        return published.year - (1 if m["last"] else 0), "relative"
    return int(next(g for g in m.groups() if g)), "stated"


def _status(year: int | None, published: date | None) -> str:
    return "historical" if year is not None and published is not None and year < published.year else "current"


def star_history(sentence: str, published: date | None) -> list[RatingClaim]:
    """Star counts with "stars" left out, in a sentence that already speaks of stars."""
    first = _ANY_STARS.search(sentence)
    if first is None:
        return []
    claims = []
    for m in _STARS_TO.finditer(sentence):  # the new count of "from two stars to one"
        if not _not_a_council(_clause_before(sentence, m.start())):
            year, anchor = _year(sentence, m.start("n"), m.end(), published, m.start(),
                                 (e.start() if (e := _STRETCH_END.search(sentence, m.end())) else None))
            claims.append(RatingClaim("overall_effectiveness", _STARS[_NUMBER[m["n"].lower()]], f"{m['n']} stars",
                                      year, _status(year, published), sentence, m.start("n"), 0, anchor,
                                      judgement_stated=False))
    for m in _ELLIPTICAL_STARS.finditer(sentence, first.end()):
        if _not_a_council(_clause_before(sentence, m.start("n"))):
            continue  # "the number of councils on one in 2003"
        grade = _STARS[_NUMBER[m["n"].lower()]]
        if m["relative"]:
            if published is None:
                continue
            years = [published.year - (1 if m["relative"].lower().startswith("last") else 0)]
        else:
            years = list(dict.fromkeys(int(y) for y in re.findall(r"(?:19|20)\d{2}", m["years"])))
        for year in years:
            claims.append(RatingClaim("overall_effectiveness", grade, f"{m['n']} stars", year,
                                      _status(year, published), sentence, m.start("n"), 0, "stated",
                                      judgement_stated=False))
    return claims


# "three stars this year, as it did last year", "rated good, as it was in 2014", "requires improvement, the same as
# at the 2018 inspection": the same grade again, then
_AS_BEFORE = re.compile(r"[^,;.]{0,40}?,?\s+as\s+(?:it|they|she|he|the\s+(?:council|authority))\s+"
                        r"(?:did|had|was|were|had\s+been|has)\s+(?:also\s+)?(?:(?P<last>last\s+year|the\s+year\s+before"
                        r"|the\s+previous\s+year|a\s+year\s+(?:earlier|before|ago))|in\s+(?P<year>(?:19|20)\d{2}))\b"
                        r"|[^,;.]{0,40}?,\s+(?:just\s+)?(?:the\s+same\s+as\s+|as\s+)(?:at|in)\s+(?:(?:the|its|their)\s+)?"
                        r"(?:[\w-]+\s+){0,3}?(?:(?:inspection|report|visit)\s+(?:in|of|published\s+in)\s+)?"
                        r"(?:(?-i:[A-Z])[a-z]+\s+)?(?P<same_year>(?:19|20)\d{2})\b", re.I)
# "the bottom grade for both education and children's services": the grades of the ends of the scale
_ENDS_FOR = re.compile(r"\b(?:received|receives|got|gets|awarded|given|earned|achieved)\s+(?:the\s+)?"
                       r"(?P<label>(?:top|highest|bottom|lowest)\s+(?:possible\s+)?(?:grade|rating|mark|score))s?"
                       r"(?:,\s*(?:[1-4]|one|four),)?\s+for\s+(?:both\s+)?(?P<what>[^.;]+)", re.I)


def echoes(claims: list[RatingClaim], published: date | None) -> list[RatingClaim]:
    """The claims, each with the grade a verdict says the council had before as well after it ("three stars this
    year, as it did last year"); the time of that earlier grade is not the verdict's own ("remained requires
    improvement, the same as at the 2018 inspection" is today's grade, and 2018's)."""
    out = []
    for claim in claims:
        out.append(claim)
        if claim.status == "hypothetical" or not (m := _AS_BEFORE.match(claim.clause, claim.start + len(
                claim.grade_label))):
            continue
        if m["same_year"]:
            year, anchor = int(m["same_year"]), "stated"
            if claim.year == year and claim.anchor == "stated":
                out[-1] = replace(claim, year=None, anchor="publication")
        elif m["year"]:
            year, anchor = int(m["year"]), "stated"
        elif published is not None:
            year, anchor = published.year - 1, "relative"
        else:
            continue
        out.append(RatingClaim(claim.judgement, claim.grade, claim.grade_label, year, _status(year, published),
                               claim.clause, claim.start, claim.segment, anchor, claim.judgement_stated))
    return out


def annual_stars(claims: list[RatingClaim], published: date | None) -> list[RatingClaim]:
    """Star ratings were annual: an earlier star count left undated is last year's ("upgraded from one star to two
    stars"), and in "from zero to one star" the first count is the earlier one, the second the new one."""
    if published is None:
        return claims
    out = []
    for claim in claims:
        if not _STAR_LABEL.fullmatch(claim.grade_label):
            out.append(claim)
            continue
        if (earlier := _STAR_RANGE.search(claim.clause[:claim.start])) and claim.status != "hypothetical":
            out.append(RatingClaim(claim.judgement, _STARS[_NUMBER[earlier["n"].lower()]], f"{earlier['n']} stars",
                                   published.year - 1, "transition", claim.clause, earlier.start("n"),
                                   claim.segment, "relative", claim.judgement_stated))
            if claim.year is None or claim.year >= published.year:
                claim = replace(claim, status="current")
        elif claim.is_historical and claim.year is None:
            claim = replace(claim, year=published.year - 1, anchor="relative")
        out.append(claim)
    return out


class Pre2009:
    """The older frameworks' verdicts of one document, whose scale is read once from its whole text."""

    def __init__(self, text: str, published: date | None) -> None:
        self.published = published
        self.scale = Scale.of(text)
        self.assessment = bool(_ANNUAL_ASSESSMENT.search(text))

    def _grade(self, n: str, year: int | None, context: str, out_of: bool = False) -> str | None:
        scale = Scale(True) if out_of else self.scale
        return scale.grade(_NUMBER[n.lower()], year, context if not self.assessment else "annual assessment")

    def numeric(self, sentence: str) -> list[tuple[RatingClaim, int | None]]:
        """Numeric grades in a sentence, each with where its named recipients start (None: the usual
        attribution applies). Each verdict's year is looked for in its own stretch of the sentence."""
        if _SCALE_EXPLAINED.search(sentence):
            return []
        verdicts = [m for m in _NUMERIC.finditer(sentence) if _is_verdict(m, sentence)]
        claims: list[tuple[RatingClaim, int | None]] = []
        for k, m in enumerate(verdicts):
            scores = [(m["n"] or m["n2"], m.end(), bool(m["outof"]))]
            scores += [(more["n"], more.end(), bool(more["outof"])) for more in _iter_more(sentence, m.end())]
            lo = verdicts[k - 1].end() if k else 0
            hi = verdicts[k + 1].start() if k + 1 < len(verdicts) else len(sentence)
            if stretch_end := _STRETCH_END.search(sentence, scores[-1][1], hi):
                hi = stretch_end.start()
            year, anchor = _year(sentence, m.start(), scores[-1][1], self.published, lo, hi)
            when = year if year is not None else self.published.year if self.published else None
            to = RECIPIENTS.match(sentence, m.end())
            recipients = to.end() if to and _GIVING.search(sentence, lo, m.end()) else None
            between = sentence[m.end("verb"):m.start("n")] if m["verb"] else ""  # "graded its services 3"
            for n, end, out_of in scores:
                grade = self._grade(n, when, sentence, out_of)
                if grade is None:
                    continue
                what = _FOR_PHRASE.match(sentence, end)
                judgement = judgement_of(what.group()) if what else judgement_of(between) if end == m.end() else None
                if judgement is None and end == m.end():  # "its education services were given a 2"
                    judgement = judgement_of(sentence[max(lo, m.start() - 60):m.start()])
                claims.append((RatingClaim(judgement or "overall_effectiveness", grade, f"grade {n}", year,
                                           _status(year, self.published), sentence, m.start(), 0, anchor,
                                           judgement_stated=judgement is not None), recipients))
        return claims

    def numeric_transition(self, sentence: str) -> list[RatingClaim]:
        """ "improved from a grade 2 to a grade 3": the grade left behind (last year's in an annual assessment) and
        the new one."""
        claims = []
        for m in _NUMERIC_RANGE.finditer(sentence):
            year, anchor = _year(sentence, m.start(), m.end(), self.published, m.end(),
                                 (e.start() if (e := _STRETCH_END.search(sentence, m.end())) else None))
            when = year if year is not None else self.published.year if self.published else None
            old, new = self._grade(m["old"], when, sentence), self._grade(m["new"], when, sentence)
            if old is None or new is None:
                continue
            annual = when is not None and (when < 2009 or self.assessment)
            earlier = when - 1 if annual and when is not None else None
            claims.append(RatingClaim("overall_effectiveness", old, f"grade {m['old']}", earlier, "transition",
                                      sentence, m.start("old"), 0, "relative" if earlier else "previous_inspection",
                                      judgement_stated=False))
            claims.append(RatingClaim("overall_effectiveness", new, f"grade {m['new']}", year,
                                      _status(year, self.published), sentence, m.start("new"), 0, anchor,
                                      judgement_stated=False))
        return claims

    def performs(self, sentence: str) -> list[RatingClaim]:
        """ "performed 'adequately' on both safeguarding and looked after children": one claim per judgement."""
        claims = []
        for m in _PERFORMS.finditer(sentence):
            grade = normalise_grade(f"performs {m['how']}")
            if _not_a_council(_clause_before(sentence, m.start())):
                continue
            year, anchor = _year(sentence, m.start(), m.end(), self.published)
            for judgement in _judgements(m["what"]):
                claims.append(RatingClaim(judgement, grade, f"performs {m['how']}", year,
                                          _status(year, self.published), sentence, m.start(), 0, anchor))
        return claims

    def ends_of_scale(self, sentence: str) -> list[RatingClaim]:
        """ "received the bottom grade for both education and children's services": one claim per judgement."""
        claims = []
        for m in _ENDS_FOR.finditer(sentence):
            if _not_a_council(_clause_before(sentence, m.start())):
                continue  # "8 per cent of councils got the top grade for children's services"
            year, anchor = _year(sentence, m.start(), m.end(), self.published)
            for judgement in _judgements(m["what"]):
                claims.append(RatingClaim(judgement, normalise_grade(m["label"]), m["label"], year,
                                          _status(year, self.published), sentence, m.start("label"), 0, anchor))
        return claims

    def sentence(self, sentence: str) -> list[tuple[RatingClaim, int | None]]:
        """Every verdict of these kinds in one sentence, with where its named recipients start (or None)."""
        if not _CUES.search(sentence):  # most sentences: none of these words, nothing to read
            return []
        found = [(c, None) for c in star_history(sentence, self.published) + self.performs(sentence)
                 + self.ends_of_scale(sentence) + self.numeric_transition(sentence)]
        return found + self.numeric(sentence)

    def scored_item(self, item: str) -> RatingClaim | None:
        """A scores-list item or table row: "Capacity to improve - 4" under "The following scores were awarded:",
        "Staying safe | 3", in a document about an assessment, explaining its scale, or saying "grade"."""
        m = _SCORED_ITEM.match(item.strip())
        if m is None or (judgement := judgement_of(m["label"])) is None:
            return None
        if not (self.assessment or self.scale.high_is_best is not None or _GRADE_WORD.search(item)):
            return None  # "Children in care - 3" in a page about no assessment is a count
        grade = self._grade(m["n"], self.published.year if self.published else None, item)
        if grade is None:
            return None
        return RatingClaim(judgement, grade, f"grade {m['n']}", None, "current", item, m.start("n"), 0,
                           "publication")


def _is_verdict(m: re.Match, sentence: str) -> bool:
    """A numeric grade given, not a count ("given 3 weeks"), a share ("67 per cent scored three") or a number."""
    if m["verb"] is None and m["grade_word2"] is None:
        return False
    if m["verb"] and m["grade_word"] is None and not m["outof"] \
            and not m["verb"].lower().startswith(("scor", "rated", "judged", "graded", "assessed")):
        return False  # "given 3 ..." is a count; "given grade 3" or "scored 3" a grade
    return not (_NOT_A_GRADE_AFTER.match(sentence, m.end()) or _not_a_council(_clause_before(sentence, m.start())))


def _iter_more(sentence: str, at: int):
    """The further scores of one verb: "scored 3 for X and 3 for Y" (each after the "for ..." of the one before)."""
    while True:
        if phrase := _FOR_PHRASE.match(sentence, at):
            at = phrase.end()
        if (more := _MORE_SCORES.match(sentence, at)) is None:
            return
        yield more
        at = more.end()


# "15 went from one star to two", "eight were given three": a count of councils as the subject
_COUNTED = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen"
                      r"|(?:twen|thir|for|fif|six|seven|eigh|nine)ty)\s+"
                      r"(?:of\s+them\s+|[\w-]+\s+)?(?:went|fell|rose|moved|dropped|slipped|climbed|were|are|got"
                      r"|received|gained|had|have)\b", re.I)


def _not_a_council(before: str) -> bool:
    """The verdict's subject is someone else's (a school, a share, councils at large) or a count of councils."""
    return other_subject(before) or bool(_COUNTED.search(before))


def _clause_before(sentence: str, at: int) -> str:
    """The text of the verdict's clause before it (from the last comma, semicolon, colon or dash)."""
    return re.split(r";|:|,|\s[-–—]\s", sentence[:at])[-1]
