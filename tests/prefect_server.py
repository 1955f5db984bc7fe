"""A real `prefect server start` on a free loopback port, for the tests that need Prefect's own services.

The ephemeral API of `prefect_test_harness` runs no scheduler; a deployment's schedule only turns into
runs on a real server. This one gets its own PREFECT_HOME (database, logs) and a scheduler that loops
every second, and keeps its output in a file the tests read (the scheduler's errors appear nowhere else).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

SCHEDULER_LOOP_SECONDS = 1


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrefectServer:
    def __init__(self, home: Path) -> None:
        self.home = home
        self.port = free_port()
        self.api_url = f"http://127.0.0.1:{self.port}/api"
        self.log = home / "server.log"
        self._process: subprocess.Popen | None = None

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a process that talks to this server (a worker, `csi serve`, `prefect deploy`)."""
        return {**os.environ, "PREFECT_API_URL": self.api_url, "PREFECT_HOME": str(self.home / "client"),
                "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
                "PREFECT_LOGGING_TO_API_BATCH_INTERVAL": "0.5", **extra}  # a run's last log lines sooner (2 s)

    def __enter__(self) -> PrefectServer:
        env = {**os.environ, "PREFECT_HOME": str(self.home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
               "DO_NOT_TRACK": "1", "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": str(SCHEDULER_LOOP_SECONDS),
               "PREFECT_UI_ENABLED": "false", "PREFECT_SERVER_UI_ENABLED": "false",
               # A run denied a global concurrency slot (csi-warehouse-writer) is told to retry after the
               # limit's average occupancy, up to 30 s by default: here within a second of the slot's release.
               "PREFECT_SERVER_CONCURRENCY_MAXIMUM_CONCURRENCY_SLOT_WAIT_SECONDS": "1"}
        env.pop("PREFECT_API_URL", None)
        prefect = Path(sys.executable).with_name("prefect")
        with self.log.open("wb") as out:
            self._process = subprocess.Popen(
                [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(self.port)],
                env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"prefect server exited with {self._process.returncode}:\n{self.output()}")
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.5)
        self.__exit__()
        raise RuntimeError(f"prefect server did not answer within 120 s:\n{self.output()}")

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def __exit__(self, *exc) -> None:
        if self._process and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(20)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(10)
