package com.collectiondesk.security.edge;

import com.collectiondesk.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with {@code 415}, the body types a web page can make a browser send without asking first (CORS "simple"
 * requests): {@code text/plain} and {@code application/x-www-form-urlencoded}, which no endpoint of the two APIs
 * takes, and {@code multipart/form-data} except on the import and engine upload endpoints. The controllers'
 * {@code consumes} then refuse every other type they do not document. Covers body-less actions too (a scan).
 */
class ContentTypeGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (RequestPaths.changesState(request) && contentType != null && !accepted(contentType, RequestPaths.of(request))) {
            ProblemResponses.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "Content-Type " + contentType.split(";")[0].trim() + " is not accepted here: JSON bodies are"
                            + " application/json, imports text/csv or multipart/form-data, deployments multipart/form-data.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean accepted(String contentType, String path) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
        if (type.isCompatibleWith(MediaType.TEXT_PLAIN) || type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            return false;
        }
        return !type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA) || BodyKind.of(path).acceptsMultipart();
    }
}
