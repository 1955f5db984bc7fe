"""Numeric facts about a council's children's services, stated in prose.

Each rule names a metric, its unit and a pattern whose group `v` is the value. A value
compared with an earlier one in the same sentence ("34 weeks, down from 57 weeks in
2013/14", "This is a reduction from 2,200 at 31 March 2012") yields a second row of the same
metric with its own date. Dates come from the clause: a full date -> as_of; a month, a
financial year or a year -> period; none -> the document's own date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from csi.dates import MONTH_YEAR, month_number, parse_date


def number(group: str = "v") -> str:
    """A pattern for a number such as 1,758 or 18.5, captured as `group`."""
    return rf"(?P<{group}>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"


N = number()

METRIC_RULES: list[tuple[str, str, str]] = [
    ("children_in_need", "count", rf"{N}\s+children\b[^.]{{0,120}}?\bin\s+need\b"),
    ("children_in_need_without_plan", "count",
     rf"children\s+in\s+need\s+cases\s+without\s+a\s+(?:care\s+)?plan[^.]{{0,80}}?\b(?:to|at|of|was|were)\s+{N}\b"),
    ("children_in_care", "count",
     rf"{N}\s+(?:children\s+in\s+care|looked[-\s]after\s+children|children\s+looked\s+after)"),
    ("improvement_areas", "count", rf"{N}\s+areas\s+(?:of|for)\s+improvement"),
    ("action_plan_actions", "count", rf"{N}\s+(?:specific\s+)?actions\b"),
    ("action_plan_actions_completed", "count",
     rf"{N}\s+of\s+which\s+(?:had\s+been|have\s+been|were|are)\s+completed|{number('v2')}\s+(?:actions\s+)?"
     r"(?:had\s+been|have\s+been)\s+completed"),
    ("care_proceedings_weeks", "weeks",
     rf"(?:care\s+(?:cases?|proceedings)|public\s+law\s+outline)[^.]{{0,60}}?\b{N}\s+weeks"),
    ("agency_staff_tenure_weeks", "weeks",
     rf"(?:agency\s+)?staff\s+(?:now\s+)?staying\s+(?:an\s+average\s+of\s+)?{N}\s+weeks"),
    ("cases_good_percent", "percent",
     rf"cases\s+meeting\s+[‘'\"“]?good[’'\"”]?\s+standards[^.]{{0,60}}?{N}\s*(?:%|per\s*cent)"),
    ("assessments_good_percent", "percent",
     rf"{N}\s*(?:%|per\s*cent)\s+(?:for|of)\s+assessments\s+(?:that\s+)?(?:met|meeting|judged)"),
    ("case_file_audits_percent", "percent", rf"case\s+file\s+audits[^.]{{0,80}}?{N}\s*(?:%|per\s*cent)"),
    ("social_worker_caseload", "count",
     rf"caseloads?\b[^.]{{0,60}}?\b(?:averag\w*|of|was|were|is|are|stood\s+at|reduced\s+to|fallen\s+to|fell\s+to"
     rf"|risen\s+to|rose\s+to|down\s+to|now)\s+(?:now\s+)?(?:about\s+|around\s+)?{N}\b"),
    ("care_leavers", "count", rf"{N}\s+care\s+leavers\b"),
    ("child_protection_plans", "count",
     rf"{N}\s+(?:children\s+(?:were\s+)?(?:on|subject\s+to)\s+(?:a\s+)?child\s+protection\s+plans?"
     rf"|child\s+protection\s+plans)"),
    ("referrals", "count", rf"{N}\s+referrals\b"),
    ("unaccompanied_asylum_seeking_children", "count", rf"{N}\s+unaccompanied\s+asylum[-\s]seeking\s+children"),
    # Generic shapes, named from their own words: "the re-referral rate ... was 21%", "93% of care leavers were
    # in touch", "the percentage of social workers who are agency staff has fallen to 18%", "spent £312m".
    ("{what}", "percent",
     rf"\b(?P<what>[\w-]+\s+rate)\b[^.%]{{0,50}}?\b(?:was|is|of|stood\s+at|at|to)\s+{N}\s*(?:%|per\s*cent)"),
    ("{what}_percent", "percent",
     rf"{N}\s*(?:%|per\s*cent)\s+of\s+(?P<what>[a-z][\w-]*\s+(?:[\w-]+\s+){{0,6}}?)(?=(?:were|was|are|is|had|have)\b)"),
    ("{what}", "count",
     rf"\bnumber\s+of\s+(?P<what>[^.]{{3,80}}?)\s+(?:has\s+|had\s+)?(?:fallen|risen|increased|decreased|dropped|grown"
     rf"|reached|stood\s+at|was|is)\s+(?:to\s+)?{N}\b(?!\s*(?:%|per\s*cent))"),
    ("{what}", "count",
     rf"\b(?P<what>referrals|re-referrals|contacts|assessments)\b[^.]{{0,40}}?\b(?:reached|rose\s+to|fell\s+to|totalled"
     rf"|numbered|stood\s+at)\s+{N}\b(?!\s*(?:%|per\s*cent))"),
    ("{what}_percent", "percent",
     rf"percentage\s+of\s+(?P<what>[^.]{{3,80}}?)\s+(?:has\s+|had\s+)?(?:fallen|risen|increased|decreased|dropped"
     rf"|grown|reached)\s+to\s+{N}\s*(?:%|per\s*cent)"),
    ("{what}_gbp", "gbp",
     r"\b(?P<what>spent|spend|spending|overspent|overspend|cost|costs|budget|deficit|savings)\b[^.£]{0,50}?"
     r"£(?P<v>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>m\b|million\b|bn\b|billion\b|k\b)?"),
    ("agency_social_workers_percent", "percent",
     rf"{N}\s*(?:%|per\s*cent)\s+of\s+social\s+workers\s+(?:are|were)\s+agency"),
    ("staff_to_manager_ratio", "ratio",
     r"ratio\s+of\s+[\w\s]{0,40}?\s+(?:was|is|of|stood\s+at)\s+(?P<a>\d+)\s*:\s*(?P<b>[1-9]\d*)"),
]
_RULES = [(name, unit, re.compile(pattern, re.I)) for name, unit, pattern in METRIC_RULES]
# "this figure had reached 90%", "This is a reduction from 2,200" continue the previous sentence's metric.
_CONTINUATION = re.compile(
    rf"\b(?:this|the)\s+(?:figure|number|rate|average|proportion)?[^.]{{0,40}}?\b(?:had\s+)?(?:reached|risen\s+to|fallen\s+to"
    rf"|stood\s+at|is\s+a\s+(?:reduction|fall|rise|increase)\s+from|is\s+(?:down|up)\s+from|was\s+(?:down|up)\s+from)"
    rf"\s+{N}", re.I)
_COMPARISON = re.compile(rf"(?:\b(?:(?:down|up|a\s+(?:reduction|fall|rise|increase|decrease))\s+from|compared\s+with)"
                         rf"|(?<=\d)\s+from)\s+{N}", re.I)
_SCALE = {"m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "k": 1e3}
_PROJECTION = re.compile(r"\b(?:projected|anticipated|forecast|expected\s+to|target|aim(?:ed)?\s+(?:was|is|to))\b",
                         re.I)
# National or other areas' figures are not the council's.
_ELSEWHERE = re.compile(r"\b(?:in\s+England|across\s+England|nationally|national\s+(?:average|figure|rate)"
                        r"|of\s+councils|councils\s+(?:rated|judged)|per\s+10,000"
                        r"|across\s+the\s+country|statistical\s+neighbours|other\s+councils)\b", re.I)
_DIGIT = re.compile(r"\d")
_FINANCIAL_YEAR = re.compile(r"\b(20\d{2})/(\d{2})\b")
_YEAR = re.compile(r"\b(?:in|during|for)\s+((?:19|20)\d{2})\b")


@dataclass(frozen=True)
class MetricClaim:
    name: str
    value: float
    unit: str
    as_of: date | None
    period: str | None
    text: str


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def when(clause: str, default: date | None) -> tuple[date | None, str | None]:
    """(as_of, period) stated in a clause, else (default, None)."""
    if found := parse_date(clause):
        return found, None
    if m := _FINANCIAL_YEAR.search(clause):
        return None, f"{m[1]}/{m[2]}"
    if m := MONTH_YEAR.search(clause):
        return None, f"{m[2]}-{month_number(m[1]):02d}"
    if m := _YEAR.search(clause):
        return None, m[1]
    return default, None


def metric_claims(sentences: list[str], default_date: date | None) -> list[MetricClaim]:
    """Metrics in a run of sentences (one paragraph), with comparisons and continuations."""
    claims: list[MetricClaim] = []
    previous: tuple[str, str] | None = None  # (name, unit) of the last metric in this paragraph
    for sentence in sentences:
        if not _DIGIT.search(sentence):  # every rule reads a number
            continue
        if previous and (m := _CONTINUATION.search(sentence)) and not _PROJECTION.search(sentence[:m.start("v")]):
            as_of, period = when(sentence, default_date)
            claims.append(MetricClaim(previous[0], _number(m["v"]), previous[1], as_of, period, sentence))
            continue
        comparison = _COMPARISON.search(sentence)
        if comparison is None:
            found = _read(sentence, sentence, None, default_date)
        else:  # "17, compared with 24 in March 2018, and 88% of ...": the sentence goes on after the comparison
            found = (_read(sentence[:comparison.start()], sentence, comparison, default_date)
                     + _read(sentence[comparison.end():], sentence, None, default_date))
        claims += found
        if found:
            previous = (found[-1].name, found[-1].unit)
    return claims


def _read(segment: str, sentence: str, comparison: re.Match | None, default_date: date | None) -> list[MetricClaim]:
    """Every rule's matches in one stretch of a sentence; a number is read once, by the first (most specific) rule.
    A comparison ("down from 57 weeks in 2013/14") gives the first metric found its earlier value."""
    claims: list[MetricClaim] = []
    taken: set[int] = set()
    for name, unit, pattern in _RULES:
        for m in pattern.finditer(segment):
            group = "v" if m.groupdict().get("v") else "v2" if m.groupdict().get("v2") else "a"
            if m.start(group) in taken or _PROJECTION.search(segment[:m.end()]):
                continue
            if _ELSEWHERE.search(segment[:m.end() + 30]):  # England's or all councils' figures, not this one's
                continue
            taken.add(m.start(group))
            what = m.groupdict().get("what")
            metric = name.format(what=_slug(what)) if what else name
            as_of, period = when(segment, default_date)
            claims.append(MetricClaim(metric, _value(m, unit), unit, as_of, period, sentence))
            if comparison is not None and unit != "ratio":
                as_of, period = when(sentence[comparison.start():], default_date)
                claims.append(MetricClaim(metric, _number(comparison["v"]), unit, as_of, period, sentence))
                comparison = None
    return claims


def _slug(words: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", words.lower()).strip("_")[:60]


def _value(m: re.Match, unit: str) -> float:
    if unit == "ratio":
        return _ratio(m)
    value = _number(m["v"] if m.groupdict().get("v") else m["v2"])
    scale = m.groupdict().get("scale")
    return value * _SCALE[scale.lower()] if scale else value


def _ratio(m: re.Match) -> float:
    return round(int(m["a"]) / int(m["b"]), 4)
