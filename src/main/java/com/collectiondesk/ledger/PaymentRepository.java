package com.collectiondesk.ledger;

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

    /** Which of these customers (primary keys) have unspent credit: one query per import chunk. */
    @Query("select distinct p.customer.id from Payment p where p.customer.id in :customerPks and p.unallocatedAmount > 0")
    List<Long> findCustomersWithCredit(Collection<Long> customerPks);
}
