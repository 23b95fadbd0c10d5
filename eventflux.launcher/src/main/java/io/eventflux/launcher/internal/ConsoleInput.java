package io.eventflux.launcher.internal;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;

/** Where the console's lines come from: a plain reader (pipes, tests) or a line editor on a terminal. */
interface ConsoleInput extends Closeable {
    /**
     * Shows the prompt and reads one line.
     *
     * @return the line, or null at the end of the input (Ctrl-D)
     */
    String readLine(String prompt) throws IOException;

    @Override
    default void close() throws IOException {
    }

    /**
     * Lines of a stream that is not a terminal, read as they come with no prompt (a script piped into
     * {@code eventflux shell}: standard output holds only what the commands print).
     */
    static ConsoleInput lines(InputStream in) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
        return prompt -> lines.readLine();
    }

    /** Lines of a stream that is not a terminal, the prompt printed before each: no editing, no history. */
    static ConsoleInput plain(InputStream in, PrintStream out) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
        return prompt -> {
            out.print(prompt);
            out.flush();
            String line = lines.readLine();
            if (line == null) {
                out.println();
            }
            return line;
        };
    }
}
