-- The 2026 ILACS reform: which judgements an inspection's framework grades, recorded on the inspection, so
-- "not graded under this framework" (a judgement outside graded_judgements) is told apart from "not found"
-- (in graded_judgements, no rating). Values come from csi/frameworks.py when rows are loaded; rows loaded
-- before this migration are filled in below with the same rules (ILACS and SIF versions by first day on site,
-- else the last, else about ten weeks before publication).

ALTER TABLE inspections ADD COLUMN framework_version VARCHAR;
ALTER TABLE inspections ADD COLUMN graded_judgements VARCHAR[];

UPDATE inspections SET
    framework_version = CASE
        WHEN framework IN ('ilacs_standard', 'ilacs_short') THEN CASE
            WHEN coalesce(visit_start, visit_end, published_on) IS NULL THEN NULL
            WHEN coalesce(visit_start, visit_end, published_on - INTERVAL 70 DAY) >= DATE '2026-04-01' THEN 'ilacs-2026'
            WHEN coalesce(visit_start, visit_end, published_on - INTERVAL 70 DAY) >= DATE '2023-01-01' THEN 'ilacs-2023'
            ELSE 'ilacs-2018' END
        WHEN framework = 'sif' THEN 'sif'
        WHEN framework = 'sif_reinspection' THEN 'sif-reinspection'
    END,
    graded_judgements = CASE
        WHEN framework IN ('ilacs_standard', 'ilacs_short') THEN CASE
            WHEN coalesce(visit_start, visit_end, published_on) IS NULL THEN NULL
            WHEN coalesce(visit_start, visit_end, published_on - INTERVAL 70 DAY) >= DATE '2026-04-01'
                THEN ['leadership', 'help_and_protection', 'children_in_care', 'care_leavers']
            WHEN coalesce(visit_start, visit_end, published_on - INTERVAL 70 DAY) >= DATE '2023-01-01'
                THEN ['overall_effectiveness', 'leadership', 'help_and_protection', 'children_in_care', 'care_leavers']
            ELSE ['overall_effectiveness', 'leadership', 'help_and_protection', 'children_in_care'] END
        WHEN framework = 'sif' THEN ['overall_effectiveness', 'help_and_protection', 'children_in_care', 'adoption',
                                     'care_leavers', 'leadership', 'lscb']
        WHEN framework = 'sif_reinspection' THEN ['overall_effectiveness', 'help_and_protection', 'children_in_care',
                                                  'adoption', 'care_leavers', 'leadership']
        WHEN framework IN ('focused_visit', 'monitoring_visit', 'jtai', 'other') THEN []::VARCHAR[]
    END;

COMMENT ON COLUMN inspections.framework_version IS 'Edition of the framework, which fixes the judgements it grades: ilacs-2018 (four judgements, children in care and care leavers together), ilacs-2023 (five: care leavers apart), ilacs-2026 (the reform of April 2026: the four sub-judgements, no overall effectiveness), sif, sif-reinspection. Chosen by the first day on site (else the last, else about ten weeks before publication). NULL for frameworks whose editions are not declared (before 2013, visits) and for an ILACS inspection with no known date.';
COMMENT ON COLUMN inspections.graded_judgements IS 'Judgements this inspection''s framework grades (ratings.judgement vocabulary), e.g. [leadership, help_and_protection, children_in_care, care_leavers] after the 2026 reform. A judgement outside the list was not graded under this framework (a post-reform ILACS inspection has no overall effectiveness); one in the list without a rating was not found. Empty for ungraded visits and joint inspections; NULL when the framework grades but its list is not declared (slac, safeguarding_la, jar, apa, ssi) or its version is unknown (an ILACS inspection with no known date).';
