package com.collectiondesk.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The configured legal entities with the service's own settings filled in where an entity leaves them out. A
 * customer belongs to one entity, and its contracts and invoices are that entity's: a ticket (one debtor, one
 * currency) so never mixes entities.
 */
@Component
public class LegalEntities {

    /** The entity of every customer whose record names none. */
    public static final String DEFAULT = "DEFAULT";

    /** An entity as its letters and messages show it; null where the entity uses the service's own setting. */
    public record LegalEntity(String code, String name, String address, String currency, String letterhead,
                              String smsFrom, String messagingServiceSid, String emailFrom) {
    }

    /** A fee as the entity charges it. */
    public record Fee(BigDecimal amount, String currency) {
    }

    private final Map<String, LegalEntitySettings.Entity> configured = new TreeMap<>();
    private final LedgerSettings ledger;
    private final InterestSettings interest;
    private final CompensationSettings compensation;

    LegalEntities(LegalEntitySettings settings, LedgerSettings ledger, InterestSettings interest,
                  CompensationSettings compensation) {
        this.configured.putAll(settings.legalEntities());
        this.ledger = ledger;
        this.interest = interest;
        this.compensation = compensation;
    }

    /** Every entity's code, the default first. */
    public List<String> codes() {
        List<String> codes = new ArrayList<>(List.of(DEFAULT));
        configured.keySet().stream().filter(code -> !code.equals(DEFAULT)).forEach(codes::add);
        return codes;
    }

    /** The code as configured, whatever its case; empty for no such entity. */
    public Optional<String> find(String code) {
        String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return codes().stream().filter(upper::equals).findFirst();
    }

    public LegalEntity entity(String code) {
        LegalEntitySettings.Entity e = settingsOf(code);
        return e == null ? new LegalEntity(code, null, null, null, null, null, null, null)
                : new LegalEntity(code, e.name(), e.address(), e.currency(), e.letterhead(), e.smsFrom(),
                e.messagingServiceSid(), e.emailFrom());
    }

    AllocationOrder allocationOrder(String code) {
        LegalEntitySettings.Entity e = settingsOf(code);
        return e == null || e.allocationOrder() == null ? ledger.allocationOrder() : e.allocationOrder();
    }

    List<InterestSettings.Rule> interestRules(String code) {
        LegalEntitySettings.Entity e = settingsOf(code);
        return e == null || e.interestRules() == null ? interest.rules() : e.interestRules();
    }

    /** The currencies the entity's invoices may be in; empty for any. */
    List<String> invoiceCurrencies(String code) {
        LegalEntitySettings.Entity e = settingsOf(code);
        return e == null ? List.of() : e.invoiceCurrencies();
    }

    CompensationSettings compensation(String code) {
        LegalEntitySettings.Entity e = settingsOf(code);
        return e == null || e.b2bCompensation() == null ? compensation : e.b2bCompensation();
    }

    /**
     * What a strategy step costs a debtor of this entity: the entity's fee for the step (by template id, then channel),
     * else the strategy table's {@code tableFee} (null: none) times the entity's factor, in the entity's fee currency;
     * empty for none. An entity without fees of its own charges the table's fee as it is.
     */
    public Optional<Fee> stepFee(String code, String templateId, String channel, Fee tableFee) {
        LegalEntitySettings.Entity e = settingsOf(code);
        LegalEntitySettings.Fees fees = e == null ? null : e.fees();
        if (fees == null) {
            return Optional.ofNullable(tableFee);
        }
        String currency = fees.currency() != null ? fees.currency() : e.currency();
        BigDecimal own = templateId != null && fees.steps().containsKey(templateId) ? fees.steps().get(templateId)
                : fees.steps().get(channel);
        BigDecimal amount = own != null ? own : tableFee == null ? null
                : fees.factor() == null ? tableFee.amount() : tableFee.amount().multiply(fees.factor());
        if (amount == null || amount.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Fee(amount.setScale(2, java.math.RoundingMode.HALF_UP),
                currency != null ? currency : tableFee.currency()));
    }

    private LegalEntitySettings.Entity settingsOf(String code) {
        return configured.get(code);
    }
}
