"""Ofsted report PDFs (parse.py): any source's PDF is read here, whatever platform the source names."""

from scrapers.platform import BasePlatform
from scrapers.platforms.ofsted_pdf.parse import PARSER, is_pdf, parse_ofsted_pdf

PLATFORM = BasePlatform(name="ofsted_pdf", parse_page=parse_ofsted_pdf, parser=PARSER, doc_type="ofsted_report",
                        content_types=("application/pdf",), claims_body=is_pdf)
