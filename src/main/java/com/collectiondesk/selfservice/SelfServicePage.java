package com.collectiondesk.selfservice;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.outreach.OutreachSettings;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.TicketConflictException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The debtor's page behind the link in every message, at {@code /s/<token>}. No login: the link is the first proof
 * and shows the name and the total due; the second factor opens the invoices, paying and promising. Every form
 * carries a CSRF token; an unknown, expired, revoked or malformed link gets one and the same answer.
 */
@RestController
class SelfServicePage {

    /** The timeline's author of what the debtor does on the page. */
    static final String BY_THE_DEBTOR = "debtor";

    private final SelfServiceLinks links;
    private final DebtorAccounts accounts;
    private final BrowserKeys keys;
    private final SelfServiceSettings settings;
    private final SelfServicePayments payments;
    private final DebtorPromises promises;
    private final DebtorRequests requests;
    private final LedgerQueries ledger;
    private final BusinessClock clock;
    private final String company;
    private final List<PageSection> sections;

    SelfServicePage(SelfServiceLinks links, DebtorAccounts accounts, BrowserKeys keys, SelfServiceSettings settings,
                    SelfServicePayments payments, DebtorPromises promises, DebtorRequests requests, LedgerQueries ledger,
                    BusinessClock clock, OutreachSettings outreach, List<PageSection> sections) {
        this.sections = sections;
        this.requests = requests;
        this.links = links;
        this.accounts = accounts;
        this.keys = keys;
        this.settings = settings;
        this.payments = payments;
        this.promises = promises;
        this.ledger = ledger;
        this.clock = clock;
        this.company = outreach.companyName();
    }

    /** What one answer shows besides the account: a notice after an action, errors per field, what was typed. */
    record Shown(String notice, String noticeClass, Map<String, String> errors, Map<String, String> typed) {

        static Shown nothing() {
            return new Shown(null, null, Map.of(), Map.of());
        }
    }

    @GetMapping(value = SelfServiceLinks.PAGE_PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@PathVariable String token, @RequestParam(required = false) String lang,
                                @RequestParam(required = false) String done, HttpServletRequest request, HttpServletResponse response) {
        return withLink(token, lang, link -> {
            links.opened(link);
            DebtorAccount account = account(link, lang);
            Words words = Words.of(account.language());
            Shown shown = switch (done == null ? "" : done) {
                case "paid" -> new Shown(words.get("paid"), "done", Map.of(), Map.of());
                case "failed" -> new Shown(words.get("paymentFailed"), "error", Map.of(), Map.of());
                case "processing" -> new Shown(words.get("paymentProcessing"), "done", Map.of(), Map.of());
                default -> Shown.nothing();
            };
            return render(HttpStatus.OK, token, link, account, shown, request, response);
        });
    }

    @PostMapping(value = SelfServiceLinks.PAGE_PATH + "{token}/verify", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> verify(@PathVariable String token, @RequestParam(required = false) String lang,
                                  @RequestParam(name = "answer", required = false) String answer,
                                  @RequestParam(name = BrowserKeys.CSRF_FIELD, required = false) String csrf,
                                  HttpServletRequest request, HttpServletResponse response) {
        return withCsrf(token, lang, csrf, request, link -> {
            DebtorAccount account = account(link, lang);
            Words words = Words.of(account.language());
            if (link.locked()) {
                return render(HttpStatus.FORBIDDEN, token, link, account, Shown.nothing(), request, response);
            }
            var invoiceNumbers = ledger.overdue(link.customerPk(), account.currency(), clock.today()).stream()
                    .map(LedgerQueries.OpenInvoice::invoiceNumber).toList();
            if (settings.secondFactor().accepts(answer, account.address(), invoiceNumbers, settings.invoiceDigits())) {
                keys.markVerified(link, keys.browserId(request, response), request, response);
                return backToPage(token, account.language(), null);
            }
            if (links.failedFactor(link)) {
                return render(HttpStatus.FORBIDDEN, token, links.valid(token).orElse(link), account, Shown.nothing(), request, response);
            }
            int left = settings.secondFactorAttempts() - link.failedFactors() - 1;
            return render(HttpStatus.BAD_REQUEST, token, link, account, new Shown(null, null,
                    Map.of("answer", blank(answer) ? words.get("required") : words.get("factorWrong", left)), Map.of()), request, response);
        });
    }

    @PostMapping(value = SelfServiceLinks.PAGE_PATH + "{token}/pay", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> pay(@PathVariable String token, @RequestParam(required = false) String lang,
                               @RequestParam(name = "payAmount", required = false) String amountText,
                               @RequestParam(name = BrowserKeys.CSRF_FIELD, required = false) String csrf,
                               HttpServletRequest request, HttpServletResponse response) {
        return withVerified(token, lang, csrf, request, response, (link, account) -> {
            Words words = Words.of(account.language());
            Map<String, String> errors = new HashMap<>();
            BigDecimal amount = amount(amountText, account, words, "payAmount", errors);
            if (!errors.isEmpty()) {
                return render(HttpStatus.BAD_REQUEST, token, link, account, new Shown(null, null, errors,
                        Map.of("payAmount", amountText == null ? "" : amountText)), request, response);
            }
            try {
                String checkout = payments.start(link, account, amount, token);
                return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(checkout)).<String>build();
            } catch (PaymentProviderUnavailable unavailable) {
                return render(HttpStatus.SERVICE_UNAVAILABLE, token, link, account, new Shown(words.get("paymentUnavailable"), "error",
                        Map.of(), Map.of("payAmount", amountText)), request, response);
            }
        });
    }

    @PostMapping(value = SelfServiceLinks.PAGE_PATH + "{token}/promise", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> promise(@PathVariable String token, @RequestParam(required = false) String lang,
                                   @RequestParam(name = "promiseAmount", required = false) String amountText,
                                   @RequestParam(name = "promiseDate", required = false) String dateText,
                                   @RequestParam(name = BrowserKeys.CSRF_FIELD, required = false) String csrf,
                                   HttpServletRequest request, HttpServletResponse response) {
        return withVerified(token, lang, csrf, request, response, (link, account) -> {
            Words words = Words.of(account.language());
            Map<String, String> errors = new HashMap<>();
            BigDecimal amount = amount(amountText, account, words, "promiseAmount", errors);
            LocalDate date = date(dateText, account.locale(), words, errors);
            Map<String, String> typed = Map.of("promiseAmount", amountText == null ? "" : amountText,
                    "promiseDate", dateText == null ? "" : dateText);
            if (!errors.isEmpty()) {
                return render(HttpStatus.BAD_REQUEST, token, link, account, new Shown(null, null, errors, typed), request, response);
            }
            try {
                DebtorPromises.Result result = promises.promise(account, amount, date);
                String notice = words.get(result == DebtorPromises.Result.PROMISED ? "promised" : "requested",
                        account.money(amount), account.date(date));
                return render(HttpStatus.OK, token, link, account(link, lang), new Shown(notice, "done", Map.of(), Map.of()),
                        request, response);
            } catch (TicketConflictException | InputRefused refused) {
                return render(HttpStatus.CONFLICT, token, link, account, new Shown(words.get("promiseNotNow"), "error",
                        Map.of(), typed), request, response);
            }
        });
    }

    @PostMapping(value = SelfServiceLinks.PAGE_PATH + "{token}/preferences", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> preferences(@PathVariable String token, @RequestParam(required = false) String lang,
                                       @RequestParam(name = "stopSms", required = false) String stopSms,
                                       @RequestParam(name = "stopEmail", required = false) String stopEmail,
                                       @RequestParam(name = BrowserKeys.CSRF_FIELD, required = false) String csrf,
                                       HttpServletRequest request, HttpServletResponse response) {
        return withVerified(token, lang, csrf, request, response, (link, account) -> {
            Words words = Words.of(account.language());
            if (stopSms == null && stopEmail == null) {
                return render(HttpStatus.BAD_REQUEST, token, link, account, new Shown(words.get("preferencesNone"), "error",
                        Map.of(), Map.of()), request, response);
            }
            requests.stopChannels(link, stopSms != null, stopEmail != null);
            return render(HttpStatus.OK, token, link, account, new Shown(words.get("preferencesSaved"), "done", Map.of(), Map.of()),
                    request, response);
        });
    }

    @PostMapping(value = SelfServiceLinks.PAGE_PATH + "{token}/message", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> message(@PathVariable String token, @RequestParam(required = false) String lang,
                                   @RequestParam(name = "message", required = false) String text,
                                   @RequestParam(name = BrowserKeys.CSRF_FIELD, required = false) String csrf,
                                   HttpServletRequest request, HttpServletResponse response) {
        return withVerified(token, lang, csrf, request, response, (link, account) -> {
            Words words = Words.of(account.language());
            String error = blank(text) ? words.get("required")
                    : text.length() > DebtorRequests.MESSAGE_LIMIT ? words.get("messageTooLong", DebtorRequests.MESSAGE_LIMIT) : null;
            if (error != null) {
                return render(HttpStatus.BAD_REQUEST, token, link, account, new Shown(null, null, Map.of("message", error),
                        Map.of("message", text == null ? "" : text)), request, response);
            }
            requests.write(link, text.strip());
            return render(HttpStatus.OK, token, link, account, new Shown(words.get("messageSent"), "done", Map.of(), Map.of()),
                    request, response);
        });
    }

    /** The one answer to every link that does not open a page: unknown, expired, revoked or malformed alike. */
    ResponseEntity<String> invalidLink(String lang) {
        Words words = Words.of(lang);
        return SandboxCheckoutPage.html(HttpStatus.NOT_FOUND, PageHtml.document(words, words.get("invalidTitle"), company, null,
                "<h1>" + PageHtml.esc(words.get("invalidTitle")) + "</h1>" + PageHtml.paragraph("text", words.get("invalidText"))));
    }

    ResponseEntity<String> withLink(String token, String lang, Function<DebtorLink, ResponseEntity<String>> action) {
        Optional<DebtorLink> link = links.valid(token);
        return link.map(action).orElseGet(() -> invalidLink(lang));
    }

    /** A form post: the link must be valid and the form's CSRF token made for it and this browser; else nothing happens. */
    private ResponseEntity<String> withCsrf(String token, String lang, String csrf, HttpServletRequest request,
                                            Function<DebtorLink, ResponseEntity<String>> action) {
        return withLink(token, lang, link -> {
            if (!keys.csrfHolds(link, request, csrf)) {
                Words words = Words.of(lang == null ? account(link, null).language() : lang);
                return SandboxCheckoutPage.html(HttpStatus.FORBIDDEN, PageHtml.document(words, words.get("title"), company, null,
                        PageHtml.notice("error", words.get("formExpired")) + "<p><a href=\"" + PageHtml.esc(SelfServiceLinks.PAGE_PATH
                                + token + "?lang=" + words.language()) + "\">" + PageHtml.esc(words.get("title")) + "</a></p>"));
            }
            return action.apply(link);
        });
    }

    interface VerifiedAction {
        ResponseEntity<String> apply(DebtorLink link, DebtorAccount account);
    }

    /** An action past the second factor: without it (or on a closed ticket) the page is shown again, nothing done. */
    ResponseEntity<String> withVerified(String token, String lang, String csrf, HttpServletRequest request,
                                                HttpServletResponse response, VerifiedAction action) {
        return withCsrf(token, lang, csrf, request, link -> {
            DebtorAccount account = account(link, lang);
            if (!keys.verified(link, request) || account.nothingDue()) {
                return render(HttpStatus.FORBIDDEN, token, link, account, Shown.nothing(), request, response);
            }
            return action.apply(link, account);
        });
    }

    DebtorAccount account(DebtorLink link, String lang) {
        DebtorAccount account = accounts.of(link);
        return lang == null ? account : account.in(Words.languageOf(lang));
    }

    private static ResponseEntity<String> backToPage(String token, String language, String done) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(SelfServiceLinks.PAGE_PATH + token + "?lang="
                + language + (done == null ? "" : "&done=" + done))).build();
    }

    ResponseEntity<String> render(HttpStatus status, String token, DebtorLink link, DebtorAccount account, Shown shown,
                                          HttpServletRequest request, HttpServletResponse response) {
        Words words = Words.of(account.language());
        String csrf = keys.csrfToken(link, keys.browserId(request, response));
        String base = SelfServiceLinks.PAGE_PATH + token;
        String query = "?lang=" + words.language();
        StringBuilder main = new StringBuilder("<h1>").append(PageHtml.esc(words.get("hello", account.name()))).append("</h1>")
                .append("<p class=\"total\">").append(PageHtml.esc(words.get("totalDue"))).append("<strong>")
                .append(PageHtml.esc(account.money(account.totalDue()))).append("</strong></p>");
        if (shown.notice() != null) {
            main.append(PageHtml.notice(shown.noticeClass(), shown.notice()));
        }
        if (account.nothingDue()) {
            main.append(PageHtml.paragraph("text", words.get("nothingDue")));
        } else if (!keys.verified(link, request) && link.locked()) {
            main.append(PageHtml.notice("error", words.get("locked")));
        } else if (!keys.verified(link, request)) {
            String label = settings.secondFactor() == SecondFactor.POSTAL_CODE ? words.get("factorPostal")
                    : words.get("factorInvoice", settings.invoiceDigits());
            main.append(PageHtml.form(base + "/verify" + query, csrf, words.get("title"), PageHtml.paragraph("hint", words.get("factorIntro"))
                    + PageHtml.field("answer", label, "text", "", shown.errors().get("answer"), null,
                    "autocomplete=\"off\" autocapitalize=\"characters\" maxlength=\"20\""), words.get("verify")));
        } else {
            main.append(invoices(account, words));
            main.append(PageHtml.form(base + "/pay" + query, csrf, words.get("pay"),
                    PageHtml.field("payAmount", words.get("payAmount") + " (" + account.currency() + ")", "text",
                            shown.typed().getOrDefault("payAmount", account.plain(account.totalDue())), shown.errors().get("payAmount"),
                            words.get("payHint"), "inputmode=\"decimal\" autocomplete=\"off\" maxlength=\"20\""), words.get("payButton")));
            if (!account.promised()) {
                main.append(PageHtml.form(base + "/promise" + query, csrf, words.get("promise"),
                        PageHtml.field("promiseAmount", words.get("promiseAmount") + " (" + account.currency() + ")", "text",
                                shown.typed().getOrDefault("promiseAmount", ""), shown.errors().get("promiseAmount"), null,
                                "inputmode=\"decimal\" autocomplete=\"off\" maxlength=\"20\"")
                                + PageHtml.field("promiseDate", words.get("promiseDate"), "date", shown.typed().getOrDefault("promiseDate", ""),
                                shown.errors().get("promiseDate"), dateHint(words, account), "min=\"" + clock.today() + "\""),
                        words.get("promiseButton")));
            }
            PageSection.Context context = new PageSection.Context(link, account, words, base, query, csrf, shown);
            sections.forEach(section -> main.append(section.html(context)));
        }
        if (keys.verified(link, request) && !account.nothingDue()) {
            main.append(PageHtml.form(base + "/preferences" + query, csrf, words.get("preferences"),
                    PageHtml.paragraph("hint", words.get("preferencesHint")) + PageHtml.checkbox("stopSms", words.get("stopSms"))
                            + PageHtml.checkbox("stopEmail", words.get("stopEmail")), words.get("preferencesButton")));
            main.append(PageHtml.form(base + "/message" + query, csrf, words.get("write"), PageHtml.textarea("message",
                    words.get("messageLabel"), shown.typed().get("message"), shown.errors().get("message"), DebtorRequests.MESSAGE_LIMIT),
                    words.get("messageButton")));
        }
        return SandboxCheckoutPage.html(status, PageHtml.document(words, words.get("title"), company, base, main.toString()));
    }

    private static String invoices(DebtorAccount account, Words words) {
        StringBuilder table = new StringBuilder("<section><h2>").append(PageHtml.esc(words.get("invoices")))
                .append("</h2><table><thead><tr><th scope=\"col\">").append(PageHtml.esc(words.get("invoice")))
                .append("</th><th scope=\"col\">").append(PageHtml.esc(words.get("dueDate")))
                .append("</th><th scope=\"col\" class=\"amount\">").append(PageHtml.esc(words.get("openAmount")))
                .append("</th></tr></thead><tbody>");
        for (DebtorAccount.Invoice invoice : account.invoices()) {
            table.append("<tr><td data-label=\"").append(PageHtml.esc(words.get("invoice"))).append("\">")
                    .append(PageHtml.esc(invoice.number()))
                    .append(invoice.disputed() ? " <span class=\"tag\">" + PageHtml.esc(words.get("disputedTag")) + "</span>" : "")
                    .append("</td><td data-label=\"").append(PageHtml.esc(words.get("dueDate")))
                    .append("\">").append(PageHtml.esc(account.date(invoice.dueDate())))
                    .append("</td><td class=\"amount\" data-label=\"").append(PageHtml.esc(words.get("openAmount"))).append("\">")
                    .append(PageHtml.esc(account.money(invoice.openAmount()))).append("</td></tr>");
        }
        return table.append("</tbody></table></section>").toString();
    }

    /** An amount as the debtor types it ({@code 50}, {@code 50.00}, {@code 50,00}), above zero and at most the total due. */
    private static BigDecimal amount(String text, DebtorAccount account, Words words, String field, Map<String, String> errors) {
        if (blank(text)) {
            errors.put(field, words.get("required"));
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text.trim().replace(" ", "").replace(',', '.'));
            if (amount.signum() <= 0 || amount.scale() > 2) {
                errors.put(field, words.get("amountInvalid"));
            } else if (amount.compareTo(account.totalDue()) > 0) {
                errors.put(field, words.get("amountTooHigh", account.money(account.totalDue())));
            }
            return amount.setScale(2);
        } catch (NumberFormatException | ArithmeticException e) {
            errors.put(field, words.get("amountInvalid"));
            return null;
        }
    }

    private LocalDate date(String text, Locale locale, Words words, Map<String, String> errors) {
        if (blank(text)) {
            errors.put("promiseDate", words.get("required"));
            return null;
        }
        Optional<LocalDate> date = DebtorDates.parse(text, locale);
        if (date.isEmpty() || date.get().isBefore(clock.today())) {
            errors.put("promiseDate", words.get("dateInvalid"));
        }
        return date.orElse(null);
    }

    /**
     * How to write a date where the browser shows a text box instead of a date picker, a week from today, with the
     * month's name beside it: a picker may show the digits in its own order.
     */
    String dateHint(Words words, DebtorAccount account) {
        return dateHint(words, account, clock.today().plusDays(7));
    }

    static String dateHint(Words words, DebtorAccount account, LocalDate example) {
        return words.get("dateHint", DebtorDates.example(example, account.locale()), account.date(example));
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
