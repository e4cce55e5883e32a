package cn.yjzf.rectification;

import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.security.ReadsCases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@ReadsCases
@Tag(name = "整改文书", description = "整改复查意见书、现场处理措施决定书（复查、第六十五条措施时自动签发）")
class RectificationDocumentApi {

    private final RectificationDocuments documents;

    RectificationDocumentApi(RectificationDocuments documents) {
        this.documents = documents;
    }

    record Issued(Long id, Long trackId, String type, String title, String documentNo, LocalDate issuedOn, String sha256) {
        static Issued of(RectificationDocument d) {
            return new Issued(d.getId(), d.getTrackId(), d.getDocType().name(), d.getDocType().title(), d.getDocumentNo(),
                    d.getIssuedOn(), d.getPdfSha256());
        }
    }

    @GetMapping("/rectification-orders/{order}/documents")
    @Operation(summary = "指令书之后签发的整改复查意见书、现场处理措施决定书")
    List<Issued> ofOrder(@AuthenticationPrincipal CurrentUser user, @PathVariable Long order) {
        return documents.ofOrder(user.jurisdiction(), order).stream().map(Issued::of).toList();
    }

    @GetMapping("/rectification-documents/{id}/pdf")
    @Operation(summary = "下载已签发文书的 PDF（与签发时逐字节相同）")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return RectificationDocumentPages.pdf(documents.get(user.jurisdiction(), id));
    }
}
