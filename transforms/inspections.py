"""Which inspections a document talks about: inspectorate, framework and when.

Frameworks follow from the inspectorate's wording and the date: ILACS from 2018, the single
inspection framework (SIF) from November 2013, safeguarding and looked-after inspections
from 2009, the Social Services Inspectorate before 2004.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from csi import frameworks
from csi.dates import MONTH_PATTERN, month_number
from csi.frameworks import BY_MONTH, YEAR_STATED
from csi.records import Inspection, make_id
from transforms.ratings import other_subject

_SHORT = re.compile(r"\bshort\s+inspection", re.I)
_REINSPECTION = re.compile(r"\bre-?inspection", re.I)
_INSPECTION_WORD = re.compile(r"\b(?:inspect\w*|visit(?:ed)?|review|assessment|conversation)\b", re.I)
# "in October and November 2018", "between 5 and 27 November 2014", "from 2 to 6 October 2023", "on 9 May"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_IN_MONTH = re.compile(
    rf"\b(?:in|during|from|between|on|over)\s+(?:(?:[\w-]+\s+){{0,3}}?(?:in\s+))?"
    rf"(?:{_DAY}\s+(?:(?:and|to|-|–)\s+{_DAY}\s+)?)?{MONTH_PATTERN}"
    rf"(?:\s+(?:and|to|-|–)\s+(?:{_DAY}\s+)?{MONTH_PATTERN})?(?:\s+((?:19|20)\d{{2}}))?\b",
    re.I)
_OFSTED_INSPECTION = re.compile(r"\bOfsted\s+(?:\w+\s+)?inspection|\binspectors?\s+(?:visited|spent|were\s+on\s+site)"
                                r"|\binspection\s+(?:in|during|between|from|over|carried\s+out)\b|\bvisited\s+in\b",
                                re.I)
_FUTURE = re.compile(r"\b(?:is|was|are|were)\s+(?:expected|due|planned|scheduled)\b"
                     r"|\bwill\s+(?:be\s+)?(?:visit|inspect)|\bupcoming\b|\bforthcoming\b", re.I)
_ANY_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_SINCE_BEFORE = re.compile(r"\bsince\b[^,;.]*$", re.I)
PUBLISHED_AFTER_START_DAYS = 70  # a report appears about ten weeks after the first day on site
SIF_START = frameworks.SIF.versions[0].starts


@dataclass(frozen=True)
class InspectionClaim:
    inspectorate: str
    framework: str
    year: int
    month: int | None
    text: str
    year_assumed: bool = False  # a month without a year ("visited in November"): the latest before the document


def inspection_id(council_code: str, framework: str, year: int, month: int | None = None) -> str:
    """Graded inspections: one per council, framework and year; those in BY_MONTH also by month, when known."""
    return make_id("inspection", council_code, framework, year, month if framework in BY_MONTH else None)


named_framework = frameworks.named_in
inspectorate_for = frameworks.inspectorate


def ofsted_framework(when: date, text: str = "") -> str:
    """The Ofsted framework in force at a date, refined by the document's wording ("short", "re-inspection")."""
    return frameworks.in_force(when, short=bool(_SHORT.search(text)), reinspection=bool(_REINSPECTION.search(text)))


def with_version(inspection: Inspection) -> Inspection:
    """The inspection with its framework's edition and graded judgements (csi/frameworks.py): the one its report
    showed, when a report set it, else the one in force on its first day on site, else its last, else about ten
    weeks before its publication."""
    declared = frameworks.BY_CODE.get(inspection.framework)
    shown = next((v for v in declared.versions if v.name == inspection.framework_version), None) if declared else None
    if shown is not None:
        return replace(inspection, graded_judgements=shown.graded)
    started = inspection.visit_start or inspection.visit_end or (
        inspection.published_on - timedelta(days=PUBLISHED_AFTER_START_DAYS) if inspection.published_on else None)
    return replace(inspection, framework_version=frameworks.version_name(inspection.framework, started),
                   graded_judgements=frameworks.graded_judgements(inspection.framework, started))


def _when(sentence: str, reference: date | None) -> tuple[int | None, int | None]:
    """(year, month) of the visit a sentence mentions; a month without a year is the latest before reference."""
    # (not a time after "since": "the first inspection since the council was created in April 2023")
    m = next((m for m in _IN_MONTH.finditer(sentence) if not _SINCE_BEFORE.search(sentence, 0, m.start())), None)
    if not m:
        return (reference.year if reference else None), None
    month = month_number(m[1])
    if m[3]:
        return int(m[3]), month
    if reference is None:
        return None, month
    return (reference.year if month <= reference.month else reference.year - 1), month


# "The report was published on 19 December 2019", "The inspection report, published on 1 February 2022, ...", "the
# re-inspection published on 21 December 2017": the report the document is about (not "a report published in 2020",
# "the previous report")
_REPORT_PUBLISHED = re.compile(rf"\b(?:the|its|this|Ofsted['’]s)\s+(?:(?:inspection|final|full|ILACS|Ofsted)\s+)?"
                               rf"(?:report|re-?inspection|inspection)\s*,?\s+(?:(?:which\s+)?was\s+)?published\s+"
                               rf"(?:on\s+)?(?:{_DAY}\s+)?"
                               rf"{MONTH_PATTERN}\s+((?:19|20)\d{{2}})\b", re.I)


def report_published_on(text: str) -> date | None:
    """The month the document says the report it is about was published ("the report was published on 19
    December 2019"), as its first day; None when it does not say."""
    m = _REPORT_PUBLISHED.search(text)
    return date(int(m[2]), month_number(m[1]), 1) if m else None


def inspection_claims(sentences: list[str], reference: date | None) -> list[InspectionClaim]:
    """Inspections named in the document's sentences, in order of first mention (undated ones need a year)."""
    claims: list[InspectionClaim] = []
    for sentence in sentences:
        if not _INSPECTION_WORD.search(sentence):
            continue
        framework = named_framework(sentence)
        if _FUTURE.search(sentence) or (framework is None and other_subject(sentence)):
            continue  # "a visit is expected later in the year"; a school's or a children's home's inspection
        year, month = _when(sentence, reference)
        if framework in YEAR_STATED:  # an earlier framework: its year must be stated, not assumed
            stated = _ANY_YEAR.search(sentence)
            year = int(stated.group(1)) if stated else None
        if year is None:
            continue
        if framework is None:
            if not (_OFSTED_INSPECTION.search(sentence) and month is not None):
                continue
            framework = ofsted_framework(date(year, month, 1), sentence)
        assumed = month is not None and not _ANY_YEAR.search(sentence)
        claims.append(InspectionClaim(inspectorate_for(framework), framework, year, month, sentence, assumed))
    return claims


# Inspection identity across documents. A report, Ofsted's provider page, the official outcomes row and
# the news about one inspection each derive an id from what they know (council, framework, a year);
# these rules decide when two such rows are the same inspection, so they share one inspection_id.
VISIT_SLACK_DAYS = 7  # visit dates reported a few days apart are the same visit
PUBLISHED_WITHIN_DAYS = 42  # two publication dates of one report (news a few weeks late, a corrected date)
PUBLISHED_AFTER_VISIT_DAYS = 120  # reports appear 6 to 12 weeks after the last day on site
# Whose word wins about an inspection's framework and dates: Ofsted's published outcomes, then the
# report itself, then the provider page's label; news and minutes only fill gaps.
DOC_TYPE_RANK = {"statistics": 3, "ofsted_report": 2, "ofsted_provider_page": 1}


family = frameworks.family  # frameworks a source may confuse for one another: ILACS standard/short, SIF/re-inspection


def _dates(inspection: Inspection) -> list[date]:
    return [d for d in (inspection.visit_start, inspection.visit_end, inspection.published_on) if d]


def aliases(inspection: Inspection) -> set[str]:
    """Every id another source could have given this inspection: its family's frameworks x its dates' years
    (and months, for visits), with and without the month."""
    same_family = [f for f in frameworks.FRAMEWORKS if family(f) == family(inspection.framework)]
    return {inspection_id(inspection.council_code, f, d.year, month) for f in same_family
            for d in _dates(inspection) for month in (d.month, None)}


def _days(a: date, b: date) -> int:
    return (b - a).days


def _published_after_visit(dated: Inspection, published: date) -> bool:
    visit_end = dated.visit_end or dated.visit_start
    return visit_end is not None and 0 <= _days(visit_end, published) <= PUBLISHED_AFTER_VISIT_DAYS


# The graded Ofsted frameworks a text may name for one year: its year decides between them only roughly (the
# SIF began in November 2013, ILACS in 2018; a minute recalling "the 2013 judgement" may mean either side).
_GRADED_OFSTED = frameworks.OFFICIALLY_GRADED


def year_only_aliases(inspection: Inspection) -> set[str]:
    """Every id a mention knowing only a year could have given this dated graded inspection: any graded Ofsted
    framework in force that year, for the years of its dates and, when it was published early in a year, the
    year before (the year inspectors visited, within the publication lag: Hillingdon's SIF, published in
    February 2014, is "the 2013 inspection" to a 2015 minute)."""
    if inspection.framework not in _GRADED_OFSTED:
        return set()
    years = {d.year for d in _dates(inspection)}
    if inspection.published_on and (inspection.published_on - date(inspection.published_on.year, 1, 1)).days \
            <= PUBLISHED_AFTER_VISIT_DAYS:
        years.add(inspection.published_on.year - 1)
    return {inspection_id(inspection.council_code, f, year) for year in years for f in _GRADED_OFSTED
            if f in _in_force(year)}


def _in_force(year: int) -> set[str]:
    """Graded Ofsted frameworks that were in force at some time in a year (families whole)."""
    found = {ofsted_framework(date(year, 1, 1)), ofsted_framework(date(year, 12, 31))}
    return {f for f in _GRADED_OFSTED if family(f) in {family(x) for x in found} or
            (f == frameworks.SLAC and frameworks.SAFEGUARDING_LA in found)}


def same_inspection(a: Inspection, b: Inspection) -> bool:
    """Same council and framework family, and dates that agree: visits that overlap, publication dates
    within a few weeks, or one's publication soon after the other's visit. Rows without dates (news
    knows a year) match a dated row when their id is one the dated row could have been given, or, for a
    graded inspection, one a mention of its year could have given it (`year_only_aliases`)."""
    if a.council_code != b.council_code:
        return False
    if a.inspection_id == b.inspection_id:
        return True
    if bool(_dates(a)) != bool(_dates(b)):
        dated, undated = (a, b) if _dates(a) else (b, a)
        if undated.inspection_id in year_only_aliases(dated):
            return True
    if family(a.framework) != family(b.framework):
        return False
    if not _dates(a) or not _dates(b):
        return a.inspection_id in aliases(b) or b.inspection_id in aliases(a)
    if a.visit_start and b.visit_start:  # both know when inspectors were on site: that decides
        a_end, b_end = a.visit_end or a.visit_start, b.visit_end or b.visit_start
        return _days(a_end, b.visit_start) <= VISIT_SLACK_DAYS and _days(b_end, a.visit_start) <= VISIT_SLACK_DAYS
    if a.published_on and b.published_on and abs(_days(a.published_on, b.published_on)) <= PUBLISHED_WITHIN_DAYS:
        return True
    return bool((b.published_on and _published_after_visit(a, b.published_on))
                or (a.published_on and _published_after_visit(b, a.published_on)))


def _best_match(candidate: Inspection, known: list[Inspection]) -> str | None:
    """The known inspection a candidate is the same as: one its own dates or id agree with, else one only a
    year-only mention's looser rule matches (the closest in time first)."""
    matches = [k for k in known if same_inspection(candidate, k)]
    if not matches:
        return None
    exact = [k for k in matches if family(k.framework) == family(candidate.framework)
             and (bool(_dates(candidate)) or candidate.inspection_id in aliases(k))]
    return (exact or matches)[0].inspection_id


@dataclass
class Resolution:
    """How a batch's inspections join the stored ones: batch ids renamed, stored ids re-keyed, rows to write."""

    renamed: dict[str, str]  # a batch row's id -> the id it keeps
    rekeyed: dict[str, str]  # a stored inspection's id -> the id its rows move to
    rows: list[Inspection]


def resolve_identities(candidates: list[tuple[Inspection, int]], known: list[tuple[Inspection, int]]) -> Resolution:
    """Fold each candidate (an inspection with its document's rank, DOC_TYPE_RANK) into a known one it matches.

    The higher-ranked row's values win and the lower one only fills gaps (a tie: the candidate, a fresher
    parse, wins). The id kept is the highest-ranked row's, the smallest on a tie, so the same documents
    give the same ids whatever order they were loaded in; a stored inspection whose id loses is re-keyed.
    Candidates are taken highest rank first, and each becomes known to the next. Each row written gets the
    framework version and graded judgements of its merged framework and dates (`with_version`).
    """
    pool: dict[str, tuple[Inspection, int]] = {}
    groups: dict[str, set[str]] = {}  # council -> ids: only these can match

    def put(inspection: Inspection, rank: int) -> None:
        pool[inspection.inspection_id] = (inspection, rank)
        groups.setdefault(inspection.council_code, set()).add(inspection.inspection_id)

    def take(inspection_id: str) -> tuple[Inspection, int]:
        inspection, rank = pool.pop(inspection_id)
        groups[inspection.council_code].discard(inspection_id)
        return inspection, rank

    for k, rank in known:
        put(k, rank)
    stored = set(pool)
    renamed: dict[str, str] = {}
    rekeyed: dict[str, str] = {}
    rows: dict[str, Inspection] = {}
    for candidate, rank in sorted(candidates, key=lambda c: (-c[1], c[0].inspection_id)):
        # Every inspection of the council: a year-only mention may name the framework of its year loosely.
        group = groups.get(candidate.council_code, set())
        match_id = candidate.inspection_id if candidate.inspection_id in pool else _best_match(
            candidate, [pool[kid][0] for kid in sorted(group)])
        if match_id is None:
            put(candidate, rank)
            rows[candidate.inspection_id] = candidate
            continue
        match, match_rank = take(match_id)
        rows.pop(match_id, None)
        weak, strong = (match, candidate) if rank >= match_rank else (candidate, match)
        kept = min(candidate.inspection_id, match_id) if rank == match_rank else strong.inspection_id
        merged = Inspection(**{f: getattr(strong, f) if getattr(strong, f) is not None else getattr(weak, f)
                               for f in Inspection.__dataclass_fields__})
        merged = replace(merged, inspection_id=kept)
        for old in (candidate.inspection_id, match_id):
            if old != kept:
                renamed[old] = kept
                if old in stored:
                    rekeyed[old] = kept
        for mapping in (renamed, rekeyed):
            for old, new in mapping.items():
                if new in (candidate.inspection_id, match_id):
                    mapping[old] = kept
        put(merged, max(rank, match_rank))
        rows[kept] = merged
    return Resolution({old: new for old, new in renamed.items() if old != new},
                      {old: new for old, new in rekeyed.items() if old != new},
                      [with_version(row) for row in rows.values()])
