package io.eventflux.engine.internal.app;

import io.eventflux.api.Event;
import io.eventflux.api.InputHandler;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Clock;
import io.eventflux.engine.internal.stream.StreamJunction;
import io.eventflux.engine.internal.time.WallClock;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Validates and converts events at the boundary, then hands them to the app's driver as one chunk. */
final class InputHandlerImpl implements InputHandler {
    private final StreamJunction junction;
    private final InputConverter converter;
    private final Driver driver;
    private final Clock clock;
    /** Whether {@link #send(Object...)} leaves the stamping to the writer (the wall clock, not playback). */
    private final boolean wall;

    InputHandlerImpl(StreamJunction junction, Driver driver, Clock clock) {
        this.junction = junction;
        this.converter = new InputConverter(junction.schema());
        this.driver = driver;
        this.clock = clock;
        this.wall = clock instanceof WallClock;
    }

    @Override
    public StreamSchema schema() {
        return junction.schema();
    }

    @Override
    public void send(Object... data) {
        if (wall) {
            driver.sendNow(junction, clock, converter.convert(data));
        } else {
            driver.send(junction, new Event(clock.now(), converter.convert(data)));
        }
    }

    @Override
    public void send(long timestamp, Object[] data) {
        driver.send(junction, new Event(timestamp, converter.convert(data)));
    }

    @Override
    public void send(Event event) {
        driver.send(junction, checked(event));
    }

    @Override
    public void send(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        Event[] copy = new Event[events.size()];
        int i = 0;
        for (Event e : events) {
            copy[i++] = checked(e);
        }
        driver.send(junction, Collections.unmodifiableList(Arrays.asList(copy)));
    }

    private Event checked(Event event) {
        Objects.requireNonNull(event, "event");
        Object[] data = converter.convert(event.data());
        return data == event.data() && !event.isExpired() ? event : new Event(event.timestamp(), data);
    }
}
