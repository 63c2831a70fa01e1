package com.collectiondesk.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Open receivables on a day in DPD buckets (current, 1-30, 31-60, 61-90, 91-120, 120+ by default), per
 * currency and optionally per customer, segment (of the customer's open ticket), product type or legal entity, for
 * every legal entity or the ones asked for.
 * For today the invoices' open amounts are used; for a past day, open amounts plus what payments and cancellations
 * made after it took off (the same as amounts less what was paid and cancelled by then, without reading paid-up history).
 * Per customer the largest totals come first, at most {@code limit} rows.
 */
@Component
class AgingReport {

    static final List<String> GROUPINGS = List.of("customer", "segment", "productType", "legalEntity");
    static final int DEFAULT_CUSTOMER_LIMIT = 1000;

    private static final Map<String, List<String>> GROUP_COLUMNS = Map.of(
            "customer", List.of("c.customer_id", "c.name"),
            "segment", List.of("coalesce(t.segment, 'none')"),
            "productType", List.of("coalesce(k.product_type, 'UNKNOWN')"),
            "legalEntity", List.of("c.legal_entity"));
    private static final Map<String, List<String>> GROUP_NAMES = Map.of(
            "customer", List.of("customerId", "customerName"),
            "segment", List.of("segment"),
            "productType", List.of("productType"),
            "legalEntity", List.of("legalEntity"));

    private final NamedParameterJdbcTemplate jdbc;
    private final BusinessCalendar calendar;

    AgingReport(NamedParameterJdbcTemplate jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** {@code entities}: the legal entities whose customers' invoices count, null for every entity. */
    ReportTable run(LocalDate asOf, String groupBy, int limit, List<String> entities) {
        List<String> expressions = groupBy == null ? List.of() : GROUP_COLUMNS.get(groupBy);
        List<String> names = groupBy == null ? List.of() : GROUP_NAMES.get(groupBy);
        List<String> labels = calendar.bucketLabels();
        MapSqlParameterSource parameters = new MapSqlParameterSource("asOf", asOf)
                .addValue("writtenOffBefore", calendar.endOf(asOf)).addValue("limit", limit);
        StringBuilder bucket = new StringBuilder("case when i.due_date >= :asOf then 0");
        List<Integer> lowers = calendar.bucketLowerBounds();
        for (int b = 1; b < lowers.size(); b++) {
            // DPD below the next bucket's lowest DPD: due on or after asOf - (that DPD - 1)
            bucket.append(" when i.due_date >= :edge").append(b).append(" then ").append(b);
            parameters.addValue("edge" + b, asOf.minusDays(lowers.get(b) - 1L));
        }
        bucket.append(" else ").append(lowers.size()).append(" end");

        List<String> keys = new ArrayList<>();
        StringBuilder select = new StringBuilder();
        for (int g = 0; g < expressions.size(); g++) {
            select.append(expressions.get(g)).append(" as g").append(g).append(", ");
            keys.add("g" + g);
        }
        keys.add("currency");
        // join only what the grouping shows
        boolean byCustomer = "customer".equals(groupBy) || "legalEntity".equals(groupBy) || entities != null;
        String joins = (byCustomer ? " join rv_customer c on c.id = i.customer_fk" : "")
                + ("productType".equals(groupBy) ? " left join rv_contract k on k.id = i.contract_fk" : "")
                + ("segment".equals(groupBy) ? " left join rv_open_ticket t on t.customer_fk = i.customer_fk"
                        + " and t.currency = i.currency" : "");
        String where = " where i.issue_date <= :asOf and " + Receivables.NOT_WRITTEN_OFF;
        if (entities != null) {
            where += " and c.legal_entity in (:entities)";
            parameters.addValue("entities", entities);
        }
        String rowsPerBucket = "select " + select + "i.currency as currency, " + bucket + " as bucket, ";
        // what is open now (plus, for a past day, what payments and cancellations made after it took off)
        String amounts = rowsPerBucket + "i.open_amount as amount from rv_open_invoice i" + joins + where;
        if (asOf.isBefore(calendar.today())) {
            amounts += " union all " + rowsPerBucket + "x.amount as amount from rv_invoice_taken_off x"
                    + " join rv_invoice i on i.id = x.invoice_fk" + joins + where + " and x.taken_off_on > :asOf";
        }
        StringBuilder pivot = new StringBuilder("select ").append(String.join(", ", keys));
        for (int b = 0; b < labels.size(); b++) {
            pivot.append(", sum(case when bucket = ").append(b).append(" then amount else 0 end) as b").append(b);
        }
        pivot.append(", sum(amount) as total from (").append(amounts).append(") x group by ").append(String.join(", ", keys))
                .append(" having sum(amount) <> 0 order by ")
                .append("customer".equals(groupBy) ? "total desc, g0, currency limit :limit" : String.join(", ", keys));

        ReportTable.Builder table = ReportTable.named("aging").parameter("asOf", asOf).parameter("groupBy", groupBy)
                .parameter("legalEntity", entities == null ? null : String.join(",", entities));
        if ("customer".equals(groupBy)) {
            table.parameter("limit", limit);
        }
        List<String> header = new ArrayList<>(names);
        header.add("currency");
        header.addAll(labels);
        header.add("total");
        table.columns(header);
        jdbc.query(pivot.toString(), parameters, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int n = 0; n < names.size(); n++) {
                row.put(names.get(n), rs.getString("g" + n));
            }
            row.put("currency", rs.getString("currency"));
            for (int b = 0; b < labels.size(); b++) {
                row.put(labels.get(b), Amounts.money(rs.getBigDecimal("b" + b)));
            }
            row.put("total", Amounts.money(rs.getBigDecimal("total")));
            table.row(row);
        });
        return table.build();
    }
}
