package io.eventflux.window.time.internal;

import static io.eventflux.extension.testing.WindowHarness.duration;
import static io.eventflux.extension.testing.WindowHarness.event;
import static io.eventflux.extension.testing.WindowHarness.integer;
import static io.eventflux.extension.testing.WindowHarness.number;
import static io.eventflux.extension.testing.WindowHarness.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AttributeType;
import io.eventflux.api.Event;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.extension.testing.WindowHarness;
import java.io.Serializable;
import org.junit.jupiter.api.Test;

class TimeWindowTest {
    private final TimeWindowFactory factory = new TimeWindowFactory();

    private Window window(Argument d, WindowHarness h) {
        WindowDefinition def = factory.define(spec("time", d));
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
        assertThatThrownBy(() -> factory.define(spec("time")))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("window 'time' takes 1 argument");
        assertThatThrownBy(() -> factory.define(spec("time", duration(1000), number(1))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("got 2");
        assertThatThrownBy(() -> factory.define(spec("time", duration(0))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'time' parameter 'duration' must be positive, was 0");
        assertThatThrownBy(() -> factory.define(spec("time", integer(-5))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("must be positive, was -5");
        assertThatThrownBy(() -> factory.define(spec("time", Argument.constant(AttributeType.DOUBLE, 1.5, false))))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("'duration' must be an integer constant, was 1.5 (DOUBLE)");
        assertThatThrownBy(() -> factory.define(spec("time", Argument.attribute("ts", 0, AttributeType.LONG))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("was attribute ts (LONG)");
    }

    @Test
    void annotationNamesTheExtension() {
        Extension ext = TimeWindowFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.WINDOW);
        assertThat(ext.name()).isEqualTo("time");
    }

    @Test
    void expiresEachEventDurationAfterItsTimestampThroughTimers() {
        WindowHarness h = new WindowHarness();
        Window w = window(duration(1000), h);
        send(event(0, "a"), w, h);
        send(event(400, "b"), w, h);
        assertThat(h.take()).containsExactly("current 0 [a, 1.0]", "current 400 [b, 1.0]");
        assertThat(h.scheduled).as("one timer, for the oldest event").containsExactly(1000L);

        advanceTo(1000, w, h);
        assertThat(h.take()).as("an event at ts + d has left").containsExactly("expired 1000 [a, 1.0]");
        assertThat(h.scheduled).containsExactly(1400L);
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(400L);

        advanceTo(5000, w, h);
        assertThat(h.take()).containsExactly("expired 1400 [b, 1.0]");
        assertThat(w.contents()).isEmpty();
        assertThat(h.scheduled).isEmpty();
    }

    @Test
    void expiresBeforeTheArrivalEvenWithoutATimer() {
        WindowHarness h = new WindowHarness();
        Window w = window(number(100), h); // a bare number is ms
        h.now = 10;
        w.process(event(10, "a"), h);
        w.process(event(50, "b"), h);
        h.now = 150; // the engine did not fire the timer at 110
        w.process(event(150, "c"), h);
        assertThat(h.take()).containsExactly("current 10 [a, 1.0]", "current 50 [b, 1.0]",
                "expired 110 [a, 1.0]", "expired 150 [b, 1.0]", "current 150 [c, 1.0]");
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(150L);

        w.onTimer(110, h); // the stale timer fires late: nothing left to expire at 110
        assertThat(h.take()).isEmpty();
        assertThat(h.scheduled).contains(250L);
    }

    @Test
    void usesTheClockWhenItIsAheadOfTheEvent() {
        WindowHarness h = new WindowHarness();
        Window w = window(number(100), h);
        w.process(event(0, "a"), h);
        h.now = 500;
        w.process(event(20, "late"), h);
        assertThat(h.take()).containsExactly("current 0 [a, 1.0]", "expired 100 [a, 1.0]", "current 20 [late, 1.0]");
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        WindowHarness h = new WindowHarness();
        Window original = window(duration(1000), h);
        send(event(0, "a"), original, h);
        send(event(300, "b"), original, h);
        send(event(1200, "c"), original, h);
        Serializable state = WindowHarness.roundTrip(original.snapshot());
        h.take();

        WindowHarness h2 = new WindowHarness();
        h2.now = h.now;
        Window restored = window(duration(1000), h2);
        restored.restore(state);
        assertThat(restored.contents()).containsExactlyElementsOf(original.contents());
        assertThat(h2.scheduled).as("restore asks for the timer of the oldest event").containsExactly(1300L);

        for (long t : new long[] {1300, 1500, 2500}) {
            advanceTo(t, original, h);
            advanceTo(t, restored, h2);
        }
        send(event(2600, "d"), original, h);
        send(event(2600, "d"), restored, h2);
        assertThat(h2.take()).containsExactly("expired 1300 [b, 1.0]", "expired 2200 [c, 1.0]", "current 2600 [d, 1.0]")
                .isEqualTo(h.take());
    }
}
