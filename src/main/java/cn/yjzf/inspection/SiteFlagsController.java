package cn.yjzf.inspection;

import cn.yjzf.common.ConflictException;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.organisation.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Recording on an inspection an article-scoping flag (粉尘涉爆 …) found on site: the checklist-page form. */
@Controller
class SiteFlagsController {

    private final SiteFlags siteFlags;

    SiteFlagsController(SiteFlags siteFlags) {
        this.siteFlags = siteFlags;
    }

    @PostMapping("/inspections/{id}/enterprise-flags")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String recordForm(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @RequestParam String flag,
                      @RequestParam long version, RedirectAttributes redirect) {
        try {
            siteFlags.record(user, id, flag, version);
            redirect.addFlashAttribute("notice", "已在企业登记中记录现场确认的「" + flag + "」，相应检查项现已列出");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("notice", e.getMessage());
        }
        return "redirect:/inspections/" + id + "/checklist";
    }

    /**
     * Puts the flag prompts into the checklist page's model. An advice rather than a line in {@link InspectionPages}
     * keeps this feature in its own files; it only works for the checklist page.
     */
    @ControllerAdvice(assignableTypes = InspectionPages.class)
    static class ChecklistFlagPrompts {

        private static final Pattern CHECKLIST = Pattern.compile("/inspections/(\\d{1,18})/checklist");

        private final SiteFlags siteFlags;

        ChecklistFlagPrompts(SiteFlags siteFlags) {
            this.siteFlags = siteFlags;
        }

        @ModelAttribute("flagPrompts")
        List<SiteFlags.Prompt> flagPrompts(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
            Matcher m = CHECKLIST.matcher(request.getServletPath());
            if (user == null || !m.matches()) {
                return List.of();
            }
            return siteFlags.prompts(user.jurisdiction(), Long.valueOf(m.group(1)));
        }
    }
}
