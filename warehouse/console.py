"""The SQL console behind `csi sql`: one read-only statement on the warehouse, printed as a table, CSV,
JSON lines or Markdown. The command line only passes arguments through (front/cli.py)."""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Callable
from decimal import Decimal
from typing import TextIO

import duckdb

SQL_FORMATS = ("table", "csv", "json", "markdown")
_SQL_HINTS = {
    "COPY": "to save results use `--format csv > file.csv`, or `csi export --parquet DIR` for everything",
    "EXPORT": "to copy the warehouse use `csi export --parquet DIR`",
    "PRAGMA": "to look at a table use `DESCRIBE table` or `SELECT * FROM duckdb_columns()`",
    "MULTI": "a PIVOT needs an explicit list here, e.g. PIVOT ratings ON grade IN ('good', 'inadequate')",
}


_NUMERIC_TYPES = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
                  "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE", "DECIMAL")


class QueryRefused(ValueError):
    """The query would write, is not one statement, or DuckDB cannot run it read-only; the message says why."""


def _numeric(type_name: str) -> bool:
    return type_name.split("(")[0] in _NUMERIC_TYPES


def sql_refusal(query: str) -> str | None:
    """Why `csi sql` will not run the query, or None for one reading statement. DuckDB parse errors propagate."""
    statements = duckdb.extract_statements(query)
    if not statements:
        return "No SQL statement given: pass one query, e.g. csi sql \"SELECT * FROM latest_ratings\"."
    if len(statements) > 1:
        return f"Refused: csi sql runs one statement at a time, and this has {len(statements)}: run them separately."
    kind = statements[0].type.name
    if kind == "EXPLAIN":  # EXPLAIN ANALYZE runs its statement: only allow it over a query
        inner = re.sub(r"^\s*EXPLAIN\s+(ANALY[SZ]E\s+)?", "", query, flags=re.IGNORECASE)
        try:
            inner_kinds = [s.type.name for s in duckdb.extract_statements(inner)]
        except duckdb.Error:  # e.g. EXPLAIN (FORMAT json) ...: not recognised, so not allowed
            inner_kinds = []
        kind = "EXPLAIN" if inner_kinds == ["SELECT"] else "EXPLAIN of a non-query"
    if kind in ("SELECT", "EXPLAIN"):
        return None
    hint = _SQL_HINTS.get(kind, "the warehouse changes only through csi's flows (csi run, csi reparse, ...)")
    return (f"Refused ({kind} statement): csi sql only reads the warehouse, which it opens read-only. "
            f"It runs one query: SELECT, WITH ... SELECT, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE or EXPLAIN; {hint}.")


def run_query(connect: Callable[[], duckdb.DuckDBPyConnection], query: str, limit: int = 0
              ) -> tuple[list[str], list[str], list[tuple], int]:
    """(columns, types, rows, more) of one reading statement: at most `limit` rows (0: all) and the number of
    rows left out, counted without keeping them; raises QueryRefused with the reason otherwise.

    The query is checked before `connect` opens the warehouse (read-only), which is closed afterwards.
    """
    try:
        refusal = sql_refusal(query)
    except duckdb.Error as exc:
        raise QueryRefused(str(exc)) from None
    if refusal:
        raise QueryRefused(refusal)
    con = connect()
    try:
        result = con.execute(query)
        if result.description is None:  # not reached after the check above: a statement without a result
            return [], [], [], 0
        columns, types = [d[0] for d in result.description], [str(d[1]) for d in result.description]
        rows = result.fetchmany(limit) if limit else result.fetchall()
        more = 0
        while limit and (batch := result.fetchmany(10_000)):
            more += len(batch)
        return columns, types, rows, more
    except duckdb.Error as exc:
        message = str(exc)
        if "read-only mode" in message:
            message = f"Refused: csi sql opens the warehouse read-only, so nothing can be written. ({message})"
        raise QueryRefused(message) from None
    finally:
        con.close()


def _sql_json(value, type_name: str = ""):
    """A result value ready for json.dumps: JSON columns parsed, NaN and infinities as null."""
    if type_name == "JSON" and isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _json_default(value):
    """Dates and times as ISO 8601, decimals as numbers, bytes as hex, anything else as text."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes | bytearray):
        return value.hex()
    return str(value)


def _sql_text(value) -> str:
    """A result value as one cell of text (CSV, Markdown, table): ISO dates, lowercase booleans, JSON for lists."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    return _json_default(value) if hasattr(value, "isoformat") or isinstance(value, bytes) else str(value)


_MAX_CELL = 80  # characters of one table cell; longer text ends in "…" (csv, json and markdown keep it whole)


def _table_cell(value) -> str:
    if value is None:
        return "NULL"
    text = " ".join(_sql_text(value).split()) if isinstance(value, str) else _sql_text(value)
    return text if len(text) <= _MAX_CELL else text[:_MAX_CELL - 1] + "…"


def table_lines(columns: list[str], types: list[str], rows: list[tuple], width: int) -> list[str]:
    """Plain text built in one pass (thousands of rows in well under a second): a table when it fits `width`,
    else one block per row (like psql's \\x)."""
    cells = [[_table_cell(v) for v in row] for row in rows]
    widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(columns)]
    if not rows or sum(widths) + 3 * (len(widths) - 1) <= width:
        right = [_numeric(t) for t in types]

        def line(values: list[str], bar: str) -> str:
            return f" {bar} ".join(v.rjust(w) if r else v.ljust(w)
                                   for v, w, r in zip(values, widths, right, strict=True)).rstrip()
        return [line(columns, "┃"), "━╇━".join("━" * w for w in widths), *(line(row, "│") for row in cells)]
    label = max(len(name) for name in columns)
    lines = []
    for number, row in enumerate(cells, 1):
        lines.append(f"── row {number} " + "─" * max(0, min(width, 60) - 11 - len(str(number))))
        lines += [f"{name.ljust(label)}  {value}" for name, value in zip(columns, row, strict=True)]
    return lines


def write_rows(out: TextIO, output: str, columns: list[str], types: list[str], rows: list[tuple]) -> None:
    """The rows as CSV (with a header row), JSON (one object per row and line) or a Markdown table."""
    if output == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_sql_text(v) for v in row] for row in rows)
    elif output == "json":
        keys = [name if columns.index(name) == i else f"{name}_{i + 1}" for i, name in enumerate(columns)]
        for row in rows:
            record = {key: _sql_json(v, t) for key, v, t in zip(keys, row, types, strict=True)}
            print(json.dumps(record, ensure_ascii=False, default=_json_default), file=out)
    elif output == "markdown":
        def md(value) -> str:
            return _sql_text(value).replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")

        print("| " + " | ".join(md(c) for c in columns) + " |", file=out)
        print("|" + "|".join(" ---: " if _numeric(t) else " --- " for t in types) + "|", file=out)
        for row in rows:
            print("| " + " | ".join(md(v) for v in row) + " |", file=out)
    else:
        raise ValueError(f"unknown format {output!r}: use one of {', '.join(SQL_FORMATS)}")
