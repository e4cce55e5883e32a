package cn.yjzf.casefile;

import java.util.List;

/**
 * Where a case's documents and attachments come from. Called only after the caller's access to the case was checked.
 * Today {@link CaseRecordSources} renders what the case itself records; the adapter for the issued-documents store and
 * the case evidence uploads is {@code IssuedDocumentSources.java.pending} (dropped in when those APIs are merged).
 */
public interface CaseFileSources {

    /** The case's documents in the order they were issued (the binder arranges them in filing order). */
    List<CaseFileContent.Document> documentsOf(Long caseId);

    List<CaseFileContent.Attachment> attachmentsOf(Long caseId);
}
