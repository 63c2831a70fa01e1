package com.collectiondesk.hold;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface HoldRepository extends JpaRepository<Hold, Long> {

    /** Not lifted; whether the end date passed is the caller's check ({@link Hold#isOpenOn}). */
    @Query("select h from Hold h where h.customerPk = :customerPk and h.liftedOn is null order by h.id")
    List<Hold> findUnliftedOf(Long customerPk);

    @Query("select h from Hold h where h.customerPk in :customerPks and h.liftedOn is null order by h.id")
    List<Hold> findUnliftedOfAll(Collection<Long> customerPks);

    List<Hold> findByTicketPkOrderByIdAsc(Long ticketPk);

    @Query("select h from Hold h where h.liftedOn is null order by h.id")
    List<Hold> findUnlifted();
}
