package com.collectiondesk.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collection.legal-entities.<CODE>.*}: the companies of the group that collect on this service. Every
 * customer belongs to one ({@value LegalEntities#DEFAULT} when the ERP names none); {@code DEFAULT} may be listed to
 * name it. What an entity leaves out is the service's own setting: {@code collection.outreach.company-name}, the
 * Twilio sender, {@code collection.outreach.email-from}, {@code collection.ledger.allocation-order} and
 * {@code collection.ledger.interest.rules}; {@code fees} (the strategy table's fees as they are) and
 * {@code b2b-compensation} ({@code collection.ledger.b2b-compensation}). Codes are upper-case letters, digits and underscores.
 */
@Validated
@ConfigurationProperties("collection")
public record LegalEntitySettings(@DefaultValue Map<@Pattern(regexp = "[A-Z0-9_]{1,40}",
        message = "a legal entity's code is 1-40 upper-case letters, digits or underscores") String, @Valid Entity> legalEntities) {

    /**
     * {@code letterhead}: the lines printed under the name at the top of its letters (address, register number,
     * bank account); {@code smsFrom} its Twilio number (E.164) or {@code messagingServiceSid} its messaging service;
     * {@code currency} the one it reports in (ISO 4217); {@code invoiceCurrencies} the only ones its invoices may be in
     * (empty: any).
     */
    public record Entity(String name, String address, @Pattern(regexp = "[A-Z]{3}") String currency, String letterhead,
                         @Pattern(regexp = "\\+[1-9][0-9]{6,14}") String smsFrom,
                         @Pattern(regexp = "MG[0-9a-fA-F]{32}") String messagingServiceSid, @Email String emailFrom,
                         AllocationOrder allocationOrder, List<InterestSettings.@Valid Rule> interestRules,
                         @Valid Fees fees, @Valid CompensationSettings b2bCompensation,
                         @DefaultValue List<@Pattern(regexp = "[A-Z]{3}") String> invoiceCurrencies) {
    }

    /**
     * The entity's own step fees, charged in {@code currency} (else the entity's, else the strategy fee's):
     * {@code steps} gives a step's fee by its template id or channel (0: none), ahead of the strategy table's fee
     * times {@code factor}; a step in neither keeps the strategy's fee (its amount times the factor, if one is set).
     */
    public record Fees(@Pattern(regexp = "[A-Z]{3}") String currency, @DecimalMin("0") BigDecimal factor,
                       @DefaultValue Map<String, @DecimalMin("0") BigDecimal> steps) {
    }
}
