"""Source configuration: which sites to crawl, how to parse them, how politely.

A source is data, not code: a name, an adapter (the platform it is on: scrapers/platforms/), start
URLs, URL patterns to follow, an optional site profile (selectors) and politeness settings. Sources
live in a TOML file (`csi/sources.toml` ships the real publishers).
"""

from __future__ import annotations

import ipaddress
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from csi.records import DOC_TYPES
from scrapers.urls import canonicalize, unfetchable

DEFAULT_USER_AGENT = "csi/0.1 (children's services inspections research; +https://github.com/csi-data/csi)"


class SourceConfigError(ValueError):
    """The sources file is malformed; the message names the source and the field."""


@dataclass(frozen=True)
class Profile:
    """CSS selectors for one site layout; any missing selector falls back to generic rules."""

    name: str
    title: str | None = None
    body: str | None = None
    date: str | None = None
    author: str | None = None
    remove: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    name: str
    adapter: str
    publisher: str
    doc_type: str
    start_urls: tuple[str, ...]
    documents: tuple[re.Pattern, ...]
    follow: tuple[re.Pattern, ...] = ()
    profile: Profile | None = None
    council: str | None = None
    min_delay_seconds: float = 1.0
    timeout_seconds: float = 20.0  # each wait for data (connect, every read)
    max_response_seconds: float = 300.0  # one whole response, body included: a server trickling bytes is cut
    max_pages: int = 200
    attempts: int | None = None  # tries per request on a transient failure (default: the fetcher's, 3)
    backoff_seconds: float | None = None  # first wait between tries, doubled each time (default: the fetcher's, 0.5)
    refresh_days: float = 7.0
    # The share of fetched document pages that must parse; below it the run fails naming the source.
    min_parse_rate: float = 0.8
    user_agent: str = DEFAULT_USER_AGENT
    # ModernGov: the site's base URL turns on discovery (web service, HTML fallback) of the children's
    # committees' agenda items that mention Ofsted.
    moderngov_base: str | None = None
    # `councils` ("all" or ONS codes) makes one source per council from the platform's council sites
    # (csi/reference/<platform>.csv), named by `each_name` ({source}, {code}, {council}: the name in lower case).
    councils: tuple[str, ...] = ()
    each_name: str = "{source}-{code}"
    enabled: bool = True  # false: run only when named (csi run --source NAME)
    # Requests may go to private, loopback, link-local or reserved addresses (an intranet, the local demo):
    # true for any, or a list of the addresses / networks allowed ("10.2.0.0/16", "127.0.0.1"). Off by
    # default: a public site must not steer the crawler into the network it runs in.
    allow_private_addresses: bool | tuple[str, ...] = False

    def is_document(self, url: str) -> bool:
        return any(p.search(url) for p in self.documents)

    def is_listing(self, url: str) -> bool:
        return any(p.search(url) for p in self.follow)


@dataclass(frozen=True)
class SourceSet:
    sources: tuple[Source, ...]
    profiles: dict[str, Profile] = field(default_factory=dict)

    def named(self, name: str) -> Source | None:
        return next((s for s in self.sources if s.name == name), None)

    def matching(self, url: str) -> Source | None:
        """The first source whose document patterns match the URL."""
        return next((s for s in self.sources if s.is_document(url)), None)

    def select(self, names: list[str] | None) -> list[Source]:
        if not names:
            return [s for s in self.sources if s.enabled]
        known = {s.name: s for s in self.sources}
        unknown = [n for n in names if n not in known]
        if unknown:
            raise SourceConfigError(f"unknown source(s) {', '.join(unknown)}; known: {', '.join(known)}")
        return [known[n] for n in names]


_LIST_FIELDS = ("start_urls", "documents", "follow")
_NUMBER_FIELDS = {"min_delay_seconds": float, "timeout_seconds": float, "max_response_seconds": float,
                  "max_pages": int, "refresh_days": float, "min_parse_rate": float, "attempts": int,
                  "backoff_seconds": float}
# Allowed ranges (inclusive low, high; low_open: the low end itself is refused) and the unit shown.
_RANGES = {
    "min_delay_seconds": (0, 3600, False, " seconds"),  # 0 is for a site you run; negative is not a delay
    "timeout_seconds": (0, 600, True, " seconds"),
    "max_response_seconds": (0, 3600, True, " seconds"),
    "max_pages": (1, 1_000_000, False, ""),
    "refresh_days": (0, 3650, False, " days"),
    "min_parse_rate": (0, 1, False, ""),
    "attempts": (1, 10, False, ""),
    "backoff_seconds": (0, 60, False, " seconds"),
}
_BOOL_FIELDS = ("enabled",)
_TEXT_FIELDS = ("name", "adapter", "publisher", "doc_type", "profile", "council", "user_agent", "moderngov_base",
                "each_name")


def _check_types(name: str, merged: dict) -> None:
    """A value of the wrong type names its source and field (TOML would happily accept it)."""
    for key in _LIST_FIELDS:
        value = merged.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SourceConfigError(f"source {name!r}: {key!r} must be a list of strings, got {value!r}")
    for key, kind in _NUMBER_FIELDS.items():
        value = merged.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)
                                  or (kind is int and not isinstance(value, int))):
            raise SourceConfigError(f"source {name!r}: {key!r} must be a {kind.__name__}, got {value!r}")
    for key in _TEXT_FIELDS:
        if merged.get(key) is not None and not isinstance(merged[key], str):
            raise SourceConfigError(f"source {name!r}: {key!r} must be a string, got {merged[key]!r}")
    for key in _BOOL_FIELDS:
        if merged.get(key) is not None and not isinstance(merged[key], bool):
            raise SourceConfigError(f"source {name!r}: {key!r} must be true or false, got {merged[key]!r}")


def _check_ranges(name: str, merged: dict) -> None:
    """Every number within its range (NaN and infinities never are); one line naming source, key and range."""
    for key, (low, high, low_open, unit) in _RANGES.items():
        value = merged.get(key)
        if value is None:
            continue
        if not (low < value <= high if low_open else low <= value <= high):  # False for NaN too
            shown = f"more than {low:g}{unit} and at most {high:,}{unit}" if low_open else \
                f"between {low:g} and {high:,}{unit}"
            raise SourceConfigError(f"source {name!r}: {key!r} must be {shown}, got {value!r}")


def _check_url(name: str, key: str, url: str) -> None:
    """An absolute http(s) URL with a host: the only kind the fetcher requests ({base} is filled in later)."""
    if "{base}" in url:
        return
    reason = unfetchable(url)
    if reason is None and canonicalize(url) is None:
        reason = "not a usable address"
    if reason:
        raise SourceConfigError(f"source {name!r}: {key!r} must be an http:// or https:// URL with a host, "
                                f"got {url[:200]!r} ({reason})")


def _private_allowance(name: str, value: object) -> bool | tuple[str, ...]:
    """`allow_private_addresses`: true, false, or a list of IP addresses / networks ("10.0.0.0/8")."""
    if isinstance(value, bool):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        for network in value:
            try:
                ipaddress.ip_network(network, strict=False)
            except ValueError:
                raise SourceConfigError(f"source {name!r}: 'allow_private_addresses' lists {network!r}, which is "
                                        "not an IP address or network like 10.0.0.0/8") from None
        return tuple(value)
    raise SourceConfigError(f"source {name!r}: 'allow_private_addresses' must be true, false or a list of IP "
                            f"addresses / networks, got {value!r}")


def _compile(source: str, key: str, patterns: list[str]) -> tuple[re.Pattern, ...]:
    try:
        return tuple(re.compile(p) for p in patterns)
    except re.error as exc:
        raise SourceConfigError(f"source {source!r}: bad regular expression in {key!r}: {exc}") from exc


def parse_sources(text: str, base_url: str | None = None) -> SourceSet:
    """Parse a sources TOML document; `{base}` in URLs and patterns is replaced by base_url."""
    from scrapers.platforms import PLATFORMS  # the registry's platforms import this module
    if base_url is not None:
        text = text.replace("{base}", base_url.rstrip("/"))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourceConfigError(f"sources file is not valid TOML: {exc}") from exc
    defaults = data.get("defaults", {})
    profiles = {
        name: Profile(name=name, title=p.get("title"), body=p.get("body"), date=p.get("date"),
                      author=p.get("author"), remove=tuple(p.get("remove", ())))
        for name, p in data.get("profile", {}).items()
    }
    sources = []
    for raw in data.get("source", []):
        merged = {**defaults, **raw}
        name = merged.get("name")
        if not name:
            raise SourceConfigError("a [[source]] entry has no name")
        _check_types(name, merged)
        _check_ranges(name, merged)
        for url in merged.get("start_urls", []):
            _check_url(name, "start_urls", url)
        if merged.get("moderngov_base"):
            _check_url(name, "moderngov_base", merged["moderngov_base"])
        councils = merged.get("councils", [])
        councils = ["all"] if councils == "all" else councils
        if not isinstance(councils, list) or not all(isinstance(c, str) for c in councils):
            raise SourceConfigError(f"source {name!r}: 'councils' must be \"all\" or a list of ONS codes")
        required = ("adapter", "publisher") if councils else ("adapter", "publisher", "start_urls", "documents")
        for key in required:
            if not merged.get(key):
                raise SourceConfigError(f"source {name!r}: missing {key!r}")
        if merged.get("doc_type", "news") not in DOC_TYPES:
            raise SourceConfigError(f"source {name!r}: doc_type {merged['doc_type']!r} is not one of {DOC_TYPES}")
        if merged.get("council") and not re.fullmatch(r"E\d{8}", merged["council"]):
            raise SourceConfigError(f"source {name!r}: council {merged['council']!r} is not an ONS code like E09000017")
        if merged["adapter"] not in PLATFORMS:
            raise SourceConfigError(f"source {name!r}: adapter {merged['adapter']!r} is not one of {tuple(PLATFORMS)}")
        profile_name = merged.get("profile")
        if profile_name and profile_name not in profiles:
            raise SourceConfigError(f"source {name!r}: profile {profile_name!r} is not defined")
        sources.append(Source(
            name=name,
            adapter=merged["adapter"],
            publisher=merged["publisher"],
            doc_type=merged.get("doc_type", "news"),
            start_urls=tuple(merged.get("start_urls", ())),
            documents=_compile(name, "documents", merged.get("documents", [])),
            follow=_compile(name, "follow", merged.get("follow", [])),
            profile=profiles.get(profile_name) if profile_name else None,
            council=merged.get("council"),
            min_delay_seconds=float(merged.get("min_delay_seconds", 1.0)),
            timeout_seconds=float(merged.get("timeout_seconds", 20.0)),
            max_response_seconds=float(merged.get("max_response_seconds", 300.0)),
            max_pages=int(merged.get("max_pages", 200)),
            attempts=merged.get("attempts"),
            backoff_seconds=None if merged.get("backoff_seconds") is None else float(merged["backoff_seconds"]),
            refresh_days=float(merged.get("refresh_days", 7.0)),
            min_parse_rate=float(merged.get("min_parse_rate", 0.8)),
            moderngov_base=merged.get("moderngov_base"),
            councils=tuple(councils),
            each_name=merged.get("each_name", "{source}-{code}"),
            enabled=bool(merged.get("enabled", True)),
            user_agent=merged.get("user_agent", DEFAULT_USER_AGENT),
            allow_private_addresses=_private_allowance(name, merged.get("allow_private_addresses", False)),
        ))
    names = [s.name for s in sources]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise SourceConfigError(f"duplicate source name(s): {', '.join(sorted(duplicates))}")
    return SourceSet(sources=tuple(sources), profiles=profiles)


def load_sources(path: str | Path, base_url: str | None = None) -> SourceSet:
    path = Path(path)
    if not path.exists():
        raise SourceConfigError(f"no sources file at {path}")
    return parse_sources(path.read_text(encoding="utf-8"), base_url)
