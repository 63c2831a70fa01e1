package com.collectiondesk.contact;

import com.collectiondesk.ticket.TicketDetailPart;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every contact with the ticket's debtor, oldest first, as the ticket's detail shows them. */
@Component
@Order(2)
@Transactional(readOnly = true)
class ContactDetailPart implements TicketDetailPart {

    private final ContactAttemptRepository repository;

    ContactDetailPart(ContactAttemptRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return "contacts";
    }

    @Override
    public List<ContactView> of(Long ticketId) {
        return repository.findByTicketIdOrderByAtAscIdAsc(ticketId).stream().map(ContactView::of).toList();
    }
}
