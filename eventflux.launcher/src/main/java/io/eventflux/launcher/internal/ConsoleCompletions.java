package io.eventflux.launcher.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the console offers on Tab, independent of the line editor: the command names (every
 * {@code scope:function} of the Gogo runtime and the scope-less name), and for the {@code eventflux:} commands
 * that take them the app names (first argument) and the app's stream names ({@code send}, {@code trace}:
 * second argument; {@code watch} and {@code unwatch} of {@code eventflux shell} take an app too). Options ({@code -t 5}) are skipped when counting arguments.
 */
final class ConsoleCompletions {
    static final String SCOPE = "eventflux:";
    private static final Set<String> APP_FIRST = Set.of("status", "undeploy", "send", "trace", "query", "stats",
            "snapshot", "snapshots", "restore", "watch", "unwatch");
    private static final Set<String> STREAM_SECOND = Set.of("send", "trace");
    /** Options of the eventflux commands that take a value. */
    private static final Set<String> VALUED_OPTIONS = Set.of("-t", "--timeout");

    private final Supplier<Collection<String>> commands;
    private final Supplier<Collection<String>> apps;
    private final Function<String, Collection<String>> streams;

    /**
     * @param commands the runtime's commands as {@code scope:function}
     * @param apps the deployed apps' names
     * @param streams an app's stream names (empty for an unknown app)
     */
    ConsoleCompletions(Supplier<Collection<String>> commands, Supplier<Collection<String>> apps,
            Function<String, Collection<String>> streams) {
        this.commands = commands;
        this.apps = apps;
        this.streams = streams;
    }

    /**
     * The candidates for one word of a command line, sorted; the line editor keeps those that start with
     * what is typed.
     *
     * @param words the words of the line (the one being completed included)
     * @param index which word is being completed
     */
    List<String> candidates(List<String> words, int index) {
        if (index == 0) {
            Set<String> names = new TreeSet<>();
            for (String command : commands.get()) {
                names.add(command);
                int colon = command.indexOf(':');
                names.add(colon >= 0 ? command.substring(colon + 1) : command);
            }
            return List.copyOf(names);
        }
        String command = words.get(0);
        if (command.contains(":")) {
            if (!command.startsWith(SCOPE)) {
                return List.of();
            }
            command = command.substring(SCOPE.length());
        }
        int argument = argumentIndex(words, index);
        if (argument == 0 && APP_FIRST.contains(command)) {
            return sorted(apps.get());
        }
        if (argument == 1 && STREAM_SECOND.contains(command)) {
            String app = positional(words, 0);
            return app == null ? List.of() : sorted(streams.apply(app));
        }
        return List.of();
    }

    /** Which positional argument word {@code index} is (-1 for an option or an option's value). */
    private static int argumentIndex(List<String> words, int index) {
        int argument = 0;
        for (int i = 1; i < index; i++) {
            String word = words.get(i);
            if (VALUED_OPTIONS.contains(word)) {
                i++;
            } else if (!word.startsWith("-")) {
                argument++;
            }
        }
        String current = index < words.size() ? words.get(index) : "";
        boolean optionValue = index > 1 && VALUED_OPTIONS.contains(words.get(index - 1));
        return current.startsWith("-") || optionValue ? -1 : argument;
    }

    private static String positional(List<String> words, int wanted) {
        int argument = 0;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (VALUED_OPTIONS.contains(word)) {
                i++;
            } else if (!word.startsWith("-")) {
                if (argument++ == wanted) {
                    return word;
                }
            }
        }
        return null;
    }

    private static List<String> sorted(Collection<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }
}
