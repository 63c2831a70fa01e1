package com.collectiondesk.selfservice;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * What one browser holds for the page, without a server session: a random browser id in an HttpOnly cookie, and
 * values derived from it and the link by HMAC under {@code collection.self-service.page-secret} — the CSRF token every
 * form carries, and the mark that this browser answered the link's second factor. Neither works for another link or
 * another browser.
 */
@Component
class BrowserKeys {

    static final String BROWSER_COOKIE = "ss_browser";
    static final String VERIFIED_COOKIE = "ss_verified";
    static final String CSRF_FIELD = "csrf";

    private final byte[] secret;

    BrowserKeys(SelfServiceSettings settings) {
        this.secret = settings.pageSecret().getBytes(StandardCharsets.UTF_8);
    }

    /** This browser's id; a browser without one gets a new one with this answer. */
    String browserId(HttpServletRequest request, HttpServletResponse response) {
        return cookie(request, BROWSER_COOKIE).filter(LinkTokens::wellFormed).orElseGet(() -> {
            String id = LinkTokens.newToken();
            set(request, response, BROWSER_COOKIE, id);
            return id;
        });
    }

    String csrfToken(DebtorLink link, String browserId) {
        return mac("csrf|" + link.tokenHash() + "|" + browserId);
    }

    /** Whether the form's token was made for this link and the browser that posts it. */
    boolean csrfHolds(DebtorLink link, HttpServletRequest request, String formToken) {
        Optional<String> browser = cookie(request, BROWSER_COOKIE);
        return browser.isPresent() && formToken != null && equal(csrfToken(link, browser.get()), formToken);
    }

    void markVerified(DebtorLink link, String browserId, HttpServletRequest request, HttpServletResponse response) {
        set(request, response, VERIFIED_COOKIE, mac("verified|" + link.tokenHash() + "|" + browserId));
    }

    boolean verified(DebtorLink link, HttpServletRequest request) {
        Optional<String> browser = cookie(request, BROWSER_COOKIE);
        Optional<String> mark = cookie(request, VERIFIED_COOKIE);
        return browser.isPresent() && mark.isPresent() && equal(mac("verified|" + link.tokenHash() + "|" + browser.get()), mark.get());
    }

    private static void set(HttpServletRequest request, HttpServletResponse response, String name, String value) {
        // session cookies for the page's paths only; Lax keeps them off cross-site form posts
        response.addHeader("Set-Cookie", ResponseCookie.from(name, value).path(SelfServiceLinks.PAGE_PATH).httpOnly(true)
                .secure(request.isSecure()).sameSite("Lax").build().toString());
    }

    private static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty()
                : Arrays.stream(cookies).filter(c -> c.getName().equals(name)).map(Cookie::getValue).findFirst();
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static boolean equal(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
