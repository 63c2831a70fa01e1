package com.collectiondesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Lets the Cockpit dashboard plugin read {@code /api/reports/**} with the user's webapp login (Camunda keeps it
 * in the HTTP session) instead of HTTP Basic. Only GET and HEAD are accepted this way: they change nothing, so a
 * forged cross-site request gains nothing (and cannot read the answer without CORS); every write still needs
 * Basic credentials. The webapps revalidate the session's user and groups themselves.
 */
final class WebappSession {

    static final String READABLE_PATH = "/api/reports/";

    private WebappSession() {
    }

    static Optional<UserAuthentication> readOnlyLogin(HttpServletRequest request, String engineName) {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpSession session = request.getSession(false);
        if (!read || !path.startsWith(READABLE_PATH) || session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications != null
                && authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }
}
