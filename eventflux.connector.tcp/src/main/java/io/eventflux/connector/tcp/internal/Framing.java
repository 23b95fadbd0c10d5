package io.eventflux.connector.tcp.internal;

/**
 * How frames are cut out of a TCP stream: {@link #LINE} ends each frame with {@code \n} (a {@code \r}
 * before it is dropped), {@link #LENGTH} puts a 4-byte big-endian length before each frame.
 */
enum Framing {
    LINE, LENGTH;

    /** The option value, as written in SQL. */
    String option() {
        return this == LINE ? "line" : "length";
    }

    /**
     * One payload framed for the wire.
     *
     * @throws IllegalArgumentException for a line payload holding a line break, which would split it
     */
    byte[] encode(byte[] payload) {
        if (this == LINE) {
            int end = payload.length;
            if (end > 0 && payload[end - 1] == '\n') {
                end--; // a mapper's own line end is kept as the frame's end
            }
            for (int i = 0; i < end; i++) {
                if (payload[i] == '\n') {
                    throw new IllegalArgumentException("the payload holds a line break at byte " + i
                            + ", which would split it into two frames; use tcp.framing = 'length'");
                }
            }
            byte[] out = new byte[end + 1];
            System.arraycopy(payload, 0, out, 0, end);
            out[end] = '\n';
            return out;
        }
        byte[] out = new byte[payload.length + 4];
        int n = payload.length;
        out[0] = (byte) (n >>> 24);
        out[1] = (byte) (n >>> 16);
        out[2] = (byte) (n >>> 8);
        out[3] = (byte) n;
        System.arraycopy(payload, 0, out, 4, n);
        return out;
    }
}
