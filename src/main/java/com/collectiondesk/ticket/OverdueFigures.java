package com.collectiondesk.ticket;

import com.collectiondesk.ledger.LedgerQueries.OpenInvoice;
import com.collectiondesk.system.DpdBuckets;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A ticket's figures from its overdue invoices: one rule for the ticket opened alone and the scan's chunks. */
@Component
class OverdueFigures {

    private final DpdBuckets buckets;

    OverdueFigures(DpdBuckets buckets) {
        this.buckets = buckets;
    }

    /** Amount, DPD and bucket of the oldest, its product type (null: no invoice overdue). */
    Overdue of(List<OpenInvoice> overdueOldestFirst, LocalDate asOf) {
        if (overdueOldestFirst.isEmpty()) {
            return new Overdue(BigDecimal.ZERO.setScale(2), 0, buckets.labelOf(0), null);
        }
        OpenInvoice oldest = overdueOldestFirst.get(0);
        BigDecimal amount = overdueOldestFirst.stream().map(OpenInvoice::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        int dpd = (int) ChronoUnit.DAYS.between(oldest.dueDate(), asOf);
        return new Overdue(amount, dpd, buckets.labelOf(dpd), oldest.productType());
    }

    /** What of the overdue money is on held invoices. */
    static BigDecimal held(List<OpenInvoice> overdue, Set<Long> onHold) {
        return overdue.stream().filter(invoice -> onHold.contains(invoice.pk())).map(OpenInvoice::openAmount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    static String openedDetails(Overdue overdue, String currency) {
        return "Opened with " + overdue.amount() + " " + currency + " overdue, " + overdue.maxDpd() + " DPD, bucket "
                + overdue.bucket();
    }

    static String closedDetails(CloseReason reason, BigDecimal overdueAmount, String currency) {
        return "Closed as " + reason + " with " + overdueAmount + " " + currency + " overdue";
    }
}
