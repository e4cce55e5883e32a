package cn.yjzf.account;

import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 三员分立: the three administrators have no business powers. Whatever the business pages and APIs allow any signed-in
 * user, an administrator reaches only the administration, audit and account paths; their home is {@code /admin}.
 * Runs after authorisation, so an {@link AccessDeniedException} here becomes the usual 403.
 */
public class AdministratorBoundary extends OncePerRequestFilter {

    private static final List<String> ALLOWED = List.of("/admin", "/api/admin", "/api/calendar", "/audit", "/api/audit", "/account",
            "/login", "/logout", "/session", "/api/token", "/css/", "/js/", "/error", "/favicon.ico", "/v3/api-docs",
            "/swagger-ui", "/actuator/health");

    private final cn.yjzf.audit.AuditTrail audit;

    public AdministratorBoundary(cn.yjzf.audit.AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user && user.isAdministrator()) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.equals("/") || path.isEmpty()) {
                // the audit administrator's only pages are the audit trail's
                response.sendRedirect(request.getContextPath() + (user.has(Role.AUDIT_ADMIN) ? "/audit" : "/admin"));
                return;
            }
            if (ALLOWED.stream().noneMatch(path::startsWith)) {
                audit.recordSeparately(user.username(), "ACCESS_DENIED", "http", null,
                        request.getMethod() + " " + request.getRequestURI() + "（管理员账号无业务权限）");
                throw new AccessDeniedException("管理员账号无业务权限");
            }
        }
        chain.doFilter(request, response);
    }
}
