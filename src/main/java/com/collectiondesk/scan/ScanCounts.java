package com.collectiondesk.scan;

/**
 * What a scan did: tickets opened, refreshed and closed, overdue customers below tolerance or DPD threshold
 * ({@code skipped}), and customers it could not process ({@code failed}, each a {@link ScanProblem}).
 */
record ScanCounts(int opened, int refreshed, int closed, int skipped, int failed) {

    static final ScanCounts NONE = new ScanCounts(0, 0, 0, 0, 0);

    ScanCounts plus(ScanCounts other) {
        return new ScanCounts(opened + other.opened, refreshed + other.refreshed, closed + other.closed,
                skipped + other.skipped, failed + other.failed);
    }
}
