package com.collectiondesk.security.edge;

import com.collectiondesk.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies on {@code /api} and {@code /engine-rest} per {@link BodyKind}. A declared Content-Length over
 * the cap is answered 413 before a byte is read; otherwise the bytes are counted as they stream in, a read past the
 * cap fails, and what the application answers to that failure is dropped for the same 413. (Multipart
 * imports are parsed by the container itself; spring.servlet.multipart holds them to the import cap.)
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BodySizeLimitFilter.class);

    private final BodyLimits limits;

    BodySizeLimitFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = RequestPaths.of(request);
        long limit = limits.bytesFor(BodyKind.of(path));
        if (request.getContentLengthLong() > limit) {
            refuse(response, limit);
            return;
        }
        LimitedBodyRequest limited = new LimitedBodyRequest(request, limit);
        try {
            chain.doFilter(limited, new SilencedResponse(response, limited::exceeded));
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!limited.exceeded()) {
                throw failure;
            }
        }
        if (limited.exceeded()) {
            if (response.isCommitted()) {
                log.warn("{} {}: body over {} bytes, but the answer was already under way", request.getMethod(), path, limit);
                return;
            }
            response.resetBuffer();
            refuse(response, limit);
        }
    }

    private static void refuse(HttpServletResponse response, long limit) throws IOException {
        ProblemResponses.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Request body too large",
                "This endpoint takes bodies of at most " + limit + " bytes.");
    }
}
