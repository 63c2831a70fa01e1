package com.collectiondesk.report;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One KPI value: which KPI, for which currency and group (campaign, bucket, transition; "all" when none),
 * the value with its unit, and the numerator and denominator it was computed from, so it can be checked.
 */
record KpiRow(String kpi, String currency, String group, BigDecimal value, String unit, BigDecimal numerator,
              BigDecimal denominator) {

    static final String ALL = "all";

    Map<String, Object> asRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kpi", kpi);
        row.put("currency", currency);
        row.put("group", group);
        row.put("value", value);
        row.put("unit", unit);
        row.put("numerator", numerator);
        row.put("denominator", denominator);
        return row;
    }
}
