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
    private volatile PrintStream out;
    private final StringBuilder pending = new StringBuilder();
    private volatile JLineInput editor;

    ConsoleOutput(PrintStream out) {
        this.out = out;
    }

    /**
     * The stream the text now goes to without a line editor. Gogo replaces {@code System.out} with a stream
     * that writes to the output of the command running on the current thread: an app running inline on that
     * thread must write to the process's standard output itself, not to {@code System.out}.
     */
    void to(PrintStream stream) {
        this.out = stream;
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
            PrintStream stream = out;
            stream.print(text);
            stream.flush();
        }
    }

    @Override
    public void close() {
        flush();
    }
}
