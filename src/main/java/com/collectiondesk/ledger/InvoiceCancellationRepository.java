package com.collectiondesk.ledger;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InvoiceCancellationRepository extends JpaRepository<InvoiceCancellation, Long> {

    List<InvoiceCancellation> findByInvoiceOrderByCancelledAtAsc(Invoice invoice);
}
