package io.eventflux.window.sliding.internal;

import static io.eventflux.extension.testing.WindowHarness.duration;
import static io.eventflux.extension.testing.WindowHarness.event;
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

class SlidingWindowTest {
    private final SlidingWindowFactory factory = new SlidingWindowFactory();

    private Window window(WindowHarness h, long size, long slide) {
        WindowDefinition def = factory.define(spec("hopping", duration(size), duration(slide)));
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
        assertThatThrownBy(() -> factory.define(spec("sliding", duration(1000))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'sliding' takes 2 argument(s): sliding(size, slide); got 1");
        assertThatThrownBy(() -> factory.define(spec("sliding", duration(0), duration(1))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'sliding' parameter 'size' must be positive, was 0");
        assertThatThrownBy(() -> factory.define(spec("hopping", duration(10), number(-1))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'hopping' parameter 'slide' must be positive, was -1");
        assertThatThrownBy(() -> factory.define(spec("sliding", duration(1000), duration(2000))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'sliding' parameter 'slide' must be at most 'size' (1000 ms), was 2000 ms");
        assertThatThrownBy(() -> factory.define(spec("sliding", Argument.constant(AttributeType.STRING, "1m", false),
                duration(1)))).isInstanceOf(ExtensionException.class)
                .hasMessageContaining("'size' must be an integer constant, was '1m' (STRING)");
    }

    @Test
    void annotationNamesTheExtensionAndItsAlias() {
        Extension ext = SlidingWindowFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.WINDOW);
        assertThat(ext.name()).isEqualTo("sliding");
        assertThat(ext.aliases()).containsExactly("hopping");
    }

    @Test
    void emitsEveryWindowAtItsEndWithTheEventsOfItsSpan() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, 3000, 1000);
        send(event(500, "a"), w, h);
        assertThat(h.scheduled).as("ends are multiples of slide since the epoch").containsExactly(1000L);
        advanceTo(1000, w, h);
        assertThat(h.take()).containsExactly("current 500 [a, 1.0]", "flush 1000");
        send(event(1500, "b"), w, h);
        advanceTo(2000, w, h);
        assertThat(h.take()).containsExactly("expired 2000 [a, 1.0]", "current 500 [a, 1.0]", "current 1500 [b, 1.0]",
                "flush 2000");
        advanceTo(4000, w, h);
        assertThat(h.take()).containsExactly(
                "expired 3000 [a, 1.0]", "expired 3000 [b, 1.0]", "current 500 [a, 1.0]", "current 1500 [b, 1.0]",
                "flush 3000",
                "expired 4000 [a, 1.0]", "expired 4000 [b, 1.0]", "current 1500 [b, 1.0]", "flush 4000");
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(1500L);

        advanceTo(9000, w, h);
        assertThat(h.take()).as("the empty window still expires the previous one, then idle ends are skipped")
                .containsExactly("expired 5000 [b, 1.0]", "flush 5000");
        assertThat(h.scheduled).isEmpty();
        send(event(9999, "c"), w, h);
        advanceTo(10_000, w, h);
        assertThat(h.take()).containsExactly("current 9999 [c, 1.0]", "flush 10000");
    }

    @Test
    void sizeEqualToSlideIsTumblingAndAnEventAtAnEndOpensTheNextWindow() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, 1000, 1000);
        send(event(100, "a"), w, h);
        send(event(999, "b"), w, h);
        send(event(1000, "c"), w, h);
        assertThat(h.take()).containsExactly("current 100 [a, 1.0]", "current 999 [b, 1.0]", "flush 1000");
        assertThat(h.scheduled).containsExactly(2000L);
    }

    @Test
    void catchesUpMissedEndsOnArrivalAndDropsEventsOlderThanEveryWindowToCome() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, 2000, 1000);
        w.process(event(100, "a"), h);
        w.process(event(3500, "b"), h); // timers at 1000..3000 never fired
        assertThat(h.take()).containsExactly("current 100 [a, 1.0]", "flush 1000",
                "expired 2000 [a, 1.0]", "current 100 [a, 1.0]", "flush 2000",
                "expired 3000 [a, 1.0]", "flush 3000");
        w.process(event(1900, "late"), h);
        w.process(event(2100, "lateButIn"), h);
        w.onTimer(4000, h);
        assertThat(h.take()).containsExactly("current 3500 [b, 1.0]", "current 2100 [lateButIn, 1.0]", "flush 4000");
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        WindowHarness h = new WindowHarness();
        Window original = window(h, 2000, 1000);
        send(event(200, "a"), original, h);
        send(event(1200, "b"), original, h);
        Serializable state = WindowHarness.roundTrip(original.snapshot());
        h.take();

        WindowHarness h2 = new WindowHarness();
        h2.now = h.now;
        Window restored = window(h2, 2000, 1000);
        restored.restore(state);
        assertThat(h2.scheduled).as("restore asks for the next end").containsExactly(2000L);
        assertThat(restored.contents()).containsExactlyElementsOf(original.contents());

        send(event(1800, "c"), original, h);
        send(event(1800, "c"), restored, h2);
        advanceTo(4000, original, h);
        advanceTo(4000, restored, h2);
        assertThat(h2.take()).containsExactly(
                "expired 2000 [a, 1.0]", "current 200 [a, 1.0]", "current 1200 [b, 1.0]", "current 1800 [c, 1.0]",
                "flush 2000",
                "expired 3000 [a, 1.0]", "expired 3000 [b, 1.0]", "expired 3000 [c, 1.0]",
                "current 1200 [b, 1.0]", "current 1800 [c, 1.0]", "flush 3000",
                "expired 4000 [b, 1.0]", "expired 4000 [c, 1.0]", "flush 4000").isEqualTo(h.take());
    }
}
