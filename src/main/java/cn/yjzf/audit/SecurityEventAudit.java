package cn.yjzf.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Audits what Spring Security publishes: form logins and token issuing (success), every failed authentication on
 * any entry point, and every authorisation denial of a signed-in user (URL rules and {@code @PreAuthorize}).
 * HTTP Basic succeeds on every API request, so only its failures are recorded; a batch client's "login" is the
 * token it obtains from {@code POST /api/token}.
 */
@Configuration
class SecurityEventAudit {

    private final AuditTrail trail;

    SecurityEventAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** Makes Spring Security publish denials for URL rules and method security alike. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    @EventListener
    void formLogin(InteractiveAuthenticationSuccessEvent e) {
        trail.recordSeparately(e.getAuthentication().getName(), "LOGIN_SUCCESS", "session", null, "表单登录" + from());
    }

    @EventListener
    void tokenLogin(AuthenticationSuccessEvent e) {
        HttpServletRequest request = request();
        if (request != null && "POST".equals(request.getMethod()) && "/api/token".equals(request.getRequestURI())) {
            trail.recordSeparately(e.getAuthentication().getName(), "LOGIN_SUCCESS", "token", null, "换取访问令牌" + from());
        }
    }

    @EventListener
    void failure(AbstractAuthenticationFailureEvent e) {
        trail.recordSeparately(e.getAuthentication().getName(), "LOGIN_FAILURE", "session", null,
                e.getException().getClass().getSimpleName() + from());
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> e) {
        Authentication who = e.getAuthentication().get();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            return;
        }
        HttpServletRequest request = request();
        trail.recordSeparately(who.getName(), "ACCESS_DENIED", "http", null,
                request == null ? String.valueOf(e.getSource()) : request.getMethod() + " " + request.getRequestURI());
    }

    static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }

    private static String from() {
        HttpServletRequest request = request();
        return request == null ? "" : "，来源 " + request.getRemoteAddr();
    }
}
