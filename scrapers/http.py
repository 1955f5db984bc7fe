"""Polite HTTP fetching: robots.txt, a delay per host, bounded retries, size and type limits.

Every attempt ends as a `FetchRow` (the `fetches` table) with an outcome from the contract's
vocabulary. Every HTTP response received (redirect hops, 304s, error responses, robots.txt and
the final response) is written to the WARC archive with its request before anything else
happens to it, so nothing fetched is lost even if parsing fails later.

Politeness: one request at a time; between two requests to a host at least
max(source.min_delay_seconds, the host's robots.txt Crawl-delay capped at 60 s).
Retries: connection errors (not DNS failures), timeouts, 429 and 5xx, with exponential
backoff and jitter, honouring Retry-After up to `max_retry_after_seconds`.
Conditional requests: `If-None-Match` / `If-Modified-Since` from the previous good fetch;
a 304 is outcome `not_modified`, an unchanged body hash is `ok` with `changed=False`.
Refused without a request (outcome `connection_error`, the host not marked unreachable): a URL that is
not http(s) or is over the URL length limit, and, unless the source sets `allow_private_addresses`, a
redirect to a host that resolves to a private, loopback, link-local or otherwise non-public address.
The URL the crawl asked for is not checked: the source's configuration chose its host. (The check
resolves the host once; a DNS answer that changes before the connection is made is not caught.)
"""

from __future__ import annotations

import hashlib
import ipaddress
import random
import re
import socket
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import requests
from requests.structures import CaseInsensitiveDict

from csi.records import FetchRow, make_id
from scrapers.archive import WarcArchive
from scrapers.sources import Source
from scrapers.urls import canonicalize, host_of, unfetchable

MAX_BODY_BYTES = 20 * 1024 * 1024
ALLOWED_CONTENT_TYPES = (
    "text/html", "application/xhtml+xml", "application/pdf", "application/xml", "text/xml",
    "application/rss+xml", "application/atom+xml", "text/plain",
)
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,application/pdf;q=0.9,*/*;q=0.5"
MAX_REDIRECTS = 5
MAX_CRAWL_DELAY_SECONDS = 60.0
MAX_BACKOFF_SECONDS = 60.0
_DNS_FAILURE = "could not resolve host"
_CRAWL_DELAY_LINE = re.compile(r"^(\s*crawl-delay\s*:\s*)(\d*\.?\d+)", re.I)


@dataclass(frozen=True)
class PreviousFetch:
    """What the warehouse remembers of a URL's last good fetch: validators and content hash."""

    etag: str | None = None
    last_modified: str | None = None
    content_sha256: str | None = None
    fetched_at: datetime | None = None


@dataclass(frozen=True)
class FetchResult:
    row: FetchRow
    body: bytes | None
    changed: bool = True  # False for a 304, or when the body hashes the same as the previous fetch's

    @property
    def ok(self) -> bool:
        return self.row.outcome == "ok"


@dataclass(frozen=True)
class _Response:
    """One complete HTTP response, already archived (`warc` is None without an archive)."""

    url: str
    status: int
    reason: str
    headers: CaseInsensitiveDict
    body: bytes
    warc: tuple[str, int] | None
    is_redirect: bool


class _Failure(Exception):
    def __init__(self, outcome: str, error: str, status: int | None = None, *, response: _Response | None = None,
                 retryable: bool = False, retry_after: float | None = None):
        super().__init__(error)
        self.outcome, self.error, self.status = outcome, error, status
        self.response = response  # the HTTP response behind the failure, if one was received
        self.retryable = retryable
        self.retry_after = retry_after  # seconds the server asked us to wait (Retry-After)


class _Refused(_Failure):
    """A URL we will not request; nothing was sent, so its host is not marked unreachable."""

    def __init__(self, error: str, response: _Response | None = None):
        super().__init__("connection_error", f"refused: {error}", response.status if response else None,
                         response=response)


class Fetcher:
    """Fetches URLs one at a time per host; remembers hosts that could not be reached."""

    def __init__(self, run_id: str, archive: WarcArchive | None, attempts: int = 3,
                 backoff_seconds: float = 0.5, max_bytes: int = MAX_BODY_BYTES,
                 max_retry_after_seconds: float = 60.0, max_response_seconds: float = 300.0):
        self.run_id = run_id
        self.archive = archive
        self.attempts = max(1, attempts)
        self.backoff_seconds = backoff_seconds
        self.max_bytes = max_bytes
        self.max_retry_after_seconds = max_retry_after_seconds
        self.max_response_seconds = max_response_seconds  # wall-time bound on one response (a source may set less)
        self.session = requests.Session()
        self.unreachable: dict[str, str] = {}
        self._robots: dict[str, RobotFileParser] = {}
        self._last_request: dict[str, float] = {}
        self._random = random.Random()

    def fetch(self, url: str, source: Source, previous: PreviousFetch | None = None) -> FetchResult:
        requested_at = datetime.now(UTC).replace(tzinfo=None)
        started = time.monotonic()
        host = host_of(url)
        conditional: dict[str, str] = {}
        if previous is not None and previous.etag:
            conditional["If-None-Match"] = previous.etag
        if previous is not None and previous.last_modified:
            conditional["If-Modified-Since"] = previous.last_modified
        try:
            if host in self.unreachable:
                raise _Failure("connection_error", f"host unreachable earlier in this run: {self.unreachable[host]}")
            response = self._follow(url, source, conditional)
        except _Failure as failure:
            if failure.outcome in ("connection_error", "timeout") and host not in self.unreachable \
                    and not isinstance(failure, _Refused):
                self.unreachable[host] = failure.error
            got = failure.response
            row = self._row(url, source, requested_at, started, failure.outcome, failure.error, failure.status,
                            warc=got.warc if got else None, final_url=got.url if got else None,
                            content_type=got.headers.get("Content-Type") if got else None)
            return FetchResult(row, None)
        headers = response.headers  # case-insensitive: servers and proxies lower-case header names
        if response.status == 304:
            assert previous is not None  # a 304 to an unconditional request is an http_error (see _get_once)
            row = self._row(url, source, requested_at, started, "not_modified", None, 304,
                            etag=headers.get("ETag") or previous.etag,
                            last_modified=headers.get("Last-Modified") or previous.last_modified,
                            warc=response.warc, final_url=response.url, content_type=headers.get("Content-Type"),
                            sha=previous.content_sha256)
            return FetchResult(row, None, changed=False)
        sha = hashlib.sha256(response.body).hexdigest()
        row = self._row(
            url, source, requested_at, started, "ok", None, response.status, bytes_=len(response.body),
            etag=headers.get("ETag"), last_modified=headers.get("Last-Modified"), warc=response.warc,
            final_url=response.url, content_type=headers.get("Content-Type"), sha=sha,
        )
        changed = previous is None or previous.content_sha256 is None or previous.content_sha256 != sha
        return FetchResult(row, response.body, changed=changed)

    def _row(self, url, source, requested_at, started, outcome, error, status, bytes_=None, etag=None,
             last_modified=None, warc=None, final_url=None, content_type=None, sha=None) -> FetchRow:
        warc_file, warc_offset = warc if warc else (None, None)
        return FetchRow(
            fetch_id=make_id("fetch", self.run_id, url, requested_at.isoformat()), url=url, source=source.name,
            requested_at=requested_at, status_code=status, outcome=outcome, error=error,
            elapsed_ms=int((time.monotonic() - started) * 1000), bytes=bytes_, etag=etag,
            last_modified=last_modified, warc_file=warc_file, warc_offset=warc_offset, run_id=self.run_id,
            final_url=final_url, content_type=content_type, content_sha256=sha,
        )

    # ------------------------------------------------------------------ redirects and robots.txt

    def _follow(self, url: str, source: Source, conditional: dict[str, str], robots: bool = True,
                allowed_types: tuple[str, ...] | None = ALLOWED_CONTENT_TYPES) -> _Response:
        """GET url, following redirects one hop at a time so robots.txt and reachability hold for each hop."""
        current = url
        response = None
        for hop in range(MAX_REDIRECTS + 1):
            if reason := unfetchable(current):
                raise _Refused(f"redirect to {current[:200]}: {reason}" if hop else reason, response)
            if hop and not source.allow_private_addresses \
                    and (address := non_public_address(current)) is not None:
                raise _Refused(f"redirect to {current[:200]}: {address}, and the source does not allow private "
                               f"addresses", response)
            host = host_of(current)
            if host in self.unreachable:
                raise _Failure("connection_error", f"host unreachable earlier in this run: {self.unreachable[host]}")
            if robots and not self._allowed_by_robots(current, source):
                detail = "" if current == url else f" (redirected to {current})"
                raise _Failure("robots_disallowed", f"disallowed by robots.txt{detail}")
            response = self._get(current, source, conditional, allowed_types)
            if not response.is_redirect:
                return response
            target = canonicalize(response.headers.get("Location", ""), current)
            if target is None:
                raise _Failure("http_error", f"redirect to an unusable location {response.headers.get('Location')!r}",
                               response.status, response=response)
            current = target
        raise _Failure("http_error", f"more than {MAX_REDIRECTS} redirects", response.status, response=response)

    def _allowed_by_robots(self, url: str, source: Source) -> bool:
        host = host_of(url)
        parser = self._robots.get(host)
        if parser is None:
            robots_url = url.split("://", 1)[0] + "://" + host + "/robots.txt"
            try:
                response = self._follow(robots_url, source, {}, robots=False, allowed_types=None)
                parser = _parse_robots(response.body)
            except _Failure as failure:
                if failure.outcome in ("connection_error", "timeout"):
                    raise
                parser = RobotFileParser()
                if failure.status is not None and failure.status >= 500:
                    parser.disallow_all = True  # RFC 9309: an unreachable robots.txt means "disallow all"
                else:
                    parser.parse([])  # no robots.txt (404 and the like): everything is allowed
            self._robots[host] = parser
        return parser.can_fetch(source.user_agent, url)

    def _crawl_delay(self, host: str, user_agent: str) -> float | None:
        """The host's robots.txt Crawl-delay for this user agent, in seconds, capped; None if it sets none."""
        parser = self._robots.get(host)
        delay_ms = parser.crawl_delay(user_agent) if parser is not None else None
        return min(float(delay_ms) / 1000, MAX_CRAWL_DELAY_SECONDS) if delay_ms is not None else None

    def _wait_politely(self, host: str, source: Source) -> None:
        last = self._last_request.get(host)
        if last is not None:
            spacing = max(source.min_delay_seconds, self._crawl_delay(host, source.user_agent) or 0.0)
            delay = spacing - (time.monotonic() - last)
            if delay > 0:
                time.sleep(delay)
        self._last_request[host] = time.monotonic()

    # ------------------------------------------------------------------ one URL, with retries

    def _get(self, url: str, source: Source, extra_headers: dict[str, str],
             allowed_types: tuple[str, ...] | None) -> _Response:
        for attempt in range(1, self.attempts + 1):
            self._wait_politely(host_of(url), source)
            try:
                return self._get_once(url, source, extra_headers, allowed_types)
            except _Failure as failure:
                if not failure.retryable:
                    raise
                if failure.retry_after is not None and failure.retry_after > self.max_retry_after_seconds:
                    raise _Failure(failure.outcome, f"{failure.error}; Retry-After asks for "
                                   f"{failure.retry_after:.0f} s, more than the {self.max_retry_after_seconds:g} s "
                                   f"we wait: given up", failure.status, response=failure.response) from failure
                if attempt == self.attempts:
                    raise
                backoff = min(self.backoff_seconds * 2 ** (attempt - 1), MAX_BACKOFF_SECONDS)
                backoff *= 0.5 + self._random.random()  # jitter: 0.5x to 1.5x
                time.sleep(max(backoff, failure.retry_after or 0.0))
        raise AssertionError("unreachable")  # pragma: no cover - the loop always returns or raises

    def _get_once(self, url: str, source: Source, extra_headers: dict[str, str],
                  allowed_types: tuple[str, ...] | None) -> _Response:
        headers = {"User-Agent": source.user_agent, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate",
                   **extra_headers}
        timeout = (min(10.0, source.timeout_seconds), source.timeout_seconds)
        started = time.monotonic()
        try:
            raw = self.session.get(url, headers=headers, timeout=timeout, stream=True, allow_redirects=False)
        except requests.Timeout as exc:
            raise _Failure("timeout", f"timed out: {exc.__class__.__name__}", retryable=True) from exc
        except requests.ConnectionError as exc:
            text = _connection_error_text(exc)
            raise _Failure("connection_error", text, retryable=text != _DNS_FAILURE) from exc
        except requests.RequestException as exc:
            raise _Failure("connection_error", str(exc)[:300]) from exc
        with raw:
            body, truncated = self._read_body(raw, started, min(self.max_response_seconds, source.max_response_seconds))
            warc = None
            if self.archive is not None:
                warc = self.archive.write(
                    raw.url, dict(raw.request.headers), raw.status_code, raw.reason or "",
                    list(raw.raw.headers.items()), body, truncated="length" if truncated else None,
                    http_version="HTTP/1.0" if getattr(raw.raw, "version", 11) == 10 else "HTTP/1.1")
        response = _Response(raw.url, raw.status_code, raw.reason or "", raw.headers, body, warc, raw.is_redirect)
        status = response.status
        if response.is_redirect:
            return response
        if status == 304:
            if "If-None-Match" in extra_headers or "If-Modified-Since" in extra_headers:
                return response
            raise _Failure("http_error", "HTTP 304 Not Modified to a request that was not conditional", status,
                           response=response)
        if status >= 300:
            transient = status == 429 or 500 <= status <= 599
            raise _Failure("http_error", f"HTTP {status} {response.reason}".rstrip(), status, response=response,
                           retryable=transient,
                           retry_after=_retry_after_seconds(response.headers.get("Retry-After")) if transient else None)
        content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if allowed_types is not None and content_type not in allowed_types:
            raise _Failure("bad_content_type", f"content type {content_type or 'missing'!r} is not fetched", status,
                           response=response)
        if truncated:
            raise _Failure("too_large", f"body exceeds {self.max_bytes} bytes", status, response=response)
        return response

    def _read_body(self, raw: requests.Response, started: float, deadline: float) -> tuple[bytes, bool]:
        """The (decoded) body, at most max_bytes of it, and whether there was more.

        The read timeout bounds each wait for data; a watchdog bounds the whole response, so a server
        trickling bytes cannot hold a fetch for longer than `deadline` seconds.
        """
        expired = threading.Event()
        watchdog = threading.Timer(max(0.0, deadline - (time.monotonic() - started)),
                                   _abort_response, args=(raw, expired))
        watchdog.daemon = True
        watchdog.start()
        chunks, size = [], 0
        try:
            for chunk in raw.iter_content(64 * 1024):
                chunks.append(chunk)
                size += len(chunk)
                if size > self.max_bytes:
                    return b"".join(chunks)[:self.max_bytes], True
                if expired.is_set():
                    raise _Failure("timeout", f"body not received within {deadline:g} s",
                                   retryable=True)
        except requests.RequestException as exc:
            if expired.is_set():
                error = f"body not received within {deadline:g} s"
                raise _Failure("timeout", error, retryable=True) from exc
            timed_out = isinstance(exc, requests.Timeout) or "timed out" in str(exc).lower()
            raise _Failure("timeout" if timed_out else "connection_error",
                           f"body not received: {exc.__class__.__name__}", retryable=True) from exc
        finally:
            watchdog.cancel()
        if expired.is_set():  # the shut-down socket may have looked like the end of a close-delimited body
            raise _Failure("timeout", f"body not received within {deadline:g} s", retryable=True)
        return b"".join(chunks), False


def non_public_address(url: str) -> str | None:
    """The first address the URL's host resolves to that is not a public one, described ("127.0.0.2 is
    loopback"), or None. A host that does not resolve is left to the request to report."""
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError):
        return None
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        for kind in ("loopback", "private", "link_local", "multicast", "reserved", "unspecified"):
            if getattr(address, f"is_{kind}"):
                return f"{parts.hostname} resolves to {address}, a {kind.replace('_', '-')} address"
        if not address.is_global:
            return f"{parts.hostname} resolves to {address}, not a public address"
    return None


def _abort_response(raw: requests.Response, expired: threading.Event) -> None:
    """Watchdog: shut the response's socket down so a blocked read returns at once."""
    expired.set()
    sock = getattr(getattr(raw.raw, "connection", None), "sock", None)
    if sock is None:  # http.client detaches the socket from a connection that closes after this response
        sock = getattr(getattr(getattr(getattr(raw.raw, "_fp", None), "fp", None), "raw", None), "_sock", None)
    if isinstance(sock, socket.socket):
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _parse_robots(body: bytes) -> RobotFileParser:
    """A RobotFileParser for a robots.txt body, with fractional Crawl-delay kept (in milliseconds).

    urllib.robotparser only accepts whole-second crawl delays; the values are rewritten to
    milliseconds so `crawl_delay()` keeps the fraction and the group matching stays urllib's own.
    """
    lines = [_CRAWL_DELAY_LINE.sub(lambda m: f"{m[1]}{round(float(m[2]) * 1000)}", line)
             for line in body.decode("utf-8", "replace").splitlines()]
    parser = RobotFileParser()
    parser.parse(lines)
    return parser


def _retry_after_seconds(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP-date); None if absent or invalid."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


_CONNECTION_REASONS = {
    "Failed to resolve": _DNS_FAILURE,
    "Name or service not known": _DNS_FAILURE,
    "Temporary failure in name resolution": _DNS_FAILURE,
    "nodename nor servname provided": _DNS_FAILURE,
    "Connection refused": "connection refused",
    "Network is unreachable": "network is unreachable",
    "No route to host": "no route to host",
}


def _connection_error_text(exc: Exception) -> str:
    """The innermost reason (DNS failure, refused connection) rather than urllib3's wrapper text."""
    text = str(exc)
    for marker, reason in _CONNECTION_REASONS.items():
        if marker in text:
            return reason
    return text[:300]
