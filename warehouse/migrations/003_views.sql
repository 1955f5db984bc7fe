-- Views for analysts: answers without joins. Each view carries its meaning in COMMENT ON.
-- Source priority when documents disagree about one rating: Ofsted's own record (reports, official
-- statistics) first, then committee minutes, then news and press releases.

-- Which document to believe first about a grade: lower is better.
CREATE MACRO source_priority(doc_type) AS
    CASE doc_type WHEN 'ofsted_report' THEN 0 WHEN 'statistics' THEN 0
                  WHEN 'ofsted_provider_page' THEN 1 WHEN 'minutes' THEN 2 ELSE 3 END;

CREATE VIEW latest_ratings AS
WITH ranked AS (
    SELECT r.*, i.framework, d.source, d.publisher, d.doc_type, d.url,
           row_number() OVER (
               PARTITION BY r.council_code, r.judgement
               ORDER BY r.rated_year DESC NULLS LAST,
                        source_priority(d.doc_type),
                        r.is_historical,
                        d.published_on DESC NULLS LAST,
                        r.rating_id
           ) AS pick
    FROM ratings r
    JOIN documents d USING (document_id)
    LEFT JOIN inspections i USING (inspection_id)
)
SELECT c.council_code, c.name AS council_name, c.region, c.kind,
       coalesce(r.judgement, 'overall_effectiveness') AS judgement,
       r.grade, r.grade_rank, r.grade_label, r.rated_year, r.framework, r.inspection_id,
       r.source, r.publisher, r.doc_type, r.document_id, r.url
FROM councils c
LEFT JOIN ranked r ON r.council_code = c.council_code AND r.pick = 1
ORDER BY c.name, judgement;

COMMENT ON VIEW latest_ratings IS 'One row per council and judgement: the grade from the most recent graded inspection the warehouse knows, preferring Ofsted''s own record over news echoes. Councils with no rating at all appear once, with judgement overall_effectiveness and NULL grade.';
COMMENT ON COLUMN latest_ratings.council_code IS 'ONS code of the council (councils.council_code), e.g. E09000017.';
COMMENT ON COLUMN latest_ratings.council_name IS 'Everyday name of the council, e.g. Hillingdon.';
COMMENT ON COLUMN latest_ratings.region IS 'English region of the council, e.g. London.';
COMMENT ON COLUMN latest_ratings.kind IS 'Type of authority: london_borough, metropolitan_district, unitary or county.';
COMMENT ON COLUMN latest_ratings.judgement IS 'The judgement graded, e.g. overall_effectiveness, leadership (vocabulary in ratings.judgement).';
COMMENT ON COLUMN latest_ratings.grade IS 'Latest grade: outstanding, good, requires_improvement or inadequate. NULL when the council has no rating.';
COMMENT ON COLUMN latest_ratings.grade_rank IS '1 outstanding, 2 good, 3 requires improvement, 4 inadequate; NULL with no rating.';
COMMENT ON COLUMN latest_ratings.grade_label IS 'The words the source used for the grade, e.g. Requires improvement to be good.';
COMMENT ON COLUMN latest_ratings.rated_year IS 'Year of the inspection that gave the grade.';
COMMENT ON COLUMN latest_ratings.framework IS 'Inspection framework of that grade, e.g. ilacs_standard, sif. NULL if the inspection is unknown.';
COMMENT ON COLUMN latest_ratings.inspection_id IS 'The inspection (inspections.inspection_id) that gave the grade, when known.';
COMMENT ON COLUMN latest_ratings.source IS 'Configured source of the document the grade was taken from, e.g. cypnow.';
COMMENT ON COLUMN latest_ratings.publisher IS 'Publisher of that document, e.g. CYP Now.';
COMMENT ON COLUMN latest_ratings.doc_type IS 'Kind of that document: ofsted_report, statistics, minutes, news, press_release...';
COMMENT ON COLUMN latest_ratings.document_id IS 'The document (documents.document_id) the grade was taken from.';
COMMENT ON COLUMN latest_ratings.url IS 'Address of that document.';

CREATE VIEW rating_history AS
WITH ranked AS (
    SELECT r.*, i.framework,
           count(*) OVER (PARTITION BY r.council_code, coalesce(r.inspection_id, r.rating_id), r.judgement)
               AS documents,
           row_number() OVER (
               PARTITION BY r.council_code, coalesce(r.inspection_id, r.rating_id), r.judgement
               ORDER BY source_priority(d.doc_type),
                        r.is_historical, d.published_on DESC NULLS LAST, r.rating_id
           ) AS pick
    FROM ratings r
    JOIN documents d USING (document_id)
    LEFT JOIN inspections i USING (inspection_id)
)
SELECT r.council_code, c.name AS council_name, r.inspection_id, r.framework, r.rated_year, r.judgement,
       r.grade, r.grade_rank, r.documents
FROM ranked r
JOIN councils c USING (council_code)
WHERE r.pick = 1
ORDER BY c.name, r.rated_year NULLS FIRST, r.judgement;

COMMENT ON VIEW rating_history IS 'Every grade a council has had: one row per council, inspection and judgement, oldest first. When several documents report the same inspection, Ofsted''s own record wins over minutes and news.';
COMMENT ON COLUMN rating_history.council_code IS 'ONS code of the council.';
COMMENT ON COLUMN rating_history.council_name IS 'Everyday name of the council.';
COMMENT ON COLUMN rating_history.inspection_id IS 'The inspection (inspections.inspection_id); NULL for a grade whose inspection the documents do not date.';
COMMENT ON COLUMN rating_history.framework IS 'Inspection framework, e.g. sif, ilacs_standard, slac.';
COMMENT ON COLUMN rating_history.rated_year IS 'Year of the inspection.';
COMMENT ON COLUMN rating_history.judgement IS 'The judgement graded (vocabulary in ratings.judgement).';
COMMENT ON COLUMN rating_history.grade IS 'outstanding, good, requires_improvement or inadequate.';
COMMENT ON COLUMN rating_history.grade_rank IS '1 outstanding ... 4 inadequate.';
COMMENT ON COLUMN rating_history.documents IS 'How many documents report this grade for this inspection.';

CREATE VIEW council_trajectory AS
WITH overall AS (
    SELECT council_code, council_name, inspection_id, rated_year, grade, grade_rank,
           lag(inspection_id) OVER w AS from_inspection_id,
           lag(rated_year) OVER w AS from_year,
           lag(grade) OVER w AS from_grade,
           lag(grade_rank) OVER w AS from_rank
    FROM rating_history
    WHERE judgement = 'overall_effectiveness' AND rated_year IS NOT NULL
    WINDOW w AS (PARTITION BY council_code ORDER BY rated_year, inspection_id)
)
SELECT council_code, council_name, from_inspection_id, from_year, from_grade,
       inspection_id AS to_inspection_id, rated_year AS to_year, grade AS to_grade,
       CASE WHEN grade_rank < from_rank THEN 'improved' WHEN grade_rank > from_rank THEN 'declined'
            ELSE 'unchanged' END AS change
FROM overall
WHERE from_grade IS NOT NULL
ORDER BY council_name, to_year;

COMMENT ON VIEW council_trajectory IS 'Each council''s change in overall effectiveness between consecutive graded inspections: improved, declined or unchanged, with both years and grades.';
COMMENT ON COLUMN council_trajectory.council_code IS 'ONS code of the council.';
COMMENT ON COLUMN council_trajectory.council_name IS 'Everyday name of the council.';
COMMENT ON COLUMN council_trajectory.from_inspection_id IS 'The earlier inspection.';
COMMENT ON COLUMN council_trajectory.from_year IS 'Year of the earlier inspection.';
COMMENT ON COLUMN council_trajectory.from_grade IS 'Overall grade at the earlier inspection.';
COMMENT ON COLUMN council_trajectory.to_inspection_id IS 'The later inspection.';
COMMENT ON COLUMN council_trajectory.to_year IS 'Year of the later inspection.';
COMMENT ON COLUMN council_trajectory.to_grade IS 'Overall grade at the later inspection.';
COMMENT ON COLUMN council_trajectory.change IS 'improved, declined or unchanged (by grade rank).';

CREATE VIEW findings_by_theme AS
SELECT f.theme, f.kind, year(coalesce(d.published_on, d.fetched_at)) AS year,
       count(*) AS findings, count(DISTINCT f.council_code) AS councils,
       list(f.text ORDER BY f.finding_id)[1:3] AS examples
FROM findings f
JOIN documents d USING (document_id)
GROUP BY ALL
ORDER BY year DESC, findings DESC, f.theme, f.kind;

COMMENT ON VIEW findings_by_theme IS 'How often each theme comes up as a strength, weakness or recommendation, by year of the document, with up to three example texts.';
COMMENT ON COLUMN findings_by_theme.theme IS 'Finding theme (vocabulary in findings.theme), e.g. caseloads.';
COMMENT ON COLUMN findings_by_theme.kind IS 'strength, weakness or recommendation.';
COMMENT ON COLUMN findings_by_theme.year IS 'Year the documents were published (or fetched, if undated).';
COMMENT ON COLUMN findings_by_theme.findings IS 'Number of findings.';
COMMENT ON COLUMN findings_by_theme.councils IS 'Number of councils they concern.';
COMMENT ON COLUMN findings_by_theme.examples IS 'Up to three example finding texts.';

CREATE VIEW source_coverage AS
WITH monthly AS (
    SELECT source, publisher, date_trunc('month', coalesce(published_on, fetched_at))::DATE AS month,
           count(*) AS documents
    FROM documents
    GROUP BY ALL
),
fetch_stats AS (
    SELECT source,
           max(requested_at) FILTER (WHERE outcome IN ('ok', 'not_modified')) AS last_success,
           count(*) AS fetches,
           count(*) FILTER (WHERE outcome NOT IN ('ok', 'not_modified')) AS failures
    FROM fetches
    GROUP BY source
)
SELECT s.source, m.publisher, m.month, coalesce(m.documents, 0) AS documents, f.last_success, f.fetches,
       f.failures, round(f.failures / nullif(f.fetches, 0), 4) AS failure_rate
FROM (SELECT source FROM documents UNION SELECT source FROM fetches) s
LEFT JOIN monthly m USING (source)
LEFT JOIN fetch_stats f USING (source)
ORDER BY s.source, m.month;

COMMENT ON VIEW source_coverage IS 'Documents per source and publisher per month, with each source''s last successful fetch and its failure rate: how complete and how fresh the data is. A source that has been fetched but never yielded a document has one row with NULL month and 0 documents.';
COMMENT ON COLUMN source_coverage.source IS 'Configured source name, e.g. cypnow.';
COMMENT ON COLUMN source_coverage.publisher IS 'Publisher, e.g. CYP Now; NULL for a source with no documents.';
COMMENT ON COLUMN source_coverage.month IS 'First day of the month the documents were published (or fetched, if undated); NULL for a source with no documents.';
COMMENT ON COLUMN source_coverage.documents IS 'Documents from this source and publisher in that month.';
COMMENT ON COLUMN source_coverage.last_success IS 'Latest successful fetch (200 or 304) from the source, UTC.';
COMMENT ON COLUMN source_coverage.fetches IS 'All fetch attempts made for the source.';
COMMENT ON COLUMN source_coverage.failures IS 'Fetch attempts that failed (any outcome but ok and not_modified).';
COMMENT ON COLUMN source_coverage.failure_rate IS 'failures / fetches, 0 to 1.';

CREATE VIEW fetch_failures AS
SELECT url, source, outcome, error, status_code, requested_at, run_id, attempts, is_document
FROM (
    SELECT *, count(*) OVER (PARTITION BY url) AS attempts,
           row_number() OVER (PARTITION BY url ORDER BY requested_at DESC, fetch_id) AS latest
    FROM fetches
)
WHERE latest = 1 AND outcome NOT IN ('ok', 'not_modified')
ORDER BY requested_at DESC, url;

COMMENT ON VIEW fetch_failures IS 'URLs whose latest fetch failed, with that failure''s outcome and error: what csi rerun-failed will retry.';
COMMENT ON COLUMN fetch_failures.url IS 'The URL.';
COMMENT ON COLUMN fetch_failures.source IS 'Configured source it belongs to.';
COMMENT ON COLUMN fetch_failures.outcome IS 'Outcome of the latest attempt, e.g. connection_error, http_error, parse_error.';
COMMENT ON COLUMN fetch_failures.error IS 'Error text of the latest attempt.';
COMMENT ON COLUMN fetch_failures.status_code IS 'HTTP status of the latest attempt, if a response came.';
COMMENT ON COLUMN fetch_failures.requested_at IS 'When the latest attempt was made, UTC.';
COMMENT ON COLUMN fetch_failures.run_id IS 'The flow run (runs.run_id) of the latest attempt.';
COMMENT ON COLUMN fetch_failures.attempts IS 'How many times the URL has been fetched in all.';
COMMENT ON COLUMN fetch_failures.is_document IS 'True for a document page, false for a listing page or feed.';
