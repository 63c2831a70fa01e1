package com.collectiondesk.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whatever goes wrong under {@code /s/}, a debtor's browser gets a page in the debtor's language with the way back to
 * their page, never the staff side's problem+json; API clients keep problem+json.
 */
class DebtorErrorPagesTest extends SelfServiceTestBase {

    private static final Map<String, String> BROWSER = Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

    @Test
    void openingAFormsAddressInsteadOfPostingItShowsPageNotFoundWithTheWayBack() {
        String page = linkFromTheSms();

        HttpResponse<String> answer = browser.request("GET", page + "/pay", BROWSER, null);

        assertHtmlPage(answer, 405);
        assertThat(answer.headers().firstValue("Allow")).contains("POST");
        assertThat(answer.body()).contains("<html lang=\"en\"", "<h1>Page not found</h1>",
                "Please use the link in the most recent message we sent you.", "<a href=\"" + page + "?lang=en\">Back to your page</a>",
                "/s/assets/page.css");
    }

    @Test
    void anAddressThatIsNoPageIsANotFoundPageInTheBrowsersLanguage() {
        String page = linkFromTheSms();

        HttpResponse<String> answer = browser.request("GET", page + "/no-such-page", Map.of("Accept", "text/html",
                "Accept-Language", "de-DE,de;q=0.9,en;q=0.5"), null);

        assertHtmlPage(answer, 404);
        assertThat(answer.body()).contains("<html lang=\"de\"", "<h1>Seite nicht gefunden</h1>", "Zurück zu Ihrer Seite");
    }

    @Test
    void aDisputeFormThatCannotBeReadIsA400PageInTheLanguageOfTheAddressAndNothingIsStored() {
        String page = verifiedPage();

        HttpResponse<String> answer = browser.request("POST", page + "/dispute?lang=ro", Map.of("Accept", "text/html",
                "Content-Type", "multipart/form-data; boundary=----broken"), ("------broken\r\nContent-Disposition: form-data;"
                + " name=\"disputeInvoice\"\r\n\r\ncut off before its end").getBytes(StandardCharsets.UTF_8));

        assertHtmlPage(answer, 400);
        assertThat(answer.body()).contains("<html lang=\"ro\"", "<h1>Nu am putut citi cererea</h1>", "Înapoi la pagina dumneavoastră");
        assertThat(jdbc.queryForObject("select count(*) from self_service_dispute where ticket_fk = ?", Integer.class,
                ticketOf(instance).getId())).isZero();
        assertThat(disputes.findByTicketIdOrderByIdAsc(ticketOf(instance).getId())).isEmpty();
    }

    @Test
    void aFormFarTooLargeIsA413PageInBulgarianWithTheCompanyAndTheWayBack() {
        String page = verifiedPage();
        byte[] huge = ("message=" + "x".repeat(70 * 1024)).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = browser.request("POST", page + "/message", Map.of("Accept", "text/html", "Accept-Language", "bg",
                "Content-Type", "application/x-www-form-urlencoded"), huge);

        assertHtmlPage(answer, 413);
        assertThat(answer.body()).contains("<html lang=\"bg\"", "<h1>Твърде голям формуляр</h1>", "Обратно към вашата страница",
                "<p class=\"company\">");
        assertThat(timelineTypes(ticketOf(instance))).doesNotContain("SELF_SERVICE_MESSAGE");
    }

    @Test
    void aLinkOpenedTooOftenIsA429PageWithRetryAfter() {
        String page = linkFromTheSms();
        HttpResponse<String> answer = null;
        for (int i = 0; i < 40 && (answer == null || answer.statusCode() != 429); i++) {
            answer = browser.request("GET", page + "?lang=de", BROWSER, null);
        }

        assertHtmlPage(answer, 429);
        assertThat(answer.headers().firstValue("Retry-After")).contains("60");
        assertThat(answer.body()).contains("<h1>Zu viele Anfragen</h1>", "Bitte warten Sie eine Minute.");
    }

    @Test
    void aClientAskingForJsonAloneAndTheStaffApiKeepProblemJson() {
        String page = linkFromTheSms();

        HttpResponse<String> json = browser.request("GET", page + "/pay", Map.of("Accept", "application/json"), null);
        HttpResponse<String> api = browser.request("GET", "/api/tickets/" + instance.getBusinessKey() + "/no-such-part", BROWSER, null);

        assertThat(json.statusCode()).isEqualTo(405);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.statusCode()).isIn(401, 404);
        assertThat(api.body()).doesNotContain("<html");
    }

    private static void assertHtmlPage(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(answer.body()).startsWith("<!DOCTYPE html>").doesNotContain("\"status\"", "\"detail\"", "problem");
    }
}
