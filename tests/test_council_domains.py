"""A council's own website by its domain (csi/reference/council_domains.csv, from Data to Insight's lookup), where
the domain's name does not spell the council's."""

from __future__ import annotations

from datetime import date

import pytest

from csi.reference import council_domains
from transforms.councils import default_index


@pytest.mark.parametrize("url, council", [
    ("https://www.royalgreenwich.gov.uk/news/article/ofsted", "E09000011"),
    ("https://news.hullcc.gov.uk/2024/ofsted-rating/", "E06000010"),  # any host under the council's domain
    ("https://democracy.bathnes.gov.uk/ieListDocuments.aspx?MId=1", "E06000022"),
    ("https://www.iow.gov.uk/news/childrens-services", "E06000046"),
    ("https://www.richmondandwandsworth.gov.uk/news", None),  # a site two councils share names neither
    ("https://www.gov.uk/government/news/ofsted", None),
])
def test_a_councils_own_domain_names_it(url, council):
    assert default_index().of_site(url, on=date(2024, 6, 1)) == council


def test_domains_are_councils_own_gov_uk_sites():
    domains = council_domains()
    assert len(domains) > 140
    assert all(domain.endswith(".gov.uk") for domain in domains)  # no trust's or supplier's address
