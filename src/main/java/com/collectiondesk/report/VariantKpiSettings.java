package com.collectiondesk.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code collection.reports.variants.*}: below {@code minimum-sample} tickets (or promises) a variant's figure says
 * "not enough data yet" and gets no interval and no test; {@code confidence} is the intervals' level.
 */
@ConfigurationProperties("collection.reports.variants")
record VariantKpiSettings(@DefaultValue("30") int minimumSample, @DefaultValue("0.95") double confidence) {

    VariantKpiSettings {
        if (minimumSample < 1) {
            throw new IllegalArgumentException("collection.reports.variants.minimum-sample: at least 1, not " + minimumSample);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("collection.reports.variants.confidence: between 0 and 1, not " + confidence);
        }
    }
}
