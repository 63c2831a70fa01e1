package com.collectiondesk.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.erp.ErpConnector;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.CustomerRepository;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.ledger.Debtors;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** The unsubscribe link from an email works without a login, only with a genuine, unexpired token. */
@IntegrationTest
class UnsubscribeTest {

    @Autowired TestRestTemplate http;
    @Autowired CustomerRepository customers;
    @Autowired UnsubscribeTokens links;
    @Autowired org.springframework.context.ApplicationContext context;
    /** The same overrides as the ticket process tests, so this class reuses their Spring context. */
    @MockitoSpyBean ErpConnector erp;

    private Customer debtor() {
        return debtor("en");
    }

    private Customer debtor(String language) {
        return Debtors.of(context).debtor().language(language).book();
    }

    @Test
    void openingTheLinkOnlyAsksAndTheButtonUnsubscribes() {
        Customer debtor = debtor();
        String link = "/unsubscribe/" + links.issue(debtor.getId(), Instant.now());

        ResponseEntity<String> question = http.getForEntity(link, String.class);
        assertThat(question.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(question.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(question.getBody()).contains("<h1>Stop emails</h1>", "<form method=\"post\" action=\"\">",
                "<button type=\"submit\">Stop emails</button>");
        assertThat(customers.findById(debtor.getId()).orElseThrow().refusesEmail())
                .as("a mail scanner opening the link unsubscribes nobody").isFalse();

        ResponseEntity<String> done = http.exchange(link, HttpMethod.POST, form(""), String.class);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(done.getBody()).contains("<h1>Unsubscribed</h1>");
        Customer after = customers.findById(debtor.getId()).orElseThrow();
        assertThat(after.refusesEmail()).isTrue();
        assertThat(after.getEmailUnsubscribedAt()).isNotNull();
        assertThat(after.isEmailOptOut()).as("the ERP's own flag stays the ERP's").isFalse();
        assertThat(after.refusesSms()).isFalse();
    }

    @Test
    void theOneClickPostOfAMailClientUnsubscribesAndPagesSpeakTheDebtorsLanguage() {
        Customer debtor = debtor("bg");
        String link = "/unsubscribe/" + links.issue(debtor.getId(), Instant.now());

        assertThat(http.getForEntity(link, String.class).getBody())
                .contains("<html lang=\"bg\">", "<h1>Спиране на имейлите</h1>", "Спрете имейлите</button>");
        ResponseEntity<String> oneClick = http.exchange(link, HttpMethod.POST, form("List-Unsubscribe=One-Click"), String.class);

        assertThat(oneClick.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(oneClick.getBody()).contains("<h1>Отписахте се</h1>");
        assertThat(customers.findById(debtor.getId()).orElseThrow().refusesEmail()).isTrue();
    }

    @Test
    void aFullLanguageTagFromTheLedgerStillGetsItsLanguage() {
        Customer debtor = debtor("de-AT");
        String page = http.getForEntity("/unsubscribe/" + links.issue(debtor.getId(), Instant.now()), String.class).getBody();
        assertThat(page).contains("<h1>E-Mails abbestellen</h1>");
    }

    private static HttpEntity<String> form(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return new HttpEntity<>(body, headers);
    }

    @Test
    void anExpiredOrTamperedLinkChangesNothing() {
        Customer debtor = debtor();
        String expired = links.issue(debtor.getId(), Instant.now().minus(Duration.ofDays(91)));
        String valid = links.issue(debtor.getId(), Instant.now());
        Customer other = debtor();
        String otherToken = links.issue(other.getId(), Instant.now());
        // someone else's id with this debtor's signature
        String tampered = otherToken.substring(0, otherToken.indexOf('.')) + valid.substring(valid.indexOf('.'));

        for (String token : new String[] {expired, tampered, "not-a-token", valid.substring(0, valid.length() - 2) + "xx"}) {
            for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.POST}) {
                ResponseEntity<String> page = http.exchange("/unsubscribe/" + token, method, form(""), String.class);
                assertThat(page.getStatusCode()).as(method + " " + token).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(page.getBody()).contains("invalid or has expired");
            }
        }
        assertThat(customers.findById(debtor.getId()).orElseThrow().refusesEmail()).isFalse();
        assertThat(customers.findById(other.getId()).orElseThrow().refusesEmail()).isFalse();
    }
}
