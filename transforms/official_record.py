"""Record linkage: a rating claimed in news, a press release, a blog or minutes -> the official inspection it reports.

Ofsted's official record (csi/reference/official_inspections.csv, built from its outcome files) dates and grades
every inspection since 2009. A claim that reports one of them takes its inspection id (the one the warehouse gives
it) and its dates: ``rated_year`` becomes the year the judgement was published, the convention of the claims
sets and of the gold set. The linkage is conservative and explainable; each link says which rule made it:

- only the claim's council, graded inspections since 2009 (not the annual rating of 2009-2012: "performing
  poorly"), and inspections published by the document's date (a
  claim cannot report what was published well after it was written); a framework the claim names in words
  (SLAC, SIF, ILACS...) must be the inspection's; an inspection that did not grade the claim's judgement is not
  a candidate. Claims of earlier frameworks (SSI, JAR, APA) and claims before 2009 are left as they are.
- ``dated``: the claim states its own date (a year, a month and year: "in late 2019", "(August 2009)", "published
  in March 2020"). The candidates are the inspections published in that year (month), or visited then (the
  report follows the visit by up to PUBLISHED_AFTER_VISIT_DAYS). One candidate is the inspection, whatever its
  grade (a different grade is a disagreement, linked so that ``rating_conflicts`` shows it) unless only a guess
  at its visit (the 2009-2023 file gives no visit dates) ties it to the date: then the grade must agree.
  Several: the one whose grade agrees, else the one published in the stated year; else none.
- ``recent``: the claim takes its year from the document (an undated current grade). The inspection published
  within RECENT_DAYS before the document (a story of January about a report of December) is the one it reports.
  If its grade differs, the link is kept only when the claim's year is already its publication year: a grade
  that disagrees never re-dates a claim the date did not pin down.
- ``standing``: no inspection published recently, and the record covers the document's date: the council's
  latest inspection before the document is the grade it held then, if its framework is one the grades' words fit
  ("requires improvement" is the SIF's and ILACS's, "adequate" the 2009 frameworks', an adoption grade the SIF's;
  words any framework used, the one in force when the document was written: else the document may report a
  successor missing from the record), and only grades that agree pick it: the claim's, and every other undated
  grade the document gives the council (they report one inspection): a 2011 blog's undated "adequate for
  safeguarding" for a council inspected in 2009 and not since.

- ``earlier``: an earlier grade the document gives no year ("previously rated inadequate", "no longer
  inadequate"): the council's latest inspection before the one the document reports (else before the document) that
  gave that grade, under a framework the grade's words fit (any framework, for words any framework used): "from
  inadequate to good in seven years" after a requires improvement in between is the inadequate before it.

A linked claim naming no judgement (or "overall") of an inspection of the 2009 frameworks, which gave no overall
grade, takes its headline judgement, safeguarding ("the county was found inadequate in 2010"). Grade words no
inspection used ("excellent": the annual rating's and the APA's top grade) link to nothing.

A claim that matches nothing official keeps its own year and inspection. Pure functions: the record is passed
in (``official_record()`` reads the packaged one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from csi.dates import MONTH_PATTERN, month_number
from csi.frameworks import NAMED_EARLIER, OFFICIALLY_GRADED, family, in_force, named_in

FIRST_OFFICIAL_YEAR = 2009  # the official record starts with the 2009 frameworks
PUBLISHED_AFTER_DOCUMENT_DAYS = 14  # a story may run a few days before Ofsted's listed publication date
PUBLISHED_AFTER_VISIT_DAYS = 100  # a report follows the first day on site by up to about three months
RECENT_DAYS = 120  # an undated current grade reports an inspection published this close before the document
LINKED_DOC_TYPES = ("news", "press_release", "minutes")  # blogs are news; never Ofsted's own reports or files
# A judgement an inspection may grade under another name. ILACS graded children in care and care leavers as one
# judgement until 2023; the 2009 frameworks called children in care "looked after children" and gave no overall
# grade (their headline was the safeguarding verdict).
_SAME_AS = {"overall_effectiveness": ("safeguarding",), "care_leavers": ("children_in_care",),
            "children_in_care": ("looked_after",), "looked_after": ("children_in_care",),
            "help_and_protection": ("safeguarding",),
            "safeguarding": ("help_and_protection",)}
# Ofsted's annual rating of each council's children's services (2009-2012: "performs poorly", "rated adequate in the
# annual assessment", a rating "capped" by an unannounced visit) is no inspection: it has no official record here.
_ANNUAL_RATING = re.compile(r"\bperform(?:s|ed|ing)?\s+(?:poorly|adequately|well|excellently)\b"
                            r"|\bannual\s+(?:children['’]?s\s+services\s+)?(?:performance\s+)?(?:assessment|rating)"
                            r"|\b(?:rating|grade|judgement)s?\s+(?:was\s+|were\s+)?capped\b", re.I)
# Words no inspection graded with: "excellent" was the annual rating's top grade ("performs excellently") and the
# APA's, stars the SSI's
_NOT_INSPECTION_WORDS = re.compile(r"\bexcellent|\bstars?\b", re.I)
_REQUIRES_IMPROVEMENT = re.compile(r"\brequir\w*\s+improvement|(?-i:\bRI\b)", re.I)
_ADEQUATE = re.compile(r"\badequate", re.I)
_MONTH_YEAR = re.compile(rf"\b{MONTH_PATTERN}\.?,?\s+((?:19|20)\d{{2}})\b", re.I)


@dataclass(frozen=True)
class OfficialInspection:
    inspection_id: str  # the id the warehouse gives it
    council_code: str
    framework: str
    visit_start: date | None
    published_on: date
    grades: Mapping[str, str]  # judgement -> grade

    def headline(self, judgement: str) -> str:
        """The name the inspection graded the judgement under when that is its headline: the 2009 frameworks gave
        no overall grade, their headline verdict was on safeguarding ("the service was found inadequate" of 2010);
        else the judgement itself."""
        if judgement == "overall_effectiveness" and judgement not in self.grades and "safeguarding" in self.grades:
            return "safeguarding"
        return judgement

    def grade(self, judgement: str) -> str | None:
        """Its grade for the judgement (or the same judgement under its framework's name), None if not graded."""
        for name in (judgement, *_SAME_AS.get(judgement, ())):
            if name in self.grades:
                return self.grades[name]
        return None


@dataclass(frozen=True)
class ClaimDate:
    """When a claim says its grade was given: its own year (and month), or only the document's year."""

    year: int
    month: int | None = None
    own: bool = True  # False: the year is the document's (an undated current grade)
    counted: bool = False  # counted from the document's date ("three years ago"): its report may be of the next year


@dataclass(frozen=True)
class Link:
    inspection: OfficialInspection
    rule: str  # dated | recent | standing | earlier
    agrees: bool  # the official grade is the claim's


def stated_month(evidence: str, year: int) -> int | None:
    """The month the evidence gives with the year, when it gives exactly one ("in March 2020", "(August 2009)")."""
    months = {month_number(m[1]) for m in _MONTH_YEAR.finditer(evidence) if int(m[2]) == year}
    return months.pop() if len(months) == 1 else None


def _agrees(inspection: OfficialInspection, judgement: str, grade: str) -> bool:
    return inspection.grade(judgement) == grade


def _published_or_visited(inspection: OfficialInspection, when: ClaimDate) -> str | None:
    """'published' when the inspection was published in the claim's year (month), 'visited' when it was visited
    then (or, its visit unknown, published within PUBLISHED_AFTER_VISIT_DAYS of then), else None."""
    published, visited = inspection.published_on, inspection.visit_start
    if published.year == when.year and when.month in (None, published.month):
        return "published"
    if visited is not None:
        return "visited" if visited.year == when.year and when.month in (None, visited.month) else None
    start = date(when.year, when.month or 12, 1)
    return "visited" if 0 <= (published - start).days <= PUBLISHED_AFTER_VISIT_DAYS else None


def link(council_code: str, judgement: str, grade: str, when: ClaimDate | None, written: date | None,
         evidence: str, record: Mapping[str, tuple[OfficialInspection, ...]], covered_until: date | None = None,
         alongside: tuple[tuple[str, str, str], ...] = (), grade_words: str = "") -> Link | None:
    """The official inspection a claim reports (see the module's rules), or None. `alongside`: the (judgement,
    grade, grade words) of the document's other undated grades for the council, which report the same inspection:
    the standing rule needs them all to agree with it too."""
    if when is None or when.year < FIRST_OFFICIAL_YEAR:
        return None
    if _not_in_record(evidence) or _NOT_INSPECTION_WORDS.search(grade_words):
        return None
    named = named_in(evidence)
    candidates = [i for i in record.get(council_code, ()) if i.grade(judgement) is not None
                  and (named is None or named not in OFFICIALLY_GRADED or family(i.framework) == family(named))
                  and (written is None or i.published_on <= written + timedelta(days=PUBLISHED_AFTER_DOCUMENT_DAYS))]
    if when.own:
        return _dated(candidates, judgement, grade, when)
    if written is None:
        return None
    recent = [i for i in candidates if i.published_on >= written - timedelta(days=RECENT_DAYS)]
    if recent:
        latest = max(recent, key=lambda i: i.published_on)
        agrees = _agrees(latest, judgement, grade)
        return Link(latest, "recent", agrees) if agrees or latest.published_on.year == when.year else None
    earlier = [i for i in candidates if i.published_on <= written]
    if earlier and covered_until is not None and written <= covered_until:
        latest = max(earlier, key=lambda i: i.published_on)
        group = ((judgement, grade, grade_words), *alongside)
        if _era(latest.framework) not in _eras_worded(group, written):
            return None  # graded under a framework the words do not fit: the document may report its successor
        agree = all(_agrees(latest, j, g) for j, g, _ in group if latest.grade(j))
        return Link(latest, "standing", True) if agree else None
    return None


def link_earlier(council_code: str, judgement: str, grade: str, before: date, evidence: str,
                 record: Mapping[str, tuple[OfficialInspection, ...]], grade_words: str = "") -> Link | None:
    """An earlier grade the document gives no year ("previously rated inadequate", "no longer inadequate", "at its
    last inspection"): the council's latest inspection published before `before` (the inspection the document
    reports) that gave that grade, under a framework the grade's words fit (rule ``earlier``), else None."""
    if _not_in_record(evidence) or _NOT_INSPECTION_WORDS.search(grade_words):
        return None
    eras = _eras_worded(((judgement, grade, grade_words),), None)
    candidates = [i for i in record.get(council_code, ()) if i.published_on < before
                  and _agrees(i, judgement, grade) and _era(i.framework) in eras]
    return Link(max(candidates, key=lambda i: i.published_on), "earlier", True) if candidates else None


def _not_in_record(evidence: str) -> bool:
    """An APA, JAR or SSI verdict, or an annual rating: no official record here."""
    named = named_in(evidence)
    return named in NAMED_EARLIER and named not in OFFICIALLY_GRADED or bool(_ANNUAL_RATING.search(evidence))


def _eras_worded(group: Iterable[tuple[str, str, str]], written: date | None) -> set[str]:
    """The frameworks (eras) whose vocabulary the grades' words use: "requires improvement" is the SIF's and
    ILACS's (from November 2013), "adequate" the 2009 frameworks', adoption and the LSCB judgements the SIF's;
    words that fit any era (good, inadequate) leave the one in force when the document was written (any, for an
    earlier grade: `written` None)."""
    eras = {"safeguarding_la", "sif", "ilacs"}
    worded = False
    for judgement, _, words in group:
        for cue, fits in ((_REQUIRES_IMPROVEMENT.search(words), {"sif", "ilacs"}),
                          (_ADEQUATE.search(words), {"safeguarding_la"}),
                          (judgement in ("adoption", "lscb"), {"sif"})):
            if cue:
                eras &= fits
                worded = True
    return eras if worded or written is None else {_era(in_force(written))}


def _era(framework: str) -> str:
    """The frameworks that followed one another in force: the 2009 safeguarding ones, the SIF, ILACS."""
    return "safeguarding_la" if family(framework) in ("slac", "safeguarding_la") else family(framework)


def _dated(candidates: list[OfficialInspection], judgement: str, grade: str, when: ClaimDate) -> Link | None:
    fits = {i.inspection_id: how for i in candidates if (how := _published_or_visited(i, when))}
    near = [i for i in candidates if i.inspection_id in fits]
    if len(near) == 1 and (_agrees(near[0], judgement, grade) or near[0].visit_start is not None
                           or fits[near[0].inspection_id] == "published"):
        return Link(near[0], "dated", _agrees(near[0], judgement, grade))
    agreeing = [i for i in near if _agrees(i, judgement, grade)]
    if len(agreeing) == 1:
        return Link(agreeing[0], "dated", True)
    published = [i for i in (agreeing or near) if fits[i.inspection_id] == "published"]
    if len(published) == 1:
        return Link(published[0], "dated", _agrees(published[0], judgement, grade))
    if when.counted and not near:  # "three years ago" in January: the one agreeing report of the year beside it
        beside = [i for i in candidates if abs(i.published_on.year - when.year) == 1 and _agrees(i, judgement, grade)]
        if len(beside) == 1:
            return Link(beside[0], "dated", True)
    return None


def by_council(inspections: Iterable[OfficialInspection]) -> dict[str, tuple[OfficialInspection, ...]]:
    """council code -> its official inspections, oldest first."""
    grouped: dict[str, list[OfficialInspection]] = {}
    for i in sorted(inspections, key=lambda i: (i.published_on, i.inspection_id)):
        grouped.setdefault(i.council_code, []).append(i)
    return {code: tuple(rows) for code, rows in grouped.items()}


@cache
def official_record() -> tuple[dict[str, tuple[OfficialInspection, ...]], date | None]:
    """The packaged official record (csi/reference/official_inspections.csv) by council, and the last publication
    date it covers."""
    from csi.reference import read_rows

    judgements = ("overall_effectiveness", "leadership", "help_and_protection", "children_in_care", "care_leavers",
                  "adoption", "lscb", "safeguarding", "looked_after")
    rows = [OfficialInspection(
        inspection_id=r["inspection_id"], council_code=r["council_code"], framework=r["framework"],
        visit_start=date.fromisoformat(r["visit_start"]) if r["visit_start"] else None,
        published_on=date.fromisoformat(r["published_on"]),
        grades={j: r[j] for j in judgements if r.get(j)}) for r in read_rows("official_inspections.csv")]
    return by_council(rows), max((r.published_on for r in rows), default=None)
