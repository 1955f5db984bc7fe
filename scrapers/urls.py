"""URL canonicalisation: one spelling per page, so a page is fetched and stored once."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

TRACKING_PARAMS = {"fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid", "dclid", "msclkid"}
FETCHABLE_SCHEMES = ("http", "https")
MAX_URL_LENGTH = 2048  # characters; longer URLs are never fetched (browsers and servers cut them anyway)


def canonicalize(url: str, base: str | None = None) -> str | None:
    """Absolute, fragment-free URL with lower-case scheme/host and no tracking parameters.

    Returns None for links that are not web pages (mailto:, javascript:, data: ...).
    """
    url = url.strip()
    try:
        if base:
            url = urljoin(base, url)
        parts = urlsplit(url)
        port = parts.port  # raises on a port out of range or not a number
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in FETCHABLE_SCHEMES or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if ":" in host:  # an IPv6 literal keeps its brackets (and any %25 zone)
        host = f"[{host}]"
    if port and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query, safe="/:,"), ""))


def unfetchable(url: str) -> str | None:
    """Why a URL is never fetched (a scheme other than http(s), no host, over MAX_URL_LENGTH), else None."""
    if len(url) > MAX_URL_LENGTH:
        return f"URL of {len(url):,} characters is over the {MAX_URL_LENGTH:,}-character limit"
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return "not a valid URL"
    if parts.scheme.lower() not in FETCHABLE_SCHEMES:
        return f"scheme {parts.scheme.lower() + ':' if parts.scheme else '(none)'} is never fetched"
    if not parts.hostname:
        return "no host"
    return None


def host_of(url: str) -> str:
    return urlsplit(url).netloc.lower()
