package io.eventflux.api.extension;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of {@link Extension#parameters()}, read by its grammar. An entry is either a parameter
 * ({@code WITH} key or positional argument)
 * <pre>
 * name: TYPE[|TYPE...][ = default | = (default in words) | required][, meaning]
 * </pre>
 * for example {@code "kafka.poll.timeout.ms: LONG = 100, longest wait of one poll"},
 * {@code "csv.delimiter: STRING = ',', one character; '\t' for tab"},
 * {@code "table.name: STRING = (the table's name), the database table"} and
 * {@code "kafka.topic: STRING required, topic names separated by commas"}, or a function signature of a
 * function library, {@code "round(x, n: INT|LONG): meaning, DOUBLE"}. A parameter without a type (a
 * window's {@code "key: attribute of any type, the unique key"}) keeps its text as the meaning.
 *
 * @param name the key or parameter name; for a signature the function's name
 * @param type the type as written ({@code STRING}, {@code INT|LONG}), or empty when the entry names none
 * @param defaultValue the default: a value ({@code 100}, {@code ','} without its quotes) or, when
 *        {@code defaultInWords}, a description of it ({@code the table's name}); null when the entry states none
 * @param defaultInWords whether {@code defaultValue} describes the default rather than being it
 * @param required whether the entry says {@code required}
 * @param description the meaning, as written (may be empty)
 * @param signature for a function entry the call as written ({@code round(x, n: INT|LONG)}), else null
 * @since 1.1
 */
public record ParameterInfo(String name, String type, String defaultValue, boolean defaultInWords,
        boolean required, String description, String signature) {
    private static final String TYPES = "[A-Z][A-Z_]*(?:\\s*\\|\\s*[A-Z][A-Z_]*)*(?:\\.\\.\\.)?";
    /** The head after "name: ": the type, then " = default" or " required", then ", meaning" or the end. */
    private static final Pattern HEAD = Pattern.compile(
            "(" + TYPES + ")(?: = ('[^']*'|\\([^()]*\\)|[^\\s,]+)| (required))?(?:,\\s*(.*)|\\s*$)", Pattern.DOTALL);
    private static final Pattern TYPE_ONLY = Pattern.compile(TYPES);

    public ParameterInfo {
        Objects.requireNonNull(name, "name");
        type = type == null ? "" : type;
        description = description == null ? "" : description;
    }

    /** Reads one entry (see the class comment); never fails: what does not follow the grammar is meaning. */
    public static ParameterInfo parse(String entry) {
        String s = entry.strip();
        int end = signatureEnd(s);
        if (end > 0) {
            String meaning = s.substring(end).replaceFirst("^:\\s*", "").strip();
            return new ParameterInfo(s.substring(0, s.indexOf('(')), "", null, false, false, meaning,
                    s.substring(0, end));
        }
        int colon = s.indexOf(": ");
        if (colon < 0) {
            return new ParameterInfo(s, "", null, false, false, "", null);
        }
        String name = s.substring(0, colon).strip();
        String rest = s.substring(colon + 2).strip();
        Matcher m = HEAD.matcher(rest);
        if (!m.matches()) {
            return new ParameterInfo(name, "", null, false, false, rest, null);
        }
        String value = m.group(2);
        boolean inWords = value != null && value.startsWith("(");
        if (value != null && (inWords || value.startsWith("'"))) {
            value = value.substring(1, value.length() - 1);
        }
        return new ParameterInfo(name, m.group(1), value, inWords, m.group(3) != null,
                m.group(4) == null ? "" : m.group(4).strip(), null);
    }

    /** {@link #parse} of each entry, in order. */
    public static List<ParameterInfo> parseAll(List<String> entries) {
        return entries.stream().map(ParameterInfo::parse).toList();
    }

    /** Whether the entry states a default (as a value or in words). */
    public boolean hasDefault() {
        return defaultValue != null;
    }

    /** Whether this entry is a function signature. */
    public boolean isSignature() {
        return signature != null;
    }

    /**
     * For a signature whose meaning ends with its result type ({@code ..., DOUBLE}), that type; else null
     * (a result described in words, such as {@code type of x}).
     */
    public String returnType() {
        if (signature == null) {
            return null;
        }
        int comma = description.lastIndexOf(", ");
        String last = (comma < 0 ? description : description.substring(comma + 2)).strip();
        return comma >= 0 && TYPE_ONLY.matcher(last).matches() ? last : null;
    }

    /** The end of a leading call signature {@code name(...)}, or -1. */
    private static int signatureEnd(String s) {
        int i = 0;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) {
            i++;
        }
        if (i == 0 || i >= s.length() || s.charAt(i) != '(') {
            return -1;
        }
        int depth = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }
}
