-- Core warehouse schema: the public contract (shared/docs/warehouse-contract.md).
--
-- No FOREIGN KEY constraints on purpose: DuckDB (checked on 2.0) refuses to DELETE a row that is
-- still referenced, even inside a transaction that puts it back, which breaks seed_reference's
-- replace-all of councils and makes load order matter. Ids are therefore not checked against
-- their tables; the column comments name the table each id points to.
-- Vocabulary CHECKs mirror the tuples in csi/records.py; tests/test_warehouse.py keeps them in step.
-- Timestamps are UTC without a time zone.

CREATE TABLE councils (
    council_code VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    official_name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL CHECK (kind IN ('london_borough', 'metropolitan_district', 'unitary', 'county')),
    region VARCHAR,
    ofsted_urn VARCHAR,
    dfe_la_code VARCHAR,
    start_date DATE,
    end_date DATE,
    replaced_by VARCHAR
);
COMMENT ON TABLE councils IS 'One row per English children''s services authority (local authority with children''s social care duties), current or abolished. Reference data loaded from csi/reference; every other table names councils by council_code.';
COMMENT ON COLUMN councils.council_code IS 'ONS GSS code of the authority, the key used everywhere, e.g. E09000017 (Hillingdon). Abolished councils keep their old code.';
COMMENT ON COLUMN councils.name IS 'Short everyday name, e.g. Hillingdon.';
COMMENT ON COLUMN councils.official_name IS 'Full legal name, e.g. London Borough of Hillingdon.';
COMMENT ON COLUMN councils.kind IS 'Type of authority: london_borough, metropolitan_district, unitary or county.';
COMMENT ON COLUMN councils.region IS 'English region, e.g. London, North West. NULL if unknown.';
COMMENT ON COLUMN councils.ofsted_urn IS 'Ofsted unique reference number of the local authority''s children''s services, used in Ofsted report URLs, e.g. 80478. NULL if unknown.';
COMMENT ON COLUMN councils.dfe_la_code IS 'Department for Education 3-digit local authority code used in DfE statistics, e.g. 312. NULL if unknown.';
COMMENT ON COLUMN councils.start_date IS 'Date the authority took on children''s services, e.g. 2020-04-01 for Buckinghamshire Council. NULL if it predates the records.';
COMMENT ON COLUMN councils.end_date IS 'Date the authority was abolished or merged; NULL while it exists. E.g. 2020-03-31 for Buckinghamshire County Council.';
COMMENT ON COLUMN councils.replaced_by IS 'council_code of the successor authority when abolished, e.g. E10000002 -> E06000060; several codes separated by ";" when the area was split (Northamptonshire, Cumbria). NULL while it exists.';

CREATE TABLE council_aliases (
    alias VARCHAR NOT NULL,
    council_code VARCHAR NOT NULL,
    PRIMARY KEY (alias, council_code)
);
COMMENT ON TABLE council_aliases IS 'Names by which a council is referred to in text, used to recognise councils in documents. One alias may point to several councils (e.g. an old county name and its successor).';
COMMENT ON COLUMN council_aliases.alias IS 'Name text as normalised by the council matcher (lower case, "&" as "and", punctuation dropped, leading "the" dropped, whitespace collapsed), e.g. hillingdon, london borough of hillingdon.';
COMMENT ON COLUMN council_aliases.council_code IS 'council_code (councils) the alias refers to, e.g. E09000017.';

CREATE TABLE documents (
    document_id VARCHAR PRIMARY KEY,
    url VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    publisher VARCHAR,
    doc_type VARCHAR NOT NULL CHECK (doc_type IN (
        'news', 'minutes', 'ofsted_report', 'ofsted_provider_page', 'press_release', 'statistics', 'other'
    )),
    title VARCHAR,
    author VARCHAR,
    published_on DATE,
    fetched_at TIMESTAMP NOT NULL,
    content_sha256 VARCHAR NOT NULL,
    content_type VARCHAR,
    parser VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    profile_miss VARCHAR
);
COMMENT ON TABLE documents IS 'One row per parsed web page or PDF (news article, committee minutes, Ofsted report...). Ratings, findings, quotes and metrics point back here by document_id as their evidence.';
COMMENT ON COLUMN documents.document_id IS 'Stable id derived from the URL (16 hex digits), e.g. 3f2a9c0d1b7e4a55. The same URL always has the same id.';
COMMENT ON COLUMN documents.url IS 'Canonical URL the document was fetched from, e.g. https://reports.ofsted.gov.uk/provider/44/80478.';
COMMENT ON COLUMN documents.source IS 'Name of the configured source (scraper) that found it, e.g. ofsted_reports, local_news.';
COMMENT ON COLUMN documents.publisher IS 'Organisation that published it, e.g. Ofsted, BBC News, Hillingdon Council. NULL if unknown.';
COMMENT ON COLUMN documents.doc_type IS 'Kind of document: news, minutes, ofsted_report, ofsted_provider_page, press_release, statistics or other.';
COMMENT ON COLUMN documents.title IS 'Title or headline as published. NULL if none.';
COMMENT ON COLUMN documents.author IS 'Byline or author as published. NULL if none.';
COMMENT ON COLUMN documents.published_on IS 'Publication date stated by the document, e.g. 2023-05-12. NULL if not stated.';
COMMENT ON COLUMN documents.fetched_at IS 'When this content (this content_sha256) was first downloaded (UTC); a refetch of identical bytes keeps the earlier time.';
COMMENT ON COLUMN documents.content_sha256 IS 'SHA-256 (hex) of the raw downloaded bytes; changes when the page changes.';
COMMENT ON COLUMN documents.content_type IS 'HTTP Content-Type of the download, e.g. text/html, application/pdf. NULL if unknown.';
COMMENT ON COLUMN documents.parser IS 'Parser that produced the text, as name@version, e.g. news_html@1. Lets you find documents to reparse after a parser change.';
COMMENT ON COLUMN documents.text IS 'Main text of the document (boilerplate removed), the evidence the extracted rows quote.';
COMMENT ON COLUMN documents.profile_miss IS 'Set when the source''s site profile selectors matched nothing on this page (a redesign?) and generic extraction was used instead, e.g. body: div.article-body. NULL when the profile matched or the source has none.';

CREATE TABLE document_councils (
    document_id VARCHAR NOT NULL,
    council_code VARCHAR NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (document_id, council_code)
);
COMMENT ON TABLE document_councils IS 'Which councils each document is about: one row per (document, council) recognised in the text. Use it to list all coverage of a council.';
COMMENT ON COLUMN document_councils.document_id IS 'document_id (documents) of the document.';
COMMENT ON COLUMN document_councils.council_code IS 'council_code (councils) mentioned, e.g. E09000017.';
COMMENT ON COLUMN document_councils.mentions IS 'Number of times the council is mentioned in the document, e.g. 3.';

CREATE TABLE inspections (
    inspection_id VARCHAR PRIMARY KEY,
    council_code VARCHAR NOT NULL,
    inspectorate VARCHAR NOT NULL CHECK (inspectorate IN ('ofsted', 'ssi', 'cqc', 'hmicfrs', 'hmi_probation', 'joint')),
    framework VARCHAR NOT NULL CHECK (framework IN (
        'ilacs_standard', 'ilacs_short', 'sif', 'sif_reinspection', 'slac', 'safeguarding_la', 'jar',
        'apa', 'focused_visit', 'monitoring_visit', 'jtai', 'ssi', 'other'
    )),
    visit_start DATE,
    visit_end DATE,
    published_on DATE,
    lead_inspector VARCHAR,
    report_url VARCHAR
);
COMMENT ON TABLE inspections IS 'One row per inspection or visit of a council''s children''s services. Every document reporting the same inspection (news, minutes, the report) yields the same inspection_id; each fills in the details it knows and a missing detail never erases a known one.';
COMMENT ON COLUMN inspections.inspection_id IS 'Stable id (16 hex digits) shared by every document about the same inspection.';
COMMENT ON COLUMN inspections.council_code IS 'council_code (councils) of the inspected authority, e.g. E09000017.';
COMMENT ON COLUMN inspections.inspectorate IS 'Who inspected: ofsted, ssi (Social Services Inspectorate), cqc, hmicfrs, hmi_probation or joint (several together).';
COMMENT ON COLUMN inspections.framework IS 'Inspection framework: ilacs_standard, ilacs_short (ILACS 2018-), sif, sif_reinspection (single inspection framework 2013-2018), slac (safeguarding and looked after children), safeguarding_la, jar (joint area review), apa (annual performance assessment), focused_visit, monitoring_visit (ungraded visits), jtai (joint targeted area inspection), ssi, other.';
COMMENT ON COLUMN inspections.visit_start IS 'First day inspectors were on site, e.g. 2022-11-07. NULL if not known.';
COMMENT ON COLUMN inspections.visit_end IS 'Last day inspectors were on site, e.g. 2022-11-18. NULL if not known.';
COMMENT ON COLUMN inspections.published_on IS 'Date the inspection report was published, e.g. 2023-01-10. NULL if not known.';
COMMENT ON COLUMN inspections.lead_inspector IS 'Name of the lead inspector as printed in the report, e.g. Jane Smith. NULL if not known.';
COMMENT ON COLUMN inspections.report_url IS 'URL of the published report (usually a PDF on files.ofsted.gov.uk). NULL if not known.';

CREATE TABLE ratings (
    rating_id VARCHAR PRIMARY KEY,
    council_code VARCHAR NOT NULL,
    inspection_id VARCHAR,
    judgement VARCHAR NOT NULL CHECK (judgement IN (
        'overall_effectiveness', 'leadership', 'help_and_protection', 'children_in_care', 'care_leavers',
        'adoption', 'lscb', 'safeguarding', 'looked_after', 'other'
    )),
    grade VARCHAR NOT NULL CHECK (grade IN ('outstanding', 'good', 'requires_improvement', 'inadequate')),
    grade_rank INTEGER NOT NULL CHECK (grade_rank = CASE grade
        WHEN 'outstanding' THEN 1 WHEN 'good' THEN 2 WHEN 'requires_improvement' THEN 3 WHEN 'inadequate' THEN 4
    END),
    grade_label VARCHAR NOT NULL,
    rated_year INTEGER,
    rated_on DATE,
    is_historical BOOLEAN NOT NULL,
    document_id VARCHAR NOT NULL,
    evidence VARCHAR NOT NULL
);
COMMENT ON TABLE ratings IS 'Claims, found in a document, that a council''s children''s services received a grade for a judgement. One inspection is usually reported by several documents, so group by inspection_id (or council, judgement, year) to count distinct ratings. Grades of schools, homes or other providers are never here.';
COMMENT ON COLUMN ratings.rating_id IS 'Stable id of this claim (16 hex digits).';
COMMENT ON COLUMN ratings.council_code IS 'council_code (councils) of the rated authority, e.g. E09000017.';
COMMENT ON COLUMN ratings.inspection_id IS 'inspection_id (inspections) the grade came from; NULL when the document does not identify the inspection.';
COMMENT ON COLUMN ratings.judgement IS 'What was graded: overall_effectiveness, leadership, help_and_protection, children_in_care, care_leavers, adoption, lscb (local safeguarding children board), safeguarding and looked_after (pre-2013 frameworks), other.';
COMMENT ON COLUMN ratings.grade IS 'Normalised grade: outstanding, good, requires_improvement (incl. "requires improvement to be good" and legacy "adequate") or inadequate (incl. legacy "poor"). Legacy "excellent" maps to outstanding.';
COMMENT ON COLUMN ratings.grade_rank IS 'Grade as a number for sorting and averaging: 1 outstanding, 2 good, 3 requires_improvement, 4 inadequate (lower is better).';
COMMENT ON COLUMN ratings.grade_label IS 'Grade in the words the document used, e.g. "Requires improvement to be good", "performs excellently".';
COMMENT ON COLUMN ratings.rated_year IS 'Year the grade was given (publication year of the report), e.g. 2019. NULL if unknown.';
COMMENT ON COLUMN ratings.rated_on IS 'Exact date the grade was given/published, when the document says, e.g. 2019-03-22. NULL otherwise.';
COMMENT ON COLUMN ratings.is_historical IS 'true when the document mentions an earlier rating ("rated requires improvement in 2014") rather than reporting a new one.';
COMMENT ON COLUMN ratings.document_id IS 'document_id (documents) the claim was extracted from.';
COMMENT ON COLUMN ratings.evidence IS 'The sentence or table row the claim came from, verbatim, e.g. "Overall effectiveness: Good".';

CREATE TABLE findings (
    finding_id VARCHAR PRIMARY KEY,
    council_code VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    inspection_id VARCHAR,
    kind VARCHAR NOT NULL CHECK (kind IN ('strength', 'weakness', 'recommendation')),
    theme VARCHAR NOT NULL CHECK (theme IN (
        'leadership', 'governance', 'workforce', 'caseloads', 'supervision', 'assessment', 'planning',
        'permanence', 'adoption', 'care_leavers', 'exploitation_missing', 'early_help', 'front_door',
        'partnership', 'performance_management', 'disabled_children', 'voice_of_child', 'placements', 'other'
    )),
    text VARCHAR NOT NULL
);
COMMENT ON TABLE findings IS 'Strengths, weaknesses and recommendations about a council''s children''s services stated in a document (mostly inspection reports and visit letters, which carry no grade).';
COMMENT ON COLUMN findings.finding_id IS 'Stable id of the finding (16 hex digits).';
COMMENT ON COLUMN findings.council_code IS 'council_code (councils) the finding is about, e.g. E09000017.';
COMMENT ON COLUMN findings.document_id IS 'document_id (documents) the finding was extracted from.';
COMMENT ON COLUMN findings.inspection_id IS 'inspection_id (inspections) that made the finding; NULL if not identified.';
COMMENT ON COLUMN findings.kind IS 'strength, weakness or recommendation (what the council should improve).';
COMMENT ON COLUMN findings.theme IS 'Topic: leadership, governance, workforce, caseloads, supervision, assessment, planning, permanence, adoption, care_leavers, exploitation_missing, early_help, front_door, partnership, performance_management, disabled_children, voice_of_child, placements, other.';
COMMENT ON COLUMN findings.text IS 'The finding as written, e.g. "Social workers'' caseloads are too high in the assessment teams."';

CREATE TABLE quotes (
    quote_id VARCHAR PRIMARY KEY,
    document_id VARCHAR NOT NULL,
    council_code VARCHAR,
    speaker VARCHAR NOT NULL,
    role VARCHAR,
    organisation VARCHAR,
    text VARCHAR NOT NULL
);
COMMENT ON TABLE quotes IS 'Attributed direct speech in a document, e.g. a lead member reacting to an Ofsted grade.';
COMMENT ON COLUMN quotes.quote_id IS 'Stable id of the quote (16 hex digits).';
COMMENT ON COLUMN quotes.document_id IS 'document_id (documents) the quote appears in.';
COMMENT ON COLUMN quotes.council_code IS 'council_code (councils) the quote is about; NULL if no single council.';
COMMENT ON COLUMN quotes.speaker IS 'Person quoted, as named, e.g. Cllr Jane Palmer.';
COMMENT ON COLUMN quotes.role IS 'Speaker''s role, e.g. cabinet member for children''s services. NULL if not stated.';
COMMENT ON COLUMN quotes.organisation IS 'Speaker''s organisation, e.g. Hillingdon Council, Ofsted. NULL if not stated.';
COMMENT ON COLUMN quotes.text IS 'The quoted words, verbatim, without surrounding quotation marks.';

CREATE TABLE metrics (
    metric_id VARCHAR PRIMARY KEY,
    document_id VARCHAR NOT NULL,
    council_code VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    value DOUBLE NOT NULL,
    unit VARCHAR NOT NULL CHECK (unit IN ('count', 'percent', 'weeks', 'ratio', 'gbp', 'days')),
    as_of DATE,
    period VARCHAR,
    text VARCHAR NOT NULL
);
COMMENT ON TABLE metrics IS 'Numbers about a council''s children''s services stated in a document (caseloads, agency staff share, children in care, overspend...). A figure refers to a date (as_of) or a period.';
COMMENT ON COLUMN metrics.metric_id IS 'Stable id of the figure (16 hex digits).';
COMMENT ON COLUMN metrics.document_id IS 'document_id (documents) the figure was extracted from.';
COMMENT ON COLUMN metrics.council_code IS 'council_code (councils) the figure is about, e.g. E09000017.';
COMMENT ON COLUMN metrics.name IS 'What is measured, snake_case, e.g. average_caseload, agency_social_workers, children_in_care, overspend.';
COMMENT ON COLUMN metrics.value IS 'The number, in unit; percentages as stated (23.5 for 23.5%, not 0.235).';
COMMENT ON COLUMN metrics.unit IS 'Unit of value: count, percent, weeks, ratio, gbp (pounds sterling) or days.';
COMMENT ON COLUMN metrics.as_of IS 'Date the figure refers to, e.g. 2023-03-31. NULL if it refers to a period or is undated.';
COMMENT ON COLUMN metrics.period IS 'Period the figure covers, as written or normalised, e.g. 2022-23, Q1 2024. NULL if it has an as_of date or is undated.';
COMMENT ON COLUMN metrics.text IS 'The sentence or table row the figure came from, verbatim.';

CREATE TABLE fetches (
    fetch_id VARCHAR PRIMARY KEY,
    url VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    requested_at TIMESTAMP NOT NULL,
    status_code INTEGER,
    outcome VARCHAR NOT NULL CHECK (outcome IN (
        'ok', 'not_modified', 'http_error', 'timeout', 'connection_error', 'robots_disallowed',
        'too_large', 'bad_content_type', 'parse_error'
    )),
    error VARCHAR,
    elapsed_ms INTEGER,
    bytes BIGINT,
    etag VARCHAR,
    last_modified VARCHAR,
    warc_file VARCHAR,
    warc_offset BIGINT,
    run_id VARCHAR,
    final_url VARCHAR,
    content_type VARCHAR,
    content_sha256 VARCHAR,
    is_document BOOLEAN NOT NULL DEFAULT false
);
COMMENT ON TABLE fetches IS 'Log of every HTTP request the scrapers made, successful or not: use it to audit coverage and failures. Raw responses are archived in WARC files.';
COMMENT ON COLUMN fetches.fetch_id IS 'Stable id of the request (16 hex digits).';
COMMENT ON COLUMN fetches.url IS 'URL requested.';
COMMENT ON COLUMN fetches.source IS 'Name of the configured source (scraper) that made the request, e.g. ofsted_reports.';
COMMENT ON COLUMN fetches.requested_at IS 'When the request started (UTC).';
COMMENT ON COLUMN fetches.status_code IS 'HTTP status code, e.g. 200, 304, 404. NULL if no response (timeout, connection error, robots).';
COMMENT ON COLUMN fetches.outcome IS 'Result: ok, not_modified (304, cached copy reused), http_error, timeout, connection_error, robots_disallowed, too_large, bad_content_type, parse_error.';
COMMENT ON COLUMN fetches.error IS 'Error message when outcome is not ok; NULL otherwise.';
COMMENT ON COLUMN fetches.elapsed_ms IS 'Request duration in milliseconds. NULL if not measured.';
COMMENT ON COLUMN fetches.bytes IS 'Size of the response body in bytes. NULL if no body.';
COMMENT ON COLUMN fetches.etag IS 'HTTP ETag response header, sent back as If-None-Match next time. NULL if absent.';
COMMENT ON COLUMN fetches.last_modified IS 'HTTP Last-Modified response header verbatim, e.g. Tue, 10 Jan 2023 09:00:00 GMT. NULL if absent.';
COMMENT ON COLUMN fetches.warc_file IS 'WARC file holding the raw request and response, relative to the archive directory. NULL if not archived.';
COMMENT ON COLUMN fetches.warc_offset IS 'Byte offset of the response record in warc_file. NULL if not archived.';
COMMENT ON COLUMN fetches.run_id IS 'run_id (runs) of the flow run that made the request. NULL outside a flow run.';
COMMENT ON COLUMN fetches.final_url IS 'URL the response finally came from, after any redirects (equal to url when there were none). NULL if no response.';
COMMENT ON COLUMN fetches.content_type IS 'HTTP Content-Type response header, e.g. text/html; charset=utf-8. NULL if absent.';
COMMENT ON COLUMN fetches.content_sha256 IS 'SHA-256 (hex) of the response body; equals documents.content_sha256 for the parsed document. NULL if no body.';
COMMENT ON COLUMN fetches.is_document IS 'True for a document page (parsed into documents), false for listing pages and feeds read only for their links. csi reparse rebuilds documents from the archived responses of document fetches.';

CREATE TABLE runs (
    run_id VARCHAR PRIMARY KEY,
    flow VARCHAR NOT NULL,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    state VARCHAR NOT NULL,
    counts JSON
);
COMMENT ON TABLE runs IS 'One row per Prefect flow run that wrote to the warehouse, with what it did.';
COMMENT ON COLUMN runs.run_id IS 'Prefect flow run id (UUID), e.g. 0b6c1c2e-3f4a-4d5b-9e8f-1a2b3c4d5e6f.';
COMMENT ON COLUMN runs.flow IS 'Flow name, e.g. scrape-news, load-demo.';
COMMENT ON COLUMN runs.started_at IS 'When the run started (UTC).';
COMMENT ON COLUMN runs.finished_at IS 'When the run finished (UTC); NULL while running or if it crashed.';
COMMENT ON COLUMN runs.state IS 'Final Prefect state name, e.g. Completed, Failed, Crashed, Running.';
COMMENT ON COLUMN runs.counts IS 'JSON object of counts, e.g. {"fetches": 120, "documents": 80, "ratings": 12}; query with counts->>''ratings''.';
