package com.collectiondesk.selfservice;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.Timeline;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments started on the page. A payment is PENDING until the provider's webhook settles it: SUCCEEDED books it
 * through the ledger exactly as an ERP payment (its id is the reference, so the ticket closes or reduces as for any
 * payment); FAILED books nothing. Settling is a guarded update, so a replayed webhook books once.
 */
@Service
@Transactional
class SelfServicePayments {

    enum Outcome { BOOKED, FAILED, ALREADY_SETTLED }

    record Pending(String reference, long ticketId, long customerPk, BigDecimal amount, String currency) {
    }

    private final JdbcTemplate jdbc;
    private final LedgerCommands ledger;
    private final com.collectiondesk.ledger.LedgerQueries ledgerQueries;
    private final TicketService tickets;
    private final Timeline timeline;
    private final BusinessClock clock;
    private final Map<String, PaymentProvider> providers;
    private final PaymentProvider configured;

    SelfServicePayments(JdbcTemplate jdbc, LedgerCommands ledger, com.collectiondesk.ledger.LedgerQueries ledgerQueries,
                        TicketService tickets, Timeline timeline, BusinessClock clock, List<PaymentProvider> providers,
                        SelfServiceSettings settings) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.ledgerQueries = ledgerQueries;
        this.tickets = tickets;
        this.timeline = timeline;
        this.clock = clock;
        this.providers = providers.stream().collect(Collectors.toUnmodifiableMap(PaymentProvider::name, p -> p));
        this.configured = this.providers.get(settings.paymentProvider());
        if (configured == null) {
            throw new IllegalStateException("collection.self-service.payment-provider: '" + settings.paymentProvider()
                    + "' is not a payment provider; use one of " + this.providers.keySet());
        }
    }

    Optional<PaymentProvider> provider(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    /**
     * Records the pending payment and answers where the debtor pays it; a provider that cannot open a checkout
     * ({@link PaymentProviderUnavailable}) leaves nothing stored.
     */
    String start(DebtorLink link, DebtorAccount account, BigDecimal amount, String backToken) {
        String reference = "SS-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(java.util.Locale.ROOT);
        jdbc.update("insert into self_service_payment (reference, link_fk, ticket_fk, customer_fk, amount, currency, provider,"
                        + " status, created_at) values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)",
                reference, link.id(), link.ticketId(), link.customerPk(), amount, account.currency(), configured.name(),
                Timestamp.from(clock.now()));
        return configured.checkoutUrl(reference, amount, account.currency(), backToken, account.language());
    }

    Optional<Pending> pending(String reference) {
        return jdbc.query("select reference, ticket_fk, customer_fk, amount, currency from self_service_payment"
                        + " where reference = ? and status = 'PENDING'",
                (row, n) -> new Pending(row.getString(1), row.getLong(2), row.getLong(3), row.getBigDecimal(4), row.getString(5)),
                reference).stream().findFirst();
    }

    /**
     * Settles the payment as the provider's confirmed event says. The amount and currency must be the ones the page
     * asked for; an unknown reference is refused, naming the field.
     */
    Outcome settle(String provider, String reference, boolean succeeded, BigDecimal amount, String currency) {
        List<Pending> stored = jdbc.query("select reference, ticket_fk, customer_fk, amount, currency from self_service_payment"
                        + " where reference = ? and provider = ?",
                (row, n) -> new Pending(row.getString(1), row.getLong(2), row.getLong(3), row.getBigDecimal(4), row.getString(5)),
                reference, provider);
        if (stored.isEmpty()) {
            throw new InputRefused("reference", "no payment " + reference + " was started with provider " + provider);
        }
        Pending payment = stored.get(0);
        if (succeeded && (amount == null || amount.compareTo(payment.amount()) != 0 || !payment.currency().equals(currency))) {
            throw new InputRefused("amount", "the confirmed amount " + amount + " " + currency + " is not the "
                    + payment.amount() + " " + payment.currency() + " payment " + reference + " was started for");
        }
        int settled = jdbc.update("update self_service_payment set status = ?, settled_at = ? where reference = ? and status = 'PENDING'",
                succeeded ? "BOOKED" : "FAILED", Timestamp.from(clock.now()), reference);
        if (settled == 0) {
            return Outcome.ALREADY_SETTLED;
        }
        var ticket = tickets.get(payment.ticketId());
        if (!succeeded) {
            timeline.record(ticket, "SELF_SERVICE_PAYMENT_FAILED", "Payment of " + payment.amount() + " " + payment.currency()
                    + " on the self-service page did not go through (" + provider + " " + reference + ")", SelfServicePage.BY_THE_DEBTOR);
            return Outcome.FAILED;
        }
        String customerId = ledgerQueries.debtor(payment.customerPk()).customerId();
        ledger.bookPayment(reference, customerId, null, payment.amount(), payment.currency(), clock.today());
        timeline.record(ticket, "SELF_SERVICE_PAYMENT", "Paid " + payment.amount() + " " + payment.currency()
                + " on the self-service page by the debtor (" + provider + " " + reference + ")", SelfServicePage.BY_THE_DEBTOR);
        return Outcome.BOOKED;
    }
}
