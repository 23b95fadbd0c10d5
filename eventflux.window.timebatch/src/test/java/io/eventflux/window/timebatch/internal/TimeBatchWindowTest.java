package io.eventflux.window.timebatch.internal;

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

class TimeBatchWindowTest {
    private final TimeBatchWindowFactory factory = new TimeBatchWindowFactory();

    private Window window(WindowHarness h, Argument... args) {
        WindowDefinition def = factory.define(spec("tumbling", args));
        assertThat(def.isBatch()).isTrue();
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
        assertThatThrownBy(() -> factory.define(spec("timeBatch")))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("window 'timeBatch' takes 1 to 2 argument(s): timeBatch(duration [, startTime]); got 0");
        assertThatThrownBy(() -> factory.define(spec("tumbling", duration(1), number(0), number(3))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("window 'tumbling' takes 1 to 2");
        assertThatThrownBy(() -> factory.define(spec("tumbling", duration(0))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'tumbling' parameter 'duration' must be positive, was 0");
        assertThatThrownBy(() -> factory.define(spec("timeBatch", integer(-1000))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("'duration' must be positive, was -1000");
        assertThatThrownBy(() -> factory.define(spec("timeBatch", duration(1000),
                Argument.constant(AttributeType.STRING, "midnight", false))))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("window 'timeBatch' parameter 'startTime' must be an integer constant, was 'midnight' (STRING)");
    }

    @Test
    void annotationNamesTheExtensionAndItsAlias() {
        Extension ext = TimeBatchWindowFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.WINDOW);
        assertThat(ext.name()).isEqualTo("timeBatch");
        assertThat(ext.aliases()).containsExactly("tumbling");
        assertThat(ext.parameters()).hasSize(2);
    }

    @Test
    void conformanceCase04EventsAtABoundaryOpenTheNextBatch() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, duration(1000));
        send(event(0, "A"), w, h);
        send(event(100, "B"), w, h);
        send(event(500, "A"), w, h);
        assertThat(h.take()).isEmpty();
        assertThat(h.scheduled).containsExactly(1000L);

        send(event(1000, "A"), w, h);
        assertThat(h.take()).containsExactly("current 0 [A, 1.0]", "current 100 [B, 1.0]", "current 500 [A, 1.0]",
                "flush 1000");
        send(event(1500, "B"), w, h);
        advanceTo(2000, w, h);
        assertThat(h.take()).containsExactly("expired 2000 [A, 1.0]", "expired 2000 [B, 1.0]", "expired 2000 [A, 1.0]",
                "current 1000 [A, 1.0]", "current 1500 [B, 1.0]", "flush 2000");
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(1000L, 1500L);
    }

    @Test
    void anEmptyBatchStillExpiresThePreviousOneThenTheWindowGoesIdleOnTheSameGrid() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, duration(1000));
        send(event(250, "a"), w, h); // first batch [250, 1250)
        advanceTo(1250, w, h);
        assertThat(h.take()).containsExactly("current 250 [a, 1.0]", "flush 1250");

        advanceTo(2250, w, h);
        assertThat(h.take()).as("empty batch: the previous one expires, flush without current events")
                .containsExactly("expired 2250 [a, 1.0]", "flush 2250");
        assertThat(w.contents()).isEmpty();

        advanceTo(9000, w, h);
        assertThat(h.take()).as("nothing to expire and nothing to report: no flush").isEmpty();
        assertThat(h.scheduled).as("no timer while idle").isEmpty();

        send(event(9100, "b"), w, h);
        assertThat(h.scheduled).as("boundaries stay on the grid 250 + k*1000").containsExactly(9250L);
        advanceTo(9250, w, h);
        assertThat(h.take()).containsExactly("current 9100 [b, 1.0]", "flush 9250");
    }

    @Test
    void startTimeAlignsBoundaries() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, duration(1000), number(0));
        send(event(1700, "a"), w, h);
        send(event(1999, "b"), w, h);
        assertThat(h.scheduled).containsExactly(2000L);
        send(event(2000, "c"), w, h);
        assertThat(h.take()).containsExactly("current 1700 [a, 1.0]", "current 1999 [b, 1.0]", "flush 2000");

        WindowHarness h2 = new WindowHarness();
        Window offset = window(h2, duration(1000), number(300));
        offset.process(event(-50, "early"), h2);
        assertThat(h2.scheduled).as("before startTime the grid extends backwards").containsExactly(300L);
    }

    @Test
    void catchesUpMissedBoundariesOnArrival() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, duration(100));
        w.process(event(0, "a"), h);
        w.process(event(50, "b"), h);
        w.process(event(250, "c"), h); // timers at 100 and 200 never fired
        assertThat(h.take()).containsExactly("current 0 [a, 1.0]", "current 50 [b, 1.0]", "flush 100",
                "expired 200 [a, 1.0]", "expired 200 [b, 1.0]", "flush 200");
        w.onTimer(100, h); // stale timers are ignored
        w.onTimer(200, h);
        assertThat(h.take()).isEmpty();
        w.onTimer(300, h);
        assertThat(h.take()).containsExactly("current 250 [c, 1.0]", "flush 300");
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        WindowHarness h = new WindowHarness();
        Window original = window(h, duration(1000));
        send(event(0, "a"), original, h);
        send(event(1100, "b"), original, h);
        Serializable state = WindowHarness.roundTrip(original.snapshot());
        h.take();

        WindowHarness h2 = new WindowHarness();
        h2.now = h.now;
        Window restored = window(h2, duration(1000));
        restored.restore(state);
        assertThat(h2.scheduled).as("restore asks for the next boundary").containsExactly(2000L);
        assertThat(restored.contents()).containsExactlyElementsOf(original.contents());

        send(event(1900, "c"), original, h);
        send(event(1900, "c"), restored, h2);
        advanceTo(3000, original, h);
        advanceTo(3000, restored, h2);
        assertThat(h2.take()).containsExactly("expired 2000 [a, 1.0]", "current 1100 [b, 1.0]", "current 1900 [c, 1.0]",
                "flush 2000", "expired 3000 [b, 1.0]", "expired 3000 [c, 1.0]", "flush 3000").isEqualTo(h.take());
    }
}
