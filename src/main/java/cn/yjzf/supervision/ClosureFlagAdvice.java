package cn.yjzf.supervision;

import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.security.ReadsCases;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds the 第一百一十三条 关闭 proposal ({@code closureFlag}) to the enterprise, rectification-tracking and case pages
 * without those features depending on supervision. The pages themselves check the caller's jurisdiction: an
 * out-of-scope id ends in the 404 page, which never shows this model.
 */
@ControllerAdvice(annotations = Controller.class)
class ClosureFlagAdvice {

    private static final Pattern PAGE = Pattern.compile("^/(enterprises|rectification-orders|cases)/(\\d{1,18})$");

    private final ClosureProposals proposals;
    private final JdbcTemplate jdbc;

    ClosureFlagAdvice(ClosureProposals proposals, JdbcTemplate jdbc) {
        this.proposals = proposals;
        this.jdbc = jdbc;
    }

    @ModelAttribute
    void closureFlag(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user, Model model) {
        if (user == null || !"GET".equals(request.getMethod()) || ReadsCases.ROLES.stream().noneMatch(user::has)) {
            return;
        }
        Matcher m = PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!m.matches()) {
            return;
        }
        long id = Long.parseLong(m.group(2));
        Long enterprise = switch (m.group(1)) {
            case "enterprises" -> id;
            case "rectification-orders" -> first("SELECT i.enterprise_id FROM rectification_order o"
                    + " JOIN inspection i ON i.id = o.inspection_id WHERE o.id = ?", id);
            default -> first("SELECT enterprise_id FROM penalty_case WHERE id = ?", id);
        };
        proposals.forEnterprise(enterprise).ifPresent(f -> model.addAttribute("closureFlag", f));
    }

    private Long first(String sql, long id) {
        // a case need not name an enterprise (enterprise_id may be null)
        return jdbc.query(sql, rs -> rs.next() ? rs.getObject(1, Long.class) : null, id);
    }
}
