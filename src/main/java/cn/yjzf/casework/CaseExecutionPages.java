package cn.yjzf.casework;

import cn.yjzf.casework.ExecutionCommands.CourtApplicationRequest;
import cn.yjzf.casework.ExecutionCommands.CourtResultRequest;
import cn.yjzf.casework.ExecutionCommands.DecisionRequest;
import cn.yjzf.casework.ExecutionCommands.DemandRequest;
import cn.yjzf.casework.ExecutionCommands.ExtensionRequest;
import cn.yjzf.casework.ExecutionCommands.InstalmentPayment;
import cn.yjzf.casework.ExecutionCommands.RemovalRequest;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.input.InputValidator;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.security.ReadsCases;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case page's forms for evidence attachments, extension, 延期/分期, 催告 and court application (back to the case). */
@Controller
@ReadsCases
class CaseExecutionPages {

    private final CaseEvidence evidence;
    private final CaseExecution execution;
    private final InputValidator validator;

    CaseExecutionPages(CaseEvidence evidence, CaseExecution execution, InputValidator validator) {
        this.evidence = evidence;
        this.execution = execution;
        this.validator = validator;
    }

    @PostMapping("/cases/{id}/attachments")
    String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                  @RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam(value = "actId", required = false) Long actId, RedirectAttributes flash) {
        return CasePages.back(id, flash, null, () -> {
            try { // a missing file is refused by the inspector, after the role and scope checks
                return "已上传证据附件 " + evidence.upload(user, id, actId, file == null ? null : file.getOriginalFilename(),
                        file == null ? null : file.getBytes()).getFileName();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @GetMapping("/cases/{id}/attachments/{attachment}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                                    @PathVariable Long attachment) {
        return CaseExecutionApi.asDownload(evidence.download(user, id, attachment));
    }

    @PostMapping("/cases/{id}/attachments/{attachment}/remove")
    String remove(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable Long attachment,
                  @Valid @ModelAttribute RemovalRequest form, BindingResult binding, RedirectAttributes flash) {
        return CasePages.back(id, flash, binding, () -> "已删除证据附件 "
                + evidence.remove(user, id, attachment, form.version(), form.reason()).getFileName());
    }

    @PostMapping("/cases/{id}/deadline-extensions")
    String requestExtension(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                            @Valid @ModelAttribute ExtensionRequest form, BindingResult binding, RedirectAttributes flash) {
        return CasePages.back(id, flash, binding, () -> "已提交延长办案期限申请（至 "
                + execution.requestExtension(user, id, form).getRequestedDue() + "），待负责人审批");
    }

    @PostMapping("/cases/{id}/deadline-extensions/{extension}/decision")
    String decideExtension(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable Long extension,
                           @Valid @ModelAttribute DecisionRequest form, BindingResult binding, RedirectAttributes flash) {
        return CasePages.back(id, flash, binding, () -> "延长办案期限申请"
                + execution.decideExtension(user, id, extension, form).getStatus().label());
    }

    /** The plan is typed one instalment a line, "日期 金额" (e.g. 2026-12-31 5000). */
    @PostMapping("/cases/{id}/payment-arrangements")
    String applyForArrangement(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                               @RequestParam(required = false) PaymentArrangement.Kind kind,
                               @RequestParam(required = false) String reason,
                               @RequestParam(required = false) LocalDate appliedOn,
                               @RequestParam(required = false) String plan, RedirectAttributes flash) {
        return CasePages.back(id, flash, null, () -> {
            ExecutionCommands.ArrangementRequest r = validator.check(new ExecutionCommands.ArrangementRequest(kind, reason,
                    appliedOn, parsePlan(plan)));
            return "已登记" + execution.applyForArrangement(user, id, r).getKind().label() + "申请，待负责人审批";
        });
    }

    @PostMapping("/cases/{id}/payment-arrangements/{arrangement}/decision")
    String decideArrangement(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable Long arrangement,
                             @Valid @ModelAttribute DecisionRequest form, BindingResult binding, RedirectAttributes flash) {
        return CasePages.back(id, flash, binding, () -> "延期（分期）缴纳申请"
                + execution.decideArrangement(user, id, arrangement, form).getStatus().label());
    }

    @PostMapping("/cases/{id}/payment-arrangements/payments")
    String pay(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @Valid @ModelAttribute InstalmentPayment form,
               BindingResult binding, RedirectAttributes flash) {
        return CasePages.back(id, flash, binding, () -> "已登记缴款，累计 "
                + execution.recordInstalmentPayment(user, id, form).paid().toPlainString() + " 元");
    }

    @PostMapping("/cases/{id}/enforcement-demands")
    String demand(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @Valid @ModelAttribute DemandRequest form,
                  BindingResult binding, RedirectAttributes flash) {
        return CasePages.back(id, flash, binding, () -> "已登记催告书送达（"
                + execution.serveDemand(user, id, form).getServedOn() + "）");
    }

    @PostMapping("/cases/{id}/court-applications")
    String apply(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                 @Valid @ModelAttribute CourtApplicationRequest form, BindingResult binding, RedirectAttributes flash) {
        return CasePages.back(id, flash, binding, () -> "已登记申请"
                + execution.applyToCourt(user, id, form).getCourt() + "强制执行");
    }

    @PostMapping("/cases/{id}/court-applications/{application}/result")
    String result(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable Long application,
                  @Valid @ModelAttribute CourtResultRequest form, BindingResult binding, RedirectAttributes flash) {
        return CasePages.back(id, flash, binding, () -> "已登记法院处理结果："
                + execution.recordCourtResult(user, id, application, form).getResult());
    }

    static List<ExecutionCommands.Instalment> parsePlan(String plan) {
        List<ExecutionCommands.Instalment> list = new ArrayList<>();
        if (plan == null) {
            return list;
        }
        String[] lines = plan.strip().split("\\R");
        if (lines.length > 36) {
            throw new InvalidInputException("plan", "TOO_MANY_INSTALMENTS", "最多 36 期");
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("[\\s,，]+");
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException();
                }
                list.add(new ExecutionCommands.Instalment(LocalDate.parse(parts[0]), new BigDecimal(parts[1])));
            } catch (RuntimeException e) {
                throw new InvalidInputException("plan", "INVALID_PLAN", "缴纳计划第 " + (i + 1) + " 行应为“日期 金额”，如 2026-12-31 5000");
            }
        }
        return list;
    }
}
