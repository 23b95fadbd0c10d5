package io.eventflux.window.frequent.internal;

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
import java.util.List;
import org.junit.jupiter.api.Test;

class FrequentWindowTest {
    private static final Argument SYMBOL = Argument.attribute("symbol", 0, AttributeType.STRING);

    private final FrequentWindowFactory factory = new FrequentWindowFactory();

    private FrequentWindow window(WindowHarness h, Argument... args) {
        WindowDefinition def = factory.define(spec("frequent", args));
        assertThat(def.isBatch()).isFalse();
        return (FrequentWindow) def.create(h);
    }

    private static Event event2(long ts, String symbol, double price) {
        return new Event(ts, new Object[] {symbol, price});
    }

    @Test
    void validatesParameters() {
        assertThatThrownBy(() -> factory.define(spec("frequent")))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'frequent' takes at least 1 argument(s): frequent(count [, attribute ...]); got 0");
        assertThatThrownBy(() -> factory.define(spec("frequent", number(0))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'frequent' parameter 'count' must be positive, was 0");
        assertThatThrownBy(() -> factory.define(spec("frequent", duration(5))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("'count' is a number of keys, not a duration");
        assertThatThrownBy(() -> factory.define(spec("frequent", SYMBOL)))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("'count' must be an integer constant, was attribute symbol (STRING)");
        assertThatThrownBy(() -> factory.define(spec("frequent", number(2), SYMBOL, number(1))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'frequent' parameter 3 must be a key attribute, was 1 (LONG)");
    }

    @Test
    void annotationNamesTheExtension() {
        Extension ext = FrequentWindowFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.WINDOW);
        assertThat(ext.name()).isEqualTo("frequent");
    }

    @Test
    void misraGriesCountsEvictsAndDrops() {
        WindowHarness h = new WindowHarness();
        FrequentWindow w = window(h, number(2), SYMBOL);
        w.process(event2(1, "a", 1), h);
        w.process(event2(2, "a", 2), h);
        w.process(event2(3, "b", 3), h);
        assertThat(h.take()).containsExactly("current 1 [a, 1.0]", "current 2 [a, 2.0]", "current 3 [b, 3.0]");
        assertThat(w.counters()).containsExactly(entry("a", 2L), entry("b", 1L));

        w.process(event2(4, "c", 4), h);
        assertThat(h.take()).as("b drops to 0 and is evicted, making room for c")
                .containsExactly("expired 4 [b, 3.0]", "current 4 [c, 4.0]");
        assertThat(w.counters()).containsExactly(entry("a", 1L), entry("c", 1L));

        w.process(event2(5, "c", 5), h);
        w.process(event2(6, "c", 6), h);
        w.process(event2(7, "a", 7), h);
        w.process(event2(8, "d", 8), h);
        assertThat(h.take()).as("d finds no room: both counters stay positive, d is dropped")
                .containsExactly("current 5 [c, 5.0]", "current 6 [c, 6.0]", "current 7 [a, 7.0]");
        assertThat(w.counters()).containsExactly(entry("a", 1L), entry("c", 2L));
        w.process(event2(9, "e", 9), h);
        assertThat(h.take()).containsExactly("expired 9 [a, 7.0]", "current 9 [e, 9.0]");
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(6L, 9L);
        assertThat(h.scheduled).isEmpty();
    }

    @Test
    void withoutKeyAttributesTheWholeEventIsTheKey() {
        WindowHarness h = new WindowHarness();
        FrequentWindow w = window(h, number(1));
        w.process(event2(1, "a", 1), h);
        w.process(event2(2, "a", 2), h);
        assertThat(h.take()).as("same symbol, other price: another key, the first is evicted")
                .containsExactly("current 1 [a, 1.0]", "expired 2 [a, 1.0]", "current 2 [a, 2.0]");
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        WindowHarness h = new WindowHarness();
        FrequentWindow original = window(h, number(2), SYMBOL);
        for (String s : new String[] {"a", "a", "a", "b"}) {
            original.process(event(1, s), h);
        }
        Serializable state = WindowHarness.roundTrip(original.snapshot());
        h.take();

        WindowHarness h2 = new WindowHarness();
        FrequentWindow restored = window(h2, number(2), SYMBOL);
        restored.restore(state);
        assertThat(restored.counters()).isEqualTo(original.counters());
        assertThat(restored.contents()).containsExactlyElementsOf(original.contents());

        long ts = 10;
        for (String s : new String[] {"c", "d", "e", "f"}) {
            original.process(event(ts, s), h);
            restored.process(event(ts, s), h2);
            ts++;
        }
        assertThat(h2.take()).containsExactly("expired 10 [b, 1.0]", "current 10 [c, 1.0]",
                "expired 11 [c, 1.0]", "current 11 [d, 1.0]", "expired 12 [a, 1.0]", "expired 12 [d, 1.0]",
                "current 12 [e, 1.0]", "current 13 [f, 1.0]").isEqualTo(h.take());
    }

    @Test
    void restoreRejectsForeignState() {
        Window w = window(new WindowHarness(), number(2));
        assertThatThrownBy(() -> w.restore(new Object[] {"x"})).isInstanceOf(IllegalArgumentException.class);
    }

    private static java.util.Map.Entry<List<Object>, Long> entry(String symbol, long count) {
        return java.util.Map.entry(List.of(symbol), count);
    }
}
