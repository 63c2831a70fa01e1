package com.collectiondesk.selfservice;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;

/** The page's words in en, ro, bg and de ({@code selfservice/words.<language>.properties}); anything else reads English. */
final class Words {

    static final List<String> LANGUAGES = List.of("en", "ro", "bg", "de");
    private static final Map<String, Words> LOADED = new ConcurrentHashMap<>();

    private final String language;
    private final Properties words;

    private Words(String language, Properties words) {
        this.language = language;
        this.words = words;
    }

    static Words of(String languageTag) {
        String language = languageOf(languageTag);
        return LOADED.computeIfAbsent(language, Words::load);
    }

    /** The supported language a tag asks for ({@code de-AT} → {@code de}), else English. */
    static String languageOf(String tag) {
        String language = tag == null || tag.isBlank() ? "en" : Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        return LANGUAGES.contains(language) ? language : "en";
    }

    String language() {
        return language;
    }

    String get(String key, Object... values) {
        String text = words.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("No self-service word '" + key + "' in " + language);
        }
        return values.length == 0 ? text : new MessageFormat(text.replace("'", "''"), Locale.forLanguageTag(language)).format(values);
    }

    private static Words load(String language) {
        Properties words = new Properties();
        try (Reader in = new InputStreamReader(new ClassPathResource("selfservice/words." + language + ".properties").getInputStream(),
                StandardCharsets.UTF_8)) {
            words.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the self-service words for " + language, e);
        }
        return new Words(language, words);
    }
}
