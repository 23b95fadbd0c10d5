package io.eventflux.launcher.internal;

import java.io.PrintStream;
import java.io.Writer;

/**
 * What the shell prints besides the answers of commands (the events of watched apps, written by
 * {@link EventLineWriter} on the apps' threads): each flush hands the text written since the last one to the
 * console. While a line editor reads a line on a terminal the text goes above the prompt, which is drawn
 * again ({@link JLineInput#printAbove}); otherwise it goes straight to standard output.
 */
final class ConsoleOutput extends Writer {
    private final PrintStream out;
    private final StringBuilder pending = new StringBuilder();
    private volatile JLineInput editor;

    ConsoleOutput(PrintStream out) {
        this.out = out;
    }

    /** The line editor the text now goes through, or null for standard output. */
    void editor(JLineInput editor) {
        this.editor = editor;
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
        pending.append(chars, offset, length);
    }

    @Override
    public synchronized void flush() {
        if (pending.length() == 0) {
            return;
        }
        String text = pending.toString();
        pending.setLength(0);
        JLineInput current = editor;
        if (current != null) {
            current.printAbove(text);
        } else {
            out.print(text);
            out.flush();
        }
    }

    @Override
    public void close() {
        flush();
    }
}
