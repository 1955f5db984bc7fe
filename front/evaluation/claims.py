"""Rating claims on pages written by others: per-construction precision and recall over stated ratings.

A claims set is a folder with ``manifest.json`` and ``pages/`` (the layout of
``../shared/data/news-claims``, described in its PROVENANCE.md). Each page states ratings as
``[council key, judgement or null, grade, year, year tolerance]``; ``councils`` maps a key to ONS codes
(the last element, a lower-case name fragment, is not a code). ``historical`` lists the indexes of the
ratings that are earlier grades, not the outcome the page reports; ``constructions`` tags the shapes a
page exercises.

Every page goes through the production path, :func:`pipeline.pages.read_page` under its real URL, by the
platform that claims the address (ModernGov's pages with the ModernGov parser), else as news (a shipped
source's site profile when one claims the URL, else generic extraction); minutes on a council's ModernGov
host carry that council, as its configured source would. The page's date is the one extraction finds. Its
claims are linked to Ofsted's official record as in production (transforms.official_record);
``link_official=False`` (``csi eval-claims --language-only``) scores the reading of the language alone.

Matching, one to one (a maximum bipartite matching) per page: an extracted rating matches an expected tuple
when its council is one of the key's codes (or a former council whose successors the key lists), its judgement
equals the expected one (any judgement when null; ``looked_after`` and ``children_in_care`` are one judgement
under two frameworks' names, and so are ``care_leavers`` and ``children_in_care`` for 2018-2022, when ILACS graded
"children in care and care leavers" as one judgement; expected tuples made identical so count once), its
grade is equal and its ``rated_year`` lies within the tolerance. Extracted
ratings identical on (council, judgement, grade, year) count once. An extracted rating that matches nothing is
a false positive, an expected one nothing matched a false negative. Scores are micro-averaged: overall, per
page kind and per construction (over the pages tagged with it). Status agreement is the share of matched
ratings whose ``is_historical`` agrees with the manifest.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from front.evaluation.gold import Counts, match

FETCHED_AT = datetime(2026, 1, 1, 12, 0, 0)
_SAME_JUDGEMENT = {"looked_after": "children_in_care"}
_ONE_CARE_JUDGEMENT_YEARS = range(2018, 2023)  # ILACS before its 2023 revision: care leavers within children in care
_DOC_TYPES = {"news": "news", "blog": "news", "press_release": "press_release", "minutes": "minutes"}


@dataclass
class PageResult:
    file: str
    kind: str
    constructions: list[str]
    counts: Counts
    status_agree: int = 0
    missing: list[list] = field(default_factory=list)
    unexpected: list[dict] = field(default_factory=list)
    error: str | None = None


def _judgement(name: str | None, year: int | None = None) -> str | None:
    """The judgement `name` is for scoring: one name for one judgement of the framework of `year`."""
    if name == "care_leavers" and year in _ONE_CARE_JUDGEMENT_YEARS:
        return "children_in_care"
    return _SAME_JUDGEMENT.get(name, name) if name else name


@cache
def _moderngov_hosts() -> dict[str, str]:
    """ModernGov host -> council code, from the package's reference (the councils' configured sources)."""
    from csi.reference import council_sites

    hosts: dict[str, str] = {}
    for code, base_url in sorted(council_sites("moderngov").items()):
        hosts.setdefault(urlsplit(base_url).netloc.lower(), code)
    return hosts


def claims_source(url: str, kind: str):
    """The Source a crawl would parse this page with."""
    import re

    from front.evaluation.gold import _shipped_sources
    from scrapers.platforms import FALLBACK, PLATFORMS
    from scrapers.sources import Source

    adapter = next((p.name for p in PLATFORMS.values() if p.claims_url(url)), FALLBACK)
    shipped = _shipped_sources()
    profile = next((s.profile for s in shipped.sources if s.adapter == adapter and s.is_document(url)), None)
    council = _moderngov_hosts().get(urlsplit(url).netloc.lower()) if kind == "minutes" else None
    return Source(name="claims", adapter=adapter, publisher="claims", doc_type=_DOC_TYPES.get(kind, "news"),
                  start_urls=(url,), documents=(re.compile(re.escape(url)),), profile=profile, council=council)


def extracted_ratings(html: bytes, url: str, kind: str, link_official: bool = True) -> list[dict]:
    """The page's ratings as extraction gives them, one per (council, judgement, grade, year); without
    `link_official`, as the language alone gives them (no linking to Ofsted's official record)."""
    from pipeline.pages import read_page

    _, extraction = read_page(url, html, "text/html; charset=utf-8", FETCHED_AT, claims_source(url, kind),
                              link_official=link_official)
    rows: dict[tuple, dict] = {}
    for r in extraction.ratings:
        judgement = _judgement(r.judgement, r.rated_year)
        key = (r.council_code, judgement, r.grade, r.rated_year)
        rows.setdefault(key, {"council_code": r.council_code, "judgement": judgement, "grade": r.grade,
                              "rated_year": r.rated_year, "is_historical": r.is_historical, "evidence": r.evidence})
    return list(rows.values())


@cache
def _successors() -> dict[str, frozenset[str]]:
    """Former council -> the councils that replaced it (csi/reference/councils.csv)."""
    from transforms.councils import load_councils, successors

    return {c.council_code: frozenset(successors(c)) for c in load_councils() if c.replaced_by}


def _is_council(code: str, codes: list[str]) -> bool:
    """`code` is one of a manifest key's codes, or a former council the key lists by its successors
    ("A former council may list its successors' codes": Bedfordshire County Council as Bedford and Central
    Bedfordshire)."""
    return code in codes or bool(_successors().get(code)) and _successors()[code] <= set(codes)


def score_page(expected: list[list], historical: set[int], councils: dict[str, list[str]],
               got: list[dict]) -> tuple[Counts, int, list[list], list[dict]]:
    """(counts, matched ratings whose status agrees, missing tuples, unexpected rows) of one page."""
    kept: dict[tuple, int] = {}  # a tuple stated twice under one judgement's two names counts once
    for i, (key, judgement, grade, year, tolerance) in enumerate(expected):
        kept.setdefault((key, _judgement(judgement, year), grade, year, tolerance), i)
    historical = {n for n, i in enumerate(kept.values()) if i in historical}
    expected = [list(t) for t in kept]

    def matches(exp: list, row: dict) -> bool:
        key, judgement, grade, year, tolerance = exp
        return (_is_council(row["council_code"], councils[key][:-1])
                and (judgement is None or judgement == row["judgement"])
                and grade == row["grade"] and row["rated_year"] is not None
                and abs(row["rated_year"] - year) <= tolerance)

    pairs = match(expected, got, "ratings", matches)
    agree = sum(got[j]["is_historical"] == (i in historical) for i, j in pairs)
    matched_exp, matched_got = {i for i, _ in pairs}, {j for _, j in pairs}
    counts = Counts(len(pairs), len(got) - len(pairs), len(expected) - len(pairs))
    return (counts, agree, [e for i, e in enumerate(expected) if i not in matched_exp],
            [g for j, g in enumerate(got) if j not in matched_got])


def evaluate_claims(folder: Path, link_official: bool = True) -> list[PageResult]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    councils = manifest["councils"]
    results = []
    for page in manifest["pages"]:
        constructions = list(page.get("constructions", []))
        try:
            got = extracted_ratings((folder / "pages" / page["file"]).read_bytes(), page["url"], page["kind"],
                                    link_official)
        except Exception as exc:  # noqa: BLE001 - a page that fails to parse is reported, its ratings missed
            results.append(PageResult(page["file"], page["kind"], constructions,
                                      Counts(0, 0, len(page["ratings"])), error=f"{type(exc).__name__}: {exc}"))
            continue
        counts, agree, missing, unexpected = score_page(page["ratings"], set(page.get("historical", [])), councils,
                                                        got)
        results.append(PageResult(page["file"], page["kind"], constructions, counts, agree, missing, unexpected))
    return results


def summary(results: list[PageResult]) -> dict[str, dict[str, Counts]]:
    """Counts overall, per page kind and per construction."""
    groups: dict[str, dict[str, Counts]] = {"all": defaultdict(Counts), "kind": defaultdict(Counts),
                                            "construction": defaultdict(Counts)}
    for r in results:
        groups["all"]["all pages"].add(r.counts)
        groups["kind"][r.kind].add(r.counts)
        for tag in r.constructions:
            groups["construction"][tag].add(r.counts)
    return groups


def format_claims(results: list[PageResult], verbose: bool = False) -> str:
    groups = summary(results)
    total = groups["all"]["all pages"]
    matched = total.tp
    agree = sum(r.status_agree for r in results)
    lines = [f"{len(results)} pages, {total.tp + total.fn} stated ratings, {total.tp + total.fp} extracted", "",
             f"{'':<34} {'pages':>5} {'P':>6} {'R':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    pages_with: dict[str, dict[str, int]] = {"all": defaultdict(int), "kind": defaultdict(int),
                                             "construction": defaultdict(int)}
    for r in results:
        pages_with["all"]["all pages"] += 1
        pages_with["kind"][r.kind] += 1
        for tag in r.constructions:
            pages_with["construction"][tag] += 1
    for key, title in (("all", ""), ("kind", "by page kind"), ("construction", "by construction")):
        if title:
            lines.append(title)
        for name, c in sorted(groups[key].items()):
            lines.append(f"  {name:<32} {pages_with[key][name]:>5} {c.precision:>6.3f} {c.recall:>6.3f} "
                         f"{c.tp:>4} {c.fp:>4} {c.fn:>4}")
    lines.append(f"status (current/historical) agreement on matched ratings: "
                 f"{agree / matched if matched else 1.0:.3f} ({agree}/{matched})")
    for r in results:
        if r.error:
            lines.append(f"ERROR {r.file}: {r.error}")
    if verbose:
        for r in results:
            if not (r.missing or r.unexpected):
                continue
            lines += ["", f"== {r.file}  [{', '.join(r.constructions)}]"]
            lines += [f"   missing:    {m}" for m in r.missing]
            lines += [f"   unexpected: {u['council_code']} {u['judgement']} {u['grade']} {u['rated_year']}"
                      f"{' historical' if u['is_historical'] else ''} <- {u['evidence'][:160]}"
                      for u in r.unexpected]
    return "\n".join(lines)
