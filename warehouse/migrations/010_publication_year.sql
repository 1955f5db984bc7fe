-- One year convention everywhere: a grade's year is the year its judgement was published, as every claims set
-- and the people who write about inspections give it. Ofsted's files and reports gave the year the visit started;
-- news and minutes linked to an official inspection (transforms/official_record.py) take its publication year.
-- Rows already stored that know their publication date take its year.
UPDATE ratings SET rated_year = year(rated_on) WHERE rated_on IS NOT NULL AND rated_year IS DISTINCT FROM year(rated_on);

COMMENT ON COLUMN ratings.rated_year IS 'Year the judgement was published: the publication year of the inspection that gave the grade (Ofsted''s files, the report itself; news, press releases, blogs and minutes whose claim is linked to the official inspection it reports, which take that inspection''s id and dates). A claim the official record does not hold keeps the year its words give: the year stated for the grade ("rated good in 2019"), the year of a visit it dates ("inspected in November 2022"), else the year the document was published, when the judgement was made public. An inspection visited in November 2022 and published in January 2023 gives 2023. NULL if the source gives no year.';
COMMENT ON COLUMN ratings.rated_on IS 'Publication date of the report that gave the grade, when known (Ofsted''s files, the report itself, the official inspection a news or minutes claim is linked to), e.g. 2023-01-10; NULL otherwise. Its year is rated_year.';
COMMENT ON COLUMN latest_ratings.rated_year IS 'Year the judgement was published (ratings.rated_year), e.g. 2024.';
COMMENT ON COLUMN rating_history.rated_year IS 'Year the judgement was published (ratings.rated_year).';
