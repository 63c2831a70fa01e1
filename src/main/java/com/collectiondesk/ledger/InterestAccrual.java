package com.collectiondesk.ledger;

import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

    /**
     * The segments every candidate invoice should carry through a day (the first parameter); see the class comment.
     * Linear in the candidates, with no subquery per segment: a segment's basis is the principal open now plus what
     * was taken off after its first day, a running sum over the invoice's later boundaries (what is taken off after
     * that day counts from a pseudo-boundary the day after it, left out as a segment); its rate is the period of
     * {@code ledger_interest_rate} it starts in, a range join. The candidate's columns ride along with each boundary,
     * so the segments never join the candidates again (PostgreSQL, guessing one row for the candidates joined to the
     * rates, nested-looped that join against every segment: minutes at 100,000 invoices).
     */
    private static final String DESIRED = """
            with cand as (
                select i.id, i.open_amount, i.currency, coalesce(ct.product_type, 'UNKNOWN') as product_type,
                       cu.debtor_kind, cu.legal_entity,
                       greatest(i.due_date, coalesce((select max(e.period_to) from ledger_charge e where e.invoice_fk = i.id
                                and e.kind = 'INTEREST' and e.source = 'ERP'), i.due_date)) + 1 as start_day
                from invoice i join customer cu on cu.id = i.customer_fk left join contract ct on ct.id = i.contract_fk
                where i.due_date < :through and %s),
            taken as (
                select c.*, a.paid_on as taken_on, a.amount from payment_allocation a join cand c on c.id = a.invoice_fk
                where a.paid_on > c.start_day
                union all
                select c.*, x.cancelled_on, x.amount from invoice_cancellation x join cand c on c.id = x.invoice_fk
                where x.cancelled_on > c.start_day),
            rates as (
                select r.legal_entity, r.product_type, r.debtor_kind, r.valid_from, r.rule, r.annual_rate, r.day_count,
                       r.year_days, lead(r.valid_from) over (partition by r.legal_entity, r.product_type, r.debtor_kind
                                                             order by r.valid_from) as valid_until
                from ledger_interest_rate r),
            points as (
                select c.*, c.start_day as seg_from, 0 as taken from cand c where c.start_day <= :through
                union all
                select t.id, t.open_amount, t.currency, t.product_type, t.debtor_kind, t.legal_entity, t.start_day,
                       case when t.taken_on > :through then cast(:today as date) else t.taken_on end, t.amount from taken t
                union all
                select c.*, r.valid_from, 0 from cand c join rates r
                    on r.product_type = c.product_type and r.debtor_kind = c.debtor_kind and r.legal_entity = c.legal_entity
                where r.valid_from > c.start_day and r.valid_from <= :through
                union all
                select c.*, f.frozen_from, 0 from ledger_interest_freeze f join cand c on c.id = f.invoice_fk
                where f.frozen_from > c.start_day and f.frozen_from <= :through
                union all
                select c.*, f.frozen_to + 1, 0 from ledger_interest_freeze f join cand c on c.id = f.invoice_fk
                where f.frozen_to + 1 > c.start_day and f.frozen_to + 1 <= :through),
            bounds as (
                select p.id as invoice_fk, p.open_amount, p.currency, p.product_type, p.debtor_kind, p.legal_entity,
                       p.seg_from, sum(p.taken) as taken
                from points p
                group by p.id, p.open_amount, p.currency, p.product_type, p.debtor_kind, p.legal_entity, p.seg_from),
            segs as (
                select b.invoice_fk, b.open_amount, b.currency, b.product_type, b.debtor_kind, b.legal_entity, b.seg_from,
                       lead(b.seg_from) over (partition by b.invoice_fk order by b.seg_from) - 1 as seg_to,
                       coalesce(sum(b.taken) over (partition by b.invoice_fk order by b.seg_from
                                                   rows between 1 following and unbounded following), 0) as taken_later
                from bounds b),
            priced as (
                select s.invoice_fk, s.seg_from, coalesce(s.seg_to, :through) as seg_to, s.currency, r.rule, r.annual_rate,
                       r.day_count, r.year_days, s.open_amount + s.taken_later as basis
                from segs s join rates r on r.product_type = s.product_type and r.debtor_kind = s.debtor_kind
                    and r.legal_entity = s.legal_entity
                    and r.valid_from <= s.seg_from and (r.valid_until is null or r.valid_until > s.seg_from)
                where s.seg_from <= :through),
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
     * One statement brings the candidates' stored rows in line with the desired segments: a row whose segment is
     * gone (or now bears nothing) is deleted, a row whose segment changed (the running one every day: a day longer)
     * is updated in place, a new segment is inserted, and a row still exactly right is not touched. The desired
     * segments are computed once; the stored rows gone are a set difference (a correlated NOT EXISTS made PostgreSQL
     * compute the desired segments once per stored row). H2 takes no WITH before MERGE, only inside its source.
     */
    private static final String RECONCILE = """
            merge into ledger_charge l using (
            %s,
            ours as (
                select l.id, l.charge_key, l.period_to, l.amount, l.basis, l.rate, l.rule, l.day_count
                from ledger_charge l join cand c on c.id = l.invoice_fk where l.source = 'OURS' and l.kind = 'INTEREST'),
            changes as (
                select o.id as stored_id, d.charge_key, d.invoice_fk, d.rule, d.basis, d.annual_rate, d.day_count,
                       d.seg_from, d.seg_to, d.amount, d.currency
                from desired d left join ours o on o.charge_key = d.charge_key
                where o.id is null or o.period_to <> d.seg_to or o.amount <> d.amount or o.basis <> d.basis
                   or o.rate <> d.annual_rate or o.rule <> d.rule or o.day_count <> d.day_count
                union all
                select o.id, null, null, null, null, null, null, null, null, null, null from ours o
                where o.charge_key in (select charge_key from ours except select charge_key from desired))
            select * from changes) s on l.id = s.stored_id
            when matched and (s.charge_key is null or s.amount = 0) then delete
            when matched then update set rule = s.rule, basis = s.basis, rate = s.annual_rate, day_count = s.day_count,
                period_to = s.seg_to, amount = s.amount
            when not matched and s.amount > 0 then insert (id, charge_key, invoice_fk, kind, source, rule, basis, rate,
                day_count, period_from, period_to, amount, currency, created_at)
                values (nextval('ledger_charge_seq'), s.charge_key, s.invoice_fk, 'INTEREST', 'OURS', s.rule, s.basis,
                        s.annual_rate, s.day_count, s.seg_from, s.seg_to, s.amount, s.currency, current_timestamp)""";

    /** The scan's candidates: invoices with principal open (index ix_invoice_status_due). */
    private static final String OPEN = "i.status in ('OPEN', 'PARTIALLY_PAID')";
    private static final String OF_CUSTOMERS = "i.customer_fk in (:customers)";

    /** One statement of a run with its parameters; {@link #accrue} runs them in this order. */
    record Statement(String sql, MapSqlParameterSource parameters) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final EntityManager entities;
    private final InterestSettings settings;

    InterestAccrual(JdbcTemplate jdbc, EntityManager entities, InterestSettings settings) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.entities = entities;
        this.settings = settings;
    }

    /** Every invoice with principal open, through the day before {@code today}: the daily scan's accrual. */
    @Transactional(propagation = Propagation.MANDATORY)
    int accrueOpen(LocalDate today) {
        return accrue(dailyStatements(today));
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
        return accrue(statements(OF_CUSTOMERS, today).stream()
                .map(s -> new Statement(s.sql(), s.parameters().addValue("customers", customerPks))).toList());
    }

    /** The daily run's statements (the benchmark prints their plans). */
    List<Statement> dailyStatements(LocalDate today) {
        return statements(OPEN, today);
    }

    private List<Statement> statements(String candidates, LocalDate today) {
        String desired = DESIRED.formatted(candidates);
        return List.of(new Statement(RECONCILE.formatted(desired), days(today)));
    }

    private static MapSqlParameterSource days(LocalDate today) {
        return new MapSqlParameterSource().addValue("through", Date.valueOf(today.minusDays(1)))
                .addValue("today", Date.valueOf(today));
    }

    /** Answers how many rows it wrote: segments added, changed or removed. */
    private int accrue(List<Statement> statements) {
        if (!settings.enabled()) {
            return 0;
        }
        entities.flush(); // the SQL reads allocations and charges this transaction may still hold in JPA
        int written = 0;
        for (Statement statement : statements) {
            written += jdbc.update(statement.sql(), statement.parameters());
        }
        return written;
    }
}
