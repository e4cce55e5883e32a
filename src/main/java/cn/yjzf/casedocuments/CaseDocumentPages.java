package cn.yjzf.casedocuments;

import cn.yjzf.casedocuments.CaseDocumentDtos.HearingBody;
import cn.yjzf.casedocuments.CaseDocumentDtos.ServiceBody;
import cn.yjzf.common.ConflictException;
import cn.yjzf.common.WebForms;
import jakarta.validation.Valid;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.IssuedDocument;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.security.ReadsCases;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case page's 执法文书: download, draft preview, on-demand issue and correction (section in case-documents.html). */
@Controller
class CaseDocumentPages {

    private final CaseDocuments documents;
    private final HearingSchedules hearings;
    private final DocumentServices services;

    CaseDocumentPages(CaseDocuments documents, HearingSchedules hearings, DocumentServices services) {
        this.documents = documents;
        this.hearings = hearings;
        this.services = services;
    }

    @GetMapping("/cases/{id}/documents/{doc}.pdf")
    @ReadsCases
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable Long doc) {
        return attachment(documents.document(user, id, doc));
    }

    @GetMapping("/cases/{id}/documents/draft/{type}.pdf")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    ResponseEntity<byte[]> draft(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                                 @PathVariable DocumentType type) {
        return draft(type, documents.draft(user, id, type));
    }

    @PostMapping("/cases/{id}/documents")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String issue(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                 @RequestParam(required = false) DocumentType type, RedirectAttributes flash) {
        return back(id, flash, () -> {
            if (type == null) {
                throw new InvalidInputException("type", "REQUIRED", "请选择要签发的文书");
            }
            IssuedDocument d = documents.issueOnDemand(user, id, type);
            return "已签发" + d.getTitle() + (d.getDocumentNo() == null ? "" : "（" + d.getDocumentNo() + "）");
        });
    }

    @PostMapping("/cases/{id}/documents/{doc}/supersede")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String supersede(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable Long doc,
                     @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return back(id, flash, () -> {
            if (reason != null && (reason.length() > 1000 || reason.chars().anyMatch(ch -> Character.isISOControl(ch)))) {
                throw new InvalidInputException("reason", "INVALID", "更正理由不超过1000字，且不得含控制字符");
            }
            IssuedDocument d = documents.supersede(user, id, doc, reason);
            return "已签发更正文书" + d.getTitle() + (d.getDocumentNo() == null ? "" : "（" + d.getDocumentNo() + "）");
        });
    }

    @PostMapping("/cases/{id}/hearing-schedule")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String scheduleHearing(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                           @Valid @ModelAttribute HearingBody form, BindingResult binding, RedirectAttributes flash) {
        return back(id, flash, binding, () -> {
            IssuedDocument d = hearings.schedule(user, id, form);
            return "已安排听证会并签发" + d.getTitle();
        });
    }

    @PostMapping("/cases/{id}/documents/{doc}/service")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String recordService(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable Long doc,
                         @Valid @ModelAttribute ServiceBody form, BindingResult binding, RedirectAttributes flash) {
        return back(id, flash, binding, () -> "已登记送达（" + services.record(user, id, doc, form).methodLabel()
                + "），文书送达回执已更新");
    }

    private static String back(Long id, RedirectAttributes flash, BindingResult binding,
                               java.util.function.Supplier<String> step) {
        if (binding.hasErrors()) {
            flash.addFlashAttribute("errors", WebForms.problems(binding));
            return "redirect:/cases/" + id;
        }
        return back(id, flash, step);
    }

    private static String back(Long id, RedirectAttributes flash, java.util.function.Supplier<String> step) {
        try {
            flash.addFlashAttribute("notice", step.get());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", e.problems());
        } catch (ConflictException e) {
            flash.addFlashAttribute("errors", List.of(new FieldProblem("", e.code(), e.getMessage())));
        }
        return "redirect:/cases/" + id;
    }

    static ResponseEntity<byte[]> attachment(IssuedDocument d) {
        String name = d.getTitle() + (d.getDocumentNo() == null ? "-" + d.getId() : "-" + d.getDocumentNo()) + ".pdf";
        return pdf(name, d.getPdf());
    }

    static ResponseEntity<byte[]> draft(DocumentType type, byte[] pdf) {
        return pdf(type.title() + "-草稿.pdf", pdf);
    }

    private static ResponseEntity<byte[]> pdf(String filename, byte[] bytes) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
