package com.collectiondesk.security;

import com.collectiondesk.security.edge.RequestPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * Lets the Cockpit and Tasklist plugins call {@code /api} with the user's webapp login (Camunda keeps it in the HTTP
 * session) instead of HTTP Basic; each endpoint's own group rule still applies. Reads (GET, HEAD) of the paths the
 * plugins show (reports, collectors, tickets, customers) are accepted as they are: they change nothing, and a forged
 * cross-site request cannot read the answer without CORS. The pages' writes (reassigning tickets, keeping
 * collectors' profiles, placing and lifting holds, dry-runs of candidate models) must also carry the webapps' own CSRF
 * token ({@code X-XSRF-TOKEN}, which only a page of this origin can read), equal to the one Camunda keeps in the
 * session. Every other call still needs Basic credentials. The webapps revalidate the session's user and groups
 * themselves.
 */
final class WebappSession {

    static final List<String> READABLE_PATHS = List.of("/api/reports", "/api/collectors", "/api/tickets", "/api/customers",
            "/api/holds", "/api/strategy");
    static final List<String> WRITABLE_PATHS = List.of("/api/tickets/reassignments", "/api/collectors/");
    /** The Holds page's "Put on hold" and "Lift", the Dry-run page's run: these paths exactly. */
    static final List<Pattern> WRITABLE_EXACTLY = Stream.of("/api/tickets/[^/]+/holds", "/api/holds/[0-9]+/lift",
            "/api/strategy/dry-runs").map(Pattern::compile).toList();

    private WebappSession() {
    }

    static Optional<UserAuthentication> login(HttpServletRequest request, String engineName) {
        // as the container resolved it: "/api/collectors/../payments" is /api/payments, which no session may write
        String path = RequestPaths.of(request);
        HttpSession session = request.getSession(false);
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        boolean allowed = read ? readable(path)
                : writable(path) && session != null && carriesSessionToken(request, session);
        if (!allowed || session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications != null
                && authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The root itself or below it: "/api/ticketsX" is no path of "/api/tickets". */
    private static boolean readable(String path) {
        return READABLE_PATHS.stream().anyMatch(root -> path.equals(root) || path.startsWith(root + "/"));
    }

    private static boolean writable(String path) {
        return WRITABLE_PATHS.stream().anyMatch(path::startsWith)
                || WRITABLE_EXACTLY.stream().anyMatch(pattern -> pattern.matcher(path).matches());
    }

    private static boolean carriesSessionToken(HttpServletRequest request, HttpSession session) {
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        Object kept = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return sent != null && kept instanceof String token
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
