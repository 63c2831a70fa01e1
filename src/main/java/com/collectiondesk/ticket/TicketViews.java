package com.collectiondesk.ticket;

import com.collectiondesk.outreach.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the ticket API answers. */
final class TicketViews {

    private TicketViews() {
    }

    record Summary(String ticketNumber, String customerId, TicketStatus status, CloseReason closeReason,
                   BigDecimal overdueAmount, BigDecimal overdueAtEntry, String currency, int maxDpd, String bucket, String productType,
                   String segment, Integer priority, String owner, LocalDate openedOn, String nextStep,
                   Instant nextStepDueAt) {
        static Summary of(Ticket t) {
            return new Summary(t.getTicketNumber(), t.getCustomer().getCustomerId(), t.getStatus(), t.getCloseReason(),
                    t.getOverdueAmount(), t.getOverdueAtEntry(), t.getCurrency(), t.getMaxDpd(), t.getBucket(), t.getProductType(),
                    t.getSegment(), t.getPriority(), t.getOwner(), t.getOpenedOn(), t.getNextStep(), t.getNextStepDueAt());
        }
    }

    record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
        static <T> PageView<T> of(org.springframework.data.domain.Page<T> page) {
            return new PageView<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                    page.getTotalPages());
        }
    }

    record StepView(int plan, int index, int dayOffset, Channel channel, String templateId, Instant dueAt, Instant doneAt) {
        static StepView of(TicketStep s) {
            return new StepView(s.getPlanRound(), s.getStepIndex(), s.getDayOffset(), s.getChannel(), s.getTemplateId(),
                    s.getDueAt(), s.getDoneAt());
        }
    }

    record EventView(String type, Instant at, String details, String author) {
        static EventView of(TicketEvent e) {
            return new EventView(e.getType(), e.getAt(), e.getDetails(), e.getAuthor());
        }
    }

    /** {@code deliveryStatus}: the provider's last word on the send, from the send's one record (null until then). */
    record ContactView(Channel channel, Instant at, String templateId, String outcome, String text, String note,
                       String author, boolean sandbox, String deliveryStatus) {
        static ContactView of(ContactAttempt c) {
            return new ContactView(c.getChannel(), c.getAt(), c.getTemplateId(), c.getOutcome(), c.getRenderedText(),
                    c.getNote(), c.getAuthor(), c.isSandbox(), c.getDeliveryStatus());
        }
    }

    record PromiseView(BigDecimal amount, LocalDate date, Promise.Status status, String author, Instant createdAt,
                       Instant resolvedAt) {
        static PromiseView of(Promise p) {
            return new PromiseView(p.getAmount(), p.getPromisedDate(), p.getStatus(), p.getAuthor(), p.getCreatedAt(),
                    p.getResolvedAt());
        }
    }

    record DisputeView(String reason, BigDecimal amount, Dispute.Resolution resolution, String author, Instant createdAt,
                       Instant resolvedAt) {
        static DisputeView of(Dispute d) {
            return new DisputeView(d.getReason(), d.getAmount(), d.getResolution(), d.getAuthor(), d.getCreatedAt(),
                    d.getResolvedAt());
        }
    }

    /**
     * A ticket with its plan (steps done and when), the next step, its contacts, promises and disputes, and
     * the timeline, whose SEGMENT_DECIDED and STRATEGY_PLANNED entries carry the decisions' inputs and outputs.
     */
    record Detail(Summary ticket, List<String> invoices, List<StepView> steps, List<ContactView> contacts,
                  List<PromiseView> promises, List<DisputeView> disputes, List<EventView> payments,
                  List<EventView> decisions, List<EventView> timeline) {
    }
}
