"""A loopback HTTP server over the bundled sample site (for `csi demo` and the tests).

URL to file: `/a/b.html` -> `site/a/b.html`, `/dir/` -> `site/dir/index.html`, and a query
string, as ModernGov uses, -> `site/<path>/<query>.html`. GOV.UK's APIs answer JSON: `/api/search.json?...`
-> `site/api/search.json` (whatever the query), `/api/content/<path>` -> `site/api/content/<path>.json`, with
`{base}` in a JSON file replaced by the server's address (attachment URLs point back at it). It binds
127.0.0.1 only.
"""

from __future__ import annotations

import io
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from urllib.parse import unquote, urlsplit

SITE_DIR = Path(str(files("csi") / "samples" / "site"))
SOURCES_FILE = Path(str(files("csi") / "samples" / "sources.toml"))
CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".xml": "application/rss+xml; charset=utf-8",
                 ".txt": "text/plain; charset=utf-8", ".json": "application/json; charset=utf-8",
                 ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


class _SiteHandler(SimpleHTTPRequestHandler):
    site: Path = SITE_DIR

    def translate_path(self, path: str) -> str:
        parts = urlsplit(path)
        relative = unquote(parts.path).lstrip("/")
        if relative.startswith("api/") and not relative.endswith(".json"):
            relative += ".json"
        if parts.query and not relative.endswith(".json"):
            relative = f"{relative}/{unquote(parts.query)}.html"
        elif relative == "" or relative.endswith("/"):
            relative += "index.html"
        target = (self.site / relative).resolve()
        return str(target) if target.is_relative_to(self.site.resolve()) else str(self.site / "missing")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.suffix != ".json" or not path.is_file():
            return super().send_head()
        host, port = self.server.server_address[:2]
        body = path.read_bytes().replace(b"{base}", f"http://{host}:{port}".encode())
        self.send_response(200)
        self.send_header("Content-Type", CONTENT_TYPES[".json"])
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def guess_type(self, path) -> str:
        return CONTENT_TYPES.get(Path(path).suffix, "application/octet-stream")

    def log_message(self, format, *args) -> None:  # noqa: A002 - quiet: the crawler logs what matters
        pass


@contextmanager
def serve_site(site: Path = SITE_DIR, port: int = 0):
    """Serve `site` on 127.0.0.1:port (0: a free port); yields the base URL.

    Document ids ignore a loopback port (csi.records.identity_url), so a rerun on another port finds
    the same documents.
    """
    handler = type("Handler", (_SiteHandler,), {"site": Path(site)})
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        raise OSError(f"cannot serve the sample site on 127.0.0.1:{port} ({exc.strerror}); "
                      "choose another port with --port") from exc
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
