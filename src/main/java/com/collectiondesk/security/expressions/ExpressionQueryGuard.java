package com.collectiondesk.security.expressions;

import com.collectiondesk.security.ProblemResponses;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Compensating control for CVE-2026-109432: Camunda 7.24.0 evaluates JUEL expressions hidden in the
 * {@code orQueries} of ad-hoc task queries. Ad-hoc task and history queries may carry no key ending in
 * {@code Expression} at all, in parameters or body, at any depth; saved filters may carry only the
 * expressions Tasklist offers. Everything else reaches the engine untouched (the body is replayed).
 */
class ExpressionQueryGuard extends OncePerRequestFilter {

    /** Queries and filters are small; a larger body is not a query Tasklist or Cockpit would send. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final String webappPath;

    ExpressionQueryGuard(String webappPath) {
        this.webappPath = webappPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = PATHS.getPathWithinApplication(request);
        Optional<GuardedQuery> guarded = GuardedQuery.of(path, request.getMethod(), webappPath);
        if (guarded.isEmpty() || isAnonymousWebappCall(request, path)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readBody(request);
        if (body == null) {
            ProblemResponses.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Query too large",
                    "A query body may hold at most " + MAX_BODY_BYTES + " bytes.");
            return;
        }
        Optional<String> refusal;
        try {
            refusal = guarded.get() == GuardedQuery.AD_HOC
                    ? adHocRefusal(request.getQueryString(), body)
                    : savedFilterRefusal(body);
        } catch (JsonProcessingException notJson) {
            refusal = Optional.of("The request body is not valid JSON (line " + notJson.getLocation().getLineNr()
                    + ", column " + notJson.getLocation().getColumnNr() + ").");
        } catch (IllegalArgumentException badQueryString) {
            refusal = Optional.of("The query string is not correctly URL-encoded.");
        }
        if (refusal.isPresent()) {
            ProblemResponses.write(response, HttpServletResponse.SC_BAD_REQUEST,
                    guarded.get() == GuardedQuery.AD_HOC ? "Query refused" : "Filter refused", refusal.get());
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /**
     * The webapp starter registers its login and security filters after ours, so an anonymous call is passed on
     * untouched: the webapps answer 401 and the caller learns nothing about the guard.
     */
    private boolean isAnonymousWebappCall(HttpServletRequest request, String path) {
        Optional<String> engine = GuardedQuery.webappEngineName(path, webappPath);
        if (engine.isEmpty()) {
            return false;
        }
        HttpSession session = request.getSession(false);
        return session == null || !AuthenticationUtil.getAuthsFromSession(session).hasAuthenticationForProcessEngine(engine.get());
    }

    private static Optional<String> adHocRefusal(String queryString, byte[] body) throws JsonProcessingException {
        Optional<String> parameter = expressionParameter(queryString);
        if (parameter.isPresent()) {
            return parameter.map(ExpressionQueryGuard::adHocMessage);
        }
        return parse(body).flatMap(json -> ExpressionKeys.in(json).stream().findFirst())
                .map(found -> adHocMessage(found.path()));
    }

    private static String adHocMessage(String key) {
        return "'" + key + "' is an expression. Ad-hoc task and history queries may not carry expressions"
                + " (keys ending in 'Expression'); use a saved filter with Tasklist's expressions instead.";
    }

    /** The first query parameter named like an expression, also inside a parameter that holds JSON. */
    private static Optional<String> expressionParameter(String queryString) {
        if (queryString == null || queryString.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : queryString.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (ExpressionKeys.isExpressionKey(key)) {
                return Optional.of(key);
            }
            Optional<String> nested = expressionKeyInJsonValue(value).map(path -> key + "." + path);
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> expressionKeyInJsonValue(String value) {
        String trimmed = value.trim();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return Optional.empty();
        }
        try {
            return ExpressionKeys.in(JSON.readTree(trimmed)).stream().findFirst().map(ExpressionKeys.Found::path);
        } catch (JsonProcessingException plainText) {
            return Optional.empty();
        }
    }

    private static Optional<String> savedFilterRefusal(byte[] body) throws JsonProcessingException {
        List<ExpressionKeys.Found> expressions = parse(body).map(ExpressionKeys::in).orElse(List.of());
        for (ExpressionKeys.Found found : expressions) {
            JsonNode value = found.value();
            if (value.isNull() || value.isTextual() && TasklistExpressions.isAllowed(value.textValue())) {
                continue;
            }
            return Optional.of("'" + found.path() + "' holds an expression a saved filter may not use. Allowed are "
                    + TasklistExpressions.DESCRIPTION + ".");
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> parse(byte[] body) throws JsonProcessingException {
        // JSON on the engine REST API is UTF-8; a body in another encoding fails to parse and is refused.
        String text = new String(body, StandardCharsets.UTF_8);
        return text.isBlank() ? Optional.empty() : Optional.of(JSON.readTree(text));
    }

    /** The whole body, or null when it exceeds {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }
}
