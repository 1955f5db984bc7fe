"""Document -> typed rows: councils, inspections, ratings, findings, quotes, metrics.

A pure function of the document and the councils reference: the same document always yields
the same rows with the same ids. Inspection ids depend only on (council, framework, year),
so a news story, the minutes and the report of one inspection share one inspection_id.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

from csi.frameworks import NAMED_EARLIER, SSI, UNGRADED, YEAR_STATED
from csi.frameworks import PRE_2013 as PRE_2013_FRAMEWORKS
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
from transforms.claims import LAST_PRE_2013_YEAR, Claim, Mentions, described_before_named, document_claims
from transforms.councils import CouncilIndex, Mention, default_index, described_as
from transforms.findings import list_findings, prose_findings, with_implicit_lists
from transforms.grades import of_earlier_scale
from transforms.inspections import (
    SIF_START,
    InspectionClaim,
    inspection_claims,
    inspection_id,
    inspectorate_for,
    named_framework,
    ofsted_framework,
    report_published_on,
    with_version,
)
from transforms.metrics import metric_claims
from transforms.official_record import (
    LINKED_DOC_TYPES,
    RECENT_DAYS,
    ClaimDate,
    Link,
    link,
    link_earlier,
    official_record,
    stated_month,
)
from transforms.ofsted_reports import IncompleteReport, OfstedReport, parse_report, report_body
from transforms.ofsted_site import provider_page_rows
from transforms.quotes import quotations
from transforms.sub_judgements import judgements_covered, names_child_protection_inspections, unnamed_judgement
from transforms.text import sentences

TITLE_WEIGHT = 3
# The judgements the 2013 and 2018 frameworks introduced: "adequate" for one of them mixes the frameworks' words
LATER_JUDGEMENTS = ("help_and_protection", "leadership", "care_leavers", "adoption")
# What a page rating a council's children's services speaks of somewhere: the inspectorate, an inspection or an
# assessment, the services themselves. A page that names none of them (a book review, a travel piece, a weekly
# round-up of "more good news") rates no council, whatever its adjectives.
_ON_TOPIC = re.compile(r"\b(?:ofsted|inspect\w*|(?-i:CSCI|SSI|APA|JAR)|(?:annual\s+)?performance\s+assessments?"
                       r"|joint\s+area\s+reviews?|children['’]?s['’]?\s+(?:social\s+)?services"
                       r"|social\s+(?:care|services|work)|safeguarding|child\s+protection|looked[-\s]after"
                       r"|care\s+leavers|children\s+in\s+care)\b", re.I)


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


def extract(doc: Document, index: CouncilIndex | None = None, council: str | None = None,
            link_official: bool = True) -> Extraction:
    """All rows a document supports; `council` is the source's configured council, if any, else the council
    whose own website (:meth:`CouncilIndex.of_site`) the page is on.

    A rating in news, a press release, a blog or minutes that reports an inspection in Ofsted's official record
    is linked to it and takes its id and dates (transforms.official_record); `link_official=False` gives the
    reading of the language alone (the evaluation reports both).

    Years come from the document's own date: an undated document still yields its ratings, but
    with no year and no inspection, rather than with a guess. An Ofsted report of a council inspection
    whose record is incomplete raises IncompleteReport (the page is then a parse error, never a quiet
    success).
    """
    if doc.doc_type == "ofsted_provider_page":
        return provider_page_rows(doc)
    index = index or default_index()
    reference = doc.published_on
    document_id = doc.document_id
    report = parse_report(doc.text, doc.published_on, index) if doc.doc_type == "ofsted_report" else None
    if report is not None:
        return _report_rows(doc, report, index)
    council = council or index.of_site(doc.url, on=reference)  # a council's own press release need not name it
    # council mentions, in the text and the comments under it: found once, reused by every rule below
    found = Mentions(index, "\n\n".join([doc.text, *(b.text for b in doc.comments)]), reference)
    mentions = found.all
    title_mentions = index.find_mentions(doc.title or "", on=reference)
    main = primary_council([m for m in mentions if m.end <= len(doc.text)], title_mentions, council)  # not comments
    named_by_address = index.of_blog(doc.url, on=reference) if doc.doc_type == "news" else None
    if main is None and named_by_address:
        main = council = named_by_address  # a councillor's blog that never names its council: its address does
    # a local paper's story whose lede says "the borough" before naming any council: the one its address or name
    # places it in, if that one is a borough ("Children's services in the Royal Borough ...", www.../maidenhead/)
    lede = doc.text.split("\n\n", 1)[0]
    placed = index.of_address(doc.url, doc.publisher, on=reference) \
        if doc.doc_type == "news" and council is None and not title_mentions else None
    if placed and (kind := described_before_named(lede, [m for m in mentions if m.start < len(lede)])) \
            and described_as(index.council(placed), kind):
        main = placed
    out = Extraction()
    counts = Counter(m.council_code for m in mentions + title_mentions)
    if council:
        counts.setdefault(council, 0)
    out.document_councils = [DocumentCouncil(document_id, code, n) for code, n in sorted(counts.items())]
    blocks = with_implicit_lists(doc.blocks)
    if main is None:  # national news: people are still quoted, but no council's services are rated
        out.quotes = _quotes(index, doc, blocks, None, reference, mentions)
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
        named = list(dict.fromkeys(m.council_code for m in found.within(claim.text)))
        for code in named or [main]:
            add_inspection(code, claim.framework, claim.year, claim.month)

    # the page's council is what its text refers back to from the start when the page is the council's own, its
    # title names it, or a blog's address names it ("norfolkcarersvoice.wordpress.com": "the county's report")
    introduced = council is not None or main in (named_by_address, placed) or any(m.council_code == main
                                                                                 for m in title_mentions)
    claims = [c for c in document_claims(blocks + doc.comments, doc.title, title_mentions, found.rewound(), main,
                                         reference, introduced, own=council is not None or main == named_by_address)
              if c.status != "hypothetical"] if on_topic(doc) else []
    # Undated documents: the latest inspection they date themselves stands in for "now".
    now = reference or (date(max(c.year for c in mentioned), 12, 31) if mentioned else None)
    current = _current_inspection(claims, mentioned, now, doc.text)
    undated = current is not None and reference is not None and not any(c.year for c in claims if _is_current(c, now))
    # "the report was published on 19 December 2019" in February's minutes: the year the judgement was made public
    report = report_published_on(doc.text) if undated else None
    if report is not None and reference.year - 1 <= report.year < current[1]:
        current = (current[0], report.year, None)
    current_id = add_inspection(main, *current) if current else None
    # The year of the grade the document reports: the one its verdict or its visit states, else the document's
    # own, the year the judgement was made public ("the grade, published today, follows an inspection in
    # November" in a January story); the inspection it links to stays the one visited.
    current_year = current[1] if current is not None else None
    reported = _reported_date([c for c in claims if _is_current(c, now)], mentioned, now) if current else None
    if report is not None and current is not None and current[1] == report.year:
        reported = ClaimDate(report.year, report.month)
    if undated and report is None and any(c.year_assumed and c.year == current_year for c in mentioned):
        current_year = reference.year
        reported = ClaimDate(current_year, None, own=False)
    dates: dict[str, ClaimDate | None] = {}  # rating id -> when its claim says the grade was given
    dated_councils = {code for c in claims if _is_current(c, now) and c.year and c.anchor != "publication"
                      for code in c.councils}  # the councils whose current verdicts state their time

    ratings: dict[str, Rating] = {}
    child_protection_story = names_child_protection_inspections(doc.text)
    given = _grades_given(claims)
    for claim in claims:
        historical = not _is_current(claim, now)
        for named_code in claim.councils:
            framework = None
            if historical:
                year = claim.year or _latest_ofsted_year(mentioned, current[1] if current else None)
                if claim.year is None and claim.grade not in given.get((named_code, claim.judgement, year),
                                                                        {claim.grade}):
                    year = None  # the document gives the council another grade that year: not this one's
                when = ClaimDate(year, stated_month(claim.evidence, year), counted=claim.anchor == "relative") \
                    if year else None
            elif current is not None:
                year, framework = current_year, current[0]
                # an undated grade of a council whose own verdicts state no time is the one it held at the
                # document's date, not the date another council's verdict stated
                when = reported if reported is None or not reported.own or claim.anchor != "publication" \
                    or named_code in dated_councils else ClaimDate(year, None, own=False)
            else:
                year = claim.year
                when = ClaimDate(year, stated_month(claim.evidence, year), own=claim.anchor != "publication") \
                    if year else None
            # the council as it was then; an earlier inspection the text does not date keeps a NULL year
            code = index.as_of(named_code, date(year, 6, 30), claim.evidence) if year else named_code
            if year and index.rated_by_others(code, date(year, 6, 30)):
                continue  # a council that did not exist then, when several of its lineage did: theirs, not its
            if historical:
                framework = _graded_framework(claim.evidence, year) if year else None
                iid = add_inspection(code, framework, year) if year else None
            else:
                iid = add_inspection(code, *current) if current is not None else None
            named = unnamed_judgement(year, child_protection_story, claim.grade_words) \
                if claim.judgement == "overall_effectiveness" and not claim.judgement_stated else claim.judgement
            for judgement in judgements_covered(named):  # "children in care and care leavers"
                if judgement == "child_protection":  # the safeguarding judgement until the 2013 framework
                    judgement = "safeguarding" if year and year < SIF_START.year + 1 else "help_and_protection"
                if framework in PRE_2013_FRAMEWORKS and judgement == "children_in_care":
                    judgement = "looked_after"  # the earlier frameworks' name for the judgement on children in care
                if year and year > LAST_PRE_2013_YEAR + 1 and (judgement == "safeguarding" or (
                        of_earlier_scale(claim.grade_words) and judgement not in LATER_JUDGEMENTS)):
                    continue  # a verdict in the 2009-2013 frameworks' words alone (their safeguarding judgement,
                    # their grade "adequate") is theirs: dated years after they ended, its year is wrong
                rid = make_id("rating", document_id, code, iid, judgement, claim.grade, historical)
                dates.setdefault(rid, when)
                ratings.setdefault(rid, Rating(
                    rating_id=rid, council_code=code, inspection_id=iid, judgement=judgement, grade=claim.grade,
                    grade_rank=GRADE_RANK[claim.grade], grade_label=claim.grade_words, rated_year=year, rated_on=None,
                    is_historical=historical, document_id=document_id, evidence=claim.evidence,
                ))
    out.ratings = _without_undated_echoes(list(ratings.values()))
    renamed: dict[str, str] = {}
    if link_official and doc.doc_type in LINKED_DOC_TYPES:
        out.ratings, renamed = _linked(out.ratings, dates, reference, inspections)
        if current_id in renamed:
            current_id = renamed[current_id]

    # Findings belong to an inspection the document reports; undated, it may not say which (inspection_id NULL).
    reports_inspection = current_id is not None or any(_is_current(c, now) for c in claims) or (
        named_framework(doc.text) in (SSI, *UNGRADED))
    if reports_inspection:
        finding_rows: dict[str, Finding] = {}
        for f in list_findings(blocks) + prose_findings(blocks):
            fid = make_id("finding", document_id, main, f.kind, f.text)
            finding_rows.setdefault(fid, Finding(fid, main, document_id, current_id, f.kind, f.theme, f.text))
        out.findings = list(finding_rows.values())

    out.quotes = _quotes(index, doc, blocks, main, reference, mentions)
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


def _linked(ratings: list[Rating], dates: dict[str, ClaimDate | None], written: date | None,
            inspections: dict[str, Inspection]) -> tuple[list[Rating], dict[str, str]]:
    """Ratings linked to the official inspection each reports (transforms.official_record), taking its id and
    dates; an official inspection joins `inspections`, and an inspection of the document's own whose every
    rating moved to one official inspection is that inspection: its id -> the official one (returned, and
    dropped from `inspections`)."""
    record, covered_until = official_record()
    undated: dict[str, list[tuple[str, str, str]]] = {}  # council -> its undated current grades (and their words)
    for r in ratings:
        if (when := dates.get(r.rating_id)) is not None and not when.own:
            undated.setdefault(r.council_code, []).append((r.judgement, r.grade, r.grade_label or ""))
    found_for: dict[str, Link | None] = {}
    reported: dict[str, date] = {}  # council -> publication of the official inspection its current grades report
    for r in ratings:
        if (when := dates.get(r.rating_id)) is not None:
            found_for[r.rating_id] = found = link(
                r.council_code, r.judgement, r.grade, when, written, r.evidence, record, covered_until,
                tuple(undated.get(r.council_code, ())), r.grade_label or "")
            if found and not r.is_historical:
                reported[r.council_code] = max(found.inspection.published_on, reported.get(r.council_code, date.min))
    current = {r.council_code for r in ratings if not r.is_historical}
    for r in ratings:  # an earlier grade given no year: the inspection before the one the document reports
        if r.is_historical and r.rated_year is None and written is not None:
            before = reported.get(r.council_code) or (
                written - timedelta(days=RECENT_DAYS) if r.council_code in current else written)
            found_for[r.rating_id] = link_earlier(r.council_code, r.judgement, r.grade, before, r.evidence, record,
                                                  r.grade_label or "")
    out: list[Rating] = []
    moved: dict[str, set[str | None]] = {}
    for r in ratings:
        found = found_for.get(r.rating_id)
        moved.setdefault(r.inspection_id, set()).add(found.inspection.inspection_id if found else None)
        if found is None:
            out.append(r)
            continue
        official = found.inspection
        inspections.setdefault(official.inspection_id, Inspection(
            official.inspection_id, official.council_code, inspectorate_for(official.framework), official.framework,
            official.visit_start, None, official.published_on, None, None))
        out.append(replace(r, inspection_id=official.inspection_id, judgement=official.headline(r.judgement),
                           rated_year=official.published_on.year, rated_on=official.published_on))
    renamed = {old: next(iter(new)) for old, new in moved.items() if old and len(new) == 1 and None not in new
               and old not in new}
    for old in renamed:
        inspections.pop(old, None)
    # one rating per fact: a verdict naming no judgement that took its inspection's headline (safeguarding) is the
    # document's safeguarding verdict on that inspection, when the document also names it
    facts = {(r.council_code, r.inspection_id, r.judgement, r.grade, r.is_historical): r for r in reversed(out)}
    return [r for r in out if facts[(r.council_code, r.inspection_id, r.judgement, r.grade, r.is_historical)] is r], \
        renamed


def on_topic(doc: Document) -> bool:
    """The page speaks of inspections or children's services somewhere (its title or its text), so a grade word in
    it may be a council's rating."""
    return bool(_ON_TOPIC.search(doc.title or "") or _ON_TOPIC.search(doc.text))


def _report_rows(doc: Document, report: OfstedReport, index: CouncilIndex) -> Extraction:
    """An Ofsted report's own record: its inspection, its grades (never historical) and what needs to improve.

    Councils are those its title and body name (Ofsted's address and back matter are not its body); a report
    of another kind (Area SEND) yields only those.
    """
    if report.problems:
        raise IncompleteReport(f"{report.framework} report: " + "; ".join(report.problems))
    out = Extraction()
    on = report.visit_end or report.published_on
    counts = Counter(m.council_code for m in index.find_mentions(report_body(doc.text), on=on))
    if report.council_code:
        counts[report.council_code] += 1
    out.document_councils = [DocumentCouncil(doc.document_id, code, n) for code, n in sorted(counts.items())]
    if not report.council_inspection:
        return out
    code, when = report.council_code, report.dated_on
    assert code is not None and when is not None
    iid = inspection_id(code, report.framework, when.year, when.month)
    out.inspections = [with_version(Inspection(iid, code, inspectorate_for(report.framework), report.framework,
                                               report.visit_start, report.visit_end, report.published_on,
                                               report.lead_inspector, doc.url, report.framework_version))]
    out.document_inspections = [DocumentInspection(doc.document_id, iid)]
    if report.framework not in UNGRADED:
        out.ratings = [
            Rating(rating_id=make_id("rating", doc.document_id, code, iid, j.judgement, j.grade, False),
                   council_code=code, inspection_id=iid, judgement=j.judgement, grade=j.grade,
                   grade_rank=GRADE_RANK[j.grade], grade_label=j.grade_label,
                   rated_year=when.year, rated_on=report.published_on,
                   is_historical=False, document_id=doc.document_id, evidence=j.evidence)
            for j in report.judgements if j.grade in GRADE_RANK]
    out.findings = [Finding(make_id("finding", doc.document_id, code, f.kind, f.text), code, doc.document_id, iid,
                            f.kind, f.theme, f.text) for f in report.findings]
    return out


# Roles that belong to a council: quoted without an organisation, the speaker speaks for the document's council.
_COUNCIL_ROLE = re.compile(r"\b(?:cabinet|portfolio|lead|executive)\s+(?:member|holder)|director\s+of\s+children|"
                           r"director\s+of\s+social|chief\s+executive|leader\s+of\s+the\s+council|"
                           r"children'?s\s+services\s+director|chair\s+of\s+the\s+[\w\s]*committee", re.I)


def _quotes(index: CouncilIndex, doc: Document, blocks: list[Block], main: str | None, on: date | None,
            mentions: list[Mention]) -> list[Quote]:
    """Attributed quotations; an organisation that names a council (even by an abbreviation the text defines,
    "KCC", among the document's `mentions`) is written as the council's official name and sets the quote's
    council."""
    defined = {m.surface: m.council_code for m in mentions if m.surface.isupper()}
    rows: dict[str, Quote] = {}
    for q in quotations(blocks):
        organisation, council = q.organisation, None
        if organisation in ("council", "authority") or (organisation is None and q.role
                                                        and _COUNCIL_ROLE.search(q.role)):
            council = main
        elif organisation:
            named = index.find_mentions(organisation, on=on)
            council = named[0].council_code if named else next(
                (defined[word] for word in re.findall(r"[A-Z][A-Za-z&]{1,9}", organisation) if word in defined), None)
        if council is not None:
            organisation = index.council(council).official_name
        qid = make_id("quote", doc.document_id, q.speaker, q.text)
        rows.setdefault(qid, Quote(qid, doc.document_id, council or main, q.speaker, q.role, organisation, q.text))
    return list(rows.values())


def _graded_framework(text: str, year: int) -> str:
    """The graded framework a historical verdict came from: named in words (APA, JAR, SLAC, SSI) or by year."""
    named = named_framework(text)
    return named if named in NAMED_EARLIER else ofsted_framework(date(year, 12, 31), text)


def _without_undated_echoes(ratings: list[Rating]) -> list[Rating]:
    """Drop a historical rating with no year when the document also dates the same grade for the same council
    and judgement ("moved from inadequate to good" ... "it was judged inadequate in 2016")."""
    dated = {(r.council_code, r.judgement, r.grade) for r in ratings if r.is_historical and r.rated_year}
    return [r for r in ratings
            if not (r.is_historical and r.rated_year is None and (r.council_code, r.judgement, r.grade) in dated)]


def _is_current(claim: Claim, reference: date | None) -> bool:
    """A verdict the document reports as news, rather than one it recalls from an earlier year."""
    return claim.status == "current" and (claim.year is None or reference is None or claim.year >= reference.year)


def _grades_given(claims: list[Claim]) -> dict[tuple[str, str, int], set[str]]:
    """(council, judgement, year) -> the grades the document's dated claims give."""
    given: dict[tuple[str, str, int], set[str]] = {}
    for claim in claims:
        if claim.year is not None:
            for code in claim.councils:
                given.setdefault((code, claim.judgement, claim.year), set()).add(claim.grade)
    return given


def _latest_ofsted_year(mentioned: list[InspectionClaim], before: int | None) -> int | None:
    """The year of the latest graded inspection the document dates before the one it reports."""
    years = [c.year for c in mentioned if c.inspectorate == "ofsted" and c.framework not in UNGRADED
             and (before is None or c.year < before)]
    return max(years) if years else None


def _reported_date(current: list[Claim], mentioned: list[InspectionClaim], reference: date | None) -> ClaimDate | None:
    """When the document says the inspection it reports took place: a year its verdicts state, else the graded
    visit it dates (with its month), else only its own year (`own` False)."""
    stated = [c.year for c in current if c.year]
    visits = [c for c in mentioned if c.inspectorate == "ofsted" and c.framework not in UNGRADED
              and reference is not None and c.year >= reference.year - 1]
    if stated:
        return ClaimDate(stated[0], None, own=any(c.year and c.anchor != "publication" for c in current))
    if visits:
        return ClaimDate(visits[0].year, visits[0].month, own=not visits[0].year_assumed)
    return ClaimDate(reference.year, None, own=False) if reference is not None else None


def _current_inspection(claims: list[Claim], mentioned: list[InspectionClaim], reference: date | None,
                        text: str) -> tuple[str, int, int | None] | None:
    """(framework, year, month) of the inspection or visit the document reports, if it reports one."""
    current = [c for c in claims if _is_current(c, reference)]
    if current:
        when = _reported_date(current, mentioned, reference)
        if when is None:
            return None
        year, month = when.year, when.month
        framework = named_framework(text)
        if framework not in YEAR_STATED or year > LAST_PRE_2013_YEAR:
            framework = ofsted_framework(date(year, month or 1, 1), text)
        return framework, year, None
    for claim in mentioned:  # no verdict: a visit letter, a joint inspection, an SSI report
        recent = reference is None or claim.year >= reference.year - 1
        if claim.framework in (*UNGRADED, SSI) and recent:
            return claim.framework, claim.year, claim.month
    return None
