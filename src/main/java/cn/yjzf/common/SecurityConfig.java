package cn.yjzf.common;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.DisabledException;
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

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, UserDetailsService users,
                            cn.yjzf.account.AccountSecurity accounts) throws Exception {
        accounts.api(http);
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(tokens.decoder())
                        .jwtAuthenticationConverter(jwt -> currentUser(users, jwt))))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
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

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, cn.yjzf.account.AccountSecurity accounts) throws Exception {
        http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/login/totp", "/login/password", "/css/**", "/js/**", "/favicon.ico", "/error",
                                "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/actuator/health").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"));
        accounts.web(http); // login outcomes, second factor, session limit: after formLogin, so its handlers win
        return http.build();
    }
}
