"""One writer per warehouse, and a read-only snapshot for everyone else.

DuckDB lets one process open a file for writing and no other process open it at all, not even read-only.
So writers take an exclusive lock on `<db>.lock` (flock: taken atomically, released by the kernel when the
process ends, however it ends) and wait for it, bounded and logged, rather than fail. After a writer's
session the warehouse is checkpointed and copied to `<stem>.snapshot.duckdb` beside it, swapped in with one
rename; `csi sql`, `status`, `report`, `export` and `docs` read that copy, so a long query never blocks a
load and a load never fails a query. A reader holding the previous snapshot open keeps reading it whole.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse.db import WarehouseLocked, connect

WRITE_WAIT_SECONDS = 1800.0  # how long a writer waits for another to finish; CSI_WRITE_WAIT_SECONDS overrides
_POLL_SECONDS = 0.2


def write_wait_seconds() -> float:
    return float(os.environ.get("CSI_WRITE_WAIT_SECONDS") or WRITE_WAIT_SECONDS)


def snapshot_path(db: Path) -> Path:
    """Where the read-only copy of a warehouse lives: data/csi.duckdb -> data/csi.snapshot.duckdb."""
    return db.with_name(f"{db.stem}.snapshot{db.suffix}")


def lock_path(db: Path) -> Path:
    return db.with_name(f"{db.name}.lock")


def _holder(fd: int) -> str | None:
    return os.pread(fd, 32, 0).decode("ascii", "replace").strip() or None


@contextmanager
def writer_lock(db: Path, wait_seconds: float, on_wait: Callable[[str], None]) -> Iterator[float]:
    """Hold the warehouse's writer lock; yields the deadline (time.monotonic()) the wait was bounded by.

    Raises WarehouseLocked, naming the holder's pid, when another writer still holds it after `wait_seconds`.
    """
    db.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path(db), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait_seconds
        announced = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _holder(fd)
                if time.monotonic() >= deadline:
                    raise WarehouseLocked(db, holder) from None
                if not announced:
                    on_wait(f"The warehouse {db} is being written by another run (pid {holder or 'unknown'}): "
                            f"waiting up to {wait_seconds:g} s for it")
                    announced = True
                time.sleep(_POLL_SECONDS)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        yield deadline
    finally:
        os.close(fd)  # releases the lock


def open_writer(db: Path, deadline: float, on_wait: Callable[[str], None]) -> duckdb.DuckDBPyConnection:
    """The writer connection; a reader holding the file itself (a BI tool on the live file) is waited for too."""
    announced = False
    while True:
        try:
            return connect(db)
        except WarehouseLocked as exc:
            if time.monotonic() >= deadline:
                raise
            if not announced:
                on_wait(f"{exc} Waiting for it (readers should open {snapshot_path(db).name}).")
                announced = True
            time.sleep(_POLL_SECONDS)


def publish_snapshot(db: Path) -> Path:
    """Copy the (closed, checkpointed) warehouse beside itself and swap the copy in atomically."""
    target = snapshot_path(db)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    shutil.copyfile(db, partial)
    os.replace(partial, target)
    return target


def reading_path(db: Path) -> Path:
    """What readers open: the snapshot when there is one, else the warehouse itself (written before snapshots)."""
    snapshot = snapshot_path(db)
    return snapshot if snapshot.exists() else db
