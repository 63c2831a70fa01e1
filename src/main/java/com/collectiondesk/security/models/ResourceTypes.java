package com.collectiondesk.security.models;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A deployment holds models and nothing else: {@code .bpmn}, {@code .dmn}, {@code .form}, and PNG, JPEG or
 * GIF images for documentation (checked by their first bytes, so an HTML page cannot pose as one). HTML,
 * JavaScript, XML under other names, CMMN and any other file would be served back or run by someone else.
 */
final class ResourceTypes {

    enum Kind { BPMN, DMN, FORM, IMAGE, OTHER }

    private static final String HINT = "a deployment may contain only .bpmn, .dmn and .form files (and PNG, JPEG or GIF images).";
    private static final Set<String> SCRIPT_SUFFIXES = Set.of(
            ".js", ".mjs", ".cjs", ".ts", ".jsx", ".ecma", ".groovy", ".gvy", ".gy", ".gsh", ".py", ".jy",
            ".rb", ".jruby", ".kts", ".lua", ".sh", ".ftl", ".vm", ".xsl", ".xslt");
    private static final Map<String, Kind> MODEL_SUFFIXES = Map.of(".bpmn", Kind.BPMN, ".dmn", Kind.DMN, ".form", Kind.FORM);
    private static final Map<String, byte[]> IMAGE_SIGNATURES = Map.of(
            ".png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
            ".jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff},
            ".jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff},
            ".gif", new byte[] {'G', 'I', 'F', '8'});

    private ResourceTypes() {
    }

    static Kind kind(String resourceName) {
        String suffix = suffix(resourceName);
        return MODEL_SUFFIXES.getOrDefault(suffix, IMAGE_SIGNATURES.containsKey(suffix) ? Kind.IMAGE : Kind.OTHER);
    }

    /** Why an image or other file is refused; a model's content is checked by its own check. */
    static Optional<Refusal> refusal(String resourceName, byte[] content) {
        String suffix = suffix(resourceName);
        return switch (kind(resourceName)) {
            case BPMN, DMN, FORM -> Optional.empty();
            case IMAGE -> startsWith(content, IMAGE_SIGNATURES.get(suffix))
                    ? Optional.empty() : Optional.of(new Refusal("is not a " + suffix + " image", HINT));
            case OTHER -> Optional.of(SCRIPT_SUFFIXES.contains(suffix) ? Refusal.script("is a script file (" + suffix + ")")
                    : new Refusal(suffix.isEmpty() ? "has no file type" : "is a " + suffix + " file", HINT));
        };
    }

    private static String suffix(String resourceName) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot < name.lastIndexOf('/') ? "" : name.substring(dot);
    }

    private static boolean startsWith(byte[] content, byte[] signature) {
        return content.length >= signature.length && Arrays.equals(Arrays.copyOf(content, signature.length), signature);
    }
}
