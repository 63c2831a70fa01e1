package com.collectiondesk.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface TicketRepository extends JpaRepository<Ticket, Long>, JpaSpecificationExecutor<Ticket> {

    // the lookups every delegate makes are JPQL: Hibernate 6.6 caches the SQL of a query string, but translates
    // a derived query's criteria tree again on every call
    @Query("select t from Ticket t where t.ticketNumber = :ticketNumber")
    Optional<Ticket> findByTicketNumber(String ticketNumber);

    @Query("select t from Ticket t where t.customerPk = :customerPk and t.status <> com.collectiondesk.ticket.TicketStatus.CLOSED")
    List<Ticket> findOpenByCustomer(Long customerPk);

    @Query("select t from Ticket t where t.customerPk = :customerPk order by t.id")
    List<Ticket> findByCustomerPkOrderByIdAsc(Long customerPk);

    List<Ticket> findByCustomerPkOrderByIdDesc(Long customerPk);

    @Query("select t from Ticket t where t.customerPk in :customerPks and t.status <> com.collectiondesk.ticket.TicketStatus.CLOSED order by t.id")
    List<Ticket> findOpenByCustomers(Collection<Long> customerPks);

    Optional<Ticket> findFirstByCustomerPkOrderByIdDesc(Long customerPk);

    /** Open tickets per owner: [owner, count]. */
    @Query("""
            select t.owner, count(t) from Ticket t
            where t.owner is not null and t.status <> com.collectiondesk.ticket.TicketStatus.CLOSED
            group by t.owner""")
    List<Object[]> countOpenByOwner();

    /** Overdue amount of open tickets per owner and currency: [owner, currency, sum]. */
    @Query("""
            select t.owner, t.currency, sum(t.overdueAmount) from Ticket t
            where t.owner is not null and t.status <> com.collectiondesk.ticket.TicketStatus.CLOSED
            group by t.owner, t.currency""")
    List<Object[]> sumOpenOverdueByOwner();

    @Query("select new com.collectiondesk.ticket.OpenTicketKey(t.id, t.customerPk, t.currency) from Ticket t where t.status <> com.collectiondesk.ticket.TicketStatus.CLOSED")
    List<OpenTicketKey> findOpenTicketKeys();
}
