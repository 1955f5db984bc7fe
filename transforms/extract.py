"""Document -> typed rows: councils, inspections, ratings, findings, quotes, metrics.

A pure function of the document and the councils reference: the same document always yields
the same rows with the same ids. Inspection ids depend only on (council, framework, year),
so a news story, the minutes and the report of one inspection share one inspection_id.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from itertools import groupby

from csi.records import (
    GRADE_RANK,
    Block,
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
from transforms.inspections import (
    UNGRADED,
    InspectionClaim,
    inspection_claims,
    inspection_id,
    inspectorate_for,
    named_framework,
    ofsted_framework,
)
from transforms.metrics import metric_claims
from transforms.ofsted_reports import OfstedReport, parse_report
from transforms.ofsted_site import provider_page_rows
from transforms.quotes import quotations
from transforms.ratings import RatingClaim, rating_claims, shared_grade_list, table_row_claim
from transforms.text import sentences

TITLE_WEIGHT = 3
PRE_2013_FRAMEWORKS = ("slac", "safeguarding_la", "jar", "apa", "ssi")
LAST_PRE_2013_YEAR = 2013  # SLAC inspections ran until 2013; APA and JAR ended in 2009


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
    if doc.doc_type == "ofsted_provider_page":
        return provider_page_rows(doc)
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
    if doc.doc_type == "ofsted_report":
        report = parse_report(doc.text, doc.published_on, index)
        if report is not None and report.council_code and report.dated_on:
            return _report_rows(doc, report, out)
    blocks = with_implicit_lists(doc.blocks)
    if main is None:  # national news: people are still quoted, but no council's services are rated
        out.quotes = _quotes(index, doc, blocks, None, reference)
        return out

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
    for claim in mentioned:  # a visit to the councils the sentence names, else to the document's council
        named = list(dict.fromkeys(m.council_code for m in index.find_mentions(claim.text, on=reference)))
        for code in named or [main]:
            add_inspection(code, claim.framework, claim.year, claim.month)

    owned_claims = _rating_claims(index, blocks, doc.title, reference)
    claims = [claim for claim, _, _ in owned_claims]
    # Abbreviations the text defines ("Kensington and Chelsea (RBKC)") name councils in later clauses too.
    abbreviations = {m.surface: m.council_code for m in mentions if m.surface.isupper() and len(m.surface) <= 6}
    # Undated documents: the latest inspection they date themselves stands in for "now".
    now = reference or (date(max(c.year for c in mentioned), 12, 31) if mentioned else None)
    current = _current_inspection(claims, mentioned, now, doc.text)
    current_id = add_inspection(main, *current) if current else None

    ratings: dict[str, Rating] = {}
    for claim, codes, section in owned_claims:
        for code in codes or _councils_of(index, claim, reference, abbreviations) or [section or main]:
            historical = not _is_current(claim, now)
            framework = None
            if historical:
                year = claim.year or _latest_ofsted_year(mentioned, current[1] if current else None)
                framework = _graded_framework(claim.clause, year) if year else None
                iid = add_inspection(code, framework, year) if year else None
            elif current is not None:
                year, iid, framework = current[1], add_inspection(code, *current), current[0]
            else:  # an undated document: the verdict stands, its year and inspection are unknown
                year, iid = claim.year, None
            judgement = claim.judgement
            if framework in PRE_2013_FRAMEWORKS and judgement == "children_in_care":
                judgement = "looked_after"  # the earlier frameworks' name for the judgement on children in care
            rid = make_id("rating", document_id, code, iid, judgement, claim.grade, historical)
            ratings.setdefault(rid, Rating(
                rating_id=rid, council_code=code, inspection_id=iid, judgement=judgement, grade=claim.grade,
                grade_rank=GRADE_RANK[claim.grade], grade_label=claim.grade_label, rated_year=year, rated_on=None,
                is_historical=historical, document_id=document_id, evidence=claim.clause,
            ))
    out.ratings = _without_undated_echoes(list(ratings.values()))

    # Findings belong to an inspection the document reports; undated, it may not say which (inspection_id NULL).
    reports_inspection = current_id is not None or any(_is_current(c, now) for c in claims) or (
        named_framework(doc.text) in ("ssi", *UNGRADED))
    if reports_inspection:
        finding_rows: dict[str, Finding] = {}
        for f in list_findings(blocks) + prose_findings(blocks):
            fid = make_id("finding", document_id, main, f.kind, f.text)
            finding_rows.setdefault(fid, Finding(fid, main, document_id, current_id, f.kind, f.theme, f.text))
        out.findings = list(finding_rows.values())

    out.quotes = _quotes(index, doc, blocks, main, reference)
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


def _report_rows(doc: Document, report: OfstedReport, out: Extraction) -> Extraction:
    """An Ofsted report's own record: its inspection, its grades (never historical) and what needs to improve."""
    code, when = report.council_code, report.dated_on
    assert code is not None and when is not None
    iid = inspection_id(code, report.framework, when.year, when.month)
    out.inspections = [Inspection(iid, code, inspectorate_for(report.framework), report.framework, report.visit_start,
                                  report.visit_end, report.published_on, report.lead_inspector, doc.url)]
    out.document_inspections = [DocumentInspection(doc.document_id, iid)]
    if report.framework not in UNGRADED:
        out.ratings = [
            Rating(rating_id=make_id("rating", doc.document_id, code, iid, j.judgement, j.grade, False),
                   council_code=code, inspection_id=iid, judgement=j.judgement, grade=j.grade,
                   grade_rank=GRADE_RANK[j.grade], grade_label=j.grade_label, rated_year=when.year, rated_on=when,
                   is_historical=False, document_id=doc.document_id, evidence=j.evidence)
            for j in report.judgements if j.grade in GRADE_RANK]
    out.findings = [Finding(make_id("finding", doc.document_id, code, f.kind, f.text), code, doc.document_id, iid,
                            f.kind, f.theme, f.text) for f in report.findings]
    return out


# Roles that belong to a council: quoted without an organisation, the speaker speaks for the document's council.
_COUNCIL_ROLE = re.compile(r"\b(?:cabinet|portfolio|lead|executive)\s+(?:member|holder)|director\s+of\s+children|"
                           r"director\s+of\s+social|chief\s+executive|leader\s+of\s+the\s+council|"
                           r"children'?s\s+services\s+director|chair\s+of\s+the\s+[\w\s]*committee", re.I)


def _quotes(index: CouncilIndex, doc: Document, blocks: list[Block], main: str | None,
            on: date | None) -> list[Quote]:
    """Attributed quotations; an organisation that names a council (even by an abbreviation the text defines,
    "KCC") is written as the council's official name and sets the quote's council."""
    rows: dict[str, Quote] = {}
    for q in quotations(blocks):
        organisation, council = q.organisation, None
        if organisation in ("council", "authority") or (organisation is None and q.role
                                                        and _COUNCIL_ROLE.search(q.role)):
            council = main
        elif organisation:
            named = index.find_mentions(f"{doc.text}\n{organisation}", on=on)
            council = next((m.council_code for m in named if m.start > len(doc.text)), None)
        if council is not None:
            organisation = index.council(council).official_name
        qid = make_id("quote", doc.document_id, q.speaker, q.text)
        rows.setdefault(qid, Quote(qid, doc.document_id, council or main, q.speaker, q.role, organisation, q.text))
    return list(rows.values())


def _rating_claims(index: CouncilIndex, blocks: list[Block], title: str | None,
                   on: date | None) -> list[tuple[RatingClaim, list[str] | None, str | None]]:
    """Every verdict in the document: (claim, the councils it names explicitly or None, the council of its
    section, the one a heading above it names, or None).

    Shapes: sentences; table rows ("Impact of leaders | Good"); councils listed after a colon
    ("The seven judged inadequate are: A; B and C"), in a sentence or as a list under a lead-in.
    """
    found: list[tuple[RatingClaim, list[str] | None, str | None]] = []
    section: str | None = None

    def read(block: Block) -> None:
        nonlocal section
        if block.kind == "heading":
            named = {m.council_code for m in index.find_mentions(block.text, on=on)}
            section = named.pop() if len(named) == 1 else None
        if block.kind == "table_row":
            if claim := table_row_claim(block.text):
                found.append((claim, None, section))
            return
        for sentence in sentences(block.text):
            shared = _shared_list(index, sentence, on)
            if shared:
                found.extend(shared)
            else:
                found.extend((claim, None, section) for claim in rating_claims(sentence))

    lead_in: Block | None = None  # a paragraph ending with a colon, read once we know what follows it
    for list_id, group in groupby(blocks, key=lambda b: b.list_id if b.kind == "list_item" else None):
        group = list(group)
        if lead_in is not None:
            items = "; ".join(b.text for b in group) if list_id is not None else ""
            shared = _shared_list(index, f"{lead_in.text} {items}", on) if items else None
            if shared:
                found.extend(shared)
                group = []
            else:
                read(lead_in)
            lead_in = None
        for block in group:
            if block is group[-1] and block.kind == "paragraph" and block.text.rstrip().endswith(":"):
                lead_in = block
            else:
                read(block)
    if lead_in is not None:
        read(lead_in)
    found.extend((claim, None, None) for claim in rating_claims(title or ""))
    return found


def _shared_list(index: CouncilIndex, text: str,
                 on: date | None) -> list[tuple[RatingClaim, list[str], None]] | None:
    """Grades shared by a list of at least two councils, each name resolved; None if any name is not a council."""
    shared = shared_grade_list(text)
    if shared is None:
        return None
    claims, names = shared
    codes = [index.resolve(re.sub(r"\s*\(.*?\)", "", name), on=on) for name in names]
    if len(codes) < 2 or None in codes:
        return None
    return [(claim, list(dict.fromkeys(codes)), None) for claim in claims]


_JOINED = re.compile(r"^(?:\s*(?:,|and|&|as\s+well\s+as)\s*)+$", re.I)


def _councils_of(index: CouncilIndex, claim: RatingClaim, on: date | None,
                 abbreviations: dict[str, str]) -> list[str]:
    """The councils a verdict belongs to: the nearest one named before it in its own stretch of the clause, with
    any joined to it ("Newham and Barking were"); else the nearest before it; else the clause's only one."""
    if claim.year:  # a council as it was then: North Yorkshire County Council in 2018, not its successor
        on = date(claim.year, 6, 30)
    named = [(m.start, m.end, m.council_code) for m in index.find_mentions(claim.clause, on=on)]
    named += [(m.start(), m.end(), code) for surface, code in abbreviations.items()
              for m in re.finditer(rf"\b{re.escape(surface)}\b", claim.clause)]
    named.sort()
    before = [n for n in named if n[0] < claim.start]
    own = [n for n in before if n[0] >= claim.segment]
    if own:
        chain = [own[-1]]
        for mention in reversed(own[:-1]):
            if not _JOINED.match(claim.clause[mention[1]:chain[-1][0]]):
                break
            chain.append(mention)
        return list(dict.fromkeys(code for _, _, code in reversed(chain)))
    if before:
        return [before[-1][2]]
    codes = {code for _, _, code in named}
    return [codes.pop()] if len(codes) == 1 else []


def _graded_framework(text: str, year: int) -> str:
    """The graded framework a historical verdict came from: named in words (APA, JAR, SLAC, SSI) or by year."""
    named = named_framework(text)
    return named if named in ("apa", "jar", "slac", "ssi") else ofsted_framework(date(year, 12, 31), text)


def _without_undated_echoes(ratings: list[Rating]) -> list[Rating]:
    """Drop a historical rating with no year when the document also dates the same grade for the same council
    and judgement ("moved from inadequate to good" ... "it was judged inadequate in 2016")."""
    dated = {(r.council_code, r.judgement, r.grade) for r in ratings if r.is_historical and r.rated_year}
    return [r for r in ratings
            if not (r.is_historical and r.rated_year is None and (r.council_code, r.judgement, r.grade) in dated)]


def _is_current(claim: RatingClaim, reference: date | None) -> bool:
    """A verdict the document reports as news, rather than one it recalls from an earlier year."""
    return not claim.is_historical and (claim.year is None or reference is None or claim.year >= reference.year)


def _latest_ofsted_year(mentioned: list[InspectionClaim], before: int | None) -> int | None:
    """The year of the latest graded inspection the document dates before the one it reports."""
    years = [c.year for c in mentioned if c.inspectorate == "ofsted" and c.framework not in UNGRADED
             and (before is None or c.year < before)]
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
        framework = named_framework(text)
        if framework not in ("apa", "jar", "slac") or year > LAST_PRE_2013_YEAR:
            framework = ofsted_framework(date(year, month or 1, 1), text)
        return framework, year, None
    for claim in mentioned:  # no verdict: a visit letter, a joint inspection, an SSI report
        recent = reference is None or claim.year >= reference.year - 1
        if claim.framework in (*UNGRADED, "ssi") and recent:
            return claim.framework, claim.year, claim.month
    return None
