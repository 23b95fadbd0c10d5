package io.eventflux.engine.internal.app;

import io.eventflux.engine.internal.stream.StreamJunction;
import io.eventflux.engine.internal.time.EventTimeGate;
import io.eventflux.engine.internal.time.EventTimeOptions;
import io.eventflux.engine.internal.time.TimeKeeper;
import io.eventflux.engine.internal.time.TimerQueue;
import io.eventflux.engine.internal.time.WallClock;
import io.eventflux.sql.plan.AppPlan;
import io.eventflux.sql.plan.StreamDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds an app's event-timed streams in its resolved options and builds their {@link EventTimeGate}. */
final class EventTimeWiring {
    private EventTimeWiring() {
    }

    /**
     * The event-time options of every declared stream with {@code event.time}, in declaration order.
     *
     * @throws IllegalArgumentException for a bad key or value (naming the app, stream, key and value)
     */
    static List<EventTimeOptions> options(AppPlan plan, String app, Map<String, Map<String, String>> resolved) {
        List<EventTimeOptions> out = new ArrayList<>();
        for (StreamDef s : plan.streams()) {
            Map<String, String> o = resolved.get(s.name());
            if (o != null && s.kind() == StreamDef.Kind.DECLARED && EventTimeOptions.eventTimed(o)) {
                out.add(EventTimeOptions.parse(app, s.schema(), o));
            }
        }
        return out;
    }

    /** The gate, or null when no stream is event-timed. */
    static EventTimeGate gate(String app, List<EventTimeOptions> options, Map<String, StreamJunction> junctions,
            TimeKeeper time, TimerQueue.Waker waker) {
        if (options.isEmpty()) {
            return null;
        }
        List<EventTimeGate.Input> inputs = new ArrayList<>();
        for (EventTimeOptions o : options) {
            String name = o.stream().name();
            StreamJunction late = o.lateStream() == null ? null : junction(app, junctions, name, o.lateStream());
            if (late != null && !late.schema().attributes().equals(o.stream().attributes())) {
                throw new IllegalArgumentException("app '" + app + "': stream " + name + ": late-events stream "
                        + late.name() + " has schema " + late.schema().attributes() + "; it must have exactly "
                        + o.stream().attributes());
            }
            StreamJunction dlq = o.dlqStream() == null ? null : junction(app, junctions, name, o.dlqStream());
            inputs.add(new EventTimeGate.Input(o, junctions.get(name), late, dlq));
        }
        return new EventTimeGate(app, time, new WallClock(), waker, inputs);
    }

    private static StreamJunction junction(String app, Map<String, StreamJunction> junctions, String stream,
            String target) {
        StreamJunction j = junctions.get(target);
        if (j == null) {
            throw new IllegalArgumentException("app '" + app + "': stream " + stream + " sends events to stream '"
                    + target + "', which the app does not declare");
        }
        return j;
    }
}
