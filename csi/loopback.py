"""A scriptable HTTP server on 127.0.0.1 for tests and benchmarks: routes, counted hits, optional stalls.

    with Loopback() as site:
        site.route("/a", body=b"<html></html>")                       # 200 text/html
        site.route("/b", [Reply(503), Reply(200, b"ok")])              # one reply per hit, last repeats
        fetch(site.url("/a"))
        assert site.hits["/a"] == 1

Paths are matched on the full request target (path plus query). Unknown paths get a 404.
Nothing here leaves the loopback interface.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    # (name, value) pairs sent exactly as given (case included); Content-Length is added unless present.
    headers: list[tuple[str, str]] = field(default_factory=lambda: [("Content-Type", "text/html; charset=utf-8")])
    delay: float = 0.0       # stall before the status line
    body_delay: float = 0.0  # stall after the headers and the first half of the body
    trickle: float = 0.0  # > 0: no Content-Length; one byte of body (then spaces, forever) every `trickle` s


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    at: float  # time.monotonic() when the request line arrived


class Loopback:
    def __init__(self, port: int = 0, host: str = "127.0.0.1") -> None:
        assert host.startswith("127."), "tests serve on the loopback network only"
        self.host = host
        self.port = port
        self.routes: dict[str, list[Reply]] = {}
        self.hits: Counter[str] = Counter()
        self.log: list[Hit] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._server: ThreadingHTTPServer | None = None

    # -- routes
    def route(self, path: str, replies: Reply | list[Reply] | None = None, *, status: int = 200,
              body: bytes = b"", content_type: str | None = "text/html; charset=utf-8",
              headers: list[tuple[str, str]] | None = None) -> None:
        if replies is None:
            hdrs = list(headers or [])
            if content_type is not None:
                hdrs.insert(0, ("Content-Type", content_type))
            replies = Reply(status, body, hdrs)
        self.routes[path] = replies if isinstance(replies, list) else [replies]

    def url(self, path: str = "/") -> str:
        return self.base + path

    @property
    def base(self) -> str:
        assert self._server is not None, "server not started"
        return f"http://{self.host}:{self._server.server_address[1]}"

    def hits_at(self, path: str) -> list[Hit]:
        return [h for h in self.log if h.path == path]

    def _trickle(self, out, reply: Reply) -> None:
        """A response that never ends: the body a byte at a time, then spaces, until the server stops."""
        sent = 0
        while not self._stop.wait(reply.trickle):
            out.write(reply.body[sent:sent + 1] or b" ")
            out.flush()
            sent += 1

    # -- lifecycle
    def __enter__(self) -> Loopback:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server naming
                with site._lock:
                    n = site.hits[self.path]
                    site.hits[self.path] += 1
                    site.log.append(Hit(self.path, dict(self.headers.items()), time.monotonic()))
                replies = site.routes.get(self.path)
                if replies is None:
                    reply = Reply(404, b"not found", [("Content-Type", "text/plain")])
                else:
                    reply = replies[min(n, len(replies) - 1)]
                if reply.delay and site._stop.wait(reply.delay):
                    return
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers:
                        self.send_header(name, value)
                    if not reply.trickle and not any(name.lower() == "content-length" for name, _ in reply.headers):
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    if reply.trickle:
                        site._trickle(self.wfile, reply)
                    elif reply.body_delay:
                        half = len(reply.body) // 2
                        self.wfile.write(reply.body[:half])
                        self.wfile.flush()
                        if site._stop.wait(reply.body_delay):
                            return
                        self.wfile.write(reply.body[half:])
                    else:
                        self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format, *args) -> None:  # noqa: A002
                pass

        self._server = ThreadingHTTPServer((self.host, self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
