package com.collectiondesk.erp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** The REST adapter against a fake ERP on loopback, speaking the README, "ERP connector". */
class RestErpConnectorTest {

    private final WireMockServer erp = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final ReceivablesApplier applier = mock(ReceivablesApplier.class);

    @BeforeEach
    void start() {
        erp.start();
    }

    @AfterEach
    void stop() {
        erp.stop();
    }

    @Test
    void pullReadsTheCustomersReceivablesWithTheTokenAndHandsThemToTheLedger() {
        erp.stubFor(get("/customers/C-1/receivables").withHeader("Authorization", equalTo("Bearer t0ken"))
                .willReturn(okJson("""
                        {"customerId": "C-1",
                         "invoices": [{"invoiceNumber": "INV-7", "contractId": "K-1", "issueDate": "2026-01-01",
                                       "dueDate": "2026-01-31", "amount": 200.00, "openAmount": 50.00, "currency": "EUR"}],
                         "payments": [{"paymentId": "P-9", "invoiceNumber": "INV-7", "amount": 150.00,
                                       "currency": "EUR", "paidOn": "2026-02-10"}]}""")));

        connector("t0ken", "", "").pull("C-1");

        ArgumentCaptor<ErpReceivables> pulled = ArgumentCaptor.forClass(ErpReceivables.class);
        verify(applier).apply(pulled.capture());
        assertThat(pulled.getValue().invoices()).singleElement().satisfies(invoice -> {
            assertThat(invoice.invoiceNumber()).isEqualTo("INV-7");
            assertThat(invoice.openAmount()).isEqualByComparingTo("50.00");
            assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2026, 1, 31));
        });
        assertThat(pulled.getValue().payments()).singleElement().extracting(ErpReceivables.ErpPayment::paymentId).isEqualTo("P-9");
    }

    @Test
    void pushPostsTheTicketEventWithBasicAuthAndAnIdempotencyKey() {
        erp.stubFor(post("/collection-events").willReturn(aResponse().withStatus(202)));

        connector("", "collection-desk", "s3cret").push(new TicketNotice("T-2026-000001/PROMISE/51", "PROMISE",
                "T-2026-000001", "C-1", "EUR", new BigDecimal("120.00"), LocalDate.of(2026, 3, 10), null,
                Instant.parse("2026-03-02T08:00:00Z")));

        erp.verify(postRequestedFor(urlEqualTo("/collection-events"))
                .withHeader("Authorization", equalTo("Basic Y29sbGVjdGlvbi1kZXNrOnMzY3JldA=="))
                .withHeader("Idempotency-Key", equalTo("T-2026-000001/PROMISE/51"))
                .withRequestBody(equalToJson("""
                        {"eventId": "T-2026-000001/PROMISE/51", "type": "PROMISE", "ticketNumber": "T-2026-000001",
                         "customerId": "C-1", "currency": "EUR", "amount": 120.00, "date": "2026-03-10",
                         "detail": null, "at": "2026-03-02T08:00:00Z"}""")));
    }

    @Test
    void anErpFailureIsThrownSoTheJobRetries() {
        erp.stubFor(post("/collection-events").willReturn(aResponse().withStatus(503)));
        erp.stubFor(get("/customers/C-1/receivables").willReturn(aResponse().withStatus(500)));
        ErpConnector connector = connector("t", "", "");

        assertThatThrownBy(() -> connector.push(new TicketNotice("T-1/CLOSED", "CLOSED", "T-1", "C-1", "EUR",
                BigDecimal.ZERO, null, "PAID", Instant.now()))).isInstanceOf(RestClientException.class).hasMessageContaining("503");
        assertThatThrownBy(() -> connector.pull("C-1")).isInstanceOf(RestClientException.class).hasMessageContaining("500");
    }

    @Test
    void withoutCredentialsInTheEnvironmentTheAdapterRefusesToStart() {
        assertThatThrownBy(() -> connector("", "user", "")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ERP_TOKEN").hasMessageContaining("ERP_PASSWORD");
    }

    private RestErpConnector connector(String token, String username, String password) {
        ErpProperties properties = new ErpProperties("rest", URI.create(erp.baseUrl()), Duration.ofSeconds(2), Duration.ofSeconds(5), "R3/PT1M");
        return new RestErpConnector(RestClient.builder().messageConverters(converters ->
                        converters.replaceAll(c -> c instanceof MappingJackson2HttpMessageConverter ? jsonAsSpringBootWrites() : c)),
                properties, applier, new ErpCredentials(token, username, password));
    }

    /** Spring Boot's RestClient.Builder writes java.time as ISO text; the plain builder here must do the same. */
    private static MappingJackson2HttpMessageConverter jsonAsSpringBootWrites() {
        return new MappingJackson2HttpMessageConverter(new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
    }
}
