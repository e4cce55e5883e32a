package cn.yjzf.security;

import cn.yjzf.audit.AuditTrail;

import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web-wide audit duties that belong to no single controller:
 * the audit administrator (三员分立) reaches the audit pages and API and nothing else — "/" sends them to the
 * audit page, anything else is refused and recorded; every successful PDF download or CSV export is recorded
 * with who fetched what; and every 404 a signed-in user gets from a controller is recorded.
 */
@Configuration
class AuditAdminConfinement implements WebMvcConfigurer {

    /**
     * The audit pages and API, plus what every signed-in user needs for their own account: signing in (password
     * change, second factor), keeping the session alive, an API token, the error page.
     */
    static final java.util.List<String> ALLOWED = java.util.List.of("/audit", "/api/audit", "/error", "/login",
            "/account", "/session", "/api/token");

    private final AuditTrail trail;

    AuditAdminConfinement(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws Exception {
                return confine(request, response);
            }

            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                        Exception ex) {
                recordDownload(request, response, ex);
                recordNotFound(request, response, handler);
            }
        });
    }

    private boolean confine(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user) || !user.has(Role.AUDIT_ADMIN)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ALLOWED.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))) {
            return true;
        }
        if (path.equals("/") && "GET".equals(request.getMethod())) {
            response.sendRedirect(request.getContextPath() + "/audit");
            return false;
        }
        trail.recordSeparately(user.username(), "ACCESS_DENIED", "http", null,
                request.getMethod() + " " + request.getRequestURI() + "（审计管理员仅可访问审计记录）");
        throw new AccessDeniedException("审计管理员仅可访问审计记录");
    }

    /**
     * A signed-in user asking a controller for a record that is missing or outside their jurisdiction (the two are
     * indistinguishable by design): recorded, so probing other jurisdictions' record numbers leaves a trace.
     */
    private void recordNotFound(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (response.getStatus() == 404 && handler instanceof HandlerMethod && auth != null
                && auth.getPrincipal() instanceof CurrentUser user) {
            trail.recordSeparately(user.username(), "NOT_FOUND", "http", null,
                    request.getMethod() + " " + request.getRequestURI() + "（记录不存在或不在管辖范围内）");
        }
    }

    private void recordDownload(HttpServletRequest request, HttpServletResponse response, Exception ex) {
        String type = response.getContentType();
        if (ex != null || response.getStatus() != 200 || type == null) {
            return;
        }
        String action = type.startsWith("application/pdf") ? "PDF_DOWNLOAD"
                : type.startsWith("text/csv") ? "EXPORT" : null;
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (action != null && auth != null) {
            String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
            trail.recordSeparately(auth.getName(), action, "http", null,
                    request.getMethod() + " " + request.getRequestURI() + query);
        }
    }
}
