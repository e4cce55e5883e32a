package cn.yjzf.documents;

/**
 * Which counter a document number is drawn from ({@code app.documents.sequence-scope}). Practice differs by agency
 * (casework-facts §5): one counter per document type and year; one serial per case shared by all its documents; or,
 * as in 煤矿 supervision, one counter per officer, document type and year.
 */
public enum SequenceScope {
    /** 江应急责改〔2025〕1号, 江应急责改〔2025〕2号 … per agency, document type and year. */
    DOCUMENT_TYPE,
    /** Every document of a case carries the case's serial; documents outside a case (检查, 责改 …) keep per-type counters. */
    CASE,
    /** Per agency, officer, document type and year; the pattern must then name the officer ({执法证号}). */
    OFFICER
}
