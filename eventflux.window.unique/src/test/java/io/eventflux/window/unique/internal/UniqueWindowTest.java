package io.eventflux.window.unique.internal;

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

class UniqueWindowTest {
    private static final Argument SYMBOL = Argument.attribute("symbol", 0, AttributeType.STRING);

    private final UniqueWindowFactory factory = new UniqueWindowFactory();

    private Window window(WindowHarness h) {
        WindowDefinition def = factory.define(spec("unique", SYMBOL));
        assertThat(def.isBatch()).isFalse();
        return def.create(h);
    }

    private static Event event2(long ts, String symbol, double price) {
        return new Event(ts, new Object[] {symbol, price});
    }

    @Test
    void validatesParameters() {
        assertThatThrownBy(() -> factory.define(spec("unique")))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'unique' takes 1 argument(s): unique(key); got 0");
        assertThatThrownBy(() -> factory.define(spec("unique", SYMBOL, SYMBOL)))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("got 2");
        assertThatThrownBy(() -> factory.define(spec("unique", number(3))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'unique' parameter 'key' must be an attribute, was 3 (LONG)");
        assertThatThrownBy(() -> factory.define(spec("unique", Argument.expression(AttributeType.STRING))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("was an expression of type STRING");
    }

    @Test
    void annotationNamesTheExtension() {
        Extension ext = UniqueWindowFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.WINDOW);
        assertThat(ext.name()).isEqualTo("unique");
        assertThat(ext.parameters()).singleElement().asString().startsWith("key:");
    }

    @Test
    void keepsTheLatestPerKeyAndExpiresTheReplacedOneFirst() {
        WindowHarness h = new WindowHarness();
        Window w = window(h);
        w.process(event2(1, "IBM", 10), h);
        w.process(event2(2, "WSO2", 20), h);
        assertThat(h.take()).containsExactly("current 1 [IBM, 10.0]", "current 2 [WSO2, 20.0]");

        w.process(event2(5, "IBM", 11), h);
        assertThat(h.take()).containsExactly("expired 5 [IBM, 10.0]", "current 5 [IBM, 11.0]");
        assertThat(w.contents()).as("oldest first: the replaced key moved to the end")
                .extracting(Event::timestamp).containsExactly(2L, 5L);

        w.process(new Event(6, new Object[] {null, 1.0}), h);
        w.process(new Event(7, new Object[] {null, 2.0}), h);
        assertThat(h.take()).as("NULL is a key too").containsExactly("current 6 [null, 1.0]",
                "expired 7 [null, 1.0]", "current 7 [null, 2.0]");
        assertThat(h.scheduled).isEmpty();
        assertThatThrownBy(() -> w.contents().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        WindowHarness h = new WindowHarness();
        Window original = window(h);
        original.process(event(1, "a"), h);
        original.process(event(2, "b"), h);
        original.process(event(3, "a"), h);
        Serializable state = WindowHarness.roundTrip(original.snapshot());
        h.take();

        WindowHarness h2 = new WindowHarness();
        Window restored = window(h2);
        restored.restore(state);
        assertThat(restored.contents()).containsExactlyElementsOf(original.contents());

        for (Event e : new Event[] {event(4, "b"), event(5, "c"), event(6, "a")}) {
            original.process(e, h);
            restored.process(e, h2);
        }
        assertThat(h2.take()).containsExactly("expired 4 [b, 1.0]", "current 4 [b, 1.0]", "current 5 [c, 1.0]",
                "expired 6 [a, 1.0]", "current 6 [a, 1.0]").isEqualTo(h.take());
        assertThat(restored.contents()).extracting(Event::timestamp).containsExactly(4L, 5L, 6L);
    }

    @Test
    void restoreRejectsForeignState() {
        Window w = window(new WindowHarness());
        assertThatThrownBy(() -> w.restore("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
