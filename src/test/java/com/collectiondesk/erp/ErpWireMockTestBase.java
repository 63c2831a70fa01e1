package com.collectiondesk.erp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.collectiondesk.support.TicketProcessTestBase;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ticket process with the REST ERP connector against WireMock on loopback: one context for the ERP push tests
 * (the credit limit tests share it).
 */
public abstract class ErpWireMockTestBase extends TicketProcessTestBase {

    public static final String EVENTS = "/collection-events";
    public static final String CHARGES = "/charges";
    public static final WireMockServer ERP = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());

    static {
        ERP.start();
    }

    @DynamicPropertySource
    static void restErp(DynamicPropertyRegistry properties) {
        properties.add("collection.erp.type", () -> "rest");
        properties.add("collection.erp.base-url", ERP::baseUrl);
        properties.add("erp-token", () -> "erp-test-token");
    }

    @BeforeEach
    protected void stubErp() {
        ERP.resetAll();
        ERP.stubFor(get(urlPathMatching("/customers/.+/receivables")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"invoices\": [], \"payments\": []}")));
        ERP.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(aResponse().withStatus(202)));
        ERP.stubFor(post(urlPathEqualTo(CHARGES)).willReturn(aResponse().withStatus(202)));
    }
}
