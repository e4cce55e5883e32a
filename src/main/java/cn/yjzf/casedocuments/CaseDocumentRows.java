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
    private final DocumentServices services;
    private final ServiceMethods methods;
    private final HearingSchedules hearings;

    CaseDocumentRows(CaseDocuments documents, DocumentServices services, ServiceMethods methods, HearingSchedules hearings) {
        this.documents = documents;
        this.services = services;
        this.methods = methods;
        this.hearings = hearings;
    }

    public List<IssuedDocument> of(Long caseId) {
        CurrentUser user = user();
        return user == null ? List.of() : documents.list(user, caseId);
    }

    /** The recorded 送达 of the case's documents, by document id. */
    public java.util.Map<Long, CaseDocumentDtos.ServiceRow> services(Long caseId) {
        CurrentUser user = user();
        return user == null ? java.util.Map.of() : services.list(user, caseId).stream()
                .collect(java.util.stream.Collectors.toMap(CaseDocumentDtos.ServiceRow::documentId, r -> r));
    }

    public boolean served(DocumentType type) {
        return DocumentServices.SERVED.contains(type);
    }

    public List<ServiceMethods.Method> serviceMethods() {
        return methods.methods();
    }

    /** Users who may chair the case's hearing (its agency's, not its investigators); empty unless a hearing is pending. */
    public List<org.springframework.data.util.Pair<Long, String>> chairCandidates(Long caseId) {
        CurrentUser user = user();
        return user == null ? List.of() : hearings.chairCandidates(user, caseId);
    }

    public Long hearingVersion(Long caseId) {
        CurrentUser user = user();
        return user == null ? null : hearings.scheduleVersion(user, caseId);
    }

    private static CurrentUser user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser user ? user : null;
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
