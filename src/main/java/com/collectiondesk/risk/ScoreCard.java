package com.collectiondesk.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** One customer's behavioural score with the fact and points of each part, as stored by the last recompute. */
public record ScoreCard(long customerPk, int score, String version, LocalDate asOf, List<Part> parts) {

    /** A part of the score: what it measures, the customer's fact, and the points it gave (credits negative). */
    public record Part(String name, String fact, int points) {
    }

    public int points(String part) {
        return parts.stream().filter(p -> p.name().equals(part)).mapToInt(Part::points).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part " + part));
    }

    /** The parts that gave points, largest first, e.g. "current DPD 45 (20 days) + ...". */
    public String explain() {
        String parts = this.parts.stream().filter(p -> p.points() != 0)
                .sorted((a, b) -> Integer.compare(Math.abs(b.points()), Math.abs(a.points())))
                .map(p -> p.name() + " " + (p.points() > 0 ? "+" : "") + p.points() + " (" + p.fact() + ")")
                .collect(Collectors.joining(", "));
        return "behavioural score v" + version + " as of " + asOf + ": " + (parts.isEmpty() ? "no risk signs" : parts);
    }

    static String days(BigDecimal days) {
        return days.stripTrailingZeros().toPlainString() + " days";
    }
}
