package com.collectiondesk.security.edge;

import com.collectiondesk.security.BasicCredentials;
import com.collectiondesk.security.expressions.CachedBodyRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The account a request tries a password for: the user id of HTTP Basic credentials, or the {@code username} of
 * the webapps' login form. The form is read here (it is small) and handed on as a replayable body.
 */
record LoginAttempt(String account, HttpServletRequest request, boolean webappForm) {

    /** Login forms are a few hundred bytes; anything larger is not a login. */
    static final int MAX_FORM_BYTES = 8 * 1024;

    static final class FormTooLarge extends IOException {
        FormTooLarge() {
            super("login form over " + MAX_FORM_BYTES + " bytes");
        }
    }

    static Optional<LoginAttempt> of(HttpServletRequest request, Pattern webappLogin) throws IOException {
        // the login form first: on its path a Basic header is not what gets checked
        if ("POST".equals(request.getMethod()) && webappLogin.matcher(RequestPaths.of(request)).matches()) {
            byte[] form = readForm(request.getInputStream());
            HttpServletRequest replay = new CachedBodyRequest(request, form);
            return usernameOf(new String(form, StandardCharsets.ISO_8859_1))
                    .map(username -> new LoginAttempt(username, replay, true));
        }
        return BasicCredentials.parse(request.getHeader("Authorization"))
                .map(basic -> new LoginAttempt(basic.userId(), request, false));
    }

    private static byte[] readForm(InputStream body) throws IOException {
        byte[] form = body.readNBytes(MAX_FORM_BYTES + 1);
        if (form.length > MAX_FORM_BYTES) {
            throw new FormTooLarge();
        }
        return form;
    }

    /**
     * The first {@code username} field, names and values decoded as the webapps' form reader decodes them (so an
     * encoded name like {@code user%6Eame} is found too). Undecodable forms name nobody; the login refuses them.
     */
    private static Optional<String> usernameOf(String form) {
        try {
            for (String field : form.split("&")) {
                int equals = field.indexOf('=');
                if (equals > 0 && "username".equals(URLDecoder.decode(field.substring(0, equals), StandardCharsets.UTF_8))) {
                    String username = URLDecoder.decode(field.substring(equals + 1), StandardCharsets.UTF_8);
                    return username.isEmpty() ? Optional.empty() : Optional.of(username);
                }
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
