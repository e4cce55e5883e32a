package cn.yjzf.account;

import cn.yjzf.organisation.AppUserRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * The login and session controls of 等保三级 身份鉴别, applied to the two filter chains of {@code SecurityConfig}:
 * login outcomes ({@link LoginFlow}), the second factor on the API ({@link TotpApiGate}), the administrators' boundary
 * ({@link AdministratorBoundary}) and a limit of concurrent sessions per user ({@code app.security.sessions.max-per-user},
 * the oldest session ends). The idle timeout is {@code server.servlet.session.timeout}.
 */
@Configuration
public class AccountSecurity {

    private final LoginFlow loginFlow;
    private final TotpSettings totpSettings;
    private final SecondFactor secondFactor;
    private final AppUserRepository users;
    private final int maxSessions;
    private final cn.yjzf.audit.AuditTrail audit;

    AccountSecurity(LoginFlow loginFlow, TotpSettings totpSettings, SecondFactor secondFactor, AppUserRepository users,
                    @Value("${app.security.sessions.max-per-user:1}") int maxSessions, cn.yjzf.audit.AuditTrail audit) {
        this.audit = audit;
        this.loginFlow = loginFlow;
        this.totpSettings = totpSettings;
        this.secondFactor = secondFactor;
        this.users = users;
        this.maxSessions = maxSessions;
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when sessions end or change id. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    public void api(HttpSecurity http) throws Exception {
        http.addFilterAfter(new TotpApiGate(totpSettings, secondFactor, users), BasicAuthenticationFilter.class)
                .addFilterAfter(new AdministratorBoundary(audit), AuthorizationFilter.class);
    }

    public void web(HttpSecurity http) throws Exception {
        http.formLogin(f -> f.successHandler(loginFlow).failureHandler(loginFlow))
                .sessionManagement(s -> s.maximumSessions(maxSessions).sessionRegistry(sessionRegistry())
                        .expiredUrl("/login?expired"))
                .addFilterAfter(new AdministratorBoundary(audit), AuthorizationFilter.class);
    }
}
