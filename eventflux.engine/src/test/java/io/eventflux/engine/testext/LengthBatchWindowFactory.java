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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Test-only tumbling length batch: flushes at every n-th event, expiring the previous batch. */
@Extension(type = Extension.WINDOW, name = "lengthBatch", parameters = "size: INT")
public final class LengthBatchWindowFactory implements WindowFactory {
    @Override
    public WindowDefinition define(WindowSpec spec) {
        int size = (int) spec.argument(0, "size").positiveLong("window 'lengthBatch' parameter 'size'");
        return new WindowDefinition() {
            @Override
            public boolean isBatch() {
                return true;
            }

            @Override
            public Window create(WindowContext context) {
                return new Batch(size);
            }
        };
    }

    static final class Batch implements Window {
        private final int size;
        private List<Event> current = new ArrayList<>();
        private List<Event> previous = new ArrayList<>();

        Batch(int size) {
            this.size = size;
        }

        @Override
        public void process(Event event, WindowCollector out) {
            current.add(event);
            if (current.size() == size) {
                long t = event.timestamp();
                for (Event e : previous) {
                    out.expired(e.asExpired(t));
                }
                for (Event e : current) {
                    out.current(e);
                }
                out.flush(t);
                previous = current;
                current = new ArrayList<>();
            }
        }

        @Override
        public void onTimer(long time, WindowCollector out) {
        }

        @Override
        public Collection<Event> contents() {
            return List.copyOf(current);
        }

        @Override
        public Serializable snapshot() {
            return new ArrayList<>(List.of(TimeBatchWindowFactory.encode(current), TimeBatchWindowFactory.encode(previous)));
        }

        @Override
        @SuppressWarnings("unchecked")
        public void restore(Serializable state) {
            List<ArrayList<Object[]>> s = (List<ArrayList<Object[]>>) state;
            current = TimeBatchWindowFactory.decode(s.get(0));
            previous = TimeBatchWindowFactory.decode(s.get(1));
        }
    }
}
