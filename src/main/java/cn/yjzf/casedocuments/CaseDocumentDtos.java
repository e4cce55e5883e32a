package cn.yjzf.casedocuments;

import cn.yjzf.common.input.NoControlChars;
import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.IssuedDocument;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;

/** Request and response bodies of the case documents API. */
final class CaseDocumentDtos {

    private CaseDocumentDtos() {
    }

    /** 签发 a document that has no step of its own (询问通知书, 行政强制执行事先催告书). */
    record IssueBody(@NotNull DocumentType type) {
    }

    /** 更正: the reason the issued document is replaced. */
    record SupersedeBody(@NotBlank @Size(max = 1000) @NoControlChars String reason) {
    }

    record DocumentRow(Long id, String type, String title, String documentNo, LocalDate issuedOn, Instant issuedAt,
                       String issuedBy, boolean superseded, Long supersededBy, String supersedeReason, String pdfSha256,
                       String templateName, String templateSha256) {

        static DocumentRow of(IssuedDocument d) {
            return new DocumentRow(d.getId(), d.getType().name(), d.getTitle(), d.getDocumentNo(), d.getIssuedOn(),
                    d.getIssuedAt(), d.getIssuedByName(), d.isSuperseded(), d.getSupersededBy(), d.getSupersedeReason(),
                    d.getPdfSha256(), d.getTemplateName(), d.getTemplateSha256());
        }
    }
}
