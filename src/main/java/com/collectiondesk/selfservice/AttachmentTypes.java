package com.collectiondesk.selfservice;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The attachments the page takes, told apart by their first bytes (what the file is), never by the name or the type
 * the browser claims: PDF ({@code %PDF-}), PNG (its 8-byte signature) and JPEG ({@code FF D8 FF}).
 */
final class AttachmentTypes {

    private record Signature(String mediaType, String extension, byte[] magic) {
    }

    private static final List<Signature> ACCEPTED = List.of(
            new Signature("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
            new Signature("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
            new Signature("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));

    private AttachmentTypes() {
    }

    /** The media type the content is, if it is one the page takes. */
    static Optional<String> of(byte[] content) {
        return ACCEPTED.stream().filter(signature -> startsWith(content, signature.magic())).map(Signature::mediaType).findFirst();
    }

    /** A name safe to show and to put in a download header: letters, digits, dot, dash and underscore, at most 100. */
    static String safeName(String original, String mediaType) {
        String base = original == null ? "" : original.replaceAll(".*[/\\\\]", "").replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isBlank() || base.chars().allMatch(c -> c == '_' || c == '.')) {
            base = "attachment";
        }
        String extension = ACCEPTED.stream().filter(s -> s.mediaType().equals(mediaType)).map(Signature::extension).findFirst()
                .orElseThrow();
        String stem = base.length() > 90 ? base.substring(0, 90) : base;
        return stem.toLowerCase(java.util.Locale.ROOT).endsWith("." + extension) ? stem : stem + "." + extension;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
