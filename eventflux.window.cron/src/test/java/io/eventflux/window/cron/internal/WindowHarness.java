package io.eventflux.window.cron.internal;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.Event;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Clock;
import io.eventflux.api.extension.Scheduler;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A manual clock, a recording scheduler and a recording collector for window tests. */
final class WindowHarness implements WindowContext, Clock, Scheduler, WindowCollector {
    static final StreamSchema SCHEMA = new StreamSchema("S",
            List.of(new Attribute("symbol", AttributeType.STRING), new Attribute("price", AttributeType.DOUBLE)));

    long now;
    final List<Long> scheduled = new ArrayList<>();
    final List<String> output = new ArrayList<>();

    @Override
    public Clock clock() {
        return this;
    }

    @Override
    public Scheduler scheduler() {
        return this;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public void schedule(long time) {
        scheduled.add(time);
    }

    @Override
    public void current(Event event) {
        output.add("current " + event.timestamp() + " " + Arrays.toString(event.data()) + (event.isExpired() ? " !" : ""));
    }

    @Override
    public void expired(Event event) {
        output.add("expired " + event.timestamp() + " " + Arrays.toString(event.data()) + (event.isExpired() ? "" : " !"));
    }

    @Override
    public void flush(long time) {
        output.add("flush " + time);
    }

    /** What was collected since the last call. */
    List<String> take() {
        List<String> copy = List.copyOf(output);
        output.clear();
        return copy;
    }

    static Event event(long ts, String symbol) {
        return new Event(ts, new Object[] {symbol, 1.0});
    }

    static WindowSpec spec(String name, Argument... args) {
        return new WindowSpec(name, List.of(args), SCHEMA);
    }

    static Argument number(long value) {
        return Argument.constant(AttributeType.LONG, value, false);
    }

    static Argument integer(int value) {
        return Argument.constant(AttributeType.INT, value, false);
    }

    static Argument duration(long ms) {
        return Argument.constant(AttributeType.LONG, ms, true);
    }

    /** Through real Java serialization, as a persistence store would do it. */
    static Serializable roundTrip(Serializable state) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(state);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (Serializable) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
