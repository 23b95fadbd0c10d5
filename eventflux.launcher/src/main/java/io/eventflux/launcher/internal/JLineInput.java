package io.eventflux.launcher.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The console's lines on a terminal, through JLine 3: line editing (arrows, Ctrl-A/E, Ctrl-R search), the
 * history (up arrow, Ctrl-P), kept in a file across runs, and Tab completion of {@link ConsoleCompletions}.
 * Ctrl-C abandons the line being typed; Ctrl-D on an empty line ends the input.
 */
final class JLineInput implements ConsoleInput {
    static final int HISTORY_SIZE = 1000;

    private final Terminal terminal;
    private final LineReader reader;

    /**
     * @param terminal the terminal (closed with this input)
     * @param completions what Tab offers
     * @param history the history file (created with its folder), or null for none
     */
    JLineInput(Terminal terminal, ConsoleCompletions completions, Path history) throws IOException {
        this.terminal = terminal;
        if (terminal.getWidth() <= 0) {
            // a terminal that tells no size (a pty nobody sized, as script(1) fed by a pipe makes): JLine
            // would draw nothing of the line
            terminal.setSize(new Size(80, 24));
        }
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("eventflux")
                .completer(completer(completions))
                .variable(LineReader.HISTORY_SIZE, HISTORY_SIZE)
                .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_SIZE)
                // '!' belongs to SQL and JSON, not to history expansion
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, false);
        if (history != null) {
            Files.createDirectories(history.toAbsolutePath().getParent());
            builder.variable(LineReader.HISTORY_FILE, history);
        }
        this.reader = builder.build();
    }

    /**
     * The process's own terminal (standard input and output), through the exec provider ({@code stty});
     * without native signal handlers, so Ctrl-C outside a line still stops the server through the JVM's
     * shutdown hooks.
     */
    static Terminal systemTerminal() throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // JLine finds its providers (META-INF/services/org/jline/terminal/provider/*) through the context loader
        thread.setContextClassLoader(JLineInput.class.getClassLoader());
        try {
            return TerminalBuilder.builder()
                    .name("eventflux")
                    .system(true)
                    .provider("exec")
                    .nativeSignals(false)
                    .encoding(Charset.defaultCharset())
                    .build();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static Completer completer(ConsoleCompletions completions) {
        return (reader, line, candidates) -> {
            List<String> values = completions.candidates(line.words(), line.wordIndex());
            for (String value : values) {
                candidates.add(new Candidate(value, value, null, null, null, null, true));
            }
        };
    }

    @Override
    public String readLine(String prompt) {
        while (true) {
            try {
                return reader.readLine(prompt);
            } catch (UserInterruptException e) {
                // Ctrl-C: a fresh line
            } catch (EndOfFileException e) {
                return null;
            }
        }
    }

    /**
     * Prints text from another thread (a watched app's events) above the line being edited, which is then
     * drawn again; straight to the terminal while no line is read.
     */
    void printAbove(String text) {
        reader.printAbove(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
    }

    /** Restores the terminal's settings. */
    @Override
    public void close() throws IOException {
        try {
            reader.getHistory().save();
        } finally {
            terminal.close();
        }
    }
}
