package com.collectiondesk.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the debtor's phone bill and ours see: how many SMS parts a text costs. */
class GsmSegmentsTest {

    @Test
    void gsm7TextsTake160CharactersInOnePartAnd153PerPartBeyond() {
        assertThat(GsmSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(GsmSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(GsmSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(GsmSegments.count("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void theEuroSignCostsTwoSeptets() {
        assertThat(GsmSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(GsmSegments.count("€".repeat(80) + "a")).isEqualTo(2);
    }

    @Test
    void cyrillicAndRomanianDiacriticsNeedUcs2With70CharactersPerPart() {
        assertThat(GsmSegments.count("б".repeat(70))).isEqualTo(1);
        assertThat(GsmSegments.count("б".repeat(71))).isEqualTo(2);
        assertThat(GsmSegments.count("ș" + "a".repeat(69))).isEqualTo(1);
        assertThat(GsmSegments.count("ș" + "a".repeat(134))).isEqualTo(3);
    }
}
