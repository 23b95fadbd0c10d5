package io.eventflux.launcher.internal.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The on-demand bundles an app's SQL names, installed with the core at boot instead of one group at a time
 * while the app compiles: one install pass and one resolve for all, and the compile finds their own
 * services. A hint read from the text, not a compile: {@code WINDOW('name'} names a window, {@code name(}
 * an aggregator, {@code extension = 'name'} a source or sink (a table store
 * when the app creates a table) (names and aliases as the index
 * lists them, any case). A name it misses is installed on demand as before; one it finds needlessly (a
 * string that happens to be a window's name) costs an install.
 */
final class AppExtensions {
    private static final Pattern WINDOW = Pattern.compile("(?i)\\bWINDOW\\s*\\(\\s*'([^']*)'");
    private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern EXTENSION = Pattern.compile("(?i)\\bextension\\s*=\\s*'([^']*)'");
    private static final Pattern TABLE = Pattern.compile("(?i)\\bCREATE\\s+TABLE\\b");
    private static final Pattern COMMENT = Pattern.compile("--[^\n]*");
    private static final Pattern CRON = Pattern.compile("(?i)\\bCRON\\b");
    /** The options of run, replay and validate that take the next argument as their value (Cli). */
    private static final Set<String> VALUE_OPTIONS = Set.of("--input", "--output", "--config", "--state", "--bundle");
    private static final String NAME = "s.eventflux.extension.name";
    private static final String TYPE = "s.eventflux.extension.type";
    private static final String ALIASES = "a.eventflux.extension.aliases";

    private AppExtensions() {
    }

    /**
     * The app files among a command's arguments, for {@link #paths} and {@link #mentionsCron}: the files that
     * exist among the arguments that are neither options nor the value of one ({@code --input FILE} and the
     * like), whatever their name, and {@code .sql} files anywhere.
     */
    static String sqlOf(String[] args) {
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            boolean optionValue = VALUE_OPTIONS.contains(args[i - 1]);
            if (!a.startsWith("-") && (!optionValue || a.toLowerCase(Locale.ROOT).endsWith(".sql"))) {
                try {
                    Path file = Path.of(a);
                    if (Files.isRegularFile(file) && Files.size(file) < 1 << 20) {
                        sql.append(Files.readString(file)).append('\n');
                    }
                } catch (IOException | RuntimeException e) {
                    // not readable here: the command reports it
                }
            }
        }
        return sql.toString();
    }

    /**
     * Whether the SQL may declare a cron trigger ({@code AT CRON '...'}): the word CRON anywhere, comments
     * and strings included, so that no trigger is missed (the compiler and engine load cron-utils for it, which
     * is then installed at boot; a mention that is not a trigger costs an install).
     */
    static boolean mentionsCron(String text) {
        return CRON.matcher(text).find();
    }

    /** The embedded paths (each extension's group, in the index's order) of the on-demand extensions the SQL names. */
    static Set<String> paths(String text, Properties index) {
        String sql = COMMENT.matcher(text).replaceAll("");
        Set<String> windows = names(WINDOW, sql);
        Set<String> calls = names(CALL, sql);
        Set<String> extensions = names(EXTENSION, sql);
        Set<String> out = new LinkedHashSet<>();
        if (windows.isEmpty() && calls.isEmpty() && extensions.isEmpty()) {
            return out;
        }
        int count = Integer.parseInt(index.getProperty("ext.count", "0").trim());
        for (int i = 0; i < count; i++) {
            String prefix = "ext." + i + ".";
            String type = index.getProperty(prefix + TYPE, "");
            Set<String> wanted = switch (type) {
                case "window" -> windows;
                case "aggregator" -> calls;
                case "source", "sink" -> extensions;
                case "table-store" -> TABLE.matcher(sql).find() ? extensions : Set.of();
                default -> Set.of();
            };
            if (wanted.isEmpty() || !named(index, prefix, wanted)) {
                continue;
            }
            String path = index.getProperty(prefix + "path");
            if (path != null) {
                for (String member : index.getProperty("group." + path, path).split(",")) {
                    if (!member.isBlank()) {
                        out.add(member);
                    }
                }
            }
        }
        return out;
    }

    private static boolean named(Properties index, String prefix, Set<String> wanted) {
        String name = index.getProperty(prefix + NAME);
        if (name != null && wanted.contains(name.toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (String alias : index.getProperty(prefix + ALIASES, "").split("\n")) {
            if (!alias.isBlank() && wanted.contains(alias.trim().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> names(Pattern pattern, String sql) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = pattern.matcher(sql);
        while (m.find()) {
            out.add(m.group(1).trim().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
