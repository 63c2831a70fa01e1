package com.collectiondesk.ledger;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    Optional<Customer> findByCustomerId(String customerId);

    List<Customer> findByCustomerIdIn(Collection<String> customerIds);

    @Query("select c.id from Customer c where c.phone = :phone")
    List<Long> findPksByPhone(String phone);

    /** Serialises allocations per customer: a payment and an invoice import must not both spend one credit. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Customer c where c.id = :id")
    Optional<Customer> lockById(Long id);

    /** Locks a batch's customers in one query, in id order so that concurrent imports cannot deadlock. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Customer c where c.id in :ids order by c.id")
    List<Customer> lockAllById(Collection<Long> ids);
}
