package cn.yjzf.penalty;

import cn.yjzf.organisation.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "行政处罚裁量", description = "违法行为库、处罚建议（法定幅度 + 裁量基准，从旧兼从轻）、执法人员的选择、裁量基准导入与审核")
class PenaltyApi {

    private final PenaltyProposalService proposals;
    private final DiscretionTableService tables;
    private final PenaltyRules rules;

    PenaltyApi(PenaltyProposalService proposals, DiscretionTableService tables, PenaltyRules rules) {
        this.proposals = proposals;
        this.tables = tables;
        this.rules = rules;
    }

    @GetMapping("/api/penalty/violations")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER','LEGAL_REVIEWER','APPROVER','RULE_MAINTAINER')")
    @Operation(summary = "违法行为库：义务条款、处罚条款（条/款/项）、阶段、关联的隐患规则")
    List<Violation> violations() {
        return rules.current().set().violations();
    }

    @PostMapping("/api/penalty-proposals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "提出处罚建议：按违法行为发生日和决定日分别计算，适用较轻者；多项违法行为分别裁量、合并处罚")
    ProposalResult propose(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ProposalRequest body) {
        return proposals.propose(user, body);
    }

    @GetMapping("/api/penalty-proposals/{id}")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER','LEGAL_REVIEWER','APPROVER')")
    ProposalResult get(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return proposals.get(user, id);
    }

    @GetMapping("/api/penalty-proposals/from-finding/{findingId}")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    @Operation(summary = "由已判定的隐患预填处罚建议请求（该隐患证明的违法行为、检查日期、是否重大事故隐患）")
    ProposalRequest fromFinding(@AuthenticationPrincipal CurrentUser user, @PathVariable Long findingId) {
        return proposals.fromFinding(user, findingId);
    }

    @PostMapping("/api/penalty-proposals/{id}/decision")
    @Operation(summary = "执法人员确定罚款：区间外须写明理由并被标记；超出法定最高额或低于最低额（无减轻依据）一律拒绝")
    PenaltyProposalService.Decision decide(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
            @Valid @RequestBody DecisionRequest body) {
        return proposals.decide(user, id, body);
    }

    /** Summary of a stored 基准 table for API clients. */
    record TableDto(Long id, String code, String name, String issuer, String documentNumber, String scopeLevel,
            String label, java.time.LocalDate validFrom, java.time.LocalDate validTo, int tiers, String status,
            String submittedBy, String reviewer, long version) {

        static TableDto of(DiscretionTableVersion v) {
            return new TableDto(v.getId(), v.getCode(), v.getName(), v.getIssuer(), v.getDocumentNumber(), v.getScopeLevel(),
                    v.getLabel(), v.getValidFrom(), v.getValidTo(), v.getTierCount(), v.getStatus().label(),
                    v.getSubmittedBy(), v.getReviewer(), v.getVersion());
        }
    }

    @GetMapping("/api/discretion-tables")
    @PreAuthorize("hasAnyRole('RULE_MAINTAINER','LEGAL_REVIEWER')")
    List<TableDto> tables(@AuthenticationPrincipal CurrentUser user) {
        return tables.list(user).stream().map(TableDto::of).toList();
    }

    @PostMapping(value = "/api/discretion-tables", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "导入官方裁量基准（CSV 或 XLSX）：逐行对照法定幅度校验，任一行超出即整表拒绝并指出行号；通过后待法制审核")
    TableDto importTable(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute TableMeta meta,
            @RequestParam("file") MultipartFile file) throws IOException {
        return TableDto.of(tables.importTable(user, meta, file.getOriginalFilename(), file.getBytes()));
    }

    @PostMapping("/api/discretion-tables/{id}/approve")
    @Operation(summary = "法制审核通过并发布（审核人不能是提交人）")
    TableDto approve(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @RequestParam long version,
            @RequestParam(required = false) String note) {
        return TableDto.of(tables.approve(user, id, version, note));
    }

    @PostMapping("/api/discretion-tables/{id}/reject")
    TableDto reject(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @RequestParam long version,
            @RequestParam String reason) {
        return TableDto.of(tables.reject(user, id, version, reason));
    }
}
