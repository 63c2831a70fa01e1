package com.collectiondesk.ledger;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How a debtor's name is compared in searches: lower-case, decomposed (NFD) and without combining marks, so
 * "Jose", "José" and "JOSÉ" match each other and "Йордан" matches "йордан" (Cyrillic letters stay Cyrillic).
 */
public final class DebtorSearchText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private DebtorSearchText() {
    }

    /** The comparable form of a name or a search term; null stays null. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return SPACES.matcher(COMBINING_MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").strip()
                .toLowerCase(Locale.ROOT);
    }

    /**
     * The words a name is found by (its normalized form split at spaces, each once): a search matches a debtor when
     * every word typed begins one of these, so it reads an index of words instead of scanning every name.
     */
    public static Set<String> words(String text) {
        String normalized = normalize(text);
        if (normalized == null || normalized.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(List.of(SPACES.split(normalized)));
    }

    /**
     * One line a Tasklist "like" search finds the debtor in: the normalized name, the phone in E.164 and as
     * national digits (what a collector types, e.g. {@code 0888123456}), and the e-mail in lower case.
     */
    public static String ofDebtor(String name, String phone, String email) {
        return Stream.of(normalize(name), phone, nationalDigits(phone), email == null ? null : email.toLowerCase(Locale.ROOT))
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(" "));
    }

    private static String nationalDigits(String e164) {
        if (e164 == null || e164.isBlank()) {
            return null;
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            return util.format(util.parse(e164, null), PhoneNumberFormat.NATIONAL).replaceAll("\\D", "");
        } catch (NumberParseException notE164) {
            return null;
        }
    }
}
