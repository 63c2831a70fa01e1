package com.collectiondesk.security.models;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one Camunda Form: strict JSON in the form-js schema ({@code "type": "default"}, an {@code id} and
 * {@code components}), whose components are plain input and layout fields. {@code html} and {@code iframe}
 * components, images, file pickers, and HTML tags in text are refused: they put the deployer's markup or
 * another site into a collector's Tasklist session.
 */
final class FormCheck {

    static final Set<String> COMPONENT_TYPES = Set.of("text", "textfield", "textarea", "number", "datetime", "checkbox",
            "checklist", "radio", "select", "taglist", "table", "group", "dynamiclist", "separator", "spacer", "button");
    private static final Pattern HTML_TAG = Pattern.compile("<\\s*[a-zA-Z!/?]");
    private static final String HINT = "forms are Camunda Forms (form-js) made of the components " + COMPONENT_TYPES + ".";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private FormCheck() {
    }

    static Optional<Refusal> check(byte[] content) {
        JsonNode form;
        try {
            form = JSON.readTree(content);
        } catch (JsonProcessingException notJson) {
            return refuse("is not valid JSON (" + notJson.getOriginalMessage() + ")");
        } catch (IOException unreadable) {
            return refuse("cannot be read as JSON");
        }
        if (form == null || !form.isObject() || !"default".equals(form.path("type").asText(null))
                || !form.path("id").isTextual() || !form.path("components").isArray()) {
            return refuse("is not a Camunda Form (an object with \"type\": \"default\", an \"id\" and \"components\")");
        }
        return components(form.path("components"));
    }

    private static Optional<Refusal> components(JsonNode components) {
        for (JsonNode component : components) {
            String type = component.path("type").asText("");
            String id = component.path("id").asText(component.path("key").asText("?"));
            if (!COMPONENT_TYPES.contains(type)) {
                return refuse("has a component '" + id + "' of type '" + type + "', which forms may not use");
            }
            if (type.equals("text") && HTML_TAG.matcher(component.path("text").asText("")).find()) {
                return refuse("has HTML in the text component '" + id + "'; text components take Markdown only");
            }
            if (component.has("components")) {
                Optional<Refusal> nested = components(component.path("components"));
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String problem) {
        return Optional.of(new Refusal(problem, HINT));
    }
}
