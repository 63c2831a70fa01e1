package com.collectiondesk.ticket;

import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.outreach.Channel;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the ticket API answers. */
public final class TicketViews {

    private TicketViews() {
    }

    public record Summary(String ticketNumber, String customerId, String customerName, TicketStatus status, CloseReason closeReason,
                   BigDecimal overdueAmount, BigDecimal overdueAtEntry, String currency, int maxDpd, String bucket, String productType,
                   String segment, Integer priority, String owner, LocalDate openedOn, String nextStep,
                   Instant nextStepDueAt) {
        static Summary of(Ticket t, LedgerQueries.DebtorName debtor) {
            return new Summary(t.getTicketNumber(), debtor.customerId(), debtor.name(), t.getStatus(), t.getCloseReason(),
                    t.getOverdueAmount(), t.getOverdueAtEntry(), t.getCurrency(), t.getMaxDpd(), t.getBucket(), t.getProductType(),
                    t.getSegment(), t.getPriority(), t.getOwner(), t.getOpenedOn(), t.getNextStep(), t.getNextStepDueAt());
        }
    }

    public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
        static <T> PageView<T> of(org.springframework.data.domain.Page<T> page) {
            return new PageView<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                    page.getTotalPages());
        }
    }

    public record EventView(String type, Instant at, String details, String author) {
        static EventView of(TicketEvent e) {
            return new EventView(e.getType(), e.getAt(), e.getDetails(), e.getAuthor());
        }
    }

    /**
     * A ticket with the parts the features hanging off it publish (its plan's steps, contacts, promises,
     * disputes: {@link TicketDetailPart}), and the timeline, whose SEGMENT_DECIDED and STRATEGY_PLANNED entries
     * carry the decisions' inputs and outputs.
     */
    public record Detail(Summary ticket, List<String> invoices, @JsonIgnore Map<String, List<?>> parts, List<EventView> payments,
                  List<EventView> decisions, List<EventView> timeline) {

        @JsonAnyGetter
        Map<String, List<?>> partsByName() {
            return parts;
        }
    }
}
