package cn.yjzf.casedocuments;

import cn.yjzf.casedocuments.CaseDocumentDtos.DocumentRow;
import cn.yjzf.casedocuments.CaseDocumentDtos.HearingBody;
import cn.yjzf.casedocuments.CaseDocumentDtos.ServiceBody;
import cn.yjzf.casedocuments.CaseDocumentDtos.ServiceRow;
import cn.yjzf.casedocuments.CaseDocumentDtos.IssueBody;
import cn.yjzf.casedocuments.CaseDocumentDtos.SupersedeBody;
import cn.yjzf.documents.DocumentType;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.security.ReadsCases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
@Tag(name = "案件执法文书", description = "案件各环节签发的文书：列表、下载、草稿预览、按需签发、更正（取代）")
class CaseDocumentApi {

    private final CaseDocuments documents;
    private final HearingSchedules hearings;
    private final DocumentServices services;

    CaseDocumentApi(CaseDocuments documents, HearingSchedules hearings, DocumentServices services) {
        this.documents = documents;
        this.hearings = hearings;
        this.services = services;
    }

    @GetMapping("/api/cases/{id}/documents")
    @ReadsCases
    @Operation(summary = "案件已签发的文书（按签发顺序，含已被取代的）")
    List<DocumentRow> list(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return documents.list(user, id).stream().map(DocumentRow::of).toList();
    }

    @GetMapping("/api/cases/{id}/documents/{doc}/pdf")
    @ReadsCases
    @Operation(summary = "下载已签发文书的 PDF")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable Long doc) {
        return CaseDocumentPages.attachment(documents.document(user, id, doc));
    }

    @GetMapping("/api/cases/{id}/documents/draft/{type}/pdf")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    @Operation(summary = "文书草稿预览（水印“草稿”，不编号、不保存）")
    ResponseEntity<byte[]> draft(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                                 @PathVariable DocumentType type) {
        return CaseDocumentPages.draft(type, documents.draft(user, id, type));
    }

    @PostMapping("/api/cases/{id}/documents")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    @Operation(summary = "签发没有对应环节的文书（询问通知书、行政强制执行事先催告书），须本案持证承办人")
    DocumentRow issue(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @Valid @RequestBody IssueBody body) {
        return DocumentRow.of(documents.issueOnDemand(user, id, body.type()));
    }

    @PostMapping("/api/cases/{id}/documents/{doc}/supersede")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    @Operation(summary = "更正：以新编号的文书取代已签发文书，记录理由（已签发文书不可修改）")
    DocumentRow supersede(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable Long doc,
                          @Valid @RequestBody SupersedeBody body) {
        return DocumentRow.of(documents.supersede(user, id, doc, body.reason()));
    }

    @PostMapping("/api/cases/{id}/hearing-schedule")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    @Operation(summary = "安排听证会（当事人已申请听证）：时间、地点、主持人（非本案调查人员），七个工作日前通知；签发听证会通知书。改期时带 version")
    DocumentRow scheduleHearing(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                                @Valid @RequestBody HearingBody body) {
        return DocumentRow.of(hearings.schedule(user, id, body));
    }

    @PostMapping("/api/cases/{id}/documents/{doc}/service")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    @Operation(summary = "登记文书的送达情况（送达方式、受送达人、地点、日期；电子送达须确认书），更新文书送达回执")
    ServiceRow recordService(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable Long doc,
                             @Valid @RequestBody ServiceBody body) {
        return services.record(user, id, doc, body);
    }

    @GetMapping("/api/cases/{id}/document-services")
    @ReadsCases
    @Operation(summary = "案件文书的送达记录")
    List<ServiceRow> serviceRecords(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return services.list(user, id);
    }
}
