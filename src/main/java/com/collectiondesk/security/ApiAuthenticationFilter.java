package com.collectiondesk.security;

import com.collectiondesk.security.edge.PasswordAccepted;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for {@code /api/**}, checked against Camunda's identity service (with its login throttling);
 * the Cockpit plugins' calls also accept a Cockpit login (see {@link WebappSession}).
 * The authenticated user and groups are set on the engine for the request, so engine calls made on the
 * user's behalf go through Camunda's authorization checks.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final String engineName;

    ApiAuthenticationFilter(IdentityService identityService, String engineName) {
        this.identityService = identityService;
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<BasicCredentials> credentials = BasicCredentials.parse(request.getHeader("Authorization"));
        // a Cockpit session (its plugins' paths; writes with the CSRF token) or HTTP Basic credentials
        Optional<Caller> user = credentials.isEmpty()
                ? WebappSession.login(request, engineName).map(login -> new Caller(login.getIdentityId(), login.getGroupIds()))
                : credentials.filter(basic -> identityService.checkPassword(basic.userId(), basic.password()))
                        .map(basic -> {
                            PasswordAccepted.mark(request);
                            return new Caller(basic.userId(), groupsOf(basic.userId()));
                        });
        if (user.isEmpty()) {
            // a page's script (the webapp plugins) gets the problem, not a challenge: the browser would hold its fetch
            // behind a login dialog that headless and embedded views never show
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Collection Desk\", charset=\"UTF-8\"");
            }
            ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "This API needs HTTP Basic credentials of a Collection Desk user.");
            return;
        }
        identityService.setAuthentication(user.get().userId(), user.get().groupIds());
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private record Caller(String userId, List<String> groupIds) {
    }

    private List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }
}
