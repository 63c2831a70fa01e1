package com.collectiondesk.ledger;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChargeRepository extends JpaRepository<Charge, Long> {

    List<Charge> findByChargeKeyIn(Collection<String> chargeKeys);

    /** The customer's charges, by invoice (due date, number) and then period. */
    @Query("""
            select c from Charge c join fetch c.invoice i
            where i.customer = :customer
            order by i.dueDate, i.invoiceNumber, c.periodFrom nulls last, c.id""")
    List<Charge> findByCustomer(Customer customer);
}
