package com.collectiondesk.outreach;

import com.collectiondesk.contact.OutreachMessages;
import com.collectiondesk.strategy.TicketStep;
import com.collectiondesk.ticket.Ticket;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The real transports with interest on and two legal entities: the default one (the service's own rules, named
 * here with a letterhead) and {@code RO}, a Romanian company with its own letterhead, senders, fixed interest
 * rate, allocation order, letter fee and B2B compensation (in RON). One Spring context for the dunning-document and legal-entity tests.
 */
@TestPropertySource(properties = {
        "collection.ledger.interest.enabled=true",
        "collection.legal-entities.DEFAULT.name=Collection Desk GmbH",
        "collection.legal-entities.DEFAULT.letterhead=Friedrichstraße 10, 10117 Berlin · HRB 123456 B",
        "collection.legal-entities.RO.name=Credit Rapid SRL",
        "collection.legal-entities.RO.letterhead=Str. Lipscani 10, 030031 București · CUI RO12345678",
        "collection.legal-entities.RO.currency=RON",
        "collection.legal-entities.RO.sms-from=" + EntityChannelTestBase.RO_SMS_FROM,
        "collection.legal-entities.RO.email-from=" + EntityChannelTestBase.RO_EMAIL_FROM,
        "collection.legal-entities.RO.allocation-order=PRINCIPAL_THEN_CHARGES",
        "collection.legal-entities.RO.interest-rules[0].name=RO fixed 10",
        "collection.legal-entities.RO.interest-rules[0].fixed-rate=10",
        "collection.legal-entities.RO.fees.steps.letter-b2b-formal=25.00",
        "collection.legal-entities.RO.b2b-compensation.enabled=true",
        "collection.legal-entities.RO.b2b-compensation.amount=200.00",
        "collection.legal-entities.RO.b2b-compensation.currency=RON",
        "collection.legal-entities.RO.invoice-currencies=RON,EUR"})
abstract class EntityChannelTestBase extends ChannelTestBase {

    static final String RO_SMS_FROM = "+40312345678";
    static final String RO_EMAIL_FROM = "colectare@creditrapid.example";

    @Autowired OutreachMessages messages;

    /**
     * Opens the debtor's ticket and builds the message the contact module would for its first step, on the given
     * channel and template instead (the shipped STANDARD plan starts with an SMS).
     */
    protected OutreachMessage built(com.collectiondesk.ledger.Customer debtor, Channel channel, String templateId, String key) {
        ProcessInstance instance = openAndPlan(debtor);
        OutreachMessage message = transaction.execute(status -> {
            Ticket ticket = ticketOf(instance);
            TicketStep step = steps.findByTicketIdOrderByPlanRoundAscStepIndexAsc(ticket.getId()).get(0);
            return messages.of(ticket, step, ticket.getTicketNumber() + ":" + key);
        });
        return new OutreachMessage(message.sendKey(), channel, templateId, message.debtor(), message.debt());
    }
}
