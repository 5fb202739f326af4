package com.linkpos.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Three doors: the API (/api/**) takes only API keys, keeps no session and needs no CSRF token;
 * the payer's pages are open to everyone, keep no session, and carry their CSRF token in a cookie;
 * the portal takes a form login with a session, and CSRF protection on every state change.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Spring Security's own observations wrap each of its filters on every request (a tenth of a
     * payment page's CPU in the profile); the HTTP server's observations still time every request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<ApiKeyAuthenticator> keys, Problems problems) throws Exception {
        // whoever issues keys (the merchant module); without it (a module's test) no key is known
        ApiKeyAuthenticator apiKeys = keys.getIfAvailable(() -> key -> java.util.Optional.empty());
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiKeyFilter(apiKeys, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.BANK_ADMIN.name())
                        // [S2] the audit log: a merchant's admin reads the merchant's, the bank everyone's
                        .requestMatchers("/api/v1/audit-events").hasAnyRole(Role.BANK_ADMIN.name(), Role.MERCHANT_ADMIN.name())
                        .anyRequest().hasAnyRole(Role.MERCHANT_ADMIN.name(), Role.MERCHANT_USER.name()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            // RFC 6750: a 401 names the scheme the client should authenticate with
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(request, response, Problems.simple(HttpStatus.UNAUTHORIZED, "unauthorized"));
                        })
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(request, response, Problems.simple(HttpStatus.FORBIDDEN, "forbidden"))));
        return http.build();
    }

    /**
     * The payer's pages (the payment page and the simulated bank's 3-D Secure page) keep no session: a
     * payer never logs in, and a session in the database for each of them would cost a write per page.
     * Their forms are protected by a CSRF token in a cookie (double submit), set when the form is shown.
     */
    @Bean
    @Order(2)
    SecurityFilterChain payer(HttpSecurity http, List<WebAccess> modules) throws Exception {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName("LINKPOS-CSRF");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        String[] open = modules.stream().flatMap(module -> module.openPages().stream()).toArray(String[]::new);
        RequestMatcher[] callbacks = modules.stream().flatMap(module -> module.crossSitePosts().stream())
                .map(pattern -> PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, pattern))
                .toArray(RequestMatcher[]::new);
        if (open.length == 0) { // a module test without the payer's pages: this chain answers nothing
            http.securityMatcher(request -> false);
        } else {
            http.securityMatcher(open);
        }
        http
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> {
                    csrf.csrfTokenRepository(tokens);
                    if (callbacks.length > 0) { // none in a module test without the pages that take them
                        csrf.ignoringRequestMatchers(callbacks);
                    }
                })
                .addFilterAfter(new IssueCsrfCookie(), CsrfFilter.class)
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .headers(SecurityConfiguration::browserHeaders);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain portal(HttpSecurity http, LoginThrottle throttle, List<WebAccess> modules,
                               org.springframework.beans.factory.ObjectProvider<SecondFactors> factors,
                               org.springframework.context.ApplicationEventPublisher events) throws Exception {
        // a module test without the users' module: a password is all there is
        SecondFactors secondFactors = factors.getIfAvailable(() -> new SecondFactors() {
            @Override
            public Step afterPassword(String username) {
                return Step.NONE;
            }

            @Override
            public boolean accepts(String username, String code) {
                return false;
            }
        });
        http.addFilterBefore(new LoginThrottle.Gate(throttle),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> {
                    authorize.requestMatchers("/login", "/login/code", "/login/enrol", "/login/enrol/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
                            "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll();
                    // [O2] Prometheus scrapes without a login: the metrics hold counts and timings, never a merchant's
                    // data, and are kept from the outside by the network or management.server.port (OPERATIONS.md)
                    authorize.requestMatchers(HttpMethod.GET, "/actuator/prometheus").permitAll();
                    PortalAccess access = new PortalAccess(authorize);
                    modules.forEach(module -> module.portal(access));
                    authorize.anyRequest().authenticated(); // the home and help pages, whoever is signed in
                })
                .formLogin(form -> form.loginPage("/login").successHandler(PendingLogin.handler(secondFactors, events)).permitAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(loginPage()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(SecurityConfiguration::browserHeaders);
        return http.build();
    }

    /** To the login page by a path, never by an address made from the request's Host header. */
    private static LoginUrlAuthenticationEntryPoint loginPage() {
        LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
        loginPage.setFavorRelativeUris(true);
        return loginPage;
    }

    private static void browserHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.addHeaderWriter(new ContentSecurityPolicy())
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=(), payment=()"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    /**
     * Makes the CSRF cookie before the page is written: the token is otherwise made only when the
     * template reaches the form, and a page already flushed to the payer could no longer set its cookie.
     */
    static final class IssueCsrfCookie extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }

    /** Authenticates "Authorization: Bearer <key>"; a wrong key is a 401 at once, no key is left to the entry point. */
    static final class ApiKeyFilter extends OncePerRequestFilter {

        private final ApiKeyAuthenticator apiKeys;
        private final Problems problems;

        ApiKeyFilter(ApiKeyAuthenticator apiKeys, Problems problems) {
            this.apiKeys = apiKeys;
            this.problems = problems;
        }

        /** A streamed export is dispatched again when it starts writing: it is authenticated again too. */
        @Override
        protected boolean shouldNotFilterAsyncDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null) {
                var caller = header.regionMatches(true, 0, "Bearer ", 0, 7)
                        ? apiKeys.authenticate(header.substring(7).trim()) : java.util.Optional.<Caller>empty();
                if (caller.isEmpty()) {
                    response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                    problems.write(request, response, Problems.simple(HttpStatus.UNAUTHORIZED, "unauthorized"));
                    return;
                }
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new ApiKeyAuthentication(caller.get()));
                SecurityContextHolder.setContext(context);
            }
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    static final class ApiKeyAuthentication extends AbstractAuthenticationToken implements CallerPrincipal {

        private final Caller caller;

        ApiKeyAuthentication(Caller caller) {
            super(List.of(new SimpleGrantedAuthority(caller.role().authority())));
            this.caller = caller;
            setAuthenticated(true);
        }

        @Override
        public Caller caller() {
            return caller;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return caller;
        }

        @Override
        public String getName() {
            return caller.name();
        }
    }
}
