package cn.yjzf.casefile;

import cn.yjzf.casework.CaseEvidence;
import cn.yjzf.documents.IssuedDocuments;
import cn.yjzf.organisation.CurrentUser;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The case's issued documents exactly as they were served (the stored bytes) and its evidence uploads. A superseded
 * document stays in the 案卷 — the file records what was served — and is marked in the index's 备注.
 */
@Component
class IssuedDocumentSources implements CaseFileSources {

    /** The owner type under which {@code casedocuments} stores a 行政处罚案件's documents. */
    static final String CASE_OWNER = "PENALTY_CASE";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final IssuedDocuments documents;
    private final CaseEvidence evidence;

    IssuedDocumentSources(IssuedDocuments documents, CaseEvidence evidence) {
        this.documents = documents;
        this.evidence = evidence;
    }

    @Override
    public List<CaseFileContent.Document> documentsOf(Long caseId) {
        return documents.ofOwner(CASE_OWNER, caseId).stream()
                .map(d -> new CaseFileContent.Document(d.title(), d.documentNo(), d.issuedOn(), d.pdf(),
                        d.superseded() ? "已被更正文书取代" : null))
                .toList();
    }

    @Override
    public List<CaseFileContent.Attachment> attachmentsOf(CurrentUser user, Long caseId) {
        return evidence.attachmentsOf(user, caseId).stream()
                .map(a -> new CaseFileContent.Attachment(a.name(), a.mediaType(), a.bytes(),
                        a.uploadedAt() == null ? null : a.uploadedAt().atZone(BEIJING).toLocalDate()))
                .toList();
    }
}
