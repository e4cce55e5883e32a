package cn.yjzf.organisation;

import cn.yjzf.common.InvalidInputException;
import jakarta.validation.Valid;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
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

/** The security administrator's pages: roles, unlocking, second-factor reset, and the policy in force. */
@Controller
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class SecurityAdminPages {

    private final AccountSecurityAdmin security;
    private final AgencyRepository agencies;
    private final SecurityPolicies policies;
    private final String deployment;

    private final cn.yjzf.common.AppTime time;

    SecurityAdminPages(AccountSecurityAdmin security, AgencyRepository agencies, SecurityPolicies policies,
                       @Value("会话空闲超时 ${server.servlet.session.timeout:30m}；每用户并发会话 ${app.security.sessions.max-per-user:1} 个"
                               + "；三员动态口令 ${app.security.totp.required:true}") String deployment,
                       cn.yjzf.common.AppTime time) {
        this.time = time;
        this.security = security;
        this.agencies = agencies;
        this.policies = policies;
        this.deployment = deployment;
    }

    @GetMapping("/admin/security")
    String list(@AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("users", security.users(me).stream().map(u -> AccountView.of(u, time.today())).toList());
        model.addAttribute("agencyNames", agencies.findAll().stream().collect(Collectors.toMap(Agency::getId, Agency::getName)));
        return policyPage(model, policies.current());
    }

    private String policyPage(Model model, PolicyForm form) {
        model.addAttribute("policy", form);
        model.addAttribute("deployment", deployment);
        return "admin-security";
    }

    @PostMapping("/admin/security/policy")
    String changePolicy(@AuthenticationPrincipal CurrentUser me, @Valid @ModelAttribute("policy") PolicyForm form,
                        BindingResult binding, Model model, RedirectAttributes flash) {
        if (binding.hasErrors()) {
            model.addAttribute("errors", cn.yjzf.common.WebForms.problems(binding));
            model.addAttribute("users", security.users(me).stream().map(u -> AccountView.of(u, time.today())).toList());
            model.addAttribute("agencyNames", agencies.findAll().stream().collect(Collectors.toMap(Agency::getId, Agency::getName)));
            return policyPage(model, form);
        }
        policies.change(me, form);
        flash.addFlashAttribute("notice", "已保存口令与锁定策略");
        return "redirect:/admin/security";
    }

    @GetMapping("/admin/security/users/{id}")
    String show(@AuthenticationPrincipal CurrentUser me, @PathVariable Long id, Model model) {
        AppUser u = security.user(me, id);
        return form(model, u, new RolesForm(u.getRoles(), u.getVersion()));
    }

    @PostMapping("/admin/security/users/{id}/roles")
    String assign(@AuthenticationPrincipal CurrentUser me, @PathVariable Long id, @Valid @ModelAttribute("form") RolesForm form,
                  BindingResult binding, Model model, RedirectAttributes flash) {
        try {
            if (!binding.hasErrors()) {
                AppUser u = security.assignRoles(me, id, form.roles(), form.version());
                flash.addFlashAttribute("notice", "已保存" + u.getFullName() + "的角色");
                return "redirect:/admin/security/users/" + id;
            }
            model.addAttribute("errors", cn.yjzf.common.WebForms.problems(binding));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
        }
        return form(model, security.user(me, id), form);
    }

    @PostMapping("/admin/security/users/{id}/unlock")
    String unlock(@AuthenticationPrincipal CurrentUser me, @PathVariable Long id, RedirectAttributes flash) {
        security.unlock(me, id);
        flash.addFlashAttribute("notice", "已解锁");
        return "redirect:/admin/security/users/" + id;
    }

    @PostMapping("/admin/security/users/{id}/second-factor-reset")
    String resetSecondFactor(@AuthenticationPrincipal CurrentUser me, @PathVariable Long id, RedirectAttributes flash) {
        security.resetSecondFactor(me, id);
        flash.addFlashAttribute("notice", "已重置动态口令，该用户下次登录时重新绑定");
        return "redirect:/admin/security/users/" + id;
    }

    private String form(Model model, AppUser u, RolesForm form) {
        model.addAttribute("account", AccountView.of(u, time.today()));
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        return "admin-security-user";
    }
}
