"""Run extraction over the raw seed texts (../shared/seeds) and print what each yields.

The sample site carries the seeds' facts in our own words; this checks that the same rules
hold on the original wording. Usage: python scripts/eval_seeds.py [SEEDS_DIR]
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

from csi.dates import parse_date
from csi.records import Block, Document
from transforms.extract import extract

_BULLET = re.compile(r"^\s*[•·▪■]\s*")


def seed_document(path: Path) -> Document:
    """A plain-text seed as a Document: one paragraph per line, bulleted lines as list items."""
    text = path.read_text(encoding="utf-8")
    blocks: list[Block] = []
    list_id = 0
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        if _BULLET.match(line):
            if not blocks or blocks[-1].kind != "list_item":
                list_id += 1
            blocks.append(Block("list_item", _BULLET.sub("", line), list_id=list_id))
        else:
            blocks.append(Block("paragraph", line))
    # A plain-text seed has no markup: its dateline, if any, sits near the top or at the very end.
    published_on = parse_date(text[:400]) or parse_date(text[-40:])
    return Document(url=path.resolve().as_uri(), source="seed", publisher=None, doc_type="news", title=blocks[0].text,
                    author=None, published_on=published_on, fetched_at=datetime(2026, 1, 1),
                    content_sha256=hashlib.sha256(text.encode()).hexdigest(), content_type="text/plain",
                    parser="seed@1", text="\n\n".join(b.text for b in blocks), blocks=blocks)


def main(seeds: Path) -> None:
    for path in sorted(seeds.glob("*.txt")):
        ex = extract(seed_document(path))
        print(f"== {path.name}: councils {[(c.council_code, c.mentions) for c in ex.document_councils]}")
        for i in ex.inspections:
            print(f"   inspection {i.inspectorate}/{i.framework}")
        for r in ex.ratings:
            print(f"   rating {r.judgement} {r.grade} historical={r.is_historical} year={r.rated_year}")
        print(f"   findings {dict(Counter(f.kind for f in ex.findings))}")
        for q in ex.quotes:
            print(f"   quote {q.speaker} | {q.role} | {q.organisation}")
        for m in ex.metrics:
            print(f"   metric {m.name} {m.value:g} {m.unit} {m.as_of or m.period}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds"))
