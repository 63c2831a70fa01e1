package com.collectiondesk.security.edge;

import com.collectiondesk.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing requests to {@code /api} and {@code /engine-rest} that a browser sends on behalf of another
 * web page. A browser that holds cached Basic credentials attaches them to any request another site makes it send;
 * it also names that site in {@code Origin} (or at least {@code Referer}), which is what is checked here. Requests
 * that name no page at all (curl, the ERP, server-to-server) pass: no browser forged them.
 */
class CrossSiteRequestGuard extends OncePerRequestFilter {

    private final Optional<String> publicOrigin;

    CrossSiteRequestGuard(String publicBaseUrl) {
        this.publicOrigin = Origins.of(publicBaseUrl);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (RequestPaths.changesState(request) && isCrossSite(request)) {
            ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Cross-site request refused",
                    "This API takes no " + request.getMethod() + " from other web pages: the request's Origin or"
                            + " Referer is not this service.");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isCrossSite(HttpServletRequest request) {
        String page = request.getHeader("Origin");
        if (page == null) {
            page = request.getHeader("Referer");
        }
        if (page == null) {
            // Fetch metadata, where a browser sent neither (they always send Origin on cross-site writes today)
            return "cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"));
        }
        Optional<String> origin = Origins.of(page);
        return origin.isEmpty()
                || !(origin.get().equals(Origins.ofRequest(request)) || origin.equals(publicOrigin));
    }
}
