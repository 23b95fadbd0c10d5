package io.eventflux.window.lengthbatch.internal;

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

class LengthBatchWindowTest {
    private final LengthBatchWindowFactory factory = new LengthBatchWindowFactory();

    private Window window(long size, WindowHarness h) {
        WindowDefinition def = factory.define(spec("lengthBatch", number(size)));
        assertThat(def.isBatch()).isTrue();
        return def.create(h);
    }

    @Test
    void validatesParameters() {
        assertThatThrownBy(() -> factory.define(spec("lengthBatch")))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("window 'lengthBatch' takes 1 argument");
        assertThatThrownBy(() -> factory.define(spec("lengthBatch", number(0))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'lengthBatch' parameter 'size' must be positive, was 0");
        assertThatThrownBy(() -> factory.define(spec("lengthBatch", number(-2))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("was -2");
        assertThatThrownBy(() -> factory.define(spec("lengthBatch", duration(1000))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("not a duration, was 1000 ms");
        assertThatThrownBy(() -> factory.define(spec("lengthBatch", Argument.expression(AttributeType.INT))))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("'size' must be an integer constant, was an expression of type INT");
    }

    @Test
    void annotationNamesTheExtension() {
        Extension ext = LengthBatchWindowFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.WINDOW);
        assertThat(ext.name()).isEqualTo("lengthBatch");
    }

    @Test
    void flushesFullBatchesOnlyAndExpiresThePreviousBatchFirst() {
        WindowHarness h = new WindowHarness();
        Window w = window(2, h);
        w.process(event(1, "a"), h);
        assertThat(h.take()).isEmpty();
        w.process(event(2, "b"), h);
        assertThat(h.take()).containsExactly("current 1 [a, 1.0]", "current 2 [b, 1.0]", "flush 2");
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(1L, 2L);

        w.process(event(5, "c"), h);
        assertThat(h.take()).isEmpty();
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(1L, 2L);
        w.process(event(7, "d"), h);
        assertThat(h.take()).containsExactly("expired 7 [a, 1.0]", "expired 7 [b, 1.0]",
                "current 5 [c, 1.0]", "current 7 [d, 1.0]", "flush 7");
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(5L, 7L);

        w.process(event(9, "e"), h);
        assertThat(h.take()).as("an incomplete batch is never flushed").isEmpty();
        assertThat(h.scheduled).isEmpty();
    }

    @Test
    void batchOfOneFlushesEveryEvent() {
        WindowHarness h = new WindowHarness();
        Window w = window(1, h);
        w.process(event(1, "a"), h);
        w.process(event(2, "b"), h);
        assertThat(h.take()).containsExactly("current 1 [a, 1.0]", "flush 1",
                "expired 2 [a, 1.0]", "current 2 [b, 1.0]", "flush 2");
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        WindowHarness h = new WindowHarness();
        Window original = window(3, h);
        for (int i = 1; i <= 5; i++) { // one flushed batch (1..3) and two filling (4, 5)
            original.process(event(i, "e" + i), h);
        }
        Serializable state = WindowHarness.roundTrip(original.snapshot());
        h.take();

        WindowHarness h2 = new WindowHarness();
        Window restored = window(3, h2);
        restored.restore(state);
        assertThat(restored.contents()).containsExactlyElementsOf(original.contents());

        original.process(event(6, "e6"), h);
        restored.process(event(6, "e6"), h2);
        assertThat(h2.take()).containsExactly("expired 6 [e1, 1.0]", "expired 6 [e2, 1.0]", "expired 6 [e3, 1.0]",
                "current 4 [e4, 1.0]", "current 5 [e5, 1.0]", "current 6 [e6, 1.0]", "flush 6").isEqualTo(h.take());
    }

    @Test
    void restoreRejectsForeignState() {
        Window w = window(2, new WindowHarness());
        assertThatThrownBy(() -> w.restore("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
