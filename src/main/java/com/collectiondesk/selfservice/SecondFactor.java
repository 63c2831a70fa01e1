package com.collectiondesk.selfservice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What the debtor knows and a link forwarder does not, asked before invoices and personal details are shown:
 * the postal code of their address, or the last digits of one of the ticket's invoice numbers.
 */
public enum SecondFactor {
    POSTAL_CODE,
    INVOICE_DIGITS;

    /** Whether {@code answer} matches; answers are compared without spaces, dashes, dots and case. */
    boolean accepts(String answer, String address, Collection<String> invoiceNumbers, int invoiceDigits) {
        String given = normalized(answer);
        if (given.length() < 3) {
            return false;
        }
        return switch (this) {
            case POSTAL_CODE -> postalCodeCandidates(address).contains(given);
            case INVOICE_DIGITS -> given.length() == invoiceDigits && invoiceNumbers.stream().map(SecondFactor::normalized)
                    .anyMatch(number -> number.length() >= invoiceDigits && number.endsWith(given));
        };
    }

    /** Every word of the address with a digit in it, and every two such words side by side ("SW1A 1AA"). */
    static List<String> postalCodeCandidates(String address) {
        List<String> candidates = new ArrayList<>();
        if (address == null) {
            return candidates;
        }
        for (String part : address.split("[,;\\n]")) {
            List<String> words = Arrays.stream(part.trim().split("\\s+")).map(SecondFactor::normalized)
                    .filter(word -> word.chars().anyMatch(Character::isDigit)).toList();
            candidates.addAll(words);
            for (int i = 0; i + 1 < words.size(); i++) {
                candidates.add(words.get(i) + words.get(i + 1));
            }
        }
        return candidates;
    }

    private static String normalized(String text) {
        return text == null ? "" : text.replaceAll("[\\s\\-.]", "").toUpperCase(Locale.ROOT);
    }
}
