package io.eventflux.window.sort.internal;

import static io.eventflux.extension.testing.WindowHarness.duration;
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

class SortWindowTest {
    private static final Argument SYMBOL = Argument.attribute("symbol", 0, AttributeType.STRING);
    private static final Argument PRICE = Argument.attribute("price", 1, AttributeType.DOUBLE);

    private final SortWindowFactory factory = new SortWindowFactory();

    private Window window(WindowHarness h, Argument... args) {
        WindowDefinition def = factory.define(spec("sort", args));
        assertThat(def.isBatch()).isFalse();
        return def.create(h);
    }

    private static Argument text(String s) {
        return Argument.constant(AttributeType.STRING, s, false);
    }

    private static Event event(long ts, String symbol, Double price) {
        return new Event(ts, new Object[] {symbol, price});
    }

    @Test
    void validatesParameters() {
        assertThatThrownBy(() -> factory.define(spec("sort", number(2))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'sort' takes at least 2 argument(s): sort(size, attribute [, 'asc'|'desc'] [, attribute ...]); got 1");
        assertThatThrownBy(() -> factory.define(spec("sort", number(0), PRICE)))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'sort' parameter 'size' must be positive, was 0");
        assertThatThrownBy(() -> factory.define(spec("sort", duration(10), PRICE)))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("not a duration, was 10 ms");
        assertThatThrownBy(() -> factory.define(spec("sort", PRICE, PRICE)))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("'size' must be an integer constant, was attribute price (DOUBLE)");
        assertThatThrownBy(() -> factory.define(spec("sort", number(2), text("asc"))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'sort' parameter 2 ('asc' (STRING)) is a sort order but does not follow an attribute");
        assertThatThrownBy(() -> factory.define(spec("sort", number(2), PRICE, text("desc"), text("asc"))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("parameter 4 ('asc' (STRING)) is a sort order");
        assertThatThrownBy(() -> factory.define(spec("sort", number(2), PRICE, text("down"))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'sort' parameter 3 must be 'asc' or 'desc', was 'down'");
        assertThatThrownBy(() -> factory.define(spec("sort", number(2), number(1))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'sort' parameter 2 must be an attribute to sort by or 'asc'/'desc', was 1 (LONG)");
        assertThatThrownBy(() -> factory.define(spec("sort", number(2), Argument.attribute("blob", 1, AttributeType.OBJECT))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("cannot sort by attribute blob (OBJECT)");
    }

    @Test
    void annotationNamesTheExtension() {
        Extension ext = SortWindowFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.WINDOW);
        assertThat(ext.name()).isEqualTo("sort");
        assertThat(ext.parameters()).hasSize(3);
    }

    @Test
    void keepsTheSmallestAndPushesOutTheLastInSortOrder() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, number(2), PRICE);
        w.process(event(1, "a", 50.0), h);
        w.process(event(2, "b", 20.0), h);
        assertThat(h.take()).containsExactly("current 1 [a, 50.0]", "current 2 [b, 20.0]");

        w.process(event(3, "c", 30.0), h);
        assertThat(h.take()).as("current first, then the event that sorts last")
                .containsExactly("current 3 [c, 30.0]", "expired 3 [a, 50.0]");
        w.process(event(4, "d", 99.0), h);
        assertThat(h.take()).as("the arrival itself can be pushed out")
                .containsExactly("current 4 [d, 99.0]", "expired 4 [d, 99.0]");
        w.process(event(5, "e", 20.0), h);
        assertThat(h.take()).as("equal keys: the later arrival sorts later")
                .containsExactly("current 5 [e, 20.0]", "expired 5 [c, 30.0]");
        w.process(event(6, "f", 20.0), h);
        assertThat(h.take()).containsExactly("current 6 [f, 20.0]", "expired 6 [f, 20.0]");
        assertThat(w.contents()).as("oldest first").extracting(Event::timestamp).containsExactly(2L, 5L);
        assertThat(h.scheduled).isEmpty();
    }

    @Test
    void descendingAndSecondaryKeysAndNullsLast() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, number(3), PRICE, text("DESC"), SYMBOL);
        w.process(event(1, "b", 10.0), h);
        w.process(event(2, "a", 10.0), h);
        w.process(event(3, "x", 5.0), h);
        w.process(event(4, "c", 10.0), h);
        assertThat(h.take()).endsWith("current 4 [c, 10.0]", "expired 4 [x, 5.0]");
        w.process(event(5, "z", null), h);
        assertThat(h.take()).containsExactly("current 5 [z, null]", "expired 5 [z, null]");
        w.process(event(6, "a", 11.0), h);
        assertThat(h.take()).as("among price 10 the symbol 'c' sorts last")
                .containsExactly("current 6 [a, 11.0]", "expired 6 [c, 10.0]");
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        WindowHarness h = new WindowHarness();
        Window original = window(h, number(3), PRICE);
        original.process(event(1, "a", 5.0), h);
        original.process(event(2, "b", 5.0), h);
        original.process(event(3, "c", 1.0), h);
        Serializable state = WindowHarness.roundTrip(original.snapshot());
        h.take();

        WindowHarness h2 = new WindowHarness();
        Window restored = window(h2, number(3), PRICE);
        restored.restore(state);
        assertThat(restored.contents()).containsExactlyElementsOf(original.contents());

        for (Event e : new Event[] {event(4, "d", 2.0), event(5, "e", 0.5), event(6, "f", 9.0)}) {
            original.process(e, h);
            restored.process(e, h2);
        }
        assertThat(h2.take()).as("the tie between a and b survives the restore")
                .containsExactly("current 4 [d, 2.0]", "expired 4 [b, 5.0]", "current 5 [e, 0.5]", "expired 5 [a, 5.0]",
                        "current 6 [f, 9.0]", "expired 6 [f, 9.0]").isEqualTo(h.take());
    }

    @Test
    void restoreRejectsOversizedState() {
        WindowHarness h = new WindowHarness();
        Window big = window(h, number(3), PRICE);
        for (int i = 0; i < 3; i++) {
            big.process(event(i, "s", (double) i), h);
        }
        Window small = window(h, number(2), PRICE);
        assertThatThrownBy(() -> small.restore(big.snapshot())).isInstanceOf(IllegalArgumentException.class);
    }
}
