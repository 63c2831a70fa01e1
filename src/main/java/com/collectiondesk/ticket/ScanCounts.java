package com.collectiondesk.ticket;

/** What a scan did: tickets opened, refreshed and closed, and overdue customers below tolerance or DPD threshold. */
record ScanCounts(int opened, int refreshed, int closed, int skipped) {

    static final ScanCounts NONE = new ScanCounts(0, 0, 0, 0);

    ScanCounts plus(ScanCounts other) {
        return new ScanCounts(opened + other.opened, refreshed + other.refreshed, closed + other.closed,
                skipped + other.skipped);
    }
}
