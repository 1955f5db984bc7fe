"""Benchmark: peak memory of `import-warc` and `reparse` as the archive grows (they stream in bounded batches).

    .venv/bin/python benchmarks/maintenance_memory.py                        # 1,000, 6,000 and 20,000 pages
    .venv/bin/python benchmarks/maintenance_memory.py --pages 1000 --pages 6000
    .venv/bin/python benchmarks/maintenance_memory.py --flow import-warc    # import only

For each size a WARC file of that many news pages (benchmarks/pipeline.py's generated CYP Now articles, each
with its own council, date and grade) is written, then imported into a new warehouse by the import-warc flow,
then every page is reparsed by the reparse flow. Each flow runs in a fresh process (with its own ephemeral
Prefect API), whose peak resident set size (ru_maxrss) is reported. Prints one table; exits non-zero if a run
fails, loads fewer documents than the file holds, or the peak at the largest size is over 1.5x the smallest's.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

SIZES = (1000, 6000, 20000)
FLOWS = ("import-warc", "reparse")
ALLOWED_GROWTH = 1.5


def write_warc(path: Path, pages: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from benchmarks.pipeline import article

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(pages):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://www.cypnow.co.uk/news/article/story-{i}", "response", payload=io.BytesIO(article(i)),
                http_headers=http, warc_headers_dict={"WARC-Date": "2024-03-01T09:00:00Z"}))


def child(flow: str, warc: str, db: str) -> None:
    """Run one flow in this process and print its figures as JSON (peak RSS of this process)."""
    from flows.maintenance import import_warc, reparse

    started = time.perf_counter()
    state = import_warc(files=[warc], db=db, return_state=True) if flow == "import-warc" else \
        reparse(db=db, return_state=True)
    summary = state.result(raise_on_failure=False)
    print(json.dumps({
        "ok": state.is_completed(), "message": state.message, "seconds": round(time.perf_counter() - started, 1),
        "documents": summary.get("loaded", summary.get("reparsed")) if isinstance(summary, dict) else None,
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }))


def run(flow: str, warc: Path, db: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", flow, str(warc), str(db)], capture_output=True,
                          text=True, cwd=ROOT)
    if done.returncode:
        raise SystemExit(f"{flow} crashed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, action="append", help="archive size (repeatable)")
    parser.add_argument("--flow", choices=FLOWS, action="append", help="only this flow (repeatable)")
    parser.add_argument("--child", nargs=3, metavar=("FLOW", "WARC", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    sizes = sorted(args.pages or SIZES)
    flows = [flow for flow in FLOWS if flow in (args.flow or FLOWS)]  # reparse needs import-warc's warehouse
    if flows == ["reparse"]:
        flows = list(FLOWS)
    results, failed = [], False
    with tempfile.TemporaryDirectory(prefix="csi-maint-bench-") as tmp:
        for pages in sizes:
            os.environ["PREFECT_HOME"] = str(Path(tmp) / f"prefect-{pages}")  # an empty parse cache per size
            warc, db = Path(tmp) / f"pages-{pages}.warc.gz", Path(tmp) / f"bench-{pages}.duckdb"
            write_warc(warc, pages)
            for flow in flows:
                figures = run(flow, warc, db)
                figures.update(pages=pages, flow=flow, warc_mb=round(warc.stat().st_size / 1e6, 1))
                results.append(figures)
                if not figures["ok"] or figures["documents"] != pages:
                    failed = True
                print(f"{pages:>7,} pages  {flow:<12} {figures['seconds']:>8.1f} s  peak RSS "
                      f"{figures['peak_mb']:>7.1f} MB  documents {figures['documents']}  ({figures['message']})",
                      flush=True)
    print()
    print(f"{'pages':>7} {'flow':<12} {'WARC MB':>8} {'seconds':>8} {'pages/s':>8} {'peak RSS MB':>12}")
    for r in results:
        print(f"{r['pages']:>7,} {r['flow']:<12} {r['warc_mb']:>8.1f} {r['seconds']:>8.1f} "
              f"{r['pages'] / r['seconds']:>8.1f} {r['peak_mb']:>12.1f}")
    for flow in flows:
        peaks = [r["peak_mb"] for r in results if r["flow"] == flow]
        growth = peaks[-1] / peaks[0]
        print(f"{flow}: peak at {sizes[-1]:,} pages is {growth:.2f}x the peak at {sizes[0]:,} "
              f"(allowed {ALLOWED_GROWTH}x)")
        failed |= len(peaks) > 1 and growth > ALLOWED_GROWTH
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
