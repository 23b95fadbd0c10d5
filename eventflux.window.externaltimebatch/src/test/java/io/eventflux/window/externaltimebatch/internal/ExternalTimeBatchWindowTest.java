package io.eventflux.window.externaltimebatch.internal;

import static io.eventflux.extension.testing.WindowHarness.duration;
import static io.eventflux.extension.testing.WindowHarness.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.Event;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowSpec;
import io.eventflux.extension.testing.WindowHarness;
import java.io.Serializable;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ExternalTimeBatchWindowTest {
    private static final StreamSchema SCHEMA = new StreamSchema("S",
            List.of(new Attribute("symbol", AttributeType.STRING), new Attribute("ts", AttributeType.LONG)));
    private static final Argument TS = Argument.attribute("ts", 1, AttributeType.LONG);

    private final ExternalTimeBatchWindowFactory factory = new ExternalTimeBatchWindowFactory();

    private static WindowSpec spec(Argument... args) {
        return new WindowSpec("externalTimeBatch", List.of(args), SCHEMA);
    }

    private Window window(WindowHarness h, Argument... args) {
        WindowDefinition def = factory.define(spec(args));
        assertThat(def.isBatch()).isTrue();
        return def.create(h);
    }

    /** An event at attribute time {@code at}; its engine timestamp is the harness clock. */
    private static Event event(WindowHarness h, String symbol, Long at) {
        return new Event(h.now, new Object[] {symbol, at});
    }

    /** What the engine does: fire due timers in time order (each time once), then move the clock. */
    private static void advanceTo(long time, Window w, WindowHarness h) {
        TreeSet<Long> fired = new TreeSet<>();
        while (true) {
            Long next = h.scheduled.stream().filter(t -> t <= time && !fired.contains(t)).min(Long::compare).orElse(null);
            if (next == null) {
                break;
            }
            fired.add(next);
            h.scheduled.removeIf(t -> t.equals(next));
            h.now = next;
            w.onTimer(next, h);
        }
        h.now = time;
    }

    private static void send(long clock, String symbol, long at, Window w, WindowHarness h) {
        advanceTo(clock, w, h);
        w.process(event(h, symbol, at), h);
    }

    @Test
    void validatesParameters() {
        assertThatThrownBy(() -> factory.define(spec(TS)))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'externalTimeBatch' takes 2 to 4 argument(s): "
                        + "externalTimeBatch(timestamp, duration [, startTime [, timeout]]); got 1");
        assertThatThrownBy(() -> factory.define(spec(TS, duration(1), number(0), number(1), number(1))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("got 5");
        assertThatThrownBy(() -> factory.define(spec(Argument.attribute("symbol", 0, AttributeType.STRING), duration(1))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'externalTimeBatch' parameter 'timestamp' must be a LONG attribute, "
                        + "was attribute symbol (STRING)");
        assertThatThrownBy(() -> factory.define(spec(TS, duration(0))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'externalTimeBatch' parameter 'duration' must be positive, was 0");
        assertThatThrownBy(() -> factory.define(spec(TS, duration(10), TS)))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("'startTime' must be an integer constant, was attribute ts (LONG)");
        assertThatThrownBy(() -> factory.define(spec(TS, duration(10), number(0), duration(-5))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'externalTimeBatch' parameter 'timeout' must be positive, was -5");
    }

    @Test
    void annotationNamesTheExtension() {
        Extension ext = ExternalTimeBatchWindowFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.WINDOW);
        assertThat(ext.name()).isEqualTo("externalTimeBatch");
        assertThat(ext.parameters()).hasSize(4);
    }

    @Test
    void flushesWhenAnArrivalsAttributeTimeReachesTheBoundary() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, TS, duration(1000));
        send(1, "a", 100, w, h);
        send(2, "b", 500, w, h);
        send(3, "c", 1099, w, h);
        assertThat(h.take()).isEmpty();
        send(4, "d", 1100, w, h);
        assertThat(h.take()).containsExactly("current 1 [a, 100]", "current 2 [b, 500]", "current 3 [c, 1099]",
                "flush 1100");
        send(5, "late", 50, w, h);
        assertThat(h.take()).as("a late event joins the current batch").isEmpty();

        send(6, "e", 3500, w, h);
        assertThat(h.take()).as("the next boundary; then the empty one still expires; then idle boundaries skip")
                .containsExactly("expired 2100 [a, 100]", "expired 2100 [b, 500]", "expired 2100 [c, 1099]",
                        "current 4 [d, 1100]", "current 5 [late, 50]", "flush 2100",
                        "expired 3100 [d, 1100]", "expired 3100 [late, 50]", "flush 3100");
        send(7, "f", 4100, w, h);
        assertThat(h.take()).containsExactly("current 6 [e, 3500]", "flush 4100");
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(6L);
        assertThat(h.scheduled).as("no timers without a timeout").isEmpty();
    }

    @Test
    void startTimeAlignsBoundariesAndNullTimesAreDropped() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, TS, duration(1000), number(0));
        send(1, "a", 1700, w, h);
        w.process(event(h, "none", null), h);
        send(2, "b", 2000, w, h);
        assertThat(h.take()).containsExactly("current 1 [a, 1700]", "flush 2000");
    }

    @Test
    void timeoutFlushesAnIdleBatchAndTheRestFlushesAtTheBoundary() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, TS, duration(1000), number(0), duration(500));
        send(10, "a", 100, w, h);
        assertThat(h.scheduled).containsExactly(510L);
        send(300, "b", 200, w, h);
        advanceTo(600, w, h);
        assertThat(h.take()).as("the timer at 510 finds a recent arrival").isEmpty();
        assertThat(h.scheduled).containsExactly(800L);
        advanceTo(800, w, h);
        assertThat(h.take()).containsExactly("current 10 [a, 100]", "current 300 [b, 200]", "flush 800");
        assertThat(h.scheduled).as("no timer while nothing waits").isEmpty();

        send(900, "c", 300, w, h);
        send(1000, "d", 1200, w, h);
        assertThat(h.take()).containsExactly("expired 1000 [a, 100]", "expired 1000 [b, 200]", "current 900 [c, 300]",
                "flush 1000");
        advanceTo(1500, w, h);
        assertThat(h.take()).containsExactly("expired 1500 [c, 300]", "current 1000 [d, 1200]", "flush 1500");
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        WindowHarness h = new WindowHarness();
        Window original = window(h, TS, duration(1000), number(0), duration(500));
        send(10, "a", 100, original, h);
        send(20, "b", 1100, original, h);
        send(30, "c", 1300, original, h);
        Serializable state = WindowHarness.roundTrip(original.snapshot());
        h.take();

        WindowHarness h2 = new WindowHarness();
        h2.now = h.now;
        Window restored = window(h2, TS, duration(1000), number(0), duration(500));
        restored.restore(state);
        assertThat(h2.scheduled).as("restore asks for the timeout timer").containsExactly(530L);
        assertThat(restored.contents()).containsExactlyElementsOf(original.contents());

        send(100, "d", 2050, original, h);
        send(100, "d", 2050, restored, h2);
        advanceTo(1000, original, h);
        advanceTo(1000, restored, h2);
        assertThat(h2.take()).containsExactly("expired 2000 [a, 100]", "current 20 [b, 1100]", "current 30 [c, 1300]",
                "flush 2000", "expired 600 [b, 1100]", "expired 600 [c, 1300]", "current 100 [d, 2050]", "flush 600")
                .isEqualTo(h.take());
    }
}
