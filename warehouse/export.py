"""Export every warehouse table and view to Parquet: one file each, Hive-partitioned by year when a table is large.

Files are written by DuckDB (`COPY ... TO ... (FORMAT parquet)`) and read back by DuckDB, pyarrow, pandas and
Polars. A partitioned table is a directory `NAME/year=YYYY/data_0.parquet` (rows without a year go to
`year=__HIVE_DEFAULT_PARTITION__`); the `year` column is added by the export query, never stored in the warehouse.
JSON columns (runs.counts) are written as text, which every reader understands. Every file carries the
warehouse's descriptions in its Parquet key-value metadata: ``csi.description`` (the table or view) and
``csi.columns`` (a JSON object, column name -> description), e.g. ``pyarrow.parquet.read_schema(f).metadata`` or
DuckDB's ``parquet_kv_metadata(f)``.
`_manifest.json` lists what was written: relation -> kind, rows, path, partition_by.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb

from csi import frameworks
from warehouse.docs import Relation, relations

PARTITION_ROWS = 100_000
MANIFEST = "_manifest.json"
# The natural year of each table that may be large, as a SQL expression over its columns.
YEAR_OF = {
    "documents": "year(coalesce(published_on, fetched_at))",
    "fetches": "year(requested_at)",
    "ratings": "rated_year",
}


class ExportError(RuntimeError):
    """The export cannot go ahead (e.g. the directory holds files that are not a previous export)."""


@dataclass(frozen=True)
class Exported:
    name: str
    kind: str  # "table" or "view"
    rows: int
    path: str  # relative to the export directory: NAME.parquet, or the directory NAME when partitioned
    partition_by: str | None = None


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(path: str | Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _clear_previous(out_dir: Path) -> None:
    """Remove what a previous export listed in its manifest; refuse a non-empty directory without one."""
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportError(f"{out_dir} is a file: choose a directory for the Parquet export.")
    if not out_dir.exists() or not any(out_dir.iterdir()):
        return
    manifest = out_dir / MANIFEST
    if not manifest.is_file():
        raise ExportError(f"{out_dir} is not empty and holds no previous csi export ({MANIFEST}): "
                          "choose a new or empty directory.")
    try:
        previous = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ExportError(f"Cannot read {manifest} ({exc}): remove it or choose another directory.") from None
    root = out_dir.resolve()
    for entry in previous.values():
        target = (out_dir / str(entry.get("path", ""))).resolve()
        if target == root or root not in target.parents:
            continue  # never delete outside the export directory
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    manifest.unlink()


def export_parquet(con: duckdb.DuckDBPyConnection, out_dir: str | Path,
                   partition_rows: int = PARTITION_ROWS) -> list[Exported]:
    """Write every table and view of the warehouse to out_dir; returns what was written, by name.

    documents, fetches and ratings are Hive-partitioned by year when they hold more than partition_rows rows.
    A previous export in out_dir is replaced; any other non-empty directory is refused (ExportError).
    """
    out_dir = Path(out_dir)
    _clear_previous(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    exported: list[Exported] = []
    try:
        for relation in relations(con):
            exported.append(_export_one(con, relation, out_dir, partition_rows))
    finally:  # even after a failure, so that the next export knows what to replace
        manifest = {e.name: {k: v for k, v in asdict(e).items() if k != "name"} for e in exported}
        (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return exported


def _kv_metadata(relation: Relation) -> str:
    """The COPY option that writes the relation's and its columns' descriptions into each Parquet file."""
    columns = {c.name: c.comment or "" for c in relation.columns}
    pairs = {"csi.description": relation.comment or "", "csi.columns": json.dumps(columns, ensure_ascii=False)}
    return "KV_METADATA {" + ", ".join(f"{_literal(k)}: {_literal(v)}" for k, v in pairs.items()) + "}"


def _export_one(con: duckdb.DuckDBPyConnection, relation: Relation, out_dir: Path, partition_rows: int) -> Exported:
    year = YEAR_OF.get(relation.name) if relation.kind == "table" else None
    # JSON columns as plain text: Polars would otherwise read Parquet's JSON type as binary.
    as_text = [f"CAST({_ident(c.name)} AS VARCHAR) AS {_ident(c.name)}" for c in relation.columns if c.type == "JSON"]
    star = f"* REPLACE ({', '.join(as_text)})" if as_text else "*"
    if year and con.execute(f"SELECT count(*) FROM {_ident(relation.name)}").fetchall()[0][0] > partition_rows:
        has_year = any(c.name == "year" for c in relation.columns)
        select = f"SELECT {star}{'' if has_year else f', {year} AS year'} FROM {_ident(relation.name)}"
        path, partition_by = relation.name, "year"
        options = f"FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year), OVERWRITE, {_kv_metadata(relation)}"
    else:
        select = f"SELECT {star} FROM {_ident(relation.name)}"
        path, partition_by = f"{relation.name}.parquet", None
        options = f"FORMAT parquet, COMPRESSION zstd, {_kv_metadata(relation)}"
    written = con.execute(f"COPY ({select}) TO {_literal(out_dir / path)} ({options})").fetchall()[0][0]
    return Exported(relation.name, relation.kind, written, path, partition_by)


# --------------------------------------------------------------------------- the ILACS summary workbook

GRADE_WORDS = {"outstanding": "Outstanding", "good": "Good", "requires_improvement": "Requires improvement",
               "inadequate": "Inadequate"}
# (column, description), in the order of the ADCS "ILACS summary" that Data to Insight's tool reproduces.
SUMMARY_COLUMNS = (
    ("local_authority", "Everyday name of the council (councils.name), e.g. Hillingdon."),
    ("region", "English region of the council, e.g. London."),
    ("ons_code", "ONS GSS code of the council (councils.council_code), e.g. E09000017."),
    ("dfe_la_code", "Department for Education 3-digit local authority code, e.g. 312."),
    ("ofsted_urn", "Ofsted's unique reference number of the council's children's services, e.g. 80501."),
    ("inspection_framework", "Framework of the latest graded ILACS inspection: standard or short, with its "
                             "edition (ilacs-2018, ilacs-2023, ilacs-2026)."),
    ("inspection_start_date", "First day inspectors were on site. Empty if not known."),
    ("inspection_end_date", "Last day inspectors were on site. Empty if not known."),
    ("publication_date", "Date the inspection report was published. Empty if not known."),
    ("inspected_council", "The council that was inspected, name (ONS code): the council itself, or a predecessor "
                          "whose inspection stands until the council is inspected itself (Somerset (E10000027), "
                          "the county council, for Somerset Council)."),
    ("inspector_name", "Lead inspector as printed in the report. Empty if not known."),
    ("overall_effectiveness_grade", "Overall effectiveness: Outstanding, Good, Requires improvement or Inadequate; "
                                    "'Not graded (2026 framework)' after the April 2026 reform; empty if not known."),
    ("impact_of_leaders_grade", "The impact of leaders on social work practice with children and families."),
    ("help_and_protection_grade", "The experiences and progress of children who need help and protection."),
    ("in_care_grade", "The experiences and progress of children in care (and care leavers, before 2023)."),
    ("care_leavers_grade", "The experiences and progress of care leavers (a separate judgement from 2023)."),
    ("previous_overall_grade", "Overall effectiveness at the previous graded inspection (any framework, a "
                               "predecessor's across a reorganisation). Empty for a first inspection."),
    ("previous_inspection_year", "Year of that previous inspection (ratings.rated_year)."),
    ("direction_of_travel", "improved, declined or unchanged from the previous overall grade; 'no earlier grade "
                            "known' or 'no overall grade' when there is nothing to compare."),
    ("inspection_link", "Address of the inspection report (usually a PDF on files.ofsted.gov.uk), when the "
                        "warehouse has it (Ofsted's statistics do not give it)."),
    ("local_link_to_all_inspections", "Ofsted's page listing all of the council's reports."),
    ("source", "Where the current grades come from: ofsted_mi (Ofsted's official statistics), an Ofsted report, "
               "news or minutes."),
)
_SUMMARY_SQL = """
WITH cur AS (
    SELECT council_code, any_value(inspection_id) AS inspection_id, any_value(framework) AS framework,
           any_value(framework_version) AS framework_version, any_value(visit_start) AS visit_start,
           any_value(visit_end) AS visit_end, any_value(published_on) AS published_on,
           any_value(inspected_council_name || ' (' || inspected_council_code || ')') AS inspected_council,
           any_value(grade) FILTER (WHERE judgement = 'overall_effectiveness') AS overall,
           any_value(status) FILTER (WHERE judgement = 'overall_effectiveness') AS overall_status,
           any_value(grade) FILTER (WHERE judgement = 'leadership') AS leadership,
           any_value(grade) FILTER (WHERE judgement = 'help_and_protection') AS help_and_protection,
           any_value(grade) FILTER (WHERE judgement = 'children_in_care') AS children_in_care,
           any_value(grade) FILTER (WHERE judgement = 'care_leavers') AS care_leavers,
           any_value(source) FILTER (WHERE source IS NOT NULL) AS source
    FROM latest_ratings GROUP BY council_code
)
SELECT c.name, c.region, c.council_code, c.dfe_la_code, c.ofsted_urn, cur.framework, cur.framework_version,
       cur.visit_start, cur.visit_end, cur.published_on, cur.inspected_council, i.lead_inspector, cur.overall,
       cur.overall_status, cur.leadership, cur.help_and_protection, cur.children_in_care, cur.care_leavers,
       t.from_grade, t.from_year, t.change, i.report_url, cur.source
FROM councils c
JOIN cur USING (council_code)
LEFT JOIN inspections i ON i.inspection_id = cur.inspection_id
LEFT JOIN council_trajectory t ON t.council_code = c.council_code AND t.to_inspection_id = cur.inspection_id
WHERE c.is_current
ORDER BY c.name, c.council_code
"""


def summary_rows(con: duckdb.DuckDBPyConnection) -> list[list]:
    """One row per current council, the values of SUMMARY_COLUMNS in order (dates as dates, grades in words)."""
    out = []
    for (name, region, code, dfe, urn, framework, version, start, end, published, inspected, inspector, overall,
         overall_status, leadership, help_, in_care, leavers, previous, previous_year, change, link, source) \
            in con.execute(_SUMMARY_SQL).fetchall():
        kind = {frameworks.ILACS_STANDARD.code: "standard", frameworks.ILACS_SHORT.code: "short"}.get(framework)
        overall_text = GRADE_WORDS.get(overall) or (
            "Not graded (2026 framework)" if overall_status == "not_graded_by_framework" else None)
        direction = change or ("no overall grade" if overall is None else "no earlier grade known" if framework
                               else None)
        out.append([
            name, region, code, dfe, urn, f"{kind} ({version})" if kind and version else kind, start, end,
            published, inspected, inspector, overall_text,
            *(GRADE_WORDS.get(g) for g in (leadership, help_, in_care, leavers)),
            GRADE_WORDS.get(previous), previous_year, direction if framework else None, link,
            f"https://reports.ofsted.gov.uk/provider/44/{urn}" if urn else None, source,
        ])
    return out


def export_xlsx(con: duckdb.DuckDBPyConnection, path: str | Path, generated: str) -> int:
    """Write the one-row-per-current-council ILACS summary to an .xlsx workbook, with a sheet documenting each
    column; returns the number of councils. Values only (no formulas), dates as dates."""
    import xlsxwriter

    rows = summary_rows(con)
    path = Path(path)
    if path.exists() and path.is_dir():
        raise ExportError(f"{path} is a directory: give a file name ending in .xlsx.")
    path.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                           "strings_to_urls": False, "default_date_format": "yyyy-mm-dd"})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet("ILACS summary")
    sheet.write_row(0, 0, [name for name, _ in SUMMARY_COLUMNS], bold)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, date):
                sheet.write_datetime(r, c, datetime(value.year, value.month, value.day))
            else:
                sheet.write(r, c, value)
    sheet.freeze_panes(1, 1)
    sheet.autofilter(0, 0, len(rows), len(SUMMARY_COLUMNS) - 1)
    columns = book.add_worksheet("Columns")
    columns.write_row(0, 0, ["column", "description"], bold)
    for r, (name, description) in enumerate(SUMMARY_COLUMNS, start=1):
        columns.write_row(r, 0, [name, description])
    columns.write_row(len(SUMMARY_COLUMNS) + 2, 0, [
        "about", f"One row per council that exists today (councils.is_current), from the latest_ratings view of csi's "
                 f"warehouse, {generated}. Grades from Ofsted's official statistics contain public sector "
                 "information licensed under the Open Government Licence v3.0."])
    columns.set_column(0, 0, 32)
    columns.set_column(1, 1, 110)
    book.close()
    return len(rows)
