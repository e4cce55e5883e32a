package cn.yjzf.casefile;

import cn.yjzf.common.ConflictException;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 案卷 download (draft while open, the frozen copy once filed) and 归档 from the case page. */
@Controller
class CaseFilePages {

    private final CaseFiles files;

    CaseFilePages(CaseFiles files) {
        this.files = files;
    }

    @GetMapping("/cases/{id}/case-file.pdf")
    @ReadsCases
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return pdf(files.download(user, id));
    }

    @PostMapping("/cases/{id}/case-file")
    @PreAuthorize("hasRole('APPROVER')")
    String file(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, RedirectAttributes flash) {
        try {
            CaseFile filed = files.file(user, id);
            flash.addFlashAttribute("notice", "案卷已归档：" + filed.getArchiveNo() + "（共 " + filed.getPageCount() + " 页）");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", e.problems());
        } catch (ConflictException e) {
            flash.addFlashAttribute("errors", List.of(new FieldProblem("", e.code(), e.getMessage())));
        }
        return "redirect:/cases/" + id;
    }

    static ResponseEntity<byte[]> pdf(CaseFiles.Download d) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(d.filename(), StandardCharsets.UTF_8).build().toString())
                .body(d.pdf());
    }
}
