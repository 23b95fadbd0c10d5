package io.eventflux.window.expressionbatch.internal;

import static io.eventflux.extension.testing.WindowHarness.event;
import static io.eventflux.extension.testing.WindowHarness.spec;
import static io.eventflux.extension.testing.WindowHarness.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.extension.testing.FakeConditions;
import io.eventflux.extension.testing.WindowHarness;
import java.io.Serializable;
import org.junit.jupiter.api.Test;

class ExpressionBatchWindowTest {
    private final ExpressionBatchWindowFactory factory = new ExpressionBatchWindowFactory();
    private final FakeConditions conditions = new FakeConditions();

    private Window window(String condition, WindowHarness h) {
        WindowDefinition def = factory.define(spec("expressionBatch", text(condition)), conditions);
        assertThat(def.isBatch()).isTrue();
        return def.create(h);
    }

    @Test
    void validatesTheArguments() {
        assertThatThrownBy(() -> factory.define(spec("expressionBatch"), conditions))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("window 'expressionBatch' takes 1 argument");
        assertThatThrownBy(() -> factory.define(spec("expressionBatch", text("nonsense")), conditions))
                .isInstanceOf(ExtensionException.class).hasMessage("condition 'nonsense' does not compile");
    }

    @Test
    void annotationNamesTheExtension() {
        Extension ext = ExpressionBatchWindowFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.WINDOW);
        assertThat(ext.name()).isEqualTo("expressionBatch");
    }

    @Test
    void theArrivalThatBreaksTheConditionFlushesTheBatchWithoutItself() {
        WindowHarness h = new WindowHarness();
        Window w = window("count() <= 2", h);
        w.process(event(1, "a"), h);
        w.process(event(2, "b"), h);
        assertThat(h.take()).as("the batch holds while count() <= 2").isEmpty();
        w.process(event(3, "c"), h);
        assertThat(h.take()).containsExactly("current 1 [a, 1.0]", "current 2 [b, 1.0]", "flush 3");
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(1L, 2L);

        w.process(event(4, "d"), h);
        w.process(event(5, "e"), h);
        assertThat(h.take()).containsExactly("expired 5 [a, 1.0]", "expired 5 [b, 1.0]",
                "current 3 [c, 1.0]", "current 4 [d, 1.0]", "flush 5");
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(3L, 4L);
        assertThat(h.scheduled).isEmpty();
    }

    @Test
    void anArrivalThatViolatesTheConditionAloneIsABatchOfOne() {
        WindowHarness h = new WindowHarness();
        Window w = window("sum(price) <= 10", h);
        w.process(event(1, "a", 4), h);
        w.process(event(2, "big", 50), h);
        assertThat(h.take()).containsExactly("current 1 [a, 4.0]", "flush 2",
                "expired 2 [a, 4.0]", "current 2 [big, 50.0]", "flush 2");
        w.process(event(3, "c", 5), h);
        w.process(event(4, "d", 5), h);
        assertThat(h.take()).as("the state of the new batch starts empty").isEmpty();
        w.process(event(5, "e", 1), h);
        assertThat(h.take()).containsExactly("expired 5 [big, 50.0]", "current 3 [c, 5.0]", "current 4 [d, 5.0]",
                "flush 5");
    }

    @Test
    void snapshotRestoresBothBatchesAndTheConditionState() {
        WindowHarness h = new WindowHarness();
        Window original = window("sum(price) <= 10", h);
        for (int i = 1; i <= 6; i++) { // batch 1..4 (sum 10), batch 5 (closed by 6), 6 filling
            original.process(event(i, "e" + i, i), h);
        }
        Serializable state = WindowHarness.roundTrip(original.snapshot());
        h.take();

        WindowHarness h2 = new WindowHarness();
        Window restored = window("sum(price) <= 10", h2);
        restored.restore(state);
        assertThat(restored.contents()).containsExactlyElementsOf(original.contents());

        original.process(event(7, "e7", 5), h);
        restored.process(event(7, "e7", 5), h2);
        assertThat(h2.take()).containsExactly("expired 7 [e5, 5.0]", "current 6 [e6, 6.0]", "flush 7")
                .isEqualTo(h.take());
    }

    @Test
    void restoreRejectsForeignState() {
        Window w = window("count() <= 2", new WindowHarness());
        assertThatThrownBy(() -> w.restore(new Object[] {1})).isInstanceOf(IllegalArgumentException.class);
    }
}
