"""The data dictionary: Markdown from the COMMENT ON text of every table and view, plus worked example queries.

Pure: every function takes an open connection and returns data or text; `csi docs` writes the text to
docs/warehouse.md. The output depends only on the schema and on EXAMPLES (no row counts, no timestamps), so it
is the same for the demo warehouse and a real one at the same schema version. tests/test_analyst.py runs every
example against the demo warehouse and fails when docs/warehouse.md is out of date.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

DOCS_PATH = "docs/warehouse.md"


@dataclass(frozen=True)
class Example:
    title: str
    explanation: str
    sql: str


EXAMPLES: tuple[Example, ...] = (
    Example(
        "Current grades of every current council",
        "Each council that exists today with the judgements of its most recent graded ILACS inspection as a whole "
        "(inherited from a predecessor until it is inspected itself); abolished councils never appear in "
        "latest_ratings, and SIF or older grades never count as current.",
        """SELECT council_name, judgement, grade, status, framework, visit_start, published_on, inspected_council_name
FROM latest_ratings
ORDER BY council_name, judgement"""),
    Example(
        "England now: current councils by overall grade",
        "Number of current councils at each current overall effectiveness grade; a council without one is counted "
        "by its status (not_graded_by_framework after the 2026 reform, no_inspection, not_found).",
        """SELECT coalesce(grade, status) AS overall_effectiveness, count(*) AS current_councils
FROM latest_ratings
WHERE judgement = 'overall_effectiveness'
GROUP BY ALL
ORDER BY min(grade_rank) NULLS LAST"""),
    Example(
        "The current view as at an official snapshot date",
        "ratings_as_at(date) is latest_ratings as it stood on a date (councils existing then, inspections visited "
        "by then): compare it with Ofsted's \"as at 31 March\" file.",
        """SELECT grade, count(*) AS councils
FROM ratings_as_at(DATE '2025-03-31')
WHERE judgement = 'overall_effectiveness'
GROUP BY ALL
ORDER BY min(grade_rank) NULLS LAST"""),
    Example(
        "Reorganised councils and whose inspection stands for them",
        "Each reorganisation (council_lineage), and the inspection today's council's current grades come from: "
        "its own, or its predecessor's until it is inspected itself.",
        """SELECT p.name AS predecessor, s.name AS successor, l.change, l.changed_on,
       (SELECT any_value(inspected_council_name || ' ' || year(published_on)) FROM latest_ratings r
        WHERE r.council_code = l.successor_code AND r.grade IS NOT NULL) AS current_grades_from
FROM council_lineage l
JOIN councils p ON p.council_code = l.predecessor_code
JOIN councils s ON s.council_code = l.successor_code
ORDER BY l.changed_on, successor"""),
    Example(
        "Councils whose overall grade declined (declines first)",
        "Every change of overall grade between consecutive graded inspections, declines first; "
        "add `WHERE change = 'declined'` for the declines alone.",
        """SELECT council_name, from_year, from_grade, to_year, to_grade, change
FROM council_trajectory
ORDER BY change = 'declined' DESC, to_year DESC, council_name"""),
    Example(
        "A council's grade history",
        "Every grade Hillingdon (E09000017) has had, oldest first, and how many documents report each.",
        """SELECT rated_year, framework, judgement, grade, documents
FROM rating_history
WHERE council_code = 'E09000017'
ORDER BY rated_year NULLS FIRST, judgement"""),
    Example(
        "Finding themes by year and kind",
        "Which strengths, weaknesses and recommendations inspectors and reporters raise most each year (the year of "
        "the inspection's report), with one example text.",
        """SELECT year, kind, theme, findings, councils, examples[1] AS example
FROM findings_by_theme
ORDER BY year DESC, findings DESC, theme, kind"""),
    Example(
        "What councils were asked to improve",
        "Recommendations found in documents, by council and theme, with where they were published.",
        """SELECT c.name AS council, f.theme, f.text, d.publisher, d.published_on
FROM findings f
JOIN councils c USING (council_code)
JOIN documents d USING (document_id)
WHERE f.kind = 'recommendation'
ORDER BY council, f.theme, f.text"""),
    Example(
        "Quotes by council",
        "Who said what about each council's children's services, in which publication and when.",
        """SELECT c.name AS council, q.speaker, q.role, d.publisher, d.published_on, q.text
FROM quotes q
JOIN councils c USING (council_code)
JOIN documents d USING (document_id)
ORDER BY council, d.published_on, q.speaker"""),
    Example(
        "Figures reported for one council",
        "Every number stated about Hillingdon's children's services (caseloads, timeliness, action plans...), "
        "with the date or period it refers to and the sentence it came from.",
        """SELECT m.name, m.value, m.unit, m.as_of, m.period, d.publisher, m.text
FROM metrics m
JOIN documents d USING (document_id)
WHERE m.council_code = 'E09000017'
ORDER BY m.name, m.as_of NULLS LAST, m.period"""),
    Example(
        "News and minutes that disagree with the current grade",
        "Grades reported by news, press releases or minutes that differ from the council's current grade: usually "
        "an older grade recalled (is_historical, an earlier year); same_year marks a real conflict worth checking.",
        """SELECT c.name AS council, r.judgement, r.grade AS reported_grade, r.rated_year AS reported_year,
       r.is_historical, d.publisher AS reported_by, l.grade AS latest_grade, l.rated_year AS latest_year,
       l.publisher AS latest_from, r.rated_year IS NOT DISTINCT FROM l.rated_year AS same_year
FROM ratings r
JOIN documents d USING (document_id)
JOIN councils c USING (council_code)
JOIN latest_ratings l ON l.council_code = r.council_code AND l.judgement = r.judgement
WHERE d.doc_type NOT IN ('ofsted_report', 'ofsted_provider_page', 'statistics') AND r.grade <> l.grade
ORDER BY same_year DESC, council, r.judgement, r.rated_year"""),
    Example(
        "A trajectory across a reorganisation",
        "North Northamptonshire's overall grades inspection to inspection, starting with its predecessor "
        "Northamptonshire's: from_council_name and to_council_name say who was inspected.",
        """SELECT from_council_name, from_year, from_grade, to_council_name, to_year, to_grade, change
FROM council_trajectory
WHERE council_code = 'E06000061'
ORDER BY to_year"""),
    Example(
        "Everything published about a council",
        "Documents that mention Hillingdon, newest first, with how often they mention it.",
        """SELECT d.published_on, d.doc_type, d.publisher, d.title, dc.mentions, d.url
FROM document_councils dc
JOIN documents d USING (document_id)
WHERE dc.council_code = 'E09000017'
ORDER BY d.published_on DESC NULLS LAST, d.url"""),
    Example(
        "Documents per source per month",
        "How much each source contributed each month, with its last successful fetch and failure rate.",
        """SELECT source, publisher, month, documents, last_success, failure_rate
FROM source_coverage
ORDER BY month DESC, source"""),
    Example(
        "Fetch failures by host",
        "Fetch attempts and failures per web host, worst first; `SELECT * FROM fetch_failures` lists each "
        "failing URL with its error (what `csi rerun-failed` retries).",
        """SELECT split_part(url, '/', 3) AS host, count(*) AS fetches,
       count(*) FILTER (WHERE outcome NOT IN ('ok', 'not_modified')) AS failed,
       round(failed / count(*), 3) AS failure_rate, max(requested_at) AS last_attempt
FROM fetches
GROUP BY host
ORDER BY failed DESC, fetches DESC, host"""),
    Example(
        "Graded, not graded, or not found",
        "For each inspection, every judgement its framework version grades (`graded_judgements`) with the grade "
        "found, if any: a judgement outside the list was not graded under that framework (no overall effectiveness "
        "after the 2026 ILACS reform), one in the list with no grade was not found in the documents.",
        """SELECT i.council_code, i.framework, i.framework_version, j.judgement,
       any_value(r.grade) AS grade, any_value(r.grade) IS NULL AS not_found
FROM inspections i, unnest(i.graded_judgements) AS j(judgement)
LEFT JOIN ratings r ON r.inspection_id = i.inspection_id AND r.judgement = j.judgement
GROUP BY ALL
ORDER BY i.council_code, i.framework_version, j.judgement"""),
)


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    comment: str | None


@dataclass(frozen=True)
class Relation:
    name: str
    kind: str  # "table" or "view"
    comment: str | None
    columns: tuple[Column, ...]


_RELATIONS_SQL = """
SELECT table_name, 'table' AS kind, comment FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary
UNION ALL
SELECT view_name, 'view', comment FROM duckdb_views()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary
"""
_COLUMNS_SQL = """
SELECT table_name, column_name, data_type, comment FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main'
ORDER BY table_name, column_index
"""


def relations(con: duckdb.DuckDBPyConnection) -> list[Relation]:
    """Every table and view of the main schema, views first, each group by name; names starting with _ are skipped."""
    columns: dict[str, list[Column]] = {}
    for table, name, data_type, comment in con.execute(_COLUMNS_SQL).fetchall():
        columns.setdefault(table, []).append(Column(name, data_type, comment))
    found = [Relation(name, kind, comment, tuple(columns.get(name, ())))
             for name, kind, comment in con.execute(_RELATIONS_SQL).fetchall() if not name.startswith("_")]
    return sorted(found, key=lambda r: (r.kind != "view", r.name))


def schema_version(con: duckdb.DuckDBPyConnection) -> tuple[int, str] | None:
    """(version, migration name) of the newest migration applied, or None for a database never migrated."""
    if not any(r.name == "schema_version" for r in relations(con)):
        return None
    row = con.execute("SELECT max(version), arg_max(name, version) FROM schema_version").fetchall()[0]
    return None if row[0] is None else (row[0], row[1])


def newest_migration() -> tuple[int, str] | None:
    """(version, name) of the newest migration this code knows: a warehouse behind it lacks tables or views."""
    from warehouse.db import _migrations

    known = _migrations()
    return (known[-1][0], known[-1][1]) if known else None


def _cell(text: str | None) -> str:
    return " ".join((text or "").split()).replace("|", "\\|")


def _relation_section(relation: Relation) -> list[str]:
    lines = [f"### {relation.name}", "", relation.comment or "_No comment: add COMMENT ON in a migration._", "",
             "| column | type | meaning |", "| --- | --- | --- |"]
    lines += [f"| `{c.name}` | {_cell(c.type)} | {_cell(c.comment)} |" for c in relation.columns]
    return [*lines, ""]


def render(con: duckdb.DuckDBPyConnection) -> str:
    """The whole data dictionary as Markdown (deterministic: no row counts, no timestamps)."""
    found = relations(con)
    views = [r for r in found if r.kind == "view"]
    tables = [r for r in found if r.kind == "table"]
    version = schema_version(con)
    lines = [
        "# The csi warehouse: data dictionary",
        "",
        "Generated by `csi docs` from the `COMMENT ON` text of the migrations in `warehouse/migrations/`"
        + (f" (schema version {version[0]}, {version[1]})" if version else "")
        + " and the examples in `warehouse/docs.py`. Do not edit it by hand: change a comment or an example, "
        "then run `csi demo --db /tmp/csi-docs.duckdb` and `csi docs --db /tmp/csi-docs.duckdb`.",
        "",
        "Query the warehouse with `csi sql \"SELECT ...\"` (read-only; `--format table|csv|json|markdown`), "
        "export every table and view to Parquet with `csi export --parquet DIR`, or open the file with DuckDB. "
        "Start with the views: they answer the common questions without joins.",
        "",
        "## Contents",
        "",
        "- Views: " + ", ".join(f"[{r.name}](#{r.name})" for r in views),
        "- Tables: " + ", ".join(f"[{r.name}](#{r.name})" for r in tables),
        "- [Worked example queries](#worked-example-queries)",
        "",
        "## Views",
        "",
    ]
    for relation in views:
        lines += _relation_section(relation)
    lines += ["## Tables", ""]
    for relation in tables:
        lines += _relation_section(relation)
    lines += ["## Worked example queries", "",
              "Each runs as is, e.g. with `csi sql \"$(cat query.sql)\"`; the council-specific ones use Hillingdon "
              "(E09000017).", ""]
    for number, example in enumerate(EXAMPLES, 1):
        lines += [f"### {number}. {example.title}", "", example.explanation, "", "```sql", example.sql, "```", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
