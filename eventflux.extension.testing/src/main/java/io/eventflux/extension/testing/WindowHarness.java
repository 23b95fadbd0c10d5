package io.eventflux.extension.testing;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.Event;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Clock;
import io.eventflux.api.extension.Scheduler;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowSpec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A manual clock, a recording scheduler and a recording collector for window tests. The test sets
 * {@link #now}; {@link #scheduled} lists the timers asked for; {@link #output} records what the window
 * reported, one line per call ({@code "current <ts> [data]"}, {@code "expired <ts> [data]"},
 * {@code "flush <time>"}; a trailing {@code " !"} flags an event whose expired flag contradicts the call).
 */
public final class WindowHarness implements WindowContext, Clock, Scheduler, WindowCollector {
    public static final StreamSchema SCHEMA = new StreamSchema("S",
            List.of(new Attribute("symbol", AttributeType.STRING), new Attribute("price", AttributeType.DOUBLE)));

    public long now;
    public final List<Long> scheduled = new ArrayList<>();
    public final List<String> output = new ArrayList<>();

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
    public List<String> take() {
        List<String> copy = List.copyOf(output);
        output.clear();
        return copy;
    }

    public static Event event(long ts, String symbol) {
        return new Event(ts, new Object[] {symbol, 1.0});
    }

    public static Event event(long ts, String symbol, double price) {
        return new Event(ts, new Object[] {symbol, price});
    }

    /** A STRING literal argument. */
    public static Argument text(String value) {
        return Argument.constant(AttributeType.STRING, value, false);
    }

    public static WindowSpec spec(String name, Argument... args) {
        return new WindowSpec(name, List.of(args), SCHEMA);
    }

    public static Argument number(long value) {
        return Argument.constant(AttributeType.LONG, value, false);
    }

    public static Argument integer(int value) {
        return Argument.constant(AttributeType.INT, value, false);
    }

    public static Argument duration(long ms) {
        return Argument.constant(AttributeType.LONG, ms, true);
    }

    /** Through real Java serialization, as a persistence store would do it. */
    public static Serializable roundTrip(Serializable state) {
        return Snapshots.roundTrip(state);
    }

    /** What the engine does: fire due timers in time order (each time once), then move the clock. */
    public void advanceTo(long time, Window window) {
        TreeSet<Long> fired = new TreeSet<>();
        while (true) {
            Long next = scheduled.stream().filter(t -> t <= time && !fired.contains(t)).min(Long::compare).orElse(null);
            if (next == null) {
                break;
            }
            fired.add(next);
            scheduled.removeIf(t -> t.equals(next));
            now = next;
            window.onTimer(next, this);
        }
        now = time;
    }

    /** Advances to the event's timestamp (firing due timers), then hands the event to the window. */
    public void send(Event event, Window window) {
        advanceTo(event.timestamp(), window);
        window.process(event, this);
    }
}
