package com.collectiondesk.outreach;

import com.collectiondesk.ledger.LegalEntities;
import org.springframework.stereotype.Component;

/**
 * Who a message is from: the debtor's legal entity's name, letterhead and sender ids, and the service's own
 * settings ({@code collection.outreach.company-name}, {@code email-from}, {@code collection.twilio.from} or
 * {@code messaging-service-sid}) where the entity names none.
 */
@Component
class EntitySenders {

    /** {@code letterhead}: the lines under the name on a letter (the entity's letterhead, else its address, else none). */
    record Sender(String name, String letterhead, String emailFrom, TwilioGateway.SmsFrom sms) {
    }

    private final LegalEntities entities;
    private final OutreachSettings settings;
    private final TwilioSettings twilio;

    EntitySenders(LegalEntities entities, OutreachSettings settings, TwilioSettings twilio) {
        this.entities = entities;
        this.settings = settings;
        this.twilio = twilio;
    }

    Sender of(String legalEntity) {
        LegalEntities.LegalEntity entity = entities.entity(legalEntity == null ? LegalEntities.DEFAULT : legalEntity);
        boolean ownSms = given(entity.smsFrom()) || given(entity.messagingServiceSid());
        return new Sender(given(entity.name()) ? entity.name() : settings.companyName(),
                given(entity.letterhead()) ? entity.letterhead() : entity.address(),
                given(entity.emailFrom()) ? entity.emailFrom() : settings.emailFrom(),
                ownSms ? new TwilioGateway.SmsFrom(entity.smsFrom(), entity.messagingServiceSid())
                        : new TwilioGateway.SmsFrom(twilio.from(), twilio.messagingServiceSid()));
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
