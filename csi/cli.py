"""The `csi` command line: a thin front for the Prefect flows in flows/."""

from __future__ import annotations

import os

# Offline-quiet Prefect defaults (see docs): no telemetry, and time for the ephemeral API server
# to start on a loaded 2-core machine.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

from pathlib import Path  # noqa: E402
from typing import Annotated  # noqa: E402

import typer  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from csi.paths import DEFAULT_SOURCES, resolve_db  # noqa: E402

app = typer.Typer(
    name="csi",
    help="Children's services inspections: scrape Ofsted reports, news and council minutes into DuckDB.\n\n"
         "Start with `csi demo` (offline, bundled sample site), then query data/csi.duckdb with SQL.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)
console = Console()

DbOption = Annotated[Path | None, typer.Option("--db", help="Warehouse file (default: $CSI_DB or data/csi.duckdb).",
                                               show_default=False)]

EXAMPLE_QUERIES = [
    ("Latest overall grade reported for each council",
     """SELECT c.name, r.grade, r.rated_year, d.publisher
FROM ratings r JOIN councils c USING (council_code) JOIN documents d USING (document_id)
WHERE r.judgement = 'overall_effectiveness' AND NOT r.is_historical
ORDER BY r.rated_year DESC, c.name"""),
    ("Findings by kind and theme",
     """SELECT kind, theme, count(*) AS findings
FROM findings GROUP BY ALL ORDER BY findings DESC LIMIT 8"""),
    ("Who was quoted, and as what",
     """SELECT q.speaker, q.role, q.organisation, c.name AS council
FROM quotes q LEFT JOIN councils c USING (council_code) ORDER BY c.name, q.speaker"""),
]


def _summary_table(summary: dict) -> Table:
    table = Table(title="csi warehouse", show_header=True, header_style="bold")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, rows in summary["tables"].items():
        table.add_row(name, f"{rows:,}")
    failures = summary["failures"]
    detail = ", ".join(f"{k} {v}" for k, v in sorted(failures["by_outcome"].items()))
    table.add_row("failures", f"{failures['failed_urls']:,}" + (f" ({detail})" if detail else ""))
    return table


def _print_examples(db_path: Path) -> None:
    from warehouse.db import connect

    con = connect(db_path, read_only=True)
    try:
        for title, query in EXAMPLE_QUERIES:
            console.rule(f"[bold]{title}")
            console.print(query, style="cyan", highlight=False)
            relation = con.sql(query)
            table = Table(*relation.columns, show_edge=False)
            for row in relation.fetchall():
                table.add_row(*("" if v is None else str(v) for v in row))
            console.print(table)
    finally:
        con.close()


def _run_state(state) -> dict:
    summary = state.result(raise_on_failure=False)
    if not isinstance(summary, dict):  # the flow crashed before it could summarise
        console.print(f"[red]The run ended in state {state.type.value}: {state.message}")
        raise typer.Exit(2)
    return summary


@app.command()
def demo(
    db: DbOption = None,
    port: Annotated[int, typer.Option(help="Loopback port for the sample site (fixed, so reruns match).")] = 8765,
) -> None:
    """Build the warehouse offline from the bundled sample site (loopback HTTP server, real parsing).

    Example: `csi demo --db /tmp/csi.duckdb` (then query it with DuckDB SQL).
    """
    from flows.demo import demo as demo_flow

    db_path = resolve_db(db)
    console.print(f"Building [bold]{db_path}[/] from the bundled sample site (offline)...")
    try:
        state = demo_flow(db=str(db_path), port=port, return_state=True)
    except OSError as exc:
        console.print(f"[red]{exc}")
        raise typer.Exit(2) from None
    summary = _run_state(state)
    console.print(_summary_table(summary))
    _print_examples(db_path)
    if not state.is_completed():
        console.print(f"[red]The demo run failed: {state.message}")
        raise typer.Exit(1)


@app.command()
def run(
    db: DbOption = None,
    sources_file: Annotated[Path, typer.Option("--sources", help="Sources TOML file.")] = DEFAULT_SOURCES,
    source: Annotated[list[str] | None, typer.Option("--source", "-s", help="Only this source (repeatable).")] = None,
) -> None:
    """Crawl the real sources in sources.toml and load what they yield.

    Example: `csi run --source cypnow --db /tmp/csi.duckdb`.
    """
    from flows.ingest import ingest
    from scrapers.sources import SourceConfigError

    db_path = resolve_db(db)
    try:
        state = ingest(sources_file=str(sources_file), db=str(db_path), sources=source or None, return_state=True)
    except SourceConfigError as exc:
        console.print(f"[red]Bad sources file: {exc}")
        raise typer.Exit(2) from None
    summary = _run_state(state)
    console.print(_summary_table(summary))
    if state.is_completed():
        return
    failures = summary["failures"]
    hosts = failures["unreachable_hosts"]
    empty = [name for name, n in summary["documents_this_run"].items() if n == 0]
    paragraph = f"The run failed: {len(empty)} source(s) yielded no documents ({', '.join(empty)}). "
    if hosts:
        paragraph += (f"{len(hosts)} host(s) could not be reached ({', '.join(hosts)}), which usually means this "
                      "machine has no network access or the sites are down. ")
    paragraph += (f"Each failed fetch is recorded in the `fetches` table of {db_path} "
                  f"(SELECT url, outcome, error FROM fetches WHERE run_id = '{summary['run_id']}'). "
                  "To see csi work offline, run `csi demo`.")
    console.print(paragraph, style="red", soft_wrap=True)
    raise typer.Exit(1)


if __name__ == "__main__":
    app()
