package com.collectiondesk.security.expressions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Finds keys ending in {@code Expression} (any case) at any depth of a JSON document, arrays included. */
final class ExpressionKeys {

    /** One key found, with its path such as {@code orQueries[0].dueAfterExpression}. */
    record Found(String path, JsonNode value) {
    }

    private ExpressionKeys() {
    }

    static boolean isExpressionKey(String key) {
        return key.toLowerCase(Locale.ROOT).endsWith("expression");
    }

    static List<Found> in(JsonNode node) {
        List<Found> found = new ArrayList<>();
        collect(node, "", found);
        return found;
    }

    private static void collect(JsonNode node, String path, List<Found> found) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (isExpressionKey(field.getKey())) {
                    found.add(new Found(fieldPath, field.getValue()));
                }
                collect(field.getValue(), fieldPath, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", found);
            }
        }
    }
}
