package cn.yjzf.account;

import cn.yjzf.organisation.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Where the login form goes next. A password to change (set by an administrator, or expired) leads to the change
 * page; an administrator who owes a second factor is not signed in yet — the session only remembers who passed the
 * password, and {@code /login/totp} finishes the login.
 */
@Component
class LoginFlow implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String PENDING_TOTP = "account.pendingTotpUser";
    static final String PENDING_PASSWORD_CHANGE = "account.pendingPasswordChangeUser";

    private final TotpSettings totp;
    private final SavedRequestAwareAuthenticationSuccessHandler proceed = new SavedRequestAwareAuthenticationSuccessHandler();

    LoginFlow(TotpSettings totp) {
        this.totp = totp;
        proceed.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException, jakarta.servlet.ServletException {
        if (auth.getPrincipal() instanceof CurrentUser user && totp.requiredFor(user)) {
            SecurityContextHolder.clearContext();
            request.getSession().removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            request.getSession().setAttribute(PENDING_TOTP, user.username());
            response.sendRedirect(request.getContextPath() + "/login/totp");
            return;
        }
        proceed.onAuthenticationSuccess(request, response, auth);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException e) throws IOException {
        String next = "/login?error";
        if (e instanceof LockedException) {
            next = "/login?locked";
        } else if (e instanceof DisabledException) {
            next = "/login?disabled";
        } else if (e instanceof CredentialsExpiredException) {
            request.getSession().setAttribute(PENDING_PASSWORD_CHANGE, request.getParameter("username"));
            next = "/login/password";
        }
        response.sendRedirect(request.getContextPath() + next);
    }
}
