package cn.yjzf.account;

import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second factor on the API: an administrator who needs one cannot call the API with the password alone (HTTP
 * Basic). It exchanges password and current code (header {@code X-TOTP-Code}) for a token at {@code POST /api/token}
 * and uses the token. A wrong code counts as a failed login.
 */
public class TotpApiGate extends OncePerRequestFilter {

    static final String HEADER = "X-TOTP-Code";

    private final TotpSettings settings;
    private final SecondFactor secondFactor;
    private final AppUserRepository users;

    TotpApiGate(TotpSettings settings, SecondFactor secondFactor, AppUserRepository users) {
        this.settings = settings;
        this.secondFactor = secondFactor;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String header = request.getHeader("Authorization");
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        if (basic && auth != null && auth.getPrincipal() instanceof CurrentUser user && settings.requiredFor(user)) {
            boolean tokenRequest = "POST".equals(request.getMethod())
                    && request.getRequestURI().equals(request.getContextPath() + "/api/token");
            boolean enrolled = users.findById(user.id()).map(u -> u.getTotpSecret() != null).orElse(false);
            String code = request.getHeader(HEADER);
            // a wrong or replayed code counts as a failed login (SecondFactor)
            if (!tokenRequest || !enrolled || code == null || !secondFactor.check(user.username(), null, code)) {
                SecurityContextHolder.clearContext();
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("{\"code\":\"TOTP_REQUIRED\",\"message\":\"管理员须在网页登录并绑定动态口令后，"
                        + "以口令和 X-TOTP-Code 动态口令换取访问令牌（POST /api/token）\",\"errors\":[]}");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
