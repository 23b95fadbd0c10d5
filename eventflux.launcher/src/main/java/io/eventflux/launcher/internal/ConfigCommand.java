package io.eventflux.launcher.internal;

import io.eventflux.api.ExtensionInfo;
import io.eventflux.api.config.OptionOrigin;
import io.eventflux.api.config.OptionResolver;
import io.eventflux.api.config.ResolvedOption;
import io.eventflux.launcher.internal.config.ConfigFile;
import io.eventflux.launcher.internal.config.Suggest;
import io.eventflux.sql.plan.AppPlan;
import io.eventflux.sql.plan.StreamDef;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code eventflux config list} and {@code config validate}: the options every stream ends up with (SQL
 * {@code WITH} over the file's {@code [streams.Name]} over its {@code [application]}, {@code ${VAR}}
 * substituted), where each came from, and whether they name connectors and mappers that are installed.
 * Values are only ever printed through {@link ResolvedOption#displayValue()}: secrets show as
 * {@code ********}, and messages name keys and variables, never values of secrets.
 */
final class ConfigCommand {
    private static final Set<String> CONNECTOR_TYPES = Set.of("source", "sink");
    private static final Set<String> ERROR_STRATEGIES = Set.of("drop", "retry", "dlq", "fail");
    private static final Set<String> BACKPRESSURE = Set.of("block", "drop");

    private final Supplier<List<ExtensionInfo>> extensions;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param extensions the installed extensions (asked only by validate, which may wait for the runtime)
     */
    ConfigCommand(Supplier<List<ExtensionInfo>> extensions, Map<String, String> environment, PrintStream out,
            PrintStream err) {
        this.extensions = extensions;
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /** Prints the resolved options of every stream that has some; exit 1 when a stream's cannot be resolved. */
    int list(String app, AppPlan plan, ConfigFile config) {
        warn(config, plan);
        OptionResolver resolver = new OptionResolver(config.options(), environment);
        out.println("app " + app + ", configuration file " + config.source());
        out.println("precedence: SQL WITH > [streams.Name] > [application] (for streams with a type only)");
        int shown = 0;
        int failed = 0;
        for (StreamDef stream : plan.streams()) {
            Map<String, ResolvedOption> options;
            try {
                options = resolver.resolve(stream.name(), stream.options());
            } catch (IllegalArgumentException e) {
                out.println();
                out.println("stream " + stream.name() + ": cannot be resolved");
                e.getMessage().lines().forEach(line -> out.println("  " + line));
                failed++;
                continue;
            }
            if (options.isEmpty()) {
                continue;
            }
            out.println();
            out.println("stream " + stream.name());
            printTable(stream.name(), config.source(), options);
            shown++;
        }
        if (shown == 0 && failed == 0) {
            out.println();
            out.println("no stream has options");
        }
        if (failed > 0) {
            err.println("eventflux: the options of " + failed + (failed == 1 ? " stream" : " streams")
                    + " cannot be resolved (see above)");
            return ExitCodes.ERROR;
        }
        return ExitCodes.OK;
    }

    /** Resolves and checks every stream's options; exit 0 when fine, else 1 with every problem listed. */
    int validate(String app, AppPlan plan, ConfigFile config) {
        warn(config, plan);
        List<String> problems = problems(plan, config);
        if (problems.isEmpty()) {
            long configured = plan.streams().stream().filter(s -> !s.options().isEmpty()
                    || !config.options().stream(s.name()).isEmpty()).count();
            out.println(app + ": configuration ok (" + configured + (configured == 1 ? " stream" : " streams")
                    + " with options; configuration file " + config.source() + ")");
            return ExitCodes.OK;
        }
        err.println("eventflux: " + app + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " with the configuration (file " + config.source() + "):");
        problems.forEach(p -> err.println("  " + p));
        return ExitCodes.ERROR;
    }

    /** Every problem of every stream's options: unset variables, unknown types, connectors and mappers. */
    List<String> problems(AppPlan plan, ConfigFile config) {
        OptionResolver resolver = new OptionResolver(config.options(), environment);
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> available = null;
        for (StreamDef stream : plan.streams()) {
            Map<String, ResolvedOption> options;
            try {
                options = resolver.resolve(stream.name(), stream.options());
            } catch (IllegalArgumentException e) {
                problems.addAll(e.getMessage().lines().toList());
                continue;
            }
            if (options.isEmpty()) {
                continue;
            }
            if (available == null) {
                available = available();
            }
            checkStream(plan, stream.name(), options, available, problems);
        }
        return problems;
    }

    private void checkStream(AppPlan plan, String stream, Map<String, ResolvedOption> options,
            Map<String, Set<String>> available, List<String> problems) {
        String type = value(options, "type");
        String extension = value(options, "extension");
        String format = value(options, "format");
        if (type == null) {
            if (extension != null || format != null) {
                problems.add("stream " + stream + ": '" + (extension != null ? "extension" : "format")
                        + "' is set but 'type' is not; write type = 'source' or 'sink'");
            }
        } else if (!CONNECTOR_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
            problems.add("stream " + stream + ": type '" + type + "' is not a connector type; write 'source' or 'sink'");
        } else {
            String kind = type.toLowerCase(Locale.ROOT);
            if (extension == null || extension.isBlank()) {
                problems.add("stream " + stream + ": a " + kind + " needs 'extension' (available " + kind + "s: "
                        + names(available, kind) + ")");
            } else {
                checkAvailable(stream, kind, extension, available, problems);
            }
            if (format != null) {
                checkAvailable(stream, "mapper", format, available, problems);
            }
        }
        checkChoice(stream, options, "error.strategy", ERROR_STRATEGIES, problems);
        checkChoice(stream, options, "backpressure", BACKPRESSURE, problems);
        String dlq = value(options, "error.dlq.stream");
        if (dlq != null && plan.stream(dlq).isEmpty()) {
            problems.add("stream " + stream + ": error.dlq.stream names '" + dlq + "', which is not a stream of the app"
                    + Suggest.nearest(dlq, plan.streams().stream().map(StreamDef::name).toList()));
        }
    }

    private static void checkAvailable(String stream, String kind, String name, Map<String, Set<String>> available,
            List<String> problems) {
        Set<String> names = available.getOrDefault(kind, Set.of());
        if (!names.contains(name)) {
            String what = kind.equals("mapper") ? "format" : kind + " extension";
            problems.add("stream " + stream + ": " + what + " '" + name + "' is not available; available "
                    + (kind.equals("mapper") ? "formats" : kind + "s") + ": " + names(available, kind)
                    + Suggest.nearest(name, names));
        }
    }

    private static void checkChoice(String stream, Map<String, ResolvedOption> options, String key, Set<String> choices,
            List<String> problems) {
        String v = value(options, key);
        if (v != null && !choices.contains(v.trim().toLowerCase(Locale.ROOT))) {
            problems.add("stream " + stream + ": " + key + " must be one of " + new TreeSet<>(choices) + ", was '"
                    + v + "'");
        }
    }

    /** A connector setting (type, extension, format, ...: never a secret, so its value may be quoted). */
    private static String value(Map<String, ResolvedOption> options, String key) {
        for (ResolvedOption option : options.values()) {
            if (option.key().equalsIgnoreCase(key)) {
                return option.displayValue();
            }
        }
        return null;
    }

    /** Names and aliases by extension type, sorted ignoring case (lookups ignore case too). */
    private Map<String, Set<String>> available() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (ExtensionInfo info : extensions.get()) {
            Set<String> names = out.computeIfAbsent(info.type(), t -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER));
            names.add(info.name());
            names.addAll(info.aliases());
        }
        return out;
    }

    private static String names(Map<String, Set<String>> available, String kind) {
        Set<String> names = available.getOrDefault(kind, Set.of());
        return names.isEmpty() ? "none installed" : String.join(", ", names);
    }

    /** The file's warnings, and [streams.Name] tables that name no stream of the app. */
    private void warn(ConfigFile config, AppPlan plan) {
        config.warnings().forEach(w -> err.println("eventflux: warning: " + w));
        List<String> names = plan.streams().stream().map(StreamDef::name).toList();
        for (String table : config.options().streams().keySet()) {
            if (!names.contains(table)) {
                err.println("eventflux: warning: " + config.source() + ": [streams." + table
                        + "] names no stream of the app" + Suggest.nearest(table, names));
            }
        }
    }

    private void printTable(String stream, String source, Map<String, ResolvedOption> options) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"KEY", "VALUE", "FROM", "ENVIRONMENT"});
        for (ResolvedOption option : listingOrder(options)) {
            rows.add(new String[] {option.key(), shown(option.displayValue()), origin(stream, source, option.origin()),
                    variables(option)});
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder(" ");
            for (int i = 0; i < row.length; i++) {
                sb.append(' ').append(row[i]);
                if (i < row.length - 1) {
                    sb.append(" ".repeat(widths[i] - row[i].length() + 1));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    /** Quoted when the value is empty or has spaces at either end, which a table would otherwise hide. */
    private static String shown(String value) {
        return value.isEmpty() || !value.strip().equals(value) ? '"' + value + '"' : value;
    }

    /**
     * SQL keys first: type, extension and format, then by name (the plan does not keep the WITH clause's
     * order); then the file's keys in file order ({@link OptionResolver} keeps the layers in that order).
     */
    private static List<ResolvedOption> listingOrder(Map<String, ResolvedOption> options) {
        List<String> first = List.of("type", "extension", "format");
        List<ResolvedOption> sql = new ArrayList<>();
        List<ResolvedOption> rest = new ArrayList<>();
        for (ResolvedOption option : options.values()) {
            (option.origin() == OptionOrigin.SQL ? sql : rest).add(option);
        }
        sql.sort(Comparator.comparingInt((ResolvedOption o) -> {
            int i = first.indexOf(o.key().toLowerCase(Locale.ROOT));
            return i < 0 ? first.size() : i;
        }).thenComparing(ResolvedOption::key));
        sql.addAll(rest);
        return sql;
    }

    private static String origin(String stream, String source, OptionOrigin origin) {
        return switch (origin) {
            case SQL -> "SQL WITH";
            case STREAM_CONFIG -> source + " [streams." + stream + "]";
            case APPLICATION_CONFIG -> source + " [application]";
        };
    }

    /** The variables read, each marked when it was not set and its default was used. */
    private String variables(ResolvedOption option) {
        if (option.variables().isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (String name : option.variables().split(",")) {
            out.add(environment.containsKey(name) ? "$" + name : "$" + name + " (not set: default)");
        }
        return String.join(", ", out);
    }
}
