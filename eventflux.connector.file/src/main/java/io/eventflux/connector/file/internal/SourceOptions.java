package io.eventflux.connector.file.internal;

import io.eventflux.api.io.ConnectorSpec;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The file source's options, validated.
 *
 * @param stream the stream's name, for messages
 * @param path {@code file.path}
 * @param tail {@code file.mode = tail}: follow appended lines (else read once to the end)
 * @param fromEnd {@code file.start.position = end}: skip what a tailed file already holds at the first start
 * @param pollMillis {@code file.poll.interval.ms}: how long a tailing reader waits at the end of the file
 * @param csvHeader {@code csv.has-header}: the first line of each file is a header for the csv mapper
 */
record SourceOptions(String stream, Path path, boolean tail, boolean fromEnd, long pollMillis, boolean csvHeader) {
    static final String MODE = "file.mode";
    static final String START_POSITION = "file.start.position";
    static final String POLL_INTERVAL = "file.poll.interval.ms";
    static final String CSV_HAS_HEADER = "csv.has-header";

    /** @throws IllegalArgumentException naming the stream and the bad option */
    static SourceOptions of(ConnectorSpec spec) {
        String stream = spec.stream().name();
        Path path = FileOptions.path(spec);
        boolean tail = switch (spec.option(MODE, "read").trim().toLowerCase(Locale.ROOT)) {
            case "read" -> false;
            case "tail" -> true;
            default -> throw new IllegalArgumentException("stream " + stream + ": option '" + MODE
                    + "' must be read or tail, was '" + spec.option(MODE, "") + "'");
        };
        boolean fromEnd = switch (spec.option(START_POSITION, "beginning").trim().toLowerCase(Locale.ROOT)) {
            case "beginning" -> false;
            case "end" -> true;
            default -> throw new IllegalArgumentException("stream " + stream + ": option '" + START_POSITION
                    + "' must be beginning or end, was '" + spec.option(START_POSITION, "") + "'");
        };
        if (fromEnd && !tail) {
            throw new IllegalArgumentException("stream " + stream + ": option '" + START_POSITION
                    + "' = 'end' needs '" + MODE + "' = 'tail' (read mode would read nothing)");
        }
        long poll = FileOptions.positive(spec, POLL_INTERVAL, spec.durationMillis(POLL_INTERVAL, 500));
        return new SourceOptions(stream, path, tail, fromEnd, poll, spec.booleanOption(CSV_HAS_HEADER, false));
    }
}
