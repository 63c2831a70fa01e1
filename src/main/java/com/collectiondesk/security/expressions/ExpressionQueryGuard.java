package com.collectiondesk.security.expressions;

import com.collectiondesk.security.ProblemResponses;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Second line against CVE-2026-109432 (the first is {@link AdHocQueryExpressions} inside the engine): Camunda
 * 7.24.0 evaluates JUEL expressions hidden in the {@code orQueries} of ad-hoc task queries. Ad-hoc task and
 * history queries may carry no key ending in {@code Expression} at all, in parameters or body, at any depth;
 * saved filters may carry only the expressions Tasklist offers. The guard reads what the engine will read
 * ({@link EngineJson}, {@link StrictQueryString}) and refuses whatever it cannot read the same way. Everything
 * else reaches the engine untouched (the body is replayed).
 */
class ExpressionQueryGuard extends OncePerRequestFilter {

    /** Queries and filters are small; a larger body is not a query Tasklist or Cockpit would send. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

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
        Optional<String> encoding = contentEncodingOtherThanIdentity(request);
        if (encoding.isPresent()) {
            // Neither Tomcat nor the engine's Jersey decodes request bodies: a compressed body is bytes nobody checked.
            response.setHeader("Accept-Encoding", "identity");
            ProblemResponses.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Content encoding not accepted",
                    "Content-Encoding '" + encoding.get() + "' is not accepted on engine queries; send the JSON uncompressed.");
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
            List<StrictQueryString.Parameter> parameters = StrictQueryString.parse(request.getQueryString());
            requireUtf8Charset(request.getContentType());
            refusal = guarded.get() == GuardedQuery.AD_HOC ? adHocRefusal(parameters, body) : savedFilterRefusal(body);
        } catch (EngineJson.Unreadable | StrictQueryString.Malformed unreadable) {
            refusal = Optional.of(unreadable.getMessage());
        }
        if (refusal.isPresent()) {
            ProblemResponses.write(response, HttpServletResponse.SC_BAD_REQUEST,
                    guarded.get() == GuardedQuery.AD_HOC ? "Query refused" : "Filter refused", refusal.get());
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static Optional<String> contentEncodingOtherThanIdentity(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders(HttpHeaders.CONTENT_ENCODING);
        while (headers != null && headers.hasMoreElements()) {
            for (String coding : headers.nextElement().split(",")) {
                String trimmed = coding.trim();
                if (!trimmed.isEmpty() && !trimmed.equalsIgnoreCase("identity")) {
                    return Optional.of(trimmed);
                }
            }
        }
        return Optional.empty();
    }

    /** The engine reads JSON as UTF-8 whatever the header says; a body declared otherwise was meant differently. */
    private static void requireUtf8Charset(String contentType) throws EngineJson.Unreadable {
        if (contentType == null) {
            return;
        }
        for (String parameter : contentType.split(";")) {
            String[] nameAndValue = parameter.split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].trim().equalsIgnoreCase("charset")) {
                String charset = nameAndValue[1].trim().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    throw new EngineJson.Unreadable("The request body must be UTF-8 JSON; charset '"
                            + charset.replaceAll("[^\\w.:-]", "?") + "' is not accepted.");
                }
            }
        }
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

    private static Optional<String> adHocRefusal(List<StrictQueryString.Parameter> parameters, byte[] body)
            throws EngineJson.Unreadable {
        Optional<String> parameter = expressionParameter(parameters);
        if (parameter.isPresent()) {
            return parameter.map(ExpressionQueryGuard::adHocMessage);
        }
        return EngineJson.read(body).flatMap(json -> ExpressionKeys.in(json).stream().findFirst())
                .map(found -> adHocMessage(found.path()));
    }

    private static String adHocMessage(String key) {
        return "'" + key + "' is an expression. Ad-hoc task and history queries may not carry expressions"
                + " (keys ending in 'Expression'); use a saved filter with Tasklist's expressions instead.";
    }

    /** The first query parameter named like an expression, also inside a parameter that holds JSON. */
    private static Optional<String> expressionParameter(List<StrictQueryString.Parameter> parameters) {
        for (StrictQueryString.Parameter parameter : parameters) {
            if (ExpressionKeys.isExpressionKey(parameter.name())) {
                return Optional.of(parameter.name());
            }
            Optional<String> nested = expressionKeyInJsonValue(parameter.value())
                    .map(path -> parameter.name() + (path.startsWith("[") ? "" : ".") + path);
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
            return ExpressionKeys.in(EngineJson.read(trimmed)).stream().findFirst().map(ExpressionKeys.Found::path);
        } catch (EngineJson.Unreadable plainText) {
            return Optional.empty();
        }
    }

    private static Optional<String> savedFilterRefusal(byte[] body) throws EngineJson.Unreadable {
        List<ExpressionKeys.Found> expressions = EngineJson.read(body).map(ExpressionKeys::in).orElse(List.of());
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

    /** The whole body, or null when it exceeds {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }
}
