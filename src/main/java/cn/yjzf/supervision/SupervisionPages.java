package cn.yjzf.supervision;

import cn.yjzf.common.ConflictException;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.common.Paging;
import cn.yjzf.common.WebForms;
import cn.yjzf.common.input.InputValidator;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.security.ReadsCases;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 挂牌督办 pages: the supervising level's queue, every visible listing, the 挂牌 form and each listing's steps. */
@Controller
@ReadsCases
class SupervisionPages {

    /** Plan parts arrive as {@code plan_<CODE>} fields. */
    private static final String PLAN_FIELD = "plan_";

    private final SupervisionService service;
    private final SupervisionRules rules;
    private final InputValidator validator;
    private final Paging paging;

    SupervisionPages(SupervisionService service, SupervisionRules rules, InputValidator validator, Paging paging) {
        this.paging = paging;
        this.service = service;
        this.rules = rules;
        this.validator = validator;
    }

    @GetMapping("/supervision")
    String index(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "1") int page, Model model) {
        // the queue is short by nature (steps awaiting the level): its first page; the listings page through
        Page<SupervisionListing> queue = service.queue(user, paging.page(1));
        model.addAttribute("queue", queue.stream().map(l -> service.view(user, l)).toList());
        model.addAttribute("queueTotal", queue.getTotalElements());
        Page<SupervisionListing> listings = service.visible(user, paging.page(page));
        model.addAttribute("page", listings);
        model.addAttribute("listings", listings.getContent().stream().map(l -> service.view(user, l)).toList());
        model.addAttribute("listable", service.listable(user));
        model.addAttribute("levels", service.levels(user));
        model.addAttribute("ruleSet", rules.ruleSet());
        model.addAttribute("planParts", rules.planParts(rules.ruleSet()));
        model.addAttribute("dayCounts", rules.dayCounts(rules.ruleSet()));
        return "supervision";
    }

    @GetMapping("/supervision/listings/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        model.addAttribute("v", service.view(user, service.get(user, id)));
        return "supervision-listing";
    }

    @PostMapping("/supervision/listings")
    @PreAuthorize(SupervisionApi.APPROVERS)
    String list(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute NewListing form, BindingResult binding,
                RedirectAttributes flash) {
        if (binding.hasErrors()) {
            flash.addFlashAttribute("errors", WebForms.problems(binding));
            return "redirect:/supervision";
        }
        try {
            SupervisionListing l = service.list(user, form);
            flash.addFlashAttribute("notice", "已挂牌督办：" + l.getDocumentNo());
            return "redirect:/supervision/listings/" + l.getId();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", e.problems());
        } catch (ConflictException e) {
            flash.addFlashAttribute("errors", List.of(new FieldProblem("", e.code(), e.getMessage())));
        }
        return "redirect:/supervision";
    }

    @PostMapping("/supervision/listings/{id}/{action}")
    String step(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable String action,
                @Valid @ModelAttribute ListingAction form, BindingResult binding,
                @RequestParam Map<String, String> params, RedirectAttributes flash) {
        service.get(user, id); // 404 before anything else
        if (binding.hasErrors()) {
            flash.addFlashAttribute("errors", WebForms.problems(binding));
            return "redirect:/supervision/listings/" + id;
        }
        try {
            ListingAction a = validator.check(new ListingAction(form.version(), form.note(), plan(params), form.funds(),
                    form.until(), form.approve(), form.passed()));
            SupervisionListing l = switch (action) {
                case "plan" -> service.filePlan(user, id, a);
                case "extension" -> service.requestExtension(user, id, a);
                case "extension-decision" -> service.decideExtension(user, id, a);
                case "acceptance" -> service.accept(user, id, a);
                case "closure" -> service.close(user, id, a);
                default -> throw new NotFoundException("操作");
            };
            flash.addFlashAttribute("notice", "已办理，当前状态：" + l.getStatus().label());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", e.problems());
        } catch (ConflictException e) {
            flash.addFlashAttribute("errors", List.of(new FieldProblem("", e.code(), e.getMessage())));
        } catch (ObjectOptimisticLockingFailureException e) {
            flash.addFlashAttribute("errors", List.of(new FieldProblem("", "CONCURRENT_EDIT",
                    "该挂牌督办已被他人处理，请刷新后重试")));
        }
        return "redirect:/supervision/listings/" + id;
    }

    private static Map<String, String> plan(Map<String, String> params) {
        Map<String, String> plan = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith(PLAN_FIELD)) {
                plan.put(k.substring(PLAN_FIELD.length()), v);
            }
        });
        return plan.isEmpty() ? null : plan;
    }
}
