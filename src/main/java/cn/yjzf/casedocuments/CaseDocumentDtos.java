package cn.yjzf.casedocuments;

import cn.yjzf.common.input.NoControlChars;
import cn.yjzf.common.input.SaneDate;
import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.IssuedDocument;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

    /** 听证会: date, start time (HH:mm), place and the 主持人 (a user of the agency who is not an investigator of the case). */
    record HearingBody(@NotNull @SaneDate(yearsAhead = 1) LocalDate hearingOn,
                       @NotBlank @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "请按 时:分 填写，如 09:30") String startTime,
                       @NotBlank @Size(max = 200) @NoControlChars String place,
                       @NotNull Long chairId,
                       Long version) {
    }

    /** How a served document was served; {@code method} is a code of {@link ServiceMethods}. */
    record ServiceBody(@NotBlank @Size(max = 30) @NoControlChars String method,
                       @NotBlank @Size(max = 100) @NoControlChars String recipient,
                       @Size(max = 200) @NoControlChars String place,
                       @NotNull @SaneDate LocalDate servedOn,
                       @Size(max = 200) @NoControlChars String consentRef,
                       @Size(max = 500) @NoControlChars(multiline = true) String note) {
    }

    record ServiceRow(Long id, Long documentId, String method, String methodLabel, String recipient, String place,
                      LocalDate servedOn, String consentRef, String note, String servedBy) {
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
