package com.collectiondesk.security.edge;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The mark an authentication filter leaves on the request when the password it checked was right. The login
 * throttle forgets a caller's failures only on this mark, never on a mere non-401 answer: some requests carrying
 * credentials are answered without any check (the engine list), and must not wipe a guesser's count.
 */
public final class PasswordAccepted {

    private static final String ATTRIBUTE = PasswordAccepted.class.getName();

    private PasswordAccepted() {
    }

    public static void mark(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    static boolean isMarked(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE));
    }
}
