package com.collectiondesk.security.edge;

import com.collectiondesk.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the {@link LoginThrottle} in front of every place that checks a password: HTTP Basic on {@code /api} and
 * {@code /engine-rest}, and the webapps' login form. A throttled caller gets {@code 429} with {@code Retry-After}
 * before any password is checked, so waiting is the only way on and a wrong guess is never mistaken for a lock.
 * A {@code 401} from the authentication behind counts as a wrong password; only a checked right password (see
 * {@link PasswordAccepted}; the webapp login's 2xx) forgets the failures.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final Pattern webappLogin;

    LoginThrottleFilter(LoginThrottle throttle, String webappPath) {
        this.throttle = throttle;
        this.webappLogin = Pattern.compile(Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/[^/]*/?");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<LoginAttempt> attempt;
        try {
            attempt = LoginAttempt.of(request, webappLogin);
        } catch (LoginAttempt.FormTooLarge tooLarge) {
            ProblemResponses.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Login form too large",
                    "A login form has at most " + LoginAttempt.MAX_FORM_BYTES + " bytes.");
            return;
        }
        if (attempt.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        String account = attempt.get().account();
        Duration wait = throttle.waitBefore(client, account);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            ProblemResponses.write(response, 429, "Too many failed logins",
                    "Too many wrong passwords for this account: wait " + seconds + " s (Retry-After) before trying again.");
            return;
        }
        HttpServletRequest checked = attempt.get().request();
        chain.doFilter(checked, response);
        if (PasswordAccepted.isMarked(checked) || (attempt.get().webappForm() && isSuccess(response.getStatus()))) {
            throttle.succeeded(client, account);
        } else if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(client, account);
        }
    }

    /** The webapps' login resource answers 2xx only after the password was right. */
    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }
}
