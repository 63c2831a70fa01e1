package com.collectiondesk.security.edge;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Web origins ({@code scheme://host:port}) in one normal form, so that equal origins compare equal as strings. */
final class Origins {

    private Origins() {
    }

    /** The origin of an {@code Origin} header or a {@code Referer} URL; empty for {@code null}, opaque or odd values. */
    static Optional<String> of(String url) {
        try {
            URI uri = new URI(url.trim());
            return normal(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (URISyntaxException | NullPointerException notAnOrigin) {
            return Optional.empty();
        }
    }

    /** This service's own origin as the caller addressed it (behind a proxy: from its forwarded headers). */
    static String ofRequest(HttpServletRequest request) {
        return normal(request.getScheme(), request.getServerName(), request.getServerPort()).orElse("");
    }

    private static Optional<String> normal(String scheme, String host, int port) {
        if (scheme == null || host == null || host.isEmpty()) {
            return Optional.empty();
        }
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        int defaultPort = switch (lowerScheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -2;
        };
        if (defaultPort < 0) {
            return Optional.empty();
        }
        return Optional.of(lowerScheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + (port < 0 ? defaultPort : port));
    }
}
