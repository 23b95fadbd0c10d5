package io.eventflux.api.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layers a stream's options: SQL {@code WITH} over the configuration file's {@code [streams.Name]} over
 * its {@code [application]} table (the last only for streams that have a connector {@code type}), then
 * replaces {@code ${VAR}} and {@code ${VAR:default}} from the environment.
 */
public final class OptionResolver {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)(?::([^}]*))?}");

    private final AppConfig config;
    private final Map<String, String> environment;

    public OptionResolver(AppConfig config, Map<String, String> environment) {
        this.config = config;
        this.environment = Map.copyOf(environment);
    }

    /**
     * The resolved options of one stream, by key, in the order SQL keys, stream keys, application keys.
     *
     * @param stream the stream's name
     * @param with the stream's SQL {@code WITH} options (empty when none)
     * @throws IllegalArgumentException naming the stream, the key and the variable when a {@code ${VAR}}
     *     without default is not set
     */
    public Map<String, ResolvedOption> resolve(String stream, Map<String, String> with) {
        Map<String, ResolvedOption> out = new LinkedHashMap<>();
        with.forEach((k, v) -> out.put(k, substitute(stream, k, v, OptionOrigin.SQL)));
        config.stream(stream).forEach((k, v) -> out.putIfAbsent(k, substitute(stream, k, v, OptionOrigin.STREAM_CONFIG)));
        if (out.containsKey("type")) {
            config.application().forEach(
                    (k, v) -> out.putIfAbsent(k, substitute(stream, k, v, OptionOrigin.APPLICATION_CONFIG)));
        }
        return out;
    }

    /** The resolved values only. */
    public Map<String, String> values(String stream, Map<String, String> with) {
        Map<String, String> out = new LinkedHashMap<>();
        resolve(stream, with).forEach((k, v) -> out.put(k, v.value()));
        return out;
    }

    private ResolvedOption substitute(String stream, String key, String value, OptionOrigin origin) {
        if (value == null || value.indexOf("${") < 0) {
            return new ResolvedOption(key, value, origin, "");
        }
        Matcher m = VARIABLE.matcher(value);
        StringBuilder sb = new StringBuilder();
        List<String> used = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            String v = environment.get(name);
            if (v == null) {
                v = m.group(2);
            }
            if (v == null) {
                throw new IllegalArgumentException("stream " + stream + ": option '" + key + "' (from "
                        + describe(origin) + ") uses ${" + name + "}, which is not set and has no default; write ${"
                        + name + ":default} or set the variable");
            }
            used.add(name);
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return new ResolvedOption(key, sb.toString(), origin, String.join(",", used));
    }

    private String describe(OptionOrigin origin) {
        return switch (origin) {
            case SQL -> "SQL WITH";
            case STREAM_CONFIG -> config.source() + " [streams.*]";
            case APPLICATION_CONFIG -> config.source() + " [application]";
        };
    }
}
