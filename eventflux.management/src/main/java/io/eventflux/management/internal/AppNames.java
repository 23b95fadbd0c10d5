package io.eventflux.management.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The name of an app dropped into deploy/: its {@code @app:name('x')}, else the file name without {@code .sql}. */
final class AppNames {
    private static final Pattern APP_NAME = Pattern.compile("@app\\s*:\\s*name\\s*\\(\\s*'((?:[^']|'')*)'\\s*\\)",
            Pattern.CASE_INSENSITIVE);

    private AppNames() {
    }

    static String of(String fileName, String sql) {
        Matcher m = APP_NAME.matcher(withoutComments(sql));
        if (m.find()) {
            return m.group(1).replace("''", "'");
        }
        String base = fileName;
        if (base.toLowerCase(Locale.ROOT).endsWith(".sql")) {
            base = base.substring(0, base.length() - 4);
        }
        return base;
    }

    /** Line comments may mention an annotation that is not there. */
    private static String withoutComments(String sql) {
        return sql.replaceAll("(?m)--.*$", "");
    }
}
