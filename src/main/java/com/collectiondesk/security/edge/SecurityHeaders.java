package com.collectiondesk.security.edge;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every answer. The Camunda webapps send their own Content-Security-Policy (with a script
 * nonce, camunda.bpm.webapp.header-security.*), which is left alone; Swagger UI loads its own scripts and styles;
 * everything else (both APIs, the public unsubscribe page and webhooks) may load nothing and be framed by nobody.
 */
final class SecurityHeaders {

    static final String LOCKED_DOWN = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    static final String SWAGGER_UI = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private final String webappPath;

    SecurityHeaders(String webappPath) {
        this.webappPath = webappPath;
    }

    void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        String path = RequestPaths.of(request);
        if (path.startsWith(webappPath + "/")) {
            return;
        }
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", path.startsWith("/swagger-ui") ? SWAGGER_UI : LOCKED_DOWN);
    }
}
