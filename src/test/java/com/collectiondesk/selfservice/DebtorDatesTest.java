package com.collectiondesk.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ticket.TicketStatus;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A date the debtor types where the browser shows a text box: their own way of writing it, and the hint that shows it. */
class DebtorDatesTest extends SelfServiceTestBase {

    private static final LocalDate NINTH_OF_MARCH = LocalDate.of(2026, 3, 9);

    @Test
    void eachLanguageReadsItsOwnWayOfWritingADateAndThePickersIsoDate() {
        assertThat(DebtorDates.parse("9.3.2026", new Locale("de", "DE"))).contains(NINTH_OF_MARCH);
        assertThat(DebtorDates.parse("09.03.2026", new Locale("bg", "BG"))).contains(NINTH_OF_MARCH);
        assertThat(DebtorDates.parse("9/3/2026", new Locale("en", "GB"))).contains(NINTH_OF_MARCH);
        assertThat(DebtorDates.parse("3/9/2026", new Locale("en", "US"))).contains(NINTH_OF_MARCH);
        assertThat(DebtorDates.parse(" 2026-03-09 ", new Locale("ro", "RO"))).contains(NINTH_OF_MARCH);
        assertThat(DebtorDates.example(NINTH_OF_MARCH, new Locale("ro", "RO"))).isEqualTo("09.03.2026");
        assertThat(DebtorDates.example(NINTH_OF_MARCH, new Locale("en", "US"))).isEqualTo("03/09/2026");
    }

    @Test
    void whatIsNoDateInTheDebtorsWayIsNone() {
        assertThat(DebtorDates.parse("31.2.2026", new Locale("de", "DE"))).isEmpty();
        assertThat(DebtorDates.parse("9/3/2026", new Locale("de", "DE"))).isEmpty();
        assertThat(DebtorDates.parse("next friday", new Locale("en", "GB"))).isEmpty();
        assertThat(DebtorDates.parse(null, new Locale("en", "GB"))).isEmpty();
    }

    @Test
    void thePromiseFormShowsTheHintAndTakesADateTypedAsItSays() {
        String page = verifiedPage();
        assertThat(browser.get(page).body()).contains("id=\"promiseDate-hint\">For example 09/03/2026 (Mar 9, 2026)",
                "aria-describedby=\"promiseDate-hint\"", "id=\"planFirstDate-hint\">For example 09/03/2026 (Mar 9, 2026)");

        HttpResponse<String> promised = browser.submit(page, page + "/promise", Map.of("promiseAmount", "300.00",
                "promiseDate", "9/3/2026"));

        assertThat(promised.statusCode()).as(promised.body()).isEqualTo(200);
        assertThat(promised.body()).contains("your promise of €300.00 by Mar 9, 2026 is recorded");
        assertThat(ticketOf(instance).getStatus()).isEqualTo(TicketStatus.PROMISED);
    }

    @Test
    void aDateWrittenTheGermanWayOnAnEnglishPageIsRefusedAtItsField() {
        String page = verifiedPage();

        HttpResponse<String> refused = browser.submit(page, page + "/promise", Map.of("promiseAmount", "300.00",
                "promiseDate", "9.3.2026"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"promiseDate-error\">Enter a date from today on.", "value=\"9.3.2026\"");
        assertThat(promises.findByTicketIdOrderByIdAsc(ticketOf(instance).getId())).isEmpty();
    }
}
