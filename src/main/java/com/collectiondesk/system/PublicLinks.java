package com.collectiondesk.system;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collection.public-base-url} (where Twilio and debtors' mail clients reach this service) and
 * {@code collection.payment-link-template} (the debtor's payment link, {@code {ticketNumber}} filled in).
 */
@Validated
@ConfigurationProperties("collection")
public record PublicLinks(
        @DefaultValue("http://localhost:8080") @NotBlank String publicBaseUrl,
        @DefaultValue("https://pay.example.com/t/{ticketNumber}") @NotBlank String paymentLinkTemplate) {
}
