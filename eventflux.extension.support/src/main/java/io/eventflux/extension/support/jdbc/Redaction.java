package io.eventflux.extension.support.jdbc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of messages and {@code toString()}: a URL's {@code password=...} parameters and
 * {@code user:password@} user information become {@code ***}, and so does every occurrence of a known
 * password in a text (a driver's message may echo it). A password shorter than {@value #MIN_MASKED}
 * characters is not searched for in texts: masking every "p" of a message would garble it, and such a
 * password cannot be told apart from ordinary text anyway.
 */
public final class Redaction {
    /** What a redacted password reads as. */
    public static final String MASK = "***";
    /** The shortest password masked inside texts. */
    public static final int MIN_MASKED = 4;
    private static final Pattern PARAM = Pattern.compile("(?i)((?:password|passwd|pwd)=)[^&;?#]*");
    private static final Pattern USERINFO = Pattern.compile("(//[^/@:?#]*:)[^/@?#]*@");

    private Redaction() {
    }

    /** The URL with its password parameters and user-information password masked. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String out = PARAM.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        return USERINFO.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
    }

    /** The password a URL carries ({@code password=} parameter or {@code user:password@}), or null. */
    public static String urlPassword(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = Pattern.compile("(?i)(?:password|passwd|pwd)=([^&;?#]*)").matcher(url);
        if (m.find() && !m.group(1).isEmpty()) {
            return m.group(1);
        }
        m = Pattern.compile("//[^/@:?#]*:([^/@?#]*)@").matcher(url);
        return m.find() && !m.group(1).isEmpty() ? m.group(1) : null;
    }

    /**
     * The throwable to attach as a cause: itself, or null when a message in its chain (causes and
     * suppressed ones) shows the password, so that no stack trace prints it.
     */
    public static Throwable safeCause(Throwable t, String password) {
        if (password == null || password.length() < MIN_MASKED) {
            return t;
        }
        return shows(t, password, 0) ? null : t;
    }

    private static boolean shows(Throwable t, String password, int depth) {
        if (t == null || depth > 20) {
            return false;
        }
        String m = t.getMessage();
        if (m != null && m.contains(password) || String.valueOf(t).contains(password)) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (shows(s, password, depth + 1)) {
                return true;
            }
        }
        return shows(t.getCause(), password, depth + 1);
    }

    /** The text with every occurrence of the password masked (none shorter than {@value #MIN_MASKED}). */
    public static String text(String text, String password) {
        if (text == null || password == null || password.length() < MIN_MASKED) {
            return text;
        }
        return text.replace(password, MASK);
    }
}
