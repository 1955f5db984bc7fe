"""The extraction gold set: annotated pages in tests/gold/ and the scores extraction reaches on them.

Each page is ``NAME.html`` (a page as its publisher serves it) with ``NAME.json`` beside it::

    {"url": "...", "published_on": "YYYY-MM-DD", "patterns": ["multi_council", ...],
     "source": {"adapter": "news"|"moderngov", "publisher": "...", "doc_type": "news"|"minutes"|"press_release",
                "council": null | "E0..."},
     "expected": {"document_councils": [...], "inspections": [...], "ratings": [...], "findings": [...],
                  "quotes": [...], "metrics": [...]}}

:func:`evaluate` parses every page with the real adapter (``parse_page``, with a ``Source`` built from the
JSON; a news page whose URL a shipped source in ``csi/sources.toml`` claims gets that source's site
profile, as in a crawl), runs ``transforms.extract.extract`` and matches expected rows to extracted rows,
one to one (a maximum bipartite matching), table by table:

- ``document_councils``: the council code.
- ``inspections``: council_code, inspectorate, framework, and the year when the gold gives one. An
  :class:`~csi.records.Inspection` has no year column, so its year is derived, in this order: the year of
  ``visit_start`` when set; else the year whose ``transforms.extract.inspection_id(council, framework,
  year[, month])`` reproduces the row's ``inspection_id`` (ids are deterministic, so this recovers the year
  extraction itself assigned); else the most common ``rated_year`` of the ratings pointing at it; else the
  year of ``published_on``.
- ``ratings``: council_code, judgement, grade, rated_year (null only matches null) and is_historical.
- ``findings``: kind, and ``text_contains`` occurring in the finding's text (case, whitespace and quote
  marks normalised). The theme is scored apart, as the share of matched findings with the gold theme.
- ``quotes``: the speaker (honorifics dropped, case ignored); ``role_contains``, ``organisation_contains``
  and ``text_contains``, when not null, must occur in the role, the organisation and the quotation.
- ``metrics``: value (to 1e-6, 1e-3 for ratios), unit, and ``as_of`` or ``period`` when the gold gives one
  (periods: "2019/20" for financial years, "2019-03" for months, "2019" for years). Metric names are free
  text in extraction, so ``name_any`` only documents what the number is; it is never matched.

Extracted rows identical on these keys count once (two ratings differing only in inspection_id are one
claim). Precision, recall and F1 are micro-averaged over pages: summed true positives, false positives
(extracted rows no expected row matched) and false negatives (expected rows nothing matched). A table with
nothing expected and nothing extracted scores 1.0. Pages are also tagged with the patterns they exercise
(:data:`PATTERNS`), and the same scores are reported per pattern, so the weakest rules stand out.

Run ``python -m front.evaluation.gold [--gold tests/gold] [--verbose]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path

from csi.frameworks import FRAMEWORKS
from csi.records import (
    DOC_TYPES,
    FACT_TABLES,
    FINDING_KINDS,
    GRADE_RANK,
    INSPECTORATES,
    JUDGEMENTS,
    METRIC_UNITS,
    THEMES,
    Extraction,
    Inspection,
    Rating,
)

TABLES = FACT_TABLES  # the tables scored: every fact extraction finds (csi.records.TABLES)
PATTERNS = {
    "multi_council": "several councils in one article, each with its own grade",
    "shared_grade_list": "lists of councils sharing one grade",
    "historical": "earlier ratings mentioned with (or without) a year",
    "upgrade_downgrade": "upgrades and downgrades (from X to Y)",
    "subjudgements_prose": "sub-judgements in prose",
    "subjudgements_table": "sub-judgements in HTML tables",
    "grade_wording": "'requires improvement to be good', capitalised and quoted grades",
    "ungraded_visit": "focused/monitoring visits, JTAIs, annual conversations: inspections, no ratings",
    "provider_grades": "grades of schools, homes, nurseries, agencies, hospitals: never council ratings",
    "aggregate_stats": "counts of councils with no council named: no ratings",
    "legacy_scale": "APA, JAR, SLAC, SSI wording mapped as the contract says",
    "visit_year": "rated_year from the visit dates, not the publication year",
    "council_forms": "councils named in all their forms (MBC, London Borough of, abbreviations, 'the borough')",
    "findings": "findings with their lead-ins (strengths, areas for improvement, should ...)",
    "quotes": "quotes with speaker, role and organisation",
    "metrics": "metrics with value, unit and as-of date or period",
}
DEFAULT_GOLD = Path("tests/gold")
FETCHED_AT = datetime(2026, 1, 1, 12, 0, 0)
_HONORIFICS = re.compile(r"^(?:(?:cllr|councillor|dr|mr|mrs|ms|miss|mx|sir|dame|prof|professor|lord|lady|baroness"
                         r"|rev|revd|judge)\.?\s+)+", re.I)
_QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


# --------------------------------------------------------------------------- normalisation


def norm(text: str | None) -> str:
    """Lower case, NFKC, straight quotes and hyphens, single spaces: how phrases are compared."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTE_MARKS).lower()
    return " ".join(text.split())


def norm_speaker(name: str | None) -> str:
    return _HONORIFICS.sub("", norm(name).replace(".", ""))


def norm_period(period: str | None) -> str | None:
    """'2019-20', '2019/2020' and '2019/20' are one financial year; 'March 2019' is '2019-03'."""
    if period is None:
        return None
    text = norm(period)
    if m := re.fullmatch(r"((?:19|20)\d{2})\s*[/-]\s*(?:(?:19|20)(\d{2})|(\d{2}))", text):
        return f"{m[1]}/{m[2] or m[3]}"
    from csi.dates import MONTH_YEAR, month_number

    if m := MONTH_YEAR.fullmatch(text):
        return f"{m[2]}-{month_number(m[1]):02d}"
    return text


# --------------------------------------------------------------------------- pages


@dataclass
class GoldPage:
    name: str
    html_path: Path
    spec: dict

    @property
    def expected(self) -> dict[str, list]:
        exp = self.spec.get("expected", {})
        return {table: list(exp.get(table, [])) for table in TABLES}

    @property
    def patterns(self) -> list[str]:
        return list(self.spec.get("patterns", []))


def load_pages(gold_dir: Path) -> list[GoldPage]:
    """Every NAME.json with a NAME.html beside it, in name order."""
    pages = []
    for path in sorted(Path(gold_dir).glob("*.json")):
        pages.append(GoldPage(path.stem, path.with_suffix(".html"), json.loads(path.read_text(encoding="utf-8"))))
    return pages


@cache
def _shipped_sources():
    from csi.paths import DEFAULT_SOURCES
    from scrapers.sources import load_sources

    return load_sources(DEFAULT_SOURCES)


def gold_source(page: GoldPage):
    """The Source a crawl would parse this page with: the JSON's settings, the shipped site profile by URL.

    ``"profile": NAME`` (or null) in the JSON's source overrides the lookup.
    """
    from scrapers.sources import Source

    spec = page.spec["source"]
    url = page.spec["url"]
    shipped = _shipped_sources()
    if "profile" in spec:
        profile = shipped.profiles.get(spec["profile"]) if spec["profile"] else None
    else:
        profile = next((s.profile for s in shipped.sources if s.adapter == spec["adapter"] and s.is_document(url)),
                       None)
    return Source(name=f"gold-{page.name}", adapter=spec["adapter"], publisher=spec.get("publisher") or "gold",
                  doc_type=spec.get("doc_type", "news"), start_urls=(url,), documents=(re.compile(re.escape(url)),),
                  profile=profile, council=spec.get("council"))


def run_page(page: GoldPage, link_official: bool = True):
    """(Document, Extraction) of one gold page, through the real adapter and extraction (without `link_official`,
    no linking of claims to Ofsted's official record: the reading of the language alone)."""
    from pipeline.pages import read_page

    return read_page(page.spec["url"], page.html_path.read_bytes(), "text/html; charset=utf-8", FETCHED_AT,
                     gold_source(page), link_official=link_official)


# --------------------------------------------------------------------------- extracted rows


def _id_year(insp: Inspection) -> int | None:
    """The year whose inspection_id(council, framework, year[, month]) is this row's id, if any."""
    from transforms.extract import inspection_id

    for year in range(1990, date.today().year + 2):
        for month in (None, *range(1, 13)):
            try:
                candidate = inspection_id(insp.council_code, insp.framework, year, month)
            except TypeError:  # the signature changed: fall back to the other sources of a year
                return None
            if candidate == insp.inspection_id:
                return year
    return None


def inspection_year(insp: Inspection, ratings: list[Rating]) -> int | None:
    """visit_start's year, else the year the id encodes, else its ratings' year, else the publication year."""
    if insp.visit_start:
        return insp.visit_start.year
    if (year := _id_year(insp)) is not None:
        return year
    years = Counter(r.rated_year for r in ratings if r.inspection_id == insp.inspection_id and r.rated_year)
    if years:
        return years.most_common(1)[0][0]
    return insp.published_on.year if insp.published_on else None


def extracted_rows(ex: Extraction) -> dict[str, list[dict]]:
    """Extraction rows as dicts of the matched keys (plus text for display), duplicates on the keys dropped."""
    rows: dict[str, list[dict]] = {
        "document_councils": [{"council_code": c.council_code} for c in ex.document_councils],
        "inspections": [{"council_code": i.council_code, "inspectorate": i.inspectorate, "framework": i.framework,
                         "year": inspection_year(i, ex.ratings)} for i in ex.inspections],
        "ratings": [{"council_code": r.council_code, "judgement": r.judgement, "grade": r.grade,
                     "rated_year": r.rated_year, "is_historical": r.is_historical, "label": r.grade_label}
                    for r in ex.ratings],
        "findings": [{"kind": f.kind, "theme": f.theme, "text": f.text} for f in ex.findings],
        "quotes": [{"speaker": q.speaker, "role": q.role, "organisation": q.organisation, "text": q.text}
                   for q in ex.quotes],
        "metrics": [{"name": m.name, "value": m.value, "unit": m.unit,
                     "as_of": m.as_of.isoformat() if m.as_of else None, "period": m.period, "text": m.text}
                    for m in ex.metrics],
    }
    identity: dict[str, Callable[[dict], tuple]] = {
        "document_councils": lambda r: (r["council_code"],),
        "inspections": lambda r: (r["council_code"], r["inspectorate"], r["framework"], r["year"]),
        "ratings": lambda r: (r["council_code"], r["judgement"], r["grade"], r["rated_year"], r["is_historical"]),
        "findings": lambda r: (r["kind"], norm(r["text"])),
        "quotes": lambda r: (norm_speaker(r["speaker"]), norm(r["text"])),
        "metrics": lambda r: (round(r["value"], 6), r["unit"], r["as_of"], norm_period(r["period"])),
    }
    for table, key in identity.items():
        seen: dict[tuple, dict] = {}
        for row in rows[table]:
            seen.setdefault(key(row), row)
        rows[table] = list(seen.values())
    return rows


# --------------------------------------------------------------------------- matching


def _contains(phrase: str | None, text: str | None) -> bool:
    return phrase is None or norm(phrase) in norm(text)


def _close(expected: float, got: float, unit: str) -> bool:
    tolerance = 1e-3 if unit == "ratio" else 1e-6
    return abs(float(expected) - float(got)) <= tolerance * max(1.0, abs(float(expected)))


def row_matches(table: str, exp: dict, got: dict) -> bool:
    """Whether an extracted row is the one an expected row describes (see the module docstring)."""
    if table == "document_councils":
        code = exp if isinstance(exp, str) else exp["council_code"]
        return code == got["council_code"]
    if table == "inspections":
        return (exp["council_code"], exp["inspectorate"], exp["framework"]) == (
            got["council_code"], got["inspectorate"], got["framework"]) and (
            exp.get("year") is None or exp["year"] == got["year"])
    if table == "ratings":
        return all(exp[k] == got[k] for k in ("council_code", "judgement", "grade", "rated_year", "is_historical"))
    if table == "findings":
        return exp["kind"] == got["kind"] and _contains(exp["text_contains"], got["text"])
    if table == "quotes":
        return (norm_speaker(exp["speaker"]) == norm_speaker(got["speaker"])
                and _contains(exp.get("role_contains"), got["role"])
                and _contains(exp.get("organisation_contains"), got["organisation"])
                and _contains(exp.get("text_contains"), got["text"]))
    if table == "metrics":
        if exp["unit"] != got["unit"] or not _close(exp["value"], got["value"], exp["unit"]):
            return False
        if exp.get("as_of") is not None:
            return got["as_of"] == exp["as_of"]
        if exp.get("period") is not None:
            return norm_period(got["period"]) == norm_period(exp["period"])
        return True
    raise ValueError(f"unknown table {table!r}")


def speaker_matches(exp: dict, got: dict) -> bool:
    """The loose quote match (speaker and quotation only), scored apart to tell attribution errors from misses."""
    return norm_speaker(exp["speaker"]) == norm_speaker(got["speaker"]) and _contains(exp.get("text_contains"),
                                                                                     got["text"])


def match(expected: list, got: list[dict], table: str,
          matches: Callable[[dict, dict], bool] | None = None) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of expected to extracted rows: [(expected index, extracted index)]."""
    matches = matches or (lambda e, g: row_matches(table, e, g))
    edges = [[j for j, g in enumerate(got) if matches(e, g)] for e in expected]
    owner: dict[int, int] = {}  # extracted index -> expected index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(expected)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def show(table: str, row) -> str:
    """One row, compactly, for the per-page diffs."""
    if isinstance(row, str):
        return row
    if table == "document_councils":
        return row["council_code"]
    if table == "inspections":
        return f"{row['council_code']} {row['inspectorate']}/{row['framework']} {row.get('year')}"
    if table == "ratings":
        hist = " historical" if row["is_historical"] else ""
        return f"{row['council_code']} {row['judgement']}={row['grade']} {row['rated_year']}{hist}"
    if table == "findings":
        text = row.get("text_contains") or row.get("text", "")
        return f"{row['kind']}/{row.get('theme')}: {text[:90]}"
    if table == "quotes":
        role = row.get("role_contains", row.get("role"))
        org = row.get("organisation_contains", row.get("organisation"))
        return f"{row['speaker']} | {role} | {org}"
    if table == "metrics":
        when = row.get("as_of") or row.get("period")
        name = row.get("name", row.get("name_any"))
        return f"{row['value']:g} {row['unit']} @{when} ({name})"
    return repr(row)


# --------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def empty(self) -> bool:
        return self.tp + self.fp + self.fn == 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def scores(self) -> dict[str, float | int]:
        precision, recall = self.precision, self.recall
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(precision, 4),
                "recall": round(recall, 4), "f1": round(f1, 4)}


@dataclass
class PageResult:
    name: str
    patterns: list[str]
    counts: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TABLES})
    missing: dict[str, list[str]] = field(default_factory=lambda: {t: [] for t in TABLES})
    unexpected: dict[str, list[str]] = field(default_factory=lambda: {t: [] for t in TABLES})
    theme_matched: int = 0
    theme_correct: int = 0
    theme_wrong: list[str] = field(default_factory=list)
    quotes_loose: Counts = field(default_factory=Counts)  # quotes matched on speaker and quotation only
    published_on: tuple[str | None, str | None] = (None, None)  # (expected, extracted)
    error: str | None = None

    def as_dict(self) -> dict:
        return {"name": self.name, "patterns": self.patterns, "error": self.error,
                "published_on": {"expected": self.published_on[0], "got": self.published_on[1]},
                "tables": {t: {**self.counts[t].scores(), "missing": self.missing[t],
                               "unexpected": self.unexpected[t]} for t in TABLES},
                "theme_wrong": self.theme_wrong}


def score_page(page: GoldPage, link_official: bool = True) -> PageResult:
    result = PageResult(page.name, page.patterns)
    expected = page.expected
    try:
        doc, ex = run_page(page, link_official)
    except Exception as exc:  # a page that does not parse scores nothing, but the run goes on
        result.error = f"{type(exc).__name__}: {exc}"
        for table in TABLES:
            result.counts[table].fn = len(expected[table])
            result.missing[table] = [show(table, e) for e in expected[table]]
        return result
    result.published_on = (page.spec.get("published_on"), doc.published_on.isoformat() if doc.published_on else None)
    got = extracted_rows(ex)
    for table in TABLES:
        pairs = match(expected[table], got[table], table)
        matched_exp = {i for i, _ in pairs}
        matched_got = {j for _, j in pairs}
        result.counts[table] = Counts(len(pairs), len(got[table]) - len(pairs), len(expected[table]) - len(pairs))
        result.missing[table] = [show(table, e) for i, e in enumerate(expected[table]) if i not in matched_exp]
        result.unexpected[table] = [show(table, g) for j, g in enumerate(got[table]) if j not in matched_got]
        if table == "quotes":
            loose = len(match(expected[table], got[table], table, speaker_matches))
            result.quotes_loose = Counts(loose, len(got[table]) - loose, len(expected[table]) - loose)
        if table == "findings":
            for i, j in pairs:
                result.theme_matched += 1
                if expected[table][i].get("theme") == got[table][j]["theme"]:
                    result.theme_correct += 1
                else:
                    result.theme_wrong.append(
                        f"{expected[table][i].get('theme')} != {got[table][j]['theme']}: {got[table][j]['text'][:70]}")
    return result


def evaluate(gold_dir: Path = DEFAULT_GOLD, link_official: bool = True) -> dict:
    """Scores per table (micro-averaged over pages), per pattern, and per-page diffs for the gold set (without
    `link_official`: of the language rules alone, with no linking of claims to Ofsted's official record)."""
    pages = load_pages(Path(gold_dir))
    results = [score_page(p, link_official) for p in pages]
    totals = {t: Counts() for t in TABLES}
    by_pattern: dict[str, dict[str, Counts]] = {}
    for r in results:
        for table in TABLES:
            totals[table].add(r.counts[table])
            for pattern in r.patterns:
                by_pattern.setdefault(pattern, {t: Counts() for t in TABLES})[table].add(r.counts[table])
    themed = sum(r.theme_matched for r in results)
    loose = Counts()
    for r in results:
        loose.add(r.quotes_loose)
    dated = [r for r in results if r.published_on[0]]
    return {
        "pages": len(results),
        "tables": {t: totals[t].scores() for t in TABLES},
        "quotes_speaker_only": loose.scores(),
        "findings_theme_accuracy": round(sum(r.theme_correct for r in results) / themed, 4) if themed else None,
        "published_on_accuracy": (round(sum(r.published_on[0] == r.published_on[1] for r in dated) / len(dated), 4)
                                  if dated else None),
        "patterns": {p: {"pages": sum(p in r.patterns for r in results),
                         **{t: (None if c.empty else c.scores()["f1"]) for t, c in counts.items()}}
                     for p, counts in sorted(by_pattern.items())},
        "errors": {r.name: r.error for r in results if r.error},
        "per_page": {r.name: r.as_dict() for r in results},
    }


# --------------------------------------------------------------------------- report


def format_report(result: dict, verbose: bool = False) -> str:
    """The score table (and, verbose, the per-pattern F1s and each page's misses) as text."""
    lines = [f"gold pages: {result['pages']}", "",
             f"{'table':<18} {'precision':>9} {'recall':>7} {'F1':>7} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for table, s in result["tables"].items():
        lines.append(f"{table:<18} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>7.3f} "
                     f"{s['tp']:>5} {s['fp']:>5} {s['fn']:>5}")
    q = result["quotes_speaker_only"]
    lines.append(f"{'quotes (loose)':<18} {q['precision']:>9.3f} {q['recall']:>7.3f} {q['f1']:>7.3f} "
                 f"{q['tp']:>5} {q['fp']:>5} {q['fn']:>5}   (speaker + quotation only; role, organisation ignored)")
    theme = result["findings_theme_accuracy"]
    dates = result["published_on_accuracy"]
    lines.append(f"findings theme accuracy (matched findings): {'-' if theme is None else f'{theme:.3f}'}")
    lines.append(f"published_on accuracy: {'-' if dates is None else f'{dates:.3f}'}")
    for name, error in result["errors"].items():
        lines.append(f"ERROR {name}: {error}")
    if not verbose:
        return "\n".join(lines)
    short = {"ratings": "ratings", "inspections": "insp", "findings": "findings", "quotes": "quotes",
             "metrics": "metrics", "document_councils": "councils"}
    lines += ["", "F1 by pattern ('-': nothing expected or extracted)",
              f"{'pattern':<20} {'pages':>5} " + " ".join(f"{short[t]:>8}" for t in TABLES)]
    for pattern, row in result["patterns"].items():
        cells = " ".join(f"{'-' if row[t] is None else format(row[t], '.2f'):>8}" for t in TABLES)
        lines.append(f"{pattern:<20} {row['pages']:>5} {cells}")
    for name, page in result["per_page"].items():
        diffs = [(t, d) for t, d in page["tables"].items() if d["missing"] or d["unexpected"]]
        dates = page["published_on"]
        if not diffs and not page["error"] and dates["expected"] == dates["got"]:
            continue
        lines += ["", f"== {name}  [{', '.join(page['patterns'])}]"]
        if page["error"]:
            lines.append(f"   error: {page['error']}")
        if dates["expected"] != dates["got"]:
            lines.append(f"   published_on: expected {dates['expected']}, got {dates['got']}")
        for table, d in diffs:
            lines += [f"   {table} missing:    {row}" for row in d["missing"]]
            lines += [f"   {table} unexpected: {row}" for row in d["unexpected"]]
    return "\n".join(lines)


# --------------------------------------------------------------------------- validation


def page_text(html: bytes) -> str:
    """All visible text of a page, normalised as phrases are (for checking the gold's phrases occur)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for el in soup(["script", "style"]):
        el.decompose()
    return norm(soup.get_text(" "))


def validate_page(page: GoldPage) -> list[str]:
    """Problems with one gold page's annotation: unknown vocabulary, unknown councils, phrases not in the page."""
    from transforms.councils import load_councils

    codes = {c.council_code for c in load_councils()}
    spec, problems = page.spec, []

    def check(ok: bool, message: str) -> None:
        if not ok:
            problems.append(f"{page.name}: {message}")

    check(page.html_path.exists(), "no HTML page beside the JSON")
    check(isinstance(spec.get("url"), str) and spec["url"].startswith("http"), "url missing")
    source = spec.get("source", {})
    check(source.get("adapter") in ("news", "moderngov"), f"adapter {source.get('adapter')!r}")
    check(source.get("doc_type") in DOC_TYPES, f"doc_type {source.get('doc_type')!r}")
    check(source.get("council") is None or source["council"] in codes, f"source council {source.get('council')!r}")
    try:
        date.fromisoformat(spec.get("published_on", ""))
    except (TypeError, ValueError):
        check(False, f"published_on {spec.get('published_on')!r} is not a date")
    for p in spec.get("patterns", []):
        check(p in PATTERNS, f"unknown pattern {p!r}")
    exp = spec.get("expected", {})
    check(set(exp) <= set(TABLES), f"unknown tables {set(exp) - set(TABLES)}")
    text = page_text(page.html_path.read_bytes()) if page.html_path.exists() else ""
    for code in exp.get("document_councils", []):
        check(code in codes, f"document council {code!r} not in councils.csv")
    for i in exp.get("inspections", []):
        check(i["council_code"] in codes, f"inspection council {i['council_code']!r}")
        check(i["inspectorate"] in INSPECTORATES, f"inspectorate {i['inspectorate']!r}")
        check(i["framework"] in FRAMEWORKS, f"framework {i['framework']!r}")
        check(i.get("year") is None or isinstance(i["year"], int), f"inspection year {i.get('year')!r}")
    for r in exp.get("ratings", []):
        check(r["council_code"] in codes, f"rating council {r['council_code']!r}")
        check(r["council_code"] in exp.get("document_councils", []), f"rating council {r['council_code']} "
                                                                      "is not among the document's councils")
        check(r["judgement"] in JUDGEMENTS, f"judgement {r['judgement']!r}")
        check(r["grade"] in GRADE_RANK, f"grade {r['grade']!r}")
        check(r["rated_year"] is None or isinstance(r["rated_year"], int), f"rated_year {r['rated_year']!r}")
        check(isinstance(r["is_historical"], bool), "is_historical must be a boolean")
    for f in exp.get("findings", []):
        check(f["kind"] in FINDING_KINDS, f"finding kind {f['kind']!r}")
        check(f.get("theme") in THEMES, f"theme {f.get('theme')!r}")
        check(norm(f["text_contains"]) in text, f"finding phrase not in page: {f['text_contains']!r}")
    for q in exp.get("quotes", []):
        check(bool(q.get("speaker")) and norm(q["speaker"]) in text, f"speaker not in page: {q.get('speaker')!r}")
        for key in ("role_contains", "organisation_contains", "text_contains"):
            if q.get(key) is not None and key != "organisation_contains":
                check(norm(q[key]) in text, f"quote {key} not in page: {q[key]!r}")
    for m in exp.get("metrics", []):
        check(m["unit"] in METRIC_UNITS, f"metric unit {m['unit']!r}")
        check(isinstance(m["value"], int | float), f"metric value {m['value']!r}")
        check(("as_of" in m) != ("period" in m), f"metric needs exactly one of as_of / period: {m}")
        if m.get("as_of"):
            try:
                date.fromisoformat(m["as_of"])
            except ValueError:
                check(False, f"metric as_of {m['as_of']!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m front.evaluation.gold", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold directory (default: tests/gold)")
    parser.add_argument("--verbose", "-v", action="store_true", help="per-pattern scores and each page's misses")
    parser.add_argument("--json", action="store_true", help="print the whole result as JSON")
    parser.add_argument("--language-only", action="store_true",
                        help="no linking of claims to Ofsted's official record: the language rules alone")
    args = parser.parse_args(argv)
    if not args.gold.is_dir():
        print(f"no gold directory at {args.gold}", file=sys.stderr)
        return 2
    result = evaluate(args.gold, link_official=not args.language_only)
    print(json.dumps(result, indent=2, default=str) if args.json else format_report(result, args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
