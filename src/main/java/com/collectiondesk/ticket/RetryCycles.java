package com.collectiondesk.ticket;

import com.collectiondesk.erp.ErpProperties;
import com.collectiondesk.outreach.OutreachSettings;
import com.collectiondesk.scan.ScanSettings;
import org.springframework.stereotype.Component;

/**
 * Retry cycles the ticket process's async steps read as {@code ${retryCycles.erp}}; each is its feature's setting
 * ({@code collection.erp.retry-cycle}, {@code collection.outreach.retry-cycle}, {@code collection.scan.retry-cycle}).
 */
@Component("retryCycles")
public class RetryCycles {

    private final String erp;
    private final String outreach;
    private final String scan;

    RetryCycles(ErpProperties erp, OutreachSettings outreach, ScanSettings scan) {
        this.erp = erp.retryCycle();
        this.outreach = outreach.retryCycle();
        this.scan = scan.retryCycle();
    }

    public String getErp() { return erp; }
    public String getOutreach() { return outreach; }
    public String getScan() { return scan; }
}
