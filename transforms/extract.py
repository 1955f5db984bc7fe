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
    DocumentInspection,
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
from transforms.inspections import UNGRADED, InspectionClaim, inspection_claims, inspectorate_for, ofsted_framework
from transforms.metrics import metric_claims
from transforms.quotes import quotations
from transforms.ratings import RatingClaim, rating_claims
from transforms.text import sentences

TITLE_WEIGHT = 3


def inspection_id(council_code: str, framework: str, year: int, month: int | None = None) -> str:
    """Graded inspections: one per council, framework and year. Visits, several a year, are told apart by month."""
    return make_id("inspection", council_code, framework, year, month if framework in UNGRADED else None)


def primary_council(mentions: list[Mention], title_mentions: list[Mention], configured: str | None) -> str | None:
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
    """All rows a document supports; `council` is the source's configured council, if any.

    Years come from the document's own date: an undated document still yields its ratings, but
    with no year and no inspection, rather than with a guess.
    """
    index = index or default_index()
    reference = doc.published_on
    document_id = doc.document_id
    mentions = index.find_mentions(doc.text, on=reference)
    title_mentions = index.find_mentions(doc.title or "", on=reference)
    main = primary_council(mentions, title_mentions, council)
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

    def add_inspection(code: str, framework: str, year: int, month: int | None = None) -> str:
        iid = inspection_id(code, framework, year, month)
        if iid not in inspections:
            report_url = doc.url if doc.doc_type == "ofsted_report" else None
            inspections[iid] = Inspection(iid, code, inspectorate_for(framework), framework, None, None, None, None,
                                          report_url)
        return iid

    mentioned = inspection_claims(body_sentences, reference)
    for claim in mentioned:
        add_inspection(main, claim.framework, claim.year, claim.month)

    claims = [c for s in body_sentences + [doc.title or ""] for c in rating_claims(s)]
    current = _current_inspection(claims, mentioned, reference, doc.text)
    current_id = add_inspection(main, *current) if current else None

    ratings: dict[str, Rating] = {}
    for claim in claims:
        code = _council_of(index, claim.clause, reference) or main
        historical = not _is_current(claim, reference)
        if historical:
            year = claim.year or _latest_ofsted_year(mentioned)
            iid = add_inspection(code, ofsted_framework(date(year, 12, 31), claim.clause), year) if year else None
        elif current is not None:
            year, iid = current[1], add_inspection(code, *current)
        else:  # an undated document: the verdict stands, its year and inspection are unknown
            year, iid = claim.year, None
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
    out.document_inspections = [DocumentInspection(document_id, iid) for iid in inspections]
    return out


def _council_of(index: CouncilIndex, clause: str, on: date) -> str | None:
    """The one council a clause names, if it names exactly one."""
    codes = {m.council_code for m in index.find_mentions(clause, on=on)}
    return codes.pop() if len(codes) == 1 else None


def _is_current(claim: RatingClaim, reference: date | None) -> bool:
    """A verdict the document reports as news, rather than one it recalls from an earlier year."""
    return not claim.is_historical and (claim.year is None or reference is None or claim.year >= reference.year)


def _latest_ofsted_year(mentioned: list[InspectionClaim]) -> int | None:
    years = [c.year for c in mentioned if c.inspectorate == "ofsted" and c.framework not in UNGRADED]
    return max(years) if years else None


def _current_inspection(claims: list[RatingClaim], mentioned: list[InspectionClaim], reference: date | None,
                        text: str) -> tuple[str, int, int | None] | None:
    """(framework, year, month) of the inspection or visit the document reports, if it reports one."""
    current = [c for c in claims if _is_current(c, reference)]
    if current:
        stated = [c.year for c in current if c.year]
        visits = [c for c in mentioned if c.inspectorate == "ofsted" and c.framework not in UNGRADED
                  and reference is not None and c.year >= reference.year - 1]
        if stated:
            year, month = stated[0], None
        elif visits:
            year, month = visits[0].year, visits[0].month
        elif reference is not None:
            year, month = reference.year, None
        else:
            return None
        return ofsted_framework(date(year, month or 1, 1), text), year, None
    for claim in mentioned:  # no verdict: a visit letter, a joint inspection, an SSI report
        recent = reference is None or claim.year >= reference.year - 1
        if claim.framework in (*UNGRADED, "ssi") and recent:
            return claim.framework, claim.year, claim.month
    return None
