package com.collectiondesk.ledger;

import com.collectiondesk.system.BusinessClock;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The only way to cancel money on an invoice: the open amount drops and the cancellation is kept with its day. */
@Service
@Transactional
public class InvoiceCancellations {

    private final InvoiceCancellationRepository cancellations;
    private final BusinessClock clock;

    InvoiceCancellations(InvoiceCancellationRepository cancellations, BusinessClock clock) {
        this.cancellations = cancellations;
        this.clock = clock;
    }

    /** Cancels up to {@code requested} of the invoice's open amount today and answers how much it cancelled. */
    BigDecimal cancel(Invoice invoice, BigDecimal requested, String reason) {
        BigDecimal taken = invoice.cancel(requested);
        if (taken.signum() > 0) {
            cancellations.save(new InvoiceCancellation(invoice, taken, clock.today(), clock.now(), reason));
        }
        return taken;
    }
}
