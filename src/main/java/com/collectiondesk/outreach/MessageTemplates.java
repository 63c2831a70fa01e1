package com.collectiondesk.outreach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Message templates under {@code templates/outreach/<templateId>.<language>.txt}, falling back to English;
 * {@code {{name}}} placeholders are filled from the message's values.
 */
@Component
class MessageTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    String render(OutreachMessage message) {
        String template = load(message.templateId(), message.language());
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String value = message.values().getOrDefault(matcher.group(1), "");
            matcher.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(text);
        return text.toString().strip();
    }

    private String load(String templateId, String language) {
        String base = language == null ? "en" : language.split("[-_]")[0];
        for (String candidate : new String[] {templateId + "." + base, templateId + ".en"}) {
            Resource resource = new ClassPathResource("templates/outreach/" + candidate + ".txt");
            if (resource.exists()) {
                try {
                    return resource.getContentAsString(StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read template " + candidate, e);
                }
            }
        }
        throw new IllegalArgumentException("No outreach template '" + templateId + "' (language " + base
                + " or en) under templates/outreach/");
    }
}
