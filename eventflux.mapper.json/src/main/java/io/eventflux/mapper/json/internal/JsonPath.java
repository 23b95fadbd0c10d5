package io.eventflux.mapper.json.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The subset of JSONPath that picks one value: {@code $} followed by {@code .name}, {@code ['name']} and
 * {@code [index]} steps. Wildcards, recursive descent and filters select several values and are refused.
 */
final class JsonPath {
    private final Object[] steps; // String (member) or Integer (array index)

    private JsonPath(Object[] steps) {
        this.steps = steps;
    }

    /** @throws IllegalArgumentException with a reason, when the path is outside the subset */
    static JsonPath parse(String path) {
        String p = path.trim();
        if (!p.startsWith("$")) {
            throw new IllegalArgumentException("a path starts with $");
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '.' && i + 1 < p.length() && p.charAt(i + 1) != '.') {
                int end = i + 1;
                while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
                    end++;
                }
                String name = p.substring(i + 1, end);
                if (name.equals("*")) {
                    throw new IllegalArgumentException("only $.name, ['name'] and [index] steps are supported");
                }
                steps.add(name);
                i = end;
            } else if (c == '[' && p.indexOf(']', i) > i) {
                int close = p.indexOf(']', i);
                String inner = p.substring(i + 1, close).trim();
                if (inner.length() >= 2 && (inner.charAt(0) == '\'' || inner.charAt(0) == '"')
                        && inner.charAt(inner.length() - 1) == inner.charAt(0)) {
                    steps.add(inner.substring(1, inner.length() - 1));
                } else if (!inner.isEmpty() && inner.chars().allMatch(Character::isDigit)) {
                    steps.add(Integer.valueOf(inner));
                } else {
                    throw new IllegalArgumentException("only $.name, ['name'] and [index] steps are supported");
                }
                i = close + 1;
            } else {
                throw new IllegalArgumentException("only $.name, ['name'] and [index] steps are supported");
            }
        }
        return new JsonPath(steps.toArray());
    }

    /** A path of one member step: the attribute's own name. */
    static JsonPath member(String name) {
        return new JsonPath(new Object[] {name});
    }

    /** The value at this path in a tree of Map/List/scalars, or null when any step is missing. */
    Object select(Object root) {
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
}
