package cn.yjzf.publication;

import cn.yjzf.common.ConflictException;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.WebForms;
import cn.yjzf.organisation.CurrentUser;
import jakarta.validation.Valid;
import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 执法公示 management page for the 负责人; refusals shown in Chinese. */
@Controller
@PreAuthorize("hasRole('APPROVER')")
class PublicationPages {

    private final PublicationService publications;

    PublicationPages(PublicationService publications) {
        this.publications = publications;
    }

    @GetMapping("/publication")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("due", publications.candidates(user));
        model.addAttribute("published", publications.published(user));
        return "publication";
    }

    @PostMapping("/publication/publish")
    String publish(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute Publish form, BindingResult binding,
                   RedirectAttributes flash) {
        return act(binding, flash, () -> "已公示案件 " + publications.publish(user, form.caseId()).getCaseId());
    }

    @PostMapping("/publication/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @Valid @ModelAttribute Withdrawal form,
                    BindingResult binding, RedirectAttributes flash) {
        return act(binding, flash, () -> "已撤回公示 " + publications.withdraw(user, id, form.reason(), form.version()).getId());
    }

    private static String act(BindingResult binding, RedirectAttributes flash, java.util.function.Supplier<String> action) {
        if (binding.hasErrors()) {
            flash.addFlashAttribute("errors", WebForms.problems(binding));
            return "redirect:/publication";
        }
        try {
            flash.addFlashAttribute("notice", action.get());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", e.problems());
        } catch (ConflictException e) {
            flash.addFlashAttribute("errors", List.of(new FieldProblem("", e.code(), e.getMessage())));
        } catch (ObjectOptimisticLockingFailureException e) {
            flash.addFlashAttribute("errors", List.of(new FieldProblem("", "CONCURRENT_EDIT", "该公示已被他人修改，请刷新后重试")));
        }
        return "redirect:/publication";
    }
}
