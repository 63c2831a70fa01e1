package com.collectiondesk.ledger;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentAllocationRepository extends JpaRepository<PaymentAllocation, Long> {

    List<PaymentAllocation> findByPayment(Payment payment);

    @org.springframework.data.jpa.repository.Query("""
            select a from PaymentAllocation a join fetch a.invoice
            where a.payment.customer = :customer order by a.allocatedAt, a.id""")
    List<PaymentAllocation> findByCustomer(Customer customer);
}
