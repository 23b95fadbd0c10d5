package io.eventflux.engine.testext;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Test-only sliding length window: the oldest event expires (first) when the n+1-th arrives. */
@Extension(type = Extension.WINDOW, name = "length", description = "last n events", parameters = "size: INT")
public final class LengthWindowFactory implements WindowFactory {
    @Override
    public WindowDefinition define(WindowSpec spec) {
        spec.expectArguments(1, 1, "length(size)");
        int size = (int) spec.argument(0, "size").positiveLong("window 'length' parameter 'size'");
        return new WindowDefinition() {
            @Override
            public boolean isBatch() {
                return false;
            }

            @Override
            public Window create(WindowContext context) {
                return new LengthWindow(size);
            }
        };
    }

    static final class LengthWindow implements Window {
        private final int size;
        private final ArrayDeque<Event> events = new ArrayDeque<>();

        LengthWindow(int size) {
            this.size = size;
        }

        @Override
        public void process(Event event, WindowCollector out) {
            if (events.size() == size) {
                out.expired(events.removeFirst().asExpired(event.timestamp()));
            }
            events.addLast(event);
            out.current(event);
        }

        @Override
        public void onTimer(long time, WindowCollector out) {
        }

        @Override
        public Collection<Event> contents() {
            return List.copyOf(events);
        }

        @Override
        public Serializable snapshot() {
            ArrayList<Object[]> out = new ArrayList<>();
            for (Event e : events) {
                out.add(new Object[] {e.timestamp(), e.data().clone()});
            }
            return out;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void restore(Serializable state) {
            events.clear();
            for (Object[] o : (ArrayList<Object[]>) state) {
                events.add(new Event((Long) o[0], (Object[]) o[1]));
            }
        }
    }
}
