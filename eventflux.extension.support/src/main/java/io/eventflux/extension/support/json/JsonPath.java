package io.eventflux.extension.support.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The subset of JSONPath that picks one value: {@code $} followed by any number of {@code .name},
 * {@code ['name']} or {@code ["name"]} (with backslash escapes) and {@code [index]} (0-based,
 * non-negative) steps. Wildcards, recursive descent, slices and filters select several values and are
 * refused. Immutable and thread-safe.
 */
public final class JsonPath {
    private final List<Object> steps;

    private JsonPath(List<Object> steps) {
        this.steps = steps;
    }

    /**
     * Parses a path (surrounding whitespace is ignored).
     *
     * @throws IllegalArgumentException saying what is wrong, when the path is outside the subset
     */
    public static JsonPath parse(String path) {
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
                String name = p.substring(start, i);
                if (name.equals("*")) {
                    throw new IllegalArgumentException("wildcard at index " + start);
                }
                steps.add(name);
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
                        throw new IllegalArgumentException("unclosed [" + quote + " at index " + i);
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

    /** The path {@code $['name']}: one member step. */
    public static JsonPath member(String name) {
        return new JsonPath(List.of(name));
    }

    /** The steps in order: a {@link String} member name or an {@link Integer} array index each; immutable. */
    public List<Object> steps() {
        return steps;
    }

    /**
     * The value at this path in a tree of {@link Map}s (objects), {@link List}s (arrays) and scalars, or
     * null when a step is missing or does not fit the value it is applied to.
     */
    public Object select(Object root) {
        Object v = root;
        for (Object step : steps) {
            if (step instanceof String name && v instanceof Map<?, ?> m) {
                v = m.get(name);
            } else if (step instanceof Integer index && v instanceof List<?> l && index < l.size()) {
                v = l.get(index);
            } else {
                return null;
            }
        }
        return v;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("$");
        for (Object step : steps) {
            if (step instanceof Integer index) {
                b.append('[').append(index).append(']');
            } else {
                b.append("['").append(((String) step).replace("\\", "\\\\").replace("'", "\\'")).append("']");
            }
        }
        return b.toString();
    }
}
