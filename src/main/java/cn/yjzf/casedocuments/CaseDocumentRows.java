package cn.yjzf.casedocuments;

import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.IssuedDocument;
import cn.yjzf.organisation.CurrentUser;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the case page's 执法文书 section shows, for the signed-in user (templates call
 * {@code ${@caseDocumentRows.of(caseId)}}): casework's page includes the section without depending on this package.
 */
@Component("caseDocumentRows")
public class CaseDocumentRows {

    private final CaseDocuments documents;

    CaseDocumentRows(CaseDocuments documents) {
        this.documents = documents;
    }

    public List<IssuedDocument> of(Long caseId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
            return List.of();
        }
        return documents.list(user, caseId);
    }

    /** The types a draft can be previewed for (all case documents). */
    public List<DocumentType> draftable() {
        return java.util.Arrays.stream(DocumentType.values())
                .filter(t -> t != DocumentType.RECTIFICATION_ORDER && t != DocumentType.INSPECTION_RECORD).toList();
    }

    public List<DocumentType> onDemand() {
        return List.of(DocumentType.INQUIRY_NOTICE, DocumentType.ENFORCEMENT_REMINDER);
    }
}
