package cn.yjzf.inspectionrecord;

import cn.yjzf.security.ReadsCases;

import cn.yjzf.organisation.CurrentUser;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Download of the 现场检查记录 from the inspection page. */
@Controller
@ReadsCases
class InspectionRecordPages {

    private final InspectionRecords records;

    InspectionRecordPages(InspectionRecords records) {
        this.records = records;
    }

    @GetMapping("/inspections/{id}/inspection-record.pdf")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        byte[] pdf = records.render(user.jurisdiction(), id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("现场检查记录-" + id + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }
}
