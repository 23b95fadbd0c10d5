package io.eventflux.mapper.json.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.eventflux.api.StreamSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code json.template}: literal text with {@code {{attr}}} placeholders, parsed once. A placeholder
 * becomes the value's text (strings JSON-escaped, without quotes: the template supplies them), or
 * {@code null}.
 */
final class JsonTemplate {
    private final String[] literals; // literals[i] precedes the i-th placeholder; one more at the end
    private final int[] attributes;

    private JsonTemplate(String[] literals, int[] attributes) {
        this.literals = literals;
        this.attributes = attributes;
    }

    /** @throws IllegalArgumentException naming the stream and an unknown attribute */
    static JsonTemplate parse(String template, StreamSchema schema) {
        List<String> lits = new ArrayList<>();
        List<Integer> attrs = new ArrayList<>();
        int pos = 0;
        StringBuilder lit = new StringBuilder();
        while (true) {
            int open = template.indexOf("{{", pos);
            int close = open < 0 ? -1 : template.indexOf("}}", open + 2);
            if (close < 0) {
                lit.append(template, pos, template.length());
                break;
            }
            String name = template.substring(open + 2, close).trim();
            int index = schema.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException("stream " + schema.name() + ": json.template names unknown attribute '"
                        + name + "'; attributes are " + schema.names());
            }
            lit.append(template, pos, open);
            lits.add(lit.toString());
            lit.setLength(0);
            attrs.add(index);
            pos = close + 2;
        }
        lits.add(lit.toString());
        return new JsonTemplate(lits.toArray(String[]::new), attrs.stream().mapToInt(Integer::intValue).toArray());
    }

    String render(Object[] data) {
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < attributes.length; i++) {
            sb.append(literals[i]);
            Object v = data[attributes[i]];
            if (v == null) {
                sb.append("null");
            } else if (v instanceof String s) {
                JsonStringEncoder.getInstance().quoteAsString(s, sb);
            } else {
                sb.append(v);
            }
        }
        return sb.append(literals[attributes.length]).toString();
    }
}
