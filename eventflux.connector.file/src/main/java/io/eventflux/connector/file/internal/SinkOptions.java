package io.eventflux.connector.file.internal;

import io.eventflux.api.io.ConnectorSpec;
import java.nio.file.Path;

/**
 * The file sink's options, validated.
 *
 * @param stream the stream's name, for messages
 * @param path {@code file.path}
 * @param append {@code file.append}: keep what the file holds (else it is emptied when the sink starts)
 * @param flushMillis {@code file.flush.interval.ms}: how long written lines may stay buffered; 0 writes
 *     them through at every flush of the engine (each chunk)
 * @param rotateBytes {@code file.rotate.size.bytes}: rotate before a line would make the file larger; 0: off
 * @param rotateMillis {@code file.rotate.interval.ms}: rotate a file that has been open that long; 0: off
 */
record SinkOptions(String stream, Path path, boolean append, long flushMillis, long rotateBytes, long rotateMillis) {
    static final String APPEND = "file.append";
    static final String FLUSH_INTERVAL = "file.flush.interval.ms";
    static final String ROTATE_SIZE = "file.rotate.size.bytes";
    static final String ROTATE_INTERVAL = "file.rotate.interval.ms";

    /** @throws IllegalArgumentException naming the stream and the bad option */
    static SinkOptions of(ConnectorSpec spec) {
        return new SinkOptions(spec.stream().name(), FileOptions.path(spec), spec.booleanOption(APPEND, true),
                FileOptions.notNegative(spec, FLUSH_INTERVAL, spec.durationMillis(FLUSH_INTERVAL, 1000)),
                FileOptions.notNegative(spec, ROTATE_SIZE, spec.longOption(ROTATE_SIZE, 0)),
                FileOptions.notNegative(spec, ROTATE_INTERVAL, spec.durationMillis(ROTATE_INTERVAL, 0)));
    }

    /** How often the sink looks at the clock on its own (flush and time rotation when idle); 0: never. */
    long tickMillis() {
        long tick = 0;
        for (long interval : new long[] {flushMillis, rotateMillis}) {
            if (interval > 0) {
                tick = tick == 0 ? interval : Math.min(tick, interval);
            }
        }
        return tick;
    }
}
