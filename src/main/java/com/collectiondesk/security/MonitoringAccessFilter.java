package com.collectiondesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator's endpoints other than the health probes (today {@code /actuator/prometheus}) are for managers and
 * the {@code monitoring} group, with HTTP Basic as on the APIs: 401 without valid credentials, 403 for anyone else.
 * Health stays open for the orchestrator's probes.
 */
class MonitoringAccessFilter extends OncePerRequestFilter {

    static final String HEALTH = "/actuator/health";

    private final ApiAuthenticationFilter authentication;
    private final CurrentUser currentUser;

    MonitoringAccessFilter(ApiAuthenticationFilter authentication, CurrentUser currentUser) {
        this.authentication = authentication;
        this.currentUser = currentUser;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(HEALTH) || path.startsWith(HEALTH + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        authentication.doFilter(request, response, (authenticated, answer) -> {
            if (currentUser.isMemberOfAny(Groups.MANAGERS, Groups.MONITORING)) {
                chain.doFilter(authenticated, answer);
            } else {
                ProblemResponses.write((HttpServletResponse) answer, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                        "Metrics are reserved to the groups " + Groups.MANAGERS + ", " + Groups.MONITORING + ".");
            }
        });
    }
}
