"""Loopback helpers for the tests: the server (csi.loopback, shared with the benchmarks) and a test source."""

from __future__ import annotations

import re

from csi.loopback import Hit, Loopback, Reply, closed_port
from scrapers.sources import Source

__all__ = ["Hit", "Loopback", "Reply", "TEST_USER_AGENT", "closed_port", "make_source"]

TEST_USER_AGENT = "csi-test/1.0 (+loopback tests)"


def make_source(**overrides) -> Source:
    """A news Source with no politeness delay that may redirect between loopback servers; override any field."""
    fields = dict(name="test-source", adapter="news", publisher="Test", doc_type="news", start_urls=(),
                  documents=(re.compile(r"\.html$"),), min_delay_seconds=0.0, timeout_seconds=5.0,
                  user_agent=TEST_USER_AGENT, allow_private_addresses=True)
    fields.update(overrides)
    return Source(**fields)
