-- Which documents name which inspections. Inspections are shared by every document about them
-- (news, minutes, the report), so they carry no document_id; this link keeps each one traceable
-- to its sources, and lets a reload drop inspections that no document names any more.

CREATE TABLE document_inspections (
    document_id VARCHAR NOT NULL,
    inspection_id VARCHAR NOT NULL,
    PRIMARY KEY (document_id, inspection_id)
);
COMMENT ON TABLE document_inspections IS 'One row per document and inspection it reports or mentions: the provenance of every inspections row. Replaced whenever the document is reloaded.';
COMMENT ON COLUMN document_inspections.document_id IS 'The document (documents.document_id) that names the inspection.';
COMMENT ON COLUMN document_inspections.inspection_id IS 'The inspection (inspections.inspection_id) it names.';
