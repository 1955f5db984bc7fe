"""Tables of grades under a header that names what each column is: a council per row, a judgement per column.

    Council            | Overall effectiveness | Impact of leaders | Help and protection
    Northtown          | Good                  | Outstanding       | Good

    Local authority    | Grade                 | Previous grade
    Westshire          | Outstanding           | Requires improvement (2016)

A header is a row with no grade in it, a column of councils ("Council", "Local authority", "Area") and at least
one naming a judgement, or a grade ("Grade", "Rating", "Ofsted judgement": overall effectiveness); not a row of
an assessment's scores ("Staying safe | 3"). A column whose header says
the grade is an earlier one ("Previous grade", "Last rating", "Grade in 2019") gives historical claims, with the
year its header or its cell gives. Rows whose cells do not line up with the header are left to the row rules.

A table of one council's judgements (officers' reports, press releases) turns it round: a judgement per row, named
in its first cell, and a grade per column, the earlier ones told apart by their header as above:

    Judgement              | Previous inspection (2018) | This inspection
    Overall effectiveness  | Inadequate                 | Good

A table comparing councils turns it round the other way: a column per COUNCIL, a judgement per row (the header's
first cell often empty, and so missing from the header row), or a time per row, their overall grades then:

                           | Northtown                  | Westshire
    Overall effectiveness  | Good                       | Inadequate
    2019                   | Requires improvement       | Good

A header of earlier inspections alone ("2018 | 2022", "Last inspection | This inspection") has lost its empty first
cell too: its rows' first cells name the judgements. In a table of councils, a cell giving a date and no grade
("Council | Last inspection | Grade", "Northtown | March 2017 | Good") dates the row's grades; a bracket in a cell
grades another judgement ("Requires improvement (leadership: inadequate)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from csi.records import CELL_SEPARATOR
from transforms.grades import GRADE_PHRASE, YEAR, normalise_grade
from transforms.judgement_names import JUDGEMENT_PATTERNS, judgement_named
from transforms.ratings import RatingClaim
from transforms.roundup_lines import earlier_grade
from transforms.sub_judgements import judgement_rows

_JUDGEMENTS = [(name, re.compile(pattern, re.I)) for name, pattern in JUDGEMENT_PATTERNS if name != "other"]
_OVERALL = re.compile(r"\boverall\b|^\W*(?:(?:ofsted|new|latest|current|inspection|previous|last|earlier|prior"
                      r"|old)\s+)?(?:grades?|ratings?|judgements?|judgments?|outcomes?|results?|inspections?)\b", re.I)
_EARLIER = re.compile(r"\b(?:previous|previously|last|earlier|prior|old|former|before|was)\b", re.I)
# The column of councils: "Council", "Local authority", "Area", "LA"
_COUNCILS_COLUMN = re.compile(r"\b(?:councils?|authority|authorities|area|borough|county|name|region|place)\b"
                              r"|(?-i:\bLAs?\b)", re.I)
_GRADE_CELL = re.compile(rf"^\W*(?P<grade>{GRADE_PHRASE})", re.I)
# A cell's grade with an earlier one in brackets after it, as a round-up line gives them (roundup_lines): "Good
# (previously inadequate)", "Outstanding (up from good in 2020)", "Good (requires improvement, 2019)"
_GRADE_THEN_EARLIER = re.compile(rf"^\W*(?P<grade>{GRADE_PHRASE})\W*\((?P<before>[^()]{{2,80}})\)", re.I)


# The column naming the judgements of a table of one council's judgements: "Judgement", "Area", "Ofsted judgements"
# (not "Area" alone: the councils' column of a round-up)
_JUDGEMENTS_COLUMN = re.compile(r"^\W*(?:the\s+)?(?:ofsted\s+|inspection\s+)?(?:(?:sub-?)?judge?ments?(?:\s+areas?)?"
                                r"|(?<=inspection\s)areas?|areas?\s+(?:of|for)\s+(?:judge?ment|inspection)"
                                r"|categor(?:y|ies)|aspects?)\W*$", re.I)
# ... and its columns of grades: "Grade", "2019 grade", "Previous inspection (2018)", "This inspection", "Now"
_GRADES_COLUMN = re.compile(r"\b(?:grades?|ratings?|judge?ments?|outcomes?|results?|inspections?|current|previous"
                            r"|last|now|then|(?:19|20)\d{2})\b", re.I)
ROW_JUDGEMENT = "named_in_row"  # a column of grades whose judgement the row's first cell names
# A column of one inspection's grades, by its time: "2019", "Previous inspection", "This inspection", "Now"
_TIME_COLUMN = re.compile(r"(?:19|20)\d{2}|^\W*(?:(?:the\s+)?(?:this|last|latest|previous|current|earlier|prior|new"
                          r"|old)\s+(?:[\w-]+\s+)?(?:inspection|grade|rating|judge?ment|outcome)s?|now|then|before"
                          r"|after)\W*$", re.I)


# A row of a table comparing councils, a column each, that names a time, not a judgement: their overall grades then
# ("2019 | Good | Inadequate", "Latest | Good (2024) | Outstanding (2023)", "Previous inspection | ...")
_TIME_ROW = re.compile(rf"{_TIME_COLUMN.pattern}|^\W*(?:latest|current|previous|last|earlier|first|today)\W*$", re.I)
# ... but not a row of a span of years ("2014-15"): which of them each council's grade is from, it does not say
_YEAR_RANGE = re.compile(r"\b(?:19|20)\d{2}\s*(?:[-–—/]|to)\s*(?:(?:19|20)\d{2}|\d{2})\b")
# ... and the header of its column of times: "Year", "Date", "Inspection"
_TIMES_COLUMN = re.compile(r"^\W*(?:years?|dates?|when|inspections?|published)\W*$", re.I)

# The column dating each row of a table of one council's inspections, a row each: "Year", "Date", "Published",
# "Inspection date", "Date of inspection", "When"
_DATES_COLUMN = re.compile(r"^\W*(?:(?:inspection|report|publication)\s+)?(?:year|date|month|when|published)"
                           r"(?:\s+(?:of\s+)?(?:the\s+)?(?:inspection|report|publication|published))?\W*$", re.I)

# ... and the column naming each row's inspection: "Type", "Inspection type", "Framework"
_KIND_COLUMN = re.compile(r"^\W*(?:inspection\s+)?(?:type|kind|framework)s?(?:\s+of\s+inspection)?\W*$", re.I)


# A table of one council's inspection history, a row per judgement of each inspection, its judgement and its grade
# in columns of their own (rows after an inspection's first may give only those two cells):
#     Inspection                    | Published     | Judgement              | Grade
#     Single inspection framework   | February 2017 | Overall effectiveness  | Requires improvement
#     Care leavers                  | Good
_GRADE_COLUMN_ONLY = re.compile(r"^\W*(?:(?:ofsted|inspection)\s+)?(?:grades?|ratings?|outcomes?|results?)\W*$", re.I)
NAMED_IN_CELL = "named_in_cell"  # the column naming the judgement its row grades


@dataclass(frozen=True)
class Column:
    judgement: str | None  # None: not a column of grades (the councils', a date's, a note's); or ROW_JUDGEMENT
    earlier: bool = False
    year: int | None = None
    council: str | None = None  # the council the column's grades belong to (a table comparing councils)
    dates_rows: bool = False  # the column of each row's date, in a table of one council's inspections


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.split(CELL_SEPARATOR)]


def _column(header: str, published: date | None) -> Column:
    years = [int(y) for y in YEAR.findall(header)]
    year = years[-1] if years else None
    earlier = bool(_EARLIER.search(header)) or (year is not None and published is not None and year < published.year)
    named = next((name for name, pattern in _JUDGEMENTS if pattern.search(header)), None) or judgement_named(header)
    if named is None and _OVERALL.search(header):
        named = "overall_effectiveness"
    return Column(named, earlier, year)


def _named(cell: str) -> bool:
    return any(pattern.search(cell) for _, pattern in _JUDGEMENTS)


def grade_table_header(row: str, published: date | None, councils: list[list[str]] | None = None
                       ) -> list[Column] | None:
    """The columns of a grade table's header row, or None if the row is not one. `councils` lists the councils
    each cell names (a header of councils, one per column: "Northtown | Westshire")."""
    cells = _cells(row)
    if not cells or any(normalise_grade(c) or _GRADE_CELL.match(c) for c in cells):
        return None
    if history := _history_header(cells):
        return history
    named = councils or [[] for _ in cells]
    by_council = [len(set(codes)) == 1 and not _named(cell) for cell, codes in zip(cells, named, strict=True)]
    if by_council[1:] and all(by_council[1:]) and (by_council[0] or _JUDGEMENTS_COLUMN.match(cells[0])
                                                   or _TIMES_COLUMN.match(cells[0])):
        councils_named = cells if by_council[0] else cells[1:]  # the judgements' column left empty, or named
        codes = named if by_council[0] else named[1:]
        return [Column(None)] + [replace(_column(c, published), judgement=ROW_JUDGEMENT, council=code[0])
                                 for c, code in zip(councils_named, codes, strict=True)]
    if len(cells) < 2:
        return None
    if (_JUDGEMENTS_COLUMN.match(cells[0]) and all(_GRADES_COLUMN.search(c) for c in cells[1:])) \
            or ((_COUNCILS_COLUMN.search(cells[0]) or not cells[0])
                and all(_TIME_COLUMN.search(c) and not _named(c) for c in cells[1:])):
        # "Area | 2019 | 2023": a judgement per row, or a council per row graded overall (`grade_table_claims`)
        return [Column(None)] + [replace(_column(c, published), judgement=ROW_JUDGEMENT) for c in cells[1:]]
    if all(_GRADES_COLUMN.search(c) and not _named(c) and not _COUNCILS_COLUMN.search(c) for c in cells) \
            and any(YEAR.search(c) or _EARLIER.search(c) for c in cells):  # "2018 | 2022": its first cell empty
        return [Column(None)] + [replace(_column(c, published), judgement=ROW_JUDGEMENT) for c in cells]
    columns = [_column(c, published) for c in cells]
    graded = [c for c in columns if c.judgement is not None]
    councils = [cell for cell, c in zip(cells, columns, strict=True)
                if c.judgement is None and _COUNCILS_COLUMN.search(cell)]
    dates = [i for i, cell in enumerate(cells) if _DATES_COLUMN.match(cell)]
    if graded and len(dates) == 1 and all(  # "Year | Inspection | Overall grade": one council's history (not a
            c.judgement is not None or i == dates[0] or _KIND_COLUMN.match(cell)  # table of schools or providers)
            for i, (cell, c) in enumerate(zip(cells, columns, strict=True))):
        return [Column(None, dates_rows=True) if i == dates[0] else c for i, c in enumerate(columns)]
    if not graded or not councils:
        return None
    return columns


def _history_header(cells: list[str]) -> list[Column] | None:
    """The columns of an inspection history's header ("Inspection | Published | Judgement | Grade"): one naming
    the judgement, one giving its grade after it, and others (the inspection, its date)."""
    named = [i for i, c in enumerate(cells) if _JUDGEMENTS_COLUMN.match(c)]
    graded = [i for i, c in enumerate(cells) if _GRADE_COLUMN_ONLY.match(c)]
    if len(cells) < 3 or len(named) != 1 or len(graded) != 1 or named[0] > graded[0] or any(map(_named, cells)):
        return None
    return [Column(NAMED_IN_CELL) if i == named[0] else Column(ROW_JUDGEMENT) if i == graded[0] else Column(None)
            for i in range(len(cells))]


def _row_year(cells: list[str]) -> int | None:
    """The year of a date with no grade beside a row's grades ("Northtown | March 2017 | Good")."""
    dated = [int(y) for c in cells if not _GRADE_CELL.match(c) for y in YEAR.findall(c)]
    return dated[0] if len(set(dated)) == 1 else None


def carried_forward(columns: list[Column], row: str) -> list[Column]:
    """An inspection history's columns after a row: the inspection's date that row gives stands for the rows after it
    that give only a judgement and its grade ("Care leavers | Good"); any other table's, unchanged."""
    cells = _cells(row)
    if not any(c.judgement == NAMED_IN_CELL for c in columns) or len(cells) != len(columns):
        return columns
    return [replace(c, year=_row_year(cells)) if c.judgement == ROW_JUDGEMENT else c for c in columns]


def _history_row(columns: list[Column], cells: list[str], row: str, published: date | None
                 ) -> list[tuple[RatingClaim, str | None]]:
    """The claim of one row of an inspection history: a full row, dated by its date cell, or a row giving only a
    judgement and its grade, dated by the inspection's row above it. The overall effectiveness of an inspection
    named as the child protection inspection is that inspection's one judgement."""
    names_at = next(i for i, c in enumerate(columns) if c.judgement == NAMED_IN_CELL)
    grade_at = next(i for i, c in enumerate(columns) if c.judgement == ROW_JUDGEMENT)
    if len(cells) == len(columns):
        name, cell, year = cells[names_at], cells[grade_at], _row_year(cells)
        inspection = [judgement_named(c) for i, c in enumerate(cells) if i not in (names_at, grade_at)]
    elif len(cells) == 2:
        (name, cell), year, inspection = cells, columns[grade_at].year, []
    else:
        return []
    judgement, m = judgement_named(name), _GRADE_CELL.match(cell)
    if judgement is None or m is None or (grade := normalise_grade(m["grade"])) is None:
        return []
    if judgement == "overall_effectiveness" and "child_protection" in inspection:
        judgement = "child_protection"
    earlier = year is not None and published is not None and year < published.year
    return [(RatingClaim(judgement, grade, " ".join(m["grade"].split()), year, "historical" if earlier else "current",
                         row, row.find(cell) + m.start("grade"), anchor="stated" if year is not None else "publication",
                         judgement_stated=judgement != "overall_effectiveness"), None)]


def rows_are_judgements(columns: list[Column]) -> bool:
    """The table is one council's: a judgement per row."""
    return any(c.judgement == ROW_JUDGEMENT for c in columns)


def one_councils(columns: list[Column]) -> bool:
    """The table is one council's: a judgement per row, or an inspection per row ("2018 | ILACS | Good")."""
    return rows_are_judgements(columns) or any(c.dates_rows for c in columns)


# "(leadership: inadequate)", "(inadequate for leadership)": another judgement's grade in a cell's bracket
_BRACKETED = re.compile(r"\((?P<inner>[^()]{3,80})\)")


def _bracketed(cell: str) -> list[tuple[str, str, str, int]]:
    """(judgement, grade, grade words, where) of each judgement a bracket in the cell grades."""
    found = []
    for m in _BRACKETED.finditer(cell):
        for claim in judgement_rows(m["inner"]):
            if claim.judgement != "overall_effectiveness":
                found.append((claim.judgement, claim.grade, claim.grade_label, m.start("inner") + claim.start))
    return found


def grade_table_claims(columns: list[Column], row: str, published: date | None = None, council_row: bool = False
                       ) -> list[tuple[RatingClaim, str | None]]:
    """The claims of one row under a grade table's header, each with its column's council (None: the row's or the
    discourse's); [] when its cells do not line up with it. Under a header of inspections ("Area | 2019 | 2023"),
    a row naming a council (`council_row`) and no judgement is graded overall."""
    cells = _cells(row)
    if any(c.judgement == NAMED_IN_CELL for c in columns):
        return _history_row(columns, cells, row, published)
    if len(cells) != len(columns):
        return []
    if rows_are_judgements(columns):
        by_council = any(c.council for c in columns)
        named = judgement_named(cells[0]) or ("overall_effectiveness" if council_row and not by_council
                                              or by_council and _TIME_ROW.search(cells[0])
                                              and not _YEAR_RANGE.search(cells[0]) else None)
        if named is None:
            return []
        columns = [replace(c, judgement=named) if c.judgement == ROW_JUDGEMENT else c for c in columns]
    row_year = _row_year(cells)  # a date with no grade beside the row's grades dates them
    claims = []
    at = 0
    for column, cell in zip(columns, cells, strict=True):
        start = row.find(cell, at)
        at = max(start, at)
        m = _GRADE_CELL.match(cell)
        if column.judgement is None or m is None or (grade := normalise_grade(m["grade"])) is None:
            continue
        graded_apart = _bracketed(cell[m.end():])  # "(leadership: inadequate)": another judgement's grade
        bracket = None if graded_apart else _GRADE_THEN_EARLIER.match(cell)
        prior = earlier_grade(bracket, cell, column.judgement) if bracket else None
        own = cell[:bracket.start("before")] if bracket and prior else cell  # the bracket's words: the earlier grade's
        years = [int(y) for y in YEAR.findall(own[m.end():])]
        year = years[0] if years else column.year or row_year
        earlier = column.earlier or bool(_EARLIER.search(own)) or (
            year is not None and published is not None and year < published.year)
        anchor = "stated" if year is not None else ("previous_inspection" if earlier else "publication")
        status = "historical" if earlier else "current"
        claims.append((RatingClaim(column.judgement, grade, " ".join(m["grade"].split()), year, status, row,
                                   start + m.start("grade"), anchor=anchor,
                                   judgement_stated=column.judgement != "overall_effectiveness"), column.council))
        claims += [(RatingClaim(judgement, other, words, year, status, row, start + m.end() + where,
                                    anchor=anchor), column.council)
                   for judgement, other, words, where in graded_apart
                   if judgement != column.judgement]
        if prior is not None:
            claims.append((replace(prior, clause=row, start=start + prior.start, segment=start + prior.segment),
                           column.council))
    return claims
