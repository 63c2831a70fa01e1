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
 * Tickets grouped by any combination of status, owner, product type, bucket, segment and legal entity (always per
 * currency): count, overdue amount and average DPD. Open tickets by default, or tickets opened in a date range.
 */
@Component
class TicketSummaryReport {

    /** groupBy value → ticket column; the map is the whitelist, so no request text reaches the SQL. */
    static final Map<String, String> DIMENSIONS = new LinkedHashMap<>();

    static {
        DIMENSIONS.put("status", "status");
        DIMENSIONS.put("owner", "owner");
        DIMENSIONS.put("productType", "product_type");
        DIMENSIONS.put("bucket", "bucket");
        DIMENSIONS.put("segment", "segment");
        DIMENSIONS.put("legalEntity", "legal_entity");
    }

    private final NamedParameterJdbcTemplate jdbc;

    TicketSummaryReport(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code openedFrom}/{@code openedTo} both null: tickets open now; {@code entities} null: every legal entity. */
    ReportTable run(List<String> groupBy, LocalDate openedFrom, LocalDate openedTo, List<String> entities) {
        List<String> columns = new ArrayList<>(groupBy.stream().map(DIMENSIONS::get).toList());
        columns.add("currency");
        String keys = String.join(", ", columns);
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String tickets;
        if (openedFrom == null) {
            tickets = " from rv_open_ticket where 1 = 1";
        } else {
            tickets = " from rv_ticket where opened_on >= :from and opened_on <= :to";
            parameters.addValue("from", openedFrom).addValue("to", openedTo);
        }
        if (entities != null) {
            tickets += " and legal_entity in (:entities)";
            parameters.addValue("entities", entities);
        }
        String sql = "select " + keys + ", count(*) as tickets, sum(overdue_amount) as overdue_amount,"
                + " avg(cast(max_dpd as decimal(12, 2))) as average_dpd" + tickets
                + " group by " + keys + " order by " + keys;
        ReportTable.Builder table = ReportTable.named("tickets")
                .parameter("groupBy", String.join(",", groupBy))
                .parameter("scope", openedFrom == null ? "open" : "opened " + openedFrom + ".." + openedTo)
                .parameter("legalEntity", entities == null ? null : String.join(",", entities));
        List<String> header = new ArrayList<>(groupBy);
        header.addAll(List.of("currency", "tickets", "overdueAmount", "averageDpd"));
        table.columns(header);
        jdbc.query(sql, parameters, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String dimension : groupBy) {
                row.put(dimension, rs.getString(DIMENSIONS.get(dimension)));
            }
            row.put("currency", rs.getString("currency"));
            row.put("tickets", rs.getLong("tickets"));
            row.put("overdueAmount", Amounts.money(rs.getBigDecimal("overdue_amount")));
            BigDecimal averageDpd = rs.getBigDecimal("average_dpd");
            row.put("averageDpd", Amounts.oneDecimal(averageDpd.doubleValue()));
            table.row(row);
        });
        return table.build();
    }
}
