package io.eventflux.launcher.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflux.api.Event;
import io.eventflux.api.InputHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the events of one input line: converts each {@code data} to the stream's types and sends a
 * {@code data} line as one event and a {@code batch} line as one chunk. Conversion problems and
 * values the engine rejects become {@link BadLineException}s naming the line.
 */
final class EventSender {
    /** Where an event's timestamp comes from. */
    interface Stamp {
        long of(InputLine line);
    }

    /** The input handler of a stream named by an input line. */
    interface Handlers {
        InputHandler handler(String stream, int lineNumber) throws BadLineException;
    }

    private final Handlers app;
    private final EventConverter converter;
    private final Stamp stamp;

    EventSender(Handlers app, EventConverter converter, Stamp stamp) {
        this.app = app;
        this.converter = converter;
        this.stamp = stamp;
    }

    void send(InputLine line) throws BadLineException {
        InputHandler handler = app.handler(line.stream(), line.lineNumber());
        long ts = stamp.of(line);
        List<Event> events = new ArrayList<>(line.events().size());
        for (JsonNode data : line.events()) {
            try {
                events.add(new Event(ts, converter.convert(handler.schema(), data)));
            } catch (ConversionException e) {
                throw new BadLineException(line.lineNumber(), e.getMessage());
            }
        }
        try {
            if (line.batch()) {
                if (!events.isEmpty()) {
                    handler.send(events);
                }
            } else {
                handler.send(ts, events.get(0).data());
            }
        } catch (IllegalArgumentException e) {
            throw new BadLineException(line.lineNumber(), "rejected by stream '" + line.stream() + "': " + e.getMessage());
        }
    }
}
