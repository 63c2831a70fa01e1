package com.collectiondesk.ticket;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Retry cycles the ticket process's async steps read as {@code ${retryCycles.erp}}. */
@Component("retryCycles")
public class RetryCycles {

    private final String erp;
    private final String outreach;
    private final String scan;

    RetryCycles(@Value("${collection.erp.retry-cycle:R3/PT1M}") String erp,
                @Value("${collection.outreach.retry-cycle:R3/PT1M}") String outreach,
                @Value("${collection.scan.retry-cycle:R3/PT5M}") String scan) {
        this.erp = erp;
        this.outreach = outreach;
        this.scan = scan;
    }

    public String getErp() { return erp; }
    public String getOutreach() { return outreach; }
    public String getScan() { return scan; }
}
