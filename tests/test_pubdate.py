"""scrapers.pubdate: the original publication date of a page, on fixture pages written for these tests."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from csi.dates import find_dates
from scrapers.html import lean_soup
from scrapers.pubdate import (
    PRECEDENCE,
    Candidate,
    _reconcile,
    candidates,
    from_url,
    parse_machine,
    parse_text,
    publication_date,
    publication_date_of_html,
)

FIXTURES = Path(__file__).parent / "fixtures" / "pubdate"
NO_DATE_URL = "https://news.example.org/news/story"


def fixture(name: str, **replacements: str) -> str:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    for key, value in replacements.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def pubdate(html: str, url: str = NO_DATE_URL) -> date | None:
    soup, ld = lean_soup(html)
    return publication_date(soup, ld, url)


# ---- the fixture pages -----------------------------------------------------------------------------------------

def test_json_ld_date_published_not_modified():
    # @graph with a NewsArticle (datePublished and dateModified), modified meta tags, an "updated" byline,
    # and a related-articles ItemList with a later date.
    assert pubdate(fixture("jsonld_published_modified.html")) == date(2019, 3, 14)


def test_opengraph_only():
    assert pubdate(fixture("opengraph_only.html")) == date(2020, 11, 5)


def test_time_in_byline_not_comments_or_sidebar():
    assert pubdate(fixture("time_byline_comments.html")) == date(2018, 12, 17)


def test_time_in_comments_only_is_not_the_article_date():
    html = fixture("time_byline_comments.html").replace(
        '<div class="byline">By Alex Reporter, <time datetime="2018-12-17T08:15:00+00:00">17 December 2018</time>'
        "</div>", '<div class="byline">By Alex Reporter</div>')
    assert pubdate(html) is None


def test_published_on_byline_text_beats_updated():
    assert pubdate(fixture("published_on_byline.html")) == date(2021, 3, 3)


@pytest.mark.parametrize(("url", "expected"), [
    ("https://news.example.org/2017/06/21/fostering-service-praised/", date(2017, 6, 21)),
    ("https://news.example.org/news/20170621/fostering-service-praised", date(2017, 6, 21)),
    ("https://news.example.org/news/2017-06-21-fostering-service-praised", date(2017, 6, 21)),
    ("https://news.example.org/news/fostering-service-praised", None),
])
def test_url_date_only(url, expected):
    assert pubdate(fixture("url_date_only.html"), url) == expected


@pytest.mark.parametrize("today_format", ["%A %d %B %Y", "%d/%m/%Y", "%B %d, %Y", "%Y-%m-%d"])
def test_footer_and_masthead_today_and_copyright_are_not_picked(today_format):
    today = date.today().strftime(today_format)
    with_dateline = fixture("footer_today.html", TODAY=today, DATELINE='<p class="dateline">14 May 2019</p>')
    assert pubdate(with_dateline) == date(2019, 5, 14)
    without = fixture("footer_today.html", TODAY=today, DATELINE="")
    assert pubdate(without) is None


def test_no_date():
    assert pubdate(fixture("no_date.html")) is None


# ---- rules -----------------------------------------------------------------------------------------------------

def test_utc_instant_yields_to_the_local_day():
    # 02:11 UTC on the 9th is the evening of the 8th in Boston: the byline and the URL say the 8th.
    html = """<html lang="en-US"><head><title>Stabbing in Roxbury</title>
    <meta property="article:published_time" content="2023-11-09T02:11:03+00:00"></head>
    <body><h1>Stabbing in Roxbury</h1><div class="byline">November 8, 2023</div></body></html>"""
    assert pubdate(html) == date(2023, 11, 8)
    assert pubdate(html, "https://whdh.example.com/2023/11/08/stabbing/") == date(2023, 11, 8)


def test_utc_instant_kept_when_local_dates_agree_or_are_absent():
    html = """<html><head><meta property="article:published_time" content="2023-11-09T02:11:03Z"></head>
    <body><h1>A headline long enough</h1><p class="date">9 November 2023</p></body></html>"""
    assert pubdate(html) == date(2023, 11, 9)
    html = '<html><head><meta property="article:published_time" content="2023-11-09T02:11:03Z"></head></html>'
    assert pubdate(html) == date(2023, 11, 9)


def test_offset_timestamp_read_as_written():
    # A local offset makes the written calendar day the publisher's own.
    html = '<html><head><meta property="article:published_time" content="2020-09-30T23:30:00-07:00"></head></html>'
    assert pubdate(html) == date(2020, 9, 30)


def test_url_date_beats_republished_metadata():
    html = """<html><head><script type="application/ld+json">
    {"@type": "BlogPosting", "datePublished": "2019-06-17T10:00:00+02:00"}</script></head><body></body></html>"""
    assert pubdate(html, "https://blog.example.org/home/2017/7/12/montauk") == date(2017, 7, 12)


def test_url_day_yields_to_page_consensus_one_day_off():
    html = """<html><head><script type="application/ld+json">
    {"@type": "NewsArticle", "datePublished": "2020-07-09T04:00:00Z"}</script></head>
    <body><h1>Federal workers are returning to the office</h1><p class="date">July 9, 2020</p>
    <div class="byline">By A Writer | July 9, 2020</div></body></html>"""
    assert pubdate(html, "https://example.com/politics/2020/07/08/federal-workers/") == date(2020, 7, 9)


@pytest.mark.parametrize(("lang", "expected"), [("en-US", date(2023, 11, 8)), ("en-GB", date(2023, 8, 11))])
def test_numeric_dates_follow_the_page_locale(lang, expected):
    html = f"""<html lang="{lang}"><head><title>Actors strike ends</title></head>
    <body><h1>Actors strike ends</h1><span class="post-date">11/8/2023</span></body></html>"""
    assert pubdate(html) == expected


def test_unambiguous_numeric_date_read_either_way():
    html = """<html lang="en-GB"><body><h1>Actors strike ends today</h1>
    <span class="post-date">11/28/2023</span></body></html>"""
    assert pubdate(html) == date(2023, 11, 28)


def test_itemprop_and_hatom_published():
    html = """<html><body><h1>Meta-programming in Emacs</h1><p>Wednesday</p>
    <abbr class="published" title="2019-10-16T14:33:00-07:00">2:33 PM</abbr></body></html>"""
    assert pubdate(html) == date(2019, 10, 16)
    html = '<html><body><span itemprop="datePublished" content="2015-04-02">2 April</span></body></html>'
    assert pubdate(html) == date(2015, 4, 2)


def test_dateline_under_the_title_not_the_site_logo_heading():
    html = """<html><head><title>Protesters gather at theatre | News</title></head><body>
    <header><h1 class="logo"><a href="/">News</a></h1><ul class="topbar-info"><li>Tuesday, (08 Dec 2020)</li></ul>
    </header>
    <div class="post"><h2>Protesters gather at theatre</h2><ul class="nav meta"><li>13 Oct 2020 18:29</li></ul>
    <p>Protesters opposed to the reform gathered outside the theatre on Friday evening, where the president was
    watching a play with his wife, before police moved them on.</p></div></body></html>"""
    assert pubdate(html) == date(2020, 10, 13)


def test_embedded_tweet_date_is_not_the_dateline():
    html = """<html><head><title>South Park characters fill empty seats</title></head><body>
    <h1>South Park characters fill empty seats</h1>
    <blockquote class="twitter-tweet"><p>Look at this</p><a href="#">September 27, 2020</a></blockquote>
    <p>The Denver Broncos filled some of the empty seats at their stadium with cardboard cut-outs of cartoon
    characters, to the delight of fans who could not attend because of the pandemic.</p></body></html>"""
    assert pubdate(html) is None


def test_bounds():
    html = '<html><head><meta name="date" content="1985-01-01"></head><body></body></html>'
    assert pubdate(html) is None
    future = date.today() + timedelta(days=400)
    html = f'<html><head><meta name="date" content="{future.isoformat()}"></head><body></body></html>'
    assert pubdate(html) is None
    assert from_url_date("https://example.org/0001/01/01/x") is None


def from_url_date(url: str) -> date | None:
    soup, ld = lean_soup("<html></html>")
    from scrapers.pubdate import PageView

    found = from_url(PageView.of(soup, ld, url))
    return found.day if found else None


def test_canonical_url_date():
    html = """<html><head><link rel="canonical" href="https://www.example.com/World/megablaze-20200113"></head>
    <body></body></html>"""
    assert pubdate(html, "http://syndication.example.net/news/263700449/megablaze") == date(2020, 1, 13)


@pytest.mark.parametrize(("value", "expected", "utc"), [
    ("2018-12-17T10:00:00Z", date(2018, 12, 17), True),
    ("2018-12-17T10:00:00+00:00", date(2018, 12, 17), True),
    ("2018-12-17T23:00:00-05:00", date(2018, 12, 17), False),
    ("2018/12/17", date(2018, 12, 17), False),
    ("20181217T003807Z", date(2018, 12, 17), True),
    ("Mon, 17 Dec 2018 10:00:00 GMT", date(2018, 12, 17), True),
    ("1545040800", date(2018, 12, 17), True),
    (["2018-12-17", "2019-01-01"], date(2018, 12, 17), False),
])
def test_parse_machine(value, expected, utc):
    found = parse_machine(value, "meta")
    assert found is not None and (found.day, found.utc) == (expected, utc)


@pytest.mark.parametrize("value", [None, "", "soon", 20181217, "0000-00-00", "2018-02-30"])
def test_parse_machine_none(value):
    assert parse_machine(value, "meta") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Last updated 04 Jun 2020, originally created 17 Jun 2019", date(2019, 6, 17)),
    ("Published 17 December 2018 | Updated 18 December 2018", date(2018, 12, 17)),
    ("Updated: 18 December 2018", None),
    ("March 24, 2014 at 10:00", date(2014, 3, 24)),
    ("Erstellt am: 30.01.2022 18:36", date(2022, 1, 30)),
])
def test_parse_text(text, expected):
    assert parse_text(text) == expected


def test_parse_text_label_in_a_previous_element():
    assert parse_text("11/8/2023 10:46 PM", month_first=True, before="Updated") is None


def test_find_dates():
    found = find_dates("From 03/17/2015 to 2018-1-5; v1.2.2019; 4 May 2016", month_first=False)
    assert [m.day for m in found] == [date(2015, 3, 17), date(2018, 1, 5), date(2016, 5, 4)]
    assert find_dates("6/1/2020")[0].day == date(2020, 1, 6)
    assert find_dates("6/1/2020", month_first=True)[0].day == date(2020, 6, 1)
    assert find_dates("6/1/2020")[0].ambiguous


def test_reconcile_votes():
    utc = Candidate(date(2023, 11, 9), "json_ld", utc=True)
    assert _reconcile([]) is None
    assert _reconcile([utc]) == utc
    local = [Candidate(date(2023, 11, 8), "time"), Candidate(date(2023, 11, 9), "byline")]
    assert _reconcile([utc, *local]).day == date(2023, 11, 9)  # a tie keeps the first
    assert _reconcile([utc, *local, Candidate(date(2023, 11, 8), "headline")]).day == date(2023, 11, 8)
    far = Candidate(date(2023, 10, 1), "byline")
    assert _reconcile([utc, far]) == utc


def test_candidates_cover_every_source():
    soup, ld = lean_soup(fixture("time_byline_comments.html"))
    found = candidates(soup, ld, NO_DATE_URL)
    assert tuple(found) == PRECEDENCE
    assert found["time"] == Candidate(date(2018, 12, 17), "time", utc=True)


def test_publication_date_of_html_from_bytes_and_xhtml():
    html = fixture("opengraph_only.html")
    assert publication_date_of_html(html.encode("utf-8"), NO_DATE_URL) == date(2020, 11, 5)
    xhtml = '<?xml version="1.0" encoding="utf-8"?>\n' + html
    assert publication_date_of_html(xhtml, NO_DATE_URL) == date(2020, 11, 5)
    assert publication_date_of_html(xhtml.encode("utf-8"), NO_DATE_URL) == date(2020, 11, 5)
    assert publication_date_of_html(b"", NO_DATE_URL) is None


# ---- the evaluator, on a tiny benchmark made here ------------------------------------------------------------

def test_evaluate_dates_counts_as_htmldate_does(tmp_path, capsys):
    import gzip
    import json

    from front.evaluation.dates import evaluate_dates, main

    bench = tmp_path / "dates-bench" / "htmldate-eval"
    (bench / "html").mkdir(parents=True)
    pages = {
        "a.html": ("https://x.example/2019/03/14/a", "2019-03-14", "<html><body><h1>A</h1></body></html>"),  # TP
        "b.html": ("https://x.example/b", "2019-03-15", fixture("opengraph_only.html")),  # FP: 2020-11-05
        "c.html": ("https://x.example/c", "2019-03-16", fixture("no_date.html")),  # FN
        "d.html": ("https://x.example/d", float("nan"), fixture("no_date.html")),  # TN: no date expected
    }
    truth = {}
    for file, (url, expected, html) in pages.items():
        (bench / "html" / f"{file}.gz").write_bytes(gzip.compress(html.encode("utf-8")))
        truth[url] = {"file": file, "date": expected}
    (bench / "eval_english_subset.json").write_text(json.dumps(truth), encoding="utf-8")

    result = evaluate_dates(tmp_path)
    assert (result["tp"], result["fp"], result["fn"], result["tn"]) == (1, 1, 1, 1)
    assert result["accuracy"] == 0.5 and result["accuracy_dated"] == round(1 / 3, 4)
    assert result["precision"] == 0.5 and result["recall"] == 0.5
    assert [m["file"] for m in result["misses"]] == ["b.html", "c.html"]
    assert result["misses"][0]["got"] == "2020-11-05"
    assert evaluate_dates(tmp_path) == result  # deterministic

    assert main(["--shared", str(tmp_path), "--min-accuracy", "0.5"]) == 0
    assert main(["--shared", str(tmp_path), "--min-accuracy", "0.6"]) == 1
    out = capsys.readouterr().out
    assert "accuracy 0.5000 (2/4)" in out and "b.html" in out
