package com.collectiondesk.security;

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
 * HTTP Basic for {@code /api/**}, checked against Camunda's identity service (with its login throttling).
 * The authenticated user and groups are set on the engine for the request, so engine calls made on the
 * user's behalf go through Camunda's authorization checks.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    ApiAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<BasicCredentials> credentials = BasicCredentials.parse(request.getHeader("Authorization"));
        if (credentials.isEmpty() || !identityService.checkPassword(credentials.get().userId(), credentials.get().password())) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Collection Desk\", charset=\"UTF-8\"");
            ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "This API needs HTTP Basic credentials of a Collection Desk user.");
            return;
        }
        String userId = credentials.get().userId();
        List<String> groupIds = identityService.createGroupQuery().groupMember(userId).list()
                .stream().map(Group::getId).toList();
        identityService.setAuthentication(userId, groupIds);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
