package io.eventflux.window.firstunique.internal;

import static io.eventflux.extension.testing.WindowHarness.event;
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

class FirstUniqueWindowTest {
    private static final Argument SYMBOL = Argument.attribute("symbol", 0, AttributeType.STRING);

    private final FirstUniqueWindowFactory factory = new FirstUniqueWindowFactory();

    private Window window(WindowHarness h) {
        WindowDefinition def = factory.define(spec("firstUnique", SYMBOL));
        assertThat(def.isBatch()).isFalse();
        return def.create(h);
    }

    @Test
    void validatesParameters() {
        assertThatThrownBy(() -> factory.define(spec("firstUnique")))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'firstUnique' takes 1 argument(s): firstUnique(key); got 0");
        assertThatThrownBy(() -> factory.define(spec("firstUnique", SYMBOL, SYMBOL)))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("got 2");
        assertThatThrownBy(() -> factory.define(spec("firstUnique", Argument.constant(AttributeType.STRING, "x", false))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'firstUnique' parameter 'key' must be an attribute, was 'x' (STRING)");
    }

    @Test
    void annotationNamesTheExtension() {
        Extension ext = FirstUniqueWindowFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.WINDOW);
        assertThat(ext.name()).isEqualTo("firstUnique");
    }

    @Test
    void keepsTheFirstPerKeyAndDropsLaterOnes() {
        WindowHarness h = new WindowHarness();
        Window w = window(h);
        w.process(event(1, "a"), h);
        w.process(event(2, "b"), h);
        w.process(event(3, "a"), h);
        w.process(event(4, "c"), h);
        w.process(event(5, "b"), h);
        assertThat(h.take()).containsExactly("current 1 [a, 1.0]", "current 2 [b, 1.0]", "current 4 [c, 1.0]");
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(1L, 2L, 4L);
        assertThat(h.scheduled).isEmpty();
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        WindowHarness h = new WindowHarness();
        Window original = window(h);
        original.process(event(1, "a"), h);
        original.process(event(2, "b"), h);
        Serializable state = WindowHarness.roundTrip(original.snapshot());
        h.take();

        WindowHarness h2 = new WindowHarness();
        Window restored = window(h2);
        restored.restore(state);
        assertThat(restored.contents()).containsExactlyElementsOf(original.contents());

        for (Event e : new Event[] {event(3, "a"), event(4, "c"), event(5, "b"), event(6, "d")}) {
            original.process(e, h);
            restored.process(e, h2);
        }
        assertThat(h2.take()).containsExactly("current 4 [c, 1.0]", "current 6 [d, 1.0]").isEqualTo(h.take());
    }

    @Test
    void restoreRejectsForeignState() {
        Window w = window(new WindowHarness());
        assertThatThrownBy(() -> w.restore(42L)).isInstanceOf(IllegalArgumentException.class);
    }
}
