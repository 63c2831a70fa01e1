package com.collectiondesk.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContractRepository extends JpaRepository<Contract, Long> {

    Optional<Contract> findByContractId(String contractId);

    List<Contract> findByContractIdIn(Collection<String> contractIds);

    List<Contract> findByCustomerOrderByContractId(Customer customer);
}
