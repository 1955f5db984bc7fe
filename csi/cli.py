"""The `csi` command line: a thin front for the Prefect flows in flows/."""

from __future__ import annotations

import os

# Offline-quiet Prefect defaults (see README): no telemetry, and time for the ephemeral API server
# to start on a loaded 2-core machine.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

import json  # noqa: E402
from datetime import UTC, date, datetime, timedelta  # noqa: E402
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
SourcesOption = Annotated[Path, typer.Option("--sources", help="Sources TOML file.")]
SourceFilter = Annotated[str | None, typer.Option("--source", "-s", help="Only this source.")]
SinceOption = Annotated[datetime | None, typer.Option("--since", formats=["%Y-%m-%d"],
                                                      help="Only fetches/documents on or after this date.")]

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
     """SELECT q.speaker, q.role, c.name AS council
FROM quotes q LEFT JOIN councils c USING (council_code) ORDER BY c.name, q.speaker"""),
]


def _fail(message: str, code: int = 2) -> typer.Exit:
    console.print(f"[red]{message}", soft_wrap=True)
    return typer.Exit(code)


def _writable(db: Path | None) -> Path:
    """The warehouse path, checked to be free for writing before a flow starts (no traceback if not)."""
    from warehouse.db import WarehouseLocked, connect

    db_path = resolve_db(db)
    try:
        connect(db_path).close()
    except WarehouseLocked as exc:
        raise _fail(str(exc)) from None
    return db_path


def _readable(db: Path | None):
    from warehouse.db import WarehouseLocked, WarehouseMissing, connect

    try:
        return connect(resolve_db(db), read_only=True)
    except (WarehouseMissing, WarehouseLocked) as exc:
        raise _fail(str(exc)) from None


def _since(value: datetime | None) -> date | None:
    return value.date() if value else None


def _summary_table(summary: dict) -> Table:
    table = Table(title="csi warehouse", show_header=True, header_style="bold")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, rows in summary["tables"].items():
        table.add_row(name, f"{rows:,}")
    failures = summary.get("failures")
    if failures is not None:
        detail = ", ".join(f"{k} {v}" for k, v in sorted(failures["by_outcome"].items()))
        table.add_row("failures", f"{failures['failed_urls']:,}" + (f" ({detail})" if detail else ""))
    return table


def _print_rows(title: str, columns, rows) -> None:
    table = Table(*columns, title=title, show_edge=False)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)


def _print_examples(db_path: Path) -> None:
    con = _readable(db_path)
    try:
        for title, query in EXAMPLE_QUERIES:
            console.rule(f"[bold]{title}")
            console.print(query, style="cyan", highlight=False)
            relation = con.execute(query)
            _print_rows("", [d[0] for d in relation.description], relation.fetchall())
    finally:
        con.close()


def _conclude(state) -> dict:
    """Print the summary and the run's message; exit 1 if the run failed."""
    summary = _finish(state)
    console.print(state.message)
    if not state.is_completed():
        raise typer.Exit(1)
    return summary


def _finish(state) -> dict:
    """The summary a flow returned; exit 1 (after printing its message) if the run failed."""
    summary = state.result(raise_on_failure=False)
    if not isinstance(summary, dict):  # the flow crashed before it could summarise
        raise _fail(f"The run ended in state {state.type.value}: {state.message}")
    console.print(_summary_table(summary))
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

    db_path = _writable(db)
    console.print(f"Building [bold]{db_path}[/] from the bundled sample site (offline)...")
    try:
        state = demo_flow(db=str(db_path), port=port, return_state=True)
    except OSError as exc:
        raise _fail(str(exc)) from None
    _finish(state)
    _print_examples(db_path)
    if not state.is_completed():
        raise _fail(f"The demo run failed: {state.message}", 1)


@app.command()
def run(db: DbOption = None, sources_file: SourcesOption = DEFAULT_SOURCES,
        source: Annotated[list[str] | None, typer.Option("--source", "-s", help="Only this source (repeatable).")]
        = None) -> None:
    """Crawl the real sources in sources.toml and load what is new.

    Example: `csi run --source cypnow --db /tmp/csi.duckdb`.
    """
    from flows.ingest import ingest
    from scrapers.sources import SourceConfigError

    db_path = _writable(db)
    try:
        state = ingest(sources_file=str(sources_file), db=str(db_path), sources=source or None, return_state=True)
    except SourceConfigError as exc:
        raise _fail(f"Bad sources file: {exc}") from None
    summary = _finish(state)
    if state.is_completed():
        return
    hosts = summary["failures"]["unreachable_hosts"]
    empty = [name for name, n in summary["documents_seen"].items() if n == 0]
    paragraph = f"The run failed: {len(empty)} source(s) yielded no documents ({', '.join(empty)}). "
    if hosts:
        paragraph += (f"{len(hosts)} host(s) could not be reached ({', '.join(hosts)}), which usually means this "
                      "machine has no network access or the sites are down. ")
    paragraph += (f"Each failed fetch is recorded in the `fetches` table of {db_path} "
                  f"(SELECT url, outcome, error FROM fetches WHERE run_id = '{summary['run_id']}'). "
                  "Retry them with `csi rerun-failed`; to see csi work offline, run `csi demo`.")
    raise _fail(paragraph, 1)


@app.command("rerun-failed")
def rerun_failed(db: DbOption = None, source: SourceFilter = None, since: SinceOption = None,
                 sources_file: SourcesOption = DEFAULT_SOURCES) -> None:
    """Refetch exactly the URLs whose latest fetch failed, and nothing else.

    Example: `csi rerun-failed --source cypnow --since 2026-11-01`.
    """
    from flows.maintenance import rerun_failed as rerun_flow

    db_path = _writable(db)
    _conclude(rerun_flow(db=str(db_path), source=source, since=_since(since), sources_file=str(sources_file),
                         return_state=True))


@app.command()
def reparse(db: DbOption = None, source: SourceFilter = None, since: SinceOption = None,
            sources_file: SourcesOption = DEFAULT_SOURCES) -> None:
    """Rebuild documents and every derived row from the WARC archive with today's parsers (no network).

    Example: `csi reparse --source hillingdon-moderngov`.
    """
    from flows.maintenance import reparse as reparse_flow

    db_path = _writable(db)
    _conclude(reparse_flow(db=str(db_path), source=source, since=_since(since), sources_file=str(sources_file),
                           return_state=True))


@app.command("import-warc")
def import_warc(files: Annotated[list[Path], typer.Argument(help="WARC files (.warc or .warc.gz).")],
                db: DbOption = None, sources_file: SourcesOption = DEFAULT_SOURCES) -> None:
    """Load every HTML page in WARC files from any tool (Webrecorder, Common Crawl, csi's own archive).

    Example: `csi import-warc crawl.warc.gz`.
    """
    from flows.maintenance import import_warc as import_flow

    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise _fail(f"No such file: {', '.join(missing)}")
    db_path = _writable(db)
    _conclude(import_flow(files=[str(f.resolve()) for f in files], db=str(db_path), sources_file=str(sources_file),
                          return_state=True))


@app.command("extract")
def extract_command(
    inputs: Annotated[list[str], typer.Argument(help="URLs, HTML files or WARC files.")],
    as_url: Annotated[str | None, typer.Option("--as-url", help="The URL an HTML file came from.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per page per line.")] = False,
    sources_file: SourcesOption = DEFAULT_SOURCES,
) -> None:
    """Parse pages and print the document and every row it would load, without loading anything.

    Example: `csi extract page.html --as-url https://www.cypnow.co.uk/news/article/x --json`.
    """
    from flows.extract_pages import ROW_TABLES, extract_inputs
    from scrapers.sources import load_sources

    missing = [i for i in inputs if not i.startswith(("http://", "https://")) and not Path(i).is_file()]
    if missing:
        raise _fail(f"No such file: {', '.join(missing)}")
    sources = load_sources(sources_file) if sources_file.exists() else None
    for page in extract_inputs(inputs, as_url, sources):
        if as_json:
            print(json.dumps(page, ensure_ascii=False, default=str))
            continue
        if "error" in page:
            console.print(f"[red]{page['url']}: {page['error']}")
            continue
        doc = page["document"]
        console.rule(f"[bold]{doc['title'] or page['url']}")
        console.print(f"{page['url']}\npublished {doc['published_on']}, author {doc['author']}, "
                      f"parser {doc['parser']}, {len(doc['text'])} characters of text")
        for table in ROW_TABLES:
            rows = page[table]
            console.print(f"[bold]{table}[/]: {len(rows)}")
            for row in rows:
                shown = {k: v for k, v in row.items() if not k.endswith("_id") or k == "inspection_id"}
                console.print(f"  {shown}", highlight=False, soft_wrap=True)


@app.command("eval")
def eval_gold(
    gold: Annotated[Path, typer.Option(help="Gold set: annotated pages and their expected rows.")] = Path("tests/gold"),
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Scores per pattern and each page's misses.")]
    = False,
) -> None:
    """Score extraction against the gold set: precision, recall and F1 per table (ratings, inspections, ...).

    Example: `csi eval --verbose`.
    """
    from csi.evaluation.gold import evaluate, format_report

    if not gold.is_dir():
        raise _fail(f"No gold set at {gold}: run from the repository root or pass --gold PATH.")
    print(format_report(evaluate(gold), verbose))


@app.command("eval-extraction")
def eval_extraction(
    shared: Annotated[Path, typer.Option(help="The shared data directory with the benchmarks.")]
    = Path("../shared/data"),
    min_body_f1: Annotated[float, typer.Option(help="Fail below this Scrapinghub body F1.")] = 0.0,
    min_snippet_f1: Annotated[float, typer.Option(help="Fail below this trafilatura snippet F1.")] = 0.0,
    min_date_accuracy: Annotated[float, typer.Option(help="Fail below this publication-date accuracy.")] = 0.0,
) -> None:
    """Score generic extraction on real pages: Scrapinghub body F1, trafilatura snippets, htmldate dates.

    Example: `csi eval-extraction --shared ../shared/data --min-body-f1 0.93`.
    """
    from csi.evaluation.dates import evaluate_dates
    from csi.evaluation.extraction import evaluate_bodies, evaluate_snippets

    if not (shared / "extraction-bench").is_dir() or not (shared / "dates-bench").is_dir():
        raise _fail(f"No benchmarks under {shared}: pass --shared PATH (the folder holding extraction-bench/).")
    bodies, snippets, dates = evaluate_bodies(shared), evaluate_snippets(shared), evaluate_dates(shared)
    rows = [
        ("Scrapinghub article bodies (shingle F1)", bodies["pages"], bodies["precision"], bodies["recall"],
         bodies["f1"], min_body_f1),
        ("trafilatura snippets (include/exclude)", snippets["pages"], snippets["precision"], snippets["recall"],
         snippets["f1"], min_snippet_f1),
        ("htmldate publication dates (accuracy)", dates["pages"], None, None, dates["accuracy"], min_date_accuracy),
    ]
    table = Table("benchmark", "pages", "precision", "recall", "score", "floor", title="Generic extraction",
                  show_edge=False)
    failed = []
    for name, pages, precision, recall, score, floor in rows:
        table.add_row(name, str(pages), "" if precision is None else f"{precision:.3f}",
                      "" if recall is None else f"{recall:.3f}", f"{score:.3f}", f"{floor:.3f}" if floor else "")
        if score < floor:
            failed.append(f"{name} {score:.3f} < {floor:.3f}")
    console.print(table)
    if failed:
        raise _fail("Below the floor: " + "; ".join(failed), 1)


@app.command()
def status(db: DbOption = None, sources_file: SourcesOption = DEFAULT_SOURCES) -> None:
    """Recent runs, failing URLs by outcome and host, profile misses, and sources overdue for a successful fetch.

    Example: `csi status --db data/csi.duckdb`.
    """
    from scrapers.sources import load_sources
    from warehouse.queries import failures_by_outcome_and_host, last_success_by_source, profile_misses, recent_runs

    con = _readable(db)
    try:
        _print_rows("Recent runs", ("run_id", "flow", "started_at", "finished_at", "state"), recent_runs(con))
        _print_rows("Failing URLs (by their latest fetch), by outcome and host",
                    ("outcome", "host", "urls", "example error"), failures_by_outcome_and_host(con))
        _print_rows("Profile misses (selectors matched nothing: generic extraction used)",
                    ("source", "selector", "documents", "latest"), profile_misses(con))
        last_success = last_success_by_source(con)
    finally:
        con.close()
    if not sources_file.exists():
        return
    now = datetime.now(UTC).replace(tzinfo=None)
    overdue = Table("source", "last successful fetch", "refresh interval", title="Sources overdue", show_edge=False)
    for src in load_sources(sources_file).sources:
        last = last_success.get(src.name)
        if last is None or last < now - timedelta(days=src.refresh_days):
            overdue.add_row(src.name, str(last or "never"), f"{src.refresh_days:g} days")
    console.print(overdue)


if __name__ == "__main__":
    app()
