package com.collectiondesk.report;

import java.math.BigDecimal;
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
 * currency and optionally per customer, segment (of the customer's open ticket) or product type.
 * For today the invoices' open amounts are used; for a past day, amounts less payments made by then.
 */
@Component
class AgingReport {

    static final List<String> GROUPINGS = List.of("customer", "segment", "productType");

    private static final Map<String, List<String>> GROUP_COLUMNS = Map.of(
            "customer", List.of("c.customer_id", "c.name"),
            "segment", List.of("coalesce(t.segment, 'none')"),
            "productType", List.of("coalesce(k.product_type, 'UNKNOWN')"));
    private static final Map<String, List<String>> GROUP_NAMES = Map.of(
            "customer", List.of("customerId", "customerName"),
            "segment", List.of("segment"),
            "productType", List.of("productType"));

    private final NamedParameterJdbcTemplate jdbc;
    private final BusinessCalendar calendar;

    AgingReport(NamedParameterJdbcTemplate jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    ReportTable run(LocalDate asOf, String groupBy) {
        List<String> expressions = groupBy == null ? List.of() : GROUP_COLUMNS.get(groupBy);
        List<String> names = groupBy == null ? List.of() : GROUP_NAMES.get(groupBy);
        List<String> labels = calendar.bucketLabels();
        MapSqlParameterSource parameters = new MapSqlParameterSource("asOf", asOf)
                .addValue("writtenOffBefore", calendar.endOf(asOf));
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
        keys.add("bucket");
        // join only what the grouping shows
        String from = " from invoice i"
                + ("customer".equals(groupBy) ? " join customer c on c.id = i.customer_fk" : "")
                + ("productType".equals(groupBy) ? " left join contract k on k.id = i.contract_fk" : "")
                + ("segment".equals(groupBy) ? " left join ticket t on t.customer_fk = i.customer_fk and t.currency = i.currency"
                        + " and t.status <> 'CLOSED'" : "");
        String where = " where i.issue_date <= :asOf and " + Receivables.NOT_WRITTEN_OFF;
        String groupKeys = String.join(", ", keys);

        Map<List<Object>, Map<String, Object>> rows = new LinkedHashMap<>();
        boolean today = !asOf.isBefore(calendar.today());
        String amount = today ? "i.open_amount" : "i.amount";
        String openFilter = today ? " and i.open_amount > 0" : "";
        String invoices = "select " + groupKeys + ", sum(amount) as amount from (select " + select + "i.currency as currency, "
                + bucket + " as bucket, " + amount + " as amount " + from + where + openFilter + ") x group by "
                + groupKeys + " order by " + groupKeys;
        jdbc.query(invoices, parameters, rs -> {
            add(rows, rs, keys, names, labels, rs.getBigDecimal("amount"));
        });
        if (!today) {
            String paid = "select " + groupKeys + ", sum(amount) as amount from (select " + select + "i.currency as currency, "
                    + bucket + " as bucket, a.amount as amount " + from
                    + " join payment_allocation a on a.invoice_fk = i.id join payment p on p.id = a.payment_fk"
                    + where + " and p.paid_on <= :asOf) x group by " + groupKeys;
            jdbc.query(paid, parameters, rs -> {
                add(rows, rs, keys, names, labels, rs.getBigDecimal("amount").negate());
            });
        }

        ReportTable.Builder table = ReportTable.named("aging").parameter("asOf", asOf).parameter("groupBy", groupBy);
        List<String> header = new ArrayList<>(names);
        header.add("currency");
        header.addAll(labels);
        header.add("total");
        table.columns(header);
        rows.values().stream().filter(row -> ((BigDecimal) row.get("total")).signum() != 0).forEach(table::row);
        return table.build();
    }

    private static void add(Map<List<Object>, Map<String, Object>> rows, java.sql.ResultSet rs, List<String> keys,
                            List<String> names, List<String> labels, BigDecimal amount) throws java.sql.SQLException {
        List<Object> group = new ArrayList<>();
        for (int k = 0; k < keys.size() - 1; k++) {
            group.add(rs.getString(keys.get(k)));
        }
        Map<String, Object> row = rows.computeIfAbsent(group, g -> {
            Map<String, Object> fresh = new LinkedHashMap<>();
            for (int n = 0; n < names.size(); n++) {
                fresh.put(names.get(n), g.get(n));
            }
            fresh.put("currency", g.get(names.size()));
            labels.forEach(label -> fresh.put(label, Amounts.money(BigDecimal.ZERO)));
            fresh.put("total", Amounts.money(BigDecimal.ZERO));
            return fresh;
        });
        String label = labels.get(rs.getInt("bucket"));
        row.put(label, Amounts.money(((BigDecimal) row.get(label)).add(amount)));
        row.put("total", Amounts.money(((BigDecimal) row.get("total")).add(amount)));
    }
}
