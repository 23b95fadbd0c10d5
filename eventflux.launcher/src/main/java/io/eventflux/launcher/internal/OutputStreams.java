package io.eventflux.launcher.internal;

import io.eventflux.api.StreamSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which streams of an app are outputs, i.e. are recorded by {@code replay} and printed by
 * {@code run}: every stream (not table) that some query inserts into, including the implicit
 * {@code OutputStream}; not input, source or trigger streams.
 *
 * <p>The public API lists an app's streams but does not say which ones queries insert into, so this
 * reads it from the SQL text: comments and string literals are removed, then
 * {@code INSERT [CURRENT|EXPIRED|ALL EVENTS] INTO name} and {@code CREATE STREAM|TABLE|TRIGGER|
 * AGGREGATION name} are collected. A stream of the app is an output if a query inserts into it,
 * or if no statement declares it (an implicit output stream). Partition-inner streams ({@code #x})
 * are never outputs.
 */
final class OutputStreams {
    private static final String NAME = "([A-Za-z_][A-Za-z0-9_]*)";
    private static final Pattern INSERT = Pattern.compile(
            "(?i)\\bINSERT\\s+(?:(?:CURRENT|EXPIRED|ALL)\\s+EVENTS\\s+)?INTO\\s+" + NAME);
    private static final Pattern CREATE = Pattern.compile(
            "(?i)\\bCREATE\\s+(STREAM|TABLE|TRIGGER|AGGREGATION|WINDOW)\\s+" + NAME);

    private final Set<String> insertedInto = new HashSet<>();
    private final Set<String> declaredStreams = new HashSet<>();
    private final Set<String> declaredOther = new HashSet<>();

    OutputStreams(String sql) {
        String code = stripCommentsAndStrings(sql);
        Matcher insert = INSERT.matcher(code);
        while (insert.find()) {
            insertedInto.add(insert.group(1));
        }
        Matcher create = CREATE.matcher(code);
        while (create.find()) {
            if (create.group(1).equalsIgnoreCase("STREAM")) {
                declaredStreams.add(create.group(2));
            } else {
                declaredOther.add(create.group(2));
            }
        }
    }

    /** The output streams among the app's streams, in the app's order. */
    List<StreamSchema> select(List<StreamSchema> streams) {
        List<StreamSchema> outputs = new ArrayList<>();
        for (StreamSchema stream : streams) {
            if (isOutput(stream.name())) {
                outputs.add(stream);
            }
        }
        return outputs;
    }

    boolean isOutput(String stream) {
        if (stream.startsWith("#") || declaredOther.contains(stream)) {
            return false;
        }
        return insertedInto.contains(stream) || !declaredStreams.contains(stream);
    }

    /** The SQL with comments and string literals blanked out (line structure kept). */
    static String stripCommentsAndStrings(String sql) {
        StringBuilder sb = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                sb.append(' ');
            } else if (c == '\'' || c == '"') {
                i = skipString(sql, i, c);
                sb.append(' ');
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** Index after the string literal starting at {@code start}; a doubled quote is an escaped quote. */
    private static int skipString(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return i;
    }
}
