package cn.yjzf.rectification;

import cn.yjzf.common.AppTime;
import cn.yjzf.common.ConflictException;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.common.WebForms;
import cn.yjzf.security.ReadsCases;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 整改跟踪: the order's items with their state and the forms for the next step, refusals shown in Chinese. */
@Controller
@ReadsCases
class RectificationLifecyclePages {

    private final RectificationLifecycle lifecycle;
    private final RectificationService orders;
    private final TrackRows rows;
    private final AppUserRepository users;
    private final AppTime time;
    private final RectificationDocuments followUps;

    RectificationLifecyclePages(RectificationLifecycle lifecycle, RectificationService orders, TrackRows rows,
                                AppUserRepository users, AppTime time, RectificationDocuments followUps) {
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.rows = rows;
        this.users = users;
        this.time = time;
        this.followUps = followUps;
    }

    @GetMapping("/rectification-orders/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        RectificationOrder order = orders.get(user.jurisdiction(), id);
        model.addAttribute("order", order);
        model.addAttribute("rows", rows.ofOrder(user.jurisdiction(), id));
        model.addAttribute("followUps", followUps.ofOrder(user.jurisdiction(), id));
        model.addAttribute("officer", user.has(Role.OFFICER) || user.has(Role.TOWNSHIP_ENFORCER));
        model.addAttribute("approver", user.has(Role.APPROVER));
        model.addAttribute("measures", SiteMeasure.values());
        model.addAttribute("today", time.today());
        model.addAttribute("colleagues", users.findByAgencyIdOrderByFullName(user.agencyId()).stream()
                .filter(u -> !u.getId().equals(user.id()) && u.isCertifiedOn(time.today())
                        && (u.getRoles().contains(Role.OFFICER) || u.getRoles().contains(Role.TOWNSHIP_ENFORCER)))
                .toList());
        return "rectification-tracking";
    }

    @PostMapping("/rectification-items/{id}/{action}")
    String step(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable String action,
                @Valid @ModelAttribute TrackAction form, BindingResult binding, RedirectAttributes flash) {
        RectificationTrack track = lifecycle.get(user.jurisdiction(), id); // 404 before anything else
        if (binding.hasErrors()) {
            flash.addFlashAttribute("errors", WebForms.problems(binding));
        } else {
            try {
                RectificationTrack t = switch (action) {
                    case "progress" -> lifecycle.recordProgress(user, id, form);
                    case "reinspection-request" -> lifecycle.requestReinspection(user, id, form);
                    case "reinspection" -> lifecycle.reinspect(user, id, form);
                    case "extension" -> lifecycle.requestExtension(user, id, form);
                    case "extension-decision" -> lifecycle.decideExtension(user, id, form);
                    case "site-measures" -> lifecycle.orderMeasures(user, id, form);
                    case "escalation" -> lifecycle.escalate(user, id, form);
                    default -> throw new NotFoundException("操作");
                };
                flash.addFlashAttribute("notice", "第" + t.getSeq() + "项已办理，当前状态：" + t.getStatus().label()
                        + (t.getCaseId() == null ? "" : "，已立案（案件 " + t.getCaseId() + "）"));
            } catch (InvalidInputException e) {
                flash.addFlashAttribute("errors", e.problems());
            } catch (ConflictException e) {
                flash.addFlashAttribute("errors", List.of(new FieldProblem("", e.code(), e.getMessage())));
            } catch (ObjectOptimisticLockingFailureException e) {
                flash.addFlashAttribute("errors", List.of(new FieldProblem("", "CONCURRENT_EDIT",
                        "该整改事项已被他人处理，请刷新后重试")));
            }
        }
        return "redirect:/rectification-orders/" + track.getOrderId() + "#item-" + track.getSeq();
    }
}
