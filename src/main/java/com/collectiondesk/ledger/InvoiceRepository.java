package com.collectiondesk.ledger;

import java.time.LocalDate;
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

    /** The customer's open invoices in one currency that fell due before a day, oldest first. */
    @Query("""
            select i from Invoice i left join fetch i.contract
            where i.customer.id = :customerPk and i.currency = :currency and i.openAmount > 0 and i.dueDate < :asOf
            order by i.dueDate asc, i.invoiceNumber asc""")
    List<Invoice> findOverdue(Long customerPk, String currency, LocalDate asOf);

    /** Of these invoices, those with money open past due on the day, oldest due date first. */
    @Query("""
            select i from Invoice i
            where i.id in :pks and i.openAmount > 0 and i.dueDate < :day
            order by i.dueDate asc, i.invoiceNumber asc""")
    List<Invoice> findOverdueAmong(Collection<Long> pks, LocalDate day);

    /** Of these invoices, those with money open past due on the day or paid in full, oldest due date first. */
    @Query("""
            select i from Invoice i
            where i.id in :pks and (i.openAmount > 0 or i.status = com.collectiondesk.ledger.InvoiceStatus.PAID) and i.dueDate < :day
            order by i.dueDate asc, i.invoiceNumber asc""")
    List<Invoice> findOverdueOrPaidAmong(Collection<Long> pks, LocalDate day);

    /** Of these invoices, those that still have money open, newest first (what an upheld dispute cancels). */
    @Query("""
            select i from Invoice i
            where i.id in :pks and i.openAmount > 0
            order by i.dueDate desc, i.invoiceNumber desc""")
    List<Invoice> findOpenAmongNewestFirst(Collection<Long> pks);

    /** (customer pk, currency) pairs the customers' invoices are in: one query per payment import chunk. */
    @Query("select distinct i.customer.id, i.currency from Invoice i where i.customer.id in :customerPks")
    List<Object[]> findCurrenciesOfCustomers(Collection<Long> customerPks);

    /** Whether the customer has any invoice (its legal entity is then fixed). */
    boolean existsByCustomer(Customer customer);
}
