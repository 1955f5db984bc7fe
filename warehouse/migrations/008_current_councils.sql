-- "Current" means current: councils say whether they exist today, a lineage table links abolished councils
-- to their successors, and the current views take each current council's judgements from its most recent
-- graded inspection as a whole (under a framework in force today), inherited from a predecessor until the
-- council is inspected itself. History stays under the council that was inspected.

ALTER TABLE councils ADD COLUMN is_current BOOLEAN NOT NULL DEFAULT true;
COMMENT ON COLUMN councils.is_current IS 'true when the authority exists today (no end_date, or one still ahead); false for an abolished or merged authority, e.g. false for Northamptonshire County Council. Filter on it for any "now" question.';

CREATE TABLE council_lineage (
    predecessor_code VARCHAR NOT NULL,
    successor_code VARCHAR NOT NULL,
    changed_on DATE,
    change VARCHAR NOT NULL CHECK (change IN ('replaced', 'merged', 'split')),
    PRIMARY KEY (predecessor_code, successor_code)
);
COMMENT ON TABLE council_lineage IS 'Reorganisations: one row per abolished authority and authority that took over its children''s services, e.g. Northamptonshire -> North Northamptonshire and -> West Northamptonshire. Reference data built from councils.replaced_by.';
COMMENT ON COLUMN council_lineage.predecessor_code IS 'council_code (councils) of the abolished authority, e.g. E10000021 (Northamptonshire).';
COMMENT ON COLUMN council_lineage.successor_code IS 'council_code (councils) of an authority that took over its area, e.g. E06000061 (North Northamptonshire).';
COMMENT ON COLUMN council_lineage.changed_on IS 'First day of the successor, e.g. 2021-04-01. NULL if the reference data does not say.';
COMMENT ON COLUMN council_lineage.change IS 'replaced (one authority by one: North Yorkshire County Council by North Yorkshire Council), merged (several into one: Bournemouth and Poole into BCP) or split (one into several: Cumbria into Cumberland and Westmorland and Furness).';

CREATE VIEW council_predecessors AS
WITH RECURSIVE chain(council_code, predecessor_code, generations) AS (
    SELECT successor_code, predecessor_code, 1 FROM council_lineage
    UNION ALL
    SELECT chain.council_code, l.predecessor_code, chain.generations + 1
    FROM chain JOIN council_lineage l ON l.successor_code = chain.predecessor_code
    WHERE chain.generations < 10
)
SELECT chain.council_code, c.name AS council_name, chain.predecessor_code, p.name AS predecessor_name,
       min(chain.generations) AS generations
FROM chain
JOIN councils c ON c.council_code = chain.council_code
JOIN councils p ON p.council_code = chain.predecessor_code
GROUP BY ALL
ORDER BY council_name, generations, predecessor_name;

COMMENT ON VIEW council_predecessors IS 'Every authority a council took over from, directly or through earlier reorganisations (council_lineage followed back): whose inspections a council inherits until it is inspected itself, and where its trajectory starts.';
COMMENT ON COLUMN council_predecessors.council_code IS 'The later council (councils.council_code), e.g. E06000061.';
COMMENT ON COLUMN council_predecessors.council_name IS 'Its everyday name, e.g. North Northamptonshire.';
COMMENT ON COLUMN council_predecessors.predecessor_code IS 'An earlier authority whose area it covers, e.g. E10000021.';
COMMENT ON COLUMN council_predecessors.predecessor_name IS 'The earlier authority''s name, e.g. Northamptonshire.';
COMMENT ON COLUMN council_predecessors.generations IS '1 for a direct predecessor, 2 for a predecessor''s predecessor, and so on.';

-- Frameworks whose grades describe a council today: the ILACS family (2018 onwards). SIF, SLAC and older
-- grades stay in rating_history and never count as current.
CREATE MACRO is_current_framework(framework) AS framework IN ('ilacs_standard', 'ilacs_short');

-- The current judgements as at a date: the one definition behind latest_ratings, usable to compare the
-- warehouse with an official snapshot (`FROM ratings_as_at(DATE '2025-03-31')`).
CREATE MACRO ratings_as_at(as_at) AS TABLE
WITH existing AS (
    SELECT * FROM councils
    WHERE (start_date IS NULL OR start_date <= as_at) AND (end_date IS NULL OR end_date >= as_at)
),
inherits AS (  -- whose inspections count for a council: its own, then its predecessors'
    SELECT council_code, council_code AS inspected_code FROM councils
    UNION ALL
    SELECT council_code, predecessor_code FROM council_predecessors
),
graded AS (
    SELECT i.inspection_id, i.council_code AS inspected_code, i.framework, i.visit_start, i.visit_end,
           i.published_on, i.graded_judgements,
           coalesce(i.visit_start, i.visit_end, i.published_on, make_date(r.rated_year, 12, 31)) AS inspected_on,
           r.overall_found
    FROM inspections i
    JOIN (SELECT inspection_id, max(rated_year) AS rated_year,
                 bool_or(judgement = 'overall_effectiveness') AS overall_found
          FROM ratings GROUP BY inspection_id) r USING (inspection_id)
    WHERE is_current_framework(i.framework)
),
latest AS (
    SELECT e.council_code, g.*,
           row_number() OVER (PARTITION BY e.council_code
                              ORDER BY g.inspected_on DESC, g.published_on DESC NULLS LAST, g.inspection_id) AS pick
    FROM existing e
    JOIN inherits h ON h.council_code = e.council_code
    JOIN graded g ON g.inspected_code = h.inspected_code
    WHERE g.inspected_on <= as_at
),
best AS (  -- per inspection and judgement, the grade Ofsted's own record gives first
    SELECT r.inspection_id, r.judgement, r.grade, r.grade_rank, r.grade_label, r.rated_year, r.rated_on,
           r.document_id, d.source, d.publisher, d.doc_type, d.url,
           row_number() OVER (PARTITION BY r.inspection_id, r.judgement
                              ORDER BY source_priority(d.doc_type), r.is_historical, d.published_on DESC NULLS LAST,
                                       r.rating_id) AS pick
    FROM ratings r
    JOIN documents d USING (document_id)
    WHERE r.inspection_id IN (SELECT inspection_id FROM latest WHERE pick = 1)
),
rows AS (
    SELECT l.council_code, b.judgement, b.grade, b.grade_rank, b.grade_label, 'graded' AS status,
           b.rated_year, b.rated_on, b.source, b.publisher, b.doc_type, b.document_id, b.url, l.inspection_id
    FROM latest l JOIN best b ON b.inspection_id = l.inspection_id AND b.pick = 1
    WHERE l.pick = 1
    UNION ALL  -- the overall judgement an inspection does not give, said so
    SELECT l.council_code, 'overall_effectiveness', NULL, NULL, NULL,
           CASE WHEN NOT list_contains(l.graded_judgements, 'overall_effectiveness') THEN 'not_graded_by_framework'
                ELSE 'not_found' END,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, l.inspection_id
    FROM latest l
    WHERE l.pick = 1 AND NOT l.overall_found
    UNION ALL
    SELECT e.council_code, 'overall_effectiveness', NULL, NULL, NULL, 'no_inspection',
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM existing e
    WHERE e.council_code NOT IN (SELECT council_code FROM latest)
)
SELECT e.council_code, e.name AS council_name, e.region, e.kind, r.judgement, r.grade, r.grade_rank,
       r.grade_label, r.status, i.framework, i.framework_version, i.visit_start, i.visit_end, i.published_on, r.rated_year, r.rated_on,
       r.inspection_id, i.council_code AS inspected_council_code, ic.name AS inspected_council_name,
       r.source, r.publisher, r.doc_type, r.document_id, r.url
FROM rows r
JOIN existing e USING (council_code)
LEFT JOIN inspections i ON i.inspection_id = r.inspection_id
LEFT JOIN councils ic ON ic.council_code = i.council_code
ORDER BY e.name, r.judgement;

DROP VIEW latest_ratings;
CREATE VIEW latest_ratings AS FROM ratings_as_at(current_date);

COMMENT ON VIEW latest_ratings IS 'Current councils only (councils.is_current), one row per council and judgement: the judgements of the council''s most recent graded ILACS inspection as a whole (its framework, dates and the judgements it graded), inherited from a predecessor until the council is inspected itself. Grades of older frameworks (SIF, SLAC, LSCB...) never appear here. An inspection that gives no overall grade has an overall_effectiveness row with NULL grade and status not_graded_by_framework (after the 2026 reform) or not_found; a council with no known ILACS inspection has one row with status no_inspection. The same as ratings_as_at(current_date); use ratings_as_at(DATE ''2025-03-31'') to compare with an official "as at" snapshot.';
COMMENT ON COLUMN latest_ratings.council_code IS 'ONS code of the current council (councils.council_code), e.g. E09000017.';
COMMENT ON COLUMN latest_ratings.council_name IS 'Everyday name of the council, e.g. Hillingdon.';
COMMENT ON COLUMN latest_ratings.region IS 'English region of the council, e.g. London.';
COMMENT ON COLUMN latest_ratings.kind IS 'Type of authority: london_borough, metropolitan_district, unitary or county.';
COMMENT ON COLUMN latest_ratings.judgement IS 'The judgement graded, e.g. overall_effectiveness, leadership (vocabulary in ratings.judgement).';
COMMENT ON COLUMN latest_ratings.grade IS 'Current grade: outstanding, good, requires_improvement or inadequate. NULL when status is not graded.';
COMMENT ON COLUMN latest_ratings.grade_rank IS '1 outstanding, 2 good, 3 requires improvement, 4 inadequate; NULL without a grade.';
COMMENT ON COLUMN latest_ratings.grade_label IS 'The words the source used for the grade, e.g. Requires improvement to be good.';
COMMENT ON COLUMN latest_ratings.status IS 'graded; not_graded_by_framework (the inspection''s framework version does not grade it, inspections.graded_judgements: overall effectiveness after the 2026 ILACS reform); not_found (its framework grades it, or the version is unknown, but the warehouse has no source for the grade); no_inspection (no ILACS inspection of the council or its predecessors is known).';
COMMENT ON COLUMN latest_ratings.framework IS 'Framework of the inspection the judgements come from, ilacs_standard or ilacs_short. NULL with status no_inspection.';
COMMENT ON COLUMN latest_ratings.framework_version IS 'Edition of that framework (inspections.framework_version), e.g. ilacs-2023, or ilacs-2026 after the reform, which grades no overall effectiveness.';
COMMENT ON COLUMN latest_ratings.visit_start IS 'First day of that inspection''s visit, e.g. 2024-03-04. NULL if unknown.';
COMMENT ON COLUMN latest_ratings.visit_end IS 'Last day of that inspection''s visit. NULL if unknown.';
COMMENT ON COLUMN latest_ratings.published_on IS 'Publication date of that inspection''s report, e.g. 2024-04-22. NULL if unknown.';
COMMENT ON COLUMN latest_ratings.rated_year IS 'Year of the inspection (ratings.rated_year: the year its visit started, when known), e.g. 2024.';
COMMENT ON COLUMN latest_ratings.rated_on IS 'Publication date of the report that gave the grade (ratings.rated_on), e.g. 2024-04-22. NULL if unknown.';
COMMENT ON COLUMN latest_ratings.inspection_id IS 'The inspection (inspections.inspection_id) the judgements come from.';
COMMENT ON COLUMN latest_ratings.inspected_council_code IS 'The council that was inspected: council_code itself, or a predecessor (North Northamptonshire''s judgements come from Northamptonshire''s inspection until it is inspected itself).';
COMMENT ON COLUMN latest_ratings.inspected_council_name IS 'Everyday name of the council that was inspected.';
COMMENT ON COLUMN latest_ratings.source IS 'Configured source of the document the grade was taken from, e.g. ofsted_mi, cypnow.';
COMMENT ON COLUMN latest_ratings.publisher IS 'Publisher of that document, e.g. Ofsted, CYP Now.';
COMMENT ON COLUMN latest_ratings.doc_type IS 'Kind of that document: ofsted_report, statistics, minutes, news, press_release...';
COMMENT ON COLUMN latest_ratings.document_id IS 'The document (documents.document_id) the grade was taken from.';
COMMENT ON COLUMN latest_ratings.url IS 'Address of that document.';

-- Trajectories run across reorganisations: a council's consecutive overall grades include its predecessors'.
DROP VIEW council_trajectory;
CREATE VIEW council_trajectory AS
WITH inherits AS (
    SELECT council_code, council_code AS inspected_code FROM councils
    UNION ALL
    SELECT council_code, predecessor_code FROM council_predecessors
),
overall AS (
    SELECT h.council_code, h.inspected_code, r.inspection_id, r.rated_year, r.grade, r.grade_rank,
           lag(r.inspection_id) OVER w AS from_inspection_id,
           lag(h.inspected_code) OVER w AS from_council_code,
           lag(r.rated_year) OVER w AS from_year,
           lag(r.grade) OVER w AS from_grade,
           lag(r.grade_rank) OVER w AS from_rank
    FROM inherits h
    JOIN rating_history r ON r.council_code = h.inspected_code
    WHERE r.judgement = 'overall_effectiveness' AND r.rated_year IS NOT NULL
    WINDOW w AS (PARTITION BY h.council_code ORDER BY r.rated_year, r.inspection_id)
)
SELECT o.council_code, c.name AS council_name, o.from_inspection_id, o.from_council_code,
       fc.name AS from_council_name, o.from_year, o.from_grade,
       o.inspection_id AS to_inspection_id, o.inspected_code AS to_council_code, tc.name AS to_council_name,
       o.rated_year AS to_year, o.grade AS to_grade,
       CASE WHEN o.grade_rank < o.from_rank THEN 'improved' WHEN o.grade_rank > o.from_rank THEN 'declined'
            ELSE 'unchanged' END AS change
FROM overall o
JOIN councils c ON c.council_code = o.council_code
JOIN councils fc ON fc.council_code = o.from_council_code
JOIN councils tc ON tc.council_code = o.inspected_code
WHERE o.from_grade IS NOT NULL
ORDER BY council_name, to_year;

COMMENT ON VIEW council_trajectory IS 'Each council''s change in overall effectiveness between consecutive graded inspections: improved, declined or unchanged, with both years and grades. A council''s trajectory includes its predecessors'' inspections (council_predecessors), so it runs across a reorganisation: North Northamptonshire''s starts with Northamptonshire''s.';
COMMENT ON COLUMN council_trajectory.council_code IS 'ONS code of the council whose trajectory this is.';
COMMENT ON COLUMN council_trajectory.council_name IS 'Everyday name of the council.';
COMMENT ON COLUMN council_trajectory.from_inspection_id IS 'The earlier inspection.';
COMMENT ON COLUMN council_trajectory.from_council_code IS 'The council inspected the earlier time: council_code itself or a predecessor.';
COMMENT ON COLUMN council_trajectory.from_council_name IS 'Everyday name of that council.';
COMMENT ON COLUMN council_trajectory.from_year IS 'Year of the earlier inspection (ratings.rated_year).';
COMMENT ON COLUMN council_trajectory.from_grade IS 'Overall grade at the earlier inspection.';
COMMENT ON COLUMN council_trajectory.to_inspection_id IS 'The later inspection.';
COMMENT ON COLUMN council_trajectory.to_council_code IS 'The council inspected the later time.';
COMMENT ON COLUMN council_trajectory.to_council_name IS 'Everyday name of that council.';
COMMENT ON COLUMN council_trajectory.to_year IS 'Year of the later inspection (ratings.rated_year).';
COMMENT ON COLUMN council_trajectory.to_grade IS 'Overall grade at the later inspection.';
COMMENT ON COLUMN council_trajectory.change IS 'improved, declined or unchanged (by grade rank).';

COMMENT ON COLUMN ratings.rated_year IS 'Year of the inspection that gave the grade: the year its visit started when the source dates the visit (Ofsted''s files since 2018, the report, news saying "inspected in November 2022"), else the year the source gives for the grade (publication year in Ofsted''s 2009-2023 file; "rated good in 2019"). NULL if the source gives no year. Not the publication year: see rated_on.';
COMMENT ON COLUMN ratings.rated_on IS 'Publication date of the report that gave the grade, when the source states it (Ofsted''s files, the report itself), e.g. 2023-01-10; NULL otherwise. An inspection visited in November 2022 and published in January 2023 has rated_year 2022 and rated_on 2023-01-10.';
