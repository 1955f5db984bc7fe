"""Compare latest_ratings with Ofsted's "as at 31 March" snapshot: one line per mismatch, then the count.

    csi load-outcomes ../shared/data/ofsted-la-outcomes/*.csv ../shared/data/ofsted-la-outcomes/raw/LA_*.ods \
        --db /tmp/outcomes.duckdb
    .venv/bin/python scripts/check_outcomes.py /tmp/outcomes.duckdb \
        ../shared/data/ofsted-la-outcomes/ofsted_la_judgements_as_at_31_march_2025.csv

Every graded judgement of every current council in the snapshot must be that council's latest grade; exit 1
on any mismatch.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import duckdb  # noqa: E402

from transforms.grades import normalise_grade  # noqa: E402
from transforms.official_outcomes import judgement_of, read_sheets  # noqa: E402


def main(db: str, snapshot: str) -> int:
    con = duckdb.connect(db, read_only=True)
    latest = {(c, j): g for c, j, g in
              con.execute("SELECT council_code, judgement, grade FROM latest_ratings").fetchall()}
    current = {c for (c,) in con.execute("SELECT council_code FROM councils WHERE end_date IS NULL").fetchall()}
    con.close()
    (rows,) = read_sheets(Path(snapshot).read_bytes(), Path(snapshot).name).values()
    header, data = rows[0], rows[1:]
    code_at = header.index("Local authority area code")
    compared = mismatches = 0
    for row in data:
        if row[code_at] not in current:
            continue
        for column, value in zip(header, row, strict=False):
            judgement, grade = judgement_of(column), normalise_grade(str(value or ""))
            if judgement is None or grade is None:
                continue
            compared += 1
            if latest.get((row[code_at], judgement)) != grade:
                mismatches += 1
                print(f"mismatch {row[code_at]} {judgement}: snapshot {grade}, latest_ratings "
                      f"{latest.get((row[code_at], judgement))}")
    print(f"{compared} graded judgements of current councils compared, {mismatches} mismatch(es)")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
