"""Every inspection framework, declared once: the warehouse vocabulary, the report's labels and every
wording rule (report titles, provider-page labels, official files, news) derive from this list.

A framework grades a fixed list of judgements, which changed over time: ILACS graded four judgements
from 2018 (children in care and care leavers together), five from January 2023 (care leavers apart),
and, from the reform of April 2026, the same four sub-judgements without overall effectiveness.
Each such list is a :class:`Version`, chosen by the first day on site. The version is recorded on the
inspection (``inspections.framework_version`` and ``inspections.graded_judgements``), so "not graded
under this framework" (a judgement outside the list) is told apart from "not found" (in the list, no
rating).

The order of declaration is the order wordings are tried in (most specific first); ``display_order`` is
the report's. Kinds Ofsted lists that are not inspections of a council's children's services (Area SEND)
are declared too, with ``council_inspection=False``: they yield no inspection row and no grade.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Version:
    """One edition of a framework: the judgements it grades, for inspections starting on or after `starts`."""

    name: str
    starts: date
    graded: tuple[str, ...]


@dataclass(frozen=True)
class Framework:
    code: str  # the `framework` vocabulary value
    label: str  # how the report and docs name it
    display_order: int
    inspectorate: str
    family: str  # frameworks one source may confuse for another (ILACS standard/short)
    grades: bool = False  # False: never graded (visits, joint inspections, conversations)
    versions: tuple[Version, ...] = ()  # the judgements it grades, when declared (ILACS, SIF)
    report_title: str | None = None  # wording of the title of its report or letter (regex)
    listing: str | None = None  # wording of its entries on a provider page (regex)
    official: str | None = None  # wording of its "inspection type" in Ofsted's official files (regex)
    named: str | None = None  # wording that names it in news and minutes (regex)
    by_month: bool = False  # a council can have two in one year: ids use the month too
    year_stated: bool = False  # long ended: news naming it must state the year (never the document's year)
    council_inspection: bool = True  # False: listed by Ofsted, but not an inspection of children's services

    def version_shown(self, on: date | None, shown: set[str]) -> Version | None:
        """The version a report follows: near a change (TRANSITION_DAYS either side of the first day on site) the
        one whose graded judgements are exactly those the report shows, else the one in force on that day."""
        if on is not None:
            near = [v for v in self.versions if abs((v.starts - on).days) <= TRANSITION_DAYS
                    or (v.starts <= on and v is self.version(on))]
            matching = [v for v in near if set(v.graded) == shown]
            if len(matching) == 1:
                return matching[0]
        return self.version(on)

    def version(self, on: date | None) -> Version | None:
        """The version in force for an inspection starting on that day; None when the day is unknown and the
        framework had several versions (news that dates an inspection by its year only)."""
        if not self.versions or (on is None and len(self.versions) > 1):
            return None
        if on is None:
            return self.versions[0]
        started = [v for v in self.versions if v.starts <= on]
        return started[-1] if started else self.versions[0]


# "Inspection of <X> local authority children's services", "... of Kent County Council children's services", and the
# trusts and companies that deliver a council's services ("Bradford Children and Families Trust", "Achieving for
# Children", "Slough Children First"): every form names children within the title.
_ILACS_TITLE = r"\binspection\s+of\b.{0,200}?\bchildren"
_ILACS_2018 = ("overall_effectiveness", "leadership", "help_and_protection", "children_in_care")
_ILACS_VERSIONS = (
    Version("ilacs-2018", date(2018, 1, 1), _ILACS_2018),
    Version("ilacs-2023", date(2023, 1, 1), _ILACS_2018 + ("care_leavers",)),
    Version("ilacs-2026", date(2026, 4, 1), ("leadership", "help_and_protection", "children_in_care", "care_leavers")),
)
_SIF_JUDGEMENTS = ("overall_effectiveness", "help_and_protection", "children_in_care", "adoption", "care_leavers",
                   "leadership")

DECLARED = (
    Framework("area_send", "Area SEND inspection", 14, "joint", "area_send",
              report_title=r"area\s+SEND\b|local\s+area\s+partnership|special\s+educational\s+needs",
              listing=r"(?-i:\bSEND\b)|special\s+educational\s+needs|local\s+area\s+partnership",
              council_inspection=False),
    Framework("jtai", "JTAI", 9, "joint", "jtai",
              report_title=r"joint\s+targeted\s+area\s+inspection|joint\s+area\s+child\s+protection",
              listing=r"joint\s+targeted|\bJTAI\b|joint\s+area\s+child\s+protection|joint\s+inspection",
              official=r"\bjtai\b|joint\s+targeted",
              named=r"\bjoint\s+targeted\s+area\s+inspection|\bJTAI\b|\bjoint\s+inspection"
                    r"|\bjoint\s+area\s+child\s+protection", by_month=True),
    Framework("jar", "Joint area review", 8, "joint", "jar", grades=True, named=r"\bjoint\s+area\s+review|\bJAR\b",
              listing=r"joint\s+area\s+review", year_stated=True),
    Framework("apa", "Annual performance assessment", 7, "ofsted", "apa", grades=True,
              named=r"\bannual\s+performance\s+assessment|\bAPA\b", listing=r"annual\s+performance\s+assessment",
              year_stated=True),
    Framework("slac", "SLAC", 5, "ofsted", "slac", grades=True,
              listing=r"looked\s+after\s+children|\bSLAC\b",
              official=r"\bslac\b|\btlac\b|looked\s+after\s+children",
              named=r"\bsafeguarding\s+and\s+looked[-\s]after\s+children\b|\bSLAC\b", by_month=True, year_stated=True),
    Framework("ssi", "SSI", 12, "ssi", "ssi", grades=True, named=r"(?-i:\bSocial\s+Services\s+Inspectorate\b|\bSSI\b)"),
    Framework("focused_visit", "Focused visit", 10, "ofsted", "focused_visit",
              report_title=r"focused\s+visit\s+to\b", listing=r"focused\s+visit", official=r"focused\s+visit",
              named=r"\bfocused\s+visit", by_month=True),
    Framework("monitoring_visit", "Monitoring visit", 11, "ofsted", "monitoring_visit",
              report_title=r"monitoring\s+visit\s+to\b", listing=r"monitoring\s+visit", official=r"monitoring\s+visit",
              named=r"\bmonitoring\s+visit", by_month=True),
    Framework("sif_reinspection", "SIF re-inspection", 3, "ofsted", "sif", grades=True,
              versions=(Version("sif-reinspection", date(2013, 11, 1), _SIF_JUDGEMENTS),),
              report_title=r"re-?inspection\s+of\s+services\s+for\s+children", official=r"\bsif\b.*re-?inspection"),
    Framework("sif", "SIF", 4, "ofsted", "sif", grades=True,
              versions=(Version("sif", date(2013, 11, 1), _SIF_JUDGEMENTS + ("lscb",)),),
              report_title=r"inspection\s+of\s+services\s+for\s+children\s+in\s+need",
              official=r"\bsif\b|single\s+inspection"),
    Framework("ilacs_short", "ILACS short", 2, "ofsted", "ilacs", grades=True, versions=_ILACS_VERSIONS,
              official=r"ilacs\s+short"),
    Framework("ilacs_standard", "ILACS standard", 1, "ofsted", "ilacs", grades=True, versions=_ILACS_VERSIONS,
              report_title=_ILACS_TITLE, official=r"ilacs\s+standard"),
    Framework("safeguarding_la", "Safeguarding (LA)", 6, "ofsted", "safeguarding_la", grades=True,
              listing=r"child\s+protection|safeguarding", official=r"\bcpr?i\b|child\s+protection", by_month=True),
    Framework("other", "Other framework", 13, "ofsted", "other", named=r"\bannual\s+(?:engagement\s+)?conversation",
              by_month=True),
)
BY_CODE = {f.code: f for f in DECLARED}
COUNCIL_FRAMEWORKS = tuple(f for f in DECLARED if f.council_inspection)
# The warehouse vocabulary (inspections.framework), in display order.
FRAMEWORKS = tuple(f.code for f in sorted(COUNCIL_FRAMEWORKS, key=lambda f: f.display_order))
UNGRADED = tuple(f.code for f in COUNCIL_FRAMEWORKS if not f.grades)
BY_MONTH = tuple(f.code for f in COUNCIL_FRAMEWORKS if f.by_month)
OTHER = BY_CODE["other"].code

# A report of an inspection started this close to a version's start may follow either version: its table decides.
TRANSITION_DAYS = 120

# When each Ofsted framework came into force (by first day on site): what an undated mention of "an
# Ofsted inspection" in a given year refers to.
ERAS = ((date(2018, 1, 1), "ilacs"), (date(2013, 11, 1), "sif"), (date(2009, 6, 1), "safeguarding_la"),
        (date(2005, 1, 1), "jar"), (date.min, "ssi"))
ILACS_SHORT = BY_CODE["ilacs_short"]
ILACS_STANDARD = BY_CODE["ilacs_standard"]
SIF = BY_CODE["sif"]
SIF_REINSPECTION = BY_CODE["sif_reinspection"]
SSI = BY_CODE["ssi"].code
YEAR_STATED = tuple(f.code for f in COUNCIL_FRAMEWORKS if f.year_stated)  # apa, jar, slac
NAMED_EARLIER = (*YEAR_STATED, SSI)  # graded frameworks before 2013 that news names in words
# Graded frameworks that Ofsted's official files record (a mention knowing only a year may mean any one in force).
OFFICIALLY_GRADED = tuple(f.code for f in COUNCIL_FRAMEWORKS if f.grades and f.official)
SLAC = BY_CODE["slac"].code
SAFEGUARDING_LA = BY_CODE["safeguarding_la"].code
PRE_2013 = tuple(f.code for f in COUNCIL_FRAMEWORKS if f.family in ("slac", "safeguarding_la", "jar", "apa", "ssi"))


def _wordings(attribute: str) -> list[tuple[Framework, re.Pattern]]:
    flags = re.I | re.S if attribute == "report_title" else re.I
    return [(f, re.compile(getattr(f, attribute), flags))
            for f in DECLARED if getattr(f, attribute)]


REPORT_TITLES = _wordings("report_title")
LISTINGS = _wordings("listing")
OFFICIAL = _wordings("official")
NAMED = _wordings("named")


def get(code: str) -> Framework:
    return BY_CODE[code]


def family(code: str) -> str:
    return BY_CODE[code].family if code in BY_CODE else code


def inspectorate(code: str) -> str:
    return BY_CODE[code].inspectorate


def label(code: str | None) -> str:
    return BY_CODE[code].label if code in BY_CODE else "Framework unknown"


def graded_judgements(code: str, on: date | None) -> tuple[str, ...] | None:
    """The judgements an inspection of this framework starting on that day is graded on: empty for a framework
    that grades nothing, None when the framework grades but its list is not declared (before 2013)."""
    framework = BY_CODE.get(code)
    if framework is None or not framework.grades:
        return ()
    version = framework.version(on)
    return version.graded if version else None


def version_name(code: str, on: date | None) -> str | None:
    version = BY_CODE[code].version(on) if code in BY_CODE else None
    return version.name if version else None


def first_match(wordings: list[tuple[Framework, re.Pattern]], text: str) -> Framework | None:
    return next((f for f, pattern in wordings if pattern.search(text)), None)


def named_in(text: str) -> str | None:
    """The framework a text names in words ("a focused visit", "the joint area review"), if any."""
    found = first_match(NAMED, text)
    return found.code if found else None


def official_framework(inspection_type: str) -> str | None:
    """"ILACS Short Inspection" -> ilacs_short, "Safeguarding & Looked After Children (SLAC) Inspection" -> slac."""
    found = first_match(OFFICIAL, inspection_type)
    return found.code if found else None


def in_force(when: date, short: bool = False, reinspection: bool = False) -> str:
    """The Ofsted framework in force at a date (standard or short ILACS, SIF or its re-inspection...)."""
    era = next(name for start, name in ERAS if when >= start)
    if era == "ilacs":
        return (ILACS_SHORT if short else ILACS_STANDARD).code
    if era == "sif":
        return (SIF_REINSPECTION if reinspection else SIF).code
    return BY_CODE[era].code
