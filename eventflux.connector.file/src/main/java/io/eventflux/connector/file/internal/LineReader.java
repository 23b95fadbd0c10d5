package io.eventflux.connector.file.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads one open file line by line (UTF-8, {@code \n} or {@code \r\n}) and knows the byte offset just
 * after the last complete line it returned, so a reader can resume there. A line still being written (no
 * newline yet) is kept back until its newline arrives, or handed out by {@link #rest()} once the file is
 * known to be finished. It keeps reading the file it opened even after the file is renamed. One thread at
 * a time.
 */
final class LineReader implements Closeable {
    private final FileChannel channel;
    private final FileIdentity identity;
    private final String name;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private byte[] partial = new byte[256]; // bytes of the line being assembled
    private int partialLength;
    private long offset; // just after the last complete line returned
    private long line; // number of the last line returned (1-based), 0 before the first

    private LineReader(FileChannel channel, FileIdentity identity, String name, long offset, long line)
            throws IOException {
        this.channel = channel;
        this.identity = identity;
        this.name = name;
        this.offset = offset;
        this.line = line;
        channel.position(offset);
        buffer.flip(); // empty, ready to be refilled
    }

    /**
     * Opens {@code file} at {@code offset}, the start of line {@code line + 1}.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws IOException when it cannot be opened (a directory, no permission)
     */
    static LineReader open(Path file, long offset, long line) throws IOException {
        while (true) {
            FileIdentity before = FileIdentity.at(file);
            if (before == null) {
                throw new NoSuchFileException(file.toString());
            }
            if (Files.isDirectory(file)) {
                throw new IOException(file + " is a directory, not a file");
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                // the identity must be that of the file opened, not of one renamed into place meanwhile
                if (before.equals(FileIdentity.at(file))) {
                    return new LineReader(channel, before, String.valueOf(file.getFileName()), offset, line);
                }
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            channel.close();
        }
    }

    /** The next complete line, or null when none is complete yet (the end of what is written so far). */
    String next() throws IOException {
        return advance(true) ? completeLine(partialLength + 1) : null;
    }

    /**
     * Skips every complete line written so far (counting them, so later lines keep their numbers) without
     * decoding them; a line still being written is read again, whole, once complete.
     */
    void skipToEnd() throws IOException {
        while (advance(false)) {
            offset += partialLength + 1;
            line++;
            partialLength = 0;
        }
        partialLength = 0;
        channel.position(offset);
        buffer.clear().flip();
    }

    /**
     * The final line that has no newline, once {@link #next()} returned null and the file will not grow
     * any more (read mode, or a rotated file); null when there is none.
     */
    String rest() {
        return partialLength == 0 ? null : completeLine(partialLength);
    }

    /** Back to the start of the file, which was truncated. */
    void rewind() throws IOException {
        channel.position(0);
        buffer.clear().flip();
        partialLength = 0;
        offset = 0;
        line = 0;
    }

    /**
     * True when the file is now shorter than what was read from it: it was truncated. (Truncated and
     * written past the old length before the next look cannot be told apart from appended.)
     */
    boolean truncated() throws IOException {
        return channel.size() < channel.position() - buffer.remaining();
    }

    FileIdentity identity() {
        return identity;
    }

    /** The file's name when it was opened, for {@code <name>:<line>} locations. */
    String name() {
        return name;
    }

    /** The byte offset just after the last complete line returned. */
    long offset() {
        return offset;
    }

    /** The number of the last line returned (1-based), 0 before the first. */
    long line() {
        return line;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Reads up to the next newline into {@code partial}; false at the end of what is written. */
    private boolean advance(boolean keep) throws IOException {
        while (true) {
            if (buffer.hasRemaining()) {
                int start = buffer.position();
                int end = indexOfNewline(start, buffer.limit());
                int length = (end < 0 ? buffer.limit() : end) - start;
                if (keep) {
                    append(start, length);
                } else {
                    partialLength += length; // only counted
                }
                buffer.position(end < 0 ? buffer.limit() : end + 1);
                if (end >= 0) {
                    return true;
                }
            }
            buffer.clear();
            int n = channel.read(buffer);
            buffer.flip();
            if (n <= 0) {
                return false;
            }
        }
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer.get(i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int from, int length) {
        if (partialLength + length > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(partial.length * 2, partialLength + length));
        }
        buffer.get(from, partial, partialLength, length);
        partialLength += length;
    }

    private String completeLine(int consumedBytes) {
        int length = partialLength;
        if (length > 0 && partial[length - 1] == '\r') {
            length--;
        }
        String s = new String(partial, 0, length, StandardCharsets.UTF_8);
        offset += consumedBytes;
        line++;
        partialLength = 0;
        return s;
    }
}
