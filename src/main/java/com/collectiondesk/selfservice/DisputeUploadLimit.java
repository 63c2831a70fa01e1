package com.collectiondesk.selfservice;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a debtor's post bigger than it may be from being parsed at all: the service's multipart limits are the CSV
 * import's, far above what a debtor sends. A dispute form over the attachment cap (plus its fields), or one without a
 * length, reaches {@link DisputeActions} as a plain request marked {@link #TOO_LARGE}, which shows the page with the
 * error at the file field; the body is read and dropped first (up to a bound), so the browser, done sending, sees that
 * answer. Any other post under {@code /s/} carries a few short fields: over {@link #OTHER_FORMS} it is answered 413.
 */
class DisputeUploadLimit extends OncePerRequestFilter {

    static final String TOO_LARGE = DisputeUploadLimit.class.getName() + ".tooLarge";
    private static final Pattern DISPUTE_POST = Pattern.compile("/s/[^/]+/" + DisputeSection.ACTION);
    /** The page's other forms (a message of 1000 characters is the longest). */
    static final long OTHER_FORMS = 64L * 1024;
    /** Past this much unread body the connection is closed rather than drained. */
    private static final long DRAIN_LIMIT = 32L * 1024 * 1024;

    private final DisputeSettings settings;
    private final String company;

    DisputeUploadLimit(DisputeSettings settings, String company) {
        this.settings = settings;
        this.company = company;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long length = request.getContentLengthLong();
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        boolean dispute = DISPUTE_POST.matcher(path).matches();
        if (length >= 0 && length <= (dispute ? settings.largestForm() : OTHER_FORMS)) {
            chain.doFilter(request, response);
            return;
        }
        if (!dispute) {
            // the language from the address or the browser only: reading a parameter would parse the body this refuses
            DebtorErrorPages.write(response, company, DebtorErrorPages.languageOf(request),
                    HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, path);
            return;
        }
        request.setAttribute(TOO_LARGE, Boolean.TRUE);
        drain(request.getInputStream());
        chain.doFilter(new Unparsed(request), response);
    }

    private static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        for (int n; read < DRAIN_LIMIT && (n = body.read(buffer)) > 0; ) {
            read += n;
        }
    }

    /** The request without its body's type, so nothing parses the body as a form. */
    private static final class Unparsed extends HttpServletRequestWrapper {

        Unparsed(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return "application/octet-stream";
        }

        @Override
        public String getHeader(String name) {
            return "content-type".equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Right after the public pages' guard (which counts the request first). */
        @Bean
        static FilterRegistrationBean<DisputeUploadLimit> selfServiceDisputeUploadLimit(DisputeSettings settings,
                                                                                       com.collectiondesk.outreach.OutreachSettings outreach) {
            FilterRegistrationBean<DisputeUploadLimit> registration = new FilterRegistrationBean<>(new DisputeUploadLimit(settings,
                    outreach.companyName()));
            registration.setName("self-service-dispute-upload-limit");
            registration.addUrlPatterns(SelfServiceLinks.PAGE_PATH + "*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
            return registration;
        }
    }
}
