package com.collectiondesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PaymentRepository extends JpaRepository<Payment, Long> {

    Optional<Payment> findByPaymentId(String paymentId);

    List<Payment> findByPaymentIdIn(Collection<String> paymentIds);

    List<Payment> findByCustomerOrderByPaidOnDescPaymentIdDesc(Customer customer);

    /** All of the customer's credit, oldest payment spent first. */
    @Query("""
            select p from Payment p
            where p.customer = :customer and p.unallocatedAmount > 0
            order by p.paidOn asc, p.paymentId asc""")
    List<Payment> findAllWithCredit(Customer customer);

    /** What the customer paid in a currency on or after a day. */
    @Query("""
            select coalesce(sum(p.amount), 0) from Payment p
            where p.customer.id = :customerPk and p.currency = :currency and p.paidOn >= :since""")
    BigDecimal paidSince(Long customerPk, String currency, LocalDate since);

    /** Which of these customers (primary keys) have unspent credit: one query per import chunk. */
    @Query("select distinct p.customer.id from Payment p where p.customer.id in :customerPks and p.unallocatedAmount > 0")
    List<Long> findCustomersWithCredit(Collection<Long> customerPks);
}
