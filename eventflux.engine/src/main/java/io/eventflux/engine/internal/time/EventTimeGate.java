package io.eventflux.engine.internal.time;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Clock;
import io.eventflux.api.extension.Stateful;
import io.eventflux.engine.internal.io.DropLog;
import io.eventflux.engine.internal.stream.StreamJunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The event-time front of an app with event-timed streams (README, "Event time and watermarks"). Events
 * entering such a stream from outside (input handlers, sources, replay) are stamped with their event-time
 * attribute and buffered; each stream's watermark is its newest event time minus {@code watermark.delay}
 * minus 1 ms, and the app's watermark is the lowest of them. Buffered events at or before the app's
 * watermark are released one by one in (event time, arrival) order, moving the app's playback clock to
 * each (timers due first); then the clock moves to the watermark. An event at or before its stream's
 * watermark (or the app's released time) is late: it goes to {@code late.events.stream}, else to the
 * stream's error strategy, and is counted on the stream. Events of other streams are processed at once, at
 * the app's current time, without moving it. Writer thread only.
 */
public final class EventTimeGate implements Stateful {
    private static final System.Logger LOG = System.getLogger(EventTimeGate.class.getName());

    /** Hands one event to a stream's queries on the writer (nested publishing is allowed). */
    @FunctionalInterface
    public interface Publisher {
        void publish(StreamJunction junction, Event event);
    }

    private record Pending(long ts, long seq, EventTimeLane lane, Object[] data) {
    }

    private final String app;
    private final TimeKeeper time;
    private final Clock wall;
    private final TimerQueue.Waker waker;
    private final List<EventTimeLane> lanes;
    private final Map<StreamJunction, EventTimeLane> byJunction = new IdentityHashMap<>();
    private final PriorityQueue<Pending> queue = new PriorityQueue<>(
            (a, b) -> a.ts != b.ts ? Long.compare(a.ts, b.ts) : Long.compare(a.seq, b.seq));
    private final boolean heartbeats;
    private Publisher out;
    private Consumer<String> failApp = reason -> { };
    private long seq;
    private long released = Long.MIN_VALUE;
    private long startWall;
    private boolean releasing;
    private final DropLog dropLog;

    /**
     * @param time the app's (playback) time
     * @param wall the wall clock idle timeouts are measured on
     * @param waker arms heartbeat wake-ups (wall-clock deployments with an idle timeout); null: no heartbeats
     * @param lanes the event-timed streams: options, junction, late junction (or null), dead-letter junction (or null)
     */
    public EventTimeGate(String app, TimeKeeper time, Clock wall, TimerQueue.Waker waker, List<Input> lanes) {
        this.app = app;
        this.dropLog = new DropLog(LOG, "app '" + app + "': ");
        this.time = time;
        this.wall = wall;
        List<EventTimeLane> list = new ArrayList<>();
        boolean idle = false;
        for (Input s : lanes) {
            EventTimeLane lane = new EventTimeLane(list.size(), s.options(), s.junction(), s.late(), s.dlq());
            list.add(lane);
            byJunction.put(s.junction(), lane);
            idle |= s.options().idleMillis() > 0;
        }
        this.lanes = List.copyOf(list);
        this.heartbeats = idle && waker != null;
        this.waker = heartbeats ? waker : null;
    }

    /** One event-timed stream as the builder wires it. */
    public record Input(EventTimeOptions options, StreamJunction junction, StreamJunction late,
            StreamJunction dlq) {
    }

    /** Build time: where released events go. */
    public void bind(Publisher publisher) {
        this.out = publisher;
    }

    /** Build time: how {@code error.strategy = fail} fails the app. */
    public void onFailure(Consumer<String> fail) {
        this.failApp = fail;
    }

    /** Writer: the app starts (heartbeats are measured from now). */
    public void start() {
        startWall = wall.now();
        for (EventTimeLane lane : lanes) {
            lane.lastArrivalWall = startWall;
        }
        armNext();
    }

    /** Takes the events of an event-timed stream; false for any other stream (the caller publishes them). */
    public boolean accept(StreamJunction junction, Event event) {
        EventTimeLane lane = byJunction.get(junction);
        if (lane == null) {
            return false;
        }
        admit(lane, event.data());
        arrived(lane);
        release();
        return true;
    }

    /** As {@link #accept(StreamJunction, Event)} for a chunk. */
    public boolean accept(StreamJunction junction, List<Event> events) {
        EventTimeLane lane = byJunction.get(junction);
        if (lane == null) {
            return false;
        }
        for (Event e : events) {
            admit(lane, e.data());
        }
        arrived(lane);
        release();
        return true;
    }

    private void admit(EventTimeLane lane, Object[] data) {
        Object v = data[lane.options.timeIndex()];
        if (!(v instanceof Long ts)) {
            String attr = lane.options.stream().attribute(lane.options.timeIndex()).name();
            reject(lane, data, "MISSING_EVENT_TIME", "stream " + lane.junction.name() + ": event-time attribute '"
                    + attr + "' is " + (v == null ? "NULL" : "'" + v + "'") + " in " + Arrays.toString(data));
            return;
        }
        long limit = Math.max(lane.watermark(), released);
        if (ts <= limit) {
            lane.junction.countLate(1);
            if (lane.late != null) {
                out.publish(lane.late, new Event(ts, data));
            } else {
                reject(lane, data, "LATE", "stream " + lane.junction.name() + ": late event at " + ts
                        + " (watermark " + limit + ", watermark.delay " + lane.options.delayMillis() + " ms): "
                        + Arrays.toString(data));
            }
            return;
        }
        lane.see(ts);
        queue.add(new Pending(ts, seq++, lane, data));
    }

    private void arrived(EventTimeLane lane) {
        lane.arrivalMax = lane.maxSeen;
        if (heartbeats) {
            lane.lastArrivalWall = wall.now();
        }
    }

    private void reject(EventTimeLane lane, Object[] data, String type, String message) {
        switch (lane.options.strategy()) {
            case FAIL -> failApp.accept(message);
            case DLQ -> {
                long now = time.clock().now();
                out.publish(lane.dlq, new Event(now, new Object[] {Arrays.toString(data), message, type, now, 1,
                        lane.junction.name()}));
            }
            case DROP -> dropLog.dropped(message);
        }
    }

    /** The app's watermark: the lowest of its streams' (an idle stream that never had an event left out). */
    private long appWatermark() {
        long min = Long.MAX_VALUE;
        for (EventTimeLane lane : lanes) {
            if (!lane.idle) {
                min = Math.min(min, lane.watermark());
            }
        }
        return min == Long.MAX_VALUE ? Long.MIN_VALUE : min;
    }

    private void release() {
        if (releasing) {
            return;
        }
        releasing = true;
        try {
            long wm = appWatermark();
            if (wm == Long.MIN_VALUE) {
                return;
            }
            Pending p;
            while ((p = queue.peek()) != null && p.ts <= wm) {
                queue.poll();
                time.advanceTo(p.ts);
                out.publish(p.lane.junction, new Event(p.ts, p.data));
            }
            if (wm > released) {
                released = wm;
                if (time.started()) {
                    time.advanceTo(wm);
                }
            }
        } finally {
            releasing = false;
        }
    }

    /**
     * {@code advanceTime(t)} or a replay line at {@code t}: a heartbeat saying event time has reached
     * {@code t} on every event-timed stream.
     */
    public void advance(long t) {
        for (EventTimeLane lane : lanes) {
            lane.see(t);
            lane.arrivalMax = lane.maxSeen;
        }
        release();
    }

    /**
     * Wall-clock wake-up: a stream quiet for its idle timeout has its event time moved on by the wall time
     * since its last event; one that never had an event is left out of the app's watermark.
     */
    public void heartbeat() {
        if (!heartbeats) {
            return;
        }
        long now = wall.now();
        for (EventTimeLane lane : lanes) {
            long idle = lane.options.idleMillis();
            long quiet = now - lane.lastArrivalWall;
            if (idle <= 0 || quiet < idle) {
                continue;
            }
            if (lane.arrivalMax == Long.MIN_VALUE) {
                lane.idle = lane.maxSeen == Long.MIN_VALUE;
            } else if (lane.arrivalMax + quiet > lane.maxSeen) {
                lane.maxSeen = lane.arrivalMax + quiet;
            }
        }
        release();
        armNext();
    }

    private void armNext() {
        if (!heartbeats) {
            return;
        }
        long now = wall.now();
        long next = Long.MAX_VALUE;
        for (EventTimeLane lane : lanes) {
            long idle = lane.options.idleMillis();
            if (idle > 0) {
                long due = lane.lastArrivalWall + idle;
                // quiet already: tick again within the timeout (at most once a second) while it stays quiet
                next = Math.min(next, due > now ? due : now + Math.max(10, Math.min(idle, 1000)));
            }
        }
        waker.wakeAt(next);
    }

    /**
     * Graceful shutdown (end of input): every buffered event is released in order, then the clock moves to
     * the newest event time seen, as if the watermark had jumped there.
     */
    public void flush() {
        Pending p;
        while ((p = queue.poll()) != null) {
            time.advanceTo(p.ts);
            out.publish(p.lane.junction, new Event(p.ts, p.data));
        }
        long max = Long.MIN_VALUE;
        for (EventTimeLane lane : lanes) {
            max = Math.max(max, lane.maxSeen);
        }
        if (max != Long.MIN_VALUE && time.started()) {
            time.advanceTo(max);
            released = Math.max(released, max);
        }
    }

    /** Events buffered and not released yet (tests, status). */
    public int buffered() {
        return queue.size();
    }

    @Override
    public Serializable snapshot() {
        long[] seen = new long[lanes.size() * 2];
        for (EventTimeLane lane : lanes) {
            seen[2 * lane.index] = lane.maxSeen;
            seen[2 * lane.index + 1] = lane.arrivalMax;
        }
        List<Pending> ordered = new ArrayList<>(queue);
        ordered.sort(queue.comparator());
        ArrayList<Object[]> pending = new ArrayList<>(ordered.size());
        for (Pending p : ordered) {
            pending.add(new Object[] {p.ts, p.seq, p.lane.index, p.data.clone()});
        }
        return new Object[] {new long[] {released, seq}, seen, pending};
    }

    @Override
    public void restore(Serializable state) {
        Object[] s = (Object[]) state;
        long[] head = (long[]) s[0];
        long[] seen = (long[]) s[1];
        if (seen.length != lanes.size() * 2) {
            throw new IllegalArgumentException("event-time state of " + seen.length / 2 + " streams; the app has "
                    + lanes.size());
        }
        released = head[0];
        seq = head[1];
        long now = wall.now();
        for (EventTimeLane lane : lanes) {
            lane.maxSeen = seen[2 * lane.index];
            lane.arrivalMax = seen[2 * lane.index + 1];
            lane.lastArrivalWall = now;
            lane.idle = false;
        }
        queue.clear();
        @SuppressWarnings("unchecked")
        List<Object[]> pending = (List<Object[]>) s[2];
        for (Object[] p : pending) {
            queue.add(new Pending((Long) p[0], (Long) p[1], lanes.get((Integer) p[2]), ((Object[]) p[3]).clone()));
        }
    }
}
