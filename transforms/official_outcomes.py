"""Ofsted's published local-authority inspection outcomes (management information) -> inspections and ratings.

The official record of every grade, read from the spreadsheets Ofsted publishes (ODS, XLSX: read with
python-calamine) or CSV copies of their sheets, every sheet of every edition, in four layouts:

- one row per inspection ("ILACS_inspection_history", "In-year_inspections", "Inspections_in_year_2023-24"):
  area code, local authority name, inspection (or visit) date, publication date (not in every edition),
  inspection type, one column per judgement;
- one row per council: its latest inspection as at 31 March ("Inspections_as_at_31_March",
  "Inspections_31_March_2024"): name, inspection date, publication date (not in every edition), judgements,
  but no inspection type. Its framework is that of the typed row of the same council and first day (from
  the other sheets and files loaded with it, else the warehouse), else the one in force on that day;
- one row per council with a column group per inspection ("LA_inspections_2009-2023": "<inspection>
  publication date" opens a group, "<inspection> inspection type" names the next one);
- one row per council, inspection and judgement (``la_name, inspection_group, inspection_type,
  publication_date, judgement, grade``: the long form of the previous one).

The whole file is one `statistics` document (source ``ofsted_mi``) dated by its edition (the 31 March it
describes, from its cover sheet or file name): every rating cites it, with the spreadsheet row it came from
as evidence. Its id comes from its content, so the same file loaded from another path is the same
document. Inspection ids use the publication year (and month, for visits), as the provider pages do, so
both line up, and a grade's year is the year it was published (as in every source: see ratings.rated_year);
when editions disagree, views prefer the newer edition and `rating_conflicts` shows the older one's grade.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from python_calamine import CalamineError, CalamineWorkbook

from csi.dates import safe_date
from csi.frameworks import in_force, official_framework
from csi.records import (
    GRADE_RANK,
    DocumentCouncil,
    DocumentInspection,
    DocumentRow,
    Inspection,
    Rating,
    make_id,
)
from transforms.councils import CouncilIndex, default_index
from transforms.grades import normalise_grade
from transforms.inspections import inspection_id, inspectorate_for

SOURCE = "ofsted_mi"
PUBLISHER = "Ofsted"
PARSER = "official_outcomes@1"
CONTENT_TYPES = {
    "csv": "text/csv",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xls": "application/vnd.ms-excel",
}
_NAME_HEADERS = ("local authority name", "la_name")
_TYPE_HEADERS = ("inspection type", "inspection/visit type")
_VISIT_HEADERS = ("inspection date", "inspection/visit date")
_MARCH_YEAR = re.compile(r"march[\s_-]*(\d{4})", re.I)  # "as at 31 March 2025", "as_at_March_2024"
_YEAR_RANGE = re.compile(r"(?<!\d)20\d{2}[\s_-](20\d{2}|\d{2})(?![\d-])")  # "2024_25", "2018_2025": the end
_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")

# Judgement column (or the long layout's judgement cell) -> judgement, most specific first.
JUDGEMENT_WORDS = [
    ("lscb", re.compile(r"\blscb\b|safeguarding\s+children\s+board", re.I)),
    ("adoption", re.compile(r"adoption", re.I)),
    ("care_leavers", re.compile(r"progress\s+of\s+care\s+leavers", re.I)),
    ("children_in_care", re.compile(r"children\s+in\s+care|looked\s+after\s+and\s+achieving", re.I)),
    ("looked_after", re.compile(r"looked\s+after|\btlac\b", re.I)),
    ("safeguarding", re.compile(r"safeguarding|\bcpr?i\b", re.I)),
    ("help_and_protection", re.compile(r"help\s+and\s+protection", re.I)),
    ("leadership", re.compile(r"leaders", re.I)),
    ("overall_effectiveness", re.compile(r"overall", re.I)),
]


class OutcomesError(ValueError):
    """The file cannot be read as a spreadsheet or CSV."""


# Inspection type or group -> framework: the official wordings declared in csi/frameworks.py ("ILACS Short
# Inspection" -> ilacs_short; the long layout gives both: "First ILACS framework" + "ILACS Short Inspection").
framework_of = official_framework


def judgement_of(column: str) -> str | None:
    """"The experiences and progress of children in care" -> children_in_care; None for other columns."""
    return next((name for name, pattern in JUDGEMENT_WORDS if pattern.search(column)), None)


@dataclass(frozen=True)
class Grade:
    column: str  # the judgement as the file names it
    label: str  # the grade words, verbatim
    evidence: str  # the spreadsheet row it came from, as text


@dataclass(frozen=True)
class OfficialRow:
    """One inspection as the official record gives it (inspection_type "" in a snapshot as at 31 March)."""

    council_name: str
    area_code: str | None
    inspection_type: str
    visit_date: date | None
    published_on: date | None
    grades: tuple[Grade, ...]
    evidence: str


@dataclass
class Outcomes:
    """What one file yields: its document and rows (a `warehouse.db.Batch`'s worth), and what was left out."""

    document: DocumentRow
    inspections: list[Inspection] = field(default_factory=list)
    ratings: list[Rating] = field(default_factory=list)
    document_councils: list[DocumentCouncil] = field(default_factory=list)
    document_inspections: list[DocumentInspection] = field(default_factory=list)
    rows: int = 0  # official rows read (one per inspection)
    skipped: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- reading

def read_sheets(data: bytes, name: str) -> dict[str, list[list]]:
    """Every sheet of a spreadsheet (a CSV file is one sheet named after the file), as rows of cells."""
    extension = name.rsplit(".", 1)[-1].lower()
    if extension == "csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise OutcomesError(f"{name}: not UTF-8 CSV: {exc}") from exc
        return {name: list(csv.reader(io.StringIO(text)))}
    if extension not in CONTENT_TYPES:
        raise OutcomesError(f"{name}: not a spreadsheet or CSV (expected .ods, .xlsx, .xls or .csv)")
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        return {sheet: workbook.get_sheet_by_name(sheet).to_python() for sheet in workbook.sheet_names}
    except (CalamineError, ValueError) as exc:
        raise OutcomesError(f"{name}: unreadable spreadsheet: {exc}") from exc


def _text(cell: object) -> str:
    if isinstance(cell, datetime):
        cell = cell.date()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell or "").split())


def _date(cell: object) -> date | None:
    text = _text(cell)
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _tables(rows: list[list]) -> list[tuple[list[str], list[list[str]]]]:
    """(header, data rows) of each table in a sheet: a header is a row with a local authority name column."""
    tables: list[tuple[list[str], list[list[str]]]] = []
    for row in rows:
        cells = [_text(c) for c in row]
        if any(c.lower() in _NAME_HEADERS for c in cells):
            tables.append((cells, []))
        elif tables and any(cells):
            tables[-1][1].append(cells)
    return tables


def _evidence(pairs: list[tuple[str, str]]) -> str:
    return "; ".join(f"{h}: {v}" for h, v in pairs if h and v)


def _column(header: list[str], *names: str) -> int | None:
    lowered = [h.lower() for h in header]
    return next((lowered.index(n) for n in names if n in lowered), None)


def _per_inspection(header: list[str], rows: list[list[str]]) -> list[OfficialRow]:
    """One row per inspection: type (none in a snapshot as at 31 March), dates and one column per judgement."""
    name = _column(header, "local authority name")
    code = _column(header, "local authority area code")
    kind = _column(header, *_TYPE_HEADERS)
    visit = _column(header, *_VISIT_HEADERS)
    published = _column(header, "publication date")
    judged = [i for i, h in enumerate(header) if i not in (name, code, kind, visit, published) and judgement_of(h)]
    out = []
    for cells in rows:
        cells = cells + [""] * (len(header) - len(cells))
        evidence = _evidence(list(zip(header, cells, strict=False)))
        out.append(OfficialRow(
            council_name=cells[name], area_code=cells[code] if code is not None else None,
            inspection_type=cells[kind] if kind is not None else "",
            visit_date=_date(cells[visit]) if visit is not None else None,
            published_on=_date(cells[published]) if published is not None else None,
            grades=tuple(Grade(header[i], cells[i], evidence) for i in judged if cells[i]), evidence=evidence))
    return out


def _wide(header: list[str], rows: list[list[str]]) -> list[OfficialRow]:
    """One row per council, a column group per inspection opened by "<inspection> publication date"; its type,
    where given, is in "<inspection> inspection type" (before or after the date)."""
    name = _column(header, "local authority name")
    groups: list[tuple[str, list[int]]] = []  # (inspection, [publication date column, judgement columns...])
    type_columns: dict[str, int] = {}
    for i, h in enumerate(header):
        low = h.lower()
        if low.endswith(" inspection type"):
            type_columns[h[: -len(" inspection type")].strip()] = i
        elif low.endswith(" publication date"):
            groups.append((h[: -len(" publication date")].strip(), [i]))
        elif groups and judgement_of(h):
            groups[-1][1].append(i)
    out = []
    for cells in rows:
        cells = cells + [""] * (len(header) - len(cells))
        for prefix, columns in groups:
            published = cells[columns[0]]
            if not published:
                continue
            kind = type_columns.get(prefix)
            inspection = f"{prefix} {cells[kind]}".strip() if kind is not None else prefix
            shown = [columns[0], *([kind] if kind is not None else []), *columns[1:]]
            evidence = _evidence([(header[name], cells[name]), *((header[i], cells[i]) for i in shown)])
            out.append(OfficialRow(
                council_name=cells[name], area_code=None, inspection_type=inspection, visit_date=None,
                published_on=_date(published),
                grades=tuple(Grade(header[i], cells[i], evidence) for i in columns[1:] if cells[i]),
                evidence=evidence))
    return out


def _long(header: list[str], rows: list[list[str]]) -> list[OfficialRow]:
    """One row per council, inspection and judgement: grouped back into inspections, in file order."""
    col = {h.lower(): i for i, h in enumerate(header)}
    grouped: dict[tuple[str, str, str], list[Grade]] = {}
    for cells in rows:
        cells = cells + [""] * (len(header) - len(cells))
        get = {h: cells[i] for h, i in col.items()}
        inspection = f"{get.get('inspection_group', '')} {get.get('inspection_type', '')}".strip()
        key = (get["la_name"], inspection, get.get("publication_date", ""))
        grouped.setdefault(key, []).append(
            Grade(get["judgement"], get["grade"], _evidence(list(zip(header, cells, strict=False)))))
    return [OfficialRow(council_name=name, area_code=None, inspection_type=inspection, visit_date=None,
                        published_on=_date(published), grades=tuple(g for g in grades if g.label),
                        evidence="\n".join(g.evidence for g in grades))
            for (name, inspection, published), grades in grouped.items()]


def official_rows(sheets: dict[str, list[list]]) -> tuple[list[OfficialRow], list[str]]:
    """Every inspection the sheets record, whatever their layout, and notes on the tables left out."""
    found: list[OfficialRow] = []
    skipped: list[str] = []
    for sheet, rows in sheets.items():
        for header, data in _tables(rows):
            named = [h.lower() for h in header if h]
            lowered = set(named)
            if len(lowered) < len(named):  # a column group per inspection with the same names: whose is which?
                skipped.append(f"{sheet}: {len(data)} row(s) in a table with repeated column names")
            elif {"la_name", "judgement", "grade"} <= lowered:
                found += _long(header, data)
            elif any(h.endswith(" publication date") for h in lowered):
                found += _wide(header, data)
            elif lowered & {"publication date", *_VISIT_HEADERS}:
                found += _per_inspection(header, data)
            else:
                skipped.append(f"{sheet}: {len(data)} row(s) in a table of unknown layout")
    return [r for r in found if r.council_name], skipped


# --------------------------------------------------------------------------- rows

def typed_frameworks(rows: list[OfficialRow], index: CouncilIndex | None = None) -> dict[tuple[str, date], str]:
    """(council, first day on site) -> framework, from the rows that state their inspection type: what a snapshot
    row (no type) of the same inspection was."""
    index = index or default_index()
    known = {}
    for row in rows:
        framework = framework_of(row.inspection_type)
        code = _council(index, row)
        if framework and code and row.visit_date:
            known[(code, row.visit_date)] = framework
    return known


def _council(index: CouncilIndex, row: OfficialRow) -> str | None:
    when = row.published_on or row.visit_date
    if row.area_code and _known(index, row.area_code):
        # Listed under today's code, filed under the council that existed then (North Yorkshire 2018: the county).
        return index.as_of(row.area_code, row.visit_date or when) if when else row.area_code
    return index.resolve(row.council_name, on=when)


def outcomes_rows(document: DocumentRow, rows: list[OfficialRow], index: CouncilIndex | None = None,
                  known: Mapping[tuple[str, date], str] | None = None) -> Outcomes:
    """Inspections and ratings of the official rows, all citing `document`; rows that name no known council,
    no framework or no date are left out with a note. A snapshot row (no type) takes the framework `known`
    (see typed_frameworks) gives its council and first day, else the one in force on that day."""
    index = index or default_index()
    known = {**typed_frameworks(rows, index), **(known or {})}
    out = Outcomes(document)
    inspections: dict[str, Inspection] = {}
    ratings: dict[str, Rating] = {}
    councils: Counter[str] = Counter()
    for row in rows:
        when = row.published_on or row.visit_date
        code = _council(index, row)
        framework = framework_of(row.inspection_type)
        if not row.inspection_type and code and row.visit_date:  # a snapshot as at 31 March
            framework = known.get((code, row.visit_date)) or in_force(row.visit_date)
        if code is None or framework is None or when is None:
            missing = "council" if code is None else "date" if when is None or not row.inspection_type and \
                row.visit_date is None else "framework"
            out.skipped.append(f"unknown {missing}: {row.evidence.splitlines()[0][:300]}")
            continue
        out.rows += 1
        councils[code] += 1
        iid = inspection_id(code, framework, when.year, when.month)
        inspections.setdefault(iid, Inspection(
            inspection_id=iid, council_code=code, inspectorate=inspectorate_for(framework), framework=framework,
            visit_start=row.visit_date, visit_end=None, published_on=row.published_on, lead_inspector=None,
            report_url=None))
        for grade in row.grades:
            judgement, normal = judgement_of(grade.column), normalise_grade(grade.label)
            if judgement is None or normal is None:  # "-": no judgement was made
                continue
            rid = make_id("rating", document.document_id, code, iid, judgement, normal, False)
            ratings.setdefault(rid, Rating(
                rating_id=rid, council_code=code, inspection_id=iid, judgement=judgement, grade=normal,
                grade_rank=GRADE_RANK[normal], grade_label=grade.label, rated_year=when.year,
                rated_on=row.published_on, is_historical=False, document_id=document.document_id,
                evidence=grade.evidence))
    out.inspections = list(inspections.values())
    out.ratings = list(ratings.values())
    out.document_councils = [DocumentCouncil(document.document_id, c, n) for c, n in sorted(councils.items())]
    out.document_inspections = [DocumentInspection(document.document_id, iid) for iid in inspections]
    return out


def _known(index: CouncilIndex, code: str) -> bool:
    try:
        index.council(code)
    except KeyError:
        return False
    return True


def cover_title(sheets: dict[str, list[list]]) -> str | None:
    """The title on a workbook's cover sheet, its first cell that names a year ("Local authority inspection outcomes
    as at 31 March 2025", "Children's social care data in England 2023")."""
    first = next(iter(sheets), "")
    cells = [_text(c) for row in sheets[first][:4] for c in row] if "cover" in first.lower() else []
    return next((c for c in cells if _YEAR.search(c)), None)


def edition_of(sheets: dict[str, list[list]], name: str) -> date | None:
    """The 31 March an edition describes, from its cover sheet's title ("... as at 31 March 2025"), else its file
    name: "as_at_March_2024", an in-year "2024_25" (its end), else the latest year it names."""
    for text in (cover_title(sheets) or "", name):
        if m := _MARCH_YEAR.search(text):
            return safe_date(int(m[1]), 3, 31)
        if m := _YEAR_RANGE.search(text):
            return safe_date(int(m[1]) if len(m[1]) == 4 else 2000 + int(m[1]), 3, 31)
        if years := _YEAR.findall(text):
            return safe_date(max(int(y) for y in years), 3, 31)
    return None


@dataclass
class OutcomesFile:
    """One file read: its document and official rows, before they become inspections and ratings."""

    document: DocumentRow
    rows: list[OfficialRow]
    skipped: list[str]


def read_file(data: bytes, name: str, url: str | None, fetched_at: datetime) -> OutcomesFile:
    """An outcomes file (its bytes and file name) as one statistics document, dated by its edition. Its id comes
    from its content, its URL is where it was published, else its content hash (urn:sha256:...), and its title
    is its cover sheet's (else its file name), so the same file from another path is the same document."""
    sheets = read_sheets(data, name)
    rows, skipped = official_rows(sheets)
    sha256 = hashlib.sha256(data).hexdigest()
    extension = name.rsplit(".", 1)[-1].lower()
    document = DocumentRow(
        document_id=make_id("document", SOURCE, sha256), url=url or f"urn:sha256:{sha256}", source=SOURCE,
        publisher=PUBLISHER, doc_type="statistics", title=cover_title(sheets) or name, author=None,
        published_on=edition_of(sheets, name),
        fetched_at=fetched_at, content_sha256=sha256, content_type=CONTENT_TYPES.get(extension), parser=PARSER,
        text="\n".join(r.evidence for r in rows))
    return OutcomesFile(document, rows, skipped)


def read_outcomes(data: bytes, name: str, url: str | None, fetched_at: datetime,
                  index: CouncilIndex | None = None) -> Outcomes:
    """An outcomes file as one statistics document with its inspections and ratings (see read_file)."""
    file = read_file(data, name, url, fetched_at)
    out = outcomes_rows(file.document, file.rows, index)
    out.skipped[:0] = file.skipped
    return out
