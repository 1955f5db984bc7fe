"""Build the official edition the demo serves: the data sheets of Ofsted's "Local authority inspection outcomes
as at 31 March 2025" as a workbook, values unchanged (facts, Open Government Licence v3.0; see csi/samples/NOTICE.md).

Only the three data tables are kept (Inspections_as_at_31_March, In-year_inspections, ILACS_inspection_history),
each under a one-line title of ours; the cover, contents and notes sheets are left out.

    .venv/bin/python scripts/build_demo_edition.py [path/to/LA_Inspection_Outcomes_as_at_31_March_2025.ods]
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import xlsxwriter
from python_calamine import CalamineWorkbook

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "ofsted-la-outcomes" / "raw" / \
    "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
TARGET = ROOT / "csi" / "samples" / "site" / "media" / "csi-demo-2025" / \
    "LA_Inspection_Outcomes_as_at_31_March_2025.xlsx"
DATA_SHEETS = ("Inspections_as_at_31_March", "In-year_inspections", "ILACS_inspection_history")
ATTRIBUTION = ("Contains public sector information licensed under the Open Government Licence v3.0. Source: Ofsted, "
               "Local authority inspection outcomes as at 31 March 2025 (published 25 September 2025).")


def main(source: Path) -> None:
    workbook_in = CalamineWorkbook.from_path(str(source))
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    out = xlsxwriter.Workbook(str(TARGET), {"strings_to_numbers": False, "strings_to_urls": False})
    dated = out.add_format({"num_format": "yyyy-mm-dd"})
    for name in DATA_SHEETS:
        rows = workbook_in.get_sheet_by_name(name).to_python()
        header = next(i for i, row in enumerate(rows) if "Local authority name" in [str(c) for c in row])
        sheet = out.add_worksheet(name)
        sheet.write(0, 0, f"{name.replace('_', ' ')}: {ATTRIBUTION}")
        for r, row in enumerate(rows[header:], start=2):
            for c, cell in enumerate(row):
                if isinstance(cell, datetime | date):
                    sheet.write_datetime(r, c, datetime(cell.year, cell.month, cell.day), dated)
                elif cell not in ("", None):
                    sheet.write(r, c, cell)
    out.close()
    print(f"wrote {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE)
