package com.collectiondesk.errors;

import java.util.regex.Pattern;

/** Error messages as a caller may read them: no Java class names, no stack trace lines. */
final class PlainMessages {

    private static final int MAX_LENGTH = 2000;
    /** "org.camunda.bpm.engine.ProcessEngineException: " and the like, prefixed to a wrapped cause's message. */
    private static final Pattern THROWABLE_NAME = Pattern.compile("\\b(?:[a-zA-Z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");
    /** A package-qualified name such as java.lang.Integer: the simple name says the same to a caller. */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*)");
    private static final Pattern STACK_LINE = Pattern.compile("\\s*\\n\\s*at\\s.*");
    /** Jackson's "(through reference chain: org.x.SomeDto["field"])" names the classes it was filling. */
    private static final Pattern REFERENCE_CHAIN = Pattern.compile("\\s*\\(through reference chain: [^)]*\\)");

    private PlainMessages() {
    }

    /** The message without class names; {@code null} when nothing readable is left. */
    static String of(String message) {
        if (message == null) {
            return null;
        }
        String plain = REFERENCE_CHAIN.matcher(message).replaceAll("");
        plain = STACK_LINE.matcher(plain).replaceAll("");
        plain = THROWABLE_NAME.matcher(plain).replaceAll("");
        plain = QUALIFIED_NAME.matcher(plain).replaceAll("$1").strip();
        if (plain.length() > MAX_LENGTH) {
            plain = plain.substring(0, MAX_LENGTH) + "…";
        }
        return plain.isEmpty() ? null : plain;
    }
}
