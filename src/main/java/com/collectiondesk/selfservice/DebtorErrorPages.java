package com.collectiondesk.selfservice;

import com.collectiondesk.errors.ProblemPages;
import com.collectiondesk.outreach.OutreachSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a debtor sees when a request under {@code /s/} fails before or outside the page's own answers (a form that
 * cannot be read, an address that is no page, too many requests, a form too large, our own error): a page in their
 * language (the {@code lang} of the address, else their browser's) with the company, what to do, and the way back to
 * their page; never the staff side's problem+json. A client that asks for JSON alone still gets problem+json.
 */
@Component
class DebtorErrorPages implements ProblemPages {

    private final String company;

    DebtorErrorPages(OutreachSettings outreach) {
        this.company = outreach.companyName();
    }

    @Override
    public Optional<ResponseEntity<String>> pageFor(HttpServletRequest request, ProblemDetail problem) {
        if (!onThePage(request) || !acceptsHtml(request)) {
            return Optional.empty();
        }
        int status = problem.getStatus();
        return Optional.of(SandboxCheckoutPage.html(HttpStatus.valueOf(status), html(company, languageOf(request), status, pathOf(request))));
    }

    /** The page for {@code status}, from a filter that answers before Spring MVC (too many requests, a form too large). */
    static void write(HttpServletResponse response, String company, String language, int status, String path) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(html(company, language, status, path).getBytes(StandardCharsets.UTF_8));
    }

    static String html(String company, String language, int status, String path) {
        Words words = Words.of(language);
        String kind = kindOf(status);
        String back = tokenOf(path).map(token -> "<p><a href=\"" + PageHtml.esc(SelfServiceLinks.PAGE_PATH + token + "?lang="
                + words.language()) + "\">" + PageHtml.esc(words.get("errorBack")) + "</a></p>").orElse("");
        return PageHtml.document(words, words.get("errorTitle." + kind), company, null, "<h1>" + PageHtml.esc(words.get("errorTitle." + kind))
                + "</h1>" + PageHtml.notice("error", words.get("errorText." + kind)) + back);
    }

    /** The words an error status is told in: 400, 404 (and 405, 406, 415: no such page), 413, 429, else 500. */
    private static String kindOf(int status) {
        return switch (status) {
            case 400, 413, 429 -> Integer.toString(status);
            case 404, 405, 406, 415 -> "404";
            default -> status < 500 ? "400" : "500";
        };
    }

    /** The debtor's language: {@code lang} in the address (never the body, which may be what failed), else the browser's. */
    static String languageOf(HttpServletRequest request) {
        String query = request.getQueryString();
        String lang = query == null ? null : UriComponentsBuilder.fromUriString("?" + query).build().getQueryParams().getFirst("lang");
        if (lang != null) {
            return lang;
        }
        String accepted = request.getHeader("Accept-Language");
        if (accepted != null) {
            try {
                return Locale.LanguageRange.parse(accepted).stream().map(range -> Locale.forLanguageTag(range.getRange()).getLanguage())
                        .filter(Words.LANGUAGES::contains).findFirst().orElse("en");
            } catch (IllegalArgumentException malformed) {
                return "en";
            }
        }
        return "en";
    }

    static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean onThePage(HttpServletRequest request) {
        return pathOf(request).startsWith(SelfServiceLinks.PAGE_PATH);
    }

    /** A browser (it accepts HTML, or says nothing); a client asking for JSON alone is not the debtor's page. */
    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept == null || accept.isBlank() || accept.contains("text/html") || accept.contains("*/*");
    }

    /** The link's token in {@code /s/<token>/…}, for the way back; the sandbox's and the assets' paths have none. */
    private static Optional<String> tokenOf(String path) {
        if (path == null || !path.startsWith(SelfServiceLinks.PAGE_PATH)) {
            return Optional.empty();
        }
        String rest = path.substring(SelfServiceLinks.PAGE_PATH.length());
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        return LinkTokens.wellFormed(first) ? Optional.of(first) : Optional.empty();
    }
}
