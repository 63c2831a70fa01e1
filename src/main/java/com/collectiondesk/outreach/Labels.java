package com.collectiondesk.outreach;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;

/** Fixed words of one language (table headings, the unsubscribe line) from {@code templates/outreach/labels.<lang>.properties}. */
record Labels(Properties words) {

    private static final Map<String, Labels> LOADED = new ConcurrentHashMap<>();

    /** The words for a debtor's language tag ("de-AT" reads labels.de), read once per language. */
    static Labels of(String languageTag) {
        return LOADED.computeIfAbsent(MessageTemplates.languageOf(languageTag), Labels::load);
    }

    private static Labels load(String language) {
        Properties words = new Properties();
        read(words, "en");
        if (!"en".equals(language)) {
            read(words, language);
        }
        return new Labels(words);
    }

    String get(String key) {
        String value = words.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("No outreach label '" + key + "' in templates/outreach/labels.en.properties");
        }
        return value;
    }

    private static void read(Properties words, String language) {
        ClassPathResource resource = new ClassPathResource("templates/outreach/labels." + language + ".properties");
        if (!resource.exists()) {
            return;
        }
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            words.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource.getPath(), e);
        }
    }
}
