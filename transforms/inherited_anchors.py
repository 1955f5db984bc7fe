"""Verdicts that take their time from another: a "with ..." clause from its main clause, "at that time", "on
that occasion" and "the same year" from the year the text last gave, "two years later" / "eighteen months on" and
"the year before" / "three years earlier" counted on or back from it. The document keeps one running time
(:class:`TimeContext`): the year its last sentence gave, or the document's own when that sentence reported the
news ("Luton is now rated good. Two years earlier it had been inadequate": two years before the document).

One relation orders them: a verdict's own time phrase ("..., and last month it was rated good": the news's, whatever
year the clause before named), else the time of the clause it depends on (:func:`_governing_time`), else the
discourse's (the year the text or the paragraph gave last), else the document's.

- "The report in August 2018 still said inadequate overall, even though adoption had improved to good": a dependent
  clause ("when", "with", "though", "while") takes the time named last before it, counted on by "N years later";
  none earlier when its main clause is of today ("it is now good, with adoption outstanding").
- "At its previous inspection in 2019 the council was rated good overall, with help and protection judged
  outstanding": both verdicts are of 2019; the "with" clause has no time of its own.
- "In 2016 inspectors found it inadequate. At that time, though, adoption was judged good": "at that time" is
  2016, the year the discourse last gave, so the verdict is an earlier one ("Meanwhile, adoption was judged good"
  too, unless a new name or the present tense follows "meanwhile"); "the council had been judged to
  require improvement in 2018, although on that occasion leadership was judged good" likewise.
- "Gateshead was rated good in its 2016 inspection. Adoption was good too.": within a paragraph, a verdict with no
  time of its own goes on in the earlier year the paragraph last gave, when that sentence's verdicts were all of
  that year and its last one told by a finite past verb in its main clause; not a sentence naming a council (other
  news), nor one in the present, the perfect or with "then", "this", "still" (a later time).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from csi.dates import MONTH_PATTERN
from transforms.grades import YEAR, count_of
from transforms.judgement_names import judgements_in
from transforms.ratings import CLAUSE_OPENER, PRESENT_VERDICT, SINCE_STRETCH, RatingClaim, time_named, time_stated

# What opens a "with" clause after the verdict it depends on: "..., with", "... overall, with", "and with"
_WITH = re.compile(r"^[\s\w'’-]{0,40}?,?\s+(?:and\s+)?(?:with|alongside|including)\s", re.I)
# "then" between a subject and its verb ("the leadership judgement then was inadequate"): at that time, unless it
# follows a conjunction ("..., and then was rated good": what came next)
_THEN_BEFORE_VERB = r"(?<!\band\s)(?<!\bbut\s)(?<![,;]\s)then(?=\s+(?:was|were|had)\b)"
# A time that refers back: "at that time", "at the time" (not "at the time of ..."), "on that occasion", "back
# then", "even then", "by then", "at that point", "that year", "at the end of that year", "later that year", "at that
# inspection", "at the same inspection", "at the same time"
_THAT_TIME = re.compile(r"\b(?:at\s+(?:that|the)\s+time(?!\s+of\b)|on\s+that\s+occasion|(?:back|even|by|already)\s+then"
                        r"|at\s+that\s+(?:point|stage)"
                        r"|(?:in\s+)?(?:that|the)\s+same\s+year"
                        # "The report that September", "by that spring": a part of the year the text gave last
                        rf"|(?:(?:in|during|by)\s+)?that\s+(?:(?-i:{MONTH_PATTERN})|spring|summer|autumn|winter)(?![\w'’-])"
                        r"|(?:(?:in|during|later|earlier|by|(?:at|by|towards?)\s+the\s+(?:end|start|beginning|turn)\s+of"
                        r"|in\s+the\s+(?:spring|summer|autumn|winter)\s+of)\s+)?that\s+year(?![\w'’-])"
                        r"|(?:at|in|during)\s+that\s+(?:inspection|assessment|visit)"
                        # "At the same inspection, ...", "at the same time": the time the text gave last
                        r"|(?:at|in|during|from)\s+the\s+same\s+(?:(?:re-?)?inspection|assessment|visit|time)"
                        rf"|{_THEN_BEFORE_VERB})\b", re.I)
# A sentence whose subject is the report or inspection just spoken of: "That report found ...", "That inspection had
# rated ..."
_THAT_REPORT = re.compile(r"^\W*(?:that|the\s+same)\s+(?:report|inspection|re-?inspection|assessment|visit)\b", re.I)
# ... or one spelling out the sentence before: "Specifically, ...", "In particular, ...", "Namely, ..."
_ELABORATION = re.compile(r"^\W*(?:(?:more\s+)?specifically|in\s+particular|particularly|namely|in\s+detail"
                          r"|that\s+is(?:\s+to\s+say)?)\s*,", re.I)
# ... or one of those the sentence before dated, by its order: "The second report found ..." after "judged inadequate
# in 2014 and again in 2018", "the earlier inspection", "the latter visit"
_ORDINAL_REPORT = re.compile(r"^\W*(?:(?:but|and|yet)\s+)?the\s+(?:(?P<first>first|former|earlier)|(?P<second>second)"
                            r"|(?P<third>third)|(?P<last>latter|later))\s+(?:(?:full|graded|Ofsted)\s+)?"
                            r"(?:report|inspection|re-?inspection|assessment|visit|one)\b", re.I)
_ORDINAL_AT = {"first": 0, "second": 1, "third": 2, "last": -1}  # where in the years listed the ordinal points
# "Meanwhile, adoption was judged good": the same council's time, when no new name and no present tense follow it
# ("Meanwhile Sheffield was judged good", "meanwhile ... has been rated": other news, the document's time)
_MEANWHILE = re.compile(r"\bmeanwhile\b(?!.*\b(?-i:[A-Z])[\w’'-]+)(?!.*\b(?:is|are|has|have|now)\b)", re.I | re.S)
# (also in a relative clause on the verdict: "rated inadequate, which surprised us at the time")
_THAT_TIME_AFTER = re.compile(rf"\W*(?:overall\s+)?(?:too\s+|also\s+|as\s+well\s+)?"
                              rf"(?:,?\s*which\s+(?:[\w'’-]+\s+){{1,6}}?)?{_THAT_TIME.pattern}", re.I)


_NUMBER = (r"a\s+couple\s+of|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen"
           r"|twenty(?:-\w+)?|thirty(?:-\w+)?|\d{1,2}")
# The year or a part of it, counted as a whole year on or back: "the following summer", "the March before"
_YEAR_OR_PART = rf"(?:year|spring|summer|autumn|winter|(?-i:{MONTH_PATTERN}))"
# A time counted on from the one the text last gave: "two years later", "the following year", "a year on",
# "eighteen months later", "the next summer", "the spring after"
_LATER = re.compile(rf"\b(?:(?P<n>{_NUMBER})(?P<half>\s+and\s+a\s+half)?\s+years?\s+"
                    r"(?:later|afterwards|on\b|after\s+that\b|down\s+the\s+(?:line|track|road)\b)"
                    rf"|(?P<months>{_NUMBER})\s+months\s+(?:later|afterwards|on\b|after\s+that\b)"
                    # "Within two years, ...": at most that many on, counted as that many
                    rf"|within\s+(?P<within>{_NUMBER})\s+years?(?:\s+of\s+that)?\b(?!\s+(?:of|after|from)\b)"
                    rf"|the\s+(?P<next>following|next)\s+{_YEAR_OR_PART}\b|the\s+{_YEAR_OR_PART}\s+after(?!\s+\w))",
                    re.I)
# A time counted on from a dated event the sentence names after it: "Two years after being rated inadequate in 2016,
# ...", "Eighteen months after its 2019 inspection found it inadequate, ..."
_AFTER_EVENT = re.compile(rf"\b(?:(?P<n>{_NUMBER})(?P<half>\s+and\s+a\s+half)?\s+years?|(?P<months>{_NUMBER})\s+months)"
                          r"\s+after\s+(?!that\b|this\b|it\b)(?P<next>(?!))?", re.I)
# ... or right after the grade, a few words on: "required improvement when re-inspected two years later", "good at
# its inspection two years later"
_LATER_AFTER = re.compile(rf"\W*(?:(?:on|at)\s+(?:(?:the|its|their|a)\s+)?(?:next\s+)?(?:re-?)?inspection\s+)?"
                          rf"(?:(?!(?:and|but|while|whereas|then|it|they|its|their)\b)[\w'’-]+\s+){{0,4}}?"
                          rf"(?:in\s+)?(?:{_LATER.pattern})", re.I)
# A time counted back from the one the text last gave: "the year before", "three years earlier", "two years before
# that", "three years previously" (not "the year before last": the document's)
_EARLIER = re.compile(rf"\b(?:(?P<n>{_NUMBER})\s+years?\s+(?:earlier|before(?:\s+that)?|previously)(?!\s+than\b)"
                      # "a few months before that", "six months earlier": within the year the text gave
                      rf"|(?P<months>a\s+few|several|{_NUMBER})\s+months\s+(?:earlier|before(?:\s+that)?|previously)(?!\s+than\b)"
                      # "the year before", "the summer before that", "the previous autumn"
                      rf"|the\s+(?:previous\s+{_YEAR_OR_PART}\b|{_YEAR_OR_PART}\s+(?:before|prior)(?=\s*[,.;]|\s+that\b|$)))",
                      re.I)
# ... or right after the grade, a few words on, not in a clause opened after it: "inadequate two years earlier", "the
# inadequate grade of two years before", "requires improvement, a rating given three years earlier" (not "good,
# having been told four years earlier that ...": the next verdict's time)
_EARLIER_AFTER = re.compile(rf"\W*(?:(?!(?:and|but|then|it|they|its|their|{CLAUSE_OPENER})\b)[\w'’-]+\s+){{0,4}}?"
                            rf"(?:in\s+)?(?:{_EARLIER.pattern})", re.I)
# A grade held for a stretch before the news: "after years of 'requires improvement'", "following a decade rated
# inadequate", "after two inspections as inadequate"
_SPELL_BEFORE = re.compile(r"\b(?:after|following|ending|ended)\s+(?:(?:many|several|\w+)\s+)?(?:years?|a\s+decade"
                           r"|decades|(?:two|three|four|\d+)\s+inspections|a\s+(?:long\s+)?(?:spell|period|run))"
                           r"(?:\s+(?:of|as|at|on|stuck|rated|judged|graded|being))+\s+(?:an?\s+)?[‘'\"“]?$", re.I)

# A time before the one the text gave last, not counted: "and before that had required improvement", "before then
# it was judged inadequate", "prior to that", "earlier still" (an earlier inspection, its year unknown; not "before
# that can happen")
_BEFORE_THAT = re.compile(r"\b(?:before|prior\s+to)\s+(?:that|then)\b(?!\s+(?:can|could|will|would|happens?|is|was)\b)"
                          r"|\bearlier\s+still\b", re.I)


# "..., and adoption judged good", "and leadership outstanding": a verdict coordinated without a verb or time of its own
_ELLIPTICAL_AND = re.compile(r"^\s*,?\s*and\s+(?:(?!\b(?:is|are|was|were|has|have|had|now|currently|today|this|since"
                             r"|then|later|subsequently)\b)[^,;])*$", re.I)
# "..., adoption performance requiring improvement too", "..., leadership outstanding": a judgement and its grade
# after the comma, no verb
# (not an adjunct of another time: "..., before moving to the top grade", "after climbing to good")
_ABSOLUTE = re.compile(r"^\s*(?:(?:the|its|their)\s+)?(?:(?!(?:is|are|was|were|has|have|had|been|being|now|currently"
                       r"|today|this|since|then|later|subsequently|it|they|which|who|when|before|after|until|till"
                       r"|following)\b)[\w'’-]+\s+){1,5}$", re.I)
# "Merton was outstanding last year and Richmond was good": a past verdict coordinated after a dated one, with no
# time of its own and nothing of today ("... and Richmond is good", "... and has since improved")
_PAST_AND = re.compile(r"^(?:\s*,)?[^,;]*?\b(?:and|yet|(?:al)?though)\s+(?:(?!\b(?:and|is|are|has|have|now|currently"
                       r"|today|this|since|then|later|subsequently|remains?|still)\b)[^,;])*$", re.I)
# A sentence opening with the time it speaks of: "At its previous inspection in 2019, ...", "In 2016 ...", "Last
# time, in 2018, ..."; also after a reporting verb ("She noted that at the previous inspection, in 2017, ...") or
# after its subject, set off by commas ("Ealing, in August last year, ...")
_LEADING_TIME = re.compile(r"^\W*(?:(?:and|but|then)\s+)?(?:[^,;.]{0,60}?\b(?:that|how)\s*,?\s+"
                           r"|(?-i:[A-Z])[\w'’-]+(?:\s+(?:and\s+|of\s+|upon\s+)?(?-i:[A-Z])[\w'’-]+){0,4}\s*,\s*)?"
                           r"(?P<time>(?:(?:at|in|during|under|when|following|after|by|back\s+in)\s+(?:[^,;]{0,60}?\b)?"
                           r"(?:(?:19|20)\d{2}|previous|last|earlier|prior)\b"
                           # a dated earlier inspection as the subject: "The previous short inspection, in 2022,
                           # was ...", "The 2015 inspection had found ..."
                           r"|(?:the|its|their)\s+(?:(?:previous|last|earlier|prior)\s+|(?:19|20)\d{2}\s+)(?:[\w-]+\s+){0,2}?"
                           r"(?:inspection|report|assessment|visit)\b"
                           r"|(?:the\s+)?(?:last|previous)\s+time\b|as\s+(?:recently|late|early|long\s+ago|far\s+back)\s+as\b"
                           rf"|last\s+{_YEAR_OR_PART}\b|(?:a|{_NUMBER})\s+years?\s+ago\b"
                           # "Two years later, ...", "The following year ...", "A year on, ..."
                           rf"|(?:{_NUMBER})\s+(?:years?|months)\s+(?:later|on|afterwards)\b|the\s+(?:following|next)\s+year\b"
                           # "Five years before that, ...": counted back from the time the text gave last
                           rf"|(?:{_NUMBER})\s+years?\s+(?:earlier|before(?:\s+that)?|previously)\b)"
                           # with its date set off after it: "The previous full inspection, in 2018, ..."
                           r"[^,;]*(?:,\s*(?:(?:published|carried\s+out|held|issued|released)\s+)?(?:in|during)\s+[^,;]*)?)",
                           re.I)
# A grade returned to or won back is later than the one before it ("..., and welcomed the return to good")
_RETURNED = r"\b(?:return(?:s|ed|ing)?\s+to|regain(?:s|ed|ing)?|w(?:on|ins?)\s+back|back\s+to(?!\s+(?:19|20)\d{2}))\b"
# A verdict's own stretch saying it is of today: it does not take the time the sentence opened with (not "the then
# Safeguarding Board", "was then judged": of that time)
_NOW = re.compile(r"\b(?:now|currently|today|this\s+(?:year|week|month|time)|since"
                  rf"|(?<!\bthe\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bhad\s)(?!{_THEN_BEFORE_VERB})then|later|subsequently"
                  rf"|latest|new)\b|{_RETURNED}", re.I)
# "then" after "was/were/had" ("the LSCB was then judged ...", "adoption had then been rated good"), or closing the
# verdict ("... judged inadequate then"): at that time, when the sentence has given one before it
_THEN_AT = re.compile(r"(?:(?<=\bwas\s)|(?<=\bwere\s)|(?<=\bhad\s))then\b", re.I)
_HAD_THEN = re.compile(r"\bhad\s+then\b", re.I)  # the pluperfect: at the earlier time, given in a sentence before too
_THEN_AFTER = re.compile(r"\W*(?:overall\s+|too\s+|also\s+)?then(?=\s*[.;,]|\s*$)", re.I)


# Words of today or of a later time, ending the earlier time a paragraph gave: the present tense and the perfect
# ("is", "has been"), "had" (the minutes' reported news), "now", "this time", "then" (what came next), "still" (not
# after a past verb: "were still at requires improvement" goes on in the earlier time), a time counted from the
# document's ("last month", "yesterday", "recently")
_OF_TODAY = re.compile(rf"{_NOW.pattern}|\b(?:is|are|has|have|had|remains?|this|(?<!\bwas\s)(?<!\bwere\s)still|then"
                       r"|yesterday|recently"
                       r"|last\s+(?:week|month))\b"
                       r"|\b(?:it|that|there)['’]s\b", re.I)
# "Then came 2014.", "And then it was March 2016": "then" naming the earlier time it moves to, not one of today
_THEN_CAME = re.compile(r"\bthen\s+(?:came|it\s+was|arrived)\s+(?=(?:[\w-]+\s+){0,3}?(?:19|20)\d{2}\b)", re.I)
# A verdict told by a finite verb of the past, the main news of its sentence; not in a clause set in another time
# ("since its previous inspection in 2020, when it was rated ...", "its 2020 result, which was good") nor in the
# pluperfect ("the county had been judged to require improvement in 2019": earlier than the news)
_SUBORDINATE = re.compile(r"\b(?:when|which|who|whose|where|since|than|had|after|before)\b", re.I)
_FINITE_PAST = re.compile(r"\b(?:was|were|came|got|stayed|went|fell|slipped|rose|moved|required|received|kept)\b", re.I)
# ... or a verdict verb in the active voice, its object before the grade ("Inspectors that May judged the service
# inadequate", "The report branded its services inadequate"; not the participle "the borough rated good")
_ACTIVE_PAST = re.compile(r"\b(?:judged|rated|graded|found|branded|deemed|assessed|declared|labelled|described)\s+"
                          r"(?!(?:as|to|overall|an?)\b)(?:[\w'’-]+\s+){1,6}?(?:as\s+|to\s+be\s+)?[‘'\"“]?$", re.I)


# What opens a clause depending on the one before it, for its time: "..., when", "..., with", "..., (even) though",
# "..., while", or an event close to it ("..., a few weeks after", "..., shortly before"); not one with a time of today
# or later of its own
_DEPENDENT = re.compile(r"\W*(?:and\s+|but\s+)?(?:even\s+|just\s+)?(?:when|with|(?:al)?though|while|whilst"
                        r"|(?:(?:shortly|soon|right|not\s+long|(?:a\s+(?:few\s+)?|several\s+|some\s+|\w+\s+)?"
                        r"(?:days?|weeks?|months?))\s+|(?<=just\s))(?:after|before))\s"
                        r"(?![^,;]*\b(?:is|are|has|have|remains?|now|currently|today|since|later|subsequently)\b)",
                        re.I)
# Words of a time of today or one later than a year named before them
_TODAY_OR_LATER = re.compile(r"\b(?:is|are|has|have|remains?|now|currently|today|this|since|then|later|subsequently"
                             r"|latest|recently|yesterday|last\s+(?:week|month))\b", re.I)
# A time of the news in a verdict's own words: "now", "last month", "this week", "recently"
# (not the end of a stretch the verdict began: "where it stayed until now", "up to today")
_NEWS_TIME = re.compile(r"(?<!\buntil\s)(?<!\btill\s)(?<!\bto\s)"
                        r"\b(?:now|currently|today|yesterday|(?<!\bas\s)recently(?!\s+as\b)"
                        r"|this\s+(?:week|month|year|time|spring|summer|autumn|winter)|last\s+(?:week|month)"
                        r"|earlier\s+this\s+\w+)\b", re.I)
# A comparison opening right before a time: "as now", "than it is today"
_COMPARED_BEFORE = re.compile(r"\b(?:as|than|like)\s+(?:[\w'’-]+\s+){0,2}$", re.I)
# A clause joined after a verdict: ", and ...", ", but ...", "; "
_JOINED_AFTER = re.compile(r";|,\s*(?:and|but|while|whereas|yet|so)\b|\s(?:but|whereas)\b", re.I)
# The opening word of a dependent clause right before where a verdict's clause was cut: "..., while "
_OPENER_BEFORE = re.compile(r"[,;]?\s*\b(?:when|while|whilst|(?:al)?though)\s*$", re.I)
_ASIDE = re.compile(r"\((?!\s*(?:[\w-]+\s+){0,2}(?:19|20)\d{2}\s*\))[^()]*\)")  # in brackets, more than a date
_WITH_PHRASE = re.compile(r"\s(?=with\s)", re.I)  # a "with" phrase set after its clause without a comma
_SINCE_STRETCH = re.compile(rf"{SINCE_STRETCH}[^,;:()]*", re.I)  # "since its 2019 inspection": a stretch lasting to now


# What joins a clause to the one before it: "..., but", "..., while", "..., whereas", "..., though", "; ", " - "
_JOINED_CLAUSE = re.compile(r"(?:[,;]\s*(?:but|while|whereas|(?:al)?though|yet)?|\s(?:but|while|whereas)|\s[-–—])\s*$",
                            re.I)
_NAME = re.compile(r"\b(?-i:[A-Z])[\w’'-]+")


# A clause joined after the verdict that comes back to today: "..., so this matters", "..., and that is why ..."
_BACK_TO_TODAY = re.compile(r"[,;]\s*(?:so|and|but)\s+(?:[\w'’-]+\s+){0,3}?(?:is|are|matters|means|remains|has|have)\b",
                            re.I)
# A year bounding a stretch right after it: "until 2013", "up to 2013", "since 2019"
_STRETCH_BOUND = re.compile(r"\b(?:until|till|up\s+to|since)\s+(?:(?:early|late|mid)[\s-]+)?(?-i:[A-Z][a-z]+\s+)?$",
                            re.I)


class TimeContext:
    """What a time referring back needs: the year the text gave last, and the document's date."""

    def __init__(self, published: date | None) -> None:
        self.published = published
        self.last_year: int | None = None
        self.last_status = "historical"
        self.paragraph_year: int | None = None  # the earlier year the paragraph's sentences last gave
        self.listed_years: list[int] = []  # the years the last sentence named, in order

    def new_paragraph(self) -> None:
        """A new block: the earlier time the last one gave no longer carries over to undated verdicts."""
        self.paragraph_year = None

    def lead_in(self, year: int) -> None:
        """A lead-in naming a council and a time dated the sentence's verdicts ("Bolton, October: good overall"): the
        time the text gave last, and the paragraph's when earlier than the document's year."""
        self.last_year = year
        earlier = self.published is not None and year < self.published.year
        self.last_status = "historical" if earlier else "current"
        self.paragraph_year = year if earlier else None

    def read(self, sentence: str, claims: list[RatingClaim]) -> None:
        """After a sentence: the year it gave last (its last dated verdict's, else the last year it names; the
        document's own when its last verdict is the news and no year is named after it: "Luton is now rated good.
        Two years earlier ...")."""
        given = [c for c in claims if c.status != "hypothetical"]
        dated = [c for c in given if c.year is not None and c.anchor != "publication"]
        self.listed_years = [int(y) for y in YEAR.findall(sentence)]
        # (a year in an aside is not the text's: "Second time running (the first was in 2020)."; nor one ending or
        # opening a stretch: "under the inspections that ran until 2013", "since 2019")
        years = [m for m in YEAR.finditer(_ASIDE.sub(lambda m: " " * len(m.group()), sentence))
                 if not _STRETCH_BOUND.search(sentence, 0, m.start())]
        news = given and given[-1].status == "current" and given[-1].anchor == "publication" and self.published
        # a year named after the news ("rated good - completing a climb that began when it was placed in
        # intervention in 2016. Back then, ..."): the time the text went on to
        after = max(sentence.find(given[-1].clause), 0) + given[-1].start if news else None
        later = [m for m in years if m.start() > after] if news else []
        if later:
            self.last_year = int(later[-1].group())
            self.last_status = "historical" if self.last_year < self.published.year else "current"
        elif news:
            self.last_year, self.last_status = self.published.year, "current"
        elif dated:
            self.last_year, self.last_status = dated[-1].year, dated[-1].status
        elif years:
            self.last_year = int(years[-1].group())
            self.last_status = "historical" if self.published is None or self.last_year < self.published.year \
                else "current"
        if given:  # every verdict of an earlier year (whatever status it was read with), the last told by a finite
            # verb ("Gateshead was rated good in 2016"; not "X, the borough rated good in 2018, inspectors found")
            earlier = self.published is not None and all(
                c.year is not None and c.anchor != "publication" and c.year < self.published.year for c in given)
            last = given[-1]
            told = _FINITE_PAST.search(last.clause, last.segment, last.start) \
                or _ACTIVE_PAST.search(last.clause, last.segment, last.start)
            self.paragraph_year = last.year if earlier and told \
                and not _SUBORDINATE.search(last.clause, 0, last.start) \
                and not _BACK_TO_TODAY.search(sentence, max(sentence.find(last.clause), 0) + last.start) else None
        elif _NEWS_TIME.search(sentence) and self.published is not None:  # "Last month Ofsted went back.": the
            self.last_year, self.last_status, self.paragraph_year = self.published.year, "current", None  # news's
        elif years:  # "X's report came out just before Christmas 2017." (two years or more back: not the report
            # the document reports, which may be last year's: "the report was published on 20 December 2017")
            self.paragraph_year = self.last_year if self.published is not None and self.last_year is not None \
                and self.last_year < self.published.year - 1 \
                and not _OF_TODAY.search(_THEN_CAME.sub("", sentence)) else None


def inherit_anchors(claims: list[RatingClaim], context: TimeContext, sentence: str, names_council: bool = False
                    ) -> list[RatingClaim]:
    """The claims of one sentence, those without a time of their own given the one they refer to (a sentence naming
    a council may be other news: it does not go on in its paragraph's earlier time)."""
    if not claims:
        return []
    out: list[RatingClaim] = []
    scoped = _LEADING_TIME.match(sentence)
    frame = time_stated(scoped["time"], context.published) if scoped else None  # its year, when it names one
    for claim in claims:
        after_grade = claim.start + len(claim.grade_label)
        # (a count right after the verdict before, up to a comma, is that one's: "X, which was also outstanding three
        # years earlier, is now ...")
        earlier = (_EARLIER.search(claim.clause, _own_from(claim, out[-1] if out and out[-1].clause == claim.clause
                                                           else None), claim.start)
                   or _EARLIER_AFTER.match(claim.clause, after_grade))
        if earlier is not None and claim.status != "hypothetical" and (claim.anchor != "stated"
                                                                      or _counted_from_its_year(claim, earlier)):
            at = sentence.find(claim.clause)
            before = claim.clause[:min(earlier.start(), claim.start)]
            claim = _at_that_time(claim, (sentence[:at] if at > 0 else "") + before, out, context,
                                  -_years_back(earlier),
                                  fallback=context.published.year if context.published else None)
        elif claim.anchor == "stated" and claim.status in ("current", "historical") and (
                ((later := _LATER.search(claim.clause, claim.segment, claim.start)) is not None
                 and _counted_from_its_year(claim, later))
                or (later := _counted_after_grade(claim, _own_end(claim, claims))) is not None):  # "Judged
            # inadequate at its inspection in 2014, it was seen again three years later and rated ...": 2017
            year = claim.year + _years_on(later)
            claim = replace(claim, year=year, status="historical" if context.published is None
                            or year < context.published.year else "current")
        elif claim.anchor == "publication" and claim.status == "historical" and claim.year is None \
                and (previous := _dated_before(claim, out)) is not None \
                and _coordinated(_name_commas_blanked(claim.clause)[_own_from(claim, previous):claim.start]):
            claim = _as(claim, previous)  # "For comparison, X, inspected last summer, stayed at requires improvement,
            # although its care leavers were judged good": a background verdict joined to a dated one
        elif claim.anchor == "publication" and claim.status == "current":
            dated = [c for c in out if c.anchor != "publication" and c.status in ("current", "historical")
                     and not _kept(c, out)]
            previous = out[-1] if out and out[-1].clause == claim.clause else None
            own_from = _own_from(claim, previous)
            own = _name_commas_blanked(claim.clause)[own_from:claim.start]
            later = (_LATER.search(claim.clause, own_from, claim.start)
                     or _LATER_AFTER.match(claim.clause, claim.start + len(claim.grade_label)))
            that_before = _THAT_TIME.search(own) or _MEANWHILE.search(own)
            that_after = _THAT_TIME_AFTER.match(claim.clause, claim.start + len(claim.grade_label))
            at = max(sentence.find(claim.clause), 0)
            clause_at = _clause_start(claim, own_from, sentence)
            dependent = _DEPENDENT.match(sentence, clause_at)
            news = _NEWS_TIME.search(own)  # (in the main clause a dependent one joins: "Now RI (2023), with ...")
            news_of_main_clause = news is not None and dependent and at + own_from + news.start() < clause_at
            since_event = _AFTER_EVENT.search(sentence, 0, at + claim.start)
            counted_from = [c for c in dated if since_event is not None
                            and since_event.end() <= max(sentence.find(c.clause), 0) + c.start < at + claim.start]
            if _SPELL_BEFORE.search(claim.clause, 0, claim.start) or _BEFORE_THAT.search(own):  # "rated good
                # after years of 'inadequate'", "..., and before that had required improvement"
                claim = replace(claim, status="historical", anchor="previous_inspection")
            elif counted_from and later is None:  # "Two years after being rated inadequate in 2016, X was judged
                year = counted_from[-1].year + _years_on(since_event)  # good": 2018
                claim = replace(claim, year=year, anchor="stated", status="historical" if context.published is None
                                or year < context.published.year else "current")
            elif (news and not news_of_main_clause) or _news_time_after(claim, claims) \
                    or PRESENT_VERDICT.search(claim.clause, own_from, claim.start):
                pass  # "..., and last month it was rated good", "..., when inspected this summer", "..., which is
                # inadequate": a time of its own, the news's
            elif later is None and not (that_before or that_after or _THEN_AT.search(own)) and dependent \
                    and (governing := _governing_time(claim, clause_at, sentence, out, context)) is not None:
                claim = governing  # "..., even though adoption had improved to good": the time of its main clause
            elif previous is not None and previous in dated and later is None and (
                    _coordinated(own) or _listed_after(claim, own) or previous.start == claim.start):
                # (one grade given to several judgements: one time; a year named after the verdict before is the
                # later time it went on to: "Judged inadequate in 2018, it came back in 2022 with a good, and ...")
                claim = _at_that_time(claim, own, out, context) if YEAR.search(own) else _as(claim, previous)
            elif later is not None:
                at = sentence.find(claim.clause)
                before = claim.clause[:min(later.start(), claim.start)]
                claim = _at_that_time(claim, (sentence[:at] if at > 0 else "") + before, out, context,
                                      _years_on(later))
            elif (_THEN_AT.search(own) or _THEN_AFTER.match(claim.clause, claim.start + len(claim.grade_label))) \
                    and (dated or YEAR.search(sentence, 0, max(sentence.find(claim.clause), 0) + claim.start)
                         # "It had then been judged inadequate": the pluperfect, the earlier time the text gave last
                         or (_HAD_THEN.search(own) and context.last_status == "historical")):
                at = sentence.find(claim.clause)
                claim = _at_that_time(claim, (sentence[:at] if at > 0 else "") + claim.clause[:claim.start], out,
                                      context)
            elif (ordinal := _ORDINAL_REPORT.match(sentence)) and not dated \
                    and not _NOW.search(own, max(0, ordinal.end() - max(sentence.find(claim.clause), 0) - own_from)) \
                    and len(context.listed_years) > max(1, _ORDINAL_AT[ordinal.lastgroup]):
                year = context.listed_years[_ORDINAL_AT[ordinal.lastgroup]]  # "The second report found ...": the
                claim = replace(claim, year=year, anchor="stated", status="historical"  # second year named before
                                if context.published is None or year < context.published.year else "current")
            elif (_THAT_REPORT.match(sentence) or _ELABORATION.match(sentence)) and not dated \
                    and not _NOW.search(own):  # "That report found ...,
                claim = _at_that_time(claim, "", out, context)  # but care leavers were still judged good"
            elif that_before or that_after:
                at = sentence.find(claim.clause)
                before = claim.clause[:own_from + that_before.start() if that_before else claim.start]
                claim = _at_that_time(claim, (sentence[:at] if at > 0 else "") + before, out, context)
            elif scoped and dated and not _NOW.search(own):
                claim = _as(claim, dated[-1])
            elif dated and dated[-1].clause != claim.clause and _part_of_dated_verdict(claim, own, sentence):
                claim = _as(claim, dated[-1])  # "It was judged good in April 2023, but children in care only
                # required improvement": a judgement of the same report
            elif frame is not None and not _NOW.search(own):  # "Ealing, in August last year, got good - and its
                year = frame[0]                                  # care leavers service was judged outstanding"
                claim = replace(claim, year=year, anchor=frame[1], status="historical" if context.published is None
                                or year < context.published.year else claim.status)
            elif context.paragraph_year is not None and not names_council and not YEAR.search(sentence) \
                    and not _OF_TODAY.search(sentence, 0, claim.start + max(sentence.find(claim.clause), 0)):
                # "X was rated good in its 2016 inspection. Adoption was good too.": the paragraph's earlier time
                claim = replace(claim, year=context.paragraph_year, anchor="discourse", status="historical")
        out.append(claim)
    return out


def _own_end(claim: RatingClaim, claims: list[RatingClaim]) -> int:
    """Where the verdict's own words after its grade end: where the next verdict's own words begin in its clause, or
    a clause joined after it begins (", and ...", ", but ...", "; ")."""
    joined = _JOINED_AFTER.search(claim.clause, claim.start + len(claim.grade_label))
    return min([c.segment for c in claims if c.clause == claim.clause and c.segment > claim.start]
               + [joined.start() if joined else len(claim.clause)])


def _news_time_after(claim: RatingClaim, claims: list[RatingClaim]) -> bool:
    """A time of the news in the verdict's own words after its grade ("..., when inspected this summer"), not one it
    is compared with ("the overall grade was requires improvement, as now")."""
    after_grade = claim.start + len(claim.grade_label)
    news = _NEWS_TIME.search(claim.clause, after_grade, _own_end(claim, claims))
    return news is not None and not _COMPARED_BEFORE.search(claim.clause, after_grade, news.start())


def _clause_start(claim: RatingClaim, own_from: int, sentence: str) -> int:
    """Where in the sentence the clause holding the verdict begins: after the last comma, semicolon or dash before
    its grade within its own words (not a comma inside a judgement's name), else where its words begin, reaching
    back over a clause's opening word the verdict's clause was cut after ("..., while leadership was ...")."""
    blanked = _name_commas_blanked(claim.clause)
    cut = max(blanked.rfind(",", own_from, claim.start), blanked.rfind(";", own_from, claim.start),
              blanked.rfind(" - ", own_from, claim.start), blanked.rfind(" – ", own_from, claim.start))
    at = max(sentence.find(claim.clause), 0)
    if with_phrase := list(_WITH_PHRASE.finditer(blanked, max(cut + 1, own_from), claim.start)):
        return at + with_phrase[-1].start()  # "it came up to requires improvement with children in care rated good"
    if cut >= 0 or own_from > 0:
        return at + (cut + 1 if cut >= 0 else own_from)
    opener = _OPENER_BEFORE.search(sentence, 0, at)
    return opener.start() if opener else at


def _governing_time(claim: RatingClaim, own_at: int, sentence: str, earlier: list[RatingClaim],
                    context: TimeContext) -> RatingClaim | None:
    """The verdict of a dependent clause with no time of its own ("..., when care leavers were judged good",
    "..., even though adoption had improved to good", "..., with leadership outstanding") at the time of the clause
    it depends on: the time named last before it in the sentence (a dated verdict's; else a year, counted on by a
    count after it: "inadequate in 2018 and good three years later, with ..."; else a time relative to the
    document's), when nothing of today stands between them ("In 2016 it was inadequate, but it is now good, with
    adoption outstanding": today's, the verdict returned as it is); None when the sentence names no time before it."""
    times: list[tuple[int, int, str, str]] = []  # (where it ends, year, status, anchor)
    for c in earlier:
        where = sentence.find(c.clause)
        if where < 0 or where + c.start >= own_at or c.status == "hypothetical":
            continue
        end = where + c.start + len(c.grade_label)
        if _kept(c, earlier):  # "X kept the good rating it first secured in 2015, although ...": today's news
            end = own_at
        if c.year is None or c.anchor == "publication" or _kept(c, earlier):
            times.append((end, 0, "current", "publication"))  # a verdict of today: the main clause is the news
        else:
            times.append((end, c.year, "historical" if c.status == "transition" else c.status, c.anchor))
    unopened = _SINCE_STRETCH.sub(lambda m: " " * len(m.group()), sentence[:own_at])
    times += [(m.end(), int(m.group()), "", "stated") for m in YEAR.finditer(unopened)]
    if not times:
        return None
    where, year, status, anchor = max(times, key=lambda t: t[0])
    if year and not status and (counts := list(_LATER.finditer(sentence, where, own_at))):  # "inadequate in 2018
        year, where = year + _years_on(counts[-1]), counts[-1].end()  # and good three years later, with ...": 2021
    # (a count the verdict took; "back then", "at that time": the time before it, not a later one)
    between = _THAT_TIME.sub(lambda m: " " * len(m.group()), _LATER.sub(lambda m: " " * len(m.group()),
                                                                          sentence[where:own_at]))
    if year and (named := time_named(between, context.published)) is not None:
        year, anchor, status = named[0], named[1], ""  # "..., and last year it was good, with ..."
    elif not year or _TODAY_OR_LATER.search(between):
        return claim  # the main clause is of today: so is the verdict depending on it
    if not status:
        status = "historical" if context.published is None or year < context.published.year else "current"
    return replace(claim, year=year, status=status, anchor=anchor)


def _part_of_dated_verdict(claim: RatingClaim, own: str, sentence: str) -> bool:
    """A clause joined to a dated verdict before it ("..., but", "..., while", "; ") whose subject is one of the
    judgements, with no council named and no time or present-day word of its own: a judgement of the same
    report ("Luton was rated good in 2019, while help and protection required improvement")."""
    at = sentence.find(claim.clause)
    return (at > 0 and claim.judgement_stated and claim.judgement != "overall_effectiveness"
            and bool(_JOINED_CLAUSE.search(sentence, 0, at)) and not _NAME.search(own)
            and not _OF_TODAY.search(own) and not YEAR.search(own))


def _listed_after(claim: RatingClaim, own: str) -> bool:
    """The verdict is the next item of a list after a dated one, joined by a comma alone, with nothing of today
    after its grade ("In 2014: inadequate overall, inadequate for leadership, ..."; not "good in 2015, outstanding
    now")."""
    rest = claim.clause[claim.start:]
    item = rest[:rest.find(",")] if "," in rest else rest
    return not own.strip() and not _OF_TODAY.search(item)


def _counted_from_its_year(claim: RatingClaim, earlier: re.Match) -> bool:
    """A count standing between the year the verdict took and its grade counts from that year ("The 2022
    inadequate judgement followed a report four years earlier which found it required improvement": 2018; "Found
    inadequate in 2014, it was seen again three years later and rated ...": 2017)."""
    named = YEAR.findall(claim.clause, 0, earlier.start())
    return earlier.end() <= claim.start and bool(named) and int(named[-1]) == claim.year \
        and not YEAR.search(claim.clause, earlier.end(), claim.start)


def _counted_after_grade(claim: RatingClaim, own_end: int) -> re.Match | None:
    """A count on right after the verdict's grade, within its own words, from the year it took before its grade
    ("Inadequate in 2016, then requires improvement three years later": 2019)."""
    count = _LATER_AFTER.match(claim.clause, claim.start + len(claim.grade_label))
    named = YEAR.findall(claim.clause, 0, claim.start)
    return count if count is not None and count.end() <= own_end and named and int(named[-1]) == claim.year \
        and not YEAR.search(claim.clause, claim.start, count.start()) else None


def _own_from(claim: RatingClaim, previous: RatingClaim | None) -> int:
    """Where the verdict's own words begin: the words after the previous verdict up to a comma are that one's ("X,
    which required improvement two years later, was judged good")."""
    tail = _name_commas_blanked(claim.clause).find(",", previous.start, claim.start) if previous is not None else -1
    return max(claim.segment, tail + 1) if tail >= 0 else claim.segment


def _name_commas_blanked(clause: str) -> str:
    """The clause with the commas inside judgements' names blanked: a name is one noun phrase ("leadership,
    management and governance"), its commas join no clauses."""
    for start, end, _ in judgements_in(clause):
        clause = clause[:start] + clause[start:end].replace(",", " ") + clause[end:]
    return clause


def _dated_before(claim: RatingClaim, earlier: list[RatingClaim]) -> RatingClaim | None:
    """The verdict just before this one in its clause, if it has a time of its own."""
    previous = earlier[-1] if earlier and earlier[-1].clause == claim.clause else None
    return previous if previous is not None and previous.anchor != "publication" \
        and previous.status in ("current", "historical") and not _kept(previous, earlier) else None


def _kept(verdict: RatingClaim, earlier: list[RatingClaim]) -> bool:
    """The dated verdict is the year a grade kept today was first given ("kept the good rating it first secured in
    2015"): the grade's news is today's, and a verdict joined after it is not of that year."""
    return any(c.clause == verdict.clause and c.start == verdict.start and c.anchor == "publication"
               for c in earlier)


def _coordinated(own: str) -> bool:
    """The verdict's own words join it to the one before with no time or verb of their own: "with", "and", "yet",
    "although" ("..., although its care leavers were judged good"; not "... and two years later"), or a bare noun
    phrase ("..., adoption performance requiring improvement too")."""
    if re.search(_RETURNED, own, re.I):  # "..., and welcomed the return to good": a later time
        return False
    return bool(_WITH.match(own) or _ELLIPTICAL_AND.match(own) or _ABSOLUTE.match(own)
                or (_PAST_AND.match(own) and not _LATER.search(own)))


def _count(word: str) -> int:
    count = count_of(word) or (2 if "couple" in word.lower() else None)  # ("a couple of years later")
    return 1 if count is None else count


def _years_back(earlier: re.Match) -> int:
    """The years "three years earlier", "the year before", "six months before that" count back (months to the nearest
    year: "a few months before that" is the same year)."""
    if earlier["months"]:
        return ((count_of(earlier["months"]) or 0) + 5) // 12
    return _count(earlier["n"] or "a")


def _years_on(later: re.Match) -> int:
    """The years "two years later", "the following year", "eighteen months on" count on (halves and months to the
    nearest)."""
    if later["next"]:
        return 1
    if within := later.groupdict().get("within"):
        return _count(within)
    if later["months"]:
        return (_count(later["months"]) + 6) // 12
    return _count(later["n"] or "a") + (1 if later["half"] else 0)  # "three and a half years later": to the nearest


def _as(claim: RatingClaim, other: RatingClaim) -> RatingClaim:
    return replace(claim, year=other.year, status="historical" if other.status == "transition" else other.status,
                   anchor=other.anchor)


def _at_that_time(claim: RatingClaim, before: str, earlier: list[RatingClaim], context: TimeContext,
                  years_on: int = 0, fallback: int | None = None) -> RatingClaim:
    """The time "at that time" refers to (`years_on` after it for "two years later", before it when negative): a
    year named before it in the sentence, else the last dated verdict of the sentence, else the year the text gave
    last, else the `fallback` year (the document's, for a count back from now)."""
    dated = [c for c in earlier if c.year is not None and c.anchor != "publication" and c.status != "hypothetical"]
    if years := YEAR.findall(before):
        year = int(years[-1])
        status = "historical" if context.published is None or year < context.published.year else "current"
    elif dated:
        year, status = dated[-1].year, dated[-1].status
    elif context.last_year is not None:
        year, status = context.last_year, context.last_status
    elif fallback is not None:
        year, status = fallback, "current"
    else:
        return claim
    if years_on:
        year += years_on
        status = "historical" if context.published is None or year < context.published.year else "current"
    if status == "transition":
        status = "historical"
    return replace(claim, year=year, status=status, anchor="stated")
