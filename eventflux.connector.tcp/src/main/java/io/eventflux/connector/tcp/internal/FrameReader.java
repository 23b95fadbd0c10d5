package io.eventflux.connector.tcp.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts frames out of one connection's byte stream with blocking reads and a fixed buffer, so that nothing
 * is read ahead of what the app takes beyond that buffer: when the caller stops asking for frames, the
 * socket's receive window fills and the sender's writes block.
 *
 * <p>A frame longer than the limit is not kept: for {@code line} framing its first bytes are returned as
 * an unreadable frame and the rest of the line is skipped (the connection goes on); for {@code length}
 * framing a length over the limit (or negative) cannot be trusted to find the next frame, so the frame is
 * reported as unreadable and fatal, and the connection is closed.
 */
final class FrameReader {
    /** How much of an unreadable frame is kept for the error strategy (the dead-letter event). */
    static final int PREFIX_BYTES = 256;
    private static final int BUFFER_BYTES = 64 * 1024;

    /**
     * One frame.
     *
     * @param data the frame, or the first bytes of an unreadable one
     * @param problem null for a good frame; what is wrong with it otherwise
     * @param fatal whether the connection cannot go on after it
     */
    record Frame(byte[] data, String problem, boolean fatal) {
    }

    private final InputStream in;
    private final Framing framing;
    private final int maxFrameBytes;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;

    FrameReader(InputStream in, Framing framing, int maxFrameBytes) {
        this.in = in;
        this.framing = framing;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** The next frame, or null at the end of the stream between frames. */
    Frame next() throws IOException {
        return framing == Framing.LINE ? nextLine() : nextLengthPrefixed();
    }

    private Frame nextLine() throws IOException {
        ByteArrayOutputStream line = null;
        ByteArrayOutputStream prefix = null; // once the line is too long: its first bytes only
        long length = 0;
        while (true) {
            if (position == limit && !fill()) {
                if (length == 0 && line == null) {
                    return null;
                }
                // the last line without a line break: the peer closed after it
                return prefix != null ? tooLong(prefix, length, " (the connection ended)")
                        : new Frame(trim(line), null, false);
            }
            int start = position;
            int newline = -1;
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int n = (newline < 0 ? limit : newline) - start;
            position = newline < 0 ? limit : newline + 1;
            if (prefix == null && length + n > maxFrameBytes) {
                prefix = new ByteArrayOutputStream(PREFIX_BYTES);
                if (line != null) {
                    prefix.write(line.toByteArray(), 0, Math.min(line.size(), PREFIX_BYTES));
                    line = null;
                }
            }
            length += n;
            if (prefix != null) {
                prefix.write(buffer, start, Math.min(n, PREFIX_BYTES - prefix.size()));
            } else if (n > 0) {
                if (line == null) {
                    line = new ByteArrayOutputStream(Math.min(Math.max(n, 64), maxFrameBytes));
                }
                line.write(buffer, start, n);
            }
            if (newline >= 0) {
                return prefix != null ? tooLong(prefix, length, "") : new Frame(trim(line), null, false);
            }
        }
    }

    private Frame tooLong(ByteArrayOutputStream prefix, long length, String more) {
        return new Frame(prefix.toByteArray(), "a line of " + length + " bytes or more is longer than tcp.max.frame.bytes ("
                + maxFrameBytes + "); it was skipped" + more, false);
    }

    private Frame nextLengthPrefixed() throws IOException {
        byte[] header = new byte[4];
        int got = readFully(header, 0, 4);
        if (got == 0) {
            return null;
        }
        if (got < 4) {
            return new Frame(Arrays.copyOf(header, got), "the connection ended inside a frame's 4-byte length ("
                    + got + " bytes)", true);
        }
        int length = ((header[0] & 0xff) << 24) | ((header[1] & 0xff) << 16) | ((header[2] & 0xff) << 8)
                | (header[3] & 0xff);
        if (length < 0 || length > maxFrameBytes) {
            long unsigned = length & 0xffffffffL;
            byte[] start = new byte[Math.min(PREFIX_BYTES, limit - position)];
            System.arraycopy(buffer, position, start, 0, start.length);
            return new Frame(start, "a frame of " + unsigned + " bytes is longer than tcp.max.frame.bytes ("
                    + maxFrameBytes + "); the connection is closed (the next frame cannot be found)", true);
        }
        byte[] data = new byte[length];
        int read = readFully(data, 0, length);
        if (read < length) {
            return new Frame(Arrays.copyOf(data, Math.min(read, PREFIX_BYTES)), "the connection ended inside a frame ("
                    + read + " of " + length + " bytes)", true);
        }
        return new Frame(data, null, false);
    }

    /** Reads up to {@code n} bytes; fewer only at the end of the stream. */
    private int readFully(byte[] target, int offset, int n) throws IOException {
        int done = 0;
        while (done < n) {
            if (position == limit && !fill()) {
                return done;
            }
            int chunk = Math.min(n - done, limit - position);
            System.arraycopy(buffer, position, target, offset + done, chunk);
            position += chunk;
            done += chunk;
        }
        return done;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            position = 0;
            limit = 0;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private static byte[] trim(ByteArrayOutputStream line) {
        if (line == null) {
            return new byte[0];
        }
        byte[] bytes = line.toByteArray();
        return bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? Arrays.copyOf(bytes, bytes.length - 1) : bytes;
    }
}
