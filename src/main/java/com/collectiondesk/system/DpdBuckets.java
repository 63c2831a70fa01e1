package com.collectiondesk.system;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The DPD buckets of {@code collection.tickets.buckets} (upper bounds, e.g. 30, 60, 90, 120): "current" for no
 * DPD, then "1-30", "31-60", … and "120+" past the last bound. Tickets are filed and reports are grouped by them;
 * bounds that do not rise fail the start.
 */
@ConfigurationProperties("collection.tickets")
public record DpdBuckets(@Name("buckets") @DefaultValue({"30", "60", "90", "120"}) List<Integer> upperBounds) {

    public static final String CURRENT = "current";

    public DpdBuckets {
        upperBounds = List.copyOf(upperBounds);
        for (int i = 1; i < upperBounds.size(); i++) {
            if (upperBounds.get(i) <= upperBounds.get(i - 1)) {
                throw new IllegalArgumentException("collection.tickets.buckets must rise strictly: " + upperBounds);
            }
        }
    }

    public String labelOf(int dpd) {
        if (dpd <= 0) {
            return CURRENT;
        }
        List<Integer> lowers = lowerBounds();
        for (int b = 0; b < upperBounds.size(); b++) {
            if (dpd <= upperBounds.get(b)) {
                return lowers.get(b) + "-" + upperBounds.get(b);
            }
        }
        return last() + "+";
    }

    /** Every label in DPD order, "current" first. */
    public List<String> labels() {
        List<String> labels = new ArrayList<>(List.of(CURRENT));
        List<Integer> lowers = lowerBounds();
        for (int b = 0; b < upperBounds.size(); b++) {
            labels.add(lowers.get(b) + "-" + upperBounds.get(b));
        }
        labels.add(last() + "+");
        return labels;
    }

    /** Lowest DPD of each bucket after "current" (1, 31, 61, …), matching {@link #labels()} from index 1. */
    public List<Integer> lowerBounds() {
        List<Integer> lowers = new ArrayList<>(List.of(1));
        upperBounds.forEach(upper -> lowers.add(upper + 1));
        return lowers;
    }

    private int last() {
        return upperBounds.get(upperBounds.size() - 1);
    }
}
