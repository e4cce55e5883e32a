package cn.yjzf.rectification;

import cn.yjzf.security.ReadsCases;
import cn.yjzf.organisation.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ReadsCases
@Tag(name = "责令限期整改指令书")
class RectificationApi {

    private final RectificationService rectification;

    RectificationApi(RectificationService rectification) {
        this.rectification = rectification;
    }

    record OrderDto(Long id, Long inspectionId, String documentNo, LocalDate issueDate, List<RectificationItem> items,
                    String pdfSha256, String pdfUrl) {

        static OrderDto of(RectificationOrder o) {
            return new OrderDto(o.getId(), o.getInspectionId(), o.getDocumentNo(), o.getIssueDate(), o.getItems(),
                    o.getPdfSha256(), "/api/rectification-orders/" + o.getId() + "/pdf");
        }
    }

    @PostMapping("/api/inspections/{inspectionId}/rectification-order")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    @Operation(summary = "下达责令限期整改指令书：分配文号、生成 PDF、冻结检查发现")
    OrderDto issue(@AuthenticationPrincipal CurrentUser user, @PathVariable Long inspectionId,
                   @Valid @RequestBody IssueOrder body) {
        return OrderDto.of(rectification.issue(user, inspectionId, body));
    }

    @GetMapping("/api/rectification-orders/{id}")
    OrderDto get(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return OrderDto.of(rectification.get(user.jurisdiction(), id));
    }

    @GetMapping("/api/rectification-orders/{id}/pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return PdfResponses.attachment(rectification.get(user.jurisdiction(), id));
    }
}
