package cn.yjzf.casework;

import cn.yjzf.common.ConflictException;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.WebForms;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import cn.yjzf.organisation.TownshipRepository;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 我的待办, the case list, 立案 form and the case page with its step forms (approve / return with reason …). */
@Controller
class CasePages {

    private final CaseworkService service;
    private final CaseViews views;
    private final CaseDeadlines deadlines;
    private final AppUserRepository users;
    private final TownshipRepository townships;
    private final cn.yjzf.common.AppTime time;

    CasePages(CaseworkService service, CaseViews views, CaseDeadlines deadlines, AppUserRepository users,
              TownshipRepository townships, cn.yjzf.common.AppTime time) {
        this.time = time;
        this.service = service;
        this.views = views;
        this.deadlines = deadlines;
        this.users = users;
        this.townships = townships;
    }

    record TaskRow(CaseTask task, PenaltyCase c, String holder, CaseDeadlines.Status due) {
    }

    @GetMapping("/tasks")
    String tasks(@AuthenticationPrincipal CurrentUser user, Model model) {
        LocalDate today = time.today();
        model.addAttribute("rows", service.myTasks(user).stream().map(t -> {
            PenaltyCase c = service.get(user, t.getCaseId());
            return new TaskRow(t, c, views.holder(c, t), deadlines.statusOf(t.getDueOn(), today));
        }).toList());
        return "case-tasks";
    }

    @GetMapping("/cases")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("cases", service.list(user));
        return "cases";
    }

    @GetMapping("/cases/new")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        return form(user, model, new NewCase(null, null, CaseEnums.PartyType.ORGANISATION, null, null,
                CaseEnums.Source.HAZARD, null, null, List.of(), null, null, null, null));
    }

    @PostMapping("/cases")
    String open(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") NewCase form,
                BindingResult binding, Model model) {
        return WebForms.submit(binding, model, () -> "redirect:/cases/" + service.open(user, form).getId(),
                () -> form(user, model, form));
    }

    private String form(CurrentUser user, Model model, NewCase form) {
        model.addAttribute("form", form);
        model.addAttribute("colleagues", colleagues(user));
        model.addAttribute("townships", townships.findByAgencyIdOrderByName(user.agencyId()).stream()
                .filter(t -> user.jurisdiction().townshipId() == null || t.getId().equals(user.jurisdiction().townshipId()))
                .toList());
        model.addAttribute("partyTypes", CaseEnums.PartyType.values());
        model.addAttribute("sources", CaseEnums.Source.values());
        return "case-form";
    }

    private List<AppUser> colleagues(CurrentUser user) {
        LocalDate today = time.today();
        return users.findByAgencyIdOrderByFullName(user.agencyId()).stream()
                .filter(u -> !u.getId().equals(user.id()) && u.isCertifiedOn(today)
                        && (u.getRoles().contains(Role.OFFICER) || u.getRoles().contains(Role.TOWNSHIP_ENFORCER)))
                .toList();
    }

    @GetMapping("/cases/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        CaseView v = views.of(user, id);
        PenaltyCase c = service.get(user, id);
        Stage stage = c.getStage();
        model.addAttribute("view", v);
        model.addAttribute("handler", c.getHandlerIds().contains(user.id()));
        model.addAttribute("reviewer", stage.isReview() && user.has(stage.reviewer()));
        model.addAttribute("canReassign", user.has(Role.UNIT_HEAD) || user.has(Role.APPROVER));
        model.addAttribute("canDecideTransfer", user.has(Role.APPROVER));
        model.addAttribute("stageLabels", java.util.Arrays.stream(Stage.values())
                .collect(java.util.stream.Collectors.toMap(Stage::name, Stage::label)));
        model.addAttribute("handlers", c.getHandlerIds().stream().map(h -> users.findById(h).orElse(null))
                .filter(java.util.Objects::nonNull).toList());
        model.addAttribute("colleagues", users.findByAgencyIdOrderByFullName(c.getAgencyId()));
        model.addAttribute("outcomes", CaseEnums.Outcome.values());
        model.addAttribute("actKinds", List.of(CaseEnums.ActKind.INTERROGATION, CaseEnums.ActKind.SITE_EXAMINATION,
                CaseEnums.ActKind.EVIDENCE));
        model.addAttribute("today", time.today());
        return "case";
    }

    @PostMapping("/cases/{id}/actions")
    String act(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @Valid @ModelAttribute CaseCommand cmd,
               BindingResult binding, RedirectAttributes flash) {
        return back(id, flash, binding, () -> service.perform(user, id, cmd).getStage().label());
    }

    @PostMapping("/cases/{id}/acts")
    String addAct(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @Valid @ModelAttribute NewAct act,
                  BindingResult binding, RedirectAttributes flash) {
        return back(id, flash, binding, () -> {
            service.addAct(user, id, act);
            return "调查取证";
        });
    }

    /** Runs the step and returns to the case page with what happened or why it was refused (nothing half-saved). */
    static String back(Long id, RedirectAttributes flash, BindingResult binding, Supplier<String> step) {
        if (binding != null && binding.hasErrors()) {
            flash.addFlashAttribute("errors", WebForms.problems(binding));
        } else {
            try {
                flash.addFlashAttribute("notice", "已办理，案件当前环节：" + step.get());
            } catch (InvalidInputException e) {
                flash.addFlashAttribute("errors", e.problems());
            } catch (ConflictException e) {
                flash.addFlashAttribute("errors", List.of(new FieldProblem("", e.code(), e.getMessage())));
            } catch (org.springframework.orm.ObjectOptimisticLockingFailureException e) {
                flash.addFlashAttribute("errors", List.of(new FieldProblem("", "CONCURRENT_EDIT", "该案件已被他人处理，请刷新后重试")));
            }
        }
        return "redirect:/cases/" + id;
    }
}
