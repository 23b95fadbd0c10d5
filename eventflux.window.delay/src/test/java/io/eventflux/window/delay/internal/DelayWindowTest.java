package io.eventflux.window.delay.internal;

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

class DelayWindowTest {
    private final DelayWindowFactory factory = new DelayWindowFactory();

    private Window window(Argument d, WindowHarness h) {
        WindowDefinition def = factory.define(spec("delay", d));
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
        assertThatThrownBy(() -> factory.define(spec("delay")))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'delay' takes 1 argument(s): delay(delay); got 0");
        assertThatThrownBy(() -> factory.define(spec("delay", duration(1), number(2))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("got 2");
        assertThatThrownBy(() -> factory.define(spec("delay", duration(0))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'delay' parameter 'delay' must be positive, was 0");
        assertThatThrownBy(() -> factory.define(spec("delay", integer(-7))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("must be positive, was -7");
        assertThatThrownBy(() -> factory.define(spec("delay", Argument.attribute("price", 1, AttributeType.DOUBLE))))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("'delay' must be an integer constant, was attribute price (DOUBLE)");
    }

    @Test
    void annotationNamesTheExtension() {
        Extension ext = DelayWindowFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.WINDOW);
        assertThat(ext.name()).isEqualTo("delay");
    }

    @Test
    void releasesEachEventDelayAfterItsTimestampStampedWithTheReleaseTime() {
        WindowHarness h = new WindowHarness();
        Window w = window(duration(1000), h);
        send(event(0, "a"), w, h);
        send(event(300, "b"), w, h);
        assertThat(h.take()).as("arrivals report nothing").isEmpty();
        assertThat(h.scheduled).containsExactly(1000L);
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(0L, 300L);

        advanceTo(1000, w, h);
        assertThat(h.take()).containsExactly("current 1000 [a, 1.0]");
        assertThat(h.scheduled).containsExactly(1300L);
        advanceTo(5000, w, h);
        assertThat(h.take()).containsExactly("current 1300 [b, 1.0]");
        assertThat(h.scheduled).isEmpty();
        assertThat(w.contents()).isEmpty();
    }

    @Test
    void releasesDueEventsBeforeHoldingAnArrivalEvenWithoutATimer() {
        WindowHarness h = new WindowHarness();
        Window w = window(number(100), h);
        w.process(event(10, "a"), h);
        w.process(event(50, "b"), h);
        h.now = 160;
        w.process(event(160, "c"), h);
        assertThat(h.take()).containsExactly("current 110 [a, 1.0]", "current 150 [b, 1.0]");
        w.onTimer(110, h); // stale
        assertThat(h.take()).isEmpty();
        assertThat(h.scheduled).contains(260L);
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        WindowHarness h = new WindowHarness();
        Window original = window(duration(1000), h);
        send(event(0, "a"), original, h);
        send(event(600, "b"), original, h);
        send(event(1200, "c"), original, h);
        Serializable state = WindowHarness.roundTrip(original.snapshot());
        h.take();

        WindowHarness h2 = new WindowHarness();
        h2.now = h.now;
        Window restored = window(duration(1000), h2);
        restored.restore(state);
        assertThat(h2.scheduled).as("restore asks for the next release").containsExactly(1600L);
        assertThat(restored.contents()).containsExactlyElementsOf(original.contents());

        send(event(1700, "d"), original, h);
        send(event(1700, "d"), restored, h2);
        advanceTo(3000, original, h);
        advanceTo(3000, restored, h2);
        assertThat(h2.take()).containsExactly("current 1600 [b, 1.0]", "current 2200 [c, 1.0]", "current 2700 [d, 1.0]")
                .isEqualTo(h.take());
    }
}
