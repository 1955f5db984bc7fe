-- Findings are dated by the inspection they belong to (its publication, else its last day on site), not by
-- when their document was fetched: Ofsted's ILACS reports state no publication date, so a 2023 report fetched
-- in 2025 must not count among 2025's findings. Documents without an inspection keep their own date.

CREATE OR REPLACE VIEW findings_by_theme AS
SELECT f.theme, f.kind,
       year(coalesce(i.published_on, i.visit_end, i.visit_start, d.published_on, d.fetched_at)) AS year,
       count(*) AS findings, count(DISTINCT f.council_code) AS councils,
       list(f.text ORDER BY f.finding_id)[1:3] AS examples
FROM findings f
JOIN documents d USING (document_id)
LEFT JOIN inspections i USING (inspection_id)
GROUP BY ALL
ORDER BY year DESC, findings DESC, f.theme, f.kind;

COMMENT ON VIEW findings_by_theme IS 'How often each theme comes up as a strength, weakness or recommendation, by year of the inspection the findings belong to (else of their document), with up to three example texts.';
COMMENT ON COLUMN findings_by_theme.theme IS 'Finding theme (vocabulary in findings.theme), e.g. caseloads.';
COMMENT ON COLUMN findings_by_theme.kind IS 'strength, weakness or recommendation.';
COMMENT ON COLUMN findings_by_theme.year IS 'Year of the inspection the findings belong to: its publication, else its last or first day on site; for findings without an inspection, the year their document was published (or fetched, if undated).';
COMMENT ON COLUMN findings_by_theme.findings IS 'Number of findings.';
COMMENT ON COLUMN findings_by_theme.councils IS 'Number of councils they concern.';
COMMENT ON COLUMN findings_by_theme.examples IS 'Up to three example finding texts.';
