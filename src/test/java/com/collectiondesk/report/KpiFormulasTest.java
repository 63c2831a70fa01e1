package com.collectiondesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples of features.md (d). */
class KpiFormulasTest {

    @Test
    void countBackDsoOfTheExample() {
        // sales 70k, 80k, 100k (latest), AR 212k: 30 + 30 + 32/70 × 30 = 73.7 days
        BigDecimal dso = KpiFormulas.countBackDso(new BigDecimal("212000"), List.of(
                new KpiFormulas.MonthSales(new BigDecimal("100000"), 30),
                new KpiFormulas.MonthSales(new BigDecimal("80000"), 30),
                new KpiFormulas.MonthSales(new BigDecimal("70000"), 30)));
        assertThat(dso).isEqualByComparingTo("73.7");
    }

    @Test
    void countBackStopsWhenReceivablesAreUsedUp() {
        BigDecimal dso = KpiFormulas.countBackDso(new BigDecimal("500"), List.of(
                new KpiFormulas.MonthSales(new BigDecimal("500"), 30),
                new KpiFormulas.MonthSales(BigDecimal.ZERO, 31),
                new KpiFormulas.MonthSales(new BigDecimal("900"), 30)));
        assertThat(dso).isEqualByComparingTo("30.0");
    }

    @Test
    void standardDsoOfTheExample() {
        assertThat(KpiFormulas.standardDso(new BigDecimal("200000"), new BigDecimal("2000000"), 365))
                .isEqualByComparingTo("36.5");
        assertThat(KpiFormulas.standardDso(BigDecimal.TEN, BigDecimal.ZERO, 30)).isNull();
    }

    @Test
    void ceiOfTheExample() {
        // (6 200 + 10 890 − 6 340) / (6 200 + 10 890 − 3 590) = 79.6 %
        assertThat(KpiFormulas.cei(new BigDecimal("6200"), new BigDecimal("10890"), new BigDecimal("6340"),
                new BigDecimal("3590"))).isEqualByComparingTo("79.6");
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertThat(KpiFormulas.median(List.of(4L, 10L, 30L))).isEqualByComparingTo("10.0");
        assertThat(KpiFormulas.median(List.of(4L, 10L))).isEqualByComparingTo("7.0");
        assertThat(KpiFormulas.median(List.of())).isNull();
    }
}
