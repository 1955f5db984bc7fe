"""Text written by strangers reaches the warehouse unchanged: quotes, backslashes, SQL keywords and any
NUL-free Unicode round-trip exactly (every value is a parameter or an Arrow column, never SQL text); and a
load killed with SIGKILL leaves exactly the rows from before that batch, in every table."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csi.records import Council, CouncilAlias, make_id
from tests.test_warehouse import full_batch
from warehouse import db

ROOT = Path(__file__).resolve().parent.parent
NASTY = [
    "O'Brien's \"Children's\" Services",
    "Robert'); DROP TABLE documents; --",
    "'; DELETE FROM ratings WHERE '1'='1",
    "C:\\Users\\ofsted\\report.pdf \\n \\' \\\" \\\\",
    "SELECT * FROM councils UNION SELECT NULL, NULL --",
    "%s %d {0} $1 ? :name @p",
    "Ysgol — café ﬁnding “quoted” 🚸 \u202eRTL\u202c \u200b zero-width",
    "line one\r\nline two\ttabbed\x0bvt\x1funit",
    "",
]
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=300)
ROUND_TRIP = settings(max_examples=60, deadline=None, derandomize=True,
                      suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    con = db.connect(tmp_path_factory.mktemp("hostile") / "csi.duckdb")
    db.migrate(con)
    yield con
    con.close()


def _load_text(con, text: str) -> None:
    """A batch whose every free-text column carries `text`; the URL keeps documents apart."""
    url = "https://news.example/" + make_id("url", text)
    batch = full_batch(url)
    doc = dataclasses.replace(batch.documents[0], title=text, author=text, text=text, publisher=text)
    batch.documents = [doc]
    batch.findings = [dataclasses.replace(f, text=text) for f in batch.findings]
    batch.quotes = [dataclasses.replace(q, speaker=text, role=text, organisation=text, text=text) for q in batch.quotes]
    batch.ratings = [dataclasses.replace(r, evidence=text) for r in batch.ratings]
    batch.fetches = [dataclasses.replace(f, error=text, etag=text) for f in batch.fetches]
    db.load_batch(con, batch)
    assert con.execute("SELECT title, author, text, publisher FROM documents WHERE url = ?", [url]).fetchall() \
        == [(text, text, text, text)]
    document_id = doc.document_id
    assert {r for (r,) in con.execute("SELECT evidence FROM ratings WHERE document_id = ?", [document_id])
            .fetchall()} == {text}
    assert con.execute("SELECT text FROM findings WHERE document_id = ?", [document_id]).fetchall() == [(text,)]
    assert con.execute("SELECT speaker, role, organisation, text FROM quotes WHERE document_id = ?",
                       [document_id]).fetchall() == [(text, text, text, text)]
    assert con.execute("SELECT error, etag FROM fetches WHERE url = ?", [url]).fetchall() == [(text, text)]


@pytest.mark.parametrize("text", NASTY)
def test_hostile_text_round_trips_exactly(warehouse, text):
    _load_text(warehouse, text)
    assert warehouse.execute("SELECT count(*) FROM documents WHERE url LIKE 'https://news.example/%'").fetchall()[0][0]


@ROUND_TRIP
@given(text=TEXT)
def test_any_nul_free_text_round_trips_exactly(warehouse, text):
    _load_text(warehouse, text)


@ROUND_TRIP
@given(name=TEXT.filter(str.strip), alias=TEXT.filter(str.strip))
def test_council_names_and_aliases_round_trip_exactly(warehouse, name, alias):
    council = Council("E99999999", name, name, "unitary", name, None, None, None, None, None)
    db.seed_reference(warehouse, [council], [CouncilAlias(alias, "E99999999")])
    assert warehouse.execute("SELECT name, official_name, region FROM councils").fetchall() == [(name, name, name)]
    assert warehouse.execute("SELECT alias FROM council_aliases").fetchall() == [(alias,)]


def test_a_sql_keyword_name_leaves_every_table_in_place(warehouse):
    before = db.table_counts(warehouse)
    _load_text(warehouse, "x'); DROP TABLE ratings; DROP TABLE documents; --")
    after = db.table_counts(warehouse)
    assert set(after) == set(before)
    assert after["documents"] == before["documents"] + 1


# A first batch loaded, then a second of 400,000 metrics; "in transaction" is said once the second load's transaction
# has begun (after its Arrow conversion), so a kill after it lands inside the transaction, or the load says
# "committed" and the test fails.
KILLED_MID_LOAD = """
import contextlib, sys
from datetime import date
from csi.records import Metric
from tests.test_warehouse import full_batch
from warehouse import db
AS_OF = date(2024, 1, 1)
begin = db._transaction
@contextlib.contextmanager
def announced(con):
    with begin(con):
        print("in transaction", flush=True)
        yield
con = db.connect(sys.argv[1])
db.migrate(con)
db.load_batch(con, full_batch("https://news.example/first"))
second = full_batch("https://news.example/second")
doc = second.documents[0]
second.metrics = [Metric(f"{i:016x}", doc.document_id, "E09000017", "m", float(i), "count", AS_OF,
                         None, "x" * 200) for i in range(400_000)]
print("ready", flush=True)
db._transaction = announced
db.load_batch(con, second)
print("committed", flush=True)
"""


def _dump(path: Path) -> dict[str, list[str]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall())) for t in db.CONTRACT_TABLES}
    finally:
        con.close()


def test_sigkill_mid_load_leaves_exactly_the_rows_of_the_batches_before(tmp_path):
    reference = tmp_path / "reference.duckdb"
    con = db.connect(reference)
    db.migrate(con)
    db.load_batch(con, full_batch("https://news.example/first"))
    con.close()
    killed = tmp_path / "killed.duckdb"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_MID_LOAD, str(killed)], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout.readline().strip() == "ready"
    assert proc.stdout.readline().strip() == "in transaction"
    time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert proc.stdout.read() == "", "the load finished before it was killed: make the batch bigger"
    expected = _dump(reference)
    assert expected["documents"] and expected["metrics"]
    assert _dump(killed) == expected
