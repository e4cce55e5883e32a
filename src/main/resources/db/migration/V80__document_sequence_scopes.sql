-- Document numbering scopes (app.documents.sequence-scope). Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
-- document_sequence.doc_type now holds the counter key: the document type (per-type scope), "O<officer id>:<type>"
-- (per-officer scope) or "CASE" (the counter that hands each case its serial).
ALTER TABLE document_sequence ALTER COLUMN doc_type SET DATA TYPE VARCHAR(80);

-- Per-case scope: the serial a case received with its first numbered document; all its documents share it.
-- Written under the row lock of the agency's "CASE" counter, so a case never receives two serials.
CREATE TABLE case_document_serial (
    case_id     BIGINT  NOT NULL PRIMARY KEY,
    agency_id   BIGINT  NOT NULL REFERENCES agency (id),
    doc_year    INTEGER NOT NULL,
    serial      INTEGER NOT NULL,
    CONSTRAINT uq_case_document_serial UNIQUE (agency_id, doc_year, serial)
);

-- Per-officer numbers repeat across officers (the pattern tells them apart by {执法证号}); document_no stays unique.
ALTER TABLE rectification_order DROP CONSTRAINT uq_rectification_seq;
