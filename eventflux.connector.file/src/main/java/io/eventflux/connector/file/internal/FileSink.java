package io.eventflux.connector.file.internal;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Clock;
import io.eventflux.api.io.Sink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes one payload per line (a String as UTF-8, a byte[] as it is, followed by {@code \n}) through a
 * buffer that is written out once {@code file.flush.interval.ms} has passed since the last time: at the
 * engine's {@link #flush()} after a chunk, or by the sink's own timer when the stream is idle, and always
 * at {@link #stop()}. So a process crash (not a graceful stop) loses at most the lines of the last flush
 * interval, which the engine already counted as sent; {@code file.flush.interval.ms = 0} writes every
 * chunk through at the engine's flush, so a failed write reaches the stream's error strategy. Nothing is
 * forced to the disk (no fsync): an OS crash may lose what the OS had not written yet.
 *
 * <p>Rotation renames the file to {@code <name>.<yyyyMMdd-HHmmss.SSS>} (UTC; {@code -1}, {@code -2} ...
 * added if taken) and starts a new one at the path: by size, before a line would take the file past
 * {@code file.rotate.size.bytes} (a longer line gets a file of its own), and by time, once the file has
 * been open {@code file.rotate.interval.ms}, at the next line or timer tick. An empty file is not rotated.
 * Time is read from the injected clock.
 */
final class FileSink implements Sink {
    private static final System.Logger LOG = System.getLogger(FileSink.class.getName());
    private static final DateTimeFormatter ROTATED_SUFFIX =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss.SSS").withZone(ZoneOffset.UTC);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final SinkOptions options;
    private final Clock clock;
    private OutputStream out; // null when stopped
    private long size; // bytes in the current file, buffered ones included
    private long openedAt;
    private long lastFlush;
    private ScheduledExecutorService timer;

    FileSink(SinkOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    @Override
    public synchronized void start() throws IOException {
        if (out != null) {
            return;
        }
        Path path = options.path();
        Path dir = path.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("stream " + options.stream() + ": file.path '" + path + "': the directory " + dir
                    + " does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new IOException("stream " + options.stream() + ": file.path '" + path + "' is a directory");
        }
        open(options.append() ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        lastFlush = openedAt;
        long tick = options.tickMillis();
        if (tick > 0) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "eventflux-file-sink-" + options.stream());
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void publish(Object payload, Event event) throws IOException {
        if (out == null) {
            throw new IOException("stream " + options.stream() + ": the file sink for " + options.path()
                    + " is not started");
        }
        byte[] bytes = payload instanceof byte[] b ? b : String.valueOf(payload).getBytes(StandardCharsets.UTF_8);
        boolean terminated = bytes.length > 0 && bytes[bytes.length - 1] == '\n';
        long length = bytes.length + (terminated ? 0 : 1);
        if (options.rotateBytes() > 0 && size > 0 && size + length > options.rotateBytes()) {
            rotate();
        } else {
            rotateIfDue();
        }
        out.write(bytes);
        if (!terminated) {
            out.write('\n');
        }
        size += length;
    }

    /** Writes the buffer out when the flush interval has passed (every time when it is 0). */
    @Override
    public synchronized void flush() throws IOException {
        if (out != null && (options.flushMillis() == 0 || clock.now() - lastFlush >= options.flushMillis())) {
            writeOut();
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        if (out != null) {
            try {
                out.close(); // writes the buffer out
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "stream " + options.stream() + ": writing the last lines to "
                        + options.path() + " failed", e);
            }
            out = null;
        }
    }

    /** The timer: flushes and rotates by time while no events come. */
    private synchronized void tick() {
        if (out == null) {
            return;
        }
        try {
            rotateIfDue();
            if (options.flushMillis() > 0 && clock.now() - lastFlush >= options.flushMillis()) {
                writeOut();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "stream " + options.stream() + ": writing to " + options.path()
                    + " failed", e);
        }
    }

    private void rotateIfDue() throws IOException {
        if (options.rotateMillis() > 0 && clock.now() - openedAt >= options.rotateMillis()) {
            if (size > 0) {
                rotate();
            } else {
                openedAt = clock.now(); // nothing to rotate: the period starts again
            }
        }
    }

    private void rotate() throws IOException {
        out.close();
        out = null;
        Files.move(options.path(), rotatedName());
        open(StandardOpenOption.APPEND);
    }

    private Path rotatedName() {
        String base = options.path().getFileName() + "." + ROTATED_SUFFIX.format(Instant.ofEpochMilli(clock.now()));
        Path target = options.path().resolveSibling(base);
        for (int i = 1; Files.exists(target); i++) {
            target = options.path().resolveSibling(base + "-" + i);
        }
        return target;
    }

    private void open(StandardOpenOption mode) throws IOException {
        out = new BufferedOutputStream(Files.newOutputStream(options.path(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, mode), BUFFER_BYTES);
        size = Files.size(options.path());
        openedAt = clock.now();
    }

    private void writeOut() throws IOException {
        out.flush();
        lastFlush = clock.now();
    }

    @Override
    public String toString() {
        return "FileSink[" + options.path() + "]";
    }
}
