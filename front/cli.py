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

from csi.paths import DEFAULT_SOURCES, SettingError, check_environment  # noqa: E402
from csi.paths import resolve_db as _resolve_db  # noqa: E402

app = typer.Typer(
    name="csi",
    help="Children's services inspections: scrape Ofsted reports, news and council minutes into DuckDB.\n\n"
         "Start with `csi demo` (offline, bundled sample site), then query data/csi.duckdb with SQL.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)
console = Console()


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        console.print(f"csi {version('csi')}", highlight=False)
        raise typer.Exit()



DbOption = Annotated[Path | None, typer.Option("--db", help="Warehouse file (default: $CSI_DB or data/csi.duckdb).",
                                               show_default=False)]
SourcesOption = Annotated[Path, typer.Option("--sources", help="Sources TOML file.")]
SourceFilter = Annotated[str | None, typer.Option("--source", "-s", help="Only this source.")]
SinceOption = Annotated[datetime | None, typer.Option("--since", formats=["%Y-%m-%d"],
                                                      help="Only fetches/documents on or after this date.")]

EXAMPLE_QUERIES = [
    ("England now: current councils by current overall effectiveness grade",
     """SELECT coalesce(grade, status) AS overall_effectiveness, count(*) AS current_councils
FROM latest_ratings WHERE judgement = 'overall_effectiveness'
GROUP BY ALL ORDER BY min(grade_rank) NULLS LAST"""),
    ("Grades the sample site's news and minutes reported",
     """SELECT c.name, r.grade, r.rated_year, d.publisher
FROM ratings r JOIN councils c USING (council_code) JOIN documents d USING (document_id)
WHERE r.judgement = 'overall_effectiveness' AND NOT r.is_historical AND d.doc_type <> 'statistics'
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


@app.callback()
def _settings(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                   help="Print csi's version and exit.")] = False) -> None:
    """Bad CSI_* environment settings stop every command at once, in one line (exit 2)."""
    try:
        check_environment()
    except SettingError as exc:
        raise _fail(f"Bad setting: {exc}") from None


def resolve_db(db: Path | None) -> Path:
    """The warehouse path (--db, CSI_DB, default); one line and exit 2 if it cannot be a DuckDB file."""
    try:
        return _resolve_db(db)
    except SettingError as exc:
        raise _fail(f"Bad setting: {exc}") from None


def _readable(db: Path | None):
    """A read-only connection to the warehouse's snapshot (or the warehouse itself before the first snapshot),
    migrated by this code; clear errors (exit 2) otherwise."""
    from warehouse.db import WarehouseLocked, WarehouseMissing, connect
    from warehouse.docs import newest_migration, schema_version
    from warehouse.writer import reading_path

    try:  # the read-only snapshot a writer publishes after each load: no writer ever waits for a reader
        con = connect(reading_path(resolve_db(db)), read_only=True)
    except (WarehouseMissing, WarehouseLocked) as exc:
        raise _fail(str(exc)) from None
    version, newest = schema_version(con), newest_migration()
    if newest and (version is None or version[0] < newest[0]):
        con.close()
        raise _fail(f"The warehouse {resolve_db(db)} is at schema version {version[0] if version else 0} but "
                    f"this code knows up to {newest[0]} ({newest[1]}): migrate it with `csi demo` (or `csi run`) "
                    "first.")
    return con


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
    from pipeline.runs import summary_of

    summary = summary_of(state)
    if summary is None:  # the flow crashed before it could summarise
        raise _fail(f"The run ended in state {state.type.value}: {state.message}", 1)
    console.print(_summary_table(summary))
    return summary


@app.command()
def demo(
    db: Annotated[Path | None, typer.Option("--db", help="The demo's warehouse (default: $CSI_DEMO_DB or "
                                            "data/demo.duckdb; never production's).", show_default=False)] = None,
    port: Annotated[int, typer.Option(help="Loopback port for the sample site (default: a free one; document ids "
                                           "do not depend on it).")] = 0,
) -> None:
    """Build the demo warehouse offline from the bundled sample site (loopback HTTP server, real parsing): five
    news and minutes pages, and Ofsted's official outcomes edition found through a copy of GOV.UK's APIs.

    It writes its own warehouse, data/demo.duckdb, and leaves data/csi.duckdb alone. Example:
    `csi demo`, then `csi sql --db data/demo.duckdb "SELECT * FROM latest_ratings"`.
    """
    import socket

    from csi.paths import resolve_demo_db
    from flows.demo import demo as demo_flow

    db_path = resolve_demo_db(db)
    if port:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError as exc:
                raise _fail(f"Port {port} on 127.0.0.1 is busy ({exc.strerror}): leave out --port to use a free one.") \
                    from None
    console.print(f"Building [bold]{db_path}[/] from the bundled sample site (offline)...")
    state = demo_flow(db=str(db_path), port=port, return_state=True)
    _finish(state)
    _print_examples(db_path)
    if not state.is_completed():
        raise _fail(f"The demo run failed: {state.message}", 1)
    console.print(f"Query it: csi sql --db {db_path} \"SELECT * FROM latest_ratings\"", highlight=False)


@app.command()
def run(db: DbOption = None, sources_file: SourcesOption = DEFAULT_SOURCES,
        source: Annotated[list[str] | None, typer.Option("--source", "-s", help="Only this source (repeatable).")]
        = None,
        adapter: Annotated[list[str] | None, typer.Option(
            "--adapter", "-a", help="Only sources of this platform: news, moderngov, ... (repeatable).")] = None,
        full_refresh: Annotated[bool, typer.Option(
            help="Refetch every page unconditionally (unchanged pages still reuse cached parses).")] = False,
        task_runner: Annotated[str, typer.Option(
            help="Where fetch and parse tasks run: threads (this process), processes (one per core) or dask.")]
        = "threads",
        dask_address: Annotated[str | None, typer.Option(
            help="Scheduler of the Dask cluster for --task-runner dask, e.g. tcp://10.0.0.5:8786.")] = None) -> None:
    """Crawl the real sources in sources.toml and load what is new.

    Example: `csi run --source cypnow --db /tmp/csi.duckdb`; on a cluster:
    `csi run --task-runner dask --dask-address tcp://scheduler:8786` (see docs/scaling.md).
    """
    from flows.ingest import ingest, select_sources, task_runner_for
    from scrapers.sources import SourceConfigError

    try:  # bad sources, an unknown --source or runner is the user's to fix: say so before any flow starts
        select_sources(str(sources_file), None, source or None, adapter or None)
        runner = task_runner_for(task_runner, dask_address)
    except (SourceConfigError, ValueError) as exc:
        raise _fail(f"Bad options: {exc}") from None
    db_path = resolve_db(db)
    state = ingest.with_options(task_runner=runner)(
        sources_file=str(sources_file), db=str(db_path), sources=source or None, adapters=adapter or None,
        full_refresh=full_refresh, return_state=True)
    summary = _finish(state)
    if state.is_completed():
        return
    hosts = summary["failures"]["unreachable_hosts"]
    paragraph = f"The run failed: {state.message}. "
    if hosts:
        paragraph += (f"{len(hosts)} host(s) could not be reached, which usually means this "
                      "machine has no network access or the sites are down. ")
    paragraph += (f"Each failed fetch is recorded in the `fetches` table of {db_path} "
                  f"(SELECT url, outcome, error FROM fetches WHERE run_id = '{summary['run_id']}'). "
                  "Retry them with `csi rerun-failed`; to see csi work offline, run `csi demo`.")
    raise _fail(paragraph, 1)


@app.command()
def serve(
    only: Annotated[list[str] | None, typer.Option("--only", help="Serve just this deployment (repeatable).")] = None,
    limit: Annotated[int, typer.Option(help="Flow runs at once. Writers still take the warehouse one at a time "
                                            "(lock file and the csi-warehouse-writer limit): with 2, one run can "
                                            "crawl while another loads.")] = 1,
    prefect_file: Annotated[Path | None, typer.Option(
        "--prefect-file", help="The deployments to serve (default: the project's prefect.yaml).",
        show_default=False)] = None,
    take_over: Annotated[bool, typer.Option(
        help="Serve deployments that `prefect deploy` put in a work pool, turning them into served ones.")] = False,
) -> None:
    """Run every deployment in prefect.yaml from this process, on their schedules (one machine, no work pool).

    Needs a Prefect server: `prefect server start` in another terminal, then
    `PREFECT_API_URL=http://127.0.0.1:4200/api csi serve`. Ctrl-C stops serving and pauses the served
    deployments' schedules (no runs pile up while nothing would run them); the next `csi serve` resumes them.
    A deployment of the same name that `prefect deploy` bound to a work pool is left alone (exit 2) unless
    --take-over.
    """
    from prefect import serve as prefect_serve
    from prefect.settings import PREFECT_API_URL

    from front.deployments import (
        PREFECT_YAML,
        ensure_writer_limit,
        load_specs,
        pooled_deployments,
        runner_deployments,
    )

    if not PREFECT_API_URL.value():
        raise _fail("csi serve needs a Prefect server that keeps schedules: start one with `prefect server start` "
                    "and set PREFECT_API_URL=http://127.0.0.1:4200/api (an ephemeral API schedules nothing).")
    try:
        deployments = runner_deployments(load_specs(prefect_file or PREFECT_YAML), only)
    except (ValueError, OSError) as exc:
        raise _fail(str(exc)) from None
    pooled = pooled_deployments(deployments)
    if pooled and not take_over:
        raise _fail(f"Not serving: {', '.join(pooled)} already run on a work pool (`prefect deploy`); serving would "
                    "replace them. Use the worker, or pass --take-over (or --only other deployments).")
    ensure_writer_limit()
    prefect_serve(*deployments, limit=limit)


automations = typer.Typer(help="Prefect automations shipped with csi (automations/).", no_args_is_help=True)
app.add_typer(automations, name="automations")


@automations.command("install")
def automations_install(
    block: Annotated[str, typer.Option(help="The notification block, TYPE/NAME: slack-webhook/csi-alerts, "
                                            "custom-webhook/ops, sendgrid-email/team, ...", show_default=False)],
) -> None:
    """Install automations/notify-on-failure.yaml: notify through BLOCK whenever a csi run ends Failed or Crashed.

    Needs PREFECT_API_URL (the server that runs the deployments). Installing again replaces it.
    Example: `csi automations install --block slack-webhook/csi-alerts`.
    """
    from prefect.exceptions import ObjectNotFound
    from prefect.settings import PREFECT_API_URL

    from front.deployments import install_failure_automation

    if not PREFECT_API_URL.value():
        raise _fail("csi automations install needs the Prefect server: set PREFECT_API_URL (e.g. "
                    "http://127.0.0.1:4200/api).")
    try:
        automation_id = install_failure_automation(block)
    except ObjectNotFound:
        raise _fail(f"No block {block} on the server: create it first (see automations/notify-on-failure.yaml)."
                    ) from None
    except ValueError as exc:
        raise _fail(str(exc)) from None
    console.print(f"Installed automation csi-run-failed-or-crashed ({automation_id}): notifies {block}.")


@app.command("load-outcomes")
def load_outcomes(
    paths: Annotated[list[Path], typer.Argument(help="Ofsted's outcomes spreadsheets (.ods, .xlsx) or CSV copies.")],
    db: DbOption = None,
    url: Annotated[str | None, typer.Option(
        help="Where the file was published (kept as the document's URL); one file only.")] = None,
) -> None:
    """Load Ofsted's official local-authority inspection outcomes (every sheet of every file) as source ofsted_mi.

    Every edition and sheet: the snapshot as at 31 March, the in-year inspections, the inspection histories.
    When editions disagree on a grade, the newer edition wins and `rating_conflicts` shows the older one; the
    same file loaded again, from any path, changes nothing.

    Example: `csi load-outcomes outcomes_2025.ods outcomes_2024.ods history.csv`; then
    `csi sql "SELECT * FROM rating_conflicts"`.
    """
    from flows.official_outcomes import load_official_outcomes

    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise _fail(f"No outcomes file at {', '.join(missing)}")
    if url and len(paths) > 1:
        raise _fail("--url names where one file was published: give it with a single file")
    db_path = resolve_db(db)
    _conclude(load_official_outcomes(paths=[str(p) for p in paths], db=str(db_path), url=url, return_state=True))


@app.command("rerun-failed")
def rerun_failed(db: DbOption = None, source: SourceFilter = None, since: SinceOption = None,
                 sources_file: SourcesOption = DEFAULT_SOURCES) -> None:
    """Refetch exactly the URLs whose latest fetch failed, and nothing else.

    Example: `csi rerun-failed --source cypnow --since 2026-11-01`.
    """
    from flows.maintenance import rerun_failed as rerun_flow

    db_path = resolve_db(db)
    _conclude(rerun_flow(db=str(db_path), source=source, since=_since(since), sources_file=str(sources_file),
                         return_state=True))


@app.command()
def reparse(db: DbOption = None, source: SourceFilter = None, since: SinceOption = None,
            sources_file: SourcesOption = DEFAULT_SOURCES) -> None:
    """Rebuild documents and every derived row from the WARC archive with today's parsers (no network).

    Example: `csi reparse --source hillingdon-moderngov`.
    """
    from flows.maintenance import reparse as reparse_flow

    db_path = resolve_db(db)
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
    db_path = resolve_db(db)
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

    A file is a PDF by its bytes, whatever its name. An input that cannot be read or parsed is one line naming it
    and why; the other inputs still run, and the exit code is 1.

    Example: `csi extract page.html --as-url https://www.cypnow.co.uk/news/article/x --json`.
    """
    from csi.records import FACT_TABLES
    from pipeline.extract_pages import extract_inputs
    from scrapers.sources import load_sources

    missing = [i for i in inputs if not i.startswith(("http://", "https://")) and not Path(i).is_file()]
    if missing:
        raise _fail(f"No such file: {', '.join(missing)}")
    sources = load_sources(sources_file) if sources_file.exists() else None
    failed = 0
    for page in extract_inputs(inputs, as_url, sources):
        failed += "error" in page
        if as_json:
            print(json.dumps(page, ensure_ascii=False, default=str))
            continue
        if "error" in page:
            console.print(f"[red]{page['url']}: {page['error']}", soft_wrap=True, highlight=False)
            continue
        doc = page["document"]
        console.rule(f"[bold]{doc['title'] or page['url']}")
        console.print(f"{page['url']}\npublished {doc['published_on']}, author {doc['author']}, "
                      f"parser {doc['parser']}, {len(doc['text'])} characters of text")
        for table in FACT_TABLES:
            rows = page[table]
            console.print(f"[bold]{table}[/]: {len(rows)}")
            for row in rows:
                shown = {k: v for k, v in row.items() if not k.endswith("_id") or k == "inspection_id"}
                console.print(f"  {shown}", highlight=False, soft_wrap=True)
    if failed:
        raise typer.Exit(1)


@app.command("eval")
def eval_gold(
    gold: Annotated[Path, typer.Option(help="Gold set: annotated pages and their expected rows.")] = Path("tests/gold"),
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Scores per pattern and each page's misses.")]
    = False,
    language_only: Annotated[bool, typer.Option(
        "--language-only", help="Score the language rules alone: no linking of claims to Ofsted's official "
                                "record.")] = False,
) -> None:
    """Score extraction against the gold set: precision, recall and F1 per table (ratings, inspections, ...).

    Example: `csi eval --verbose`; `--language-only` gives the figures without the official record.
    """
    from front.evaluation.gold import evaluate, format_report

    if not gold.is_dir():
        raise _fail(f"No gold set at {gold}: run from the repository root or pass --gold PATH.")
    print(format_report(evaluate(gold, link_official=not language_only), verbose))


def _floors(path: Path, section: str) -> dict[str, float]:
    from csi.floors import FloorsError, floors_of

    try:
        return floors_of(section, path)
    except FloorsError as exc:
        raise _fail(str(exc)) from exc


@app.command("eval-extraction")
def eval_extraction(
    shared: Annotated[Path, typer.Option(help="The shared data directory with the benchmarks.")]
    = Path("../shared/data"),
    min_body_f1: Annotated[float, typer.Option(help="Fail below this Scrapinghub body F1.")] = 0.0,
    min_snippet_f1: Annotated[float, typer.Option(help="Fail below this trafilatura snippet F1.")] = 0.0,
    min_date_accuracy: Annotated[float, typer.Option(help="Fail below this publication-date accuracy.")] = 0.0,
    floors: Annotated[Path | None, typer.Option(
        help="Take the floors not given above from this file's [extraction] section (floors.toml).")] = None,
) -> None:
    """Score generic extraction on real pages: Scrapinghub body F1, trafilatura snippets, htmldate dates.

    Example: `csi eval-extraction --shared ../shared/data --floors floors.toml` (what CI runs).
    """
    from front.evaluation.dates import evaluate_dates
    from front.evaluation.extraction import evaluate_bodies, evaluate_snippets

    if floors is not None:
        pinned = _floors(floors, "extraction")
        min_body_f1 = min_body_f1 or pinned.get("body_f1", 0.0)
        min_snippet_f1 = min_snippet_f1 or pinned.get("snippet_f1", 0.0)
        min_date_accuracy = min_date_accuracy or pinned.get("date_accuracy", 0.0)

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


@app.command("eval-claims")
def eval_claims(
    folder: Annotated[Path, typer.Argument(help="A claims set: manifest.json and pages/ (news-claims layout).")],
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Each page's missing and unexpected ratings.")]
    = False,
    min_precision: Annotated[float, typer.Option(help="Fail (exit 1) below this overall precision.")] = 0.0,
    min_recall: Annotated[float, typer.Option(help="Fail (exit 1) below this overall recall.")] = 0.0,
    floors: Annotated[Path | None, typer.Option(
        help="Take the floors not given above from this file's [claims] section (floors.toml).")] = None,
    language_only: Annotated[bool, typer.Option(
        "--language-only", help="Score the reading of the language alone: no linking of claims to Ofsted's "
                                "official record (which gives a linked claim the year its judgement was "
                                "published).")] = False,
) -> None:
    """Score rating claims on pages written by others: precision and recall overall, per kind, per construction.

    Example: `csi eval-claims ../shared/data/news-claims --floors floors.toml` (what CI runs);
    `--language-only` gives the figures without the official record.
    """
    from front.evaluation.claims import evaluate_claims, format_claims, summary

    if floors is not None:
        pinned = _floors(floors, "claims")
        min_precision = min_precision or pinned.get("precision", 0.0)
        min_recall = min_recall or pinned.get("recall", 0.0)

    if not (folder / "manifest.json").is_file() or not (folder / "pages").is_dir():
        raise _fail(f"No claims set at {folder}: expected manifest.json and pages/.")
    results = evaluate_claims(folder, link_official=not language_only)
    typer.echo(format_claims(results, verbose))
    total = summary(results)["all"]["all pages"]
    failed = [f"{name} {value:.3f} < {floor:.3f}" for name, value, floor in
              (("precision", total.precision, min_precision), ("recall", total.recall, min_recall)) if value < floor]
    if failed:
        raise _fail("Below the floor: " + "; ".join(failed), 1)


@app.command("eval-reports")
def eval_reports(
    pdf_dir: Annotated[Path, typer.Argument(help="A folder of Ofsted report PDFs.")],
    truth: Annotated[list[Path], typer.Option("--truth", help="An official outcomes CSV (repeatable).")],
    min_agreement: Annotated[float | None, typer.Option(
        help="Fail (exit 1) when any field's agreement, in percent, is below this.")] = None,
    floors: Annotated[Path | None, typer.Option(
        help="Without --min-agreement, take the floor from this file's [reports] section (floors.toml).")] = None,
) -> None:
    """Parse every PDF in a folder and compare council, framework, dates and grades with Ofsted's official record.

    Example: `csi eval-reports ../shared/data/ofsted-reports/pdf --truth
    ../shared/data/ofsted-la-outcomes/ofsted_ilacs_inspection_history_2018_2025.csv --floors floors.toml`.
    """
    from front.evaluation.reports import evaluate_reports, format_evaluation

    if floors is not None and min_agreement is None:
        min_agreement = _floors(floors, "reports").get("agreement")

    if not pdf_dir.is_dir() or not any(pdf_dir.glob("*.pdf")):
        raise _fail(f"No PDFs in {pdf_dir}")
    missing = [str(p) for p in truth if not p.is_file()]
    if missing:
        raise _fail(f"No official outcomes file at {', '.join(missing)}")
    result = evaluate_reports(pdf_dir, truth)
    typer.echo(format_evaluation(result))
    if min_agreement is not None and result.lowest_agreement < min_agreement:
        raise _fail(f"Lowest agreement {result.lowest_agreement:.1f}% is below the floor {min_agreement}%", 1)


@app.command("sql")
def sql_command(
    query: Annotated[str | None, typer.Argument(
        help="One query: SELECT, WITH ... SELECT, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE or EXPLAIN. "
             "Omit it (or give -) to read the query from standard input.", show_default=False)] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the query from this .sql file.",
                                              show_default=False)] = None,
    output: Annotated[str, typer.Option("--format", help="table, csv (with a header row), json (one object "
                                                         "per row and line) or markdown.")] = "table",
    max_rows: Annotated[int | None, typer.Option(
        "--max-rows", min=0, help="Print at most this many rows and say how many more there are "
                                  "(default: 1000 for table, all for csv, json and markdown; 0: all).",
        show_default=False)] = None,
    db: DbOption = None,
) -> None:
    """Run one read-only SQL query on the warehouse and print the rows. Tables and views: docs/warehouse.md.

    Example: `csi sql "SELECT * FROM latest_ratings WHERE council_code = 'E09000017'"`; also
    `csi sql -f query.sql --format csv > out.csv` and `echo "FROM council_lineage" | csi sql`.
    """
    import sys

    from rich.markup import escape

    from warehouse.console import SQL_FORMATS, QueryRefused, run_query, table_lines, write_rows

    if output not in SQL_FORMATS:
        raise _fail(f"Unknown --format {output!r}: use one of {', '.join(SQL_FORMATS)}.")
    if file is not None and query not in (None, "-"):
        raise _fail("Give the query as an argument, with -f FILE or on standard input: one of them.")
    if file is not None:
        try:
            query = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise _fail(f"Cannot read {file}: {exc}") from None
    elif query in (None, "-"):
        if query is None and sys.stdin.isatty():
            raise _fail("No query: give one as an argument, with -f FILE, or on standard input.")
        query = sys.stdin.read()
    limit = (1000 if output == "table" else 0) if max_rows is None else max_rows
    try:
        columns, types, rows, more = run_query(lambda: _readable(db), query, limit)
    except QueryRefused as exc:
        raise _fail(escape(str(exc))) from None
    if output == "table":
        sys.stdout.write("\n".join(table_lines(columns, types, rows, console.width)) + "\n")
    else:
        write_rows(sys.stdout, output, columns, types, rows)
    shown = f"{len(rows):,} row{'' if len(rows) == 1 else 's'}"
    if more:
        note = (f"{shown} shown, {more:,} more row{'' if more == 1 else 's'} not printed (--max-rows {limit}): "
                "use --max-rows 0 for all, or --format csv.")
        if output == "table":
            console.print(note, style="dim", highlight=False)
        else:
            print(note, file=sys.stderr)
    elif output == "table":
        console.print(shown, style="dim", highlight=False)


@app.command("export")
def export_command(
    parquet: Annotated[Path | None, typer.Option("--parquet", help="Directory for the Parquet files (created; a "
                                                                   "previous csi export there is replaced).",
                                                 show_default=False)] = None,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="Spreadsheet (.xlsx) of the ILACS summary: one row per "
                                                             "current council, and a sheet describing each column.",
                                              show_default=False)] = None,
    db: DbOption = None,
    partition_rows: Annotated[int, typer.Option("--partition-rows", min=0,
                                                help="Hive-partition documents, fetches and ratings by year when "
                                                     "they hold more rows than this.")] = 100_000,
) -> None:
    """Export every table and view to Parquet (`--parquet DIR`: a file each, large tables Hive-partitioned by year,
    each column's description in the file's metadata, and a manifest) and/or the one-row-per-council ILACS summary
    that councils and regional groups use (`--xlsx FILE`).

    Read Parquet back with DuckDB (`read_parquet('DIR/documents/**/*.parquet', hive_partitioning = true)` for a
    partitioned table), pyarrow or pandas (`pd.read_parquet('DIR/ratings.parquet')`, or the directory), or Polars.

    Example: `csi export --parquet /tmp/csi-parquet --xlsx /tmp/ilacs-summary.xlsx --db data/csi.duckdb`.
    """
    import duckdb
    from rich.markup import escape

    from warehouse.export import MANIFEST, ExportError, export_parquet, export_xlsx

    if parquet is None and xlsx is None:
        raise _fail("Nothing to export: give --parquet DIR, --xlsx FILE or both.")
    if xlsx is not None and xlsx.suffix.lower() != ".xlsx":
        raise _fail(f"--xlsx {xlsx}: the file name must end in .xlsx.")
    con = _readable(db)
    try:
        exported = export_parquet(con, parquet, partition_rows=partition_rows) if parquet is not None else []
        councils = export_xlsx(con, xlsx, f"written {datetime.now(UTC):%d %B %Y}") if xlsx is not None else 0
    except (ExportError, duckdb.Error, OSError) as exc:
        raise _fail(escape(str(exc))) from None
    finally:
        con.close()
    if parquet is not None:
        table = Table(title=f"Parquet export to {parquet}", show_edge=False)
        for column in ("relation", "kind", "rows", "path"):
            table.add_column(column, justify="right" if column == "rows" else "left")
        for item in exported:
            path = f"{item.path}/{item.partition_by}=YYYY/" if item.partition_by else item.path
            table.add_row(item.name, item.kind, f"{item.rows:,}", path)
        console.print(table)
        console.print(f"{len(exported)} tables and views written; manifest {parquet / MANIFEST}.", soft_wrap=True)
    if xlsx is not None:
        console.print(f"Wrote {xlsx}: the ILACS summary of {councils} current councils, and a Columns sheet.",
                      soft_wrap=True)


@app.command("docs")
def docs_command(
    out: Annotated[Path, typer.Option("--out", help="Markdown file to write.")] = Path("docs/warehouse.md"),
    db: DbOption = None,
) -> None:
    """Write the data dictionary (every table and view, what each column means) and worked example queries.

    Generate the committed docs/warehouse.md from the demo warehouse: `csi demo --db /tmp/csi-docs.duckdb`, then
    the example below.

    Example: `csi docs --db /tmp/csi-docs.duckdb`.
    """
    from warehouse.docs import EXAMPLES, relations, render

    con = _readable(db)
    try:
        found = relations(con)
        text = render(con)
    finally:
        con.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    views = sum(r.kind == "view" for r in found)
    console.print(f"Wrote {out}: {len(found) - views} tables, {views} views, {len(EXAMPLES)} worked example queries.",
                  soft_wrap=True)


@app.command("report")
def report_command(
    out: Annotated[Path, typer.Option("--out", help="Directory for the report (created; pages of a previous "
                                                    "report there are replaced).", show_default=False)],
    db: DbOption = None,
) -> None:
    """Write a static HTML report: grade distribution, grades over time, weakness themes, recent changes, a page
    per council.

    No server needed: open DIR/index.html from the file system (the charting JavaScript is written into
    DIR/assets, nothing is loaded from the network).

    Example: `csi report --out /tmp/csi-report --db data/csi.duckdb`.
    """
    import duckdb
    from rich.markup import escape

    from warehouse.report import ReportError, build_report

    db_path = resolve_db(db)
    con = _readable(db)
    try:
        with console.status("Rendering the report..."):
            report = build_report(con, out, db_name=db_path.name)
    except (ReportError, duckdb.Error, OSError) as exc:
        raise _fail(escape(str(exc))) from None
    finally:
        con.close()
    console.print(f"Wrote {report.index} and {report.council_pages} council pages "
                  f"({report.councils} councils in the table). Open {report.index.resolve().as_uri()} in a browser.")


def _print_prefect_failures(recorded: set[str]) -> None:
    """Runs Prefect has as Failed or Crashed that this warehouse has no runs row for (they ended before opening it)."""
    from prefect.settings import PREFECT_API_URL

    from pipeline.runs import PREFECT_FAILURES_DAYS, failed_runs_without_row

    try:
        rows = failed_runs_without_row(recorded)
    except Exception as exc:  # noqa: BLE001 - the warehouse's own account above stands; say why this part is missing
        console.print(f"Prefect API {PREFECT_API_URL.value()}: not read ({type(exc).__name__}: {exc})"[:300],
                      highlight=False)
        return
    _print_rows(f"Failed or crashed in Prefect ({PREFECT_API_URL.value()}, last {PREFECT_FAILURES_DAYS} days) with no "
                "runs row here: ended before opening this warehouse, or wrote another one",
                ("flow_run_id", "flow", "started", "state", "message"), rows)


@app.command()
def status(db: DbOption = None, sources_file: SourcesOption = DEFAULT_SOURCES) -> None:
    """Recent runs, failing URLs by outcome and host, hosts the latest crawl skipped, profile misses, and sources
    overdue for a successful fetch. With PREFECT_API_URL set, also the runs Prefect has as Failed or Crashed that
    never reached the warehouse (a bad parameter, a crash at start).

    Example: `csi status --db data/csi.duckdb`.
    """
    from prefect.settings import PREFECT_API_URL

    from flows.maintenance import given_up_fetches
    from scrapers.platforms import expand_sources
    from scrapers.sources import load_sources
    from warehouse.db import abandoned_runs
    from warehouse.queries import (
        failures_by_outcome_and_host,
        last_success_by_source,
        latest_skipped_hosts,
        profile_misses,
        recent_runs,
    )
    from warehouse.writer import reading_path, snapshot_path

    db_path = resolve_db(db)
    if reading_path(db_path) == snapshot_path(db_path):
        published = datetime.fromtimestamp(snapshot_path(db_path).stat().st_mtime, UTC).strftime("%Y-%m-%d %H:%M:%S")
        console.print(f"Snapshot {snapshot_path(db_path)}, published {published} UTC", highlight=False)
    con = _readable(db)
    try:
        gone = {run_id for run_id, _, _ in abandoned_runs(con)}  # killed without a word (SIGKILL, out of memory)
        _print_rows("Recent runs", ("run_id", "flow", "started_at", "finished_at", "state"),
                    [(*run[:4], "CRASHED (process gone)" if run[0] in gone else run[4]) for run in recent_runs(con)])
        if PREFECT_API_URL.value():
            _print_prefect_failures({row[0] for row in con.execute("SELECT run_id FROM runs").fetchall()})
        _print_rows("Failing URLs (by their latest fetch), by outcome and host",
                    ("outcome", "host", "urls", "example error"), failures_by_outcome_and_host(con))
        _print_rows("Given up (permanent failures retried enough: rerun-failed no longer fetches them)",
                    ("url", "source", "outcome", "status", "failures in a row", "last tried"),
                    [(f.url, f.source, f.outcome, f.status_code, f.failures_in_a_row, f.requested_at)
                     for f in given_up_fetches(con)])
        _print_rows("Hosts skipped by the latest crawl (repeated connection failures)",
                    ("run_id", "host", "why"), latest_skipped_hosts(con))
        _print_rows("Profile misses (selectors matched nothing: generic extraction used)",
                    ("source", "selector", "documents", "latest"), profile_misses(con))
        last_success = last_success_by_source(con)
    finally:
        con.close()
    if not sources_file.exists():
        return
    now = datetime.now(UTC).replace(tzinfo=None)
    overdue = Table("source", "last successful fetch", "refresh interval", title="Sources overdue", show_edge=False)
    for src in expand_sources(load_sources(sources_file).select(None)):
        last = last_success.get(src.name)
        if last is None or last < now - timedelta(days=src.refresh_days):
            overdue.add_row(src.name, str(last or "never"), f"{src.refresh_days:g} days")
    console.print(overdue)


if __name__ == "__main__":
    app()
