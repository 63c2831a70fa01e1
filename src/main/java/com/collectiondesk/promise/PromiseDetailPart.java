package com.collectiondesk.promise;

import com.collectiondesk.ticket.TicketDetailPart;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The ticket's promises, oldest first, as its detail shows them. */
@Component
@Order(3)
@Transactional(readOnly = true)
class PromiseDetailPart implements TicketDetailPart {

    private final PromiseRepository repository;

    PromiseDetailPart(PromiseRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return "promises";
    }

    @Override
    public List<PromiseView> of(Long ticketId) {
        return repository.findByTicketIdOrderByIdAsc(ticketId).stream().map(PromiseView::of).toList();
    }
}
