package com.collectiondesk.security.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of every answer. The Camunda webapps send their own Content-Security-Policy (with a script
 * nonce, camunda.bpm.webapp.header-security.*), which is left alone; Swagger UI loads its own scripts and styles;
 * the debtor's self-service pages under /s/ their own stylesheet; everything else (both APIs, the public unsubscribe
 * page and webhooks) may load nothing and be framed by nobody.
 * Set before anything else answers, so refusals and errors carry them too.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String LOCKED_DOWN = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    static final String SWAGGER_UI = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    /** The debtor's self-service pages: their own stylesheet and nothing else, no script. */
    static final String SELF_SERVICE = "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final String webappPath;

    SecurityHeadersFilter(String webappPath) {
        this.webappPath = webappPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        apply(request, response);
        chain.doFilter(request, response);
    }

    private void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        String path = RequestPaths.of(request);
        if (path.startsWith(webappPath + "/")) {
            return;
        }
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", path.startsWith("/swagger-ui") ? SWAGGER_UI
                : path.startsWith("/s/") ? SELF_SERVICE : LOCKED_DOWN);
    }
}
