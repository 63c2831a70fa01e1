package com.collectiondesk.ticket;

import com.collectiondesk.ledger.Invoice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface TicketRepository extends JpaRepository<Ticket, Long>, JpaSpecificationExecutor<Ticket> {

    Optional<Ticket> findByTicketNumber(String ticketNumber);

    @Query("select t from Ticket t where t.customer.id = :customerPk and t.status <> com.collectiondesk.ticket.TicketStatus.CLOSED")
    List<Ticket> findOpenByCustomer(Long customerPk);

    List<Ticket> findByCustomerIdOrderByIdAsc(Long customerPk);

    Optional<Ticket> findFirstByCustomerIdOrderByIdDesc(Long customerPk);

    /** The customer's open invoices in one currency that fell due before a day, oldest first. */
    @Query("""
            select i from Invoice i left join fetch i.contract
            where i.customer.id = :customerPk and i.currency = :currency and i.openAmount > 0 and i.dueDate < :asOf
            order by i.dueDate asc, i.invoiceNumber asc""")
    List<Invoice> findOverdue(Long customerPk, String currency, LocalDate asOf);

    /** The ticket's invoices that still have money open, newest first (what an upheld dispute cancels). */
    @Query("""
            select i from Ticket t join t.invoices i
            where t.id = :ticketId and i.openAmount > 0
            order by i.dueDate desc, i.invoiceNumber desc""")
    List<Invoice> findOpenInvoicesNewestFirst(Long ticketId);

    /** What the customer paid in the ticket's currency on or after a day (for promise checks). */
    @Query("""
            select coalesce(sum(p.amount), 0) from Payment p
            where p.customer.id = :customerPk and p.currency = :currency and p.paidOn >= :since""")
    BigDecimal paidSince(Long customerPk, String currency, LocalDate since);

    /** Open tickets per owner: [owner, count]. */
    @Query("""
            select t.owner, count(t) from Ticket t
            where t.owner is not null and t.status <> com.collectiondesk.ticket.TicketStatus.CLOSED
            group by t.owner""")
    List<Object[]> countOpenByOwner();

    @Query("select new com.collectiondesk.ticket.OpenTicketKey(t.id, t.customer.id, t.currency) from Ticket t where t.status <> com.collectiondesk.ticket.TicketStatus.CLOSED")
    List<OpenTicketKey> findOpenTicketKeys();
}
