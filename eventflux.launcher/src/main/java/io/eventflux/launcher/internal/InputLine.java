package io.eventflux.launcher.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One meaningful line of a JSON Lines input file.
 *
 * @param lineNumber 1-based line number in the file
 * @param ts the line's event time
 * @param stream the stream to send to, or null for a clock-only line ({@code {"ts": N}})
 * @param events the {@code data} of each event (a JSON object or array); one for {@code data},
 *        any number for {@code batch}, none for a clock-only line
 * @param batch true if the events came as a {@code batch} and must be sent as one chunk
 */
record InputLine(int lineNumber, long ts, String stream, List<JsonNode> events, boolean batch) {
    InputLine {
        events = List.copyOf(events);
    }

    /** True for {@code {"ts": N}}: the line only moves the clock. */
    boolean clockOnly() {
        return stream == null;
    }
}
