"""News sites: listing pages, RSS/Atom feeds and sitemaps to article pages, read with a site profile's
selectors or generic extraction (parse.py). Any publisher is a [[source]] entry in sources.toml."""

from scrapers.platform import BasePlatform
from scrapers.platforms.news.parse import PARSER, parse_article

PLATFORM = BasePlatform(name="news", parse_page=parse_article, parser=PARSER, doc_type="news")
