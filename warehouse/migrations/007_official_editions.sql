-- Editions of Ofsted's official outcomes can disagree (a grade corrected in a later edition): the newest edition
-- (documents.published_on, the 31 March it describes) is the official grade, and an older edition that grades
-- the same inspection and judgement differently is listed like any other disagreeing document.

CREATE OR REPLACE VIEW rating_conflicts AS
WITH editions AS (
    SELECT r.council_code, r.inspection_id, r.judgement, r.grade, r.grade_label, r.document_id,
           row_number() OVER (PARTITION BY r.inspection_id, r.judgement
                              ORDER BY d.published_on DESC NULLS LAST, d.fetched_at DESC, r.document_id) AS newest
    FROM ratings r
    JOIN documents d USING (document_id)
    WHERE d.source = 'ofsted_mi' AND r.inspection_id IS NOT NULL
),
official AS (SELECT * EXCLUDE (newest) FROM editions WHERE newest = 1)
SELECT o.council_code, c.name AS council_name, o.inspection_id, i.framework, o.judgement,
       o.grade AS official_grade, o.grade_label AS official_grade_label, o.document_id AS official_document_id,
       r.grade AS other_grade, r.grade_label AS other_grade_label, r.is_historical,
       r.document_id AS other_document_id, d.url AS other_url, d.source AS other_source,
       d.doc_type AS other_doc_type, r.evidence
FROM official o
JOIN ratings r ON r.inspection_id = o.inspection_id AND r.judgement = o.judgement AND r.grade <> o.grade
JOIN documents d ON d.document_id = r.document_id AND d.document_id <> o.document_id
JOIN councils c ON c.council_code = o.council_code
LEFT JOIN inspections i ON i.inspection_id = o.inspection_id
ORDER BY c.name, o.inspection_id, o.judgement, d.url, r.rating_id;

COMMENT ON VIEW rating_conflicts IS 'Each grade a document (news, minutes, a report, a provider page, or an older edition of the official outcomes) gives for an inspection and judgement that the newest edition of Ofsted''s official outcomes (source ofsted_mi) grades differently: one row per disagreeing rating, with the official grade beside it. Empty when every grade agrees with the official record.';
COMMENT ON COLUMN rating_conflicts.council_code IS 'ONS code of the council (councils.council_code), e.g. E09000017.';
COMMENT ON COLUMN rating_conflicts.council_name IS 'Everyday name of the council, e.g. Hillingdon.';
COMMENT ON COLUMN rating_conflicts.inspection_id IS 'The inspection both grades are for (inspections.inspection_id).';
COMMENT ON COLUMN rating_conflicts.framework IS 'Inspection framework, e.g. ilacs_standard, sif, slac.';
COMMENT ON COLUMN rating_conflicts.judgement IS 'The judgement graded (vocabulary in ratings.judgement).';
COMMENT ON COLUMN rating_conflicts.official_grade IS 'Grade in Ofsted''s official outcomes: outstanding, good, requires_improvement or inadequate.';
COMMENT ON COLUMN rating_conflicts.official_grade_label IS 'The official record''s words for that grade, e.g. Requires improvement to be good.';
COMMENT ON COLUMN rating_conflicts.official_document_id IS 'The official outcomes document (documents.document_id, doc_type statistics) the official grade comes from: the newest edition that grades this inspection and judgement.';
COMMENT ON COLUMN rating_conflicts.other_grade IS 'The different grade the other document gives.';
COMMENT ON COLUMN rating_conflicts.other_grade_label IS 'The other document''s words for its grade.';
COMMENT ON COLUMN rating_conflicts.is_historical IS 'True when the other document recalls the grade as an earlier rating rather than reporting it as news.';
COMMENT ON COLUMN rating_conflicts.other_document_id IS 'The document that disagrees (documents.document_id).';
COMMENT ON COLUMN rating_conflicts.other_url IS 'Address of the document that disagrees.';
COMMENT ON COLUMN rating_conflicts.other_source IS 'Configured source of the document that disagrees, e.g. cypnow, hillingdon-moderngov, or ofsted_mi for an older edition of the official outcomes.';
COMMENT ON COLUMN rating_conflicts.other_doc_type IS 'Kind of the document that disagrees: news, minutes, ofsted_report, press_release...';
COMMENT ON COLUMN rating_conflicts.evidence IS 'The sentence or table row the disagreeing grade was taken from.';
