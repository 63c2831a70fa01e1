package com.collectiondesk.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** The series of one {@code /actuator/prometheus} answer (text format), looked up by name and labels. */
record PrometheusScrape(Map<String, Double> series) {

    static PrometheusScrape of(String text) {
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return new PrometheusScrape(series);
    }

    boolean has(String name) {
        return series.keySet().stream().anyMatch(key -> nameOf(key).equals(name));
    }

    /** The sum of the series named {@code name} that carry every {@code label="value"} given; 0 when there are none. */
    double value(String name, String... labels) {
        return series.entrySet().stream()
                .filter(entry -> nameOf(entry.getKey()).equals(name) && hasLabels(entry.getKey(), labels))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static boolean hasLabels(String key, String[] labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!key.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                return false;
            }
        }
        return true;
    }

    private static String nameOf(String key) {
        int brace = key.indexOf('{');
        return brace < 0 ? key : key.substring(0, brace);
    }
}
