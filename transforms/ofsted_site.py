"""A council's Ofsted provider page -> its inspections (framework, publication date, report URL).

The page lists every report Ofsted published about the council, so it is the index of the
council's inspections; it carries no grades, so it yields no ratings. The council is the one
whose Ofsted URN ends the page's URL. Inspection ids use the publication date's year (and
month, for visits), the only date the page gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from csi import frameworks
from csi.records import CELL_SEPARATOR, Document, DocumentCouncil, DocumentInspection, Extraction, Inspection
from csi.reference import provider_urn
from transforms.councils import load_councils
from transforms.inspections import inspection_id, inspectorate_for, named_framework, ofsted_framework


@dataclass(frozen=True)
class ProviderEntry:
    """One report listed on a provider page, with its framework in the contract's vocabulary (None: a kind that
    is not an inspection of the council's children's services, such as an Area SEND inspection)."""

    label: str
    framework: str | None
    published_on: date | None
    report_url: str


_INSPECTION = re.compile(r"\binspection\b", re.I)


def entry_framework(label: str, published_on: date | None) -> str | None:
    """The kind of a listed report, by the listing wordings of csi/frameworks.py: "Focused visit" -> focused_visit,
    "Joint area child protection inspection" -> jtai, "Area SEND full inspection" -> None (no inspection row);
    "Children's services inspection" -> the framework in force when it was published (ilacs_standard until its
    report's visit length says short, sif, sif_reinspection ...); anything else -> other (see unknown_entries)."""
    declared = frameworks.first_match(frameworks.LISTINGS, label)
    if declared is not None:
        return declared.code if declared.council_inspection else None
    named = named_framework(label)
    if named:
        return named
    if _INSPECTION.search(label) and published_on is not None:
        return ofsted_framework(published_on, label)
    return frameworks.OTHER


def _recognised(label: str) -> bool:
    return bool(frameworks.first_match(frameworks.LISTINGS, label) or named_framework(label)
                or _INSPECTION.search(label))


def provider_entries(doc: Document) -> list[ProviderEntry]:
    """The reports a parsed provider page lists (its "label | yyyy-mm-dd | URL" blocks), newest first."""
    entries = []
    for block in doc.blocks:
        cells = block.text.split(CELL_SEPARATOR)
        if block.kind != "table_row" or len(cells) != 3:
            continue
        label, when, url = cells
        published_on = date.fromisoformat(when) if when else None
        entries.append(ProviderEntry(label, entry_framework(label, published_on), published_on, url))
    return entries


def unknown_entries(text: str) -> list[str]:
    """Labels of a stored provider page's text (its "label | date | URL" lines) that no wording recognises:
    recorded as `other`, and noted in the run summary so a new kind of report gets a rule."""
    unknown = []
    for line in text.split("\n"):
        cells = line.split(CELL_SEPARATOR)
        if len(cells) == 3 and not _recognised(cells[0]):
            unknown.append(cells[0])
    return unknown


@cache
def _council_by_urn() -> dict[str, str]:
    return {c.ofsted_urn: c.council_code for c in load_councils() if c.ofsted_urn}


def council_of_provider(url: str) -> str | None:
    """The council whose Ofsted URN ends the provider page's URL (reference data), if any."""
    return _council_by_urn().get(provider_urn(url) or "")


def provider_page_rows(doc: Document) -> Extraction:
    """One inspection per dated report the page lists (no ratings: the page carries no grades), except kinds
    that are not inspections of the council's children's services (Area SEND)."""
    out = Extraction()
    council = council_of_provider(doc.url)
    if council is None:
        return out
    inspections: dict[str, Inspection] = {}
    for entry in provider_entries(doc):
        if entry.published_on is None or entry.framework is None:
            continue
        when = entry.published_on
        iid = inspection_id(council, entry.framework, when.year, when.month)
        inspections.setdefault(iid, Inspection(
            inspection_id=iid, council_code=council, inspectorate=inspectorate_for(entry.framework),
            framework=entry.framework, visit_start=None, visit_end=None, published_on=when, lead_inspector=None,
            report_url=entry.report_url))
    out.document_councils = [DocumentCouncil(doc.document_id, council, len(inspections))]
    out.inspections = list(inspections.values())
    out.document_inspections = [DocumentInspection(doc.document_id, iid) for iid in inspections]
    return out
