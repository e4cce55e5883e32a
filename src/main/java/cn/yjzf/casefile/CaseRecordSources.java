package cn.yjzf.casefile;

import cn.yjzf.casework.CaseAct;
import cn.yjzf.documents.ChineseDates;
import cn.yjzf.documents.PdfRenderer;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The case's documents as far as the system holds them today: each registered act (询问笔录, 告知书, 决定书 …) rendered
 * from its recorded summary with case-templates/case-file-act.html, marked in the index as generated from the record
 * (the signed originals are filed alongside). No evidence uploads exist yet, so there are no attachments. Replaced by
 * the issued-documents adapter (IssuedDocumentSources.java.pending) once that store is merged.
 */
@Component
class CaseRecordSources implements CaseFileSources {

    static final String ACT_TEMPLATE = "case-file-act";

    private final EntityManager em;
    private final PdfRenderer renderer;
    private final AppUserRepository users;

    CaseRecordSources(EntityManager em, PdfRenderer renderer, AppUserRepository users) {
        this.em = em;
        this.renderer = renderer;
        this.users = users;
    }

    /** What case-file-act.html prints. */
    public record ActDocument(String title, String date, String summary, List<String> officers) {
    }

    @Override
    public List<CaseFileContent.Document> documentsOf(Long caseId) {
        List<CaseAct> acts = em.createQuery("select a from CaseAct a where a.caseId = :id order by a.id", CaseAct.class)
                .setParameter("id", caseId).getResultList();
        return acts.stream().map(a -> {
            String title = a.getKind().label();
            List<String> officers = a.getOfficerIds().stream()
                    .map(id -> users.findById(id).map(AppUser::getFullName).orElse("#" + id)).toList();
            byte[] pdf = renderer.renderTemplate(ACT_TEMPLATE, Map.of("doc",
                    new ActDocument(title, ChineseDates.format(a.getPerformedOn()), a.getSummary(), officers)));
            return new CaseFileContent.Document(title, null, a.getPerformedOn(), pdf, "据办案记录生成");
        }).toList();
    }

    @Override
    public List<CaseFileContent.Attachment> attachmentsOf(Long caseId) {
        return List.of();
    }
}
