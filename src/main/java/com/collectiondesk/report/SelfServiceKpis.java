package com.collectiondesk.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The debtor's page at work, over the period (business days, README "Reports and dashboard"): links sent (per channel
 * and all) and opened, the open rate of the links sent in the period, the page's actions per type (the timeline's
 * entries by the debtor, less the openings, the locks and SMS replies, which are not page actions), the money paid
 * through the page per currency, payment plans approved and broken, and the share of tickets closed as paid in the
 * period that no collector worked: no call and no promise or dispute by anyone but the debtor.
 */
@Component
class SelfServiceKpis {

    /** Entries by the debtor that are not actions taken on the page. */
    private static final String NOT_ACTIONS = "'SELF_SERVICE_OPENED', 'SELF_SERVICE_LOCKED', 'REPLY'";

    private final NamedParameterJdbcTemplate jdbc;
    private final BusinessCalendar calendar;

    SelfServiceKpis(NamedParameterJdbcTemplate jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    List<KpiRow> compute(Period period, EntityFilter.Coverage coverage) {
        MapSqlParameterSource in = coverage.addTo(new MapSqlParameterSource("start", calendar.startOf(period.from()))
                .addValue("end", calendar.endOf(period.to())));
        List<KpiRow> rows = new ArrayList<>(links(in, coverage));
        rows.addAll(actions(in, coverage));
        rows.addAll(paid(in, coverage));
        rows.addAll(resolvedWithoutACollector(in, coverage));
        rows.addAll(plans(in, coverage));
        return rows;
    }

    private List<KpiRow> links(MapSqlParameterSource in, EntityFilter.Coverage coverage) {
        List<KpiRow> rows = new ArrayList<>();
        long[] all = new long[3];
        jdbc.query("""
                select l.channel,
                       sum(case when l.created_at >= :start and l.created_at < :end then 1 else 0 end) as sent,
                       sum(case when l.first_opened_at >= :start and l.first_opened_at < :end then 1 else 0 end) as opened,
                       sum(case when l.created_at >= :start and l.created_at < :end and l.first_opened_at is not null
                           then 1 else 0 end) as sent_and_opened
                from rv_self_service_link l
                where ((l.created_at >= :start and l.created_at < :end) or (l.first_opened_at >= :start and l.first_opened_at < :end))%s
                group by l.channel order by l.channel""".formatted(coverage.ticket("l.ticket_fk")), in, rs -> {
                    long sent = rs.getLong("sent");
                    long opened = rs.getLong("opened");
                    long sentAndOpened = rs.getLong("sent_and_opened");
                    rows.addAll(linkRows(rs.getString("channel"), sent, opened, sentAndOpened));
                    all[0] += sent;
                    all[1] += opened;
                    all[2] += sentAndOpened;
                });
        rows.addAll(linkRows(KpiRow.ALL, all[0], all[1], all[2]));
        return rows;
    }

    private static List<KpiRow> linkRows(String group, long sent, long opened, long sentAndOpened) {
        return List.of(
                new KpiRow("self_service_links_sent", null, group, BigDecimal.valueOf(sent), "links", null, null),
                new KpiRow("self_service_links_opened", null, group, BigDecimal.valueOf(opened), "links", null, null),
                new KpiRow("self_service_open_rate", null, group, Amounts.percent(sentAndOpened, sent), "%",
                        BigDecimal.valueOf(sentAndOpened), BigDecimal.valueOf(sent)));
    }

    private List<KpiRow> actions(MapSqlParameterSource in, EntityFilter.Coverage coverage) {
        List<KpiRow> rows = new ArrayList<>();
        long[] all = new long[1];
        jdbc.query("select e.type, count(*) as actions from rv_ticket_event e where e.author = 'debtor' and e.type not in ("
                + NOT_ACTIONS + ") and e.at >= :start and e.at < :end" + coverage.ticket("e.ticket_fk") + " group by e.type order by e.type", in, rs -> {
                    rows.add(new KpiRow("self_service_actions", null, rs.getString("type"), BigDecimal.valueOf(rs.getLong("actions")),
                            "actions", null, null));
                    all[0] += rs.getLong("actions");
                });
        rows.add(new KpiRow("self_service_actions", null, KpiRow.ALL, BigDecimal.valueOf(all[0]), "actions", null, null));
        return rows;
    }

    private List<KpiRow> paid(MapSqlParameterSource in, EntityFilter.Coverage coverage) {
        List<KpiRow> rows = new ArrayList<>();
        jdbc.query("""
                select p.currency, sum(p.amount) as paid, count(*) as payments from rv_self_service_payment p
                where p.status = 'BOOKED' and p.settled_at >= :start and p.settled_at < :end%s
                group by p.currency order by p.currency""".formatted(coverage.ticket("p.ticket_fk")), in, rs -> {
                    rows.add(new KpiRow("self_service_paid", rs.getString("currency"), KpiRow.ALL, Amounts.money(rs.getBigDecimal("paid")),
                            rs.getString("currency"), BigDecimal.valueOf(rs.getLong("payments")), null));
                });
        return rows;
    }

    private List<KpiRow> resolvedWithoutACollector(MapSqlParameterSource in, EntityFilter.Coverage coverage) {
        List<KpiRow> rows = new ArrayList<>();
        jdbc.query("""
                select t.currency, count(*) as resolved,
                       sum(case when not exists (select 1 from rv_contact_attempt c where c.ticket_fk = t.id and c.channel = 'CALL')
                                 and not exists (select 1 from rv_ticket_event e where e.ticket_fk = t.id
                                                 and e.type in ('PROMISE', 'DISPUTE') and coalesce(e.author, '') <> 'debtor')
                           then 1 else 0 end) as alone
                from rv_ticket t
                where t.close_reason = 'PAID' and t.closed_at >= :start and t.closed_at < :end%s
                group by t.currency order by t.currency""".formatted(coverage.entity("t.legal_entity")), in, rs -> {
                    long resolved = rs.getLong("resolved");
                    long alone = rs.getLong("alone");
                    rows.add(new KpiRow("resolved_without_collector_share", rs.getString("currency"), KpiRow.ALL,
                            Amounts.percent(alone, resolved), "%", BigDecimal.valueOf(alone), BigDecimal.valueOf(resolved)));
                });
        return rows;
    }

    /**
     * Plans approved in the period ({@code at_once} inside the self-service policy, {@code by_owner} after the owner's
     * task, and all) and plans broken in the period (an instalment missed after grace).
     */
    private List<KpiRow> plans(MapSqlParameterSource in, EntityFilter.Coverage coverage) {
        List<KpiRow> rows = new ArrayList<>();
        jdbc.query("""
                select sum(case when p.approved_at >= :start and p.approved_at < :end and p.inside_policy then 1 else 0 end) as at_once,
                       sum(case when p.approved_at >= :start and p.approved_at < :end and not p.inside_policy then 1 else 0 end) as by_owner,
                       sum(case when p.broken_at >= :start and p.broken_at < :end then 1 else 0 end) as broken
                from rv_self_service_plan p
                where ((p.approved_at >= :start and p.approved_at < :end) or (p.broken_at >= :start and p.broken_at < :end))%s"""
                        .formatted(coverage.ticket("p.ticket_fk")),
                in, rs -> {
                    long atOnce = rs.getLong("at_once");
                    long byOwner = rs.getLong("by_owner");
                    rows.add(planRow("self_service_plans_approved", "at_once", atOnce));
                    rows.add(planRow("self_service_plans_approved", "by_owner", byOwner));
                    rows.add(planRow("self_service_plans_approved", KpiRow.ALL, atOnce + byOwner));
                    rows.add(planRow("self_service_plans_broken", KpiRow.ALL, rs.getLong("broken")));
                });
        return rows;
    }

    private static KpiRow planRow(String kpi, String group, long plans) {
        return new KpiRow(kpi, null, group, BigDecimal.valueOf(plans), "plans", null, null);
    }
}
