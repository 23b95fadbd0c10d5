package io.eventflux.engine.testext;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.Scheduler;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Test-only tumbling time batch starting at the first event: a flush at every boundary (a timer). */
@Extension(type = Extension.WINDOW, name = "timeBatch", aliases = "tumbling", parameters = "duration: LONG")
public final class TimeBatchWindowFactory implements WindowFactory {
    @Override
    public WindowDefinition define(WindowSpec spec) {
        long d = spec.argument(0, "duration").positiveLong("window 'timeBatch' parameter 'duration'");
        return new WindowDefinition() {
            @Override
            public boolean isBatch() {
                return true;
            }

            @Override
            public Window create(WindowContext context) {
                return new Batch(d, context.scheduler());
            }
        };
    }

    static ArrayList<Object[]> encode(List<Event> events) {
        ArrayList<Object[]> out = new ArrayList<>();
        for (Event e : events) {
            out.add(new Object[] {e.timestamp(), e.data().clone()});
        }
        return out;
    }

    static List<Event> decode(List<Object[]> data) {
        List<Event> out = new ArrayList<>();
        for (Object[] o : data) {
            out.add(new Event((Long) o[0], (Object[]) o[1]));
        }
        return out;
    }

    static final class Batch implements Window {
        private final long duration;
        private final Scheduler scheduler;
        private boolean started;
        private List<Event> current = new ArrayList<>();
        private List<Event> previous = new ArrayList<>();

        Batch(long duration, Scheduler scheduler) {
            this.duration = duration;
            this.scheduler = scheduler;
        }

        @Override
        public void process(Event event, WindowCollector out) {
            if (!started) {
                started = true;
                scheduler.schedule(event.timestamp() + duration);
            }
            current.add(event);
        }

        @Override
        public void onTimer(long time, WindowCollector out) {
            for (Event e : previous) {
                out.expired(e.asExpired(time));
            }
            for (Event e : current) {
                out.current(e);
            }
            out.flush(time);
            previous = current;
            current = new ArrayList<>();
            scheduler.schedule(time + duration);
        }

        @Override
        public Collection<Event> contents() {
            return List.copyOf(current);
        }

        @Override
        public Serializable snapshot() {
            return new ArrayList<>(List.of(encode(current), encode(previous)));
        }

        @Override
        @SuppressWarnings("unchecked")
        public void restore(Serializable state) {
            List<ArrayList<Object[]>> s = (List<ArrayList<Object[]>>) state;
            current = decode(s.get(0));
            previous = decode(s.get(1));
            started = true;
        }
    }
}
