package cn.yjzf.casefile;

import cn.yjzf.organisation.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "案卷", description = "归档：装订、编号、存档并冻结")
class CaseFileApi {

    private final CaseFiles files;

    CaseFileApi(CaseFiles files) {
        this.files = files;
    }

    record Filed(Long id, Long caseId, String archiveNo, LocalDate archivedOn, int pageCount, String sha256) {
    }

    @PostMapping("/cases/{id}/case-file")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('APPROVER')")
    @Operation(summary = "归档已结案案件的案卷（负责人）：装订为一个 PDF，编归档号，存档后不得增删改")
    Filed file(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        CaseFile f = files.file(user, id);
        return new Filed(f.getId(), f.getCaseId(), f.getArchiveNo(), f.getArchivedOn(), f.getPageCount(), f.getPdfSha256());
    }
}
