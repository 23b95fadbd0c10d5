package io.eventflux.window.expression.internal;

import static io.eventflux.extension.testing.WindowHarness.event;
import static io.eventflux.extension.testing.WindowHarness.number;
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
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionWindowTest {
    private final ExpressionWindowFactory factory = new ExpressionWindowFactory();
    private final FakeConditions conditions = new FakeConditions();

    private Window window(String condition, WindowHarness h) {
        WindowDefinition def = factory.define(spec("expression", text(condition)), conditions);
        assertThat(def.isBatch()).isFalse();
        return def.create(h);
    }

    @Test
    void validatesTheArgumentsAndPassesConditionErrorsOn() {
        assertThatThrownBy(() -> factory.define(spec("expression"), conditions))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("window 'expression' takes 1 argument");
        assertThatThrownBy(() -> factory.define(spec("expression", number(3)), conditions))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'expression' parameter 'condition' must be a string constant, was 3 (LONG)");
        assertThatThrownBy(() -> factory.define(spec("expression", text("avg(x) <= 1")), conditions))
                .isInstanceOf(ExtensionException.class).hasMessage("condition 'avg(x) <= 1': unknown 'avg(x)'");
        assertThatThrownBy(() -> factory.define(spec("expression", text("count() <= 1"))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("needs the engine's condition compiler");
    }

    @Test
    void annotationNamesTheExtension() {
        Extension ext = ExpressionWindowFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.WINDOW);
        assertThat(ext.name()).isEqualTo("expression");
        assertThat(ext.parameters()).singleElement().asString().startsWith("condition: STRING");
    }

    @Test
    void countConditionBehavesLikeALengthWindow() {
        WindowHarness h = new WindowHarness();
        Window w = window("count() <= 2", h);
        w.process(event(10, "a"), h);
        w.process(event(20, "b"), h);
        assertThat(h.take()).containsExactly("current 10 [a, 1.0]", "current 20 [b, 1.0]");
        w.process(event(35, "c"), h);
        assertThat(h.take()).containsExactly("expired 35 [a, 1.0]", "current 35 [c, 1.0]");
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(20L, 35L);
        assertThat(h.scheduled).isEmpty();
    }

    @Test
    void anArrivalExpiresAsManyOfTheOldestAsItTakes() {
        WindowHarness h = new WindowHarness();
        Window w = window("sum(price) <= 10", h);
        w.process(event(1, "a", 3), h);
        w.process(event(2, "b", 3), h);
        w.process(event(3, "c", 3), h);
        assertThat(h.take()).hasSize(3);
        w.process(event(4, "d", 7), h); // 16 -> 13 -> 10
        assertThat(h.take()).containsExactly("expired 4 [a, 3.0]", "expired 4 [b, 3.0]", "current 4 [d, 7.0]");
        assertThat(w.contents()).extracting(e -> e.get(0)).containsExactly("c", "d");
    }

    @Test
    void anArrivalThatViolatesTheConditionAloneExpiresAtOnce() {
        WindowHarness h = new WindowHarness();
        Window w = window("sum(price) <= 10", h);
        w.process(event(1, "a", 4), h);
        w.process(event(2, "big", 50), h);
        assertThat(h.take()).containsExactly("current 1 [a, 4.0]", "expired 2 [a, 4.0]", "current 2 [big, 50.0]",
                "expired 2 [big, 50.0]");
        assertThat(w.contents()).isEmpty();
        w.process(event(3, "c", 5), h);
        assertThat(h.take()).as("the state forgot the big one").containsExactly("current 3 [c, 5.0]");
    }

    @Test
    void firstAndLastAreTheOldestAndTheNewestHeldEvent() {
        WindowHarness h = new WindowHarness();
        Window w = window("span <= 10", h);
        w.process(event(0, "a"), h);
        w.process(event(6, "b"), h);
        w.process(event(10, "c"), h);
        w.process(event(17, "d"), h);
        assertThat(h.take()).containsExactly("current 0 [a, 1.0]", "current 6 [b, 1.0]", "current 10 [c, 1.0]",
                "expired 17 [a, 1.0]", "expired 17 [b, 1.0]", "current 17 [d, 1.0]");
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(10L, 17L);
    }

    @Test
    void contentsIsReadOnly() {
        WindowHarness h = new WindowHarness();
        Window w = window("count() <= 3", h);
        w.process(event(1, "a"), h);
        assertThatThrownBy(() -> w.contents().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void snapshotRestoresEventsAndConditionStateIntoAFreshInstance() {
        WindowHarness h = new WindowHarness();
        Window original = window("sum(price) <= 10", h);
        for (int i = 1; i <= 5; i++) {
            original.process(event(i, "e" + i, i), h);
        }
        Serializable state = WindowHarness.roundTrip(original.snapshot());
        h.take();

        WindowHarness h2 = new WindowHarness();
        Window restored = window("sum(price) <= 10", h2);
        restored.restore(state);
        assertThat(restored.contents()).containsExactlyElementsOf(List.copyOf(original.contents()));

        original.process(event(6, "e6", 6), h);
        restored.process(event(6, "e6", 6), h2);
        assertThat(h2.take()).containsExactly("expired 6 [e4, 4.0]", "expired 6 [e5, 5.0]", "current 6 [e6, 6.0]").isEqualTo(h.take());
    }

    @Test
    void restoreRejectsForeignState() {
        Window w = window("count() <= 2", new WindowHarness());
        assertThatThrownBy(() -> w.restore("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
