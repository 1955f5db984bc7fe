"""Typed records that pass between the rooms (scrapers -> transforms -> warehouse).

Every record maps one-to-one onto a warehouse table (see warehouse/migrations), so the
loader can turn a list of records into an Arrow table without per-field code. Ids are
derived from content with :func:`make_id`, never from row order, so reruns update rows
instead of duplicating them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, make_dataclass
from datetime import date, datetime

# The grades, best first, with how a reader sees each (the report's labels); the rank is the position.
GRADE_LABELS = {"outstanding": "Outstanding", "good": "Good", "requires_improvement": "Requires improvement",
                "inadequate": "Inadequate"}
GRADES = tuple(GRADE_LABELS)
GRADE_RANK = {grade: rank for rank, grade in enumerate(GRADES, start=1)}

JUDGEMENTS = (
    "overall_effectiveness", "leadership", "help_and_protection", "children_in_care",
    "care_leavers", "adoption", "lscb", "safeguarding", "looked_after", "other",
)
INSPECTORATES = ("ofsted", "ssi", "cqc", "hmicfrs", "hmi_probation", "joint")
DOC_TYPES = ("news", "minutes", "ofsted_report", "ofsted_provider_page", "press_release", "statistics", "other")
FINDING_KINDS = ("strength", "weakness", "recommendation")
# The themes of findings, with their labels, in display order.
THEME_LABELS = {
    "leadership": "Leadership", "governance": "Governance", "workforce": "Workforce", "caseloads": "Caseloads",
    "supervision": "Supervision", "assessment": "Assessment", "planning": "Planning", "permanence": "Permanence",
    "adoption": "Adoption", "care_leavers": "Care leavers", "exploitation_missing": "Exploitation and missing",
    "early_help": "Early help", "front_door": "Front door", "partnership": "Partnership working",
    "performance_management": "Performance management", "disabled_children": "Disabled children",
    "voice_of_child": "Voice of the child", "placements": "Placements", "other": "Other",
}
THEMES = tuple(THEME_LABELS)
METRIC_UNITS = ("count", "percent", "weeks", "ratio", "gbp", "days")
FETCH_OUTCOMES = (
    "ok", "not_modified", "http_error", "timeout", "connection_error", "robots_disallowed",
    "too_large", "bad_content_type", "parse_error",
)


CELL_SEPARATOR = " | "  # between the cells of a table_row block (HTML tables, Ofsted's report lists)

_LOOPBACK_PORT = re.compile(r"^(https?://(?:127(?:\.\d{1,3}){3}|localhost|\[::1\]))(?::\d+)(?=[/?#]|$)", re.I)


def identity_url(url: str) -> str:
    """The URL as document ids see it: a loopback server's port is wherever it happened to listen (`csi demo`
    takes a free one), not part of which page it is. Any other URL is its own identity."""
    return _LOOPBACK_PORT.sub(r"\1", url)


def make_id(*parts: object) -> str:
    """A stable 16-hex-digit id from the given parts (None and '' are equivalent)."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Block:
    """A structural piece of a page's main content, in reading order.

    kind is one of: heading, paragraph, list_item, table_row, quote, comment (a reader's comment under the post,
    in Document.comments). A table_row's cells are joined by CELL_SEPARATOR.
    list_id groups the items of one list; items of different lists never share it.
    """

    kind: str
    text: str
    level: int = 0
    list_id: int | None = None


@dataclass
class Document:
    """A parsed page: metadata plus main text and its blocks, ready for extraction."""

    url: str
    source: str
    publisher: str | None
    doc_type: str
    title: str | None
    author: str | None
    published_on: date | None
    fetched_at: datetime
    content_sha256: str
    content_type: str | None
    parser: str
    text: str
    blocks: list[Block] = field(default_factory=list)
    # Set when the source's profile selectors matched nothing and generic extraction was used instead:
    # the names of the selectors that missed, e.g. "body: div.article-body".
    profile_miss: str | None = None
    # What readers wrote under the page (blocks of kind "comment"): not the page's text, read for rating claims only
    comments: list[Block] = field(default_factory=list)

    @property
    def document_id(self) -> str:
        return make_id("document", identity_url(self.url))


@dataclass(frozen=True)
class Council:
    council_code: str
    name: str
    official_name: str
    kind: str
    region: str | None
    ofsted_urn: str | None
    dfe_la_code: str | None
    start_date: date | None
    end_date: date | None
    replaced_by: str | None
    is_current: bool = True  # exists today: no end_date, or one still ahead



@dataclass(frozen=True)
class CouncilAlias:
    alias: str
    council_code: str


@dataclass(frozen=True)
class FetchRow:
    fetch_id: str
    url: str
    source: str
    requested_at: datetime
    status_code: int | None
    outcome: str
    error: str | None
    elapsed_ms: int | None
    bytes: int | None
    etag: str | None
    last_modified: str | None
    warc_file: str | None
    warc_offset: int | None
    run_id: str | None
    final_url: str | None = None
    content_type: str | None = None
    content_sha256: str | None = None
    is_document: bool = False


@dataclass(frozen=True)
class DocumentRow:
    document_id: str
    url: str
    source: str
    publisher: str | None
    doc_type: str
    title: str | None
    author: str | None
    published_on: date | None
    fetched_at: datetime
    content_sha256: str
    content_type: str | None
    parser: str
    text: str
    profile_miss: str | None = None

    @classmethod
    def of(cls, doc: Document) -> DocumentRow:
        return cls(
            document_id=doc.document_id, url=doc.url, source=doc.source, publisher=doc.publisher,
            doc_type=doc.doc_type, title=doc.title, author=doc.author, published_on=doc.published_on,
            fetched_at=doc.fetched_at, content_sha256=doc.content_sha256, content_type=doc.content_type,
            parser=doc.parser, text=doc.text, profile_miss=doc.profile_miss,
        )


@dataclass(frozen=True)
class DocumentCouncil:
    document_id: str
    council_code: str
    mentions: int


@dataclass(frozen=True)
class DocumentInspection:
    """A document names an inspection: the link that makes every inspection traceable to its sources."""

    document_id: str
    inspection_id: str


@dataclass(frozen=True)
class Inspection:
    inspection_id: str
    council_code: str
    inspectorate: str
    framework: str
    visit_start: date | None
    visit_end: date | None
    published_on: date | None
    lead_inspector: str | None
    report_url: str | None
    # Set by transforms.inspections.with_version from the framework and first day on site (csi/frameworks.py).
    framework_version: str | None = None
    graded_judgements: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Rating:
    rating_id: str
    council_code: str
    inspection_id: str | None
    judgement: str
    grade: str
    grade_rank: int
    grade_label: str
    rated_year: int | None
    rated_on: date | None
    is_historical: bool
    document_id: str
    evidence: str


@dataclass(frozen=True)
class Finding:
    finding_id: str
    council_code: str
    document_id: str
    inspection_id: str | None
    kind: str
    theme: str
    text: str


@dataclass(frozen=True)
class Quote:
    quote_id: str
    document_id: str
    council_code: str | None
    speaker: str
    role: str | None
    organisation: str | None
    text: str


@dataclass(frozen=True)
class Metric:
    metric_id: str
    document_id: str
    council_code: str
    name: str
    value: float
    unit: str
    as_of: date | None
    period: str | None
    text: str


# --------------------------------------------------------------------------- the tables, declared once

WRITE_RULES = {
    "reference": "the whole table is replaced together with the reference data it comes from",
    "keep_first_fetched": "upsert; fetched_at stays the first fetch of the same bytes",
    "merge": "upsert; a later non-null value wins, a null never erases a stored one",
    "derived": "replaced with the rest of a document's rows whenever the document is reloaded",
    "replace": "insert or replace by key",
}


@dataclass(frozen=True)
class TableSpec:
    """One warehouse table (dlt's resource): its record type, primary key and write rule (WRITE_RULES).

    `extracted`: rows derived from a document's text (an `Extraction`); `link`: a table that only ties two
    others together (not a fact an analyst or the gold set counts); `contract`: in the public contract's
    list (docs/warehouse.md, table counts).
    """

    name: str
    record: type | None  # None: written by its own statement (runs)
    key: tuple[str, ...]
    write: str
    extracted: bool = False
    link: bool = False
    contract: bool = True

    def __post_init__(self) -> None:
        if self.write not in WRITE_RULES:
            raise ValueError(f"table {self.name}: write rule {self.write!r} is not one of {tuple(WRITE_RULES)}")


TABLES = (
    TableSpec("councils", Council, ("council_code",), "reference"),
    TableSpec("council_aliases", CouncilAlias, ("alias", "council_code"), "reference"),
    TableSpec("documents", DocumentRow, ("document_id",), "keep_first_fetched"),
    TableSpec("document_councils", DocumentCouncil, ("document_id", "council_code"), "derived", extracted=True),
    TableSpec("document_inspections", DocumentInspection, ("document_id", "inspection_id"), "derived",
              extracted=True, link=True, contract=False),
    TableSpec("inspections", Inspection, ("inspection_id",), "merge", extracted=True),
    TableSpec("ratings", Rating, ("rating_id",), "derived", extracted=True),
    TableSpec("findings", Finding, ("finding_id",), "derived", extracted=True),
    TableSpec("quotes", Quote, ("quote_id",), "derived", extracted=True),
    TableSpec("metrics", Metric, ("metric_id",), "derived", extracted=True),
    TableSpec("fetches", FetchRow, ("fetch_id",), "replace"),
    TableSpec("runs", None, ("run_id",), "replace"),
)
TABLE = {spec.name: spec for spec in TABLES}
EXTRACTED_TABLES = tuple(spec for spec in TABLES if spec.extracted)
# What extraction finds in a document, as an analyst (and the gold set) counts it.
FACT_TABLES = tuple(spec.name for spec in EXTRACTED_TABLES if not spec.link)


def rows_class(name: str, specs: tuple[TableSpec, ...], doc: str, module: str) -> type:
    """A dataclass with one list of records per table (`Extraction`, `warehouse.db.Batch`)."""
    cls = make_dataclass(name, [(s.name, f"list[{s.record.__name__}]", field(default_factory=list)) for s in specs])
    cls.__doc__ = doc
    cls.__module__ = module  # where pickle (Prefect's result store) finds it
    return cls


Extraction = rows_class("Extraction", EXTRACTED_TABLES, "Everything extraction derives from one document.", __name__)
