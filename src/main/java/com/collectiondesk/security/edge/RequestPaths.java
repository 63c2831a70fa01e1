package com.collectiondesk.security.edge;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/** The request's path as the container resolved it (decoded, normalised, without {@code ;params}). */
public final class RequestPaths {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private RequestPaths() {
    }

    public static String of(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    static boolean changesState(HttpServletRequest request) {
        return STATE_CHANGING.contains(request.getMethod());
    }
}
