package com.collectiondesk.ledger;

import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Our late-payment interest, computed set-based in SQL (H2 and PostgreSQL) and recomputed from the ledger's history
 * each time, so a partial or back-dated payment never loses interest nor charges a day twice.
 * <p>
 * Simple daily interest: for each day {@code d} after the due date up to the day before the business day, on the
 * principal still open at the start of {@code d} (money taken off on day {@code d} bears no interest that day), at
 * the rule's annual rate valid on {@code d}, over the day count's year. The days split into segments wherever the
 * principal or the rate changes; each segment is one charge, keyed by (invoice, first day), of
 * {@code round(basis * rate / 100 * days / yearDays, 2)}. Days the ERP's own interest covers are not charged again:
 * ours start after the last day of the ERP's latest interest period on the invoice. Days frozen by a hold
 * ({@link InterestFreezes}) split the segments too and bear none.
 */
@Component
class InterestAccrual {

    /** The segments every candidate invoice should carry through a day (the first parameter); see the class comment. */
    private static final String DESIRED = """
            with cand as (
                select i.id, i.open_amount, i.currency, coalesce(ct.product_type, 'UNKNOWN') as product_type,
                       cu.debtor_kind, cu.legal_entity,
                       greatest(i.due_date, coalesce((select max(e.period_to) from ledger_charge e where e.invoice_fk = i.id
                                and e.source = 'ERP' and e.kind = 'INTEREST'), i.due_date)) + 1 as start_day
                from invoice i join customer cu on cu.id = i.customer_fk left join contract ct on ct.id = i.contract_fk
                where i.due_date < ? and %s),
            taken as (
                select a.invoice_fk, a.paid_on as taken_on, a.amount from payment_allocation a join cand c on c.id = a.invoice_fk
                union all
                select x.invoice_fk, x.cancelled_on, x.amount from invoice_cancellation x join cand c on c.id = x.invoice_fk),
            bounds as (
                select c.id as invoice_fk, c.start_day as seg_from from cand c where c.start_day <= ?
                union
                select t.invoice_fk, t.taken_on from taken t join cand c on c.id = t.invoice_fk
                where t.taken_on > c.start_day and t.taken_on <= ?
                union
                select c.id, r.valid_from from cand c join ledger_interest_rate r
                    on r.product_type = c.product_type and r.debtor_kind = c.debtor_kind and r.legal_entity = c.legal_entity
                where r.valid_from > c.start_day and r.valid_from <= ?
                union
                select f.invoice_fk, f.frozen_from from ledger_interest_freeze f join cand c on c.id = f.invoice_fk
                where f.frozen_from > c.start_day and f.frozen_from <= ?
                union
                select f.invoice_fk, f.frozen_to + 1 from ledger_interest_freeze f join cand c on c.id = f.invoice_fk
                where f.frozen_to + 1 > c.start_day and f.frozen_to + 1 <= ?),
            segs as (
                select b.invoice_fk, b.seg_from,
                       coalesce(lead(b.seg_from) over (partition by b.invoice_fk order by b.seg_from) - 1, ?) as seg_to
                from bounds b),
            priced as (
                select s.invoice_fk, s.seg_from, s.seg_to, c.currency, r.rule, r.annual_rate, r.day_count, r.year_days,
                       c.open_amount + coalesce((select sum(t.amount) from taken t
                                                 where t.invoice_fk = s.invoice_fk and t.taken_on > s.seg_from), 0) as basis
                from segs s join cand c on c.id = s.invoice_fk
                join ledger_interest_rate r on r.product_type = c.product_type and r.debtor_kind = c.debtor_kind
                    and r.legal_entity = c.legal_entity
                    and r.valid_from = (select max(r2.valid_from) from ledger_interest_rate r2
                                        where r2.product_type = c.product_type and r2.debtor_kind = c.debtor_kind
                                          and r2.legal_entity = c.legal_entity
                                          and r2.valid_from <= s.seg_from)),
            desired as (
                select p.invoice_fk, p.seg_from, p.seg_to, p.currency, p.basis, p.rule, p.annual_rate, p.day_count,
                       round(p.basis * p.annual_rate * (cast(p.seg_to - p.seg_from as integer) + 1) / (100 * p.year_days), 2)
                           as amount,
                       'interest:' || cast(p.invoice_fk as varchar(20)) || ':' || cast(p.seg_from as varchar(10)) as charge_key
                from priced p where p.basis > 0
                  and not exists (select 1 from ledger_interest_freeze f where f.invoice_fk = p.invoice_fk
                                  and f.frozen_from <= p.seg_from and (f.frozen_to is null or f.frozen_to >= p.seg_from)))
            """;

    /**
     * Our interest rows of the candidates that the ledger's history no longer gives exactly so. A set difference, so
     * the desired segments are computed once (a correlated NOT EXISTS made PostgreSQL compute them once per row).
     */
    private static final String REMOVE_STALE = """
            delete from ledger_charge where id in (
            %s
            select l.id from ledger_charge l join cand c on c.id = l.invoice_fk
            where l.source = 'OURS' and l.kind = 'INTEREST'
            except
            select l.id from ledger_charge l join desired d on d.charge_key = l.charge_key
            where l.period_to = d.seg_to and l.amount = d.amount and l.basis = d.basis and l.rate = d.annual_rate
              and l.rule = d.rule and l.day_count = d.day_count)""";

    private static final String ADD_MISSING = """
            insert into ledger_charge (id, charge_key, invoice_fk, kind, source, rule, basis, rate, day_count, period_from,
                                       period_to, amount, currency, created_at)
            %s
            select nextval('ledger_charge_seq'), d.charge_key, d.invoice_fk, 'INTEREST', 'OURS', d.rule, d.basis,
                   d.annual_rate, d.day_count, d.seg_from, d.seg_to, d.amount, d.currency, current_timestamp
            from desired d where d.amount > 0
              and not exists (select 1 from ledger_charge l where l.charge_key = d.charge_key)""";

    /** The scan's candidates: invoices with principal open (index ix_invoice_status_due). */
    private static final String OPEN = "i.status in ('OPEN', 'PARTIALLY_PAID')";

    private final JdbcTemplate jdbc;
    private final EntityManager entities;
    private final InterestSettings settings;

    InterestAccrual(JdbcTemplate jdbc, EntityManager entities, InterestSettings settings) {
        this.jdbc = jdbc;
        this.entities = entities;
        this.settings = settings;
    }

    /** Every invoice with principal open, through the day before {@code today}: the daily scan's accrual. */
    @Transactional(propagation = Propagation.MANDATORY)
    int accrueOpen(LocalDate today) {
        return accrue(OPEN, today, List.of());
    }

    /**
     * All invoices of these customers, paid ones too, through the day before {@code today}: after a payment, a
     * cancellation or the ERP's charges changed what their interest is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int accrueCustomers(Collection<Long> customerPks, LocalDate today) {
        if (customerPks.isEmpty()) {
            return 0;
        }
        return accrue("i.customer_fk in (" + String.join(", ", Collections.nCopies(customerPks.size(), "?")) + ")",
                today, customerPks);
    }

    private int accrue(String candidates, LocalDate today, Collection<Long> filterValues) {
        if (!settings.enabled()) {
            return 0;
        }
        entities.flush(); // the SQL reads allocations and charges this transaction may still hold in JPA
        Date through = Date.valueOf(today.minusDays(1));
        String desired = DESIRED.formatted(candidates);
        List<Object> parameters = new ArrayList<>();
        parameters.add(through);
        parameters.addAll(filterValues);
        parameters.addAll(List.of(through, through, through, through, through, through));
        jdbc.update(REMOVE_STALE.formatted(desired), parameters.toArray());
        int added = jdbc.update(ADD_MISSING.formatted(desired), parameters.toArray());
        return added;
    }
}
