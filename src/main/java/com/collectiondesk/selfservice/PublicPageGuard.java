package com.collectiondesk.selfservice;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public pages' own edge, for {@code /s/*} only (the staff side keeps its authentication filters on its own
 * paths): nothing debtor-specific is cached anywhere ({@code no-store}), and each client address and each link may
 * make a limited number of requests a minute, counted in memory; past it, 429 with {@code Retry-After} and the debtor's
 * error page ({@link DebtorErrorPages}).
 */
class PublicPageGuard extends OncePerRequestFilter {

    private static final int MAX_TRACKED = 100_000;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final SelfServiceSettings settings;
    private final String company;
    private final Cache<String, AtomicInteger> counts = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterWrite(WINDOW).build();

    PublicPageGuard(SelfServiceSettings settings, String company) {
        this.settings = settings;
        this.company = company;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(SelfServiceAssets.PATH)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        String link = linkOf(path);
        boolean tooMany = over("address:" + request.getRemoteAddr(), settings.requestsPerMinutePerAddress())
                | (link != null && over("link:" + link, settings.requestsPerMinutePerLink()));
        if (tooMany) {
            response.setHeader("Retry-After", Long.toString(WINDOW.toSeconds()));
            DebtorErrorPages.write(response, company, DebtorErrorPages.languageOf(request), 429, path);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean over(String key, int limit) {
        return counts.get(key, k -> new AtomicInteger()).incrementAndGet() > limit;
    }

    /** The token of {@code /s/<token>…}, the sandbox's reference for its pages. */
    private static String linkOf(String path) {
        String rest = path.substring(SelfServiceLinks.PAGE_PATH.length());
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        return first.isEmpty() ? null : first;
    }
}
