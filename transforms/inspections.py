"""Which inspections a document talks about: inspectorate, framework and when.

Frameworks follow from the inspectorate's wording and the date: ILACS from 2018, the single
inspection framework (SIF) from November 2013, safeguarding and looked-after inspections
from 2009, the Social Services Inspectorate before 2004.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from csi.dates import MONTH_PATTERN, month_number

_JOINT = re.compile(r"\bjoint\s+(?:targeted\s+area\s+)?inspection|\bJTAI\b", re.I)
_SSI = re.compile(r"\bSocial\s+Services\s+Inspectorate\b|\bSSI\b")
_FOCUSED = re.compile(r"\bfocused\s+visit", re.I)
_MONITORING = re.compile(r"\bmonitoring\s+visit", re.I)
_SHORT = re.compile(r"\bshort\s+inspection", re.I)
_REINSPECTION = re.compile(r"\bre-?inspection", re.I)
_INSPECTION_WORD = re.compile(r"\b(?:inspect\w*|visit(?:ed)?)\b", re.I)
_IN_MONTH = re.compile(rf"\b(?:in|during|from)\s+{MONTH_PATTERN}(?:\s+(?:and|to|-)\s+{MONTH_PATTERN})?"
                       rf"(?:\s+((?:19|20)\d{{2}}))?\b",
                       re.I)
_OFSTED_INSPECTION = re.compile(r"\bOfsted\s+inspection|\binspectors?\s+visited|\binspection\s+(?:in|during)\b"
                                r"|\bvisited\s+in\b", re.I)
UNGRADED = ("focused_visit", "monitoring_visit", "jtai")  # visits and joint inspections: no grades
ILACS_START = date(2018, 1, 1)
SIF_START = date(2013, 11, 1)
SAFEGUARDING_START = date(2009, 6, 1)


@dataclass(frozen=True)
class InspectionClaim:
    inspectorate: str
    framework: str
    year: int
    month: int | None
    text: str


def inspectorate_for(framework: str) -> str:
    """The inspectorate behind a framework: SSI before 2004, joint for joint reviews, else Ofsted."""
    return {"ssi": "ssi", "jtai": "joint", "jar": "joint"}.get(framework, "ofsted")


def ofsted_framework(when: date, text: str = "") -> str:
    """The Ofsted framework in force at a date, refined by the document's wording."""
    if when >= ILACS_START:
        return "ilacs_short" if _SHORT.search(text) else "ilacs_standard"
    if when >= SIF_START:
        return "sif_reinspection" if _REINSPECTION.search(text) else "sif"
    if when >= SAFEGUARDING_START:
        return "safeguarding_la"
    return "jar" if when.year >= 2005 else "ssi"


def _when(sentence: str, reference: date | None) -> tuple[int | None, int | None]:
    """(year, month) of the visit a sentence mentions; a month without a year is the latest before reference."""
    m = _IN_MONTH.search(sentence)
    if not m:
        return (reference.year if reference else None), None
    month = month_number(m[1])
    if m[3]:
        return int(m[3]), month
    if reference is None:
        return None, month
    return (reference.year if month <= reference.month else reference.year - 1), month


def inspection_claims(sentences: list[str], reference: date | None) -> list[InspectionClaim]:
    """Inspections named in the document's sentences, in order of first mention (undated ones need a year)."""
    claims: list[InspectionClaim] = []
    for sentence in sentences:
        if not _INSPECTION_WORD.search(sentence):
            continue
        year, month = _when(sentence, reference)
        if year is None:
            continue
        if _JOINT.search(sentence):
            framework = "jtai"
        elif _SSI.search(sentence):
            framework = "ssi"
        elif _FOCUSED.search(sentence):
            framework = "focused_visit"
        elif _MONITORING.search(sentence):
            framework = "monitoring_visit"
        elif _OFSTED_INSPECTION.search(sentence) and month is not None:
            framework = ofsted_framework(date(year, month, 1), sentence)
        else:
            continue
        claims.append(InspectionClaim(inspectorate_for(framework), framework, year, month, sentence))
    return claims
