package com.collectiondesk.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Why a JSON body could not be read, in plain words, and the field at fault when there is one. Shared by our API and
 * the engine REST API, so both say the same about the same body.
 */
record JsonReadProblem(String field, String detail) {

    static final String NOT_JSON = "The body is not valid JSON for this request";

    /** @param cause what the JSON reader threw; anything else is reported as a body that is not JSON */
    static JsonReadProblem of(Throwable cause) {
        if (cause instanceof StreamConstraintsException limit) {
            return new JsonReadProblem(null, limit.getMessage() != null && limit.getMessage().contains("nesting depth")
                    ? "The body nests deeper than " + JsonLimits.MAX_NESTING_DEPTH + " levels"
                    : "The body holds a number or text longer than JSON bodies may have");
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            boolean brokenJson = mapping.getCause() instanceof JsonParseException
                    || String.valueOf(mapping.getOriginalMessage()).contains("end-of-input");
            return new JsonReadProblem(field, brokenJson ? NOT_JSON + " (at '" + field + "')" : field + ": " + expected(mapping));
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new JsonReadProblem(null, "The body must be " + describe(mismatch.getTargetType()));
        }
        if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException parsing
                && parsing.getProcessor() instanceof JsonParser parser) {
            String field = topLevelName(parser.getParsingContext());
            String message = parsing.getOriginalMessage() == null ? "" : parsing.getOriginalMessage();
            if (message.startsWith("Duplicate field")) {
                return new JsonReadProblem(field, field + ": is given more than once");
            }
            return new JsonReadProblem(field, field == null ? NOT_JSON : NOT_JSON + " (at '" + field + "')");
        }
        return new JsonReadProblem(null, NOT_JSON);
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(JsonMappingException mapping) {
        Class<?> type = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        String value = mapping instanceof InvalidFormatException format && format.getValue() != null
                ? "'" + shortened(String.valueOf(format.getValue())) + "' is not " : "must be ";
        return type == null ? "has the wrong type" : value + describe(type);
    }

    static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "a number";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "text";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (yyyy-mm-dd)";
        }
        if (Temporal.class.isAssignableFrom(type) || java.util.Date.class.isAssignableFrom(type)) {
            return "a date and time (ISO 8601)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object" : "a valid value";
    }

    static String shortened(String value) {
        return value.length() > 50 ? value.substring(0, 50) + "…" : value;
    }

    /** The top-level field the parser was in when it gave up (the path Jackson reports for mapping errors). */
    private static String topLevelName(JsonStreamContext context) {
        String name = null;
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.getParent() != null && at.getParent().inRoot()) {
                name = at.getCurrentName();
            }
        }
        return name;
    }
}
