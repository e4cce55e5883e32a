package cn.yjzf.security;


import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Two chains: the JSON API is stateless with HTTP Basic or a Bearer token from {@code POST /api/token} (it never
 * reads the browser's session cookie, so it needs no CSRF token); the web UI uses form login with sessions and CSRF protection. Roles are checked on the services'
 * callers with {@code @PreAuthorize}; jurisdiction is checked inside the services on every query.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * {@code POST /api/token} takes the password (HTTP Basic) and nothing else: a bearer token cannot renew itself,
     * so a stolen token dies with its 30 minutes.
     */
    @Bean
    @Order(0)
    SecurityFilterChain tokenIssue(HttpSecurity http, cn.yjzf.account.AccountSecurity accounts) throws Exception {
        accounts.api(http); // the administrators' second factor and boundary hold here too
        return http.securityMatcher("/api/token")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(SecurityHeaders::apply)
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, UserDetailsService users,
                            cn.yjzf.account.AccountSecurity accounts) throws Exception {
        accounts.api(http);
        return http.securityMatcher("/api/**")
                .headers(SecurityHeaders::apply)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(tokens.decoder())
                        .jwtAuthenticationConverter(jwt -> currentUser(users, jwt))))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
    }

    private static boolean isLoggedIn(org.springframework.security.core.Authentication auth) {
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    /** The token names the user; roles, jurisdiction and the enabled flag are read afresh on every request. */
    private static UsernamePasswordAuthenticationToken currentUser(UserDetailsService users, Jwt jwt) {
        UserDetails user = users.loadUserByUsername(jwt.getSubject());
        if (!user.isEnabled()) {
            throw new DisabledException(jwt.getSubject());
        }
        if (!user.isAccountNonLocked()) {
            throw new org.springframework.security.authentication.LockedException(jwt.getSubject());
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, jwt, user.getAuthorities());
    }

    /**
     * 执法公示 (cn.yjzf.publication): the one page anyone may read without logging in. GET only, no session is created
     * or read, nothing else is reachable through this chain.
     */
    @Bean
    @Order(-1)
    SecurityFilterChain publicPenalties(HttpSecurity http) throws Exception {
        return http.securityMatcher("/public/penalties")
                .authorizeHttpRequests(a -> a.requestMatchers(org.springframework.http.HttpMethod.GET, "/public/penalties")
                        .permitAll().anyRequest().denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .csrf(c -> c.disable())
                .headers(SecurityHeaders::apply)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, @Value("${app.demo-data:false}") boolean demo,
                            cn.yjzf.account.AccountSecurity accounts) throws Exception {
        http
                .headers(SecurityHeaders::apply)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/login/totp", "/login/password", "/css/**", "/js/**", "/favicon.ico",
                                "/error", "/actuator/health")
                        .permitAll()
                        // the API description is public only on the demo (embedded H2 with demo data)
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .access((auth, ctx) -> new AuthorizationDecision(demo || isLoggedIn(auth.get())))
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"));
        accounts.web(http); // login outcomes, second factor, session limit: after formLogin, so its handlers win
        return http.build();
    }
}
