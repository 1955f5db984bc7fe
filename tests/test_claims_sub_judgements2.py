"""Sub-judgements of a council's inspection, stated with its overall grade: the judgements' names as tables and
lists write them ("Help & protection", a column headed "Leaders"), a table inside a minuted agenda item, and a
judgement linked to a grade in a clause whose council and time are the verdict's the text is about. Wordings
written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup

from csi.records import Block
from scrapers.html import blocks_of, parse_tree, tree_blocks
from tests.claim_docs import rating_rows
from transforms.judgement_names import judgement_named, judgements_in

HALTON, TORBAY = "E06000006", "E06000027"
PUBLISHED = date(2023, 5, 2)


# --- names: "&" joins a name's own words as "and" does -------------------------------------------------------------

@pytest.mark.parametrize("text", ["Help & protection", "children who need help & protection",
                                  "the help & protection given to children", "HELP & PROTECTION"])
def test_help_and_protection_written_with_an_ampersand(text):
    assert judgement_named(text) == "help_and_protection"
    assert [n for _, _, n in judgements_in(text)] == ["help_and_protection"]


@pytest.mark.parametrize("header", [
    "Council | Overall | Leaders | Help & protection",
    "Local authority | Overall effectiveness | Senior leaders | Help & protection",
    "Area | Overall grade | Leaders | Children who need help & protection",
])
def test_a_column_headed_by_a_judgements_short_name(header):
    got = rating_rows([Block("paragraph", "How two councils compare."), Block("table_row", header),
                       Block("table_row", "Halton | Good | Outstanding | Requires improvement"),
                       Block("table_row", "Torbay | Inadequate | Inadequate | Inadequate")], PUBLISHED)
    assert got == {(HALTON, "overall_effectiveness", "good", 2023, False),
                   (HALTON, "leadership", "outstanding", 2023, False),
                   (HALTON, "help_and_protection", "requires_improvement", 2023, False),
                   (TORBAY, "overall_effectiveness", "inadequate", 2023, False),
                   (TORBAY, "leadership", "inadequate", 2023, False),
                   (TORBAY, "help_and_protection", "inadequate", 2023, False)}


# --- a table inside a list item (a minuted agenda item) ----------------------------------------------------------

@pytest.mark.parametrize("before, after", [
    ("<h3>4. Ofsted report</h3><p>Members noted the outcome.</p>", "<p>The report was noted.</p>"),
    ("The director summarised the judgements.", ""),
    ("<p>Item 7: inspection outcome</p>", "Resolved: to note."),
])
def test_a_table_in_a_list_item_is_read_row_by_row(before, after):
    html = (f"<ul><li>Apologies were noted.</li><li>{before}<table><tr><th>Judgement</th><th>Grade</th></tr>"
            "<tr><td>Overall effectiveness</td><td>Good</td></tr>"
            "<tr><td>The experiences and progress of children in care</td><td>Outstanding</td></tr></table>"
            f"{after}</li></ul>")
    blocks = blocks_of(BeautifulSoup(html, "html.parser"))
    assert blocks == tree_blocks(parse_tree(html))
    assert [b.text for b in blocks if b.kind == "table_row"] == [
        "Judgement | Grade", "Overall effectiveness | Good", "The experiences and progress of children in care | "
        "Outstanding"]
    assert blocks[0].kind == "list_item" and {b.list_id for b in blocks if b.kind == "list_item"} == {1}
