package io.eventflux.api.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Layers a stream's options: SQL {@code WITH} over the configuration file's {@code [streams.Name]} over
 * its {@code [application]} table (the last only for streams that have a connector {@code type}, from
 * either stronger layer), then replaces {@code ${VAR}} and {@code ${VAR:default}} from the environment.
 *
 * <p>Keys are compared ignoring case across layers ({@code KAFKA.TOPIC} in SQL hides {@code kafka.topic}
 * in the file), as the engine reads them. A variable name is a letter or {@code _} followed by letters,
 * digits, {@code _} or {@code .}; a default may itself hold variables ({@code ${A:${B:x}}}); anything else
 * ({@code ${} not followed by a name and a closing brace) is kept as written. Values taken from the
 * environment are not scanned again, so an environment value can never pull in another variable.
 *
 * <p>Immutable and thread-safe.
 */
public final class OptionResolver {
    private final AppConfig config;
    private final Map<String, String> environment;

    /**
     * @param config the configuration file's options ({@link AppConfig#empty()} when there is none)
     * @param environment the variables {@code ${VAR}} reads, usually {@code System.getenv()}
     */
    public OptionResolver(AppConfig config, Map<String, String> environment) {
        this.config = Objects.requireNonNull(config, "config");
        this.environment = Map.copyOf(environment);
    }

    /**
     * The resolved options of one stream, by key, in the order SQL keys, stream keys, application keys.
     *
     * @param stream the stream's name
     * @param with the stream's SQL {@code WITH} options (empty when none)
     * @throws IllegalArgumentException naming the stream, the key, where it came from and the variable when
     *     a {@code ${VAR}} without default is not set; every such option of the stream is listed, one a line
     */
    public Map<String, ResolvedOption> resolve(String stream, Map<String, String> with) {
        Map<String, ResolvedOption> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        layer(stream, with, OptionOrigin.SQL, out, seen, problems);
        layer(stream, config.stream(stream), OptionOrigin.STREAM_CONFIG, out, seen, problems);
        if (seen.contains("type")) {
            layer(stream, config.application(), OptionOrigin.APPLICATION_CONFIG, out, seen, problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(System.lineSeparator(), problems));
        }
        return out;
    }

    /** The resolved values only. @throws IllegalArgumentException as {@link #resolve} */
    public Map<String, String> values(String stream, Map<String, String> with) {
        Map<String, String> out = new LinkedHashMap<>();
        resolve(stream, with).forEach((k, v) -> out.put(k, v.value()));
        return out;
    }

    private void layer(String stream, Map<String, String> options, OptionOrigin origin,
            Map<String, ResolvedOption> out, Set<String> seen, List<String> problems) {
        options.forEach((key, value) -> {
            if (seen.add(key.toLowerCase(Locale.ROOT))) {
                Substitution s = new Substitution(value);
                String resolved = s.run();
                for (String missing : s.missing) {
                    problems.add("stream " + stream + ": option '" + key + "' (from " + describe(stream, origin)
                            + ") uses ${" + missing + "}, which is not set and has no default; set the variable or write ${"
                            + missing + ":default}");
                }
                out.put(key, new ResolvedOption(key, resolved, origin, String.join(",", s.used)));
            }
        });
    }

    private String describe(String stream, OptionOrigin origin) {
        return switch (origin) {
            case SQL -> "SQL WITH";
            case STREAM_CONFIG -> config.source() + " [streams." + stream + "]";
            case APPLICATION_CONFIG -> config.source() + " [application]";
        };
    }

    /** One value's substitution: a small scanner, because defaults may nest ({@code ${A:${B}}}). */
    private final class Substitution {
        private final String text;
        private final Set<String> used = new LinkedHashSet<>();
        private final Set<String> missing = new LinkedHashSet<>();

        Substitution(String text) {
            this.text = text;
        }

        String run() {
            return text.indexOf("${") < 0 ? text : expand(0, text.length());
        }

        /** Expands {@code text[from, to)}. */
        private String expand(int from, int to) {
            StringBuilder sb = new StringBuilder(to - from);
            int i = from;
            while (i < to) {
                int start = text.indexOf("${", i);
                if (start < 0 || start >= to) {
                    sb.append(text, i, to);
                    break;
                }
                sb.append(text, i, start);
                int nameEnd = nameEnd(start + 2, to);
                int close = nameEnd < 0 ? -1 : closingBrace(nameEnd, to);
                if (close < 0) {
                    // not a variable reference: keep "${" as written and scan on after it
                    sb.append("${");
                    i = start + 2;
                    continue;
                }
                String name = text.substring(start + 2, nameEnd);
                used.add(name);
                String value = environment.get(name);
                if (value == null && text.charAt(nameEnd) == ':') {
                    value = expand(nameEnd + 1, close);
                }
                if (value == null) {
                    missing.add(name);
                    value = "";
                }
                sb.append(value);
                i = close + 1;
            }
            return sb.toString();
        }

        /** The end of a variable name starting at {@code at}, if a '}' or ':' follows it; else -1. */
        private int nameEnd(int at, int to) {
            if (at >= to || !(Character.isLetter(text.charAt(at)) || text.charAt(at) == '_')) {
                return -1;
            }
            int i = at + 1;
            while (i < to && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '.')) {
                i++;
            }
            return i < to && (text.charAt(i) == '}' || text.charAt(i) == ':') ? i : -1;
        }

        /** The '}' closing a reference whose name ends at {@code at}, counting nested "${"; -1 if unclosed. */
        private int closingBrace(int at, int to) {
            int depth = 0;
            for (int i = at; i < to; i++) {
                char c = text.charAt(i);
                if (c == '$' && i + 1 < to && text.charAt(i + 1) == '{') {
                    depth++;
                    i++;
                } else if (c == '}') {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                }
            }
            return -1;
        }
    }
}
