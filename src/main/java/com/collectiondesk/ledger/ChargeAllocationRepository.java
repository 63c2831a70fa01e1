package com.collectiondesk.ledger;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChargeAllocationRepository extends JpaRepository<ChargeAllocation, Long> {

    @Query("select a from ChargeAllocation a join fetch a.invoice where a.payment = :payment order by a.id")
    List<ChargeAllocation> findByPayment(Payment payment);

    @Query("select a from ChargeAllocation a join fetch a.invoice i where i.customer = :customer order by a.id")
    List<ChargeAllocation> findByCustomer(Customer customer);
}
