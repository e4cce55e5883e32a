package cn.yjzf.casework;

import cn.yjzf.casework.ExecutionCommands.ArrangementRequest;
import cn.yjzf.casework.ExecutionCommands.CourtApplicationRequest;
import cn.yjzf.casework.ExecutionCommands.CourtResultRequest;
import cn.yjzf.casework.ExecutionCommands.DecisionRequest;
import cn.yjzf.casework.ExecutionCommands.DemandRequest;
import cn.yjzf.casework.ExecutionCommands.ExtensionRequest;
import cn.yjzf.casework.ExecutionCommands.InstalmentPayment;
import cn.yjzf.casework.ExecutionCommands.RemovalRequest;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.security.ReadsCases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Evidence attachments, 办案期限 extension, 延期/分期 payment, 催告 and court application of a case (JSON; uploads multipart). */
@RestController
@RequestMapping("/api/cases/{id}")
@ReadsCases
@Tag(name = "行政处罚案件：证据附件与执行", description = "证据照片和文件、延长办案期限、延期（分期）缴纳、催告、申请法院强制执行")
class CaseExecutionApi {

    private final CaseEvidence evidence;
    private final CaseExecution execution;

    CaseExecutionApi(CaseEvidence evidence, CaseExecution execution) {
        this.evidence = evidence;
        this.execution = execution;
    }

    @GetMapping("/attachments")
    @Operation(summary = "证据附件清单（含已删除的记录）")
    List<CaseAttachment> attachments(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return evidence.list(user, id);
    }

    @PostMapping(value = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传证据照片（JPEG/PNG）或文件（PDF），按文件内容判断类型；可关联一项调查取证记录")
    CaseAttachment upload(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                          @RequestParam(value = "file", required = false) MultipartFile file,
                          @RequestParam(value = "actId", required = false) Long actId) throws IOException {
        // a missing file is refused by the inspector, after the role and scope checks
        return evidence.upload(user, id, actId, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes());
    }

    @GetMapping("/attachments/{attachment}/content")
    @Operation(summary = "下载证据附件（作为附件下载，原样字节，留痕）")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                                    @PathVariable Long attachment) {
        return asDownload(evidence.download(user, id, attachment));
    }

    @PostMapping("/attachments/{attachment}/removal")
    @Operation(summary = "删除证据附件（调查终结前，写明理由；保留删除记录）")
    CaseAttachment remove(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable Long attachment,
                          @Valid @RequestBody RemovalRequest body) {
        return evidence.remove(user, id, attachment, body.version(), body.reason());
    }

    @GetMapping("/execution")
    @Operation(summary = "延期申请、延期（分期）缴纳、催告书、强制执行申请与执行状态（含加处罚款）")
    CaseExecution.ExecutionState state(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return execution.state(user, id);
    }

    @PostMapping("/deadline-extensions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申请延长办案期限（承办人，写明理由和延长后的日期）")
    DeadlineExtension requestExtension(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                                       @Valid @RequestBody ExtensionRequest body) {
        return execution.requestExtension(user, id, body);
    }

    @PostMapping("/deadline-extensions/{extension}/decision")
    @Operation(summary = "负责人批准或不批准延长办案期限；version 为所见申请版本")
    DeadlineExtension decideExtension(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                                      @PathVariable Long extension, @Valid @RequestBody DecisionRequest body) {
        return execution.decideExtension(user, id, extension, body);
    }

    @PostMapping("/payment-arrangements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记当事人延期或分期缴纳罚款的申请（各期金额之和须等于应缴罚款）")
    PaymentArrangement applyForArrangement(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                                           @Valid @RequestBody ArrangementRequest body) {
        return execution.applyForArrangement(user, id, body);
    }

    @PostMapping("/payment-arrangements/{arrangement}/decision")
    @Operation(summary = "负责人批准或不批准延期（分期）缴纳；version 为所见申请版本")
    PaymentArrangement decideArrangement(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                                         @PathVariable Long arrangement, @Valid @RequestBody DecisionRequest body) {
        return execution.decideArrangement(user, id, arrangement, body);
    }

    @PostMapping("/payment-arrangements/payments")
    @Operation(summary = "按已批准的延期（分期）计划登记缴款（依次冲抵各期）")
    PaymentArrangement pay(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                           @Valid @RequestBody InstalmentPayment body) {
        return execution.recordInstalmentPayment(user, id, body);
    }

    @PostMapping("/enforcement-demands")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记催告书送达（行政强制法第三十五、五十四条）")
    EnforcementDemand demand(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                             @Valid @RequestBody DemandRequest body) {
        return execution.serveDemand(user, id, body);
    }

    @PostMapping("/court-applications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记申请人民法院强制执行（须催告书送达十个工作日后、复议诉讼期限届满后）")
    CourtApplication apply(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                           @Valid @RequestBody CourtApplicationRequest body) {
        return execution.applyToCourt(user, id, body);
    }

    @PostMapping("/court-applications/{application}/result")
    @Operation(summary = "登记法院的处理结果")
    CourtApplication result(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                            @PathVariable Long application, @Valid @RequestBody CourtResultRequest body) {
        return execution.recordCourtResult(user, id, application, body);
    }

    /** Stored bytes as an attachment, never rendered inline, never sniffed into another type. */
    static ResponseEntity<byte[]> asDownload(CaseEvidence.EvidenceFile f) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .contentType(MediaType.parseMediaType(f.mediaType()))
                .body(f.bytes());
    }
}
