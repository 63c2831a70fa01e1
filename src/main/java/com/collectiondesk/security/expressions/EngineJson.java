package com.collectiondesk.security.expressions;

import com.collectiondesk.errors.JsonLimits;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

/**
 * Reads a JSON body exactly as the engine REST API will: the same bytes, Jackson configured by Camunda's own
 * {@link JacksonConfigurator}, only stricter. Anything the engine might read differently from what this class
 * sees is refused instead: bytes that are not strictly UTF-8 (Jackson decodes overlong forms such as
 * {@code C1 85} as the letter {@code E}), UTF-16/32 (which Jackson detects on its own), a byte order mark, a
 * key given twice (the engine keeps the last), anything after the document, and nesting deeper than
 * {@link #MAX_DEPTH}.
 */
final class EngineJson {

    /** Queries nest a few levels (orQueries, sorting, variables); the service-wide bound is far beyond any real one. */
    static final int MAX_DEPTH = JsonLimits.MAX_NESTING_DEPTH;

    private static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper(
                    JsonFactory.builder()
                            .streamReadConstraints(JsonLimits.readConstraints())
                            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                            .build()));

    /** Why a body was not read; the message is for the caller and names no class. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private EngineJson() {
    }

    /** The document, or empty for a body of white space only (the engine then reads no query at all). */
    static Optional<JsonNode> read(byte[] body) throws Unreadable {
        requireStrictUtf8(body);
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse(body));
    }

    /** A JSON value inside a query parameter, already decoded to text. */
    static JsonNode read(String text) throws Unreadable {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode parse(byte[] utf8) throws Unreadable {
        try (JsonParser parser = MAPPER.getFactory().createParser(utf8)) {
            JsonNode document = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                // The engine would read the first document and ignore the rest; nobody sends a second one by mistake.
                throw new Unreadable("The request body holds more than one JSON document.");
            }
            return document;
        } catch (StreamConstraintsException overLimit) {
            throw new Unreadable(overLimit.getOriginalMessage().contains("nesting depth")
                    ? "The request body nests deeper than " + MAX_DEPTH + " levels."
                    : "The request body holds a number or text longer than the JSON reader accepts.");
        } catch (JsonProcessingException notJson) {
            throw new Unreadable(notJsonMessage(notJson));
        } catch (IOException unexpected) {
            throw new Unreadable("The request body could not be read as JSON.");
        }
    }

    private static String notJsonMessage(JsonProcessingException error) {
        String where = error.getLocation() == null ? ""
                : " (line " + error.getLocation().getLineNr() + ", column " + error.getLocation().getColumnNr() + ")";
        return "The request body is not valid JSON" + where + ": " + firstLine(error.getOriginalMessage()) + ".";
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * Refuses what a strict UTF-8 decoder refuses (overlong forms, surrogates, stray bytes), a byte order mark and
     * NUL bytes: JSON text has none outside escapes, and they are how Jackson recognises UTF-16 and UTF-32.
     */
    private static void requireStrictUtf8(byte[] body) throws Unreadable {
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            throw new Unreadable("The request body starts with a byte order mark; send UTF-8 JSON without one.");
        }
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                throw new Unreadable("The request body is not UTF-8: it holds a NUL byte at offset " + i
                        + ", as UTF-16 or UTF-32 would.");
            }
        }
        ByteBuffer bytes = ByteBuffer.wrap(body);
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
        } catch (CharacterCodingException malformed) {
            throw new Unreadable("The request body is not valid UTF-8 (malformed byte sequence at offset "
                    + bytes.position() + ").");
        }
    }
}
