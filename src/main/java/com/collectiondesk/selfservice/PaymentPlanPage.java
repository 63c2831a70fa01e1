package com.collectiondesk.selfservice;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.TicketConflictException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page's "Ask for a payment plan" form: past the second factor and with the form's CSRF token, as every action.
 * A number of instalments the page does not offer, or a first date before today, is refused on its field; a ticket
 * that takes no plan now gets a notice and nothing is stored.
 */
@RestController
class PaymentPlanPage {

    private final SelfServicePage page;
    private final PaymentPlans plans;
    private final PaymentPlanSettings settings;
    private final BusinessClock clock;

    PaymentPlanPage(SelfServicePage page, PaymentPlans plans, PaymentPlanSettings settings, BusinessClock clock) {
        this.page = page;
        this.plans = plans;
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping(value = SelfServiceLinks.PAGE_PATH + "{token}" + PlanSection.ACTION, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> ask(@PathVariable String token, @RequestParam(required = false) String lang,
                               @RequestParam(name = PlanSection.INSTALMENTS, required = false) String instalmentsText,
                               @RequestParam(name = PlanSection.FIRST_DATE, required = false) String dateText,
                               @RequestParam(name = BrowserKeys.CSRF_FIELD, required = false) String csrf,
                               HttpServletRequest request, HttpServletResponse response) {
        return page.withVerified(token, lang, csrf, request, response, (link, account) -> {
            Words words = Words.of(account.language());
            Map<String, String> errors = new HashMap<>();
            Integer instalments = instalments(instalmentsText, words, errors);
            LocalDate first = firstDate(dateText, account.locale(), words, errors);
            Map<String, String> typed = Map.of(PlanSection.INSTALMENTS, instalmentsText == null ? "" : instalmentsText,
                    PlanSection.FIRST_DATE, dateText == null ? "" : dateText);
            if (!errors.isEmpty()) {
                return page.render(HttpStatus.BAD_REQUEST, token, link, account, new SelfServicePage.Shown(null, null, errors, typed),
                        request, response);
            }
            try {
                PaymentPlans.Result result = plans.request(link, account, instalments, first);
                PlanSchedule schedule = PlanSchedule.of(account.totalDue(), account.currency(), instalments, first);
                String notice = result == PaymentPlans.Result.APPROVED
                        ? words.get("planApproved", instalments, account.money(schedule.instalments().get(0).amount()), account.date(first))
                        : words.get("planRequested", instalments);
                return page.render(HttpStatus.OK, token, link, page.account(link, lang),
                        new SelfServicePage.Shown(notice, "done", Map.of(), Map.of()), request, response);
            } catch (TicketConflictException | InputRefused refused) {
                return page.render(HttpStatus.CONFLICT, token, link, account, new SelfServicePage.Shown(words.get("planNotNow"), "error",
                        Map.of(), typed), request, response);
            }
        });
    }

    private Integer instalments(String text, Words words, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            errors.put(PlanSection.INSTALMENTS, words.get("required"));
            return null;
        }
        try {
            int count = Integer.parseInt(text.strip());
            if (count >= 2 && count <= settings.mostInstalmentsAsked()) {
                return count;
            }
        } catch (NumberFormatException e) {
            // refused below, as any number out of range
        }
        errors.put(PlanSection.INSTALMENTS, words.get("planInstalmentsInvalid", settings.mostInstalmentsAsked()));
        return null;
    }

    private LocalDate firstDate(String text, java.util.Locale locale, Words words, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            errors.put(PlanSection.FIRST_DATE, words.get("required"));
            return null;
        }
        Optional<LocalDate> date = DebtorDates.parse(text, locale).filter(day -> !day.isBefore(clock.today()));
        if (date.isEmpty()) {
            errors.put(PlanSection.FIRST_DATE, words.get("dateInvalid"));
        }
        return date.orElse(null);
    }
}
