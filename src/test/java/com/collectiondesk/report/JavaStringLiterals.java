package com.collectiondesk.report;

import java.util.ArrayList;
import java.util.List;

/** The string literals and text blocks of a Java source, unescaped enough to read SQL in them; comments skipped. */
final class JavaStringLiterals {

    private JavaStringLiterals() {
    }

    static List<String> of(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = endOf(source, "\n", i + 2);
            } else if (source.startsWith("/*", i)) {
                i = endOf(source, "*/", i + 2);
            } else if (c == '\'') {
                i = closing(source, i + 1, '\'') + 1;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end;
                literals.add(source.substring(i + 3, end).replace("\\\n", ""));
                i = end + 3;
            } else if (c == '"') {
                int end = closing(source, i + 1, '"');
                literals.add(source.substring(i + 1, end).replace("\\\"", "\"").replace("\\n", "\n"));
                i = end + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    /** Index of the unescaped {@code quote} ending a literal that starts at {@code from}. */
    private static int closing(String source, int from, char quote) {
        int i = from;
        while (i < source.length() && source.charAt(i) != quote) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, source.length());
    }

    private static int endOf(String source, String marker, int from) {
        int end = source.indexOf(marker, from);
        return end < 0 ? source.length() : end + marker.length();
    }
}
