package com.collectiondesk.security.expressions;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits and decodes a raw query string as the engine's JAX-RS layer does ({@code +} is a space, {@code %XX} a
 * byte, the bytes UTF-8), but refuses what that layer would quietly repair: a broken percent escape, or bytes
 * that are not strictly UTF-8 (an overlong {@code %C1%85} would otherwise pass here as two replacement
 * characters).
 */
final class StrictQueryString {

    record Parameter(String name, String value) {
    }

    /** A query string that cannot be decoded strictly; the message says where. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private StrictQueryString() {
    }

    static List<Parameter> parse(String queryString) throws Malformed {
        List<Parameter> parameters = new ArrayList<>();
        if (queryString == null || queryString.isEmpty()) {
            return parameters;
        }
        for (String pair : queryString.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.add(new Parameter(name, value));
        }
        return parameters;
    }

    static String decode(String encoded) throws Malformed {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    throw new Malformed("The query string has a broken percent escape in '" + printable(encoded) + "'.");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // Tomcat hands over the raw query string; a non-ASCII character in it was never percent-encoded.
                throw new Malformed("The query string holds a character that is not percent-encoded in '"
                        + printable(encoded) + "'.");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException malformed) {
            throw new Malformed("The query string is not valid UTF-8 once percent-decoded, in '" + printable(encoded) + "'.");
        }
    }

    /** The raw (still encoded) text, shortened, so a message never echoes a long hostile value. */
    private static String printable(String encoded) {
        String ascii = encoded.replaceAll("[^\\x21-\\x7e]", "?");
        return ascii.length() <= 60 ? ascii : ascii.substring(0, 60) + "…";
    }
}
