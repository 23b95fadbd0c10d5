package io.eventflux.engine.internal.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code @app:name('x')} of a script that does not compile yet because extensions are missing (the
 * compiler, which normally reads it, stopped with errors): the WAITING app gets the name it declares.
 */
public final class AppNames {
    private static final Pattern NAME = Pattern.compile("@app:name\\s*\\(\\s*(['\"])(.*?)\\1\\s*\\)",
            Pattern.CASE_INSENSITIVE);

    private AppNames() {
    }

    /** The declared name, or null. */
    public static String declared(String sql) {
        Matcher m = NAME.matcher(sql);
        return m.find() ? m.group(2) : null;
    }
}
