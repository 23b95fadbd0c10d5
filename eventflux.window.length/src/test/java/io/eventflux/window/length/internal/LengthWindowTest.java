package io.eventflux.window.length.internal;

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
import java.util.List;
import org.junit.jupiter.api.Test;

class LengthWindowTest {
    private final LengthWindowFactory factory = new LengthWindowFactory();

    private Window window(long size, WindowHarness h) {
        WindowDefinition def = factory.define(spec("length", number(size)));
        assertThat(def.isBatch()).isFalse();
        return def.create(h);
    }

    @Test
    void rejectsWrongArgumentCount() {
        assertThatThrownBy(() -> factory.define(spec("length")))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("window 'length' takes 1 argument");
        assertThatThrownBy(() -> factory.define(spec("length", number(1), number(2))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("got 2");
    }

    @Test
    void rejectsNonPositiveSizes() {
        assertThatThrownBy(() -> factory.define(spec("length", number(0))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'length' parameter 'size' must be positive, was 0");
        assertThatThrownBy(() -> factory.define(spec("length", integer(-3))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("'size' must be positive, was -3");
    }

    @Test
    void rejectsNonIntegralDurationsAttributesAndHugeSizes() {
        assertThatThrownBy(() -> factory.define(spec("length", duration(5000))))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("'size' is a number of events, not a duration, was 5000 ms");
        assertThatThrownBy(() -> factory.define(spec("length", Argument.attribute("price", 1, AttributeType.DOUBLE))))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("'size' must be an integer constant, was attribute price (DOUBLE)");
        assertThatThrownBy(() -> factory.define(spec("length", Argument.constant(AttributeType.STRING, "5", false))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("was '5' (STRING)");
        assertThatThrownBy(() -> factory.define(spec("length", number(1L << 40))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("must be at most 2147483647");
    }

    @Test
    void annotationNamesTheExtension() {
        Extension ext = LengthWindowFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.WINDOW);
        assertThat(ext.name()).isEqualTo("length");
        assertThat(ext.parameters()).singleElement().asString().startsWith("size: INT|LONG");
    }

    @Test
    void keepsTheLastNAndExpiresTheOldestBeforeTheArrival() {
        WindowHarness h = new WindowHarness();
        Window w = window(2, h);
        w.process(event(10, "a"), h);
        w.process(event(20, "b"), h);
        assertThat(h.take()).containsExactly("current 10 [a, 1.0]", "current 20 [b, 1.0]");

        w.process(event(35, "c"), h);
        assertThat(h.take()).containsExactly("expired 35 [a, 1.0]", "current 35 [c, 1.0]");
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(20L, 35L);
        assertThat(h.scheduled).isEmpty();
    }

    @Test
    void lengthOneReplacesEveryEvent() {
        WindowHarness h = new WindowHarness();
        Window w = window(1, h);
        w.process(event(1, "a"), h);
        w.process(event(2, "b"), h);
        w.process(event(3, "c"), h);
        assertThat(h.take()).containsExactly("current 1 [a, 1.0]", "expired 2 [a, 1.0]", "current 2 [b, 1.0]",
                "expired 3 [b, 1.0]", "current 3 [c, 1.0]");
    }

    @Test
    void contentsIsReadOnly() {
        WindowHarness h = new WindowHarness();
        Window w = window(3, h);
        w.process(event(1, "a"), h);
        assertThatThrownBy(() -> w.contents().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        WindowHarness h = new WindowHarness();
        Window original = window(3, h);
        for (int i = 1; i <= 4; i++) {
            original.process(event(i, "e" + i), h);
        }
        Serializable state = WindowHarness.roundTrip(original.snapshot());
        h.take();

        WindowHarness h2 = new WindowHarness();
        Window restored = window(3, h2);
        restored.restore(state);
        assertThat(restored.contents()).containsExactlyElementsOf(List.copyOf(original.contents()));

        original.process(event(5, "e5"), h);
        restored.process(event(5, "e5"), h2);
        assertThat(h2.take()).containsExactly("expired 5 [e2, 1.0]", "current 5 [e5, 1.0]").isEqualTo(h.take());
    }

    @Test
    void snapshotDoesNotShareStateWithTheWindow() {
        WindowHarness h = new WindowHarness();
        Window w = window(2, h);
        w.process(event(1, "a"), h);
        Object[] parts = (Object[]) w.snapshot();
        ((Object[][]) parts[1])[0][0] = "changed";
        assertThat(w.contents()).singleElement().extracting(e -> e.get(0)).isEqualTo("a");
        w.process(event(2, "b"), h);
        assertThat(((long[]) parts[0])).containsExactly(1L);
    }
}
