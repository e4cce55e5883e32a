package cn.yjzf.casefile;

import cn.yjzf.organisation.CurrentUser;
import java.util.List;

/**
 * Where a case's documents and attachments come from ({@link IssuedDocumentSources}: the issued-documents store and the
 * case's evidence uploads). Called only after the caller's access to the case was checked.
 */
public interface CaseFileSources {

    /** The case's documents in the order they were issued (the binder arranges them in filing order). */
    List<CaseFileContent.Document> documentsOf(Long caseId);

    List<CaseFileContent.Attachment> attachmentsOf(CurrentUser user, Long caseId);
}
