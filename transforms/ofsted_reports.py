"""Ofsted reports and visit letters, from normalised text (see scrapers/platforms/ofsted_pdf/parse.py) to one record.

Frameworks are recognised by the wordings of their titles declared in :mod:`csi.frameworks` (in the title
lines, before the first judgement or summary), and graded on the judgements their version lists:

- ILACS (2018 onwards): "Inspection of <X> local authority children's services", "Inspection of Kent County
  Council children's services", "Inspection of Bradford Children and Families Trust", then a "Judgement
  Grade" table whose rows wrap across lines: four or five judgements ending with "Overall effectiveness"
  before the reform of April 2026, the four sub-judgements without it after. Reports do not say whether
  the inspection was short or standard: a short inspection spends one week on site, a standard one two, so
  a visit of at most 7 days (or a report that says "short inspection") is ``ilacs_short``.
- SIF (2013-2018) and its re-inspections ("Re-inspection of services for children in need ..."): an
  overall sentence in one of several wordings, a numbered list (1. help and protection; 2. looked after
  and achieving permanence; 2.1 adoption; 2.2 care leavers; 3. leadership) with grades on the same or the
  next line, and the LSCB's judgement, stated on the first page or at the head of the LSCB section.
- Focused visits, monitoring visits and joint targeted area inspections (letters): an inspection with
  dates and findings, never a grade.
- Area SEND inspections (a local area partnership, not the council's children's services): recognised so
  that they yield no inspection, grade or finding, and are not an error.

The council comes from the title: the councils index, then the trusts and companies that deliver a
council's services (``csi/reference/delivery_bodies.csv``), then the name without "City", "County Council"
and the like. Ofsted's own address and back matter are not the report's body (:func:`report_body`).

A report of a graded framework that yields fewer judgements than its version grades, no council, no date,
or (ILACS, SIF) no improvement point, carries its ``problems``: the pipeline records it as a parse error.

Findings are the items under "What needs to improve?", "Recommendations", "Areas for improvement" and
"Areas for priority action" (bulleted or numbered), all of kind ``recommendation`` with a theme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from csi import frameworks
from csi.dates import MONTH_PATTERN, month_number, safe_date
from transforms.councils import CouncilIndex, default_index, delivery_bodies
from transforms.findings import classify_theme
from transforms.grades import normalise_grade
from transforms.inspections import PUBLISHED_AFTER_START_DAYS

SHORT_VISIT_DAYS = 7  # an ILACS short inspection is one week on site, a standard one two
_GRADE = (r"(?:requires?\s+improvement\s+to\s+be\s+good|requires?\s+improvement|outstanding|good|inadequate)"
          r"(?![\w-])")
_TITLE_END = re.compile(r"^(?:Judgement\s+Grade|1\.\s|Executive summary|Summary\b|Dear\b|This letter\b)", re.M)
_LETTER_TITLE = re.compile(r"^(?:Dear\b|This letter\b)", re.M)
_COUNCIL_IN_TITLE = [
    re.compile(r"(?:focused|monitoring)\s+visit\s+to\s+(?:the\s+)?(?P<name>.+?)(?:'s)?\s+(?:local\s+authority\s+)?"
               r"children's\s+services", re.I | re.S),
    re.compile(r"joint\s+targeted\s+area\s+inspection\s+of\s+.+?\s+in\s+(?P<name>[^\n]+?)\s*(?:\n|$)",
               re.I | re.S),
    re.compile(r"inspection\s+of\s+(?P<name>(?!services\s|local\s+authority\s)[^\n]{1,80}?(?:\n[^\n]{1,80}?)?)\s+"
               r"(?:local\s+authority\s+)?children's\s+services", re.I),
    re.compile(r"^(?P<name>.+?)\s+(?:re-?)?inspection\s+of\s+(?:services\s+for\s+children|children's\s+social"
               r"|local\s+authority\s+children's)", re.I | re.S),
    re.compile(r"inspection\s+of\s+(?:the\s+)?(?P<name>[^\n]+(?:\n(?!inspection\s+dates?|dates?\s+of|lead\s+)[^\n]+)?)",
               re.I),  # a trust or company: "Inspection of Bradford Children and / Families Trust"
]
# What a title may add to a council's name: "Leeds City", "Kent County Council", "City of York Council".
_NAME_EXTRAS = re.compile(r"^(?:city\s+of|royal\s+borough\s+of|london\s+borough\s+of|borough\s+of)\s+"
                          r"|\s+(?:city|county|borough|metropolitan|district|council|unitary|authority)$", re.I)
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_RANGE = re.compile(rf"{_DAY}(?:\s+{MONTH_PATTERN})?(?:\s+(\d{{4}}))?\s*(?:-|to|and)\s*{_DAY}\s+{MONTH_PATTERN}\s+"
                    r"(\d{4})", re.I)
_SINGLE = re.compile(rf"\b(?:on|visit(?:ed)?|date:?)\s+{_DAY}\s+{MONTH_PATTERN}\s+(\d{{4}})", re.I)
_DATES_LINE = re.compile(r"^(?:Inspection|Visit)\s+dates?:?\s*(.+)$", re.M | re.I)
_LEAD_INSPECTOR = re.compile(r"^Lead\s+(?:inspector|HMI):?\s*(.+)$", re.M | re.I)
_SIGNED = re.compile(r"^Yours\s+sincerely,?\s*\n(?P<name>[^\n]+)\n(?:His|Her)\s+Majesty's\s+Inspector", re.M | re.I)
_INSPECTOR_TITLE = re.compile(r",?\s*(?:(?:His|Her)\s+Majesty's\s+Inspector|HMI|\(HMI\)).*$", re.I)
_ILACS_TABLE = re.compile(r"^Judgement\s+Grade\s*$", re.M | re.I)
_MAX_ROW_WORDS = 16  # a judgement's label; a longer "label" is the prose after the table
_SIF_LIST = re.compile(r"^1\.?\s+Children\s+who\s+need\s+help", re.M | re.I)
_SIF_LAST_ROW = re.compile(rf"^3\.?\s+Leadership,\s+management\s+and\s+governance\s+{_GRADE}", re.M | re.I)
_ROW = re.compile(rf"(?:\d(?:\.\d)?\.?\s+)?(?P<label>[A-Za-z].*?)\s+(?P<grade>{_GRADE})", re.I)
_SIF_OVERALL = re.compile(rf"^(?:The\s+overall\s+judgement|Children's\s+services|Services\s+for\s+children)\b"
                          rf"[^.]*?\b(?P<grade>{_GRADE})", re.M | re.I)
_LSCB = [
    re.compile(rf"effectiveness\s+of\s+the\s+(?:local\s+safeguarding\s+children\s+board(?:\s+\(LSCB\))?|LSCB)\s+"
               rf"(?:is\s+)?(?P<grade>{_GRADE})", re.I),
    re.compile(rf"^The\s+Local\s+Safeguarding\s+Children\s+Board\s+(?:is\s+)?(?P<grade>{_GRADE})", re.M | re.I),
    re.compile(rf"^The\s+LSCB\s+(?:is\s+)?(?P<grade>{_GRADE})\s+because", re.M | re.I),
]
_FINDINGS_HEADING = re.compile(r"^(?:What\s+needs\s+to\s+improve\??|Recommendations|Areas\s+for\s+improvement"
                               r"|Areas\s+for\s+priority\s+action|Priority\s+actions?)\s*:?\s*\d{0,2}$", re.I)
_FOOTNOTE_MARK = re.compile(r"^\d{1,2}$")  # "What needs to improve?" with its footnote number on the next line
_ITEM = re.compile(r"^(?:• |(\d{1,3})\.\s+)")
_NEXT_PART = re.compile(r"strengths|weaknesses|summary|information|findings|judgement|progress|inspection|context",
                        re.I)
# An item may end with its reference instead of a full stop: "(outcome 2, national framework)", "(paragraph 12)".
_REFERENCE_END = re.compile(r"\((?:[^()]*\bframework|paragraphs?\s[\d,\s and-]+)\)$", re.I)
_PARAGRAPH_REFERENCE = re.compile(r"\s*\(paragraphs?\s+[\d,\s and-]+\)", re.I)


@dataclass(frozen=True)
class ReportJudgement:
    judgement: str
    grade: str
    grade_label: str  # the words the report uses
    evidence: str  # the table row or sentence


@dataclass(frozen=True)
class ReportFinding:
    kind: str
    theme: str
    text: str


@dataclass(frozen=True)
class OfstedReport:
    """What one report or visit letter records about one council's inspection."""

    council_name: str | None
    council_code: str | None
    framework: str  # a csi.frameworks code (area_send: not a council inspection)
    visit_start: date | None
    visit_end: date | None
    published_on: date | None
    lead_inspector: str | None
    judgements: tuple[ReportJudgement, ...]
    findings: tuple[ReportFinding, ...]
    graded: tuple[str, ...] | None = ()  # the judgements its framework's version grades
    framework_version: str | None = None
    problems: tuple[str, ...] = ()  # why the record is incomplete: the report is then a parse error

    @property
    def dated_on(self) -> date | None:
        """The date that names the inspection: its publication when the report states it, else its last day."""
        return self.published_on or self.visit_end

    @property
    def council_inspection(self) -> bool:
        return frameworks.get(self.framework).council_inspection


class IncompleteReport(ValueError):
    """An inspection report of a graded framework whose record is incomplete (its problems, joined)."""


def parse_report(text: str, published_on: date | None = None, index: CouncilIndex | None = None) -> OfstedReport | None:
    """The report in a normalised text; None when the text is not an Ofsted report or visit letter."""
    title_end = _TITLE_END.search(text, 0, 4000)
    title = text[:title_end.start() if title_end else 1500]
    letter = _LETTER_TITLE.search(text, 0, 4000)
    if letter:  # a letter's title ("Focused visit to ...") follows its salutation
        title += "\n" + _first_lines_after(text, letter.end())
    declared = frameworks.first_match(frameworks.REPORT_TITLES, title)
    if declared is None:
        return None
    visit_start, visit_end = visit_dates(text)
    framework = declared.code
    if declared.family == frameworks.ILACS_STANDARD.family:
        short = re.search(r"\bshort\s+inspection", text[:5000], re.I) or (
            visit_start and visit_end and (visit_end - visit_start).days < SHORT_VISIT_DAYS)
        framework = (frameworks.ILACS_SHORT if short else frameworks.ILACS_STANDARD).code
    index = index or default_index()
    body = report_body(text)
    name = council_name(title)
    code = council_from_title(index, name, body, visit_end or published_on) if name else None
    started = visit_start or visit_end or (published_on - timedelta(days=PUBLISHED_AFTER_START_DAYS)
                                           if published_on else None)
    judgements = judgements_of(text, declared.family) if frameworks.get(framework).grades else ()
    version = frameworks.get(framework).version_shown(started, {j.judgement for j in judgements if j.grade})
    graded = version.graded if version else frameworks.graded_judgements(framework, started)
    report = OfstedReport(
        council_name=name, council_code=code, framework=framework, visit_start=visit_start, visit_end=visit_end,
        published_on=published_on, lead_inspector=lead_inspector(text), judgements=judgements,
        findings=findings_of(text) if declared.council_inspection else (), graded=graded,
        framework_version=version.name if version else None,
    )
    return replace(report, problems=problems_of(report))


def problems_of(report: OfstedReport) -> tuple[str, ...]:
    """Why a council inspection's report yields an incomplete record (nothing for a report of another kind)."""
    if not report.council_inspection:
        return ()
    problems = []
    if report.council_code is None:
        problems.append(f"no council resolved from the title ({report.council_name or 'no name found'})")
    if report.dated_on is None:
        problems.append("no inspection dates")
    found = {j.judgement for j in report.judgements if j.grade}
    missing = [j for j in report.graded or () if j not in found]
    if missing:
        problems.append(f"{len(found)} of the {len(report.graded or ())} judgements {report.framework_version} grades "
                        f"found (missing: {', '.join(missing)})")
    if frameworks.get(report.framework).family in _IMPROVEMENT_FAMILIES and not report.findings:
        problems.append("no improvement points under \"What needs to improve?\" or \"Recommendations\"")
    return tuple(problems)


_IMPROVEMENT_FAMILIES = (frameworks.ILACS_STANDARD.family, frameworks.SIF.family)
# Ofsted's back matter (its statement, the reuse licence, its address) and an address block anywhere (a letter's
# letterhead): a run of short lines with a postcode, and the contact lines after it.
_BACK_MATTER = re.compile(r"^(?:The\s+Office\s+for\s+Standards\s+in\s+Education,\s+Children's\s+Services\s+and\s+Skills"
                          r"\s+\(Ofsted\)\s+regulates|If\s+you\s+would\s+like\s+a\s+copy\s+of\s+this\s+document"
                          r"|©\s+Crown\s+copyright)", re.M | re.I)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_CONTACT = re.compile(r"^(?:T|E|W|Tel|Textphone|Email|Web)\s*:", re.I)
_ADDRESS_LINE_WORDS = 5


def report_body(text: str) -> str:
    """The report without Ofsted's back matter and address blocks: what the report says about the council."""
    back = _BACK_MATTER.search(text, len(text) // 2)
    lines = (text[:back.start()] if back else text).split("\n")
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if not _POSTCODE.search(line) or len(line.split()) > _ADDRESS_LINE_WORDS:
            continue
        start = i
        while start > 0 and i - start < 5 and _address_like(lines[start - 1]):
            start -= 1
        end = i + 1
        while end < len(lines) and (_CONTACT.match(lines[end]) or _address_like(lines[end])) and end - i < 6:
            end += 1
        drop.update(range(start, end))
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def _address_like(line: str) -> bool:
    return (0 < len(line.split()) <= _ADDRESS_LINE_WORDS and not line.rstrip().endswith((".", ":", "?"))
            and not line.startswith("• ")) or bool(_CONTACT.match(line))


def _first_lines_after(text: str, start: int) -> str:
    lines = text[start:start + 2000].split("\n")
    return "\n".join(lines[1:4])  # the title may wrap; the rest of the salutation's line is skipped


def council_name(title: str) -> str | None:
    """The council as the title writes it ("the Royal Borough of Kensington and Chelsea", "Bolton")."""
    title = re.sub(r"^(?:\d+\s+)+", "", title.strip())
    for pattern in _COUNCIL_IN_TITLE:
        if m := pattern.search(title):
            return re.sub(r"^the\s+", "", " ".join(m["name"].split()).strip(" ,."), flags=re.I)
    return None


def council_from_title(index: CouncilIndex, name: str, body: str, on: date | None) -> str | None:
    """The council a title names: a council's name or alias, a body that delivers its services (a trust serving
    several councils: the one the report's body names most), the name without "City", "County Council"...,
    else the one council the name mentions ("Cheshire East Unitary Authority")."""
    if code := index.resolve(name, on=on):
        return code
    if served := delivery_bodies(name, on):
        if len(served) == 1:
            return served[0]
        mentioned = [m.council_code for m in index.find_mentions(body, on=on) if m.council_code in served]
        return max(set(mentioned), key=mentioned.count) if mentioned else None
    bare = name
    while (shorter := _NAME_EXTRAS.sub("", bare).strip()) != bare and shorter:
        bare = shorter
        if code := index.resolve(bare, on=on):
            return code
    codes = {m.council_code for m in index.find_mentions(name, on=on)}
    return codes.pop() if len(codes) == 1 else None


def visit_dates(text: str) -> tuple[date | None, date | None]:
    """First and last day on site: from the "Inspection dates:" line, else the first date range in the text."""
    line = _DATES_LINE.search(text, 0, 6000)
    where = line[1] if line else text[:6000]
    if m := _RANGE.search(where):
        day1, month1, year1, day2, month2, year2 = m.groups()
        end = safe_date(int(year2), month_number(month2), int(day2))
        start = safe_date(int(year1 or year2), month_number(month1 or month2), int(day1))
        if start and end and start > end:  # "28 December to 3 January 2019": the visit began the year before
            start = safe_date(start.year - 1, start.month, start.day)
        return start, end
    if m := _SINGLE.search(where):
        day = safe_date(int(m[3]), month_number(m[2]), int(m[1]))
        return day, day
    return None, None


def lead_inspector(text: str) -> str | None:
    """The lead inspector's name, without the title ("Jane Doe, His Majesty's Inspector" -> "Jane Doe")."""
    m = _LEAD_INSPECTOR.search(text)
    name = m[1] if m else (s["name"] if (s := _SIGNED.search(text)) else None)
    if name is None:
        return None
    name = _INSPECTOR_TITLE.sub("", name).strip(" ,.")
    return name or None


def judgement_name(label: str) -> str:
    """A row or sentence label to the judgement vocabulary."""
    text = label.lower()
    if "safeguarding children board" in text or "lscb" in text:
        return "lscb"
    if "overall" in text:
        return "overall_effectiveness"
    if "leader" in text:
        return "leadership"
    if "help and protection" in text:
        return "help_and_protection"
    if "adoption" in text:
        return "adoption"
    if "care leavers" in text and not re.search(r"children\s+in\s+care|looked\s+after", text):
        return "care_leavers"
    if re.search(r"children\s+in\s+care|looked\s+after", text):
        return "children_in_care"
    return "other"


def judgements_of(text: str, family: str) -> tuple[ReportJudgement, ...]:
    """Every graded judgement: ILACS's table, or SIF's overall sentence, numbered list and LSCB judgement."""
    found: list[ReportJudgement] = []
    if family == frameworks.ILACS_STANDARD.family:
        found += _table_rows(text)
    elif family == frameworks.SIF.family:
        list_start = _SIF_LIST.search(text)
        overall = _SIF_OVERALL.search(text, 0, list_start.start() if list_start else 6000)
        if overall:
            found.append(_judgement("overall_effectiveness", overall["grade"], overall[0]))
        found += _rows(text, _SIF_LIST, _SIF_LAST_ROW)
        lscb = min((m for pattern in _LSCB if (m := pattern.search(text))), key=lambda m: m.start(), default=None)
        if lscb:
            found.append(_judgement("lscb", lscb["grade"], lscb[0]))
    seen: set[str] = set()
    return tuple(j for j in found if not (j.judgement in seen or seen.add(j.judgement)))


def _table_rows(text: str) -> list[ReportJudgement]:
    """The rows of ILACS's "Judgement Grade" table, up to "Overall effectiveness" (before the 2026 reform) or the
    first text that is not a judgement's row (the summary after a table without it)."""
    start = _ILACS_TABLE.search(text)
    if start is None:
        return []
    table = " ".join(text[start.end():start.end() + 2000].split())
    rows: list[ReportJudgement] = []
    for m in _ROW.finditer(table):
        judgement = judgement_name(m["label"])
        if len(m["label"].split()) > _MAX_ROW_WORDS or judgement == "other" or any(
                r.judgement == judgement for r in rows):
            break
        rows.append(_judgement(judgement, m["grade"], m[0]))
        if judgement == "overall_effectiveness":
            break
    return rows


def _rows(text: str, first: re.Pattern, last: re.Pattern) -> list[ReportJudgement]:
    start = first.search(text)
    if start is None:
        return []
    end = last.search(text, start.start())
    if end is None:
        return []
    table = " ".join(text[start.start():end.end()].split())
    return [_judgement(judgement_name(m["label"]), m["grade"], m[0]) for m in _ROW.finditer(table)]


def _judgement(judgement: str, label: str, evidence: str) -> ReportJudgement:
    label = " ".join(label.split())
    return ReportJudgement(judgement, normalise_grade(label) or "", label, " ".join(evidence.split()))


def findings_of(text: str) -> tuple[ReportFinding, ...]:
    """The items under each "What needs to improve?" / "Recommendations" / "Areas for ..." heading.

    A section's first item sets its marker (bullet or number); numbers must run on (19, 20, 21...), so the
    numbered paragraphs after a bulleted list, or a bulleted summary after numbered recommendations, end
    it. An item ending with a colon takes the bullets under it; a short line without a full stop just
    before the next item is a sub-heading (Trafford 2015: "Permanence planning for children").
    """
    lines = text.split("\n")
    items: list[list[str]] = []
    marker: str | None = None  # None: not in a section; "" in one, before its first item
    number = 0
    sublist = False
    for i, line in enumerate(lines):
        if _FINDINGS_HEADING.match(line):
            marker, sublist = "", False
            continue
        if marker == "" and _FOOTNOTE_MARK.match(line):
            continue
        if marker is None:
            continue
        kind, n = _item_kind(line)
        current = items[-1] if items and marker else None
        if kind and (not marker or (kind == marker and (kind == "bullet" or n == number + 1))):
            marker, number, sublist = kind, n, False
            items.append([line[_ITEM.match(line).end():]])
        elif current and ((kind == "bullet" and (sublist or current[-1].endswith(":"))) or line.startswith("- ")):
            sublist = True
            current.append(line)
        elif current and not kind and (line.startswith("(") or not _ends_item(" ".join(current[-2:]))):
            current.append(line)  # the item's next line, or its reference ("(Outcome 4, national framework)")
        elif not kind and _is_sub_heading(line) and i + 1 < len(lines) and (
                _item_kind(lines[i + 1])[0] == (marker or _item_kind(lines[i + 1])[0] or "-")
                and (marker != "number" or _item_kind(lines[i + 1])[1] == number + 1)):
            sublist = False  # a sub-heading inside the section
        else:
            marker = None
    found: dict[str, ReportFinding] = {}
    for parts in items:
        finding = _PARAGRAPH_REFERENCE.sub("", " ".join(parts)).strip()
        if len(finding.split()) >= 3:
            found.setdefault(finding, ReportFinding("recommendation", classify_theme(finding), finding))
    return tuple(found.values())


def _ends_item(line: str) -> bool:
    return line.endswith((".", "!", "?")) or bool(_REFERENCE_END.search(line))


def _is_sub_heading(line: str) -> bool:
    """A short title line that may sit between recommendations, not one that starts the report's next part."""
    return not line.endswith((".", ":")) and len(line.split()) <= 12 and not _NEXT_PART.search(line)


def _item_kind(line: str) -> tuple[str | None, int]:
    m = _ITEM.match(line)
    if m is None:
        return None, 0
    return ("bullet", 0) if line.startswith("•") else ("number", int(m[1]))
