package com.collectiondesk.scan;

/** Names shared by bpmn/delinquency-scan.bpmn, its delegate and the scan API. */
public final class ScanProcess {

    public static final String KEY = "delinquency-scan";
    static final String MSG_REQUESTED = "ScanRequested";
    static final String SCAN_ID = "scanId";
    static final String AS_OF = "asOf";
    static final String RUN_SCAN = "run-scan";
    /** How many jobs of "start-ticket-processes" start the processes of the tickets the scan opened. */
    static final String TICKET_START_BATCHES = "ticketStartBatches";
    static final String START_TICKET_PROCESSES = "start-ticket-processes";

    private ScanProcess() {
    }
}
