package io.eventflux.function.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled JSONPath of the supported subset: {@code $} followed by any number of {@code .name},
 * {@code ['name']} (or double quotes, with backslash escapes) and {@code [index]} (0-based, non-negative).
 */
final class JsonPath {
    private final List<Object> steps;

    private JsonPath(List<Object> steps) {
        this.steps = steps;
    }

    /** Parses a path; throws IllegalArgumentException saying what is wrong. */
    static JsonPath compile(String path) {
        String p = path.trim();
        if (!p.startsWith("$")) {
            throw new IllegalArgumentException("it must start with $");
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < p.length() && p.charAt(i) != '.' && p.charAt(i) != '[') {
                    i++;
                }
                if (i == start) {
                    throw new IllegalArgumentException("empty name at index " + start);
                }
                steps.add(p.substring(start, i));
            } else if (c == '[') {
                i++;
                if (i < p.length() && (p.charAt(i) == '\'' || p.charAt(i) == '"')) {
                    char quote = p.charAt(i++);
                    StringBuilder name = new StringBuilder();
                    while (i < p.length() && p.charAt(i) != quote) {
                        if (p.charAt(i) == '\\' && i + 1 < p.length()) {
                            i++;
                        }
                        name.append(p.charAt(i++));
                    }
                    if (i + 1 >= p.length() || p.charAt(i + 1) != ']') {
                        throw new IllegalArgumentException("unclosed [' at index " + i);
                    }
                    i += 2;
                    steps.add(name.toString());
                } else {
                    int start = i;
                    while (i < p.length() && Character.isDigit(p.charAt(i))) {
                        i++;
                    }
                    if (i == start || i >= p.length() || p.charAt(i) != ']') {
                        throw new IllegalArgumentException("expected an index or a quoted name at index " + start);
                    }
                    try {
                        steps.add(Integer.parseInt(p.substring(start, i)));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("index too large at index " + start);
                    }
                    i++;
                }
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at index " + i);
            }
        }
        return new JsonPath(List.copyOf(steps));
    }

    /** The node at this path, or null if absent. */
    JsonNode find(JsonNode root) {
        JsonNode node = root;
        for (Object step : steps) {
            if (node == null) {
                return null;
            }
            node = step instanceof Integer index
                    ? (node.isArray() ? node.get(index) : null)
                    : (node.isObject() ? node.get((String) step) : null);
        }
        return node;
    }
}
