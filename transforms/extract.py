"""Document -> typed rows: councils, inspections, ratings, findings, quotes, metrics.

A pure function of the document and the councils reference: the same document always yields
the same rows with the same ids. Inspection ids depend only on (council, framework, year),
so a news story, the minutes and the report of one inspection share one inspection_id.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from csi.records import (
    GRADE_RANK,
    Document,
    DocumentCouncil,
    Extraction,
    Finding,
    Inspection,
    Metric,
    Quote,
    Rating,
    make_id,
)
from transforms.councils import CouncilIndex, Mention, default_index
from transforms.findings import list_findings, prose_findings, with_implicit_lists
from transforms.inspections import InspectionClaim, inspection_claims, ofsted_framework
from transforms.metrics import metric_claims
from transforms.quotes import quotations
from transforms.ratings import RatingClaim, rating_claims
from transforms.text import sentences

TITLE_WEIGHT = 3


def inspection_id(council_code: str, framework: str, year: int) -> str:
    return make_id("inspection", council_code, framework, year)


def primary_council(doc: Document, mentions: list[Mention], title_mentions: list[Mention],
                    configured: str | None) -> str | None:
    """The council a document is about: the source's own council, else the most mentioned one."""
    if configured:
        return configured
    weights: Counter[str] = Counter()
    for m in mentions:
        weights[m.council_code] += 1
    for m in title_mentions:
        weights[m.council_code] += TITLE_WEIGHT
    if not weights:
        return None
    first_seen = {m.council_code: i for i, m in reversed(list(enumerate(title_mentions + mentions)))}
    return max(weights, key=lambda code: (weights[code], -first_seen[code]))


def extract(doc: Document, index: CouncilIndex | None = None, council: str | None = None) -> Extraction:
    """All rows a document supports; `council` is the source's configured council, if any."""
    index = index or default_index()
    reference = doc.published_on or doc.fetched_at.date()
    document_id = doc.document_id
    mentions = index.find_mentions(doc.text, on=reference)
    title_mentions = index.find_mentions(doc.title or "", on=reference)
    main = primary_council(doc, mentions, title_mentions, council)
    out = Extraction()
    counts = Counter(m.council_code for m in mentions + title_mentions)
    if council:
        counts.setdefault(council, 0)
    out.document_councils = [DocumentCouncil(document_id, code, n) for code, n in sorted(counts.items())]
    if main is None:
        return out

    blocks = with_implicit_lists(doc.blocks)
    paragraphs = [b.text for b in blocks if b.kind in ("paragraph", "list_item", "heading", "table_row")]
    body_sentences = [s for text in paragraphs for s in sentences(text)]

    inspections: dict[str, Inspection] = {}

    def add_inspection(code: str, inspectorate: str, framework: str, year: int) -> str:
        iid = inspection_id(code, framework, year)
        if iid not in inspections:
            report_url = doc.url if doc.doc_type == "ofsted_report" else None
            inspections[iid] = Inspection(iid, code, inspectorate, framework, None, None, None, None, report_url)
        return iid

    mentioned = inspection_claims(body_sentences, reference)
    for claim in mentioned:
        add_inspection(main, claim.inspectorate, claim.framework, claim.year)

    claims = [c for s in body_sentences + [doc.title or ""] for c in rating_claims(s)]
    current = _current_inspection(claims, mentioned, reference, doc.text)
    current_id = add_inspection(main, *current) if current else None

    ratings: dict[str, Rating] = {}
    for claim in claims:
        code = _council_of(index, claim.clause, reference) or main
        historical = not _is_current(claim, reference)
        if historical:
            year = claim.year or _latest_ofsted_year(mentioned, reference)
            framework = ofsted_framework(date(year, 12, 31), claim.clause) if year else None
            iid = add_inspection(code, "ofsted", framework, year) if year else None
        else:
            if current is None:
                continue
            year, iid = current[2], inspection_id(code, current[1], current[2])
            if iid not in inspections:
                add_inspection(code, *current)
        rid = make_id("rating", document_id, code, iid, claim.judgement, claim.grade, historical)
        ratings.setdefault(rid, Rating(
            rating_id=rid, council_code=code, inspection_id=iid, judgement=claim.judgement, grade=claim.grade,
            grade_rank=GRADE_RANK[claim.grade], grade_label=claim.grade_label, rated_year=year, rated_on=None,
            is_historical=historical, document_id=document_id, evidence=claim.clause,
        ))
    out.ratings = list(ratings.values())

    if current_id:
        finding_rows: dict[str, Finding] = {}
        for f in list_findings(blocks) + prose_findings(blocks):
            fid = make_id("finding", document_id, main, f.kind, f.text)
            finding_rows.setdefault(fid, Finding(fid, main, document_id, current_id, f.kind, f.theme, f.text))
        out.findings = list(finding_rows.values())

    quote_rows: dict[str, Quote] = {}
    for q in quotations(blocks):
        organisation = q.organisation
        if organisation in ("council", "authority", "local authority"):
            organisation = index.council(main).official_name  # "cabinet member ... at the council"
        org_council = index.resolve(organisation, on=reference) if organisation else None
        qid = make_id("quote", document_id, q.speaker, q.text)
        quote_rows.setdefault(qid, Quote(qid, document_id, org_council or main, q.speaker, q.role, organisation,
                                         q.text))
    out.quotes = list(quote_rows.values())

    metric_rows: dict[str, Metric] = {}
    for text in paragraphs:
        for m in metric_claims(sentences(text), doc.published_on):
            mid = make_id("metric", document_id, main, m.name, m.as_of, m.period, m.value)
            metric_rows.setdefault(mid, Metric(mid, document_id, main, m.name, m.value, m.unit, m.as_of, m.period,
                                               m.text))
    out.metrics = list(metric_rows.values())
    out.inspections = list(inspections.values())
    return out


def _council_of(index: CouncilIndex, clause: str, on: date) -> str | None:
    """The one council a clause names, if it names exactly one."""
    codes = {m.council_code for m in index.find_mentions(clause, on=on)}
    return codes.pop() if len(codes) == 1 else None


def _is_current(claim: RatingClaim, reference: date) -> bool:
    """A verdict the document reports as news, rather than one it recalls from an earlier year."""
    return not claim.is_historical and (claim.year is None or claim.year >= reference.year - 1)


def _latest_ofsted_year(mentioned: list[InspectionClaim], reference: date) -> int | None:
    years = [c.year for c in mentioned if c.inspectorate == "ofsted" and c.year <= reference.year]
    return max(years) if years else None


def _current_inspection(claims: list[RatingClaim], mentioned: list[InspectionClaim], reference: date,
                        text: str) -> tuple[str, str, int] | None:
    """(inspectorate, framework, year) of the inspection the document reports, if it reports one."""
    if any(_is_current(c, reference) for c in claims):
        visits = [c for c in mentioned if c.inspectorate == "ofsted" and c.year >= reference.year - 1]
        year = visits[0].year if visits else reference.year
        month = visits[0].month if visits and visits[0].month else 1
        return "ofsted", ofsted_framework(date(year, month, 1), text), year
    for claim in mentioned:
        if claim.inspectorate == "ssi":
            return "ssi", "ssi", claim.year
    return None
