"""scrapers.sources: the shipped and sample source files, and errors for malformed ones."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scrapers.platforms import PLATFORMS, expand_sources
from scrapers.platforms.ofsted_site import discover as ofsted
from scrapers.sources import DEFAULT_USER_AGENT, SourceConfigError, load_sources, parse_sources

SHIPPED = Path(str(files("csi") / "sources.toml"))
SAMPLES = Path(str(files("csi") / "samples" / "sources.toml"))
SAMPLE_SITE = Path(str(files("csi") / "samples" / "site"))
BASE = "http://127.0.0.1:8765"


# --------------------------------------------------------------------------- shipped sources

@pytest.fixture(scope="module")
def shipped():
    return load_sources(SHIPPED)


def test_shipped_sources_parse(shipped):
    assert len(shipped.sources) >= 5
    assert len({s.name for s in shipped.sources}) == len(shipped.sources)
    assert {s.adapter for s in shipped.sources} <= set(PLATFORMS)
    assert {s.adapter for s in shipped.sources} == {"news", "moderngov", "ofsted"}


def test_shipped_sources_are_well_formed(shipped):
    for entry in shipped.sources:
        assert entry.publisher, entry.name
        if entry.councils:  # one source per council, checked below as the ingest flow runs them
            assert entry.adapter == "moderngov", entry.name
    for s in expand_sources([s for s in shipped.sources if s.enabled]):
        assert s.publisher, s.name
        assert s.start_urls, s.name
        assert s.documents, s.name
        assert all(isinstance(p, re.Pattern) for p in (*s.documents, *s.follow)), s.name
        # defaults apply: polite by default
        assert s.min_delay_seconds == 5.0, s.name
        assert s.timeout_seconds == 30.0, s.name
        assert s.max_pages == (3000 if s.adapter == "ofsted" else 200), s.name
        assert s.user_agent == DEFAULT_USER_AGENT, s.name
        hosts = {urlsplit(u).netloc for u in s.start_urls}
        if s.adapter == "ofsted":  # report PDFs live on Ofsted's file server
            hosts.add("files.ofsted.gov.uk")
        assert all(urlsplit(u).scheme in ("http", "https") for u in s.start_urls), s.name
        for pattern in (*s.documents, *s.follow):
            assert pattern.pattern.startswith("^"), (s.name, pattern.pattern)
            assert any(re.escape(h) in pattern.pattern for h in hosts), (s.name, pattern.pattern)
        if s.adapter == "moderngov":
            assert re.fullmatch(r"E\d{8}", s.council or ""), s.name
            assert s.doc_type == "minutes", s.name
        if s.profile is not None:
            assert s.profile.name in shipped.profiles


def test_shipped_source_patterns_match_their_pages(shipped):
    by_name = {s.name: s for s in expand_sources(list(shipped.sources))}
    # One `moderngov` entry, the same source names (and so the same stored rows) as the hand-written ones it replaced.
    assert {name: s.council for name, s in by_name.items() if name.endswith("-moderngov")} == {
        "hillingdon-moderngov": "E09000017", "hounslow-moderngov": "E09000018", "haringey-moderngov": "E09000014"}
    assert by_name["community-care"].is_document(
        "https://www.communitycare.co.uk/2018/12/17/ofsted-rates-council-inadequate/")
    assert not by_name["community-care"].is_document("https://www.communitycare.co.uk/tag/ofsted/")
    assert by_name["community-care"].is_listing("https://www.communitycare.co.uk/tag/ofsted/page/2/")
    assert by_name["hillingdon-moderngov"].is_listing(
        "http://modgov.hillingdon.gov.uk/ieListDocuments.aspx?CId=321&MId=2345")
    assert by_name["hillingdon-moderngov"].is_document("http://modgov.hillingdon.gov.uk/mgAi.aspx?ID=12345")
    assert not by_name["hillingdon-moderngov"].is_document("http://modgov.hillingdon.gov.uk/mgAi.aspx?ID=1&x=2")
    assert by_name["ofsted"].is_document("https://reports.ofsted.gov.uk/provider/44/80486")
    assert by_name["ofsted"].is_document("https://files.ofsted.gov.uk/v1/file/50226002")
    assert by_name["ofsted"].is_listing(ofsted.search_url(start=100))
    assert not by_name["ofsted"].is_document("https://reports.ofsted.gov.uk/provider/16/123456/extra")


# --------------------------------------------------------------------------- sample sources

@pytest.fixture(scope="module")
def samples():
    return load_sources(SAMPLES, base_url=BASE + "/")


def test_sample_sources_substitute_base(samples):
    assert [s.name for s in samples.sources] == [
        "sample-lgc", "sample-csnews", "sample-cypnow", "sample-hounslow-chronicle", "sample-hillingdon-moderngov"]
    for s in samples.sources:
        assert all(u.startswith(BASE + "/") for u in s.start_urls), s.name
        assert all("{base}" not in p.pattern for p in (*s.documents, *s.follow)), s.name
        assert all(p.pattern.startswith("^" + BASE + "/") for p in s.documents), s.name
        assert s.min_delay_seconds == 0.0 and s.timeout_seconds == 10.0 and s.max_pages == 50, s.name
    assert samples.select(["sample-lgc"])[0].start_urls == (BASE + "/lgc/news/",)


def _site_urls() -> list[str]:
    """URL of every bundled sample page, mapped the way csi.sample_site serves them."""
    urls = []
    for f in sorted(SAMPLE_SITE.rglob("*.html")):
        rel = f.relative_to(SAMPLE_SITE).as_posix()
        if ".aspx/" in rel:
            path, query = rel.rsplit("/", 1)
            urls.append(f"{BASE}/{path}?{query[: -len('.html')]}")
        elif rel.endswith("index.html"):
            urls.append(f"{BASE}/{rel[: -len('index.html')]}")
        else:
            urls.append(f"{BASE}/{rel}")
    return urls


def test_every_sample_source_matches_a_bundled_document(samples):
    urls = _site_urls()
    for s in samples.sources:
        assert [u for u in urls if s.is_document(u)], s.name
    assert not any(s.is_document(f"{BASE}/private/draft.html") for s in samples.sources)


def test_select():
    sources = parse_sources(SAMPLES.read_text(encoding="utf-8"), BASE)
    assert [s.name for s in sources.select(None)] == [s.name for s in sources.sources]
    assert [s.name for s in sources.select(["sample-cypnow", "sample-lgc"])] == ["sample-cypnow", "sample-lgc"]
    with pytest.raises(SourceConfigError, match="unknown source\\(s\\) nope"):
        sources.select(["sample-lgc", "nope"])


# --------------------------------------------------------------------------- malformed files

GOOD = """
[[source]]
name = "alpha"
adapter = "news"
publisher = "Alpha"
start_urls = ["http://127.0.0.1/news/"]
documents = ['^http://127\\.0\\.0\\.1/news/.+\\.html$']
"""


def test_minimal_source_gets_defaults():
    (s,) = parse_sources(GOOD).sources
    assert (s.name, s.adapter, s.doc_type, s.min_delay_seconds, s.timeout_seconds, s.max_pages) == (
        "alpha", "news", "news", 1.0, 20.0, 200)
    assert s.follow == () and s.profile is None and s.council is None
    assert s.is_document("http://127.0.0.1/news/x.html") and not s.is_document("http://127.0.0.1/about.html")


def _without(key: str) -> str:
    return "\n".join(line for line in GOOD.splitlines() if not line.startswith(key + " "))


EMPTY_STARTS = GOOD.replace('start_urls = ["http://127.0.0.1/news/"]', "start_urls = []")
BAD_REGEX = GOOD.replace("documents = [", "documents = ['(unclosed', ")


@pytest.mark.parametrize(("text", "message"), [
    (_without("adapter"), "source 'alpha': missing 'adapter'"),
    (_without("publisher"), "source 'alpha': missing 'publisher'"),
    (_without("start_urls"), "source 'alpha': missing 'start_urls'"),
    (_without("documents"), "source 'alpha': missing 'documents'"),
    (EMPTY_STARTS, "source 'alpha': missing 'start_urls'"),
    (_without("name"), "a [[source]] entry has no name"),
    (GOOD.replace('adapter = "news"', 'adapter = "wordpress"'), "source 'alpha': adapter 'wordpress' is not one of"),
    (BAD_REGEX, "source 'alpha': bad regular expression in 'documents'"),
    (GOOD + "follow = ['[a-']\n", "source 'alpha': bad regular expression in 'follow'"),
    (GOOD + 'profile = "nope"\n', "source 'alpha': profile 'nope' is not defined"),
    (GOOD + GOOD, "duplicate source name(s): alpha"),
    (GOOD + GOOD.replace("alpha", "beta") + GOOD.replace("alpha", "beta"), "duplicate source name(s): beta"),
    (GOOD + "name = 'again'\n", "sources file is not valid TOML"),
    ("[[source]\nname = 'x'", "sources file is not valid TOML"),
], ids=["no-adapter", "no-publisher", "no-start_urls", "no-documents", "empty-start_urls", "no-name",
        "unknown-adapter", "bad-documents-regex", "bad-follow-regex", "unknown-profile", "duplicate",
        "duplicate-of-three", "duplicate-key", "broken-toml"])
def test_malformed_sources_raise_naming_source_and_field(text, message):
    with pytest.raises(SourceConfigError) as info:
        parse_sources(text)
    assert message in str(info.value)


def test_missing_sources_file(tmp_path):
    with pytest.raises(SourceConfigError, match="no sources file at"):
        load_sources(tmp_path / "absent.toml")


def test_defaults_section_applies_and_is_overridden():
    text = "[defaults]\nmin_delay_seconds = 2.5\nmax_pages = 7\n" + GOOD + GOOD.replace("alpha", "beta") + \
        "max_pages = 9\n"
    alpha, beta = parse_sources(text).sources
    assert (alpha.min_delay_seconds, alpha.max_pages) == (2.5, 7)
    assert (beta.min_delay_seconds, beta.max_pages) == (2.5, 9)


@pytest.mark.parametrize(("text", "field"), [
    (GOOD.replace('start_urls = ["http://127.0.0.1/news/"]', 'start_urls = "http://127.0.0.1/news/"'), "start_urls"),
    (GOOD.replace("documents = ['^http://127\\.0\\.0\\.1/news/.+\\.html$']", "documents = '^http://127'"),
     "documents"),
    (GOOD + 'min_delay_seconds = "slow"\n', "min_delay_seconds"),
    (GOOD + 'max_pages = "many"\n', "max_pages"),
], ids=["start_urls-string", "documents-string", "min_delay-text", "max_pages-text"])
def test_wrongly_typed_fields_raise_naming_source_and_field(text, field):
    # A value of the wrong type (a string for a list, text for a number) names the source and field.
    with pytest.raises(SourceConfigError) as info:
        parse_sources(text)
    assert "'alpha'" in str(info.value) and field in str(info.value)
