package com.collectiondesk.erp;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The ERP over HTTP (the README, "ERP connector"): pulls a customer's receivables and posts ticket events. Any
 * failure (connection, 4xx, 5xx) is thrown, so the calling job retries and finally raises an incident.
 */
@Component
@ConditionalOnProperty(name = "collection.erp.type", havingValue = "rest")
class RestErpConnector implements ErpConnector {

    private final RestClient http;
    private final ReceivablesApplier applier;

    RestErpConnector(RestClient.Builder builder, ErpProperties properties, ReceivablesApplier applier,
                     ErpCredentials credentials) {
        if (properties.baseUrl() == null) {
            throw new IllegalStateException("collection.erp.base-url is required when collection.erp.type=rest");
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        this.http = builder.baseUrl(properties.baseUrl().toString())
                .requestFactory(requests)
                .defaultHeader(HttpHeaders.AUTHORIZATION, authorization(credentials.erpToken(), credentials.erpUsername(), credentials.erpPassword()))
                .build();
        this.applier = applier;
    }

    @Override
    public void pull(String customerId) {
        ErpReceivables receivables = http.get().uri("/customers/{customerId}/receivables", customerId)
                .accept(MediaType.APPLICATION_JSON).retrieve().body(ErpReceivables.class);
        if (receivables == null) {
            throw new IllegalStateException("The ERP answered no receivables for customer " + customerId);
        }
        applier.apply(receivables);
    }

    @Override
    public void push(TicketNotice notice) {
        http.post().uri("/collection-events").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", notice.eventId()).body(notice).retrieve().toBodilessEntity();
    }

    /** The idempotency key names the amount too: a recomputed interest segment is a new booking of the same charge. */
    @Override
    public void pushCharge(com.collectiondesk.ledger.ChargeToPush charge) {
        http.post().uri("/charges").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", charge.chargeKey() + ":" + charge.amount().toPlainString()).body(charge)
                .retrieve().toBodilessEntity();
    }

    @Override
    public void pushCreditLimit(CreditLimitNotice limit) {
        http.post().uri("/credit-limits").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", limit.changeKey()).body(limit).retrieve().toBodilessEntity();
    }

    static String authorization(String token, String username, String password) {
        if (token != null && !token.isBlank()) {
            return "Bearer " + token;
        }
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            throw new IllegalStateException("The REST ERP needs ERP_TOKEN, or ERP_USERNAME and ERP_PASSWORD, in the environment");
        }
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
