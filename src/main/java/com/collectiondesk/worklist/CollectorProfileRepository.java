package com.collectiondesk.worklist;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CollectorProfileRepository extends JpaRepository<CollectorProfile, String> {

    List<CollectorProfile> findByAvailableTrueOrderByUserIdAsc();

    List<CollectorProfile> findByTeamLead(String teamLead);
}
