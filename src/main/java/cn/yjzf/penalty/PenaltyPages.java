package cn.yjzf.penalty;

import cn.yjzf.common.ConflictException;
import cn.yjzf.common.ErrorCodes;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.organisation.CurrentUser;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 处罚裁量 pages: the officer builds a proposal (from a hazard or from scratch) and decides; maintainers manage 基准 tables. */
@Controller
class PenaltyPages {

    private final PenaltyProposalService proposals;
    private final DiscretionTableService tables;
    private final PenaltyRules rules;
    private final Validator validator;

    PenaltyPages(PenaltyProposalService proposals, DiscretionTableService tables, PenaltyRules rules, Validator validator) {
        this.proposals = proposals;
        this.tables = tables;
        this.rules = rules;
        this.validator = validator;
    }

    @GetMapping("/penalty")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String form(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long finding, Model model) {
        ProposalForm form = finding == null ? new ProposalForm() : ProposalForm.of(proposals.fromFinding(user, finding));
        return showForm(user, form, finding, model);
    }

    private String showForm(CurrentUser user, ProposalForm form, Long finding, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("finding", finding);
        model.addAttribute("violations", rules.current().set().violations().stream().filter(v -> v.frame() != null).toList());
        model.addAttribute("recent", proposals.recent(user));
        return "penalty-form";
    }

    @PostMapping("/penalty")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String propose(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") ProposalForm form, Model model) {
        ProposalRequest request = form.toRequest();
        List<FieldProblem> problems = new ArrayList<>(validator.validate(request).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(),
                        ErrorCodes.of(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()),
                        label(v.getPropertyPath().toString()) + v.getMessage()))
                .toList());
        if (problems.isEmpty()) {
            try {
                return "redirect:/penalty/proposals/" + proposals.propose(user, request).id();
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        model.addAttribute("errors", problems);
        return showForm(user, form, null, model);
    }

    private static String label(String path) {
        if (path.endsWith("violationDate")) {
            return "违法行为发生日期";
        }
        if (path.endsWith("decisionDate")) {
            return "决定日期";
        }
        if (path.equals("violations")) {
            return "至少选择一项违法行为：";
        }
        return path.replaceAll("violations\\[(\\d+)\\]\\.?", "第$1项 ") + "：";
    }

    @GetMapping("/penalty/proposals/{id}")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER','LEGAL_REVIEWER','APPROVER')")
    String proposal(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        model.addAttribute("p", proposals.get(user, id));
        model.addAttribute("stored", proposals.stored(user, id));
        return "penalty-proposal";
    }

    @PostMapping("/penalty/proposals/{id}/decision")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @RequestParam long version,
            @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        ProposalResult p = proposals.get(user, id);
        List<FieldProblem> problems = new ArrayList<>();
        List<DecisionRequest.Choice> choices = new ArrayList<>();
        for (int i = 0; i < p.violations().size(); i++) {
            Long unit = amount(params, "unitAmount_" + i, i, problems);
            Long person = amount(params, "personAmount_" + i, i, problems);
            choices.add(new DecisionRequest.Choice(i, unit, person, params.get("reason_" + i), params.containsKey("mitigated_" + i)));
        }
        if (problems.isEmpty()) {
            try {
                PenaltyProposalService.Decision d = proposals.decide(user, id, new DecisionRequest(version, choices));
                redirect.addFlashAttribute("notice", d.flagged() ? "已保存。罚款偏离建议区间或减轻处罚，已标记供审核人员查看" : "已保存");
                return "redirect:/penalty/proposals/" + id;
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            } catch (ConflictException e) {
                problems.add(new FieldProblem("version", e.code(), e.getMessage()));
            }
        }
        model.addAttribute("errors", problems);
        return proposal(user, id, model);
    }

    private static Long amount(Map<String, String> params, String key, int index, List<FieldProblem> problems) {
        String v = params.get(key);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem("choices[" + index + "]." + key.replaceAll("_\\d+$", ""), "INVALID_FORMAT",
                "第" + (index + 1) + "项罚款须为非负整数（元）：" + v));
        return null;
    }

    @GetMapping("/penalty/tables")
    @PreAuthorize("hasAnyRole('RULE_MAINTAINER','LEGAL_REVIEWER')")
    String tables(@AuthenticationPrincipal CurrentUser user, Model model) {
        PenaltyRules.Loaded family = rules.current();
        model.addAttribute("defaultTable", family.defaultTable());
        model.addAttribute("defaultCoverage", tables.coverage(family.defaultTable()));
        List<DiscretionTableVersion> all = tables.list(user);
        model.addAttribute("tables", all);
        model.addAttribute("coverage", all.stream().map(v -> tables.coverage(tables.table(v)).summary()).toList());
        model.addAttribute("columns", String.join(",", TableImport.COLUMNS));
        return "penalty-tables";
    }

    @GetMapping("/penalty/tables/{id}")
    @PreAuthorize("hasAnyRole('RULE_MAINTAINER','LEGAL_REVIEWER')")
    String table(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @RequestParam(required = false) Long against,
            Model model) {
        DiscretionTableVersion v = tables.get(user, id);
        DiscretionTable t = tables.table(v);
        DiscretionTable base = against == null ? rules.current().defaultTable() : tables.table(tables.get(user, against));
        model.addAttribute("v", v);
        model.addAttribute("t", t);
        model.addAttribute("coverage", tables.coverage(t));
        model.addAttribute("against", against);
        model.addAttribute("diff", TableDiff.between(base, t));
        model.addAttribute("others", tables.list(user).stream().filter(o -> !o.getId().equals(id)).toList());
        return "penalty-table";
    }

    @PostMapping("/penalty/tables")
    @PreAuthorize("hasRole('RULE_MAINTAINER')")
    String importTable(@AuthenticationPrincipal CurrentUser user, @ModelAttribute TableMeta meta,
            @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
        List<FieldProblem> problems = new ArrayList<>(validator.validate(meta).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), "INVALID", v.getPropertyPath() + "：" + v.getMessage()))
                .toList());
        if (file == null || file.isEmpty()) {
            problems.add(new FieldProblem("file", "REQUIRED", "请选择 CSV 或 XLSX 文件"));
        }
        if (problems.isEmpty()) {
            try {
                DiscretionTableVersion v = tables.importTable(user, meta, file.getOriginalFilename(), file.getBytes());
                redirect.addFlashAttribute("notice", "已通过法定幅度校验，待法制审核：" + v.getName());
                return "redirect:/penalty/tables/" + v.getId();
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        model.addAttribute("errors", problems);
        return tables(user, model);
    }

    @PostMapping("/penalty/tables/{id}/review")
    @PreAuthorize("hasRole('LEGAL_REVIEWER')")
    String review(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @RequestParam long version,
            @RequestParam String decision, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            if ("approve".equals(decision)) {
                tables.approve(user, id, version, note);
                redirect.addFlashAttribute("notice", "已发布");
            } else {
                tables.reject(user, id, version, note);
                redirect.addFlashAttribute("notice", "已驳回");
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(new FieldProblem("version", e.code(), e.getMessage())));
        }
        return "redirect:/penalty/tables/" + id;
    }
}
