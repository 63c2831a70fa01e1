package com.collectiondesk.ledger;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    List<Invoice> findByInvoiceNumberIn(Collection<String> invoiceNumbers);

    List<Invoice> findByCustomerOrderByDueDateAscInvoiceNumberAsc(Customer customer);

    /** Oldest first: the order in which unreferenced money settles invoices. */
    @Query("""
            select i from Invoice i
            where i.customer = :customer and i.currency = :currency and i.openAmount > 0
            order by i.dueDate asc, i.issueDate asc, i.invoiceNumber asc""")
    List<Invoice> findOpenOldestFirst(Customer customer, String currency);

    /** (customer pk, currency) pairs the customers' invoices are in: one query per payment import chunk. */
    @Query("select distinct i.customer.id, i.currency from Invoice i where i.customer.id in :customerPks")
    List<Object[]> findCurrenciesOfCustomers(Collection<Long> customerPks);
}
