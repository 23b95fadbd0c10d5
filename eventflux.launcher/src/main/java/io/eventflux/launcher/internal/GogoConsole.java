package io.eventflux.launcher.internal;

import io.eventflux.api.management.AppSummary;
import io.eventflux.api.management.EventFluxManagement;
import io.eventflux.api.management.StreamStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The interactive console of {@code eventflux server} (a terminal, or {@code --console}): a Gogo session
 * on the process's standard streams with the login profile of the Gogo shell (its commands and the
 * {@code g! } prompt) and the {@code eventflux} commands of eventflux.shell ({@code apps}, {@code deploy},
 * {@code status}, ...). Each line is executed and its result printed as Gogo prints it (the records of
 * the eventflux commands as tables). {@code exit}, {@code quit} or the end of the input (Ctrl-D) end it;
 * the server then stops gracefully. On a terminal the lines are read with JLine ({@link JLineInput}: editing,
 * history in {@code HOME/state/console.history}, Tab completion of commands, apps and streams); otherwise
 * (a pipe) line by line as they come. {@code eventflux shell} runs the same console with its own banner and
 * history file, and without a prompt on a pipe (see {@link ShellCommand}).
 */
final class GogoConsole {
    static final String BANNER = "EventFlux console (Apache Felix Gogo): eventflux commands such as apps, status NAME,"
            + " deploy, query; lb lists the bundles; exit or Ctrl-D stops the server";

    private final BundleContext context;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Path history;
    private final String banner;
    private final boolean prompt;
    private final ConsoleOutput output;

    /**
     * The server's console: the banner, and the prompt also when reading a pipe.
     *
     * @param history the history file when the streams are the process's terminal (JLine), null to read
     *     {@code in} line by line
     */
    GogoConsole(BundleContext context, InputStream in, PrintStream out, PrintStream err, Path history) {
        this(context, in, out, err, history, BANNER, true, null);
    }

    /**
     * @param banner printed before the first prompt, or null
     * @param prompt whether to show the prompt when reading a pipe (a terminal always has it)
     * @param output the text of other threads, sent above the line being edited while the line editor reads,
     *     or null
     */
    GogoConsole(BundleContext context, InputStream in, PrintStream out, PrintStream err, Path history, String banner,
            boolean prompt, ConsoleOutput output) {
        this.context = context;
        this.in = in;
        this.out = out;
        this.err = err;
        this.history = history;
        this.banner = banner;
        this.prompt = prompt;
        this.output = output;
    }

    /**
     * Runs the console until exit or the end of the input.
     *
     * @return how many commands failed
     */
    int run() throws CommandFailure {
        ServiceReference<CommandProcessor> ref = context.getServiceReference(CommandProcessor.class);
        CommandProcessor processor = ref == null ? null : context.getService(ref);
        if (processor == null) {
            throw new CommandFailure(ExitCodes.ERROR, "no console: the Gogo runtime (org.apache.felix.gogo.runtime)"
                    + " is not running");
        }
        int failed = 0;
        try (CommandSession session = processor.createSession(in, out, err)) {
            try {
                // the shell's login profile: its prompt and commands; no message of the day, no console of its own
                session.execute("gosh --login --noshutdown --nointeractive --quiet");
            } catch (Exception e) {
                err.println("eventflux: the Gogo shell's profile failed: " + e);
            }
            if (banner != null) {
                out.println(banner);
            }
            try (ConsoleInput input = input(session)) {
                if (output != null && input instanceof JLineInput editor) {
                    output.editor(editor);
                }
                while (true) {
                    String line = input.readLine(prompt(session));
                    if (line == null) {
                        break;
                    }
                    line = line.trim();
                    if (line.equals("exit") || line.equals("quit")) {
                        break;
                    }
                    if (!line.isEmpty() && !line.startsWith("#") && !execute(session, line)) {
                        failed++;
                    }
                }
            } finally {
                if (output != null) {
                    output.editor(null);
                }
            }
        } catch (IOException e) {
            err.println("eventflux: console input failed: " + e);
            failed++;
        } finally {
            context.ungetService(ref);
        }
        return failed;
    }

    private ConsoleInput input(CommandSession session) {
        if (history == null) {
            return prompt ? ConsoleInput.plain(in, out) : ConsoleInput.lines(in);
        }
        try {
            return new JLineInput(JLineInput.systemTerminal(), completions(session), history);
        } catch (IOException | RuntimeException | LinkageError e) {
            err.println("eventflux: no line editing on this terminal (" + e + "); reading plain lines");
            return prompt ? ConsoleInput.plain(in, out) : ConsoleInput.lines(in);
        }
    }

    private ConsoleCompletions completions(CommandSession session) {
        return new ConsoleCompletions(() -> commands(session), () -> withManagement(m -> m.apps().stream()
                .map(AppSummary::name).toList()), app -> withManagement(m -> m.status(app).streams().stream()
                .map(StreamStatus::name).toList()));
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> commands(CommandSession session) {
        Object commands = session.get(".commands");
        return commands instanceof Collection<?> names ? (Collection<String>) names : List.of();
    }

    /** Asks the management service; nothing when it is gone or the app unknown. */
    private List<String> withManagement(Function<EventFluxManagement, List<String>> ask) {
        ServiceReference<EventFluxManagement> ref = context.getServiceReference(EventFluxManagement.class);
        EventFluxManagement management = ref == null ? null : context.getService(ref);
        if (management == null) {
            return List.of();
        }
        try {
            return ask.apply(management);
        } catch (RuntimeException unknownApp) {
            return List.of();
        } finally {
            context.ungetService(ref);
        }
    }

    /** Runs one line and prints its result or its error; false when it failed. */
    private boolean execute(CommandSession session, String line) {
        boolean ok = true;
        try {
            Object result = session.execute(line);
            session.put("_", result);
            if (result != null) {
                out.println(session.format(result, Converter.INSPECT));
            }
        } catch (Exception e) {
            session.put("exception", e);
            err.println("gosh: " + e.getMessage());
            ok = false;
        }
        out.flush();
        err.flush();
        return ok;
    }

    private static String prompt(CommandSession session) {
        Object prompt = session.get("prompt");
        return prompt instanceof CharSequence text ? text.toString() : "g! ";
    }
}
