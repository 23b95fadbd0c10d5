package io.eventflux.window.timelength.internal;

import static io.eventflux.extension.testing.WindowHarness.duration;
import static io.eventflux.extension.testing.WindowHarness.event;
import static io.eventflux.extension.testing.WindowHarness.number;
import static io.eventflux.extension.testing.WindowHarness.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.extension.testing.WindowHarness;
import java.io.Serializable;
import org.junit.jupiter.api.Test;

class TimeLengthWindowTest {
    private final TimeLengthWindowFactory factory = new TimeLengthWindowFactory();

    private Window window(long d, long n, WindowHarness h) {
        WindowDefinition def = factory.define(spec("timeLength", duration(d), number(n)));
        assertThat(def.isBatch()).isFalse();
        return def.create(h);
    }

    private static void advanceTo(long time, Window w, WindowHarness h) {
        h.advanceTo(time, w);
    }

    private static void send(Event e, Window w, WindowHarness h) {
        h.send(e, w);
    }

    @Test
    void validatesParameters() {
        assertThatThrownBy(() -> factory.define(spec("timeLength", duration(1000))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'timeLength' takes 2 argument(s): timeLength(duration, size); got 1");
        assertThatThrownBy(() -> factory.define(spec("timeLength", duration(0), number(2))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'timeLength' parameter 'duration' must be positive, was 0");
        assertThatThrownBy(() -> factory.define(spec("timeLength", duration(10), number(-1))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'timeLength' parameter 'size' must be positive, was -1");
        assertThatThrownBy(() -> factory.define(spec("timeLength", duration(10), duration(10))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'timeLength' parameter 'size' is a number of events, not a duration, was 10 ms (LONG)");
        assertThatThrownBy(() -> factory.define(spec("timeLength", duration(10), number(1L << 33))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("'size' must be at most 2147483647");
    }

    @Test
    void annotationNamesTheExtension() {
        Extension ext = TimeLengthWindowFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.WINDOW);
        assertThat(ext.name()).isEqualTo("timeLength");
        assertThat(ext.parameters()).hasSize(2);
    }

    @Test
    void expiresByCountOnArrivalAndByTimeThroughTimers() {
        WindowHarness h = new WindowHarness();
        Window w = window(1000, 2, h);
        send(event(0, "a"), w, h);
        send(event(100, "b"), w, h);
        send(event(200, "c"), w, h);
        assertThat(h.take()).containsExactly("current 0 [a, 1.0]", "current 100 [b, 1.0]",
                "expired 200 [a, 1.0]", "current 200 [c, 1.0]");
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(100L, 200L);

        advanceTo(1000, w, h);
        assertThat(h.take()).as("the timer of the event that left by count fires harmlessly").isEmpty();
        assertThat(h.scheduled).containsExactly(1100L);
        advanceTo(1150, w, h);
        assertThat(h.take()).containsExactly("expired 1100 [b, 1.0]");
        send(event(1500, "d"), w, h);
        assertThat(h.take()).containsExactly("expired 1200 [c, 1.0]", "current 1500 [d, 1.0]");
        advanceTo(9000, w, h);
        assertThat(h.take()).containsExactly("expired 2500 [d, 1.0]");
        assertThat(h.scheduled).isEmpty();
    }

    @Test
    void timeExpiryComesBeforeCountExpiry() {
        WindowHarness h = new WindowHarness();
        Window w = window(100, 2, h);
        w.process(event(0, "a"), h);
        w.process(event(50, "b"), h);
        h.now = 120; // the timer at 100 did not fire
        w.process(event(120, "c"), h);
        assertThat(h.take()).as("a left by time, so the window was not full").containsExactly("current 0 [a, 1.0]",
                "current 50 [b, 1.0]", "expired 100 [a, 1.0]", "current 120 [c, 1.0]");
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        WindowHarness h = new WindowHarness();
        Window original = window(1000, 3, h);
        send(event(0, "a"), original, h);
        send(event(300, "b"), original, h);
        send(event(1200, "c"), original, h);
        Serializable state = WindowHarness.roundTrip(original.snapshot());
        h.take();

        WindowHarness h2 = new WindowHarness();
        h2.now = h.now;
        Window restored = window(1000, 3, h2);
        restored.restore(state);
        assertThat(h2.scheduled).as("restore asks for the timer of the oldest event").containsExactly(1300L);
        assertThat(restored.contents()).containsExactlyElementsOf(original.contents());

        for (Event e : new Event[] {event(1250, "d"), event(1260, "e"), event(1270, "f")}) {
            send(e, original, h);
            send(e, restored, h2);
        }
        advanceTo(2255, original, h);
        advanceTo(2255, restored, h2);
        assertThat(h2.take()).containsExactly("current 1250 [d, 1.0]", "expired 1260 [b, 1.0]", "current 1260 [e, 1.0]",
                "expired 1270 [c, 1.0]", "current 1270 [f, 1.0]", "expired 2250 [d, 1.0]").isEqualTo(h.take());
    }

    @Test
    void restoreRejectsOversizedState() {
        WindowHarness h = new WindowHarness();
        Window big = window(1000, 3, h);
        for (int i = 0; i < 3; i++) {
            big.process(event(i, "s"), h);
        }
        assertThatThrownBy(() -> window(1000, 2, h).restore(big.snapshot())).isInstanceOf(IllegalArgumentException.class);
    }
}
