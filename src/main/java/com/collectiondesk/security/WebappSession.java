package com.collectiondesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Lets the Cockpit dashboard plugin read {@code /api/reports/**}, and the Debtor tabs of Tasklist and Cockpit read
 * {@code /api/tickets/**} and {@code /api/customers/**}, with the user's webapp login (Camunda keeps it in the HTTP
 * session) instead of HTTP Basic; each endpoint's own group rule still applies. Only GET and HEAD are accepted this way: they change nothing, so a
 * forged cross-site request gains nothing (and cannot read the answer without CORS); every write still needs
 * Basic credentials. The webapps revalidate the session's user and groups themselves.
 */
final class WebappSession {

    static final List<String> READABLE_PATHS = List.of("/api/reports", "/api/tickets", "/api/customers");

    private WebappSession() {
    }

    static Optional<UserAuthentication> readOnlyLogin(HttpServletRequest request, String engineName) {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpSession session = request.getSession(false);
        if (!read || !readable(path) || session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications != null
                && authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    private static boolean readable(String path) {
        return READABLE_PATHS.stream().anyMatch(root -> path.equals(root) || path.startsWith(root + "/"));
    }
}
