package com.collectiondesk.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every report answers: named columns and rows keyed by column, so the same result renders as JSON
 * (for the dashboard) and as CSV (for spreadsheets) without a second code path.
 */
record ReportTable(String name, Map<String, Object> parameters, List<String> columns, List<Map<String, Object>> rows) {

    static Builder named(String name) {
        return new Builder(name);
    }

    Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("report", name);
        json.put("parameters", parameters);
        json.put("columns", columns);
        json.put("rows", rows);
        return json;
    }

    static final class Builder {
        private final String name;
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        /** Declared columns first, then any a row brings that was not declared. */
        private final Set<String> columns = new LinkedHashSet<>();
        private final List<Map<String, Object>> rows = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        Builder parameter(String key, Object value) {
            parameters.put(key, value == null ? null : value.toString());
            return this;
        }

        Builder columns(List<String> names) {
            columns.addAll(names);
            return this;
        }

        Builder row(Map<String, Object> row) {
            columns.addAll(row.keySet());
            rows.add(row);
            return this;
        }

        ReportTable build() {
            return new ReportTable(name, parameters, List.copyOf(columns), List.copyOf(rows));
        }
    }
}
