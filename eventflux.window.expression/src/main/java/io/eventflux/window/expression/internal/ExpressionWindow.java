package io.eventflux.window.expression.internal;

import io.eventflux.api.Event;
import io.eventflux.api.window.ConditionState;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.extension.support.window.EventArrays;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;

/**
 * Keeps events while a condition over them holds (Siddhi's expression window). An arrival is added, then
 * the oldest events expire, stamped with the arrival's time, until the condition holds again; then the
 * arrival is reported current. When the arrival alone still violates the condition (e.g. one event whose
 * volume exceeds {@code sum(volume) < 1000}), it is reported current and at once expired: such an event
 * never stays in the window.
 */
final class ExpressionWindow implements Window {
    private final ConditionState condition;
    private ArrayDeque<Event> held = new ArrayDeque<>();

    ExpressionWindow(ConditionState condition) {
        this.condition = condition;
    }

    @Override
    public void process(Event event, WindowCollector out) {
        held.addLast(event);
        condition.add(event);
        long now = event.timestamp();
        boolean holds = condition.holds(held.peekFirst(), event);
        while (!holds && held.size() > 1) {
            Event oldest = held.removeFirst();
            condition.remove(oldest);
            out.expired(oldest.asExpired(now));
            holds = condition.holds(held.peekFirst(), event);
        }
        out.current(event);
        if (!holds) {
            held.removeFirst();
            condition.remove(event);
            out.expired(event.asExpired(now));
        }
    }

    @Override
    public void onTimer(long time, WindowCollector out) {
        // never schedules a timer
    }

    /** The held events, oldest first; a read-only view valid until the next call. */
    @Override
    public Collection<Event> contents() {
        return Collections.unmodifiableCollection(held);
    }

    @Override
    public Serializable snapshot() {
        return new Object[] {EventArrays.encode(held), condition.snapshot()};
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Object[] parts) || parts.length != 2) {
            throw new IllegalArgumentException("not an expression window snapshot: " + state);
        }
        ArrayDeque<Event> restored = EventArrays.decode(parts[0]);
        condition.restore((Serializable) parts[1]);
        held = restored;
    }
}
