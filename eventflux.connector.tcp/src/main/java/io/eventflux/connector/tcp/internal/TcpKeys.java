package io.eventflux.connector.tcp.internal;

import io.eventflux.api.io.ConnectorSpec;
import java.util.Locale;

/** The connector's option keys (SQL.md section 7) and the checks the source and the sink share. */
final class TcpKeys {
    static final String HOST = "tcp.host";
    static final String PORT = "tcp.port";
    static final String FRAMING = "tcp.framing";
    static final String MAX_CONNECTIONS = "tcp.max.connections";
    static final String MAX_FRAME_BYTES = "tcp.max.frame.bytes";
    static final String CONNECT_TIMEOUT = "tcp.connect.timeout.ms";
    static final String RETRY_MAX_ATTEMPTS = "tcp.retry.max-attempts";
    static final String RETRY_INITIAL_DELAY = "tcp.retry.initial-delay";
    static final String RETRY_MAX_DELAY = "tcp.retry.max-delay";
    static final String FORMAT = "format";

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;

    private TcpKeys() {
    }

    /** {@code tcp.host}, loopback by default. */
    static String host(ConnectorSpec spec) {
        String host = spec.option(HOST, DEFAULT_HOST).trim();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + HOST + "' is empty");
        }
        return host;
    }

    /** {@code tcp.port}, required, 1 to 65535. */
    static int port(ConnectorSpec spec) {
        spec.require(PORT);
        long port = spec.longOption(PORT, 0);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + PORT
                    + "' must be a port number from 1 to 65535, was '" + spec.option(PORT, "") + "'");
        }
        return (int) port;
    }

    /** {@code tcp.framing}: line (default) or length. */
    static Framing framing(ConnectorSpec spec) {
        String value = spec.option(FRAMING, "line").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "line" -> Framing.LINE;
            case "length" -> Framing.LENGTH;
            default -> throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + FRAMING
                    + "' must be line or length, was '" + spec.option(FRAMING, "") + "'");
        };
    }

    /** {@code tcp.max.frame.bytes}: positive, below 2 GiB. */
    static int maxFrameBytes(ConnectorSpec spec) {
        long max = positive(spec, MAX_FRAME_BYTES, DEFAULT_MAX_FRAME_BYTES);
        if (max > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + MAX_FRAME_BYTES
                    + "' must be below 2 GiB, was " + max);
        }
        return (int) max;
    }

    /**
     * Whether payloads are raw bytes ({@code format = 'bytes'}) rather than UTF-8 text.
     *
     * @throws IllegalArgumentException when the stream has no format: a frame is bytes, some mapper must read it
     */
    static boolean bytesFormat(ConnectorSpec spec) {
        String format = spec.option(FORMAT, "").trim();
        if (format.isEmpty()) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": a tcp stream needs a 'format' "
                    + "(json, csv, text or bytes) to turn frames into events and back");
        }
        return "bytes".equalsIgnoreCase(format);
    }

    /** A positive long option. */
    static long positive(ConnectorSpec spec, String key, long fallback) {
        long value = spec.longOption(key, fallback);
        if (value <= 0) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + key
                    + "' must be positive, was '" + spec.option(key, "") + "'");
        }
        return value;
    }

    /** A positive duration option in milliseconds ("500", "2 s"). */
    static long positiveMillis(ConnectorSpec spec, String key, long fallback) {
        long value = spec.durationMillis(key, fallback);
        if (value <= 0) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + key
                    + "' must be a positive duration, was '" + spec.option(key, "") + "'");
        }
        return value;
    }
}
