package com.collectiondesk.contact;

import com.collectiondesk.outreach.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code collection_contact_refusals_total{channel, verdict, rule}}: steps and sends the contact policy postponed or
 * skipped, by the rule that refused (rule names come from the policy's settings, never from a debtor's data).
 */
@Component
class PolicyRefusalMeters {

    private final MeterRegistry registry;

    PolicyRefusalMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(Channel channel, ContactDecision decision) {
        if (decision.isAllowed()) {
            return;
        }
        Counter.builder("collection.contact.refusals").description("contacts the contact policy postponed or skipped")
                .tags("channel", String.valueOf(channel), "verdict", decision.verdict().name(), "rule", decision.rule())
                .register(registry).increment();
    }
}
