package com.collectiondesk.system;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Retry cycles the processes' async steps read as {@code ${retryCycles.erp}}; each is its feature's setting
 * ({@code collection.erp.retry-cycle}, {@code collection.outreach.retry-cycle}, {@code collection.scan.retry-cycle}),
 * published as a {@link RetrySetting} so this kernel knows none of the features.
 */
@Component("retryCycles")
public class RetryCycles {

    private final Map<String, String> byFeature;

    RetryCycles(List<RetrySetting> settings) {
        this.byFeature = settings.stream().collect(Collectors.toMap(RetrySetting::feature, RetrySetting::retryCycle));
    }

    public String getErp() { return of("erp"); }
    public String getOutreach() { return of("outreach"); }
    public String getScan() { return of("scan"); }

    private String of(String feature) {
        String cycle = byFeature.get(feature);
        if (cycle == null) {
            throw new IllegalStateException("No retry cycle for " + feature + ": its settings do not publish one");
        }
        return cycle;
    }
}
