"""The static HTML report of the warehouse (`csi report --out DIR`).

DIR/index.html shows the current overall grades of the councils that exist today, overall grades over time by
framework, the ten most frequent finding themes split by kind (strengths, weaknesses, recommendations), the
current councils whose overall grade changed at an inspection published in the last 12 months (by report
dates), and a sortable table of every council; DIR/councils/<council_code>.html, for each council with data, its
current grades (from its latest graded inspection as a whole), its predecessors and successors, the timeline of
its grades, its findings, quotes, figures and documents.

Charts are Vega-Lite specs built with Altair and drawn in the browser by vega-embed. Its JavaScript (Vega,
Vega-Lite and vega-embed, bundled by vl-convert from inside its wheel, no network) is written once to
DIR/assets/vega-embed.js, beside the stylesheet and the table-sorting script, so the pages open straight from
the file system on a machine without network. Pages are rendered by Jinja with autoescaping on: every text
from the warehouse is HTML-escaped, chart data is embedded as escaped JSON, and only http(s) URLs become links.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from csi.frameworks import FRAMEWORKS
from csi.frameworks import label as framework_label
from csi.records import GRADE_LABELS, GRADE_RANK, GRADES, THEME_LABELS

# Matches --outstanding ... in report.css.
GRADE_COLOURS = {"outstanding": "#1a7f37", "good": "#8cc56e", "requires_improvement": "#f0a202",
                 "inadequate": "#cf222e"}
CHANGE_NAMES = {"improved": "▲ Improved", "declined": "▼ Declined", "unchanged": "= Unchanged"}
JUDGEMENT_NAMES = {
    "overall_effectiveness": "Overall effectiveness", "leadership": "Leadership",
    "help_and_protection": "Help and protection", "children_in_care": "Children in care",
    "care_leavers": "Care leavers", "adoption": "Adoption", "lscb": "LSCB", "safeguarding": "Safeguarding",
    "looked_after": "Looked-after children", "other": "Other judgement",
}
JUDGEMENT_ORDER = {judgement: i for i, judgement in enumerate(JUDGEMENT_NAMES)}
FRAMEWORK_ORDER = (*FRAMEWORKS, None)  # csi/frameworks.py: display order
FRAMEWORK_NAMES = {code: framework_label(code) for code in FRAMEWORK_ORDER}
KIND_NAMES = {"london_borough": "London borough", "metropolitan_district": "Metropolitan district",
              "unitary": "Unitary", "county": "County"}
KIND_TITLES = {"weakness": "Weaknesses", "recommendation": "Recommendations", "strength": "Strengths"}
DOC_TYPE_NAMES = {"news": "News", "minutes": "Minutes", "ofsted_report": "Ofsted report",
                  "ofsted_provider_page": "Ofsted page", "press_release": "Press release",
                  "statistics": "Statistics", "other": "Other"}
REQUIRED_VIEWS = ("latest_ratings", "rating_history", "council_trajectory", "findings_by_theme")
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif'
CHART_WIDTH = 940  # px of plot that fit a full-width card of the 1120 px page (facets need a fixed width)
_ASSETS = ("report.css", "report.js")
_PAGE_NAME = re.compile(r"^[A-Z]\d{8}\.html$")


class ReportError(RuntimeError):
    """The warehouse cannot be reported on (e.g. it predates the views); the message says what to do."""


@dataclass(frozen=True)
class Report:
    index: Path
    councils: int
    council_pages: int


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _safe_url(url: str | None) -> str | None:
    """Only web addresses become links (never javascript: or data: URLs from a scraped page)."""
    return url if url and re.match(r"^https?://", url, re.IGNORECASE) else None


def _long_date(value: date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


def _short_date(value: date | None) -> str:
    return f"{value.day} {value:%b %Y}" if value else ""


def _check_views(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version; raises ReportError when the views the report reads are missing."""
    present = {name for (name,) in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    missing = [view for view in REQUIRED_VIEWS if view not in present]
    if missing:
        raise ReportError(f"The warehouse has no {', '.join(missing)} view(s): it was built by an older csi. "
                          "Run `csi demo` or `csi run` once (any run migrates it), then `csi report` again.")
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]


# Charts ---------------------------------------------------------------------------------------------------


def _grade_scale():
    import altair as alt

    return alt.Scale(domain=[GRADE_LABELS[g] for g in GRADES], range=[GRADE_COLOURS[g] for g in GRADES])


def _count_axis(title: str, maximum: int):
    """An axis of whole counts: every integer up to a small maximum, else whole-number ticks."""
    import altair as alt

    if maximum <= 10:
        return alt.Axis(title=title, values=list(range(maximum + 1)), format="d")
    return alt.Axis(title=title, tickMinStep=1, format="d")


def _spec(chart) -> dict:
    """The chart's Vega-Lite spec, styled like the page (fonts, muted axes, no frame)."""
    chart = (chart.configure(font=FONT, background="transparent")
             .configure_view(stroke=None)
             .configure_axis(labelColor="#3d4852", titleColor="#5d6670", gridColor="#e6eaee", domainColor="#c5ccd3",
                             tickColor="#c5ccd3", labelFontSize=12, titleFontSize=12, titleFontWeight="normal")
             .configure_header(labelFontSize=13, labelColor="#1f2328", labelFontWeight="bold"))
    return chart.to_dict()


def _distribution_chart(distribution: list[dict]) -> dict:
    import altair as alt

    values = [{"grade": GRADE_LABELS[r["grade"]], "councils": r["councils"]} for r in distribution]
    base = alt.Chart(alt.Data(values=values)).encode(
        y=alt.Y("grade:N", sort=[GRADE_LABELS[g] for g in GRADES], title=None, axis=alt.Axis(labelLimit=200)),
        x=alt.X("councils:Q", axis=_count_axis("Councils", max(r["councils"] for r in values))),
    )
    bars = base.mark_bar(cornerRadiusEnd=3, height={"band": 0.7}).encode(
        color=alt.Color("grade:N", scale=_grade_scale(), legend=None),
        tooltip=[alt.Tooltip("grade:N", title="Grade"), alt.Tooltip("councils:Q", title="Councils")],
    )
    labels = base.mark_text(align="left", dx=4, fontSize=12, color="#1f2328").encode(text="councils:Q")
    return _spec((bars + labels).properties(width="container", height=200))


KIND_COLOURS = {"strength": "#2f7d4f", "weakness": "#c4553f", "recommendation": "#3f6fc4"}


def _themes_chart(themes: list[dict]) -> dict:
    """Findings per theme, one stacked bar each, split by kind (strength, weakness, recommendation)."""
    import altair as alt

    values = [{"theme": t["label"], "kind": KIND_TITLES[kind], "findings": t[kind], "order": i}
              for t in themes for i, kind in enumerate(KIND_TITLES) if t[kind]]
    order = [t["label"] for t in themes]
    chart = alt.Chart(alt.Data(values=values)).mark_bar(height={"band": 0.7}).encode(
        y=alt.Y("theme:N", sort=order, title=None, axis=alt.Axis(labelLimit=220)),
        x=alt.X("findings:Q", stack="zero", axis=_count_axis("Findings", max(t["findings"] for t in themes))),
        color=alt.Color("kind:N", title=None, legend=alt.Legend(orient="bottom"),
                        scale=alt.Scale(domain=list(KIND_TITLES.values()),
                                        range=[KIND_COLOURS[kind] for kind in KIND_TITLES])),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("theme:N", title="Theme"), alt.Tooltip("kind:N", title="Kind"),
                 alt.Tooltip("findings:Q", title="Findings")],
    )
    return _spec(chart.properties(width="container", height=max(120, 26 * len(themes))))


def _over_time_chart(over_time: list[dict]) -> dict:
    import altair as alt

    years = list(range(min(r["year"] for r in over_time), max(r["year"] for r in over_time) + 1))
    frameworks = [FRAMEWORK_NAMES[f] for f in FRAMEWORK_ORDER if any(r["framework_code"] == f for r in over_time)]
    stacks: dict[tuple, int] = {}
    for r in over_time:
        stacks[r["framework"], r["year"]] = stacks.get((r["framework"], r["year"]), 0) + r["inspections"]
    chart = alt.Chart(alt.Data(values=over_time)).mark_bar(width={"band": 0.8}).encode(
        x=alt.X("year:O", scale=alt.Scale(domain=years), title=None,
                axis=alt.Axis(labelAngle=0 if len(years) <= 16 else -45, labelOverlap=False)),
        y=alt.Y("inspections:Q", stack="zero", axis=_count_axis("Inspections", max(stacks.values()))),
        color=alt.Color("grade:N", scale=_grade_scale(), legend=None),
        order=alt.Order("rank:Q", sort="ascending"),
        tooltip=[alt.Tooltip("framework:N", title="Framework"), alt.Tooltip("year:O", title="Year"),
                 alt.Tooltip("grade:N", title="Grade"), alt.Tooltip("inspections:Q", title="Inspections")],
    ).properties(width=CHART_WIDTH, height=110)
    return _spec(chart.facet(
        row=alt.Row("framework:N", sort=frameworks, title=None,
                    header=alt.Header(labelAngle=0, labelOrient="top", labelAnchor="start", labelPadding=4)),
        spacing=14,
    ))


def _timeline_chart(history: list[dict]) -> dict:
    """A council's grades as a year x judgement grid: the spec of `_timeline_spec`, filled from a template."""
    dated = [r for r in history if r["rated_year"] is not None]
    years = sorted({r["rated_year"] for r in dated})
    judgements = sorted({r["judgement"] for r in dated}, key=lambda j: JUDGEMENT_ORDER.get(j, 99))
    values = [{"year": r["rated_year"], "judgement": JUDGEMENT_NAMES.get(r["judgement"], r["judgement"]),
               "grade": GRADE_LABELS[r["grade"]], "rank": r["grade_rank"],
               "framework": FRAMEWORK_NAMES.get(r["framework"], r["framework"])} for r in dated]
    filling = {_TIMELINE_YEARS: years, _TIMELINE_JUDGEMENTS: [JUDGEMENT_NAMES.get(j, j) for j in judgements],
               _TIMELINE_VALUES: values}
    return _fill(json.loads(_timeline_template()), filling)


# Placeholders of the timeline template: Altair builds and validates its spec once per report run (about a fifth of
# a second), not once per council page.
_TIMELINE_YEARS, _TIMELINE_JUDGEMENTS, _TIMELINE_VALUES = "\0years", "\0judgements", "\0values"


@functools.cache
def _timeline_template() -> str:
    return json.dumps(_timeline_spec([_TIMELINE_YEARS], [_TIMELINE_JUDGEMENTS], [{_TIMELINE_VALUES: 0}]))


def _fill(spec: Any, filling: dict[str, list]) -> Any:
    """The template with each placeholder list (one item naming a placeholder) replaced by its values."""
    if isinstance(spec, dict):
        return {key: _fill(value, filling) for key, value in spec.items()}
    if isinstance(spec, list):
        if len(spec) == 1:
            only = spec[0]
            placeholder = next(iter(only), None) if isinstance(only, dict) and len(only) == 1 else only
            if isinstance(placeholder, str) and placeholder in filling:
                return filling[placeholder]
        return [_fill(item, filling) for item in spec]
    return spec


def _timeline_spec(years: list, judgements: list, values: list[dict]) -> dict:
    import altair as alt

    base = alt.Chart(alt.Data(values=values)).encode(
        x=alt.X("year:O", scale=alt.Scale(domain=years), title=None,
                axis=alt.Axis(orient="top", labelAngle=0, domain=False, ticks=False, labelFontWeight="bold")),
        y=alt.Y("judgement:N", sort=judgements, title=None, axis=alt.Axis(domain=False, ticks=False, labelLimit=220)),
    )
    cells = base.mark_rect(cornerRadius=4, stroke="white", strokeWidth=3).encode(
        color=alt.Color("grade:N", scale=_grade_scale(), legend=None),
        tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("judgement:N", title="Judgement"),
                 alt.Tooltip("grade:N", title="Grade"), alt.Tooltip("framework:N", title="Framework")],
    )
    text = base.mark_text(fontSize=11, fontWeight="bold", lineBreak=" ").encode(
        text="grade:N",
        color=alt.condition("datum.rank == 1 || datum.rank == 4", alt.value("white"), alt.value("#1f2328")),
    )
    return _spec((cells + text).properties(width={"step": 110}, height={"step": 44}))


# Data -----------------------------------------------------------------------------------------------------


def _council_rows(con: duckdb.DuckDBPyConnection) -> list[dict]:
    return _rows(con, """
        WITH docs AS (
            SELECT council_code, document_id FROM document_councils
            UNION SELECT council_code, document_id FROM ratings
            UNION SELECT council_code, document_id FROM findings
            UNION SELECT council_code, document_id FROM quotes WHERE council_code IS NOT NULL
            UNION SELECT council_code, document_id FROM metrics
        )
        SELECT c.council_code, c.name, c.official_name, c.kind, c.region, c.start_date, c.end_date, c.replaced_by,
               c.is_current, o.grade, o.grade_rank, o.grade_label, o.status, o.rated_year, o.framework,
               o.inspected_council_name,
               (SELECT count(*) FROM latest_ratings l WHERE l.council_code = c.council_code AND l.grade IS NOT NULL)
                   AS judgements,
               (SELECT count(*) FROM findings f WHERE f.council_code = c.council_code) AS findings,
               (SELECT count(*) FROM quotes q WHERE q.council_code = c.council_code) AS quotes,
               (SELECT count(*) FROM metrics m WHERE m.council_code = c.council_code) AS metrics,
               (SELECT count(*) FROM docs d WHERE d.council_code = c.council_code) AS documents
        FROM councils c
        LEFT JOIN latest_ratings o ON o.council_code = c.council_code AND o.judgement = 'overall_effectiveness'
        ORDER BY c.name, c.council_code
    """)


def _recent_changes(con: duckdb.DuckDBPyConnection, by_code: dict[str, dict], today: date) -> dict:
    """Current councils whose overall grade moved at an inspection published in the 12 months to `today`; when the
    warehouse holds nothing that recent, the 12 months to its newest publication date, said so."""
    newest = con.execute("SELECT max(i.published_on) FROM council_trajectory t "
                         "JOIN inspections i ON i.inspection_id = t.to_inspection_id").fetchall()[0][0]
    end = today if newest is None or newest > _year_before(today) else newest
    start = _year_before(end)
    recent = {"start": start, "end": end, "stale": end != today, "newest": newest, "changed": [], "unchanged": []}
    rows = _rows(con, """
        SELECT t.*, i.published_on AS to_published_on FROM council_trajectory t
        JOIN inspections i ON i.inspection_id = t.to_inspection_id
        JOIN councils c ON c.council_code = t.council_code
        WHERE c.is_current AND i.published_on > ? AND i.published_on <= ?
        ORDER BY t.change, t.council_name""", [start, end])
    for r in rows:
        council = by_code.get(r["council_code"], {})
        r.update(region=council.get("region"), page=council.get("page"),
                 from_rank=GRADE_RANK.get(r["from_grade"]), to_rank=GRADE_RANK.get(r["to_grade"]))
        recent["unchanged" if r["change"] == "unchanged" else "changed"].append(r)
    return recent


def _year_before(day: date) -> date:
    return day.replace(year=day.year - 1) if (day.month, day.day) != (2, 29) else day.replace(year=day.year - 1,
                                                                                              day=28)


def _index_data(con: duckdb.DuckDBPyConnection, councils: list[dict], today: date) -> dict:
    by_code = {c["council_code"]: c for c in councils}
    counts = dict(con.execute("SELECT grade, count(*) FROM latest_ratings "
                              "WHERE judgement = 'overall_effectiveness' AND grade IS NOT NULL "
                              "GROUP BY grade").fetchall())
    distribution = [{"grade": g, "councils": counts.get(g, 0)} for g in GRADES]
    not_graded = dict(con.execute("SELECT status, count(*) FROM latest_ratings "
                                  "WHERE judgement = 'overall_effectiveness' AND grade IS NULL GROUP BY 1").fetchall())

    over_time = [{"year": r["rated_year"], "framework_code": r["framework"],
                  "framework": FRAMEWORK_NAMES.get(r["framework"], r["framework"]), "grade": GRADE_LABELS[r["grade"]],
                  "rank": r["grade_rank"], "inspections": r["n"]}
                 for r in _rows(con, """
                     SELECT rated_year, framework, grade, grade_rank, count(*) AS n FROM rating_history
                     WHERE judgement = 'overall_effectiveness' AND rated_year IS NOT NULL
                     GROUP BY ALL ORDER BY rated_year, grade_rank, framework""")]

    themes = _rows(con, """
        SELECT theme, sum(findings)::INTEGER AS findings,
               coalesce(sum(findings) FILTER (kind = 'strength'), 0)::INTEGER AS strength,
               coalesce(sum(findings) FILTER (kind = 'weakness'), 0)::INTEGER AS weakness,
               coalesce(sum(findings) FILTER (kind = 'recommendation'), 0)::INTEGER AS recommendation,
               flatten(list(examples ORDER BY year DESC))[1] AS example
        FROM findings_by_theme WHERE theme <> 'other'
        GROUP BY theme ORDER BY findings DESC, theme LIMIT 10""")
    spread = dict((r["theme"], r["n"]) for r in _rows(
        con, "SELECT theme, count(DISTINCT council_code) AS n FROM findings GROUP BY theme"))
    for t in themes:
        t.update(label=THEME_LABELS.get(t["theme"], t["theme"]), councils=spread.get(t["theme"], 0))
    by_kind = dict(con.execute("SELECT kind, count(*) FROM findings GROUP BY kind").fetchall())
    finding_kinds = [{"kind": kind, "title": title, "findings": by_kind.get(kind, 0)}
                     for kind, title in KIND_TITLES.items()]
    other_findings = con.execute("SELECT count(*) FROM findings WHERE theme = 'other'").fetchall()[0][0]

    newest = con.execute("SELECT max(rated_year) FROM rating_history "
                         "WHERE judgement = 'overall_effectiveness'").fetchall()[0][0]
    recent = _recent_changes(con, by_code, today)

    (documents, findings, quotes, inspections), = con.execute("""
        SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM findings), (SELECT count(*) FROM quotes),
               (SELECT count(DISTINCT (council_code, coalesce(inspection_id, rated_year::VARCHAR)))
                FROM rating_history WHERE judgement = 'overall_effectiveness')""").fetchall()
    current = [c for c in councils if c["is_current"]]
    stats = {"councils": len(councils), "current": len(current), "abolished": len(councils) - len(current),
             "rated": sum(1 for c in current if c["grade"]), "documents": documents, "findings": findings,
             "quotes": quotes, "inspections": inspections, "newest_year": newest, "not_graded": not_graded}
    specs = {}
    if any(r["councils"] for r in distribution):
        specs["spec-distribution"] = _distribution_chart(distribution)
    if themes:
        specs["spec-themes"] = _themes_chart(themes)
    if over_time:
        specs["spec-over-time"] = _over_time_chart(over_time)
    return {"stats": stats, "distribution": distribution,
            "distribution_total": sum(r["councils"] for r in distribution), "over_time": over_time,
            "themes": themes, "finding_kinds": finding_kinds, "other_findings": other_findings, "recent": recent,
            "councils": councils,
            "today": today, "specs": specs}


def _metric_display(m: dict) -> str:
    value, unit = m["value"], m["unit"]
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return {"percent": f"{number}%", "gbp": f"£{number}", "weeks": f"{number} weeks",
            "days": f"{number} days"}.get(unit, number)


def _by_council(rows: list[dict], key: str = "council_code") -> dict[str, list[dict]]:
    """Rows grouped by council, in query order (`key` is dropped when it only served the grouping)."""
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        code = row[key] if key == "council_code" else row.pop(key)
        grouped.setdefault(code, []).append(row)
    return grouped


def _council_details(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, dict[str, list[dict]]]]:
    """What every council page shows, read with one query per kind for all councils (not one per council: the
    views recompute over the whole warehouse at each query, which made a report take seconds per hundred pages)."""
    doc_columns = "d.url, d.title, d.publisher, d.published_on, d.doc_type"
    return {
        "latest": _by_council(_rows(con, "SELECT * FROM latest_ratings WHERE status <> 'no_inspection'")),
        "lineage": _by_council(_rows(con, """
            SELECT l.successor_code AS subject, 'predecessor' AS relation, l.predecessor_code AS council_code, c.name,
                   l.change, l.changed_on
            FROM council_lineage l JOIN councils c ON c.council_code = l.predecessor_code
            UNION ALL
            SELECT l.predecessor_code, 'successor', l.successor_code, c.name, l.change, l.changed_on
            FROM council_lineage l JOIN councils c ON c.council_code = l.successor_code
            ORDER BY subject, relation, name"""), key="subject"),
        "history": _by_council(_rows(con, "SELECT * FROM rating_history")),
        "changes": _by_council(_rows(con, "SELECT * FROM council_trajectory ORDER BY council_code, to_year")),
        "findings": _by_council(_rows(con, f"""
            SELECT f.council_code AS subject, f.kind, f.theme, f.text, {doc_columns}
            FROM findings f LEFT JOIN documents d USING (document_id)
            ORDER BY f.council_code, d.published_on DESC NULLS LAST, f.document_id, f.finding_id"""), key="subject"),
        "quotes": _by_council(_rows(con, f"""
            SELECT q.council_code AS subject, q.speaker, q.role, q.organisation, q.text, {doc_columns}
            FROM quotes q LEFT JOIN documents d USING (document_id) WHERE q.council_code IS NOT NULL
            ORDER BY q.council_code, d.published_on DESC NULLS LAST, q.document_id, q.quote_id"""), key="subject"),
        "metrics": _by_council(_rows(con, """
            SELECT council_code AS subject, name, value, unit, as_of, period, text FROM metrics
            ORDER BY council_code, name, as_of NULLS LAST, period, metric_id"""), key="subject"),
        "documents": _by_council(_rows(con, f"""
            WITH linked AS (
                SELECT council_code, document_id FROM document_councils
                UNION SELECT council_code, document_id FROM ratings
                UNION SELECT council_code, document_id FROM findings
                UNION SELECT council_code, document_id FROM quotes
                UNION SELECT council_code, document_id FROM metrics
            )
            SELECT linked.council_code AS subject, {doc_columns}, dc.mentions
            FROM linked JOIN documents d USING (document_id)
            LEFT JOIN document_councils dc ON dc.document_id = d.document_id AND dc.council_code = linked.council_code
            WHERE linked.council_code IS NOT NULL
            ORDER BY linked.council_code, d.published_on DESC NULLS LAST, d.url"""), key="subject"),
    }


def _council_data(council: dict, details: dict[str, dict[str, list[dict]]], pages: dict[str, str]) -> dict:
    """One council page's data, from `_council_details`."""
    code = council["council_code"]
    latest, lineage, history, changes, findings, quotes, metrics, documents = (
        details[part].get(code, []) for part in
        ("latest", "lineage", "history", "changes", "findings", "quotes", "metrics", "documents"))
    latest.sort(key=lambda r: JUDGEMENT_ORDER.get(r["judgement"], 99))
    for relative in lineage:
        relative["page"] = pages.get(relative["council_code"])
    history.sort(key=lambda r: (r["rated_year"] is not None, r["rated_year"] or 0,
                                JUDGEMENT_ORDER.get(r["judgement"], 99)))
    grouped = []
    for kind in KIND_TITLES:
        items = [f for f in findings if f["kind"] == kind]
        by_document: dict[tuple, list[dict]] = {}
        for f in items:  # already ordered newest document first
            by_document.setdefault((f["url"], f["title"], f["publisher"], f["published_on"]), []).append(f)
        grouped.append((kind, len(items), [(items[0], items) for items in by_document.values()]))
    for m in metrics:
        m.update(display=_metric_display(m), when=m["as_of"].isoformat() if m["as_of"] else (m["period"] or ""),
                 when_sort=m["as_of"].isoformat() if m["as_of"] else (m["period"] or ""))
    for row in (*latest, *findings, *quotes, *documents):
        row["url"] = _safe_url(row.get("url"))
    specs = {"spec-timeline": _timeline_chart(history)} if any(r["rated_year"] for r in history) else {}
    return {"council": council, "latest": latest, "history": history, "timeline": bool(specs),
            "predecessors": [r for r in lineage if r["relation"] == "predecessor"],
            "successors": [r for r in lineage if r["relation"] == "successor"],
            "changes": changes, "findings": grouped, "findings_count": len(findings), "quotes": quotes,
            "metrics": metrics, "documents": documents, "specs": specs}


# Output ---------------------------------------------------------------------------------------------------


def _environment():
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("warehouse", "report_templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(longdate=_long_date, shortdate=_short_date)
    env.globals.update(grade_names=GRADE_LABELS, grades=GRADES, change_names=CHANGE_NAMES,
                       judgement_names=JUDGEMENT_NAMES, judgement_order=JUDGEMENT_ORDER,
                       framework_names=FRAMEWORK_NAMES, kind_names=KIND_NAMES, theme_names=THEME_LABELS,
                       kind_titles=KIND_TITLES, doc_type_names=DOC_TYPE_NAMES)
    return env


def _write_assets(assets: Path) -> None:
    assets.mkdir(parents=True, exist_ok=True)
    package = resources.files("warehouse").joinpath("report_templates")
    for name in _ASSETS:
        (assets / name).write_text(package.joinpath(name).read_text(encoding="utf-8"), encoding="utf-8")
    (assets / "vega-embed.js").write_text(_vega_bundle(), encoding="utf-8")


@functools.cache
def _vega_bundle() -> str:
    """vega-embed.js: bundling takes seconds, so once per process (a second report reuses it)."""
    import altair as alt
    import vl_convert

    # The Vega-Lite version Altair writes its specs for (e.g. v6.4.1 -> 6.4), bundled from the vl-convert wheel.
    vl_version = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    bundle = vl_convert.javascript_bundle(vl_version=vl_version)
    return f"// Vega, Vega-Lite {alt.SCHEMA_VERSION} and vega-embed, bundled by vl-convert {vl_convert.__version__}\n" \
        f"{bundle}\n"


def build_report(con: duckdb.DuckDBPyConnection, out: str | Path, *, db_name: str = "the warehouse",
                 today: date | None = None) -> Report:
    """Write index.html, councils/<code>.html and assets/ into out; returns what was written."""
    schema_version = _check_views(con)
    out = Path(out)
    pages_dir = out / "councils"
    pages_dir.mkdir(parents=True, exist_ok=True)
    _write_assets(out / "assets")
    env = _environment()
    today = today or datetime.now(UTC).date()
    common = {"generated": _long_date(today), "db_name": db_name, "schema_version": schema_version}

    councils = _council_rows(con)
    written = set()
    for council in councils:
        has_data = council["judgements"] or council["findings"] or council["quotes"] or council["metrics"] \
            or council["documents"]
        council["page"] = f"councils/{council['council_code']}.html" if has_data else None
    page = env.get_template("council.html")
    pages = {c["council_code"]: Path(c["page"]).name for c in councils if c["page"]}
    details = _council_details(con)
    for council in councils:
        if not council["page"]:
            continue
        html = page.render(root="../", **common, **_council_data(council, details, pages))
        (out / council["page"]).write_text(html, encoding="utf-8")
        written.add(Path(council["page"]).name)
    for stale in pages_dir.glob("*.html"):  # pages of councils that no longer have data
        if _PAGE_NAME.match(stale.name) and stale.name not in written:
            stale.unlink()

    index = out / "index.html"
    index.write_text(env.get_template("index.html").render(root="", **common, **_index_data(con, councils, today)),
                     encoding="utf-8")
    return Report(index=index, councils=len(councils), council_pages=len(written))
