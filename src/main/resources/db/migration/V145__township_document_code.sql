-- Issue 13 (casedocs2): a township deciding in its own name (赋权) numbers its documents with its own 机关代字
-- (e.g. 苏苏江黎应急罚〔2022〕200号, casework-facts §5) from its own counters ("T<township id>:<key>" in document_sequence).
ALTER TABLE township ADD COLUMN document_code VARCHAR(20);

-- Under the CASE scope the n-th numbered document of one kind in a case is "…号之(n-1)"; its count is the counter
-- "C<case id>:<kind>" in the year of the case's serial. Cases numbered before this change start from the documents
-- they already hold, so no number is repeated.
INSERT INTO document_sequence (agency_id, doc_type, doc_year, last_value)
SELECT k.agency_id, k.counter_key, k.doc_year, COUNT(*)
FROM (SELECT s.agency_id, s.doc_year,
             'C' || CAST(d.owner_id AS VARCHAR(20)) || ':' ||
             CASE WHEN d.doc_type IN ('PENALTY_DECISION_ORGANISATION', 'PENALTY_DECISION_INDIVIDUAL')
                  THEN 'PENALTY_DECISION' ELSE d.doc_type END AS counter_key
      FROM issued_document d JOIN case_document_serial s ON s.case_id = d.owner_id
      WHERE d.owner_type = 'PENALTY_CASE' AND d.document_no IS NOT NULL) k
GROUP BY k.agency_id, k.counter_key, k.doc_year;

-- A township's case serials are its own series within the agency: unique per series, not per agency.
ALTER TABLE case_document_serial ADD COLUMN series VARCHAR(30) DEFAULT '' NOT NULL;
ALTER TABLE case_document_serial DROP CONSTRAINT uq_case_document_serial;
ALTER TABLE case_document_serial ADD CONSTRAINT uq_case_document_serial UNIQUE (agency_id, series, doc_year, serial);
