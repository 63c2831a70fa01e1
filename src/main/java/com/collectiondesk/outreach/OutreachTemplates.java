package com.collectiondesk.outreach;

import java.util.Locale;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;

/**
 * The shipped message templates, {@code templates/outreach/<templateId>.<language>.txt} (English is the fallback every
 * template has). A template's id starts with its channel ({@code sms-reminder}, {@code email-friendly}); the same
 * message on another channel is the id with that prefix swapped, when it is shipped.
 */
public final class OutreachTemplates {

    private OutreachTemplates() {
    }

    static ClassPathResource resource(String templateId, String language) {
        return new ClassPathResource("templates/outreach/" + templateId + "." + language + ".txt");
    }

    /** {@code sms-reminder} on {@link Channel#EMAIL} is {@code email-reminder}, if shipped; empty otherwise. */
    public static Optional<String> counterpart(String templateId, Channel from, Channel to) {
        String prefix = prefixOf(from);
        if (templateId == null || !templateId.startsWith(prefix)) {
            return Optional.empty();
        }
        String other = prefixOf(to) + templateId.substring(prefix.length());
        return resource(other, "en").exists() ? Optional.of(other) : Optional.empty();
    }

    private static String prefixOf(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT) + "-";
    }
}
