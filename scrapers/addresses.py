"""The one address guard: every connection the fetcher opens goes to an address checked after DNS resolution.

Start URLs, discovered links, redirect hops, robots.txt and web-service calls all reach the network through
`guarded_session`, whose connections resolve the host name themselves (with a timeout), refuse it if any of
its addresses is loopback, private, link-local, multicast, unspecified, reserved, a cloud metadata address or
otherwise not public (unless the source allows private addresses), and then connect to the address that was
checked. Nothing is resolved twice, so a DNS answer that changes between the check and the connection (DNS
rebinding) cannot steer the request elsewhere. Through an HTTP proxy (HTTP_PROXY and the like in the
environment) the proxy makes the connection: the fetcher then checks the addresses the name resolves to here
before the request, and the gap remains between that check and the proxy's own lookup.
"""

from __future__ import annotations

import ipaddress
import socket
import threading

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError

DEFAULT_DNS_TIMEOUT_SECONDS = 10.0
# Instance metadata services (AWS, GCP, Azure, OpenStack: 169.254.169.254; AWS over IPv6: fd00:ec2::254).
METADATA_ADDRESSES = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}


class AddressRefused(Exception):
    """A connection the guard would not open; nothing was sent. Not an OSError, so urllib3 neither retries nor
    wraps it: it reaches the fetcher as itself."""


def address_refusal(address: str) -> str | None:
    """Why this IP address is not one a public crawl may connect to ("a loopback address"), or None."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip in METADATA_ADDRESSES:
        return "a cloud metadata address"
    for kind in ("unspecified", "loopback", "link_local", "multicast", "private", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return f"{'an' if kind == 'unspecified' else 'a'} {kind.replace('_', '-')} address"
    if not ip.is_global:
        return "not a public address"
    return None


def resolve(host: str, port: int, timeout: float) -> list[tuple]:
    """getaddrinfo for a TCP connection, given up after `timeout` seconds (TimeoutError).

    The C resolver cannot be interrupted, so the lookup runs in a daemon thread that is abandoned on timeout.
    """
    found: list = []

    def lookup() -> None:
        try:
            found.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            found.append(exc)

    worker = threading.Thread(target=lookup, daemon=True, name=f"dns {host}")
    worker.start()
    worker.join(timeout)
    if not found:
        raise TimeoutError(f"DNS lookup of {host} took more than {timeout:g} s")
    if isinstance(found[0], BaseException):
        raise found[0]
    return found[0]


def allowed_networks(allow_private: bool | tuple[str, ...]) -> bool | tuple:
    """A source's `allow_private_addresses` as the guard uses it: True (all), False (none) or the networks."""
    if isinstance(allow_private, bool):
        return allow_private
    return tuple(ipaddress.ip_network(n, strict=False) for n in allow_private)


def checked_addresses(host: str, port: int, timeout: float, allow_private: bool | tuple = False) -> list[tuple]:
    """The host's addresses (getaddrinfo entries), every one checked; AddressRefused names the first bad one.

    `allow_private` is True (any address), False (public ones only) or networks (from `allowed_networks`)
    whose non-public addresses are allowed too."""
    infos = resolve(host.strip("[]"), port, timeout)
    if allow_private is not True:
        for *_, sockaddr in infos:
            address = str(sockaddr[0])
            if allow_private and any(ipaddress.ip_address(address.split("%", 1)[0]) in net for net in allow_private):
                continue
            if reason := address_refusal(address):
                shown = host if host.strip("[]") != str(sockaddr[0]) else str(sockaddr[0])
                raise AddressRefused(f"{shown} resolves to {sockaddr[0]}, {reason}")
    return infos


class _GuardedConnection:
    """Mixin for urllib3 connections: resolve with a timeout, check, then connect to the checked address."""

    allow_private: bool | tuple = False

    def _new_conn(self) -> socket.socket:
        timeout = self.timeout if isinstance(self.timeout, int | float) else DEFAULT_DNS_TIMEOUT_SECONDS
        try:
            infos = checked_addresses(self._dns_host, self.port, timeout, self.allow_private)
        except socket.gaierror as exc:
            raise NameResolutionError(self.host, self, exc) from exc
        except TimeoutError as exc:
            raise ConnectTimeoutError(self, str(exc)) from exc
        host, error = self._dns_host, None
        try:
            for *_, sockaddr in infos:  # in the resolver's order, as urllib3 would try them
                self._dns_host = str(sockaddr[0])
                try:
                    return super()._new_conn()
                except NewConnectionError as exc:
                    error = exc
        finally:
            self._dns_host = host
        raise error or NewConnectionError(self, f"{host} resolves to no address")


def _adapter(allow_private: bool | tuple) -> HTTPAdapter:
    plain = type("GuardedHTTPConnection", (_GuardedConnection, HTTPConnection), {"allow_private": allow_private})
    secure = type("GuardedHTTPSConnection", (_GuardedConnection, HTTPSConnection), {"allow_private": allow_private})
    pools = {"http": type("GuardedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": plain}),
             "https": type("GuardedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": secure})}

    class GuardedAdapter(HTTPAdapter):
        def init_poolmanager(self, *args, **kwargs) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = pools

    return GuardedAdapter()


def proxied(url: str) -> bool:
    """Whether the environment sends this URL through a proxy (which then resolves and connects, not us)."""
    return bool(requests.utils.get_environ_proxies(url))


def guarded_session(allow_private: bool | tuple[str, ...]) -> requests.Session:
    """A requests session whose every connection passes the guard (a source's `allow_private_addresses`)."""
    session = requests.Session()
    adapter = _adapter(allowed_networks(allow_private))
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
