package com.collectiondesk.outreach;

import java.util.Map;

/**
 * What to send: the channel, the template and the values it is filled with. {@code sendKey} identifies
 * this send (ticket, plan round, step, channel) so a retry never sends twice.
 */
public record OutreachMessage(String sendKey, String channel, String templateId, String language,
                              String recipient, Map<String, String> values) {
}
