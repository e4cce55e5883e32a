package cn.yjzf.enterprise;

import cn.yjzf.security.ReadsCases;
import cn.yjzf.common.Paging;
import cn.yjzf.common.PinyinOrder;
import cn.yjzf.common.WebForms;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Township;
import cn.yjzf.organisation.TownshipRepository;
import jakarta.validation.Valid;
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

@Controller
@ReadsCases
class EnterprisePages {

    private final EnterpriseService enterprises;
    private final TownshipRepository townships;
    private final Paging paging;

    EnterprisePages(EnterpriseService enterprises, TownshipRepository townships, Paging paging) {
        this.enterprises = enterprises;
        this.townships = townships;
        this.paging = paging;
    }

    @GetMapping("/enterprises")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", enterprises.page(user.jurisdiction(), q, paging.page(page)));
        return "enterprises";
    }

    @GetMapping("/enterprises/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        model.addAttribute("enterprise", enterprises.get(user.jurisdiction(), id));
        return "enterprise";
    }

    @GetMapping("/enterprises/new")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        return form(user, model, new NewEnterprise(null, null, null, null, null, null, null, null));
    }

    @PostMapping("/enterprises")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String register(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") NewEnterprise form,
                    BindingResult binding, Model model) {
        return WebForms.submit(binding, model, () -> "redirect:/enterprises/" + enterprises.register(user, form).getId(),
                () -> form(user, model, form));
    }

    private String form(CurrentUser user, Model model, NewEnterprise form) {
        model.addAttribute("form", form);
        model.addAttribute("industries", Industry.values());
        model.addAttribute("flags", EnterpriseFlag.values());
        model.addAttribute("townships", townships.findByAgencyIdOrderByName(user.agencyId()).stream()
                .sorted(PinyinOrder.by(Township::getName)).toList());
        return "enterprise-form";
    }
}
