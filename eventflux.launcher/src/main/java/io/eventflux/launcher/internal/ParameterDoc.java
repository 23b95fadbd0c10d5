package io.eventflux.launcher.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One parameter entry of an {@code @Extension} annotation, {@code "name: TYPE|TYPE, meaning"}, split for
 * the reference pages. The meaning states a default the way the extensions write it ({@code (default 100)},
 * {@code (default 1000; 0: every chunk)}, {@code beginning (default)}) and {@code (required)}; both are read
 * from it, and the meaning is kept whole.
 *
 * @param name the key or parameter name
 * @param type the type, as written ({@code STRING}, {@code INT|LONG}), or empty
 * @param defaultValue the default the meaning states, or null
 * @param required whether the meaning says it is required
 * @param description the meaning, as written
 */
record ParameterDoc(String name, String type, String defaultValue, boolean required, String description) {
    /** "line (default: \\n ends a frame)", "beginning (default)", "read (once to the end, then idle; default)". */
    private static final Pattern DEFAULT_WORD = Pattern.compile("(?:^|\\bor |, )([\\w.-]+) \\((?:[^()]*; )?default[;:)]");
    /** "(default: the table's name)": a default described in words, up to the bracket or semicolon. */
    private static final Pattern DEFAULT_WORDS = Pattern.compile("(?:\\(|; |, |^)default: ([^;)]+)");
    /** "(default 100)", "(default 1000; 0: every chunk)", "(delivery mode 2, default true)", "(default ',')". */
    private static final Pattern DEFAULT_VALUE = Pattern.compile(
            "(?:\\(|; |, |^)default ('[^']*'|\"[^\"]*\"|[^;,()]+?)\\s*(?:[;,()]|: |$)");
    private static final Pattern REQUIRED = Pattern.compile("\\(required\\b|\\brequired\\)|^required\\b");
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z_]*(?:\\s*\\|\\s*[A-Z][A-Z_]*)*(?:\\.\\.\\.)?");

    /** Splits one entry; a leading {@code name(...)} is a function signature; without {@code ": "}, a name alone. */
    static ParameterDoc parse(String entry) {
        String s = entry.strip();
        int signature = signatureEnd(s);
        if (signature > 0) { // a function: "if(cond: BOOL, a, b): meaning"
            String meaning = s.substring(signature).replaceFirst("^:\\s*", "").strip();
            return new ParameterDoc(s.substring(0, signature), "", defaultOf(meaning), false, meaning);
        }
        int colon = s.indexOf(": ");
        if (colon < 0) {
            return new ParameterDoc(s, "", null, false, "");
        }
        String name = s.substring(0, colon).strip();
        String rest = s.substring(colon + 2).strip();
        String type = "";
        String meaning = rest;
        int comma = rest.indexOf(',');
        String head = comma < 0 ? rest : rest.substring(0, comma).strip();
        if (TYPE.matcher(head).matches()) {
            type = head;
            meaning = comma < 0 ? "" : rest.substring(comma + 1).strip();
        }
        return new ParameterDoc(name, type, defaultOf(meaning), REQUIRED.matcher(meaning).find(), meaning);
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

    private static String defaultOf(String meaning) {
        for (Pattern p : new Pattern[] {DEFAULT_WORD, DEFAULT_WORDS, DEFAULT_VALUE}) {
            Matcher m = p.matcher(meaning);
            if (m.find() && !m.group(1).isBlank()) {
                return m.group(1).strip();
            }
        }
        return null;
    }
}
