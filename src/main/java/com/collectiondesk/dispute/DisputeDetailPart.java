package com.collectiondesk.dispute;

import com.collectiondesk.ticket.TicketDetailPart;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The ticket's disputes, oldest first, as its detail shows them. */
@Component
@Order(4)
@Transactional(readOnly = true)
class DisputeDetailPart implements TicketDetailPart {

    private final DisputeRepository repository;

    DisputeDetailPart(DisputeRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return "disputes";
    }

    @Override
    public List<DisputeView> of(Long ticketId) {
        return repository.findByTicketIdOrderByIdAsc(ticketId).stream().map(DisputeView::of).toList();
    }
}
