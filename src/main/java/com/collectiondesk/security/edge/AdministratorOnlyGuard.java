package com.collectiondesk.security.edge;

import com.collectiondesk.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two doors that only administrators may use. The Admin webapp's first-run setup ({@code …/api/admin/setup/…},
 * which creates an administrator without logging in; CVE-2026-77226) is closed for everybody as soon as any
 * administrator exists, which the start-up bootstrap guarantees. The engine REST API's {@code /identity/verify}
 * tells whether any user's password is right, so it is a password oracle for everybody but administrators.
 * Runs after authentication, so the engine knows the caller.
 */
class AdministratorOnlyGuard extends OncePerRequestFilter {

    private static final Pattern VERIFY = Pattern.compile("/engine-rest(/engine/[^/]+)?/identity/verify/?");

    private final Administrators administrators;
    private final String setupPrefix;

    AdministratorOnlyGuard(Administrators administrators, String webappPath) {
        this.administrators = administrators;
        this.setupPrefix = webappPath + "/api/admin/setup/";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = RequestPaths.of(request);
        if (path.startsWith(setupPrefix) && administrators.anyExists()) {
            ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Setup closed",
                    "The first-run setup is closed: an administrator exists. Administrators add users in Admin.");
            return;
        }
        if (VERIFY.matcher(path).matches() && !administrators.isCurrentUserAdministrator()) {
            ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Administrators only",
                    "Checking other users' passwords is for administrators only.");
            return;
        }
        chain.doFilter(request, response);
    }
}
