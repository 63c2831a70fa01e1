package com.collectiondesk.scan;

import java.time.LocalDate;

/**
 * Work a feature does once per scan over the whole portfolio (the behavioural score), published as a bean so the
 * scan depends on none of them. Steps run before tickets are opened and refreshed, each in its own transaction, in
 * {@code @Order}; a step that fails is logged and skipped so the tickets are still worked.
 */
public interface ScanStep {

    /** Named in the log when the step fails. */
    String name();

    void run(LocalDate asOf);
}
