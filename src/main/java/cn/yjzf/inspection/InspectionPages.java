package cn.yjzf.inspection;

import cn.yjzf.security.ReadsCases;
import cn.yjzf.common.AppTime;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.Paging;
import cn.yjzf.common.PinyinOrder;
import cn.yjzf.common.WebForms;
import cn.yjzf.common.input.InputBounds;
import cn.yjzf.common.input.InputValidator;
import cn.yjzf.enterprise.Enterprise;
import cn.yjzf.enterprise.EnterpriseService;
import cn.yjzf.judgment.ChecklistGroup;
import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.Certificates;
import cn.yjzf.organisation.CurrentUser;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@ReadsCases
class InspectionPages {

    private final InspectionService inspections;
    private final EnterpriseService enterprises;
    private final AppUserRepository users;
    private final InputValidator input;
    private final InspectionMembers members;
    private final FindingDescriptions descriptions;
    private final AppTime time;
    private final Paging paging;

    InspectionPages(InspectionService inspections, EnterpriseService enterprises, AppUserRepository users,
                    InputValidator input, InspectionMembers members, FindingDescriptions descriptions, AppTime time,
                    Paging paging) {
        this.inspections = inspections;
        this.enterprises = enterprises;
        this.users = users;
        this.input = input;
        this.members = members;
        this.descriptions = descriptions;
        this.time = time;
        this.paging = paging;
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()") // everyone lands here; only case roles see inspections
    String home(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "1") int page, Model model) {
        if (user.roles().stream().noneMatch(ReadsCases.ROLES::contains)) {
            model.addAttribute("page", Page.empty());
            model.addAttribute("inspections", List.of());
            return "home";
        }
        Page<Inspection> inspectionPage = inspections.page(user.jurisdiction(), paging.page(page));
        model.addAttribute("page", inspectionPage);
        model.addAttribute("inspections", inspectionPage.getContent().stream()
                .map(i -> new Row(i, enterprises.get(user.jurisdiction(), i.getEnterpriseId()).getName())).toList());
        return "home";
    }

    record Row(Inspection inspection, String enterpriseName) {
    }

    @GetMapping("/inspections/new")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String form(@AuthenticationPrincipal CurrentUser user, @RequestParam Long enterpriseId, Model model) {
        return form(user, model, new NewInspection(enterpriseId, time.today(), null, Set.of(user.id())));
    }

    @PostMapping("/inspections")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String open(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") NewInspection form,
                BindingResult binding, Model model) {
        return WebForms.submit(binding, model, () -> "redirect:/inspections/" + inspections.open(user, form).getId(),
                () -> form(user, model, form));
    }

    private String form(CurrentUser user, Model model, NewInspection form) {
        if (form.enterpriseId() == null) { // the form cannot be shown again without its enterprise
            throw new InvalidInputException("enterpriseId", "REQUIRED", "请选择被检查单位");
        }
        model.addAttribute("form", form);
        Enterprise enterprise = enterprises.get(user.jurisdiction(), form.enterpriseId());
        model.addAttribute("enterprise", enterprise);
        LocalDate on = form.inspectionDate() == null || InputBounds.problemWith(form.inspectionDate(), 0, time.today()) != null
                ? time.today() : form.inspectionDate();
        List<AppUser> eligible = users.findByAgencyIdOrderByFullName(user.agencyId()).stream()
                .filter(u -> members.eligible(u, enterprise, on)).sorted(PinyinOrder.by(AppUser::getFullName)).toList();
        model.addAttribute("officers", eligible);
        return "inspection-form";
    }

    @GetMapping("/inspections/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                @RequestParam(required = false) String group, Model model) {
        InspectionView view = inspections.view(user.jurisdiction(), id);
        List<ChecklistGroup> groups = inspections.checklistFor(user.jurisdiction(), id);
        model.addAttribute("view", view);
        model.addAttribute("mayRecord", members.mayRecord(user, view.inspection()));
        model.addAttribute("groups", groups);
        model.addAttribute("questions", groups.stream().flatMap(g -> g.questions().stream())
                .collect(java.util.stream.Collectors.toMap(q -> q.code(), q -> q.text(), (a, b) -> a)));
        model.addAttribute("group", groups.stream().filter(g -> g.code().equals(group)).findFirst().orElse(null));
        model.addAttribute("grades", List.of(HazardGrade.MAJOR, HazardGrade.GENERAL));
        model.addAttribute("today", time.today());
        if (!model.containsAttribute("answers")) {
            model.addAttribute("answers", Map.of());
        }
        return "inspection";
    }

    @PostMapping("/inspections/{id}/findings")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String addFinding(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                      @RequestParam MultiValueMap<String, String> form, Model model) {
        Map<String, String> answers = new HashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("answers[") && k.endsWith("]") && !v.isEmpty()) {
                answers.put(k.substring(8, k.length() - 1), v.get(0));
            }
        });
        String group = form.getFirst("checklistGroup");
        NewFinding finding = new NewFinding(group, answers, form.getFirst("description"), form.getFirst("location"));
        try {
            input.check(finding);
            FindingView added = inspections.addFinding(user, id, finding);
            return "redirect:/inspections/" + id + "#finding-" + added.seq();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("answers", answers);
            model.addAttribute("description", finding.description());
            model.addAttribute("location", finding.location());
            return show(user, id, group, model);
        }
    }

    @GetMapping("/inspections/{id}/checklist")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String checklist(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        InspectionView view = inspections.view(user.jurisdiction(), id);
        members.requireRecorder(user, view.inspection()); // the checklist page records; only members may
        model.addAttribute("view", view);
        model.addAttribute("groups", inspections.checklistFor(user.jurisdiction(), id));
        if (!model.containsAttribute("answers")) {
            model.addAttribute("answers", Map.of());
        }
        return "checklist";
    }

    record PreviewRequest(String group, Map<String, String> answers) {
    }

    /**
     * {@code complete} false: {@code missing} names what to answer first. {@code secondary}: per citation, whether the
     * item's wording rests on a secondary source (🟡), so the officer sees the caveat beside the live grade.
     */
    record PreviewResponse(boolean complete, String grade, String gradeLabel, List<String> citations,
                           List<String> titles, List<String> firedRules, String reason, List<Boolean> secondary,
                           List<String> missing) {
    }

    @PostMapping(value = "/inspections/{id}/checklist/preview", consumes = "application/json")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    @org.springframework.web.bind.annotation.ResponseBody
    PreviewResponse preview(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                            @org.springframework.web.bind.annotation.RequestBody PreviewRequest body) {
        try {
            var r = inspections.preview(user.jurisdiction(), id, body.group(), body.answers() == null ? Map.of() : body.answers());
            return new PreviewResponse(true, r.grade().name(), r.grade().label(),
                    r.citations().stream().map(c -> c.display()).toList(),
                    r.citations().stream().map(c -> c.title()).toList(), r.firedRules(), r.reason(),
                    r.citations().stream().map(c -> c.fromSecondarySource()).toList(), List.of());
        } catch (InvalidInputException incomplete) {
            return new PreviewResponse(false, null, null, List.of(), List.of(), List.of(), null, List.of(),
                    incomplete.problems().stream().map(FieldProblem::message).toList());
        }
    }

    record DraftRequest(String group, Map<String, String> answers) {
    }

    record DraftResponse(String description) {
    }

    /** The description drafted from the answers given so far, for the one-item form to pre-fill while answering. */
    @PostMapping(value = "/inspections/{id}/findings/draft", consumes = "application/json")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    @org.springframework.web.bind.annotation.ResponseBody
    DraftResponse draft(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                        @org.springframework.web.bind.annotation.RequestBody DraftRequest body) {
        Map<String, String> answers = body.answers() == null ? Map.of() : body.answers();
        return inspections.checklistFor(user.jurisdiction(), id).stream()
                .filter(g -> g.code().equals(body.group())).findFirst()
                .map(g -> new DraftResponse(answers.isEmpty() ? "" : FindingSentences.describe(g, answers)))
                .orElse(new DraftResponse(""));
    }

    @PostMapping("/inspections/{id}/checklist")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String recordChecklist(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                           @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, Map<String, String>> byGroup = new HashMap<>();
        Map<String, String> flat = new HashMap<>();
        form.forEach((k, v) -> {
            // answers[GROUP][QUESTION]
            // a number question that may be 不适用 posts both its number field and the radio: take the filled one
            String value = v.stream().filter(x -> x != null && !x.isBlank()).findFirst().orElse(null);
            if (k.startsWith("answers[") && k.endsWith("]") && k.contains("][") && value != null) {
                String group = k.substring(8, k.indexOf("]["));
                String question = k.substring(k.indexOf("][") + 2, k.length() - 1);
                byGroup.computeIfAbsent(group, g -> new HashMap<>()).put(question, value);
                flat.put(question, value);
            }
        });
        try {
            List<FindingView> recorded = inspections.recordChecklist(user, id, byGroup);
            redirect.addFlashAttribute("notice", "已记录 " + recorded.size() + " 项检查发现并完成判定");
            return "redirect:/inspections/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("answers", flat);
            return checklist(user, id, model);
        }
    }

    @PostMapping("/inspections/{id}/findings/{findingId}/description")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String describe(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable Long findingId,
                    @RequestParam(required = false) String description, @RequestParam(required = false) Long version,
                    Model model, RedirectAttributes redirect) {
        try {
            descriptions.reword(user, id, findingId, new FindingDescription(description, version));
            redirect.addFlashAttribute("notice", "已修改隐患描述");
            return "redirect:/inspections/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return show(user, id, null, model);
        }
    }

    @PostMapping("/inspections/{id}/findings/{findingId}/grade")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String grade(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable Long findingId,
                 @Valid @ModelAttribute ManualGrade form, BindingResult binding, Model model,
                 RedirectAttributes redirect) {
        List<FieldProblem> problems = binding.hasErrors() ? WebForms.problems(binding) : List.of();
        if (problems.isEmpty()) {
            try {
                inspections.gradeManually(user, id, findingId, form);
                redirect.addFlashAttribute("notice", "已人工判定");
                return "redirect:/inspections/" + id;
            } catch (InvalidInputException e) {
                problems = e.problems();
            }
        }
        model.addAttribute("errors", problems);
        return show(user, id, null, model);
    }
}
