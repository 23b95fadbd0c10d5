package io.eventflux.launcher.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one subcommand: positional arguments, options with a value ({@code --input F} or
 * {@code --input=F}), repeatable options with a value ({@code --bundle A --bundle B}) and flags
 * ({@code --skip-bad}). {@code --help} and {@code -h} are always
 * accepted. A lone {@code -} is a positional argument (standard input); anything else starting with
 * {@code -} that the subcommand does not know is a {@link UsageException}.
 */
final class CommandLine {
    private final List<String> positional;
    private final Map<String, String> values;
    private final Map<String, List<String>> repeated;
    private final Set<String> flags;

    private CommandLine(List<String> positional, Map<String, String> values, Map<String, List<String>> repeated,
            Set<String> flags) {
        this.positional = positional;
        this.values = values;
        this.repeated = repeated;
        this.flags = flags;
    }

    static CommandLine parse(String command, List<String> args, Set<String> valueOptions, Set<String> flagOptions)
            throws UsageException {
        return parse(command, args, valueOptions, Set.of(), flagOptions);
    }

    /** @param repeatable the options with a value that may be given more than once (see {@link #values}) */
    static CommandLine parse(String command, List<String> args, Set<String> valueOptions, Set<String> repeatable,
            Set<String> flagOptions) throws UsageException {
        List<String> positional = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        Map<String, List<String>> repeated = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h") || arg.equals("--help")) {
                flags.add("--help");
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                if (valueOptions.contains(name) || repeatable.contains(name)) {
                    String value;
                    if (eq >= 0) {
                        value = arg.substring(eq + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageException(command, "option " + name + " needs a value");
                    }
                    if (repeatable.contains(name)) {
                        repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                    } else if (values.put(name, value) != null) {
                        throw new UsageException(command, "option " + name + " given twice");
                    }
                } else if (flagOptions.contains(name) && eq < 0) {
                    flags.add(name);
                } else {
                    throw new UsageException(command, "unknown option " + arg);
                }
            } else {
                positional.add(arg);
            }
        }
        Map<String, List<String>> lists = new HashMap<>();
        repeated.forEach((k, v) -> lists.put(k, List.copyOf(v)));
        return new CommandLine(List.copyOf(positional), Map.copyOf(values), Map.copyOf(lists), Set.copyOf(flags));
    }

    List<String> positional() {
        return positional;
    }

    /** The value of an option, or null. */
    String value(String option) {
        return values.get(option);
    }

    /** Every value of a repeatable option, in the order given (empty without one). */
    List<String> values(String option) {
        return repeated.getOrDefault(option, List.of());
    }

    boolean flag(String flag) {
        return flags.contains(flag);
    }

    boolean help() {
        return flags.contains("--help");
    }
}
