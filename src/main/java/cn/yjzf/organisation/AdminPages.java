package cn.yjzf.organisation;

import cn.yjzf.common.WebForms;
import jakarta.validation.Valid;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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

/** The system administrator's pages: agencies, townships (委托书 / 赋权) and accounts. */
@Controller
class AdminPages {

    private final OrganisationAdmin admin;

    private final cn.yjzf.common.AppTime time;

    AdminPages(OrganisationAdmin admin, cn.yjzf.common.AppTime time) {
        this.admin = admin;
        this.time = time;
    }

    @GetMapping("/admin")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','SECURITY_ADMIN','AUDIT_ADMIN')")
    String home() {
        return "admin";
    }

    @GetMapping("/admin/agencies")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String agencies(@AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("nodes", admin.agencies(me));
        return "admin-agencies";
    }

    @GetMapping("/admin/agencies/new")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String newAgency(@AuthenticationPrincipal CurrentUser me, Model model) {
        return agencyForm(me, model, null, new AgencyForm(null, null, AgencyLevel.COUNTY, me.agencyId(), null));
    }

    @PostMapping("/admin/agencies")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String createAgency(@AuthenticationPrincipal CurrentUser me, @Valid @ModelAttribute("form") AgencyForm form,
                        BindingResult binding, Model model, RedirectAttributes flash) {
        return WebForms.submit(binding, model, () -> {
            Agency a = admin.createAgency(me, form);
            flash.addFlashAttribute("notice", "已新建机关：" + a.getName());
            return "redirect:/admin/agencies";
        }, () -> agencyForm(me, model, null, form));
    }

    @GetMapping("/admin/agencies/{id}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String editAgency(@AuthenticationPrincipal CurrentUser me, @PathVariable Long id, Model model) {
        Agency a = admin.agency(me, id);
        return agencyForm(me, model, id, new AgencyForm(a.getName(), a.getShortName(), a.getLevel(), a.getParentId(), a.getVersion()));
    }

    @PostMapping("/admin/agencies/{id}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String updateAgency(@AuthenticationPrincipal CurrentUser me, @PathVariable Long id,
                        @Valid @ModelAttribute("form") AgencyForm form, BindingResult binding, Model model,
                        RedirectAttributes flash) {
        return WebForms.submit(binding, model, () -> {
            Agency a = admin.updateAgency(me, id, form);
            flash.addFlashAttribute("notice", "已保存机关：" + a.getName());
            return "redirect:/admin/agencies";
        }, () -> agencyForm(me, model, id, form));
    }

    private String agencyForm(CurrentUser me, Model model, Long id, AgencyForm form) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("levels", AgencyLevel.values());
        model.addAttribute("nodes", admin.agencies(me));
        return "admin-agency-form";
    }

    @GetMapping("/admin/townships")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String townships(@AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("townships", admin.townships(me).stream().map(t -> TownshipView.of(t, time.today())).toList());
        model.addAttribute("matterTitles", admin.matterCatalogue().stream().collect(java.util.stream.Collectors.toMap(
                EnforcementMatterCatalogue.Matter::code, EnforcementMatterCatalogue.Matter::title)));
        model.addAttribute("agencyNames", agencyNames(me));
        return "admin-townships";
    }

    @GetMapping("/admin/townships/new")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String newTownship(@AuthenticationPrincipal CurrentUser me, Model model) {
        return townshipForm(me, model, null,
                new TownshipForm(me.agencyId(), null, TownshipLegalForm.DELEGATED, null, null, null, null, null, null));
    }

    @PostMapping("/admin/townships")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String createTownship(@AuthenticationPrincipal CurrentUser me, @Valid @ModelAttribute("form") TownshipForm form,
                          BindingResult binding, Model model, RedirectAttributes flash) {
        return WebForms.submit(binding, model, () -> {
            Township t = admin.createTownship(me, form);
            flash.addFlashAttribute("notice", "已新建乡镇（街道）：" + t.getName());
            return "redirect:/admin/townships";
        }, () -> townshipForm(me, model, null, form));
    }

    @GetMapping("/admin/townships/{id}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String editTownship(@AuthenticationPrincipal CurrentUser me, @PathVariable Long id, Model model) {
        Township t = admin.township(me, id);
        return townshipForm(me, model, id, new TownshipForm(t.getAgencyId(), t.getName(), t.getLegalForm(),
                t.getAuthorityDocNo(), t.getValidFrom(), t.getValidUntil(), String.join("\n", t.getMatters()), t.getVersion(),
                t.getDocumentCode()));
    }

    @PostMapping("/admin/townships/{id}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String updateTownship(@AuthenticationPrincipal CurrentUser me, @PathVariable Long id,
                          @Valid @ModelAttribute("form") TownshipForm form, BindingResult binding, Model model,
                          RedirectAttributes flash) {
        return WebForms.submit(binding, model, () -> {
            Township t = admin.updateTownship(me, id, form);
            flash.addFlashAttribute("notice", "已保存乡镇（街道）：" + t.getName());
            return "redirect:/admin/townships";
        }, () -> townshipForm(me, model, id, form));
    }

    private String townshipForm(CurrentUser me, Model model, Long id, TownshipForm form) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("legalForms", TownshipLegalForm.values());
        model.addAttribute("matterCatalogue", admin.matterCatalogue());
        model.addAttribute("selectedMatters", form.matterList());
        model.addAttribute("agencies", admin.agencies(me).stream()
                .filter(n -> n.agency().getLevel() != AgencyLevel.PROVINCE).toList());
        return "admin-township-form";
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String users(@AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("users", admin.users(me).stream().map(u -> AccountView.of(u, time.today())).toList());
        model.addAttribute("agencyNames", agencyNames(me));
        model.addAttribute("townshipNames", admin.townships(me).stream()
                .collect(Collectors.toMap(Township::getId, Township::getName)));
        return "admin-users";
    }

    @GetMapping("/admin/users/new")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String newUser(@AuthenticationPrincipal CurrentUser me, Model model) {
        return userForm(me, model, null, new UserForm(null, null, me.agencyId(), null, null, null, null, true, null));
    }

    @PostMapping("/admin/users")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String createUser(@AuthenticationPrincipal CurrentUser me, @Valid @ModelAttribute("form") UserForm form,
                      BindingResult binding, Model model) {
        return WebForms.submit(binding, model, () -> {
            OrganisationAdmin.CreatedUser created = admin.createUser(me, form);
            return issued(model, created.user(), created.temporaryPassword(), "已新建用户");
        }, () -> userForm(me, model, null, form));
    }

    @GetMapping("/admin/users/{id}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String editUser(@AuthenticationPrincipal CurrentUser me, @PathVariable Long id, Model model) {
        AppUser u = admin.user(me, id);
        return userForm(me, model, id, new UserForm(u.getUsername(), u.getFullName(), u.getAgencyId(), u.getTownshipId(),
                u.getCertificateNo(), u.getCertificateValidUntil(), u.getLegalQualification(), u.isEnabled(), u.getVersion()));
    }

    @PostMapping("/admin/users/{id}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String updateUser(@AuthenticationPrincipal CurrentUser me, @PathVariable Long id,
                      @Valid @ModelAttribute("form") UserForm form, BindingResult binding, Model model,
                      RedirectAttributes flash) {
        return WebForms.submit(binding, model, () -> {
            AppUser u = admin.updateUser(me, id, form);
            flash.addFlashAttribute("notice", "已保存用户：" + u.getFullName());
            return "redirect:/admin/users";
        }, () -> userForm(me, model, id, form));
    }

    @PostMapping("/admin/users/{id}/password-reset")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String resetPassword(@AuthenticationPrincipal CurrentUser me, @PathVariable Long id, Model model) {
        String temporary = admin.resetPassword(me, id);
        return issued(model, admin.user(me, id), temporary, "已重置口令");
    }

    private String issued(Model model, AppUser user, String temporary, String what) {
        model.addAttribute("what", what);
        model.addAttribute("account", AccountView.of(user, time.today()));
        model.addAttribute("temporaryPassword", temporary);
        return "admin-password-issued";
    }

    private String userForm(CurrentUser me, Model model, Long id, UserForm form) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("nodes", admin.agencies(me));
        model.addAttribute("townships", admin.townships(me));
        model.addAttribute("agencyNames", agencyNames(me));
        model.addAttribute("roleLabels", id == null ? List.of()
                : admin.user(me, id).getRoles().stream().sorted().map(Role::label).toList());
        return "admin-user-form";
    }

    private Map<Long, String> agencyNames(CurrentUser me) {
        return admin.agencies(me).stream().map(OrganisationAdmin.AgencyNode::agency)
                .collect(Collectors.toMap(Agency::getId, Agency::getName));
    }

}
