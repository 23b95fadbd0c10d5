package io.eventflux.window.externaltime.internal;

import static io.eventflux.extension.testing.WindowHarness.duration;
import static io.eventflux.extension.testing.WindowHarness.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.Event;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowSpec;
import io.eventflux.extension.testing.WindowHarness;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalTimeWindowTest {
    private static final StreamSchema SCHEMA = new StreamSchema("S",
            List.of(new Attribute("symbol", AttributeType.STRING), new Attribute("ts", AttributeType.LONG)));
    private static final Argument TS = Argument.attribute("ts", 1, AttributeType.LONG);

    private final ExternalTimeWindowFactory factory = new ExternalTimeWindowFactory();

    private static WindowSpec spec(Argument... args) {
        return new WindowSpec("externalTime", List.of(args), SCHEMA);
    }

    private Window window(long d, WindowHarness h) {
        WindowDefinition def = factory.define(spec(TS, duration(d)));
        assertThat(def.isBatch()).isFalse();
        return def.create(h);
    }

    /** An event whose engine timestamp (ts) differs from its attribute time (at). */
    private static Event event(long ts, String symbol, Long at) {
        return new Event(ts, new Object[] {symbol, at});
    }

    @Test
    void validatesParameters() {
        assertThatThrownBy(() -> factory.define(spec(TS)))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'externalTime' takes 2 argument(s): externalTime(timestamp, duration); got 1");
        assertThatThrownBy(() -> factory.define(spec(number(5), duration(10))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'externalTime' parameter 'timestamp' must be a LONG attribute, was 5 (LONG)");
        assertThatThrownBy(() -> factory.define(spec(Argument.attribute("symbol", 0, AttributeType.STRING), duration(10))))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("'timestamp' must be a LONG attribute, was attribute symbol (STRING)");
        assertThatThrownBy(() -> factory.define(spec(TS, duration(0))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'externalTime' parameter 'duration' must be positive, was 0");
        assertThatThrownBy(() -> factory.define(spec(TS, TS)))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("'duration' must be an integer constant, was attribute ts (LONG)");
    }

    @Test
    void annotationNamesTheExtension() {
        Extension ext = ExternalTimeWindowFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.WINDOW);
        assertThat(ext.name()).isEqualTo("externalTime");
        assertThat(ext.parameters()).hasSize(2);
    }

    @Test
    void expiresOnTheAttributeTimeOfArrivalsWithoutTimers() {
        WindowHarness h = new WindowHarness();
        Window w = window(1000, h);
        w.process(event(1, "a", 10_000L), h);
        w.process(event(2, "b", 10_500L), h);
        w.process(event(3, "c", 10_999L), h);
        assertThat(h.take()).containsExactly("current 1 [a, 10000]", "current 2 [b, 10500]", "current 3 [c, 10999]");

        w.process(event(4, "d", 11_000L), h);
        assertThat(h.take()).as("a event at at + d has left, stamped at + d")
                .containsExactly("expired 11000 [a, 10000]", "current 4 [d, 11000]");
        w.process(event(5, "e", 13_000L), h);
        assertThat(h.take()).containsExactly("expired 11500 [b, 10500]", "expired 11999 [c, 10999]",
                "expired 12000 [d, 11000]", "current 5 [e, 13000]");
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(5L);
        assertThat(h.scheduled).isEmpty();
    }

    @Test
    void lateArrivalsAreHeldAndNullTimesDropped() {
        WindowHarness h = new WindowHarness();
        Window w = window(100, h);
        w.process(event(1, "a", 1000L), h);
        w.process(event(2, "late", 950L), h);
        w.process(event(3, "none", null), h);
        assertThat(h.take()).containsExactly("current 1 [a, 1000]", "current 2 [late, 950]");
        w.process(event(4, "b", 1100L), h);
        assertThat(h.take()).containsExactly("expired 1100 [a, 1000]", "expired 1050 [late, 950]", "current 4 [b, 1100]");
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        WindowHarness h = new WindowHarness();
        Window original = window(1000, h);
        original.process(event(1, "a", 0L), h);
        original.process(event(2, "b", 400L), h);
        original.process(event(3, "c", 1200L), h);
        Serializable state = WindowHarness.roundTrip(original.snapshot());
        h.take();

        WindowHarness h2 = new WindowHarness();
        Window restored = window(1000, h2);
        restored.restore(state);
        assertThat(restored.contents()).containsExactlyElementsOf(original.contents());

        for (Event e : new Event[] {event(4, "d", 1400L), event(5, "e", 2300L)}) {
            original.process(e, h);
            restored.process(e, h2);
        }
        assertThat(h2.take()).containsExactly("expired 1400 [b, 400]", "current 4 [d, 1400]",
                "expired 2200 [c, 1200]", "current 5 [e, 2300]").isEqualTo(h.take());
    }

    @Test
    void restoreRejectsForeignState() {
        Window w = window(10, new WindowHarness());
        assertThatThrownBy(() -> w.restore("x")).isInstanceOf(IllegalArgumentException.class);
    }
}
