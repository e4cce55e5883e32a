package cn.yjzf.rectification;

import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.security.ReadsCases;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Download of an issued 整改复查意见书 / 现场处理措施决定书 from the 整改跟踪 page: the stored bytes as served. */
@Controller
@ReadsCases
class RectificationDocumentPages {

    private final RectificationDocuments documents;

    RectificationDocumentPages(RectificationDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/rectification-documents/{id}/pdf")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return pdf(documents.get(user.jurisdiction(), id));
    }

    static ResponseEntity<byte[]> pdf(RectificationDocument d) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.getDocType().title() + "-" + d.getDocumentNo() + ".pdf", StandardCharsets.UTF_8).build()
                        .toString())
                .body(d.getPdf());
    }
}
