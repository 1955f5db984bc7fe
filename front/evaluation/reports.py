"""Agreement of the Ofsted PDF report parser with Ofsted's official outcomes.

Every ``*.pdf`` in a folder is read with the PDF adapter and :func:`transforms.ofsted_reports.parse_report`
(the same path as the pipeline), then compared with each official CSV given:

- ``ofsted_la_inspections_2009_2023_long.csv``: one row per council x inspection x judgement, with the
  publication date only; its rows are grouped into inspections by (council, inspection group, inspection
  type, publication date);
- ``ofsted_ilacs_inspection_history_2018_2025.csv``: one row per ILACS inspection, with the first day of
  the inspection (``Inspection date``), the publication date and the grades in columns.

Matching a report to an official inspection, when the official record gives publication dates only:

1. The council is the one the file is about, read independently of the PDF: ``index.json`` beside the
   folder (``council`` per file) when present, else the file name's slug before its date
   (``windsor-maidenhead-24-february-2020.pdf``); the name is resolved with the councils reference.
2. The reference date is the date in the file name (the label of Ofsted's listing, which is the report's
   publication date), else the publication date the report states, else its last inspection day.
3. Candidates are that council's official inspections published within ``MATCH_WINDOW_DAYS`` (42) of the
   reference date, whatever their framework, so a wrong framework shows up as a disagreement rather than
   as a miss. An official row whose inspection start equals the report's first inspection day wins
   outright; otherwise the nearest publication date wins, and a tie goes to the earlier row of the file.
   A report with no candidate is a failure (the floor fails) when an official file records its framework
   family (SIF or ILACS) from before to after its date; otherwise no file covers it (the 2009-2023
   file holds no 2024 reports, the ILACS history no SIF ones) and it is only counted as not covered.

Fields compared (agree/total over every matched report x official file): council, framework
(``sif`` / ``sif_reinspection`` / ``ilacs_standard`` / ``ilacs_short``), visit start (the ILACS history
only), the publication date (when the report states one) and each judgement the official row grades
(``grade:<judgement>``); a judgement the parser missed counts as a disagreement.

    csi eval-reports ../shared/data/ofsted-reports/pdf \\
        --truth ../shared/data/ofsted-la-outcomes/ofsted_la_inspections_2009_2023_long.csv
"""

from __future__ import annotations

import csv
import json
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from csi import frameworks
from csi.dates import parse_date
from csi.frameworks import official_framework
from scrapers.platforms.ofsted_pdf.parse import PdfUnreadable, parse_ofsted_pdf
from scrapers.sources import Source
from transforms.councils import CouncilIndex, default_index, load_councils
from transforms.extract import extract
from transforms.grades import normalise_grade
from transforms.ofsted_reports import IncompleteReport, OfstedReport, judgement_name, parse_report, report_body

MATCH_WINDOW_DAYS = 42
_EVALUATED_FAMILIES = (frameworks.SIF.family, frameworks.ILACS_STANDARD.family)
UNFLOORED_FIELDS = ("published_on",)
_FILE_DATE = re.compile(r"-(\d{1,2}-[a-z]+-\d{4})$")
_SOURCE = Source(name="ofsted-reports", adapter="ofsted_pdf", publisher="Ofsted", doc_type="ofsted_report",
                 start_urls=(), documents=())


@dataclass(frozen=True)
class OfficialInspection:
    """One inspection as an official file records it."""

    truth_file: str
    council_code: str | None
    framework: str | None
    visit_start: date | None
    published_on: date
    grades: dict[str, str]
    report_file: str | None = None  # the per-report form (truth.csv) names the PDF it describes
    visit_end: date | None = None
    lead_inspector: str | None = None
    ungraded: tuple[str, ...] = ()  # judgements the report's framework does not grade (post-reform overall)


@dataclass(frozen=True)
class Disagreement:
    file: str
    field: str
    ours: str
    official: str


@dataclass
class FieldScore:
    agree: int = 0
    total: int = 0

    @property
    def percent(self) -> float:
        return 100.0 * self.agree / self.total if self.total else 100.0


@dataclass
class ReportsEvaluation:
    """Agreement per field, every disagreement and the unreadable or unmatched files."""

    files: int = 0
    parsed: int = 0
    comparisons: int = 0
    seconds: float = 0.0
    fields: dict[str, FieldScore] = field(default_factory=dict)
    disagreements: list[Disagreement] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file, reason) for unreadable/unmatched
    not_covered: list[str] = field(default_factory=list)  # reports of a framework or period no official file holds
    other_kinds: list[str] = field(default_factory=list)  # reports that are not council inspections (Area SEND)
    parse_errors: list[tuple[str, str]] = field(default_factory=list)  # (file, reason): the pipeline's parse_error

    @property
    def lowest_agreement(self) -> float:
        """The lowest agreement in percent over the floor's fields (0 when a file failed): what a floor is
        checked against. The publication date is shown but not floored: a report may state another day than
        Ofsted's table (West Berkshire 2015: 13 May in the report, 18 May in the table)."""
        floored = [score.percent for name, score in self.fields.items() if name not in UNFLOORED_FIELDS]
        if self.failures or self.parse_errors or not floored:
            return 0.0
        return min(floored)

    def score(self, name: str, ours: object, official: object, file: str) -> None:
        entry = self.fields.setdefault(name, FieldScore())
        entry.total += 1
        if ours == official:
            entry.agree += 1
        else:
            self.disagreements.append(Disagreement(file, name, _show(ours), _show(official)))


def _show(value: object) -> str:
    return "-" if value is None else value.isoformat() if isinstance(value, date) else str(value)


def _official_framework(group: str, kind: str) -> str | None:
    """The SIF or ILACS framework an official row names (csi/frameworks.py's official wordings); None for others."""
    framework = official_framework(f"{group} {kind}")
    return framework if frameworks.family(framework or "") in _EVALUATED_FAMILIES else None


def _day(text: str) -> date | None:
    return datetime.fromisoformat(text).date() if text.strip() else None


def load_official(path: Path, index: CouncilIndex) -> list[OfficialInspection]:
    """The SIF and ILACS inspections of an official outcomes CSV (long 2009-2023 or ILACS history form)."""
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found: dict[tuple, OfficialInspection] = {}
    for row in rows:
        if "file" in row and "post_reform" in row:  # one row per report file (ofsted-reports-2026/truth.csv)
            published = _day(row["published"])
            grades = {column: grade for column in _TRUTH_JUDGEMENTS
                      if (grade := normalise_grade(row.get(column) or ""))}
            ungraded = ("overall_effectiveness",) if row["post_reform"].strip().lower() == "true" else ()
            found[("file", row["file"])] = OfficialInspection(
                path.name, _council_by_urn(index).get(row["ofsted_urn"]), row["framework"] or None,
                _day(row["visit_start"]), published, grades, report_file=row["file"], visit_end=_day(row["visit_end"]),
                lead_inspector=row["lead_inspector"] or None, ungraded=ungraded)
        elif "inspection_group" in row:  # long form: one judgement per row
            framework = _official_framework(row["inspection_group"], row["inspection_type"])
            published = _day(row["publication_date"])
            if framework is None or published is None:
                continue
            code = index.resolve(row["la_name"], on=published)
            key = (code, framework, published)
            inspection = found.setdefault(key, OfficialInspection(path.name, code, framework, None, published, {}))
            if grade := normalise_grade(row["grade"]):
                inspection.grades[judgement_name(row["judgement"])] = grade
        else:  # ILACS history: one inspection per row, grades in columns
            published = _day(row["Publication date"])
            if published is None:
                continue
            grades = {judgement_name(column): grade for column in list(row)[9:]
                      if (grade := normalise_grade(row[column] or ""))}
            key = (row["Local authority area code"], row["Inspection type"], published)
            found[key] = OfficialInspection(path.name, row["Local authority area code"],
                                            _official_framework("ilacs", row["Inspection type"]),
                                            _day(row["Inspection date"]), published, grades)
    return list(found.values())


_TRUTH_JUDGEMENTS = ("overall_effectiveness", "leadership", "help_and_protection", "children_in_care", "care_leavers")


def _council_by_urn(index: CouncilIndex) -> dict[str, str]:
    return {c.ofsted_urn: c.council_code for c in load_councils() if c.ofsted_urn}


def file_council(pdf: Path, index: CouncilIndex, names: dict[str, str]) -> str | None:
    """The council a report file is about, from index.json's name for it or the file name's slug."""
    slug = _FILE_DATE.sub("", pdf.stem)
    name = names.get(pdf.name) or slug.replace("-", " ")
    return index.resolve(name) or index.resolve(name.replace(" ", " and ", 1))


def match(report: OfstedReport, reference: date, council: str | None,
          official: Iterable[OfficialInspection], file: str = "") -> OfficialInspection | None:
    """The official inspection a report records (see the module docstring), or None."""
    named = [o for o in official if o.report_file is not None]
    if named:  # the per-report form: the row of that file, or none
        return next((o for o in named if o.report_file == file), None)
    candidates = [o for o in official if o.council_code == council
                  and abs((o.published_on - reference).days) <= MATCH_WINDOW_DAYS]
    for o in candidates:
        if o.visit_start is not None and o.visit_start == report.visit_start:
            return o
    return min(candidates, key=lambda o: abs((o.published_on - reference).days), default=None)


def _family(framework: str | None) -> str:
    return frameworks.family(framework or "")  # sif and sif_reinspection; ilacs_standard and ilacs_short


def covers(official: list[OfficialInspection], framework: str | None, reference: date) -> bool:
    """Whether an official file records the report's framework family from before to after its date (the
    2009-2023 file ends with reports published on 10 May 2023, so it does not cover one of 11 May 2023)."""
    days = [o.published_on for o in official if _family(o.framework) == _family(framework)]
    return bool(days) and min(days) <= reference <= max(days)


def ours_graded(report: OfstedReport) -> set[str]:
    return {j.judgement for j in report.judgements if j.grade}


def _check_record(result: ReportsEvaluation, file: str, doc, report: OfstedReport, index: CouncilIndex) -> None:
    """What holds for every report, whatever the official files say: the rows the pipeline would load link only
    councils the report names in its title or body (never Ofsted's address); an ILACS or SIF report has its
    improvement points; a report that is not a council inspection (Area SEND) yields no rating and no error."""
    try:
        rows = extract(doc, index)
    except IncompleteReport:
        return  # counted in parse_errors
    named = {m.council_code for m in index.find_mentions(report_body(doc.text), on=report.visit_end)}
    named |= {report.council_code} if report.council_code else set()
    linked = {link.council_code for link in rows.document_councils}
    result.score("councils_named_in_report", sorted(linked - named), [], file)
    if frameworks.family(report.framework) in _EVALUATED_FAMILIES:
        result.score("improvement_findings", bool(rows.findings), True, file)
    if not report.council_inspection:
        result.score("no_rating_other_kinds", len(rows.ratings), 0, file)


def evaluate_reports(pdf_dir: Path, truth_csvs: list[Path], index: CouncilIndex | None = None) -> ReportsEvaluation:
    """Parse every PDF in pdf_dir and score it against each official CSV."""
    index = index or default_index()
    pdf_dir = Path(pdf_dir)
    listing = pdf_dir.parent / "index.json"
    names = {e["file"]: e["council"] for e in json.loads(listing.read_text())} if listing.is_file() else {}
    truths = [load_official(Path(p), index) for p in truth_csvs]
    result = ReportsEvaluation()
    started = time.perf_counter()
    for pdf in sorted(pdf_dir.glob("*.pdf")):
        result.files += 1
        body = pdf.read_bytes()
        try:
            doc = parse_ofsted_pdf(pdf.resolve().as_uri(), body, "application/pdf", datetime(2000, 1, 1), _SOURCE, "")
        except PdfUnreadable as exc:
            result.failures.append((pdf.name, f"unreadable: {exc}"))
            continue
        report = parse_report(doc.text, doc.published_on, index)
        if report is None:
            result.failures.append((pdf.name, "not recognised as a report"))
            continue
        if report.problems:  # what the pipeline records as the page's parse_error
            result.parse_errors.append((pdf.name, "; ".join(report.problems)))
        result.parsed += 1
        _check_record(result, pdf.name, doc, report, index)
        stated = _FILE_DATE.search(pdf.stem)
        reference = (parse_date(stated[1].replace("-", " ")) if stated else None) or report.dated_on
        council = file_council(pdf, index, names)
        matched = 0
        for official in truths:
            found = match(report, reference, council, official, pdf.name) if reference else None
            if found is None:
                continue
            matched += 1
            result.comparisons += 1
            result.score("council", report.council_code, found.council_code, pdf.name)
            result.score("framework", report.framework, found.framework, pdf.name)
            if found.visit_start is not None:
                result.score("visit_start", report.visit_start, found.visit_start, pdf.name)
            if found.visit_end is not None:
                result.score("visit_end", report.visit_end, found.visit_end, pdf.name)
            if found.report_file is not None:
                result.score("lead_inspector", report.lead_inspector, found.lead_inspector, pdf.name)
            for judgement in found.ungraded:  # "not graded under this framework": no grade, and not expected
                result.score(f"not_graded:{judgement}", (judgement in ours_graded(report), judgement in
                                                         (report.graded or ())), (False, False), pdf.name)
            if report.published_on is not None:
                result.score("published_on", report.published_on, found.published_on, pdf.name)
            ours = {j.judgement: j.grade for j in report.judgements}
            for judgement, grade in sorted(found.grades.items()):
                result.score(f"grade:{judgement}", ours.get(judgement), grade, pdf.name)
        if not matched and any(covers(official, report.framework, reference) for official in truths if reference):
            result.failures.append((pdf.name, f"no official inspection of {council} published within "
                                              f"{MATCH_WINDOW_DAYS} days of {reference}"))
        elif not matched and not report.council_inspection:
            result.other_kinds.append(f"{pdf.name} ({report.framework})")
        elif not matched:
            result.not_covered.append(pdf.name)
    result.seconds = time.perf_counter() - started
    return result


def format_evaluation(result: ReportsEvaluation) -> str:
    """The agreement table, then every disagreement and failure."""
    lines = [f"{result.files} PDF(s), {result.parsed} parsed, {result.comparisons} comparison(s) with official rows, "
             f"{len(result.not_covered)} outside the official files' frameworks and years",
             f"{result.seconds:.1f} s ({result.files / result.seconds if result.seconds else 0:.1f} PDFs/s)", "",
             f"{'field':<32} {'agree':>6} {'total':>6} {'%':>7}"]
    for name, score in sorted(result.fields.items()):
        lines.append(f"{name:<32} {score.agree:>6} {score.total:>6} {score.percent:>6.1f}%")
    lines.append(f"{'lowest (floored fields)':<32} {'':>6} {'':>6} {result.lowest_agreement:>6.1f}%")
    if result.disagreements:
        lines += ["", "Disagreements (file, field, ours, official):"]
        lines += [f"  {d.file}  {d.field}  ours={d.ours}  official={d.official}" for d in result.disagreements]
    if result.failures:
        lines += ["", "Failures:"] + [f"  {file}: {reason}" for file, reason in result.failures]
    if result.parse_errors:
        lines += ["", f"Parse errors ({len(result.parse_errors)}: incomplete records the pipeline refuses):"]
        lines += [f"  {file}: {reason}" for file, reason in result.parse_errors]
    else:
        lines += ["", "Parse errors: 0"]
    if result.not_covered:
        lines += ["", "Not covered by the official files given:"] + [f"  {file}" for file in result.not_covered]
    if result.other_kinds:
        lines += ["", "Not council inspections (no grade expected):"] + [f"  {file}" for file in result.other_kinds]
    return "\n".join(lines)
