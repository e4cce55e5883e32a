package cn.yjzf.casefile;

import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import cn.yjzf.security.ReadsCases;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds the 案卷 block's data to the case page ({@code GET /cases/{id}}, casework's page) without casework depending on
 * casefile: whether the case is filed (归档号, date, SHA-256) and whether the caller may file it.
 */
@ControllerAdvice(annotations = Controller.class)
class CaseFileAdvice {

    private static final Pattern CASE_PAGE = Pattern.compile("/cases/(\\d{1,18})");

    private final CaseFiles files;

    CaseFileAdvice(CaseFiles files) {
        this.files = files;
    }

    @ModelAttribute
    void caseFile(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user, Model model) {
        Matcher m = CASE_PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (user == null || !"GET".equals(request.getMethod()) || !m.matches() || ReadsCases.ROLES.stream().noneMatch(user::has)) {
            return;
        }
        try {
            model.addAttribute("caseFile", files.filed(user, Long.valueOf(m.group(1))).orElse(null));
            model.addAttribute("caseFileBlock", true);
            model.addAttribute("canFileCase", user.has(Role.APPROVER));
        } catch (cn.yjzf.common.NotFoundException outOfScope) {
            // the page itself answers 404
        }
    }
}
