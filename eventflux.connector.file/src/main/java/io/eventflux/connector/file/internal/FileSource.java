package io.eventflux.connector.file.internal;

import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceListener;
import java.io.IOException;
import java.io.Serializable;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads a file line by line on its own thread and hands each line to the listener as a String payload,
 * with the {@link SourceListener#LOCATION} header {@code <file name>:<line>}. In read mode it reads to the
 * end once (a missing file fails {@link #start}); in tail mode it waits for the file to appear, then
 * follows appended lines, finishes a rotated file before switching to the new file at the path, and
 * starts again from the top of a truncated one. The listener blocking under backpressure simply holds the
 * reader: nothing is read ahead.
 *
 * <p>Its snapshot is the position after the last line handed over; after {@link #restore}, or after
 * {@link #stop} and a new {@link #start}, reading resumes there (in the rotated file, found again by its
 * identity, when the path meanwhile names a new one), so nothing is read twice or skipped.
 *
 * <p>With {@code csv.has-header}, the header line is handed over again before resuming in the middle of
 * a file, so a fresh csv mapper learns the columns; the mapper skips a header it already knows.
 */
final class FileSource implements Source {
    private static final System.Logger LOG = System.getLogger(FileSource.class.getName());
    private static final long FIRST_STOP_WAIT_MILLIS = 200;
    private static final long STOP_WAIT_MILLIS = 5_000;

    private final SourceOptions options;
    private volatile FilePosition position; // after the last line handed over; null before any file was opened
    private volatile boolean stopped = true;
    private volatile boolean paused;
    private volatile Thread reader;

    // confined to the reader thread (or to start(), before the thread starts)
    private SourceListener listener;
    private LineReader current;
    private String header;
    private boolean skipExisting;

    FileSource(SourceOptions options) {
        this.options = options;
    }

    @Override
    public synchronized void start(SourceListener listener) throws Exception {
        if (reader != null && reader.isAlive()) {
            throw new IllegalStateException("stream " + options.stream() + ": the file source is already running");
        }
        this.listener = listener;
        skipExisting = options.fromEnd() && position == null;
        current = null;
        if (!options.tail()) {
            current = openAtPosition();
            if (current == null) {
                throw new NoSuchFileException(options.path().toString(), null, "stream " + options.stream()
                        + ": file.path '" + options.path() + "' does not exist (file.mode = read)");
            }
        }
        stopped = false;
        reader = new Thread(this::run, "eventflux-file-source-" + options.stream());
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        Thread t = reader;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        LockSupport.unpark(t);
        try {
            t.join(FIRST_STOP_WAIT_MILLIS); // enough for a parked or reading thread
            if (t.isAlive()) {
                t.interrupt(); // held in the listener by backpressure
                t.join(STOP_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            LOG.log(System.Logger.Level.WARNING, "stream {0}: the file reader did not stop within {1} ms",
                    options.stream(), STOP_WAIT_MILLIS);
        }
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
        Thread t = reader;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public Serializable snapshot() {
        return position;
    }

    @Override
    public void restore(Serializable state) {
        if (state != null && !(state instanceof FilePosition)) {
            throw new IllegalArgumentException("stream " + options.stream() + ": not a file source position: "
                    + state.getClass().getName());
        }
        position = (FilePosition) state;
    }

    private void run() {
        try {
            if (current == null) {
                current = awaitFile();
            }
            if (current != null) {
                follow();
            }
        } catch (ClosedByInterruptException e) {
            // stop() interrupted a read
        } catch (IOException e) {
            if (!stopped) {
                listener.onConnectionLost(new IOException("stream " + options.stream() + ": reading "
                        + options.path() + " failed: " + e, e));
            }
        } catch (RuntimeException e) {
            // the listener failed (error.strategy = fail) or was interrupted by stop(): reading ends here
            if (!stopped) {
                LOG.log(System.Logger.Level.ERROR, "stream " + options.stream() + ": the file source stops at "
                        + (current == null ? options.path() : location(current.name(), current.line() + 1)), e);
            }
        } finally {
            closeCurrent();
        }
    }

    /** Tail mode: waits for the file to appear; null when stopped first. */
    private LineReader awaitFile() throws IOException {
        while (!stopped) {
            LineReader r = openAtPosition();
            if (r != null) {
                return r;
            }
            skipExisting = false; // file.start.position = end skips only what a file held at the first start
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(options.pollMillis()));
        }
        return null;
    }

    private void follow() throws IOException {
        resendHeader();
        while (!stopped) {
            if (paused) {
                LockSupport.park(this);
                continue;
            }
            String line = current.next();
            if (line != null) {
                deliver(line);
                continue;
            }
            FileIdentity atPath = FileIdentity.at(options.path());
            if (atPath != null && !atPath.equals(current.identity())) {
                switchToNewFile(); // rotated (or, in read mode, resumed in a rotated file)
            } else if (!options.tail()) {
                finish();
                return; // read once: stay idle
            } else if (current.truncated()) {
                LOG.log(System.Logger.Level.INFO, "stream {0}: {1} was truncated, reading it from the beginning",
                        options.stream(), options.path());
                current.rewind();
                header = null;
                publishPosition();
            } else {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(options.pollMillis()));
            }
        }
    }

    /** The file at the path is a new one: reads the rest of the old one, then the new one from the top. */
    private void switchToNewFile() throws IOException {
        LineReader next;
        try {
            next = LineReader.open(options.path(), 0, 0);
        } catch (NoSuchFileException e) {
            return; // gone again before it could be opened: keep following the old one
        }
        try {
            finish();
        } catch (IOException | RuntimeException e) {
            next.close();
            throw e;
        }
        closeCurrent();
        current = next;
        header = null;
        publishPosition();
    }

    /** Hands over what is left of a file that will not grow: complete lines, then a last unterminated one. */
    private void finish() throws IOException {
        for (String line = current.next(); line != null && !stopped; line = current.next()) {
            deliver(line);
        }
        String rest = stopped ? null : current.rest();
        if (rest != null) {
            deliver(rest);
        }
    }

    private void deliver(String line) {
        if (options.csvHeader() && current.line() == 1) {
            header = line;
        }
        listener.onPayload(line, Map.of(SourceListener.LOCATION, location(current.name(), current.line())));
        publishPosition();
    }

    /** A fresh csv mapper needs the header before lines from the middle of the file. */
    private void resendHeader() {
        if (options.csvHeader() && header != null && current.line() >= 1) {
            listener.onPayload(header, Map.of(SourceListener.LOCATION, location(current.name(), 1)));
        }
    }

    private void publishPosition() {
        position = new FilePosition(current.identity(), current.offset(), current.line(), header);
    }

    /**
     * Opens the file to read: where the position says (in the rotated file when the path names a new one
     * now), else at the beginning, or past what it holds for {@code file.start.position = end}. Null when
     * there is no file at the path yet.
     */
    private LineReader openAtPosition() throws IOException {
        FilePosition p = position;
        LineReader r = p == null ? null : reopen(p);
        if (r == null) {
            r = openOrNull(options.path());
            if (r == null) {
                return null;
            }
            header = null;
            if (skipExisting) {
                skipExisting(r);
            }
        }
        current = r;
        publishPosition();
        return r;
    }

    /** The file of a position, at its offset; null when it is gone. */
    private LineReader reopen(FilePosition p) throws IOException {
        Path file = p.file().equals(FileIdentity.at(options.path())) ? options.path()
                : p.file().findIn(options.path().getParent());
        if (file == null) {
            LOG.log(System.Logger.Level.WARNING, "stream {0}: the file read before (line {1} of {2}) is gone; "
                    + "reading {2} from the beginning", options.stream(), p.line(), options.path());
            return null;
        }
        LineReader r = LineReader.open(file, p.offset(), p.line());
        header = p.header();
        if (r.truncated()) {
            LOG.log(System.Logger.Level.INFO, "stream {0}: {1} is shorter than the position {2}, "
                    + "reading it from the beginning", options.stream(), file, p.offset());
            r.rewind();
            header = null;
        }
        return r;
    }

    private void skipExisting(LineReader r) throws IOException {
        if (options.csvHeader()) {
            header = r.next();
        }
        r.skipToEnd();
    }

    private static LineReader openOrNull(Path file) throws IOException {
        try {
            return LineReader.open(file, 0, 0);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing " + current.name(), e);
            }
        }
    }

    private static String location(String name, long line) {
        return name + ":" + line;
    }

    @Override
    public String toString() {
        return "FileSource[" + options.path() + (options.tail() ? ", tail" : ", read") + "]";
    }
}
